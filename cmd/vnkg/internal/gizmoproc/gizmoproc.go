// Package gizmoproc runs Gizmo queries in worker processes, so that no query
// can take down the process that asked for it (vnkg serve, repl, query).
//
// Why a process: three kinds of query end a Go process running Cayley's
// Gizmo, and none can be caught inside it.
//
//   - A panic in a Gizmo call panics in the goroutine Cayley starts for the
//     script; a panic in a goroutine we do not own cannot be recovered by us.
//     Type errors (g.V(iri(5))), the common cause, are caught before they
//     reach Cayley by graph's argument checks and answered as graph.ErrType
//     without a restart; what the checks miss (a bug of Cayley's on a
//     well-typed query) still ends only the worker.
//   - A cyclic result (var o={};o.o=o;o) makes goja's Export recurse until
//     the goroutine stack overflows: a fatal error, not a panic.
//   - A deeply nested program overflows the stack in goja's parser, likewise.
//
// Checking the source first (graph.CheckQuery: size, bracket nesting) gives
// a clear message for the common cases, but a check cannot foresee every
// panic in Cayley or goja. So the query runs in a child: the same vnkg
// binary, re-executed with VNKG_GIZMO_WORKER=1 (MaybeServe, called first
// thing in main, turns it into a worker), which opens the store read-only
// (bolt allows many read-only openers; PostgreSQL does not care) and answers
// requests on two pipes. When a worker dies mid-query, the caller gets a
// *CrashError carrying the worker's first panic or fatal line (its Go stack
// trace is kept from the user), and the next query starts a fresh worker.
// A query past its timeout, or whose context ends, has its worker killed;
// the worker also stops the script itself at the timeout, so the kill is
// only the backstop for a native call that ignores the interrupt.
//
// Results stream: the worker sends them in batches of batchRows as the script
// produces them, and the pipe's back-pressure holds the script when the
// caller reads slowly, so neither process holds more than a batch or two of a
// query with millions of results (Pool.QueryEach).
//
// Workers are kept between queries (starting one opens the store: some tens
// of milliseconds), up to the pool's size, one query at a time each.
package gizmoproc

import (
	"bufio"
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vnkg/vnkg/graph"
)

const (
	envWorker = "VNKG_GIZMO_WORKER"    // "1" in a worker
	envDB     = "VNKG_GIZMO_WORKER_DB" // the store; in the environment, not argv, so that ps shows no password
)

// workerMaxStack bounds a worker's goroutine stacks (Go's default is 1 GB):
// a runaway recursion (a cyclic result) then dies in a tenth of a second
// instead of eating memory and a worker of the pool for seconds; 16 MB is far
// more than any Gizmo script needs.
const workerMaxStack = 16 << 20

// batchRows is how many results a worker sends in one message.
const batchRows = 256

// grace is how long after its timeout a query's worker is given to answer
// before it is killed.
const grace = 2 * time.Second

// ErrCrashed is matched by a CrashError.
var ErrCrashed = errors.New("the query crashed the query worker")

// CrashError is a query that killed its worker process.
type CrashError struct {
	// Reason is the worker's first panic or fatal-error line, or how it
	// ended ("signal: killed").
	Reason string
}

func (e *CrashError) Error() string {
	return fmt.Sprintf("%s (%s); the worker was restarted, other queries are not affected", ErrCrashed, e.Reason)
}

func (e *CrashError) Is(target error) bool { return target == ErrCrashed }

// request and response are the pipe protocol, gob-encoded.
type request struct {
	Src     string
	Timeout time.Duration
	Limit   int
}

type errKind uint8

const (
	errNone errKind = iota
	errOther
	errSyntax
	errTimeout
	errStopped
	errType
)

type response struct {
	Res  graph.Results
	Kind errKind
	Msg  string
	// More is set on a batch of rows (in Res.Rows) with more to come; the
	// last response of a query has it clear and carries the rest.
	More bool
	// Accepted is the worker's first answer to a request, before it runs
	// the query: a worker that dies before it is dies of an earlier query
	// (Cayley's goroutine can panic after the results were sent), and the
	// request is retried on a fresh worker rather than blamed.
	Accepted bool
}

func init() {
	// The dynamic types that results hold (graph.Result.Value, Results.Last).
	gob.Register(graph.Node{})
	gob.Register(map[string]any{})
	gob.Register([]any{})
}

// remoteError is an error a worker reported, matching the sentinels the
// in-process graph.Store.Query would have returned.
type remoteError struct {
	msg  string
	kind errKind
}

func (e *remoteError) Error() string { return e.msg }

func (e *remoteError) Is(target error) bool {
	switch e.kind {
	case errSyntax:
		return target == graph.ErrSyntax
	case errTimeout:
		return target == graph.ErrTimeout || target == context.DeadlineExceeded
	case errType:
		return target == graph.ErrType
	}
	return false
}

// MaybeServe makes this process a query worker if it was started as one: it
// answers queries until its parent closes the pipe, then exits. Call it first
// in main (and in TestMain of packages whose tests start workers).
func MaybeServe() {
	if os.Getenv(envWorker) != "1" {
		return
	}
	os.Exit(serve(os.Getenv(envDB)))
}

func serve(db string) int {
	debug.SetMaxStack(workerMaxStack)
	in := os.NewFile(3, "requests")
	out := os.NewFile(4, "responses")
	if in == nil || out == nil {
		fmt.Fprintln(os.Stderr, "vnkg: query worker started without its pipes")
		return 1
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	bw := bufio.NewWriter(out)
	enc := gob.NewEncoder(bw)
	dec := gob.NewDecoder(bufio.NewReader(in))
	ctx := context.Background()
	s, err := graph.Open(ctx, db, graph.ReadOnly(), graph.WithLogger(log))
	hello := response{}
	if err != nil {
		hello = response{Kind: errOther, Msg: err.Error()}
	}
	if enc.Encode(hello) != nil || bw.Flush() != nil || err != nil {
		return 1
	}
	defer s.Close()
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			return 0 // the parent closed the pipe (or died)
		}
		if enc.Encode(response{Accepted: true}) != nil || bw.Flush() != nil {
			return 1
		}
		st := &streamer{enc: enc, bw: bw}
		stopTicks := st.tick(flushEvery)
		res, err := s.QueryEach(ctx, req.Src, graph.QueryOptions{Timeout: req.Timeout, Limit: req.Limit}, st.add)
		stopTicks()
		res.Rows = st.batch
		resp := response{Res: res}
		if err != nil {
			resp = response{Kind: kindOf(err), Msg: err.Error()}
		}
		if err := enc.Encode(resp); err != nil {
			// A result gob cannot carry: say so rather than die.
			resp = response{Kind: errOther, Msg: fmt.Sprintf("query failed: sending its results: %v", err)}
			if enc.Encode(resp) != nil {
				return 1
			}
		}
		if bw.Flush() != nil {
			return 1
		}
	}
}

// flushEvery is how long a worker holds a batch that is not full: rows of a
// slow script reach the caller within this time.
const flushEvery = 100 * time.Millisecond

// streamer sends a query's rows in batches: when batchRows are waiting, and
// every flushEvery those that are.
type streamer struct {
	mu    sync.Mutex
	enc   *gob.Encoder
	bw    *bufio.Writer
	batch []graph.Result
	err   error // the first failed send
}

func (st *streamer) add(r graph.Result) error {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.err != nil {
		return st.err
	}
	st.batch = append(st.batch, r)
	if len(st.batch) >= batchRows {
		st.send()
	}
	return st.err
}

// send sends the waiting rows; st.mu is held.
func (st *streamer) send() {
	if len(st.batch) == 0 || st.err != nil {
		return
	}
	if err := st.enc.Encode(response{Res: graph.Results{Rows: st.batch}, More: true}); err != nil {
		st.err = fmt.Errorf("sending its results: %w", err)
		return
	}
	st.batch = st.batch[:0]
	if err := st.bw.Flush(); err != nil {
		st.err = fmt.Errorf("sending its results: %w", err)
	}
}

// tick sends the waiting rows every d until the returned stop is called.
func (st *streamer) tick(d time.Duration) (stop func()) {
	done := make(chan struct{})
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		t := time.NewTicker(d)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				st.mu.Lock()
				st.send()
				st.mu.Unlock()
			}
		}
	}()
	return func() { close(done); <-ended }
}

func kindOf(err error) errKind {
	switch {
	case errors.Is(err, graph.ErrSyntax):
		return errSyntax
	case errors.Is(err, graph.ErrTimeout):
		return errTimeout
	case errors.Is(err, graph.ErrType):
		return errType
	}
	return errOther
}

// Pool runs queries in worker processes on one store. It is safe for
// concurrent use; at most Size queries run at once, the others wait.
type Pool struct {
	db   string
	exe  string
	log  *slog.Logger
	sem  chan struct{}
	idle chan *worker

	started atomic.Int64 // workers started, for Started

	mu      sync.Mutex
	closed  bool
	running map[*worker]struct{}
}

// Started reports how many worker processes the pool has started: one more
// than before a query means the query's worker was new (the first, or one
// replacing a worker that crashed or was retired).
func (p *Pool) Started() int64 { return p.started.Load() }

// New makes a pool of at most size workers on the store at db (a --db
// value). Workers are started when queries need them.
func New(db string, size int, log *slog.Logger) (*Pool, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding the vnkg binary to run queries in: %w", err)
	}
	if size < 1 {
		size = 1
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Pool{db: db, exe: exe, log: log, sem: make(chan struct{}, size), idle: make(chan *worker, size), running: map[*worker]struct{}{}}, nil
}

// Query runs src as graph.Store.Query would, in a worker. Errors match
// graph.ErrSyntax, graph.ErrType and graph.ErrTimeout as Store.Query's do; a query that
// kills its worker is a *CrashError.
func (p *Pool) Query(ctx context.Context, src string, opts graph.QueryOptions) (graph.Results, error) {
	var rows []graph.Result
	res, err := p.QueryEach(ctx, src, opts, func(r graph.Result) error {
		rows = append(rows, r)
		return nil
	})
	res.Rows = rows
	return res, err
}

// QueryEach runs src in a worker as Query does, handing each result to fn as
// it arrives (on one goroutine, in order) instead of collecting them; the
// Results returned hold Last and Truncated but no Rows. An error from fn
// stops the query (its worker is replaced) and is returned.
func (p *Pool) QueryEach(ctx context.Context, src string, opts graph.QueryOptions, fn func(graph.Result) error) (graph.Results, error) {
	if err := graph.CheckQuery(src); err != nil {
		return graph.Results{}, err
	}
	select {
	case p.sem <- struct{}{}:
	case <-ctx.Done():
		return graph.Results{}, fmt.Errorf("query stopped: %w", context.Cause(ctx))
	}
	defer func() { <-p.sem }()
	for attempt := 0; ; attempt++ {
		w, err := p.get(ctx)
		if err != nil {
			return graph.Results{}, err
		}
		res, n, err, healthy := w.query(ctx, request{Src: src, Timeout: opts.Timeout, Limit: opts.Limit}, fn)
		// A type error inside a Gizmo call can panic in a goroutine of
		// Cayley's that outlives the script: the query answers (nothing, or
		// an error) and the worker dies during a later query, which would be
		// blamed (seen under the race detector's timing, after the ack). A
		// worker whose query failed or found nothing is retired, taking any
		// such goroutine with it, unless the query failed before reaching
		// Cayley: a syntax error, or a type error that graph's argument
		// checks caught.
		early := errors.Is(err, graph.ErrSyntax) || errors.Is(err, graph.ErrType)
		if healthy && !early && (err != nil || n == 0 && res.Last == nil) {
			healthy = false
		}
		if healthy {
			p.put(w)
		} else {
			p.drop(w)
		}
		if errors.Is(err, errNotAccepted) && attempt == 0 && n == 0 {
			continue // that worker died of the previous query
		}
		return res, err
	}
}

// Close stops the workers.
func (p *Pool) Close() error {
	p.mu.Lock()
	p.closed = true
	ws := make([]*worker, 0, len(p.running))
	for w := range p.running {
		ws = append(ws, w)
	}
	p.mu.Unlock()
	for _, w := range ws {
		w.stop()
	}
	return nil
}

func (p *Pool) get(ctx context.Context) (*worker, error) {
	select {
	case w := <-p.idle:
		return w, nil
	default:
	}
	p.mu.Lock()
	closed := p.closed
	p.mu.Unlock()
	if closed {
		return nil, errors.New("query pool is closed")
	}
	w, err := p.start(ctx)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	p.running[w] = struct{}{}
	p.mu.Unlock()
	return w, nil
}

func (p *Pool) put(w *worker) {
	select {
	case p.idle <- w:
	default:
		p.drop(w)
	}
}

func (p *Pool) drop(w *worker) {
	p.mu.Lock()
	delete(p.running, w)
	p.mu.Unlock()
	w.stop()
}

// worker is one child process.
type worker struct {
	cmd    *exec.Cmd
	enc    *gob.Encoder
	bw     *bufio.Writer
	dec    *gob.Decoder
	toW    *os.File // our end of the request pipe
	fromW  *os.File // our end of the response pipe
	output *cappedBuffer
	done   chan struct{} // closed when the process has been waited for
	err    error         // its exit status, once done
}

func (p *Pool) start(ctx context.Context) (*worker, error) {
	reqR, reqW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("starting a query worker: %w", err)
	}
	respR, respW, err := os.Pipe()
	if err != nil {
		reqR.Close()
		reqW.Close()
		return nil, fmt.Errorf("starting a query worker: %w", err)
	}
	w := &worker{toW: reqW, fromW: respR, output: &cappedBuffer{max: 64 << 10}, done: make(chan struct{})}
	w.cmd = exec.Command(p.exe, "gizmo-worker")
	w.cmd.Env = append(os.Environ(), envWorker+"=1", envDB+"="+p.db)
	p.started.Add(1)
	w.cmd.ExtraFiles = []*os.File{reqR, respW}
	detach(w.cmd)
	w.cmd.Stdout = w.output
	w.cmd.Stderr = w.output
	err = w.cmd.Start()
	reqR.Close()
	respW.Close()
	if err != nil {
		reqW.Close()
		respR.Close()
		return nil, fmt.Errorf("starting a query worker: %w", err)
	}
	go func() {
		w.err = w.cmd.Wait()
		close(w.done)
	}()
	w.bw = bufio.NewWriter(reqW)
	w.enc = gob.NewEncoder(w.bw)
	w.dec = gob.NewDecoder(bufio.NewReader(respR))
	hello := make(chan error, 1)
	go func() {
		var r response
		if err := w.dec.Decode(&r); err != nil {
			hello <- err
			return
		}
		if r.Kind != errNone {
			hello <- errors.New(r.Msg)
			return
		}
		hello <- nil
	}()
	select {
	case err := <-hello:
		if err != nil {
			w.stop()
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, fmt.Errorf("starting a query worker: it ended: %s", w.reason())
			}
			return nil, err // the store's own error: "opening store …"
		}
	case <-ctx.Done():
		w.stop()
		return nil, fmt.Errorf("query stopped: %w", context.Cause(ctx))
	}
	p.log.Debug("query worker started", "pid", w.cmd.Process.Pid)
	return w, nil
}

// errNotAccepted: the worker died before it took the request.
var errNotAccepted = errors.New("the query worker ended before it took the query")

// query sends one request and hands the rows of its answer to fn; n counts
// them. healthy is false when the worker is dead or was killed and must not
// be used again.
func (w *worker) query(ctx context.Context, req request, fn func(graph.Result) error) (res graph.Results, n int, err error, healthy bool) {
	if w.enc.Encode(req) != nil || w.bw.Flush() != nil {
		w.crashed()
		return res, 0, errNotAccepted, false // dead before this query
	}
	answer := make(chan error, 1)
	var (
		resp    response
		fnErr   error
		rows    atomic.Int64
		stopped atomic.Bool // set when query has returned: fn is not called again
		reading = make(chan struct{})
	)
	go func() {
		defer close(reading)
		var ack response
		if err := w.dec.Decode(&ack); err != nil || !ack.Accepted {
			answer <- errNotAccepted
			return
		}
		for {
			resp = response{}
			if err := w.dec.Decode(&resp); err != nil {
				answer <- err
				return
			}
			for _, r := range resp.Res.Rows {
				if stopped.Load() {
					return
				}
				if err := fn(r); err != nil {
					fnErr = err
					answer <- errFn
					return
				}
				rows.Add(1)
			}
			resp.Res.Rows = nil
			if !resp.More {
				answer <- nil
				return
			}
		}
	}()
	// After a kill, the reader ends at the pipe's EOF; wait for it (a while)
	// so that fn is not running when query returns.
	settle := func() {
		stopped.Store(true)
		select {
		case <-reading:
		case <-time.After(grace):
		}
	}
	defer func() { n = int(rows.Load()) }()
	var deadline <-chan time.Time
	if req.Timeout > 0 {
		t := time.NewTimer(req.Timeout + grace)
		defer t.Stop()
		deadline = t.C
	}
	select {
	case err := <-answer:
		switch {
		case errors.Is(err, errNotAccepted):
			w.crashed()
			return res, 0, errNotAccepted, false
		case errors.Is(err, errFn):
			w.stop()
			settle()
			return res, 0, fnErr, false
		case err != nil:
			return res, 0, w.crashed(), false
		}
	case <-deadline:
		w.stop()
		settle()
		return res, 0, &remoteError{kind: errTimeout, msg: fmt.Sprintf("%v after %s: %v", graph.ErrTimeout, req.Timeout, context.DeadlineExceeded)}, false
	case <-ctx.Done():
		w.stop()
		settle()
		return res, 0, fmt.Errorf("query stopped: %w", context.Cause(ctx)), false
	}
	if resp.Kind != errNone {
		return resp.Res, 0, &remoteError{msg: resp.Msg, kind: resp.Kind}, true
	}
	return resp.Res, 0, nil, true
}

// errFn: the caller's function refused a row.
var errFn = errors.New("the caller stopped the query")

// crashed waits for a dead worker and says why it died.
func (w *worker) crashed() error {
	select {
	case <-w.done:
	case <-time.After(5 * time.Second):
		w.stop()
	}
	return &CrashError{Reason: w.reason()}
}

// reason is the first panic or fatal line of the worker's output, or its
// exit status.
func (w *worker) reason() string {
	<-w.done
	out := w.output.String()
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "runtime: goroutine stack exceeds"), line == "fatal error: stack overflow":
			return "stack overflow: the query recursed too deep (a cyclic value, or a program nested too deep)"
		case strings.HasPrefix(line, "panic: "), strings.HasPrefix(line, "fatal error: "):
			return strings.TrimSuffix(strings.TrimSuffix(line, " [recovered, repanicked]"), " [recovered]")
		}
	}
	if w.err != nil {
		return w.err.Error()
	}
	if s := strings.TrimSpace(out); s != "" {
		first, _, _ := strings.Cut(s, "\n")
		return first
	}
	return "it exited"
}

// stop kills the process and closes the pipes; safe to call more than once.
func (w *worker) stop() {
	select {
	case <-w.done:
	default:
		w.cmd.Process.Kill()
		<-w.done
	}
	w.toW.Close()
	w.fromW.Close()
}

// cappedBuffer keeps the first max bytes written to it.
type cappedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
	max int
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := b.max - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (b *cappedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
