package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/quad"
)

// LabelQuads returns the quads stored under label (a document's IRI), in no
// particular order; none if the label is unknown.
func (s *Store) LabelQuads(ctx context.Context, label string) ([]quad.Quad, error) {
	var out []quad.Quad
	err := s.eachLabelQuad(ctx, label, func(q quad.Quad) error {
		out = append(out, q)
		return nil
	})
	return out, err
}

// HasLabel reports whether any quad is stored under label.
func (s *Store) HasLabel(ctx context.Context, label string) (bool, error) {
	found := false
	err := s.eachLabelQuad(ctx, label, func(quad.Quad) error {
		found = true
		return errStop
	})
	return found, err
}

// errStop ends an iteration early without error.
var errStop = fmt.Errorf("stop")

func (s *Store) eachLabelQuad(ctx context.Context, label string, fn func(quad.Quad) error) error {
	qs := s.qs
	ref, err := qs.ValueOf(quad.IRI(label))
	if err != nil {
		return fmt.Errorf("reading %s from store %s: %w", label, s, err)
	}
	if ref == nil {
		return nil
	}
	if err := s.scan(ctx, qs, qs.QuadIterator(quad.Label, ref), fn); err != nil {
		return fmt.Errorf("reading %s from store %s: %w", label, s, err)
	}
	return nil
}

// eachQuad calls fn for every quad in the store.
func (s *Store) eachQuad(ctx context.Context, fn func(quad.Quad) error) error {
	qs := s.qs
	if err := s.scan(ctx, qs, qs.QuadsAllIterator(), fn); err != nil {
		return fmt.Errorf("reading store %s: %w", s, err)
	}
	return nil
}

// scan runs a quad iterator to its end, or until fn fails or ctx is done.
func (s *Store) scan(ctx context.Context, qs cgraph.QuadStore, sh iterator.Shape, fn func(quad.Quad) error) error {
	it := sh.Iterate()
	defer it.Close()
	for it.Next(ctx) {
		if err := ctx.Err(); err != nil {
			return err
		}
		q, err := qs.Quad(it.Result())
		if err != nil {
			return err
		}
		if !q.IsValid() {
			return fmt.Errorf("store returned an incomplete quad %v", q)
		}
		if err := fn(q); err != nil {
			if err == errStop {
				return nil
			}
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}
