package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/vnkg/vnkg/graph/vocab"
)

func TestRmExitCodes(t *testing.T) {
	db := builtCorpus(t)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"by id", []string{"rm", "--db", db, "000_aa4540ad7a50da76"}, exitOK, "removed 1 articles"},
		{"by IRI", []string{"rm", "--db", db, vocab.DocIRI("001_5e7f9ea061c1cc74")}, exitOK, "removed 1 articles"},
		{"gone", []string{"rm", "--db", db, "000_aa4540ad7a50da76"}, exitError, "no such document"},
		{"some gone", []string{"rm", "--db", db, "002_5181c57cd1a0665d", "nosuch"}, exitPartial, "1 of 2 documents not found"},
		{"background", []string{"rm", "--db", db, "gazetteer"}, exitError, "not a document"},
		{"no args", []string{"rm", "--db", db}, exitUsage, "missing DOC..."},
		{"no store", []string{"rm", "--db", filepath.Join(t.TempDir(), "none"), "x"}, exitError, "no store at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := vnkgRun(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) || stdout != "" {
				t.Fatalf("exit %d (want %d), stdout %q, stderr:\n%s", code, tt.code, stdout, stderr)
			}
		})
	}
	// What is left: two articles and the background.
	got := byLabel(exportStore(t, db))
	if len(got) != 3 || got[vocab.DocIRI("003_9114ea97f9ddac23")] == "" || got[vocab.GazetteerLabel] == "" {
		t.Fatalf("left in the store: %d labels", len(got))
	}
}
