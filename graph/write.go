package graph

import (
	"context"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/vnkg/vnkg/graph/vocab"
)

// Errors about documents in the store.
var (
	// ErrNoDocument: nothing is stored under the document's label.
	ErrNoDocument = errors.New("no such document in the store")
	// ErrBackground: the gazetteer's background label is not a document; its
	// quads are added by writes and never replaced or removed.
	ErrBackground = errors.New("the gazetteer background is not a document")
)

// DocResult is what writing one document changed.
type DocResult struct {
	Label   string
	Before  int   // quads stored under the label before the write
	Added   int   // quads added
	Removed int   // quads removed
	Err     error // set when this document could not be written; nothing of it was
}

// Unchanged reports whether the write changed nothing.
func (r DocResult) Unchanged() bool { return r.Err == nil && r.Added == 0 && r.Removed == 0 }

// change is the difference between what a document states and what is stored
// under its label.
type change struct {
	before int
	adds   []quad.Quad
	dels   []quad.Quad
}

func (c change) deltas(out []cgraph.Delta) []cgraph.Delta {
	for _, q := range c.dels {
		out = append(out, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	for _, q := range c.adds {
		out = append(out, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	return out
}

// diff compares quads with what is stored under label: stored quads no longer
// stated are deleted, stated quads not stored are added, the rest is kept.
func (s *Store) diff(ctx context.Context, label string, quads []vocab.Quad) (change, error) {
	want := make(map[vocab.Quad]bool, len(quads))
	for _, q := range quads {
		want[q] = true
	}
	var c change
	err := s.eachLabelQuad(ctx, label, func(q quad.Quad) error {
		c.before++
		if v, err := FromQuad(q); err == nil && want[v] {
			want[v] = false // stored: keep
			return nil
		}
		c.dels = append(c.dels, q)
		return nil
	})
	if err != nil {
		return change{}, err
	}
	for _, q := range quads { // in the document's order, each once
		if want[q] {
			want[q] = false
			c.adds = append(c.adds, ToQuad(q))
		}
	}
	return c, nil
}

// write applies deltas in one transaction; none is no write at all. The
// deltas come from diffs read before, which stay true since the caller holds
// wmu and a bolt store is locked to this process.
func (s *Store) write(ctx context.Context, deltas []cgraph.Delta) error {
	if len(deltas) == 0 {
		return nil
	}
	return s.atomically(ctx, func() error { return s.applyDeltas(deltas) })
}

// checkDocument validates a document's quads before anything is written.
func checkDocument(label string, quads []vocab.Quad) error {
	if label == "" {
		return fmt.Errorf("%w: empty document label", ErrInvalidQuad)
	}
	if label == vocab.GazetteerLabel {
		return fmt.Errorf("writing %s: %w", label, ErrBackground)
	}
	for _, q := range quads {
		if err := checkQuad(q, label); err != nil {
			return fmt.Errorf("document %s: %w", label, err)
		}
	}
	return nil
}

// ReplaceDocument makes quads the whole of what is stored under label, in one
// transaction: stored quads no longer stated are removed, new ones added, and
// an identical document writes nothing. Every quad must carry label.
func (s *Store) ReplaceDocument(ctx context.Context, label string, quads []vocab.Quad) (added, removed int, err error) {
	if err := checkDocument(label, quads); err != nil {
		return 0, 0, err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.pg != nil {
		r, err := s.pgWriteOne(ctx, label, quads)
		if err != nil {
			return 0, 0, fmt.Errorf("replacing %s: %w", label, err)
		}
		return r.Added, r.Removed, nil
	}
	c, err := s.diff(ctx, label, quads)
	if err != nil {
		return 0, 0, err
	}
	if err := s.write(ctx, c.deltas(nil)); err != nil {
		return 0, 0, fmt.Errorf("replacing %s: %w", label, err)
	}
	return len(c.adds), len(c.dels), nil
}

// RemoveDocument removes every quad stored under label, in one transaction,
// and returns how many there were: ErrNoDocument if none. The gazetteer's
// background cannot be removed (ErrBackground).
func (s *Store) RemoveDocument(ctx context.Context, label string) (removed int, err error) {
	if label == vocab.GazetteerLabel {
		return 0, fmt.Errorf("removing %s: %w", label, ErrBackground)
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.pg != nil {
		r, err := s.pgWriteOne(ctx, label, nil)
		if err != nil {
			return 0, fmt.Errorf("removing %s: %w", label, err)
		}
		if r.Before == 0 {
			return 0, fmt.Errorf("removing %s: %w", label, ErrNoDocument)
		}
		return r.Removed, nil
	}
	c, err := s.diff(ctx, label, nil)
	if err != nil {
		return 0, err
	}
	if c.before == 0 {
		return 0, fmt.Errorf("removing %s: %w", label, ErrNoDocument)
	}
	if err := s.write(ctx, c.deltas(nil)); err != nil {
		return 0, fmt.Errorf("removing %s: %w", label, err)
	}
	return len(c.dels), nil
}
