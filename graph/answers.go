package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Stored answers. A named query's answer for a hub (a post with thousands
// of holders, a resolution with thousands of events) costs thousands of
// lookups however the rows are read. The store can keep such answers whole:
// a query's rows for one node, in the answer's order, encoded in one value
// of the bucket vnkg_answers, so that the query is one read of contiguous
// pages and the decoding of its rows.
//
// A stored answer is exact by construction rather than kept up to date: it
// is stamped with the id of the bolt transaction that wrote it, and a
// reader takes it only when its snapshot's id is that stamp — when no
// transaction has committed since, so the store is the one the answer was
// computed from. Any later write (a build's batch, vnkg rm, a rebuild of
// derived rows, a write cut short by SIGKILL that committed some batches)
// makes every stored answer stale, and the queries read the store as
// before, until WriteAnswers computes them again (vnkg build and vnkg rm do
// at their end). Nothing on the write path of the quads changes.

var (
	answersBucket = []byte("vnkg_answers") // query \x00 node… → stamp, format, rows
	answersStamp  = []byte("\x00stamp")    // → the stamp of the last WriteAnswers
)

// Answer is a query's rows for one node, as WriteAnswers stores them.
type Answer struct {
	Query string
	Node  Node
	Also  []Node   // the other nodes the answer is for (fact-sources: predicate, object)
	Rows  []Result // emitted values: maps of fields
}

// AnswerStats is what WriteAnswers wrote.
type AnswerStats struct {
	Answers int           // answers stored
	Rows    int           // their rows
	Bytes   int           // their encoded size (keys and values)
	Time    time.Duration // computing and writing them
}

// answerFormat is the version of the encoding, stored after the stamp: an
// answer of another is not read.
const answerFormat byte = 3

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

// StoredAnswer returns the stored rows of query for node n, ok only when
// they are current (see above); on other backends, outside a snapshot or
// when none is stored, ok is false and the caller computes the answer.
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
	if len(v) < 9 || binary.BigEndian.Uint64(v) != uint64(d.btx.ID()) || v[8] != answerFormat {
		r.Stats.step("stored answer of "+query+": stale (written before the store's last write)", "vnkg_answers").Calls++
		return nil, false, nil
	}
	rows, err = decodeAnswer(v[9:])
	if err != nil {
		// Not what this version writes: computed instead.
		r.Stats.step("stored answer of "+query+": unreadable ("+err.Error()+")", "vnkg_answers").Calls++
		return nil, false, nil
	}
	st.Quads += len(rows)
	st.Rows += len(rows)
	return rows, true, nil
}

// WriteAnswers replaces the store's stored answers with those compute
// puts from one snapshot of the store (its context; each answer is encoded
// as it is put, so that only the encoded answers are held), in a transaction of
// their own whose id stamps them. It does nothing on a store opened
// read-only, on other backends, inside a write, or when the answers stored
// are current (no write since the last WriteAnswers).
func (s *Store) WriteAnswers(ctx context.Context, compute func(ctx context.Context, put func(Answer) error) error) (AnswerStats, error) {
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
	var seen uint64
	if d := (&Reader{s: s}).direct(sctx); d != nil {
		seen = uint64(d.btx.ID())
		if b := d.bucket(answersBucket); b != nil {
			if v := b.Get(answersStamp); len(v) == 9 && binary.BigEndian.Uint64(v) == seen && v[8] == answerFormat {
				end()
				return st, nil
			}
		}
	}
	type kv struct{ k, v []byte }
	var vals []kv
	err = compute(sctx, func(a Answer) error {
		v, err := encodeAnswer(a.Rows)
		if err != nil {
			return fmt.Errorf("storing the answer of %s for %s: %w", a.Query, a.Node.NQuad(), err)
		}
		vals = append(vals, kv{answerKey(a.Query, a.Node, a.Also), v})
		st.Answers++
		st.Rows += len(a.Rows)
		return nil
	})
	end()
	if err != nil {
		return st, fmt.Errorf("computing the stored answers of %s: %w", s, err)
	}
	slices.SortFunc(vals, func(a, b kv) int { return slices.Compare(a.k, b.k) })
	err = s.bdb.Update(func(tx *bolt.Tx) error {
		if seen != 0 && uint64(tx.ID()) != seen+1 {
			return fmt.Errorf("the store changed while its answers were computed")
		}
		if tx.Bucket(answersBucket) != nil {
			if err := tx.DeleteBucket(answersBucket); err != nil {
				return err
			}
		}
		b, err := tx.CreateBucket(answersBucket)
		if err != nil {
			return err
		}
		b.FillPercent = 1 // written once, in key order
		stamp := append(binary.BigEndian.AppendUint64(nil, uint64(tx.ID())), answerFormat)
		if err := b.Put(answersStamp, stamp); err != nil {
			return err
		}
		for _, e := range vals {
			v := append(append(make([]byte, 0, len(stamp)+len(e.v)), stamp...), e.v...)
			if err := b.Put(e.k, v); err != nil {
				return err
			}
			st.Bytes += len(e.k) + len(v)
		}
		return nil
	})
	if err != nil {
		return AnswerStats{}, fmt.Errorf("writing the stored answers of %s: %w", s, err)
	}
	st.Time = time.Since(start)
	return st, nil
}

// StoredAnswers lists the current stored answers (for checks: each against
// its recomputation); stale ones are left out.
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
	var out []Answer
	err = b.ForEach(func(k, v []byte) error {
		if string(k) == string(answersStamp) {
			return nil
		}
		if len(v) < 9 || binary.BigEndian.Uint64(v) != uint64(d.btx.ID()) || v[8] != answerFormat {
			return nil
		}
		query, nodes, err := parseAnswerKey(k)
		if err != nil {
			return err
		}
		rows, err := decodeAnswer(v[9:])
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

// AnswersCurrent reports whether the store holds stored answers written by
// the last transaction that committed (the stamp is current).
func (s *Store) AnswersCurrent(ctx context.Context) (bool, error) {
	sctx, end, err := s.Snapshot(ctx)
	if err != nil {
		return false, err
	}
	defer end()
	d := (&Reader{s: s}).direct(sctx)
	if d == nil {
		return false, nil
	}
	b := d.bucket(answersBucket)
	if b == nil {
		return false, nil
	}
	v := b.Get(answersStamp)
	return len(v) == 9 && binary.BigEndian.Uint64(v) == uint64(d.btx.ID()) && v[8] == answerFormat, nil
}

// answersFresh reports whether db's stored answers are current.
func answersFresh(db *bolt.DB) bool {
	fresh := false
	db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(answersBucket); b != nil {
			v := b.Get(answersStamp)
			fresh = len(v) == 9 && binary.BigEndian.Uint64(v) == uint64(tx.ID()) && v[8] == answerFormat
		}
		return nil
	})
	return fresh
}

// AnswersCurrentAtOpen reports whether the stored answers were current
// when the store was opened for writing, before the derived rows were
// checked (their rebuild commits, but from the same quads).
func (s *Store) AnswersCurrentAtOpen() bool { return s.answersAtOpen }

// RestampAnswers stamps the stored answers anew, unchanged: for a caller
// that saw them current (AnswersCurrent) before writes that changed no
// quad — a build of unchanged articles commits, but the graph the answers
// were computed from is the same. It reports how many answers it stamped.
func (s *Store) RestampAnswers(ctx context.Context) (int, error) {
	if s.bdb == nil || s.bdb.IsReadOnly() || s.shared == nil || s.shared.tx != nil {
		return 0, nil
	}
	n := 0
	err := s.bdb.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(answersBucket)
		if b == nil {
			return nil
		}
		stamp := append(binary.BigEndian.AppendUint64(nil, uint64(tx.ID())), answerFormat)
		type kv struct{ k, v []byte }
		var all []kv
		err := b.ForEach(func(k, v []byte) error {
			if len(v) < 9 || v[8] != answerFormat {
				return nil
			}
			nv := append(append(make([]byte, 0, len(v)), stamp...), v[9:]...)
			all = append(all, kv{append([]byte(nil), k...), nv})
			return nil
		})
		if err != nil {
			return err
		}
		for _, e := range all {
			if err := b.Put(e.k, e.v); err != nil {
				return err
			}
			if string(e.k) != string(answersStamp) {
				n++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("stamping the stored answers of %s: %w", s, err)
	}
	return n, nil
}
