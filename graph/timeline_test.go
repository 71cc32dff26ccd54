package graph_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

// checkTimeline fails unless the store's derived timeline rows equal rows
// computed afresh from its quads.
func checkTimeline(t *testing.T, s *graph.Store, when string) {
	t.Helper()
	diff, err := graph.CheckTimeline(context.Background(), s)
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	if diff != "" {
		t.Fatalf("%s: timeline rows differ from a recomputation: %s", when, diff)
	}
}

// timelineFacts are rank, position and date quads over shared people, from
// which a random document takes some.
func timelineFacts() []vocab.Quad {
	var pool []vocab.Quad
	for i := range 3 {
		p := vocab.IRI(vocab.EntityIRI(vocab.KindPerson, fmt.Sprint("Người ", i)))
		pool = append(pool,
			vocab.Quad{Subject: p, Predicate: vocab.IRI(vocab.Type), Object: vocab.IRI(vocab.Person)},
			vocab.Quad{Subject: p, Predicate: vocab.IRI(vocab.Rank), Object: vocab.IRI(vocab.EntityIRI(vocab.KindRank, "Đại tá"))},
			vocab.Quad{Subject: p, Predicate: vocab.IRI(vocab.Rank), Object: vocab.IRI(vocab.EntityIRI(vocab.KindRank, fmt.Sprint("Thiếu tướng ", i%2)))},
			vocab.Quad{Subject: p, Predicate: vocab.IRI(vocab.HoldsPosition), Object: vocab.IRI(vocab.NS + fmt.Sprint("position/", i))},
		)
	}
	return pool
}

// TestTimelineRowsStayExact writes, replaces and removes random documents
// (shared people, dates that come and go) in one store and in batches, and
// after every step the derived rows must equal a fresh recomputation; then
// rows dropped are rebuilt on the next open for writing, equal again.
func TestTimelineRowsStayExact(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "db")
	s := openStore(t, dir)
	rng := rand.New(rand.NewPCG(3, 4))
	pool := timelineFacts()
	labels := []string{vocab.DocIRI("x"), vocab.DocIRI("y"), vocab.DocIRI("z"), vocab.DocIRI("w")}
	doc := func(l string) []vocab.Quad {
		var qs []vocab.Quad
		for _, q := range pool {
			if rng.IntN(3) == 0 {
				q.Label = l
				qs = append(qs, q)
			}
		}
		if rng.IntN(3) > 0 {
			qs = append(qs, vocab.Quad{Subject: vocab.IRI(l), Predicate: vocab.IRI(vocab.DatePublished),
				Object: vocab.Typed(fmt.Sprintf("2016-08-%02d", 1+rng.IntN(28)), vocab.XSDDate), Label: l})
		}
		return qs
	}
	live := map[string]bool{}
	rows := 0
	for step := range 60 {
		l := labels[rng.IntN(len(labels))]
		switch rng.IntN(6) {
		case 0:
			if live[l] {
				if _, err := s.RemoveDocument(ctx, l); err != nil {
					t.Fatalf("step %d: remove %s: %v", step, l, err)
				}
				delete(live, l)
			}
		case 1: // a batch of two documents through the Writer
			w := s.NewWriter()
			for _, l := range labels[:2] {
				if err := w.Put(ctx, l, doc(l), nil); err != nil {
					t.Fatal(err)
				}
				live[l] = true
			}
			if err := w.Flush(ctx); err != nil {
				t.Fatal(err)
			}
		default:
			if _, _, err := s.ReplaceDocument(ctx, l, doc(l)); err != nil {
				t.Fatalf("step %d: replace %s: %v", step, l, err)
			}
			live[l] = true
		}
		checkTimeline(t, s, fmt.Sprint("step ", step))
		r, err := s.NewReader(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tl, ok, err := r.Timeline(ctx, graph.Node{Kind: graph.IRINode, Value: vocab.EntityIRI(vocab.KindPerson, "Người 1")})
		if err != nil || !ok {
			t.Fatalf("step %d: Timeline: ok %v, %v", step, ok, err)
		}
		rows += len(tl)
	}
	if rows == 0 {
		t.Fatal("no step left a timeline row: the test checked nothing")
	}

	// A store whose rows are gone (as one made before them) gets them back.
	if err := graph.DropTimeline(ctx, s); err != nil {
		t.Fatal(err)
	}
	if diff, _ := graph.CheckTimeline(ctx, s); diff == "" {
		t.Fatal("dropped rows still check equal")
	}
	r, _ := s.NewReader(ctx)
	if _, ok, _ := r.Timeline(ctx, graph.Node{Kind: graph.IRINode, Value: "x"}); ok {
		t.Fatal("Timeline answers from dropped rows")
	}
	s.Close()
	s = openStore(t, dir)
	checkTimeline(t, s, "rebuilt on open")
}

// TestTimelineNotCurrentAfterForeignWrite: quads written past vnkg's writer
// leave the rows unused, not wrong.
func TestTimelineNotCurrentAfterForeignWrite(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, filepath.Join(t.TempDir(), "db"))
	l, qs := article("a", 1)
	if _, _, err := s.ReplaceDocument(ctx, l, qs); err != nil {
		t.Fatal(err)
	}
	checkTimeline(t, s, "after a write")
	person := graph.Node{Kind: graph.IRINode, Value: vocab.EntityIRI(vocab.KindPerson, "Phùng Quang Thanh")}
	r, _ := s.NewReader(ctx)
	if tl, ok, err := r.Timeline(ctx, person); err != nil || !ok || len(tl) != 1 {
		t.Fatalf("Timeline = %v, %v, %v; want one row", tl, ok, err)
	}
	// As Cayley's loader would write, past vnkg's writer.
	q := quad.Make(quad.IRI(person.Value), quad.IRI(vocab.Rank), quad.IRI("https://w3id.org/vnkg/id/rank/x"), quad.IRI(l))
	if err := s.QuadStore().ApplyDeltas([]cgraph.Delta{{Quad: q, Action: cgraph.Add}}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	r, _ = s.NewReader(ctx)
	if _, ok, err := r.Timeline(ctx, person); err != nil || ok {
		t.Fatalf("Timeline after a foreign write: ok %v, %v; want not current", ok, err)
	}
}
