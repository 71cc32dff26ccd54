package queries

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

// The library's queries in Go. Each one computes exactly the rows of its
// .js file — the same fields, values and order (a test holds them to it, on
// the fixture graph and on a generated corpus) — but through graph.Reader's
// index lookups: it starts from the node an argument names and follows that
// node's quads, so that it costs what it returns, not what the store holds.
// The .js file stays the query's definition, its documentation, and what
// `vnkg query --gizmo` runs; docs/queries.md says why and how.

type nativeFunc func(ctx context.Context, r *graph.Reader, args []string) ([]graph.Result, error)

// native holds the Go implementations; the queries whose hubs' answers are
// stored join it from answerQueries (answers.go), which names their live code.
var native = map[string]nativeFunc{
	"fact-sources": factSources,
	"org-tree":     orgTree,
}

// HasNative reports whether the query has a Go implementation.
func (q Query) HasNative() bool { return native[q.Name] != nil }

// RunNative runs the query's Go implementation with a fresh Reader on s;
// the Reader is returned for its Stats. Limit and Timeout apply as to the
// script. The rows of a hub's stored answer are shared with the other runs
// on the same snapshot (graph.Reader.StoredAnswer): read them, slice or
// append to them, but do not reorder or change them in place.
func (q Query) RunNative(ctx context.Context, s *graph.Store, args []string, opts graph.QueryOptions) (graph.Results, *graph.Reader, error) {
	fn := native[q.Name]
	if fn == nil {
		return graph.Results{}, nil, fmt.Errorf("%s: no Go implementation", q.Name)
	}
	if len(args) != len(q.Params) {
		return graph.Results{}, nil, fmt.Errorf("%w: %s takes %d, got %d (usage: %s)", ErrArgs, q.Name, len(q.Params), len(args), q.Usage())
	}
	ctx, end, err := s.Snapshot(ctx)
	if err != nil {
		return graph.Results{}, nil, fmt.Errorf("%s: %w", q.Name, err)
	}
	defer end()
	r, err := s.NewReader(ctx)
	if err != nil {
		return graph.Results{}, nil, fmt.Errorf("%s: %w", q.Name, err)
	}
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, opts.Timeout, graph.ErrTimeout)
		defer cancel()
	}
	nargs := make([]string, len(args))
	for i, a := range args {
		nargs[i] = norm.NFC.String(a)
	}
	rows, err := fn(ctx, r, nargs)
	if err != nil {
		switch {
		case errors.Is(context.Cause(ctx), graph.ErrTimeout):
			err = fmt.Errorf("%w after %s: %w", graph.ErrTimeout, opts.Timeout, context.DeadlineExceeded)
		case ctx.Err() != nil:
			err = fmt.Errorf("query stopped: %w", context.Cause(ctx))
		}
		return graph.Results{}, r, fmt.Errorf("%s: %w", q.Name, err)
	}
	res := graph.Results{Rows: rows}
	if opts.Limit > 0 && len(rows) > opts.Limit {
		res.Rows, res.Truncated = rows[:opts.Limit], true
	}
	return res, r, nil
}

// Names the queries use.
var (
	pName       = iri(vocab.Schema + "name")
	pAltName    = iri(vocab.Schema + "alternateName")
	pLegisID    = iri(vocab.Schema + "legislationIdentifier")
	pType       = iri(vocab.RDF + "type")
	pPublished  = iri(vocab.Schema + "datePublished")
	pStart      = iri(vocab.Schema + "startDate")
	pAbout      = iri(vocab.Schema + "about")
	pChair      = iri(vocab.NS + "chair")
	pAttendee   = iri(vocab.Schema + "attendee")
	pSpeaker    = iri(vocab.NS + "speaker")
	pRank       = iri(vocab.NS + "rank")
	pHolds      = iri(vocab.NS + "holdsPosition")
	pKind       = iri(vocab.NS + "eventKind")
	pParentOrg  = iri(vocab.Schema + "parentOrganization")
	tPerson     = iri(vocab.Schema + "Person")
	tPosition   = iri(vocab.NS + "Position")
	tResolution = iri(vocab.NS + "Resolution")
	tPlan       = iri(vocab.NS + "Plan")
	tEvent      = iri(vocab.Schema + "Event")
	tGovOrg     = iri(vocab.Schema + "GovernmentOrganization")
	tOrg        = iri(vocab.Schema + "Organization")

	namePreds       = []graph.Node{pName, pAltName}
	resolutionPreds = []graph.Node{pName, pAltName, pLegisID}
)

func iri(s string) graph.Node { return graph.Node{Kind: graph.IRINode, Value: s} }

// roles are the ways of taking part in an event, in the scripts' order.
var roles = []struct {
	name string
	pred graph.Node
}{{"chair", pChair}, {"attendee", pAttendee}, {"speaker", pSpeaker}}

// prefixes are the short forms the prelude's P expands.
var prefixes = map[string]string{
	"rdf":    vocab.RDF,
	"xsd":    vocab.XSD,
	"schema": vocab.Schema,
	"vnkg":   vocab.NS,
	"id":     "https://w3id.org/vnkg/id/",
}

var httpRE = regexp.MustCompile(`^https?://`)

// expand is the prelude's P: a short form or bare IRI as Gizmo's "<iri>".
func expand(s string) string {
	if strings.HasPrefix(s, "<") {
		return s
	}
	if httpRE.MatchString(s) {
		return "<" + s + ">"
	}
	if i := strings.Index(s, ":"); i > 0 {
		if ns, ok := prefixes[s[:i]]; ok {
			return "<" + ns + s[i+1:] + ">"
		}
	}
	return s
}

// nodeOf is the node Gizmo makes of a string given to g.V or out.
func nodeOf(s string) graph.Node { return graph.NodeOf(quad.StringToValue(s)) }

func isIRIArg(s string) bool { return strings.HasPrefix(s, "<") || httpRE.MatchString(s) }

// lex is the prelude's lex of a node.
func lex(n graph.Node) string {
	if n.Kind == graph.BlankNode {
		return "_:" + n.Value
	}
	return n.Value
}

// uniqNodes keeps the first of equal nodes, in order.
func uniqNodes(ns []graph.Node) []graph.Node {
	seen := map[graph.Node]bool{}
	out := ns[:0:0]
	for _, n := range ns {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

func nodes(ls []graph.Link) []graph.Node {
	out := make([]graph.Node, len(ls))
	for i, l := range ls {
		out[i] = l.Node
	}
	return out
}

// resolve is the prelude's resolve: the nodes an argument names.
func resolve(ctx context.Context, r *graph.Reader, arg string, types, preds []graph.Node) ([]graph.Node, error) {
	if isIRIArg(arg) {
		return []graph.Node{nodeOf(expand(arg))}, nil
	}
	if preds == nil {
		preds = namePreds
	}
	found, err := r.Subjects(ctx, nodeOf(arg), preds...)
	if err != nil {
		return nil, err
	}
	found = uniqNodes(found)
	if types != nil {
		if found, err = ofTypes(ctx, r, found, types); err != nil {
			return nil, err
		}
	}
	if len(found) == 0 {
		// No exact name: names equal ignoring case, from the folded-name
		// index.
		matches, indexed, err := r.FoldedNames(ctx, arg)
		if err != nil {
			return nil, err
		}
		if !indexed {
			// No folded-name index: read every node, as the script does.
			re, err := regexp.Compile("(?i)^" + regexp.QuoteMeta(arg) + "$")
			if err != nil {
				return nil, err
			}
			err = r.Nodes(ctx, func(n graph.Node) error {
				if n.Kind == graph.LiteralNode && re.MatchString(n.Value) {
					matches = append(matches, n)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		for _, m := range matches {
			subs, err := r.Subjects(ctx, m, preds...)
			if err != nil {
				return nil, err
			}
			found = append(found, subs...)
		}
		found = uniqNodes(found)
		if types != nil {
			if found, err = ofTypes(ctx, r, found, types); err != nil {
				return nil, err
			}
		}
	}
	graph.SortNodes(found)
	return found, nil
}

// ofTypes keeps the nodes with one of types as an rdf:type.
func ofTypes(ctx context.Context, r *graph.Reader, ns []graph.Node, types []graph.Node) ([]graph.Node, error) {
	var out []graph.Node
	for _, n := range ns {
		for _, t := range types {
			ok, err := r.HasFact(ctx, n, pType, t)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, n)
				break
			}
		}
	}
	return out, nil
}

// nameOf is a node's first schema:name, or its lexical form.
func nameOf(ctx context.Context, r *graph.Reader, n graph.Node) (string, error) {
	v, ok, err := r.First(ctx, n, pName)
	if err != nil || !ok {
		return lex(n), err
	}
	return lex(v), nil
}

// namesOf maps nodes to their names, without repeats, sorted.
func namesOf(ctx context.Context, r *graph.Reader, ns []graph.Node) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, n := range ns {
		s, err := nameOf(ctx, r, n)
		if err != nil {
			return nil, err
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return graph.JSLess(out[i], out[j]) })
	return out, nil
}

// first is toValue of out(pred): the node, or nil.
func first(ctx context.Context, r *graph.Reader, n, pred graph.Node) (*graph.Node, error) {
	v, ok, err := r.First(ctx, n, pred)
	if err != nil || !ok {
		return nil, err
	}
	return &v, nil
}

// isFullDate reports whether the node's lexical form starts with a full
// date (the scripts' /^\d{4}-\d{2}-\d{2}/).
func isFullDate(n *graph.Node) bool { return n != nil && fullDate(lex(*n)) }

func fullDate(s string) bool {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// row is a result being built: its fields as emitted, and for sorting the
// date it sorts by and the fields as JavaScript's String() spells them.
type row struct {
	fields map[string]any
	js     []jsKV // the fields as strings, for the sort (few: a list)
	date   string // lex of the sort date, "" if none
	full   bool   // the sort date is a full date
	// Where the script makes the row, for rows that tie on every field
	// they are sorted by (sortRowsExact): the script makes its rows group
	// by group (grp), in each the nodes in the store's order (src), and
	// from each node in turn (seq).
	grp int
	src graph.Node
	seq int
	idx int // the row's place before the sort
}

func newRow() *row { return &row{fields: make(map[string]any, 6), js: make([]jsKV, 0, 6)} }

// jsKV is a field and its String() form.
type jsKV struct{ k, v string }

// setJS records the field's string form, replacing an earlier one.
func (w *row) setJS(k, v string) {
	for i := range w.js {
		if w.js[i].k == k {
			w.js[i].v = v
			return
		}
	}
	w.js = append(w.js, jsKV{k, v})
}

// setNode sets a field to a node, as a script emits it.
func (w *row) setNode(k string, n *graph.Node) {
	if n == nil {
		w.fields[k] = nil
		w.setJS(k, "null")
		return
	}
	w.fields[k] = graph.ScriptNode(*n)
	w.setJS(k, n.GizmoString())
}

// setString sets a field to a string the script computed (a name).
func (w *row) setString(k, s string) {
	w.fields[k] = graph.ScriptValue(s)
	w.setJS(k, s)
}

// setNameOf sets k to the name of node n (nameOf).
func (w *row) setNameOf(ctx context.Context, r *graph.Reader, k string, n graph.Node) error {
	name, err := nameOf(ctx, r, n)
	if err != nil {
		return err
	}
	w.setString(k, name)
	return nil
}

func (w *row) setStrings(k string, ss []string) {
	l := make([]any, len(ss))
	for i, s := range ss {
		l[i] = graph.ScriptValue(s)
	}
	w.fields[k] = l
	w.setJS(k, strings.Join(ss, ","))
}

func (w *row) sortBy(n *graph.Node) {
	w.full = isFullDate(n)
	if n != nil {
		w.date = lex(*n)
	}
}

func (w *row) jsField(k string) string {
	for _, kv := range w.js {
		if kv.k == k {
			return kv.v
		}
	}
	return "undefined"
}

// sortRows is the prelude's rows.sort(byDate(key, then)): full dates first,
// by date, then by the fields in then as strings; stable.
func sortRows(rows []*row, then ...string) {
	// Stable: rows that compare equal keep their order (their place breaks
	// the tie, so that the sort is n log n).
	for i, w := range rows {
		w.idx = i
	}
	slices.SortFunc(rows, func(a, b *row) int {
		if c := rowCompare(a, b, then); c != 0 {
			return c
		}
		return a.idx - b.idx
	})
}

// rowCompare is the order of sortRows.
func rowCompare(a, b *row, then []string) int {
	if a.full != b.full {
		if a.full {
			return -1
		}
		return 1
	}
	if c := graph.JSCompare(a.date, b.date); c != 0 {
		return c
	}
	for _, f := range then {
		if c := graph.JSCompare(a.jsField(f), b.jsField(f)); c != 0 {
			return c
		}
	}
	return 0
}

// sortRowsExact sorts rows made in any order as sortRows sorts them made in
// the script's order: by the sort, then, where rows tie on every field the
// sort reads and still differ, by where the script makes them (grp, then
// src in the store's order, then seq). Only the nodes of such ties are
// looked up in the store: the others need no order but the sort's.
func sortRowsExact(ctx context.Context, r *graph.Reader, rows []*row, then ...string) error {
	sortRows(rows, then...)
	for i := 0; i < len(rows); {
		j := i + 1
		for j < len(rows) && rowCompare(rows[i], rows[j], then) == 0 {
			j++
		}
		if tie := rows[i:j]; len(tie) > 1 && !sameRows(tie) {
			ns := make([]graph.Node, len(tie))
			for k, w := range tie {
				ns[k] = w.src
			}
			cmp, err := r.RefCompare(ctx, ns)
			if err != nil {
				return err
			}
			tiesSettled.Add(1)
			slices.SortStableFunc(tie, func(a, b *row) int {
				if a.grp != b.grp {
					return a.grp - b.grp
				}
				if c := cmp(a.src, b.src); c != 0 {
					return c
				}
				return a.seq - b.seq
			})
		}
		i = j
	}
	return nil
}

// tiesSettled counts the ties sortRowsExact put in the store's order (for
// the tests: that the corpus they compare against the scripts has some).
var tiesSettled atomic.Int64

// sameRows reports whether the rows emit the same fields.
func sameRows(rows []*row) bool {
	for _, w := range rows[1:] {
		if !reflect.DeepEqual(w.fields, rows[0].fields) {
			return false
		}
	}
	return true
}

func results(rows []*row) []graph.Result {
	if len(rows) == 0 {
		return nil
	}
	out := make([]graph.Result, len(rows))
	for i, w := range rows {
		out[i] = graph.Result{Value: w.fields}
	}
	return out
}

func personTimelineOf(ctx context.Context, r *graph.Reader, people []graph.Node) ([]graph.Result, error) {
	var rows []*row
	for _, p := range people {
		// The derived rows where the store keeps them (graph/timeline.go):
		// one prefix scan, each row with its article's date.
		tl, derived, err := r.Timeline(ctx, p)
		if err != nil {
			return nil, err
		}
		// Otherwise one pass over the person's ranks and one over their
		// positions, grouped by the article that states them.
		byDoc := map[graph.Node]*[2][]graph.Node{}
		dates := map[graph.Node]*graph.Node{}
		for _, t := range tl {
			byDoc[t.Doc] = &[2][]graph.Node{t.Ranks, t.Positions}
			dates[t.Doc] = t.Date
		}
		for i, pred := range []graph.Node{pRank, pHolds} {
			if derived {
				break
			}
			ls, err := r.Out(ctx, p, pred)
			if err != nil {
				return nil, err
			}
			for _, l := range ls {
				e := byDoc[l.Label]
				if e == nil {
					e = &[2][]graph.Node{}
					byDoc[l.Label] = e
				}
				e[i] = append(e[i], l.Node)
			}
		}
		docs := make([]graph.Node, 0, len(byDoc))
		for d := range byDoc {
			docs = append(docs, d)
		}
		graph.SortNodes(docs)
		for _, doc := range docs {
			ranks, err := namesOf(ctx, r, byDoc[doc][0])
			if err != nil {
				return nil, err
			}
			positions, err := namesOf(ctx, r, byDoc[doc][1])
			if err != nil {
				return nil, err
			}
			date, ok := dates[doc]
			if !derived || !ok {
				if date, err = first(ctx, r, doc, pPublished); err != nil {
					return nil, err
				}
			}
			w := newRow()
			w.setNode("date", date)
			w.sortBy(date)
			w.setStrings("rank", ranks)
			w.setStrings("position", positions)
			w.setNode("article", &doc)
			if len(people) > 1 {
				if err := w.setNameOf(ctx, r, "person", p); err != nil {
					return nil, err
				}
			}
			rows = append(rows, w)
		}
	}
	sortRows(rows, "article", "person")
	return results(rows), nil
}

func peopleMetOf(ctx context.Context, r *graph.Reader, people []graph.Node) ([]graph.Result, error) {
	preds := []graph.Node{pChair, pAttendee, pSpeaker}
	var rows []*row
	for _, p := range people {
		events, err := r.SubjectSet(ctx, p, preds...) // sorted below
		if err != nil {
			return nil, err
		}
		events = uniqNodes(events)
		graph.SortNodes(events)
		for _, ev := range events {
			c, err := eventCard(ctx, r, ev)
			if err != nil {
				return nil, err
			}
			start, err := c.first(ctx, pStart)
			if err != nil {
				return nil, err
			}
			evName, err := c.name(ctx)
			if err != nil {
				return nil, err
			}
			// The others from the fact rows (one a node, in no promised
			// order); the order matters only between others of the same
			// name, whose rows tie in the sort: then the event's quads
			// give the script's order.
			order, others, names, err := eventOthers(ctx, r, ev, p, c.objects)
			if err != nil {
				return nil, err
			}
			if sameName(names) {
				objects := func(ctx context.Context, n, pred graph.Node) ([]graph.Node, error) { return r.Objects(ctx, n, pred) }
				if order, others, names, err = eventOthers(ctx, r, ev, p, objects); err != nil {
					return nil, err
				}
			}
			for i, o := range order {
				name := names[i]
				w := newRow()
				w.setString("met", name)
				w.setStrings("role", others[o])
				w.setString("event", evName)
				w.setNode("date", start)
				w.sortBy(start)
				if len(people) > 1 {
					if err := w.setNameOf(ctx, r, "person", p); err != nil {
						return nil, err
					}
				}
				rows = append(rows, w)
			}
		}
	}
	sortRows(rows, "event", "met", "person")
	return results(rows), nil
}

// card is what one scan of an event's outgoing fact rows says of it
// (Reader.OutFacts): its names, starts, kinds and participants, each the
// distinct objects. A value the card holds once is what toValue() gives (the
// first live quad's object: there is no other); where it holds none or
// several, or the store keeps no current rows, the Reader's lookups answer.
type card struct {
	r    *graph.Reader
	n    graph.Node
	objs [][]graph.Node
	ok   bool
}

var cardPreds = []graph.Node{pName, pStart, pKind, pChair, pAttendee, pSpeaker, pType}

// isA reports whether the node has t as an rdf:type (ofTypes): its
// outgoing type facts are rows of the card.
func (c *card) isA(ctx context.Context, t graph.Node) (bool, error) {
	if ts, ok := c.of(pType); ok {
		return slices.Contains(ts, t), nil
	}
	out, err := ofTypes(ctx, c.r, []graph.Node{c.n}, []graph.Node{t})
	return len(out) > 0, err
}

func eventCard(ctx context.Context, r *graph.Reader, n graph.Node) (*card, error) {
	objs, ok, err := r.OutFacts(ctx, n, cardPreds)
	if err != nil {
		return nil, err
	}
	return &card{r: r, n: n, objs: objs, ok: ok}, nil
}

func (c *card) of(pred graph.Node) ([]graph.Node, bool) {
	if !c.ok {
		return nil, false
	}
	for i, p := range cardPreds {
		if p == pred {
			return c.objs[i], true
		}
	}
	return nil, false
}

// first is first(ctx, r, n, pred).
func (c *card) first(ctx context.Context, pred graph.Node) (*graph.Node, error) {
	if os, ok := c.of(pred); ok && len(os) == 1 {
		v := os[0]
		return &v, nil
	}
	return first(ctx, c.r, c.n, pred)
}

// name is nameOf(ctx, r, n).
func (c *card) name(ctx context.Context) (string, error) {
	if os, ok := c.of(pName); ok && len(os) == 1 {
		return lex(os[0]), nil
	}
	return nameOf(ctx, c.r, c.n)
}

// objects is r.ObjectSet(ctx, n, pred): the distinct objects, in no
// promised order.
func (c *card) objects(ctx context.Context, n, pred graph.Node) ([]graph.Node, error) {
	if os, ok := c.of(pred); ok && n == c.n {
		return os, nil
	}
	return c.r.ObjectSet(ctx, n, pred)
}

// eventOthers lists who else took part in an event, in the order objects
// gives each role's nodes (roles in the scripts' order), with their roles
// and names.
func eventOthers(ctx context.Context, r *graph.Reader, ev, p graph.Node, objects func(ctx context.Context, n, pred graph.Node) ([]graph.Node, error)) (order []graph.Node, others map[graph.Node][]string, names []string, err error) {
	others = map[graph.Node][]string{}
	for _, role := range roles {
		os, err := objects(ctx, ev, role.pred)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, o := range os {
			if o == p {
				continue
			}
			if _, ok := others[o]; !ok {
				order = append(order, o)
			}
			others[o] = append(others[o], role.name)
		}
	}
	names = make([]string, len(order))
	for i, o := range order {
		if names[i], err = nameOf(ctx, r, o); err != nil {
			return nil, nil, nil, err
		}
	}
	return order, others, names, nil
}

// sameName reports whether two of the names are the same.
func sameName(names []string) bool {
	if len(names) < 2 {
		return false
	}
	if len(names) < 8 {
		for i := range names {
			for j := i + 1; j < len(names); j++ {
				if names[i] == names[j] {
					return true
				}
			}
		}
		return false
	}
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		if seen[n] {
			return true
		}
		seen[n] = true
	}
	return false
}

func factSources(ctx context.Context, r *graph.Reader, args []string) ([]graph.Result, error) {
	subjectArg, predicateArg, objectArg := args[0], args[1], args[2]
	subjects, err := resolve(ctx, r, subjectArg, nil, nil)
	if err != nil {
		return nil, err
	}
	pred := nodeOf(expand(predicateArg))
	objects := map[string]bool{}
	if isIRIArg(objectArg) {
		objects[nodeOf(expand(objectArg)).GizmoString()] = true
	} else if !strings.HasPrefix(objectArg, `"`) {
		os, err := resolve(ctx, r, objectArg, nil, nil)
		if err != nil {
			return nil, err
		}
		for _, o := range os {
			objects[o.GizmoString()] = true
		}
	}
	literal := strings.ToLower(lexArg(objectArg))
	var rows []*row
	for _, s := range subjects {
		matched, ok, err := factSourceObjects(ctx, r, s, pred, objects, literal)
		if err != nil {
			return nil, err
		}
		if ok && len(subjects) == 1 && len(matched) == 1 {
			// The answer of one fact: stored whole for a fact stated by
			// many documents (answers.go).
			if res, ok, err := r.StoredAnswer(ctx, "fact-sources", s, pred, matched[0]); ok || err != nil {
				return res, err
			}
		}
		var docs []graph.Node
		if ok {
			docs, err = factDocs(ctx, r, s, pred, matched)
		} else {
			docs, err = quadSourceDocs(ctx, r, s, pred, objects, literal)
		}
		if err != nil {
			return nil, err
		}
		more, err := sourceRows(ctx, r, s, docs, len(subjects) > 1)
		if err != nil {
			return nil, err
		}
		rows = append(rows, more...)
	}
	sortRows(rows, "article", "subject")
	return results(rows), nil
}

// factSourcesOf is fact-sources' answer for one fact (s, pred, o) stated
// by the documents the fact rows give, as the query gives it when o is the
// only object of (s, pred, ?) its argument matches.
func factSourcesOf(ctx context.Context, r *graph.Reader, s, pred, o graph.Node) ([]graph.Result, error) {
	docs, err := factDocs(ctx, r, s, pred, []graph.Node{o})
	if err != nil {
		return nil, err
	}
	rows, err := sourceRows(ctx, r, s, docs, false)
	if err != nil {
		return nil, err
	}
	sortRows(rows, "article", "subject")
	return results(rows), nil
}

// sourceRows are fact-sources' rows of subject s's documents (sorted by the
// caller), with the subject's name when the argument named several.
func sourceRows(ctx context.Context, r *graph.Reader, s graph.Node, docs []graph.Node, multi bool) ([]*row, error) {
	var rows []*row
	graph.SortNodes(docs)
	for _, doc := range docs {
		date, err := first(ctx, r, doc, pPublished)
		if err != nil {
			return nil, err
		}
		title, err := first(ctx, r, doc, pName)
		if err != nil {
			return nil, err
		}
		w := newRow()
		w.setNode("date", date)
		w.sortBy(date)
		w.setNode("article", &doc)
		w.setNode("title", title)
		if multi {
			if err := w.setNameOf(ctx, r, "subject", s); err != nil {
				return nil, err
			}
		}
		rows = append(rows, w)
	}
	return rows, nil
}

// quadSourceDocs lists the documents that state (s, pred, o) for an o the
// argument names, from every quad (s, pred, ?): the script's way.
func quadSourceDocs(ctx context.Context, r *graph.Reader, s, pred graph.Node, objects map[string]bool, literal string) ([]graph.Node, error) {
	ls, err := r.Out(ctx, s, pred)
	if err != nil {
		return nil, err
	}
	matched := map[graph.Node]bool{}
	var docs []graph.Node
	for _, l := range ls {
		if sourceMatches(l.Node, objects, literal) && !matched[l.Label] && l.Label != (graph.Node{}) {
			matched[l.Label] = true
			docs = append(docs, l.Label)
		}
	}
	return docs, nil
}

// factSourceObjects lists the same from the fact rows, in two steps: the
// distinct objects of (s, pred, ?) that match (here), then the documents
// of those facts' quads (factDocs) — the quads of other objects are not
// read. ok is false when the store keeps no current rows, or when a literal
// the rows leave out (over graph.MaxFactLiteral bytes) could match.
func factSourceObjects(ctx context.Context, r *graph.Reader, s, pred graph.Node, objects map[string]bool, literal string) (matched []graph.Node, ok bool, err error) {
	if len(literal) > graph.MaxFactLiteral/4 {
		return nil, false, nil
	}
	var os []graph.Node
	for cursor := ""; ; {
		facts, next, cur, err := r.Facts(ctx, s, pred, false, cursor, 1024)
		if err != nil || !cur {
			return nil, false, err
		}
		for _, f := range facts {
			os = append(os, f.Other)
		}
		if next == "" {
			break
		}
		cursor = next
	}
	for _, o := range os {
		if sourceMatches(o, objects, literal) {
			matched = append(matched, o)
		}
	}
	return matched, true, nil
}

// factDocs is the distinct documents of the facts (s, pred, o) for each o.
func factDocs(ctx context.Context, r *graph.Reader, s, pred graph.Node, os []graph.Node) ([]graph.Node, error) {
	seen := map[graph.Node]bool{}
	var docs []graph.Node
	for _, o := range os {
		labels, _, err := r.FactLabels(ctx, s, pred, o, 0, 0)
		if err != nil {
			return nil, err
		}
		for _, l := range labels {
			if !seen[l] && l != (graph.Node{}) {
				seen[l] = true
				docs = append(docs, l)
			}
		}
	}
	return docs, nil
}

// sourceMatches is the script's test of an object against fact-sources'
// object argument: one of the nodes it names, or a literal equal to it
// ignoring case.
func sourceMatches(o graph.Node, objects map[string]bool, literal string) bool {
	v := o.GizmoString()
	return objects[v] || (!strings.HasPrefix(v, "<") && strings.ToLower(lex(o)) == literal)
}

// lexArg is the prelude's lex of an argument string.
var lexRE = regexp.MustCompile(`^"([\s\S]*)"(\^\^<[^>]*>|@[A-Za-z0-9-]+)$`)

func lexArg(v string) string {
	if strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">") && len(v) >= 2 {
		return v[1 : len(v)-1]
	}
	if m := lexRE.FindStringSubmatch(v); m != nil {
		return strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, "\n", `\r`, "\r", `\t`, "\t").Replace(m[1])
	}
	return v
}

func positionHoldersOf(ctx context.Context, r *graph.Reader, positions []graph.Node) ([]graph.Result, error) {
	var rows []*row
	for pi, pos := range positions {
		order, articles, dated, err := holdersFromRows(ctx, r, pos)
		if err != nil {
			return nil, err
		}
		if order == nil {
			if order, articles, dated, err = holdersFromQuads(ctx, r, pos); err != nil {
				return nil, err
			}
		}
		posName := ""
		if len(positions) > 1 {
			if posName, err = nameOf(ctx, r, pos); err != nil {
				return nil, err
			}
		}
		for _, p := range order {
			dates := dated[p]
			sort.SliceStable(dates, func(i, j int) bool { return graph.JSLess(lex(dates[i]), lex(dates[j])) })
			name, err := nameOf(ctx, r, p)
			if err != nil {
				return nil, err
			}
			w := newRow()
			w.setString("person", name)
			var from, to *graph.Node
			if len(dates) > 0 {
				from, to = &dates[0], &dates[len(dates)-1]
			}
			w.setNode("from", from)
			w.sortBy(from)
			w.setNode("to", to)
			w.fields["articles"] = int64(articles[p])
			w.setJS("articles", strconv.Itoa(articles[p]))
			if len(positions) > 1 {
				w.setString("position", posName)
			}
			w.grp, w.src = pi, p
			rows = append(rows, w)
		}
	}
	if err := sortRowsExact(ctx, r, rows, "person", "position"); err != nil {
		return nil, err
	}
	return results(rows), nil
}

// holdersFromQuads reads a post's holders from its quads: every quad (?,
// holdsPosition, pos) with its document, each document's date looked up.
// order is the holders in the index's order, articles each one's number of
// documents, dated the full dates of those documents.
func holdersFromQuads(ctx context.Context, r *graph.Reader, pos graph.Node) (order []graph.Node, articles map[graph.Node]int, dated map[graph.Node][]graph.Node, err error) {
	ls, err := r.In(ctx, pos, pHolds)
	if err != nil {
		return nil, nil, nil, err
	}
	byPerson := map[graph.Node]map[graph.Node]bool{}
	for _, l := range ls {
		if byPerson[l.Node] == nil {
			byPerson[l.Node] = map[graph.Node]bool{}
			order = append(order, l.Node)
		}
		byPerson[l.Node][l.Label] = true
	}
	articles = map[graph.Node]int{}
	dated = map[graph.Node][]graph.Node{}
	for _, p := range order {
		articles[p] = len(byPerson[p])
		for doc := range byPerson[p] {
			d, err := first(ctx, r, doc, pPublished)
			if err != nil {
				return nil, nil, nil, err
			}
			if isFullDate(d) {
				dated[p] = append(dated[p], *d)
			}
		}
	}
	return order, articles, dated, nil
}

// holdersFromRows reads the same from the derived rows: the post's fact
// rows give its holders and their number of documents, each holder's
// timeline rows the documents' dates (graph/facts.go, graph/timeline.go) —
// a row a holder and a row a document, no quad and no value read. The
// holders come in the fact rows' order, not the index's (the caller sorts
// its rows exactly). It returns a nil order when the store keeps no current
// rows, or when a holder's timeline rows do not account for every quad of
// its fact (a quad without a document): then the caller reads the quads.
func holdersFromRows(ctx context.Context, r *graph.Reader, pos graph.Node) (order []graph.Node, articles map[graph.Node]int, dated map[graph.Node][]graph.Node, err error) {
	articles = map[graph.Node]int{}
	for cursor := ""; ; {
		facts, next, ok, err := r.Facts(ctx, pos, pHolds, true, cursor, 4096)
		if err != nil || !ok {
			return nil, nil, nil, err
		}
		for _, f := range facts {
			order = append(order, f.Other)
			articles[f.Other] = f.Quads
		}
		if next == "" {
			break
		}
		cursor = next
	}
	if order == nil {
		return []graph.Node{}, articles, nil, nil
	}
	dated = map[graph.Node][]graph.Node{}
	for _, p := range order {
		docs, dates, ok, err := r.TimelineDates(ctx, p, pos)
		if err != nil || !ok {
			return nil, nil, nil, err
		}
		for i := range dates {
			if isFullDate(&dates[i]) {
				dated[p] = append(dated[p], dates[i])
			}
		}
		if docs != articles[p] {
			return nil, nil, nil, nil
		}
	}
	return order, articles, dated, nil
}

// resolutions are the resolutions and plans an argument names.
func resolutions(ctx context.Context, r *graph.Reader, arg string) ([]graph.Node, error) {
	return resolve(ctx, r, arg, []graph.Node{tResolution, tPlan}, resolutionPreds)
}

// eventsOfResolutions lists, for each resolution or plan found, the events
// about it.
func eventsOfResolutions(ctx context.Context, r *graph.Reader, found []graph.Node) (events [][]graph.Node, err error) {
	for _, res := range found {
		// In any order: the callers sort their rows exactly
		// (sortRowsExact), each row's source the event.
		subs, err := r.SubjectSet(ctx, res, pAbout)
		if err != nil {
			return nil, err
		}
		// Their type is checked by the callers, from each one's card.
		events = append(events, uniqNodes(subs))
	}
	return events, nil
}

// aboutEvents calls fn for each event of eventsOfResolutions' answer (its
// type checked on its card), with the resolution's index, the event's card,
// its start, name and chairs' names: what chairs-of-resolution and
// events-about both show.
func aboutEvents(ctx context.Context, r *graph.Reader, found []graph.Node, events [][]graph.Node,
	fn func(i int, ev graph.Node, c *card, start *graph.Node, evName string, chairs []string) error) error {
	for i := range found {
		for _, ev := range events[i] {
			c, err := eventCard(ctx, r, ev)
			if err != nil {
				return err
			}
			if isEvent, err := c.isA(ctx, tEvent); err != nil {
				return err
			} else if !isEvent {
				continue
			}
			start, err := c.first(ctx, pStart)
			if err != nil {
				return err
			}
			evName, err := c.name(ctx)
			if err != nil {
				return err
			}
			cs, err := c.objects(ctx, ev, pChair) // sorted by name by the callers
			if err != nil {
				return err
			}
			chairs, err := namesOf(ctx, r, cs)
			if err != nil {
				return err
			}
			if err := fn(i, ev, c, start, evName, chairs); err != nil {
				return err
			}
		}
	}
	return nil
}

func chairsOfResolutionOf(ctx context.Context, r *graph.Reader, found []graph.Node) ([]graph.Result, error) {
	events, err := eventsOfResolutions(ctx, r, found)
	if err != nil {
		return nil, err
	}
	var rows []*row
	err = aboutEvents(ctx, r, found, events, func(i int, ev graph.Node, _ *card, start *graph.Node, evName string, chairs []string) error {
		for ci, chair := range chairs {
			w := newRow()
			w.setString("chair", chair)
			w.setNode("date", start)
			w.sortBy(start)
			w.setString("event", evName)
			if len(found) > 1 {
				if err := w.setNameOf(ctx, r, "resolution", found[i]); err != nil {
					return err
				}
			}
			w.grp, w.src, w.seq = i, ev, ci
			rows = append(rows, w)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := sortRowsExact(ctx, r, rows, "chair", "event", "resolution"); err != nil {
		return nil, err
	}
	return results(rows), nil
}

func eventsAboutOf(ctx context.Context, r *graph.Reader, found []graph.Node) ([]graph.Result, error) {
	events, err := eventsOfResolutions(ctx, r, found)
	if err != nil {
		return nil, err
	}
	var rows []*row
	err = aboutEvents(ctx, r, found, events, func(i int, ev graph.Node, c *card, start *graph.Node, evName string, chairs []string) error {
		kind, err := c.first(ctx, pKind)
		if err != nil {
			return err
		}
		w := newRow()
		w.setNode("date", start)
		w.sortBy(start)
		w.setString("event", evName)
		w.setNode("kind", kind)
		w.setStrings("chair", chairs)
		if len(found) > 1 {
			if err := w.setNameOf(ctx, r, "resolution", found[i]); err != nil {
				return err
			}
		}
		w.grp, w.src = i, ev
		rows = append(rows, w)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := sortRowsExact(ctx, r, rows, "event", "resolution"); err != nil {
		return nil, err
	}
	return results(rows), nil
}

func eventsOfPersonOf(ctx context.Context, r *graph.Reader, people []graph.Node) ([]graph.Result, error) {
	var rows []*row
	for pi, p := range people {
		// The script lists the chair's events, then the attendee's not yet
		// listed, then the speaker's, each in the store's order: the rows
		// are sorted below, and rows that tie are put in that order then
		// (sortRowsExact), so the events come from the fact rows in any
		// order.
		var order []graph.Node
		found := map[graph.Node][]string{}
		grp := map[graph.Node]int{}
		for ri, role := range roles {
			evs, err := r.SubjectSet(ctx, p, role.pred)
			if err != nil {
				return nil, err
			}
			for _, ev := range evs {
				if _, ok := found[ev]; !ok {
					order = append(order, ev)
					grp[ev] = pi*len(roles) + ri
				}
				found[ev] = append(found[ev], role.name)
			}
		}
		for _, ev := range order {
			c, err := eventCard(ctx, r, ev)
			if err != nil {
				return nil, err
			}
			start, err := c.first(ctx, pStart)
			if err != nil {
				return nil, err
			}
			sortDate := start
			if !isFullDate(start) {
				docs, err := r.Labels(ctx, ev)
				if err != nil {
					return nil, err
				}
				var dates []string
				for _, doc := range docs {
					d, err := first(ctx, r, doc, pPublished)
					if err != nil {
						return nil, err
					}
					if isFullDate(d) {
						dates = append(dates, lex(*d))
					}
				}
				sort.SliceStable(dates, func(i, j int) bool { return graph.JSLess(dates[i], dates[j]) })
				if len(dates) > 0 {
					sortDate = &graph.Node{Kind: graph.LiteralNode, Value: dates[0]}
				}
			}
			kind, err := c.first(ctx, pKind)
			if err != nil {
				return nil, err
			}
			evName, err := c.name(ctx)
			if err != nil {
				return nil, err
			}
			w := newRow()
			w.setNode("date", start)
			w.setString("event", evName)
			w.setNode("kind", kind)
			w.sortBy(sortDate)
			w.setStrings("role", found[ev])
			if len(people) > 1 {
				if err := w.setNameOf(ctx, r, "person", p); err != nil {
					return nil, err
				}
			}
			w.grp, w.src = grp[ev], ev
			rows = append(rows, w)
		}
	}
	if err := sortRowsExact(ctx, r, rows, "event", "person"); err != nil {
		return nil, err
	}
	return results(rows), nil
}

func orgTree(ctx context.Context, r *graph.Reader, args []string) ([]graph.Result, error) {
	roots, err := resolve(ctx, r, args[0], []graph.Node{tGovOrg, tOrg}, nil)
	if err != nil {
		return nil, err
	}
	seen := map[graph.Node]bool{}
	var out []graph.Result
	var walk func(n graph.Node, depth int64, parent *graph.Node) error
	walk = func(n graph.Node, depth int64, parent *graph.Node) error {
		if seen[n] {
			return nil
		}
		seen[n] = true
		name, err := nameOf(ctx, r, n)
		if err != nil {
			return err
		}
		// Sorted below: the distinct names from the fact rows, not every
		// article's quad.
		alts, err := r.ObjectSet(ctx, n, pAltName)
		if err != nil {
			return err
		}
		var abbr []string
		for _, a := range alts {
			abbr = append(abbr, lex(a))
		}
		sort.SliceStable(abbr, func(i, j int) bool { return graph.JSLess(abbr[i], abbr[j]) })
		w := newRow()
		w.fields["depth"] = depth
		w.setString("organization", name)
		w.setStrings("abbreviation", abbr)
		if parent == nil {
			w.fields["parent"] = nil
		} else {
			pn, err := nameOf(ctx, r, *parent)
			if err != nil {
				return err
			}
			w.setString("parent", pn)
		}
		out = append(out, graph.Result{Value: w.fields})
		children, err := r.SubjectSet(ctx, n, pParentOrg) // sorted below
		if err != nil {
			return err
		}
		children = uniqNodes(children)
		names := make(map[graph.Node]string, len(children))
		for _, c := range children {
			if names[c], err = nameOf(ctx, r, c); err != nil {
				return err
			}
		}
		sort.SliceStable(children, func(i, j int) bool {
			if c := graph.JSCompare(names[children[i]], names[children[j]]); c != 0 {
				return c < 0
			}
			return graph.JSLess(children[i].GizmoString(), children[j].GizmoString())
		})
		for _, c := range children {
			if err := walk(c, depth+1, &n); err != nil {
				return err
			}
		}
		return nil
	}
	for _, root := range roots {
		if err := walk(root, 0, nil); err != nil {
			return nil, err
		}
	}
	return out, nil
}
