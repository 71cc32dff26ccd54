package graph

import (
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
		if err := cgraph.InitQuadStore(backend, s.path, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return fmt.Errorf("initializing store %s: %w", where, err)
		}
		if err := addLabelIndex(s.path); err != nil {
			return fmt.Errorf("initializing store %s: %w", where, err)
		}
	}
	s.reset = func() (cgraph.QuadStore, error) {
		if s.qs != nil {
			s.qs.Close()
		}
		return cgraph.NewQuadStore(backend, s.path, nil)
	}
	qs, err := s.reset()
	if err != nil {
		return fmt.Errorf("opening store %s: %w", where, err)
	}
	s.qs = qs
	if !o.readOnly {
		// sql.Open connects at first use; Cayley's store above has just
		// shown that the database answers.
		if s.pg, err = sql.Open("postgres", s.path); err != nil {
			qs.Close()
			return fmt.Errorf("opening store %s: %w", where, err)
		}
	}
	return nil
}

func addLabelIndex(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec(labelIndexSQL); err != nil {
		return fmt.Errorf("adding the label index: %w", err)
	}
	return nil
}
