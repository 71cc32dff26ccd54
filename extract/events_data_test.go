package extract

import (
	"fmt"
	"strings"
	"testing"
)

// checkExpect checks facts against an expectation written as items joined by
// "|": "event KIND" (an event of the kind; the items after it are about the
// last one), "chair NAME", "attend NAME", "speak NAME", "organizer BODY",
// "date YYYY-MM-DD", "location PLACE", "name NAME", "events N" (the number of
// events); "no-" before a key says the item must not hold ("no-attend NAME"). Role items with no "event" item before them may hold in any event.
// It returns a message for each item that does not hold.
func checkExpect(f *Facts, expect string) []string {
	var bad []string
	var target *EventFact
	for _, item := range strings.Split(expect, "|") {
		item = strings.TrimSpace(item)
		key, val, _ := strings.Cut(item, " ")
		neg := false
		if k, ok := strings.CutPrefix(key, "no-"); ok {
			key, neg = k, true
		}
		events := f.Events
		if target != nil {
			events = []*EventFact{target}
		}
		ok := false
		switch key {
		case "event":
			target = nil
			for _, ev := range f.Events {
				if ev.Kind == val {
					target, ok = ev, true
				}
			}
		case "events":
			ok = fmt.Sprint(len(f.Events)) == val
		case "chair", "attend", "speak":
			for _, ev := range events {
				ps := map[string][]*PersonFact{"chair": ev.Chairs, "attend": ev.Attendees, "speak": ev.Speakers}[key]
				for _, p := range ps {
					ok = ok || p.Name == val
				}
			}
		case "organizer", "date", "location", "name":
			for _, ev := range events {
				got := map[string]string{"organizer": ev.Organizer, "location": ev.Location, "name": ev.Name}[key]
				if key == "date" && !ev.Date.IsZero() {
					got = ev.Date.String()
				}
				ok = ok || got == val
			}
		default:
			bad = append(bad, fmt.Sprintf("unknown expectation %q", item))
			continue
		}
		if ok == neg {
			bad = append(bad, fmt.Sprintf("%q does not hold", item))
		}
	}
	return bad
}

// TestRuleRows runs the inline test case of every row of event_kinds.tsv and
// verbs.tsv: the row's phrase must be what the span recognizer matches in its
// example (the row fires), and the example must give the facts the row expects.
// A row with no case fails: a row no text needs is deleted, not kept.
func TestRuleRows(t *testing.T) {
	g := testGazetteer(t)
	if len(g.RuleRows) == 0 {
		t.Fatal("no rule rows loaded")
	}
	for _, r := range g.RuleRows {
		t.Run(r.File+"/"+r.Phrase, func(t *testing.T) {
			if r.Example == "" || r.Expect == "" {
				t.Fatalf("%s: %q has no example or expectation", r.File, r.Phrase)
			}
			txt := Normalize(r.Example)
			toks := Tokenize(txt)
			want := SpanVerb
			if r.File == "event_kinds.tsv" {
				want = SpanEvent
			}
			fired := false
			for _, s := range splitSentences(toks) {
				for _, sp := range g.scanSpans(toks, s) {
					if sp.Kind == want && sp.Value == r.Value && joinKeys(toks[sp.T0:sp.T1]) == strings.Join(phraseKeys(r.Phrase), " ") {
						fired = true
					}
				}
			}
			if !fired {
				t.Errorf("%s: %q never fires in its example %q", r.File, r.Phrase, r.Example)
			}
			facts, _ := g.relate(Document{ID: "t", Text: r.Example, Published: "2024-08-10"}, txt, toks)
			if bad := checkExpect(facts, r.Expect); len(bad) > 0 {
				t.Errorf("%s: %q: example %q: %s; got %q", r.File, r.Phrase, r.Example, strings.Join(bad, "; "), summary(facts))
			}
		})
	}
}

func joinKeys(toks []Token) string {
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.Key
	}
	return strings.Join(keys, " ")
}

// TestEventWords runs the inline test case of every row of event_words.tsv:
// the example gives what the row expects, and with the row taken out it does
// not (a word no text needs is deleted, not kept).
func TestEventWords(t *testing.T) {
	g := testGazetteer(t)
	if len(g.ew.rows) == 0 {
		t.Fatal("no event words loaded")
	}
	run := func(g *Gazetteer, r RuleRow) (*Facts, []string) {
		txt := Normalize(r.Example)
		facts, _ := g.relate(Document{ID: "t", Text: r.Example, Published: "2024-08-10"}, txt, Tokenize(txt))
		return facts, checkExpect(facts, r.Expect)
	}
	for _, r := range g.ew.rows {
		t.Run(r.Value+"/"+r.Phrase, func(t *testing.T) {
			if r.Example == "" || r.Expect == "" {
				t.Fatalf("%q has no example or expectation", r.Phrase)
			}
			if facts, bad := run(g, r); len(bad) > 0 {
				t.Fatalf("example %q: %s; got %q", r.Example, strings.Join(bad, "; "), summary(facts))
			}
			g2 := *g
			g2.ew.class = map[string]eventWordClass{}
			for k, v := range g.ew.class {
				g2.ew.class[k] = v
			}
			key := strings.Join(phraseKeys(r.Phrase), " ")
			g2.ew.class[key] &^= eventWordClasses[r.Value]
			if _, bad := run(&g2, r); len(bad) == 0 {
				t.Errorf("%s %q never fires: its example gives %q without it", r.Value, r.Phrase, r.Expect)
			}
		})
	}
}
