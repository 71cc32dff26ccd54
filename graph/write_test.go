package graph_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

// stored reads back the quads under label as vocabulary quads, sorted.
func stored(t testing.TB, s *graph.Store, label string) []vocab.Quad {
	t.Helper()
	qs, err := s.LabelQuads(context.Background(), label)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]vocab.Quad, 0, len(qs))
	for _, q := range qs {
		v, err := graph.FromQuad(q)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	sortQuads(out)
	return out
}

func sortQuads(qs []vocab.Quad) {
	slices.SortFunc(qs, func(a, b vocab.Quad) int {
		if a.NQuad() < b.NQuad() {
			return -1
		} else if a.NQuad() > b.NQuad() {
			return 1
		}
		return 0
	})
}

func sorted(qs []vocab.Quad) []vocab.Quad {
	qs = slices.Clone(qs)
	sortQuads(qs)
	return qs
}

func TestReplaceDocument(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, func(t *testing.T, s *graph.Store) {
		la, a := article("a", 2)
		lb, b := article("b", 1)
		replace := func(label string, quads []vocab.Quad, wantAdded, wantRemoved int) {
			t.Helper()
			added, removed, err := s.ReplaceDocument(ctx, label, quads)
			if err != nil {
				t.Fatal(err)
			}
			if added != wantAdded || removed != wantRemoved {
				t.Fatalf("ReplaceDocument(%s) = +%d -%d, want +%d -%d", label, added, removed, wantAdded, wantRemoved)
			}
		}
		replace(la, a, len(a), 0)
		replace(lb, b, len(b), 0)
		if got := stored(t, s, la); !slices.Equal(got, sorted(a)) {
			t.Fatalf("stored under %s:\n%v\nwant\n%v", la, got, sorted(a))
		}
		// Identical: nothing written.
		replace(la, a, 0, 0)
		// Duplicates in the input are one fact.
		replace(la, append(slices.Clone(a), a[0], a[1]), 0, 0)
		// One fact changed, one dropped, one new: exactly those move.
		changed := slices.Clone(a)
		changed[1].Object = vocab.String("Tiêu đề mới")
		changed = slices.Delete(changed, 2, 3)
		_, extra := article("a", 3)
		changed = append(changed, extra[len(extra)-1])
		replace(la, changed, 2, 2)
		if got := stored(t, s, la); !slices.Equal(got, sorted(changed)) {
			t.Fatalf("after change, stored under %s:\n%v\nwant\n%v", la, got, sorted(changed))
		}
		if got := stored(t, s, lb); !slices.Equal(got, sorted(b)) {
			t.Fatalf("the other document changed:\n%v\nwant\n%v", got, sorted(b))
		}
		// Emptying a document removes it.
		replace(la, nil, 0, len(changed))
		if got := stored(t, s, la); len(got) != 0 {
			t.Fatalf("emptied document still holds %v", got)
		}
	})
}

func TestReplaceDocumentInvalid(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, graph.Memory)
	la, a := article("a", 0)
	_, b := article("b", 0)
	bad := []struct {
		name  string
		label string
		quads []vocab.Quad
		want  error
	}{
		{"foreign label", la, append(slices.Clone(a), b[0]), graph.ErrInvalidQuad},
		{"empty label", "", nil, graph.ErrInvalidQuad},
		{"literal subject", la, []vocab.Quad{{Subject: vocab.String("x"), Predicate: vocab.IRI(vocab.Name), Object: vocab.String("y"), Label: la}}, graph.ErrInvalidQuad},
		{"empty predicate", la, []vocab.Quad{{Subject: vocab.IRI(la), Predicate: vocab.IRI(""), Object: vocab.String("y"), Label: la}}, graph.ErrInvalidQuad},
		{"gazetteer label", vocab.GazetteerLabel, background(), graph.ErrBackground},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := s.ReplaceDocument(ctx, tt.label, tt.quads); !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if got := stored(t, s, la); len(got) != 0 {
				t.Fatalf("a refused document left %d quads", len(got))
			}
		})
	}
}

func TestRemoveDocument(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, func(t *testing.T, s *graph.Store) {
		la, a := article("a", 1)
		lb, b := article("b", 1)
		w := s.NewWriter()
		if err := w.Put(ctx, la, a, background()); err != nil {
			t.Fatal(err)
		}
		if err := w.Put(ctx, lb, b, background()); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		n, err := s.RemoveDocument(ctx, la)
		if err != nil || n != len(a) {
			t.Fatalf("RemoveDocument = %d, %v; want %d, nil", n, err, len(a))
		}
		if ok, err := s.HasLabel(ctx, la); err != nil || ok {
			t.Fatalf("HasLabel(removed) = %v, %v", ok, err)
		}
		if got := stored(t, s, lb); !slices.Equal(got, sorted(b)) {
			t.Fatalf("the other document changed:\n%v\nwant\n%v", got, sorted(b))
		}
		if got := stored(t, s, vocab.GazetteerLabel); !slices.Equal(got, sorted(background())) {
			t.Fatalf("background changed by a removal:\n%v", got)
		}
		if _, err := s.RemoveDocument(ctx, la); !errors.Is(err, graph.ErrNoDocument) {
			t.Fatalf("second removal: err = %v, want ErrNoDocument", err)
		}
		if _, err := s.RemoveDocument(ctx, vocab.GazetteerLabel); !errors.Is(err, graph.ErrBackground) {
			t.Fatalf("removing the background: err = %v, want ErrBackground", err)
		}
		// A removed document comes back whole.
		if added, _, err := s.ReplaceDocument(ctx, la, a); err != nil || added != len(a) {
			t.Fatalf("re-adding: +%d, %v", added, err)
		}
	})
}
