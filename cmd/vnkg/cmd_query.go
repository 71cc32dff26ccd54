package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vnkg/vnkg/cmd/vnkg/internal/gizmoproc"
	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/queries"
	"golang.org/x/text/unicode/norm"
)

func init() {
	register(command{name: "query", summary: "run a Gizmo query, or a named query of the library", run: runQuery})
}

const queryDoc = `Runs a Gizmo query against the store and prints its results: an aligned
table by default, JSON with --json. The query is one of
  QUERY          Gizmo source as the argument: 'g.V("<iri>").out().all()'
  -f FILE        Gizmo source read from FILE ("-" reads stdin)
  NAME [ARG...]  a query of the library with its arguments (--list shows them)

A library query takes IRIs or names. An argument written <...> or starting
with http:// or https:// is an IRI; anything else is a name, matched against
schema:name and schema:alternateName (and, for resolutions, the identifier
"806-NQ/QUTW") exactly after NFC normalization, or else ignoring case.
Diacritics always count: "Lê Văn Hùng" is not "Lê Văn Hưng".

The library's queries run as Go code that reads the store's indexes from the
node an argument names, and answer exactly as their Gizmo scripts (the .js
files, which --gizmo runs instead). --explain prints on stderr the plan a
library query followed (each lookup, the index it read, how many quads it
read and kept, its time); --stats prints what the query cost: lookups, quads
and nodes read, and the bolt store's transactions, cursors and B+tree nodes.

Rows are printed as the query produces them (a table is aligned by its
first 1000 rows), so a query of millions of rows does not fill memory; what
was printed before a timeout stays printed. A query that runs past
--timeout is stopped (exit status 1).`

// queryOptions are the settings of one query run.
type queryOptions struct {
	json    bool
	timeout time.Duration
	limit   int
	gizmo   bool // run a library query's script rather than its Go code
	explain bool // print the plan on stderr
	stats   bool // print the cost on stderr
}

func runQuery(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "query", "QUERY | -f FILE | NAME [ARG...]", queryDoc)
	db := addDBFlag(fs)
	var opts queryOptions
	fs.BoolVar(&opts.json, "json", false, "print results as JSON")
	fs.DurationVar(&opts.timeout, "timeout", 30*time.Second, "stop a query that runs longer (0: no limit)")
	fs.IntVar(&opts.limit, "limit", defaultQueryLimit, "print at most this many results (0: all; Gizmo rows stream, so memory stays bounded)")
	file := fs.String("f", "", `read the Gizmo query from `+"`FILE`"+` ("-" for stdin)`)
	list := fs.Bool("list", false, "list the library's queries and exit")
	fs.BoolVar(&opts.gizmo, "gizmo", false, "run a library query's Gizmo script instead of its Go implementation")
	fs.BoolVar(&opts.explain, "explain", false, "print the query's plan on stderr: each lookup, its index, quads read, time")
	fs.BoolVar(&opts.stats, "stats", false, "print what the query cost on stderr: rows, time, quads and store reads")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *list {
		if len(pos) > 0 || *file != "" {
			return fmt.Errorf("%w: --list takes no query", errUsage)
		}
		return writeLibrary(e.stdout, opts.json)
	}
	if opts.timeout < 0 || opts.limit < 0 {
		return fmt.Errorf("%w: --timeout and --limit must not be negative", errUsage)
	}

	// Decide what to run before opening the store: usage errors come first.
	var (
		src     string
		columns []string
		named   *queries.Query
		qargs   []string
	)
	switch {
	case *file != "":
		if len(pos) > 0 {
			return fmt.Errorf("%w: -f takes the query from a file; no other argument", errUsage)
		}
		b, err := readQueryFile(e, *file)
		if err != nil {
			return err
		}
		src = string(b)
	case len(pos) == 0:
		return missingArgs("query", "QUERY (Gizmo code, -f FILE, or a library query name: vnkg query --list)")
	case looksLikeName(pos[0]):
		q, err := queries.Lookup(pos[0])
		if err != nil {
			return fmt.Errorf("%w: unknown query %q (vnkg query --list shows the library)", errUsage, pos[0])
		}
		qargs = canonicalArgs(pos[1:])
		if src, err = q.Script(qargs); err != nil {
			return fmt.Errorf("%w: %s takes %d argument(s): %s", errUsage, q.Name, len(q.Params), q.Usage())
		}
		named, columns = &q, q.Columns
	case len(pos) > 1:
		return fmt.Errorf("%w: give the Gizmo query as one argument (quote it), or use -f FILE", errUsage)
	default:
		src = pos[0]
	}

	if os.Getenv("GOGC") == "" {
		// A query's live heap is its rows; at Go's default the collector
		// runs several times over a hub's thousands of rows, each run
		// scanning them all. GOGC in the environment still decides.
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	s, err := openStoreForQueries(ctx, e, *db)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := s.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	qopts := graph.QueryOptions{Timeout: opts.timeout, Limit: opts.limit}
	io0, _ := s.IOStats()
	start := time.Now()
	var (
		res    graph.Results
		reader *graph.Reader
	)
	// Rows are printed as they come (a table holds back its first rows to
	// align them), so that memory does not grow with the results.
	rw := newRowWriter(e.stdout, columns, opts.json)
	writeErr := func(err error) error { return fmt.Errorf("writing results: %w", err) }
	if named != nil && named.HasNative() && !opts.gizmo {
		res, reader, err = named.RunNative(ctx, s, qargs, qopts)
		for _, r := range res.Rows {
			if werr := rw.add(r); werr != nil {
				return writeErr(werr)
			}
		}
	} else {
		// Gizmo runs in a worker process, so that a query that panics
		// inside Cayley or overflows the stack ends with an error, not a
		// stack trace (see package gizmoproc). The native queries are Go
		// code over the store's indexes, run here.
		var pool *gizmoproc.Pool
		if pool, err = gizmoproc.New(*db, 1, e.log); err != nil {
			return err
		}
		defer pool.Close()
		var sent bool
		res, err = pool.QueryEach(ctx, src, qopts, func(r graph.Result) error {
			if werr := rw.add(r); werr != nil {
				sent = true
				return werr
			}
			return nil
		})
		if sent {
			return writeErr(err)
		}
	}
	elapsed := time.Since(start)
	// What was printed before a failure stays (and JSON stays an array).
	if werr := rw.finish(res.Last); werr != nil && err == nil {
		return writeErr(werr)
	}
	if err != nil {
		return queryError(err, opts.timeout)
	}
	if named != nil {
		e.log.Debug("query", "name", named.Name, "results", rw.n, "elapsed", elapsed)
	} else {
		e.log.Debug("query", "results", rw.n, "elapsed", elapsed)
	}
	if opts.explain || opts.stats {
		io1, ok := s.IOStats()
		writeCost(e.stderr, reader, rw.n, elapsed, io1.Sub(io0), ok, opts.explain)
	}
	if res.Truncated {
		fmt.Fprintf(e.stderr, "vnkg query: truncated: showing the first %d results (--limit N for more, --limit 0 for all)\n", opts.limit)
	}
	if rw.n == 0 && res.Last == nil {
		if named != nil && len(qargs) > 0 {
			fmt.Fprintf(e.stderr, "vnkg query: no results: %s found nothing for %s (names match exactly, diacritics included; try vnkg serve's search, or an IRI)\n", named.Name, strings.Join(quoteAll(qargs), " "))
			for _, a := range qargs {
				if strings.HasPrefix(a, "<") || strings.Contains(a, "://") {
					continue
				}
				near, nerr := nearestNames(ctx, s, a)
				if nerr != nil {
					e.log.Debug("suggesting names", "err", nerr)
					continue
				}
				if len(near) > 0 {
					fmt.Fprintf(e.stderr, "vnkg query: nearest names to %q in the graph: %s\n", a, strings.Join(quoteAll(near), ", "))
				} else {
					fmt.Fprintf(e.stderr, "vnkg query: no name in the graph is near %q\n", a)
				}
			}
		} else {
			fmt.Fprintln(e.stderr, "vnkg query: no results")
		}
	}
	return nil
}

// defaultQueryLimit bounds what a query prints, and the memory its rows take,
// unless --limit says otherwise; the truncation is said on stderr.
const defaultQueryLimit = 10000

func quoteAll(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = strconv.Quote(a)
	}
	return out
}

// writeCost prints a query's plan (explain) and what it cost.
func writeCost(w io.Writer, r *graph.Reader, rows int, elapsed time.Duration, st graph.IOStats, hasIO, explain bool) {
	var b strings.Builder
	engine := "gizmo"
	if r != nil {
		engine = "go"
	}
	if explain {
		if r != nil {
			b.WriteString("PLAN (Go, index lookups from the named node)\n")
			r.Stats.Write(&b)
		} else {
			b.WriteString("PLAN: a Gizmo script runs in Cayley's engine, which reports no plan; the store's counters below say what it read\n")
		}
	}
	fmt.Fprintf(&b, "stats: %d rows in %s (%s)", rows, elapsed.Round(time.Microsecond), engine)
	if r != nil {
		fmt.Fprintf(&b, "; %d lookups, %d quads read, %d nodes read", r.Stats.Calls(), r.Stats.Quads(), r.Stats.Nodes)
	}
	if hasIO {
		fmt.Fprintf(&b, "; bolt: %d read transactions, %d cursors, %d nodes dereferenced", st.Transactions, st.Cursors, st.NodeDerefs)
	}
	b.WriteString("\n")
	io.WriteString(w, b.String())
}

// nameRE is what a library query's name looks like; Gizmo source never does.
var nameRE = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

func looksLikeName(s string) bool { return nameRE.MatchString(s) }

func readQueryFile(e *env, path string) ([]byte, error) {
	if path == "-" {
		b, err := io.ReadAll(e.stdin)
		if err != nil {
			return nil, fmt.Errorf("reading the query from stdin: %w", err)
		}
		return b, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the query: %w", err)
	}
	return b, nil
}

// openStoreForQueries opens an existing store for reading.
func openStoreForQueries(ctx context.Context, e *env, path string) (*graph.Store, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: --db is empty", errUsage)
	}
	return graph.Open(ctx, path, graph.WithLogger(e.log), graph.ReadOnly())
}

// queryError words a query's failure for the command line.
func queryError(err error, timeout time.Duration) error {
	if errors.Is(err, graph.ErrTimeout) {
		return fmt.Errorf("%w after %s (raise --timeout, or 0 for none)", graph.ErrTimeout, timeout)
	}
	return err
}

// writeLibrary lists the library's queries: name and parameters, the doc line,
// and each parameter's description.
func writeLibrary(w io.Writer, asJSON bool) error {
	all := queries.All()
	if asJSON {
		type param struct {
			Name string `json:"name"`
			Doc  string `json:"doc"`
		}
		type entry struct {
			Name   string  `json:"name"`
			Doc    string  `json:"doc"`
			Params []param `json:"params"`
		}
		out := make([]entry, 0, len(all))
		for _, q := range all {
			en := entry{Name: q.Name, Doc: q.Doc, Params: []param{}}
			for _, p := range q.Params {
				en.Params = append(en.Params, param{p.Name, p.Doc})
			}
			out = append(out, en)
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	var b strings.Builder
	for i, q := range all {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s\n    %s\n", q.Usage(), q.Doc)
		width := 0
		for _, p := range q.Params {
			width = max(width, len(p.Name))
		}
		for _, p := range q.Params {
			fmt.Fprintf(&b, "    %-*s  %s\n", width, strings.ToUpper(p.Name), p.Doc)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// canonicalArgs writes names given to a library query with the tone placement
// the graph uses (the extractor's), so "Nguyễn Thị Thuỷ" finds "Nguyễn Thị
// Thủy"; IRIs are left as given.
func canonicalArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if strings.HasPrefix(a, "<") || strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") {
			// An IRI copied from a browser's address bar is percent-encoded
			// (…/person/ng%C3%B4-xu%C3%A2n-l%E1%BB%8Bch); the graph's IRIs
			// keep Vietnamese letters, so decode what decodes to UTF-8.
			if u, err := url.PathUnescape(a); err == nil && utf8.ValidString(u) {
				a = norm.NFC.String(u)
			}
			out[i] = a
			continue
		}
		out[i] = extract.CanonicalTone(norm.NFC.String(a))
	}
	return out
}
