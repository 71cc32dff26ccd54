package extract

import (
	"regexp"
	"strings"
)

// personStart reports a span kind that opens a person's mention.
func personStart(k SpanKind) bool {
	return k == SpanHonorific || k == SpanRank || k == SpanTitle || k == SpanName
}

// events finds the event a sentence speaks of, opening a new one when the
// sentence introduces it (a date, an organizer or a verb like "diễn ra" before a
// named meeting).
func (a *analysis) events(s sentence, spans []Chunk, ms []mention, kind lineKind) *EventFact {
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
	a.ceremonies(spans)
	// "Trước đó, ngày 29-11, cũng tại Ninh Bình, Bộ Quốc phòng đã tổ chức hội
	// nghị …": a meeting told as the story's backstory, with no one named,
	// is no event of the article
	// (unless a later sentence names one who took part: "Trung tướng A dự
	// hội nghị"; finishEvents drops those with no one)
	before, backstory := len(a.facts.Events), len(ms) == 0 && a.current != nil && a.backstory(spans)
	a.ev.sentT0 = s.t0
	defer func() {
		for _, ev := range a.facts.Events[min(before, len(a.facts.Events)):] {
			if a.ev.openedAt == nil {
				a.ev.openedAt = map[*EventFact]int{}
				a.ev.backstory = map[*EventFact]bool{}
			}
			if _, ok := a.ev.openedAt[ev]; !ok {
				a.ev.openedAt[ev] = s.t0
				if a.ev.openedSent == nil {
					a.ev.openedSent = map[*EventFact]int{}
				}
				a.ev.openedSent[ev] = a.sent
			}
			if backstory {
				a.ev.backstory[ev] = true
			}
		}
	}()
	planned := a.plannedSentence(spans)
	a.setScene(s, spans, kind)
	a.ev.prev = a.current
	purpose := false // past "để", "nhằm": what follows is aimed at, not done
	purposeOpens := false
	// "Tháng 3/2023, hai bên đã tổ chức Đối thoại …": a meeting told under a
	// time that names no day is told in passing, no event of the article
	// (GUIDELINES); the sentence may still refer to one
	if a.toldInPassing(spans) || len(ms) == 0 && a.undatedBackstory(spans) {
		purpose = true
	}
	sc := a.scanSentence(spans, ms)
	// "… đánh dấu Chương trình Giao lưu sĩ quan trẻ … lần thứ 2 thành công
	// tốt đẹp. Chương trình diễn ra từ ngày 26 đến 30/6 tại Hà Tĩnh": the
	// programme an earlier sentence named without a day, which a sentence
	// opening with the bare programme word then dates, is an event
	if p := a.programmeOpening(spans); p >= 0 && a.ev.namedProgramme != "" && a.eventOfKind(programmeKind) == nil && kind == lineText && !planned && a.heldAfter(spans, p) {
		ev := &EventFact{Kind: programmeKind, Name: a.ev.namedProgramme}
		a.facts.Events = append(a.facts.Events, ev)
		a.fill(ev, s, spans, p-1, p, true)
		if l := a.placeHeldAfter(spans, p); l != "" {
			ev.Location = l
		}
		open(ev)
		ref = ev
	}
	for k, sp := range spans {
		// the name of a programme ("Chương trình Giao lưu … lần thứ 2"), for a
		// later sentence that dates it (programmeOpening)
		if sp.Kind == SpanEvent && sp.Value == programmeKind && k >= 2 && a.g.evPhraseAt(a.toks, spans[k-2].T0, spans[k].T0, ewProgramme) == spans[k].T0-spans[k-2].T0 && a.toks[spans[k-2].T0].Cap {
			if end := a.eventNameEnd(spans, k); end > k+1 {
				a.ev.namedProgramme = eventName(a.text.Norm[spans[k-2].Start:spans[end-1].End])
			}
		}
		if sp.Kind == SpanOther && a.g.evWord(sp.Value, ewPurpose) {
			purpose = true
			purposeOpens = k == 0
		}
		// "Để chuẩn bị cho Đối thoại, ngày 27-7, Tham vấn … đã được tổ chức": a
		// purpose that opens the sentence ends at its comma
		if purpose && purposeOpens && sp.Kind == SpanSep && sp.Value == "," {
			purpose = false
		}
		// "Đoàn … do A dẫn đầu đã sang thăm và làm việc tại Trung Quốc từ ngày
		// 26/6 đến ngày 2/7": a visit the sentence dates is the story's visit
		if sp.Kind == SpanOther && a.g.evWord(sp.Value, ewVisit) && !purpose && !planned && kind == lineText &&
			opened == nil && a.eventOfKind(visitKind) == nil {
			d := dateAfter(spans, k)
			if d < 0 && sc.firstDate >= 0 && sc.firstDate < k && (openingSpans(spans[:sc.firstDate]) && dateRange(a.toks, spans[sc.firstDate]) || a.visitDone(spans, sc.firstDate, k)) {
				// "Từ ngày 25 đến 28/6, đội tàu … đã cập Cảng quốc tế Cam Ranh,
				// thăm tỉnh Khánh Hòa": the days the sentence opens with (a
				// range: one day is the day of a reception, "đang thăm" in passing;
				// but "Chiều 31/8, đoàn … đã đến thăm và làm việc tại …" reports
				// the visit of that day)
				d = sc.firstDate
			}
			if d >= 0 {
				ev := &EventFact{Kind: visitKind}
				a.facts.Events = append(a.facts.Events, ev)
				a.fill(ev, s, spans, k, k+1, false)
				ev.Date = a.dateOf(spans[d], s)
				if d == sc.firstDate && a.visitDone(spans, d, k) {
					a.ev.doneVisit = ev
				}
				if p := a.visitPlace(spans, k); p != "" {
					ev.Location = p
				}
				open(ev)
				ref = ev
				continue
			}
		}
		// "A đã tiếp ngài B, Bộ trưởng Quốc phòng Nhật Bản, đang thăm chính thức
		// Việt Nam từ ngày 10 đến 12/9": a guest described as on a visit with
		// its own range of days tells the story's visit, which the guest attends
		if kind == lineText && !planned && !purpose && a.eventOfKind(visitKind) == nil {
			if ev := a.appositiveVisit(s, spans, ms, k); ev != nil {
				continue
			}
		}
		// "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh tổ chức đón Đoàn …": a body that
		// holds a welcome on a day the sentence gives organizes a welcome ceremony
		// ("Toàn quân đã tổ chức đón, tiễn nhiều đoàn" is a count, not one)
		if sp.Kind == SpanVerb && sp.Value == "host" && k > 0 && spans[k-1].Kind == SpanVerb && spans[k-1].Value == "organize" &&
			a.g.evPhraseAt(a.toks, sp.T0, sp.T1, ewWelcome) == sp.T1-sp.T0 && !purpose && !planned && kind == lineText && opened == nil && !a.ev.sentDate.IsZero() {
			ev := &EventFact{Kind: "lễ đón"}
			a.facts.Events = append(a.facts.Events, ev)
			a.fill(ev, s, spans, k, k+1, false)
			open(ev)
			ref = ev
			continue
		}
		// "thủ trưởng Bộ Tư lệnh Vùng đã tiếp xã giao nhóm chỉ huy đội tàu": a
		// host named by a title only, whose guests are the travelling group
		if sp.Kind == SpanVerb && sp.Value == "host" && kind == lineText && !planned && !purpose && opened == nil && len(a.ev.leads) > 0 &&
			a.g.evPhraseAt(a.toks, sp.T0, sp.T1, ewWelcome) == 0 && !mentionBefore(ms, k) && a.groupAt(spans, k+1) && a.ownDay(spans) {
			ev := &EventFact{Kind: "tiếp xã giao"}
			a.facts.Events = append(a.facts.Events, ev)
			a.fill(ev, s, spans, k, k+1, false)
			for _, p := range a.ev.leads {
				ev.Attendees = appendPerson(ev.Attendees, p)
			}
			open(ev)
			ref = ev
			continue
		}
		if sp.Kind != SpanEvent || k < inName || a.inDoc[sp.T0] {
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
		// "tiếp quản vai trò Chủ tịch Hội nghị Bộ trưởng Quốc phòng các nước
		// ASEAN": a named meeting right after a title is the series of a post
		// (and so is one named together with it: "… và Hội nghị Bộ trưởng
		// Quốc phòng các nước ASEAN mở rộng")
		if k > 0 && spans[k-1].Kind == SpanTitle && a.toks[sp.T0].Cap {
			for e := a.eventNameEnd(spans, k); ; e = a.eventNameEnd(spans, e+1) {
				inName = e
				if e+1 >= len(spans) || spans[e].Value != "và" || spans[e+1].Kind != SpanEvent {
					break
				}
			}
			continue
		}
		// "đang có chuyến thăm": a visit mentioned in passing, unless the
		// sentence gives its own dates ("đang có chuyến thăm chính thức Việt
		// Nam từ ngày 24 đến 26/10")
		if k > 1 && spans[k-1].Value == "có" && spans[k-2].Value == "đang" && dateAfter(spans, k) < 0 {
			continue
		}
		// "Đoàn Trung Quốc đang ở thăm Việt Nam và dự Đối thoại …": what the
		// travellers are doing, in a clause with "đang" and no day at all, is
		// told in passing
		if sc.firstDate < 0 && a.progressiveBefore(spans, k) {
			continue
		}
		// "gặp" is a meeting only when a person is met: "gặp ông Park", not
		// "gặp khó khăn"
		if sp.T1-sp.T0 == 1 && a.toks[sp.T0].Key == "gặp" && (k+1 >= len(spans) || !personStart(spans[k+1].Kind)) {
			continue
		}
		// "hơn 1.200 cuộc hội đàm": a count of meetings, not one
		if q := k - 1; q >= 0 && a.g.evWord(spans[q].Value, ewCountUnit) && q > 0 && (a.toks[spans[q-1].T0].Kind == Number || a.g.is(spans[q-1].Value, wQuantity)) ||
			k > 0 && a.toks[spans[k-1].T0].Kind == Number {
			continue
		}
		capital := a.toks[sp.T0].Cap
		// "Hội nghị mang chủ đề …, kéo dài đến ngày 18/9": a meeting word
		// capitalized only as the sentence's first word, before a lower-case
		// word, names the meeting of its kind the text told of, not another
		if capital && k == 0 && sp.T1 < len(a.toks) && a.toks[sp.T1].Kind == Word && !a.toks[sp.T1].Cap && a.eventOfKind(sp.Value) != nil {
			capital = false
		}
		end := a.eventNameEnd(spans, k)
		// "Hội nghị X và Hội nghị Y": a named meeting right after the name of
		// one the sentence opened, joined by "và", is another on its day
		var joinedBefore *EventFact
		// (past the first one's abbreviation: "Hội nghị X (ADSOM WG) và Hội
		// nghị X mở rộng (ADSOM+ WG)")
		if v := afterAbbreviation(spans, inName); opened != nil && opened.named && capital && v >= 0 && v < len(spans) && k == v+1 && spans[v].Value == "và" && end > k+1 {
			joinedBefore = opened
		}
		// introduced: a date earlier in the sentence, or right before the trigger
		// a verb that opens it ("tổ chức", "chủ trì", "dự", "diễn ra", "khai mạc")
		introduced := sc.firstDate >= 0 && sc.firstDate < k
		j := k - 1
		for j >= 0 && spans[j].Kind == SpanOther && (a.g.is(spans[j].Value, wFiller) || spans[j].Value == "ra" || spans[j].Value == "mạc") {
			j--
		}
		// "chứng kiến tuần tra chung …": a meeting watched is no event of its
		// own (GUIDELINES: watching an exercise)
		if j >= 0 && spans[j].Kind == SpanVerb && a.g.evPhraseAt(a.toks, spans[j].T0, spans[j].T1, ewWitness) == spans[j].T1-spans[j].T0 {
			if ev := a.eventOfKind(sp.Value); ev != nil && ref == nil {
				ref = ev
			}
			continue
		}
		if j >= 0 && (spans[j].Kind == SpanVerb && spans[j].Value != "speak" || spans[j].Kind == SpanOther && a.g.is(spans[j].Value, wIntro)) {
			introduced = true
		}
		// held: the verb before the trigger holds the meeting ("chủ trì lễ đón",
		// "tổ chức hội nghị", "diễn ra"), not only attends it
		held := j >= 0 && (spans[j].Kind == SpanVerb && (spans[j].Value == "chair" || spans[j].Value == "organize") || spans[j].Kind == SpanOther && a.g.is(spans[j].Value, wIntro))
		// "… Giao lưu hữu nghị … lần thứ hai, diễn ra trong hai ngày 13-14/11":
		// a named meeting the sentence dates after its name
		// "Chương trình giao lưu … đã diễn ra trong hai ngày 27 - 28-8": also a
		// lower-case one that is the sentence's subject
		if !introduced && (capital || k <= 3 && subjectSpans(spans[:k])) && end > k+1 && a.heldAfter(spans, end) {
			introduced = true
		}
		// "Lễ đón tàu … được tổ chức tại cầu cảng": a meeting that its clause
		// says was held at a place, when none of its kind is known yet
		heldAtPlace, heldBy, heldHere := -1, -1, false
		if clauseSubject(spans, k) {
			heldAtPlace, heldBy, heldHere = a.heldClause(spans, end)
		}
		// "…, nằm trong khuôn khổ hoạt động giao lưu hữu nghị biên giới …":
		// the programme a meeting the sentence opened belongs to is an event
		// too, on its day and at its place
		if sp.Value == programmeKind && opened != nil && opened.Kind != programmeKind && kind == lineText && !planned &&
			a.frameAt(spans, k) && a.eventOfKind(programmeKind) == nil {
			ev := &EventFact{Kind: programmeKind, Date: opened.Date, Location: opened.Location}
			if end > k+1 {
				ev.Name = eventName(a.text.Norm[sp.Start:spans[end-1].End])
			}
			a.facts.Events = append(a.facts.Events, ev)
			inName = end
			continue
		}
		// "Đoàn sang Việt Nam tham gia các hoạt động trong khuôn khổ Giao lưu
		// hữu nghị … lần thứ 9.": the delegation of the meeting the article
		// has told, said to take part in the programme that frames its
		// visit, makes that programme an event too, on the meeting's day,
		// with the meeting's guests (a programme the sentence dates itself,
		// "…, diễn ra ngày 17/4 tại …", opens below as any held meeting)
		if sp.Value == programmeKind && opened == nil && a.current != nil && a.current.Kind != programmeKind && kind == lineText && !planned &&
			capital && end > k+1 && a.frameAt(spans, k) && a.eventOfKind(programmeKind) == nil && a.delegationTakesPart(spans, k) && !a.heldAfter(spans, end) {
			ev := &EventFact{Kind: programmeKind, Date: a.current.Date, Name: eventName(a.text.Norm[sp.Start:spans[end-1].End])}
			for _, p := range a.current.Attendees {
				ev.Attendees = appendPerson(ev.Attendees, p)
			}
			a.facts.Events = append(a.facts.Events, ev)
			inName = end
			continue
		}
		// "Hội đàm cũng là hoạt động mở đầu chuỗi hoạt động của Chương trình
		// giao lưu … lần thứ nhất, …": the programme the meeting the sentence
		// speaks of is a part of is an event too, on its day and place, with
		// its people
		if sp.Value == programmeKind && opened == nil && kind == lineText && !planned && a.eventOfKind(programmeKind) == nil {
			if part := a.partOf(spans, k); part != nil {
				ev := &EventFact{Kind: programmeKind, Date: part.Date, Location: part.Location}
				if end > k+1 {
					start := spans[k].Start
					if k >= 2 && spans[k-2].Kind == SpanName && spans[k-1].Kind == SpanOther {
						start = spans[k-2].Start // "Chương trình giao lưu …"
					}
					ev.Name = eventName(a.text.Norm[start:spans[end-1].End])
				}
				ev.Organizer = a.organizer(spans, k, end)
				for _, p := range append(append([]*PersonFact{}, part.Chairs...), part.Attendees...) {
					ev.Attendees = appendPerson(ev.Attendees, p)
				}
				a.facts.Events = append(a.facts.Events, ev)
				inName = end
				continue
			}
		}
		// "Sáng nay (13/11), thuộc khuôn khổ Chương trình Giao lưu …, lễ kết
		// nghĩa … đã được tổ chức": the meeting its clause holds, after the
		// programme it is framed by, is the sentence's
		if heldHere && opened != nil && opened.Kind == programmeKind && opened.Kind != sp.Value && kind == lineText && !planned &&
			a.eventOfKind(sp.Value) == nil && a.framedOpening(spans, k, opened) {
			ev := &EventFact{Kind: sp.Value}
			if end > k+1 {
				ev.Name = eventName(a.text.Norm[sp.Start:spans[end-1].End])
			}
			a.facts.Events = append(a.facts.Events, ev)
			a.fill(ev, s, spans, k, end, end > k+1)
			opened, ref = ev, ev
			inName = end
			continue
		}
		// "Chiều cùng ngày, Đoàn đặt vòng hoa tại …": an act the delegation,
		// as the clause's subject, does on a day the sentence gives
		if !introduced && a.ownDay(spans) && a.delegationBefore(spans, k) {
			introduced = true
		}
		// ("Sáng 17/4, tại X, lễ đón đoàn … diễn ra …" after another welcome:
		// held on another day or place, it is another one)
		held = held || heldAtPlace >= 0
		if !introduced && heldAtPlace >= 0 && a.eventOfKind(sp.Value) == nil {
			introduced = true
		}
		// "Lễ chuyển giao diễn ra ngay sau …": a ceremony read from its words
		// that its clause says was held
		if !introduced && heldHere && a.ev.ceremony[sp.T0] && a.eventOfKind(sp.Value) == nil {
			introduced = true
		}
		// "… tổ chức đón Đoàn … sang Việt Nam luyện tập, tham gia diễu binh Lễ
		// kỷ niệm …": a meeting the guests of the sentence's event come to
		// attend is the purpose of their trip, not an event of the article
		if opened != nil && j >= 0 && spans[j].Kind == SpanVerb && spans[j].Value == "attend" {
			continue
		}
		// "… dẫn đầu đoàn quân sự cấp cao sang Bắc Kinh dự cuộc gặp …": a
		// meeting a delegation travels to attend, as the sentence tells it, is
		// the trip's purpose
		// (unless the sentence says it took place: "… sang Mỹ tham dự Đối thoại
		// …, diễn ra tại thủ đô Washington từ ngày 29.9 đến 2.10")
		if j >= 0 && spans[j].Kind == SpanVerb && spans[j].Value == "attend" && a.travelBefore(spans, j) && !(end > k+1 && a.heldAfter(spans, end)) {
			// the kinds its name holds ("Hội nghị Thượng đỉnh An ninh châu Á -
			// Đối thoại Shangri-La"): later sentences speak of the same meeting
			if a.ev.trip == nil {
				a.ev.trip = &tripPurpose{kinds: map[string]bool{}, date: a.ev.sentDate}
			}
			for t := k; t < end && t < len(spans); t++ {
				if spans[t].Kind == SpanEvent {
					a.ev.trip.kinds[spans[t].Value] = true
				}
			}
			inName = end
			continue
		}
		// "Năm nay, Đối thoại diễn ra từ ngày 29 đến 31/5 …", "Việt Nam tham
		// dự Đối thoại Shangri-La từ nhiều năm nay" in a story of the
		// departure: the meeting the travellers go to attends is no event of
		// the article, unless a sentence reports it on a later day
		if a.ev.trip != nil && a.ev.trip.kinds[sp.Value] && !(a.ev.trip.date.Year > 0 && a.ev.sentDate.Year > 0 && a.ev.trip.date.before(a.ev.sentDate)) {
			inName = end
			continue
		}
		// "Bộ Quốc phòng tổ chức buổi gặp mặt báo chí giới thiệu Giao lưu … lần
		// thứ 2": a meeting named after the one the sentence opened, with no
		// verb of its own that holds or attends it, is what that one is about
		// "hôm qua (28/8), Đoàn … đã sang thăm, chúc mừng và hội đàm với …":
		// a meeting word joined to the verbs of the visit the sentence opened
		// is a meeting of that day, with the visit's people
		if opened != nil && opened.Kind == visitKind && opened == a.ev.doneVisit && kind == lineText && !planned && !capital &&
			sp.Value != visitKind && a.g.frame(sp.Value).OpensLower && a.eventOfKind(sp.Value) == nil && k > 0 && spans[k-1].Kind == SpanSep {
			ev := &EventFact{Kind: sp.Value, Date: opened.Date}
			a.facts.Events = append(a.facts.Events, ev)
			a.fill(ev, s, spans, k, end, false)
			// (the visit's travellers take part in it: shareJoined)
			if a.ev.joined == nil {
				a.ev.joined = map[*EventFact]*EventFact{}
			}
			a.ev.joined[ev] = opened
			inName = end
			continue
		}
		if opened != nil && joinedBefore == nil && !(j >= 0 && spans[j].Kind == SpanVerb && spans[j].Value != "speak") && !(end > k+1 && a.heldAfter(spans, end)) {
			continue
		}
		if joinedBefore != nil {
			introduced = true
		}
		if kind == lineText && capital && end > k+1 && introduced && !planned {
			name := eventName(a.text.Norm[sp.Start:spans[end-1].End])
			ev := a.eventNamed(name)
			// "Trước đó, sáng 17-5, Hội nghị Quan chức Quốc phòng cấp cao các
			// nước ASEAN (ADSOM) đã khai mạc" after "Ngày 18-5, Hội nghị … các
			// nước ASEAN mở rộng (ADSOM+) đã diễn ra": a name that only begins
			// like another's, on a day of its own, is another meeting
			if ev != nil && Fold(ev.Name) != Fold(name) && !a.ev.sentDate.IsZero() && !ev.Date.IsZero() && a.ev.sentDate != ev.Date {
				ev = nil
			}
			// "Hội nghị X … và Hội nghị X mở rộng": named together with the
			// one whose name it begins with, it is another meeting
			if ev != nil && ev == joinedBefore && Fold(ev.Name) != Fold(name) {
				ev = nil
			}
			if ev == nil {
				ev = &EventFact{Name: name, Kind: sp.Value, named: true}
				a.facts.Events = append(a.facts.Events, ev)
				a.fill(ev, s, spans, k, end, true)
				// "… dự Hội nghị X và Hội nghị Y tại Singapore": the second of
				// two meetings named together has the first's day and place
				if first := joinedBefore; first != nil {
					ev.Date, ev.Location = first.Date, first.Location
					if a.ev.joined == nil {
						a.ev.joined = map[*EventFact]*EventFact{}
					}
					a.ev.joined[ev] = first
				}
			} else if held {
				// "…, đang ở Hàn Quốc dự Đối thoại X" then "Trước đó, cùng ngày,
				// tại Trụ sở Bộ Quốc phòng Hàn Quốc, A và B đồng chủ trì Đối
				// thoại X": the sentence that holds the meeting says where
				if p := a.sentencePlace(spans); p != "" {
					ev.Location = p
				}
				a.fillMissing(ev, s, spans)
			}
			open(ev)
			ref = ev
			inName = end
			continue
		}
		// "Hôm nay (7/12), tại Hà Nội, Hội nghị Công tác cấp cao … đã diễn
		// ra. A và B đồng chủ trì hội đàm.": right after the sentence that
		// opened a named meeting, a meeting word with no day, place or time of
		// its own names that meeting again
		if kind == lineText && !capital && opened == nil && a.eventOfKind(sp.Value) == nil && a.sameOccasion(spans) {
			if ref == nil {
				ref = a.current
			}
			continue
		}
		// ("Trong khuôn khổ chương trình, … đã tổ chức dâng hương tại …, giao
		// lưu bóng chuyền, …": the programme's activities, on no day of their
		// own, are no events of their own)
		if kind == lineText && introduced && !planned && opened == nil && a.eventOfKind(sp.Value) == nil &&
			(a.g.frame(sp.Value).OpensLower || len(a.facts.Events) == 0 || a.ev.ceremony[sp.T0] || held && a.partOfVisit(sp.Value)) && !(len(a.facts.Events) > 0 && a.framedSentence(spans) && !a.ownDay(spans)) {
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
			// "Buổi chiều, tại Cửa khẩu B, A chủ trì lễ đón …" after a morning
			// welcome at another place: a verb that holds the meeting on another
			// day, part of day or place holds another one
			// "Cùng ngày 28/7, Bộ đội Biên phòng tổ chức hội nghị bàn giao
			// nhiệm vụ …" after "hội nghị bàn giao chức trách …": held under a
			// name of its own that does not fit the other's, it is another
			name := ""
			if end > k+1 {
				name = eventName(a.text.Norm[sp.Start:spans[end-1].End])
			}
			// ("Để chuẩn bị, Cục Quân huấn đã … tổ chức hội thao tuyển chọn …":
			// one the sentence gives no day of its own is background, not
			// another meeting)
			otherName := !capital && name != "" && ev.Name != "" && ev.Kind == sp.Value && !namesFit(name, ev.Name) && a.ownDay(spans)
			occasion := kind == lineText && held && !planned && opened == nil && a.otherOccasion(ev, s, spans)
			// "Cũng theo cơ chế này, sáng 16/12/2024, tại …, hai đồn … đã hội
			// đàm …": a meeting word told as done, as its clause's verb, on a
			// day of its own is another meeting of that day
			if !held && kind == lineText && !planned && opened == nil && a.g.frame(sp.Value).OpensLower && !capital && a.doneAt(spans, k) &&
				!a.ev.sentDate.IsZero() && !ev.Date.IsZero() && a.ev.sentDate != ev.Date {
				held, occasion = true, true
			}
			if kind == lineText && held && !planned && opened == nil && (occasion || otherName) {
				ev = &EventFact{Kind: sp.Value}
				if capital && end > k+1 || otherName && !occasion {
					ev.Name = name
				}
				a.facts.Events = append(a.facts.Events, ev)
				a.fill(ev, s, spans, k, end, false)
				open(ev)
				ref = ev
				inName = end
				continue
			}
			// a meeting named as the scene ("tại hội đàm", "Kết thúc hội nghị",
			// "dự lễ đón") or as the subject; not one named in passing
			// ("kết quả đối thoại")
			if ref == nil && a.sceneAt(spans, k) {
				ref = ev
			}
			// "Chiều nay (22/8), tại Trụ sở Bộ Quốc phòng, A chủ trì lễ đón …"
			// after a title that named the welcome: the sentence that holds it
			// dates and places it
			if kind == lineText && introduced && !planned {
				undated := ev.Date.IsZero()
				a.fillMissing(ev, s, spans)
				// "… kết thúc chuyến tuần tra liên hợp lần thứ 39" then "Trong
				// hai ngày 19-20/11, hải quân hai nước đã tiến hành tuần tra
				// liên hợp lần thứ 39 tại vùng biển vịnh Bắc bộ": the sentence
				// that first dates a meeting named without a day speaks of it,
				// and its "tại" after the meeting word says where it was
				if undated && !ev.Date.IsZero() && ref == nil {
					ref = ev
					if ev.Location == "" {
						ev.Location = a.placeAfterTrigger(spans, k)
					}
				}
			}
			// "Lễ đón diễn ra trọng thể tại Trụ sở Bộ Quốc phòng, …": the
			// meeting as the subject of a verb that holds it, and where
			if kind == lineText && !planned && ev.Location == "" && subjectIsEvent(spans[:k+1]) {
				ev.Location = a.placeHeldAfter(spans, k+1)
			}
			// "…, lễ đón Tàu 015 và đoàn công tác đã diễn ra trang trọng tại
			// cầu cảng Thanh Đảo": where its clause says it was held, and by whom
			if kind == lineText && !planned && heldAtPlace >= 0 {
				if ev.Location == "" {
					ev.Location = a.place(spans, heldAtPlace)
				}
				if ev.Organizer == "" && heldBy >= 0 {
					ev.Organizer = a.orgOf(spans[heldBy]).Name
				}
			}
			if ev.Location == "" && k+1 < len(spans) && spans[k+1].Value == "tại" {
				ev.Location = a.place(spans, k+1)
			}
			continue
		}
		hasDate := sc.firstDate >= 0
		// "Sáng 1/12, tàu … đã cập cảng Thanh Đảo." then "… trong chuyến thăm
		// xã giao ba nước của đoàn": the visit began at that arrival
		if sp.Value == visitKind && kind == lineText && !planned && opened == nil && !hasDate {
			if ev := a.visitFromArrival(); ev != nil {
				open(ev)
				ref = ev
				continue
			}
		}
		if kind == lineText && !planned && a.g.frame(sp.Value).OpensLower && (hasDate || sc.afterBoth[k] || sc.afterActor[k]) && (len(a.facts.Events) == 0 || sp.Value != "hội nghị") && (sp.Value != "chuyến thăm" || hasDate && opened == nil) {
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
	if ref == nil {
		ref = a.programmeScene(spans)
	}
	// "Tại buổi lễ, …" after a sentence about an earlier meeting: a sentence
	// that opens at a meeting the text told of goes back to it
	if opened == nil && ref != nil && ref != a.current && kind == lineText && sceneOpening(a, spans) {
		a.current = ref
	}
	a.noteArrival(spans, kind, planned)
	// "Thành phần dự hội đàm … như tại lễ đón": the current meeting's attendees
	// are the earlier one's
	for k := 0; k+1 < len(spans); k++ {
		if spans[k].Value != "như" {
			continue
		}
		j := k + 1
		if spans[j].Value == "tại" && j+1 < len(spans) {
			j++
		}
		if spans[j].Kind != SpanEvent || a.current == nil {
			continue
		}
		if src := a.eventOfKind(spans[j].Value); src != nil && src != a.current {
			for _, p := range src.Attendees {
				a.current.Attendees = appendPerson(a.current.Attendees, p)
			}
		}
	}
	// "SDD năm nay do Bộ Quốc phòng Hàn Quốc tổ chức": an organizer named later
	if ev := ref; opened == nil && (ev != nil || a.current != nil) {
		if ev == nil {
			ev = a.current
		}
		if ev.Organizer == "" {
			for j := 0; j+2 < len(spans); j++ {
				if spans[j].Value == "do" && spans[j+1].Kind == SpanOrg && spans[j+2].Kind == SpanVerb && spans[j+2].Value == "organize" {
					ev.Organizer = a.orgOf(spans[j+1]).Name
					break
				}
			}
		}
	}
	// (a sentence whose subject is the meeting names documents it did not
	// review too: "Hội nghị xác định, năm 2019, công tác … cần bám sát tinh
	// thần … Nghị quyết số 806": only a review verb makes one its subject)
	// "Tại hội nghị, các đại biểu thảo luận, góp ý vào dự thảo Đề án …": a
	// document that a review verb governs, also through a list ("quán triệt
	// sáu nghị quyết …, gồm: Nghị quyết số …; Nghị quyết số …")
	// ("Các đại biểu được nghe quán triệt … Nghị quyết số 24-NQ/TW …": a
	// sentence with no meeting word of its own reviews for the meeting the
	// text is telling)
	about := ref
	if about == nil && kind == lineText && !planned {
		about = a.current
	}
	if about != nil {
		for t := s.t0; t < s.t1; t++ {
			if name, ok := a.docAt[t]; ok && (a.reviewedAt(t) || a.reviewedListAt(s.t0, t) || ref != nil && a.issuedByMeetingAt(spans, t) || a.reviewChainAt(spans, t)) {
				about.About = appendUnique(about.About, name)
			}
		}
	}
	return ref
}

// issuedByMeetingAt reports a document at token t that a meeting issues: a
// verb of issuing_verbs.txt between a meeting word and it ("Hội nghị ra Nghị
// quyết lãnh đạo …", "hội nghị đã thông qua Nghị quyết …"); the meeting
// launched it (GUIDELINES: about).
func (a *analysis) issuedByMeetingAt(spans []Chunk, t int) bool {
	v := a.g.issuingBefore(a.toks, t)
	if v < 1 {
		return false
	}
	j := v - 1
	if a.g.evWord(a.toks[j].Key, ewAspect) && j > 0 {
		j-- // "đã"
	}
	for _, sp := range spans {
		if sp.Kind == SpanEvent && sp.T1-1 == j {
			return true
		}
	}
	return false
}

// reviewChainAt reports a document at token t that the words before it say a
// meeting reviews: walking back over review links (event_words.tsv
// review-link: "triển khai", "thực hiện", "kết quả"), commas, "và" and
// numbers, it reaches a review verb (review: "đánh giá", "học tập"; or one of
// reviewWords: "quán triệt", "tổng kết") or,
// past at least one link, the meeting word itself ("Hội nghị học tập, quán
// triệt, triển khai thực hiện Nghị quyết …"; "các đại biểu đánh giá kết quả
// thực hiện Nghị quyết …").
func (a *analysis) reviewChainAt(spans []Chunk, t int) bool {
	meetingEnd := map[int]bool{}
	for _, sp := range spans {
		if sp.Kind == SpanEvent {
			meetingEnd[sp.T1] = true
		}
	}
	// endingAt is the length of a phrase of class c that ends at token j
	endingAt := func(j int, c eventWordClass) int {
		for start := max(j-3, 0); start <= j; start++ {
			if n := a.g.evPhraseAt(a.toks, start, j+1, c); n == j+1-start {
				return n
			}
		}
		return 0
	}
	linked := false
	for j := t - 1; j >= 0 && j >= t-20; {
		if linked && meetingEnd[j+1] || endingAt(j, ewReview) > 0 || a.reviewVerbAt(j) {
			return true
		}
		if n := endingAt(j, ewReviewLink); n > 0 {
			j -= n
			linked = true
			continue
		}
		if tk := a.toks[j]; tk.Text == "," || tk.Key == "và" || tk.Kind == Number {
			j--
			continue
		}
		return false
	}
	return false
}

// ownDay reports a sentence that gives its own day: a date, a part of the
// day it opens with ("Chiều cùng ngày"), or "cùng ngày".
func (a *analysis) ownDay(spans []Chunk) bool {
	if !a.ev.sentDate.IsZero() || a.ev.sentPart != "" {
		return true
	}
	for k := 0; k+1 < len(spans) && k < 4; k++ {
		if spans[k].Value == "cùng" && spans[k+1].Value == "ngày" {
			return true
		}
	}
	return false
}

// delegationBefore reports a delegation word (event_words.tsv delegation:
// "Đoàn") that opens the clause of spans[k] right before it, past fillers
// and aspect words ("Chiều cùng ngày, Đoàn đã đặt vòng hoa …").
func (a *analysis) delegationBefore(spans []Chunk, k int) bool {
	j := k - 1
	// ("Đoàn … do A dẫn đầu đã đến chào xã giao B": past a word of travel
	// or arrival, and past the heads the delegation is led by)
	for j >= 0 && spans[j].Kind == SpanOther && (a.g.is(spans[j].Value, wFiller) || a.g.evWord(spans[j].Value, ewAspect) ||
		a.g.evWord(spans[j].Value, ewArrival) || a.g.evWord(spans[j].Value, ewTravel)) {
		j--
	}
	if j >= 0 && spans[j].Kind == SpanVerb && spans[j].Value == "lead" {
		for i := j - 1; i >= 0 && i >= j-16; i-- {
			if sp := spans[i]; sp.Kind == SpanOther && sp.Value == "do" {
				for j = i - 1; j >= 0 && j > i-8 && !a.delegationWord(spans[j]); j-- {
					if sp := spans[j]; sp.Kind != SpanOther && sp.Kind != SpanOrg && sp.Kind != SpanName && sp.Kind != SpanCountry {
						return false
					}
				}
				break
			}
		}
	}
	if j < 0 || !a.delegationWord(spans[j]) {
		return false
	}
	return j == 0 || spans[j-1].Kind == SpanSep && spans[j-1].Value == "," || spans[j-1].Kind == SpanDate
}

// progressiveBefore reports "đang" earlier in the clause of spans[k].
func (a *analysis) progressiveBefore(spans []Chunk, k int) bool {
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		if spans[j].Kind == SpanSep && (spans[j].Value == "," || spans[j].Value == ";") {
			return false
		}
		if spans[j].Kind == SpanOther && spans[j].Value == "đang" {
			return true
		}
	}
	return false
}

// sameOccasion reports a sentence right after the one that opened the
// current event, a named one, that gives no day, part of day, place ("tại"
// anywhere) or time lead of its own.
func (a *analysis) sameOccasion(spans []Chunk) bool {
	cur := a.current
	if cur == nil || !cur.named || a.ev.openedSent[cur] != a.sent-1 || a.ownDay(spans) || a.sentencePlace(spans) != "" {
		return false
	}
	for _, sp := range spans {
		if sp.Kind == SpanDate || sp.Kind == SpanOther && sp.Value == "tại" {
			return false
		}
	}
	return len(spans) > 0 && !(spans[0].Kind == SpanOther && a.g.evWord(spans[0].Value, ewTimeLead))
}

// partOf is the event a sentence says is a part of the programme named at
// spans[k]: the sentence's subject, a meeting the text told of, then a part
// word and "của" before the programme ("Hội đàm cũng là hoạt động mở đầu
// chuỗi hoạt động của Chương trình giao lưu …"); nil if none.
func (a *analysis) partOf(spans []Chunk, k int) *EventFact {
	if len(spans) == 0 || spans[0].Kind != SpanEvent || a.current == nil {
		return nil
	}
	ofAt := -1
	for j := k - 1; j >= 1 && j >= k-4; j-- {
		if spans[j].Kind == SpanOther && spans[j].Value == "của" {
			ofAt = j
			break
		}
	}
	if ofAt < 0 {
		return nil
	}
	for j := 1; j < ofAt; j++ {
		if spans[j].Kind == SpanOther && a.g.evPhraseAt(a.toks, spans[j].T0, spans[ofAt].T0, ewPartWord) > 0 {
			if ev := a.eventOfKind(spans[0].Value); ev != nil {
				return ev
			}
			return a.current
		}
		if spans[j].Kind != SpanOther {
			return nil
		}
	}
	return nil
}

// visitWordBefore reports a word of class c (visit-end "khép lại") right before the visit word at spans[k], past fillers.
func (a *analysis) visitWordBefore(spans []Chunk, k int, c eventWordClass) bool {
	j := k - 1
	for j >= 0 && spans[j].Kind == SpanOther && a.g.is(spans[j].Value, wFiller) {
		j--
	}
	// ("khép lại chuyến tuần tra chung …": past the classifier of the trip)
	if j > 0 && spans[j].Kind == SpanOther && a.g.evWord(spans[j].Value, ewCountUnit) {
		j--
	}
	for i := j; i >= 0 && i >= j-1; i-- {
		if spans[i].Kind == SpanOther && a.g.evPhraseAt(a.toks, spans[i].T0, spans[j].T1, c) == spans[j].T1-spans[i].T0 {
			return true
		}
	}
	return false
}

// mentionBefore reports a person named before spans[k].
func mentionBefore(ms []mention, k int) bool {
	for _, m := range ms {
		if m.k1 <= k {
			return true
		}
	}
	return false
}

// groupAt reports a travelling group named at spans[k] (event_words.tsv
// delegation: "đoàn", "nhóm chỉ huy đội tàu") and not followed by a name of
// its own.
func (a *analysis) groupAt(spans []Chunk, k int) bool {
	return k < len(spans) && spans[k].Kind == SpanOther && a.g.evPhraseAt(a.toks, spans[k].T0, len(a.toks), ewDelegation) > 0
}

// sceneOpening reports a sentence that opens with a scene word and a meeting
// word ("Tại buổi lễ, …", "Tại hội nghị, …").
func sceneOpening(a *analysis, spans []Chunk) bool {
	for k := 0; k < len(spans) && k < 3; k++ {
		if spans[k].Kind == SpanEvent {
			return k > 0
		}
		if spans[k].Kind != SpanOther || !a.g.is(spans[k].Value, wScene) {
			return false
		}
	}
	return false
}

// occasionCount reports a sentence that counts an occasion before any meeting
// word (event_words.tsv occasion: "Đây là lần thứ tư lực lượng Cảnh sát biển
// hai nước tổ chức tuần tra liên hợp …"): it tells how often meetings were
// held, and opens none.
func (a *analysis) occasionCount(spans []Chunk) bool {
	for _, sp := range spans {
		if sp.Kind == SpanEvent {
			return false
		}
		if sp.Kind == SpanOther && a.g.evPhraseAt(a.toks, sp.T0, len(a.toks), ewOccasion) > 0 {
			return true
		}
	}
	return false
}

// toldInPassing reports a sentence whose meetings are told in passing: under
// a time that names no day, as a count of occasions, or years back.
func (a *analysis) toldInPassing(spans []Chunk) bool {
	return a.vagueTimeOpening(spans) || a.occasionCount(spans) || a.yearsAgo(spans)
}

// yearsAgo reports a sentence that, before any meeting word, counts years or
// months back (event_words.tsv ago, with a numeral and a vague unit):
// "Được biết, trước đó hai năm, A và B đã đồng chủ trì Đối thoại …", "Ba năm
// trước, …": a meeting told so, with no day, is told in passing.
func (a *analysis) yearsAgo(spans []Chunk) bool {
	toks := a.toks
	for _, sp := range spans {
		if sp.Kind == SpanEvent || sp.Kind == SpanDate {
			return false
		}
		t := sp.T0
		if sp.Kind != SpanOther || t+1 >= len(toks) || !(toks[t].Kind == Number || a.g.evWord(toks[t].Key, ewNumeral)) || !a.g.evWord(toks[t+1].Key, ewVagueUnit) {
			continue
		}
		// "trước đó hai năm" (a word or two right before the count)
		if t >= 1 && a.g.evWord(toks[t-1].Key, ewAgo) || t >= 2 && a.g.evWord(toks[t-2].Key+" "+toks[t-1].Key, ewAgo) {
			return true
		}
		// "hai năm trước"
		if a.g.evPhraseAt(toks, t+2, len(toks), ewAgo) > 0 {
			return true
		}
	}
	return false
}

// vagueTimeOpening reports a sentence that opens with a time that names no
// day: optional leads (event_words.tsv vague-lead: "hồi", "trong"), a unit
// of time (vague-unit: "tháng", "năm"), a number or a word of the past
// (vague-past: "ngoái", "qua"), and a comma within a few words ("Tháng
// 3/2023,", "Hồi tháng 2/2023,", "Năm ngoái,", "Tháng 9 năm ngoái,"), also
// after a time lead ("Trước đó, tháng 9/2019,"); after a vague lead, the
// unit alone ("Trong năm,").
func (a *analysis) vagueTimeOpening(spans []Chunk) bool {
	if len(spans) == 0 || spans[0].Kind == SpanDate {
		return false
	}
	toks := a.toks
	s := sentence{spans[0].T0, spans[len(spans)-1].T1}
	i := s.t0
	// "Trước đó, tháng 9/2019, …": past a time lead and its comma
	for i < s.t1 && toks[i].Kind == Word && a.g.evWord(toks[i].Key, ewTimeLead) {
		i++
	}
	if i > s.t0 && i < s.t1 && toks[i].Text == "," {
		i++
	} else {
		i = s.t0
	}
	opening := i
	for i < s.t1 && toks[i].Kind == Word && a.g.evWord(toks[i].Key, ewVagueLead) {
		i++
	}
	if i+1 >= s.t1 || toks[i].Kind != Word || !a.g.evWord(toks[i].Key, ewVagueUnit) {
		return false
	}
	// "Trong năm, …": after a lead, the unit alone
	if i > opening && toks[i+1].Text == "," {
		return true
	}
	if n := toks[i+1]; n.Kind != Number && !(n.Kind == Word && a.g.evWord(n.Key, ewVaguePast)) {
		return false
	}
	for j := i + 2; j < s.t1 && j <= i+6; j++ {
		if toks[j].Text == "," {
			return true
		}
		if toks[j].Kind == Word && !a.g.evWord(toks[j].Key, ewVagueUnit|ewVaguePast) {
			return false
		}
	}
	return false
}

// undatedBackstory reports a sentence that opens with "Trước đó," and gives
// no date ("Trước đó, lực lượng hai tỉnh đã tổ chức dâng hương tại …"): with
// no one named either, what it tells before the story has no day of its own
// and is told in passing (GUIDELINES: a past meeting counts only with its own
// day and a named participant).
func (a *analysis) undatedBackstory(spans []Chunk) bool {
	if len(spans) < 3 || spans[0].Kind != SpanOther || spans[0].Value != "trước" || spans[1].Kind != SpanOther || spans[1].Value != "đó" || spans[2].Kind != SpanSep {
		return false
	}
	for _, sp := range spans {
		if sp.Kind == SpanDate {
			return false
		}
	}
	return !a.ownDay(spans)
}

// backstory reports a sentence that opens with "Trước đó" (a time lead and
// "đó") and a date: what it tells happened before the story.
func (a *analysis) backstory(spans []Chunk) bool {
	return len(spans) > 3 && spans[0].Kind == SpanOther && spans[0].Value == "trước" && spans[1].Kind == SpanOther && spans[1].Value == "đó" &&
		spans[2].Kind == SpanSep && spans[3].Kind == SpanDate
}

// ceremonies reads a ceremony that no trigger names, from its words: "lễ"
// (event_words.tsv ceremony) and the plain words after it, or an opening or
// closing word (ceremony-act: "bế mạc") with no meeting word after it, held by
// the verb before it ("Bộ Quốc phòng tổ chức lễ công bố quyết định …", "đã
// diễn ra lễ trao tặng huân chương …", "Cục Đối ngoại tổ chức bế mạc lớp tập
// huấn …") or, as a clause's subject, by the verb after its name ("Lễ chuyển
// giao diễn ra ngay sau …"). The head's span becomes the event trigger, of
// kind "lễ" and the act's words ("lễ công bố", "lễ bế mạc"); "làm lễ chào cột
// mốc", a rite inside another event, and "dự lễ …" are left.
func (a *analysis) ceremonies(spans []Chunk) {
	for k := 0; k+1 < len(spans); k++ {
		sp := spans[k]
		// ("Lễ" opening a sentence is read as a one-word name)
		if sp.Kind != SpanOther && !(sp.Kind == SpanName && sp.T1-sp.T0 == 1) || a.inDoc[sp.T0] {
			continue
		}
		// one look-up for the words no ceremony rule reads (most of them)
		if a.g.evPhraseAt(a.toks, sp.T0, len(a.toks), ewCeremony|ewCeremonyAct|ewReviewAct|ewFieldAct) == 0 {
			continue
		}
		head := a.g.evPhraseAt(a.toks, sp.T0, sp.T1, ewCeremony) == sp.T1-sp.T0
		if !head && sp.Kind != SpanOther {
			continue
		}
		// "Phát biểu tại buổi sơ kết, …": the review the text told of
		if !head && k > 0 && spans[k-1].Kind == SpanOther && spans[k-1].Value == "buổi" {
			if n := a.g.evPhraseAt(a.toks, sp.T0, len(a.toks), ewReviewAct); n > 0 && sp.T1 == sp.T0+n || n > 0 && k+1 < len(spans) && spans[k+1].T1 == sp.T0+n {
				for i := len(a.facts.Events) - 1; i >= 0; i-- {
					if e := a.facts.Events[i]; strings.HasPrefix(e.Kind, "hội nghị") {
						spans[k].Kind, spans[k].Value = SpanEvent, e.Kind
						break
					}
				}
				continue
			}
		}
		// "Tại buổi lễ, …", "Dự buổi lễ có …": the ceremony the text told of
		if head && k > 0 && spans[k-1].Kind == SpanOther && spans[k-1].Value == "buổi" {
			for i := len(a.facts.Events) - 1; i >= 0; i-- {
				if e := a.facts.Events[i]; strings.HasPrefix(e.Kind, "lễ ") {
					spans[k].Kind, spans[k].Value = SpanEvent, e.Kind
					break
				}
			}
			continue
		}
		next := k + 1
		act := ""
		actKind := ""
		if !head {
			n := a.g.evPhraseAt(a.toks, sp.T0, len(a.toks), ewCeremonyAct)
			switch {
			case n > 0:
			case a.g.evPhraseAt(a.toks, sp.T0, len(a.toks), ewReviewAct) > 0:
				// "tổ chức sơ kết dự án": a review is a conference
				n = a.g.evPhraseAt(a.toks, sp.T0, len(a.toks), ewReviewAct)
				actKind = "hội nghị " + Fold(a.tokText(sp.T0, sp.T0+n))
			case a.g.evPhraseAt(a.toks, sp.T0, len(a.toks), ewFieldAct) > 0:
				// "tổ chức kiểm tra thực tế kết quả …": a field inspection
				n = a.g.evPhraseAt(a.toks, sp.T0, len(a.toks), ewFieldAct)
				actKind = Fold(a.tokText(sp.T0, min(sp.T0+2, sp.T0+n)))
			}
			if n == 0 {
				continue
			}
			for next < len(spans) && spans[next].T0 < sp.T0+n {
				next++
			}
			act = a.tokText(sp.T0, sp.T0+n)
		}
		// (an act is followed by what it opens, closes or reviews, not by a
		// meeting word: "bế mạc Hội nghị …" is the meeting's)
		if next >= len(spans) || spans[next].Kind != SpanOther || a.toks[spans[next].T0].Kind != Word && (head || a.toks[spans[next].T0].Kind != Number) ||
			head && a.g.isFunction(spans[next].Value) {
			continue
		}
		if head {
			// "lễ công bố quyết định": the act is the plain lower-case words
			// after the head, at most two
			e := next
			for e < len(spans) && spans[e].T1 <= spans[next].T0+2 && spans[e].Kind == SpanOther && !a.toks[spans[e].T0].Cap && a.toks[spans[e].T0].Kind == Word && !a.g.isFunction(spans[e].Value) {
				e++
			}
			if e == next {
				continue
			}
			act = a.tokText(spans[next].T0, spans[e-1].T1)
		}
		j := k - 1
		for j >= 0 && spans[j].Kind == SpanOther && (a.g.is(spans[j].Value, wFiller) || spans[j].Value == "ra") {
			j--
		}
		heldBefore := j >= 0 && (spans[j].Kind == SpanVerb && (spans[j].Value == "organize" || spans[j].Value == "chair") ||
			spans[j].Kind == SpanOther && a.g.is(spans[j].Value, wIntro) && spans[j].T1 < sp.T0)
		heldAfter := false
		if !heldBefore && head {
			spans[k].Kind = SpanEvent // for the clause and the name's end
			if clauseSubject(spans, k) {
				_, _, heldAfter = a.heldClause(spans, a.eventNameEnd(spans, k))
			}
			spans[k].Kind = sp.Kind
		}
		if !heldBefore && !heldAfter {
			continue
		}
		if actKind != "" && !heldBefore {
			continue // a review or an inspection is read only after the verb that holds it
		}
		spans[k].Kind = SpanEvent
		spans[k].Value = "lễ " + strings.ToLower(act)
		if actKind != "" {
			spans[k].Value = actKind
		}
		if a.ev.ceremony == nil {
			a.ev.ceremony = map[int]bool{}
		}
		a.ev.ceremony[sp.T0] = true
	}
}

// tripPurpose is what the travellers of a story of their departure go to
// attend: the kinds of meeting its name holds, and the day they left.
type tripPurpose struct {
	kinds map[string]bool
	date  Date
}

// travelBefore reports a word of travel or arrival in the few spans before
// spans[j] ("sang Bắc Kinh dự", "lên đường sang Lào tham dự").
func (a *analysis) travelBefore(spans []Chunk, j int) bool {
	for i := j - 1; i >= 0 && i >= j-4; i-- {
		if sp := spans[i]; sp.Kind == SpanOther && a.g.evPhraseAt(a.toks, sp.T0, sp.T1+1, ewTravel|ewArrival) > 0 {
			return true
		}
	}
	return false
}

// partOfVisit reports a meeting of kind held, in a sentence that holds it
// ("A và B đồng chủ trì buổi làm việc"), in the story of a visit: the
// article's current event is a visit, and kind is another; a visit's parts
// (its working session, its talks) are events of their own (GUIDELINES).
func (a *analysis) partOfVisit(kind string) bool {
	return a.current != nil && a.current.Kind == visitKind && kind != visitKind
}

// doneAt reports the aspect word right before spans[k] ("đã hội đàm"): the
// meeting word is the clause's verb, told as done.
func (a *analysis) doneAt(spans []Chunk, k int) bool {
	return k > 0 && spans[k-1].Kind == SpanOther && a.g.evWord(spans[k-1].Value, ewAspect)
}

// visitDone reports the visit word at spans[k] told as done, right after a
// word of travel or arrival and the aspect word ("đã đến thăm", "đã sang
// thăm"), its clause opened by the sentence's day at spans[d] (no verb but
// that of a delegation's head, no meeting word, between them): it reports the visit of that day, not one in
// passing ("đang thăm", "nhân dịp đoàn sang thăm"). What stands before the
// day may be anything ("Nhân kỷ niệm 80 năm Quốc khánh …, hôm qua (28/8),
// Đoàn … đã sang thăm").
func (a *analysis) visitDone(spans []Chunk, d, k int) bool {
	if k < 2 || d >= k-2 {
		return false
	}
	for _, sp := range spans[d+1 : k-2] {
		// (the heads of the delegation may stand there: "do A làm trưởng đoàn")
		if sp.Kind == SpanVerb && sp.Value != "lead" || sp.Kind == SpanEvent {
			return false
		}
	}
	move, aspect := spans[k-1], spans[k-2]
	return move.Kind == SpanOther && (a.g.evWord(move.Value, ewArrival) || a.g.evWord(move.Value, ewTravel)) &&
		aspect.Kind == SpanOther && a.g.evWord(aspect.Value, ewAspect)
}

// appositiveVisit opens the visit that an appositive clause after a guest
// tells of ("…, đang thăm chính thức Việt Nam từ ngày 24 đến 25-1"): the visit
// word at spans[k] after "đang" (or "đang có"), a range of days after it in
// its clause; the person the clause follows attends it, and its first day
// dates it. It returns nil when spans[k] is no such clause.
func (a *analysis) appositiveVisit(s sentence, spans []Chunk, ms []mention, k int) *EventFact {
	sp := spans[k]
	if !(sp.Kind == SpanEvent && sp.Value == visitKind || sp.Kind == SpanOther && a.g.evWord(sp.Value, ewVisit)) {
		return nil
	}
	j := k - 1
	if j >= 0 && spans[j].Kind == SpanOther && spans[j].Value == "có" {
		j--
	}
	if j < 1 || spans[j].Kind != SpanOther || spans[j].Value != "đang" || spans[j-1].Kind != SpanSep || spans[j-1].Value != "," {
		return nil
	}
	d := dateAfter(spans, k)
	if d < 0 || !dateRange(a.toks, spans[d]) {
		return nil
	}
	var guest *PersonFact
	for _, m := range ms {
		if m.name < j-1 && m.k1 <= j && m.p != nil {
			guest = m.p
		}
	}
	if guest == nil {
		return nil
	}
	ev := &EventFact{Kind: visitKind}
	if a.toks[sp.T0].Key == "chuyến" {
		// "chuyến thăm chính thức Việt Nam": named as written
		if end := a.eventNameEnd(spans, k); end > k+1 {
			ev.Name = eventName(a.text.Norm[sp.Start:spans[end-1].End])
		}
	}
	a.facts.Events = append(a.facts.Events, ev)
	ev.Date = a.dateOf(spans[d], s)
	ev.Location = a.visitPlace(spans, k)
	ev.Attendees = appendPerson(ev.Attendees, guest)
	return ev
}

// visitDays reports the date at spans[d] as the days of a visit named right
// before it ("chuyến thăm chính thức Canada từ ngày 4 đến 12/5", "thăm Việt
// Nam từ ngày 23 đến 24/1"): a word of the visit's name, a country or a
// place may stand between, no clause break or other event.
func visitDays(spans []Chunk, d int) bool {
	for j := d - 1; j >= 0 && j >= d-6; j-- {
		switch sp := spans[j]; {
		case sp.Kind == SpanEvent:
			return sp.Value == visitKind
		case sp.Kind == SpanOther && sp.Value != ".", sp.Kind == SpanCountry, sp.Kind == SpanName:
		default:
			return false
		}
	}
	return false
}

// visitKind is the event kind of visits.
const visitKind = "chuyến thăm"

// dateAfter is the index of the first date after spans[k] in its clause (up
// to a ";" or a full stop), -1 if none.
func dateAfter(spans []Chunk, k int) int {
	for j := k + 1; j < len(spans); j++ {
		switch {
		case spans[j].Kind == SpanDate:
			return j
		case spans[j].Kind == SpanSep && spans[j].Value == ";", spans[j].Kind == SpanOther && spans[j].Value == ".":
			return -1
		}
	}
	return -1
}

// visitPlace is where a visit goes: the place after "tại" that follows the
// visit word ("thăm, làm việc tại Nhật Bản"), else the destination of an
// arrival before it ("đã tới Hà Nội, bắt đầu chuyến thăm"). The country
// visited ("thăm chính thức Lào") is no place of the visit.
func (a *analysis) visitPlace(spans []Chunk, k int) string {
	for j := k + 1; j < len(spans) && j < k+8; j++ {
		sp := spans[j]
		// ("chuyến thăm hữu nghị tới thành phố Đà Nẵng": its destination)
		if sp.Kind == SpanOther && (sp.Value == "tại" || a.g.evWord(sp.Value, ewArrival)) {
			if p := a.visitPlaceOf(spans, j); p != "" || sp.Value == "tại" {
				return p
			}
		}
		if sp.Kind != SpanOther && sp.Kind != SpanSep && sp.Kind != SpanEvent && sp.Kind != SpanCountry {
			break
		}
	}
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		if sp := spans[j]; sp.Kind == SpanOther && a.g.evWord(sp.Value, ewArrival) {
			if p := a.visitPlaceOf(spans, j); p != "" {
				return p
			}
		}
	}
	return ""
}

// heldAt reads a meeting as the subject of a verb that holds it at a place,
// after its name ends at spans[end]: "Lễ đón … diễn ra trang trọng tại cầu
// cảng Thanh Đảo", "Lễ đón tàu … được tổ chức tại cầu cảng", "Lễ đón đội tàu
// được Bộ Tư lệnh Vùng 4 Hải quân tổ chức ngay tại cầu cảng". It returns the
// index of "tại" (-1 if the sentence says no such thing) and of the body that
// holds it (-1 if none).
func (a *analysis) heldAt(spans []Chunk, end int) (at, org int) {
	at, org, _ = a.heldClause(spans, end)
	return at, org
}

// heldClause is heldAt, and held reports the verb that holds the meeting
// even when the sentence names no place ("…, lễ kết nghĩa … đã được tổ
// chức.").
func (a *analysis) heldClause(spans []Chunk, end int) (at, org int, held bool) {
	j := end
	if j < len(spans) && spans[j].Kind == SpanSep && spans[j].Value == "," {
		j++
	}
	// the rest of what the meeting is of, when its name stopped short ("Lễ
	// đón tàu Trần Hưng Đạo được tổ chức …")
	for n := 0; n < 8 && j < len(spans) && (spans[j].Kind == SpanName || spans[j].Kind == SpanCountry || spans[j].Kind == SpanOrg || spans[j].Kind == SpanOther && spans[j].Value != "được" &&
		a.g.evPhraseAt(a.toks, spans[j].T0, len(a.toks), ewHeldAfter) == 0 && !a.g.isFunction(spans[j].Value)); n++ {
		j++
	}
	// "lễ đón đoàn đại biểu … do Thượng tướng A làm trưởng đoàn diễn ra …":
	// the guests' head, a clause inside the meeting's subject
	if j < len(spans) && spans[j].Kind == SpanOther && spans[j].Value == "do" {
		for t := j + 1; t < len(spans) && t < j+8; t++ {
			if spans[t].Kind == SpanVerb {
				if spans[t].Value == "lead" {
					j = t + 1
				}
				break
			}
		}
	}
	for j < len(spans) && spans[j].Kind == SpanOther && a.g.is(spans[j].Value, wFiller) {
		j++
	}
	org = -1
	switch {
	case j < len(spans) && spans[j].Kind == SpanOther && a.g.evPhraseAt(a.toks, spans[j].T0, len(a.toks), ewHeldAfter) > 0:
		j++
	case j+1 < len(spans) && spans[j].Kind == SpanOther && spans[j].Value == "được":
		j++
		if spans[j].Kind == SpanOrg {
			org = j
			j++
		}
		if j >= len(spans) || spans[j].Kind != SpanVerb || spans[j].Value != "organize" {
			return -1, -1, false
		}
		j++
	default:
		return -1, -1, false
	}
	// "trang trọng", "ngay": a few plain words before the place
	for t := j; t < len(spans) && t < j+4; t++ {
		if spans[t].Kind != SpanOther {
			break
		}
		if spans[t].Value == "tại" {
			return t, org, true
		}
	}
	// "Mở đầu chương trình, tại Cửa khẩu Densavan, lễ đón Đoàn đại biểu Việt
	// Nam được tổ chức trang trọng …": the place the sentence opens with, in
	// a clause of its own before the meeting's
	for t := 0; t < end; t++ {
		if spans[t].Kind == SpanSep && spans[t].Value == ";" || spans[t].Kind == SpanVerb {
			break
		}
		if spans[t].Kind == SpanOther && spans[t].Value == "tại" && (t == 0 || spans[t-1].Kind == SpanSep && spans[t-1].Value == ",") {
			return t, org, true
		}
	}
	return -1, -1, true
}

// clauseSubject reports a trigger at spans[k] that opens its clause: at the
// sentence's start (after a date) or after a comma ("Ngay sau khi tàu cập
// cảng, lễ đón … đã diễn ra …").
func clauseSubject(spans []Chunk, k int) bool {
	return subjectIsEvent(spans[:k+1]) || k > 0 && spans[k-1].Kind == SpanSep && spans[k-1].Value == ","
}

// placeAfterTrigger is the place after the first "tại" that follows the
// meeting word at spans[k] in its clause, past words of its name, "" if none.
func (a *analysis) placeAfterTrigger(spans []Chunk, k int) string {
	for j := k + 1; j < len(spans) && j < k+8; j++ {
		switch sp := spans[j]; {
		case sp.Kind == SpanOther && sp.Value == "tại":
			return a.place(spans, j)
		case sp.Kind == SpanOther && sp.Value != ".", sp.Kind == SpanCountry, sp.Kind == SpanOrg:
		default:
			return ""
		}
	}
	return ""
}

// placeHeldAfter is the place after "tại" that follows a verb that holds a
// meeting, within a few words after spans[from] ("diễn ra trọng thể tại X").
func (a *analysis) placeHeldAfter(spans []Chunk, from int) string {
	for j := from; j < len(spans) && j < from+3; j++ {
		if spans[j].Kind != SpanOther || a.g.evPhraseAt(a.toks, spans[j].T0, len(a.toks), ewHeldAfter) == 0 {
			continue
		}
		for t := j + 1; t < len(spans) && t < j+6; t++ {
			if spans[t].Kind == SpanOther && spans[t].Value == "tại" {
				return a.place(spans, t)
			}
			if spans[t].Kind != SpanOther {
				return ""
			}
		}
	}
	return ""
}

// heldAfter reports a meeting's name followed by a verb that holds it and a
// date: "…, diễn ra ngày 17/4", "… kéo dài từ ngày 19 đến 21/11".
func (a *analysis) heldAfter(spans []Chunk, end int) bool {
	j := end
	if j < len(spans) && spans[j].Kind == SpanSep && spans[j].Value == "," {
		j++
	}
	for j < len(spans) && spans[j].Kind == SpanOther && a.g.is(spans[j].Value, wFiller) {
		j++
	}
	if j >= len(spans) || spans[j].Kind != SpanOther || a.g.evPhraseAt(a.toks, spans[j].T0, len(a.toks), ewHeldAfter) == 0 {
		return false
	}
	// "…, diễn ra tại thủ đô Washington từ ngày 29.9": the place after "tại"
	// may stand before the date
	at := false
	for k := j + 1; k < len(spans) && k < j+8; k++ {
		switch sp := spans[k]; {
		case sp.Kind == SpanDate:
			return true
		case sp.Kind == SpanOther:
			at = at || sp.Value == "tại"
		case at && (sp.Kind == SpanName || sp.Kind == SpanCountry || sp.Kind == SpanOrg):
		default:
			return false
		}
	}
	return false
}

// sceneAt reports whether the trigger at spans[k] names the sentence's scene:
// after "tại", "trong", "sau", "kết thúc", "bên lề" or a role verb, or as the
// sentence's subject.
func (a *analysis) sceneAt(spans []Chunk, k int) bool {
	j := k - 1
	for j >= 0 && spans[j].Kind == SpanOther && a.g.is(spans[j].Value, wFiller) {
		j--
	}
	// "Đại tướng A khẳng định, giao lưu … là hoạt động thiết thực": a meeting
	// word in what someone says is no scene
	if j > 0 && spans[j].Kind == SpanSep && spans[j].Value == "," && spans[j-1].Kind == SpanVerb && spans[j-1].Value == "speak" {
		return false
	}
	if j < 0 || spans[j].Kind == SpanDate || spans[j].Kind == SpanSep && spans[j].Value == "," && subjectIsEvent(spans[j+1:]) {
		return true
	}
	sp := spans[j]
	// "Chủ tịch nước hoan nghênh chuyến thăm …", "A nhấn mạnh chuyến thăm mang
	// ý nghĩa đặc biệt": a visit that someone speaks of is the topic of what is
	// said at one of its meetings, not the scene
	// (on the day of the meeting the text is at: a sentence dated another day
	// may speak of the visit itself)
	if sp.Kind == SpanVerb && sp.Value == "speak" && spans[k].Value == visitKind && a.current != nil && a.current.Kind != visitKind &&
		(a.ev.sentDate.IsZero() || a.ev.sentDate == a.current.Date) {
		return false
	}
	return sp.Kind == SpanVerb || sp.Kind == SpanOther && a.g.is(sp.Value, wScene)
}

// programmeKind is the event kind of exchange programmes, whose parts are
// events of their own.
const programmeKind = "giao lưu"

// frameAt reports a meeting word at spans[k] named as the frame of another:
// after "khuôn khổ", with at most two words between ("trong khuôn khổ hoạt
// động giao lưu", "thuộc khuôn khổ Chương trình Giao lưu").
func (a *analysis) frameAt(spans []Chunk, k int) bool {
	for j := k - 1; j >= 1 && j >= k-3; j-- {
		if spans[j].Kind == SpanOther && spans[j].Value == "khổ" && spans[j-1].Kind == SpanOther && spans[j-1].Value == "khuôn" {
			return true
		}
		if spans[j].Kind != SpanOther && spans[j].Kind != SpanName {
			return false
		}
	}
	return false
}

// afterAbbreviation is the index after a parenthesis of a few spans that
// opens at spans[v] ("(ADSOM WG)"), or v.
func afterAbbreviation(spans []Chunk, v int) int {
	if v < 0 || v >= len(spans) || spans[v].Value != "(" {
		return v
	}
	for e := v + 1; e < len(spans) && e <= v+5; e++ {
		if spans[e].Value == ")" {
			return e + 1
		}
	}
	return v
}

// framedSentence reports a sentence that opens with a frame ("Trong khuôn
// khổ chương trình, …", "Nằm trong khuôn khổ …").
func (a *analysis) framedSentence(spans []Chunk) bool {
	for j := 1; j < len(spans) && j <= 3; j++ {
		if spans[j].Kind == SpanOther && spans[j].Value == "khổ" && spans[j-1].Kind == SpanOther && spans[j-1].Value == "khuôn" {
			return true
		}
	}
	return false
}

// framedOpening reports that the event the sentence opened, of the kind of
// opened, was named as a frame before spans[k].
func (a *analysis) framedOpening(spans []Chunk, k int, opened *EventFact) bool {
	for j := 0; j < k; j++ {
		if spans[j].Kind == SpanEvent && spans[j].Value == opened.Kind {
			return a.frameAt(spans, j)
		}
	}
	return false
}

// programmeScene is the article's programme (its first exchange, kind giao
// lưu) when the sentence names it as its scene with a programme word after a
// scene word ("Trao đổi bên lề chương trình, …", "Trong khuôn khổ chương
// trình, …"; event_words.tsv programme); nil otherwise.
func (a *analysis) programmeScene(spans []Chunk) *EventFact {
	for k := 1; k < len(spans); k++ {
		sp := spans[k]
		if sp.Kind != SpanOther || a.g.evPhraseAt(a.toks, sp.T0, len(a.toks), ewProgramme) == 0 {
			continue
		}
		j := k - 1
		if j >= 1 && spans[j].Kind == SpanOther && spans[j].Value == "khổ" && spans[j-1].Value == "khuôn" {
			j -= 2
		}
		if j < 0 || spans[j].Kind != SpanOther || !a.g.is(spans[j].Value, wScene) {
			continue
		}
		for _, ev := range a.facts.Events {
			if ev.Kind == programmeKind {
				return ev
			}
		}
		return nil
	}
	return nil
}

// plannedSentence reports a sentence about what will happen ("sẽ", "dự
// kiến", "theo chương trình", "lần tới": the planned words of
// event_words.tsv): its meetings have not happened.
//
// A sentence that tells its meetings in passing (toldInPassing) is treated
// so too: its role verbs give no roles ("Được biết, trước đó hai năm, A và B
// đã đồng chủ trì Đối thoại …").
func (a *analysis) plannedSentence(spans []Chunk) bool {
	if a.toldInPassing(spans) {
		return true
	}
	for _, sp := range spans {
		if sp.Kind != SpanOther && sp.Kind != SpanEvent && sp.Kind != SpanVerb {
			continue
		}
		if a.g.evPhraseAt(a.toks, sp.T0, len(a.toks), ewPlanned) > 0 {
			// "Sáng 29/3, theo kế hoạch được phê duyệt …, Học viện đã long
			// trọng tổ chức Lễ Bế giảng …": a meeting its sentence says was
			// held is no plan, whatever plan it followed
			return !a.heldDone(spans)
		}
	}
	return false
}

// heldDone reports a verb that holds a meeting ("tổ chức", "chủ trì") told
// as done: the aspect word before it, past fillers ("đã long trọng tổ chức").
func (a *analysis) heldDone(spans []Chunk) bool {
	for j, sp := range spans {
		if sp.Kind != SpanVerb || sp.Value != "organize" && sp.Value != "chair" {
			continue
		}
		for i := j - 1; i >= 0 && spans[i].Kind == SpanOther && a.g.is(spans[i].Value, wFiller); i-- {
			if a.g.evWord(spans[i].Value, ewAspect) {
				return true
			}
		}
	}
	return false
}

// sentenceScan is what the event rules ask of a whole sentence, read once so
// that a sentence with many triggers stays linear.
type sentenceScan struct {
	firstDate  int    // index of the first date, -1 if none
	afterActor []bool // a span right after a person (and fillers): "Đại tướng A hội đàm …"
	afterBoth  []bool // a span right after "hai bên", "hai Bộ trưởng" (and fillers): the meeting of the two
}

func (a *analysis) scanSentence(spans []Chunk, ms []mention) sentenceScan {
	sc := sentenceScan{firstDate: -1, afterActor: make([]bool, len(spans)+1), afterBoth: make([]bool, len(spans)+1)}
	for j, sp := range spans {
		if sp.Kind == SpanDate && sc.firstDate < 0 {
			sc.firstDate = j
		}
		if j+1 < len(spans) && sp.Value == "hai" {
			if next := spans[j+1]; next.Kind == SpanTitle || next.Kind == SpanOther && a.g.evWord(next.Value, ewSide) {
				k := j + 2
				for k < len(spans) && spans[k].Kind == SpanOther && a.g.is(spans[k].Value, wFiller) {
					k++
				}
				sc.afterBoth[k] = true
			}
		}
	}
	// "đoàn đã hội đàm với …": the delegation of a head the text named acts
	// (a call, with a day of its own: "Trong thời gian ở Khánh Hòa, nhóm chỉ
	// huy đội tàu đã chào xã giao …" tells of calls in passing; "Cùng ngày,
	// nhóm chỉ huy đội tàu đến chào xã giao …" of one)
	if d := a.delegationSubject(spans); d >= 0 && len(a.ev.leads) > 0 {
		if e := a.groupEnd(spans, d); e >= len(spans) || a.g.evPhraseAt(a.toks, spans[e].T0, spans[e].T1, ewCall) == 0 || a.ownDay(spans) {
			ms = append(ms, mention{k1: e})
		}
	}
	for _, m := range ms {
		j := m.k1
		// ("Thượng tướng A đã đến chào xã giao Đại tướng B": past a word of
		// arrival before a call)
		for j < len(spans) && spans[j].Kind == SpanOther && (a.g.is(spans[j].Value, wFiller) || a.arrivalBeforeCall(spans, j)) {
			sc.afterActor[j] = true
			j++
		}
		if j <= len(spans) {
			sc.afterActor[j] = true
		}
	}
	return sc
}

// arrivalBeforeCall reports a word of arrival (event_words.tsv arrival: "đến",
// "tới") at spans[j] right before a call (call: "chào xã giao", "chào từ
// biệt"): "A đến chào xã giao B" is A's call on B.
func (a *analysis) arrivalBeforeCall(spans []Chunk, j int) bool {
	if j+1 >= len(spans) || !a.g.evWord(spans[j].Value, ewArrival) {
		return false
	}
	c := spans[j+1]
	return c.Kind == SpanEvent && a.g.evPhraseAt(a.toks, c.T0, c.T1, ewCall) == c.T1-c.T0
}

// subjectIsEvent reports a sentence that opens with an event trigger (after a
// date or separators): "Hội nghị đã quán triệt …".
func subjectIsEvent(spans []Chunk) bool {
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
	// "Hội nghị xác định, năm 2019, …" after a review that told of last year's
	// ADMM: a meeting told in retrospect is not the one a later reference means
	var back *EventFact
	for i := len(a.facts.Events) - 1; i >= 0; i-- {
		if e := a.facts.Events[i]; e.Kind == kind {
			if a.retrospect(e) {
				if back == nil {
					back = e
				}
				continue
			}
			return e
		}
	}
	if back != nil {
		return back
	}
	if a.current != nil && (kind == "hội nghị" || kind == a.current.Kind) {
		return a.current
	}
	return nil
}

// retrospect reports an event opened after the article's first one but held
// before it (a review's "năm 2018, … đã tham dự Hội nghị …" in a story of
// 2019): told in retrospect.
func (a *analysis) retrospect(e *EventFact) bool {
	first := a.facts.Events[0]
	if e == first || e.Date.IsZero() || first.Date.IsZero() || e.Date.Year == 0 || first.Date.Year == 0 || !e.Date.before(first.Date) {
		return false
	}
	// in the paragraph that tells of it, it is still the scene ("Trước đó,
	// hôm qua, … tổ chức hội nghị sơ kết … Trung tướng A dự hội nghị.")
	at, ok := a.ev.openedAt[e]
	if !ok {
		return false
	}
	for t := at; t < a.ev.sentT0 && t < len(a.toks); t++ {
		if a.toks[t].Kind == Newline {
			return true
		}
	}
	return false
}

// eventNameEnd is the span index where a named event's name ends.
func (a *analysis) eventNameEnd(spans []Chunk, k int) int {
	j := k + 1
	// "Đại hội có 450 đại biểu", "Hội nghị đã …": a trigger followed by a
	// function word has no name after it
	if j < len(spans) && spans[j].Kind == SpanOther && a.g.isFunction(spans[j].Value) {
		return j
	}
	for ; j < len(spans); j++ {
		sp := spans[j]
		// "Giao lưu … lần thứ 5 kéo dài từ ngày 19 đến 21/11", "chuyến thăm
		// chính thức Việt Nam từ ngày 24 đến 26/10"
		if sp.Kind == SpanOther && a.g.evPhraseAt(a.toks, sp.T0, len(a.toks), ewHeldAfter) > 0 ||
			sp.Kind == SpanOther && sp.Value == "từ" && j+1 < len(spans) && spans[j+1].Kind == SpanDate {
			return j
		}
		// "Hội nghị X và Hội nghị Y": a second meeting's name after "và"
		if (sp.Kind == SpanOther || sp.Kind == SpanSep) && sp.Value == "và" && j+1 < len(spans) && spans[j+1].Kind == SpanEvent && a.toks[spans[j+1].T0].Cap {
			return j
		}
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
		case SpanVerb:
			// "Lớp đào tạo ngắn hạn chỉ huy tham mưu …": an agent verb is a
			// verb only after "do", which ends the name already
			if !a.agentVerb(sp) {
				return j
			}
		case SpanDate, SpanRank, SpanHonorific:
			return j
		case SpanName:
			if sp.T1-sp.T0 >= 2 && a.g.Surnames[a.toks[sp.T0].Key] {
				return j
			}
		case SpanOther:
			switch sp.Value {
			case ".", "!", "?", ":", "…":
				return j
			}
			// "Hội nghị Quân chính tại Hà Nội", "… do Bộ Tổng Tham mưu chủ trì"
			if a.g.evWord(sp.Value, ewNameEnd) {
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
func (a *analysis) fill(ev *EventFact, s sentence, spans []Chunk, k, end int, named bool) {
	// "Trong khuôn khổ chuyến thăm chính thức Canada từ ngày 4 đến 12/5 của
	// Đoàn …, ngày 6/5, A chủ trì lễ đón B": the days after a visit word are
	// the visit's; another event of the sentence takes the sentence's other
	// date
	first := -1
	for j, sp := range spans {
		if sp.Kind != SpanDate {
			continue
		}
		if first < 0 {
			first = j
		}
		if ev.Kind == visitKind || !visitDays(spans, j) {
			first = j
			break
		}
	}
	if first >= 0 {
		ev.Date = a.dateOf(spans[first], s)
	}
	if ev.Date.IsZero() && a.current == nil && !a.lead.date.IsZero() {
		// the article's dateline ("Chiều ngày 2-11, tại Hà Nội, …") dates its
		// first event when that one is named later
		ev.Date = a.lead.date
		if ev.Location == "" {
			ev.Location = a.lead.place
		}
	}
	if ev.Date.IsZero() && !a.ev.sceneDate.IsZero() {
		// "Sáng 20/11, các hoạt động chuyển sang phía Việt Nam. Tại cửa khẩu
		// Tà Lùng, …": the date the text last set
		ev.Date = a.ev.sceneDate
	}
	if ev.Date.IsZero() && a.current != nil && a.current != ev {
		ev.Date = a.current.Date
	}
	a.eventPart(ev)
	fallback := ""
	for j, sp := range spans {
		// "Tùy viên Quốc phòng Ấn Độ tại Việt Nam" says where a post is, not
		// where the event was
		if sp.Kind == SpanOther && sp.Value == "tại" && !(j > 0 && spans[j-1].Kind == SpanTitle) {
			p := a.place(spans, j)
			if p == "" {
				p = a.plainPlace(spans, j)
			}
			if p == "" {
				continue
			}
			// "Theo phóng viên TTXVN tại Lào, hôm qua (24/10), tại tỉnh Luang
			// Prabang, …": after a body or a name, where that one is, unless
			// the sentence names no other place
			if j > 0 && (spans[j-1].Kind == SpanOrg || spans[j-1].Kind == SpanName) {
				if fallback == "" {
					fallback = p
				}
				continue
			}
			// "Tùy viên Quốc phòng Ấn Độ tại Việt Nam" says where a post is;
			// "lễ đón Đoàn … Cuba tại Trụ sở Bộ Quốc phòng" where the event is
			if j > 0 && spans[j-1].Kind == SpanCountry && (j+1 >= len(spans) || spans[j+1].Kind == SpanCountry || a.g.country(p) != "") {
				continue
			}
			ev.Location = p
			break
		}
	}
	if ev.Location == "" {
		ev.Location = fallback
	}
	if ev.Kind == visitKind {
		// "…, đang có chuyến thăm chính thức Việt Nam từ ngày 24 đến 26/10":
		// a visit's own dates follow it, and its place is its own
		// (not the day it lasts until: "… kéo dài đến ngày 14/5")
		if d := dateAfter(spans, k); d >= 0 && !(spans[d-1].Kind == SpanOther && spans[d-1].Value == "đến") {
			ev.Date = a.dateOf(spans[d], s)
			ev.Location = a.visitPlace(spans, k)
		} else if p := a.visitPlace(spans, k); p != "" {
			// its own place wins over the sentence's first "tại"
			ev.Location = p
		}
	}
	// "Sáng nay (2/9), tàu … đã về tới quân cảng …, khép lại chuyến thăm"
	// ("… chuyến tuần tra chung …"): the day it ends is not the visit's or
	// the patrol's, nor the port it returns to
	if a.visitWordBefore(spans, k, ewVisitEnd) {
		ev.Date, ev.Location = Date{}, ""
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

// organizer is the body that "tổ chức" the event: "ORG tổ chức EVENT" or
// "EVENT do ORG tổ chức", "EVENT … dưới sự đăng cai của ORG"; a body that
// chairs it right before its trigger ("ORG chủ trì Hội nghị …") or after "do"
// organizes it too. A joint subject of two sides ("A và B phối hợp tổ chức",
// "Cảnh sát biển hai nước tổ chức") gives none: no one body organized it.
func (a *analysis) organizer(spans []Chunk, k, end int) string {
	for j := k - 1; j >= 0; j-- {
		if spans[j].Kind == SpanVerb && spans[j].Value == "chair" && a.bodyChairs(spans, j, k) {
			if o := a.subjectBody(spans, j); o != "" {
				return o
			}
		}
		if spans[j].Kind == SpanVerb && spans[j].Value == "organize" {
			// the subject: the first body of the clause that holds the verb
			// ("Vùng 5 Hải quân phối hợp với … tổ chức")
			c := clauseStart(spans, j)
			// "Bộ Quốc phòng chủ trì, phối hợp với Bộ Ngoại giao tổ chức": the
			// subject stands before the partner
			if c+1 < j && spans[c+1].Value == "phối" && c >= 0 {
				c = clauseStart(spans, c)
			}
			// "Đồn Biên phòng Na Mèo, Bộ đội Biên phòng tỉnh Thanh Hóa tổ chức":
			// a unit named before its parent is the subject
			for c >= 1 && spans[c-1].Kind == SpanOrg && (c < 2 || spans[c-2].Kind == SpanSep && spans[c-2].Value == ",") {
				c -= 2
			}
			if a.jointSubject(spans, c+1, j) {
				return ""
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
		// "EVENT do ORG tổ chức", "EVENT được ORG tổ chức", "EVENT do ORG
		// khởi xướng và tổ chức"
		if spans[j].Kind == SpanOther && (spans[j].Value == "do" || spans[j].Value == "được" && j == end) && spans[j+1].Kind == SpanOrg {
			// "do Viện Nghiên cứu Chiến lược Quốc tế (IISS) tổ chức": the
			// bracket after the body is its own
			v0 := bracketEnd(spans, j+2)
			for v := v0; v < len(spans) && v <= v0+3; v++ {
				if spans[v].Kind == SpanVerb {
					if spans[v].Value == "organize" || spans[v].Value == "chair" && spans[j].Value == "do" {
						if a.jointSubject(spans, j+1, v) {
							return ""
						}
						return a.orgOf(spans[j+1]).Name
					}
					break
				}
				if spans[v].Kind != SpanOther && !(spans[v].Kind == SpanSep && spans[v].Value == "và") || spans[v].Kind == SpanOther && a.g.isFunction(spans[v].Value) {
					break
				}
			}
		}
		// "Hội nghị … khai mạc dưới sự đăng cai của Hải quân Philippines"
		if spans[j].Kind == SpanVerb && spans[j].Value == "organize" && j > 0 && spans[j-1].Kind == SpanOther && spans[j-1].Value == "sự" &&
			spans[j+1].Kind == SpanOther && spans[j+1].Value == "của" && spans[j+2].Kind == SpanOrg {
			return a.orgOf(spans[j+2]).Name
		}
	}
	return ""
}

// bracketEnd is the index after a bracket that opens at spans[i] ("(IISS)"),
// or i when none opens there.
func bracketEnd(spans []Chunk, i int) int {
	if i >= len(spans) || spans[i].Kind != SpanOther || spans[i].Value != "(" {
		return i
	}
	for e := i + 1; e < len(spans) && e <= i+4; e++ {
		if spans[e].Kind == SpanOther && spans[e].Value == ")" {
			return e + 1
		}
	}
	return i
}

// jointSubject reports a subject over spans[from:to] that joins the bodies of
// two sides: bodies of different countries joined by "và" ("Bộ Quốc phòng Việt
// Nam và Bộ Quốc phòng Campuchia", "Bộ CHQS tỉnh Lai Châu và Bộ CHQS tỉnh U Đôm
// Xay (Lào)", "VNMAC (…), KOICA (…) và UNDP"), or a body of "hai" and a side
// word ("Cảnh sát biển hai nước", "hai bên"). Bodies of one side ("Cục Chính
// trị Quân khu 4 và Bộ CHQS tỉnh Nghệ An") and the partners after "phối hợp
// với" leave the first body the organizer.
func (a *analysis) jointSubject(spans []Chunk, from, to int) bool {
	if from < 0 {
		from = 0
	}
	sides := map[string]bool{}
	joined := false
	for o := from; o < to && o < len(spans); o++ {
		sp := spans[o]
		switch {
		case sp.Kind == SpanOrg:
			side := a.g.countryIn(a.spanText(sp))
			if side == "" {
				side = a.g.countryIn(sp.Value)
			}
			// "Bộ CHQS tỉnh U Đôm Xay (Lào)": the country in its bracket
			if e := bracketEnd(spans, o+1); e > o+1 {
				for b := o + 2; b < e-1; b++ {
					if spans[b].Kind == SpanCountry || spans[b].Kind == SpanOrg {
						if c := a.g.countryIn(a.spanText(spans[b])); c != "" {
							side = c
						}
					}
				}
				o = e - 1
			}
			sides[side] = true
		case sp.Kind == SpanSep && sp.Value == "và":
			joined = joined || len(sides) > 0
		case sp.Kind == SpanOther && (sp.Value == "với" || sp.Value == "phối" || sp.Value == "cùng"):
			// the partners: "A phối hợp với B và C tổ chức", "A cùng B tổ chức"
			return joined && len(sides) > 1
		case sp.Kind == SpanOther && sp.Value == "hai" && o+1 < to && spans[o+1].Kind == SpanOther && a.g.evWord(spans[o+1].Value, ewSide):
			return true
		}
	}
	return joined && len(sides) > 1
}

// bodyChairs reports a "chủ trì" at spans[j] whose subject is a body, with the
// event's trigger right after it (fillers aside) and no person named before it
// in the sentence: "Chiều 27/8, tại TP Châu Đốc, Bộ Tư lệnh Bộ đội Biên phòng
// (BĐBP) chủ trì Hội nghị bàn tròn …".
func (a *analysis) bodyChairs(spans []Chunk, j, k int) bool {
	for v := j + 1; v < k; v++ {
		if spans[v].Kind != SpanOther || !a.g.is(spans[v].Value, wFiller) {
			return false
		}
	}
	for o := 0; o < j; o++ {
		if spans[o].Kind == SpanRank || spans[o].Kind == SpanTitle {
			return false
		}
	}
	return true
}

// subjectBody is the body right before the verb at spans[j] (past its bracket
// and fillers) that opens its clause, or "".
func (a *analysis) subjectBody(spans []Chunk, j int) string {
	c := clauseStart(spans, j)
	o := c + 1
	if o >= j || spans[o].Kind != SpanOrg {
		return ""
	}
	for v := bracketEnd(spans, o+1); v < j; v++ {
		if spans[v].Kind != SpanOther || !a.g.is(spans[v].Value, wFiller) {
			return ""
		}
	}
	return a.orgOf(spans[o]).Name
}

// clauseStart is the index of the separator before the clause that holds
// spans[j] (-1 at the sentence start).
func clauseStart(spans []Chunk, j int) int {
	c := j - 1
	for c >= 0 && !(spans[c].Kind == SpanSep && (spans[c].Value == "," || spans[c].Value == ";")) {
		c--
	}
	return c
}

// openingSpans reports spans that can stand before a sentence's opening date:
// separators, plain words and names ("HQ Online - Từ ngày 25 đến 28/6, …").
func openingSpans(spans []Chunk) bool {
	for _, sp := range spans {
		if sp.Kind != SpanOther && sp.Kind != SpanName && sp.Kind != SpanSep {
			return false
		}
	}
	return len(spans) <= 6
}

// subjectSpans reports spans that can open a sentence's subject before its
// event word: plain words and names, no verb, person or body ("Chương trình
// giao lưu …").
func subjectSpans(spans []Chunk) bool {
	for _, sp := range spans {
		if sp.Kind != SpanOther && sp.Kind != SpanName {
			return false
		}
	}
	return true
}

// delegationTakesPart reports a sentence that opens with a delegation word
// ("Đoàn", event_words.tsv delegation) whose verb before spans[k] is one of
// attending ("tham gia", "dự": verbs.tsv attend).
func (a *analysis) delegationTakesPart(spans []Chunk, k int) bool {
	if len(spans) == 0 || !(spans[0].Kind == SpanOther || spans[0].Kind == SpanName) || !a.g.evWord(a.toks[spans[0].T0].Key, ewDelegation) {
		return false
	}
	for j := 1; j < k; j++ {
		switch sp := spans[j]; {
		case sp.Kind == SpanVerb:
			return sp.Value == "attend"
		case sp.Kind == SpanSep || sp.Kind == SpanEvent:
			return false
		}
	}
	return false
}

// programmeOpening is the index after a programme word that opens the
// sentence ("Chương trình diễn ra …": event_words.tsv programme), or -1.
func (a *analysis) programmeOpening(spans []Chunk) int {
	if len(spans) == 0 || !a.toks[spans[0].T0].Cap {
		return -1
	}
	n := a.g.evPhraseAt(a.toks, spans[0].T0, len(a.toks), ewProgramme)
	if n == 0 {
		return -1
	}
	for j := range spans {
		if spans[j].T0 >= spans[0].T0+n {
			return j
		}
	}
	return -1
}
