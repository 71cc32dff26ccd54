package graph

import (
	"context"
	"testing"
)

// TestWriterResize: the next transaction's size from what the last one
// wrote against the budget.
func TestWriterResize(t *testing.T) {
	s, err := Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, tc := range []struct {
		name                   string
		max, docs, last, dirty int
		budget, want           int
	}{
		{"over budget: shrinks in proportion", 512, 512, 512, 128 << 20, 64 << 20, 256},
		{"far over budget: at least one", 512, 4, 4, 1 << 40, 1, 1},
		{"within budget, over half: stays", 512, 100, 100, 40 << 20, 64 << 20, 100},
		{"under half: doubles", 512, 100, 100, 10 << 20, 64 << 20, 200},
		{"under half: at most BatchDocs", 512, 400, 400, 1 << 20, 64 << 20, 512},
		{"a short last batch grows from the size, not the batch", 512, 100, 3, 1 << 10, 64 << 20, 200},
		{"nothing written: stays", 512, 100, 100, 0, 64 << 20, 100},
		{"no budget: stays", 512, 100, 100, 1 << 40, 0, 100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := s.NewWriter(BatchDocs(tc.max), DirtyBudget(tc.budget))
			w.docs = tc.docs
			s.lastDirty = tc.dirty
			w.resize(tc.last)
			if w.Batch() != tc.want {
				t.Errorf("after %d documents wrote %d bytes (budget %d): next batch %d, want %d",
					tc.last, tc.dirty, tc.budget, w.Batch(), tc.want)
			}
		})
	}
}
