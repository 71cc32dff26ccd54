package graph

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/quad"
	"golang.org/x/text/width"

	"github.com/vnkg/vnkg/graph/vocab"
)

// Query errors.
var (
	// ErrSyntax is returned for a query that does not compile.
	ErrSyntax = errors.New("query syntax error")
	// ErrTimeout is returned for a query that ran longer than its timeout; the
	// error also matches context.DeadlineExceeded.
	ErrTimeout = errors.New("query timed out")
)

// QueryOptions tune a query.
type QueryOptions struct {
	// Timeout stops the query after this long; 0 means no timeout (the context
	// may still end it).
	Timeout time.Duration
	// Limit stops the query after this many results; 0 means no limit.
	Limit int
}

// Results is what a query produced.
type Results struct {
	// Rows are the query's results in the order the query produced them.
	Rows []Result
	// Last is the value of the script's last expression (g.V().count() typed at
	// a REPL), or nil when it is null, undefined or a path.
	Last any
	// Truncated reports that the query had more results than QueryOptions.Limit.
	Truncated bool
}

// Result is one result of a query: either the tags of a path result (.all(),
// .getLimit(n)), or a value the script passed to g.emit.
type Result struct {
	// Tags maps each tag of a path result to its node; the node the path
	// ended at is under "id". Nil for an emitted value.
	Tags map[string]Node
	// Value is an emitted value, built from nil, bool, int64, float64, string,
	// Node, []any and map[string]any. Strings that Gizmo uses to spell nodes
	// ("<iri>", "_:b", "\"v\"^^<type>") become Nodes.
	Value any
}

// Fields returns the result as named fields: the tags of a path result, or
// the fields of an emitted object. ok is false for an emitted non-object.
func (r Result) Fields() (fields map[string]any, ok bool) {
	if r.Tags != nil {
		m := make(map[string]any, len(r.Tags))
		for k, v := range r.Tags {
			m[k] = v
		}
		return m, true
	}
	m, ok := r.Value.(map[string]any)
	return m, ok
}

// MarshalJSON writes a path result as an object of its tags and an emitted
// value as itself.
func (r Result) MarshalJSON() ([]byte, error) {
	if r.Tags != nil {
		return marshalJSON(r.Tags)
	}
	return marshalJSON(r.Value)
}

// NodeKind tells IRIs, blank nodes and literals apart.
type NodeKind uint8

const (
	IRINode NodeKind = iota
	BlankNode
	LiteralNode
)

// Node is a node of the graph as a query returns it.
type Node struct {
	Kind     NodeKind
	Value    string // the IRI, the blank node's id, or the literal's lexical form
	Datatype string // literals only; "" is a plain string
	Lang     string // language-tagged literals only
}

// String renders n for people: an IRI or a literal's lexical form as is, a
// blank node as _:id.
func (n Node) String() string {
	if n.Kind == BlankNode {
		return "_:" + n.Value
	}
	return n.Value
}

// NQuad renders n in N-Quads syntax.
func (n Node) NQuad() string {
	switch n.Kind {
	case IRINode:
		return quad.IRI(n.Value).String()
	case BlankNode:
		return quad.BNode(n.Value).String()
	}
	return toQuadValue(n).String()
}

// MarshalJSON writes n as JSON-LD writes a node or value: {"@id": iri} for an
// IRI or blank node, a string for a plain literal, a number or boolean for
// xsd:integer, xsd:decimal, xsd:double and xsd:boolean literals that parse, and
// {"@value", "@type"} or {"@value", "@language"} for other literals.
func (n Node) MarshalJSON() ([]byte, error) {
	switch n.Kind {
	case IRINode, BlankNode:
		return marshalJSON(map[string]string{"@id": n.String()})
	}
	switch {
	case n.Lang != "":
		return marshalJSON(map[string]string{"@value": n.Value, "@language": n.Lang})
	case n.Datatype == "" || n.Datatype == vocab.XSD+"string":
		return marshalJSON(n.Value)
	case n.Datatype == vocab.XSDInteger || n.Datatype == vocab.XSD+"int" || n.Datatype == vocab.XSD+"long":
		if i, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
			return json.Marshal(i)
		}
	case n.Datatype == vocab.XSD+"decimal" || n.Datatype == vocab.XSD+"double" || n.Datatype == vocab.XSD+"float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return json.Marshal(f)
		}
	case n.Datatype == vocab.XSD+"boolean":
		if b, err := strconv.ParseBool(n.Value); err == nil {
			return json.Marshal(b)
		}
	}
	return marshalJSON(map[string]string{"@value": n.Value, "@type": n.Datatype})
}

// NodeOf converts a Cayley value to a Node.
func NodeOf(v quad.Value) Node {
	switch v := v.(type) {
	case quad.IRI:
		return Node{Kind: IRINode, Value: string(v)}
	case quad.BNode:
		return Node{Kind: BlankNode, Value: string(v)}
	case quad.String:
		return Node{Kind: LiteralNode, Value: string(v)}
	case quad.TypedString:
		return Node{Kind: LiteralNode, Value: string(v.Value), Datatype: string(v.Type)}
	case quad.LangString:
		return Node{Kind: LiteralNode, Value: string(v.Value), Lang: v.Lang}
	case quad.TypedStringer:
		ts := v.TypedString()
		return Node{Kind: LiteralNode, Value: string(ts.Value), Datatype: string(ts.Type)}
	case nil:
		return Node{Kind: LiteralNode}
	}
	return Node{Kind: LiteralNode, Value: quad.StringOf(v)}
}

func toQuadValue(n Node) quad.Value {
	switch {
	case n.Kind == IRINode:
		return quad.IRI(n.Value)
	case n.Kind == BlankNode:
		return quad.BNode(n.Value)
	case n.Lang != "":
		return quad.LangString{Value: quad.String(n.Value), Lang: n.Lang}
	case n.Datatype != "":
		return quad.TypedString{Value: quad.String(n.Value), Type: quad.IRI(n.Datatype)}
	}
	return quad.String(n.Value)
}

// Query runs a Gizmo query and collects its results. Each call runs in a new
// Gizmo session: Cayley's session keeps one JavaScript VM, and once a query has
// been interrupted (by a timeout, a cancellation, or merely by closing its
// results) every later query on that VM fails with "iterator closed".
//
// Query first runs CheckQuery and compiles the script; it then runs it after
// a prelude that checks the arguments of Gizmo's functions (gizmocheck.go), so
// that a type error (g.V(iri(5))) is an ErrType, not a panic inside Cayley's
// goroutine. It runs the script in this process: a query that still panics
// inside Cayley, or overflows the stack (a cyclic result), ends the process. Run untrusted queries through a
// worker process instead (cmd/vnkg/internal/gizmoproc does).
//
// The query stops when ctx ends, when opts.Timeout passes (ErrTimeout), or
// after opts.Limit results; stopping interrupts the VM, so a runaway script
// (while(true){}) ends too, and Query returns only once the script has.
func (s *Store) Query(ctx context.Context, src string, opts QueryOptions) (Results, error) {
	var rows []Result
	res, err := s.QueryEach(ctx, src, opts, func(r Result) error {
		rows = append(rows, r)
		return nil
	})
	res.Rows = rows
	return res, err
}

// QueryEach runs a Gizmo query as Query does, but hands each result to fn as
// the script produces it instead of collecting them, so that memory does not
// grow with the results; the Results it returns hold no Rows, only Last and
// Truncated. An error from fn stops the query and is returned.
func (s *Store) QueryEach(ctx context.Context, src string, opts QueryOptions, fn func(Result) error) (Results, error) {
	if err := CheckQuery(src); err != nil {
		return Results{}, err
	}
	if err := compileCheck(src); err != nil {
		return Results{}, err
	}
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, opts.Timeout, ErrTimeout)
		defer cancel()
	}
	ses := gizmo.NewSession(s.qs)
	// Limit 0: we count results ourselves, so that a truncated answer is known.
	it, err := ses.Execute(ctx, checkedProgram(src), query.Options{Collation: query.Raw})
	if err != nil {
		return Results{}, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	var res Results
	var convErr error
	n := 0
	for it.Next(ctx) {
		r, ok := it.Result().(*gizmo.Result)
		if !ok || r == nil {
			continue
		}
		if r.Meta {
			res.Last = lastValue(r.Val)
			continue
		}
		if opts.Limit > 0 && n == opts.Limit {
			res.Truncated = true
			break
		}
		row, err := s.convertResult(r)
		if err == nil {
			err = fn(row)
		}
		if err != nil {
			convErr = err
			break
		}
		n++
	}
	runErr := it.Err()
	// Close interrupts the VM if the script is still running (a limit was
	// reached); wait then for it to end, so that nothing reads the store after
	// Query returns.
	it.Close()
	waitDone(it)
	switch {
	case convErr != nil:
		return res, convErr
	case runErr == nil:
		return res, nil
	case errors.Is(context.Cause(ctx), ErrTimeout):
		return res, fmt.Errorf("%w after %s: %w", ErrTimeout, opts.Timeout, context.DeadlineExceeded)
	case ctx.Err() != nil:
		return res, fmt.Errorf("query stopped: %w", context.Cause(ctx))
	}
	if err, ok := typeError(runErr); ok {
		return res, err
	}
	return res, fmt.Errorf("query failed: %w", runErr)
}

// waitDone waits for a stopped script to end: after Close, Next reports the
// script's end (or one more buffered result, which is dropped).
func waitDone(it query.Iterator) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for it.Next(context.Background()) {
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		// A native call that ignores both the interrupt and the cancelled
		// context; leave it to finish on its own rather than hang the caller.
	}
}

func (s *Store) convertResult(r *gizmo.Result) (Result, error) {
	if r.Val != nil {
		return Result{Value: convertValue(r.Val)}, nil
	}
	tags := make(map[string]Node, len(r.Tags))
	for k, ref := range r.Tags {
		v, err := s.nameOf(ref)
		if err != nil {
			return Result{}, err
		}
		tags[k] = NodeOf(v)
	}
	return Result{Tags: tags}, nil
}

func (s *Store) nameOf(ref refs.Ref) (quad.Value, error) {
	v, err := s.qs.NameOf(ref)
	if err != nil {
		return nil, fmt.Errorf("reading a result node: %w", err)
	}
	return v, nil
}

const gizmoPkg = "github.com/cayleygraph/cayley/query/gizmo"

// lastValue keeps the script's completion value unless it is one of Gizmo's
// own objects (a path or the graph), which say nothing to a reader.
func lastValue(v any) any {
	if v == nil {
		return nil
	}
	if t := reflect.TypeOf(v); t.Kind() == reflect.Pointer && t.Elem().PkgPath() == gizmoPkg {
		return nil
	}
	return convertValue(v)
}

// convertValue turns a value exported from the VM into plain Go values and
// Nodes.
func convertValue(v any) any {
	switch v := v.(type) {
	case nil, bool, int64, float64:
		return v
	case int:
		return int64(v)
	case string:
		return parseGizmoString(v)
	case quad.Value:
		return NodeOf(v)
	case time.Time:
		return NodeOf(quad.Time(v))
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = convertValue(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = convertValue(e)
		}
		return out
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = convertValue(rv.Index(i).Interface())
		}
		return out
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			break
		}
		out := make(map[string]any, rv.Len())
		for it := rv.MapRange(); it.Next(); {
			out[it.Key().String()] = convertValue(it.Value().Interface())
		}
		return out
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int64(rv.Uint())
	case reflect.Float32:
		return rv.Float()
	case reflect.Pointer:
		if rv.Type().Elem().PkgPath() == gizmoPkg {
			return nil
		}
	}
	return fmt.Sprint(v)
}

var gizmoUnescaper = strings.NewReplacer(`\\`, `\`, `\"`, `"`, `\n`, "\n", `\r`, "\r", `\t`, "\t")

// parseGizmoString reads the strings by which Gizmo hands nodes to scripts
// (toArray, tagArray, toValue): "<iri>", "_:id", "\"v\"^^<type>", "\"v\"@lang".
// Any other string is a plain string: Gizmo passes those unquoted.
func parseGizmoString(s string) any {
	n := len(s)
	switch {
	case n >= 2 && s[0] == '<' && s[n-1] == '>' && !strings.ContainsAny(s[1:n-1], "<> \""):
		return Node{Kind: IRINode, Value: s[1 : n-1]}
	case n > 2 && strings.HasPrefix(s, "_:") && !strings.ContainsAny(s, " \t\n"):
		return Node{Kind: BlankNode, Value: s[2:]}
	case n > 2 && s[0] == '"':
		if i := strings.LastIndex(s, `"^^<`); i > 0 && s[n-1] == '>' {
			return Node{Kind: LiteralNode, Value: gizmoUnescaper.Replace(s[1:i]), Datatype: s[i+4 : n-1]}
		}
		if i := strings.LastIndex(s, `"@`); i > 0 && isLangTag(s[i+2:]) {
			return Node{Kind: LiteralNode, Value: gizmoUnescaper.Replace(s[1:i]), Lang: s[i+2:]}
		}
	}
	return s
}

func isLangTag(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// Columns orders the fields that the results hold: first the preferred ones
// that occur, in the given order, then "id", then the rest sorted. Results
// that are not objects make a column "value".
func (r Results) Columns(preferred []string) []string {
	seen := map[string]bool{}
	for _, row := range r.Rows {
		f, ok := row.Fields()
		if !ok {
			seen["value"] = true
			continue
		}
		for k := range f {
			seen[k] = true
		}
	}
	var cols []string
	for _, c := range preferred {
		if seen[c] {
			cols = append(cols, c)
			delete(seen, c)
		}
	}
	if seen["id"] {
		cols = append(cols, "id")
		delete(seen, "id")
	}
	rest := make([]string, 0, len(seen))
	for k := range seen {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	return append(cols, rest...)
}

// WriteTable writes the results as an aligned text table with a header, the
// columns ordered as Columns does, and then the script's last value, if any,
// on a line of its own. Nodes show as their IRI or lexical form, lists as their
// items joined by "; ".
func (r Results) WriteTable(w io.Writer, preferred []string) error {
	bw := bufio.NewWriter(w)
	if len(r.Rows) > 0 {
		cols := r.Columns(preferred)
		cells := make([][]string, 0, len(r.Rows)+2)
		cells = append(cells, cols)
		rule := make([]string, len(cols))
		cells = append(cells, rule)
		for _, row := range r.Rows {
			f, ok := row.Fields()
			if !ok {
				f = map[string]any{"value": row.Value}
			}
			line := make([]string, len(cols))
			for i, c := range cols {
				line[i] = Cell(f[c])
			}
			cells = append(cells, line)
		}
		widths := make([]int, len(cols))
		for _, line := range cells {
			for i, c := range line {
				widths[i] = max(widths[i], displayWidth(c))
			}
		}
		for i := range rule {
			rule[i] = strings.Repeat("-", widths[i])
		}
		var b strings.Builder
		for _, line := range cells {
			b.Reset()
			for i, c := range line {
				b.WriteString(c)
				if i < len(line)-1 {
					b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
				}
			}
			bw.WriteString(strings.TrimRight(b.String(), " "))
			bw.WriteByte('\n')
		}
	}
	if r.Last != nil {
		bw.WriteString(Cell(r.Last))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// WriteJSON writes the results as a JSON array, one result a line, nodes as
// Node.MarshalJSON writes them. A query with no results but a last value (the
// count of g.V().count()) writes that value instead.
func (r Results) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if len(r.Rows) == 0 && r.Last != nil {
		if err := enc.Encode(r.Last); err != nil {
			return err
		}
		return bw.Flush()
	}
	bw.WriteString("[")
	for i, row := range r.Rows {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
		b, err := marshalJSON(row)
		if err != nil {
			return err
		}
		bw.Write(b)
	}
	if len(r.Rows) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// marshalJSON is json.Marshal without HTML escaping.
func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// Cell renders a result value for a table: nodes as their IRI or lexical
// form, lists joined by "; ", objects as JSON, line breaks as "\n".
func Cell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case Node:
		return oneLine(v.String())
	case string:
		return oneLine(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = Cell(e)
		}
		return strings.Join(parts, "; ")
	}
	b, err := marshalJSON(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return oneLine(string(b))
}

var lineBreaks = strings.NewReplacer("\r\n", `\n`, "\n", `\n`, "\r", `\n`, "\t", " ")

func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	return lineBreaks.Replace(s)
}

// displayWidth is how many terminal columns s takes: combining marks take
// none (Vietnamese written decomposed), East Asian wide characters two.
// DisplayWidth is how many terminal columns s takes: combining marks none,
// East Asian wide letters two (what WriteTable aligns by).
func DisplayWidth(s string) int { return displayWidth(s) }

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r < 0x300 && r != 0xAD: // no combining mark, format or wide rune
			n++
		case r >= 0x1E00 && r <= 0x1EFF:
			// Latin Extended Additional: Vietnamese's precomposed letters
			// (ạ, ế, ữ …), one column each. Without this case every such
			// letter took three table searches below — a fifth of a hub's
			// whole `vnkg query` process, aligning its table.
			n++
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		case isWide(r):
			n += 2
		default:
			n++
		}
	}
	return n
}

func isWide(r rune) bool {
	if r < 0x1100 {
		return false
	}
	k := width.LookupRune(r).Kind()
	return k == width.EastAsianWide || k == width.EastAsianFullwidth
}
