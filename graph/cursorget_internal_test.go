package graph

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestGetterMatchesGet reads random keys through one getter while keys are
// put and deleted in the same transaction (enough for pages to split), and
// compares every answer with bbolt's Bucket.Get: absent keys, keys between
// and past the stored ones, empty values, and a key that names a bucket.
func TestGetterMatchesGet(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "t.bolt"), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	key := func() []byte { return binary.BigEndian.AppendUint32(nil, uint32(rng.IntN(20000))) }
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("b"))
		if err != nil {
			return err
		}
		if _, err := b.CreateBucket([]byte{0, 0, 0, 7}); err != nil {
			return err
		}
		if err := b.Put([]byte{0, 0, 0, 9}, []byte{}); err != nil {
			return err
		}
		g := newGetter(b)
		for i := range 30000 {
			k := key()
			switch {
			case i%7 == 0:
				if bytes.Equal(k, []byte{0, 0, 0, 7}) {
					break
				}
				if err := b.Delete(k); err != nil {
					return err
				}
			case i%2 == 0:
				if bytes.Equal(k, []byte{0, 0, 0, 7}) {
					break
				}
				if err := b.Put(k, bytes.Repeat(k, 1+i%5)); err != nil {
					return err
				}
			}
			for _, q := range [][]byte{key(), k, {0, 0, 0, 7}, {0, 0, 0, 9}, {0xff, 0xff, 0xff, 0xff}, {}} {
				if got, want := g.get(q), b.Get(q); !bytes.Equal(got, want) || (got == nil) != (want == nil) {
					t.Fatalf("after %d writes, get(%x) = %x, Get = %x", i, q, got, want)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
