package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vnkg/vnkg/queries/querytest"
)

// The seeds' answers, end to end: the bundled articles (data/corpus) are built
// by the vnkg binary into a bolt store, and Gizmo queries, of the library and
// written out here, must answer exactly these.
const (
	docIRI    = "https://w3id.org/vnkg/id/doc/"
	seedRes   = "806-NQ/QUTW"
	seedChair = "Nguyễn Chí Vịnh"
	seedLich  = "Ngô Xuân Lịch"
)

// seedRanks are Ngô Xuân Lịch's ranks, one per article that states one.
var seedRanks = []articleRank{
	{docIRI + "000_aa4540ad7a50da76", "Thượng tướng"},
	{docIRI + "004_f95817d2fbfabc6e", "Đại tướng"},
}

// chairsGizmo: who chaired the events (schema:Event) whose schema:about is
// the resolution (vnkg:Resolution) with schema:legislationIdentifier
// "806-NQ/QUTW", by vnkg:chair and schema:name.
const chairsGizmo = `// Who chaired the events that reviewed the resolution 806-NQ/QUTW.
g.V("806-NQ/QUTW")
  .in("<https://schema.org/legislationIdentifier>")
  .has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://w3id.org/vnkg/ns#Resolution>")
  .in("<https://schema.org/about>")
  .has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://schema.org/Event>")
  .out("<https://w3id.org/vnkg/ns#chair>")
  .out("<https://schema.org/name>")
  .unique()
  .all()
`

// ranksGizmo: Ngô Xuân Lịch's vnkg:rank as each article (schema:NewsArticle)
// states it, read under the article's label with labelContext, and the rank's
// schema:name (which the gazetteer's label holds too, so it is read without
// a context). The person is found by name; .unique() because the name is
// stated under each article's label.
const ranksGizmo = `// Ngô Xuân Lịch's rank as each article states it.
var TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
var NAME = "<https://schema.org/name>";
g.V().has(TYPE, "<https://schema.org/NewsArticle>").toArray().sort().forEach(function (doc) {
  g.V("Ngô Xuân Lịch").in(NAME).has(TYPE, "<https://schema.org/Person>").unique()
    .labelContext(doc).out("<https://w3id.org/vnkg/ns#rank>")
    .toArray().forEach(function (rank) {
      g.emit({ article: doc, rank: g.V(rank).out(NAME).toValue() });
    });
});
`

type articleRank struct{ Article, Rank string }

// seedQuery is a query of the seeds and a check of its answer: rows are the
// results of `vnkg query --json` (or of `cayley query`), decoded.
type seedQuery struct {
	name  string
	args  []string // after `vnkg query --db DB --json`
	check func(t *testing.T, rows []map[string]any)
}

var seedQueries = []seedQuery{
	{"chairs-of-resolution", []string{"chairs-of-resolution", seedRes}, checkChairs("chair")},
	{"inline chairs", []string{"-f", "chairs.js"}, checkChairs("id")},
	{"person-timeline", []string{"person-timeline", seedLich}, checkRanks},
	{"inline ranks", []string{"-f", "ranks.js"}, checkRanks},
}

// checkChairs holds that the chairs, in the field key of each row, are exactly
// Nguyễn Chí Vịnh.
func checkChairs(key string) func(t *testing.T, rows []map[string]any) {
	return func(t *testing.T, rows []map[string]any) {
		t.Helper()
		var chairs []string
		for _, r := range rows {
			chairs = append(chairs, text(t, r[key]))
		}
		if d := cmp.Diff([]string{seedChair}, chairs); d != "" {
			t.Errorf("chairs of events about %s (-want +got):\n%s\nrows: %v", seedRes, d, rows)
		}
	}
}

// checkRanks holds that the (article, rank) pairs are exactly seedRanks, in
// that order. A row's rank is a name or a list of names (person-timeline).
func checkRanks(t *testing.T, rows []map[string]any) {
	t.Helper()
	var got []articleRank
	for _, r := range rows {
		article := text(t, r["article"])
		switch rank := r["rank"].(type) {
		case []any:
			for _, name := range rank {
				got = append(got, articleRank{article, text(t, name)})
			}
		default:
			got = append(got, articleRank{article, text(t, rank)})
		}
	}
	if d := cmp.Diff(seedRanks, got); d != "" {
		t.Errorf("%s's ranks by article (-want +got):\n%s\nrows: %v", seedLich, d, rows)
	}
}

// text is a result's value as a string: a string as is (an IRI's angle
// brackets, as Cayley's CLI writes it, removed), a node's "@id" or "@value"
// as vnkg query --json writes it.
func text(t *testing.T, v any) string {
	t.Helper()
	switch v := v.(type) {
	case string:
		if strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">") {
			return v[1 : len(v)-1]
		}
		return v
	case map[string]any:
		for _, k := range []string{"@id", "@value"} {
			if s, ok := v[k].(string); ok {
				return s
			}
		}
	}
	t.Fatalf("not a name or a node: %#v", v)
	return ""
}

// decodeRows reads a stream of JSON values: one array (vnkg query --json) or
// one object a result (cayley query).
func decodeRows(t *testing.T, out []byte) []map[string]any {
	t.Helper()
	var rows []map[string]any
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return rows
		}
		if err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		switch v := v.(type) {
		case []any:
			for _, r := range v {
				m, ok := r.(map[string]any)
				if !ok {
					t.Fatalf("a result is not an object: %#v", r)
				}
				rows = append(rows, m)
			}
		case map[string]any:
			rows = append(rows, v)
		default:
			t.Fatalf("a result is not an object: %#v", v)
		}
	}
}

// runBinary runs the vnkg binary in dir and returns its stdout; the test fails
// unless it exits 0.
func runBinary(t *testing.T, bin, dir string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("vnkg %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return out
}

// TestSeeds builds the bundled seed articles with the vnkg binary into a
// bolt store and asks it who chaired the events that reviewed Nghị quyết
// 806-NQ/QUTW and which rank each article gives Ngô Xuân Lịch, by library
// query and by Gizmo written out here. Then `cayley load` reads `vnkg export`
// into a store of its own, which must answer the same, to vnkg and to Cayley's
// own query command.
func TestSeeds(t *testing.T) {
	bin := vnkgBinary(t)
	corpus, err := filepath.Abs("../../data/corpus")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, src := range map[string]string{"chairs.js": chairsGizmo, "ranks.js": ranksGizmo} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "vnkg.db")
	runBinary(t, bin, dir, "build", "--db", db, corpus)

	// answers runs every query of the seeds against the store at path, checks
	// each answer, and returns vnkg's output for each.
	answers := func(t *testing.T, path string) map[string][]byte {
		out := map[string][]byte{}
		for _, q := range seedQueries {
			t.Run(q.name, func(t *testing.T) {
				args := append([]string{"query", "--db", path, "--json"}, q.args...)
				out[q.name] = runBinary(t, bin, dir, args...)
				q.check(t, decodeRows(t, out[q.name]))
			})
		}
		return out
	}

	var built map[string][]byte
	t.Run("built", func(t *testing.T) { built = answers(t, db) })

	t.Run("cayley load", func(t *testing.T) {
		cayley := querytest.CayleyTool(t)
		nq := filepath.Join(dir, "export.nq")
		runBinary(t, bin, dir, "export", "--db", db, "-o", nq)
		loaded := filepath.Join(dir, "cayley.db")
		querytest.RunCayley(t, cayley, "load", "--db", "bolt", "--dbpath", loaded, "--init", "--load", nq, "--logtostderr=false")

		for name, out := range answers(t, loaded) {
			if !bytes.Equal(out, built[name]) {
				t.Errorf("%s: the store cayley loaded answers\n%s\nthe store vnkg built answers\n%s", name, out, built[name])
			}
		}

		// Cayley's own query command runs the inline queries on its store.
		for _, q := range []struct {
			name, src string
			check     func(*testing.T, []map[string]any)
		}{
			{"cayley query chairs", chairsGizmo, checkChairs("id")},
			{"cayley query ranks", ranksGizmo, checkRanks},
		} {
			t.Run(q.name, func(t *testing.T) {
				out := querytest.RunCayley(t, cayley, "query", "--db", "bolt", "--dbpath", loaded, "--logtostderr=false", q.src)
				q.check(t, decodeRows(t, out))
			})
		}
	})
}
