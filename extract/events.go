package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence relates the spans of one sentence: bodies, resolutions and plans,
// people, the event it speaks of, and who did what there.
func (a *analysis) sentence(s sentence, spans []Span, kind lineKind) {
	if kind == lineText && !a.lead.seen {
		for j, sp := range spans {
			if sp.Kind == SpanDate {
				a.lead.seen = true
				a.lead.date = resolveYear(spanDate(a.toks, sp), a.doc.Published, statedYear(a.toks, s))
				for _, x := range spans[j:] {
					if x.Kind == SpanOther && x.Value == "tại" {
						a.lead.place = a.place(spans, indexOf(spans, x))
						break
					}
				}
				break
			}
		}
	}
	a.bodies(spans)
	a.documents(s, spans)
	ms := a.people(spans)
	if kind == lineHeadline {
		return
	}
	ev := a.events(s, spans, ms, kind)
	a.roles(s, spans, ms, ev, kind)
}

// indexOf is the index of a span in spans.
func indexOf(spans []Span, x Span) int {
	for i, sp := range spans {
		if sp.Start == x.Start && sp.Kind == x.Kind {
			return i
		}
	}
	return -1
}

// bodies records every body of the sentence, the abbreviations it defines
// ("Bộ Quốc phòng (BQP)") and bodies qualified by an armed force
// ("Bộ Tổng Tham mưu Quân đội nhân dân Lào").
func (a *analysis) bodies(spans []Span) {
	for k := 0; k < len(spans); k++ {
		sp := spans[k]
		if sp.Kind != SpanOrg || sp.Value == loneHead {
			continue
		}
		o := a.orgOf(sp)
		a.sharedSuffix(sp)
		// "(BQP)": an abbreviation the article defines
		if k+3 < len(spans) && spans[k+1].Value == "(" && spans[k+3].Value == ")" &&
			spans[k+2].T1-spans[k+2].T0 == 1 && a.toks[spans[k+2].T0].Upper {
			abbr := a.toks[spans[k+2].T0].Text
			a.abbrev[abbr] = o.Name
			o.Aliases = appendUnique(o.Aliases, abbr)
			// "Bộ đội Biên phòng (BĐBP) tỉnh An Giang": the name goes on after
			// the brackets
			if t := spans[k+3].T1; t+1 < len(a.toks) && a.g.is(a.toks[t].Key, wAdmin) && a.toks[t+1].Cap {
				e := t + 1
				for e < len(a.toks) && a.toks[e].Kind == Word && a.toks[e].Cap {
					e++
				}
				full := a.org("", a.spanText(sp)+" "+a.tokText(t, e))
				a.orgAt[sp.Start] = full
			}
		}
		if k+1 < len(spans) && spans[k+1].Kind == SpanOrg && spans[k+1].T0 == sp.T1 {
			next := spans[k+1]
			b := a.orgOf(next)
			if c := a.countryIn(b.Name); c != "" {
				// a foreign armed force's body is a body of its own
				combined := a.org(o.Name+" "+b.Name, a.text.Norm[sp.Start:next.End])
				combined.Parent = b.Name
			} else {
				o.Aliases = appendUnique(o.Aliases, CanonicalTone(collapseSpaces(a.text.Norm[sp.Start:next.End])))
			}
			k++
		}
	}
}

// sharedSuffix reads a body head standing alone before a comma and a body with
// a head of its own: "Đảng ủy, Bộ Tư lệnh Quân khu 4" names Đảng ủy Quân khu 4
// too.
func (a *analysis) sharedSuffix(sp Span) {
	t := sp.T0
	if t < 2 || a.toks[t-1].Text != "," {
		return
	}
	hn, _ := a.g.headLex.longest(a.toks, t)
	if hn == 0 || hn >= sp.T1-t {
		return
	}
	// the lone head: the longest head that ends right before the comma
	for start := t - 2; start >= 0 && start >= t-5; start-- {
		if n, _ := a.g.headLex.longest(a.toks[:t-1], start); n > 0 && start+n == t-1 && a.toks[start].Cap && (start == 0 || !a.toks[start-1].Cap) {
			if on, _ := a.g.orgLex.longest(a.toks[:t-1], start); on > 0 {
				return // a body of its own, not a lone head
			}
			rest := a.tokText(t+hn, sp.T1)
			written := a.tokText(start, t-1) + " " + rest
			a.org("", written)
			return
		}
	}
}

// documents records the resolutions and plans of a sentence.
func (a *analysis) documents(s sentence, spans []Span) {
	for k, sp := range spans {
		if sp.Kind != SpanResolution {
			continue
		}
		written := CanonicalTone(collapseSpaces(a.spanText(sp)))
		issuer, subject := a.issuerAndSubject(spans, k)
		switch {
		case sp.Value == "":
			// "Nghị quyết của Quân ủy Trung ương về …": named by issuer and subject
			end := clauseEnd(spans, k+1)
			name := CanonicalTone(collapseSpaces(a.text.Norm[sp.Start:spans[end-1].End]))
			if issuer == "" {
				continue
			}
			r := a.resolutionNamed(name)
			r.Issuer, r.Subject = issuer, subject
			a.docAt[sp.T0] = r.Name
		case isDigits(sp.Value):
			if r := a.resByNumber[sp.Value]; r != nil {
				a.docAt[sp.T0] = r.Name
				r.Aliases = appendUnique(r.Aliases, written)
				if r.Issuer == "" {
					r.Issuer = issuer
				}
				if r.Subject == "" {
					r.Subject = subject
				}
				continue
			}
			r := a.resolutionNamed(written)
			a.docAt[sp.T0] = r.Name
			r.number = sp.Value
			a.resByNumber[sp.Value] = r
			if issuer != "" {
				r.Issuer = issuer
			}
		default:
			r := a.resolution(sp.Value, issuer)
			a.docAt[sp.T0] = r.Name
			if r.Subject == "" {
				r.Subject = subject
			}
			if written != r.Name {
				r.Aliases = appendUnique(r.Aliases, written)
			}
		}
	}
	a.plans(s)
}

// issuerAndSubject reads "của ORG" and "về SUBJECT" after a resolution.
func (a *analysis) issuerAndSubject(spans []Span, k int) (issuer, subject string) {
	// "Bộ Chính trị ban hành Nghị quyết …", "Quân ủy Trung ương đã thông qua …"
	if k >= 3 && spans[k-1].Kind == SpanOther && (spans[k-1].Value == "hành" && spans[k-2].Value == "ban" || spans[k-1].Value == "qua" && spans[k-2].Value == "thông") {
		o := k - 3
		for o >= 0 && spans[o].Kind == SpanOther && a.g.is(spans[o].Value, wFiller) {
			o--
		}
		if o >= 0 && spans[o].Kind == SpanOrg {
			issuer = a.orgOf(spans[o]).Name
		}
	}
	j := k + 1
	// "ngày 10-4-2013": the resolution's own date, wherever it stands
	skipDate := func() {
		if j < len(spans) && spans[j].Kind == SpanDate {
			j++
		} else if j+1 < len(spans) && spans[j].Value == "ngày" && a.toks[spans[j+1].T0].Kind == Number {
			j += 2
		}
	}
	skipDate()
	if j+1 < len(spans) && spans[j].Kind == SpanOther && spans[j].Value == "của" && spans[j+1].Kind == SpanOrg {
		issuer = a.orgOf(spans[j+1]).Name
		j += 2
	}
	skipDate()
	if j < len(spans) && spans[j].Kind == SpanOther && spans[j].Value == "về" {
		end := clauseEnd(spans, j+1)
		if end > j+1 {
			subject = CanonicalTone(collapseSpaces(a.text.Norm[spans[j+1].Start:spans[end-1].End]))
		}
	}
	return issuer, subject
}

// clauseEnd is the index after the last span of the clause starting at k: up to
// ; , . ( or a quotation mark.
func clauseEnd(spans []Span, k int) int {
	for j := k; j < len(spans); j++ {
		sp := spans[j]
		if sp.Kind == SpanSep && sp.Value != "và" && !isDash(sp.Value) {
			return j
		}
		if sp.Kind == SpanOther {
			switch sp.Value {
			case ".", "(", "\"", "“", "”", ":", "!", "?", "…":
				return j
			}
		}
	}
	return len(spans)
}

// resolution records a numbered resolution by identifier.
func (a *analysis) resolution(code, issuer string) *ResolutionFact {
	num := resolutionNumber(code)
	if r := a.resByNumber[num]; r != nil && r.Identifier == code {
		if issuer != "" && (r.Issuer == "" || r.issuerFromCode) {
			// what the text says beats what the code suggests
			r.Issuer, r.issuerFromCode = issuer, false
		}
		return r
	}
	r := &ResolutionFact{Name: "Nghị quyết " + code, Identifier: code, number: num}
	if issuer != "" {
		r.Issuer = issuer
	} else if c := issuerCode(code); c != "" {
		if full, ok := a.g.Abbrev[c]; ok {
			if o := a.g.Orgs[full]; o != nil {
				r.Issuer, r.issuerFromCode = o.Name, true
			}
		}
	}
	a.resByNumber[num] = r
	a.facts.Resolutions = append(a.facts.Resolutions, r)
	return r
}

func (a *analysis) resolutionNamed(name string) *ResolutionFact {
	for _, r := range a.facts.Resolutions {
		if Fold(r.Name) == Fold(name) {
			return r
		}
	}
	r := &ResolutionFact{Name: name}
	a.facts.Resolutions = append(a.facts.Resolutions, r)
	return r
}

// plans records "Đề án …" (or "đề án" followed by a capitalized name) up to the
// end of its clause or closing quotation mark.
func (a *analysis) plans(s sentence) {
	toks := a.toks
	for i := s.t0; i+2 < s.t1; i++ {
		if a.skip[i] || toks[i].Key != "đề" || toks[i+1].Key != "án" {
			continue
		}
		if !toks[i].Cap && !toks[i+2].Cap {
			continue
		}
		quoted := i > s.t0 && (toks[i-1].Text == "“" || toks[i-1].Text == "\"")
		j := i + 2
		for ; j < s.t1; j++ {
			t := toks[j]
			if t.Kind == Newline || t.Kind == Punct && (t.Text == "”" || t.Text == "\"" || t.Text == ";" || t.Text == "." || t.Text == "(") {
				break
			}
			if !quoted && t.Kind == Punct && t.Text == "," && !(j+2 < s.t1 && toks[j+1].Key == "tầm" && toks[j+2].Key == "nhìn") {
				break
			}
		}
		if j-i < 3 {
			continue
		}
		name := CanonicalTone(collapseSpaces(a.tokText(i, j)))
		name = upperFirst(name)
		a.docAt[i] = name
		if !a.planByKey[Fold(name)] {
			a.planByKey[Fold(name)] = true
			a.facts.Plans = append(a.facts.Plans, &PlanFact{Name: name})
		}
		i = j
	}
}

// meetingKinds are event kinds that may be opened by a lower-case trigger (a verb
// in the text: "hai bên hội đàm", "Đại tướng A tiếp B").
var meetingKinds = map[string]bool{
	"hội đàm": true, "tiếp xã giao": true, "chuyến thăm": true, "đối thoại": true,
	"lễ đón": true, "hội nghị": true, "tuần tra chung": true, "giao ban": true,
	"lễ tiễn": true, "lễ kỷ niệm": true,
}

// events finds the event a sentence speaks of, opening a new one when the
// sentence introduces it (a date, an organizer or a verb like "diễn ra" before a
// named meeting).
func (a *analysis) events(s sentence, spans []Span, ms []mention, kind lineKind) *EventFact {
	// The sentence speaks of the first event it opens, else of the last one it
	// refers to ("Phát biểu tại hội đàm, …").
	var ref, opened *EventFact
	defer func() {
		if opened != nil {
			a.current = opened
		}
	}()
	open := func(ev *EventFact) {
		if opened == nil {
			opened = ev
		}
	}
	inName := -1 // spans before this index are inside an event's name
	planned := plannedSentence(spans)
	purpose := false // past "để", "nhằm": what follows is aimed at, not done
	sc := a.scanSentence(spans, ms)
	for k, sp := range spans {
		if sp.Kind == SpanOther && (sp.Value == "để" || sp.Value == "nhằm") {
			purpose = true
		}
		if sp.Kind != SpanEvent || k < inName {
			continue
		}
		if purpose {
			if ev := a.eventOfKind(sp.Value); ev != nil && ref == nil && a.sceneAt(spans, k) {
				ref = ev
			}
			continue
		}
		if k > 0 && spans[k-1].Kind == SpanOther && a.g.is(spans[k-1].Value, wGenericBefore) {
			continue
		}
		// "đang có chuyến thăm": a visit mentioned in passing
		if k > 1 && spans[k-1].Value == "có" && spans[k-2].Value == "đang" {
			continue
		}
		// "hơn 1.200 cuộc hội đàm": a count of meetings, not one
		if q := k - 1; q >= 0 && (spans[q].Value == "cuộc" || spans[q].Value == "buổi" || spans[q].Value == "đợt" || spans[q].Value == "lượt") && q > 0 && (a.toks[spans[q-1].T0].Kind == Number || a.g.is(spans[q-1].Value, wQuantity)) ||
			k > 0 && a.toks[spans[k-1].T0].Kind == Number {
			continue
		}
		capital := a.toks[sp.T0].Cap
		end := a.eventNameEnd(spans, k)
		// introduced: a date earlier in the sentence, or right before the trigger
		// a verb that opens it ("tổ chức", "chủ trì", "dự", "diễn ra", "khai mạc")
		introduced := sc.firstDate >= 0 && sc.firstDate < k
		j := k - 1
		for j >= 0 && spans[j].Kind == SpanOther && (a.g.is(spans[j].Value, wFiller) || spans[j].Value == "ra" || spans[j].Value == "mạc") {
			j--
		}
		if j >= 0 && (spans[j].Kind == SpanVerb && spans[j].Value != "speak" || spans[j].Kind == SpanOther && a.g.is(spans[j].Value, wIntro)) {
			introduced = true
		}
		if kind == lineText && capital && end > k+1 && introduced && !planned {
			name := eventName(a.text.Norm[sp.Start:spans[end-1].End])
			ev := a.eventNamed(name)
			if ev == nil {
				ev = &EventFact{Name: name, Kind: sp.Value, named: true}
				a.facts.Events = append(a.facts.Events, ev)
				a.fill(ev, s, spans, k, end, true)
			}
			open(ev)
			ref = ev
			inName = end
			continue
		}
		if kind == lineText && introduced && !planned && opened == nil && a.eventOfKind(sp.Value) == nil &&
			(meetingKinds[sp.Value] || len(a.facts.Events) == 0) {
			// other kinds (lễ ký, hội thảo, diễn tập) are events when they are
			// the story itself, not a sequel to its meeting
			// "Bộ Quốc phòng tổ chức lễ tiễn …", "Ngày 5/8, … tổ chức hội đàm":
			// a meeting the sentence opens, named by what follows or not at all
			ev := &EventFact{Kind: sp.Value}
			if end > k+1 {
				ev.Name = eventName(a.text.Norm[sp.Start:spans[end-1].End])
			}
			a.facts.Events = append(a.facts.Events, ev)
			a.fill(ev, s, spans, k, end, end > k+1)
			open(ev)
			ref = ev
			inName = end
			continue
		}
		if ev := a.eventOfKind(sp.Value); ev != nil {
			// a meeting named as the scene ("tại hội đàm", "Kết thúc hội nghị",
			// "dự lễ đón") or as the subject; not one named in passing
			// ("kết quả đối thoại")
			if ref == nil && a.sceneAt(spans, k) {
				ref = ev
			}
			if ev.Location == "" && k+1 < len(spans) && spans[k+1].Value == "tại" {
				ev.Location = a.place(spans, k+1)
			}
			continue
		}
		hasDate := sc.firstDate >= 0
		if kind == lineText && !planned && meetingKinds[sp.Value] && (hasDate || sc.bothSides >= 0 && sc.bothSides < k && k-sc.bothSides <= 4 || sc.afterActor[k]) && (len(a.facts.Events) == 0 || sp.Value != "hội nghị") && (sp.Value != "chuyến thăm" || hasDate && opened == nil) {
			ev := &EventFact{Kind: sp.Value}
			if capital && end > k+1 {
				ev.Name = eventName(a.text.Norm[sp.Start:spans[end-1].End])
			}
			a.facts.Events = append(a.facts.Events, ev)
			a.fill(ev, s, spans, k, end, false)
			open(ev)
			ref = ev
		}
	}
	if opened != nil {
		ref = opened
	}
	// "Hội nghị đã quán triệt Nghị quyết …": the event, as the sentence's subject,
	// reviewed the resolutions and plans the sentence names
	if ref != nil && opened == nil && subjectIsEvent(spans) {
		for t := s.t0; t < s.t1; t++ {
			if name, ok := a.docAt[t]; ok {
				ref.About = appendUnique(ref.About, name)
			}
		}
	}
	// "Tại hội nghị, các đại biểu thảo luận, góp ý vào dự thảo Đề án …": a
	// document that a review verb governs
	if ref != nil {
		for t := s.t0; t < s.t1; t++ {
			if name, ok := a.docAt[t]; ok && a.reviewedAt(t) {
				ref.About = appendUnique(ref.About, name)
			}
		}
	}
	return ref
}

// reviewWords end the verbs that make a document the subject of a meeting:
// "quán triệt", "thảo luận", "góp ý (vào)", "cho ý kiến (vào)", "thông qua",
// "xem xét", "sơ kết", "tổng kết".
var reviewWords = map[string]string{"triệt": "quán", "luận": "thảo", "ý": "góp", "qua": "thông", "xét": "xem", "kết": "", "kiến": "ý"}

// reviewedAt reports whether the document named at token t is the object of a
// review verb, allowing "vào", "về" and "dự thảo" between them.
func (a *analysis) reviewedAt(t int) bool {
	j := t - 1
	for j >= 1 && (a.toks[j].Key == "vào" || a.toks[j].Key == "về" || a.toks[j].Key == "thảo" && a.toks[j-1].Key == "dự") {
		if a.toks[j].Key == "thảo" {
			j--
		}
		j--
	}
	if j < 1 {
		return false
	}
	before, ok := reviewWords[a.toks[j].Key]
	if !ok {
		return false
	}
	prev := a.toks[j-1].Key
	if a.toks[j].Key == "kết" {
		return prev == "sơ" || prev == "tổng"
	}
	return prev == before
}

// sceneAt reports whether the trigger at spans[k] names the sentence's scene:
// after "tại", "trong", "sau", "kết thúc", "bên lề" or a role verb, or as the
// sentence's subject.
func (a *analysis) sceneAt(spans []Span, k int) bool {
	j := k - 1
	for j >= 0 && spans[j].Kind == SpanOther && a.g.is(spans[j].Value, wFiller) {
		j--
	}
	if j < 0 || spans[j].Kind == SpanDate || spans[j].Kind == SpanSep && spans[j].Value == "," && subjectIsEvent(spans[j+1:]) {
		return true
	}
	sp := spans[j]
	return sp.Kind == SpanVerb || sp.Kind == SpanOther && a.g.is(sp.Value, wScene)
}

// plannedSentence reports a sentence about what will happen: "sẽ", "dự kiến",
// "sắp", "theo chương trình/kế hoạch": its meetings have not happened.
func plannedSentence(spans []Span) bool {
	for j, sp := range spans {
		if sp.Kind != SpanOther {
			continue
		}
		switch sp.Value {
		case "sẽ", "sắp":
			return true
		case "tới":
			// "lần tới", "thời gian tới": the next one
			if j > 0 && (spans[j-1].Value == "lần" || spans[j-1].Value == "gian" || spans[j-1].Value == "kỳ") {
				return true
			}
		case "kiến":
			if j > 0 && spans[j-1].Value == "dự" {
				return true
			}
		case "trình", "hoạch":
			if j > 1 && (spans[j-1].Value == "chương" || spans[j-1].Value == "kế") && spans[j-2].Value == "theo" {
				return true
			}
		}
	}
	return false
}

// bothSideWords follow "hai" to name the two parties of a meeting.
var bothSideWords = map[string]bool{"bên": true, "đoàn": true, "bộ": true, "phía": true, "nước": true, "quân": true, "lực": true}

// sentenceScan is what the event rules ask of a whole sentence, read once so
// that a sentence with many triggers stays linear.
type sentenceScan struct {
	firstDate  int    // index of the first date, -1 if none
	bothSides  int    // index of "hai bên", "hai Bộ trưởng" …: a meeting's two parties; -1 if none
	afterActor []bool // a span right after a person (and fillers): "Đại tướng A hội đàm …"
}

func (a *analysis) scanSentence(spans []Span, ms []mention) sentenceScan {
	sc := sentenceScan{firstDate: -1, bothSides: -1, afterActor: make([]bool, len(spans)+1)}
	for j, sp := range spans {
		if sp.Kind == SpanDate && sc.firstDate < 0 {
			sc.firstDate = j
		}
		if j+1 < len(spans) && sc.bothSides < 0 && sp.Value == "hai" {
			if next := spans[j+1]; next.Kind == SpanTitle || next.Kind == SpanOther && bothSideWords[next.Value] {
				sc.bothSides = j + 1
			}
		}
	}
	for _, m := range ms {
		j := m.k1
		for j < len(spans) && spans[j].Kind == SpanOther && a.g.is(spans[j].Value, wFiller) {
			sc.afterActor[j] = true
			j++
		}
		if j <= len(spans) {
			sc.afterActor[j] = true
		}
	}
	return sc
}

// subjectIsEvent reports a sentence that opens with an event trigger (after a
// date or separators): "Hội nghị đã quán triệt …".
func subjectIsEvent(spans []Span) bool {
	for _, sp := range spans {
		switch sp.Kind {
		case SpanDate, SpanSep:
			continue
		case SpanEvent:
			return true
		}
		return false
	}
	return false
}

// guestKinds are events whose guests are named after the trigger.
var guestKinds = map[string]bool{"lễ đón": true, "lễ tiễn": true, "tiếp xã giao": true, "hội đàm": true}

func (a *analysis) eventNamed(name string) *EventFact {
	f := Fold(name)
	for _, ev := range a.facts.Events {
		if ev.named && (Fold(ev.Name) == f || strings.HasPrefix(f, Fold(ev.Name)) || strings.HasPrefix(Fold(ev.Name), f)) {
			return ev
		}
	}
	return nil
}

// eventOfKind is the latest event of a kind, or the current event when a generic
// meeting word refers back to it.
func (a *analysis) eventOfKind(kind string) *EventFact {
	for i := len(a.facts.Events) - 1; i >= 0; i-- {
		if a.facts.Events[i].Kind == kind {
			return a.facts.Events[i]
		}
	}
	if a.current != nil && (kind == "hội nghị" || kind == a.current.Kind) {
		return a.current
	}
	return nil
}

// eventNameEnd is the span index where a named event's name ends.
func (a *analysis) eventNameEnd(spans []Span, k int) int {
	j := k + 1
	// "Đại hội có 450 đại biểu", "Hội nghị đã …": a trigger followed by a
	// function word has no name after it
	if j < len(spans) && spans[j].Kind == SpanOther && a.g.isFunction(spans[j].Value) {
		return j
	}
	for ; j < len(spans); j++ {
		sp := spans[j]
		switch sp.Kind {
		case SpanSep:
			if sp.Value == ";" {
				return j
			}
			if sp.Value == "," && j+1 < len(spans) && spans[j+1].Kind != SpanOther {
				return j
			}
			if sp.Value == "," && j+1 < len(spans) && a.g.isFunction(spans[j+1].Value) {
				return j
			}
		case SpanVerb, SpanDate, SpanRank, SpanHonorific:
			return j
		case SpanName:
			if sp.T1-sp.T0 >= 2 && a.g.Surnames[a.toks[sp.T0].Key] {
				return j
			}
		case SpanOther:
			switch sp.Value {
			case ".", "!", "?", ":", "…", "tại", "do", "dưới", "nhằm", "để", "diễn", "vào", "được", "đã", "sẽ", "với", "trong", "ngày", "sáng", "chiều":
				return j
			}
		}
	}
	return j
}

var parenthesized = regexp.MustCompile(`\s*\([^)]*\)`)

// eventName cleans a written event name: no parenthesized abbreviations, no
// trailing punctuation, canonical tones.
func eventName(s string) string {
	s = parenthesized.ReplaceAllString(s, "")
	s = strings.TrimRight(strings.TrimSpace(s), ",;:-–— ")
	return CanonicalTone(collapseSpaces(s))
}

var periodRe = regexp.MustCompile(`giai đoạn\s+(\d{4})\s*[-–—]\s*(\d{4})`)

// fill reads an event's date, place, organizer, period and subjects from the
// sentence that introduces it.
func (a *analysis) fill(ev *EventFact, s sentence, spans []Span, k, end int, named bool) {
	for _, sp := range spans {
		if sp.Kind == SpanDate {
			d := spanDate(a.toks, sp)
			ev.Date = resolveYear(d, a.doc.Published, statedYear(a.toks, s))
			break
		}
	}
	if ev.Date.IsZero() && a.current != nil && a.current != ev {
		ev.Date = a.current.Date
	}
	if ev.Date.IsZero() && a.current == nil && !a.lead.date.IsZero() {
		// the article's dateline ("Chiều ngày 2-11, tại Hà Nội, …") dates its
		// first event when that one is named later
		ev.Date = a.lead.date
		if ev.Location == "" {
			ev.Location = a.lead.place
		}
	}
	for j, sp := range spans {
		// "Tùy viên Quốc phòng Ấn Độ tại Việt Nam" says where a post is, not
		// where the event was
		if sp.Kind == SpanOther && sp.Value == "tại" && !(j > 0 && (spans[j-1].Kind == SpanCountry || spans[j-1].Kind == SpanTitle)) {
			p := a.place(spans, j)
			if p == "" {
				p = a.plainPlace(spans, j)
			}
			if p != "" {
				ev.Location = p
				break
			}
		}
	}
	ev.Organizer = a.organizer(spans, k, end)
	if m := periodRe.FindStringSubmatch(Fold(ev.Name)); m != nil {
		ev.Period = m[1] + "-" + m[2]
	}
	if named && end > k {
		for t := spans[k].T0; t < spans[end-1].T1; t++ {
			if name, ok := a.docAt[t]; ok {
				ev.About = appendUnique(ev.About, name)
			}
		}
	}
}

// place reads the place after "tại" at spans[j]: capitalized words, bodies,
// countries and numbers, skipping "điểm cầu".
func (a *analysis) place(spans []Span, j int) string {
	p, _ := a.placeEnd(spans, j)
	return p
}

// placeEnd is place with the token index where the place ends.
func (a *analysis) placeEnd(spans []Span, j int) (string, int) {
	t0 := spans[j].T1
	i := t0
	toks := a.toks
	if i+1 < len(toks) && toks[i].Key == "điểm" && toks[i+1].Key == "cầu" {
		i += 2
		t0 = i
	}
	for i < len(toks) && toks[i].Kind == Word && !toks[i].Cap && a.g.is(toks[i].Key, wPlaceLead) {
		i++
	}
	start := i
	for i < len(toks) && !a.skip[i] {
		t := toks[i]
		if t.Kind == Word && t.Cap || t.Kind == Number && i > start {
			i++
			continue
		}
		if t.Kind != Word || i == start || !toks[i-1].Cap || a.g.isFunction(t.Key) {
			break
		}
		// lower-case syllables inside a place's name: "Trụ sở Bộ", "Cửa khẩu
		// quốc tế Móng Cái", "Cung Hòa bình,"
		if a.continuesName(i) {
			i++
			continue
		}
		j := i
		for j < len(toks) && j < i+3 && toks[j].Kind == Word && !toks[j].Cap && !a.g.isFunction(toks[j].Key) {
			if n, _ := a.g.verbLex.longest(toks, j); n > 0 {
				break
			}
			j++
		}
		if j > i && (j == len(toks) || toks[j].Kind == Word && toks[j].Cap || j == i+1 && (toks[j].Kind == Punct || toks[j].Kind == Newline)) {
			i = j
			continue
		}
		break
	}
	if i == start || i-t0 > 12 {
		return "", 0
	}
	if n, _ := a.g.titleLex.longest(toks, start); n > 0 {
		return "", 0
	}
	return upperFirst(CanonicalTone(collapseSpaces(a.tokText(t0, i)))), i
}

// plainPlace reads a place written in lower case after "tại" when it runs to a
// comma or the sentence end: "tại vùng nước lịch sử chung giữa hai nước,".
// Quantities ("tại 23 điểm cầu", "tại nhiều nơi") are not places.
func (a *analysis) plainPlace(spans []Span, j int) string {
	if j+1 >= len(spans) {
		return ""
	}
	first := spans[j+1]
	if first.Kind != SpanOther || a.toks[first.T0].Kind != Word || a.g.is(first.Value, wQuantity) || a.g.isFunction(first.Value) {
		return ""
	}
	end := j + 1
	for end < len(spans) && end-j <= 10 {
		sp := spans[end]
		if sp.Kind == SpanSep && sp.Value == "," || sp.Kind == SpanOther && (sp.Value == "." || sp.Value == ";") {
			break
		}
		if sp.Kind != SpanOther && sp.Kind != SpanCountry && sp.Kind != SpanName || sp.Kind == SpanOther && a.toks[sp.T0].Kind != Word {
			return ""
		}
		end++
	}
	if end == len(spans) || end-j > 10 {
		return ""
	}
	return CanonicalTone(collapseSpaces(a.text.Norm[first.Start:spans[end-1].End]))
}

// continuesName reports whether a lower-case token at i belongs to the body name
// before it ("Bộ Quốc phòng": "phòng").
func (a *analysis) continuesName(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if n, _ := a.g.orgLex.longest(a.toks, k); n > 0 && k+n > i {
			return true
		}
	}
	return false
}

// organizer is the body that "tổ chức" the event: "ORG tổ chức EVENT" or
// "EVENT do ORG tổ chức".
func (a *analysis) organizer(spans []Span, k, end int) string {
	for j := k - 1; j >= 0; j-- {
		if spans[j].Kind == SpanVerb && spans[j].Value == "organize" {
			// the subject: the first body of the clause that holds the verb
			// ("Vùng 5 Hải quân phối hợp với … tổ chức")
			c := clauseStart(spans, j)
			// "Bộ Quốc phòng chủ trì, phối hợp với Bộ Ngoại giao tổ chức": the
			// subject stands before the partner
			if c+1 < j && spans[c+1].Value == "phối" && c >= 0 {
				c = clauseStart(spans, c)
			}
			for o := c + 1; o < j; o++ {
				if spans[o].Kind == SpanOrg {
					return a.orgOf(spans[o]).Name
				}
				if spans[o].Kind == SpanName || spans[o].Kind == SpanRank || spans[o].Kind == SpanTitle {
					break
				}
			}
			return ""
		}
	}
	for j := end; j+2 < len(spans); j++ {
		if spans[j].Kind == SpanOther && spans[j].Value == "do" && spans[j+1].Kind == SpanOrg && spans[j+2].Kind == SpanVerb && spans[j+2].Value == "organize" {
			return a.orgOf(spans[j+1]).Name
		}
	}
	return ""
}

// clauseStart is the index of the separator before the clause that holds
// spans[j] (-1 at the sentence start).
func clauseStart(spans []Span, j int) int {
	c := j - 1
	for c >= 0 && !(spans[c].Kind == SpanSep && (spans[c].Value == "," || spans[c].Value == ";")) {
		c--
	}
	return c
}

// roles gives the people of a sentence their part in the event it speaks of.
func (a *analysis) roles(s sentence, spans []Span, ms []mention, ev *EventFact, kind lineKind) {
	if len(ms) == 0 {
		return
	}
	// in a sentence about what will happen, what people say is said now, but
	// who will chair or attend has not happened
	planned := plannedSentence(spans)
	// group people listed together: "A; B và C dự Hội nghị"
	roles := make([][]string, len(ms))
	for i := range ms {
		stop := len(spans)
		if i+1 < len(ms) {
			stop = ms[i+1].k0
		}
		roles[i] = a.verbsAfter(spans, ms[i].k1, stop)
	}
	for i := len(ms) - 2; i >= 0; i-- {
		if len(roles[i]) == 0 && onlySeps(spans, ms[i].k1, ms[i+1].k0) {
			roles[i] = roles[i+1]
		}
	}
	c := sentenceCues(spans)
	for i, m := range ms {
		cue := cuesBefore(spans, c, m.k0)
		// "dưới sự chứng kiến của A và B": a list shares the cue before it
		if len(cue) == 0 && i > 0 && onlySeps(spans, ms[i-1].k1, m.k0) {
			cue = cuesBefore(spans, c, ms[i-1].k0)
		}
		roles[i] = append(roles[i], cue...)
	}
	target := ev
	if target == nil {
		target = a.current
	}
	// "A chủ trì lễ đón B", "A hội đàm với B": those named after the trigger are
	// its guests
	for _, sp := range spans {
		if sp.Kind != SpanEvent || !guestKinds[sp.Value] || ev == nil || ev.Kind != sp.Value {
			continue
		}
		for i, m := range ms {
			if spans[m.k0].T0 >= sp.T1 && len(roles[i]) == 0 {
				roles[i] = []string{"attend"}
			}
		}
	}
	for i, m := range ms {
		for _, r := range roles[i] {
			if r == "host" && !planned {
				// "A tiếp B": a reception, A the host, those after the verb its guests
				// a reception on another day, or with another host, is another
				rec := target
				if rec != nil && rec.Kind == "tiếp xã giao" && len(rec.Chairs) > 0 {
					if d := a.sentenceDate(s, spans); !d.IsZero() && d != rec.Date || !hasPerson(rec.Chairs, m.p) {
						rec = nil
					}
				}
				if rec == nil || rec.Kind != "tiếp xã giao" {
					rec = &EventFact{Kind: "tiếp xã giao"}
					a.facts.Events = append(a.facts.Events, rec)
					a.fill(rec, s, spans, m.k1, m.k1, false)
					a.current = rec
				}
				rec.Chairs = appendPerson(rec.Chairs, m.p)
				for _, g := range ms[i+1:] {
					rec.Attendees = appendPerson(rec.Attendees, g.p)
				}
				target = rec
			}
		}
	}
	if target == nil {
		return
	}
	for i, m := range ms {
		for _, r := range roles[i] {
			if planned && r != "speak" {
				continue
			}
			switch r {
			case "chair":
				target.Chairs = appendPerson(target.Chairs, m.p)
			case "attend", "lead":
				target.Attendees = appendPerson(target.Attendees, m.p)
			case "speak":
				target.Speakers = appendPerson(target.Speakers, m.p)
			}
		}
	}
}

// sentenceDate is the first date a sentence gives, with its year resolved.
func (a *analysis) sentenceDate(s sentence, spans []Span) Date {
	for _, sp := range spans {
		if sp.Kind == SpanDate {
			return resolveYear(spanDate(a.toks, sp), a.doc.Published, statedYear(a.toks, s))
		}
	}
	return Date{}
}

func hasPerson(list []*PersonFact, p *PersonFact) bool {
	for _, x := range list {
		if x == p {
			return true
		}
	}
	return false
}

// verbsAfter collects the roles of the verbs right after a mention: "chủ trì",
// "dự và phát biểu chỉ đạo", "đã nhấn mạnh".
func (a *analysis) verbsAfter(spans []Span, k, stop int) []string {
	var out []string
	// the person's verb is the first one of its clause, past any titles and
	// bodies the chain did not take ("…, Trưởng Ban Chỉ đạo quốc gia về … chủ trì")
	plain := 0 // plain words in a row
	for k < stop && k < len(spans) && spans[k].Kind != SpanVerb && !(spans[k].Kind == SpanSep && spans[k].Value == ";") &&
		!(spans[k].Kind == SpanEvent && !a.toks[spans[k].T0].Cap) && spans[k].Kind != SpanDate {
		if spans[k].Kind == SpanOther {
			plain++
		} else {
			plain = 0
		}
		if plain > 6 {
			return nil // a long stretch of plain words: a new clause, not a title
		}
		k++
	}
	for j := k; j < len(spans) && j < stop && j < k+8; j++ {
		sp := spans[j]
		switch {
		case sp.Kind == SpanVerb:
			out = append(out, sp.Value)
		case sp.Kind == SpanOther && a.g.is(sp.Value, wFiller):
		case sp.Kind == SpanSep && sp.Value == "và" && len(out) > 0:
		case sp.Kind == SpanEvent && (sp.Value == "hội đàm" || sp.Value == "đối thoại" || sp.Value == "tuần tra chung" || sp.Value == "chuyến thăm") && !a.toks[sp.T0].Cap:
			out = append(out, "attend")
			return out
		default:
			return out
		}
	}
	return out
}

// cues are the roles a sentence gives before its people: "Dự hội nghị có A",
// "Phát biểu tại hội nghị, A …", "Về phía Lào có A". Each field is the span index
// after which a person takes the role (-1: none).
type cues struct {
	attend, speak int
	role          string // the role "có" gives: the verb before it ("Đồng chủ trì … có")
}

func sentenceCues(spans []Span) cues {
	c := cues{attend: -1, speak: -1}
	verb, phia := "", false
	firstReal := -1
	for j, sp := range spans {
		if firstReal < 0 && sp.Kind != SpanDate && sp.Kind != SpanSep {
			firstReal = j
		}
		switch {
		case sp.Kind == SpanVerb && verb == "" && (sp.Value == "attend" || sp.Value == "speak" || sp.Value == "chair"):
			verb = sp.Value
		case sp.Value == "phía" && (j == 0 || spans[j-1].Value == "về"),
			// "Tại điểm cầu Seoul có A": those at a venue of the meeting
			sp.Value == "cầu" && j > 1 && spans[j-1].Value == "điểm" && spans[j-2].Value == "tại":
			phia = true
		case sp.Kind == SpanOther && sp.Value == "có" && (verb != "" || phia) && c.attend < 0:
			c.attend, c.role = j, verb
			if c.role == "" {
				c.role = "attend"
			}
		case sp.Kind == SpanSep && sp.Value == "," && c.speak < 0 && firstReal >= 0 && firstReal < j &&
			spans[firstReal].Kind == SpanVerb && spans[firstReal].Value == "speak":
			c.speak = j
		}
	}
	return c
}

// cuesBefore reads the roles given before a mention at spans[k]: the sentence's
// cues, "theo A" and "dưới sự chủ trì của A", "có sự tham dự của A".
func cuesBefore(spans []Span, c cues, k int) []string {
	var out []string
	if k > 0 && spans[k-1].Kind == SpanOther && spans[k-1].Value == "theo" {
		out = append(out, "speak")
	}
	if c.attend >= 0 && c.attend < k {
		out = append(out, c.role)
	}
	if c.speak >= 0 && c.speak < k {
		out = append(out, "speak")
	}
	if k > 1 && spans[k-1].Value == "của" && spans[k-2].Kind == SpanVerb && (spans[k-2].Value == "chair" || spans[k-2].Value == "attend") {
		out = append(out, spans[k-2].Value)
	}
	return out
}

func onlySeps(spans []Span, from, to int) bool {
	if to <= from {
		return false
	}
	for j := from; j < to; j++ {
		if spans[j].Kind != SpanSep {
			return false
		}
	}
	return true
}

// upperFirst capitalizes the first letter.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
