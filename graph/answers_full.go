package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The full computation of the stored answers (every answer: a first build,
// or a store written past vnkg) in bounded memory. A 100k-article store's
// answers and their dependencies are hundreds of MB; held whole until one
// transaction wrote them all, they and that transaction's pages took a build
// from 540 MB of peak memory to 890 MB (bench/RESULTS.md, session 9–10). So
// the answers go to a spool file as they are computed, their dependency keys
// through an external sort (the dependencies' bucket is written in key
// order, as before), and both are written in transactions of at most
// allAnswersTxBytes each:
//
//   - the first drops the answers stored before and their marker, so that
//     until the last commits the store has no current answers (a query reads
//     the store; a crash in between leaves it so, and the next build computes
//     them all again);
//   - the last empties the dirty set and marks the answers current.
//
// Each transaction fails if another wrote the store since the snapshot the
// answers were computed from.

// allAnswersTxBytes is how many bytes of answers and dependencies one
// transaction of a full computation writes at most (its commit holds their
// pages in memory).
var allAnswersTxBytes = 16 << 20

// allAnswersSortBytes is how many bytes of dependency keys are sorted in
// memory before a run goes to a spool file.
var allAnswersSortBytes = 32 << 20

// updateAllAnswers is UpdateAnswers when every answer is computed: compute
// runs in the snapshot ctx (of the transaction seen), which end closes.
func (s *Store) updateAllAnswers(ctx context.Context, end func(), seen uint64, compute func(ctx context.Context, work AnswerWork, put func(Answer) error) error, start time.Time) (AnswerStats, error) {
	st := AnswerStats{Full: true}
	spooled, err := newSpool()
	if err != nil {
		end()
		return st, err
	}
	defer spooled.close()
	deps := &keySorter{limit: allAnswersSortBytes}
	defer deps.close()
	recomputed := map[string]bool{}
	err = compute(ctx, AnswerWork{Full: true}, func(a Answer) error {
		k, v, err := storedAnswerOnce(recomputed, a)
		if err != nil || k == nil {
			return err
		}
		var all []byte
		addDep := func(n []byte) error {
			all = append(all, n...)
			st.Deps++
			return deps.add(append(n[:len(n):len(n)], k...))
		}
		for _, n := range a.depKeys() {
			if err := addDep(n); err != nil {
				return err
			}
		}
		if err := spooled.add(k, v, all); err != nil {
			return err
		}
		st.Answers++
		st.Rows += len(a.Rows)
		st.Bytes += len(k) + len(v) + len(all)
		return nil
	})
	end()
	if err != nil {
		return st, fmt.Errorf("computing the stored answers of %s: %w", s, err)
	}
	if err := s.writeAllAnswers(seen, spooled, deps); err != nil {
		return AnswerStats{}, fmt.Errorf("writing the stored answers of %s: %w", s, err)
	}
	st.Recomputed = len(recomputed)
	st.Time = time.Since(start)
	return st, nil
}

// writeAllAnswers writes the spooled answers and the sorted dependencies in
// transactions of allAnswersTxBytes, the first after the transaction seen.
func (s *Store) writeAllAnswers(seen uint64, spooled *spool, deps *keySorter) error {
	var (
		tx                     *bolt.Tx
		answers, depsB, depsOf *bolt.Bucket
		written                int
	)
	defer func() {
		if tx != nil {
			tx.Rollback()
		}
	}()
	begin := func(first bool) error {
		t, err := s.bdb.Begin(true)
		if err != nil {
			return err
		}
		tx = t
		if uint64(t.ID()) != seen+1 {
			return fmt.Errorf("the store changed while its answers were computed")
		}
		if first {
			for _, name := range [][]byte{answersBucket, answerDeps, answerDepsOf, answersDirty} {
				if t.Bucket(name) != nil {
					if err := t.DeleteBucket(name); err != nil {
						return err
					}
				}
			}
			if m := t.Bucket(keyAnswersOK[0]); m != nil {
				if err := m.Delete(keyAnswersOK[1]); err != nil {
					return err
				}
			}
		}
		if answers, err = t.CreateBucketIfNotExists(answersBucket); err != nil {
			return err
		}
		if depsB, err = t.CreateBucketIfNotExists(answerDeps); err != nil {
			return err
		}
		if depsOf, err = t.CreateBucketIfNotExists(answerDepsOf); err != nil {
			return err
		}
		depsB.FillPercent = 1 // written in key order, across the transactions
		return nil
	}
	commit := func() error {
		t := tx
		tx = nil
		seen = uint64(t.ID())
		written = 0
		return t.Commit()
	}
	wrote := func(n int) error {
		written += n
		if written < allAnswersTxBytes {
			return nil
		}
		if err := commit(); err != nil {
			return err
		}
		return begin(false)
	}
	if err := begin(true); err != nil {
		return err
	}
	r, err := spooled.reader()
	if err != nil {
		return err
	}
	for {
		p, err := r.next(3)
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return err
		}
		if err := answers.Put(p[0], p[1]); err != nil {
			return err
		}
		if err := depsOf.Put(p[0], p[2]); err != nil {
			return err
		}
		if err := wrote(2*len(p[0]) + len(p[1]) + len(p[2])); err != nil {
			return err
		}
	}
	err = deps.each(func(k []byte) error {
		if err := depsB.Put(k, nil); err != nil {
			return err
		}
		return wrote(len(k))
	})
	if err != nil {
		return err
	}
	if err := markAnswersCurrent(tx); err != nil {
		return err
	}
	return commit()
}
