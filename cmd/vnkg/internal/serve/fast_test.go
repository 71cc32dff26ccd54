package serve_test

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vnkg/vnkg/cmd/vnkg/internal/serve"
	"github.com/vnkg/vnkg/graph"
)

// twoServers serves the bundled corpus twice: from a store with its
// derived fact rows (the fast paths) and from a copy without them (the
// quads' path).
func twoServers(t *testing.T) (fast, slow *fixture) {
	t.Helper()
	x := newExtractor(t)
	db := filepath.Join(t.TempDir(), "db")
	buildCorpus(t, x, db, bundled(t))
	db2 := filepath.Join(t.TempDir(), "db2")
	if err := os.MkdirAll(db2, 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(db, graph.BoltFile), filepath.Join(db2, graph.BoltFile))
	ctx := context.Background()
	s, err := graph.Open(ctx, db2)
	if err != nil {
		t.Fatal(err)
	}
	if err := graph.DropFacts(ctx, s); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return startOn(t, db, x, serve.Options{}), startOn(t, db2, x, serve.Options{})
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

type pagedEntity struct {
	entity
	Facts []struct {
		Predicate, Short string
		In               bool
		Node             *struct{ IRI, Name string }
		Literal          *struct{ Value, Datatype string }
		Sources          []struct{ Doc string }
		Count            int
		ID               string
		Next             int
	}
	AlternateNames []string
	Groups         []struct {
		Predicate           string
		In                  bool
		Facts, Quads, Shown int
		Next                string
	}
}

// facts are an entity answer's facts as "predicate in other: docs", the
// articles of each fact read through every page of /api/sources when the
// answer is paged.
func factLines(t *testing.T, f *fixture, iri string, e pagedEntity) []string {
	var out []string
	for _, fact := range e.Facts {
		other := ""
		if fact.Node != nil {
			other = fact.Node.IRI
		} else {
			other = fact.Literal.Value + "^^" + fact.Literal.Datatype
		}
		var docs []string
		for _, s := range fact.Sources {
			docs = append(docs, s.Doc)
		}
		for from := fact.Next; from > 0; {
			var page struct {
				Sources []struct{ Doc string }
				Next    int
			}
			f.getJSON(t, fmt.Sprintf("/api/sources?iri=%s&predicate=%s&in=%v&fact=%s&from=%d&limit=1",
				url.QueryEscape(iri), url.QueryEscape(fact.Predicate), fact.In, fact.ID, from), &page)
			for _, s := range page.Sources {
				docs = append(docs, s.Doc)
			}
			from = page.Next
		}
		if fact.Count != 0 && fact.Count != len(docs) {
			t.Errorf("%s %s %s: count %d, %d sources in pages", iri, fact.Short, other, fact.Count, len(docs))
		}
		slices.Sort(docs)
		out = append(out, fmt.Sprintf("%s %v %s: %s", fact.Predicate, fact.In, other, strings.Join(docs, " ")))
	}
	slices.Sort(out)
	return out
}

// TestFastPathsMatchQuads: the entity, timeline and neighbourhood answers
// read from the fact rows state what the quads' path states, for a person,
// a rank, a body and an event of the bundled corpus; the facts paged one at
// a time (GET /api/facts, /api/sources) add up to the whole.
func TestFastPathsMatchQuads(t *testing.T) {
	fast, slow := twoServers(t)
	var e pagedEntity
	fast.getJSON(t, "/api/entity?iri="+url.QueryEscape(lich), &e)
	if len(e.Groups) == 0 {
		t.Fatal("the entity answer has no fact groups: it did not read the fact rows")
	}
	probes := []string{lich, "https://w3id.org/vnkg/id/rank/đại-tướng"}
	for _, fact := range e.Facts {
		if fact.Node != nil && (fact.Short == "schema:attendee" || fact.Short == "vnkg:holdsPosition") {
			probes = append(probes, fact.Node.IRI)
		}
	}
	var org struct{ Results []struct{ IRI string } }
	fast.getJSON(t, "/api/search?q="+url.QueryEscape("Bộ Quốc phòng"), &org)
	if len(org.Results) > 0 {
		probes = append(probes, org.Results[0].IRI)
	}
	if len(probes) < 4 {
		t.Fatalf("probes: %v", probes)
	}
	for _, iri := range probes {
		var a, b pagedEntity
		fast.getJSON(t, "/api/entity?facts=1&sources=1&iri="+url.QueryEscape(iri), &a)
		// Every predicate's remaining facts, a page of one at a time.
		for _, g := range a.Groups {
			for cur := g.Next; cur != ""; {
				var page struct {
					pagedEntity
					Next string
				}
				fast.getJSON(t, fmt.Sprintf("/api/facts?iri=%s&predicate=%s&in=%v&cursor=%s&facts=1&sources=1",
					url.QueryEscape(iri), url.QueryEscape(g.Predicate), g.In, cur), &page)
				if len(page.Facts) != 1 {
					t.Fatalf("%s: a page of one fact holds %d", iri, len(page.Facts))
				}
				a.Facts = append(a.Facts, page.Facts...)
				cur = page.Next
			}
		}
		slow.getJSON(t, "/api/entity?iri="+url.QueryEscape(iri), &b)
		if len(b.Groups) != 0 {
			t.Fatal("the copy without fact rows answered from them")
		}
		got, want := factLines(t, fast, iri, a), factLines(t, slow, iri, b)
		if !slices.Equal(got, want) {
			t.Errorf("%s: facts from the rows\n%s\nfrom the quads\n%s", iri, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if !slices.Equal(a.Types, b.Types) || !slices.Equal(a.AlternateNames, b.AlternateNames) {
			t.Errorf("%s: types %v / %v, names %v / %v", iri, a.Types, b.Types, a.AlternateNames, b.AlternateNames)
		}

		var ta, tb struct {
			Articles []struct {
				Doc, Date, Title string
				Ranks, Positions []struct{ IRI string }
			}
			Events []struct {
				IRI, Date string
				Roles     []string
			}
			Total int
		}
		fast.getJSON(t, "/api/timeline?iri="+url.QueryEscape(iri), &ta)
		slow.getJSON(t, "/api/timeline?iri="+url.QueryEscape(iri), &tb)
		if fmt.Sprint(ta.Articles) != fmt.Sprint(tb.Articles) || fmt.Sprint(ta.Events) != fmt.Sprint(tb.Events) || ta.Total != len(tb.Articles) {
			t.Errorf("%s: timeline from the rows\n%+v\nfrom the quads\n%+v", iri, ta, tb)
		}
		// A page of one from the second article on.
		if len(tb.Articles) > 1 {
			var p struct {
				Articles []struct{ Doc string }
				Next     int
			}
			fast.getJSON(t, "/api/timeline?from=1&limit=1&iri="+url.QueryEscape(iri), &p)
			if len(p.Articles) != 1 || p.Articles[0].Doc != tb.Articles[1].Doc || (len(tb.Articles) > 2) != (p.Next == 2) {
				t.Errorf("%s: timeline page 2: %+v", iri, p)
			}
		}

		type nbJSON struct {
			Graph struct {
				Nodes []struct{ IRI string }
				Edges []struct {
					Source, Target, Predicate string
					Articles                  []string
					Count                     int
				}
				More int
			}
		}
		var na, nb nbJSON
		fast.getJSON(t, "/api/neighbourhood?max=300&iri="+url.QueryEscape(iri), &na)
		slow.getJSON(t, "/api/neighbourhood?iri="+url.QueryEscape(iri), &nb)
		nodes := func(n nbJSON) []string {
			var out []string
			for _, x := range n.Graph.Nodes {
				out = append(out, x.IRI)
			}
			slices.Sort(out)
			return out
		}
		edges := func(n nbJSON, fast bool) []string {
			var out []string
			for _, e := range n.Graph.Edges {
				if fast && e.Count < len(e.Articles) {
					t.Errorf("%s: edge %v counts fewer articles than it lists", iri, e)
				}
				out = append(out, fmt.Sprint(e.Source, " ", e.Predicate, " ", e.Target))
			}
			slices.Sort(out)
			return out
		}
		if !slices.Equal(nodes(na), nodes(nb)) || !slices.Equal(edges(na, true), edges(nb, false)) || na.Graph.More != 0 {
			t.Errorf("%s: neighbourhood from the rows\n%v\n%v\nfrom the quads\n%v\n%v", iri, nodes(na), edges(na, true), nodes(nb), edges(nb, false))
		}
		// Capped: the rest is counted.
		var capped nbJSON
		fast.getJSON(t, "/api/neighbourhood?max=2&iri="+url.QueryEscape(iri), &capped)
		if n := len(nodes(nb)); n > 2 && (len(capped.Graph.Nodes) != 2 || capped.Graph.More == 0) {
			t.Errorf("%s: a neighbourhood of 2 out of %d: %d nodes, %d more", iri, n, len(capped.Graph.Nodes), capped.Graph.More)
		}
	}
}
