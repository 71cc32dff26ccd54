package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	hkv "github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
)

// Stored answers. A named query's answer for a hub (a post with thousands
// of holders, a resolution with thousands of events) costs thousands of
// lookups however the rows are read. The store can keep such answers whole:
// a query's rows for one node, in the answer's order, encoded in one value
// of the bucket vnkg_answers, so that the query is one read of contiguous
// pages and the decoding of its rows.
//
// A stored answer is kept exact incrementally (docs/queries.md):
//
//   - When it is computed, the Reader records every node its lookups start
//     from (Reader.TrackDeps: the start node, the events, posts, people and
//     documents the query then reads), each with what of it the lookup
//     read (Dep): its outgoing quads (Out, Objects, the fact rows of a
//     subject, the timeline rows), its incoming ones (In, Subjects, the
//     incoming fact rows), or only the first object of one predicate
//     (First of a name, an event's start or kind, a document's date: the
//     predicates whose first rows the store derives, firsts.go), or only
//     the quads (n, p, o) of one fact (HasQuad, HasFact, FactLabels, the
//     timeline rows that hold a post). Those are
//     its dependencies, kept in vnkg_answer_deps (kind, node[, predicate],
//     answer → {}) and vnkg_answer_depsof (answer → its dependencies). A
//     lookup of n's outgoing quads reads only quads with n as subject (and
//     rows derived from them), one of its incoming quads only quads with n
//     as object, a first object only the first row of (n, predicate); so
//     an answer can change only through a quad whose subject is one of its
//     out-dependencies, whose object is one of its in-dependencies, that
//     is one of its facts, or that changes one of its first rows.
//   - Every write (Store.applyDeltas) deletes, in the bolt transaction that
//     writes its quads and derived rows, the stored answers that depend on
//     the outgoing side of a subject of its quads, on the incoming side of
//     an object, on one of its quads' (s, p, o), or on a first row the
//     write changed (deriveFirsts says
//     which: a row written, added or removed; when the store keeps no
//     first rows, every (subject, predicate) pair of its quads), and
//     records them and the nodes it touched in vnkg_answers_dirty. An
//     article restates a rank's and a post's own name quads under its
//     label, so the rank is a subject of every article that names it; the
//     name's first row stays as it was, and the answers that show the
//     name only (every person-timeline with that rank) are kept. (With a
//     dependency on the node alone, one article staled 265 of 544 answers
//     at 100k; docs/queries.md.) A crash therefore never leaves a stale
//     answer: it is gone with the commit that staled it, and the query
//     reads the store until it is computed again; `vnkg rm` is a write
//     like any other (deriveFirsts brings a first row back to the next
//     document's value, which stales its readers only if the value
//     differs).
//   - UpdateAnswers (vnkg build and vnkg rm at their end) computes again the
//     answers the dirty set names, and the answers of the nodes it touched
//     that are hubs now (a new article that takes a node over the
//     threshold), writes them with their dependencies and empties the dirty
//     set, in one transaction that fails if the store changed meanwhile.
//     The other answers are kept.
//
// The answers are current while their marker (vnkg_meta answers2) holds the
// store's horizon, as the derived rows' markers do: a store written past
// vnkg, or made before, has none, and UpdateAnswers computes them all.

var (
	answersBucket = []byte("vnkg_answers")       // query \x00 node… → format, rows
	answerDeps    = []byte("vnkg_answer_deps")   // kind, node[, predicate], answer key → {}
	answerDepsOf  = []byte("vnkg_answer_depsof") // answer key → its dependencies, encoded
	answersDirty  = []byte("vnkg_answers_dirty") // "a" answer key, "n" node → {}
	// keyAnswersOK is the answers' marker. Its name changed with the
	// dependencies' kinds (session 11; before, "answers"): a store whose
	// answers an older vnkg kept has none current for this one, which
	// computes them all, and deletes the old marker, so that an older vnkg
	// does not take these answers' dependencies for its own.
	keyAnswersOK   = hkv.Key{[]byte("vnkg_meta"), []byte("answers2")}
	keyAnswersOld  = []byte("answers")
	depAllKey      = []byte{0} // the dependency of an answer that read every node (no node encodes so)
	dirtyAnswerTag = byte('a')
	dirtyNodeTag   = byte('n')
	depOutTag      = byte('o') // a dependency on a node's outgoing quads
	depInTag       = byte('i') // … on its incoming quads
	depFirstTag    = byte('f') // … on the first object of one of its predicates
	depQuadTag     = byte('q') // … on its quads with one predicate and object
)

// Dep is one dependency of a stored answer: a node and what of it the
// computation read — its outgoing quads (the quads with Node as subject),
// its incoming ones (In: the quads with Node as object), or, when Pred is
// set, only the first object of (Node, Pred) as Reader.First gives it (a
// name, an event's start or kind, a document's date: firstPreds, whose
// first rows the store derives, firsts.go), or, when Obj is set too, only
// the quads (Node, Pred, Obj) (HasQuad, HasFact, FactLabels, the timeline
// rows that hold a post).
type Dep struct {
	Node Node
	In   bool
	Pred Node
	Obj  Node
}

// depKey is d as the dependencies are keyed: its kind's tag, then the node
// (then the predicate, for a first object).
func depKey(d Dep) []byte {
	switch {
	case d.Pred != (Node{}) && d.Obj != (Node{}):
		k := append(append([]byte{depQuadTag}, nodeKey(d.Node)...), nodeKey(d.Pred)...)
		return append(k, nodeKey(d.Obj)...)
	case d.Pred != (Node{}):
		return append(append([]byte{depFirstTag}, nodeKey(d.Node)...), nodeKey(d.Pred)...)
	case d.In:
		return append([]byte{depInTag}, nodeKey(d.Node)...)
	}
	return append([]byte{depOutTag}, nodeKey(d.Node)...)
}

// Answer is a query's rows for one node, as UpdateAnswers stores them.
type Answer struct {
	Query string
	Node  Node
	Also  []Node   // the other nodes the answer is for (fact-sources: predicate, object)
	Rows  []Result // emitted values: maps of fields
	// Deps are the nodes the computation read from, each with the side it
	// read (Reader.TakeDeps), All that it read every node: what stales it.
	Deps []Dep
	All  bool
}

// AnswerStats is what UpdateAnswers did.
type AnswerStats struct {
	Full       bool          // every answer was computed (no current answers before)
	Recomputed int           // answers computed (stored or found under the threshold)
	Answers    int           // answers stored
	Dropped    int           // answers staled and not stored again (under the threshold now)
	Kept       int           // stored answers left as they were
	Rows       int           // the stored answers' rows
	Bytes      int           // their encoded size (keys and values, with their dependencies)
	Deps       int           // the dependencies written (node, answer)
	Time       time.Duration // computing and writing them
}

// AnswerWork is what UpdateAnswers asks to compute: every answer (Full),
// or the answers a write staled and the nodes it touched.
type AnswerWork struct {
	Full    bool
	Answers []Answer // query, node and also of each staled answer (no rows)
	Nodes   []Node   // the subjects and objects of the quads written since
}

// answerFormat is the version of the encoding, the value's first byte: an
// answer of another is not read.
const answerFormat byte = 5

// errAnswerValue is a row value the encoding does not know.
var errAnswerValue = errors.New("a value stored answers cannot hold")

// answerKey is query \x00, then each node as the answers encode a node.
func answerKey(query string, n Node, also []Node) []byte {
	k := append([]byte(query), 0)
	for _, m := range append([]Node{n}, also...) {
		k, _ = appendValue(k, m)
	}
	return k
}

// nodeKey is n as the answers encode a node (self-delimiting).
func nodeKey(n Node) []byte {
	k, _ := appendValue(nil, n)
	return k
}

// parseAnswerKey is answerKey's query and nodes.
func parseAnswerKey(k []byte) (query string, nodes []Node, err error) {
	i := slices.Index(k, 0)
	if i < 0 {
		return "", nil, fmt.Errorf("stored answer key %q: %w", k, errBadRow)
	}
	d := &answerDecoder{s: string(k[i+1:])}
	for d.i < len(d.s) && d.err == nil {
		n, ok := d.value(d.byte()).(Node)
		if !ok || d.err != nil {
			return "", nil, fmt.Errorf("stored answer key %q: %w", k, errBadRow)
		}
		nodes = append(nodes, n)
	}
	if len(nodes) == 0 {
		return "", nil, fmt.Errorf("stored answer key %q: %w", k, errBadRow)
	}
	return string(k[:i]), nodes, nil
}

// parseNodeKey reads one node as nodeKey encodes it, and the bytes after.
func parseNodeKey(k []byte) (Node, []byte, error) {
	d := &answerDecoder{s: string(k)}
	n, ok := d.value(d.byte()).(Node)
	if !ok || d.err != nil {
		return Node{}, nil, fmt.Errorf("answer dependency %q: %w", k, errBadRow)
	}
	return n, k[d.i:], nil
}

// depKeyLen is the length of the dependency at the start of b, as an
// answer's list of them holds it: depAllKey, or a kind's tag and a node
// (and a predicate).
func depKeyLen(b []byte) (int, error) {
	switch {
	case len(b) > 0 && b[0] == depAllKey[0]:
		return len(depAllKey), nil
	case len(b) > 0 && (b[0] == depOutTag || b[0] == depInTag):
		n, err := nodeKeyLen(b[1:])
		return 1 + n, err
	case len(b) > 0 && b[0] == depFirstTag:
		n, err := nodeKeyLen(b[1:])
		if err != nil {
			return 0, err
		}
		p, err := nodeKeyLen(b[1+n:])
		return 1 + n + p, err
	case len(b) > 0 && b[0] == depQuadTag:
		l := 1
		for range 3 {
			n, err := nodeKeyLen(b[l:])
			if err != nil {
				return 0, err
			}
			l += n
		}
		return l, nil
	}
	return 0, fmt.Errorf("answer dependency list: %w", errBadRow)
}

// nodeKeyLen is the length of the node nodeKey encoded at the start of b
// (without decoding it: a dependency list is thousands of them).
func nodeKeyLen(b []byte) (int, error) {
	if len(b) < 2 || b[0] != tagNode {
		return 0, fmt.Errorf("answer dependency list: %w", errBadRow)
	}
	i := 2
	for range 3 { // value, datatype, language
		n, k := binary.Uvarint(b[i:])
		if k <= 0 || n > uint64(len(b)-i-k) {
			return 0, fmt.Errorf("answer dependency list: %w", errBadRow)
		}
		i += k + int(n)
	}
	return i, nil
}

// depOut records, when the Reader tracks them, a read of the outgoing
// quads of each of ns (Out, First, Objects, a name, a date: what a quad
// with it as subject can change).
func (r *Reader) depOut(ns ...Node) {
	if r.deps == nil {
		return
	}
	for _, n := range ns {
		r.deps[Dep{Node: n}] = struct{}{}
	}
}

// depFirst records a read of the first object of (n, pred) and nothing
// else of n: Reader.First of a predicate the first rows hold. A write
// changes it only when it changes that row (deriveFirsts), which a quad
// restating the name a node has does not: every article that names a rank
// or a post restates the rank's and the post's name under its own label.
// Of another predicate, it is a read of n's outgoing quads.
func (r *Reader) depFirst(n, pred Node) {
	if r.deps == nil {
		return
	}
	if !isFirstPred(pred) {
		r.depOut(n)
		return
	}
	r.deps[Dep{Node: n, Pred: pred}] = struct{}{}
}

// depQuad records a read of the quads (s, pred, o) and nothing else of s:
// whether some document states them, which documents do. A write changes
// it only with a quad (s, pred, o).
func (r *Reader) depQuad(s, pred, o Node) {
	if r.deps == nil {
		return
	}
	r.deps[Dep{Node: s, Pred: pred, Obj: o}] = struct{}{}
}

// depIn records a read of the incoming quads of each of ns (In, Subjects,
// the incoming fact rows: what a quad with it as object can change).
func (r *Reader) depIn(ns ...Node) {
	if r.deps == nil {
		return
	}
	for _, n := range ns {
		r.deps[Dep{Node: n, In: true}] = struct{}{}
	}
}

// depBoth records a read of both sides of each of ns: of all its quads
// (Labels), or of whether and under which reference the store holds it
// (Has, SortByRef: the node comes and goes with its first and last quad,
// on either side).
func (r *Reader) depBoth(ns ...Node) {
	r.depOut(ns...)
	r.depIn(ns...)
}

// TrackDeps makes the Reader record the nodes its lookups start from, and
// the side of each they read, from now until TakeDeps.
func (r *Reader) TrackDeps() {
	r.deps = map[Dep]struct{}{}
	r.depAll = false
}

// TakeDeps returns the dependencies recorded since TrackDeps (all: a
// lookup read every node) and stops recording.
func (r *Reader) TakeDeps() (deps []Dep, all bool) {
	for d := range r.deps {
		deps = append(deps, d)
	}
	all = r.depAll
	r.deps, r.depAll = nil, false
	return deps, all
}

// StoredAnswer returns the stored rows of query for node n, ok only when
// they are current (see above); on other backends, outside a snapshot or
// when none is stored, ok is false and the caller computes the answer.
// The rows are shared with other asks of the same snapshot: read only
// (neither reorder nor change them; slicing and appending are safe).
func (r *Reader) StoredAnswer(ctx context.Context, query string, n Node, also ...Node) (rows []Result, ok bool, err error) {
	d := r.direct(ctx)
	if d == nil {
		return nil, false, nil
	}
	start := time.Now()
	b := d.bucket(answersBucket)
	if b == nil {
		return nil, false, nil
	}
	v := b.Get(answerKey(query, n, also))
	if v == nil {
		return nil, false, nil
	}
	st := r.Stats.step("stored answer of "+query, "vnkg_answers")
	st.Calls++
	defer func() { st.Time += time.Since(start) }()
	cur, err := r.rowsOK(ctx, keyAnswersOK)
	if err != nil {
		return nil, false, fmt.Errorf("reading the stored answers of %s: %w", r.s, err)
	}
	if !cur || len(v) < 1 || v[0] != answerFormat {
		r.Stats.step("stored answer of "+query+": not current (the store was written past vnkg)", "vnkg_answers").Calls++
		return nil, false, nil
	}
	key := string(answerKey(query, n, also))
	txid := uint64(d.btx.ID())
	if rows, ok = r.s.answers.get(key, txid); !ok {
		rows, err = decodeAnswer(v[1:])
		if err != nil {
			// Not what this version writes: computed instead.
			r.Stats.step("stored answer of "+query+": unreadable ("+err.Error()+")", "vnkg_answers").Calls++
			return nil, false, nil
		}
		r.s.answers.put(key, txid, rows)
	}
	// Shared with every ask of this snapshot, not copied: a copy of a hub's
	// row slice (24 bytes a row, 280 KB for 11,669 rows) was the spread of a
	// repeated ask — a fresh large allocation whose pages the runtime had
	// given back, faulted in again one by one (bench/RESULTS.md, session 9).
	// Clipped, so that an append copies rather than writes into the cache.
	rows = slices.Clip(rows)
	st.Quads += len(rows)
	st.Rows += len(rows)
	return rows, true, nil
}

// HasStoredAnswer reports whether the store holds a current answer of
// query for n (and also), without reading it.
func (r *Reader) HasStoredAnswer(ctx context.Context, query string, n Node, also ...Node) (bool, error) {
	d := r.direct(ctx)
	if d == nil {
		return false, nil
	}
	b := d.bucket(answersBucket)
	if b == nil {
		return false, nil
	}
	v := b.Get(answerKey(query, n, also))
	if len(v) < 1 || v[0] != answerFormat {
		return false, nil
	}
	return r.rowsOK(ctx, keyAnswersOK)
}

// answerCache keeps the last decoded stored answers of a Store, each for
// the snapshot it was read in (its bolt transaction id: any commit since
// makes it unused). Decoding a hub's answer allocates some 400 bytes a row
// (a map a row); a viewer or a script that asks the same hub again would
// otherwise pay it, and the collections it causes, every time — the spread
// of the hubs' p99 (bench/RESULTS.md, session 8).
type answerCache struct {
	mu      sync.Mutex
	entries map[string]cachedAnswer
}

type cachedAnswer struct {
	txid uint64
	rows []Result
}

// answerCacheSize is how many decoded answers a Store keeps at most.
const answerCacheSize = 32

func (c *answerCache) get(key string, txid uint64) ([]Result, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || e.txid != txid {
		return nil, false
	}
	return e.rows, true
}

func (c *answerCache) put(key string, txid uint64, rows []Result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= answerCacheSize {
		c.entries = make(map[string]cachedAnswer, answerCacheSize)
	}
	c.entries[key] = cachedAnswer{txid, rows}
}

// answersBefore reports, in the open shared transaction before a write,
// whether the stored answers are current (then the write stales those it
// touches; else there is nothing to keep).
func (s *Store) answersBefore() (bool, error) {
	if s.shared == nil || s.shared.tx == nil {
		return false, nil
	}
	return markerCurrent(context.Background(), s.shared.tx, keyAnswersOK)
}

// staleAnswers deletes, in the open shared transaction after deltas were
// applied and the first rows derived (firsts: which changed), the stored
// answers that depend on the outgoing side of a subject of the deltas'
// quads, on the incoming side of an object or on a first row that changed,
// records them and those nodes in the dirty set, and marks the answers
// current again (the rest are exact for the store as written).
func (s *Store) staleAnswers(deltas []cgraph.Delta, current bool, firsts firstChanges) error {
	if s.shared == nil || s.shared.tx == nil || !current || len(deltas) == 0 {
		return nil
	}
	btx := boltTxOf(s.shared.tx)
	if btx == nil || !btx.Writable() {
		return nil
	}
	touched := map[string]bool{} // the nodes, for the update's look at new hubs
	sides := map[string]bool{}   // the dependencies the quads change
	for _, d := range deltas {
		if q := d.Quad; q.Subject != nil && q.Predicate != nil && q.Object != nil {
			sides[string(depKey(Dep{Node: NodeOf(q.Subject), Pred: NodeOf(q.Predicate), Obj: NodeOf(q.Object)}))] = true
		}
		if v := d.Quad.Subject; v != nil {
			n := NodeOf(v)
			touched[string(nodeKey(n))] = true
			sides[string(depKey(Dep{Node: n}))] = true
		}
		if v := d.Quad.Object; v != nil {
			n := NodeOf(v)
			touched[string(nodeKey(n))] = true
			sides[string(depKey(Dep{Node: n, In: true}))] = true
		}
	}
	// The first objects the write changed; every pair its quads touch when
	// the store keeps no first rows to tell.
	pairs := firsts.pairs
	if !firsts.known {
		pairs = firstPairs(deltas)
	}
	for _, d := range pairs {
		sides[string(depKey(d))] = true
	}
	dirty, err := btx.CreateBucketIfNotExists(answersDirty)
	if err != nil {
		return fmt.Errorf("staling the stored answers of %s: %w", s, err)
	}
	answers := btx.Bucket(answersBucket)
	deps := btx.Bucket(answerDeps)
	stale := func(prefix []byte) error {
		if deps == nil {
			return nil
		}
		c := deps.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			ak := k[len(prefix):]
			if answers != nil && answers.Get(ak) != nil {
				if err := answers.Delete(ak); err != nil {
					return err
				}
			}
			if err := dirty.Put(append([]byte{dirtyAnswerTag}, ak...), nil); err != nil {
				return err
			}
		}
		return nil
	}
	for _, k := range slices.Sorted(maps.Keys(sides)) {
		if err := stale([]byte(k)); err != nil {
			return fmt.Errorf("staling the stored answers of %s: %w", s, err)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(touched)) {
		if err := dirty.Put(append([]byte{dirtyNodeTag}, k...), nil); err != nil {
			return fmt.Errorf("staling the stored answers of %s: %w", s, err)
		}
	}
	if err := stale(depAllKey); err != nil {
		return fmt.Errorf("staling the stored answers of %s: %w", s, err)
	}
	return markCurrent(context.Background(), s.shared.tx, keyAnswersOK)
}

// UpdateAnswers brings the stored answers up to date: compute is given
// what to compute (AnswerWork) and a snapshot of the store (its context),
// and puts each answer it computes with its dependencies (an answer it
// does not put is not stored: under the threshold now). When the answers
// are current and nothing was written since the last update, it does
// nothing. It writes in a transaction of its own, which fails if the store
// changed meanwhile. It does nothing on a store opened read-only, on other
// backends or inside a write.
func (s *Store) UpdateAnswers(ctx context.Context, compute func(ctx context.Context, work AnswerWork, put func(Answer) error) error) (AnswerStats, error) {
	var st AnswerStats
	if s.bdb == nil || s.bdb.IsReadOnly() || s.shared == nil || s.shared.tx != nil {
		return st, nil
	}
	start := time.Now()
	// The answers read pages all over the file: give them back as the
	// build's writes do (release_linux.go), so that the process's resident
	// size does not grow with the store.
	defer s.releaseWhileWriting()()
	sctx, end, err := s.Snapshot(ctx)
	if err != nil {
		return st, err
	}
	var (
		seen   uint64
		work   AnswerWork
		stored int
	)
	d := (&Reader{s: s}).direct(sctx)
	if d == nil {
		end()
		return st, nil
	}
	seen = uint64(d.btx.ID())
	cur, err := markerCurrent(sctx, d.tx, keyAnswersOK)
	if err != nil {
		end()
		return st, fmt.Errorf("reading the stored answers of %s: %w", s, err)
	}
	if b := d.bucket(answersBucket); b != nil {
		stored = countKeys(b)
		// Answers of another format (an older vnkg wrote them all again
		// after this one marked them): their dependencies are not this
		// format's either, so none can be kept.
		if _, v := b.Cursor().First(); v != nil && (len(v) < 1 || v[0] != answerFormat) {
			cur = false
		}
	}
	work.Full = !cur
	if cur {
		if b := d.bucket(answersDirty); b != nil {
			err = b.ForEach(func(k, _ []byte) error {
				switch {
				case len(k) > 0 && k[0] == dirtyAnswerTag:
					q, nodes, err := parseAnswerKey(k[1:])
					if err != nil {
						return err
					}
					work.Answers = append(work.Answers, Answer{Query: q, Node: nodes[0], Also: nodes[1:]})
				case len(k) > 0 && k[0] == dirtyNodeTag:
					n, _, err := parseNodeKey(k[1:])
					if err != nil {
						return err
					}
					work.Nodes = append(work.Nodes, n)
				}
				return nil
			})
			if err != nil {
				end()
				return st, fmt.Errorf("reading the stale answers of %s: %w", s, err)
			}
		}
		if len(work.Answers) == 0 && len(work.Nodes) == 0 {
			end()
			st.Kept = stored
			return st, nil
		}
		// When most answers are stale (a large build touches the hubs
		// in every batch), computing them all is cheaper than the
		// dependencies' bookkeeping and the look at every touched node.
		// (The staled ones are no longer in the bucket: most are stale
		// when they outnumber those left.)
		if len(work.Answers) > stored {
			work = AnswerWork{Full: true}
		}
	}
	if work.Full {
		return s.updateAllAnswers(sctx, end, seen, compute, start)
	}
	type answerVal struct {
		k, v []byte
		deps [][]byte
	}
	var vals []answerVal
	recomputed := map[string]bool{}
	err = compute(sctx, work, func(a Answer) error {
		k, v, err := storedAnswerOnce(recomputed, a)
		if err != nil || k == nil {
			return err
		}
		av := answerVal{k: k, v: v}
		av.deps = a.depKeys()
		vals = append(vals, av)
		st.Answers++
		st.Rows += len(a.Rows)
		return nil
	})
	end()
	if err != nil {
		return st, fmt.Errorf("computing the stored answers of %s: %w", s, err)
	}
	slices.SortFunc(vals, func(a, b answerVal) int { return bytes.Compare(a.k, b.k) })
	err = s.bdb.Update(func(tx *bolt.Tx) error {
		if uint64(tx.ID()) != seen+1 {
			return fmt.Errorf("the store changed while its answers were computed")
		}
		if work.Full {
			for _, name := range [][]byte{answersBucket, answerDeps, answerDepsOf, answersDirty} {
				if tx.Bucket(name) != nil {
					if err := tx.DeleteBucket(name); err != nil {
						return err
					}
				}
			}
		}
		answers, err := tx.CreateBucketIfNotExists(answersBucket)
		if err != nil {
			return err
		}
		deps, err := tx.CreateBucketIfNotExists(answerDeps)
		if err != nil {
			return err
		}
		depsOf, err := tx.CreateBucketIfNotExists(answerDepsOf)
		if err != nil {
			return err
		}
		if work.Full {
			answers.FillPercent = 1 // written once, in key order
		}
		// Drop every staled or recomputed answer with its dependencies,
		// then store what was computed.
		drop := func(k []byte) error {
			if old := depsOf.Get(k); old != nil {
				for rest := old; len(rest) > 0; {
					l, err := depKeyLen(rest)
					if err != nil {
						return err
					}
					var n []byte
					n, rest = rest[:l], rest[l:]
					if err := deps.Delete(append(append([]byte(nil), n...), k...)); err != nil {
						return err
					}
				}
				if err := depsOf.Delete(k); err != nil {
					return err
				}
			}
			if answers.Get(k) != nil {
				return answers.Delete(k)
			}
			return nil
		}
		for _, a := range work.Answers {
			k := answerKey(a.Query, a.Node, a.Also)
			if err := drop(k); err != nil {
				return err
			}
			if !recomputed[string(k)] {
				st.Dropped++
			}
		}
		for _, e := range vals {
			if err := drop(e.k); err != nil {
				return err
			}
		}
		var depKeys [][]byte
		for _, e := range vals {
			if err := answers.Put(e.k, e.v); err != nil {
				return err
			}
			var all []byte
			for _, n := range e.deps {
				all = append(all, n...)
				depKeys = append(depKeys, append(append([]byte(nil), n...), e.k...))
			}
			if err := depsOf.Put(e.k, all); err != nil {
				return err
			}
			st.Bytes += len(e.k) + len(e.v) + len(all)
		}
		// In key order: bolt writes a sorted run into pages it fills.
		slices.SortFunc(depKeys, bytes.Compare)
		for _, k := range depKeys {
			if err := deps.Put(k, nil); err != nil {
				return err
			}
		}
		st.Deps = len(depKeys)
		if tx.Bucket(answersDirty) != nil {
			if err := tx.DeleteBucket(answersDirty); err != nil {
				return err
			}
		}
		st.Kept = countKeys(answers) - len(vals)
		return markAnswersCurrent(tx)
	})
	if err != nil {
		return AnswerStats{}, fmt.Errorf("writing the stored answers of %s: %w", s, err)
	}
	st.Full = work.Full
	st.Recomputed = len(recomputed) + st.Dropped
	st.Time = time.Since(start)
	return st, nil
}

// countKeys is how many keys b holds (Bucket.Stats does not see a write
// transaction's own changes).
func countKeys(b *bolt.Bucket) int {
	n := 0
	c := b.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		n++
	}
	return n
}

// markAnswersCurrent is markCurrent of the answers' marker in a bolt
// transaction of UpdateAnswers' own.
func markAnswersCurrent(tx *bolt.Tx) error {
	var h []byte
	if m := tx.Bucket(keyHorizon[0]); m != nil {
		h = append(h, m.Get(keyHorizon[1])...)
	}
	b, err := tx.CreateBucketIfNotExists(keyAnswersOK[0])
	if err != nil {
		return err
	}
	if b.Get(keyAnswersOld) != nil {
		if err := b.Delete(keyAnswersOld); err != nil {
			return err
		}
	}
	return b.Put(keyAnswersOK[1], append([]byte{}, h...))
}

// StoredAnswers lists the current stored answers (for checks: each against
// its recomputation).
func (s *Store) StoredAnswers(ctx context.Context) ([]Answer, error) {
	sctx, end, err := s.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	defer end()
	d := (&Reader{s: s}).direct(sctx)
	if d == nil {
		return nil, nil
	}
	b := d.bucket(answersBucket)
	if b == nil {
		return nil, nil
	}
	if cur, err := markerCurrent(sctx, d.tx, keyAnswersOK); err != nil || !cur {
		return nil, err
	}
	var out []Answer
	err = b.ForEach(func(k, v []byte) error {
		if len(v) < 1 || v[0] != answerFormat {
			return nil
		}
		query, nodes, err := parseAnswerKey(k)
		if err != nil {
			return err
		}
		rows, err := decodeAnswer(v[1:])
		if err != nil {
			return fmt.Errorf("stored answer %q: %w", k, err)
		}
		out = append(out, Answer{Query: query, Node: nodes[0], Also: nodes[1:], Rows: rows})
		return nil
	})
	return out, err
}

// The encoding of an answer's rows: the column names (every field of any
// row, sorted); the distinct values of the answer's fields, each tagged
// (a date or a name that many rows show is stored and decoded once); then
// each row as one number a column: 0 for a field the row lacks, else 1 +
// the index of its value.
const (
	tagAbsent byte = iota
	tagNil
	tagString
	tagInt
	tagFloat
	tagFalse
	tagTrue
	tagNode
	tagList
)

func encodeAnswer(rows []Result) ([]byte, error) {
	var cols []string
	seen := map[string]bool{}
	for _, r := range rows {
		f, ok := r.Value.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%w: a row that is not an object (%T)", errAnswerValue, r.Value)
		}
		for k := range f {
			if !seen[k] {
				seen[k] = true
				cols = append(cols, k)
			}
		}
	}
	slices.Sort(cols)
	var vals []byte // the distinct values, encoded
	nvals := 0
	index := map[string]int{}
	var refs []byte
	var one []byte
	for _, r := range rows {
		f := r.Value.(map[string]any)
		for _, c := range cols {
			v, ok := f[c]
			if !ok {
				refs = binary.AppendUvarint(refs, 0)
				continue
			}
			var err error
			if one, err = appendValue(one[:0], v); err != nil {
				return nil, err
			}
			i, ok := index[string(one)]
			if !ok {
				i = nvals
				nvals++
				index[string(one)] = i
				vals = append(vals, one...)
			}
			refs = binary.AppendUvarint(refs, uint64(i)+1)
		}
	}
	b := binary.AppendUvarint(nil, uint64(len(cols)))
	for _, c := range cols {
		b = appendString(b, c)
	}
	b = binary.AppendUvarint(b, uint64(nvals))
	b = append(b, vals...)
	b = binary.AppendUvarint(b, uint64(len(rows)))
	return append(b, refs...), nil
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendValue(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, tagNil), nil
	case string:
		return appendString(append(b, tagString), v), nil
	case int64:
		return binary.AppendVarint(append(b, tagInt), v), nil
	case float64:
		return binary.BigEndian.AppendUint64(append(b, tagFloat), math.Float64bits(v)), nil
	case bool:
		if v {
			return append(b, tagTrue), nil
		}
		return append(b, tagFalse), nil
	case Node:
		b = append(b, tagNode, byte(v.Kind))
		return appendString(appendString(appendString(b, v.Value), v.Datatype), v.Lang), nil
	case []any:
		b = binary.AppendUvarint(append(b, tagList), uint64(len(v)))
		for _, e := range v {
			var err error
			if b, err = appendValue(b, e); err != nil {
				return nil, err
			}
		}
		return b, nil
	}
	return nil, fmt.Errorf("%w: %T", errAnswerValue, v)
}

// answerDecoder reads an encoded answer from one string, so that the
// strings of its rows are parts of it (one copy of the stored bytes).
type answerDecoder struct {
	s   string
	i   int
	err error
}

func (d *answerDecoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := uvarintString(d.s[d.i:])
	if n <= 0 {
		d.err = errBadRow
		return 0
	}
	d.i += n
	return v
}

func uvarintString(s string) (uint64, int) {
	var x uint64
	var sh uint
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		c := s[i]
		if c < 0x80 {
			return x | uint64(c)<<sh, i + 1
		}
		x |= uint64(c&0x7f) << sh
		sh += 7
	}
	return 0, 0
}

func (d *answerDecoder) str() string {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.s)-d.i) {
		d.err = errBadRow
		return ""
	}
	s := d.s[d.i : d.i+int(n)]
	d.i += int(n)
	return s
}

func (d *answerDecoder) byte() byte {
	if d.err != nil || d.i >= len(d.s) {
		d.err = errBadRow
		return 0
	}
	c := d.s[d.i]
	d.i++
	return c
}

func (d *answerDecoder) value(tag byte) any {
	switch tag {
	case tagNil:
		return nil
	case tagString:
		return d.str()
	case tagInt:
		u := d.uvarint()
		return int64(u>>1) ^ -int64(u&1) // zig-zag, as binary.AppendVarint
	case tagFloat:
		if d.err != nil || len(d.s)-d.i < 8 {
			d.err = errBadRow
			return nil
		}
		u := binary.BigEndian.Uint64([]byte(d.s[d.i : d.i+8]))
		d.i += 8
		return math.Float64frombits(u)
	case tagFalse:
		return false
	case tagTrue:
		return true
	case tagNode:
		k := NodeKind(d.byte())
		return Node{Kind: k, Value: d.str(), Datatype: d.str(), Lang: d.str()}
	case tagList:
		n := d.uvarint()
		if d.err != nil || n > uint64(len(d.s)) {
			d.err = errBadRow
			return nil
		}
		l := make([]any, n)
		for i := range l {
			l[i] = d.value(d.byte())
		}
		return l
	}
	d.err = errBadRow
	return nil
}

func decodeAnswer(b []byte) ([]Result, error) {
	d := &answerDecoder{s: string(b)}
	ncols := d.uvarint()
	if d.err != nil || ncols > uint64(len(b)) {
		return nil, errBadRow
	}
	cols := make([]string, ncols)
	for i := range cols {
		cols[i] = d.str()
	}
	nvals := d.uvarint()
	if d.err != nil || nvals > uint64(len(b)) {
		return nil, errBadRow
	}
	vals := make([]any, nvals)
	for i := range vals {
		vals[i] = d.value(d.byte())
	}
	nrows := d.uvarint()
	if d.err != nil || nrows > uint64(len(b)) && (ncols > 0 || nrows > 1<<16) {
		return nil, errBadRow
	}
	rows := make([]Result, nrows)
	for i := range rows {
		f := make(map[string]any, len(cols))
		for _, c := range cols {
			ref := d.uvarint()
			if ref == 0 || d.err != nil {
				continue
			}
			if ref > uint64(len(vals)) {
				return nil, errBadRow
			}
			f[c] = vals[ref-1]
		}
		if d.err != nil {
			return nil, d.err
		}
		rows[i] = Result{Value: f}
	}
	if d.i != len(d.s) {
		return nil, errBadRow
	}
	return rows, nil
}

// depKeys are a's dependencies as the dependencies' bucket keys them (each
// followed there by the answer's key): depAllKey first if it read every
// node.
func (a Answer) depKeys() [][]byte {
	var keys [][]byte
	if a.All {
		keys = append(keys, depAllKey)
	}
	for _, d := range a.Deps {
		keys = append(keys, depKey(d))
	}
	return keys
}

// storedAnswerOnce encodes an answer as stored (format byte first) under its
// key, and marks the key recomputed; a key computed already in this update
// gives a nil key (a computation may yield the same answer twice).
func storedAnswerOnce(recomputed map[string]bool, a Answer) (k, v []byte, err error) {
	rows, err := encodeAnswer(a.Rows)
	if err != nil {
		return nil, nil, fmt.Errorf("storing the answer of %s for %s: %w", a.Query, a.Node.NQuad(), err)
	}
	k = answerKey(a.Query, a.Node, a.Also)
	if recomputed[string(k)] {
		return nil, nil, nil
	}
	recomputed[string(k)] = true
	return k, append([]byte{answerFormat}, rows...), nil
}
