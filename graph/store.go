// Package graph is vnkg's store: it opens a Cayley quad store (an embedded bolt
// file by default, memory, or PostgreSQL/CockroachDB through Cayley's SQL
// backend), writes and replaces the quads of documents, reads and exports them,
// and runs Gizmo queries. It knows the vocabulary (package vocab) and Cayley, and
// nothing of Vietnamese.
package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt" // the embedded default
	"github.com/cayleygraph/cayley/graph/memstore"
)

// Memory is the --db value for an in-memory store.
const Memory = ":memory:"

// Store is an open quad store.
type Store struct {
	qs   cgraph.QuadStore
	path string
}

// Open opens (creating if needed) the store at path: a bolt file path, Memory,
// or a postgres:// / postgresql:// (or cockroach://) URL.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == Memory {
		return &Store{qs: memstore.New(), path: path}, nil
	}
	const backend = "bolt"
	if err := cgraph.InitQuadStore(backend, path, nil); err != nil && err != cgraph.ErrDatabaseExists {
		return nil, fmt.Errorf("initializing %s store %s: %w", backend, path, err)
	}
	qs, err := cgraph.NewQuadStore(backend, path, nil)
	if err != nil {
		return nil, fmt.Errorf("opening %s store %s: %w", backend, path, err)
	}
	return &Store{qs: qs, path: path}, nil
}

// QuadStore is the underlying Cayley store, for queries.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Path is where the store lives, as given to Open.
func (s *Store) Path() string { return s.path }

// Close closes the store.
func (s *Store) Close() error { return s.qs.Close() }
