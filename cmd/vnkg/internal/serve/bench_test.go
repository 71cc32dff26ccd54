package serve_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/vnkg/vnkg/bench/corpus"
	"github.com/vnkg/vnkg/cmd/vnkg/internal/serve"
	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/graph"
)

// BenchmarkEntity10k times the viewer's entity API (GET /api/entity: the
// facts of one person with every article that states them and, for up to 30
// articles, the sentence) on a store of 10,000 generated articles
// (bench/corpus, seed 1), against a plain Gizmo query of the same facts (the
// quads into and out of the person) run in process. It reports p50 and p99
// per request; compare the two in the same run.
//
//	go test ./cmd/vnkg/internal/serve -run '^$' -bench Entity10k -benchtime 200x
func BenchmarkEntity10k(b *testing.B) {
	const n = 10000
	c := corpus.New(n, 1)
	docs := make([]extract.Document, n)
	for i := range docs {
		id := fmt.Sprintf("g%07d", i)
		d, err := extract.ParseText(id, []byte(c.Article(i)))
		if err != nil {
			b.Fatal(err)
		}
		d.SourceFile = id + ".txt"
		docs[i] = d
	}
	// A typical person (not a hub): the non-hub named by most articles.
	var typical corpus.Person
	for _, p := range c.People() {
		if !p.Hub && p.Articles > typical.Articles {
			typical = p
		}
	}
	x := newExtractor(b)
	db := filepath.Join(b.TempDir(), "db")
	start := time.Now()
	buildCorpus(b, x, db, docs)
	b.Logf("built %d articles in %s; person %s (%d articles)", n, time.Since(start).Round(time.Millisecond), typical.Name, typical.Articles)
	ctx := context.Background()
	s, err := graph.Open(ctx, db, graph.ReadOnly())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	srv, err := serve.New(ctx, s, s, x, serve.Options{RefreshEvery: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	h := srv.Handler()
	iris, err := s.Named(ctx, typical.Name)
	if err != nil || len(iris) == 0 {
		b.Fatalf("%s: %v %v", typical.Name, iris, err)
	}
	iri := iris[0]
	gizmo := fmt.Sprintf(`g.V("<%s>").out(null, "p").all(); g.V("<%s>").in(null, "p").all()`, iri, iri)
	if _, err := s.Query(ctx, gizmo, graph.QueryOptions{}); err != nil {
		b.Fatal(err)
	}

	run := func(b *testing.B, one func()) {
		one() // warm the caches, as a server's second request finds them
		times := make([]time.Duration, 0, b.N)
		b.ResetTimer()
		for range b.N {
			t0 := time.Now()
			one()
			times = append(times, time.Since(t0))
		}
		b.StopTimer()
		slices.Sort(times)
		b.ReportMetric(float64(times[len(times)/2].Microseconds()), "p50-µs")
		b.ReportMetric(float64(times[len(times)*99/100].Microseconds()), "p99-µs")
	}
	b.Run("api", func(b *testing.B) {
		run(b, func() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/entity?iri="+url.QueryEscape(iri), nil))
			if rec.Code != http.StatusOK {
				b.Fatalf("%d %s", rec.Code, rec.Body)
			}
		})
	})
	b.Run("gizmo", func(b *testing.B) {
		run(b, func() {
			if _, err := s.Query(ctx, gizmo, graph.QueryOptions{}); err != nil {
				b.Fatal(err)
			}
		})
	})
}
