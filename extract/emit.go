package extract

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/vnkg/vnkg/graph/vocab"
)

// emitter turns facts into quads; it is the one place that builds IRIs.
type emitter struct {
	label string
	quads []vocab.Quad
	seen  map[quadKey]bool
	g     *Gazetteer
	bg    []vocab.Quad
	bgSet map[quadKey]bool

	f        *Facts
	cites    bool       // whether to give the quads their evidence
	at       cite       // where the quads being added are stated
	evidence []Evidence // in Text.Norm offsets until Extract maps them
	iris     map[any]string
	names    map[[2]string]string // entity IRIs by kind and name
}

// quadKey is a quad without its label, which is the same for every quad of
// one list (the article's, or the gazetteer's): a cheaper key to tell them
// apart.
type quadKey struct {
	s, p string
	o    vocab.Term
}

// from sets where the next quads are stated: the statement's own cite, else
// the fact's first mention.
func (e *emitter) from(fact any, sl slot, i int) {
	if !e.cites {
		return
	}
	c, ok := e.f.cites[citeKey{fact, sl, i}]
	if !ok || c.zero() {
		c = e.f.cites[citeKey{fact, slotFirst, 0}]
	}
	e.at = c
}

func (e *emitter) add(s string, p string, o vocab.Term) {
	if k := (quadKey{s, p, o}); !e.seen[k] {
		e.seen[k] = true
		q := vocab.Quad{Subject: vocab.IRI(s), Predicate: vocab.IRI(p), Object: o, Label: e.label}
		if !e.at.zero() {
			e.evidence = append(e.evidence, Evidence{Quad: len(e.quads), Sentence: e.at.sent, Mentions: e.at.marks})
		}
		e.quads = append(e.quads, q)
	}
}

func (e *emitter) background(s string, p string, o vocab.Term) {
	if k := (quadKey{s, p, o}); !e.bgSet[k] {
		e.bgSet[k] = true
		e.bg = append(e.bg, vocab.Quad{Subject: vocab.IRI(s), Predicate: vocab.IRI(p), Object: o, Label: vocab.GazetteerLabel})
	}
}

func entity(kind, name string) string { return vocab.EntityIRI(kind, CanonicalTone(name)) }

// entity is entity with a memory: an article names the same person, body and
// place in many quads, and building an IRI folds and escapes the name.
func (e *emitter) entity(kind, name string) string {
	k := [2]string{kind, name}
	if iri, ok := e.names[k]; ok {
		return iri
	}
	iri, ok := e.g.iris[k] // a rank or a body of the gazetteer: built once
	if !ok {
		iri = entity(kind, name)
	}
	e.names[k] = iri
	return iri
}

// emit builds the quads of one article.
func (g *Gazetteer) emit(doc Document, f *Facts, evidence bool) *emitter {
	e := &emitter{label: vocab.DocIRI(doc.ID), seen: make(map[quadKey]bool, 128), g: g, bgSet: make(map[quadKey]bool, 32),
		quads: make([]vocab.Quad, 0, 128), f: f, iris: map[any]string{}, cites: evidence, names: make(map[[2]string]string, 64)}
	d := e.label
	e.add(d, vocab.Type, vocab.IRI(vocab.NewsArticle))
	switch {
	case doc.Title != "":
		e.add(d, vocab.Name, vocab.String(collapseSpaces(doc.Title)))
	case f.Headline != "":
		e.from(f, slotHeadline, 0)
		e.add(d, vocab.Name, vocab.String(f.Headline))
		e.at = cite{}
	}
	if _, _, _, ok := isoDate(doc.Published); ok {
		e.add(d, vocab.DatePublished, vocab.Typed(doc.Published, vocab.XSDDate))
	}
	if doc.SourceFile != "" {
		e.add(d, vocab.SourceFile, vocab.String(doc.SourceFile))
	}
	if u, err := url.Parse(doc.URL); doc.URL != "" && err == nil && (u.Scheme == "http" || u.Scheme == "https") && !strings.ContainsAny(doc.URL, " <>\"{}|\\^`") {
		e.add(d, vocab.URL, vocab.IRI(doc.URL))
	}
	if f.Publisher != "" {
		e.from(f, slotPublisher, 0)
		pub := e.entity(vocab.KindOrg, f.Publisher)
		e.add(pub, vocab.Type, vocab.IRI(vocab.Organization))
		e.add(pub, vocab.Name, vocab.String(f.Publisher))
		e.add(d, vocab.Publisher, vocab.IRI(pub))
	}
	for i, name := range f.Authors {
		e.from(f, slotAuthor, i)
		p := e.entity(vocab.KindPerson, name)
		e.add(p, vocab.Type, vocab.IRI(vocab.Person))
		e.add(p, vocab.Name, vocab.String(name))
		e.add(d, vocab.Author, vocab.IRI(p))
	}
	for _, a := range doc.Authors { // the metadata's (a header's author:, a page's JSON-LD)
		e.at = cite{} // stated by no sentence
		name := CanonicalTone(collapseSpaces(a))
		p := e.entity(vocab.KindPerson, name)
		e.add(p, vocab.Type, vocab.IRI(vocab.Person))
		e.add(p, vocab.Name, vocab.String(name))
		e.add(d, vocab.Author, vocab.IRI(p))
	}
	for _, o := range f.Orgs {
		e.org(o)
	}
	for _, p := range f.Persons {
		e.person(p)
	}
	for _, r := range f.Resolutions {
		e.resolution(r)
	}
	for _, p := range f.Plans {
		e.from(p, slotFirst, 0)
		iri := e.entity(vocab.KindPlan, p.Name)
		e.iris[p] = iri
		e.add(iri, vocab.Type, vocab.IRI(vocab.Plan))
		e.add(iri, vocab.Name, vocab.String(p.Name))
	}
	for i, ev := range f.Events {
		e.event(doc, i, ev)
	}
	e.at = cite{}
	return e
}

func (e *emitter) org(o *OrgFact) string {
	e.from(o, slotFirst, 0)
	iri := e.entity(vocab.KindOrg, o.Name)
	e.iris[o] = iri
	typ := vocab.Organization
	if o.Gov {
		typ = vocab.GovernmentOrganization
	}
	e.add(iri, vocab.Type, vocab.IRI(typ))
	e.add(iri, vocab.Name, vocab.String(o.Name))
	for i, al := range o.Aliases {
		e.from(o, slotAlias, i)
		if Fold(al) != Fold(o.Name) || al != o.Name {
			e.add(iri, vocab.AlternateName, vocab.String(al))
		}
	}
	if o.Parent != "" {
		e.from(o, slotParent, 0)
		parent := e.entity(vocab.KindOrg, o.Parent)
		if known := e.g.Orgs[o.Name]; known != nil && known.Parent == o.Parent {
			// the gazetteer's hierarchy is background knowledge
			e.background(iri, vocab.ParentOrganization, vocab.IRI(parent))
			e.background(parent, vocab.Name, vocab.String(o.Parent))
			ptyp := vocab.GovernmentOrganization
			if po := e.g.Orgs[o.Parent]; po != nil && !po.Gov {
				ptyp = vocab.Organization
			}
			e.background(parent, vocab.Type, vocab.IRI(ptyp))
		} else {
			e.add(iri, vocab.ParentOrganization, vocab.IRI(parent))
		}
	}
	return iri
}

func (e *emitter) person(p *PersonFact) {
	e.from(p, slotFirst, 0)
	iri := e.entity(vocab.KindPerson, p.Name)
	e.iris[p] = iri
	e.add(iri, vocab.Type, vocab.IRI(vocab.Person))
	e.add(iri, vocab.Name, vocab.String(p.Name))
	for i, al := range p.Aliases {
		e.from(p, slotAlias, i)
		if al != p.Name {
			e.add(iri, vocab.AlternateName, vocab.String(al))
		}
	}
	if p.Nationality != "" {
		e.from(p, slotNationality, 0)
		e.add(iri, vocab.Nationality, vocab.String(p.Nationality))
	}
	if p.Rank != "" {
		e.from(p, slotRank, 0)
		r := e.entity(vocab.KindRank, p.Rank)
		e.add(r, vocab.Type, vocab.IRI(vocab.MilitaryRank))
		e.add(r, vocab.Name, vocab.String(p.Rank))
		e.add(iri, vocab.Rank, vocab.IRI(r))
		if rk := e.g.Ranks[p.Rank]; rk != nil {
			e.background(r, vocab.Type, vocab.IRI(vocab.MilitaryRank))
			e.background(r, vocab.Name, vocab.String(rk.Name))
			if rk.English != "" {
				e.background(r, vocab.EnglishName, vocab.String(rk.English))
			}
			e.background(r, vocab.Seniority, vocab.Typed(strconv.Itoa(rk.Seniority), vocab.XSDInteger))
			if rk.Branch != "" {
				e.background(r, vocab.Branch, vocab.String(rk.Branch))
			}
		}
	}
	for i, pos := range p.Positions {
		e.from(p, slotPosition, i)
		pi := e.entity(vocab.KindPosition, pos.Name)
		e.add(pi, vocab.Type, vocab.IRI(vocab.Position))
		e.add(pi, vocab.Name, vocab.String(pos.Name))
		e.add(pi, vocab.Title, vocab.String(pos.Title))
		if pos.Org != "" {
			e.add(pi, vocab.OrganizationOf, vocab.IRI(e.entity(vocab.KindOrg, pos.Org)))
		}
		e.add(iri, vocab.HoldsPosition, vocab.IRI(pi))
	}
}

func (e *emitter) resolution(r *ResolutionFact) {
	e.from(r, slotFirst, 0)
	iri := e.entity(vocab.KindResolution, r.Name)
	e.iris[r] = iri
	e.add(iri, vocab.Type, vocab.IRI(vocab.Resolution))
	e.add(iri, vocab.Name, vocab.String(r.Name))
	if r.Identifier != "" {
		e.from(r, slotIdentifier, 0)
		e.add(iri, vocab.LegislationIdentifier, vocab.String(r.Identifier))
	}
	if r.Issuer != "" {
		e.from(r, slotIssuer, 0)
		e.add(iri, vocab.LegislationPassedBy, vocab.IRI(e.entity(vocab.KindOrg, r.Issuer)))
	}
	for i, al := range r.Aliases {
		e.from(r, slotAlias, i)
		if al != r.Name {
			e.add(iri, vocab.AlternateName, vocab.String(al))
		}
	}
	if r.Subject != "" {
		e.from(r, slotSubject, 0)
		e.add(iri, vocab.About, vocab.String(r.Subject))
	}
}

// aboutIRI finds the resolution or plan an event's subject names.
func aboutIRI(name string) string {
	if strings.HasPrefix(name, "Đề án") {
		return entity(vocab.KindPlan, name)
	}
	return entity(vocab.KindResolution, name)
}

func (e *emitter) event(doc Document, i int, ev *EventFact) {
	name := ev.Name
	var iri string
	switch {
	case name != "" && ev.Date.Year != 0:
		iri = e.entity(vocab.KindEvent, name+" "+ev.Date.String())
	default:
		iri = e.entity(vocab.KindEvent, doc.ID+" "+strconv.Itoa(i+1)+" "+ev.Kind)
	}
	if name == "" {
		name = upperFirst(ev.Kind)
		if !ev.Date.IsZero() {
			name += " " + ev.Date.String()
		}
	}
	e.iris[ev] = iri
	e.from(ev, slotFirst, 0)
	e.add(iri, vocab.Type, vocab.IRI(vocab.Event))
	e.add(iri, vocab.Name, vocab.String(name))
	e.add(e.label, vocab.About, vocab.IRI(iri))
	if ev.Kind != "" {
		e.add(iri, vocab.EventKind, vocab.String(ev.Kind))
	}
	if !ev.Date.IsZero() {
		e.from(ev, slotDate, 0)
		dt := vocab.XSDDate
		if ev.Date.Year == 0 {
			dt = vocab.XSDGMonthDay
		}
		e.add(iri, vocab.StartDate, vocab.Typed(ev.Date.String(), dt))
	}
	if ev.Location != "" {
		e.from(ev, slotLocation, 0)
		pl := e.entity(vocab.KindPlace, ev.Location)
		e.add(pl, vocab.Type, vocab.IRI(vocab.Place))
		e.add(pl, vocab.Name, vocab.String(ev.Location))
		e.add(iri, vocab.Location, vocab.IRI(pl))
	}
	if ev.Organizer != "" {
		e.from(ev, slotOrganizer, 0)
		e.add(iri, vocab.Organizer, vocab.IRI(e.entity(vocab.KindOrg, ev.Organizer)))
	}
	if ev.Period != "" {
		e.from(ev, slotPeriod, 0)
		e.add(iri, vocab.Period, vocab.String(ev.Period))
	}
	for i, p := range ev.Chairs {
		e.from(ev, slotChair, i)
		e.add(iri, vocab.Chair, vocab.IRI(e.entity(vocab.KindPerson, p.Name)))
	}
	for i, p := range ev.Attendees {
		e.from(ev, slotAttendee, i)
		e.add(iri, vocab.Attendee, vocab.IRI(e.entity(vocab.KindPerson, p.Name)))
	}
	for i, p := range ev.Speakers {
		e.from(ev, slotSpeaker, i)
		e.add(iri, vocab.Speaker, vocab.IRI(e.entity(vocab.KindPerson, p.Name)))
	}
	for i, ab := range ev.About {
		e.from(ev, slotAbout, i)
		e.add(iri, vocab.About, vocab.IRI(aboutIRI(ab)))
	}
}
