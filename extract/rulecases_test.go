package extract

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vnkg/vnkg/data"
)

// casedFiles are the gazetteer files every row of which carries its own case.
var casedFiles = []string{"ranks.tsv", "honorifics.txt", "link_headings.txt", "located.txt", "running_heads.txt"}

// holdsCase runs a case's example through the pipeline up to relate and
// reports whether it gives the marked spans and the expected facts (only the
// facts when facts), with what it gave instead.
func holdsCase(g *Gazetteer, c ruleCase, factsOnly bool) (bool, string) {
	plain, marks := unmark(strings.ReplaceAll(c.Example, `\n`, "\n")) // a case's lines are "\n"-separated
	x := (&Extractor{gaz: g}).WithoutEvidence()
	res := x.runStages(Document{ID: "case", Text: plain, Published: "2024-08-10"}, "relate")
	txt := res[stageIndex["normalize"]].(*Text)
	li := res[stageIndex["lines"]].(*lineInfo)
	si := res[stageIndex["spans"]].(*spanInfo)
	facts := res[stageIndex["relate"]].(*related).facts
	var spans []string
	for _, ss := range si.spans {
		for _, sp := range ss {
			spans = append(spans, sp.Kind.String()+":"+txt.Norm[sp.Start:sp.End])
		}
	}
	got := func() string { return fmt.Sprintf("spans %q; facts %q", spans, summary(facts)) }
	for _, m := range marks {
		if !factsOnly && !slices.Contains(spans, m) {
			return false, got()
		}
	}
	person := func(name string) *PersonFact {
		for _, p := range facts.Persons {
			if p.Name == name {
				return p
			}
		}
		return nil
	}
	for _, want := range strings.Split(c.Expect, "|") {
		verb, arg, _ := strings.Cut(strings.TrimSpace(want), " ")
		name, val, _ := strings.Cut(arg, " = ")
		ok := false
		switch verb {
		case "person":
			ok = person(arg) != nil
		case "no":
			what, n, _ := strings.Cut(arg, " ")
			ok = what == "person" && person(n) == nil
		case "rank":
			ok = person(name) != nil && person(name).Rank == val
		case "position":
			if p := person(name); p != nil {
				for _, pos := range p.Positions {
					ok = ok || pos.Name == val
				}
			}
		case "org":
			for _, o := range facts.Orgs {
				ok = ok || o.Name == arg
			}
		case "chrome":
			for _, l := range li.lines {
				ok = ok || l.text == arg && l.kind == lineChrome
			}
		default:
			return false, fmt.Sprintf("unknown expectation %q", want)
		}
		if !ok {
			return false, got()
		}
	}
	return true, ""
}

// gazetteerFiles copies the embedded gazetteer into a map, to edit.
func gazetteerFiles(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(data.GazetteerFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(data.GazetteerFS(), p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// withoutLine is the gazetteer with line n (from 1) of file removed.
func withoutLine(t *testing.T, files fstest.MapFS, file string, n int) *Gazetteer {
	t.Helper()
	lines := strings.Split(string(files[file].Data), "\n")
	edited := fstest.MapFS{}
	for k, v := range files {
		edited[k] = v
	}
	edited[file] = &fstest.MapFile{Data: []byte(strings.Join(slices.Delete(slices.Clone(lines), n-1, n), "\n"))}
	g, err := LoadGazetteer(edited)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestRuleCases runs every row's own case: it must give what it expects with
// the row, and not without it (else the row is a dead rule: nothing it alone
// does shows in its case). Every row of casedFiles must have a case.
func TestRuleCases(t *testing.T) {
	g := testGazetteer(t)
	files := gazetteerFiles(t)
	byFile := map[string]int{}
	for _, c := range g.cases {
		byFile[c.File]++
		t.Run(c.File+"/"+c.Row, func(t *testing.T) {
			if ok, got := holdsCase(g, c, false); !ok {
				t.Fatalf("%s:%d: %q does not give %q: %s", c.File, c.Line, c.Example, c.Expect, got)
			}
			// the facts, not the spans: a row is always the one to give its own span
			if ok, _ := holdsCase(withoutLine(t, files, c.File, c.Line), c, true); ok {
				t.Errorf("%s:%d: dead rule: %q gives %q without the row %q", c.File, c.Line, c.Example, c.Expect, c.Row)
			}
		})
	}
	for _, f := range casedFiles {
		rows := 0
		for _, l := range strings.Split(string(files[f].Data), "\n") {
			if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "#") {
				rows++
			}
		}
		if byFile[f] != rows {
			t.Errorf("%s: %d of %d rows have a case", f, byFile[f], rows)
		}
	}
}
