package graph_test

import (
	"context"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

func person(doc, name string) (string, []vocab.Quad) {
	label := "https://w3id.org/vnkg/id/doc/" + doc
	p := vocab.IRI("https://w3id.org/vnkg/id/person/" + doc)
	return label, []vocab.Quad{
		{Subject: p, Predicate: vocab.IRI(vocab.Schema + "name"), Object: vocab.String(name), Label: label},
		{Subject: p, Predicate: vocab.IRI(vocab.RDF + "type"), Object: vocab.IRI(vocab.Schema + "Person"), Label: label},
	}
}

var schemaName = graph.Node{Kind: graph.IRINode, Value: vocab.Schema + "name"}

// lookupFolded finds the subjects named name ignoring case, through the
// folded-name index; ok is false if the store has none.
func lookupFolded(t *testing.T, s *graph.Store, name string) (subjects []string, ok bool) {
	t.Helper()
	ctx := context.Background()
	r, err := s.NewReader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	lits, ok, err := r.FoldedNames(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lits {
		subs, err := r.Subjects(ctx, l, schemaName)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range subs {
			subjects = append(subjects, n.Value)
		}
	}
	return subjects, ok
}

// TestFoldedNames holds the folded-name index to the quads: written with
// them, exact after a document is removed, built for a store that lacks it.
func TestFoldedNames(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := graph.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	la, a := person("a", "Nguyễn Văn Ánh")
	lb, b := person("b", "NGUYỄN VĂN ÁNH")
	for _, d := range []struct {
		l string
		q []vocab.Quad
	}{{la, a}, {lb, b}} {
		if _, _, err := s.ReplaceDocument(ctx, d.l, d.q); err != nil {
			t.Fatal(err)
		}
	}
	got, ok := lookupFolded(t, s, "nguyễn văn ánh")
	if !ok || len(got) != 2 {
		t.Fatalf("ignoring case found %v (index %v), want both people", got, ok)
	}
	if got, _ := lookupFolded(t, s, "nguyễn văn anh"); len(got) != 0 {
		t.Fatalf("diacritics folded: found %v", got)
	}
	if _, err := s.RemoveDocument(ctx, lb); err != nil {
		t.Fatal(err)
	}
	if got, _ := lookupFolded(t, s, "Nguyễn văn ánh"); len(got) != 1 || got[0] != a[0].Subject.Value {
		t.Fatalf("after removing b found %v, want only a", got)
	}
	// After quads written past vnkg (as Cayley's loader would) the index
	// is not used until the store is next opened for writing.
	q := quad.Make(quad.IRI("https://w3id.org/vnkg/id/person/c"), quad.IRI(vocab.Schema+"name"), quad.String("Trần Thị Bích"), quad.IRI("https://w3id.org/vnkg/id/doc/c"))
	if err := s.QuadStore().ApplyDeltas([]cgraph.Delta{{Quad: q, Action: cgraph.Add}}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	if got, ok := lookupFolded(t, s, "trần thị bích"); ok || len(got) != 0 {
		t.Fatalf("the index is used after a write past vnkg (found %v)", got)
	}
	s.Close()
	// An older store: the index and its marker gone.
	raw, err := graph.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := graph.DropNameIndex(ctx, raw); err != nil {
		t.Fatal(err)
	}
	if _, ok := lookupFolded(t, raw, "trần thị bích"); ok {
		t.Fatal("index still there after dropping it")
	}
	raw.Close()
	ro, err := graph.Open(ctx, dir, graph.ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lookupFolded(t, ro, "trần thị bích"); ok {
		t.Fatal("a read-only open built the index")
	}
	ro.Close()
	rw, err := graph.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	got, ok = lookupFolded(t, rw, "TRẦN THỊ BÍCH")
	if !ok || len(got) != 1 {
		t.Fatalf("after reopening for writing found %v (index %v), want c", got, ok)
	}
}
