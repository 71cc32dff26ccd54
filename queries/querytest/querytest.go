// Package querytest loads N-Quads into stores for tests: the query library's
// fixture graph, and whatever a test writes. It writes through Cayley
// directly, not through graph's writer, so that it loads any N-Quads (comments,
// quads of any label) exactly as `cayley load` would. It also finds and runs
// the Cayley CLI itself, for tests that hold vnkg to what Cayley's own tools
// do.
package querytest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

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

// CayleyTool is the path of the Cayley CLI, a tool of this module (go get
// -tool github.com/cayleygraph/cayley/cmd/cayley), built if need be. The first
// build is slow, so the test is skipped with -short.
func CayleyTool(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the Cayley CLI; skipped with -short")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to build the Cayley CLI: %v", err)
	}
	out, err := exec.Command(gobin, "tool", "-n", "cayley").Output()
	if err != nil {
		t.Fatalf("go tool -n cayley: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// RunCayley runs the Cayley CLI bin with args and returns its stdout; the test
// fails, with Cayley's stderr, if it exits non-zero or runs over a minute.
func RunCayley(t testing.TB, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("cayley %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return out
}
