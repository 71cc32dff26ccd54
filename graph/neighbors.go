package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/cayleygraph/quad"

	"github.com/vnkg/vnkg/graph/vocab"
)

// Index lookups from one node, for the viewer and the neighbourhood exports:
// each reads Cayley's subject, object, label or predicate index, never the
// whole store.

// Out returns the quads whose subject is iri, sorted (by predicate, object,
// label).
func (s *Store) Out(ctx context.Context, iri string) ([]vocab.Quad, error) {
	return s.quadsWith(ctx, quad.Subject, quad.IRI(iri))
}

// In returns the quads whose object is the term v, sorted (by predicate,
// subject, label).
func (s *Store) In(ctx context.Context, v vocab.Term) ([]vocab.Quad, error) {
	return s.quadsWith(ctx, quad.Object, toValue(v))
}

// Labelled returns the quads stored under label (a document's IRI), sorted.
func (s *Store) Labelled(ctx context.Context, label string) ([]vocab.Quad, error) {
	return s.quadsWith(ctx, quad.Label, quad.IRI(label))
}

// WithPredicate returns every quad of predicate p. It reads the predicate's
// whole index: for building an index once (the viewer's search), not per
// request.
func (s *Store) WithPredicate(ctx context.Context, p string) ([]vocab.Quad, error) {
	return s.quadsWith(ctx, quad.Predicate, quad.IRI(p))
}

// QuadCount is the number of quads stored, as the store counts them (cheap
// on every backend): a change signal for caches.
func (s *Store) QuadCount(ctx context.Context) (int64, error) {
	st, err := s.qs.Stats(ctx, false)
	if err != nil {
		return 0, fmt.Errorf("counting the quads of %s: %w", s, err)
	}
	return st.Quads.Value, nil
}

func (s *Store) quadsWith(ctx context.Context, d quad.Direction, v quad.Value) ([]vocab.Quad, error) {
	qs := s.qs
	ref, err := qs.ValueOf(v)
	if err != nil {
		return nil, fmt.Errorf("looking up %s in store %s: %w", v, s, err)
	}
	if ref == nil {
		return nil, nil
	}
	var out []vocab.Quad
	err = s.scan(ctx, qs, qs.QuadIterator(d, ref), func(q quad.Quad) error {
		vq, err := FromQuad(q)
		if err != nil {
			return nil // a value the vocabulary cannot say (another tool's): not ours to show
		}
		out = append(out, vq)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s from store %s: %w", v, s, err)
	}
	slices.SortFunc(out, compareQuads)
	return slices.CompactFunc(out, func(a, b vocab.Quad) bool { return a == b }), nil
}

func compareQuads(a, b vocab.Quad) int {
	return cmp.Or(
		cmp.Compare(a.Predicate.Value, b.Predicate.Value),
		cmp.Compare(a.Subject.Value, b.Subject.Value),
		compareTerms(a.Object, b.Object),
		cmp.Compare(a.Label, b.Label),
	)
}

func compareTerms(a, b vocab.Term) int {
	return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Value, b.Value), cmp.Compare(a.Datatype, b.Datatype))
}

// IsEdge reports whether q links two entities: an IRI object, and not
// rdf:type (whose objects are classes, not nodes of the graph).
func IsEdge(q vocab.Quad) bool {
	return q.Object.IsIRI() && q.Predicate.Value != vocab.Type
}

// Subgraph is a neighbourhood: its nodes (the focus first, then by distance,
// in a deterministic order) and the quads among them: the edges between two of its nodes and
// the attributes (literals, types) of each. The article text
// (schema:articleBody) is left out.
type Subgraph struct {
	Nodes []string
	Quads []vocab.Quad
	// Truncated reports that the neighbourhood had more than the nodes asked
	// for; the nearest were kept.
	Truncated bool
}

// NeighbourhoodOptions bound a neighbourhood.
type NeighbourhoodOptions struct {
	Depth    int    // edges from the focus (0: the focus alone)
	MaxNodes int    // stop adding nodes after this many (0: no limit)
	Label    string // only quads stored under this label ("" for all)
}

// Neighbourhood walks the edges (IsEdge, either direction) from focus,
// breadth first, and returns the nodes within opts.Depth of it with the
// quads among them. Each step reads the subject and object indexes of the
// nodes reached: the work grows with the neighbourhood, not the store.
func (s *Store) Neighbourhood(ctx context.Context, focus string, opts NeighbourhoodOptions) (Subgraph, error) {
	keep := func(q vocab.Quad) bool {
		return (opts.Label == "" || q.Label == opts.Label) && q.Predicate.Value != vocab.ArticleBody
	}
	var sg Subgraph
	seen := map[string]bool{focus: true}
	sg.Nodes = []string{focus}
	out := map[string][]vocab.Quad{} // each node's quads as subject
	frontier := []string{focus}
	for d := 0; ; d++ {
		var next []string
		for _, n := range frontier {
			qs, err := s.Out(ctx, n)
			if err != nil {
				return Subgraph{}, err
			}
			out[n] = qs
			if d == opts.Depth {
				continue
			}
			in, err := s.In(ctx, vocab.IRI(n))
			if err != nil {
				return Subgraph{}, err
			}
			for _, q := range append(qs[:len(qs):len(qs)], in...) {
				if !IsEdge(q) || !keep(q) {
					continue
				}
				other := q.Object.Value
				if other == n {
					other = q.Subject.Value
				}
				if seen[other] {
					continue
				}
				if opts.MaxNodes > 0 && len(sg.Nodes) >= opts.MaxNodes {
					sg.Truncated = true
					continue
				}
				seen[other] = true
				sg.Nodes = append(sg.Nodes, other)
				next = append(next, other)
			}
		}
		if d == opts.Depth || len(next) == 0 {
			break
		}
		slices.Sort(next)
		frontier = next
	}
	for _, n := range sg.Nodes {
		for _, q := range out[n] {
			if keep(q) && (!IsEdge(q) || seen[q.Object.Value]) {
				sg.Quads = append(sg.Quads, q)
			}
		}
	}
	return sg, nil
}

// Named returns the entities whose schema:name is name, sorted; if none,
// those with it as schema:alternateName or schema:legislationIdentifier. The
// match is exact: callers normalize the name as the graph does (NFC, the
// extractor's tone placement).
func (s *Store) Named(ctx context.Context, name string) ([]string, error) {
	quads, err := s.In(ctx, vocab.String(name))
	if err != nil {
		return nil, err
	}
	var primary, other []string
	for _, q := range quads {
		switch q.Predicate.Value {
		case vocab.Name:
			primary = append(primary, q.Subject.Value)
		case vocab.AlternateName, vocab.LegislationIdentifier:
			other = append(other, q.Subject.Value)
		}
	}
	if len(primary) == 0 {
		primary = other
	}
	slices.Sort(primary)
	return slices.Compact(primary), nil
}
