package graph

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	cproto "github.com/cayleygraph/cayley/graph/proto"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/proto"

	"github.com/vnkg/vnkg/graph/vocab"
)

// randomDoc is a document whose facts share nodes with other documents (a
// few people, ranks, bodies, names), and states one fact twice.
func randomDoc(rng *rand.Rand, label string) []vocab.Quad {
	var qs []vocab.Quad
	q := func(s vocab.Term, p string, o vocab.Term) {
		qs = append(qs, vocab.Quad{Subject: s, Predicate: vocab.IRI(p), Object: o, Label: label})
	}
	doc := vocab.IRI(label)
	q(doc, vocab.Type, vocab.IRI(vocab.NewsArticle))
	q(doc, vocab.DatePublished, vocab.Typed(fmt.Sprintf("2016-08-%02d", 1+rng.IntN(28)), vocab.XSDDate))
	q(doc, vocab.Name, vocab.String("Tin "+label))
	for range 1 + rng.IntN(6) {
		name := fmt.Sprintf("Người %d", rng.IntN(12))
		p := vocab.IRI(vocab.EntityIRI(vocab.KindPerson, name))
		q(p, vocab.Type, vocab.IRI(vocab.Person))
		q(p, vocab.Name, vocab.String(name))
		q(p, vocab.Rank, vocab.IRI(vocab.EntityIRI(vocab.KindRank, fmt.Sprintf("Cấp %d", rng.IntN(4)))))
		q(doc, vocab.About, p)
	}
	qs = append(qs, qs[rng.IntN(len(qs))])
	return qs
}

// TestBulkMatchesCayley: the bulk path writes, key for key and byte for byte
// (timestamps aside), what Cayley's ApplyDeltas writes for the same writes:
// batches of new documents, changed documents, removed documents, a
// document added back, and the gazetteer background.
func TestBulkMatchesCayley(t *testing.T) {
	ctx := context.Background()
	run := func(cayley bool) string {
		dir := t.TempDir()
		s, err := Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		s.cayleyWrites = cayley
		rng := rand.New(rand.NewPCG(3, 4))
		bg := []vocab.Quad{{Subject: vocab.IRI(vocab.EntityIRI(vocab.KindRank, "Cấp 1")), Predicate: vocab.IRI(vocab.Type),
			Object: vocab.IRI(vocab.MilitaryRank), Label: vocab.GazetteerLabel}}
		for pass := range 3 {
			w := s.NewWriter(BatchDocs(7))
			for i := range 30 {
				if pass > 0 && rng.IntN(3) != 0 {
					continue // unchanged
				}
				label := vocab.DocIRI(fmt.Sprint("d", i))
				if err := w.Put(ctx, label, randomDoc(rng, label), bg); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			for i := range 30 {
				if rng.IntN(8) == 0 {
					if _, err := s.RemoveDocument(ctx, vocab.DocIRI(fmt.Sprint("d", i))); err != nil && pass == 0 {
						t.Fatal(err)
					}
				}
			}
		}
		label := vocab.DocIRI("d0")
		if _, _, err := s.ReplaceDocument(ctx, label, randomDoc(rng, label)); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		return dumpBolt(t, filepath.Join(dir, BoltFile))
	}
	want, got := run(true), run(false)
	if got != want {
		gl, wl := bytes.Split([]byte(got), []byte("\n")), bytes.Split([]byte(want), []byte("\n"))
		for i := range min(len(gl), len(wl)) {
			if !bytes.Equal(gl[i], wl[i]) {
				t.Fatalf("the bulk path's store differs from Cayley's at line %d:\n bulk:   %s\n cayley: %s", i, gl[i], wl[i])
			}
		}
		t.Fatalf("the bulk path's store has %d lines, Cayley's %d", len(gl), len(wl))
	}
	if len(want) < 1000 {
		t.Fatalf("the dump is %d bytes: the test wrote nothing", len(want))
	}
}

// dumpBolt lists every bucket, key and value of a bolt file, with the
// timestamps of Cayley's log entries zeroed.
func dumpBolt(t *testing.T, file string) string {
	t.Helper()
	db, err := bolt.Open(file, 0o644, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out bytes.Buffer
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				if string(name) == "log" {
					var p cproto.Primitive
					if err := proto.Unmarshal(v, &p); err != nil {
						return err
					}
					p.Timestamp = 0
					v = appendPrimitive(nil, &p)
				}
				fmt.Fprintf(&out, "%q %q %q\n", name, k, v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestAppendPrimitive: the hand-written encoding is proto.Marshal's.
func TestAppendPrimitive(t *testing.T) {
	for _, p := range []*cproto.Primitive{
		{},
		{ID: 1, Value: []byte("x"), Timestamp: 1_700_000_000_000_000_000},
		{ID: 1 << 40, Subject: 2, Predicate: 300, Object: 70000, Label: 1 << 33, Timestamp: 5},
		{ID: 9, Subject: 2, Predicate: 3, Object: 4, Replaces: 8, Deleted: true},
		{ID: 9, Value: slices.Repeat([]byte("long "), 100)},
	} {
		want, err := proto.MarshalOptions{Deterministic: true}.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendPrimitive(nil, p); !bytes.Equal(got, want) {
			t.Errorf("appendPrimitive(%v) = %x, want %x", p, got, want)
		}
	}
}
