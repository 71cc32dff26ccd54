package graph_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

// checkFacts fails unless the store's derived fact rows and summaries equal
// a recount from its quads.
func checkFacts(t *testing.T, s *graph.Store, when string) {
	t.Helper()
	diff, err := graph.CheckFacts(context.Background(), s)
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	if diff != "" {
		t.Fatalf("%s: fact rows differ from a recount: %s", when, diff)
	}
}

// checkFirsts fails unless the store's derived first rows (what First
// answers for a node's name, start, kind and date) equal a recomputation
// from its quads, and hold some row.
func checkFirsts(t *testing.T, s *graph.Store, when string) {
	t.Helper()
	diff, err := graph.CheckFirsts(context.Background(), s)
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	if diff != "" {
		t.Fatalf("%s: first rows differ from a recomputation: %s", when, diff)
	}
}

// factPool is quads over shared nodes (edges both ways, literals, types, a
// text), from which a random document takes some.
func factPool() []vocab.Quad {
	pool := timelineFacts()
	for i := range 3 {
		p := vocab.IRI(vocab.EntityIRI(vocab.KindPerson, fmt.Sprint("Người ", i)))
		ev := vocab.IRI(vocab.NS + fmt.Sprint("event/", i%2))
		pool = append(pool,
			vocab.Quad{Subject: p, Predicate: vocab.IRI(vocab.Name), Object: vocab.String(fmt.Sprint("Người ", i))},
			vocab.Quad{Subject: ev, Predicate: vocab.IRI(vocab.Attendee), Object: p},
			vocab.Quad{Subject: ev, Predicate: vocab.IRI(vocab.Chair), Object: p},
			vocab.Quad{Subject: ev, Predicate: vocab.IRI(vocab.StartDate), Object: vocab.Typed("2016-08-17", vocab.XSDDate)},
		)
	}
	return pool
}

// TestFactRowsStayExact writes, replaces and removes random documents in
// one store and in batches; after every step the fact rows must equal a
// recount, and the Reader's pages must add up to the summaries; rows dropped
// are rebuilt on the next open for writing, equal again.
func TestFactRowsStayExact(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "db")
	s := openStore(t, dir)
	rng := rand.New(rand.NewPCG(5, 6))
	pool := factPool()
	labels := []string{vocab.DocIRI("x"), vocab.DocIRI("y"), vocab.DocIRI("z"), vocab.DocIRI("w")}
	doc := func(l string) []vocab.Quad {
		var qs []vocab.Quad
		for _, q := range pool {
			if rng.IntN(3) == 0 {
				q.Label = l
				qs = append(qs, q)
			}
		}
		qs = append(qs, vocab.Quad{Subject: vocab.IRI(l), Predicate: vocab.IRI(vocab.ArticleBody), Object: vocab.String("văn bản"), Label: l})
		// Values that differ from document to document, so that which one
		// is first (the first rows, firsts.go) changes as documents come
		// and go.
		ev := vocab.IRI(vocab.NS + "event/0")
		day := fmt.Sprintf("2016-08-%02d", 10+rng.IntN(5))
		qs = append(qs,
			vocab.Quad{Subject: vocab.IRI(l), Predicate: vocab.IRI(vocab.DatePublished), Object: vocab.Typed(day, vocab.XSDDate), Label: l},
			vocab.Quad{Subject: ev, Predicate: vocab.IRI(vocab.StartDate), Object: vocab.Typed(day, vocab.XSDDate), Label: l},
			vocab.Quad{Subject: ev, Predicate: vocab.IRI(vocab.EventKind), Object: vocab.String(fmt.Sprint("kind ", rng.IntN(3))), Label: l},
		)
		return qs
	}
	person := graph.Node{Kind: graph.IRINode, Value: vocab.EntityIRI(vocab.KindPerson, "Người 1")}
	live := map[string]bool{}
	seen := 0
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
		case 1:
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
		checkFacts(t, s, fmt.Sprint("step ", step))
		checkFirsts(t, s, fmt.Sprint("step ", step))
		seen += checkPages(t, s, person, fmt.Sprint("step ", step))
	}
	if seen == 0 {
		t.Fatal("no step left a fact of the person: the test checked nothing")
	}
	if err := graph.DropFacts(ctx, s); err != nil {
		t.Fatal(err)
	}
	if diff, _ := graph.CheckFacts(ctx, s); diff == "" {
		t.Fatal("dropped rows still check equal")
	}
	if err := graph.DropFirsts(ctx, s); err != nil {
		t.Fatal(err)
	}
	if diff, _ := graph.CheckFirsts(ctx, s); diff == "" {
		t.Fatal("dropped first rows still check equal")
	}
	r, _ := s.NewReader(ctx)
	if _, ok, _ := r.FactGroups(ctx, person); ok {
		t.Fatal("FactGroups answers from dropped rows")
	}
	s.Close()
	s = openStore(t, dir)
	checkFacts(t, s, "rebuilt on open")
	checkFirsts(t, s, "rebuilt on open")
	checkPages(t, s, person, "rebuilt on open")
}

// checkPages reads every fact of n a page of one at a time and every
// fact's labels a page of one at a time, and checks them against the
// summaries, the counts and the quads; it returns the facts read.
func checkPages(t *testing.T, s *graph.Store, n graph.Node, when string) int {
	t.Helper()
	ctx := context.Background()
	r, err := s.NewReader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	groups, ok, err := r.FactGroups(ctx, n)
	if err != nil || !ok {
		t.Fatalf("%s: FactGroups: %v, %v", when, ok, err)
	}
	// What the quads say: n's quads in both directions, by fact.
	want := map[string]int{}
	out, _ := r.Out(ctx, n)
	in, _ := r.In(ctx, n)
	for _, l := range out {
		if l.Predicate.Value != vocab.ArticleBody {
			want[fmt.Sprint(false, l.Predicate, l.Node)]++
		}
	}
	for _, l := range in {
		if l.Predicate.Value != vocab.Type {
			want[fmt.Sprint(true, l.Predicate, l.Node)]++
		}
	}
	got := map[string]int{}
	total := 0
	for _, g := range groups {
		cursor, facts, quads := "", 0, 0
		for {
			fs, next, ok, err := r.Facts(ctx, n, g.Predicate, g.In, cursor, 1)
			if err != nil || !ok {
				t.Fatalf("%s: Facts: %v %v", when, ok, err)
			}
			for _, f := range fs {
				facts++
				quads += f.Quads
				got[fmt.Sprint(f.In, f.Predicate, f.Other)] = f.Quads
				s, o := n, f.Other
				if f.In {
					s, o = f.Other, n
				}
				labels, from := 0, 0
				for from >= 0 {
					ls, nx, err := r.FactLabels(ctx, s, f.Predicate, o, from, 1)
					if err != nil {
						t.Fatal(err)
					}
					labels += len(ls)
					from = nx
				}
				if labels != f.Quads {
					t.Fatalf("%s: %v: %d labels in pages, the row counts %d", when, f, labels, f.Quads)
				}
			}
			if next == "" {
				break
			}
			cursor = next
		}
		if facts != g.Facts || quads != g.Quads {
			t.Fatalf("%s: group %v: pages give %d facts, %d quads", when, g, facts, quads)
		}
		total += facts
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("%s: facts of %s from the rows\n%v\nfrom the quads\n%v", when, n, got, want)
	}
	return total
}
