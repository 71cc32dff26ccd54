package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hopts "github.com/hidal-go/hidalgo/kv/options"

	"github.com/vnkg/vnkg/graph/vocab"
)

// Derived first rows: for each node and each of a few predicates a query
// reads once for every row it returns (firstPreds: a node's name, an
// event's start and kind, a document's date), the object of the node's first
// live quad with that predicate in the (subject, predicate) index — exactly
// what Reader.First answers from the quads. Read from the row, such a value
// is one bolt lookup instead of three (the index entry, the quad's log
// entry, the object's value), and a query over thousands of rows
// (position-holders, chairs-of-resolution) costs its rows times that.
//
// The rows are kept in the transaction that writes the quads
// (Store.applyDeltas, before the timeline rows, which read dates through
// First): every (node, predicate) pair a write touches is recomputed from
// the quads as the write leaves them, so a crash leaves both or neither and
// `vnkg rm` brings the first back to the next document's value. Like the
// other derived rows they are current when their marker holds the store's
// horizon; a store made before them (or written past vnkg) gets them rebuilt
// on its next open for writing, and until then First reads the quads.
// CheckFirsts compares them with a recomputation.
var (
	firstsBucket = []byte("vnkg_firsts") // node \x00 predicate → first object
	keyFirstsOK  = hkv.Key{[]byte("vnkg_meta"), []byte("firsts")}
)

// firstPreds are the predicates whose first objects the rows hold.
var firstPreds = map[string]bool{
	vocab.Name:          true,
	vocab.StartDate:     true,
	vocab.EventKind:     true,
	vocab.DatePublished: true,
}

func isFirstPred(p Node) bool { return p.Kind == IRINode && firstPreds[p.Value] }

func firstKey(n, pred Node) hkv.Key {
	return hkv.Key{firstsBucket, []byte(n.NQuad() + "\x00" + pred.NQuad())}
}

// firstsBefore reports, in the open shared transaction before a write,
// whether the first rows are current.
func (s *Store) firstsBefore() (bool, error) {
	if s.shared == nil || s.shared.tx == nil {
		return false, nil
	}
	return markerCurrent(context.Background(), s.shared.tx, keyFirstsOK)
}

// firstChanges are the first rows a write changed, as deriveFirsts found
// them: what stales the stored answers that read those first objects only
// (answers.go, Dep.Pred). Known is false when the write kept no rows (they
// were not current): then any pair its quads touch may have changed.
type firstChanges struct {
	known bool
	pairs []Dep // Node and Pred of each row written, added or removed
}

// firstPairs are the (subject, predicate) pairs of deltas whose predicate
// is one of firstPreds: the first rows they can change.
func firstPairs(deltas []cgraph.Delta) []Dep {
	seen := map[Dep]bool{}
	var pairs []Dep
	for _, d := range deltas {
		q := d.Quad
		if q.Subject == nil || q.Predicate == nil || q.Object == nil {
			continue
		}
		p := NodeOf(q.Predicate)
		if !isFirstPred(p) {
			continue
		}
		k := Dep{Node: NodeOf(q.Subject), Pred: p}
		if !seen[k] {
			seen[k] = true
			pairs = append(pairs, k)
		}
	}
	return pairs
}

// deriveFirsts recomputes the first row of every (node, predicate) pair the
// deltas touch, in the open shared transaction after they were applied,
// marks the rows current if they were before, and says which rows changed.
func (s *Store) deriveFirsts(ctx context.Context, deltas []cgraph.Delta, current bool) (firstChanges, error) {
	if s.shared == nil || s.shared.tx == nil || !current {
		return firstChanges{}, nil
	}
	changes := firstChanges{known: true}
	if pairs := firstPairs(deltas); len(pairs) > 0 {
		slices.SortFunc(pairs, func(a, b Dep) int {
			if c := compareStrings(a.Node.NQuad(), b.Node.NQuad()); c != 0 {
				return c
			}
			return compareStrings(a.Pred.NQuad(), b.Pred.NQuad())
		})
		r, err := s.NewReader(ctx)
		if err != nil {
			return firstChanges{}, err
		}
		r.firsts = firstsOff // from the quads, not from the rows being written
		tx := s.shared.tx
		for i, k := range pairs {
			v, ok, err := r.First(ctx, k.Node, k.Pred)
			if err != nil {
				return firstChanges{}, fmt.Errorf("writing the first rows of %s: %w", s, err)
			}
			changed, err := putFirstRow(ctx, tx, firstKey(k.Node, k.Pred), v, ok)
			if err != nil {
				return firstChanges{}, fmt.Errorf("writing the first rows of %s: %w", s, err)
			}
			if changed {
				changes.pairs = append(changes.pairs, k)
			}
			if i%(releaseEvery*8) == releaseEvery*8-1 {
				s.releaseMapped()
			}
		}
	}
	return changes, markCurrent(ctx, s.shared.tx, keyFirstsOK)
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// putFirstRow writes the row, removes it when ok is false, and leaves an
// unchanged one alone (a Put copies its page into the commit); changed says
// whether the row is other than it was (written, added or removed).
func putFirstRow(ctx context.Context, tx hkv.Tx, key hkv.Key, v Node, ok bool) (changed bool, err error) {
	old, err := tx.Get(ctx, key)
	if err != nil && !errors.Is(err, hkv.ErrNotFound) {
		return false, err
	}
	if !ok {
		if err == nil {
			return true, tx.Del(ctx, key)
		}
		return false, nil
	}
	val := appendNode(nil, v)
	if err == nil && string(old) == string(val) {
		return false, nil
	}
	return true, tx.Put(ctx, key, val)
}

// rowsCurrent is markerCurrent of the derived rows key marks, read once a
// Reader: a query reads them many times.
func (r *Reader) rowsCurrent(ctx context.Context, tx hkv.Tx, key hkv.Key) (bool, error) {
	if cur, ok := r.markers[string(key[1])]; ok {
		return cur, nil
	}
	cur, err := markerCurrent(ctx, tx, key)
	if err == nil {
		r.markers[string(key[1])] = cur
	}
	return cur, err
}

// Reader states of the first rows.
const (
	firstsUnknown = iota
	firstsOn
	firstsOff
)

// firstRow answers First from the rows; ok is false when the rows are not
// current (then the caller reads the quads).
func (r *Reader) firstRow(ctx context.Context, n, pred Node) (v Node, has, ok bool, err error) {
	if r.s.shared == nil || r.firsts == firstsOff || !isFirstPred(pred) {
		return Node{}, false, false, nil
	}
	start := time.Now()
	st := r.Stats.step("first rows", "vnkg_firsts")
	defer func() { st.Time += time.Since(start) }()
	if r.firsts == firstsUnknown {
		cur, err := r.rowsOK(ctx, keyFirstsOK)
		if err != nil {
			return Node{}, false, false, fmt.Errorf("reading the first rows of %s: %w", r.s, err)
		}
		r.firsts = firstsOff
		if cur {
			r.firsts = firstsOn
		}
	}
	if r.firsts != firstsOn {
		return Node{}, false, false, nil
	}
	st.Calls++
	st.Quads++
	b, err := r.rowGet(ctx, firstKey(n, pred))
	if errors.Is(err, hkv.ErrNotFound) {
		return Node{}, false, true, nil
	} else if err != nil {
		return Node{}, false, false, fmt.Errorf("reading the first rows of %s: %w", r.s, err)
	}
	st.Rows++
	if v, _, err = readNode(b); err != nil {
		return Node{}, false, false, fmt.Errorf("reading the first rows of %s: first row of %s %s: %w", r.s, n.NQuad(), pred.NQuad(), err)
	}
	return v, true, true, nil
}

// ensureFirsts rebuilds the first rows of a store whose rows are not
// current: one scan of the (subject, predicate) index's keys, the first live
// quad of each key whose predicate is one of firstPreds, the values read in
// batches, the rows written in key order in transactions of factChunk; the
// marker last, so that a crash on the way leaves them not current.
func (s *Store) ensureFirsts(ctx context.Context) error {
	if s.shared == nil {
		return nil
	}
	kq, isKV := s.qs.(*ckv.QuadStore)
	if !isKV {
		return nil
	}
	cur := false
	err := hkv.View(ctx, s.shared, func(tx hkv.Tx) error {
		var err error
		cur, err = markerCurrent(ctx, tx, keyFirstsOK)
		return err
	})
	if err != nil || cur {
		return err
	}
	start := time.Now()
	err = s.atomically(ctx, func() error {
		tx := s.shared.tx
		if err := tx.Del(ctx, keyFirstsOK); err != nil && !errors.Is(err, hkv.ErrNotFound) {
			return err
		}
		return clearBucket(ctx, tx, firstsBucket)
	})
	if err != nil {
		return fmt.Errorf("building the first rows of %s: %w", s, err)
	}
	rows, err := s.recountFirsts(ctx, kq)
	if err != nil {
		return fmt.Errorf("building the first rows of %s: %w", s, err)
	}
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for len(keys) > 0 {
		n := min(len(keys), factChunk)
		chunk := keys[:n]
		keys = keys[n:]
		err := s.atomically(ctx, func() error {
			for _, k := range chunk {
				if err := s.shared.tx.Put(ctx, hkv.Key{firstsBucket, []byte(k)}, rows[k]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("building the first rows of %s: %w", s, err)
		}
		s.releaseMapped()
	}
	if err := s.atomically(ctx, func() error { return markCurrent(ctx, s.shared.tx, keyFirstsOK) }); err != nil {
		return fmt.Errorf("building the first rows of %s: %w", s, err)
	}
	level := slog.LevelDebug
	if len(rows) > 0 {
		level = slog.LevelInfo
	}
	s.log.Log(ctx, level, "built the first rows", "store", s.String(), "rows", len(rows), "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// recountFirsts computes every first row from the quads: key → value.
func (s *Store) recountFirsts(ctx context.Context, kq *ckv.QuadStore) (map[string][]byte, error) {
	var predVals []quad.Value
	for p := range firstPreds {
		predVals = append(predVals, quad.IRI(p))
	}
	prs, err := kq.RefsOf(ctx, predVals)
	if err != nil {
		return nil, err
	}
	preds := map[uint64]bool{}
	for _, r := range prs {
		if id := uint64(r.(ckv.Int64Value)); id != 0 {
			preds[id] = true
		}
	}
	type found struct{ s, p, o uint64 }
	var all []found
	err = hkv.View(ctx, s.shared, func(tx hkv.Tx) error {
		it := tx.Scan(ctx, hopts.WithPrefixKV(indexSP.Key(nil)))
		defer it.Close()
		for it.Next(ctx) {
			k := it.Key()
			b := k[len(k)-1]
			if len(b) != 16 || !preds[binary.BigEndian.Uint64(b[8:])] {
				continue
			}
			list := it.Val()
			for len(list) > 0 {
				id, n := binary.Uvarint(list)
				if n <= 0 {
					return fmt.Errorf("a malformed index entry")
				}
				list = list[n:]
				prim, err := liveQuad(ctx, tx, id)
				if err != nil {
					return err
				}
				if prim == nil {
					continue
				}
				all = append(all, found{binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:]), prim.Object})
				break
			}
		}
		return it.Err()
	})
	if err != nil {
		return nil, err
	}
	vals := map[uint64]quad.Value{}
	var ids []uint64
	for _, f := range all {
		for _, id := range []uint64{f.s, f.p, f.o} {
			if _, ok := vals[id]; !ok {
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
		s.releaseMapped()
	}
	rows := make(map[string][]byte, len(all))
	for _, f := range all {
		if vals[f.s] == nil || vals[f.p] == nil || vals[f.o] == nil {
			continue
		}
		k := firstKey(NodeOf(vals[f.s]), NodeOf(vals[f.p]))
		rows[string(k[1])] = appendNode(nil, NodeOf(vals[f.o]))
	}
	return rows, nil
}

// DropFirsts removes the derived first rows, as a store made before they
// existed lacks them; the next open for writing builds them again.
func DropFirsts(ctx context.Context, s *Store) error {
	return dropDerived(ctx, s, keyFirstsOK, firstsBucket)
}

// CheckFirsts compares the stored first rows with a recomputation from the
// quads, and describes the first difference; "" when they are equal (or the
// store keeps none: not bolt).
func CheckFirsts(ctx context.Context, s *Store) (string, error) {
	kq, isKV := s.qs.(*ckv.QuadStore)
	if s.shared == nil || !isKV {
		return "", nil
	}
	ctx, end, err := s.Snapshot(ctx)
	if err != nil {
		return "", err
	}
	defer end()
	want, err := s.recountFirsts(ctx, kq)
	if err != nil {
		return "", err
	}
	got := map[string][]byte{}
	current := false
	err = hkv.View(ctx, s.shared, func(tx hkv.Tx) error {
		if current, err = markerCurrent(ctx, tx, keyFirstsOK); err != nil {
			return err
		}
		it := tx.Scan(ctx, hopts.WithPrefixKV(hkv.Key{firstsBucket, nil}))
		defer it.Close()
		for it.Next(ctx) {
			k := it.Key()
			got[string(k[len(k)-1])] = slices.Clone(it.Val())
		}
		return it.Err()
	})
	if err != nil {
		return "", err
	}
	if !current {
		return "the rows are not current", nil
	}
	for k, v := range want {
		if g, ok := got[k]; !ok {
			return fmt.Sprintf("first row %q missing", k), nil
		} else if string(g) != string(v) {
			return fmt.Sprintf("first row %q holds %q, the quads give %q", k, g, v), nil
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			return fmt.Sprintf("first row %q left over", k), nil
		}
	}
	return "", nil
}
