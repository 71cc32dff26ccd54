package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/extract/input"
	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

func init() {
	register(command{name: "build", summary: "extract facts from articles and store them", run: runBuild})
}

const buildDoc = `Reads articles as extract does (.txt files, .jsonl and .jsonl.gz records,
saved pages .html/.htm, WARC crawls .warc/.warc.gz, directories, "-" for stdin) and stores their facts in the store named by --db: a bolt
directory (created if needed), ":memory:" (for trying things out: gone at
exit), or a postgres:// URL.

Each article's facts are stored under its IRI. Building again stores only
what changed: an article whose text changed has exactly its facts replaced,
an unchanged one writes nothing. The gazetteer's background facts are added
once. Articles are committed in batches (at most --batch per transaction;
on bolt fewer when a commit wrote more than --commit-mib of pages, which it
holds in memory at once; unless the flag is given, that budget rises from 32
to 128 MiB while the build's peak memory leaves room): Ctrl-C stops after the current batch commits, and
a killed build leaves the store as of its last commit; building again
completes it.

A summary goes to stderr at the end, and progress while building when stderr
is a terminal. Unreadable inputs are reported and skipped.

Exit status: 0 all stored; 1 error (the store is as of the last commit);
2 usage; 3 some inputs could not be read or stored (the others were);
130 interrupted (what was read is stored).`

func runBuild(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "build", "PATH...", buildDoc)
	db := addDBFlag(fs)
	batch := fs.Int("batch", graph.DefaultBatchDocs, "articles per transaction at most")
	commitMiB := fs.Int("commit-mib", graph.DefaultDirtyBudget>>20, fmt.Sprintf("bolt: MiB of pages a transaction may write (fewer articles when more; 0: no limit); unless given, raised up to %d while the build's peak memory stays under %d MiB", graph.MaxDirtyBudget>>20, graph.BudgetPeakRSS>>20))
	in := addInputFlags(fs)
	asJSON := fs.Bool("json", false, "print the summary as one JSON object on stdout (instead of a line on stderr)")
	noAnswers := fs.Bool("no-answers", false, "do not store the hubs' answers at the end (the queries of hubs then read the store row by row until a build or rm stores them)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "extract on this many cores; the store ends the same for any number")
	prof := addProfileFlags(fs)
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return missingArgs("build", "PATH... (files or directories of articles, or - for stdin)")
	}
	if *batch < 1 {
		return fmt.Errorf("%w: --batch must be at least 1", errUsage)
	}
	if *workers < 1 {
		return fmt.Errorf("%w: --workers must be at least 1", errUsage)
	}
	if *commitMiB < 0 {
		return fmt.Errorf("%w: --commit-mib must be 0 or more", errUsage)
	}
	x, err := newExtractor(e)
	if err != nil {
		return err
	}
	x = x.WithoutEvidence() // a build stores quads; the viewer finds evidence itself
	// A bolt store this build creates is removed again if no article was
	// stored in it: a build whose every input failed leaves nothing behind.
	fresh := false
	if *db != "" && *db != ":memory:" && !strings.Contains(*db, "://") {
		_, serr := os.Stat(*db)
		fresh = errors.Is(serr, os.ErrNotExist)
	}
	s, err := openStore(ctx, e, *db)
	if err != nil {
		return err
	}
	var b *builder
	defer func() {
		closeStore(s, &err)
		if b != nil && b.discarded {
			if rerr := os.RemoveAll(*db); rerr != nil {
				e.log.Warn("removing the empty store", "path", *db, "err", rerr)
			}
		}
	}()

	b = &builder{e: e, store: s, prog: newProgress(e), files: map[string]string{},
		persons: map[string]bool{}, orgs: map[string]bool{}, events: map[string]bool{}, workers: *workers, prof: prof}
	// A build's live heap is a batch in flight and the build's counts (some
	// 80 MB at 100k articles); the collector's default slack doubles it. A
	// soft limit makes it collect sooner near the limit instead (GOMEMLIMIT
	// overrides it).
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(buildMemoryLimit)
		if os.Getenv("GOGC") == "" {
			// Under the limit the collector need not also run at every
			// doubling of the live heap: at Go's default it cost a fifth of
			// a 10k-article build's CPU time; at 400 it runs when the heap
			// nears the limit (bench/RESULTS.md, session 7). A 100k build's
			// heap sat at the limit already.
			debug.SetGCPercent(buildGCPercent)
		}
	}
	if err := prof.start(); err != nil {
		return err
	}
	start := time.Now()
	wopts := []graph.WriterOption{graph.BatchDocs(*batch)}
	if flagGiven(fs, "commit-mib") {
		wopts = append(wopts, graph.DirtyBudget(*commitMiB<<20))
	}
	err = b.run(ctx, x, paths, in, wopts...)
	if err == nil && !*noAnswers {
		if os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(answersMemoryLimit)
		}
		var st graph.AnswerStats
		st, err = storeAnswers(ctx, s, b.prog) // answers.go
		b.answers = &st
	}
	if perr := prof.stop(); perr != nil && err == nil {
		err = perr
	}
	b.prog.finish()
	b.discarded = fresh && b.stored == 0
	if err == nil || ctx.Err() != nil {
		if *asJSON {
			if jerr := b.summaryJSON(time.Since(start), ctx.Err() != nil); jerr != nil && err == nil {
				err = jerr
			}
		} else {
			b.summary(time.Since(start))
		}
	}
	if err != nil {
		return err
	}
	switch {
	case b.failed > 0 && b.stored == 0 && b.copies == 0:
		return fmt.Errorf("no article stored: all %d inputs failed", b.failed)
	case b.failed > 0:
		return fmt.Errorf("%w: %d of %d inputs failed", errPartial, b.failed, b.failed+b.stored)
	case b.stored == 0 && b.copies == 0 && b.noInputs > 0:
		return fmt.Errorf("no article stored: no inputs found in %s", strings.Join(paths, " "))
	}
	return nil
}

// buildMemoryLimit is the Go heap's soft limit during a build: the heap sits
// at it (GOGC 400), and the bolt file's resident pages come on top (at 224
// MiB a 30k-article build peaked at 513 MB: bench/RESULTS.md, session 9–10).
const buildMemoryLimit = 192 << 20

// answersMemoryLimit is the heap's soft limit while the stored answers are
// computed at the end of a build: their live heap is some 100 MB at 100k
// articles, and the store's pages they read come on top in bursts (up to
// 275 MiB between two releases on a quiet machine: bench/RESULTS.md,
// session 11).
const answersMemoryLimit = 160 << 20

// buildGCPercent is the collector's GOGC during a build, below the limit.
const buildGCPercent = 400

// builder is one build: the pipeline's state and its counts.
type builder struct {
	e       *env
	store   *graph.Store
	prog    *progress
	workers int // extracting goroutines
	prof    *profiler

	files map[string]string // label → source file, until committed

	// counts, owned by the goroutine that runs the writer
	stored, created, changed, unchanged int
	added, removed                      int
	failed                              int                // inputs unreadable, refused or not stored
	noInputs                            int                // directories without inputs
	answers                             *graph.AnswerStats // the stored answers' update, if one ran
	discarded                           bool               // the store was created by this build, and is removed: nothing was stored
	persons, orgs, events               map[string]bool
	background                          int
	copies                              int         // second copies of a document read (skipped)
	skipped                             input.Stats // WARC records that are not articles
}

// built is one input after the worker pool: its extraction, or why it failed.
type built struct {
	res   extract.Result
	where string
	err   error
	seq   int // the input's place in the walk: results are written in this order
}

type seqItem struct {
	it  input.Item
	seq int
}

// run walks the inputs, extracts on every core, and writes from this
// goroutine. Cancelling ctx stops reading; what was extracted is committed.
func (b *builder) run(ctx context.Context, x *extract.Extractor, paths []string, in inputFlags, wopts ...graph.WriterOption) error {
	e := b.e
	walkCtx, stopWalk := context.WithCancel(ctx)
	defer stopWalk()
	items := make(chan seqItem, 64)
	results := make(chan built, 64)
	var known atomic.Int64
	var walkTally tally // the walker's until walkDone is closed
	var walkStats input.Stats
	walkDone := make(chan struct{})
	// The walker reports bad inputs through the progress line.
	we := *e
	we.stderr = b.prog
	var walkErr error
	go func() {
		defer close(items)
		defer close(walkDone)
		walkStats, walkErr = walkInputs(walkCtx, &we, paths, in, &walkTally, func(it input.Item) error {
			seq := int(known.Add(1)) - 1
			select {
			case items <- seqItem{it, seq}:
				return nil
			case <-walkCtx.Done():
				return walkCtx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range max(b.workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for si := range items {
				// pages are read here, on every core, as files are extracted
				doc, err := si.it.Document()
				if err != nil {
					results <- built{where: si.it.Where(), err: err, seq: si.seq}
					continue
				}
				results <- built{res: x.Extract(doc), where: si.it.Where(), seq: si.seq}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	defer func() {
		// Stop reading and let the extractors finish in the background: a
		// walker blocked reading (a pipe, a slow disk) must not hold up an
		// interrupted build.
		stopWalk()
		go func() {
			for range results {
			}
		}()
		select {
		case <-walkDone:
			b.failed += walkTally.failed
			b.noInputs += walkTally.empty
			b.skipped = walkStats
		default:
		}
	}()
	dd := newDedup()

	// Writes go on after an interrupt until the batch is committed.
	wctx := context.WithoutCancel(ctx)
	w := b.store.NewWriter(append(wopts, graph.OnCommit(b.committed))...)
	done := 0
	// Results are written in the walk's order, whatever order the workers
	// finish in, so that of two copies of one article the first read is kept.
	pending := map[int]built{}
	next := 0
	write := func(r built) error {
		if r.err != nil {
			fmt.Fprintf(b.prog, "vnkg: %v\n", r.err)
			b.failed++
			return nil
		}
		if prev, err := dd.check(r.res.Doc, r.where); err != nil {
			fmt.Fprintf(b.prog, "vnkg: %v\n", err)
			b.failed++
			return nil
		} else if prev != "" {
			b.copies++
			e.log.Debug("same document", "at", r.where, "first", prev, "doc", r.res.Doc.ID)
			return nil
		}
		res := r.res
		logDiagnostics(e, res)
		label := vocab.DocIRI(res.Doc.ID)
		b.files[label] = res.Doc.SourceFile
		quads := res.Quads
		if res.Doc.Text != "" {
			// The article's text, under its own label like its facts (so
			// that rm and a rebuild keep it exact): the viewer re-reads it
			// for the sentence that states each fact (docs/evidence.md).
			quads = append(quads[:len(quads):len(quads)], vocab.Quad{
				Subject: vocab.IRI(label), Predicate: vocab.IRI(vocab.ArticleBody),
				Object: vocab.String(res.Doc.Text), Label: label,
			})
		}
		if err := w.Put(wctx, label, quads, res.Background); err != nil {
			if !errors.Is(err, graph.ErrInvalidQuad) {
				return err
			}
			// The extractor's fault, not the input's; reported all the same.
			fmt.Fprintf(b.prog, "vnkg: %s: %v\n", res.Doc.SourceFile, err)
			delete(b.files, label)
			b.failed++
			return nil
		}
		b.count(res)
		done++
		b.prog.update(done, int(known.Load()))
		return nil
	}
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case r, ok := <-results:
			if !ok {
				break loop
			}
			pending[r.seq] = r
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if err := write(r); err != nil {
					return err
				}
			}
		}
	}
	if err := w.Flush(wctx); err != nil {
		return err
	}
	b.background = w.BackgroundAdded()
	if err := ctx.Err(); err != nil {
		return err
	}
	<-walkDone
	if walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		return walkErr
	}
	return nil
}

// committed counts a batch's results and reports documents that failed.
func (b *builder) committed(results []graph.DocResult) {
	for _, r := range results {
		file := b.files[r.Label]
		delete(b.files, r.Label)
		switch {
		case r.Err != nil:
			fmt.Fprintf(b.prog, "vnkg: %s: %v\n", file, r.Err)
			b.failed++
			continue
		case r.Unchanged():
			b.unchanged++
		case r.Before == 0:
			b.created++
		default:
			b.changed++
		}
		b.stored++
		b.added += r.Added
		b.removed += r.Removed
		b.e.log.Debug("stored", "file", file, "doc", r.Label, "added", r.Added, "removed", r.Removed)
	}
}

// count notes the people, bodies and events an article names.
func (b *builder) count(res extract.Result) {
	for _, q := range res.Quads {
		if q.Predicate.Value != vocab.Type || !q.Object.IsIRI() {
			continue
		}
		switch q.Object.Value {
		case vocab.Person:
			b.persons[q.Subject.Value] = true
		case vocab.GovernmentOrganization, vocab.Organization:
			b.orgs[q.Subject.Value] = true
		case vocab.Event:
			b.events[q.Subject.Value] = true
		}
	}
}

// buildSummary is the --json summary; its field names are a stable interface.
type buildSummary struct {
	Store      string `json:"store"`
	Articles   int    `json:"articles"`
	New        int    `json:"new"`
	Changed    int    `json:"changed"`
	Unchanged  int    `json:"unchanged"`
	Added      int    `json:"quads_added"`
	Removed    int    `json:"quads_removed"`
	Background int    `json:"background_added"`
	Persons    int    `json:"persons"`
	Orgs       int    `json:"organizations"`
	Events     int    `json:"events"`
	Errors     int    `json:"errors"`
	// Copies are second copies of an article already read (the same page
	// saved twice, its AMP version): skipped, not errors.
	Copies int `json:"copies_skipped"`
	// Skipped counts the WARC records that are not articles, by kind:
	// "request", "revisit", "metadata", "redirect", "HTTP 404", a media type.
	Skipped     map[string]int `json:"records_skipped"`
	Interrupted bool           `json:"interrupted"`
	Seconds     float64        `json:"seconds"`
	// Answers is the stored answers' update (absent with --no-answers).
	Answers *answersJSON `json:"stored_answers,omitempty"`
}

type answersJSON struct {
	All        bool    `json:"all_computed"`
	Recomputed int     `json:"recomputed"`
	Stored     int     `json:"stored"`
	Dropped    int     `json:"dropped"`
	Kept       int     `json:"kept"`
	Seconds    float64 `json:"seconds"`
}

func answersOf(st *graph.AnswerStats) *answersJSON {
	if st == nil {
		return nil
	}
	return &answersJSON{All: st.Full, Recomputed: st.Recomputed, Stored: st.Answers, Dropped: st.Dropped, Kept: st.Kept, Seconds: st.Time.Seconds()}
}

func (b *builder) summaryJSON(elapsed time.Duration, interrupted bool) error {
	skipped := b.skipped.Skipped
	if skipped == nil {
		skipped = map[string]int{}
	}
	return writeJSONLine(b.e.stdout, buildSummary{
		Store: b.store.String(), Articles: b.stored, New: b.created, Changed: b.changed, Unchanged: b.unchanged,
		Added: b.added, Removed: b.removed, Background: b.background,
		Persons: len(b.persons), Orgs: len(b.orgs), Events: len(b.events), Errors: b.failed,
		Copies: b.copies, Skipped: skipped,
		Interrupted: interrupted, Seconds: elapsed.Seconds(), Answers: answersOf(b.answers),
	})
}

func (b *builder) summary(elapsed time.Duration) {
	if !b.e.log.Enabled(context.Background(), slog.LevelInfo) {
		return
	}
	skipped := ""
	if b.copies > 0 {
		skipped += fmt.Sprintf("; %d copies of articles already read", b.copies)
	}
	if n := b.skipped.Total(); n > 0 {
		skipped += fmt.Sprintf("; %d records not articles (%s)", n, b.skipped)
	}
	where := fmt.Sprintf("%s in %s", elapsed.Round(time.Millisecond), b.store)
	if b.discarded {
		where = fmt.Sprintf("%s; no store created at %s", elapsed.Round(time.Millisecond), b.store)
	}
	fmt.Fprintf(b.e.stderr, "vnkg build: %d articles (%d new, %d changed, %d unchanged), %d quads added, %d removed, %d background; %d persons, %d organizations, %d events; %d errors%s; %s\n",
		b.stored, b.created, b.changed, b.unchanged, b.added, b.removed, b.background,
		len(b.persons), len(b.orgs), len(b.events), b.failed, skipped, where)
	if b.answers != nil && (b.answers.Recomputed > 0 || b.answers.Kept > 0) {
		fmt.Fprintf(b.e.stderr, "vnkg build: %s\n", answersSummary(*b.answers))
	}
}

// flagGiven reports whether the command line set the flag name.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}
