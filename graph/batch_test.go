package graph_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

func TestWriterBatches(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, func(t *testing.T, s *graph.Store) {
		var commits [][]graph.DocResult
		w := s.NewWriter(graph.BatchDocs(2), graph.OnCommit(func(r []graph.DocResult) { commits = append(commits, r) }))
		docs := map[string][]vocab.Quad{}
		var labels []string
		for i := range 5 {
			label, quads := article(fmt.Sprint("d", i), i)
			docs[label] = quads
			labels = append(labels, label)
			if err := w.Put(ctx, label, quads, background()); err != nil {
				t.Fatal(err)
			}
		}
		if len(commits) != 2 {
			t.Fatalf("after 5 puts with batches of 2: %d commits, want 2", len(commits))
		}
		if err := w.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if len(commits) != 3 || len(commits[2]) != 1 {
			t.Fatalf("commits = %v, want 3 with the last holding 1 document", commits)
		}
		for i, r := range slices.Concat(commits...) {
			if r.Label != labels[i] || r.Before != 0 || r.Added != len(docs[r.Label]) || r.Removed != 0 || r.Err != nil {
				t.Errorf("result %d = %+v, want %s added whole", i, r, labels[i])
			}
		}
		if w.BackgroundAdded() != len(background()) {
			t.Errorf("background added %d times, want %d (once each)", w.BackgroundAdded(), len(background()))
		}
		for _, l := range labels {
			if got := stored(t, s, l); !slices.Equal(got, sorted(docs[l])) {
				t.Errorf("stored under %s: %d quads, want %d", l, len(got), len(docs[l]))
			}
		}
		if got := stored(t, s, vocab.GazetteerLabel); !slices.Equal(got, sorted(background())) {
			t.Errorf("background stored: %v", got)
		}

		// A second writer over the same documents writes nothing, and does
		// not add the background again; a document put twice is written as
		// put last.
		commits = nil
		w = s.NewWriter(graph.OnCommit(func(r []graph.DocResult) { commits = append(commits, r) }))
		_, changed := article("d1", 4)
		for _, l := range labels {
			if err := w.Put(ctx, l, docs[l], background()); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Put(ctx, labels[1], changed, background()); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if len(commits) != 1 || len(commits[0]) != 5 {
			t.Fatalf("second pass: commits %v, want one of 5 documents", commits)
		}
		for i, r := range commits[0] {
			want := graph.DocResult{Label: labels[i], Before: len(docs[labels[i]])}
			if i == 1 {
				want.Added = len(changed) - len(docs[labels[1]])
			}
			if r != want {
				t.Errorf("second pass result %d = %+v, want %+v", i, r, want)
			}
		}
		if w.BackgroundAdded() != 0 {
			t.Errorf("second pass added %d background quads", w.BackgroundAdded())
		}
		if n := len(stored(t, s, vocab.GazetteerLabel)); n != len(background()) {
			t.Errorf("background holds %d quads, want %d", n, len(background()))
		}
	})
}

func TestWriterRefusesInvalid(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, graph.Memory)
	w := s.NewWriter()
	la, a := article("a", 0)
	_, b := article("b", 0)
	if err := w.Put(ctx, la, append(a, b[0]), nil); !errors.Is(err, graph.ErrInvalidQuad) {
		t.Fatalf("foreign quad: err = %v, want ErrInvalidQuad", err)
	}
	if err := w.Put(ctx, la, a, a[:1]); !errors.Is(err, graph.ErrInvalidQuad) {
		t.Fatalf("background not labelled as such: err = %v, want ErrInvalidQuad", err)
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.HasLabel(ctx, la); ok {
		t.Fatal("a refused document was stored")
	}
}

// TestWriterIsolatesFailure needs a store that refuses some data: PostgreSQL
// refuses text that is not UTF-8. The batch falls back to one transaction per
// document: the bad one fails alone, whole, and the others are stored.
func TestWriterIsolatesFailure(t *testing.T) {
	ctx := context.Background()
	s := backends[2].open(t)
	var results []graph.DocResult
	w := s.NewWriter(graph.OnCommit(func(r []graph.DocResult) { results = append(results, r...) }))
	la, a := article("a", 1)
	lb, b := article("b", 1)
	lc, c := article("c", 1)
	b = append(b, vocab.Quad{Subject: vocab.IRI(lb), Predicate: vocab.IRI(vocab.Name), Object: vocab.String("bad \xff text"), Label: lb})
	for _, d := range []struct {
		l string
		q []vocab.Quad
	}{{la, a}, {lb, b}, {lc, c}} {
		if err := w.Put(ctx, d.l, d.q, background()); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	onlyMiddleFailed(t, s, results, [3]string{la, lb, lc}, a, c)
	// The store still works after the failure.
	if _, _, err := s.ReplaceDocument(ctx, lb, b[:len(b)-1]); err != nil {
		t.Fatal(err)
	}
}

// TestRandomWrites replays random replacements and removals of documents
// that share entities against a model of what each label holds.
func TestRandomWrites(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, func(t *testing.T, s *graph.Store) {
		rng := rand.New(rand.NewPCG(1, 2))
		var pool []vocab.Quad // facts with shared nodes, label to be set
		for i := range 4 {
			_, q := article(fmt.Sprint("p", i%2), i)
			pool = append(pool, q...)
		}
		labels := []string{vocab.DocIRI("x"), vocab.DocIRI("y"), vocab.DocIRI("z")}
		model := map[string][]vocab.Quad{}
		for step := range 40 {
			l := labels[rng.IntN(len(labels))]
			if rng.IntN(5) == 0 {
				_, err := s.RemoveDocument(ctx, l)
				if len(model[l]) == 0 && !errors.Is(err, graph.ErrNoDocument) || len(model[l]) > 0 && err != nil {
					t.Fatalf("step %d: remove %s: %v", step, l, err)
				}
				delete(model, l)
			} else {
				var qs []vocab.Quad
				for _, q := range pool {
					if rng.IntN(3) == 0 {
						q.Label = l
						qs = append(qs, q)
					}
				}
				if _, _, err := s.ReplaceDocument(ctx, l, qs); err != nil {
					t.Fatalf("step %d: replace %s: %v", step, l, err)
				}
				model[l] = dedupe(qs)
			}
			for _, l := range labels {
				if got := stored(t, s, l); !slices.Equal(got, model[l]) {
					t.Fatalf("step %d: %s holds %d quads, want %d", step, l, len(got), len(model[l]))
				}
			}
		}
	})
}

func dedupe(qs []vocab.Quad) []vocab.Quad {
	qs = sorted(qs)
	return slices.Compact(qs)
}

// onlyMiddleFailed checks a batch of three documents of which the second was
// refused: its result says so, nothing of it is stored, and the other two
// and the background are stored whole.
func onlyMiddleFailed(t *testing.T, s *graph.Store, results []graph.DocResult, labels [3]string, a, c []vocab.Quad) {
	t.Helper()
	la, lb, lc := labels[0], labels[1], labels[2]
	if len(results) != 3 || results[0].Err != nil || results[1].Err == nil || results[2].Err != nil {
		t.Fatalf("results = %+v, want only %s failed", results, lb)
	}
	if got := stored(t, s, lb); len(got) != 0 {
		t.Fatalf("the failed document left %d quads", len(got))
	}
	for l, want := range map[string][]vocab.Quad{la: a, lc: c, vocab.GazetteerLabel: background()} {
		if got := stored(t, s, l); !slices.Equal(got, sorted(want)) {
			t.Errorf("stored under %s: %d quads, want %d", l, len(got), len(want))
		}
	}
}

// TestWriterDirtyBudget: on bolt a Writer shrinks its transactions when a
// commit wrote more pages than its budget, and leaves them at BatchDocs
// when the budget is never reached; what is stored is the same either way.
func TestWriterDirtyBudget(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		budget int
		want   func(sizes []int) bool
		expect string
	}{
		{"tiny budget", 1, func(sizes []int) bool {
			return sizes[0] == 8 && slices.Max(sizes[1:]) == 1
		}, "the first commit whole (8), then one document each"},
		{"no budget", 0, func(sizes []int) bool {
			return slices.Equal(sizes, []int{8, 8, 8, 6})
		}, "8, 8, 8, 6"},
		{"large budget", 1 << 40, func(sizes []int) bool {
			return slices.Equal(sizes, []int{8, 8, 8, 6})
		}, "8, 8, 8, 6"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := graph.Open(ctx, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var sizes []int
			w := s.NewWriter(graph.BatchDocs(8), graph.DirtyBudget(tc.budget),
				graph.OnCommit(func(r []graph.DocResult) { sizes = append(sizes, len(r)) }))
			docs := map[string][]vocab.Quad{}
			for i := range 30 {
				label, quads := article(fmt.Sprint("d", i), i%5)
				docs[label] = quads
				if err := w.Put(ctx, label, quads, background()); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			if !tc.want(sizes) {
				t.Errorf("transactions of %v documents, want %s", sizes, tc.expect)
			}
			for l, q := range docs {
				if got := stored(t, s, l); !slices.Equal(got, sorted(q)) {
					t.Errorf("stored under %s: %d quads, want %d", l, len(got), len(q))
				}
			}
		})
	}
}
