package graph

import (
	"context"
	"runtime"
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

// TestWriterAdaptBudget: an adaptive budget is the fixed one plus half of
// what the peak leaves below BudgetPeakRSS, at most MaxDirtyBudget; the
// fixed one when the peak is unknown or over the mark; and a budget given
// with DirtyBudget is never changed.
func TestWriterAdaptBudget(t *testing.T) {
	s, err := Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const mib = 1 << 20
	for _, tc := range []struct {
		name  string
		opts  []WriterOption
		peak  int64
		start int
		want  int
	}{
		{"peak unknown: the fixed budget", nil, 0, MaxDirtyBudget, DefaultDirtyBudget},
		{"far below the mark: the most", nil, 100 * mib, DefaultDirtyBudget, MaxDirtyBudget},
		{"near the mark: half the room", nil, BudgetPeakRSS - 40*mib, DefaultDirtyBudget, DefaultDirtyBudget + 20*mib},
		{"at the mark: the fixed budget", nil, BudgetPeakRSS, MaxDirtyBudget, DefaultDirtyBudget},
		{"over the mark: falls back", nil, BudgetPeakRSS + 64*mib, 100 * mib, DefaultDirtyBudget},
		{"given budget: kept", []WriterOption{DirtyBudget(8 * mib)}, 100 * mib, 8 * mib, 8 * mib},
		{"no limit given: kept", []WriterOption{DirtyBudget(0)}, 100 * mib, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := s.NewWriter(tc.opts...)
			w.budget = tc.start
			w.peakRSS = func() int64 { return tc.peak }
			w.adaptBudget()
			if w.budget != tc.want {
				t.Errorf("peak %d MiB: budget %d MiB, want %d MiB", tc.peak/mib, w.budget/mib, tc.want/mib)
			}
		})
	}
	if p := peakRSS(); runtime.GOOS == "linux" && p <= 0 {
		t.Errorf("peakRSS() = %d on linux, want the process's peak", p)
	}
}
