package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
	"github.com/vnkg/vnkg/queries"
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

// TestRmStoresAnswers: vnkg build stores the hubs' answers and vnkg rm
// stores them again after it removed articles, so that the queries read
// them (their plan says so) and they equal the queries' answers now.
func TestRmStoresAnswers(t *testing.T) {
	t.Setenv("VNKG_ANSWER_MIN_ROWS", "1") // the bundled corpus is small
	db := builtCorpus(t)
	current := func(when string) []graph.Answer {
		t.Helper()
		s, err := graph.Open(context.Background(), db, graph.ReadOnly())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		answers, err := s.StoredAnswers(context.Background())
		if err != nil || len(answers) == 0 {
			t.Fatalf("%s: %d current stored answers (%v), want some", when, len(answers), err)
		}
		if diff, err := queries.CheckAnswers(context.Background(), s); err != nil || diff != "" {
			t.Fatalf("%s: stored answers against the queries: %q, %v", when, diff, err)
		}
		return answers
	}
	before := current("built")
	// A build of the same articles changes no quad: the answers are kept,
	// none computed again, and the summary says so.
	if _, stderr := mustRun(t, "build", "--db", db, "../../data/corpus"); !strings.Contains(stderr, "stored answers updated: 0 recomputed") {
		t.Errorf("a build that changed nothing: the summary does not say the answers were kept:\n%s", stderr)
	}
	current("built again, nothing changed")
	mustRun(t, "rm", "--db", db, "000_aa4540ad7a50da76")
	after := current("after rm")
	t.Logf("%d answers stored after the build, %d after rm", len(before), len(after))
	i := slices.IndexFunc(after, func(a graph.Answer) bool { return len(a.Also) == 0 })
	if i < 0 {
		t.Fatal("no stored answer of a query of one node")
	}
	a := after[i]
	code, _, stderr := vnkgRun(t, "query", "--db", db, "--explain", a.Query, "<"+a.Node.Value+">")
	if code != exitOK || !strings.Contains(stderr, "stored answer of "+a.Query) {
		t.Errorf("query %s <%s>: exit %d, the plan does not show the stored answer:\n%s", a.Query, a.Node.Value, code, stderr)
	}
	// rm --no-answers stales (deletes) the answers that read a node of the
	// removed quads, and only those: the others are still served, and
	// equal the queries; a staled one is not read, the query computes.
	mustRun(t, "rm", "--db", db, "--no-answers", "001_5e7f9ea061c1cc74")
	left := current("after rm --no-answers")
	key := func(a graph.Answer) string { return fmt.Sprint(a.Query, a.Node, a.Also) }
	kept := map[string]bool{}
	for _, a := range left {
		kept[key(a)] = true
	}
	var staled []graph.Answer
	for _, a := range after {
		if !kept[key(a)] {
			staled = append(staled, a)
		}
	}
	t.Logf("rm --no-answers: %d answers staled, %d kept", len(staled), len(left))
	if len(staled) == 0 || len(left) == 0 {
		t.Fatalf("rm --no-answers: %d answers staled, %d kept: want some of each", len(staled), len(left))
	}
	i = slices.IndexFunc(staled, func(a graph.Answer) bool { return len(a.Also) == 0 })
	if i >= 0 {
		a := staled[i]
		code, _, stderr = vnkgRun(t, "query", "--db", db, "--explain", a.Query, "<"+a.Node.Value+">")
		if code != exitOK || strings.Contains(stderr, "stored answer of") {
			t.Errorf("after rm --no-answers: query %s <%s>: exit %d, the plan shows a stored answer that the rm staled:\n%s", a.Query, a.Node.Value, code, stderr)
		}
	}
}
