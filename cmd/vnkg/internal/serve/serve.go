// Package serve is vnkg's read-only HTTP server: Cayley's HTTP query API
// (POST /api/v1/query/gizmo, /api/v2/query?lang=gizmo) over a vnkg store, a
// JSON API for the viewer (search, entity, neighbourhood, timeline, article,
// subgraph), and the viewer itself, a single page whose assets are embedded
// in the binary.
//
// Gizmo runs through a Querier (in vnkg, a pool of worker processes: see
// package gizmoproc), so that no query can take the server down. The viewer's
// API does not run Gizmo: it reads Cayley's indexes from the focused node
// (graph.Store.Out, In, Labelled), so its cost follows the size of the
// neighbourhood, not of the store. Search reads an in-memory index of names,
// built at start and rebuilt when the store's quad count changes.
package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/graph"
)

// Querier runs Gizmo; *gizmoproc.Pool and *graph.Store are ones.
type Querier interface {
	Query(ctx context.Context, src string, opts graph.QueryOptions) (graph.Results, error)
}

// Options are the server's limits.
type Options struct {
	// QueryTimeout bounds every Gizmo query and every API request.
	QueryTimeout time.Duration
	// MaxResults bounds the results of a Gizmo query (more are dropped, and
	// the answer says so in the X-Vnkg-Truncated header).
	MaxResults int
	// MaxBody bounds a request body, in bytes (default 1 MiB, Cayley's).
	MaxBody int64
	// MaxNodes bounds a neighbourhood (default 300).
	MaxNodes int
	// RefreshEvery is how often the search index checks the store for
	// changes (default 10s; negative: never).
	RefreshEvery time.Duration
	// Log receives one line per request at debug level, and errors.
	Log *slog.Logger
}

// Server serves one store.
type Server struct {
	store *graph.Store
	q     Querier
	x     *extract.Extractor
	opts  Options
	log   *slog.Logger

	index  atomic.Pointer[searchIndex]
	quads  atomic.Int64 // the quad count the index was built at
	reruns *rerunCache

	stop     chan struct{}
	stopOnce sync.Once
	mux      *http.ServeMux
}

// New makes a server. x re-runs the extractor on stored article text for
// evidence; nil leaves evidence out.
func New(ctx context.Context, store *graph.Store, q Querier, x *extract.Extractor, opts Options) (*Server, error) {
	if opts.QueryTimeout <= 0 {
		opts.QueryTimeout = 10 * time.Second
	}
	if opts.MaxResults <= 0 {
		opts.MaxResults = 1000
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = graph.MaxQuerySize
	}
	if opts.MaxNodes <= 0 {
		opts.MaxNodes = 300
	}
	if opts.RefreshEvery == 0 {
		opts.RefreshEvery = 10 * time.Second
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	s := &Server{store: store, q: q, x: x, opts: opts, log: opts.Log, reruns: newRerunCache(128), stop: make(chan struct{})}
	if err := s.refresh(ctx); err != nil {
		return nil, err
	}
	if opts.RefreshEvery > 0 {
		go s.watch()
	}
	s.routes()
	return s, nil
}

// Close stops the index refresh.
func (s *Server) Close() { s.stopOnce.Do(func() { close(s.stop) }) }

// refresh rebuilds the search index if the store changed.
func (s *Server) refresh(ctx context.Context) error {
	n, err := s.store.QuadCount(ctx)
	if err != nil {
		return err
	}
	if s.index.Load() != nil && n == s.quads.Load() {
		return nil
	}
	start := time.Now()
	idx, err := buildIndex(ctx, s.store)
	if err != nil {
		return err
	}
	s.index.Store(idx)
	s.quads.Store(n)
	s.reruns.clear()
	s.log.Debug("search index built", "names", len(idx.entries), "quads", n, "elapsed", time.Since(start))
	return nil
}

func (s *Server) watch() {
	t := time.NewTicker(s.opts.RefreshEvery)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			if err := s.refresh(ctx); err != nil {
				s.log.Warn("refreshing the search index", "err", err)
			}
			cancel()
		}
	}
}

func (s *Server) routes() {
	m := http.NewServeMux()
	// Cayley's query API.
	m.HandleFunc("POST /api/v1/query/{lang}", s.cayleyV1)
	m.HandleFunc("GET /api/v2/query", s.cayleyV2)
	m.HandleFunc("POST /api/v2/query", s.cayleyV2)
	// The viewer's API.
	m.HandleFunc("GET /api/search", s.apiSearch)
	m.HandleFunc("GET /api/entity", s.snapshot(s.apiEntity))
	m.HandleFunc("GET /api/neighbourhood", s.snapshot(s.apiNeighbourhood))
	m.HandleFunc("GET /api/timeline", s.snapshot(s.apiTimeline))
	m.HandleFunc("GET /api/facts", s.snapshot(s.apiFacts))
	m.HandleFunc("GET /api/sources", s.snapshot(s.apiSources))
	m.HandleFunc("GET /api/article", s.snapshot(s.apiArticle))
	m.HandleFunc("POST /api/subgraph", s.apiSubgraph)
	m.HandleFunc("GET /api/info", s.apiInfo)
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodPost {
			writeError(w, http.StatusMethodNotAllowed, "this server is read-only: "+r.Method+" is not allowed")
			return
		}
		writeError(w, http.StatusNotFound, "no such API: "+r.URL.Path)
	})
	// The viewer: one page for every view, so that each has a URL.
	m.HandleFunc("GET /{$}", s.page)
	m.HandleFunc("GET /entity/{kind}/{key...}", s.page)
	m.HandleFunc("GET /article/{doc...}", s.page)
	m.Handle("GET /assets/", http.StripPrefix("/assets/", assetServer()))
	s.mux = m
}

// snapshot runs h in one read transaction of the store (graph.Store.Snapshot):
// every lookup of the answer shares it, so that the answer reads one state of
// the store and pays for one transaction, and the Reader reads the rows from
// bolt's buckets directly rather than a transaction a lookup. On other
// backends it does nothing.
func (s *Server) snapshot(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, end, err := s.store.Snapshot(r.Context())
		if err != nil {
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
		defer end()
		h(w, r.WithContext(ctx))
	}
}

// Handler is the server's handler, with its guards: a panic is a 500, not a
// dead connection; a body over MaxBody is refused; every request ends by the
// timeout.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("handler panicked", "path", r.URL.Path, "panic", fmt.Sprint(v))
				writeError(w, http.StatusInternalServerError, "internal error (logged)")
			}
		}()
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.QueryTimeout+2*time.Second)
		defer cancel()
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'")
		s.mux.ServeHTTP(w, r.WithContext(ctx))
		s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "elapsed", time.Since(start))
	})
}

// LoopbackOnly wraps h to refuse requests whose Host is not a loopback name,
// so that a web page cannot reach a server on 127.0.0.1 through a DNS name
// it controls (DNS rebinding).
func LoopbackOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.Trim(host, "[]")
		if ip := net.ParseIP(host); !(host == "localhost" || ip != nil && ip.IsLoopback()) {
			writeError(w, http.StatusForbidden, "this server answers only to localhost, 127.0.0.1 and [::1] (start it with --addr to serve other names)")
			return
		}
		h.ServeHTTP(w, r)
	})
}

// writeJSON writes v as JSON, without HTML escaping (names are Vietnamese).
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// writeError writes Cayley's error shape, {"error": "..."}.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// readBody reads a request body within the limit.
func readBody(r *http.Request) ([]byte, int, error) {
	b, err := io.ReadAll(r.Body)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("request is too large (at most %d bytes)", tooBig.Limit)
	case err != nil:
		return nil, http.StatusBadRequest, fmt.Errorf("reading the request: %v", err)
	}
	return b, 0, nil
}

// apiError answers a failure of the store or of the request's context.
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, fmt.Sprintf("the request ran past the server's timeout (%s)", s.opts.QueryTimeout))
	case r.Context().Err() != nil:
		// The client left; nobody reads this.
		writeError(w, http.StatusServiceUnavailable, "request cancelled")
	default:
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, err.Error())
	}
}
