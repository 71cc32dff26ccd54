package extract

import "strings"

// evState is the discourse state of the event rules across sentences: the
// scene the text has set (the date and part of day the latest sentence opened
// with) and the part of day each event was held in, so that a sentence which
// holds a meeting of a kind already seen on another day, part of day or place
// holds another one ("Buổi sáng, A chủ trì lễ đón … Buổi chiều, B chủ trì lễ
// đón …").
type evState struct {
	sceneDate Date                  // the date the latest text sentence opened with
	sentPart  string                // the part of day the current sentence opens with, "" if none
	sentDate  Date                  // the current sentence's own date, zero if none
	part      map[*EventFact]string // the part of day an event was held in
	leads     []*PersonFact         // the heads of the delegations the text has named ("do A dẫn đầu")
	members   []*PersonFact         // the members of delegations: heads and those listed with them
	prev      *EventFact            // the event the text was about before the current sentence
	// the travellers' dated arrival before any visit is known ("Sáng 1/12, tàu
	// … do A làm trưởng đoàn đã cập cảng Thanh Đảo"): a visit the text names
	// later begins there and then
	arrived *arrival
	// the parties to each meeting: those whose own verb is the meeting ("A
	// hội đàm với B": A and B; "hai bên hội đàm": the pair), not those a list
	// adds ("Cùng dự có …")
	parties map[*EventFact][]*PersonFact
	// meetings named together with another ("tham dự Hội nghị … ADMM-12 và
	// Hội nghị … ADMM+5 tại Singapore"), each with the first of its list:
	// they share its people once the article is read
	joined map[*EventFact]*EventFact
	// the tokens that head a ceremony read from its words (ceremonies)
	ceremony map[int]bool
	// meetings told as the story's backstory ("Trước đó, ngày 29-11, …"):
	// events only when someone is named in them
	backstory      map[*EventFact]bool
	openedAt       map[*EventFact]int // the first token of the sentence that opened each event
	sentT0         int                // the first token of the sentence the event rules read
	openedSent     map[*EventFact]int // the sentence (index) that opened each event
	namedProgramme string             // the last programme named with its programme word ("Chương trình Giao lưu …")
	doneVisit      *EventFact         // the visit a sentence told as done on its day (visitDone)
	trip           *tripPurpose       // what the travellers left to attend ("lên đường sang Singapore dự …")
}

// party records p as a party to ev.
func (a *analysis) party(ev *EventFact, p *PersonFact) {
	if ev == nil || p == nil {
		return
	}
	if a.ev.parties == nil {
		a.ev.parties = map[*EventFact][]*PersonFact{}
	}
	a.ev.parties[ev] = appendPerson(a.ev.parties[ev], p)
}

// visitSides are the two sides of the visit an article tells of: the
// travelling side (the visit's attendees, the heads of the delegations the text
// named and their members) and the host side, those of the country visited:
// Việt Nam for foreign travellers; for Vietnamese ones the country the visit
// names ("chuyến thăm chính thức Nhật Bản") or that of whoever received them
// at a welcome or reception. Those of a third country (a meeting on the
// sidelines of a multilateral one) are on neither side. The zero value (no
// visit, travellers of several countries, or no country visited) has no sides.
type visitSides struct {
	country string        // the travellers' country
	host    string        // the country visited
	heads   []*PersonFact // the travellers the text named as heads or the visit's own
	of      func(*PersonFact) string
}

// travels reports p on the travelling side; hosts, on the host side. A person
// whose country is unknown is on neither.
func (v visitSides) travels(p *PersonFact) bool {
	return v.country != "" && v.of(p) == v.country
}

func (v visitSides) hosts(p *PersonFact) bool {
	return v.host != "" && v.of(p) == v.host
}

// sides finds the visit's sides once the article is read. The travellers'
// country is the one country of the first group of travellers that names one:
// the visit's attendees, the guests a welcome ceremony received ("A chủ trì lễ
// đón B"; those of another country than its chair's), the heads of the delegations the text named, their members. (In a
// border exchange both sides lead delegations; the visit and the welcome say
// who travelled.)
func (a *analysis) sides() visitSides {
	v := visitSides{of: a.personCountry}
	var visit, guests []*PersonFact
	for _, ev := range a.facts.Events {
		switch ev.Kind {
		case visitKind:
			visit = append(visit, ev.Attendees...)
		case "lễ đón":
			// those welcomed: its parties after the trigger, and those of
			// its people whose country is not its host's
			guests = append(guests, a.ev.parties[ev]...)
			if len(ev.Chairs) > 0 {
				host := a.personCountry(ev.Chairs[0])
				for _, p := range ev.Attendees {
					if c := a.personCountry(p); host != "" && c != "" && c != host {
						guests = append(guests, p)
					}
				}
			}
		}
	}
	groups := [][]*PersonFact{visit, guests, a.ev.leads, a.ev.members}
	for _, group := range groups {
		c, ok := a.oneCountry(group)
		if !ok {
			return visitSides{}
		}
		if c != "" {
			v.country = c
			break
		}
	}
	if v.country == "" {
		return visitSides{}
	}
	v.host = a.visited(v)
	if v.host == "" || v.host == v.country {
		return visitSides{}
	}
	for _, p := range append(append(visit, guests...), a.ev.leads...) {
		if v.travels(p) {
			v.heads = appendPerson(v.heads, p)
		}
	}
	return v
}

// oneCountry is the one country of the people whose country is known ("" when
// none is known); ok is false when they are of several.
func (a *analysis) oneCountry(ps []*PersonFact) (country string, ok bool) {
	for _, p := range ps {
		c := a.personCountry(p)
		if c == "" {
			continue
		}
		if country != "" && c != country {
			return "", false
		}
		country = c
	}
	return country, true
}

// visited is the country the travellers of v visit.
func (a *analysis) visited(v visitSides) string {
	if v.country != "Việt Nam" {
		return "Việt Nam"
	}
	for _, ev := range a.facts.Events {
		if ev.Kind != visitKind {
			continue
		}
		for _, s := range []string{ev.Name, ev.Location} {
			if c := a.g.country(s); c != "" && c != v.country {
				return c
			}
		}
	}
	for _, ev := range a.facts.Events {
		if ev.Kind != "lễ đón" && ev.Kind != "tiếp xã giao" || len(ev.Chairs) == 0 {
			continue
		}
		for _, p := range ev.Attendees {
			if v.travels(p) {
				if c := a.personCountry(ev.Chairs[0]); c != v.country {
					return c
				}
			}
		}
	}
	return ""
}

// personCountry is the country a person serves: their nationality, else the
// first country one of their posts names ("Phó Chủ tịch Quân ủy Trung ương
// Trung Quốc"), else Việt Nam for a Vietnamese name; "" when unknown.
func (a *analysis) personCountry(p *PersonFact) string {
	if p.Nationality != "" {
		return p.Nationality
	}
	for _, pos := range p.Positions {
		if c := a.g.country(pos.Name); c != "" {
			return c
		}
	}
	if !p.Foreign {
		return "Việt Nam"
	}
	return ""
}

// hostChairs applies the convention of visits: the host who receives the
// travellers at a ceremony, in talks or a courtesy call chairs it, and the
// travellers attend. A meeting of a kind whose frame says so (host_chairs),
// with no chair the text names, is chaired by its parties from the host side;
// when none of its people travels, the travelling heads attend it.
func (a *analysis) hostChairs() {
	if len(a.ev.parties) == 0 {
		return
	}
	v := a.sides()
	if v.country == "" {
		return
	}
	for _, ev := range a.facts.Events {
		if !a.g.frame(ev.Kind).HostChairs || len(ev.Chairs) > 0 {
			continue
		}
		var hosts []*PersonFact
		for _, p := range a.ev.parties[ev] {
			if v.hosts(p) {
				hosts = append(hosts, p)
			}
		}
		if len(hosts) == 0 {
			continue
		}
		guest := false
		for _, p := range append(append([]*PersonFact{}, ev.Attendees...), ev.Speakers...) {
			guest = guest || v.travels(p)
		}
		ev.Chairs = append(ev.Chairs, hosts...)
		if !guest {
			for _, p := range v.heads {
				ev.Attendees = appendPerson(ev.Attendees, p)
			}
		}
	}
}

// setScene reads the time a sentence opens with: its date (which dates the
// events of the sentences after it that give none) and its part of day.
func (a *analysis) setScene(s sentence, spans []Chunk, kind lineKind) {
	a.ev.sentPart, a.ev.sentDate = "", Date{}
	if kind != lineText {
		return
	}
	for _, sp := range spans {
		if sp.Kind == SpanDate && !a.inDoc[sp.T0] {
			a.ev.sentDate = a.dateOf(sp, s)
			break
		}
	}
	// the opening adverbials: "Trước đó, hôm qua (11-12), …", "Chiều cùng
	// ngày, …", "Buổi sáng, …"
	for k := 0; k < len(spans) && k < 6; k++ {
		if sp := spans[k]; sp.Kind == SpanDate {
			if d := a.dateOf(sp, s); !d.IsZero() {
				a.ev.sceneDate = d
			}
			break
		}
	}
	for i := s.t0; i < s.t1 && i < s.t0+6; i++ {
		t := a.toks[i]
		if t.Kind == Word && a.g.evWord(t.Key, ewPartOfDay) {
			a.ev.sentPart = t.Key
			return
		}
		if t.Kind == Word && !a.g.evWord(t.Key, ewTimeLead) {
			return
		}
	}
}

// eventPart records the part of day of an event opened in the current sentence.
func (a *analysis) eventPart(ev *EventFact) {
	if a.ev.sentPart == "" {
		return
	}
	if a.ev.part == nil {
		a.ev.part = map[*EventFact]string{}
	}
	if a.ev.part[ev] == "" {
		a.ev.part[ev] = a.ev.sentPart
	}
}

// otherOccasion reports a sentence that places a meeting of ev's kind on
// another day, part of day or at another place than ev.
func (a *analysis) otherOccasion(ev *EventFact, s sentence, spans []Chunk) bool {
	if d := a.ev.sentDate; !d.IsZero() && !ev.Date.IsZero() && d != ev.Date {
		return true
	}
	if p := a.ev.part[ev]; p != "" && a.ev.sentPart != "" && p != a.ev.sentPart {
		return true
	}
	if p := a.sentencePlace(spans); p != "" && ev.Location != "" && !samePlace(p, ev.Location) {
		return true
	}
	return false
}

// fillMissing gives an event the date and place of a sentence that holds it
// when the event has none yet.
func (a *analysis) fillMissing(ev *EventFact, s sentence, spans []Chunk) {
	if ev.Date.IsZero() && !a.ev.sentDate.IsZero() {
		ev.Date = a.ev.sentDate
	}
	if ev.Location == "" {
		ev.Location = a.sentencePlace(spans)
	}
	a.eventPart(ev)
}

// fillFrom gives an event that a host verb holds the sentence's date and the
// place after its "tại" when the event has none yet ("Bộ trưởng A đón Bộ
// trưởng B tại Cửa khẩu quốc tế Hữu Nghị").
func (a *analysis) fillFrom(ev *EventFact, s sentence, spans []Chunk) {
	if ev.Date.IsZero() && !a.ev.sentDate.IsZero() {
		ev.Date = a.ev.sentDate
	}
	if ev.Location == "" {
		for j, sp := range spans {
			if sp.Kind == SpanOther && sp.Value == "tại" && !(j > 0 && (spans[j-1].Kind == SpanCountry || spans[j-1].Kind == SpanTitle || spans[j-1].Kind == SpanOrg)) {
				if p := a.place(spans, j); p != "" {
					ev.Location = p
					break
				}
			}
		}
	}
	a.eventPart(ev)
}

// sentencePlace is the place after a "tại" that opens the sentence, before
// anyone or anything it names ("Buổi chiều, tại Cửa khẩu quốc tế Lao Bảo, …"):
// a "tại" after a person's post says where the post is.
func (a *analysis) sentencePlace(spans []Chunk) string {
	for j, sp := range spans {
		switch sp.Kind {
		case SpanDate, SpanSep:
			continue
		case SpanOther:
			if sp.Value == "tại" {
				return a.place(spans, j)
			}
			continue
		}
		return ""
	}
	return ""
}

// samePlace reports two names of one place: equal when folded, or one the
// beginning of the other ("Cửa khẩu Lao Bảo", "Cửa khẩu Lao Bảo tỉnh Quảng Trị").
func samePlace(p, q string) bool {
	p, q = Fold(p), Fold(q)
	return p == q || strings.HasPrefix(p, q) || strings.HasPrefix(q, p)
}

// finishEvents settles the events once the article is read: a meeting that a
// title or lead named without a date is the dated one of its kind the body
// tells of; whoever chairs a meeting is not also one of its attendees ("A chủ
// trì lễ đón B … A đón B": A hosts, B attends).
func (a *analysis) finishEvents() {
	a.mergeUndated()
	a.shareJoined()
	a.dropBackstory()
	a.hostChairs()
	a.travellersAttend()
	for _, ev := range a.facts.Events {
		for i := len(ev.Attendees) - 1; i >= 0; i-- {
			if hasPerson(ev.Chairs, ev.Attendees[i]) {
				a.dropAttendee(ev, i)
			}
		}
	}
}

// dropBackstory drops the meetings told as the story's backstory in which no
// one is named (GUIDELINES: a past meeting counts with its own day and a
// named participant).
func (a *analysis) dropBackstory() {
	if len(a.ev.backstory) == 0 {
		return
	}
	keep := a.facts.Events[:0]
	for _, ev := range a.facts.Events {
		if a.ev.backstory[ev] && len(ev.Chairs)+len(ev.Attendees)+len(ev.Speakers) == 0 {
			continue
		}
		keep = append(keep, ev)
	}
	a.facts.Events = keep
}

// shareJoined gives each meeting named together with another the people of
// the first of its list: those who travel to "Hội nghị X và Hội nghị Y"
// attend both.
func (a *analysis) shareJoined() {
	for _, ev := range a.facts.Events {
		first := a.ev.joined[ev]
		if first == nil {
			continue
		}
		for _, p := range first.Chairs {
			ev.Chairs = appendPerson(ev.Chairs, p)
		}
		for _, p := range first.Attendees {
			if !hasPerson(ev.Chairs, p) {
				ev.Attendees = appendPerson(ev.Attendees, p)
			}
		}
	}
}

// dropAttendee removes an event's i-th attendee, keeping the citations of the
// others with them.
func (a *analysis) dropAttendee(ev *EventFact, i int) {
	ev.Attendees = append(ev.Attendees[:i], ev.Attendees[i+1:]...)
	n := len(ev.Attendees)
	for j := i; j < n; j++ {
		if c, ok := a.facts.cites[citeKey{ev, slotAttendee, j + 1}]; ok {
			a.facts.cites[citeKey{ev, slotAttendee, j}] = c
		} else {
			delete(a.facts.cites, citeKey{ev, slotAttendee, j})
		}
	}
	delete(a.facts.cites, citeKey{ev, slotAttendee, n})
}

// delegationSubject is the index of the delegation word standing as a
// clause's subject, at the sentence's start or after a comma ("Trong thời
// gian tại Bắc Kinh, đoàn đã hội đàm …"), -1 if none.
func (a *analysis) delegationSubject(spans []Chunk) int {
	for j, sp := range spans {
		if sp.Kind != SpanOther || a.g.evPhraseAt(a.toks, sp.T0, len(a.toks), ewDelegation) == 0 {
			continue
		}
		if j == 0 || spans[j-1].Kind == SpanSep && spans[j-1].Value == "," {
			return j
		}
	}
	return -1
}

// groupEnd is the index of the span after a travelling group named at
// spans[d] and what it goes on with before its verb: "đoàn Việt Nam đã …",
// "đoàn Bộ Quốc phòng Lào đã …" (its country or body), "nhóm chỉ huy đội tàu
// tới đặt vòng hoa …" (the group's words, and a verb of arrival before what
// it does there).
func (a *analysis) groupEnd(spans []Chunk, d int) int {
	j := d + 1
	for j < len(spans) && j <= d+4 {
		sp := spans[j]
		if sp.Kind == SpanCountry || sp.Kind == SpanOrg || sp.Kind == SpanVerb && sp.Value == "lead" && j == d+1 ||
			sp.Kind == SpanOther && j > d && a.g.evPhraseAt(a.toks, spans[j-1].T0, sp.T1, ewDelegation) == sp.T1-spans[j-1].T0 {
			j++
			continue
		}
		if sp.Kind == SpanOther && a.g.evPhraseAt(a.toks, sp.T0, len(a.toks), ewDelegation) > 0 && j == d+2 {
			j++ // "nhóm chỉ huy đội tàu": the group's ships
			continue
		}
		break
	}
	for j < len(spans) && spans[j].Kind == SpanOther && a.g.is(spans[j].Value, wFiller) {
		j++
	}
	if j+1 < len(spans) && spans[j].Kind == SpanOther && a.g.evWord(spans[j].Value, ewArrival) && spans[j+1].Kind == SpanEvent {
		j++
	}
	return j
}

// delegationRoles gives the heads of the delegations the text has named the
// part the delegation takes when it is a clause's subject: "đoàn đã hội đàm
// với …" (they attend the talks). For "đoàn đã được A tiếp" it returns them:
// they are the guests of the reception the host verb opens.
func (a *analysis) delegationRoles(spans []Chunk, planned bool) []*PersonFact {
	d := a.delegationSubject(spans)
	if d < 0 || len(a.ev.leads) == 0 || planned {
		return nil
	}
	j := a.groupEnd(spans, d)
	if j >= len(spans) {
		return nil
	}
	if sp := spans[j]; sp.Kind == SpanEvent && (a.g.frame(sp.Value).VerbAttends || a.g.evPhraseAt(a.toks, sp.T0, sp.T1, ewCall) == sp.T1-sp.T0) && !a.toks[sp.T0].Cap {
		if ev := a.eventOfKind(sp.Value); ev != nil {
			// "đoàn Việt Nam đã đặt vòng hoa viếng …": the members of the
			// delegation named, else the heads the text named
			people := a.delegationAt(spans, d)
			if len(people) == 0 {
				people = a.ev.leads
			}
			for _, p := range people {
				ev.Attendees = appendPerson(ev.Attendees, p)
				a.party(ev, p)
			}
		}
		return nil
	}
	if spans[j].Kind == SpanOther && spans[j].Value == "được" {
		return a.ev.leads
	}
	return nil
}

// mergeUndated merges each undated event into the one dated event of its kind
// whose name it fits (one name empty, or its words all in the other's) and
// whose chairs it does not contradict: "Việt Nam - Canada tổ chức Đối thoại
// chính sách quốc phòng lần thứ 2" in a title is the body's "Đối thoại chính
// sách quốc phòng Việt Nam - Canada lần thứ 2" of 21-9.
func (a *analysis) mergeUndated() {
	var keep []*EventFact
	into := map[*EventFact]*EventFact{}
	for _, e := range a.facts.Events {
		if !e.Date.IsZero() {
			continue
		}
		var to *EventFact
		n := 0
		for _, f := range a.facts.Events {
			if f != e && f.Kind == e.Kind && !f.Date.IsZero() && namesFit(e.Name, f.Name) && chairsFit(e, f) {
				to, n = f, n+1
			}
		}
		if n == 1 {
			into[e] = to
		}
	}
	if len(into) == 0 {
		return
	}
	for _, e := range a.facts.Events {
		f, ok := into[e]
		if !ok {
			keep = append(keep, e)
			continue
		}
		for _, p := range e.Chairs {
			f.Chairs = appendPerson(f.Chairs, p)
		}
		for _, p := range e.Attendees {
			f.Attendees = appendPerson(f.Attendees, p)
		}
		for _, p := range e.Speakers {
			f.Speakers = appendPerson(f.Speakers, p)
		}
		for _, p := range a.ev.parties[e] {
			a.party(f, p)
		}
		for _, d := range e.About {
			f.About = appendUnique(f.About, d)
		}
		if f.Location == "" {
			f.Location = e.Location
		}
		if f.Organizer == "" {
			f.Organizer = e.Organizer
		}
		if f.Name == "" {
			f.Name = e.Name
		}
		if a.current == e {
			a.current = f
		}
	}
	a.facts.Events = keep
	for i := range a.marks {
		if e, ok := a.marks[i].fact.(*EventFact); ok && into[e] != nil {
			a.marks[i].fact = into[e]
		}
	}
}

// namesFit reports two names of one event: one of them empty, or every word
// of one in the other.
func namesFit(n, m string) bool {
	if n == "" || m == "" {
		return true
	}
	in := func(x, y string) bool {
		words := map[string]bool{}
		for _, w := range strings.Fields(Fold(y)) {
			words[w] = true
		}
		for _, w := range strings.Fields(Fold(x)) {
			if !words[w] {
				return false
			}
		}
		return true
	}
	return in(n, m) || in(m, n)
}

// chairsFit reports an event whose chairs, if any, include one of the other's
// (or the other has none).
func chairsFit(e, f *EventFact) bool {
	if len(e.Chairs) == 0 || len(f.Chairs) == 0 {
		return true
	}
	for _, p := range e.Chairs {
		if hasPerson(f.Chairs, p) {
			return true
		}
	}
	return false
}

// pairRoles reads "hai Bộ trưởng đồng chủ trì hội đàm", "hai Bộ trưởng đã hội
// đàm": the pair a title names is the article's two people with that title
// (the two delegation heads), and they take the role of the verb after it in
// the event the sentence speaks of. It does nothing unless exactly two people
// hold the title.
func (a *analysis) pairRoles(spans []Chunk, ev *EventFact, planned bool) {
	if planned {
		return
	}
	for k := 0; k+1 < len(spans); k++ {
		if spans[k].Kind != SpanOther || spans[k].Value != "hai" || spans[k+1].Kind != SpanTitle && !(spans[k+1].Kind == SpanOther && spans[k+1].Value == "bên") {
			continue
		}
		if k > 0 && !(spans[k-1].Kind == SpanSep || spans[k-1].Kind == SpanDate) {
			continue
		}
		var pair []*PersonFact
		if spans[k+1].Kind == SpanTitle {
			title := spans[k+1].Value
			for _, p := range a.facts.Persons {
				for _, pos := range p.Positions {
					if titleFits(title, pos) {
						pair = appendPerson(pair, p)
					}
				}
			}
		} else if prev := a.ev.prev; prev != nil && len(prev.Chairs) == 1 && len(prev.Attendees) > 0 && (prev.Kind == "lễ đón" || prev.Kind == "tiếp xã giao") {
			// "Ngay sau lễ đón, hai bên hội đàm": the two sides are the host
			// and the guest of the welcome or reception before
			pair = []*PersonFact{prev.Chairs[0], prev.Attendees[0]}
		}
		if len(pair) != 2 {
			return
		}
		j := k + 2
		for j < len(spans) && spans[j].Kind == SpanOther && a.g.is(spans[j].Value, wFiller) {
			j++
		}
		if j >= len(spans) {
			return
		}
		sp := spans[j]
		target, role := ev, ""
		sides := spans[k+1].Kind != SpanTitle // "hai bên": a group, no speaker or chair
		switch {
		case sp.Kind == SpanVerb && !sides && (sp.Value == "chair" || sp.Value == "attend" || sp.Value == "speak"):
			role = sp.Value
		case sp.Kind == SpanEvent && a.g.frame(sp.Value).VerbAttends && !a.toks[sp.T0].Cap:
			role = "attend"
			if e := a.eventOfKind(sp.Value); e != nil {
				target = e
			}
		}
		if target == nil || role == "" {
			return
		}
		for _, p := range pair {
			switch role {
			case "chair":
				target.Chairs = appendPerson(target.Chairs, p)
			case "attend":
				// "hai Bộ trưởng (tiến hành) hội đàm": the two as equals
				// attend; the text makes neither the host who chairs
				// (hostChairs), unlike "A hội đàm với B"
				target.Attendees = appendPerson(target.Attendees, p)
			case "speak":
				target.Speakers = appendPerson(target.Speakers, p)
			}
		}
		return
	}
}

// titleFits reports a post that a title names: its own title, or a title and
// the domain it names ("hai Bộ trưởng Quốc phòng": the Bộ trưởng of a Bộ Quốc
// phòng).
func titleFits(title string, pos PositionFact) bool {
	if pos.Title == title {
		return true
	}
	rest, ok := strings.CutPrefix(Fold(title), Fold(pos.Title)+" ")
	return ok && pos.Title != "" && strings.Contains(Fold(pos.Name), rest)
}

// noteMembers records the people a sentence about a delegation lists as its
// members ("Đoàn đại biểu Việt Nam do A làm Trưởng đoàn. Tham gia đoàn có B,
// …", "Cùng đi có C"): those who lead or attend in a sentence with the
// delegation word.
func (a *analysis) noteMembers(spans []Chunk, ms []mention, roles [][]string) {
	has := false
	for _, sp := range spans {
		if (sp.Kind == SpanOther || sp.Kind == SpanName) && a.g.evWord(a.toks[sp.T0].Key, ewDelegation) {
			has = true
			break
		}
	}
	// "Tham dự về phía Việt Nam có A, … làm Trưởng đoàn; B, …": a sentence in
	// which someone leads a delegation lists its members
	for i := range ms {
		for _, r := range roles[i] {
			has = has || r == "lead"
		}
	}
	// "Đoàn đại biểu Việt Nam do A làm Trưởng đoàn. Cùng đi có B, …": those
	// who go with a delegation the text named are its members
	if !has && len(a.ev.leads)+len(a.ev.members) > 0 {
		for _, sp := range spans {
			if sp.Kind == SpanVerb && sp.T1-sp.T0 == 2 && a.toks[sp.T0].Key == "cùng" && a.toks[sp.T0+1].Key == "đi" {
				has = true
				break
			}
		}
	}
	if !has {
		return
	}
	for i, m := range ms {
		for _, r := range roles[i] {
			if r == "lead" || r == "attend" {
				a.ev.members = appendPerson(a.ev.members, m.p)
			}
		}
	}
}

// delegationAt is the members of the delegation named at spans[k] ("Đoàn đại
// biểu Bộ Quốc phòng Lào"): the members the text listed whose country is the
// one the delegation's name gives (Việt Nam when it gives none or Việt Nam's).
func (a *analysis) delegationAt(spans []Chunk, k int) []*PersonFact {
	if k >= len(spans) || !a.g.evWord(a.toks[spans[k].T0].Key, ewDelegation) || len(a.ev.members) == 0 {
		return nil
	}
	country := ""
	for j := k + 1; j < len(spans) && j < k+6; j++ {
		sp := spans[j]
		if sp.Kind == SpanCountry {
			country = sp.Value
			break
		}
		if sp.Kind == SpanOrg {
			if c := a.g.orgCountry[a.orgOf(sp).Name]; c != "" {
				country = c
				break
			}
		}
		if sp.Kind != SpanOther && sp.Kind != SpanName {
			break
		}
	}
	var out []*PersonFact
	for _, p := range a.ev.members {
		if country == "" || country == "Việt Nam" {
			if !p.Foreign {
				out = append(out, p)
			}
		} else if p.Foreign && p.Nationality == country {
			out = append(out, p)
		}
	}
	return out
}

// arrival is where and when travellers arrived, as a sentence dates it.
type arrival struct {
	date  Date
	place string
}

// arrivalAt reads a dated arrival of the sentence: the destination after an
// arrival word ("đã cập Cảng quốc tế Cam Ranh", "đã tới Hà Nội"), on the
// sentence's own date. ok is false when the sentence gives none.
func (a *analysis) arrivalAt(spans []Chunk, kind lineKind, planned bool) (arrival, bool) {
	if kind != lineText || planned || a.ev.sentDate.IsZero() {
		return arrival{}, false
	}
	for j, sp := range spans {
		if sp.Kind != SpanOther {
			continue
		}
		// "đã hạ cánh tại Hà Nội": a phrase of several words, and its "tại"
		n := a.g.evPhraseAt(a.toks, sp.T0, len(a.toks), ewArrival)
		if n == 0 {
			continue
		}
		last := j
		for last+1 < len(spans) && spans[last].T1 < sp.T0+n {
			last++
		}
		if last+1 < len(spans) && spans[last+1].Kind == SpanOther && spans[last+1].Value == "tại" {
			last++
		}
		if p := a.place(spans, last); p != "" {
			return arrival{date: a.ev.sentDate, place: p}, true
		}
	}
	return arrival{}, false
}

// noteArrival places the visit where its travellers arrive on its first day
// ("Trong các ngày từ 25 đến 28/6, đội tàu … đến thăm tỉnh Khánh Hòa" then
// "sáng 25/6, đội tàu … đã cập Cảng quốc tế Cam Ranh"), or, before any visit is
// known, keeps the arrival for the visit the text names later.
func (a *analysis) noteArrival(spans []Chunk, kind lineKind, planned bool) {
	arr, ok := a.arrivalAt(spans, kind, planned)
	if !ok {
		return
	}
	if v := a.eventOfKind(visitKind); v != nil {
		if v.Location == "" && v.Date == arr.date {
			v.Location = arr.place
		}
		return
	}
	if a.ev.arrived == nil {
		a.ev.arrived = &arr
	}
}

// visitFromArrival opens the visit a sentence names ("Thanh Đảo là điểm dừng
// chân đầu tiên trong chuyến thăm … của đoàn") at the travellers' arrival,
// when the text reported one before any visit: its day and destination, the
// heads of the delegations named so far attending. nil when there was none.
func (a *analysis) visitFromArrival() *EventFact {
	arr := a.ev.arrived
	if arr == nil || a.eventOfKind(visitKind) != nil {
		return nil
	}
	a.ev.arrived = nil
	ev := &EventFact{Kind: visitKind, Date: arr.date, Location: arr.place}
	for _, p := range a.ev.leads {
		ev.Attendees = appendPerson(ev.Attendees, p)
	}
	a.facts.Events = append(a.facts.Events, ev)
	return ev
}
