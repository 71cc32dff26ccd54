package graph

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/vnkg/vnkg/graph/vocab"
)

// bucketDump is every key and value of the answers' buckets and the marker.
func bucketDump(t *testing.T, s *Store) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	err := s.bdb.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{answersBucket, answerDeps, answerDepsOf, answersDirty} {
			m := map[string]string{}
			if b := tx.Bucket(name); b != nil {
				if err := b.ForEach(func(k, v []byte) error { m[string(k)] = string(v); return nil }); err != nil {
					return err
				}
			}
			out[string(name)] = m
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAllAnswersChunked: a full computation written in many small
// transactions, its dependencies sorted through spooled runs, stores the
// same keys and values as one written in one transaction, marks the
// answers current, and holds every answer and dependency put.
func TestAllAnswersChunked(t *testing.T) {
	ctx := context.Background()
	const nAnswers, nDeps = 60, 300
	compute := func(ctx context.Context, work AnswerWork, put func(Answer) error) error {
		if !work.Full {
			return fmt.Errorf("want a full computation")
		}
		for i := range nAnswers {
			a := Answer{Query: fmt.Sprint("q", i%3), Node: Node{Kind: IRINode, Value: fmt.Sprint("http://x/n", i)}, All: i%7 == 0}
			for j := range 5 + i {
				a.Rows = append(a.Rows, Result{Value: map[string]any{"i": int64(j), "s": fmt.Sprint("row ", j)}})
			}
			// the dependencies in no order, as Reader.TakeDeps gives them
			// of every kind: out, in, a first object, the quads (n, p, o)
			for j := range nDeps {
				d := Dep{Node: Node{Kind: IRINode, Value: fmt.Sprint("http://x/d", (j*7919+i*31)%1000)}, In: j%4 == 1}
				if j%4 >= 2 {
					d.Pred = Node{Kind: IRINode, Value: "http://schema.org/name"}
				}
				if j%4 == 3 {
					d.Obj = Node{Kind: LiteralNode, Value: fmt.Sprint("o", j%5)}
				}
				a.Deps = append(a.Deps, d)
			}
			slices.SortFunc(a.Deps, func(x, y Dep) int { return bytes.Compare(depKey(x), depKey(y)) })
			a.Deps = slices.Compact(a.Deps)
			if err := put(a); err != nil {
				return err
			}
		}
		return nil
	}
	build := func(txBytes, sortBytes int) (map[string]map[string]string, AnswerStats, uint64) {
		t.Helper()
		defer func(a, b int) { allAnswersTxBytes, allAnswersSortBytes = a, b }(allAnswersTxBytes, allAnswersSortBytes)
		allAnswersTxBytes, allAnswersSortBytes = txBytes, sortBytes
		s, err := Open(ctx, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, _, err := s.ReplaceDocument(ctx, vocab.DocIRI("d"), []vocab.Quad{{Subject: vocab.IRI("http://x/a"), Predicate: vocab.IRI("http://x/p"), Object: vocab.String("v"), Label: vocab.DocIRI("d")}}); err != nil {
			t.Fatal(err)
		}
		var before uint64
		s.bdb.View(func(tx *bolt.Tx) error { before = uint64(tx.ID()); return nil })
		st, err := s.UpdateAnswers(ctx, compute)
		if err != nil {
			t.Fatal(err)
		}
		var after uint64
		s.bdb.View(func(tx *bolt.Tx) error { after = uint64(tx.ID()); return nil })
		stored, err := s.StoredAnswers(ctx)
		if err != nil || len(stored) != nAnswers {
			t.Fatalf("%d current stored answers (%v), want %d", len(stored), err, nAnswers)
		}
		// Nothing written since: the next update keeps them all.
		if st2, err := s.UpdateAnswers(ctx, compute); err != nil || st2.Kept != nAnswers || st2.Recomputed != 0 {
			t.Fatalf("update after nothing written: %+v, %v", st2, err)
		}
		return bucketDump(t, s), st, after - before
	}
	whole, stWhole, txWhole := build(1<<30, 1<<30)
	chunked, stChunked, txChunked := build(4<<10, 2<<10)
	if txWhole != 1 || txChunked < 10 {
		t.Errorf("transactions: %d whole, %d chunked; want 1 and many", txWhole, txChunked)
	}
	if stWhole != stChunked {
		// Time differs; compare the rest.
		stWhole.Time, stChunked.Time = 0, 0
		if stWhole != stChunked {
			t.Errorf("stats: %+v whole, %+v chunked", stWhole, stChunked)
		}
	}
	if stWhole.Answers != nAnswers || !stWhole.Full {
		t.Errorf("stats %+v: want %d answers, all computed", stWhole, nAnswers)
	}
	deps := 0
	for name, m := range whole {
		c := chunked[name]
		if len(m) != len(c) {
			t.Errorf("%s: %d keys whole, %d chunked", name, len(m), len(c))
		}
		for k, v := range m {
			if c[k] != v {
				t.Errorf("%s: key %q differs", name, k)
				break
			}
		}
		if name == string(answerDeps) {
			deps = len(m)
		}
	}
	if deps != stWhole.Deps || deps < nAnswers*100 {
		t.Errorf("%d dependencies stored, %d counted", deps, stWhole.Deps)
	}
}

// TestKeySorter: keys come back sorted, however many runs they were
// spooled in.
func TestKeySorter(t *testing.T) {
	for _, limit := range []int{1 << 30, 100, 1} {
		k := &keySorter{limit: limit}
		var want [][]byte
		for i := range 500 {
			key := []byte(fmt.Sprint((i*7919)%1009, "-", i))
			want = append(want, key)
			if err := k.add(key); err != nil {
				t.Fatal(err)
			}
		}
		slices.SortFunc(want, bytes.Compare)
		var got [][]byte
		if err := k.each(func(b []byte) error { got = append(got, b); return nil }); err != nil {
			t.Fatal(err)
		}
		k.close()
		if !slices.EqualFunc(got, want, bytes.Equal) {
			t.Errorf("limit %d: %d keys, not in order", limit, len(got))
		}
	}
}
