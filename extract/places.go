package extract

import (
	"strings"
	"unicode"
)

// place reads the place after "tại" at spans[j]: capitalized words, bodies,
// countries and numbers, skipping "điểm cầu".
//
// A "tại" that says where a post sits ("Tùy viên Quân sự Nga tại Việt Nam")
// or where a guest's visit goes ("ông B … đang có chuyến thăm, làm việc tại
// Việt Nam") gives no event place; a visit reads its own with visitPlaceOf.
func (a *analysis) place(spans []Chunk, j int) string {
	if spans[j].Kind == SpanOther && spans[j].Value == "tại" && (a.postPlaceAt(spans, j) || visitPlaceAt(spans, j) || a.documentAt(spans[j].T1) || a.dutyBefore(spans[j].T0)) {
		return ""
	}
	return a.visitPlaceOf(spans, j)
}

// dutyBefore reports a word of a duty (event_words.tsv duty) that ends right
// before token t, the "tại" ("lên đường làm nhiệm vụ tại Phái bộ …"): the
// place is where the duty is done.
func (a *analysis) dutyBefore(t int) bool {
	for start := max(t-3, 0); start < t; start++ {
		if a.g.evPhraseAt(a.toks, start, t, ewDuty) == t-start {
			return true
		}
	}
	return false
}

// documentAt reports a document's name at token t: a capitalized head of at
// most three words, then "số" and an identifier with its letters
// ("theo kế hoạch được phê duyệt tại Quyết định số 452/QĐ-HV"): what "tại"
// points to there is a document, not a place.
func (a *analysis) documentAt(t int) bool {
	toks := a.toks
	if t >= len(toks) || !toks[t].Cap {
		return false
	}
	for i := t + 1; i < len(toks) && i <= t+3; i++ {
		if toks[i].Key == "số" && i+1 < len(toks) {
			id := toks[i+1].Text
			return strings.ContainsAny(id, "/-") && strings.IndexFunc(id, unicode.IsLetter) >= 0
		}
		if toks[i].Kind != Word {
			return false
		}
	}
	return false
}

// visitPlaceOf is place without its filters.
func (a *analysis) visitPlaceOf(spans []Chunk, j int) string {
	p, _ := a.placeEnd(spans, j)
	return p
}

// placeEnd is place with the token index where the place ends.
func (a *analysis) placeEnd(spans []Chunk, j int) (string, int) {
	t0 := spans[j].T1
	i := t0
	toks := a.toks
	if i+1 < len(toks) && toks[i].Key == "điểm" && toks[i+1].Key == "cầu" {
		i += 2
		t0 = i
	}
	// "tại Đài tưởng niệm các quân nhân …, Liên bang Nga và Việt Nam đã hy
	// sinh …", "tại Cột mốc 112": a place its head says is a description
	if n := a.g.evPhraseAt(toks, i, len(toks), ewDescribedPlace); n > 0 {
		if p, end := a.describedPlace(spans, j, i, i+n); p != "" {
			return p, end
		}
	}
	asWritten := false // a place opened by a lower-case unit keeps its case
	// "tại hai xã thuộc huyện Bố Trạch": a count of units that lie in a
	// named place opens it
	if i+2 < len(toks) && (toks[i].Kind == Number || a.g.evWord(toks[i].Key, ewNumeral)) {
		if n := a.g.evPhraseAt(toks, i+1, len(toks), ewAdminLevel); n > 0 && a.g.evWord(toks[i+1+n].Key, ewWithin) {
			i += n + 2
			asWritten = true
		}
	}
	for i < len(toks) && toks[i].Kind == Word && !toks[i].Cap {
		// "tại số 1 Nguyễn Tri Phương": a house number opens a street address
		if a.g.evWord(toks[i].Key, ewAddress) && i+2 < len(toks) && toks[i+1].Kind == Number && toks[i+2].Kind == Word && toks[i+2].Cap {
			asWritten = asWritten || i == t0
			i += 2
			break
		}
		// "tại trụ sở …", "tại cửa khẩu Thủy Khẩu", "tại huyện Hướng Hóa":
		// lower-case words that open a place's name
		if n := a.g.evPhraseAt(toks, i, len(toks), ewPlaceHead|ewAdminLevel); n > 0 {
			i += n
			asWritten = asWritten || i-n == t0
		} else if a.g.is(toks[i].Key, wPlaceLead) {
			i++
		} else {
			break
		}
	}
	start := i
	// "tổ chức tại thủ đô Viêng Chăn Hội nghị …": a meeting's name that
	// follows ends the place
	meetingAt := map[int]bool{}
	for _, sp := range spans {
		if sp.Kind == SpanEvent && sp.T0 > start {
			meetingAt[sp.T0] = true
		}
	}
	for i < len(toks) && !a.skip[i] && !meetingAt[i] {
		t := toks[i]
		if t.Kind == Word && t.Cap || t.Kind == Number && i > start {
			i++
			continue
		}
		// "Việt – Lào": a dash between two capitalized words
		if t.Kind == Punct && isDash(t.Text) && i > start && toks[i-1].Cap && i+1 < len(toks) && toks[i+1].Kind == Word && toks[i+1].Cap {
			i++
			continue
		}
		// "tại vùng nước lịch sử Việt Nam - Campuchia": after a unit that opens
		// the place, lower-case words may lead to its name
		lowerOK := asWritten && i == start
		// "tại Bộ Chỉ huy Quân sự tỉnh Salavan (Lào)", "tại trụ sở Bộ Chỉ huy
		// Bộ đội Biên phòng tỉnh Sơn La": a body's name that ends in lower
		// case runs on through the unit it is of
		if t.Kind == Word && !t.Cap && i > start && !toks[i-1].Cap && a.continuesName(i-1) {
			if n := a.g.evPhraseAt(toks, i, len(toks), ewAdminLevel); n > 0 && i+n < len(toks) && toks[i+n].Kind == Word && toks[i+n].Cap && !meetingAt[i+n] {
				i += n
				continue
			}
		}
		if t.Kind != Word || !lowerOK && (i == start || !toks[i-1].Cap) || a.g.isFunction(t.Key) || a.g.evWord(t.Key, ewPlaceEnd) {
			break
		}
		// lower-case syllables inside a place's name: "Trụ sở Bộ", "Cửa khẩu
		// quốc tế Móng Cái", "Cung Hòa bình,"
		if a.continuesName(i) {
			i++
			continue
		}
		j := i
		for j < len(toks) && j < i+7 && toks[j].Kind == Word && !toks[j].Cap && !a.g.isFunction(toks[j].Key) {
			// ("Sở chỉ huy Bộ Tư lệnh …": an agent verb is a noun here)
			if n, _ := a.g.verbLex.longest(toks, j); n > 0 && a.g.evPhraseAt(toks, j, j+n, ewAgentVerb) != n {
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
	// "tại cầu cảng do Đại tá A chủ trì", "tại cầu cảng với nghi thức …": a
	// place head alone before a function word or a stop is the place
	if i == start && asWritten && i > t0 && a.g.evPhraseAt(toks, t0, i, ewPlaceHead) == i-t0 &&
		(i == len(toks) || toks[i].Kind == Punct || toks[i].Kind == Word && a.g.isFunction(toks[i].Key)) {
		return CanonicalTone(collapseSpaces(a.tokText(t0, i))), i
	}
	if i == start || i-t0 > 12 {
		return "", 0
	}
	if n, _ := a.g.titleLex.longest(toks, start); n > 0 {
		return "", 0
	}
	// "huyện Sepon, tỉnh Savannakhet": a place goes on through the
	// administrative units it lies in; a facility does not ("cảng Thanh Đảo,
	// tỉnh Sơn Đông": the port, not its province)
	facility := a.g.evPhraseAt(toks, t0, len(toks), ewPlaceHead) > 0
	for !facility && i+2 < len(toks) && toks[i].Text == "," && !a.skip[i+1] {
		n := a.g.evPhraseAt(toks, i+1, len(toks), ewAdminLevel)
		j := i + 1 + n
		if n == 0 || j >= len(toks) || toks[j].Kind != Word || !toks[j].Cap {
			break
		}
		for j < len(toks) && !a.skip[j] && toks[j].Kind == Word && toks[j].Cap {
			j++
		}
		i = j
	}
	p := CanonicalTone(collapseSpaces(a.tokText(t0, i)))
	if !asWritten {
		p = upperFirst(p)
	}
	return p, i
}

// plainPlace reads a place written in lower case after "tại" when it runs to a
// comma or the sentence end: "tại vùng nước lịch sử chung giữa hai nước,".
// Quantities ("tại 23 điểm cầu", "tại nhiều nơi") are not places.
func (a *analysis) plainPlace(spans []Chunk, j int) string {
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

// describedPlace reads a place whose head (toks[t0:t], event_words.tsv
// described-place: memorials, temples, cemeteries, border markers) opens a
// description rather than a name: "Đài tưởng niệm các quân nhân Liên Xô, Liên
// bang Nga và Việt Nam đã hy sinh vì hòa bình và ổn định khu vực", "Đền thờ
// các anh hùng, liệt sĩ Lào - Việt Nam", "Cột mốc 112". It runs, as written,
// to the end of its clause: a stop, a role verb, a meeting word, a date, a
// word that ends a name ("do", "với", "để"); "và" before a verb; a comma
// before a clause of its own (one with a verb, an aspect word, a person or a
// body). "" when it runs on past 30 tokens (no description is that long).
func (a *analysis) describedPlace(spans []Chunk, j, t0, t int) (string, int) {
	k := j + 1
	for k < len(spans) && spans[k].T0 < t {
		k++
	}
	end := t
	for ; k < len(spans) && !a.skip[spans[k].T0]; k++ {
		sp := spans[k]
		if a.placeClauseEnds(sp) {
			break
		}
		if sp.Kind == SpanSep {
			if sp.Value == ";" {
				break
			}
			if sp.Value == "," && !a.describesOn(spans, k+1) {
				break
			}
			if sp.Value != "," && !isDash(sp.Value) && k+1 < len(spans) {
				// "và thăm Bảo tàng …": "và" before a verb opens another clause
				if nx := spans[k+1]; nx.Kind == SpanVerb || nx.Kind == SpanOther && a.g.isFunction(nx.Value) && nx.Value != "các" && nx.Value != "những" {
					break
				}
			}
		}
		end = sp.T1
		if end-t0 > 30 {
			return "", 0
		}
	}
	// a comma, a dash or "và" never ends a place
	for end > t && a.toks[end-1].Kind == Punct || end > t && a.toks[end-1].Key == "và" {
		end--
	}
	return CanonicalTone(collapseSpaces(a.tokText(t0, end))), end
}

// placeClauseEnds reports a span that ends a described place's clause: a stop
// or a bracket, a role verb, a meeting word, a date, a word that ends a name
// ("đã" does not: "các quân nhân đã hy sinh").
func (a *analysis) placeClauseEnds(sp Chunk) bool {
	switch sp.Kind {
	case SpanVerb, SpanEvent, SpanDate:
		return true
	case SpanOther:
		if a.toks[sp.T0].Kind == Punct {
			return true
		}
		return sp.Value != "đã" && a.g.evPhraseAt(a.toks, sp.T0, sp.T1, ewNameEnd) > 0
	}
	return false
}

// describesOn reports whether the segment after a comma at spans[k-1] goes on
// describing a place: up to the next comma, "và" or stop, no clause end, no
// aspect word ("đã", "được"), no person and no body, and not opened by a
// function word.
func (a *analysis) describesOn(spans []Chunk, k int) bool {
	if k >= len(spans) {
		return false
	}
	// ", trên tuyến biên giới …": a segment a function word opens is an
	// adjunct of the clause, no part of the place
	if first := spans[k]; first.Kind == SpanOther && a.g.isFunction(first.Value) && first.Value != "các" && first.Value != "những" {
		return false
	}
	for ; k < len(spans); k++ {
		sp := spans[k]
		if sp.Kind == SpanSep && !isDash(sp.Value) {
			return true
		}
		switch {
		case a.placeClauseEnds(sp) && !(sp.Kind == SpanOther && a.toks[sp.T0].Kind == Punct):
			return false
		case sp.Kind == SpanOther && a.toks[sp.T0].Kind == Punct:
			return true
		case personStart(sp.Kind), sp.Kind == SpanOrg:
			return false
		case sp.Kind == SpanOther && a.g.evWord(sp.Value, ewAspect):
			return false
		}
	}
	return true
}

// postPlaceAt reports a "tại" at spans[j] that says where a post sits: back
// over the bodies, names, countries and lower-case words of a title's
// apposition, a title that names where it sits (located.txt): "Tùy viên Quân
// sự Không quân - Hải quân Liên bang Nga tại Việt Nam".
func (a *analysis) postPlaceAt(spans []Chunk, j int) bool {
	for i := j - 1; i >= 0 && i >= j-8; i-- {
		switch sp := spans[i]; {
		case sp.Kind == SpanTitle:
			return a.g.locatedName(a.spanText(sp))
		case sp.Kind == SpanOrg, sp.Kind == SpanName, sp.Kind == SpanCountry, sp.Kind == SpanSep && isDash(sp.Value):
		case sp.Kind == SpanOther && lowerWordSpan(sp):
		default:
			return false
		}
	}
	return false
}

// visitPlaceAt reports a "tại" at spans[j] whose clause goes back, over plain
// words and commas, to a visit's trigger: "ông B, …, đang
// có chuyến thăm, làm việc tại Việt Nam" says where the visit goes, not where
// the reception the sentence reports was.
func visitPlaceAt(spans []Chunk, j int) bool {
	for i := j - 1; i >= 0 && i >= j-6; i-- {
		switch sp := spans[i]; {
		case sp.Kind == SpanEvent:
			return sp.Value == visitKind
		case sp.Kind == SpanOther && lowerWordSpan(sp), sp.Kind == SpanSep && sp.Value == ",":
		default:
			return false
		}
	}
	return false
}
