package queries_test

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/queries"
	"github.com/vnkg/vnkg/queries/querytest"
)

// cayleyTool is the path of the Cayley CLI, a tool of this module
// (go get -tool github.com/cayleygraph/cayley/cmd/cayley), built if need be.
func cayleyTool(t *testing.T) string {
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

func runCayley(t *testing.T, bin string, args ...string) []byte {
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

// TestCayleyLoad holds that a bolt store built by `cayley load` from the
// fixture's N-Quads answers every golden query exactly as a store we load
// ourselves: vnkg can query what Cayley's own tools load (and so what `vnkg
// export` writes and `cayley load` reads back).
func TestCayleyLoad(t *testing.T) {
	bin := cayleyTool(t)
	dir := filepath.Join(t.TempDir(), "cayley.db")
	runCayley(t, bin, "load", "--db", "bolt", "--dbpath", dir, "--init", "--load", querytest.FixturePath(), "--logtostderr=false")

	ctx := context.Background()
	theirs, err := graph.Open(ctx, dir)
	if err != nil {
		t.Fatalf("opening the store cayley loaded: %v", err)
	}
	defer theirs.Close()
	ours := querytest.Fixture(t)

	for _, tt := range goldenTests {
		q, err := queries.Lookup(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		answer := func(s *graph.Store) string {
			res, err := q.Run(ctx, s, tt.args, graph.QueryOptions{Timeout: 30 * time.Second})
			if err != nil {
				t.Fatalf("%s: %v", tt.golden, err)
			}
			return string(render(t, q, tt.args, res))
		}
		if a, b := answer(theirs), answer(ours); a != b {
			t.Errorf("%s: the store cayley loaded answers\n%s\nours answers\n%s", tt.golden, a, b)
		}
	}
}

// TestCayleyQueriesOurStore holds the other direction: Cayley's CLI reads a
// bolt store that vnkg wrote.
func TestCayleyQueriesOurStore(t *testing.T) {
	bin := cayleyTool(t)
	dir := filepath.Join(t.TempDir(), "vnkg.db")
	s := querytest.Open(t, dir, querytest.FixturePath())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	out := runCayley(t, bin, "query", "--db", "bolt", "--dbpath", dir, "--logtostderr=false",
		`g.V("<https://w3id.org/vnkg/id/person/nguyễn-chí-vịnh>").out("<https://w3id.org/vnkg/ns#rank>").unique().all()`)
	for _, want := range []string{"rank/trung-tướng", "rank/thượng-tướng"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("cayley query output lacks %s:\n%s", want, out)
		}
	}
}
