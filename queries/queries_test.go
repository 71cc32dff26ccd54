package queries_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/queries"
	"github.com/vnkg/vnkg/queries/querytest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenTests run library queries against the fixture graph
// (testdata/fixture.nq); testdata/golden/NAME.golden holds each answer, as a
// table and as JSON.
var goldenTests = []struct {
	golden string
	query  string
	args   []string
}{
	{"person-timeline", "person-timeline", []string{"Nguyễn Chí Vịnh"}},
	// Any case and Unicode form: lower case, decomposed (NFD).
	{"person-timeline-nfd-lower", "person-timeline", []string{norm.NFD.String("nguyễn chí vịnh")}},
	{"person-timeline-alternate-name", "person-timeline", []string{"Thượng tướng Vịnh"}},
	{"person-timeline-iri", "person-timeline", []string{"https://w3id.org/vnkg/id/person/phùng-quang-thanh"}},
	// Diacritics are not folded: Hùng and Hưng stay two people.
	{"person-timeline-hung", "person-timeline", []string{"Lê Văn Hưng"}},
	{"person-timeline-unknown", "person-timeline", []string{"Nguyễn Văn Không"}},
	{"position-holders", "position-holders", []string{"Bộ trưởng Bộ Quốc phòng"}},
	{"position-holders-deputy", "position-holders", []string{"thứ trưởng bộ quốc phòng"}},
	{"events-of-person", "events-of-person", []string{"Nguyễn Chí Vịnh"}},
	{"events-about-name", "events-about", []string{"Nghị quyết 806-NQ/QUTW"}},
	{"events-about-identifier", "events-about", []string{"806-NQ/QUTW"}},
	{"events-about-short", "events-about", []string{"Nghị quyết 806"}},
	{"chairs-of-resolution", "chairs-of-resolution", []string{"nghị quyết 806"}},
	{"people-met", "people-met", []string{"Nguyễn Chí Vịnh"}},
	{"org-tree", "org-tree", []string{"BQP"}},
	{"org-tree-leaf", "org-tree", []string{"Cục Đối ngoại"}},
	{"fact-sources-name", "fact-sources", []string{"Nguyễn Chí Vịnh", "schema:name", "Nguyễn Chí Vịnh"}},
	{"fact-sources-rank", "fact-sources", []string{"Nguyễn Chí Vịnh", "vnkg:rank", "Thượng tướng"}},
	{"fact-sources-iri", "fact-sources", []string{
		"<https://w3id.org/vnkg/id/event/hội-nghị-sơ-kết-công-tác-đối-ngoại-quốc-phòng>",
		"https://w3id.org/vnkg/ns#chair",
		"Đại tướng Lịch",
	}},
	{"fact-sources-gazetteer", "fact-sources", []string{"Cục Đối ngoại", "schema:parentOrganization", "BQP"}},
}

func TestGolden(t *testing.T) {
	s := querytest.Fixture(t)
	ctx := context.Background()
	for _, tt := range goldenTests {
		t.Run(tt.golden, func(t *testing.T) {
			q, err := queries.Lookup(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			res, err := q.Run(ctx, s, tt.args, graph.QueryOptions{Timeout: 30 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			got := render(t, q, tt.args, res)
			path := filepath.Join("testdata", "golden", tt.golden+".golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s:\n%s", tt.golden, path, got)
			}
		})
	}
}

func render(t *testing.T, q queries.Query, args []string, res graph.Results) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("# " + q.Name)
	for _, a := range args {
		b.WriteString(" " + quoteArg(a))
	}
	b.WriteString("\n")
	if err := res.WriteTable(&b, q.Columns); err != nil {
		t.Fatal(err)
	}
	b.WriteString("\n")
	if err := res.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func quoteArg(s string) string {
	if !norm.NFC.IsNormalString(s) {
		s = "NFD(" + norm.NFC.String(s) + ")"
	}
	return `"` + s + `"`
}

// TestGoldenCoversLibrary holds that every query of the library has a golden
// answer.
func TestGoldenCoversLibrary(t *testing.T) {
	tested := map[string]bool{}
	for _, tt := range goldenTests {
		tested[tt.query] = true
	}
	for _, q := range queries.All() {
		if !tested[q.Name] {
			t.Errorf("query %s has no golden test", q.Name)
		}
	}
}

func TestLibrary(t *testing.T) {
	all := queries.All()
	want := []string{
		"chairs-of-resolution", "events-about", "events-of-person", "fact-sources",
		"org-tree", "people-met", "person-timeline", "position-holders",
	}
	var names []string
	for _, q := range all {
		names = append(names, q.Name)
		if q.Doc == "" {
			t.Errorf("%s: no doc line", q.Name)
		}
		if len(q.Params) == 0 {
			t.Errorf("%s: no parameters", q.Name)
		}
		for _, p := range q.Params {
			if p.Doc == "" {
				t.Errorf("%s: parameter %s has no description", q.Name, p.Name)
			}
		}
		if len(q.Columns) == 0 {
			t.Errorf("%s: no @columns", q.Name)
		}
	}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("library = %v, want %v", names, want)
	}
	q, err := queries.Lookup("fact-sources")
	if err != nil {
		t.Fatal(err)
	}
	if got := q.Usage(); got != "fact-sources SUBJECT PREDICATE OBJECT" {
		t.Errorf("usage = %q", got)
	}
}

func TestLookupUnknown(t *testing.T) {
	if _, err := queries.Lookup("no-such-query"); !errors.Is(err, queries.ErrUnknown) {
		t.Errorf("error = %v, want ErrUnknown", err)
	}
	if _, err := queries.Lookup("prelude"); !errors.Is(err, queries.ErrUnknown) {
		t.Errorf("the prelude is not a query: error = %v", err)
	}
}

func TestWrongArgs(t *testing.T) {
	s := querytest.Fixture(t)
	_, err := queries.Run(context.Background(), s, "person-timeline", nil, graph.QueryOptions{})
	if !errors.Is(err, queries.ErrArgs) {
		t.Errorf("error = %v, want ErrArgs", err)
	}
}

// TestArgumentsAreData holds that arguments are bound as JSON strings: an
// argument that is JavaScript stays a name that matches nothing.
func TestArgumentsAreData(t *testing.T) {
	s := querytest.Fixture(t)
	for _, arg := range []string{
		`"; while (true) {} //`,
		`\"); g.emit("injected"); ("`,
		"line\nbreak\u2028separator",
		"</script>",
	} {
		res, err := queries.Run(context.Background(), s, "person-timeline", []string{arg}, graph.QueryOptions{Timeout: 5 * time.Second})
		if err != nil {
			t.Errorf("%q: %v", arg, err)
			continue
		}
		if len(res.Rows) != 0 {
			t.Errorf("%q: %d results, want none", arg, len(res.Rows))
		}
	}
}

// TestLineNumbers holds that binding arguments and appending the prelude keep
// a query's line numbers its file's own.
func TestLineNumbers(t *testing.T) {
	q, err := queries.Lookup("org-tree")
	if err != nil {
		t.Fatal(err)
	}
	src, err := q.Script([]string{"x"})
	if err != nil {
		t.Fatal(err)
	}
	fileLines := strings.Split(q.Source, "\n")
	scriptLines := strings.Split(src, "\n")
	for i := 1; i < len(fileLines)-1; i++ {
		if scriptLines[i] != fileLines[i] {
			t.Fatalf("line %d of the script is %q, of the file %q", i+1, scriptLines[i], fileLines[i])
		}
	}
}

func ExampleQuery_Run() {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Memory) // normally a built store: graph.Open(ctx, "vnkg.db")
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	if _, err := querytest.LoadFile(ctx, s, querytest.FixturePath()); err != nil {
		log.Fatal(err)
	}

	q, err := queries.Lookup("person-timeline")
	if err != nil {
		log.Fatal(err)
	}
	res, err := q.Run(ctx, s, []string{"nguyễn chí vịnh"}, graph.QueryOptions{Timeout: 10 * time.Second})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range res.Rows {
		f, _ := r.Fields()
		fmt.Printf("%-10s  %s\n", graph.Cell(f["date"]), graph.Cell(f["rank"]))
	}
	// Output:
	// 2014-06-10  Trung tướng
	// 2016-08-17  Thượng tướng
	// 2019-03-05  Thượng tướng
	//             Thượng tướng
}
