package graph

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hopts "github.com/hidal-go/hidalgo/kv/options"
	"google.golang.org/protobuf/proto"
)

// The fast paths: graph-level lookups that start from one node and follow
// its quads through the store's indexes, so that what they cost is what they
// return, however large the store. The named queries (package queries), the
// REPL and the web viewer read the graph through them.
//
// On bolt (Cayley's kv store) a lookup is one prefix scan of an index: a
// node's outgoing quads with a predicate on the (subject, predicate) index,
// its incoming ones on (object, predicate, subject), a document's on (label,
// subject). Where a store lacks the index (one that `cayley load` made has no
// label index), or on memory and PostgreSQL, the lookup reads the node's
// quads in that direction through Cayley's QuadIterator and filters them.

// Link is a quad seen from one of its nodes: the node at the other end, the
// predicate, and the label (the document that states it).
type Link struct {
	Node      Node
	Predicate Node
	Label     Node
}

// Step is one kind of lookup a Reader made, with what it cost.
type Step struct {
	Op    string        // "out <pred>", "in <pred>", "labels", "value", "scan nodes" …
	Index string        // the index it read: "S,P", "O,P,S", "L,S", "S", "O", "all nodes"
	Calls int           // lookups made
	Quads int           // index entries (quads) read
	Rows  int           // quads kept (the others were filtered out)
	Time  time.Duration // time spent in the lookups, nodes resolved included
}

// ReadStats is what a Reader touched, by kind of lookup, in first-use order.
type ReadStats struct {
	Steps []*Step
	// Nodes is how many node values were read from the store (a cache keeps
	// each node's value once read).
	Nodes int
}

// Quads is the number of quads all lookups read.
func (st *ReadStats) Quads() int {
	n := 0
	for _, s := range st.Steps {
		n += s.Quads
	}
	return n
}

// Calls is the number of lookups made.
func (st *ReadStats) Calls() int {
	n := 0
	for _, s := range st.Steps {
		n += s.Calls
	}
	return n
}

func (st *ReadStats) step(op, index string) *Step {
	for _, s := range st.Steps {
		if s.Op == op && s.Index == index {
			return s
		}
	}
	s := &Step{Op: op, Index: index}
	st.Steps = append(st.Steps, s)
	return s
}

// Reader reads the graph through its indexes, caching node values and
// counting what it touched (ReadStats). It is for one goroutine; make one per
// query.
type Reader struct {
	s     *Store
	qs    cgraph.QuadStore
	kv    *ckv.QuadStore // nil unless bolt
	idx   map[string]bool
	refs  map[string]refs.Ref
	names map[any]quad.Value
	first map[[2]Node]Link // First's answers
	// firsts says whether First reads the derived first rows (firsts.go):
	// not known yet, on, off.
	firsts int8
	// markers caches whether each kind of derived rows is current, read
	// once a Reader (rowsCurrent).
	markers map[string]bool
	// snap is the bolt read snapshot the Reader reads directly
	// (rowread.go), once seen.
	snap *snap
	// deps, when not nil, collects the nodes this Reader's lookups start
	// from (TrackDeps, answers.go); depAll says a lookup read every node.
	deps   map[Dep]struct{}
	depAll bool
	Stats  ReadStats
}

// The indexes a Reader scans by prefix, as Cayley's kv store names them.
var (
	indexSP  = ckv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}
	indexOPS = ckv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}
)

// NewReader starts a Reader on the store.
func (s *Store) NewReader(ctx context.Context) (*Reader, error) {
	r := &Reader{s: s, qs: s.qs, refs: map[string]refs.Ref{}, names: map[any]quad.Value{}, idx: map[string]bool{}, first: map[[2]Node]Link{}, markers: map[string]bool{}}
	if kq, ok := s.qs.(*ckv.QuadStore); ok && s.shared != nil {
		var indexes []ckv.QuadIndex
		err := hkv.View(ctx, s.shared, func(tx hkv.Tx) error {
			data, err := tx.Get(ctx, keyMetaIndexes)
			if errors.Is(err, hkv.ErrNotFound) {
				indexes = ckv.DefaultQuadIndexes
				return nil
			} else if err != nil {
				return err
			}
			return json.Unmarshal(data, &indexes)
		})
		if err != nil {
			return nil, fmt.Errorf("reading the indexes of store %s: %w", s, err)
		}
		r.kv = kq
		for _, ind := range indexes {
			r.idx[dirsKey(ind.Dirs)] = true
		}
	}
	return r, nil
}

func dirsKey(dirs []quad.Direction) string {
	var b strings.Builder
	for i, d := range dirs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strings.ToUpper(d.String()[:1]))
	}
	return b.String()
}

func (r *Reader) has(ind ckv.QuadIndex) bool { return r.kv != nil && r.idx[dirsKey(ind.Dirs)] }

// ref is the store's reference of a node, nil if the store does not hold it.
func (r *Reader) ref(ctx context.Context, n Node) (refs.Ref, error) {
	key := n.NQuad()
	if ref, ok := r.refs[key]; ok {
		return ref, nil
	}
	var ref refs.Ref
	var err error
	if r.kv != nil {
		// With ctx, so that the query's read transaction serves it.
		var rs []refs.Ref
		if rs, err = r.kv.RefsOf(ctx, []quad.Value{toQuadValue(n)}); err == nil && rs[0] != ckv.Int64Value(0) {
			ref = rs[0]
		}
	} else {
		ref, err = r.qs.ValueOf(toQuadValue(n))
	}
	if err != nil {
		return nil, fmt.Errorf("looking up %s in store %s: %w", n.NQuad(), r.s, err)
	}
	r.refs[key] = ref
	return ref, nil
}

// value is the node a reference stands for.
func (r *Reader) value(ctx context.Context, ref refs.Ref) (quad.Value, error) {
	k := refs.ToKey(ref)
	if v, ok := r.names[k]; ok {
		return v, nil
	}
	var v quad.Value
	var err error
	if r.kv != nil {
		var vs []quad.Value
		if vs, err = r.kv.ValuesOf(ctx, []refs.Ref{ref}); err == nil {
			v = vs[0]
		}
	} else {
		v, err = r.qs.NameOf(ref)
	}
	if err != nil {
		return nil, fmt.Errorf("reading a node of store %s: %w", r.s, err)
	}
	r.Stats.Nodes++
	r.names[k] = v
	return v, nil
}

// Has reports whether the store holds the node (in any quad).
func (r *Reader) Has(ctx context.Context, n Node) (bool, error) {
	r.depBoth(n)
	ref, err := r.ref(ctx, n)
	return ref != nil, err
}

// Out returns the quads from n with one of preds (all predicates if none),
// as links to their objects, in the index's order.
func (r *Reader) Out(ctx context.Context, n Node, preds ...Node) ([]Link, error) {
	r.depOut(n)
	return r.links(ctx, quad.Subject, quad.Object, n, preds, 0)
}

// In returns the quads to n with one of preds (all predicates if none), as
// links to their subjects, in the index's order.
func (r *Reader) In(ctx context.Context, n Node, preds ...Node) ([]Link, error) {
	r.depIn(n)
	return r.links(ctx, quad.Object, quad.Subject, n, preds, 0)
}

// First is the object of the first quad from n with predicate pred, as
// Gizmo's g.V(n).out(pred).toValue() gives it; ok is false if there is none.
func (r *Reader) First(ctx context.Context, n Node, pred Node) (v Node, ok bool, err error) {
	r.depFirst(n, pred)
	key := [2]Node{n, pred}
	if l, seen := r.first[key]; seen {
		return l.Node, l.Label != (Node{}) || l.Predicate != (Node{}), nil
	}
	if v, has, ok, err := r.firstRow(ctx, n, pred); err != nil { // firsts.go
		return Node{}, false, err
	} else if ok {
		if has {
			r.first[key] = Link{Node: v, Predicate: pred}
		} else {
			r.first[key] = Link{}
		}
		return v, has, nil
	}
	if r.has(indexSP) {
		nref, err := r.ref(ctx, n)
		if err != nil {
			return Node{}, false, err
		}
		pref, err := r.ref(ctx, pred)
		if err != nil {
			return Node{}, false, err
		}
		var prim *cproto.Primitive
		if nref != nil && pref != nil {
			if prim, err = r.firstLive(ctx, "first "+pred.NQuad(), indexSP, []uint64{id64(nref), id64(pref)}); err != nil {
				return Node{}, false, err
			}
		}
		if prim == nil {
			r.first[key] = Link{}
			return Node{}, false, nil
		}
		v, err := r.value(ctx, ckv.Int64Value(prim.Object))
		if err != nil {
			return Node{}, false, err
		}
		l := Link{Node: NodeOf(v), Predicate: pred}
		r.first[key] = l
		return l.Node, true, nil
	}
	ls, err := r.links(ctx, quad.Subject, quad.Object, n, []Node{pred}, 1)
	if err != nil {
		return Node{}, false, err
	}
	if len(ls) == 0 {
		r.first[key] = Link{}
		return Node{}, false, nil
	}
	r.first[key] = ls[0]
	return ls[0].Node, true, nil
}

func (r *Reader) links(ctx context.Context, from, to quad.Direction, n Node, preds []Node, limit int) ([]Link, error) {
	ref, err := r.ref(ctx, n)
	if err != nil || ref == nil {
		return nil, err
	}
	var out []Link
	if len(preds) == 0 {
		err = r.scanDir(ctx, strings.ToLower(from.String()[:1])+" *", from, ref, nil, limit, func(q quadRefs) error {
			return r.appendLink(ctx, &out, q, to)
		})
		return out, err
	}
	for _, p := range preds {
		pref, err := r.ref(ctx, p)
		if err != nil {
			return nil, err
		}
		if pref == nil {
			continue
		}
		op := "out " + p.NQuad()
		if from == quad.Object {
			op = "in " + p.NQuad()
		}
		err = r.scanDir(ctx, op, from, ref, pref, limit, func(q quadRefs) error {
			return r.appendLink(ctx, &out, q, to)
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (r *Reader) appendLink(ctx context.Context, out *[]Link, q quadRefs, to quad.Direction) error {
	var l Link
	for _, d := range []struct {
		ref refs.Ref
		dst *Node
	}{{q.get(to), &l.Node}, {q.p, &l.Predicate}, {q.l, &l.Label}} {
		if d.ref == nil {
			continue
		}
		v, err := r.value(ctx, d.ref)
		if err != nil {
			return err
		}
		*d.dst = NodeOf(v)
	}
	*out = append(*out, l)
	return nil
}

// quadRefs is a quad as references.
type quadRefs struct{ s, p, o, l refs.Ref }

func (q quadRefs) get(d quad.Direction) refs.Ref {
	switch d {
	case quad.Subject:
		return q.s
	case quad.Predicate:
		return q.p
	case quad.Object:
		return q.o
	}
	return q.l
}

// scanDir reads the quads whose dir is ref and, if pred is not nil, whose
// predicate is pred: a prefix scan of (S,P) or (O,P,S) on bolt, else the
// node's quads in that direction, filtered.
func (r *Reader) scanDir(ctx context.Context, op string, dir quad.Direction, ref, pred refs.Ref, limit int, fn func(quadRefs) error) error {
	var sh iterator.Shape
	index := dirsKey([]quad.Direction{dir})
	ind := indexSP
	if dir == quad.Object {
		ind = indexOPS
	}
	if r.has(ind) {
		vals := []uint64{uint64(ref.(ckv.Int64Value))}
		if pred != nil {
			vals = append(vals, uint64(pred.(ckv.Int64Value)))
		}
		sh = ckv.IndexScan{Index: ind, Values: vals}.BuildIterator(r.qs)
		index = dirsKey(ind.Dirs)
	} else {
		sh = r.qs.QuadIterator(dir, ref)
	}
	return r.run(ctx, op, index, sh, limit, func(q quadRefs) bool {
		return pred == nil || refs.ToKey(q.p) == refs.ToKey(pred)
	}, fn)
}

// run iterates a shape of quads, keeps those keep accepts, and counts.
func (r *Reader) run(ctx context.Context, op, index string, sh iterator.Shape, limit int, keep func(quadRefs) bool, fn func(quadRefs) error) error {
	start := time.Now()
	st := r.Stats.step(op, index)
	st.Calls++
	rows0 := st.Rows
	defer func() { st.Time += time.Since(start) }()
	it := sh.Iterate()
	defer it.Close()
	for it.Next(ctx) {
		st.Quads++
		qr := it.Result()
		var q quadRefs
		for _, d := range []struct {
			dir quad.Direction
			dst *refs.Ref
		}{{quad.Subject, &q.s}, {quad.Predicate, &q.p}, {quad.Object, &q.o}, {quad.Label, &q.l}} {
			ref, err := r.qs.QuadDirection(qr, d.dir)
			if err != nil {
				return fmt.Errorf("reading store %s: %w", r.s, err)
			}
			*d.dst = ref
		}
		if !keep(q) {
			continue
		}
		st.Rows++
		if err := fn(q); err != nil {
			return err
		}
		if limit > 0 && st.Rows-rows0 >= limit {
			break
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("reading store %s: %w", r.s, err)
	}
	return ctx.Err()
}

// Labels lists the labels (documents) of the quads that have n as subject
// or object, without repeats and sorted as Gizmo's strings sort — what
// g.V(n).labels() gives, uniq'd and sorted.
func (r *Reader) Labels(ctx context.Context, n Node) ([]Node, error) {
	r.depBoth(n)
	ref, err := r.ref(ctx, n)
	if err != nil || ref == nil {
		return nil, err
	}
	seen := map[any]bool{}
	var out []Node
	for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
		err := r.scanDir(ctx, "labels", dir, ref, nil, 0, func(q quadRefs) error {
			if q.l == nil || seen[refs.ToKey(q.l)] {
				return nil
			}
			seen[refs.ToKey(q.l)] = true
			v, err := r.value(ctx, q.l)
			if err != nil {
				return err
			}
			out = append(out, NodeOf(v))
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	SortNodes(out)
	return out, nil
}

// Nodes calls fn for every node of the store: a scan of everything, for the
// lookups no index serves (a name matched ignoring case).
func (r *Reader) Nodes(ctx context.Context, fn func(Node) error) error {
	r.depAll = r.deps != nil
	start := time.Now()
	st := r.Stats.step("scan nodes", "all nodes")
	st.Calls++
	defer func() { st.Time += time.Since(start) }()
	it := r.qs.NodesAllIterator().Iterate()
	// (no index: every node)
	defer it.Close()
	for it.Next(ctx) {
		st.Quads++
		v, err := r.qs.NameOf(it.Result())
		if err != nil {
			return fmt.Errorf("reading store %s: %w", r.s, err)
		}
		if err := fn(NodeOf(v)); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("reading store %s: %w", r.s, err)
	}
	return ctx.Err()
}

// GizmoString is how Gizmo hands a node to scripts: "<iri>", "_:id", a plain
// string as is, other literals in N-Quads form. Gizmo's queries sort and
// compare nodes by it.
func (n Node) GizmoString() string {
	if n.Kind == LiteralNode && n.Datatype == "" && n.Lang == "" {
		return n.Value
	}
	return n.NQuad()
}

// SortNodes sorts nodes as a Gizmo script's sort() sorts their strings.
func SortNodes(ns []Node) {
	if len(ns) < 2 {
		return
	}
	// Each node's string once, not once a comparison; equal strings keep
	// their order (the index breaks the tie: a stable sort, in n log n).
	type keyed struct {
		key string
		i   int
		n   Node
	}
	ks := make([]keyed, len(ns))
	sorted := true
	for i, n := range ns {
		ks[i] = keyed{n.GizmoString(), i, n}
		if sorted && i > 0 && JSCompare(ks[i-1].key, ks[i].key) > 0 {
			sorted = false
		}
	}
	if sorted { // rows read in key order often are
		return
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if c := JSCompare(a.key, b.key); c != 0 {
			return c
		}
		return a.i - b.i
	})
	for i, k := range ks {
		ns[i] = k.n
	}
}

// JSLess orders strings as JavaScript does, by UTF-16 code units.
func JSLess(a, b string) bool { return JSCompare(a, b) < 0 }

// JSCompare compares strings as JavaScript's < does (UTF-16 code units);
// for text without characters beyond U+FFFF that is byte order.
//
// UTF-8's byte order is the order of code points; UTF-16's differs from it
// only where a character beyond U+FFFF (a surrogate pair, D800–DFFF) meets
// one of U+E000–U+FFFF: so only the first characters that differ are
// looked at.
func JSCompare(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	if i == len(a) || i == len(b) {
		return compareLen(len(a), len(b))
	}
	// Back to the start of the character that differs.
	for i > 0 && a[i]&0xC0 == 0x80 {
		i--
	}
	ca, cb := a[i], b[i]
	switch {
	case ca >= 0xF0 && (cb == 0xEE || cb == 0xEF):
		return -1 // a surrogate pair sorts before U+E000–U+FFFF
	case cb >= 0xF0 && (ca == 0xEE || ca == 0xEF):
		return 1
	}
	return strings.Compare(a[i:], b[i:])
}

func compareLen(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// jsCompareUnits is JSCompare by its definition (UTF-16 code units), for
// the tests.
func jsCompareUnits(a, b string) int { return slices.Compare(utf16Units(a), utf16Units(b)) }

func utf16Units(s string) []uint16 {
	var out []uint16
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			out = append(out, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
			continue
		}
		out = append(out, uint16(r))
	}
	return out
}

// ScriptValue turns a string as a Gizmo script would emit it into what Query
// returns for it: a Node for "<iri>" and the other node spellings, the string
// itself otherwise. Go implementations of library queries use it so that
// their rows equal the script's.
func ScriptValue(s string) any { return parseGizmoString(s) }

// Write writes the steps as a table: the plan a query
// followed, how many lookups and quads each step cost, and its time.
func (st *ReadStats) Write(b *strings.Builder) {
	// The INDEX column is as wide as its widest entry ("vnkg_timeline").
	w := len("INDEX")
	for _, s := range st.Steps {
		w = max(w, len(s.Index))
	}
	fmt.Fprintf(b, "%-6s %-*s %7s %8s %8s %10s\n", "STEP", w, "INDEX", "CALLS", "QUADS", "KEPT", "TIME")
	for i, s := range st.Steps {
		fmt.Fprintf(b, "%-6d %-*s %7d %8d %8d %10s  %s\n", i+1, w, s.Index, s.Calls, s.Quads, s.Rows, s.Time.Round(time.Microsecond), s.Op)
	}
	fmt.Fprintf(b, "total: %d lookups, %d quads read, %d nodes read\n", st.Calls(), st.Quads(), st.Nodes)
}

// ScriptNode is the value a Gizmo script holds for a node it read (with
// toArray, toValue or tagArray) and then emitted, as Query returns it: a Node
// for IRIs and most literals, a plain string for a plain string, a number or
// boolean where Cayley converts the literal to one. Go implementations of
// library queries use it so that their rows equal the script's.
func ScriptNode(n Node) any {
	v := toQuadValue(n)
	out := v.Native()
	if nv, ok := out.(quad.Value); ok && v == nv {
		return parseGizmoString(quad.StringOf(v))
	}
	return convertValue(out)
}

// Subjects returns the distinct subjects of the quads (?, pred, o), in the
// store's order. On bolt it reads the keys of the (O,P,S) index, one a
// subject however many documents state the quad, and confirms each with a
// live quad; elsewhere it reads the quads.
func (r *Reader) Subjects(ctx context.Context, o Node, preds ...Node) ([]Node, error) {
	r.depIn(o)
	if !r.has(indexOPS) {
		ls, err := r.In(ctx, o, preds...)
		if err != nil {
			return nil, err
		}
		var out []Node
		seen := map[Node]bool{}
		for _, l := range ls {
			if !seen[l.Node] {
				seen[l.Node] = true
				out = append(out, l.Node)
			}
		}
		return out, nil
	}
	oref, err := r.ref(ctx, o)
	if err != nil || oref == nil {
		return nil, err
	}
	var out []Node
	for _, p := range preds {
		pref, err := r.ref(ctx, p)
		if err != nil {
			return nil, err
		}
		if pref == nil {
			continue
		}
		subs, err := r.keys(ctx, "subjects of "+p.NQuad(), indexOPS, []uint64{uint64(oref.(ckv.Int64Value)), uint64(pref.(ckv.Int64Value))})
		if err != nil {
			return nil, err
		}
		for _, sid := range subs {
			v, err := r.value(ctx, ckv.Int64Value(sid))
			if err != nil {
				return nil, err
			}
			out = append(out, NodeOf(v))
		}
	}
	return out, nil
}

// keys lists the next direction's ids of the index keys under prefix vals
// that a live quad still holds (Cayley marks a deleted quad and leaves its
// index entry).
func (r *Reader) keys(ctx context.Context, op string, ind ckv.QuadIndex, vals []uint64) ([]uint64, error) {
	start := time.Now()
	st := r.Stats.step(op, dirsKey(ind.Dirs)+" keys")
	st.Calls++
	defer func() { st.Time += time.Since(start) }()
	var cands []uint64
	err := hkv.View(ctx, r.s.shared, func(tx hkv.Tx) error {
		it := tx.Scan(ctx, hopts.WithPrefixKV(ind.Key(vals)))
		defer it.Close()
		at := 8 * len(vals)
		for it.Next(ctx) {
			st.Quads++
			k := it.Key()
			b := k[len(k)-1]
			if len(b) < at+8 {
				continue
			}
			cands = append(cands, binary.BigEndian.Uint64(b[at:at+8]))
		}
		return it.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("reading store %s: %w", r.s, err)
	}
	var out []uint64
	for _, id := range cands {
		prim, err := r.firstLive(ctx, "confirm "+op, ind, append(slices.Clone(vals), id))
		if err != nil {
			return nil, err
		}
		if prim != nil {
			out = append(out, id)
		}
	}
	st.Rows += len(out)
	return out, nil
}

// HasQuad reports whether some document states (s, pred, o).
func (r *Reader) HasQuad(ctx context.Context, s, pred, o Node) (bool, error) {
	// The quads (s, pred, o) only (o's incoming side would be staled by
	// every quad naming o, a rank or a post that thousands of articles
	// name; s's outgoing side by every article about s).
	r.depQuad(s, pred, o)
	sref, err := r.ref(ctx, s)
	if err != nil || sref == nil {
		return false, err
	}
	pref, err := r.ref(ctx, pred)
	if err != nil || pref == nil {
		return false, err
	}
	oref, err := r.ref(ctx, o)
	if err != nil || oref == nil {
		return false, err
	}
	found := false
	if r.has(indexOPS) {
		prim, err := r.firstLive(ctx, "has "+pred.NQuad(), indexOPS, []uint64{id64(oref), id64(pref), id64(sref)})
		return prim != nil, err
	}
	err = r.scanDir(ctx, "has "+pred.NQuad(), quad.Subject, sref, pref, 0, func(q quadRefs) error {
		if refs.ToKey(q.o) == refs.ToKey(oref) {
			found = true
			return errStop
		}
		return nil
	})
	if err == errStop {
		err = nil
	}
	return found, err
}

// Objects returns the distinct objects of the quads (n, pred, ?) for each
// of preds in turn, in the index's order (what uniq(g.V(n).out(pred)) gives),
// reading each object's value once and no label.
func (r *Reader) Objects(ctx context.Context, n Node, preds ...Node) ([]Node, error) {
	r.depOut(n)
	ref, err := r.ref(ctx, n)
	if err != nil || ref == nil {
		return nil, err
	}
	var out []Node
	seen := map[any]bool{}
	for _, p := range preds {
		pref, err := r.ref(ctx, p)
		if err != nil {
			return nil, err
		}
		if pref == nil {
			continue
		}
		err = r.scanDir(ctx, "objects of "+p.NQuad(), quad.Subject, ref, pref, 0, func(q quadRefs) error {
			k := refs.ToKey(q.o)
			if seen[k] {
				return nil
			}
			seen[k] = true
			v, err := r.value(ctx, q.o)
			if err != nil {
				return err
			}
			out = append(out, NodeOf(v))
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// firstLive reads the exact index key vals (every direction of ind given)
// and returns the first live quad it lists, fetching quads one at a time:
// Cayley's iterator fetches a hundred at once, which for a node named in
// every article is a hundred quads read to learn one. ok is false if none.
func (r *Reader) firstLive(ctx context.Context, op string, ind ckv.QuadIndex, vals []uint64) (p *cproto.Primitive, err error) {
	start := time.Now()
	st := r.Stats.step(op, dirsKey(ind.Dirs))
	st.Calls++
	defer func() { st.Time += time.Since(start) }()
	if d := r.direct(ctx); d != nil {
		// The snapshot's buckets, read in place (rowread.go).
		list := d.get(ind.Key(vals))
		for len(list) > 0 {
			id, n := binary.Uvarint(list)
			if n <= 0 {
				return nil, fmt.Errorf("reading store %s: a malformed index entry", r.s)
			}
			list = list[n:]
			st.Quads++
			prim, err := d.liveQuad(id)
			if err != nil {
				return nil, fmt.Errorf("reading store %s: %w", r.s, err)
			}
			if prim != nil {
				st.Rows++
				return prim, nil
			}
		}
		return nil, nil
	}
	err = hkv.View(ctx, r.s.shared, func(tx hkv.Tx) error {
		list, err := tx.Get(ctx, ind.Key(vals))
		if errors.Is(err, hkv.ErrNotFound) {
			return nil
		} else if err != nil {
			return err
		}
		for len(list) > 0 {
			id, n := binary.Uvarint(list)
			if n <= 0 {
				return fmt.Errorf("a malformed index entry")
			}
			list = list[n:]
			st.Quads++
			prim, err := liveQuad(ctx, tx, id)
			if err != nil {
				return err
			}
			if prim == nil {
				continue
			}
			st.Rows++
			p = prim
			return nil
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading store %s: %w", r.s, err)
	}
	return p, nil
}

func id64(ref refs.Ref) uint64 { return uint64(ref.(ckv.Int64Value)) }

// liveQuad is the package's liveQuad in the snapshot's log bucket.
func (s *snap) liveQuad(id uint64) (*cproto.Primitive, error) {
	var idb [8]byte
	binary.BigEndian.PutUint64(idb[:], id)
	b := s.get(hkv.Key{[]byte("log"), idb[:]})
	if b == nil {
		return nil, nil
	}
	return decodeLive(b)
}

// liveQuad reads the quad with log id id from Cayley's log; nil when the log
// has no such entry or the quad is deleted (an index list keeps the ids of
// deleted quads).
func liveQuad(ctx context.Context, tx hkv.Tx, id uint64) (*cproto.Primitive, error) {
	var idb [8]byte
	binary.BigEndian.PutUint64(idb[:], id)
	b, err := tx.Get(ctx, hkv.Key{[]byte("log"), idb[:]})
	if errors.Is(err, hkv.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return decodeLive(b)
}

// decodeLive decodes a log entry; nil when its quad is deleted.
func decodeLive(b []byte) (*cproto.Primitive, error) {
	var prim cproto.Primitive
	if err := proto.Unmarshal(b, &prim); err != nil {
		return nil, err
	}
	if prim.Deleted {
		return nil, nil
	}
	return &prim, nil
}
