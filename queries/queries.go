// Package queries is vnkg's library of named Gizmo queries: one embedded .js
// file a query, run by name against a store.
//
// A query file starts with a comment block:
//
//	// One line saying what the query answers.
//	// @param person  IRI or name of the person
//	// @columns date rank position article
//	//
//	// More lines of explanation.
//
// Each @param is a JavaScript variable that the query reads; arguments are
// bound to them in order, JSON-encoded into the script (never pasted into it),
// after NFC normalization. @columns is the order in which a table shows the
// fields of the query's results.
//
// # Names
//
// Where a parameter takes an IRI or a name, an argument written "<…>" or
// starting with http:// or https:// is an IRI. Any other argument is a name,
// and names the nodes (of the kinds the query expects) whose schema:name or
// schema:alternateName — for resolutions and plans also
// schema:legislationIdentifier — equals it exactly after NFC normalization;
// if none does, those whose names equal it ignoring case (Unicode simple case
// folding, as Go's regexp (?i) does). Nothing else is folded: diacritics
// matter (Lê Văn Hùng is not Lê Văn Hưng), and so does the placement of tone
// marks (hòa and hoà differ; the extractor writes one canonical placement). A
// name that matches several nodes answers for all of them, with a column
// saying which.
package queries

import (
	"bufio"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"github.com/vnkg/vnkg/graph"
)

//go:embed *.js
var files embed.FS

// preludeFile holds the helpers every query may call; it is not a query.
const preludeFile = "prelude.js"

// Errors.
var (
	// ErrUnknown is returned for a name that is not in the library.
	ErrUnknown = errors.New("no such query")
	// ErrArgs is returned when the arguments do not match the parameters.
	ErrArgs = errors.New("wrong number of arguments")
)

// Param is a declared parameter of a query.
type Param struct {
	Name string // the JavaScript variable
	Doc  string
}

// Query is one query of the library.
type Query struct {
	Name    string   // the file name without .js
	Doc     string   // the first comment line
	Long    string   // further comment lines, if any
	Params  []Param  // in argument order
	Columns []string // preferred field order of its results
	Source  string   // the file's text
}

// Usage is the query's synopsis: its name and parameters, "person-timeline PERSON".
func (q Query) Usage() string {
	var b strings.Builder
	b.WriteString(q.Name)
	for _, p := range q.Params {
		b.WriteByte(' ')
		b.WriteString(strings.ToUpper(p.Name))
	}
	return b.String()
}

var library = sync.OnceValues(func() ([]Query, error) { return load(files) })

// All lists the library's queries, sorted by name.
func All() []Query {
	qs, err := library()
	if err != nil {
		// The library is embedded: a malformed file fails the package's
		// tests before it ships.
		panic(err)
	}
	return qs
}

// Lookup finds a query by name.
func Lookup(name string) (Query, error) {
	for _, q := range All() {
		if q.Name == name {
			return q, nil
		}
	}
	return Query{}, fmt.Errorf("%w: %q", ErrUnknown, name)
}

// Script is the query's source with args bound to its parameters, ready to
// run. Each argument is NFC-normalized and written as a JSON string literal
// on the script's first line (ahead of its doc comment, so that line numbers
// in errors stay the file's own); the shared helpers follow the query.
func (q Query) Script(args []string) (string, error) {
	if len(args) != len(q.Params) {
		return "", fmt.Errorf("%w: %s takes %d, got %d (usage: %s)", ErrArgs, q.Name, len(q.Params), len(args), q.Usage())
	}
	var b strings.Builder
	for i, p := range q.Params {
		lit, err := json.Marshal(norm.NFC.String(args[i]))
		if err != nil {
			return "", fmt.Errorf("binding %s: %w", p.Name, err)
		}
		fmt.Fprintf(&b, "var %s = %s; ", p.Name, lit)
	}
	b.WriteString(q.Source)
	b.WriteString("\n")
	b.WriteString(prelude())
	return b.String(), nil
}

// Run runs the query with args against s: its Go implementation where it
// has one (all of the library's queries do; they answer as the script
// would), else its script.
func (q Query) Run(ctx context.Context, s *graph.Store, args []string, opts graph.QueryOptions) (graph.Results, error) {
	if q.HasNative() {
		res, _, err := q.RunNative(ctx, s, args, opts)
		return res, err
	}
	return q.RunGizmo(ctx, s, args, opts)
}

// RunGizmo runs the query's Gizmo script with args against s.
func (q Query) RunGizmo(ctx context.Context, s *graph.Store, args []string, opts graph.QueryOptions) (graph.Results, error) {
	src, err := q.Script(args)
	if err != nil {
		return graph.Results{}, err
	}
	res, err := s.Query(ctx, src, opts)
	if err != nil {
		return res, fmt.Errorf("%s: %w", q.Name, err)
	}
	return res, nil
}

// Run runs the named query with args against s.
func Run(ctx context.Context, s *graph.Store, name string, args []string, opts graph.QueryOptions) (graph.Results, error) {
	q, err := Lookup(name)
	if err != nil {
		return graph.Results{}, err
	}
	return q.Run(ctx, s, args, opts)
}

func prelude() string {
	b, err := files.ReadFile(preludeFile)
	if err != nil {
		panic(err) // embedded above
	}
	return string(b)
}

var (
	nameRE  = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

// reserved are names a parameter may not take: JavaScript's reserved words
// and the globals of Gizmo and the prelude.
var reserved = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`break case catch class const continue debugger default delete do
		else export extends finally for function if import in instanceof new return super switch
		this throw try typeof var void while with yield let static enum await implements package
		protected interface private public null true false undefined NaN Infinity
		g graph iri bnode raw str lang typed lt lte gt gte regex like`) {
		reserved[w] = true
	}
}

func load(fsys fs.FS) ([]Query, error) {
	names, err := fs.Glob(fsys, "*.js")
	if err != nil {
		return nil, err
	}
	pre, err := fs.ReadFile(fsys, preludeFile)
	if err != nil {
		return nil, fmt.Errorf("reading the prelude: %w", err)
	}
	for _, f := range preludeFuncs.FindAllStringSubmatch(string(pre), -1) {
		reserved[f[1]] = true
	}
	var qs []Query
	for _, n := range names {
		if n == preludeFile {
			continue
		}
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		q, err := parse(strings.TrimSuffix(path.Base(n), ".js"), string(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		qs = append(qs, q)
	}
	sort.Slice(qs, func(i, j int) bool { return qs[i].Name < qs[j].Name })
	return qs, nil
}

var preludeFuncs = regexp.MustCompile(`(?m)^function ([A-Za-z_][A-Za-z0-9_]*)`)

// parse reads a query's header comment.
func parse(name, src string) (Query, error) {
	q := Query{Name: name, Source: src}
	if !nameRE.MatchString(name) {
		return q, fmt.Errorf("query name %q is not lower-case words joined by -", name)
	}
	sc := bufio.NewScanner(strings.NewReader(src))
	var long []string
	first := true
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "//") {
			break
		}
		text := strings.TrimSpace(strings.TrimPrefix(line, "//"))
		switch {
		case first:
			if text == "" || strings.HasPrefix(text, "@") {
				return q, errors.New("the first line must be a // comment saying what the query answers")
			}
			q.Doc = text
			first = false
		case strings.HasPrefix(text, "@param"):
			f := strings.Fields(strings.TrimPrefix(text, "@param"))
			if len(f) < 2 {
				return q, fmt.Errorf("@param needs a name and a description: %q", line)
			}
			if !identRE.MatchString(f[0]) || reserved[f[0]] {
				return q, fmt.Errorf("@param %q is not a free JavaScript identifier", f[0])
			}
			for _, p := range q.Params {
				if p.Name == f[0] {
					return q, fmt.Errorf("@param %q declared twice", f[0])
				}
			}
			q.Params = append(q.Params, Param{Name: f[0], Doc: strings.Join(f[1:], " ")})
		case strings.HasPrefix(text, "@columns"):
			q.Columns = strings.Fields(strings.TrimPrefix(text, "@columns"))
		case strings.HasPrefix(text, "@"):
			return q, fmt.Errorf("unknown directive %q", line)
		default:
			long = append(long, text)
		}
	}
	if first {
		return q, errors.New("no doc comment")
	}
	q.Long = strings.TrimSpace(strings.Join(long, "\n"))
	return q, nil
}
