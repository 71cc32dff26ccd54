package graph

import (
	"bytes"

	bolt "go.etcd.io/bbolt"
)

// getter reads keys of one bolt bucket in a transaction through one cursor.
// bbolt's Bucket.Get makes a new cursor (and its stack) each call: in a
// build's write path, where every node, count, index list and fact row is
// read before it is written, those cursors were an eighth of what the
// build allocated. A cursor's Seek starts from the bucket's root each time
// (its in-memory nodes included), so it stays right after puts; what it
// gives is what Get gives (TestGetterMatchesGet).
type getter struct{ c *bolt.Cursor }

func newGetter(b *bolt.Bucket) getter { return getter{b.Cursor()} }

// get is the value under key, nil if none or if key names a bucket (as
// Bucket.Get).
func (g getter) get(key []byte) []byte {
	k, v := g.c.Seek(key)
	if v == nil || !bytes.Equal(k, key) {
		return nil
	}
	return v
}
