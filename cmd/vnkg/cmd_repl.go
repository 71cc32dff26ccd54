package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/peterh/liner"

	"github.com/vnkg/vnkg/cmd/vnkg/internal/gizmoproc"
	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
	"github.com/vnkg/vnkg/queries"
)

func init() {
	register(command{name: "repl", summary: "query the store interactively in Gizmo", run: runRepl})
}

const replDoc = `Reads Gizmo queries and prints their results, as vnkg query does.

On a terminal: line editing, history (kept in $XDG_STATE_HOME/vnkg/history,
by default ~/.local/state/vnkg/history), Tab completion of Gizmo's methods
and of the vocabulary's predicates (inside quotes; "schema:na<Tab>" expands
to "<https://schema.org/name>"). A query may span lines: input goes on while
brackets are open or a line ends with "." or "\". Ctrl-C stops a running
query, or clears the input at the prompt; Ctrl-D or :q leaves.

When stdin is not a terminal, queries are read line by line without a
prompt; the exit status is 1 if any failed.

Commands: :help, :q, :list, :run NAME ARG..., :timeout [D], :limit [N].`

const replHelp = `Type a Gizmo query; it runs when its brackets close (a line ending with "." or
"\" continues it). Results show as a table.

  g.V("<https://w3id.org/vnkg/id/person/nguyễn-chí-vịnh>").out("<https://schema.org/name>").all()
  g.V().has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://schema.org/Event>").count()

Commands:
  :help              this help
  :q                 leave (also :quit, Ctrl-D)
  :list              the library of named queries
  :run NAME ARG...   run a query of the library; quote arguments with spaces:
                     :run person-timeline "Nguyễn Chí Vịnh"
  :timeout [D]       show or set the per-query timeout (30s, 2m; 0 for none)
  :limit [N]         show or set how many results to show (0 for all)

Tab completes Gizmo methods after "." and predicates inside quotes (also from
short forms: "schema:name", "vnkg:rank"). Ctrl-C stops a running query.
`

// repl is one REPL session.
type repl struct {
	e           *env
	store       *graph.Store
	pool        *gizmoproc.Pool // runs the queries, in a worker process
	base        context.Context
	timeout     time.Duration
	limit       int
	interactive bool
	term        *liner.State // nil unless interactive
	history     string       // the history file, "" for none
	ran, failed int
}

func runRepl(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "repl", "", replDoc)
	db := addDBFlag(fs)
	r := &repl{e: e}
	fs.DurationVar(&r.timeout, "timeout", 30*time.Second, "stop a query that runs longer (0: no limit)")
	fs.IntVar(&r.limit, "limit", 100, "show at most this many results of a query (0: all)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fmt.Errorf("%w: repl takes no arguments", errUsage)
	}
	if r.timeout < 0 || r.limit < 0 {
		return fmt.Errorf("%w: --timeout and --limit must not be negative", errUsage)
	}
	r.store, err = openStoreForQueries(ctx, e, *db)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := r.store.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()

	if r.pool, err = gizmoproc.New(*db, 1, e.log); err != nil {
		return err
	}
	defer r.pool.Close()

	r.interactive = e.stdin == os.Stdin && isTerminal(os.Stdin) && isTerminal(os.Stdout) && liner.TerminalSupported()
	if !r.interactive {
		r.base = ctx
		return r.loop(&scannerPrompter{sc: newLineScanner(e.stdin)})
	}

	// On a terminal Ctrl-C stops the running query, not the REPL: the REPL
	// outlives the process-wide context that the first Ctrl-C cancels, and
	// traps SIGINT itself while a query runs (see run).
	r.base = context.WithoutCancel(ctx)
	r.term = liner.NewLiner()
	r.term.SetCtrlCAborts(true)
	r.term.SetTabCompletionStyle(liner.TabPrints)
	r.term.SetWordCompleter(completeGizmo)
	r.history = historyPath()
	r.loadHistory()
	stopTerm := r.onTerminate()
	defer stopTerm()
	defer r.term.Close()
	fmt.Fprintf(e.stderr, "vnkg repl on %s; :help for help, Ctrl-D to leave.\n", r.store)
	return r.loop(r.term)
}

// prompter reads one line of input; liner.State is one.
type prompter interface {
	Prompt(prompt string) (string, error)
}

// scannerPrompter reads lines without prompting, for scripts.
type scannerPrompter struct{ sc *bufio.Scanner }

func (p *scannerPrompter) Prompt(string) (string, error) {
	if p.sc.Scan() {
		return p.sc.Text(), nil
	}
	if err := p.sc.Err(); err != nil {
		return "", err
	}
	return "", io.EOF
}

func newLineScanner(r io.Reader) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	return sc
}

const (
	ps1 = "vnkg> "
	ps2 = "  ... "
)

// errQuit ends the loop without error.
var errQuit = errors.New("quit")

func (r *repl) loop(in prompter) error {
	var pending []string
	for {
		if err := r.base.Err(); err != nil {
			return err
		}
		prompt := ps1
		if len(pending) > 0 {
			prompt = ps2
		}
		line, err := in.Prompt(prompt)
		switch {
		case errors.Is(err, liner.ErrPromptAborted):
			pending = nil // Ctrl-C at the prompt: liner cleared the line; drop the rest too
			continue
		case errors.Is(err, io.EOF):
			if len(pending) > 0 {
				r.run(strings.Join(pending, "\n"), nil)
			}
			if r.interactive {
				fmt.Fprintln(r.e.stdout)
			}
			return r.end()
		case err != nil:
			return fmt.Errorf("reading input: %w", err)
		}
		if r.term != nil && strings.TrimSpace(line) != "" {
			r.term.AppendHistory(line)
			r.saveHistory()
		}
		if len(pending) == 0 {
			trimmed := strings.TrimSpace(line)
			if trimmed == "" || strings.HasPrefix(trimmed, "#") {
				continue
			}
			if strings.HasPrefix(trimmed, ":") {
				if err := r.command(trimmed); errors.Is(err, errQuit) {
					return r.end()
				}
				continue
			}
		}
		more := false
		if t := strings.TrimRight(line, " \t"); strings.HasSuffix(t, `\`) {
			line, more = strings.TrimSuffix(t, `\`), true
		}
		pending = append(pending, line)
		src := strings.Join(pending, "\n")
		if more || incomplete(src) {
			continue
		}
		pending = nil
		r.run(src, nil)
	}
}

// end is the REPL's result: in a script, failed queries fail it.
func (r *repl) end() error {
	if !r.interactive && r.failed > 0 {
		return fmt.Errorf("%d of %d queries failed", r.failed, r.ran)
	}
	return nil
}

// run runs one query and prints its results or its error.
func (r *repl) run(src string, columns []string) {
	r.runWith(columns, func(ctx context.Context, opts graph.QueryOptions) (graph.Results, error) {
		return r.pool.Query(ctx, src, opts)
	})
}

// runWith runs a query (Gizmo source, or a library query by the same fast
// path as vnkg query) and prints its results and timing.
func (r *repl) runWith(columns []string, exec func(context.Context, graph.QueryOptions) (graph.Results, error)) {
	ctx, cancel := context.WithCancel(r.base)
	defer cancel()
	if r.interactive {
		// The terminal is in cooked mode while a query runs: Ctrl-C raises
		// SIGINT, which stops the query.
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt)
		defer signal.Stop(sig)
		go func() {
			select {
			case <-sig:
				cancel()
			case <-ctx.Done():
			}
		}()
	}
	r.ran++
	start := time.Now()
	res, err := exec(ctx, graph.QueryOptions{Timeout: r.timeout, Limit: r.limit})
	elapsed := time.Since(start).Round(time.Millisecond)
	if err != nil {
		r.failed++
		switch {
		case errors.Is(err, graph.ErrTimeout):
			fmt.Fprintf(r.e.stderr, "error: query timed out after %s (:timeout to change)\n", r.timeout)
		case errors.Is(err, context.Canceled) && r.base.Err() == nil:
			fmt.Fprintf(r.e.stderr, "interrupted after %s\n", elapsed)
		default:
			fmt.Fprintf(r.e.stderr, "error: %v\n", err)
		}
		return
	}
	if err := res.WriteTable(r.e.stdout, columns); err != nil {
		fmt.Fprintf(r.e.stderr, "error: writing results: %v\n", err)
		return
	}
	switch n := len(res.Rows); {
	case res.Truncated:
		fmt.Fprintf(r.e.stderr, "(first %d results, %s; :limit to show more)\n", n, elapsed)
	case n == 1:
		fmt.Fprintf(r.e.stderr, "(1 result, %s)\n", elapsed)
	case n == 0 && res.Last != nil:
	default:
		fmt.Fprintf(r.e.stderr, "(%d results, %s)\n", n, elapsed)
	}
}

// command runs a REPL command (a line starting with ":").
func (r *repl) command(line string) error {
	name, rest, _ := strings.Cut(line, " ")
	rest = strings.TrimSpace(rest)
	out := r.e.stdout
	switch name {
	case ":q", ":quit", ":exit":
		return errQuit
	case ":help", ":h", ":?":
		io.WriteString(out, replHelp)
	case ":list":
		if err := writeLibrary(out, false); err != nil {
			fmt.Fprintf(r.e.stderr, "error: %v\n", err)
		}
	case ":run":
		args, err := splitArgs(rest)
		if err != nil || len(args) == 0 {
			fmt.Fprintln(r.e.stderr, "usage: :run NAME ARG... (:list shows the library)")
			return nil
		}
		q, err := queries.Lookup(args[0])
		if err != nil {
			fmt.Fprintf(r.e.stderr, "error: unknown query %q (:list shows the library)\n", args[0])
			return nil
		}
		qargs := canonicalArgs(args[1:])
		if len(qargs) != len(q.Params) {
			fmt.Fprintf(r.e.stderr, "usage: :run %s\n", q.Usage())
			return nil
		}
		r.runWith(q.Columns, func(ctx context.Context, opts graph.QueryOptions) (graph.Results, error) {
			return q.Run(ctx, r.store, qargs, opts)
		})
	case ":timeout":
		if rest != "" {
			d, err := time.ParseDuration(rest)
			if rest == "0" {
				d, err = 0, nil
			}
			if err != nil || d < 0 {
				fmt.Fprintf(r.e.stderr, "error: not a duration: %q (30s, 2m, 0 for none)\n", rest)
				return nil
			}
			r.timeout = d
		}
		if r.timeout == 0 {
			fmt.Fprintln(out, "timeout: none")
		} else {
			fmt.Fprintf(out, "timeout: %s\n", r.timeout)
		}
	case ":limit":
		if rest != "" {
			n, err := strconv.Atoi(rest)
			if err != nil || n < 0 {
				fmt.Fprintf(r.e.stderr, "error: not a number of results: %q (0 for all)\n", rest)
				return nil
			}
			r.limit = n
		}
		if r.limit == 0 {
			fmt.Fprintln(out, "limit: none")
		} else {
			fmt.Fprintf(out, "limit: %d\n", r.limit)
		}
	default:
		fmt.Fprintf(r.e.stderr, "unknown command %s (:help lists them)\n", name)
	}
	return nil
}

// onTerminate restores the terminal and leaves when the process is told to
// stop (SIGTERM, SIGHUP), even while the REPL waits at the prompt.
func (r *repl) onTerminate() (stop func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case <-c:
			r.term.Close()
			os.Exit(exitInterrupted)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(c)
		close(done)
	}
}

// historyPath is $XDG_STATE_HOME/vnkg/history, or ~/.local/state/vnkg/history;
// "" when neither is known.
func historyPath() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil || home == "" {
			return ""
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "vnkg", "history")
}

func (r *repl) loadHistory() {
	if r.history == "" {
		return
	}
	f, err := os.Open(r.history)
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			r.e.log.Warn("reading history", "err", err)
		}
		return
	}
	defer f.Close()
	if _, err := r.term.ReadHistory(f); err != nil {
		r.e.log.Warn("reading history", "file", r.history, "err", err)
	}
}

// saveHistory writes the history after each line, so that it survives the
// terminal being closed under the REPL.
func (r *repl) saveHistory() {
	if r.history == "" {
		return
	}
	if err := writeHistoryFile(r.history, func(w io.Writer) error {
		_, err := r.term.WriteHistory(w)
		return err
	}); err != nil {
		r.e.log.Warn("saving history", "file", r.history, "err", err)
		r.history = "" // say it once
	}
}

func writeHistoryFile(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".history-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// incomplete reports whether Gizmo source needs more lines: a bracket,
// template string or block comment is still open, or the last line ends with
// "." (a chain going on). Strings and comments are skipped; closing brackets
// beyond the open ones do not make it incomplete (the query's error will say).
func incomplete(src string) bool {
	depth := 0
	st := graph.ScanGizmo(src, func(_ int, c byte, _ int) bool {
		switch c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		}
		return true
	})
	switch {
	case st.Broken || st.Quote == '"' || st.Quote == '\'':
		return false // let the parser say so
	case depth > 0 || st.BlockComment || st.Quote == '`':
		return true
	case st.LineComment:
		return false
	}
	last := strings.TrimRight(src, " \t\r\n")
	if i := strings.LastIndexByte(last, '\n'); i >= 0 {
		last = last[i+1:]
	}
	return strings.HasSuffix(strings.TrimSpace(last), ".")
}

// splitArgs splits a :run line into words; double or single quotes group
// words with spaces, and a backslash escapes the next character outside
// single quotes.
func splitArgs(s string) ([]string, error) {
	var args []string
	var cur strings.Builder
	inWord := false
	var quote rune
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case quote == '\'':
			if c == '\'' {
				quote = 0
			} else {
				cur.WriteRune(c)
			}
		case c == '\\' && i+1 < len(rs):
			i++
			cur.WriteRune(rs[i])
			inWord = true
		case quote == '"':
			if c == '"' {
				quote = 0
			} else {
				cur.WriteRune(c)
			}
		case c == '"' || c == '\'':
			quote = c
			inWord = true
		case unicode.IsSpace(c): // also the wide and no-break spaces of pasted web text
			if inWord {
				args = append(args, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(c)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, errors.New("unclosed quote")
	}
	if inWord {
		args = append(args, cur.String())
	}
	return args, nil
}

// Gizmo's names, as its JavaScript sees them (see query/gizmo in Cayley:
// methods are lower-camel, New… constructors and Capitalized… aliases drop
// their prefix).
var (
	gizmoGlobals      = []string{"g", "graph", "iri", "bnode", "raw", "str", "lang", "typed", "lt", "lte", "gt", "gte", "regex", "like"}
	gizmoGraphMethods = []string{
		"V", "Vertex", "M", "Morphism", "IRI", "Uri", "emit", "Emit",
		"addNamespace", "AddNamespace", "addDefaultNamespaces", "AddDefaultNamespaces",
		"loadNamespaces", "LoadNamespaces",
	}
	gizmoPathMethods = []string{
		"all", "And", "and", "As", "as", "Back", "back", "Both", "both", "count", "Count",
		"Difference", "difference", "Except", "except", "Filter", "filter", "Follow", "follow",
		"FollowR", "followR", "FollowRecursive", "followRecursive", "ForEach", "forEach",
		"GetLimit", "getLimit", "Has", "has", "HasR", "hasR", "In", "in", "InPredicates",
		"inPredicates", "Intersect", "intersect", "Is", "is", "LabelContext", "labelContext",
		"Labels", "labels", "Limit", "limit", "Map", "map", "Or", "or", "order", "Out", "out",
		"OutPredicates", "outPredicates", "Save", "save", "SaveInPredicates", "saveInPredicates",
		"SaveOpt", "saveOpt", "SaveOptR", "saveOptR", "SaveOutPredicates", "saveOutPredicates",
		"SaveR", "saveR", "Skip", "skip", "Tag", "tag", "TagArray", "tagArray", "TagValue",
		"tagValue", "ToArray", "toArray", "ToValue", "toValue", "Union", "union", "Unique",
		"unique", "All",
	}
	replCommands = []string{":help", ":q", ":quit", ":list", ":run ", ":timeout ", ":limit "}
)

// vocabTerms are the IRIs completed inside strings: the predicates, and the
// classes (for rdf:type).
var vocabTerms = func() []string {
	terms := append([]string(nil), vocab.Predicates...)
	terms = append(terms,
		vocab.NewsArticle, vocab.Person, vocab.MilitaryRank, vocab.Position,
		vocab.GovernmentOrganization, vocab.Organization, vocab.Resolution, vocab.Plan,
		vocab.Event, vocab.Place, vocab.GazetteerLabel)
	sort.Strings(terms)
	return terms
}()

var shortForms = []struct{ prefix, ns string }{
	{"schema:", vocab.Schema}, {"vnkg:", vocab.NS}, {"rdf:", vocab.RDF}, {"xsd:", vocab.XSD},
}

// completeGizmo is the REPL's Tab completion (a liner.WordCompleter; pos
// counts runes): REPL commands and library names after ":run", IRIs of the
// vocabulary inside a string, Gizmo methods after ".", globals elsewhere.
func completeGizmo(line string, pos int) (head string, completions []string, tail string) {
	rs := []rune(line)
	if pos > len(rs) {
		pos = len(rs)
	}
	before, tail := string(rs[:pos]), string(rs[pos:])

	if trimmed := strings.TrimLeft(before, " "); strings.HasPrefix(trimmed, ":") {
		lead := before[:len(before)-len(trimmed)]
		if rest, ok := strings.CutPrefix(trimmed, ":run "); ok && !strings.Contains(strings.TrimLeft(rest, " "), " ") {
			word := strings.TrimLeft(rest, " ")
			head = before[:len(before)-len(word)]
			for _, q := range queries.All() {
				if strings.HasPrefix(q.Name, word) {
					completions = append(completions, q.Name+" ")
				}
			}
			return head, completions, tail
		}
		if strings.Contains(trimmed, " ") {
			return before, nil, tail
		}
		return lead, prefixed(replCommands, trimmed), tail
	}

	if q, start, ok := openString(before); ok {
		partial := before[start+1:]
		// The completion replaces the rest of the string too, through its
		// closing quote (added if missing).
		closing := string(q)
		if end := closingQuote(tail, q); end >= 0 {
			tail = tail[end+1:]
		}
		for _, t := range vocabTerms {
			if matchesTerm(t, partial) {
				completions = append(completions, "<"+t+">"+closing)
			}
		}
		return before[:start+1], completions, tail
	}

	// An identifier, maybe after a ".".
	i := len(before)
	for i > 0 && isIdentByte(before[i-1]) {
		i--
	}
	word := before[i:]
	head = before[:i]
	if i > 0 && before[i-1] == '.' {
		j := i - 1
		k := j
		for k > 0 && isIdentByte(before[k-1]) {
			k--
		}
		if recv := before[k:j]; (recv == "g" || recv == "graph") && (k == 0 || before[k-1] != '.') {
			return head, prefixed(gizmoGraphMethods, word), tail
		}
		return head, prefixed(gizmoPathMethods, word), tail
	}
	if word == "" {
		return head, nil, tail
	}
	return head, prefixed(gizmoGlobals, word), tail
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// prefixed lists the words that start with prefix, sorted.
func prefixed(words []string, prefix string) []string {
	var out []string
	for _, w := range words {
		if strings.HasPrefix(w, prefix) {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// openString finds the string literal that s ends inside: its quote and the
// byte offset of the opening quote.
func openString(s string) (quote rune, start int, ok bool) {
	st := graph.ScanGizmo(s, nil)
	return rune(st.Quote), st.QuoteStart, st.Quote != 0
}

// closingQuote is the byte offset of the quote q that ends a string in s
// (which starts inside it), or -1.
func closingQuote(s string, q rune) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++
		case rune(s[i]) == q:
			return i
		case s[i] == '\n':
			return -1
		}
	}
	return -1
}

// matchesTerm reports whether partial, typed inside a string, may become the
// IRI t: a prefix of "<t>" or of t, or of t's short form ("schema:name"),
// with or without the "<".
func matchesTerm(t, partial string) bool {
	p := strings.TrimPrefix(partial, "<")
	if strings.HasPrefix(t, p) {
		return true
	}
	for _, sf := range shortForms {
		if local, ok := strings.CutPrefix(t, sf.ns); ok && strings.HasPrefix(sf.prefix+local, p) {
			return true
		}
	}
	return false
}
