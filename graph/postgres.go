package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers "postgres"
)

// labelIndexSQL adds an index by label to Cayley's quads table, which has
// none: without it, reading one document's quads scans the whole table.
const labelIndexSQL = `CREATE INDEX IF NOT EXISTS vnkg_label_index ON quads (label_hash)`

func (s *Store) openPostgres(o options) error {
	const backend = "postgres"
	where := redact(s.path)
	if !o.readOnly {
		db, err := sql.Open("postgres", s.path)
		if err != nil {
			return fmt.Errorf("opening store %s: %w", where, err)
		}
		if err := initPostgres(db, s.path); err != nil {
			db.Close()
			return fmt.Errorf("initializing store %s: %w", where, err)
		}
		s.pg = db
	}
	s.reset = func() (cgraph.QuadStore, error) {
		if s.qs != nil {
			s.qs.Close()
		}
		return cgraph.NewQuadStore(backend, s.path, nil)
	}
	qs, err := s.reset()
	if err != nil {
		if s.pg != nil {
			s.pg.Close()
		}
		return fmt.Errorf("opening store %s: %w", where, err)
	}
	s.qs = qs
	return nil
}

// initPostgres creates Cayley's tables and vnkg's label index where they are
// missing, holding the write lock (as a session lock) meanwhile: two builds
// starting on a new database at once would otherwise both create the tables,
// and one fail.
func initPostgres(db *sql.DB, dsn string) error {
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, writeLockKey); err != nil {
		return fmt.Errorf("waiting for other writers: %w", err)
	}
	defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, writeLockKey)
	var exists bool
	if err := conn.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL`).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		if err := cgraph.InitQuadStore("postgres", dsn, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return err
		}
	}
	if _, err := conn.ExecContext(ctx, labelIndexSQL); err != nil {
		return fmt.Errorf("adding the label index: %w", err)
	}
	return nil
}
