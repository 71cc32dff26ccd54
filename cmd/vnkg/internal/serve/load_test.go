package serve_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vnkg/vnkg/cmd/vnkg/internal/serve"
)

// loadRequest is one kind of request of the load test and the statuses that
// are right for it.
type loadRequest struct {
	name   string
	method string
	path   string
	body   string
	ok     func(code int) bool
	weight int // how many of every round of the mix
}

func good(code int) bool      { return code == http.StatusOK }
func malformed(code int) bool { return code >= 400 && code < 500 }

// crashing is a query that kills its worker process: whatever it answers, it
// is never a server error, and the server goes on. (A type error in a Gizmo
// call panics in Cayley's goroutine, sometimes after the script returned, so
// it may also answer 200 with no results.)
func crashing(code int) bool { return code == http.StatusOK || malformed(code) }

var loadMix = []loadRequest{
	{"search", "GET", "/api/search?q=" + url.QueryEscape("ngo xuan lich"), "", good, 4},
	{"search-prefix", "GET", "/api/search?q=nguy", "", good, 4},
	{"entity", "GET", "/api/entity?iri=" + url.QueryEscape(lich), "", good, 4},
	{"neighbourhood", "GET", "/api/neighbourhood?iri=" + url.QueryEscape(lich), "", good, 4},
	{"timeline", "GET", "/api/timeline?iri=" + url.QueryEscape(lich), "", good, 4},
	{"article", "GET", "/api/article?doc=004_f95817d2fbfabc6e", "", good, 4},
	{"gizmo", "POST", "/api/v1/query/gizmo", nameQuery, good, 4},
	{"gizmo-v2", "POST", "/api/v2/query?lang=gizmo", `g.V("<https://w3id.org/vnkg/id/rank/đại-tướng>").in("<https://w3id.org/vnkg/ns#rank>").all()`, good, 4},
	{"syntax-error", "POST", "/api/v1/query/gizmo", `g.V(`, malformed, 1},
	{"type-error", "POST", "/api/v1/query/gizmo", `g.V(iri(5)).all()`, malformed, 1},
	{"cyclic", "POST", "/api/v1/query/gizmo", `var o={};o.o=o;o`, crashing, 1},
	{"deep", "POST", "/api/v1/query/gizmo", strings.Repeat("[", 100000), malformed, 1},
	{"no-target", "GET", "/api/entity", "", malformed, 1},
	{"unknown-api", "GET", "/api/nope", "", malformed, 1},
	{"huge-body", "POST", "/api/v1/query/gizmo", strings.Repeat(" ", 2<<20), malformed, 1},
}

// TestLoad: many clients at once, for a while, mixing the viewer's API, Cayley's
// query API and hostile queries: every good request answers 200, every
// malformed one a 4xx, none a 5xx or a broken connection; afterwards no
// goroutine and no file descriptor is left over. The latencies are logged
// (go test -v -run TestLoad); bench/RESULTS.md records a run.
func TestLoad(t *testing.T) {
	clients, length := 200, 30*time.Second
	if testing.Short() {
		clients, length = 50, 3*time.Second
	}
	if v := os.Getenv("VNKG_LOAD_SECONDS"); v != "" {
		if d, err := time.ParseDuration(v + "s"); err == nil {
			length = d
		}
	}
	var rounds []loadRequest
	for _, r := range loadMix {
		for range r.weight {
			rounds = append(rounds, r)
		}
	}
	f := start(t, serve.Options{})
	// Warm up, then take the baseline of goroutines and descriptors.
	for _, r := range loadMix {
		f.do(t, r.method, r.path, r.body)
	}
	http.DefaultClient.CloseIdleConnections()
	time.Sleep(200 * time.Millisecond)
	goroutines, fds := runtime.NumGoroutine(), openFDs(t)

	tr := &http.Transport{MaxIdleConnsPerHost: clients}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), length)
	defer cancel()
	var (
		mu        sync.Mutex
		latencies = map[string][]time.Duration{}
		failures  []string
		requests  atomic.Int64
		wg        sync.WaitGroup
	)
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := c; ctx.Err() == nil; i++ {
				r := rounds[(i*7)%len(rounds)]
				req, err := http.NewRequest(r.method, f.url+r.path, strings.NewReader(r.body))
				if err != nil {
					panic(err)
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				took := time.Since(t0)
				requests.Add(1)
				var code int
				var body []byte
				if err == nil {
					body, _ = io.ReadAll(io.LimitReader(resp.Body, 300))
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					code = resp.StatusCode
				}
				mu.Lock()
				latencies[r.name] = append(latencies[r.name], took)
				if err != nil || !r.ok(code) {
					if len(failures) < 20 {
						failures = append(failures, fmt.Sprintf("%s: status %d, error %v: %s", r.name, code, err, body))
					}
				}
				mu.Unlock()
			}
		}(c)
	}
	wg.Wait()
	for _, msg := range failures {
		t.Error(msg)
	}
	var all []time.Duration
	names := make([]string, 0, len(latencies))
	for name, l := range latencies {
		names = append(names, name)
		all = append(all, l...)
	}
	slices.Sort(names)
	for _, name := range names {
		p50, p99 := percentiles(latencies[name])
		t.Logf("%-14s %6d requests  p50 %8v  p99 %8v", name, len(latencies[name]), p50, p99)
	}
	p50, p99 := percentiles(all)
	t.Logf("all: %d clients, %v, %d requests (%.0f/s), p50 %v, p99 %v", clients, length, requests.Load(),
		float64(requests.Load())/length.Seconds(), p50, p99)

	// Nothing left behind: goroutines and descriptors back to the baseline
	// once the clients' connections are closed. The slack is for the
	// runtime's own and for query workers restarted after a crash (each
	// holds its pipes and store); a leak per request would show thousands.
	// A worker killed at its timeout exits, and its pipes' copy goroutines
	// end, only once the kernel schedules it: on a loaded machine that took
	// more than 15 s, so the wait is long (it ends as soon as all are back).
	const slack = 20
	tr.CloseIdleConnections()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) && (runtime.NumGoroutine() > goroutines+slack || openFDs(t) > fds+slack) {
		time.Sleep(100 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > goroutines+slack {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines after the load, %d before:\n%s", n, goroutines, buf[:runtime.Stack(buf, true)])
	}
	if n := openFDs(t); n > fds+slack {
		t.Errorf("%d open file descriptors after the load, %d before", n, fds)
	}
}

func percentiles(d []time.Duration) (p50, p99 time.Duration) {
	if len(d) == 0 {
		return 0, 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2], s[min(len(s)-1, len(s)*99/100)]
}

func openFDs(t *testing.T) int {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd: %v", err)
	}
	return len(entries)
}
