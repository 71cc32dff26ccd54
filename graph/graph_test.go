package graph_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/pgtest"
	"github.com/vnkg/vnkg/graph/vocab"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m.Run)) }

// backend opens a fresh, empty store of one kind.
type backend struct {
	name string
	open func(t testing.TB) *graph.Store
}

// backends are the three kinds of store; postgres is skipped where there is
// no server (see package pgtest).
var backends = []backend{
	{"memory", func(t testing.TB) *graph.Store { return openStore(t, graph.Memory) }},
	{"bolt", func(t testing.TB) *graph.Store { return openStore(t, filepath.Join(t.TempDir(), "db")) }},
	{"postgres", func(t testing.TB) *graph.Store { return openStore(t, pgtest.Database(t)) }},
}

func openStore(t testing.TB, path string, opts ...graph.Option) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// forEachBackend runs fn as a subtest on a fresh store of every kind.
func forEachBackend(t *testing.T, fn func(t *testing.T, s *graph.Store)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { fn(t, b.open(t)) })
	}
}

// article builds a document's quads as the extractor would: a news article
// with a date, a person with a rank and a name full of diacritics, a body,
// and an event linking them. n > 0 adds n attendees.
func article(id string, n int) (label string, quads []vocab.Quad) {
	label = vocab.DocIRI(id)
	doc := vocab.IRI(label)
	q := func(s vocab.Term, p string, o vocab.Term) {
		quads = append(quads, vocab.Quad{Subject: s, Predicate: vocab.IRI(p), Object: o, Label: label})
	}
	person := vocab.IRI(vocab.EntityIRI(vocab.KindPerson, "Phùng Quang Thanh"))
	org := vocab.IRI(vocab.EntityIRI(vocab.KindOrg, "Bộ Quốc phòng"))
	event := vocab.IRI(vocab.EntityIRI(vocab.KindEvent, "Hội nghị "+id))
	q(doc, vocab.Type, vocab.IRI(vocab.NewsArticle))
	q(doc, vocab.Name, vocab.String(`Tin "đối ngoại" `+id+"\nhai dòng\t\\"))
	q(doc, vocab.DatePublished, vocab.Typed("2016-08-17", vocab.XSDDate))
	q(doc, vocab.About, event)
	q(person, vocab.Type, vocab.IRI(vocab.Person))
	q(person, vocab.Name, vocab.String("Phùng Quang Thanh"))
	q(person, vocab.Rank, vocab.IRI(vocab.EntityIRI(vocab.KindRank, "Đại tướng")))
	q(org, vocab.Type, vocab.IRI(vocab.GovernmentOrganization))
	q(org, vocab.Name, vocab.String("Bộ Quốc phòng"))
	q(event, vocab.Type, vocab.IRI(vocab.Event))
	q(event, vocab.StartDate, vocab.Typed("--08-17", vocab.XSDGMonthDay))
	q(event, vocab.Organizer, org)
	q(event, vocab.Chair, person)
	for i := range n {
		a := vocab.IRI(vocab.EntityIRI(vocab.KindPerson, fmt.Sprintf("Người %s %d", id, i)))
		q(a, vocab.Type, vocab.IRI(vocab.Person))
		q(a, vocab.Name, vocab.String(fmt.Sprintf("Người %s %d", id, i)))
		q(event, vocab.Attendee, a)
	}
	return label, quads
}

// background is gazetteer knowledge as the extractor emits it.
func background() []vocab.Quad {
	rank := vocab.IRI(vocab.EntityIRI(vocab.KindRank, "Đại tướng"))
	l := vocab.GazetteerLabel
	return []vocab.Quad{
		{Subject: rank, Predicate: vocab.IRI(vocab.Type), Object: vocab.IRI(vocab.MilitaryRank), Label: l},
		{Subject: rank, Predicate: vocab.IRI(vocab.Seniority), Object: vocab.Typed("1", vocab.XSDInteger), Label: l},
		{Subject: rank, Predicate: vocab.IRI(vocab.EnglishName), Object: vocab.String("General"), Label: l},
	}
}
