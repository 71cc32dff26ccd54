package serve_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vnkg/vnkg/cmd/vnkg/internal/serve"
	"github.com/vnkg/vnkg/graph"
)

// BenchmarkViewerStore times every viewer API call (search, entity,
// neighbourhood, timeline, article, and the next pages of facts and of
// sources the entity answer links to) on an existing store — a 100k-article
// one built by `vnkg build` from `go run ./bench/gen` — for the corpus's
// best-connected person, an ordinary person, the ministry and the recurring
// resolution, in process, with p50 and p99 per request and the bolt cursors
// (index scans and lookups) one request opens. It is skipped unless
// VNKG_BENCH_DB names the store and VNKG_BENCH_PEOPLE the corpus's people.tsv:
//
//	VNKG_BENCH_DB=/tmp/s100k.db VNKG_BENCH_PEOPLE=/tmp/c100k/people.tsv \
//	  go test ./cmd/vnkg/internal/serve -run '^$' -bench ViewerStore -benchtime 20x
func BenchmarkViewerStore(b *testing.B) {
	db, peopleFile := os.Getenv("VNKG_BENCH_DB"), os.Getenv("VNKG_BENCH_PEOPLE")
	if db == "" || peopleFile == "" {
		b.Skip("set VNKG_BENCH_DB and VNKG_BENCH_PEOPLE")
	}
	hub, plain := benchPeople(b, peopleFile)
	ctx := context.Background()
	s, err := graph.Open(ctx, db, graph.ReadOnly())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	x := newExtractor(b)
	start := time.Now()
	srv, err := serve.New(ctx, s, s, x, serve.Options{RefreshEvery: -1, QueryTimeout: time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	b.Logf("server ready in %s", time.Since(start).Round(time.Millisecond))
	h := srv.Handler()
	get := func(b *testing.B, path string) []byte {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d %.300s", path, rec.Code, rec.Body)
		}
		return rec.Body.Bytes()
	}
	probes := []struct{ name, what string }{
		{hub, "best-connected person"},
		{plain, "ordinary person"},
		{"Bộ Quốc phòng", "the ministry"},
		{"806-NQ/QUTW", "the recurring resolution"},
	}
	for _, p := range probes {
		calls := viewerCalls(b, ctx, s, func(path string) []byte { return get(b, path) }, p.name)
		for _, c := range calls {
			b.Run(c.api+"/"+strings.ReplaceAll(p.what, " ", "-"), func(b *testing.B) {
				body := get(b, c.path) // warm, as a server's second request finds it
				// What one request reads: bolt cursors (an index scan or lookup
				// each) and B+tree nodes dereferenced.
				io0, _ := s.IOStats()
				get(b, c.path)
				io1, _ := s.IOStats()
				io := io1.Sub(io0)
				// Each request's wall time and its thread's CPU time, and
				// whether the kernel took the core during it (the handler
				// runs on this goroutine, locked to its thread): the CPU
				// p99 is the call's, the wall p99 also the machine's.
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				times := make([]time.Duration, 0, b.N)
				cpus := make([]time.Duration, 0, b.N)
				preempted := 0
				b.ResetTimer()
				for range b.N {
					n0, c0 := threadSwitches(), threadCPU()
					t0 := time.Now()
					get(b, c.path)
					times = append(times, time.Since(t0))
					cpus = append(cpus, threadCPU()-c0)
					if threadSwitches() > n0 {
						preempted++
					}
				}
				b.StopTimer()
				slices.Sort(times)
				slices.Sort(cpus)
				b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
				b.ReportMetric(float64(cpus[len(cpus)/2].Microseconds())/1000, "cpu-p50-ms")
				b.ReportMetric(float64(cpus[len(cpus)*99/100].Microseconds())/1000, "cpu-p99-ms")
				b.ReportMetric(float64(100*preempted)/float64(b.N), "%preempted")
				b.ReportMetric(float64(len(body)), "bytes")
				b.ReportMetric(float64(io.Cursors), "cursors")
			})
		}
	}
}

// viewerCall is one viewer API request.
type viewerCall struct{ api, path string }

// viewerCalls returns the viewer's calls about the entity named name, as
// its page makes them: search, entity, neighbourhood, timeline, an article
// that names it (the entity answer's first), and the next pages of its
// largest fact group and of the sources of its most stated fact (the
// page's "more" links).
func viewerCalls(t testing.TB, ctx context.Context, s *graph.Store, get func(path string) []byte, name string) []viewerCall {
	t.Helper()
	iris, err := s.Named(ctx, name)
	if err != nil || len(iris) == 0 {
		t.Fatalf("%s: %v %v", name, iris, err)
	}
	iri := iris[0]
	var doc string
	var ent struct {
		pagedEntity
		Articles []struct{ Doc string } `json:"articles"`
	}
	if err := json.Unmarshal(get("/api/entity?iri="+url.QueryEscape(iri)), &ent); err == nil && len(ent.Articles) > 0 {
		doc = ent.Articles[0].Doc
	}
	var factsPath, sourcesPath string
	most := 0
	for _, g := range ent.Groups {
		if g.Next != "" && g.Facts > most {
			most = g.Facts
			factsPath = fmt.Sprintf("/api/facts?iri=%s&predicate=%s&in=%v&cursor=%s",
				url.QueryEscape(iri), url.QueryEscape(g.Predicate), g.In, url.QueryEscape(g.Next))
		}
	}
	most = 0
	for _, f := range ent.Facts {
		if f.Next > 0 && f.Count > most {
			most = f.Count
			sourcesPath = fmt.Sprintf("/api/sources?iri=%s&predicate=%s&in=%v&fact=%s&from=%d",
				url.QueryEscape(iri), url.QueryEscape(f.Predicate), f.In, url.QueryEscape(f.ID), f.Next)
		}
	}
	calls := []viewerCall{
		{"search", "/api/search?q=" + url.QueryEscape(name)},
		{"entity", "/api/entity?iri=" + url.QueryEscape(iri)},
		{"neighbourhood", "/api/neighbourhood?iri=" + url.QueryEscape(iri)},
		{"timeline", "/api/timeline?iri=" + url.QueryEscape(iri)},
	}
	if doc != "" {
		calls = append(calls, viewerCall{"article", "/api/article?doc=" + url.QueryEscape(doc)})
	}
	if factsPath != "" {
		calls = append(calls, viewerCall{"facts", factsPath})
	}
	if sourcesPath != "" {
		calls = append(calls, viewerCall{"sources", sourcesPath})
	}
	return calls
}

// benchPeople reads bench/gen's people.tsv: the best-connected person (its
// first line) and the first ordinary person named in two or more articles.
func benchPeople(b *testing.B, file string) (hub, plain string) {
	f, err := os.Open(file)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 3 || fields[0] == "#name" {
			continue
		}
		if hub == "" {
			hub = fields[0]
		}
		if plain == "" && fields[1] == "false" && fields[2] >= "2" && len(fields[2]) == 1 {
			plain = fields[0]
		}
	}
	if hub == "" || plain == "" {
		b.Fatalf("%s: no hub or no ordinary person", file)
	}
	return hub, plain
}
