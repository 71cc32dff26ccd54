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
var casedFiles = []string{"ranks.tsv", "honorifics.txt", "link_headings.txt", "located.txt", "running_heads.txt", "name_particles.txt", "on_behalf.txt", "past_times.txt", "remits.txt", "title_prefixes.txt", "issuing_verbs.txt", "eponym_heads.txt", "post_links.txt",
	"event_kinds.tsv", "verbs.tsv", "event_words.tsv", "document_kinds.tsv", "issuer_codes.tsv", "vessels.txt", "local_heads.txt", "named_kinds.txt"}

// holdsCase runs a case's example through the pipeline up to relate and
// reports whether it gives the marked spans and the expected facts (only the
// facts when facts), with what it gave instead.
func holdsCase(g *Gazetteer, c RuleRow, factsOnly bool) (bool, string) {
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
	var eventItems []string // checkExpect's, in their order
	for _, want := range strings.Split(c.Expect, "|") {
		verb, arg, _ := strings.Cut(strings.TrimSpace(want), " ")
		switch strings.TrimPrefix(verb, "no-") { // "no-attend N": checkExpect's negation
		case "event", "events", "chair", "attend", "speak", "organizer", "date", "location", "name", "about":
			eventItems = append(eventItems, want)
			continue
		}
		name, val, _ := strings.Cut(arg, " = ")
		ok := false
		switch verb {
		case "person":
			ok = person(arg) != nil
		case "no":
			what, n, _ := strings.Cut(arg, " ")
			switch what {
			case "person":
				ok = person(n) == nil
			case "position": // "no position N = P"
				pn, pv, _ := strings.Cut(n, " = ")
				ok = true
				if p := person(pn); p != nil {
					for _, pos := range p.Positions {
						ok = ok && pos.Name != pv
					}
				}
			}
		case "rank":
			ok = person(name) != nil && person(name).Rank == val
		case "position":
			if p := person(name); p != nil {
				for _, pos := range p.Positions {
					ok = ok || pos.Name == val
				}
			}
		case "issuer": // "issuer RESOLUTION = BODY"
			for _, r := range facts.Resolutions {
				ok = ok || r.Name == name && r.Issuer == val
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
	if bad := checkExpect(facts, strings.Join(eventItems, "|")); len(eventItems) > 0 && len(bad) > 0 {
		return false, strings.Join(bad, "; ") + "; " + got()
	}
	return true, ""
}

// firesAsRecognized reports whether a trigger or verb row is what the span
// recognizer matches in its example (the row fires there).
func firesAsRecognized(g *Gazetteer, r RuleRow) bool {
	plain, _ := unmark(strings.ReplaceAll(r.Example, `\n`, "\n"))
	toks := Tokenize(Normalize(plain))
	want := SpanVerb
	if r.File == "event_kinds.tsv" {
		want = SpanEvent
	}
	for _, s := range splitSentences(toks) {
		for _, sp := range g.scanSpans(toks, s) {
			if sp.Kind == want && sp.Value == r.Value && joinKeys(toks[sp.T0:sp.T1]) == strings.Join(phraseKeys(r.Phrase), " ") {
				return true
			}
		}
	}
	return false
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

// withoutRule is the gazetteer without a row's rule: every line of its file
// that lists the row's phrase (with the row's value, where the file gives one),
// so that a rule given twice, with two cases, is taken out whole.
func withoutRule(t *testing.T, files fstest.MapFS, r RuleRow) *Gazetteer {
	t.Helper()
	var kept []string
	for _, l := range strings.Split(string(files[r.File].Data), "\n") {
		cells := strings.Split(l, "\t")
		same := !strings.HasPrefix(l, "#") && strings.TrimSpace(cells[0]) == r.Phrase &&
			(r.Value == "" || len(cells) > 1 && strings.TrimSpace(cells[1]) == r.Value)
		if !same {
			kept = append(kept, l)
		}
	}
	edited := fstest.MapFS{}
	for k, v := range files {
		edited[k] = v
	}
	edited[r.File] = &fstest.MapFile{Data: []byte(strings.Join(kept, "\n"))}
	g, err := LoadGazetteer(edited)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestRuleRows runs every row's own case (RuleRow): it must give what it
// expects with the row, and the row must fire there: a trigger or verb row is
// what the recognizer matches in its example; a row of any other file is
// needed, the example not giving its facts without it (else it is a dead rule:
// nothing it alone does shows in its case). Every row of casedFiles must have a
// case.
func TestRuleRows(t *testing.T) {
	g := testGazetteer(t)
	files := gazetteerFiles(t)
	byFile := map[string]int{}
	for _, c := range g.RuleRows {
		byFile[c.File]++
		t.Run(c.File+"/"+c.Phrase+"/"+c.Value, func(t *testing.T) {
			if ok, got := holdsCase(g, c, false); !ok {
				t.Fatalf("%s:%d: %q does not give %q: %s", c.File, c.Line, c.Example, c.Expect, got)
			}
			switch c.File {
			case "event_kinds.tsv", "verbs.tsv":
				if !firesAsRecognized(g, c) {
					t.Errorf("%s:%d: %q never fires in its example %q", c.File, c.Line, c.Phrase, c.Example)
				}
			default:
				// the facts, not the spans: a row is always the one to give its own span
				if ok, _ := holdsCase(withoutRule(t, files, c), c, true); ok {
					t.Errorf("%s:%d: dead rule: %q gives %q without the row %q", c.File, c.Line, c.Example, c.Expect, c.Phrase)
				}
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
