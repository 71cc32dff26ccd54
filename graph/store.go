// Package graph is vnkg's store: it opens a Cayley quad store (an embedded bolt
// file by default, memory, or PostgreSQL through Cayley's SQL backend), writes
// and replaces the quads of documents, reads and exports them, and runs Gizmo
// queries. It knows the vocabulary (package vocab) and Cayley, and nothing of
// Vietnamese.
package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	hkv "github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
)

// Memory is the --db value for an in-memory store.
const Memory = ":memory:"

// BoltFile is the name of the bolt database inside a store directory; it is
// the layout of Cayley's own bolt backend, so `cayley --db bolt --dbpath DIR`
// opens a vnkg store.
const BoltFile = "indexes.bolt"

// Errors opening a store.
var (
	// ErrLocked: another process holds the bolt file (a running build, say).
	ErrLocked = errors.New("store is in use by another process")
	// ErrNoStore: a read-only open found no store at the path.
	ErrNoStore = errors.New("no store")
)

// Backend names what kind of store is open.
type Backend string

const (
	BackendBolt     Backend = "bolt"
	BackendMemory   Backend = "memory"
	BackendPostgres Backend = "postgres"
)

// DefaultLockTimeout is how long Open waits for another process to release a
// bolt store before it gives up with ErrLocked.
const DefaultLockTimeout = 2 * time.Second

// Option configures Open.
type Option func(*options)

type options struct {
	log         *slog.Logger
	lockTimeout time.Duration
	readOnly    bool
	mustExist   bool
}

// WithLogger sets the logger for the store and for Cayley's own messages,
// which are process-wide (default: discard).
func WithLogger(l *slog.Logger) Option { return func(o *options) { o.log = l } }

// WithLockTimeout sets how long to wait for a bolt store held by another
// process (default DefaultLockTimeout).
func WithLockTimeout(d time.Duration) Option { return func(o *options) { o.lockTimeout = d } }

// ReadOnly opens an existing store for reading: a bolt store is then shared
// with other readers, and a missing one is ErrNoStore rather than created.
func ReadOnly() Option { return func(o *options) { o.readOnly = true } }

// MustExist opens a bolt store only if it exists (ErrNoStore otherwise),
// rather than creating it.
func MustExist() Option { return func(o *options) { o.mustExist = true } }

// Store is an open quad store. Writes are serialized by the store; reads may
// run concurrently with each other, but not with a write to a bolt store
// (the write's transaction serves Cayley's reads on its goroutine).
type Store struct {
	answers answerCache // decoded stored answers (answers.go)
	qs      cgraph.QuadStore
	path    string
	backend Backend
	log     *slog.Logger

	// wmu serializes writes. Cayley's kv and sql stores keep caches beside
	// the database that a failed write leaves stale, so after one the quad
	// store is reopened with reset.
	wmu    sync.Mutex
	shared *sharedKV // bolt: the database, whose writes share a transaction
	bdb    *bolt.DB  // bolt: the same database, for its statistics
	reset  func() (cgraph.QuadStore, error)
	pg     *sql.DB // PostgreSQL: the bulk write path's connections (pgwrite.go)

	// cayleyWrites sends a bolt store's additions through Cayley's
	// ApplyDeltas rather than the bulk path (bulk.go): for the test that
	// both write the same.
	cayleyWrites bool

	// lastDirty is how many bytes of pages the last bolt write transaction
	// wrote (bbolt's TxStats.PageAlloc): its commit holds them all in
	// memory at once (Writer sizes its batches by it).
	lastDirty int
}

// Open opens (creating if needed) the store at path: Memory, a postgres:// or
// postgresql:// URL, or else the directory of a bolt store (created with its
// parents).
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	o := options{log: slog.New(slog.DiscardHandler), lockTimeout: DefaultLockTimeout}
	for _, opt := range opts {
		opt(&o)
	}
	setCayleyLogger(o.log)
	s := &Store{path: path, log: o.log}
	var err error
	switch {
	case path == Memory:
		s.backend = BackendMemory
		s.qs = memstore.New()
	case IsPostgresURL(path):
		s.backend = BackendPostgres
		err = s.openPostgres(o)
	default:
		s.backend = BackendBolt
		err = s.openBolt(o)
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// IsPostgresURL reports whether path names a PostgreSQL database.
func IsPostgresURL(path string) bool {
	return strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://")
}

// redact hides a password in a database URL.
func redact(path string) string {
	u, err := url.Parse(path)
	if err != nil {
		return "database URL"
	}
	return u.Redacted()
}

// QuadStore is the underlying Cayley store, for queries.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Path is where the store lives, as given to Open.
func (s *Store) Path() string { return s.path }

// String names the store for messages, with any password hidden.
func (s *Store) String() string {
	if s.backend == BackendPostgres {
		return redact(s.path)
	}
	return s.path
}

// Backend is the kind of store.
func (s *Store) Backend() Backend { return s.backend }

// Close closes the store.
func (s *Store) Close() error {
	if s.pg != nil {
		s.pg.Close()
	}
	if err := s.qs.Close(); err != nil {
		return fmt.Errorf("closing store %s: %w", s, err)
	}
	return nil
}

// atomically runs fn, which reads the store and applies deltas, as one
// transaction where the backend allows: on bolt every Cayley access within fn
// shares one write transaction, committed if fn succeeds and rolled back if
// not; on PostgreSQL each applyDeltas is a transaction of its own; memory
// applies or refuses a delta list whole. The caller holds wmu. After a
// failure the quad store is reopened, since Cayley keeps caches beside the
// database that a rolled-back transaction leaves stale.
func (s *Store) atomically(ctx context.Context, fn func() error) error {
	var tx hkv.Tx
	if s.shared != nil {
		var err error
		if tx, err = s.shared.KV.Tx(ctx, true); err != nil {
			return fmt.Errorf("starting a transaction on %s: %w", s, err)
		}
		s.shared.tx = tx
		defer s.releaseWhileWriting()() // release_linux.go
	}
	err := fn()
	if tx != nil {
		s.shared.tx = nil
		if err == nil {
			s.releaseMapped() // what the write read; the commit reads its own
			b := boltTxOf(tx)
			if err = tx.Commit(ctx); err != nil {
				err = fmt.Errorf("committing to store %s: %w", s, err)
			} else if b != nil {
				// What the commit allocated: the pages it wrote, all in
				// memory at once (the Writer sizes its batches by it).
				st := b.Stats()
				s.lastDirty = int(st.GetPageAlloc())
			}
		} else {
			tx.Close()
		}
	}
	if err != nil && s.reset != nil {
		qs, rerr := s.reset()
		if rerr != nil {
			return fmt.Errorf("%w (and reopening the store: %v)", err, rerr)
		}
		s.qs = qs
	}
	return err
}

// applyDeltas writes deltas. Within atomically, it is all or nothing.
//
// On bolt the deletions go first and the additions after, as two Cayley
// writes in the shared transaction: Cayley's kv store, given both in one
// write, leaves out of an added quad any node whose reference count the
// write lowers overall (a document's own IRI when a changed document states
// fewer facts), and the quad is then stored without its subject or label.
func (s *Store) applyDeltas(deltas []cgraph.Delta) error {
	if len(deltas) == 0 {
		return nil
	}
	if s.shared == nil {
		return s.apply(deltas)
	}
	var dels, adds []cgraph.Delta
	for _, d := range deltas {
		if d.Action == cgraph.Delete {
			dels = append(dels, d)
		} else {
			adds = append(adds, d)
		}
	}
	names, err := s.namesBefore()
	if err != nil {
		return err
	}
	timeline, err := s.timelineBefore()
	if err != nil {
		return err
	}
	facts, err := s.factsBefore() // facts.go
	if err != nil {
		return err
	}
	firsts, err := s.firstsBefore() // firsts.go
	if err != nil {
		return err
	}
	answers, err := s.answersBefore() // answers.go
	if err != nil {
		return err
	}
	if err := s.apply(dels); err != nil {
		return err
	}
	s.releaseMapped()
	if ok, err := s.bulkAdds(adds); err != nil {
		return err
	} else if !ok {
		if err := s.apply(adds); err != nil {
			return err
		}
	}
	s.releaseMapped()
	if err := s.indexNames(adds, names); err != nil {
		return err
	}
	// The derived rows, from the quads as this write leaves them (firsts.go
	// first: the timeline rows read dates through First).
	changed, err := s.deriveFirsts(context.Background(), deltas, firsts)
	if err != nil {
		return err
	}
	if err := s.deriveTimeline(context.Background(), deltas, timeline); err != nil {
		return err
	}
	if err := s.deriveFacts(context.Background(), deltas, facts); err != nil { // facts.go
		return err
	}
	return s.staleAnswers(deltas, answers, changed) // answers.go

}

func (s *Store) apply(deltas []cgraph.Delta) error {
	if len(deltas) == 0 {
		return nil
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
		return fmt.Errorf("writing to store %s: %w", s, err)
	}
	return nil
}
