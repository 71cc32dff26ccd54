package graph_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sync"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/pgtest"
	"github.com/vnkg/vnkg/graph/vocab"
)

// sqlDB opens a plain connection to a test database, for checks and
// constraints beside the store.
func sqlDB(t testing.TB, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// checkRefs fails unless every node's reference count in Cayley's nodes
// table is the number of quad directions that name it, and no node is left
// that none names: the invariant Cayley's SQL store keeps, and reads by.
func checkRefs(t testing.TB, db *sql.DB) {
	t.Helper()
	var bad int
	err := db.QueryRow(`SELECT count(*) FROM nodes n WHERE n.refs <= 0 OR n.refs <>
		(SELECT count(*) FROM quads WHERE subject_hash = n.hash) +
		(SELECT count(*) FROM quads WHERE predicate_hash = n.hash) +
		(SELECT count(*) FROM quads WHERE object_hash = n.hash) +
		(SELECT count(*) FROM quads WHERE label_hash = n.hash)`).Scan(&bad)
	if err != nil {
		t.Fatal(err)
	}
	if bad != 0 {
		t.Fatalf("%d nodes have a reference count that is not the number of quads naming them", bad)
	}
}

// version is one version of document id: v 0 and 1 state different facts
// (different attendees, a name of their own), sharing the rest.
func version(id string, v int) (string, []vocab.Quad) {
	label, quads := article(id, 1+3*v)
	quads = append(quads, vocab.Quad{Subject: vocab.IRI(label), Predicate: vocab.IRI(vocab.AlternateName),
		Object: vocab.String(fmt.Sprintf("phiên bản %d", v)), Label: label})
	return label, quads
}

// TestPostgresConcurrentVersions: two stores on one database, as two
// builds would be, write different versions of the same documents at once,
// again and again, in batches that overlap. Nothing fails, every document
// ends whole as one version or the other, never mixed, and the reference
// counts stay exact.
func TestPostgresConcurrentVersions(t *testing.T) {
	dsn := pgtest.Database(t)
	ctx := context.Background()
	const docs, rounds = 24, 6
	stores := []*graph.Store{openStore(t, dsn), openStore(t, dsn)}
	var wg sync.WaitGroup
	errs := make([]error, len(stores))
	var failed sync.Map
	for w, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				wr := s.NewWriter(graph.BatchDocs(5), graph.OnCommit(func(rs []graph.DocResult) {
					for _, res := range rs {
						if res.Err != nil {
							failed.Store(res.Label, res.Err)
						}
					}
				}))
				for i := range docs {
					label, quads := version(fmt.Sprint("c", i), (w+r+i)%2)
					if err := wr.Put(ctx, label, quads, background()); err != nil {
						errs[w] = err
						return
					}
				}
				if err := wr.Flush(ctx); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for w, err := range errs {
		if err != nil {
			t.Fatalf("writer %d: %v", w, err)
		}
	}
	failed.Range(func(k, v any) bool {
		t.Errorf("%s: %v", k, v)
		return true
	})
	s := openStore(t, dsn)
	for i := range docs {
		label, v0 := version(fmt.Sprint("c", i), 0)
		_, v1 := version(fmt.Sprint("c", i), 1)
		got := stored(t, s, label)
		if !slices.Equal(got, dedupe(v0)) && !slices.Equal(got, dedupe(v1)) {
			t.Errorf("%s holds %d quads, neither version (%d or %d quads): mixed", label, len(got), len(dedupe(v0)), len(dedupe(v1)))
		}
	}
	if got := stored(t, s, vocab.GazetteerLabel); !slices.Equal(got, sorted(background())) {
		t.Errorf("background: %d quads, want %d", len(got), len(background()))
	}
	checkRefs(t, sqlDB(t, dsn))
}

// TestPostgresRefusedAlone: with one document a transaction, a document
// PostgreSQL refuses (text that is not UTF-8) is reported in its result and
// skipped, and the writer goes on; the batch of one is not fatal.
func TestPostgresRefusedAlone(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Database(t)
	s := openStore(t, dsn)
	var results []graph.DocResult
	w := s.NewWriter(graph.BatchDocs(1), graph.OnCommit(func(r []graph.DocResult) { results = append(results, r...) }))
	la, a := article("a", 1)
	lb, b := article("b", 1)
	lc, c := article("c", 1)
	b = append(b, vocab.Quad{Subject: vocab.IRI(lb), Predicate: vocab.IRI(vocab.Name), Object: vocab.String("bad \xff text"), Label: lb})
	for _, d := range []struct {
		l string
		q []vocab.Quad
	}{{la, a}, {lb, b}, {lc, c}} {
		if err := w.Put(ctx, d.l, d.q, background()); err != nil {
			t.Fatalf("put %s: %v", d.l, err)
		}
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	onlyMiddleFailed(t, s, results, [3]string{la, lb, lc}, a, c)
	checkRefs(t, sqlDB(t, dsn))
}

// TestPostgresStoreFailureIsFatal: an error that is not a refusal of the
// data (here the quads table gone) is the store's, and Flush returns it
// rather than blaming each document.
func TestPostgresStoreFailureIsFatal(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Database(t)
	s := openStore(t, dsn)
	if _, err := sqlDB(t, dsn).Exec(`ALTER TABLE quads RENAME TO quads_gone`); err != nil {
		t.Fatal(err)
	}
	var results []graph.DocResult
	w := s.NewWriter(graph.OnCommit(func(r []graph.DocResult) { results = append(results, r...) }))
	la, a := article("a", 1)
	if err := w.Put(ctx, la, a, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(ctx); err == nil {
		t.Fatalf("Flush into a database without its quads table succeeded (results %+v)", results)
	}
}

// TestPostgresCayleyWrites: documents written by Cayley's own writer (as
// `cayley load` writes) and by the bulk path share nodes; replacing and
// removing them through the bulk path keeps Cayley's reference counts exact,
// and Cayley reads back what the bulk path wrote.
func TestPostgresCayleyWrites(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Database(t)
	s := openStore(t, dsn)
	la, a := version("a", 0)
	lb, b := version("b", 0)
	var deltas []cgraph.Delta
	for _, q := range a {
		deltas = append(deltas, cgraph.Delta{Quad: graph.ToQuad(q), Action: cgraph.Add})
	}
	if err := s.QuadStore().ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ReplaceDocument(ctx, lb, b); err != nil {
		t.Fatal(err)
	}
	_, a1 := version("a", 1)
	if added, removed, err := s.ReplaceDocument(ctx, la, a1); err != nil || added == 0 || removed == 0 {
		t.Fatalf("replace: +%d -%d, %v", added, removed, err)
	}
	if got := stored(t, s, la); !slices.Equal(got, dedupe(a1)) {
		t.Fatalf("%s: %d quads, want %d", la, len(got), len(dedupe(a1)))
	}
	db := sqlDB(t, dsn)
	checkRefs(t, db)
	if _, err := s.RemoveDocument(ctx, lb); err != nil {
		t.Fatal(err)
	}
	checkRefs(t, db)
	if got := stored(t, s, lb); len(got) != 0 {
		t.Fatalf("removed %s still holds %d quads", lb, len(got))
	}
}

// TestPostgresConcurrentInit: stores opened at once on a new database (two
// builds starting together) all open; the tables are created once.
func TestPostgresConcurrentInit(t *testing.T) {
	dsn := pgtest.Database(t)
	errs := make([]error, 4)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := graph.Open(context.Background(), dsn)
			if err == nil {
				s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("open %d: %v", i, err)
		}
	}
}
