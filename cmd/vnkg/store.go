package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

// defaultDB is the store used when --db is not given; $VNKG_DB overrides it.
const defaultDB = "vnkg.db"

// addDBFlag adds the --db flag shared by the commands that use a store.
func addDBFlag(fs *flag.FlagSet) *string {
	def := defaultDB
	if v := os.Getenv("VNKG_DB"); v != "" {
		def = v
	}
	return fs.String("db", def, `store: a bolt directory, ":memory:", or a postgres:// URL (env VNKG_DB)`)
}

// openStore opens the store named by --db for writing, creating it if needed.
func openStore(ctx context.Context, e *env, path string, opts ...graph.Option) (*graph.Store, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: --db is empty", errUsage)
	}
	return graph.Open(ctx, path, append([]graph.Option{graph.WithLogger(e.log)}, opts...)...)
}

// openExistingStore opens the store named by --db for writing; a missing bolt
// store is an error rather than created.
func openExistingStore(ctx context.Context, e *env, path string) (*graph.Store, error) {
	return openStore(ctx, e, path, graph.MustExist())
}

// openStoreReadOnly opens an existing store for reading; other readers may
// share a bolt store meanwhile, writers wait.
func openStoreReadOnly(ctx context.Context, e *env, path string) (*graph.Store, error) {
	return openStore(ctx, e, path, graph.ReadOnly())
}

// closeStore closes s, keeping the first error.
func closeStore(s *graph.Store, err *error) {
	if cerr := s.Close(); cerr != nil && *err == nil {
		*err = cerr
	}
}

// docLabel turns a DOC argument into the document's label: a full IRI is
// taken as is, anything else is a document id (a file name without its
// extension, or a JSON Lines id).
func docLabel(doc string) string {
	if strings.Contains(doc, "://") {
		return doc
	}
	return vocab.DocIRI(doc)
}
