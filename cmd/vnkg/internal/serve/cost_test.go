package serve_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vnkg/vnkg/bench/corpus"
	"github.com/vnkg/vnkg/cmd/vnkg/internal/serve"
	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/graph"
)

// TestViewerCostFollowsAnswer fails if a viewer API call's cost starts to
// grow with the store (issue 12): every call the viewer makes about the
// corpus's best-connected person, an ordinary person, the ministry and the
// recurring resolution (viewerCalls: search, entity, neighbourhood,
// timeline, article, the next page of facts and of sources) is asked on a
// corpus and on that corpus with three times as many other articles added,
// and must open no more bolt cursors (an index scan or lookup each) for
// each thing its answer shows (a JSON object: a fact, a source, a node, an
// edge, a row) on the large store than the same call at its worst on the
// small one; the two people, named in none of the added articles, must
// cost the same on both. The viewer pages
// its answers, so a hub's answer is about the same size on both; the wall
// time is not measured (queries' TestCostFollowsAnswer is the same
// check for the named queries).
func TestViewerCostFollowsAnswer(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two corpora; skipped with -short")
	}
	const n = 200
	x := newExtractor(t)
	docsOf := func(c *corpus.Corpus, n int, prefix string) []extract.Document {
		docs := make([]extract.Document, n)
		for i := range docs {
			id := fmt.Sprintf("%s%07d", prefix, i)
			d, err := extract.ParseText(id, []byte(c.Article(i)))
			if err != nil {
				t.Fatal(err)
			}
			d.SourceFile = id + ".txt"
			docs[i] = d
		}
		return docs
	}
	c := corpus.New(n, 5)
	small := docsOf(c, n, "g")
	large := append(docsOf(corpus.New(n, 5), n, "g"), docsOf(corpus.New(3*n, 6), 3*n, "x")...)
	hub, plain := c.People()[0].Name, ""
	for _, p := range c.People() {
		if !p.Hub && p.Articles >= 2 {
			plain = p.Name
			break
		}
	}
	ctx := context.Background()
	type cost struct {
		cursors int64
		objects int
	}
	measure := func(docs []extract.Document) map[string]cost {
		db := filepath.Join(t.TempDir(), "db")
		buildCorpus(t, x, db, docs)
		s, err := graph.Open(ctx, db, graph.ReadOnly())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		srv, err := serve.New(ctx, s, s, x, serve.Options{RefreshEvery: -1, QueryTimeout: time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		h := srv.Handler()
		get := func(path string) []byte {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s: %d %.300s", path, rec.Code, rec.Body)
			}
			return rec.Body.Bytes()
		}
		out := map[string]cost{}
		for _, name := range []string{hub, plain, "Bộ Quốc phòng", "806-NQ/QUTW"} {
			for _, call := range viewerCalls(t, ctx, s, get, name) {
				get(call.path) // warm, as a server's second request finds it
				io0, _ := s.IOStats()
				body := get(call.path)
				io1, _ := s.IOStats()
				out[call.api+" "+name] = cost{io1.Sub(io0).Cursors, bytes.Count(body, []byte("{"))}
			}
		}
		return out
	}
	a, b := measure(small), measure(large)
	// The worst cost a shown object of each call on the small store: the
	// ceiling of the same call on the large one (a page of the ministry's
	// facts on the small store may show facts of one source each, on the
	// large one of many; per object both cost what the call costs).
	worst := map[string]float64{}
	for k, ca := range a {
		api := strings.Fields(k)[0]
		worst[api] = max(worst[api], float64(ca.cursors)/float64(max(ca.objects, 1)))
	}
	seen := map[string]bool{}
	for k, ca := range a {
		cb, ok := b[k]
		if !ok {
			continue // a call the small store's page makes and the large one's does not (no next page)
		}
		api := strings.Fields(k)[0]
		seen[api] = true
		perB := float64(cb.cursors) / float64(max(cb.objects, 1))
		t.Logf("%s: %d cursors for %d objects on %d articles; %d cursors for %d objects on %d", k, ca.cursors, ca.objects, n, cb.cursors, cb.objects, 4*n)
		if perB > 1.5*worst[api]+4 {
			t.Errorf("%s: %.1f cursors a shown object on %d articles (the call's worst on %d: %.1f): the cost grows with the store", k, perB, 4*n, n, worst[api])
		}
		// The two people are in none of the other articles: their answers
		// are the same on both stores, and so must be what they cost.
		if name := strings.TrimPrefix(k, api+" "); (name == hub || name == plain) && (cb.objects != ca.objects || float64(cb.cursors) > 1.1*float64(ca.cursors)+2) {
			t.Errorf("%s: %d cursors for %d objects on %d articles, %d for %d on %d: the same answer costs more on a larger store", k, ca.cursors, ca.objects, n, cb.cursors, cb.objects, 4*n)
		}
	}
	for _, api := range []string{"search", "entity", "neighbourhood", "timeline", "article", "facts", "sources"} {
		if !seen[api] {
			t.Errorf("no %s call measured on both stores: the check says nothing of it", api)
		}
	}
}
