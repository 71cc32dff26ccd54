package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// expectCase is a sentence or two and what checkExpect must find in the
// facts relate gives for them.
type expectCase struct{ text, expect string }

// checkExpectCases runs each case through the pipeline up to relate (as of a
// page published on 2024-08-10) and reports every item of its expectation
// that does not hold.
func checkExpectCases(t *testing.T, cases []expectCase) {
	t.Helper()
	x := (&Extractor{gaz: testGazetteer(t)}).WithoutEvidence()
	for _, tt := range cases {
		res := x.runStages(Document{ID: "case", Text: tt.text, Published: "2024-08-10"}, "relate")
		f := res[stageIndex["relate"]].(*related).facts
		for _, bad := range checkExpect(f, tt.expect) {
			t.Errorf("%q: %s; facts %q", tt.text, bad, summary(f))
		}
	}
}

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
		case "about":
			for _, ev := range events {
				ok = ok || slices.Contains(ev.About, val)
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

func joinKeys(toks []Token) string {
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.Key
	}
	return strings.Join(keys, " ")
}
