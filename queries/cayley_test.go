package queries_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/queries"
	"github.com/vnkg/vnkg/queries/querytest"
)

// TestCayleyLoad holds that a bolt store built by `cayley load` from the
// fixture's N-Quads answers every golden query exactly as a store we load
// ourselves: vnkg can query what Cayley's own tools load (and so what `vnkg
// export` writes and `cayley load` reads back).
func TestCayleyLoad(t *testing.T) {
	bin := querytest.CayleyTool(t)
	dir := filepath.Join(t.TempDir(), "cayley.db")
	querytest.RunCayley(t, bin, "load", "--db", "bolt", "--dbpath", dir, "--init", "--load", querytest.FixturePath(), "--logtostderr=false")

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
	bin := querytest.CayleyTool(t)
	dir := filepath.Join(t.TempDir(), "vnkg.db")
	s := querytest.Open(t, dir, querytest.FixturePath())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	out := querytest.RunCayley(t, bin, "query", "--db", "bolt", "--dbpath", dir, "--logtostderr=false",
		`g.V("<https://w3id.org/vnkg/id/person/nguyễn-chí-vịnh>").out("<https://w3id.org/vnkg/ns#rank>").unique().all()`)
	for _, want := range []string{"rank/trung-tướng", "rank/thượng-tướng"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("cayley query output lacks %s:\n%s", want, out)
		}
	}
}
