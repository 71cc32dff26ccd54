package extract

import "strings"

// roles gives the people of a sentence their part in the event it speaks of.
func (a *analysis) roles(s sentence, spans []Chunk, ms []mention, ev *EventFact, kind lineKind) {
	lk := kind
	// in a sentence about what will happen, what people say is said now, but
	// who will chair or attend has not happened
	planned := a.plannedSentence(spans) || a.pastInPassing(spans)
	passive := a.delegationRoles(spans, planned)
	a.pairRoles(spans, ev, planned)
	a.guestDelegations(spans, ms, ev, planned)
	if len(ms) == 0 {
		return
	}
	// group people listed together: "A; B và C dự Hội nghị"
	roles := make([][]string, len(ms))
	for i := range ms {
		stop := len(spans)
		if i+1 < len(ms) {
			stop = ms[i+1].k0
		}
		agent := ms[i].k0 > 0 && spans[ms[i].k0-1].Kind == SpanOther && spans[ms[i].k0-1].Value == "do"
		// "Theo A, đơn vị đã chủ trì …": the verbs after the comma are in
		// what A says (cuesBefore makes A a speaker), not A's
		if ms[i].k0 > 0 && spans[ms[i].k0-1].Kind == SpanOther && spans[ms[i].k0-1].Value == "theo" &&
			ms[i].k1 < len(spans) && spans[ms[i].k1].Kind == SpanSep && spans[ms[i].k1].Value == "," {
			continue
		}
		roles[i] = a.verbsAfter(spans, ms[i].k1, stop, agent)
	}
	for i := len(ms) - 2; i >= 0; i-- {
		// "Nhận lời mời của A, B dẫn đầu đoàn …": the one who invites does not
		// share the verbs of the one invited
		if a.inviter(spans, ms[i]) {
			continue
		}
		if len(roles[i]) == 0 && (onlySeps(spans, ms[i].k1, ms[i+1].k0) || coAgent(spans, ms[i].k1, ms[i+1].k0)) {
			roles[i] = roles[i+1]
		}
	}
	a.agentList(spans, ms, roles)
	a.handRoles(spans, ms, roles)
	c := a.sentenceCues(spans)
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
	for k, sp := range spans {
		if sp.Kind != SpanEvent || !a.g.frame(sp.Value).GuestsAfter {
			continue
		}
		// "Trong khuôn khổ chuyến thăm …, A chủ trì lễ đón B": the guests of
		// a trigger the sentence opened after its own event
		ev := ev
		if ev == nil || ev.Kind != sp.Value {
			ev = a.openedHere(sp.Value)
		}
		if ev == nil {
			continue
		}
		// "Tại hội đàm, A cho biết …": a meeting named as the scene has no
		// guests after it
		if k > 0 && spans[k-1].Kind == SpanOther && a.g.is(spans[k-1].Value, wScene) && k+1 < len(spans) && spans[k+1].Kind == SpanSep && spans[k+1].Value == "," {
			continue
		}
		// "A chào xã giao B", "A hội kiến B": a call on B, who receives A
		call := a.g.evPhraseAt(a.toks, sp.T0, sp.T1, ewCall) == sp.T1-sp.T0
		for i, m := range ms {
			// "A chủ trì lễ đón B, …, đang thăm chính thức Việt Nam từ ngày …":
			// the guest's own clause about the visit keeps B the guest
			if spans[m.k0].T0 >= sp.T1 && !call && len(roles[i]) == 1 && roles[i][0] == attendsKind+visitKind &&
				m.k1+1 < len(spans) && spans[m.k1].Kind == SpanSep && spans[m.k1].Value == "," && spans[m.k1+1].Value == "đang" {
				roles[i] = append(roles[i], "attend")
				a.party(ev, m.p)
				continue
			}
			if spans[m.k0].T0 >= sp.T1 && len(roles[i]) == 0 {
				if call {
					roles[i] = []string{"chair"}
					continue
				}
				roles[i] = []string{"attend"}
				if ev != target {
					// the guest of the trigger's own event, which is not the
					// sentence's
					roles[i] = []string{attendsKind + ev.Kind}
				}
				a.party(ev, m.p)
			}
		}
		// "A chủ trì lễ đón chính thức Bộ trưởng Quốc phòng Hoa Kỳ": a guest
		// the text describes by title and country instead of naming
		if !planned {
			if p := a.describedGuest(spans, k+1); p != nil && !hasPerson(ev.Chairs, p) && !mentioned(ms, p) {
				ev.Attendees = appendPerson(ev.Attendees, p)
				a.party(ev, p)
			}
		}
	}
	for i, m := range ms {
		for _, r := range roles[i] {
			if r != "host" && r != "welcome" || planned {
				continue
			}
			// "A tiếp B": a reception, A the host, those after the verb its
			// guests; "A đón B": a welcome ceremony, A its host. One on another
			// day, with another host or only other guests is another.
			kind := "tiếp xã giao"
			if r == "welcome" {
				kind = "lễ đón"
			}
			var guests []*PersonFact
			for _, g := range ms[i+1:] {
				// "A tiếp B, …, đang thăm … theo lời mời của C": C invited B
				if !a.inviter(spans, g) {
					guests = append(guests, g.p)
				}
			}
			if len(guests) == 0 && i == 0 {
				// "đoàn đã được A tiếp": the delegation's heads are the guests
				guests = passive
			}
			if len(guests) == 0 && i > 0 && m.k0 > 0 && spans[m.k0-1].Kind == SpanOther && spans[m.k0-1].Value == "được" {
				// "Bộ trưởng Quốc phòng Hoa Kỳ Lloyd Austin được Chủ tịch nước
				// Nguyễn Xuân Phúc tiếp": the one before "được" is the guest
				guests = []*PersonFact{ms[i-1].p}
			}
			if len(guests) == 0 {
				// "Thủ tướng Phạm Minh Chính tiếp vị khách Ấn Độ": a guest
				// the text describes instead of naming
				for k := m.k1; k < len(spans) && k <= m.k1+2; k++ {
					if spans[k].Kind == SpanVerb && spans[k].Value == r {
						if p := a.describedGuest(spans, k+1); p != nil && p != m.p {
							guests = []*PersonFact{p}
						}
						break
					}
				}
			}
			rec := target
			if rec == nil || rec.Kind != kind {
				rec = nil
				if r == "welcome" {
					rec = a.eventOfKind(kind)
				}
			}
			if rec != nil && (len(rec.Chairs) > 0 || rec.Kind == "tiếp xã giao") {
				if d := a.sentenceDate(s, spans); !d.IsZero() && !rec.Date.IsZero() && d != rec.Date ||
					len(rec.Chairs) > 0 && !hasPerson(rec.Chairs, m.p) || otherGuests(rec, guests) {
					rec = nil
				}
			}
			// "B cảm ơn Chủ tịch nước đã dành thời gian tiếp đoàn và cho biết
			// chuyến thăm …": a sentence about another event that names the
			// host's reception again, with no day or guests of its own, means
			// that reception
			if rec == nil && target != nil && target.Kind != kind && len(guests) == 0 && a.sentenceDate(s, spans).IsZero() {
				if e := a.eventOfKind(kind); e != nil && e.Kind == kind && hasPerson(e.Chairs, m.p) {
					continue
				}
			}
			if rec == nil && len(guests) == 0 && a.genericGuest(spans, m.k1) {
				// "lần đầu tiên A tiếp khách quốc tế kể từ …": receiving guests
				// in general is no reception
				continue
			}
			if rec == nil && lk == lineCaption {
				// "Đại tướng A đón Thủ tướng B tới triển lãm. Ảnh: …": a caption
				// shows a moment of the event the text tells, it opens none
				continue
			}
			if rec == nil {
				rec = &EventFact{Kind: kind}
				a.facts.Events = append(a.facts.Events, rec)
				a.fill(rec, s, spans, m.k1, m.k1, false)
				a.current = rec
			}
			a.fillFrom(rec, s, spans)
			rec.Chairs = appendPerson(rec.Chairs, m.p)
			for _, g := range guests {
				rec.Attendees = appendPerson(rec.Attendees, g)
			}
			target = rec
		}
	}
	// "B được A tiếp nhân chuyến thăm chính thức Việt Nam từ ngày 28 đến
	// 29/7": the guests of a reception held on the occasion of the visit are
	// its travellers
	if target != nil && target.Kind == "tiếp xã giao" && !planned {
		for k := 1; k < len(spans); k++ {
			if spans[k].Kind == SpanEvent && spans[k].Value == visitKind && spans[k-1].Kind == SpanOther && spans[k-1].Value == "nhân" {
				if v := a.eventOfKind(visitKind); v != nil && v.Kind == visitKind {
					for _, p := range target.Attendees {
						v.Attendees = appendPerson(v.Attendees, p)
					}
				}
				break
			}
		}
	}
	for i, m := range ms {
		for _, r := range roles[i] {
			if r == "lead" && !planned {
				a.ev.leads = appendPerson(a.ev.leads, m.p)
			}
		}
	}
	if !planned {
		a.noteMembers(spans, ms, roles)
	}
	// "Chuyến thăm chính thức Việt Nam từ ngày 24 đến 26-10 của Thượng tướng
	// A": the one whose visit it is makes it
	for _, m := range ms {
		if m.k0 < 2 || spans[m.k0-1].Kind != SpanOther || spans[m.k0-1].Value != "của" {
			continue
		}
		for j := m.k0 - 2; j >= 0 && j >= m.k0-14; j-- {
			if spans[j].Kind == SpanVerb || spans[j].Kind == SpanSep && spans[j].Value == ";" ||
				spans[j].Kind == SpanOther && a.g.evWord(spans[j].Value, ewInviter) {
				// "thăm … theo lời mời của A": A invites
				break
			}
			if spans[j].Kind == SpanEvent && spans[j].Value == visitKind {
				if v := a.eventOfKind(visitKind); v != nil && !planned {
					v.Attendees = appendPerson(v.Attendees, m.p)
				}
				break
			}
		}
	}
	if target == nil {
		return
	}
	if a.pressOpening(spans) {
		// "Trao đổi với phóng viên, A cho biết …": what A tells the press
		// makes A no speaker of the event, only one who takes part in it
		// otherwise stays one
		for i, m := range ms {
			if hasPerson(target.Chairs, m.p) || hasPerson(target.Attendees, m.p) {
				continue
			}
			keep := roles[i][:0:0]
			for _, r := range roles[i] {
				if r != "speak" {
					keep = append(keep, r)
				}
			}
			roles[i] = keep
		}
	}
	for i, m := range ms {
		for _, r := range roles[i] {
			if planned && r != "speak" {
				continue
			}
			if kind, ok := strings.CutPrefix(r, attendsKind); ok {
				ev := target
				if e := a.eventOfKind(kind); e != nil {
					ev = e
				}
				ev.Attendees = appendPerson(ev.Attendees, m.p)
				// "hai Bộ trưởng hội đàm": the title after "hai" is the pair
				// (pairRoles), both attending as equals, no host party
				if !pairMention(spans, m) {
					a.party(ev, m.p)
				}
				continue
			}
			switch r {
			case greets:
				ev := target
				if e := a.eventOfKind("lễ đón"); e != nil && e.Kind == "lễ đón" {
					ev = e
				}
				// "Trực tiếp đón đoàn có A": the host, who chairs it, unless
				// it has one or the sentence says they went along ("Cùng ra
				// cầu cảng đón đoàn có A; B")
				if len(ev.Chairs) == 0 && !(spans[0].Kind == SpanOther && spans[0].Value == "cùng") {
					ev.Chairs = appendPerson(ev.Chairs, m.p)
				} else if !hasPerson(ev.Chairs, m.p) {
					ev.Attendees = appendPerson(ev.Attendees, m.p)
				}
			case "chair":
				ev := target
				if o := a.objectEvent(spans, m.k1, stopAt(ms, i, len(spans)), r); o != nil {
					ev = o
				}
				ev.Chairs = appendPerson(ev.Chairs, m.p)
			case "attend", "lead":
				ev := target
				if o := a.objectEvent(spans, m.k1, stopAt(ms, i, len(spans)), r); o != nil {
					ev = o
				}
				ev.Attendees = appendPerson(ev.Attendees, m.p)
			case "speak":
				target.Speakers = appendPerson(target.Speakers, m.p)
			}
		}
	}
}

// stopAt is the span index where the i-th mention's own words end: the next
// mention, or n.
func stopAt(ms []mention, i, n int) int {
	if i+1 < len(ms) {
		return ms[i+1].k0
	}
	return n
}

// objectEvent is the event whose trigger is the object of a person's role
// verb: the first verb of the role in spans[from:stop] and, right after it,
// a trigger that opened an event in this sentence ("Trong khuôn khổ chuyến
// thăm …, A đã chủ trì lễ đón B": A chairs the welcome, not the visit the
// sentence opened first). Nil when the verb takes no trigger, or its event is
// the sentence's own or one of an earlier sentence.
func (a *analysis) objectEvent(spans []Chunk, from, stop int, role string) *EventFact {
	for j := from; j < stop && j < len(spans); j++ {
		sp := spans[j]
		if sp.Kind == SpanSep && sp.Value != "và" || sp.Kind == SpanOther && sp.Value == "." {
			return nil
		}
		if sp.Kind != SpanVerb {
			continue
		}
		if sp.Value != role || j+1 >= len(spans) || spans[j+1].Kind != SpanEvent {
			return nil
		}
		return a.openedHere(spans[j+1].Value)
	}
	return nil
}

// openedHere is the latest event of a kind when the current sentence opened
// it, else nil.
func (a *analysis) openedHere(kind string) *EventFact {
	for k := len(a.facts.Events) - 1; k >= 0; k-- {
		if e := a.facts.Events[k]; e.Kind == kind {
			if at, ok := a.ev.openedSent[e]; ok && at == a.sent {
				return e
			}
			return nil
		}
	}
	return nil
}

// pressOpening reports a sentence that opens with a press verb (verbs.tsv
// press: "Trao đổi với phóng viên, …"), its date and separators aside.
func (a *analysis) pressOpening(spans []Chunk) bool {
	for _, sp := range spans {
		switch {
		case sp.Kind == SpanDate || sp.Kind == SpanSep:
		case sp.Kind == SpanVerb && sp.Value == "press":
			return true
		default:
			return false
		}
	}
	return false
}

// handRoles reads the act of a ceremony, a handover or an award (event_words.tsv
// hand: "bàn giao", "trao"): the one who hands over attends, and so does the
// one it is handed to, named after "cho" or "tặng" in the clause ("Tại hội
// nghị, ông Chiến đã bàn giao nhiệm vụ cho Thiếu tướng Lê Đức Thái").
func (a *analysis) handRoles(spans []Chunk, ms []mention, roles [][]string) {
	for i, m := range ms {
		if len(roles[i]) > 0 {
			continue
		}
		k := m.k1
		for k < len(spans) && spans[k].Kind == SpanOther && a.g.is(spans[k].Value, wFiller) {
			k++
		}
		if k >= len(spans) || spans[k].Kind != SpanOther || a.g.evPhraseAt(a.toks, spans[k].T0, len(a.toks), ewHand) == 0 {
			continue
		}
		roles[i] = []string{"attend"}
		for n := i + 1; n < len(ms); n++ {
			if len(roles[n]) > 0 || a.clauseEnds(spans, m.k1, ms[n].k0) {
				break
			}
			if p := spans[ms[n].k0-1]; p.Kind == SpanOther && (p.Value == "cho" || p.Value == "tặng") {
				roles[n] = []string{"attend"}
			}
		}
	}
}

// clauseEnds reports a ";" or a full stop between spans[from] and spans[to].
func (a *analysis) clauseEnds(spans []Chunk, from, to int) bool {
	for j := from; j < to && j < len(spans); j++ {
		if spans[j].Kind == SpanSep && spans[j].Value == ";" || spans[j].Kind == SpanOther && spans[j].Value == "." {
			return true
		}
	}
	return false
}

// agentList gives the people listed after "do" the verb that ends the list:
// "Cuộc hội đàm do A (…), Cục trưởng …, Bộ Tổng Tham mưu … và B, Tư lệnh …
// đồng chủ trì" (A and B co-chair), even where their posts run on past what a
// mention takes. The list ends at the first verb; a meeting word, a date or a
// ";" before it ends it with no verb.
func (a *analysis) agentList(spans []Chunk, ms []mention, roles [][]string) {
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if len(roles[i]) > 0 {
			continue
		}
		agent := m.k0 > 0 && spans[m.k0-1].Kind == SpanOther && spans[m.k0-1].Value == "do"
		if !agent && !a.subjectStart(spans, m.k0) {
			continue
		}
		last := i
		for l := i + 1; l < len(ms); l++ {
			if !a.listGap(spans, ms[l-1].k1, ms[l].k0) {
				break
			}
			last = l
		}
		if last == i || len(roles[last]) == 0 {
			continue
		}
		// a subject list is joined before its last member: "A, Cục trưởng
		// …, và B, Tư lệnh …, chủ trì" (without "và" the names after the
		// first may be its posts' holders listed apart)
		// (a post the chain of the last member took before its "và" counts:
		// "A, …, Trưởng Ban Chỉ đạo …, và ông B, …, đồng chủ trì")
		if !agent && !joinedBefore(spans, ms[last-1].k1, max(ms[last].k0, ms[last].name)) {
			continue
		}
		for l := i; l < last; l++ {
			if len(roles[l]) == 0 {
				roles[l] = roles[last]
			}
		}
		i = last
	}
}

// subjectStart reports a mention at spans[k] that opens its sentence's
// subject: at the start, or after the opening's comma (a day, a place).
func (a *analysis) subjectStart(spans []Chunk, k int) bool {
	if k == 0 {
		return true
	}
	if spans[k-1].Kind != SpanSep || spans[k-1].Value != "," {
		return false
	}
	for j := 0; j < k-1; j++ {
		sp := spans[j]
		// "Chiều 12/8, tại Hà Nội, A …": the opening's place scans as a name
		if sp.Kind == SpanName && j > 0 && spans[j-1].Kind == SpanOther && (spans[j-1].Value == "tại" || spans[j-1].Value == "ở") {
			continue
		}
		if sp.Kind == SpanVerb || sp.Kind == SpanEvent || personStart(sp.Kind) || sp.Kind == SpanTitle {
			return false
		}
	}
	return true
}

// joinedBefore reports a "và" among the spans between two people.
func joinedBefore(spans []Chunk, from, to int) bool {
	for j := from; j < to && j < len(spans); j++ {
		if spans[j].Kind == SpanSep && spans[j].Value == "và" {
			return true
		}
	}
	return false
}

// listGap reports spans between two people of one list: posts, bodies,
// brackets and separators, no verb, meeting word, date or ";".
func (a *analysis) listGap(spans []Chunk, from, to int) bool {
	if to < from {
		return false
	}
	for j := from; j < to; j++ {
		sp := spans[j]
		switch {
		case sp.Kind == SpanVerb, sp.Kind == SpanEvent, sp.Kind == SpanDate, sp.Kind == SpanSep && sp.Value == ";":
			return false
		case sp.Kind == SpanOther && (sp.Value == "." || sp.Value == ":"):
			return false
		}
	}
	return true
}

// sentenceDate is the first date a sentence gives, with its year resolved.
func (a *analysis) sentenceDate(s sentence, spans []Chunk) Date {
	for _, sp := range spans {
		if sp.Kind == SpanDate {
			return a.dateOf(sp, s)
		}
	}
	return Date{}
}

// genericGuest reports a host verb after spans[k] (past fillers) whose object
// is a word for guests in general ("tiếp khách quốc tế").
func (a *analysis) genericGuest(spans []Chunk, k int) bool {
	for j := k; j+1 < len(spans) && j < k+4; j++ {
		if spans[j].Kind == SpanVerb && spans[j].Value == "host" || spans[j].Kind == SpanVerb && spans[j].Value == "welcome" {
			n := spans[j+1]
			return n.Kind == SpanOther && a.g.evWord(n.Value, ewGenericGuest)
		}
	}
	return false
}

// inviter reports a mention after "lời mời của" ("theo lời mời của A").
func (a *analysis) inviter(spans []Chunk, m mention) bool {
	return m.k0 >= 2 && spans[m.k0-1].Kind == SpanOther && spans[m.k0-1].Value == "của" &&
		spans[m.k0-2].Kind == SpanOther && a.g.evWord(spans[m.k0-2].Value, ewInviter)
}

func mentioned(ms []mention, p *PersonFact) bool {
	for _, m := range ms {
		if m.p == p {
			return true
		}
	}
	return false
}

// attendsKind prefixes the role of a person whose verb is an event word: the
// person attends the latest event of that kind ("attend@hội đàm").
const attendsKind = "attend@"

// otherGuests reports a host's guests none of whom a reception had: "Chiều
// cùng ngày, A cũng tiếp C" after "A tiếp B" is another reception.
func otherGuests(rec *EventFact, guests []*PersonFact) bool {
	if len(rec.Attendees) == 0 || len(guests) == 0 {
		return false
	}
	for _, g := range guests {
		if hasPerson(rec.Attendees, g) {
			return false
		}
	}
	return true
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
// "dự và phát biểu chỉ đạo", "đã nhấn mạnh". agent tells a mention after
// "do": only there is an agent verb (event_words.tsv agent-verb: "do Đại tá A
// chỉ huy") a verb; after anyone else it names their charge ("Đại tá A, chỉ huy
// tàu tuần tra, cho biết"), and the person's verb is the one after it.
func (a *analysis) verbsAfter(spans []Chunk, k, stop int, agent bool) []string {
	var out []string
	// the person's verb is the first one of its clause, past any titles and
	// bodies the chain did not take ("…, Trưởng Ban Chỉ đạo quốc gia về … chủ trì")
	// The verb must not end a long stretch of plain words: that is a clause of
	// its own ("…, lần đầu ra nước ngoài làm nhiệm vụ, cho biết" passes: the
	// commas close the aside).
	plain, limit := 0, 6
	// words of its own between the person and a meeting word make the meeting
	// the object of another verb ("thông báo với A kết quả hội đàm", "A hoan
	// nghênh chuyến thăm"): the person is no party to it
	words := 0
	k = a.companions(spans, k, stop)
	if !agent && a.visitVerbAt(spans, k, stop) {
		return []string{attendsKind + visitKind}
	}
	if !agent && k < stop && k < len(spans) && a.agentVerb(spans[k]) {
		k++
	}
	// "Trưởng ban Chỉ đạo … về tham gia hoạt động Gìn giữ hòa bình … chủ trì":
	// a verb right after "về" is the topic of a body's name, not the person's
	topic := func(k int) bool {
		return spans[k].Kind == SpanVerb && k > 0 && spans[k-1].Kind == SpanOther && spans[k-1].Value == "về"
	}
	for k < stop && k < len(spans) && (spans[k].Kind != SpanVerb || topic(k)) && !(spans[k].Kind == SpanSep && spans[k].Value == ";") &&
		!(spans[k].Kind == SpanEvent && !a.toks[spans[k].T0].Cap && !a.inBodyName(spans, k)) && spans[k].Kind != SpanDate {
		if spans[k].Kind == SpanOther {
			plain++
			if !a.g.is(spans[k].Value, wFiller) {
				words++
			}
		} else {
			plain, limit = 0, 6
			// "…, Trưởng Ban Chỉ đạo công tác đối ngoại quốc phòng chủ trì":
			// after a title (or the head of a body it did not take), the plain
			// words are the name of the title's body, which runs longer
			if spans[k].Kind == SpanTitle || spans[k].Kind == SpanName && k > 0 && spans[k-1].Kind == SpanTitle {
				limit = 12
			}
		}
		k++
		if !agent && k < stop && k < len(spans) && a.agentVerb(spans[k]) {
			k++
		}
	}
	if plain > limit {
		return nil
	}
	for j := k; j < len(spans) && j < stop && j < k+8; j++ {
		sp := spans[j]
		switch {
		case sp.Kind == SpanVerb && sp.Value == "host" && a.g.evPhraseAt(a.toks, sp.T0, sp.T1, ewWelcome) == sp.T1-sp.T0:
			// "A đón B": the host of a welcome ceremony
			out = append(out, "welcome")
		case sp.Kind == SpanVerb:
			out = append(out, sp.Value)
		case sp.Kind == SpanOther && a.g.is(sp.Value, wFiller):
		case sp.Kind == SpanSep && sp.Value == "và" && len(out) > 0:
		case sp.Kind == SpanSep && sp.Value == "," && len(out) == 0 && j == k && j+1 < len(spans) && spans[j+1].Kind == SpanOther && a.g.is(spans[j+1].Value, wFiller):
			// "B, đang có chuyến thăm …": a clause about the person
		case sp.Kind == SpanEvent && !a.toks[sp.T0].Cap && words == 0 && len(out) == 0 && a.g.evPhraseAt(a.toks, sp.T0, sp.T1, ewCall) == sp.T1-sp.T0:
			// "A đã chào xã giao B": the caller attends the call
			out = append(out, attendsKind+sp.Value)
			return out
		case sp.Kind == SpanEvent && a.g.frame(sp.Value).VerbAttends && !a.toks[sp.T0].Cap && words == 0 && len(out) == 0 &&
			!(a.toks[sp.T0].Key == "gặp" && (j+1 >= len(spans) || !personStart(spans[j+1].Kind))):
			// "A hội đàm với B", "B, đang có chuyến thăm …": A attends that
			// meeting, whichever the sentence is about
			out = append(out, attendsKind+sp.Value)
			return out
		case sp.Kind == SpanEvent && a.g.frame(sp.Value).VerbChairs && !a.toks[sp.T0].Cap && j > 0 && spans[j-1].Value == "có":
			// "A có buổi tiếp B": the one who has the reception hosts and chairs
			// it ("A hội kiến B" without "có": A calls on B)
			out = append(out, "chair")
			return out
		default:
			return out
		}
	}
	return out
}

// companions skips, from spans[k], the group a person goes with: "A, Tư
// lệnh Quân khu 9 cùng đoàn công tác đã đến thăm …", "A cùng các thành viên
// đoàn Việt Nam tham dự …": "cùng", an optional "các thành viên", a
// delegation word (event_words.tsv delegation) and the few words that name
// it, up to the verb, which is the person's. It gives k when no such group
// follows, or when the group runs on past six spans or into a clause break.
func (a *analysis) companions(spans []Chunk, k, stop int) int {
	if k >= stop || k >= len(spans) || spans[k].Kind != SpanOther || spans[k].Value != "cùng" {
		return k
	}
	j := k + 1
	if j+1 < stop && j+1 < len(spans) && spans[j].Value == "các" && spans[j+1].Value == "thành viên" {
		j += 2
	}
	if j >= stop || j >= len(spans) || !a.delegationWord(spans[j]) && !(spans[j].T1 > spans[j].T0 && a.g.evWord(a.toks[spans[j].T0].Key, ewDelegation)) {
		return k
	}
	for j++; j < stop && j < len(spans) && j <= k+7; j++ {
		switch sp := spans[j]; sp.Kind {
		case SpanVerb, SpanEvent:
			return j
		case SpanOther, SpanOrg, SpanCountry, SpanName:
			if sp.Kind == SpanOther && (sp.Value == "." || sp.Value == ":") {
				return k
			}
			// "… cùng đoàn công tác đã đến thăm": the person's verb phrase
			if sp.Kind == SpanOther && (a.g.is(sp.Value, wFiller) || a.g.evWord(sp.Value, ewVisit) || a.g.evWord(sp.Value, ewTravel) || a.g.evWord(sp.Value, ewArrival)) {
				return j
			}
		default:
			return k
		}
	}
	return k
}

// visitVerbAt reports a bare visit verb (event_words.tsv visit: "thăm") that
// is the verb of the person before spans[k], past fillers and words of
// travelling or arriving ("A đã sang thăm …", "A cùng đoàn công tác đến
// thăm và làm việc tại …"), in an article that has a visit: the person goes
// on it, as the frame of visits says of its trigger (event_frames.tsv
// verb_attends). A compound of the word ("thăm hỏi", "thăm dò") is another verb.
// spans is not empty.
func (a *analysis) visitVerbAt(spans []Chunk, k, stop int) bool {
	j := k
	for n := 0; j < stop && j < len(spans) && n < 3 && spans[j].Kind == SpanOther &&
		(a.g.is(spans[j].Value, wFiller) || a.g.evWord(spans[j].Value, ewTravel) || a.g.evWord(spans[j].Value, ewArrival)); n++ {
		j++
	}
	if j >= stop || j >= len(spans) || spans[j].Kind != SpanOther || !a.g.evWord(spans[j].Value, ewVisit) {
		return false
	}
	if j+1 < len(spans) && spans[j+1].Kind == SpanOther && (spans[j+1].Value == "hỏi" || spans[j+1].Value == "dò") {
		return false
	}
	// (a line that ends no sentence, a related article's link ">> A thăm
	// …", tells another story)
	if last := spans[len(spans)-1]; last.Kind != SpanOther || last.Value != "." {
		return false
	}
	v := a.eventOfKind(visitKind)
	return v != nil && v.Kind == visitKind && a.g.frame(visitKind).VerbAttends
}

// agentVerb reports a verb span of the class agent-verb (event_words.tsv).
func (a *analysis) agentVerb(sp Chunk) bool {
	return sp.Kind == SpanVerb && a.g.evPhraseAt(a.toks, sp.T0, sp.T1, ewAgentVerb) == sp.T1-sp.T0
}

// greets is the role of those a sentence lists after a welcome verb and its
// delegation ("đón đoàn có A"): the welcome ceremony's host, or those who
// attend it.
const greets = "greet"

// cues are the roles a sentence gives before its people: "Dự hội nghị có A",
// "Phát biểu tại hội nghị, A …", "Về phía Lào có A". Each field is the span index
// after which a person takes the role (-1: none).
type cues struct {
	attend, speak int
	role          string // the role "có" gives: the verb before it ("Đồng chủ trì … có")
}

func (a *analysis) sentenceCues(spans []Chunk) cues {
	c := cues{attend: -1, speak: -1}
	verb, phia := "", false
	// the first role verb of the clause so far: "A chủ trì hội nghị, cùng dự
	// có B" gives B the verb of B's own clause, not the sentence's first
	// ("Dự và phát biểu có B": dự)
	clauseVerb := ""
	firstReal := -1
	for j, sp := range spans {
		if firstReal < 0 && sp.Kind != SpanDate && sp.Kind != SpanSep {
			firstReal = j
		}
		if sp.Kind == SpanSep && (sp.Value == "," || sp.Value == ";") {
			clauseVerb = ""
		}
		if sp.Kind == SpanVerb && clauseVerb == "" && (sp.Value == "attend" || sp.Value == "speak" || sp.Value == "chair") {
			clauseVerb = sp.Value
		}
		switch {
		case sp.Kind == SpanVerb && verb == "" && (sp.Value == "attend" || sp.Value == "speak" || sp.Value == "chair"):
			verb = sp.Value
		case sp.Kind == SpanVerb && verb == "" && sp.Value == "host" && a.g.evPhraseAt(a.toks, sp.T0, sp.T1, ewWelcome) == sp.T1-sp.T0 &&
			j+2 < len(spans) && spans[j+1].Kind == SpanOther && a.g.evWord(spans[j+1].Value, ewDelegation) && spans[j+2].Value == "có":
			// "Cùng ra cầu cảng đón đoàn có A; B": those who welcome the
			// delegation attend its welcome ceremony
			verb = greets
		case sp.Value == "phía" && (j == 0 || spans[j-1].Value == "về"),
			// "Tại điểm cầu Seoul có A": those at a venue of the meeting
			sp.Value == "cầu" && j > 1 && spans[j-1].Value == "điểm" && spans[j-2].Value == "tại":
			phia = true
		case sp.Kind == SpanOther && sp.Value == "gồm" && j > 0 && (a.delegationWord(spans[j-1]) || j > 1 && a.delegationWord(spans[j-2])) && c.attend < 0:
			// "Đoàn gồm Đại tá A, …": the delegation's members attend
			c.attend, c.role = j, "attend"
		case sp.Kind == SpanOther && sp.Value == "có" && verb == "" && !phia && c.attend < 0 && a.groupOpening(spans, firstReal, j):
			// "Tiễn đoàn có A; B", "Cùng tiếp có A": those who see the
			// delegation off or receive with the host attend the sentence's
			// event
			c.attend, c.role = j, "attend"
		case sp.Kind == SpanOther && sp.Value == "có" && (verb != "" || phia) && c.attend < 0:
			c.attend, c.role = j, verb
			if clauseVerb != "" {
				c.role = clauseVerb
			}
			if c.role == "" {
				c.role = "attend"
			}
		case sp.Kind == SpanOther && a.g.evWord(sp.Value, ewRoleList) && verb != "" && c.attend < 0 && firstReal >= 0 &&
			spans[firstReal].Kind == SpanVerb && spans[firstReal].Value == verb && a.roleListNear(spans, firstReal, j):
			// "Đồng chủ trì hội đàm là A và B": the role verb opens the
			// sentence and those after the list word take it
			c.attend, c.role = j, verb
		case sp.Kind == SpanOther && a.g.evWord(sp.Value, ewRoleList) && verb == "" && c.attend < 0 && firstReal >= 0 &&
			(spans[firstReal].Kind == SpanVerb && spans[firstReal].Value == "lead" || a.headOfGroup(spans, firstReal)) && a.roleListNear(spans, firstReal, j):
			// "Đứng đầu đoàn Nhật Bản là A", "Chỉ huy đội tuần tra phía Việt
			// Nam là A", "Trưởng đoàn là A": the head of the delegation or
			// the party, who stands for it
			c.attend, c.role = j, "lead"
		case sp.Kind == SpanSep && sp.Value == "," && c.speak < 0 && firstReal >= 0 && firstReal < j &&
			spans[firstReal].Kind == SpanVerb && spans[firstReal].Value == "speak":
			c.speak = j
		}
	}
	return c
}

// groupOpening reports an opening over spans[from:to] that says with whom
// the sentence's people went, before its "có": a verb the spans do not
// know and a delegation word ("Tiễn đoàn", "Đưa tiễn đoàn"), or "cùng" and a
// host verb ("Cùng tiếp"). No person, body, meeting word or function word
// stands in it.
func (a *analysis) groupOpening(spans []Chunk, from, to int) bool {
	if from < 0 || to-from < 2 || to-from > 3 {
		return false
	}
	last := spans[to-1]
	if spans[from].Kind == SpanOther && spans[from].Value == "cùng" && to-from == 2 {
		return last.Kind == SpanVerb && last.Value == "host"
	}
	if !a.delegationWord(last) {
		return false
	}
	for k := from; k < to-1; k++ {
		if sp := spans[k]; sp.Kind != SpanOther && sp.Kind != SpanName || sp.Kind == SpanOther && a.g.isFunction(sp.Value) ||
			sp.Kind == SpanName && k != from || a.delegationWord(sp) {
			return false
		}
	}
	return true
}

// pastInPassing reports a sentence that holds a vague past time
// (past_times.txt: "hồi tháng 2 năm ngoái", "hồi năm 2021") and no date: it
// tells a meeting in passing, whose people take no role in the article's
// events, as those of a planned one do not.
func (a *analysis) pastInPassing(spans []Chunk) bool {
	if len(spans) == 0 {
		return false
	}
	for _, sp := range spans {
		if sp.Kind == SpanDate {
			return false
		}
	}
	for t := spans[0].T0; t < spans[len(spans)-1].T1; t++ {
		if n, _ := a.g.pastLex.longest(a.toks, t); n > 0 {
			return true
		}
	}
	return false
}

// roleListNear reports a list word at spans[j] close enough to the role verb
// that opens the sentence at spans[v] to give its role: its object between
// ("Đồng chủ trì hội đàm là"), or a venue after "tại" ("Chủ trì tại điểm cầu
// Bộ Quốc phòng là A") or a group that runs on ("Chỉ huy đội tuần tra phía
// Việt Nam là A"), with no verb, person or function word between.
func (a *analysis) roleListNear(spans []Chunk, v, j int) bool {
	if j-v <= 3 {
		return true
	}
	if j-v > 8 {
		return false
	}
	// the object runs on: "Chỉ huy đội tuần tra phía Việt Nam là"
	from := v + 1
	if spans[v+1].Kind == SpanOther && spans[v+1].Value == "tại" {
		from = v + 2
	}
	for k := from; k < j; k++ {
		if sp := spans[k]; sp.Kind != SpanOther && sp.Kind != SpanOrg && sp.Kind != SpanName && sp.Kind != SpanCountry || sp.Kind == SpanOther && a.g.isFunction(sp.Value) {
			return false
		}
	}
	return true
}

// headOfGroup reports a title at spans[k] right before a delegation word
// that the title heads ("Trưởng đoàn là A": event_words.tsv delegation).
func (a *analysis) headOfGroup(spans []Chunk, k int) bool {
	return spans[k].Kind == SpanTitle && k+1 < len(spans) && a.delegationWord(spans[k+1]) && spans[k+1].T0 == spans[k].T1
}

// delegationWord reports a span that is a delegation word (event_words.tsv
// delegation), also capitalized at a sentence's start, where it scans as a
// name ("Đoàn gồm …").
func (a *analysis) delegationWord(sp Chunk) bool {
	return (sp.Kind == SpanOther || sp.Kind == SpanName) && sp.T1 > sp.T0 && a.g.evPhraseAt(a.toks, sp.T0, sp.T1, ewDelegation) == sp.T1-sp.T0
}

// cuesBefore reads the roles given before a mention at spans[k]: the sentence's
// cues, "theo A" and "dưới sự chủ trì của A", "có sự tham dự của A".
func cuesBefore(spans []Chunk, c cues, k int) []string {
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

// coAgent reports "cùng" or "cùng với" alone between two people, who share
// the verb after the second: "A, Thứ trưởng Bộ Quốc phòng cùng B, Phó Tổng
// Tham mưu trưởng đồng chủ trì hội nghị".
func coAgent(spans []Chunk, from, to int) bool {
	if to-from < 1 || to-from > 2 || spans[from].Kind != SpanOther || spans[from].Value != "cùng" {
		return false
	}
	return to-from == 1 || spans[from+1].Kind == SpanOther && spans[from+1].Value == "với"
}

func onlySeps(spans []Chunk, from, to int) bool {
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

// describedGuest is the guest a text describes instead of naming, at
// spans[j]: a title and a country ("lễ đón chính thức Bộ trưởng Quốc phòng
// Hoa Kỳ": the one person of the article of that country with a post of that
// title) or "vị khách" and a country ("tiếp vị khách Ấn Độ": the one
// traveller of the article's visit from that country). Nil when the text
// names someone there, or when no one or several fit.
func (a *analysis) describedGuest(spans []Chunk, j int) *PersonFact {
	title, country := "", ""
	switch {
	case j+1 < len(spans) && spans[j].Kind == SpanTitle && spans[j+1].Kind == SpanCountry:
		title, country = spans[j].Value, spans[j+1].Value
		j += 2
	case j+2 < len(spans) && spans[j].Kind == SpanOther && spans[j].Value == "vị" && spans[j+1].Kind == SpanOther && spans[j+1].Value == "khách" && spans[j+2].Kind == SpanCountry:
		country = spans[j+2].Value
		j += 3
	default:
		return nil
	}
	// a name after the description is the guest itself, a mention of its own
	if j < len(spans) && (personStart(spans[j].Kind) || spans[j].Kind == SpanHonorific) {
		return nil
	}
	var visit *EventFact
	if title == "" {
		if visit = a.eventOfKind(visitKind); visit == nil || visit.Kind != visitKind {
			return nil
		}
	}
	var found *PersonFact
	for _, p := range a.facts.Persons {
		if a.personCountry(p) != country {
			continue
		}
		fits := false
		if title != "" {
			for _, pos := range p.Positions {
				fits = fits || titleFits(title, pos)
			}
		} else {
			fits = hasPerson(visit.Attendees, p)
		}
		if !fits {
			continue
		}
		if found != nil && found != p {
			return nil
		}
		found = p
	}
	return found
}

// pairMention reports a mention of "hai" and a title ("hai Bộ trưởng"): the
// two holders of the title, not one person.
func pairMention(spans []Chunk, m mention) bool {
	for j := m.k0 - 1; j <= m.k0 && j < len(spans); j++ {
		if j >= 0 && spans[j].Kind == SpanOther && spans[j].Value == "hai" {
			return true
		}
	}
	return false
}

// guestDelegations gives a meeting whose guests follow its trigger the
// members of a delegation named as its guest: "A chủ trì lễ đón Đoàn đại
// biểu Việt Nam", "… bắt đầu bằng lễ đón đoàn Việt Nam do Bộ Quốc phòng Lào
// tổ chức" (a sentence that names no person too).
func (a *analysis) guestDelegations(spans []Chunk, ms []mention, ev *EventFact, planned bool) {
	if ev == nil || planned {
		return
	}
	for k, sp := range spans {
		if sp.Kind != SpanEvent || !a.g.frame(sp.Value).GuestsAfter || ev.Kind != sp.Value {
			continue
		}
		// "Tại hội đàm, A cho biết …": a meeting named as the scene has no
		// guests after it
		if k > 0 && spans[k-1].Kind == SpanOther && a.g.is(spans[k-1].Value, wScene) && k+1 < len(spans) && spans[k+1].Kind == SpanSep && spans[k+1].Value == "," {
			continue
		}
		for _, p := range a.delegationAt(spans, k+1) {
			if !hasPerson(ev.Chairs, p) && !mentioned(ms, p) {
				ev.Attendees = appendPerson(ev.Attendees, p)
			}
		}
	}
}

// inBodyName reports a lower-case meeting word right after a body that is no
// verb of a person ("Phó Trưởng ban Thường trực Ban Chỉ đạo diễn tập tỉnh chủ
// trì hội nghị": the rest of the body's name, not the person's meeting).
func (a *analysis) inBodyName(spans []Chunk, k int) bool {
	f := a.g.frame(spans[k].Value)
	if k == 0 || f.VerbAttends || f.VerbChairs {
		return false
	}
	named := func(sp Chunk) bool { return sp.Kind == SpanOrg || sp.Kind == SpanName }
	// ("Ban Chỉ đạo diễn tập": a body the recognizer cut after its first
	// capitalized words)
	return named(spans[k-1]) || k > 1 && spans[k-1].Kind == SpanOther && named(spans[k-2])
}

// travellersAttend applies the convention of visits to the kinds whose frame
// says so (travellers_attend): in an article of one visit, the travellers (the
// visit's attendees) attend a meeting of the kind that none of them is said
// to attend or speak at ("Lễ đón diễn ra tại cảng Tanjung Priok, do Phó Đô
// đốc A chủ trì": the delegation on the visit is welcomed). A meeting the
// text gives one of the travellers has its people from the text.
func (a *analysis) travellersAttend() {
	var visit *EventFact
	for _, ev := range a.facts.Events {
		if ev.Kind != visitKind {
			continue
		}
		if visit != nil {
			return
		}
		visit = ev
	}
	if visit == nil || len(visit.Attendees) == 0 {
		return
	}
	for _, ev := range a.facts.Events {
		if ev == visit || !a.g.frame(ev.Kind).TravellersAttend || a.ev.backstory[ev] {
			continue
		}
		// (a meeting before the visit began is not one of its parts)
		if !ev.Date.IsZero() && !visit.Date.IsZero() && ev.Date.before(visit.Date) {
			continue
		}
		told := false
		for _, p := range append(append([]*PersonFact{}, ev.Attendees...), ev.Speakers...) {
			told = told || hasPerson(visit.Attendees, p)
		}
		// "A chủ trì lễ đón Đại sứ B đến trình ủy nhiệm thư": a welcome whose
		// own guests, named after its trigger, are none of the travellers is
		// held for someone else
		if told || len(a.ev.parties[ev]) > 0 {
			continue
		}
		for _, p := range visit.Attendees {
			if !hasPerson(ev.Chairs, p) {
				ev.Attendees = appendPerson(ev.Attendees, p)
			}
		}
	}
}
