package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/vnkg/vnkg/data"
	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/extract/input"
	"github.com/vnkg/vnkg/extract/webpage"
	"github.com/vnkg/vnkg/graph/vocab"
)

func init() {
	register(command{name: "extract", summary: "extract facts from articles and print them as N-Quads", run: runExtract})
}

const extractDoc = `Reads articles (.txt files with an optional metadata header, .jsonl and
.jsonl.gz records, saved pages .html/.htm, WARC crawls .warc/.warc.gz;
directories are searched; "-" reads stdin, its kind sniffed) and writes their
facts to stdout as N-Quads, each labelled with its article's IRI. Nothing is
stored.`

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "PATH...", extractDoc)
	noBackground := fs.Bool("no-gazetteer", false, "omit the gazetteer's background quads (rank order, parents, English names)")
	in := addInputFlags(fs)
	asJSON := fs.Bool("json", false, "print a summary as one JSON object on stderr at the end (stdout carries the N-Quads)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "extract on this many cores; the output is the same for any number")
	prof := addProfileFlags(fs)
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return missingArgs("extract", "PATH... (files or directories of articles, or - for stdin)")
	}
	if *workers < 1 {
		return fmt.Errorf("%w: --workers must be at least 1", errUsage)
	}
	x, err := newExtractor(e)
	if err != nil {
		return err
	}
	if os.Getenv("GOGC") == "" {
		// The extractor's live heap is small (the gazetteer and the articles in
		// flight) and it allocates fast, so at Go's default (100) the collector
		// runs every few articles: about a third of the process's CPU time in
		// bench/extract.sh. At 400 the heap peaks at about 60 MiB on one core
		// instead of 30; GOGC in the environment still decides.
		debug.SetGCPercent(400)
	}
	// extract prints quads, not their evidence: the same quads without the
	// evidence stage (extract's TestWithoutEvidence holds it)
	x = x.WithoutEvidence()
	out := bufio.NewWriterSize(e.stdout, 1<<16)
	seenBackground := map[string]bool{}
	seenBackgroundQuad := map[vocab.Quad]bool{}
	failed, empty := 0, 0
	docs, quads := 0, 0
	if err := prof.start(); err != nil {
		return err
	}
	stats, werr := extractInOrder(ctx, e, x, paths, in, *workers, &failed, &empty, func(res extract.Result, nq []byte) {
		docs++
		logDiagnostics(e, res)
		quads += len(res.Quads)
		out.Write(nq)
		if !*noBackground {
			for _, q := range res.Background {
				// most articles repeat the background of earlier ones: a quad
				// seen is not written out again to be compared
				if seenBackgroundQuad[q] {
					continue
				}
				seenBackgroundQuad[q] = true
				s := q.NQuad()
				if !seenBackground[s] {
					seenBackground[s] = true
					out.WriteString(s)
					out.WriteByte('\n')
				}
			}
		}
	})
	if err := out.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	if perr := prof.stop(); perr != nil && werr == nil {
		werr = perr
	}
	if werr != nil {
		return werr
	}
	e.log.Debug("extracted", "documents", docs, "failed", failed, "skipped", stats.String())
	if *asJSON {
		skipped := stats.Skipped
		if skipped == nil {
			skipped = map[string]int{}
		}
		if err := writeJSONLine(e.stderr, struct {
			Articles int            `json:"articles"`
			Quads    int            `json:"quads"`
			Failed   int            `json:"failed"`
			Skipped  map[string]int `json:"records_skipped"` // WARC records not articles, by kind
		}{docs, quads, failed, skipped}); err != nil {
			return err
		}
	}
	switch {
	case failed > 0 && docs == 0:
		return fmt.Errorf("no article read: all %d inputs failed", failed)
	case failed > 0:
		return fmt.Errorf("%w: %d of %d inputs could not be read", errPartial, failed, failed+docs)
	case docs == 0 && empty > 0:
		return fmt.Errorf("no article read: no inputs found in %s", strings.Join(paths, " "))
	case docs == 0 && stats.Total() > 0:
		// a crawl of only requests, redirects and images is not an error,
		// but an empty output must say why it is empty
		fmt.Fprintf(e.stderr, "vnkg extract: no article in the inputs: %d WARC records are not articles (%s)\n", stats.Total(), stats.String())
	}
	return nil
}

// extractInOrder extracts the documents of paths on workers goroutines and
// hands the results to fn in input order, on the calling goroutine, so that
// what fn writes is the same for any number of workers. At most 4×workers
// documents are in flight (read, being extracted, or waiting for an earlier
// one), so memory does not grow with the corpus. The workers also write each
// result's quads as N-Quads (nq, a line each) and take the document's sum for
// the duplicate check, so that the calling goroutine only orders and copies.
func extractInOrder(ctx context.Context, e *env, x *extract.Extractor, paths []string, in inputFlags, workers int, failed, empty *int, fn func(res extract.Result, nq []byte)) (input.Stats, error) {
	type job struct {
		seq int
		it  input.Item
	}
	type done struct {
		seq   int
		where string
		res   extract.Result
		sum   [sha256.Size]byte
		nq    []byte
		err   error
	}
	jobs := make(chan job, workers)
	results := make(chan done, workers)
	tokens := make(chan struct{}, 4*workers)
	var walkErr error
	var stats input.Stats
	var walkTally tally
	go func() {
		defer close(jobs)
		seq := 0
		stats, walkErr = walkInputs(ctx, e, paths, in, &walkTally, func(it input.Item) error {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			jobs <- job{seq, it}
			seq++
			return nil
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				doc, err := j.it.Document()
				if err != nil {
					results <- done{seq: j.seq, err: err}
					continue
				}
				res := x.Extract(doc)
				n := 0
				for _, q := range res.Quads {
					n += len(q.Subject.Value) + len(q.Predicate.Value) + len(q.Object.Value) + len(q.Object.Datatype) + len(q.Label) + 17
				}
				nq := vocab.AppendNQuads(make([]byte, 0, n), res.Quads)
				results <- done{j.seq, j.it.Where(), res, docSum(res.Doc), nq, nil}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	pending := map[int]done{}
	next := 0
	dd := newDedup()
	for d := range results {
		pending[d.seq] = d
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-tokens
			if r.err != nil {
				*failed++
				fmt.Fprintf(e.stderr, "vnkg: %v\n", r.err)
				continue
			}
			if prev, err := dd.checkSum(r.res.Doc.ID, r.sum, r.where); err != nil {
				*failed++
				fmt.Fprintf(e.stderr, "vnkg: %v\n", err)
				continue
			} else if prev != "" {
				e.log.Debug("same document", "at", r.where, "first", prev, "doc", r.res.Doc.ID)
				continue
			}
			fn(r.res, r.nq)
		}
	}
	// results is closed: the walker and the workers are done.
	*failed += walkTally.failed
	*empty += walkTally.empty
	return stats, walkErr
}

// logDiagnostics reports, at debug level (-v), what the extractor found odd in
// an article's text, with byte offsets into the file.
func logDiagnostics(e *env, res extract.Result) {
	for _, d := range res.Diagnostics {
		e.log.Debug("text", "file", res.Doc.SourceFile, "doc", res.Doc.ID, "start", d.Start, "end", d.End, "problem", d.Message)
	}
}

// newExtractor loads the gazetteers: the embedded ones, or --gazetteer's.
func newExtractor(e *env) (*extract.Extractor, error) {
	fsys := data.GazetteerFS()
	if e.gazetteerDir != "" {
		fsys = os.DirFS(e.gazetteerDir)
	}
	x, err := extract.New(fsys)
	if err != nil {
		return nil, fmt.Errorf("loading gazetteers: %w", err)
	}
	return x, nil
}

// inputFlags are the input options build and extract share.
type inputFlags struct {
	maxSize  *int64
	pipeWait *time.Duration
}

func addInputFlags(fs *flag.FlagSet) inputFlags {
	return inputFlags{
		maxSize:  fs.Int64("max-size", input.DefaultMaxBytes, "the largest input `bytes` read: a file, a JSON line, a WARC record"),
		pipeWait: fs.Duration("pipe-wait", input.DefaultPipeWait, "how long a named pipe may go without a writer before it is reported and skipped"),
	}
}

// tally counts what a walk reported: bad inputs, and directories without any.
type tally struct{ failed, empty int }

// walkInputs walks the inputs, reports bad ones on stderr (counting them in
// *failed), and stops when ctx is done. Items still need their Document read.
func walkInputs(ctx context.Context, e *env, paths []string, in inputFlags, t *tally, fn func(input.Item) error) (input.Stats, error) {
	rules, err := webpage.LoadRules(data.SitesFS())
	if err != nil {
		return input.Stats{}, fmt.Errorf("loading site rules: %w", err)
	}
	opt := input.Options{Stdin: e.stdin, MaxBytes: *in.maxSize, Rules: rules, PipeWait: *in.pipeWait}
	return input.Walk(ctx, paths, opt, fn, func(err error) {
		if errors.Is(err, input.ErrNoInputs) {
			t.empty++
			fmt.Fprintf(e.stderr, "vnkg: warning: %v\n", err)
			return
		}
		t.failed++
		fmt.Fprintf(e.stderr, "vnkg: %v\n", err)
	})
}

// dedup keeps one document per id: a second copy with the same text (the same
// page saved twice, its AMP or print version, a WARC built again) is skipped;
// one with other text is a conflict, reported with both places.
type dedup struct {
	seen map[string]seenDoc
}

type seenDoc struct {
	where string
	sum   [sha256.Size]byte
}

// docSum is the SHA-256 of a document's title and text, NFC, their words
// joined by single spaces (so that spacing and normalization make no other
// document). The title and the text are normalized apart, which is the same
// as normalizing them joined by a line end.
func docSum(doc extract.Document) [sha256.Size]byte {
	buf := make([]byte, 0, len(doc.Title)+len(doc.Text)+1)
	for _, part := range [...]string{doc.Title, doc.Text} {
		// extract.NFC passes Vietnamese text, NFC already, without norm's
		// tables
		buf = appendWords(buf, extract.NFC(part))
	}
	return sha256.Sum256(buf)
}

// appendWords appends the words of s (as strings.Fields finds them: runs of
// characters not unicode.IsSpace) to b, each after one space if b holds any,
// in one pass over the bytes: only the leading bytes of a space above ASCII
// (U+0085, U+00A0, U+1680, U+2000–U+3000) are decoded.
func appendWords(b []byte, s string) []byte {
	gap := len(b) > 0 // a space is due before the next word
	inWord := false
	for i := 0; i < len(s); {
		c := s[i]
		n := 1
		var space bool
		switch {
		case c < utf8.RuneSelf:
			space = asciiSpace[c]
		case c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3:
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if inWord {
				gap, inWord = true, false
			}
		} else {
			if !inWord && gap {
				b = append(b, ' ')
			}
			inWord = true
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return b
}

// asciiSpace are the ASCII bytes unicode.IsSpace holds.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func newDedup() *dedup { return &dedup{seen: map[string]seenDoc{}} }

// check tells whether doc (read at where) is a copy of one already read, or
// returns the conflict.
func (d *dedup) check(doc extract.Document, where string) (copyOf string, err error) {
	return d.checkSum(doc.ID, docSum(doc), where)
}

// checkSum is check of a document whose sum (docSum) is taken already.
func (d *dedup) checkSum(id string, sum [sha256.Size]byte, where string) (copyOf string, err error) {
	prev, ok := d.seen[id]
	if !ok {
		d.seen[id] = seenDoc{where: where, sum: sum}
		return "", nil
	}
	if prev.sum == sum {
		return prev.where, nil
	}
	why := "same id or canonical URL"
	if where != prev.where && norm.NFC.String(where) == norm.NFC.String(prev.where) {
		why = "two file names that differ only by Unicode normalization, NFC and NFD"
	}
	return "", fmt.Errorf("%s: document %q has other text than the one read from %s (%s); skipped", where, id, prev.where, why)
}
