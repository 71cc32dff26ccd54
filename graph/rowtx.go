package graph

import (
	"context"

	hkv "github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
)

// rowTx reads and writes vnkg's derived rows (two-part keys: bucket, key)
// in a write transaction. On bolt it goes to the buckets directly, each
// looked up once, rather than through hidalgo, which looks up a key's
// bucket from bolt's root on every Get, Put and Del and copies what it
// reads: for the fact rows of a build (two a quad) that was a third of
// their cost. Elsewhere it is the hidalgo transaction.
type rowTx struct {
	tx      hkv.Tx
	btx     *bolt.Tx
	buckets map[string]*bolt.Bucket
	getters map[string]getter // a cursor a bucket read (cursorget.go)
}

func newRowTx(tx hkv.Tx) *rowTx {
	r := &rowTx{tx: tx}
	if b := boltTxOf(tx); b != nil && b.Writable() {
		r.btx, r.buckets, r.getters = b, map[string]*bolt.Bucket{}, map[string]getter{}
	}
	return r
}

// bucket is key's bucket, created if create; nil if it does not exist.
func (r *rowTx) bucket(key hkv.Key, create bool) (*bolt.Bucket, error) {
	if b, ok := r.buckets[string(key[0])]; ok {
		return b, nil
	}
	b := r.btx.Bucket(key[0])
	if b == nil {
		if !create {
			return nil, nil
		}
		var err error
		if b, err = r.btx.CreateBucket(key[0]); err != nil {
			return nil, err
		}
	}
	r.buckets[string(key[0])] = b
	return b, nil
}

// get is the value under key (valid until the transaction ends; not to be
// changed), or hkv.ErrNotFound.
func (r *rowTx) get(ctx context.Context, key hkv.Key) ([]byte, error) {
	if r.btx == nil || len(key) != 2 {
		return r.tx.Get(ctx, key)
	}
	b, err := r.bucket(key, false)
	if err != nil {
		return nil, err
	}
	if b == nil {
		return nil, hkv.ErrNotFound
	}
	g, ok := r.getters[string(key[0])]
	if !ok {
		g = newGetter(b)
		r.getters[string(key[0])] = g
	}
	v := g.get(key[1])
	if v == nil {
		return nil, hkv.ErrNotFound
	}
	return v, nil
}

// put stores val under key; val must stay unchanged until the commit.
func (r *rowTx) put(ctx context.Context, key hkv.Key, val []byte) error {
	if r.btx == nil || len(key) != 2 {
		return r.tx.Put(ctx, key, val)
	}
	b, err := r.bucket(key, true)
	if err != nil {
		return err
	}
	return b.Put(key[1], val)
}

// del removes key (nothing if its bucket does not exist, as hidalgo).
func (r *rowTx) del(ctx context.Context, key hkv.Key) error {
	if r.btx == nil || len(key) != 2 {
		return r.tx.Del(ctx, key)
	}
	b, err := r.bucket(key, false)
	if err != nil {
		return err
	}
	if b == nil {
		return nil
	}
	return b.Delete(key[1])
}
