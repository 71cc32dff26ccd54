package graph

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/vnkg/vnkg/graph/vocab"
)

// Batch limits: a Writer commits when either is reached (and on bolt, when
// the last commit wrote more than its DirtyBudget, after fewer documents).
const (
	DefaultBatchDocs  = 512
	DefaultBatchQuads = 50_000
)

// Writer replaces the quads of many documents, a batch of documents per
// transaction, and adds the gazetteer's background quads that they bring
// (each once). It is ReplaceDocument for a corpus: a batch commits whole or
// not at all, so a document is never half written. A Writer is used by one
// goroutine; call Flush at the end.
type Writer struct {
	s          *Store
	maxDocs    int
	maxQuads   int
	docs       int          // documents the next transaction holds at most (resize)
	budget     int          // bytes of pages a transaction may change (DirtyBudget)
	autoBudget bool         // budget follows the process's peak memory (adaptBudget)
	peakRSS    func() int64 // the process's peak resident bytes so far; 0 unknown
	onCommit   func([]DocResult)
	pending    []pendingDoc
	index      map[string]int // label → position in pending
	nquads     int
	background map[vocab.Quad]bool // waiting for the next commit
	bgStored   map[vocab.Quad]bool // known to be stored; nil until read
	bgAdded    int
}

type pendingDoc struct {
	label string
	quads []vocab.Quad
}

// WriterOption configures a Writer.
type WriterOption func(*Writer)

// BatchDocs sets how many documents a transaction holds at most.
func BatchDocs(n int) WriterOption {
	return func(w *Writer) {
		if n > 0 {
			w.maxDocs = n
		}
	}
}

// BatchQuads sets how many stated quads a transaction holds at most (a
// larger document still goes whole into one).
func BatchQuads(n int) WriterOption {
	return func(w *Writer) {
		if n > 0 {
			w.maxQuads = n
		}
	}
}

// OnCommit sets a function called after each commit with what happened to
// each document of the batch, in the order they were put.
func OnCommit(fn func([]DocResult)) WriterOption { return func(w *Writer) { w.onCommit = fn } }

// NewWriter returns a batched writer to s.
func (s *Store) NewWriter(opts ...WriterOption) *Writer {
	w := &Writer{s: s, maxDocs: DefaultBatchDocs, maxQuads: DefaultBatchQuads, budget: DefaultDirtyBudget,
		autoBudget: true, peakRSS: peakRSS, index: map[string]int{}, background: map[vocab.Quad]bool{}}
	for _, o := range opts {
		o(w)
	}
	w.docs = w.maxDocs
	return w
}

// DefaultDirtyBudget bounds the pages a bolt transaction changes: its
// commit holds them all in memory at once (bbolt writes every changed page
// anew), and in Cayley's layout, where a batch's nodes fall in buckets all
// over the file, they grow with the store as well as with the batch (a
// 512-article batch: 70 MiB of pages at the start of a 10k-article build,
// 110 MiB at its end; about 320 KiB an article once the buckets outgrow
// their parents' pages). 32 MiB keeps a 100k-article build's peak within
// 512 MiB (482 MiB; 64 MiB is a third faster but peaks at 594 MiB:
// bench/RESULTS.md, sessions 6 and 7).
const DefaultDirtyBudget = 32 << 20

// DirtyBudget sets how many bytes of pages a bolt transaction should change
// at most: the Writer shrinks its batches below BatchDocs when a commit
// changed more, and grows them back when one changed less than half of it.
// 0 or less leaves batches at BatchDocs. Without this option the budget is
// adaptive (adaptBudget): DefaultDirtyBudget, raised up to MaxDirtyBudget
// while the process's peak memory leaves room for it.
func DirtyBudget(bytes int) WriterOption {
	return func(w *Writer) { w.budget, w.autoBudget = bytes, false }
}

// MaxDirtyBudget is the most an adaptive budget rises to.
const MaxDirtyBudget = 128 << 20

// BudgetPeakRSS is the peak resident memory under which an adaptive budget
// rises above DefaultDirtyBudget.
const BudgetPeakRSS = 384 << 20

// adaptBudget sets an adaptive budget from the process's peak resident
// memory so far: DefaultDirtyBudget plus half of what is left below
// BudgetPeakRSS, at most MaxDirtyBudget; DefaultDirtyBudget when the peak
// is unknown or over the mark.
//
// Why: in Cayley's layout a batch's writes fall all over the file (its
// nodes' hash buckets, the index keys of existing nodes, the fact rows of
// the people it names), so as the store grows nearly every row a batch
// writes dirties a page of its own, and the fixed budget shrank a
// 10k-article build's batches from 512 articles to 70: 105 commits wrote
// 3.5 GB for a 433 MB file. Larger batches share pages (bench/RESULTS.md,
// session 9). The budget is what the commit holds in memory, so it comes
// out of the room left under the peak: half of it, since a commit's pages
// cost the heap and the file's resident pages both, and as the peak nears
// the mark the budget falls back to the fixed one (a 100k-article build,
// whose peak sits near 480 MiB at 32 MiB, stays where it was).
func (w *Writer) adaptBudget() {
	if !w.autoBudget || w.peakRSS == nil {
		return
	}
	b := int64(DefaultDirtyBudget)
	if p := w.peakRSS(); p > 0 && p < BudgetPeakRSS {
		b = min(int64(MaxDirtyBudget), b+(BudgetPeakRSS-p)/2)
	}
	if int(b) != w.budget {
		w.s.log.Debug("commit budget", "budget", b, "was", w.budget)
		w.budget = int(b)
	}
}

// peakRSS is the process's peak resident set (VmHWM in /proc/self/status),
// in bytes; 0 where there is none to read.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(v)
			if len(f) != 2 || f[1] != "kB" {
				return 0
			}
			kb, err := strconv.ParseInt(f[0], 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}

// resize sets how many documents the next bolt transaction holds, from what
// the last one changed: fewer when it changed more than the budget, more
// (up to BatchDocs) when it changed less than half of it. Fewer, larger
// transactions are faster (each commit rewrites the pages it changed), so the
// batch is as large as the budget allows.
func (w *Writer) resize(docs int) {
	d, b := w.s.lastDirty, w.budget
	switch {
	case w.s.bdb == nil || d == 0 || b <= 0:
		return
	case d > b:
		w.docs = max(1, int(int64(docs)*int64(b)/int64(d)))
	case d < b/2:
		w.docs = min(w.maxDocs, max(w.docs, docs)*2)
	default:
		return
	}
	w.s.log.Debug("batch resized", "dirty", d, "budget", b, "docs", docs, "next", w.docs)
}

// Batch is how many documents the Writer's next transaction holds at most.
func (w *Writer) Batch() int { return w.docs }

// Put queues a document: quads, all labelled label, replace what is stored
// under label; background quads (labelled vocab.GazetteerLabel) are added if
// not stored yet. A document put twice before a commit is written as put
// last. Put commits when the batch is full. An invalid document is refused
// with an error wrapping ErrInvalidQuad and nothing of it queued; any other
// error is the store's, and the Writer should not be used further.
func (w *Writer) Put(ctx context.Context, label string, quads, background []vocab.Quad) error {
	if err := checkDocument(label, quads); err != nil {
		return err
	}
	for _, q := range background {
		if err := checkQuad(q, vocab.GazetteerLabel); err != nil {
			return fmt.Errorf("background of %s: %w", label, err)
		}
	}
	if i, ok := w.index[label]; ok {
		w.nquads -= len(w.pending[i].quads)
		w.pending[i].quads = quads
	} else {
		w.index[label] = len(w.pending)
		w.pending = append(w.pending, pendingDoc{label: label, quads: quads})
	}
	w.nquads += len(quads)
	for _, q := range background {
		if !w.bgStored[q] {
			w.background[q] = true
		}
	}
	if len(w.pending) >= w.docs || w.nquads >= w.maxQuads {
		return w.Flush(ctx)
	}
	return nil
}

// BackgroundAdded is the number of background quads this Writer added.
func (w *Writer) BackgroundAdded() int { return w.bgAdded }

// Flush commits the queued documents: in one transaction, or, should that
// fail, one transaction per document, so that one document the store refuses
// costs only itself (its DocResult.Err). It fails when the store refuses
// every document of the batch, or the background.
func (w *Writer) Flush(ctx context.Context) error {
	if len(w.pending) == 0 && len(w.background) == 0 {
		return nil
	}
	if w.s.pg != nil {
		return w.flushPostgres(ctx)
	}
	s := w.s
	s.wmu.Lock()
	defer s.wmu.Unlock()
	bg, err := w.newBackground(ctx)
	if err != nil {
		return err
	}
	results := make([]DocResult, len(w.pending))
	deltas := bg
	for i, d := range w.pending {
		c, err := s.diff(ctx, d.label, d.quads)
		if err != nil {
			return err
		}
		results[i] = DocResult{Label: d.label, Before: c.before, Added: len(c.adds), Removed: len(c.dels)}
		deltas = c.deltas(deltas)
	}
	s.releaseMapped() // the pages the diffs read
	if err := s.write(ctx, deltas); err != nil {
		if results, err = w.flushEach(ctx, bg, err); err != nil {
			return err
		}
	}
	// The batch is committed: the pages of the file it touched need not stay
	// resident (release_linux.go).
	s.releaseMapped()
	w.commitBackground(len(bg))
	w.adaptBudget()
	w.resize(len(w.pending))
	w.pending = w.pending[:0]
	clear(w.index)
	w.nquads = 0
	if w.onCommit != nil {
		w.onCommit(results)
	}
	return nil
}

// flushEach writes the background, then each queued document alone, after a
// batch failed with batchErr.
func (w *Writer) flushEach(ctx context.Context, bg []cgraph.Delta, batchErr error) ([]DocResult, error) {
	s := w.s
	if err := s.write(ctx, bg); err != nil {
		return nil, fmt.Errorf("writing the gazetteer background: %w", err)
	}
	results := make([]DocResult, len(w.pending))
	failed := 0
	for i, d := range w.pending {
		results[i].Label = d.label
		c, err := s.diff(ctx, d.label, d.quads)
		if err == nil {
			err = s.write(ctx, c.deltas(nil))
		}
		if err != nil {
			results[i].Err = fmt.Errorf("writing %s: %w", d.label, err)
			failed++
			continue
		}
		results[i].Before, results[i].Added, results[i].Removed = c.before, len(c.adds), len(c.dels)
	}
	if failed == len(w.pending) {
		return nil, fmt.Errorf("writing a batch of %d documents: %w", len(w.pending), batchErr)
	}
	return results, nil
}

// newBackground reads the stored background once, and returns the deltas
// adding the queued background quads not stored yet.
func (w *Writer) newBackground(ctx context.Context) ([]cgraph.Delta, error) {
	if len(w.background) == 0 {
		return nil, nil
	}
	if w.bgStored == nil {
		w.bgStored = map[vocab.Quad]bool{}
		err := w.s.eachLabelQuad(ctx, vocab.GazetteerLabel, func(q quad.Quad) error {
			if v, err := FromQuad(q); err == nil {
				w.bgStored[v] = true
			}
			return nil
		})
		if err != nil {
			w.bgStored = nil
			return nil, err
		}
	}
	var deltas []cgraph.Delta
	for q := range w.background {
		if !w.bgStored[q] {
			deltas = append(deltas, cgraph.Delta{Quad: ToQuad(q), Action: cgraph.Add})
		}
	}
	return deltas, nil
}

// commitBackground records the queued background as stored.
func (w *Writer) commitBackground(added int) {
	for q := range w.background {
		w.bgStored[q] = true
	}
	clear(w.background)
	w.bgAdded += added
}
