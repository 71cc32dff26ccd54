package graph_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

func TestStats(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, func(t *testing.T, s *graph.Store) {
		fill(t, s, "a", "bb") // attendees: 1 in a, 2 in bb
		got, err := s.Stats(ctx, 2)
		if err != nil {
			t.Fatal(err)
		}
		thanh := vocab.EntityIRI(vocab.KindPerson, "Phùng Quang Thanh")
		bqp := vocab.EntityIRI(vocab.KindOrg, "Bộ Quốc phòng")
		want := &graph.Stats{
			Quads:      2*13 + 3*3 + len(background()),
			Background: len(background()),
			Articles:   2,
			Types: []graph.TypeCount{
				// Thanh and the three attendees
				{Type: vocab.Person, Count: 4},
				{Type: vocab.Event, Count: 2},
				{Type: vocab.NewsArticle, Count: 2},
				{Type: vocab.GovernmentOrganization, Count: 1},
				{Type: vocab.MilitaryRank, Count: 1},
			},
			// Thanh: his rank, and chair of two events (the same rank link
			// stated by two articles counts once). Attendees: one edge each.
			People: []graph.Connected{
				{IRI: thanh, Name: "Phùng Quang Thanh", Edges: 3, Articles: 2},
				{IRI: vocab.EntityIRI(vocab.KindPerson, "Người a 0"), Name: "Người a 0", Edges: 1, Articles: 1}, // ties by name
			},
			Bodies: []graph.Connected{
				{IRI: bqp, Name: "Bộ Quốc phòng", Edges: 2, Articles: 2},
			},
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Stats =\n%+v\nwant\n%+v", got, want)
		}
	})
}

func TestStatsEmpty(t *testing.T) {
	s := openStore(t, graph.Memory)
	got, err := s.Stats(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if got.Quads != 0 || got.Articles != 0 || len(got.Types) != 0 || got.People == nil || got.Bodies == nil {
		t.Fatalf("Stats of an empty store = %+v", got)
	}
}
