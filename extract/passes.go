package extract

import "fmt"

// A pass is one declared step of the relate stage over a sentence, in the
// manner of golang.org/x/tools/go/analysis: a name, the passes whose results
// it reads, and its run. Passes run in the order of sentencePasses; a pass may
// only require passes listed before it (checkPasses, run by the tests and at
// load). Diagnostics a pass reports carry its name as their rule.
//
// A pass has either Find or Run. Find reads the article's state and returns what
// it found (passFacts), which the runner records; it writes nothing itself.
// Run is the older form, a pass that records what it finds as it goes.
type pass struct {
	Name     string
	Requires []string
	Doc      string
	Find     func(a *analysis, st *sentState) passFacts
	Run      func(a *analysis, st *sentState)
}

// passFacts are what a Find pass found in a sentence.
type passFacts struct {
	bodies []string   // bodies named, as written ("Quân khu 4")
	plans  []planSpan // plans named, with their tokens
	diags  []Diagnostic
}

// planSpan is a plan's name over tokens t0..t1.
type planSpan struct {
	t0, t1 int
	name   string
}

// record enters what a Find pass found into the article's facts, its
// diagnostics named after the pass.
func (a *analysis) record(f passFacts) {
	for _, b := range f.bodies {
		a.org("", b)
	}
	for _, p := range f.plans {
		a.docAt[p.t0] = p.name
		for t := p.t0; t < p.t1; t++ {
			a.inDoc[t] = true // a meeting word here names the plan, not an event
		}
		if !a.planByKey[Fold(p.name)] {
			a.planByKey[Fold(p.name)] = true
			a.facts.Plans = append(a.facts.Plans, &PlanFact{Name: p.name})
		}
	}
	for _, d := range f.diags {
		d.Rule = a.rule
		a.diags = append(a.diags, d)
	}
}

// sentState is what the passes hand on within one sentence: the chunks (which
// the bodies pass merges), the people named, the event the sentence speaks of.
type sentState struct {
	s     sentence
	kind  lineKind
	spans []Chunk
	ms    []mention // set by "people"
	ev    *EventFact
	stop  bool // a pass decided the sentence says nothing more (a headline's events)
}

// sentencePasses are the passes of the relate stage, in order.
var sentencePasses = []pass{
	{Name: "dateline", Doc: "the article's first date and place, which date its first event when that one is named later",
		Run: func(a *analysis, st *sentState) { a.dateline(st.s, st.spans, st.kind) }},
	{Name: "bad-dates", Doc: `a date word followed by a number that is no date ("ngày 31/2")`,
		Find: func(a *analysis, st *sentState) passFacts { return passFacts{diags: a.badDates(st.s)} }},
	{Name: "bodies", Doc: "bodies, the abbreviations the article defines, bodies qualified by a foreign armed force",
		Run: func(a *analysis, st *sentState) { st.spans = a.bodies(st.spans) }},
	{Name: "numbered-bodies", Requires: []string{"bodies"}, Doc: `units named with a number ("Vùng 2 Hải quân")`,
		Find: func(a *analysis, st *sentState) passFacts { return passFacts{bodies: a.numberedBodies(st.s)} }},
	{Name: "province-lists", Requires: []string{"bodies"}, Doc: "a body's head shared by a list of provinces",
		Find: func(a *analysis, st *sentState) passFacts { return passFacts{bodies: a.provinceLists(st.s)} }},
	{Name: "documents", Requires: []string{"bodies"}, Doc: "resolutions, their issuers and subjects",
		Run: func(a *analysis, st *sentState) { a.documents(st.s, st.spans) }},
	{Name: "plans", Doc: `plans ("Đề án …") up to the end of their names`,
		Find: func(a *analysis, st *sentState) passFacts { return passFacts{plans: a.plans(st.s)} }},
	{Name: "people", Requires: []string{"bodies", "documents"}, Doc: "persons, their ranks, posts and short references",
		Run: func(a *analysis, st *sentState) {
			st.ms = a.people(st.spans)
			st.stop = st.kind == lineHeadline // a headline names people, never opens an event
		}},
	{Name: "events", Requires: []string{"people", "documents", "plans", "dateline"}, Doc: "the event the sentence speaks of, opened or referred to",
		Run: func(a *analysis, st *sentState) { st.ev = a.events(st.s, st.spans, st.ms, st.kind) }},
	{Name: "roles", Requires: []string{"events", "people"}, Doc: "who chairs, attends and speaks at the event",
		Run: func(a *analysis, st *sentState) { a.roles(st.s, st.spans, st.ms, st.ev, st.kind) }},
}

// evidencePass cites what the passes found; it runs after them, also when a
// pass stopped the sentence.
var evidencePass = pass{Name: "evidence", Requires: []string{"people"}, Doc: "where each statement is made",
	Run: func(a *analysis, st *sentState) { a.note(st.s, st.spans, st.ms, st.ev) }}

// checkPasses reports a pass that requires one not run before it, or a name
// used twice.
func checkPasses(ps []pass) error {
	done := map[string]bool{}
	for _, p := range ps {
		if done[p.Name] {
			return fmt.Errorf("relate pass %q is declared twice", p.Name)
		}
		if (p.Find == nil) == (p.Run == nil) {
			return fmt.Errorf("relate pass %q needs either Find or Run", p.Name)
		}
		for _, r := range p.Requires {
			if !done[r] {
				return fmt.Errorf("relate pass %q requires %q, which does not run before it", p.Name, r)
			}
		}
		done[p.Name] = true
	}
	return nil
}

// runPasses runs the declared passes over one sentence.
func (a *analysis) runPasses(s sentence, spans []Chunk, kind lineKind) {
	st := &sentState{s: s, kind: kind, spans: spans}
	for i := range sentencePasses {
		p := &sentencePasses[i]
		a.rule = p.Name
		if p.Find != nil {
			a.record(p.Find(a, st))
		} else {
			p.Run(a, st)
		}
		if st.stop {
			break
		}
	}
	if a.cites {
		a.rule = evidencePass.Name
		evidencePass.Run(a, st)
	}
	a.rule = ""
}
