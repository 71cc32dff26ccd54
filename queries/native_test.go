package queries_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vnkg/vnkg/bench/corpus"
	"github.com/vnkg/vnkg/data"
	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/queries"
	"github.com/vnkg/vnkg/queries/querytest"
)

// sameAnswer runs a query as its script and in Go and fails unless both give
// the same rows, row for row.
func sameAnswer(t *testing.T, s *graph.Store, name string, args []string) (graph.Results, *graph.Reader) {
	t.Helper()
	ctx := context.Background()
	q, err := queries.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	opts := graph.QueryOptions{Timeout: time.Minute}
	want, err := q.RunGizmo(ctx, s, args, opts)
	if err != nil {
		t.Fatalf("%s %q as Gizmo: %v", name, args, err)
	}
	got, r, err := q.RunNative(ctx, s, args, opts)
	if err != nil {
		t.Fatalf("%s %q in Go: %v", name, args, err)
	}
	if diff := cmp.Diff(want.Rows, got.Rows); diff != "" {
		t.Errorf("%s %q: Go answer differs from Gizmo's (-gizmo +go):\n%s", name, args, diff)
	}
	return got, r
}

// TestNativeMatchesGizmoFixture holds every Go query to its script's answer
// on the fixture graph (a memory store: no index scans, the fallback path).
func TestNativeMatchesGizmoFixture(t *testing.T) {
	s := querytest.Fixture(t)
	for _, tt := range goldenTests {
		t.Run(tt.golden, func(t *testing.T) { sameAnswer(t, s, tt.query, tt.args) })
	}
	for _, q := range queries.All() {
		if !q.HasNative() {
			t.Errorf("%s has no Go implementation", q.Name)
		}
	}
}

// buildCorpus extracts generated articles and writes them into a bolt store,
// as vnkg build does; extra articles of another seed follow if more is set.
func buildCorpus(t testing.TB, _ string, c *corpus.Corpus, n int, prefix string, s *graph.Store) {
	t.Helper()
	ctx := context.Background()
	x, err := extract.New(data.GazetteerFS())
	if err != nil {
		t.Fatal(err)
	}
	w := s.NewWriter()
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("%s%05d", prefix, i)
		doc, err := extract.ParseText(id, []byte(c.Article(i)))
		if err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
		doc.SourceFile = id + ".txt"
		res := x.Extract(doc)
		if err := w.Put(ctx, "https://w3id.org/vnkg/id/doc/"+id, res.Quads, res.Background); err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
}

func openBolt(t testing.TB) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// probes are the questions asked of a generated corpus: its best-connected
// and an ordinary person, a post, the recurring resolution, a body, names in
// other case.
func probes(c *corpus.Corpus) [][]string {
	people := c.People()
	hub, plain := people[0].Name, ""
	for _, p := range people {
		if !p.Hub && p.Articles >= 2 {
			plain = p.Name
			break
		}
	}
	var out [][]string
	for _, who := range []string{hub, plain, strings.ToLower(plain)} {
		out = append(out,
			[]string{"person-timeline", who},
			[]string{"events-of-person", who},
			[]string{"people-met", who},
			[]string{"fact-sources", who, "vnkg:rank", "Thượng tướng"},
			[]string{"fact-sources", who, "schema:name", who},
		)
	}
	return append(out,
		[]string{"position-holders", "Thứ trưởng Bộ Quốc phòng"},
		[]string{"position-holders", "phó cục trưởng cục đối ngoại"},
		[]string{"events-about", "806-NQ/QUTW"},
		[]string{"events-about", "Nghị quyết 806"},
		[]string{"chairs-of-resolution", "806-NQ/QUTW"},
		[]string{"chairs-of-resolution", "Đề án hội nhập quốc tế về quốc phòng"},
		[]string{"org-tree", "Bộ Quốc phòng"},
		[]string{"org-tree", "Quân khu 1"},
	)
}

// TestNativeMatchesGizmoCorpus holds the Go queries to the scripts' answers
// on a generated corpus in bolt, where they read through index scans.
func TestNativeMatchesGizmoCorpus(t *testing.T) {
	const n = 300
	c := corpus.New(n, 3)
	s := openBolt(t)
	buildCorpus(t, "", c, n, "g", s)
	nonEmpty := 0
	for _, p := range probes(c) {
		t.Run(strings.Join(p, " "), func(t *testing.T) {
			res, _ := sameAnswer(t, s, p[0], p[1:])
			if len(res.Rows) > 0 {
				nonEmpty++
			}
		})
	}
	if nonEmpty < len(probes(c))*2/3 {
		t.Errorf("only %d of %d probes had an answer: the comparison says little", nonEmpty, len(probes(c)))
	}
}

// TestCostFollowsAnswer fails if a Go query's cost starts to grow with the
// store again: the same questions on a corpus and on that corpus with three
// times as many other articles added must read no more quads per row of
// answer (Cayley's indexes answer them; the wall time is not measured).
func TestCostFollowsAnswer(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two corpora; skipped with -short")
	}
	const n = 200
	c := corpus.New(n, 5)
	small, large := openBolt(t), openBolt(t)
	buildCorpus(t, "", c, n, "g", small)
	c = corpus.New(n, 5)
	buildCorpus(t, "", c, n, "g", large)
	buildCorpus(t, "", corpus.New(3*n, 6), 3*n, "x", large)
	ctx := context.Background()
	for _, p := range probes(c) {
		q, _ := queries.Lookup(p[0])
		cost := func(s *graph.Store) (quads, rows int) {
			res, r, err := q.RunNative(ctx, s, p[1:], graph.QueryOptions{})
			if err != nil {
				t.Fatal(err)
			}
			return r.Stats.Quads(), len(res.Rows)
		}
		qa, ra := cost(small)
		qb, rb := cost(large)
		perA := float64(qa) / float64(max(ra, 1))
		perB := float64(qb) / float64(max(rb, 1))
		t.Logf("%s: %d quads for %d rows; with 3× more articles %d quads for %d rows", strings.Join(p, " "), qa, ra, qb, rb)
		if perB > 1.5*perA+20 {
			t.Errorf("%s: %.1f quads a row on %d articles, %.1f on %d: the cost grows with the store", strings.Join(p, " "), perA, n, perB, 4*n)
		}
	}
}

// TestTimelineRowsAfterRemoveAndRebuild: person-timeline reads the derived
// rows on bolt, and after articles are removed, others rewritten with other
// facts and the whole corpus built again, its answers still equal the
// script's and the rows equal a fresh recomputation.
func TestTimelineRowsAfterRemoveAndRebuild(t *testing.T) {
	const n = 150
	ctx := context.Background()
	c := corpus.New(n, 3)
	s := openBolt(t)
	buildCorpus(t, "", c, n, "g", s)
	ask := func(when string) {
		t.Helper()
		for _, p := range probes(c) {
			if p[0] != "person-timeline" {
				continue
			}
			_, r := sameAnswer(t, s, p[0], p[1:])
			derived := false
			for _, st := range r.Stats.Steps {
				derived = derived || st.Index == "vnkg_timeline"
			}
			if !derived {
				t.Errorf("%s: %q did not read the derived rows", when, p)
			}
		}
		diff, err := graph.CheckTimeline(ctx, s)
		if err != nil || diff != "" {
			t.Fatalf("%s: rows against a recomputation: %q, %v", when, diff, err)
		}
		if diff, err := graph.CheckFacts(ctx, s); err != nil || diff != "" {
			t.Fatalf("%s: fact rows against a recount: %q, %v", when, diff, err)
		}
		if diff, err := graph.CheckFirsts(ctx, s); err != nil || diff != "" {
			t.Fatalf("%s: first rows against a recomputation: %q, %v", when, diff, err)
		}
	}
	ask("built")
	for i := 0; i < n; i += 3 {
		if _, err := s.RemoveDocument(ctx, fmt.Sprintf("https://w3id.org/vnkg/id/doc/g%05d", i)); err != nil {
			t.Fatal(err)
		}
	}
	ask("a third removed")
	buildCorpus(t, "", corpus.New(40, 9), 40, "g", s) // other facts, same labels
	ask("forty rewritten")
	buildCorpus(t, "", corpus.New(n, 3), n, "g", s)
	ask("built again")
}
