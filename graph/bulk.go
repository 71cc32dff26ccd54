package graph

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"time"
	"unsafe"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/proto"
)

// The bulk path: additions written straight into the bolt transaction in
// Cayley's kv layout, rather than through Cayley's quad store and hidalgo.
//
// Why: a build's time was in Cayley's write path, not in extraction (a CPU
// profile of a 10k-article build: 3.5 s extracting, over 30 s in
// ApplyDeltas, hidalgo and bolt). Cayley's kv store keeps every node in one of
// 65,536 top-level buckets chosen by its hash (and its reference count in
// another 65,536), and hidalgo looks up (or creates) the bucket of every key
// from bolt's root on every Get and Put, in the order the deltas come. Here the
// same keys and values are written, but each bucket is looked up once a
// batch, and the keys are visited in bolt's order (bucket, then key), so
// consecutive writes land on pages already in memory.
//
// What is written is what Cayley's ApplyDeltas writes for the same additions
// (TestBulkMatchesCayley compares every bucket, key and value of two stores;
// only the timestamps differ):
//   - new nodes, in the order of their hashes, take the next ids: the node's
//     log entry (a Primitive with its marshalled value), its hash → id in
//     bucket "v"+hash[:2], its reference count in "n"+hash[:2];
//   - existing nodes have their reference count raised;
//   - each new quad, in the order given (a quad given twice once), takes the
//     next id: its log entry, and its id appended to the list under its key
//     in every quad index (the index list of meta/indexes);
//   - meta/horizon moves by the ids given out, meta/size by the quads.
//
// A quad that is stored already is an error (cgraph.ErrQuadExists), as
// Cayley's ApplyDeltas without IgnoreDup makes it: the diff that gives the
// additions reads the store in the same transaction, so this is a check of
// the writer, not a case that happens.
//
// Deletions still go through Cayley (they are rare in a build, and Cayley
// keeps an in-memory cache of IRI ids that only its own deletions keep
// right); additions never invalidate that cache, since a node it knows keeps
// its id.

// Cayley's kv layout (cayley/graph/kv/indexing.go).
var (
	bucketMeta  = []byte("meta")
	bucketLog   = []byte("log")
	keyHorizon8 = []byte("horizon")
	keySize     = []byte("size")
	keyIndexes  = []byte("indexes")
)

// boltTxOf is the bolt transaction under a hidalgo one. hidalgo keeps it
// unexported; the bulk path needs it to reach the buckets directly.
func boltTxOf(tx hkv.Tx) *bolt.Tx {
	t, ok := tx.(*hbolt.Tx)
	if !ok || t == nil {
		return nil
	}
	f := reflect.ValueOf(t).Elem().FieldByName("tx")
	if !f.IsValid() || f.Kind() != reflect.Pointer || f.Type() != reflect.TypeFor[*bolt.Tx]() {
		return nil
	}
	return (*bolt.Tx)(unsafe.Pointer(f.Pointer()))
}

// bulkTx is one write transaction of the bulk path, with the buckets it
// looked up.
type bulkTx struct {
	tx      *bolt.Tx
	buckets map[string]*bolt.Bucket
	getters map[string]getter // a cursor a bucket read (cursorget.go)
	// release gives back the file's pages between the phases of a write
	// (release_linux.go): each phase reads pages all over the file.
	release func()
	n       int // writes, for tick
}

func (b *bulkTx) bucket(name []byte) (*bolt.Bucket, error) {
	if bk, ok := b.buckets[string(name)]; ok {
		return bk, nil
	}
	bk := b.tx.Bucket(name)
	if bk == nil {
		var err error
		if bk, err = b.tx.CreateBucket(name); err != nil {
			return nil, err
		}
	}
	b.buckets[string(name)] = bk
	return bk, nil
}

// get returns the value under key in bucket, nil if none (or no bucket).
func (b *bulkTx) get(name, key []byte) []byte {
	if g, ok := b.getters[string(name)]; ok {
		return g.get(key)
	}
	bk, ok := b.buckets[string(name)]
	if !ok {
		if bk = b.tx.Bucket(name); bk == nil {
			return nil
		}
		b.buckets[string(name)] = bk
	}
	g := newGetter(bk)
	b.getters[string(name)] = g
	return g.get(key)
}

func (b *bulkTx) put(name, key, val []byte) error {
	bk, err := b.bucket(name)
	if err != nil {
		return err
	}
	b.tick()
	return bk.Put(key, val)
}

// tick counts a write, and gives back the file's pages every releaseEvery.
func (b *bulkTx) tick() {
	if b.n++; b.n%releaseEvery == 0 {
		b.release()
	}
}

// bulkNode is one node the additions refer to.
type bulkNode struct {
	hash   refs.ValueHash
	val    quad.Value
	refInc int
	id     uint64
	isNew  bool
}

// bulkLink is a quad as the ids of its nodes, in quad.Directions' order
// (subject, predicate, object, label; 0 for none).
type bulkLink struct{ dirs [4]uint64 }

// key is the link's key in a quad index: the ids of the index's directions,
// 8 bytes each, big-endian (ckv.QuadIndex.KeyFor).
func (l bulkLink) key(ind ckv.QuadIndex) []byte {
	k := make([]byte, 0, 8*len(ind.Dirs))
	for _, d := range ind.Dirs {
		k = binary.BigEndian.AppendUint64(k, l.dirs[dirIndex(d)])
	}
	return k
}

func dirIndex(d quad.Direction) int {
	switch d {
	case quad.Subject:
		return 0
	case quad.Predicate:
		return 1
	case quad.Object:
		return 2
	}
	return 3
}

// bulkAdds writes adds (additions only) in the open shared transaction; ok is
// false when this store cannot take the bulk path (then nothing was written).
func (s *Store) bulkAdds(adds []cgraph.Delta) (ok bool, err error) {
	if s.shared == nil || s.shared.tx == nil || s.cayleyWrites {
		return false, nil
	}
	tx := boltTxOf(s.shared.tx)
	if tx == nil || !tx.Writable() {
		return false, nil
	}
	for _, d := range adds {
		if d.Action != cgraph.Add || d.Quad.Subject == nil || d.Quad.Predicate == nil || d.Quad.Object == nil {
			return false, nil
		}
	}
	b := &bulkTx{tx: tx, buckets: map[string]*bolt.Bucket{}, getters: map[string]getter{}, release: s.releaseMapped}
	indexes, ok, err := b.indexes()
	if err != nil || !ok {
		return false, err
	}
	if err := b.write(adds, indexes); err != nil {
		return true, fmt.Errorf("writing to store %s: %w", s, err)
	}
	return true, nil
}

// indexes reads the store's quad indexes; ok is false for a store that has
// no list (one made before Cayley 0.7.6 uses others: Cayley's path then).
func (b *bulkTx) indexes() ([]ckv.QuadIndex, bool, error) {
	data := b.get(bucketMeta, keyIndexes)
	if data == nil {
		return nil, false, nil
	}
	var list []ckv.QuadIndex
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, false, fmt.Errorf("reading the store's indexes: %w", err)
	}
	return list, len(list) > 0, nil
}

func (b *bulkTx) write(adds []cgraph.Delta, indexes []ckv.QuadIndex) error {
	// The nodes, as graphlog.SplitDeltas gives them: one a hash, with how
	// many quads refer to it, sorted by hash.
	byHash := make(map[refs.ValueHash]*bulkNode, len(adds))
	// A batch names the same nodes again and again (predicates, types,
	// labels, the people of an article): each value's hash (SHA-1 of its
	// string form) is taken once, its node found by the value after that.
	byValue := make(map[quad.Value]*bulkNode, len(adds))
	qhash := make([][4]*bulkNode, len(adds))
	for i, d := range adds {
		for j, dir := range quad.Directions {
			v := d.Quad.Get(dir)
			if v == nil {
				continue
			}
			n, cacheable := (*bulkNode)(nil), false
			switch v.(type) {
			case quad.IRI, quad.String, quad.TypedString: // comparable, and what ToQuad makes
				cacheable = true
				n = byValue[v]
			}
			if n == nil {
				h := refs.HashOf(v)
				n = byHash[h]
				if n == nil {
					n = &bulkNode{hash: h, val: v}
					byHash[h] = n
				}
				if cacheable {
					byValue[v] = n
				}
			}
			n.refInc++
			qhash[i][j] = n
		}
	}
	nodes := make([]*bulkNode, 0, len(byHash))
	for _, n := range byHash {
		nodes = append(nodes, n)
	}
	slices.SortFunc(nodes, func(a, b *bulkNode) int { return bytes.Compare(a.hash[:], b.hash[:]) })

	// Which exist, and their ids. Sorted by hash is bolt's order too: the
	// bucket is "v" and the hash's first two bytes, the key the hash.
	var fresh []*bulkNode
	for _, n := range nodes {
		if v := b.get(valBucket('v', n.hash), n.hash[:]); len(v) != 0 {
			n.id, _ = binary.Uvarint(v)
		}
		if n.id == 0 {
			n.isNew = true
			fresh = append(fresh, n)
		}
	}
	b.release()
	horizon, err := b.metaInt(keyHorizon8)
	if err != nil {
		return err
	}
	horizon0 := horizon
	now := time.Now().UnixNano()
	logBucket, err := b.bucket(bucketLog)
	if err != nil {
		return err
	}
	// The log's keys are ids given out in order: every entry goes after the
	// last, so its pages are filled whole rather than split in halves
	// (bbolt's default, for keys put anywhere). The same keys and values,
	// half the log's pages: a 10k-article store's log took 120 MB of pages
	// for 56 MB of entries.
	logBucket.FillPercent = logFill
	for i, n := range fresh {
		n.id = uint64(horizon) + 1 + uint64(i)
		val, err := pquads.MarshalValue(n.val)
		if err != nil {
			return err
		}
		if err := b.put(valBucket('v', n.hash), n.hash[:], binary.AppendUvarint(nil, n.id)); err != nil {
			return err
		}
		b.tick()
		if err := logBucket.Put(logKey(n.id), appendPrimitive(nil, &cproto.Primitive{ID: n.id, Value: val, Timestamp: now})); err != nil {
			return err
		}
	}
	horizon += int64(len(fresh))
	b.release()
	// Reference counts: raised, or set for the new nodes.
	for _, n := range nodes {
		name := valBucket('n', n.hash)
		count := uint64(0)
		if !n.isNew {
			if v := b.get(name, n.hash[:]); v != nil {
				count, _ = binary.Uvarint(v)
			}
		}
		if err := b.put(name, n.hash[:], binary.AppendUvarint(nil, count+uint64(n.refInc))); err != nil {
			return err
		}
	}

	b.release()
	// The quads: each once, checked against what is stored, then given ids.
	lists := make([]map[string][]uint64, len(indexes)) // index → key → ids to append
	for i := range lists {
		lists[i] = map[string][]uint64{}
	}
	seen := make(map[[4]uint64]bool, len(adds))
	links := make([]bulkLink, 0, len(adds))
	for i := range adds {
		var link bulkLink
		mustBeNew := false
		for j := range quad.Directions {
			if n := qhash[i][j]; n != nil {
				link.dirs[j] = n.id
				mustBeNew = mustBeNew || n.isNew
			}
		}
		if seen[link.dirs] {
			continue
		}
		seen[link.dirs] = true
		if !mustBeNew {
			exists, err := b.stored(link, indexes)
			if err != nil {
				return err
			}
			if exists {
				return &cgraph.DeltaError{Delta: adds[i], Err: cgraph.ErrQuadExists}
			}
		}
		links = append(links, link)
	}
	for i, l := range links {
		id := uint64(horizon) + 1 + uint64(i)
		p := &cproto.Primitive{ID: id, Subject: l.dirs[0], Predicate: l.dirs[1], Object: l.dirs[2], Label: l.dirs[3], Timestamp: now}
		b.tick()
		if err := logBucket.Put(logKey(id), appendPrimitive(nil, p)); err != nil {
			return err
		}
		for j, ind := range indexes {
			k := string(l.key(ind))
			lists[j][k] = append(lists[j][k], id)
		}
	}
	horizon += int64(len(links))
	b.release()
	// The index lists, each bucket's keys in order.
	for j, ind := range indexes {
		name := indexBucket(ind)
		bk, err := b.bucket(name)
		if err != nil {
			return err
		}
		keys := make([]string, 0, len(lists[j]))
		for k := range lists[j] {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		g := newGetter(bk)
		for _, k := range keys {
			kb := []byte(k)
			old := g.get(kb)
			val := make([]byte, len(old), len(old)+binary.MaxVarintLen64*len(lists[j][k]))
			copy(val, old)
			for _, id := range lists[j][k] {
				val = binary.AppendUvarint(val, id)
			}
			b.tick()
			if err := bk.Put(kb, val); err != nil {
				return err
			}
		}
		b.release()
	}
	if horizon != horizon0 {
		if err := b.putMetaInt(keyHorizon8, horizon); err != nil {
			return err
		}
	}
	if len(links) == 0 {
		return nil
	}
	size, err := b.metaInt(keySize)
	if err != nil {
		return err
	}
	return b.putMetaInt(keySize, size+int64(len(links)))
}

// stored reports whether a live quad with link's nodes is stored: the ids
// under its key in every index, intersected, and their log entries read (as
// Cayley's hasPrimitive does when no index is unique).
func (b *bulkTx) stored(link bulkLink, indexes []ckv.QuadIndex) (bool, error) {
	var options []uint64
	for i, ind := range indexes {
		ids, err := decodeIDs(b.get(indexBucket(ind), link.key(ind)))
		if err != nil {
			return false, err
		}
		if i == 0 {
			options = ids
		} else {
			options = intersectSorted(options, ids)
		}
		if len(options) == 0 {
			return false, nil
		}
	}
	for _, id := range options {
		v := b.get(bucketLog, logKey(id))
		if v == nil {
			continue
		}
		var p cproto.Primitive
		if err := proto.Unmarshal(v, &p); err != nil {
			return false, err
		}
		if !p.Deleted && [4]uint64{p.Subject, p.Predicate, p.Object, p.Label} == link.dirs {
			return true, nil
		}
	}
	return false, nil
}

func (b *bulkTx) metaInt(key []byte) (int64, error) {
	v := b.get(bucketMeta, key)
	if v == nil {
		return 0, nil
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("meta/%s: %d bytes, want 8", key, len(v))
	}
	return int64(binary.LittleEndian.Uint64(v)), nil
}

func (b *bulkTx) putMetaInt(key []byte, n int64) error {
	return b.put(bucketMeta, key, binary.LittleEndian.AppendUint64(nil, uint64(n)))
}

// valBucket is the bucket of a node's id ('v') or reference count ('n').
func valBucket(kind byte, h refs.ValueHash) []byte { return []byte{kind, h[0], h[1]} }

// logFill is the log bucket's fill: pages filled to the last entry that fits
// (bbolt's maximum).
const logFill = 1.0

func logKey(id uint64) []byte { return binary.BigEndian.AppendUint64(nil, id) }

func indexBucket(ind ckv.QuadIndex) []byte {
	name := make([]byte, len(ind.Dirs))
	for i, d := range ind.Dirs {
		name[i] = d.Prefix()
	}
	return name
}

var errBadIndex = errors.New("a malformed quad index list")

func decodeIDs(b []byte) ([]uint64, error) {
	var out []uint64
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, errBadIndex
		}
		out = append(out, v)
		b = b[n:]
	}
	return out, nil
}

func intersectSorted(a, b []uint64) []uint64 {
	var c []uint64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			c = append(c, a[i])
			i++
			j++
		}
	}
	return c
}

// appendPrimitive appends p's protobuf encoding, as proto.Marshal gives it
// (fields in their numbers' order, zero values left out), without the
// reflection proto.Marshal costs a call.
func appendPrimitive(b []byte, p *cproto.Primitive) []byte {
	for _, f := range []struct {
		tag byte
		v   uint64
	}{{1 << 3, p.ID}, {2 << 3, p.Subject}, {3 << 3, p.Predicate}, {4 << 3, p.Object}, {5 << 3, p.Label}, {6 << 3, p.Replaces}, {7 << 3, uint64(p.Timestamp)}} {
		if f.v != 0 {
			b = append(b, f.tag)
			b = binary.AppendUvarint(b, f.v)
		}
	}
	if len(p.Value) > 0 {
		b = append(b, 8<<3|2)
		b = binary.AppendUvarint(b, uint64(len(p.Value)))
		b = append(b, p.Value...)
	}
	if p.Deleted {
		b = append(b, 9<<3, 1)
	}
	return b
}
