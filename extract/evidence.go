package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vnkg/vnkg/graph/vocab"
)

// Span is a byte range [Start, End) in Document.Text (the source as given, not
// the normalized text).
type Span struct{ Start, End int }

// Evidence ties one emitted quad to the words of the source that state it.
type Evidence struct {
	Quad     int    // index into Result.Quads
	Sentence Span   // the sentence (or caption/heading line) that states the fact
	Mentions []Span // the words that state it: names, rank, title, body, trigger word, date (each inside Sentence where possible)
}

// Mention is one extracted mention of an entity in the article, for
// highlighting. IRI is the entity's IRI as emitted; a date's IRI is the event
// it dates, or "" when it dates none.
type Mention struct {
	Span
	Kind string // "person", "rank", "position", "org", "resolution", "plan", "event", "place", "date"
	IRI  string // the entity's IRI as emitted
}

// A cite is where the article states one fact, in Text.Norm offsets: the
// sentence and the words in it. The relate stage records one for each
// statement of a fact the first time it appears; emit turns them into
// Evidence.
type cite struct {
	sent  Span
	marks []Span
}

func (c cite) zero() bool { return c.sent == Span{} && len(c.marks) == 0 }

// slot names one statement of a fact: its first mention, its rank, its i-th
// position, …
type slot uint8

const (
	slotFirst slot = iota
	slotRank
	slotNationality
	slotPosition
	slotAlias
	slotParent
	slotDate
	slotLocation
	slotOrganizer
	slotPeriod
	slotChair
	slotAttendee
	slotSpeaker
	slotAbout
	slotIdentifier
	slotIssuer
	slotSubject
	slotAuthor
	slotPublisher
	slotHeadline
)

type citeKey struct {
	fact any // *PersonFact, *OrgFact, *EventFact, *ResolutionFact, *PlanFact or *Facts
	slot slot
	i    int // the item of a list (positions, aliases, attendees, …)
}

// mark is a mention found in the text, before emit gives it an IRI.
type mark struct {
	Span // Norm offsets
	kind string
	fact any    // the entity, or the event a date dates
	val  string // rank, position or place name, when the entity is one
}

// tracker remembers what of each fact has been cited, so that after each
// sentence the statements that appeared during it are cited with it.
type tracker struct {
	persons []personSeen
	orgs    []orgSeen
	events  []eventSeen
	res     []resSeen
	plans   int
	authors int
	pub     string
}

type personSeen struct {
	rank, nat string
	pos       []string // the names of the posts cited, in order
	nalias    int
}

type orgSeen struct {
	parent string
	nalias int
}

type eventSeen struct {
	name, loc, org, period  string
	date                    Date
	nchair, natt, nspk, nab int
}

type resSeen struct {
	id, issuer, subject string
	nalias              int
}

// cite records where a statement is made, unless it already has a place.
func (a *analysis) cite(k citeKey, c cite) {
	if a.facts.cites == nil {
		a.facts.cites = make(map[citeKey]cite, 256)
	}
	if _, ok := a.facts.cites[k]; !ok {
		a.facts.cites[k] = c
	}
}

// recite records where a statement is made now: its value changed.
func (a *analysis) recite(k citeKey, c cite) {
	if a.facts.cites == nil {
		a.facts.cites = make(map[citeKey]cite, 256)
	}
	a.facts.cites[k] = c
}

// sentSpan is the Norm range of a sentence's text, without its line end.
func (a *analysis) sentSpan(t0, t1 int) Span {
	for t1 > t0 && a.toks[t1-1].Kind == Newline {
		t1--
	}
	for t0 < t1 && a.toks[t0].Kind == Newline {
		t0++
	}
	if t1 <= t0 {
		return Span{}
	}
	return Span{a.toks[t0].Start, a.toks[t1-1].End}
}

func chunkSpan(c Chunk) Span { return Span{c.Start, c.End} }

// noteLine cites what a credit, byline or heading line gave: authors, the
// publisher, the headline.
func (a *analysis) noteLine(l line) {
	headline := l.kind == lineHeadline && a.facts.Headline != ""
	if l.t1 <= l.t0 || a.track.authors == len(a.facts.Authors) && a.facts.Publisher == a.track.pub && !headline {
		return // the line gave nothing to cite
	}
	sent := a.sentSpan(l.t0, l.t1)
	c := cite{sent: sent, marks: []Span{sent}}
	for ; a.track.authors < len(a.facts.Authors); a.track.authors++ {
		a.cite(citeKey{&a.facts, slotAuthor, a.track.authors}, c)
	}
	if a.facts.Publisher != a.track.pub {
		a.track.pub = a.facts.Publisher
		a.recite(citeKey{&a.facts, slotPublisher, 0}, c)
	}
	if headline {
		a.cite(citeKey{&a.facts, slotHeadline, 0}, c)
	}
}

// note cites every statement that appeared while the sentence was read, and
// records the sentence's mentions.
func (a *analysis) note(s sentence, spans []Chunk, ms []mention, ev *EventFact) {
	sent := a.sentSpan(s.t0, s.t1)
	in := func(sp Span) bool { return sp.Start >= sent.Start && sp.End <= sent.End && sp.Start < sp.End }
	cited := func(marks ...Span) cite {
		c := cite{sent: sent}
		for _, m := range marks {
			if in(m) {
				c.marks = append(c.marks, m)
			}
		}
		return c
	}
	// the words naming a person here: the name of each mention of them
	names := func(p *PersonFact) []Span {
		var out []Span
		for _, m := range ms {
			if m.p == p && m.name < len(spans) {
				out = append(out, chunkSpan(spans[m.name]))
			}
		}
		if len(out) == 0 && in(Span{p.Start, p.End}) {
			out = append(out, Span{p.Start, p.End})
		}
		return out
	}
	chain := func(p *PersonFact, want func(Chunk) bool) []Span {
		var out []Span
		for _, m := range ms {
			if m.p != p {
				continue
			}
			for k := m.k0; k < m.k1 && k < len(spans); k++ {
				if want(spans[k]) {
					out = append(out, chunkSpan(spans[k]))
				}
			}
		}
		return out
	}
	first := func(want func(Chunk) bool) []Span {
		for _, sp := range spans {
			if want(sp) {
				return []Span{chunkSpan(sp)}
			}
		}
		return nil
	}
	find := func(text string) []Span {
		if text == "" {
			return nil
		}
		f := Fold(text)
		if i := strings.Index(a.text.Fold[sent.Start:sent.End], f); i >= 0 && len(f) > 0 {
			return []Span{{sent.Start + i, sent.Start + i + len(f)}}
		}
		return nil
	}
	for i, p := range a.facts.Persons {
		if i == len(a.track.persons) {
			a.track.persons = append(a.track.persons, personSeen{})
			a.cite(citeKey{p, slotFirst, 0}, cited(names(p)...))
		}
		st := &a.track.persons[i]
		if p.Rank != st.rank {
			st.rank = p.Rank
			marks := chain(p, func(c Chunk) bool { return c.Kind == SpanRank && c.Value == p.Rank })
			a.recite(citeKey{p, slotRank, 0}, cited(append(marks, names(p)...)...))
		}
		if p.Nationality != st.nat {
			st.nat = p.Nationality
			marks := first(func(c Chunk) bool { return c.Kind == SpanCountry && c.Value == p.Nationality })
			a.recite(citeKey{p, slotNationality, 0}, cited(append(marks, names(p)...)...))
		}
		for j, pos := range p.Positions {
			if j < len(st.pos) && st.pos[j] == pos.Name {
				continue
			}
			if j == len(st.pos) {
				st.pos = append(st.pos, pos.Name)
			}
			// a post that gained its body here is stated here
			st.pos[j] = pos.Name
			a.recite(citeKey{p, slotPosition, j}, cited(append(a.positionMarks(spans, ms, p, pos), names(p)...)...))
		}
		for ; st.nalias < len(p.Aliases); st.nalias++ {
			marks := find(p.Aliases[st.nalias])
			a.cite(citeKey{p, slotAlias, st.nalias}, cited(append(marks, names(p)...)...))
		}
	}
	for i, o := range a.facts.Orgs {
		if i == len(a.track.orgs) {
			a.track.orgs = append(a.track.orgs, orgSeen{})
			a.cite(citeKey{o, slotFirst, 0}, cited(a.orgMarks(o, sent, find)...))
		}
		st := &a.track.orgs[i]
		if o.Parent != st.parent {
			st.parent = o.Parent
			a.recite(citeKey{o, slotParent, 0}, cited(a.orgMarks(o, sent, find)...))
		}
		for ; st.nalias < len(o.Aliases); st.nalias++ {
			a.cite(citeKey{o, slotAlias, st.nalias}, cited(find(o.Aliases[st.nalias])...))
		}
	}
	for i, r := range a.facts.Resolutions {
		if i < len(a.track.res) {
			if st := &a.track.res[i]; r.Identifier == st.id && r.Issuer == st.issuer && r.Subject == st.subject && st.nalias == len(r.Aliases) {
				continue // nothing new to cite, so no words to look for
			}
		}
		marks := first(func(c Chunk) bool {
			return c.Kind == SpanResolution && (r.Identifier != "" && c.Value == r.Identifier || a.docAt[c.T0] == r.Name)
		})
		if marks == nil {
			marks = find(r.Name)
		}
		if i == len(a.track.res) {
			a.track.res = append(a.track.res, resSeen{})
			a.cite(citeKey{r, slotFirst, 0}, cited(marks...))
		}
		st := &a.track.res[i]
		if r.Identifier != st.id {
			st.id = r.Identifier
			a.recite(citeKey{r, slotIdentifier, 0}, cited(marks...))
		}
		if r.Issuer != st.issuer {
			st.issuer = r.Issuer
			a.recite(citeKey{r, slotIssuer, 0}, cited(append(marks, find(r.Issuer)...)...))
		}
		if r.Subject != st.subject {
			st.subject = r.Subject
			a.recite(citeKey{r, slotSubject, 0}, cited(append(marks, find(r.Subject)...)...))
		}
		for ; st.nalias < len(r.Aliases); st.nalias++ {
			a.cite(citeKey{r, slotAlias, st.nalias}, cited(find(r.Aliases[st.nalias])...))
		}
	}
	for ; a.track.plans < len(a.facts.Plans); a.track.plans++ {
		pl := a.facts.Plans[a.track.plans]
		a.cite(citeKey{pl, slotFirst, 0}, cited(a.docMarks(s, pl.Name)...))
	}
	trigger := func(e *EventFact) []Span {
		if m := first(func(c Chunk) bool { return c.Kind == SpanEvent && c.Value == e.Kind }); m != nil {
			return m
		}
		if m := first(func(c Chunk) bool { return c.Kind == SpanVerb && c.Value == "host" }); m != nil {
			return m
		}
		return find(e.Name)
	}
	for i, e := range a.facts.Events {
		if i == len(a.track.events) {
			a.track.events = append(a.track.events, eventSeen{})
			a.cite(citeKey{e, slotFirst, 0}, cited(trigger(e)...))
		}
		st := &a.track.events[i]
		if e.Date != st.date {
			st.date = e.Date
			marks := first(func(c Chunk) bool { return c.Kind == SpanDate })
			a.recite(citeKey{e, slotDate, 0}, cited(marks...))
			for _, m := range marks {
				a.marks = append(a.marks, mark{Span: m, kind: "date", fact: e})
			}
		}
		if e.Location != st.loc {
			st.loc = e.Location
			marks := find(e.Location)
			a.recite(citeKey{e, slotLocation, 0}, cited(marks...))
			for _, m := range marks {
				if in(m) {
					a.marks = append(a.marks, mark{Span: m, kind: "place", val: e.Location})
				}
			}
		}
		if e.Organizer != st.org {
			st.org = e.Organizer
			marks := first(func(c Chunk) bool {
				return c.Kind == SpanOrg && (c.Value == e.Organizer || Fold(a.spanText(c)) == Fold(e.Organizer))
			})
			if marks == nil {
				marks = find(e.Organizer)
			}
			a.recite(citeKey{e, slotOrganizer, 0}, cited(append(marks, trigger(e)...)...))
		}
		if e.Period != st.period || e.Name != st.name {
			st.period, st.name = e.Period, e.Name
			a.recite(citeKey{e, slotPeriod, 0}, cited(trigger(e)...))
		}
		role := func(list []*PersonFact, n *int, sl slot, verbs ...string) {
			for ; *n < len(list); *n++ {
				marks := names(list[*n])
				marks = append(marks, first(func(c Chunk) bool {
					if c.Kind != SpanVerb {
						return false
					}
					for _, v := range verbs {
						if c.Value == v {
							return true
						}
					}
					return false
				})...)
				if len(marks) == 0 {
					marks = trigger(e)
				}
				a.cite(citeKey{e, sl, *n}, cited(marks...))
			}
		}
		role(e.Chairs, &st.nchair, slotChair, "chair", "host")
		role(e.Attendees, &st.natt, slotAttendee, "attend", "lead")
		role(e.Speakers, &st.nspk, slotSpeaker, "speak")
		for ; st.nab < len(e.About); st.nab++ {
			a.cite(citeKey{e, slotAbout, st.nab}, cited(a.docMarks(s, e.About[st.nab])...))
		}
	}
	// the sentence's mentions, for highlighting
	for _, m := range ms {
		if m.name < len(spans) {
			a.marks = append(a.marks, mark{Span: chunkSpan(spans[m.name]), kind: "person", fact: m.p})
		}
		for k := m.k0; k < m.k1 && k < len(spans); k++ {
			c := spans[k]
			switch {
			case c.Kind == SpanRank && c.Value == m.p.Rank:
				a.marks = append(a.marks, mark{Span: chunkSpan(c), kind: "rank", val: c.Value})
			case c.Kind == SpanTitle:
				for _, pos := range m.p.Positions {
					if hasTitle(pos, c.Value) || strings.HasPrefix(Fold(pos.Title), Fold(c.Value)) {
						a.marks = append(a.marks, mark{Span: chunkSpan(c), kind: "position", val: pos.Name})
						break
					}
				}
			}
		}
	}
	for _, c := range spans {
		switch c.Kind {
		case SpanEvent:
			if ev != nil && c.Value == ev.Kind {
				a.marks = append(a.marks, mark{Span: chunkSpan(c), kind: "event", fact: ev})
			}
		case SpanDate:
			var dated any
			if ev != nil && !ev.Date.IsZero() {
				dated = ev
			}
			a.marks = append(a.marks, mark{Span: chunkSpan(c), kind: "date", fact: dated})
		case SpanResolution:
			for _, r := range a.facts.Resolutions {
				if r.Identifier != "" && c.Value == r.Identifier || a.docAt[c.T0] == r.Name {
					a.marks = append(a.marks, mark{Span: chunkSpan(c), kind: "resolution", fact: r})
					break
				}
			}
		}
	}
	for _, pl := range a.facts.Plans {
		for _, m := range a.docMarks(s, pl.Name) {
			a.marks = append(a.marks, mark{Span: m, kind: "plan", fact: pl})
		}
	}
}

// positionMarks are the words of a post in a person's chains: its title and
// the bodies and countries after it.
func (a *analysis) positionMarks(spans []Chunk, ms []mention, p *PersonFact, pos PositionFact) []Span {
	var out []Span
	for _, m := range ms {
		if m.p != p {
			continue
		}
		for k := m.k0; k < m.k1 && k < len(spans); k++ {
			c := spans[k]
			if c.Kind != SpanTitle || !(hasTitle(pos, c.Value) || strings.HasPrefix(Fold(pos.Title), Fold(c.Value))) {
				continue
			}
			out = append(out, chunkSpan(c))
			for j := k + 1; j < m.k1 && j < len(spans) && spans[j].Kind != SpanTitle && spans[j].Kind != SpanSep && spans[j].Kind != SpanName; j++ {
				if spans[j].Kind == SpanOrg || spans[j].Kind == SpanCountry {
					out = append(out, chunkSpan(spans[j]))
				}
			}
			return out
		}
	}
	return out
}

// orgMarks are the mentions of a body the sentence recorded, else its name as
// written in the sentence.
func (a *analysis) orgMarks(o *OrgFact, sent Span, find func(string) []Span) []Span {
	var out []Span
	for _, m := range a.marks {
		if m.fact == o && m.kind == "org" && m.Start >= sent.Start && m.End <= sent.End {
			out = append(out, m.Span)
		}
	}
	if len(out) > 0 {
		return out
	}
	if m := find(o.Name); m != nil {
		return m
	}
	for _, al := range o.Aliases {
		if m := find(al); m != nil {
			return m
		}
	}
	return nil
}

// docMarks are the words naming a resolution or plan in a sentence.
func (a *analysis) docMarks(s sentence, name string) []Span {
	for t := s.t0; t < s.t1; t++ {
		if a.docAt[t] == name {
			end := t + 1
			for end < len(a.toks) && a.inDoc[end] {
				end++
			}
			return []Span{{a.toks[t].Start, a.toks[end-1].End}}
		}
	}
	return nil
}

// sourceSpan maps a Norm range to the source, leaving out spaces and invisible
// characters the normalization dropped at its ends.
func sourceSpan(t *Text, s Span) Span {
	start, end := t.SourceOffset(s.Start), t.SourceOffset(s.End)
	if s.End >= len(t.Norm) {
		end = len(t.Source)
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(t.Source[:end])
		if !(unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)) || n == 0 {
			break
		}
		end -= n
	}
	if end < start {
		end = start
	}
	return Span{start, end}
}

// mentions gives the recorded marks the IRIs of what was emitted, in source
// offsets, sorted by start; a mark of something not emitted is left out, and
// each range is listed once per kind.
func (e *emitter) mentions(t *Text) []Mention {
	out := make([]Mention, 0, len(e.f.marks))
	type key struct {
		Span
		kind string
	}
	seen := make(map[key]bool, len(e.f.marks))
	named := map[key]string{} // IRIs of ranks, posts and places, by name
	for _, m := range e.f.marks {
		var iri string
		switch m.kind {
		case "rank", "position", "place":
			iri = named[key{kind: m.kind + m.val}]
			if iri == "" {
				kind := map[string]string{"rank": vocab.KindRank, "position": vocab.KindPosition, "place": vocab.KindPlace}[m.kind]
				iri = e.entity(kind, m.val)
				named[key{kind: m.kind + m.val}] = iri
			}
			// a place the event no longer has was not emitted
			if m.kind == "place" && !e.seen[quadKey{iri, vocab.Type, vocab.IRI(vocab.Place)}] {
				continue
			}
		case "date":
			iri = e.iris[m.fact] // "" when it dates nothing
		default:
			iri = e.iris[m.fact]
			if iri == "" {
				continue
			}
		}
		k := key{m.Span, m.kind}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, Mention{Span: sourceSpan(t, m.Span), Kind: m.kind, IRI: iri})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}
