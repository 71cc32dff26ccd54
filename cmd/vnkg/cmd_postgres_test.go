package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/pgtest"
	"github.com/vnkg/vnkg/graph/vocab"
	"github.com/vnkg/vnkg/queries/querytest"
)

// pgDatabase is a new PostgreSQL database whose Cayley tables exist, for
// tests that change them (constraints) or start builds together.
func pgDatabase(t *testing.T) string {
	t.Helper()
	t.Cleanup(pgtest.Stop) // this package's TestMain does not stop the cluster
	return pgtest.Database(t)
}

// binaryResult is one run of the vnkg binary.
type binaryResult struct {
	code           int
	stdout, stderr string
}

// runBinaries runs the vnkg binary once for each argument list, all at once,
// as separate processes.
func runBinaries(t *testing.T, bin string, argss ...[]string) []binaryResult {
	t.Helper()
	out := make([]binaryResult, len(argss))
	var wg sync.WaitGroup
	for i, args := range argss {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(bin, args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else if err != nil {
				code = -1
				stderr.WriteString(err.Error())
			}
			out[i] = binaryResult{code, stdout.String(), stderr.String()}
		}()
	}
	wg.Wait()
	return out
}

// TestPostgresConcurrentBuilds runs two vnkg processes into one new database
// at once, a few articles a transaction so that their batches interleave.
// Two versions of the same articles: both builds succeed, and every article
// ends whole, as one version or the other, never mixed; twice, the second
// time over what the first left. The same corpus twice: both exit 0 with no
// errors, and the database holds what one build would.
func TestPostgresConcurrentBuilds(t *testing.T) {
	bin := vnkgBinary(t)
	const n = 24
	v0, v1 := newCorpus(t, n), newCorpus(t, n)
	v1.write(t, 1)
	versions := []map[string]string{}
	for _, c := range []*corpus{v0, v1} {
		db := filepath.Join(t.TempDir(), "db")
		mustRun(t, "build", "--db", db, c.dir)
		versions = append(versions, byLabel(exportStore(t, db)))
	}

	t.Run("versions", func(t *testing.T) {
		pg := pgDatabase(t)
		for round := range 2 {
			a, b := v0.dir, v1.dir
			if round == 1 {
				a, b = b, a
			}
			for i, r := range runBinaries(t, bin,
				[]string{"build", "--batch", "3", "--db", pg, a},
				[]string{"build", "--batch", "3", "--db", pg, b}) {
				if r.code != 0 || !strings.Contains(r.stderr, "; 0 errors;") {
					t.Fatalf("round %d, build %d: exit %d\n%s", round, i, r.code, r.stderr)
				}
			}
			got := byLabel(exportStore(t, pg))
			if len(got) != len(versions[0]) {
				t.Fatalf("round %d: %d labels stored, want %d", round, len(got), len(versions[0]))
			}
			whole := [2]int{}
			for label, quads := range got {
				switch quads {
				case versions[0][label]:
					whole[0]++
				case versions[1][label]:
					whole[1]++
				default:
					t.Errorf("round %d: %s is neither version: mixed\n%s", round, label, quads)
				}
			}
			t.Logf("round %d: %d labels as the first version, %d as the second (the background counts for both)", round, whole[0], whole[1])
		}
	})

	t.Run("same corpus", func(t *testing.T) {
		pg := pgDatabase(t)
		for i, r := range runBinaries(t, bin,
			[]string{"build", "--batch", "2", "--json", "--db", pg, v0.dir},
			[]string{"build", "--batch", "2", "--json", "--db", pg, v0.dir}) {
			var sum buildSummary
			if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil || r.code != 0 || sum.Errors != 0 || r.stderr != "" {
				t.Fatalf("build %d: exit %d, summary %s (%v)\n%s", i, r.code, r.stdout, err, r.stderr)
			}
			if sum.Articles != n {
				t.Errorf("build %d stored %d articles, want %d", i, sum.Articles, n)
			}
		}
		if got := byLabel(exportStore(t, pg)); !maps0Equal(got, versions[0]) {
			t.Fatal("two builds of one corpus at once stored something else than one build does")
		}
	})
}

func maps0Equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestPostgresRefusedArticle: the database refuses one article (a constraint
// its administrator added: no string with the word "CẤM", which the test puts
// in one article's title). With one
// article a transaction, the build reports that article's file, stores the
// others and exits 3; the refusal is not fatal.
func TestPostgresRefusedArticle(t *testing.T) {
	pg := pgDatabase(t)
	s, err := graph.Open(context.Background(), pg) // creates the tables
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("postgres", pg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`ALTER TABLE nodes ADD CONSTRAINT no_banned_word CHECK (value_string NOT LIKE '%CẤM%')`); err != nil {
		t.Fatal(err)
	}
	c := newCorpus(t, 6)
	bad := filepath.Join(c.dir, c.names[2])
	text, err := os.ReadFile(bad)
	if err != nil {
		t.Fatal(err)
	}
	long := "---\ntitle: Tin đối ngoại quốc phòng CẤM\n---\n"
	if err := os.WriteFile(bad, append([]byte(long), text...), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := vnkgRun(t, "build", "--batch", "1", "--db", pg, c.dir)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d\n%s", code, exitPartial, stderr)
	}
	if !strings.Contains(stderr, c.names[2]) || !strings.Contains(stderr, "no_banned_word") ||
		!strings.Contains(stderr, "5 articles (5 new") {
		t.Fatalf("stderr does not report the refused article and the 5 others:\n%s", stderr)
	}
	got := byLabel(exportStore(t, pg))
	badLabel := vocab.DocIRI(strings.TrimSuffix(c.names[2], ".txt"))
	if _, ok := got[badLabel]; ok {
		t.Errorf("the refused article left quads")
	}
	if len(got) != 6 { // five articles and the background
		t.Errorf("%d labels stored, want 6", len(got))
	}
}

// libraryCalls are the library's queries with arguments taken from what the
// graph in export holds: every query, on several entities of the kind it
// asks for, by IRI.
func libraryCalls(t *testing.T, export []byte) [][]string {
	t.Helper()
	iris := map[string][]string{} // kind → IRIs, sorted
	var ranks [][3]string
	seen := map[string]bool{}
	for _, line := range strings.Split(string(export), "\n") {
		f := strings.SplitN(line, " ", 3)
		if len(f) < 3 {
			continue
		}
		subj := strings.Trim(f[0], "<>")
		if !seen[subj] {
			seen[subj] = true
			for _, kind := range []string{vocab.KindPerson, vocab.KindOrg, vocab.KindPosition, vocab.KindResolution, vocab.KindPlan} {
				if strings.HasPrefix(subj, vocab.EntityIRI(kind, "x")[:len(vocab.EntityIRI(kind, "x"))-1]) {
					iris[kind] = append(iris[kind], subj)
				}
			}
		}
		if f[1] == "<"+vocab.Rank+">" && len(ranks) < 3 {
			obj := strings.SplitN(f[2], " ", 2)[0]
			ranks = append(ranks, [3]string{f[0], "vnkg:rank", obj})
		}
	}
	pick := func(kinds ...string) []string {
		var out []string
		for _, k := range kinds {
			l := iris[k]
			sort.Strings(l)
			out = append(out, l[:min(4, len(l))]...)
		}
		if len(out) == 0 {
			t.Fatalf("the graph holds nothing of kinds %v", kinds)
		}
		return out
	}
	var calls [][]string
	stdout, _ := mustRun(t, "query", "--list", "--json")
	var lib []struct {
		Name   string
		Params []struct{ Name string }
	}
	if err := json.Unmarshal([]byte(stdout), &lib); err != nil {
		t.Fatal(err)
	}
	for _, q := range lib {
		var params []string
		for _, p := range q.Params {
			params = append(params, p.Name)
		}
		switch strings.Join(params, " ") {
		case "person":
			for _, a := range pick(vocab.KindPerson) {
				calls = append(calls, []string{q.Name, "<" + a + ">"})
			}
		case "org":
			for _, a := range pick(vocab.KindOrg) {
				calls = append(calls, []string{q.Name, "<" + a + ">"})
			}
		case "position":
			for _, a := range pick(vocab.KindPosition) {
				calls = append(calls, []string{q.Name, "<" + a + ">"})
			}
		case "resolution":
			for _, a := range pick(vocab.KindResolution, vocab.KindPlan) {
				calls = append(calls, []string{q.Name, "<" + a + ">"})
			}
		case "subject predicate object":
			for _, r := range ranks {
				calls = append(calls, []string{q.Name, r[0], r[1], r[2]})
			}
		default:
			t.Fatalf("query %s takes %v: this test does not know what to give it", q.Name, params)
		}
	}
	return calls
}

// TestPostgresSameAnswers: a bolt store and a PostgreSQL database built from
// the same corpus answer every library query, on many arguments, row for
// row, and export the same bytes.
func TestPostgresSameAnswers(t *testing.T) {
	pg := pgDatabase(t)
	bolt := filepath.Join(t.TempDir(), "db")
	c := newCorpus(t, 10)
	for _, db := range []string{bolt, pg} {
		mustRun(t, "build", "--batch", "4", "--db", db, c.dir)
	}
	export := exportStore(t, bolt)
	if got := exportStore(t, pg); !bytes.Equal(got, export) {
		t.Fatal("the PostgreSQL export differs from the bolt one")
	}
	rows := 0
	for _, call := range libraryCalls(t, export) {
		want, _ := mustRun(t, append([]string{"query", "--json", "--db", bolt}, call...)...)
		got, _ := mustRun(t, append([]string{"query", "--json", "--db", pg}, call...)...)
		if got != want {
			t.Errorf("query %s: PostgreSQL answers\n%s\nbolt answers\n%s", strings.Join(call, " "), got, want)
		}
		rows += strings.Count(want, "\n{")
	}
	if rows == 0 {
		t.Fatal("no query returned a row: the comparison proves nothing")
	}
}

// TestPostgresCayleyCLI: Cayley's own CLI, on the database vnkg built, dumps
// the quads vnkg exports and answers a Gizmo query as vnkg does.
func TestPostgresCayleyCLI(t *testing.T) {
	cayley := querytest.CayleyTool(t)
	pg := pgDatabase(t)
	c := newCorpus(t, 6)
	mustRun(t, "build", "--db", pg, c.dir)
	export, _ := mustRun(t, "export", "--with-text", "--db", pg) // Cayley dumps the articles' text too
	dump := filepath.Join(t.TempDir(), "dump.nq")
	querytest.RunCayley(t, cayley, "dump", "--db", "postgres", "--dbpath", pg, "--logtostderr=false", "-o", dump)
	dumped, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	sortedLines := func(s string) []string {
		l := strings.Split(strings.TrimSpace(s), "\n")
		slices.Sort(l)
		return l
	}
	if got, want := sortedLines(string(dumped)), sortedLines(export); !slices.Equal(got, want) {
		t.Fatalf("cayley dump has %d quads, vnkg export %d, or they differ", len(got), len(want))
	}
	gizmo := fmt.Sprintf(`g.V().has("<%s>", "<%s>").out("<%s>").unique().all()`, vocab.Type, vocab.Person, vocab.Name)
	vnkgOut, _ := mustRun(t, "query", "--json", "--db", pg, gizmo)
	cayleyOut := querytest.RunCayley(t, cayley, "query", "--db", "postgres", "--dbpath", pg, "--logtostderr=false", gizmo)
	ids := func(out []byte) []string {
		var l []string
		for _, r := range decodeRows(t, out) {
			l = append(l, fmt.Sprint(r["id"]))
		}
		slices.Sort(l)
		return l
	}
	got, want := ids(cayleyOut), ids([]byte(vnkgOut))
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Fatalf("cayley query answers %v, vnkg query %v", got, want)
	}
}
