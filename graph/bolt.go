package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	hopts "github.com/hidal-go/hidalgo/kv/options"
	bolt "go.etcd.io/bbolt"
)

// kvOptions turns off the kv store's in-memory bloom filters: they cost a scan
// of the whole log and ~150 MB at every open, and a failed write leaves them
// stale; every write here looks up what is stored anyway.
var kvOptions = cgraph.Options{ckv.OptNoBloom: true}

// labelIndex indexes quads by label (and subject). Cayley's kv store has no
// label index by default, so reading one document's quads read every quad in
// the store: a rebuild of n articles cost n full scans.
var labelIndex = ckv.QuadIndex{Dirs: []quad.Direction{quad.Label, quad.Subject}}

// keyMetaIndexes is where Cayley's kv store keeps its list of indexes (a JSON
// array of QuadIndex), read when a store is opened.
var keyMetaIndexes = hkv.Key{[]byte("meta"), []byte("indexes")}

func (s *Store) openBolt(o options) error {
	file := filepath.Join(s.path, BoltFile)
	if o.readOnly || o.mustExist {
		if _, err := os.Stat(file); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%w at %s (run vnkg build first)", ErrNoStore, s.path)
			}
			return fmt.Errorf("opening store %s: %w", s.path, err)
		}
	} else if err := os.MkdirAll(s.path, 0o755); err != nil {
		return fmt.Errorf("creating store %s: %w", s.path, err)
	}
	bo := &bolt.Options{Timeout: o.lockTimeout, ReadOnly: o.readOnly, FreelistType: bolt.FreelistMapType}
	if !o.readOnly {
		bo.InitialMmapSize = initialMmap // release_linux.go
	}
	db, err := bolt.Open(file, 0o644, bo)
	if errors.Is(err, bolt.ErrTimeout) {
		return fmt.Errorf("opening store %s: %w: %s stayed locked for %v", s.path, ErrLocked, file, o.lockTimeout)
	}
	if err != nil {
		return fmt.Errorf("opening store %s: %w", file, err)
	}
	s.bdb = db
	kv := &sharedKV{KV: hbolt.New(db)}
	if !o.readOnly {
		if err := initBolt(kv); err != nil {
			kv.Close()
			return fmt.Errorf("initializing store %s: %w", file, err)
		}
	}
	s.shared = kv
	s.reset = func() (cgraph.QuadStore, error) { return ckv.New(kv, kvOptions) }
	if s.qs, err = s.reset(); err != nil {
		kv.Close()
		if errors.Is(err, cgraph.ErrNotInitialized) {
			return fmt.Errorf("opening store %s: %w (not a vnkg store, or never written)", file, ErrNoStore)
		}
		return fmt.Errorf("opening store %s: %w", file, err)
	}
	if !o.readOnly {
		if err := s.ensureNames(context.Background()); err != nil {
			s.qs.Close()
			return err
		}
		if err := s.ensureFirsts(context.Background()); err != nil { // firsts.go
			s.qs.Close()
			return err
		}
		if err := s.ensureTimeline(context.Background()); err != nil {
			s.qs.Close()
			return err
		}
		if err := s.ensureFacts(context.Background()); err != nil { // facts.go
			s.qs.Close()
			return err
		}
	}
	return nil
}

// initBolt creates Cayley's buckets in a new store, and adds labelIndex to the
// indexes of a store that holds no quad yet: a new one, or one whose creation
// was cut short. (An older store without the index still works, slowly.)
func initBolt(kv hkv.KV) error {
	ctx := context.Background()
	if err := ckv.Init(kv, kvOptions); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return err
	}
	return hkv.Update(ctx, kv, func(tx hkv.Tx) error {
		var indexes []ckv.QuadIndex
		if data, err := tx.Get(ctx, keyMetaIndexes); err == nil {
			if err := json.Unmarshal(data, &indexes); err != nil {
				return fmt.Errorf("reading the store's indexes: %w", err)
			}
		} else if !errors.Is(err, hkv.ErrNotFound) {
			return err
		}
		if slices.ContainsFunc(indexes, func(i ckv.QuadIndex) bool { return slices.Equal(i.Dirs, labelIndex.Dirs) }) {
			return nil
		}
		if empty, err := noQuads(ctx, tx); err != nil || !empty {
			return err
		}
		data, err := json.Marshal(append(indexes, labelIndex))
		if err != nil {
			return err
		}
		return tx.Put(ctx, keyMetaIndexes, data)
	})
}

// noQuads reports whether a kv store's log (of nodes and quads) is empty.
func noQuads(ctx context.Context, tx hkv.Tx) (bool, error) {
	it := tx.Scan(ctx, hopts.WithPrefixKV(hkv.Key{[]byte("log")}))
	defer it.Close()
	if it.Next(ctx) {
		return false, nil
	}
	return true, it.Err()
}

// sharedKV is a bolt database whose Cayley transactions, while tx is set, are
// all tx: so several Cayley writes and the reads between them commit or roll
// back together.
type sharedKV struct {
	hkv.KV
	tx hkv.Tx
}

func (k *sharedKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	if tx, ok := ctx.Value(readTxKey{}).(hkv.Tx); ok && !rw {
		return sharedTx{tx}, nil
	}
	if k.tx != nil {
		return sharedTx{k.tx}, nil
	}
	return k.KV.Tx(ctx, rw)
}

func (k *sharedKV) View(ctx context.Context, fn func(hkv.Tx) error) error {
	return hkv.View(ctx, k, fn)
}

func (k *sharedKV) Update(ctx context.Context, fn func(hkv.Tx) error) error {
	return hkv.Update(ctx, k, fn)
}

// sharedTx is the shared transaction as Cayley sees it: its commit and
// rollback belong to Store.atomically.
type sharedTx struct{ hkv.Tx }

func (sharedTx) Commit(context.Context) error { return nil }
func (sharedTx) Close() error                 { return nil }

// IOStats counts what a bolt store has read since it was opened: read
// transactions, cursors (one an index scan or lookup), and B+tree nodes
// dereferenced. Two readings' difference is what the reads between them cost.
type IOStats struct {
	Transactions int64
	Cursors      int64
	NodeDerefs   int64
}

// IOStats reads the store's counters; ok is false except on bolt.
func (s *Store) IOStats() (st IOStats, ok bool) {
	if s.bdb == nil {
		return IOStats{}, false
	}
	bs := s.bdb.Stats()
	return IOStats{
		Transactions: int64(bs.TxN),
		Cursors:      bs.TxStats.GetCursorCount(),
		NodeDerefs:   bs.TxStats.GetNodeDeref(),
	}, true
}

// Sub is the counters of a from which b's are taken away.
func (a IOStats) Sub(b IOStats) IOStats {
	return IOStats{a.Transactions - b.Transactions, a.Cursors - b.Cursors, a.NodeDerefs - b.NodeDerefs}
}

// readTxKey is the context key of a snapshot's read transaction.
type readTxKey struct{}

// Snapshot starts a read transaction that every read of a bolt store made
// with the returned context shares (Reader's lookups, Cayley's iterators), so
// that a query pays for one transaction rather than one a lookup, and sees
// one state of the store. end finishes it; on other backends it does nothing.
func (s *Store) Snapshot(ctx context.Context) (_ context.Context, end func(), err error) {
	if s.shared == nil || s.shared.tx != nil {
		return ctx, func() {}, nil
	}
	tx, err := s.shared.KV.Tx(ctx, false)
	if err != nil {
		return ctx, func() {}, fmt.Errorf("reading store %s: %w", s, err)
	}
	return context.WithValue(ctx, readTxKey{}, tx), func() { tx.Close() }, nil
}
