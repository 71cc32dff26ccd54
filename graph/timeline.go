package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hopts "github.com/hidal-go/hidalgo/kv/options"

	"github.com/vnkg/vnkg/graph/vocab"
)

// Derived timeline rows: for each subject and each document that states a
// vnkg:rank or vnkg:holdsPosition of it, one row holding the ranks and the
// positions that document states of it and the document's
// schema:datePublished (its first, as Reader.First gives it). A person's
// timeline is then one prefix scan of the rows, however many facts the
// person has, instead of a lookup of every rank, post and date.
//
// The rows are a function of the quads, kept exact in the transaction that
// writes them (Store.applyDeltas): a write recomputes the row of every
// (subject, document) pair one of its rank or position quads touches, and
// every row of a document whose datePublished it touches, from the quads as
// they stand after the write. So a crash leaves quads and rows together,
// `vnkg rm` removes a document's rows, and a changed article replaces them.
//
// Like the folded-name index, the rows are current when their marker holds
// the store's horizon; a store written past vnkg (or made before the rows
// existed) gets them rebuilt when vnkg next opens it for writing, and until
// then the queries take the lookups' path.
var (
	timelineBucket = []byte("vnkg_timeline")      // subject \x00 document → row
	timelineByDoc  = []byte("vnkg_timeline_docs") // document \x00 subject → {}
	keyTimelineOK  = hkv.Key{[]byte("vnkg_meta"), []byte("timeline")}

	tlRank      = quad.IRI(vocab.NS + "rank")
	tlHolds     = quad.IRI(vocab.NS + "holdsPosition")
	tlPublished = quad.IRI(vocab.Schema + "datePublished")
)

// TimelineRow is what one document states of one subject's ranks and
// positions, with the document's date.
type TimelineRow struct {
	Doc       Node
	Date      *Node // the document's first schema:datePublished; nil if none
	Ranks     []Node
	Positions []Node
}

func timelineKey(bucket []byte, a, b string) hkv.Key {
	return hkv.Key{bucket, []byte(a + "\x00" + b)}
}

// isTimelinePred reports whether a quad with predicate p feeds a row.
func isTimelinePred(p quad.Value) bool {
	iri, ok := p.(quad.IRI)
	return ok && (iri == tlRank || iri == tlHolds)
}

// markerCurrent reports whether the marker key holds the store's horizon.
func markerCurrent(ctx context.Context, tx hkv.Tx, key hkv.Key) (bool, error) {
	mark, err := tx.Get(ctx, key)
	if errors.Is(err, hkv.ErrNotFound) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	h, err := tx.Get(ctx, keyHorizon)
	if errors.Is(err, hkv.ErrNotFound) {
		h = nil
	} else if err != nil {
		return false, err
	}
	return string(mark) == string(h), nil
}

// markCurrent records the horizon in the marker key.
func markCurrent(ctx context.Context, tx hkv.Tx, key hkv.Key) error {
	h, err := tx.Get(ctx, keyHorizon)
	if errors.Is(err, hkv.ErrNotFound) {
		h = nil
	} else if err != nil {
		return err
	}
	return tx.Put(ctx, key, append([]byte{}, h...))
}

// timelineBefore reports, in the open shared transaction before a write,
// whether the rows are current.
func (s *Store) timelineBefore() (bool, error) {
	if s.shared == nil || s.shared.tx == nil {
		return false, nil
	}
	return markerCurrent(context.Background(), s.shared.tx, keyTimelineOK)
}

// tlPair is a (subject, document) whose row is to be recomputed.
type tlPair struct{ subj, doc Node }

// deriveTimeline brings the rows the deltas touch up to date, in the open
// shared transaction after the deltas were applied, and marks the rows
// current if they were before.
func (s *Store) deriveTimeline(ctx context.Context, deltas []cgraph.Delta, current bool) error {
	if s.shared == nil || s.shared.tx == nil || !current {
		return nil
	}
	pairs := map[tlPair]bool{}
	var dated []Node
	for _, d := range deltas {
		q := d.Quad
		switch {
		case isTimelinePred(q.Predicate) && q.Label != nil:
			pairs[tlPair{NodeOf(q.Subject), NodeOf(q.Label)}] = true
		case q.Predicate == tlPublished:
			dated = append(dated, NodeOf(q.Subject))
		}
	}
	if len(pairs) == 0 && len(dated) == 0 {
		return markCurrent(ctx, s.shared.tx, keyTimelineOK)
	}
	tx := s.shared.tx
	for _, doc := range dated {
		// Every row of a document whose date changed.
		prefix := hkv.Key{timelineByDoc, []byte(doc.NQuad() + "\x00")}
		it := tx.Scan(ctx, hopts.WithPrefixKV(prefix))
		for it.Next(ctx) {
			k := it.Key()
			subj, err := parseNQuadNode(string(k[len(k)-1][len(prefix[1]):]))
			if err != nil {
				it.Close()
				return fmt.Errorf("the timeline rows of %s: %w", s, err)
			}
			pairs[tlPair{subj, doc}] = true
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return err
		}
	}
	r, err := s.NewReader(ctx)
	if err != nil {
		return err
	}
	n := 0
	for p := range pairs {
		if err := s.putTimelineRow(ctx, r, p); err != nil {
			return fmt.Errorf("writing the timeline rows of %s: %w", s, err)
		}
		if n++; n%(releaseEvery/4) == 0 {
			s.releaseMapped()
		}
	}
	s.releaseMapped()
	return markCurrent(ctx, tx, keyTimelineOK)
}

// computeTimelineRow reads the row of a (subject, document) pair from the
// quads; ok is false when the document states no rank or position of it.
func computeTimelineRow(ctx context.Context, r *Reader, p tlPair) (row TimelineRow, ok bool, err error) {
	row.Doc = p.doc
	err = r.labelSubject(ctx, p.doc, p.subj, func(pred, obj Node) {
		switch pred.Value {
		case string(tlRank):
			row.Ranks = append(row.Ranks, obj)
		case string(tlHolds):
			row.Positions = append(row.Positions, obj)
		}
	})
	if err != nil || (len(row.Ranks) == 0 && len(row.Positions) == 0) {
		return row, false, err
	}
	date, has, err := r.First(ctx, p.doc, NodeOf(tlPublished))
	if err != nil {
		return row, false, err
	}
	if has {
		row.Date = &date
	}
	return row, true, nil
}

// putTimelineRow recomputes one row and writes it, or removes it.
func (s *Store) putTimelineRow(ctx context.Context, r *Reader, p tlPair) error {
	tx := s.shared.tx
	row, ok, err := computeTimelineRow(ctx, r, p)
	if err != nil {
		return err
	}
	subj, doc := p.subj.NQuad(), p.doc.NQuad()
	if !ok {
		if err := tx.Del(ctx, timelineKey(timelineBucket, subj, doc)); err != nil && !errors.Is(err, hkv.ErrNotFound) {
			return err
		}
		if err := tx.Del(ctx, timelineKey(timelineByDoc, doc, subj)); err != nil && !errors.Is(err, hkv.ErrNotFound) {
			return err
		}
		return nil
	}
	// Unchanged rows are not written again (a Put copies the page into the
	// commit).
	key, val := timelineKey(timelineBucket, subj, doc), encodeTimelineRow(row)
	if old, err := tx.Get(ctx, key); err == nil && string(old) == string(val) {
		return nil
	} else if err != nil && !errors.Is(err, hkv.ErrNotFound) {
		return err
	}
	if err := tx.Put(ctx, key, val); err != nil {
		return err
	}
	return tx.Put(ctx, timelineKey(timelineByDoc, doc, subj), namesValue)
}

// labelSubject calls fn with the predicate and object of every quad of doc
// whose subject is subj: one prefix scan of the (label, subject) index.
func (r *Reader) labelSubject(ctx context.Context, doc, subj Node, fn func(pred, obj Node)) error {
	dref, err := r.ref(ctx, doc)
	if err != nil || dref == nil {
		return err
	}
	sref, err := r.ref(ctx, subj)
	if err != nil || sref == nil {
		return err
	}
	var sh iterator.Shape
	index := "L"
	if r.has(labelIndex) {
		sh = ckv.IndexScan{Index: labelIndex, Values: []uint64{id64(dref), id64(sref)}}.BuildIterator(r.qs)
		index = "L,S"
	} else {
		sh = r.qs.QuadIterator(quad.Label, dref)
	}
	skey := refs.ToKey(sref)
	return r.run(ctx, "quads of a document about a node", index, sh, 0, func(q quadRefs) bool {
		return q.s != nil && refs.ToKey(q.s) == skey
	}, func(q quadRefs) error {
		pv, err := r.value(ctx, q.p)
		if err != nil {
			return err
		}
		ov, err := r.value(ctx, q.o)
		if err != nil {
			return err
		}
		fn(NodeOf(pv), NodeOf(ov))
		return nil
	})
}

// Timeline returns the derived timeline rows of subj, in the order of their
// documents' N-Quads form; ok is false when the store keeps no current rows
// (not bolt, or written past vnkg), and the caller must read the quads.
func (r *Reader) Timeline(ctx context.Context, subj Node) (rows []TimelineRow, ok bool, err error) {
	r.depOut(subj) // a row is subj's outgoing ranks and posts
	if r.s.shared == nil {
		return nil, false, nil
	}
	start := time.Now()
	st := r.Stats.step("timeline rows", "vnkg_timeline")
	st.Calls++
	defer func() { st.Time += time.Since(start) }()
	cur, err := r.rowsOK(ctx, keyTimelineOK)
	if err != nil || !cur {
		if err != nil {
			err = fmt.Errorf("reading the timeline rows of %s: %w", r.s, err)
		}
		return nil, false, err
	}
	ok = true
	err = r.scanPrefix(ctx, timelineBucket, []byte(subj.NQuad()+"\x00"), nil, func(k, v []byte) (bool, error) {
		st.Quads++
		row, err := decodeTimelineRow(v)
		if err != nil {
			return false, fmt.Errorf("timeline row %q: %w", k, err)
		}
		st.Rows++
		rows = append(rows, row)
		r.depOut(row.Doc) // the row holds its document's date
		return true, nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("reading the timeline rows of %s: %w", r.s, err)
	}
	return rows, ok, nil
}

// ensureTimeline rebuilds the rows of a store whose rows are not current,
// from every rank and position quad, in one transaction.
func (s *Store) ensureTimeline(ctx context.Context) error {
	if s.shared == nil {
		return nil
	}
	cur := false
	err := hkv.View(ctx, s.shared, func(tx hkv.Tx) error {
		var err error
		cur, err = markerCurrent(ctx, tx, keyTimelineOK)
		return err
	})
	if err != nil || cur {
		return err
	}
	start := time.Now()
	n := 0
	err = s.atomically(ctx, func() error {
		tx := s.shared.tx
		for _, b := range [][]byte{timelineBucket, timelineByDoc} {
			if err := clearBucket(ctx, tx, b); err != nil {
				return err
			}
		}
		pairs, err := s.timelinePairs(ctx)
		if err != nil {
			return err
		}
		r, err := s.NewReader(ctx)
		if err != nil {
			return err
		}
		for p := range pairs {
			if err := s.putTimelineRow(ctx, r, p); err != nil {
				return err
			}
			n++
		}
		return markCurrent(ctx, tx, keyTimelineOK)
	})
	if err != nil {
		return fmt.Errorf("building the timeline rows of %s: %w", s, err)
	}
	level := slog.LevelDebug
	if n > 0 {
		level = slog.LevelInfo
	}
	s.log.Log(ctx, level, "built the timeline rows", "store", s.String(), "rows", n, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// timelinePairs is every labelled (subject, document) of a rank or position
// quad: a read of every quad.
func (s *Store) timelinePairs(ctx context.Context) (map[tlPair]bool, error) {
	pairs := map[tlPair]bool{}
	for _, p := range []quad.Value{tlRank, tlHolds} {
		ref, err := s.qs.ValueOf(p)
		if err != nil {
			return nil, err
		}
		if ref == nil {
			continue
		}
		err = s.scan(ctx, s.qs, s.qs.QuadIterator(quad.Predicate, ref), func(q quad.Quad) error {
			if q.Label != nil && isTimelinePred(q.Predicate) {
				pairs[tlPair{NodeOf(q.Subject), NodeOf(q.Label)}] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return pairs, nil
}

// clearBucket deletes every key of a bucket.
func clearBucket(ctx context.Context, tx hkv.Tx, bucket []byte) error {
	it := tx.Scan(ctx, hopts.WithPrefixKV(hkv.Key{bucket, nil}))
	var keys []hkv.Key
	for it.Next(ctx) {
		keys = append(keys, it.Key().Clone())
	}
	err := it.Err()
	it.Close()
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := tx.Del(ctx, k); err != nil {
			return err
		}
	}
	return nil
}

// DropTimeline removes the derived timeline rows, as a store made before
// they existed lacks them; the next open for writing builds them again.
func DropTimeline(ctx context.Context, s *Store) error {
	return dropDerived(ctx, s, keyTimelineOK, timelineBucket, timelineByDoc)
}

// dropDerived removes a kind of derived rows: its marker, then its buckets.
// Without the marker the rows are not current, and the next open for
// writing builds them again.
func dropDerived(ctx context.Context, s *Store, marker hkv.Key, buckets ...[]byte) error {
	if s.shared == nil {
		return nil
	}
	return hkv.Update(ctx, s.shared, func(tx hkv.Tx) error {
		if err := tx.Del(ctx, marker); err != nil && !errors.Is(err, hkv.ErrNotFound) {
			return err
		}
		for _, b := range buckets {
			if err := clearBucket(ctx, tx, b); err != nil {
				return err
			}
		}
		return nil
	})
}

// CheckTimeline compares the stored timeline rows with rows computed afresh
// from the quads, and describes the first difference; "" when they are
// equal (or the store keeps none: not bolt).
func CheckTimeline(ctx context.Context, s *Store) (string, error) {
	if s.shared == nil {
		return "", nil
	}
	ctx, end, err := s.Snapshot(ctx)
	if err != nil {
		return "", err
	}
	defer end()
	pairs, err := s.timelinePairs(ctx)
	if err != nil {
		return "", err
	}
	r, err := s.NewReader(ctx)
	if err != nil {
		return "", err
	}
	want := map[string]string{}
	for p := range pairs {
		row, ok, err := computeTimelineRow(ctx, r, p)
		if err != nil {
			return "", err
		}
		if ok {
			want[p.subj.NQuad()+"\x00"+p.doc.NQuad()] = string(encodeTimelineRow(row))
		}
	}
	got := map[string]string{}
	byDoc := map[string]bool{}
	current := false
	err = hkv.View(ctx, s.shared, func(tx hkv.Tx) error {
		if current, err = markerCurrent(ctx, tx, keyTimelineOK); err != nil {
			return err
		}
		for _, b := range [][]byte{timelineBucket, timelineByDoc} {
			it := tx.Scan(ctx, hopts.WithPrefixKV(hkv.Key{b, nil}))
			for it.Next(ctx) {
				k := it.Key()
				if string(b) == string(timelineBucket) {
					got[string(k[len(k)-1])] = string(it.Val())
				} else {
					byDoc[string(k[len(k)-1])] = true
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
	for k, v := range want {
		if g, ok := got[k]; !ok {
			return fmt.Sprintf("row %q missing", k), nil
		} else if g != v {
			return fmt.Sprintf("row %q stale", k), nil
		}
		subj, doc, _ := strings.Cut(k, "\x00")
		if !byDoc[doc+"\x00"+subj] {
			return fmt.Sprintf("row %q not listed under its document", k), nil
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			return fmt.Sprintf("row %q left over", k), nil
		}
	}
	if len(byDoc) != len(got) {
		return fmt.Sprintf("%d rows listed under documents, %d rows", len(byDoc), len(got)), nil
	}
	return "", nil
}

// A row's bytes: the date (a presence byte, then a node), the number of
// ranks and the ranks, the number of positions and the positions; the
// document is its key. A node is its kind, then its value, datatype and
// language, each a uvarint length and bytes.
func encodeTimelineRow(row TimelineRow) []byte {
	var b []byte
	b = appendNode(b, row.Doc)
	if row.Date == nil {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		b = appendNode(b, *row.Date)
	}
	for _, ns := range [][]Node{row.Ranks, row.Positions} {
		b = binary.AppendUvarint(b, uint64(len(ns)))
		for _, n := range ns {
			b = appendNode(b, n)
		}
	}
	return b
}

func appendNode(b []byte, n Node) []byte {
	b = append(b, byte(n.Kind))
	for _, s := range []string{n.Value, n.Datatype, n.Lang} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

var errBadRow = errors.New("a malformed derived row")

func decodeTimelineRow(b []byte) (row TimelineRow, err error) {
	if row.Doc, b, err = readNode(b); err != nil {
		return row, err
	}
	if len(b) == 0 {
		return row, errBadRow
	}
	has := b[0]
	b = b[1:]
	if has == 1 {
		var d Node
		if d, b, err = readNode(b); err != nil {
			return row, err
		}
		row.Date = &d
	}
	for _, dst := range []*[]Node{&row.Ranks, &row.Positions} {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)) {
			return row, errBadRow
		}
		b = b[k:]
		for range n {
			var nd Node
			if nd, b, err = readNode(b); err != nil {
				return row, err
			}
			*dst = append(*dst, nd)
		}
	}
	if len(b) != 0 {
		return row, errBadRow
	}
	return row, nil
}

func readNode(b []byte) (n Node, rest []byte, err error) {
	if len(b) == 0 || b[0] > byte(LiteralNode) {
		return n, nil, errBadRow
	}
	n.Kind = NodeKind(b[0])
	b = b[1:]
	for _, dst := range []*string{&n.Value, &n.Datatype, &n.Lang} {
		l, k := binary.Uvarint(b)
		if k <= 0 || l > uint64(len(b)-k) {
			return n, nil, errBadRow
		}
		*dst = string(b[k : k+int(l)])
		b = b[k+int(l):]
	}
	return n, b, nil
}

// parseNQuadNode reads back a node from its N-Quads form (Node.NQuad).
func parseNQuadNode(s string) (Node, error) {
	switch {
	case strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">"):
		return Node{Kind: IRINode, Value: s[1 : len(s)-1]}, nil
	case strings.HasPrefix(s, "_:"):
		return Node{Kind: BlankNode, Value: s[2:]}, nil
	}
	return Node{}, fmt.Errorf("%w: subject %q is neither an IRI nor a blank node", errBadRow, s)
}

// TimelineDates reads the derived timeline rows of subj that hold pos among
// their positions, without decoding the others: how many there are (one a
// document) and the dates of their documents (those that have one), in the
// rows' order. ok is false when the store keeps no current rows.
func (r *Reader) TimelineDates(ctx context.Context, subj, pos Node) (docs int, dates []Node, ok bool, err error) {
	// A row holds pos through a quad (subj, vnkg:holdsPosition, pos) only
	// (rowHolds reads the positions), and has the date of its document.
	r.depQuad(subj, NodeOf(tlHolds), pos)
	if r.s.shared == nil {
		return 0, nil, false, nil
	}
	start := time.Now()
	st := r.Stats.step("timeline rows of a post", "vnkg_timeline")
	st.Calls++
	defer func() { st.Time += time.Since(start) }()
	cur, err := r.rowsOK(ctx, keyTimelineOK)
	if err != nil || !cur {
		if err != nil {
			err = fmt.Errorf("reading the timeline rows of %s: %w", r.s, err)
		}
		return 0, nil, false, err
	}
	want := appendNode(nil, pos)
	err = r.scanPrefix(ctx, timelineBucket, []byte(subj.NQuad()+"\x00"), nil, func(k, v []byte) (bool, error) {
		st.Quads++
		date, has, held, err := rowHolds(v, want)
		if err != nil {
			return false, fmt.Errorf("timeline row %q: %w", k, err)
		}
		if !held {
			return true, nil
		}
		st.Rows++
		docs++
		if r.deps != nil { // the row holds its document's date
			if doc, _, err := readNode(v); err == nil {
				r.depOut(doc)
			}
		}
		if has {
			d, _, err := readNode(date)
			if err != nil {
				return false, fmt.Errorf("timeline row %q: %w", k, err)
			}
			dates = append(dates, d)
		}
		return true, nil
	})
	if err != nil {
		return 0, nil, false, fmt.Errorf("reading the timeline rows of %s: %w", r.s, err)
	}
	return docs, dates, true, nil
}

// rowHolds reads an encoded timeline row far enough to tell whether one of
// its positions is the encoded node want, and returns its date's bytes.
func rowHolds(b, want []byte) (date []byte, has, held bool, err error) {
	if _, b, err = skipNode(b); err != nil { // the document
		return nil, false, false, err
	}
	if len(b) == 0 {
		return nil, false, false, errBadRow
	}
	has = b[0] == 1
	b = b[1:]
	if has {
		rest := b
		if _, b, err = skipNode(b); err != nil {
			return nil, false, false, err
		}
		date = rest[:len(rest)-len(b)]
	}
	for part := 0; part < 2; part++ { // ranks, then positions
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)) {
			return nil, false, false, errBadRow
		}
		b = b[k:]
		for range n {
			var node []byte
			if node, b, err = skipNode(b); err != nil {
				return nil, false, false, err
			}
			if part == 1 && string(node) == string(want) {
				held = true
			}
		}
	}
	if len(b) != 0 {
		return nil, false, false, errBadRow
	}
	return date, has, held, nil
}

// skipNode splits an encoded node (appendNode) off b: its bytes, and the
// rest.
func skipNode(b []byte) (node, rest []byte, err error) {
	if len(b) == 0 || b[0] > byte(LiteralNode) {
		return nil, nil, errBadRow
	}
	i := 1
	for range 3 {
		l, k := binary.Uvarint(b[i:])
		if k <= 0 || l > uint64(len(b)-i-k) {
			return nil, nil, errBadRow
		}
		i += k + int(l)
	}
	return b[:i], b[i:], nil
}
