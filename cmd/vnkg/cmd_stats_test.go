package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

func TestStatsJSON(t *testing.T) {
	db := builtCorpus(t)
	out, _ := mustRun(t, "stats", "--db", db, "--json")
	var st graph.Stats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if st.Articles != 5 {
		t.Errorf("articles = %d, want 5", st.Articles)
	}
	if i := slices.IndexFunc(st.Types, func(c graph.TypeCount) bool { return c.Type == vocab.NewsArticle }); i < 0 || st.Types[i].Count != 5 {
		t.Errorf("types %v: want 5 news articles", st.Types)
	}
	nq, _ := mustRun(t, "export", "--db", db, "--with-text") // stats counts the stored text too
	if n := strings.Count(nq, "\n"); st.Quads != n {
		t.Errorf("quads = %d, the export has %d", st.Quads, n)
	}
	for _, list := range [][]graph.Connected{st.People, st.Bodies} {
		if len(list) == 0 || len(list) > 10 {
			t.Fatalf("%d entries, want 1 to 10", len(list))
		}
		if !slices.IsSortedFunc(list, func(a, b graph.Connected) int { return b.Edges - a.Edges }) {
			t.Errorf("not most-connected first: %v", list)
		}
		for _, c := range list {
			if c.Name == "" || c.Articles == 0 {
				t.Errorf("entry without a name or an article: %+v", c)
			}
		}
	}
	// The table shows the same leaders.
	table, _ := mustRun(t, "stats", "--db", db, "--top", "3")
	for _, want := range []string{"articles  5", st.People[0].Name, st.Bodies[0].Name, "schema:NewsArticle"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
}
