package main

import (
	"context"
	"flag"
	"os"

	"github.com/vnkg/vnkg/graph"
)

// defaultDB is the store used when --db is not given; $VNKG_DB overrides it.
const defaultDB = "vnkg.db"

// addDBFlag adds the --db flag shared by the commands that use a store.
func addDBFlag(fs *flag.FlagSet) *string {
	def := defaultDB
	if v := os.Getenv("VNKG_DB"); v != "" {
		def = v
	}
	return fs.String("db", def, `store: a bolt file path, ":memory:", or a postgres:// URL (env VNKG_DB)`)
}

// openStore opens the store named by --db.
func openStore(ctx context.Context, e *env, path string) (*graph.Store, error) {
	return graph.Open(ctx, path)
}
