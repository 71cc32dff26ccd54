package graph

import (
	"bytes"
	"context"

	hkv "github.com/hidal-go/hidalgo/kv"
	hopts "github.com/hidal-go/hidalgo/kv/options"
	bolt "go.etcd.io/bbolt"
)

// Direct reads of a snapshot. A Reader made inside Store.Snapshot reads its
// rows and index entries from bolt's buckets directly — each bucket looked
// up once a Reader, the value read in place — rather than through hidalgo,
// which opens a view, looks the key's bucket up from bolt's root and copies
// the value on every Get. A query that names thousands of rows (a first
// value, a type check, an index entry a row) pays that per row. Outside a
// read snapshot (a write's shared transaction, another backend) the reads
// go through hidalgo as before.

// snap is the bolt read transaction of the context's snapshot, with the
// buckets looked up in it.
type snap struct {
	tx      hkv.Tx
	btx     *bolt.Tx
	buckets map[string]*bolt.Bucket
}

// direct returns the bolt transaction of ctx's read snapshot, nil if ctx
// holds none (or it is not bolt, or it writes).
func (r *Reader) direct(ctx context.Context) *snap {
	tx, ok := ctx.Value(readTxKey{}).(hkv.Tx)
	if !ok || tx == nil {
		return nil
	}
	if r.snap != nil && r.snap.tx == tx {
		return r.snap
	}
	btx := boltTxOf(tx)
	if btx == nil || btx.Writable() {
		return nil
	}
	r.snap = &snap{tx: tx, btx: btx, buckets: map[string]*bolt.Bucket{}}
	return r.snap
}

// bucket is the named top-level bucket, nil if the store has none.
func (s *snap) bucket(name []byte) *bolt.Bucket {
	if b, ok := s.buckets[string(name)]; ok {
		return b
	}
	b := s.btx.Bucket(name)
	s.buckets[string(name)] = b
	return b
}

// get is the value under a two-part key (bucket, key), valid until the
// snapshot ends and not to be changed; nil when there is none.
func (s *snap) get(key hkv.Key) []byte {
	b := s.bucket(key[0])
	if b == nil {
		return nil
	}
	return b.Get(key[1])
}

// rowGet reads a two-part key: from the snapshot's bucket when ctx holds a
// bolt read snapshot, else through a hidalgo view. hkv.ErrNotFound when
// there is no such key. The value must not be kept past the snapshot.
func (r *Reader) rowGet(ctx context.Context, key hkv.Key) ([]byte, error) {
	if d := r.direct(ctx); d != nil && len(key) == 2 {
		if v := d.get(key); v != nil {
			return v, nil
		}
		return nil, hkv.ErrNotFound
	}
	var out []byte
	err := hkv.View(ctx, r.s.shared, func(tx hkv.Tx) error {
		v, err := tx.Get(ctx, key)
		out = v
		return err
	})
	return out, err
}

// rowsOK is rowsCurrent for callers outside a view: the marker read once a
// Reader.
func (r *Reader) rowsOK(ctx context.Context, marker hkv.Key) (bool, error) {
	if cur, ok := r.markers[string(marker[1])]; ok {
		return cur, nil
	}
	var cur bool
	err := hkv.View(ctx, r.s.shared, func(tx hkv.Tx) error {
		var err error
		cur, err = r.rowsCurrent(ctx, tx, marker)
		return err
	})
	return cur, err
}

// scanPrefix calls fn for every key of bucket that starts with prefix (the
// key within the bucket, and its value, both valid only during the call),
// in key order, from the first key after the prefix and after (if after is
// not nil, keys up to prefix+after are skipped); fn returns false to stop.
// It reads the snapshot's bucket directly, or scans through hidalgo.
func (r *Reader) scanPrefix(ctx context.Context, bucket, prefix, after []byte, fn func(k, v []byte) (bool, error)) error {
	if d := r.direct(ctx); d != nil {
		b := d.bucket(bucket)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		seek := prefix
		if after != nil {
			seek = append(append([]byte(nil), prefix...), after...)
		}
		for k, v := c.Seek(seek); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if after != nil && bytes.Compare(k[len(prefix):], after) <= 0 {
				continue
			}
			if more, err := fn(k, v); err != nil || !more {
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		return nil
	}
	return hkv.View(ctx, r.s.shared, func(tx hkv.Tx) error {
		it := tx.Scan(ctx, hopts.WithPrefixKV(hkv.Key{bucket, prefix}))
		defer func() { it.Close() }()
		more := false
		if after != nil {
			// Seek lands only on a key that holds the one sought: if the
			// row has gone since, start from the first row and skip.
			more = hkv.Seek(ctx, it, hkv.Key{append(append([]byte(nil), prefix...), after...)})
			if !more {
				it.Close()
				it = tx.Scan(ctx, hopts.WithPrefixKV(hkv.Key{bucket, prefix}))
				more = it.Next(ctx)
			}
		} else {
			more = it.Next(ctx)
		}
		for ; more; more = it.Next(ctx) {
			k := it.Key()
			kk := k[len(k)-1]
			if after != nil && bytes.Compare(kk[len(prefix):], after) <= 0 {
				continue
			}
			if ok, err := fn(kk, it.Val()); err != nil || !ok {
				return err
			}
		}
		return it.Err()
	})
}
