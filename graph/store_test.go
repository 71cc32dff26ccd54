package graph_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vnkg/vnkg/graph"
)

func TestOpenLocked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "db")
	w := openStore(t, path)
	fill(t, w, "a")

	// A second writer, or a reader, waits for the lock and then says who
	// holds what.
	for _, opts := range [][]graph.Option{nil, {graph.ReadOnly()}} {
		start := time.Now()
		_, err := graph.Open(ctx, path, append(opts, graph.WithLockTimeout(200*time.Millisecond))...)
		if !errors.Is(err, graph.ErrLocked) {
			t.Fatalf("opening a locked store: err = %v, want ErrLocked", err)
		}
		if !strings.Contains(err.Error(), filepath.Join(path, graph.BoltFile)) {
			t.Errorf("error %q does not name the file", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("gave up after %v", d)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	// Readers share the store, and see what was written.
	r1 := openStore(t, path, graph.ReadOnly())
	r2 := openStore(t, path, graph.ReadOnly(), graph.WithLockTimeout(200*time.Millisecond))
	for _, r := range []*graph.Store{r1, r2} {
		if ok, err := r.HasLabel(ctx, r.Path()); err != nil || ok {
			t.Fatalf("HasLabel(not a label) = %v, %v", ok, err)
		}
		if n := len(export(t, r, graph.FormatNQuads, "")); n == 0 {
			t.Fatal("a reader sees an empty store")
		}
	}
	// A writer waits for readers.
	if _, err := graph.Open(ctx, path, graph.WithLockTimeout(100*time.Millisecond)); !errors.Is(err, graph.ErrLocked) {
		t.Fatalf("writer beside readers: err = %v, want ErrLocked", err)
	}
}

func TestOpenReadOnlyMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none")
	for _, opt := range []graph.Option{graph.ReadOnly(), graph.MustExist()} {
		_, err := graph.Open(context.Background(), path, opt)
		if !errors.Is(err, graph.ErrNoStore) {
			t.Fatalf("err = %v, want ErrNoStore", err)
		}
		if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("opening a missing store created %s (stat: %v)", path, err)
		}
	}
}

func TestOpenPostgresRedactsPassword(t *testing.T) {
	// Nothing listens on port 1: the error must not show the password.
	_, err := graph.Open(context.Background(), "postgres://vnkg:s3cret@127.0.0.1:1/vnkg?sslmode=disable&connect_timeout=2")
	if err == nil {
		t.Fatal("opened a store on a closed port")
	}
	if strings.Contains(err.Error(), "s3cret") {
		t.Fatalf("error shows the password: %v", err)
	}
}

func TestIsPostgresURL(t *testing.T) {
	for in, want := range map[string]bool{
		"postgres://u@h/db": true, "postgresql://h/db": true, "vnkg.db": false,
		":memory:": false, "/tmp/postgres://x": false, "mysql://h/db": false,
	} {
		if got := graph.IsPostgresURL(in); got != want {
			t.Errorf("IsPostgresURL(%q) = %v, want %v", in, got, want)
		}
	}
}
