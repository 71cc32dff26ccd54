// Package querytest loads N-Quads into stores for tests: the query library's
// fixture graph, and whatever a test writes. It writes through Cayley
// directly, not through graph's writer, so that it loads any N-Quads (comments,
// quads of any label) exactly as `cayley load` would.
package querytest

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad/nquads"

	"github.com/vnkg/vnkg/graph"
)

// FixturePath is the path of the library's fixture graph,
// queries/testdata/fixture.nq.
func FixturePath() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata", "fixture.nq")
}

// Load adds the N-Quads read from r to s and returns how many it read.
func Load(ctx context.Context, s *graph.Store, r io.Reader) (int, error) {
	qr := nquads.NewReader(r, false)
	defer qr.Close()
	var deltas []cgraph.Delta
	for {
		q, err := qr.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, fmt.Errorf("reading N-Quads: %w", err)
		}
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if err := s.QuadStore().ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		return 0, fmt.Errorf("writing quads: %w", err)
	}
	return len(deltas), nil
}

// LoadFile adds the N-Quads of the file at path to s.
func LoadFile(ctx context.Context, s *graph.Store, path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return Load(ctx, s, f)
}

// Open opens the store at dbPath (graph.Memory or a bolt directory), loads the
// N-Quads file nqPath into it, and closes it when the test ends.
func Open(t testing.TB, dbPath, nqPath string) *graph.Store {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := LoadFile(ctx, s, nqPath); err != nil {
		t.Fatalf("loading %s: %v", nqPath, err)
	}
	return s
}

// Fixture is an in-memory store holding the fixture graph.
func Fixture(t testing.TB) *graph.Store {
	t.Helper()
	return Open(t, graph.Memory, FixturePath())
}
