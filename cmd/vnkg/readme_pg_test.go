package main

import (
	"testing"

	"github.com/vnkg/vnkg/graph/pgtest"
)

// readmePostgres is a fresh database for the README's PostgreSQL examples.
func readmePostgres(t *testing.T) string { return pgtest.Database(t) }
