package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hopts "github.com/hidal-go/hidalgo/kv/options"

	"github.com/vnkg/vnkg/graph/vocab"
)

// Derived fact rows: for each node and each distinct (predicate, other node)
// it is linked by, in either direction, one row holding how many quads
// (documents) state that fact; and for each node, predicate and direction a
// summary row holding how many distinct facts and how many quads it has. A
// node's facts are then read as what they are — distinct (subject,
// predicate, object) with their number of articles — a page at a time,
// however many articles state them, and the viewer's entity, neighbourhood
// and timeline answers cost what they show.
//
// The rows are kept in the transaction that writes the quads
// (Store.applyDeltas): every added quad adds one to its fact's count in
// both directions, every deleted one takes one away. Cayley's write either
// applies each delta or fails the whole transaction (it refuses a quad that
// exists and a deletion of one that does not; it drops a repeat within one
// write, and so do the rows), so the counts follow the quads exactly: a
// crash leaves both or neither, `vnkg rm` takes a document's counts away.
// CheckFacts compares them with a recomputation.
//
// What the rows leave out: schema:articleBody (the text, read with the
// article), the incoming side of rdf:type (a class's members: every
// entity), the incoming side of a literal, and literals longer than
// maxFactLiteral bytes. Like the timeline rows, the rows are current when
// their marker holds the store's horizon; a store written past vnkg (or made
// before the rows existed) gets them rebuilt when vnkg next opens it for
// writing, and until then the readers say so (ok false) and callers take the
// quads' path.
var (
	factsBucket = []byte("vnkg_facts")    // node \x00 dir pred \x00 other → quads
	factSums    = []byte("vnkg_factsums") // node \x00 dir pred → facts, quads
	keyFactsOK  = hkv.Key{[]byte("vnkg_meta"), []byte("facts")}

	factBody = quad.IRI(vocab.ArticleBody)
	factType = quad.IRI(vocab.Type)
)

// maxFactLiteral bounds the literals the rows hold (bolt's keys are at most
// 32 KiB).
const maxFactLiteral = 8 << 10

// MaxFactLiteral is maxFactLiteral, for callers that must know which
// literals the fact rows leave out.
const MaxFactLiteral = maxFactLiteral

const (
	dirOut = '>'
	dirIn  = '<'
)

// FactGroup is one predicate of a node's facts in one direction: In when
// the node is the object.
type FactGroup struct {
	Predicate Node
	In        bool
	Facts     int // distinct (subject, predicate, object)
	Quads     int // quads stating them (one a document)
}

// Fact is a distinct (subject, predicate, object) seen from one of its
// nodes: the node at the other end and how many quads state it.
type Fact struct {
	Predicate Node
	In        bool
	Other     Node
	Quads     int
	cursor    string
}

func dirByte(in bool) byte {
	if in {
		return dirIn
	}
	return dirOut
}

// factRowKeys are the keys of a quad's fact rows (one or two) and of their
// summaries; none if the rows leave it out.
func factRowKeys(q quad.Quad) (facts, sums []string) {
	if q.Predicate == factBody || q.Subject == nil || q.Object == nil || q.Predicate == nil {
		return nil, nil
	}
	s, p, o := NodeOf(q.Subject), NodeOf(q.Predicate), NodeOf(q.Object)
	if o.Kind == LiteralNode && len(o.Value) > maxFactLiteral {
		return nil, nil
	}
	sq, pq := s.NQuad(), p.NQuad()
	out := sq + "\x00" + string(dirOut) + pq
	facts = append(facts, out+"\x00"+string(appendNode(nil, o)))
	sums = append(sums, out)
	if o.Kind != LiteralNode && q.Predicate != factType {
		in := o.NQuad() + "\x00" + string(dirIn) + pq
		facts = append(facts, in+"\x00"+string(appendNode(nil, s)))
		sums = append(sums, in)
	}
	return facts, sums
}

// factsBefore reports, in the open shared transaction before a write,
// whether the fact rows are current.
func (s *Store) factsBefore() (bool, error) {
	if s.shared == nil || s.shared.tx == nil {
		return false, nil
	}
	return markerCurrent(context.Background(), s.shared.tx, keyFactsOK)
}

// deriveFacts adds the deltas' quads to the fact counts, in the open shared
// transaction after the deltas were applied, and marks the rows current if
// they were before.
func (s *Store) deriveFacts(ctx context.Context, deltas []cgraph.Delta, current bool) error {
	if s.shared == nil || s.shared.tx == nil || !current {
		return nil
	}
	type seenKey struct {
		a cgraph.Procedure
		q quad.Quad
	}
	seen := make(map[seenKey]bool, len(deltas))
	counts := map[string]int{}
	for _, d := range deltas {
		k := seenKey{d.Action, d.Quad}
		if seen[k] {
			continue // Cayley drops a repeat within one write
		}
		seen[k] = true
		inc := 1
		if d.Action == cgraph.Delete {
			inc = -1
		}
		fs, _ := factRowKeys(d.Quad)
		for _, f := range fs {
			counts[f] += inc
		}
	}
	if err := s.addFactCounts(ctx, s.shared.tx, counts, false); err != nil {
		return fmt.Errorf("writing the fact rows of %s: %w", s, err)
	}
	return markCurrent(ctx, s.shared.tx, keyFactsOK)
}

var errFactsInconsistent = errors.New("a fact count went below zero")

// addFactCounts adds counts (fact key → change) to the fact rows and their
// summaries, in key order. fresh says the rows are empty (a rebuild): no
// reads.
func (s *Store) addFactCounts(ctx context.Context, tx hkv.Tx, counts map[string]int, fresh bool) error {
	keys := make([]string, 0, len(counts))
	for k, d := range counts {
		if d != 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	rows := newRowTx(tx)
	type sum struct{ facts, quads int }
	sums := map[string]*sum{}
	var sumOrder []string
	var buf []byte
	for i, k := range keys {
		d := counts[k]
		key := hkv.Key{factsBucket, []byte(k)}
		old := 0
		if !fresh {
			v, err := rows.get(ctx, key)
			switch {
			case errors.Is(err, hkv.ErrNotFound):
			case err != nil:
				return err
			default:
				n, w := binary.Uvarint(v)
				if w <= 0 {
					return fmt.Errorf("fact row %q: %w", k, errBadRow)
				}
				old = int(n)
			}
		}
		now := old + d
		if now < 0 {
			return fmt.Errorf("fact row %q: %w", k, errFactsInconsistent)
		}
		if now == 0 {
			if err := rows.del(ctx, key); err != nil && !errors.Is(err, hkv.ErrNotFound) {
				return err
			}
		} else {
			buf = binary.AppendUvarint(buf[:0], uint64(now))
			if err := rows.put(ctx, key, slices.Clone(buf)); err != nil {
				return err
			}
		}
		sk := k[:len(k)-len(otherPart(k))-1]
		sm := sums[sk]
		if sm == nil {
			sm = &sum{}
			sums[sk] = sm
			sumOrder = append(sumOrder, sk)
		}
		sm.quads += d
		switch {
		case old == 0 && now > 0:
			sm.facts++
		case old > 0 && now == 0:
			sm.facts--
		}
		if i%(releaseEvery*8) == releaseEvery*8-1 {
			s.releaseMapped()
		}
	}
	slices.Sort(sumOrder)
	for _, sk := range sumOrder {
		sm := sums[sk]
		key := hkv.Key{factSums, []byte(sk)}
		var facts, quads int
		if !fresh {
			v, err := rows.get(ctx, key)
			switch {
			case errors.Is(err, hkv.ErrNotFound):
			case err != nil:
				return err
			default:
				f, q, err := decodeFactSum(v)
				if err != nil {
					return fmt.Errorf("fact summary %q: %w", sk, err)
				}
				facts, quads = f, q
			}
		}
		facts += sm.facts
		quads += sm.quads
		if facts < 0 || quads < 0 || (facts == 0) != (quads == 0) {
			return fmt.Errorf("fact summary %q: %w", sk, errFactsInconsistent)
		}
		if facts == 0 {
			if err := rows.del(ctx, key); err != nil && !errors.Is(err, hkv.ErrNotFound) {
				return err
			}
			continue
		}
		v := binary.AppendUvarint(nil, uint64(facts))
		v = binary.AppendUvarint(v, uint64(quads))
		if err := rows.put(ctx, key, v); err != nil {
			return err
		}
	}
	return nil
}

// otherPart is the encoded other node at the end of a fact key: what
// follows the "\x00" after the direction and predicate. The predicate's
// N-Quads form holds no NUL, so it is what follows the second NUL.
func otherPart(k string) string {
	i := strings.IndexByte(k, 0)
	j := strings.IndexByte(k[i+1:], 0)
	return k[i+1+j+1:]
}

func decodeFactSum(v []byte) (facts, quads int, err error) {
	f, n := binary.Uvarint(v)
	if n <= 0 {
		return 0, 0, errBadRow
	}
	q, m := binary.Uvarint(v[n:])
	if m <= 0 || n+m != len(v) {
		return 0, 0, errBadRow
	}
	return int(f), int(q), nil
}

// ensureFacts rebuilds the fact rows of a store whose rows are not current,
// from every quad. The counts are gathered by node ids first (one read of
// every quad, no values), then written in key order in transactions of
// factChunk rows; the marker is written last, so a crash on the way leaves
// the rows not current and the next open starts again.
func (s *Store) ensureFacts(ctx context.Context) error {
	if s.shared == nil {
		return nil
	}
	cur := false
	err := hkv.View(ctx, s.shared, func(tx hkv.Tx) error {
		var err error
		cur, err = markerCurrent(ctx, tx, keyFactsOK)
		return err
	})
	if err != nil || cur {
		return err
	}
	start := time.Now()
	err = s.atomically(ctx, func() error {
		tx := s.shared.tx
		if err := tx.Del(ctx, keyFactsOK); err != nil && !errors.Is(err, hkv.ErrNotFound) {
			return err
		}
		for _, b := range [][]byte{factsBucket, factSums} {
			if err := clearBucket(ctx, tx, b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("building the fact rows of %s: %w", s, err)
	}
	counts, err := s.recountFacts(ctx)
	if err != nil {
		return fmt.Errorf("building the fact rows of %s: %w", s, err)
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	// Chunks end at a node's last row, so that each summary is written once.
	for len(keys) > 0 {
		n := min(len(keys), factChunk)
		for n < len(keys) && factNode(keys[n]) == factNode(keys[n-1]) {
			n++
		}
		chunk := make(map[string]int, n)
		for _, k := range keys[:n] {
			chunk[k] = counts[k]
		}
		keys = keys[n:]
		err := s.atomically(ctx, func() error { return s.addFactCounts(ctx, s.shared.tx, chunk, true) })
		if err != nil {
			return fmt.Errorf("building the fact rows of %s: %w", s, err)
		}
		s.releaseMapped()
	}
	if err := s.atomically(ctx, func() error { return markCurrent(ctx, s.shared.tx, keyFactsOK) }); err != nil {
		return fmt.Errorf("building the fact rows of %s: %w", s, err)
	}
	level := slog.LevelDebug
	if len(counts) > 0 {
		level = slog.LevelInfo
	}
	s.log.Log(ctx, level, "built the fact rows", "store", s.String(), "rows", len(counts), "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// factChunk is how many fact rows one transaction of a rebuild writes.
const factChunk = 200_000

func factNode(k string) string { return k[:strings.IndexByte(k, 0)] }

// recountFacts counts every live quad into fact keys: by node ids while
// reading, values resolved once each after.
func (s *Store) recountFacts(ctx context.Context) (map[string]int, error) {
	type spo struct{ s, p, o uint64 }
	byID := map[spo]int{}
	kq, isKV := s.qs.(*ckv.QuadStore)
	if !isKV {
		return nil, fmt.Errorf("not a kv store")
	}
	it := s.qs.QuadsAllIterator().Iterate()
	for it.Next(ctx) {
		var k spo
		for _, d := range []struct {
			dir quad.Direction
			dst *uint64
		}{{quad.Subject, &k.s}, {quad.Predicate, &k.p}, {quad.Object, &k.o}} {
			ref, err := s.qs.QuadDirection(it.Result(), d.dir)
			if err != nil {
				it.Close()
				return nil, err
			}
			if ref != nil {
				*d.dst = uint64(ref.(ckv.Int64Value))
			}
		}
		byID[k]++
	}
	err := it.Err()
	it.Close()
	if err != nil {
		return nil, err
	}
	// Every node's value, read in batches.
	vals := map[uint64]quad.Value{}
	var ids []uint64
	for k := range byID {
		for _, id := range []uint64{k.s, k.p, k.o} {
			if _, ok := vals[id]; !ok && id != 0 {
				vals[id] = nil
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	for len(ids) > 0 {
		n := min(len(ids), 4096)
		rs := make([]refs.Ref, n)
		for i, id := range ids[:n] {
			rs[i] = ckv.Int64Value(id)
		}
		vs, err := kq.ValuesOf(ctx, rs)
		if err != nil {
			return nil, err
		}
		for i, id := range ids[:n] {
			vals[id] = vs[i]
		}
		ids = ids[n:]
	}
	counts := map[string]int{}
	for k, n := range byID {
		q := quad.Quad{Subject: vals[k.s], Predicate: vals[k.p], Object: vals[k.o]}
		fs, _ := factRowKeys(q)
		for _, f := range fs {
			counts[f] += n
		}
	}
	return counts, nil
}

// DropFacts removes the derived fact rows, as a store made before they
// existed lacks them; the next open for writing builds them again.
func DropFacts(ctx context.Context, s *Store) error {
	return dropDerived(ctx, s, keyFactsOK, factsBucket, factSums)
}

// CheckFacts compares the stored fact rows and summaries with a
// recomputation from the quads, and describes the first difference; "" when
// they are equal (or the store keeps none: not bolt).
func CheckFacts(ctx context.Context, s *Store) (string, error) {
	if s.shared == nil {
		return "", nil
	}
	ctx, end, err := s.Snapshot(ctx)
	if err != nil {
		return "", err
	}
	defer end()
	want, err := s.recountFacts(ctx)
	if err != nil {
		return "", err
	}
	type sum struct{ facts, quads int }
	wantSums := map[string]sum{}
	for k, n := range want {
		sk := k[:len(k)-len(otherPart(k))-1]
		sm := wantSums[sk]
		sm.facts++
		sm.quads += n
		wantSums[sk] = sm
	}
	got := map[string]int{}
	gotSums := map[string]sum{}
	current := false
	err = hkv.View(ctx, s.shared, func(tx hkv.Tx) error {
		if current, err = markerCurrent(ctx, tx, keyFactsOK); err != nil {
			return err
		}
		for _, b := range [][]byte{factsBucket, factSums} {
			it := tx.Scan(ctx, hopts.WithPrefixKV(hkv.Key{b, nil}))
			for it.Next(ctx) {
				k := it.Key()
				key := string(k[len(k)-1])
				if string(b) == string(factsBucket) {
					n, _ := binary.Uvarint(it.Val())
					got[key] = int(n)
				} else {
					f, q, err := decodeFactSum(it.Val())
					if err != nil {
						it.Close()
						return err
					}
					gotSums[key] = sum{f, q}
				}
			}
			err := it.Err()
			it.Close()
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	if !current {
		return "the rows are not current", nil
	}
	for k, n := range want {
		if g, ok := got[k]; !ok {
			return fmt.Sprintf("fact row %q missing", k), nil
		} else if g != n {
			return fmt.Sprintf("fact row %q counts %d, the quads %d", k, g, n), nil
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			return fmt.Sprintf("fact row %q left over", k), nil
		}
	}
	for k, sm := range wantSums {
		if g, ok := gotSums[k]; !ok || g != sm {
			return fmt.Sprintf("fact summary %q is %v, the quads give %v", k, g, sm), nil
		}
	}
	if len(gotSums) != len(wantSums) {
		return fmt.Sprintf("%d fact summaries, the quads give %d", len(gotSums), len(wantSums)), nil
	}
	return "", nil
}

// FactGroups returns the summaries of n's facts: one per predicate and
// direction, outgoing first, each in the order of its predicate's N-Quads
// form. ok is false when the store keeps no current rows (not bolt, or
// written past vnkg): the caller must read the quads.
func (r *Reader) FactGroups(ctx context.Context, n Node) (groups []FactGroup, ok bool, err error) {
	r.depBoth(n)
	if r.s.shared == nil {
		return nil, false, nil
	}
	start := time.Now()
	st := r.Stats.step("fact summaries", "vnkg_factsums")
	st.Calls++
	defer func() { st.Time += time.Since(start) }()
	prefix := n.NQuad() + "\x00"
	err = hkv.View(ctx, r.s.shared, func(tx hkv.Tx) error {
		cur, err := r.rowsCurrent(ctx, tx, keyFactsOK)
		if err != nil || !cur {
			return err
		}
		ok = true
		it := tx.Scan(ctx, hopts.WithPrefixKV(hkv.Key{factSums, []byte(prefix)}))
		defer it.Close()
		for it.Next(ctx) {
			st.Quads++
			k := it.Key()
			rest := string(k[len(k)-1][len(prefix):])
			if len(rest) < 2 {
				return fmt.Errorf("fact summary %q: %w", k[len(k)-1], errBadRow)
			}
			p, err := parseNQuadNode(rest[1:])
			if err != nil {
				return err
			}
			f, q, err := decodeFactSum(it.Val())
			if err != nil {
				return fmt.Errorf("fact summary %q: %w", k[len(k)-1], err)
			}
			st.Rows++
			groups = append(groups, FactGroup{Predicate: p, In: rest[0] == dirIn, Facts: f, Quads: q})
		}
		return it.Err()
	})
	if err != nil {
		return nil, false, fmt.Errorf("reading the fact rows of %s: %w", r.s, err)
	}
	// Outgoing first ('>' sorts after '<').
	slices.SortStableFunc(groups, func(a, b FactGroup) int {
		if a.In == b.In {
			return 0
		}
		if b.In {
			return -1
		}
		return 1
	})
	return groups, ok, nil
}

// Facts returns up to limit facts of n with predicate pred in one direction
// (in: n is the object), in the order of their other node's encoding,
// starting after the cursor after ("" from the first); next is the cursor
// of the page that follows, "" when this one is the last. ok is false when
// the store keeps no current rows.
func (r *Reader) Facts(ctx context.Context, n, pred Node, in bool, after string, limit int) (facts []Fact, next string, ok bool, err error) {
	if in {
		r.depIn(n)
	} else {
		r.depOut(n)
	}
	if r.s.shared == nil {
		return nil, "", false, nil
	}
	start := time.Now()
	st := r.Stats.step("facts of "+pred.NQuad(), "vnkg_facts")
	st.Calls++
	defer func() { st.Time += time.Since(start) }()
	prefix := n.NQuad() + "\x00" + string(dirByte(in)) + pred.NQuad() + "\x00"
	cur, err := r.rowsOK(ctx, keyFactsOK)
	if err != nil || !cur {
		if err != nil {
			err = fmt.Errorf("reading the fact rows of %s: %w", r.s, err)
		}
		return nil, "", false, err
	}
	ok = true
	var from []byte
	if after != "" {
		// The page starts after the cursor's row (the key within the
		// bucket), whether or not that row is still there.
		from = []byte(after)
	}
	err = r.scanPrefix(ctx, factsBucket, []byte(prefix), from, func(k, v []byte) (bool, error) {
		st.Quads++
		if limit > 0 && len(facts) == limit {
			next = facts[len(facts)-1].cursor
			return false, nil
		}
		o, rest, err := readNode(k[len(prefix):])
		if err != nil || len(rest) != 0 {
			return false, fmt.Errorf("fact row %q: %w", k, errBadRow)
		}
		c, w := binary.Uvarint(v)
		if w <= 0 {
			return false, fmt.Errorf("fact row %q: %w", k, errBadRow)
		}
		st.Rows++
		facts = append(facts, Fact{Predicate: pred, In: in, Other: o, Quads: int(c), cursor: string(k[len(prefix):])})
		return true, nil
	})
	if err != nil {
		return nil, "", false, fmt.Errorf("reading the fact rows of %s: %w", r.s, err)
	}
	return facts, next, ok, nil
}

// Cursor is the cursor that starts the page after f (Facts).
func (f Fact) Cursor() string { return f.cursor }

// FactLabels returns the labels (documents) of the live quads (s, pred, o)
// in the store's order, skipping the first from entries of the index's list
// (which holds deleted quads too), up to limit labels; next is where the
// next page starts, -1 when there is none. On bolt it reads the exact
// (O,P,S) index entry of the fact and each quad it lists, one at a time;
// elsewhere the subject's quads with pred.
func (r *Reader) FactLabels(ctx context.Context, s, pred, o Node, from, limit int) (labels []Node, next int, err error) {
	r.depQuad(s, pred, o) // as HasQuad: the labels of the quads (s, pred, o)
	next = -1
	sref, err := r.ref(ctx, s)
	if err != nil || sref == nil {
		return nil, -1, err
	}
	pref, err := r.ref(ctx, pred)
	if err != nil || pref == nil {
		return nil, -1, err
	}
	oref, err := r.ref(ctx, o)
	if err != nil || oref == nil {
		return nil, -1, err
	}
	if !r.has(indexOPS) {
		i := 0
		err = r.scanDir(ctx, "labels of a fact", quad.Subject, sref, pref, 0, func(q quadRefs) error {
			if refs.ToKey(q.o) != refs.ToKey(oref) {
				return nil
			}
			i++
			if i <= from {
				return nil
			}
			if limit > 0 && len(labels) == limit {
				next = i - 1
				return errStop
			}
			var l Node
			if q.l != nil {
				v, err := r.value(ctx, q.l)
				if err != nil {
					return err
				}
				l = NodeOf(v)
			}
			labels = append(labels, l)
			return nil
		})
		if err == errStop {
			err = nil
		}
		return labels, next, err
	}
	start := time.Now()
	st := r.Stats.step("labels of a fact", "O,P,S")
	st.Calls++
	defer func() { st.Time += time.Since(start) }()
	var lrefs []uint64
	err = hkv.View(ctx, r.s.shared, func(tx hkv.Tx) error {
		list, err := tx.Get(ctx, indexOPS.Key([]uint64{id64(oref), id64(pref), id64(sref)}))
		if errors.Is(err, hkv.ErrNotFound) {
			return nil
		} else if err != nil {
			return err
		}
		for i := 0; len(list) > 0; i++ {
			id, n := binary.Uvarint(list)
			if n <= 0 {
				return fmt.Errorf("a malformed index entry")
			}
			list = list[n:]
			if i < from {
				continue
			}
			if limit > 0 && len(lrefs) == limit {
				next = i
				return nil
			}
			st.Quads++
			prim, err := liveQuad(ctx, tx, id)
			if err != nil {
				return err
			}
			if prim == nil {
				continue
			}
			st.Rows++
			lrefs = append(lrefs, prim.Label)
		}
		return nil
	})
	if err != nil {
		return nil, -1, fmt.Errorf("reading store %s: %w", r.s, err)
	}
	for _, id := range lrefs {
		var l Node
		if id != 0 {
			v, err := r.value(ctx, ckv.Int64Value(id))
			if err != nil {
				return nil, -1, err
			}
			l = NodeOf(v)
		}
		labels = append(labels, l)
	}
	return labels, next, nil
}

// FactOther reads back the other node of a fact from its cursor
// (Fact.Cursor), as a client hands it back to page the fact's labels.
func FactOther(cursor string) (Node, error) {
	n, rest, err := readNode([]byte(cursor))
	if err != nil || len(rest) != 0 {
		return Node{}, fmt.Errorf("not a fact: %w", errBadRow)
	}
	return n, nil
}

// ObjectSet returns the distinct objects of the quads (n, pred, ?), in no
// promised order: from the fact rows where the store keeps them current
// (one row an object, however many documents state it), else as Objects
// reads them (every quad). For callers that sort what they get.
func (r *Reader) ObjectSet(ctx context.Context, n, pred Node) ([]Node, error) {
	r.depOut(n)
	var out []Node
	for cursor := ""; ; {
		facts, next, ok, err := r.Facts(ctx, n, pred, false, cursor, 1024)
		if err != nil {
			return nil, err
		}
		if !ok {
			return r.Objects(ctx, n, pred)
		}
		for _, f := range facts {
			out = append(out, f.Other)
		}
		if next == "" {
			return out, nil
		}
		cursor = next
	}
}
