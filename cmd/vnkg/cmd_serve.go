package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"time"

	"github.com/vnkg/vnkg/cmd/vnkg/internal/gizmoproc"
	"github.com/vnkg/vnkg/cmd/vnkg/internal/serve"
)

func init() {
	register(command{name: "serve", summary: "serve the graph: Cayley's HTTP query API and a web viewer", run: runServe})
}

const serveDoc = `Serves the store over HTTP, read-only, until interrupted:

  http://ADDR/                       the viewer: search, the neighbourhood of an
                                     entity, its facts with the sentences that
                                     state them, timelines, articles, Gizmo
  POST /api/v1/query/gizmo           Cayley's HTTP query API (body: the query)
  POST /api/v2/query?lang=gizmo      the same, Cayley's v2 route
  GET  /api/search?q=ngo+xuan+lich   the viewer's JSON API (see the README)

Every Gizmo query runs in a worker process (a query that crashes it is
answered 400, and the server goes on), bounded by --query-timeout and
--max-results. The server listens on loopback unless --addr says otherwise,
and then answers only to loopback host names (localhost, 127.0.0.1, [::1]).

A bolt store stays open read-only while serving: vnkg build waits for it
(stop the server to build). On PostgreSQL the store may change under the
server; the search index follows within 10s.`

func runServe(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "serve", "", serveDoc)
	db := addDBFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on this `host:port` (port 0 picks a free one)")
	timeout := fs.Duration("query-timeout", 10*time.Second, "stop a query or API request that runs longer")
	maxResults := fs.Int("max-results", 1000, "return at most this many results of a Gizmo query")
	workers := fs.Int("workers", max(2, runtime.GOMAXPROCS(0)), "Gizmo queries run at once, each in a worker process")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fmt.Errorf("%w: serve takes no arguments", errUsage)
	}
	if *timeout <= 0 || *maxResults <= 0 || *workers <= 0 {
		return fmt.Errorf("%w: --query-timeout, --max-results and --workers must be positive", errUsage)
	}
	s, err := openStoreForQueries(ctx, e, *db)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	pool, err := gizmoproc.New(*db, *workers, e.log)
	if err != nil {
		return err
	}
	defer pool.Close()
	x, err := newExtractor(e)
	if err != nil {
		return err
	}
	srv, err := serve.New(ctx, s, pool, x, serve.Options{QueryTimeout: *timeout, MaxResults: *maxResults, Log: e.log})
	if err != nil {
		return err
	}
	defer srv.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", *addr, err)
	}
	h := srv.Handler()
	if host, _, _ := net.SplitHostPort(*addr); isLoopbackHost(host) {
		h = serve.LoopbackOnly(h)
	}
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      *timeout + time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	// The address on stdout (machine output: a script can read the port);
	// the rest on stderr.
	fmt.Fprintf(e.stdout, "http://%s/\n", ln.Addr())
	fmt.Fprintf(e.stderr, "vnkg serve: %s on http://%s/ (read-only; Ctrl-C stops)\n", s, ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		e.log.Warn("stopping the server", "err", err)
	}
	return ctx.Err()
}

func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
