package graph

import (
	"cmp"
	"context"
	"slices"

	"github.com/cayleygraph/quad"

	"github.com/vnkg/vnkg/graph/vocab"
)

// Stats summarizes a store.
type Stats struct {
	Quads      int         `json:"quads"`
	Background int         `json:"background_quads"` // under vocab.GazetteerLabel
	Articles   int         `json:"articles"`         // distinct document labels
	Types      []TypeCount `json:"types"`            // most frequent first
	People     []Connected `json:"people"`           // most connected first
	Bodies     []Connected `json:"bodies"`           // organizations, most connected first
}

// TypeCount is the number of distinct nodes of one rdf:type.
type TypeCount struct {
	Type  string `json:"type"`
	Count int    `json:"count"`
}

// Connected is an entity with its number of edges: distinct (subject,
// predicate, object) links to other nodes, rdf:type aside, however many
// articles state them; Articles counts the documents that mention it.
type Connected struct {
	IRI      string `json:"iri"`
	Name     string `json:"name,omitempty"`
	Edges    int    `json:"edges"`
	Articles int    `json:"articles"`
}

// Stats reads the whole store and counts nodes by type, articles, and the top
// most-connected people and bodies (organizations of either class).
func (s *Store) Stats(ctx context.Context, top int) (*Stats, error) {
	st := &Stats{Types: []TypeCount{}}
	types := map[string]map[string]bool{}    // class → subjects
	names := map[string]string{}             // node → least schema:name
	edges := map[[3]string]bool{}            // distinct links
	degree := map[string]int{}               // node → links
	mentions := map[string]map[string]bool{} // node → document labels
	labels := map[string]bool{}
	mention := func(node, label string) {
		m := mentions[node]
		if m == nil {
			m = map[string]bool{}
			mentions[node] = m
		}
		m[label] = true
	}
	err := s.eachQuad(ctx, func(q quad.Quad) error {
		st.Quads++
		label := ""
		if l, ok := q.Label.(quad.IRI); ok {
			label = string(l)
		}
		if label == vocab.GazetteerLabel {
			st.Background++
		} else if label != "" {
			labels[label] = true
		}
		subj, ok := q.Subject.(quad.IRI)
		if !ok {
			return nil
		}
		pred, _ := q.Predicate.(quad.IRI)
		isDoc := label != "" && label != vocab.GazetteerLabel
		if isDoc {
			mention(string(subj), label)
		}
		switch obj := q.Object.(type) {
		case quad.IRI:
			if pred == vocab.Type {
				if types[string(obj)] == nil {
					types[string(obj)] = map[string]bool{}
				}
				types[string(obj)][string(subj)] = true
				return nil
			}
			if isDoc {
				mention(string(obj), label)
			}
			k := [3]string{string(subj), string(pred), string(obj)}
			if subj != obj && !edges[k] {
				edges[k] = true
				degree[string(subj)]++
				degree[string(obj)]++
			}
		case quad.String:
			if pred == vocab.Name {
				if n, ok := names[string(subj)]; !ok || string(obj) < n {
					names[string(subj)] = string(obj)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	st.Articles = len(labels)
	for t, nodes := range types {
		st.Types = append(st.Types, TypeCount{Type: t, Count: len(nodes)})
	}
	slices.SortFunc(st.Types, func(a, b TypeCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Type, b.Type))
	})
	ranked := func(classes ...string) []Connected {
		seen := map[string]bool{}
		out := []Connected{}
		for _, c := range classes {
			for n := range types[c] {
				if !seen[n] {
					seen[n] = true
					out = append(out, Connected{IRI: n, Name: names[n], Edges: degree[n], Articles: len(mentions[n])})
				}
			}
		}
		slices.SortFunc(out, func(a, b Connected) int {
			return cmp.Or(cmp.Compare(b.Edges, a.Edges), cmp.Compare(b.Articles, a.Articles),
				cmp.Compare(a.Name, b.Name), cmp.Compare(a.IRI, b.IRI))
		})
		if top >= 0 && len(out) > top {
			out = out[:top]
		}
		return out
	}
	st.People = ranked(vocab.Person)
	st.Bodies = ranked(vocab.GovernmentOrganization, vocab.Organization)
	return st, nil
}
