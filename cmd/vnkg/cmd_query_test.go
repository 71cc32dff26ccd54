package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/queries/querytest"
)

// The test binary, which testscript runs as "vnkg", has one more command:
// test-load puts N-Quads (the query library's fixture) into the store, so that
// scripts can query a known graph without depending on what the extractor
// makes of articles.
func init() {
	register(command{name: "test-load", summary: "(tests only) load an N-Quads file into the store", run: runTestLoad})
}

func runTestLoad(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "test-load", "FILE.nq", "Loads N-Quads into the store, as cayley load would.")
	db := addDBFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errUsage
	}
	s, err := graph.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer closeQueryTestStore(s, &err)
	n, err := querytest.LoadFile(ctx, s, pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "loaded %d quads\n", n)
	return nil
}

func closeQueryTestStore(s *graph.Store, err *error) {
	if cerr := s.Close(); cerr != nil && *err == nil {
		*err = cerr
	}
}

// fixtureDB is a bolt store holding the query library's fixture graph.
func fixtureDB(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "fixture.db")
	s := querytest.Open(t, dir, querytest.FixturePath())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestQueryExitCodes(t *testing.T) {
	db := fixtureDB(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "names.js")
	os.WriteFile(file, []byte(`g.V("<https://w3id.org/vnkg/id/person/ngô-xuân-lịch>").out("<https://schema.org/name>").unique().all()`), 0o644)
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string
		stderr string
	}{
		{"inline", []string{"query", "--db", db, `g.V("<https://w3id.org/vnkg/id/person/nguyễn-chí-vịnh>").out("<https://schema.org/name>").unique().all()`}, "", exitOK, "Nguyễn Chí Vịnh", ""},
		{"file", []string{"query", "--db", db, "-f", file}, "", exitOK, "Ngô Xuân Lịch", ""},
		{"stdin", []string{"query", "--db", db, "-f", "-"}, `g.emit("từ stdin")`, exitOK, "từ stdin", ""},
		{"named", []string{"query", "--db", db, "person-timeline", "Nguyễn Chí Vịnh"}, "", exitOK, "2014-06-10  Trung tướng", ""},
		{"json", []string{"query", "--db", db, "--json", "org-tree", "BQP"}, "", exitOK, `"organization":"Bộ Quốc phòng"`, ""},
		{"list", []string{"query", "--list"}, "", exitOK, "person-timeline PERSON", ""},
		{"limit", []string{"query", "--db", db, "--limit", "2", "org-tree", "BQP"}, "", exitOK, "Cục Đối ngoại", "showing the first 2 results"},
		{"bad query", []string{"query", "--db", db, "g.V("}, "", exitError, "", "syntax error"},
		{"runtime error", []string{"query", "--db", db, `throw new Error("hỏng")`}, "", exitError, "", "hỏng"},
		{"timeout", []string{"query", "--db", db, "--timeout", "200ms", "while (true) {}"}, "", exitError, "", "query timed out after 200ms"},
		{"unknown name", []string{"query", "--db", db, "no-such-query"}, "", exitUsage, "", `unknown query "no-such-query"`},
		{"wrong arguments", []string{"query", "--db", db, "org-tree"}, "", exitUsage, "", "org-tree ORG"},
		{"two queries", []string{"query", "--db", db, "g.V()", "g.V()"}, "", exitUsage, "", "one argument"},
		{"no query", []string{"query", "--db", db}, "", exitUsage, "", "missing QUERY"},
		{"no store", []string{"query", "--db", filepath.Join(dir, "none"), "g.V().all()"}, "", exitError, "", "no store"},
		{"help", []string{"query", "-h"}, "", exitOK, "Usage: vnkg query", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, stdout.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr.String())
			}
			if tt.code != exitOK && stdout.Len() > 0 {
				t.Errorf("a failed query wrote to stdout:\n%s", stdout.String())
			}
		})
	}
}
