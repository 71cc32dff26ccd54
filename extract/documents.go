package extract

import (
	"slices"
	"unicode/utf8"
)

// documents records the resolutions of a sentence.
func (a *analysis) documents(s sentence, spans []Chunk) {
	for k, sp := range spans {
		if sp.Kind != SpanResolution {
			continue
		}
		written := CanonicalTone(collapseSpaces(a.spanText(sp)))
		issuer, subject := a.issuerAndSubject(spans, k)
		switch {
		case sp.Value == "" && sp.T1-sp.T0 > 2:
			// "Nghị quyết Đại hội XII của Đảng": named by the meeting that passed it
			r := a.resolutionNamed(written)
			if r.Issuer == "" {
				r.Issuer = issuer
			}
			a.docAt[sp.T0] = r.Name
		case sp.Value == "":
			// "Nghị quyết của Quân ủy Trung ương về …": named by issuer and subject
			end := listClauseEnd(spans, k+1)
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
			if _, byCode := a.g.issuerCodes[issuerCode(sp.Value)]; byCode && r.issuerFromCode && a.ofMeeting(spans, k) {
				// "Nghị quyết số 28-NQ/TW của Hội nghị Trung ương 8": a
				// plenum's, not the Politburo's that the code suggests
				r.Issuer, r.issuerFromCode = "", false
			}
			a.docAt[sp.T0] = r.Name
			if r.Subject == "" {
				r.Subject = subject
			}
			if written != r.Name {
				r.Aliases = appendUnique(r.Aliases, written)
			}
		}
	}
	a.passiveIssuer(s, spans)
}

// passiveIssuer reads a passive issuing clause, "được (do) ORG (đã) ban hành"
// (issuing_verbs.txt): the body is the issuer of the resolution named before
// it in the sentence ("Nghị quyết 806 …, được Quân ủy Trung ương ban hành"),
// or, when the sentence names none and its subject is the bare head "nghị
// quyết", of those the sentence before named: all of them after a quantity
// ("Cả hai nghị quyết đều được …"), else the last ("Nghị quyết này được …").
// What the text says beats the issuer an identifier's code suggests.
func (a *analysis) passiveIssuer(s sentence, spans []Chunk) {
	for k := 1; k < len(spans); k++ {
		mk := spans[k-1]
		if spans[k].Kind != SpanOrg || mk.Kind != SpanOther || mk.Value != "được" && mk.Value != "do" {
			continue
		}
		t := spans[k].T1
		for t < s.t1 && a.g.is(a.toks[t].Key, wFiller) {
			t++
		}
		if n, _ := a.g.issueLex.longest(a.toks[:s.t1], t); n == 0 {
			continue
		}
		issuer := a.orgOf(spans[k]).Name
		var subj []*ResolutionFact
		for j := k - 2; j >= 0 && subj == nil; j-- {
			if spans[j].Kind == SpanResolution {
				subj = a.resolutionsAt(spans[j].T0, spans[j].T0+1)
			}
		}
		if subj == nil {
			subj = a.referredResolutions(s, mk.T0)
		}
		for _, r := range subj {
			if r.Issuer == "" || r.issuerFromCode {
				r.Issuer, r.issuerFromCode = issuer, false
			}
		}
	}
}

// referredResolutions are the resolutions a bare "nghị quyết" before token m
// (over fillers and a demonstrative) refers back to: those the last sentence
// before s that named any names, all of them after a quantity word, else its
// last.
func (a *analysis) referredResolutions(s sentence, m int) []*ResolutionFact {
	j := m - 1
	for j > s.t0 && a.g.is(a.toks[j].Key, wFiller) {
		j--
	}
	if j > s.t0 && a.g.is(a.toks[j].Key, wQuantity) && !a.toks[j].Cap {
		j-- // "nghị quyết này", "nghị quyết đó"
	}
	if j < s.t0+1 || a.toks[j].Key != "quyết" || a.toks[j-1].Key != "nghị" || a.toks[j-1].Cap && j-1 > s.t0 {
		return nil
	}
	plural := j-2 >= s.t0 && a.g.is(a.toks[j-2].Key, wQuantity)
	// the sentence before that named resolutions
	end := s.t0
	for end > 0 {
		if rs := a.resolutionsAt(a.sentenceStart(end-1), end); len(rs) > 0 {
			if !plural {
				rs = rs[len(rs)-1:]
			}
			return rs
		}
		end = a.sentenceStart(end - 1)
		if s.t0-end > 400 {
			break
		}
	}
	return nil
}

// resolutionsAt are the resolutions named at the tokens t0..t1, in order.
func (a *analysis) resolutionsAt(t0, t1 int) []*ResolutionFact {
	var out []*ResolutionFact
	for t := t0; t < t1; t++ {
		name, ok := a.docAt[t]
		if !ok {
			continue
		}
		for _, r := range a.facts.Resolutions {
			if r.Name == name && !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// sentenceStart is the first token of the sentence that holds token t: after
// the last ".", "!", "?" or line end before it.
func (a *analysis) sentenceStart(t int) int {
	for t > 0 {
		p := a.toks[t-1]
		if p.Kind == Newline || p.Kind == Punct && (p.Text == "." || p.Text == "!" || p.Text == "?") {
			return t
		}
		t--
	}
	return 0
}

// issuerAndSubject reads "của ORG" and "về SUBJECT" after a resolution.
func (a *analysis) issuerAndSubject(spans []Chunk, k int) (issuer, subject string) {
	// "Bộ Chính trị ban hành Nghị quyết …", "Quân ủy Trung ương đã thông qua …",
	// "Đảng ủy Quân khu 1 tổ chức Hội nghị ra Nghị quyết …" (issuing_verbs.txt)
	if v := a.g.issuingBefore(a.toks, spans[k].T0); v >= 0 {
		o := k - 1
		for o >= 0 && spans[o].T0 >= v {
			o-- // the verb's spans
		}
		for o >= 0 && (spans[o].Kind == SpanOther && a.g.is(spans[o].Value, wFiller) ||
			spans[o].Kind == SpanEvent || spans[o].Kind == SpanVerb && spans[o].Value == "organize") {
			o-- // fillers, and a meeting the body holds to issue it
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
	if j+1 < len(spans) && spans[j].Kind == SpanOther && spans[j].Value == "của" {
		// "của Hội nghị lần thứ 8 Ban Chấp hành Trung ương": the body whose
		// meeting issued it
		o := j + 1
		if spans[o].Kind == SpanEvent {
			o = a.afterOrdinal(spans, o+1)
		}
		if o < len(spans) && spans[o].Kind == SpanOrg {
			issuer = a.orgOf(spans[o]).Name
			j = o + 1
		}
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

// ofMeeting reports a resolution at spans[k] followed (over its date) by "của"
// and a meeting: "Nghị quyết số 28-NQ/TW ngày 25/10/2013 của Hội nghị Trung
// ương 8".
func (a *analysis) ofMeeting(spans []Chunk, k int) bool {
	j := k + 1
	if j < len(spans) && spans[j].Kind == SpanDate {
		j++
	}
	return j+1 < len(spans) && spans[j].Kind == SpanOther && spans[j].Value == "của" && spans[j+1].Kind == SpanEvent
}

// afterOrdinal is the span after a meeting's ordinal at spans[k] ("lần thứ
// 8", "lần thứ tám", "thứ 8"), or k when none stands there.
func (a *analysis) afterOrdinal(spans []Chunk, k int) int {
	j := k
	if j < len(spans) && spans[j].Kind == SpanOther && a.toks[spans[j].T0].Key == "lần" {
		j++
	}
	if j < len(spans) && spans[j].Kind == SpanOther && a.g.is(a.toks[spans[j].T0].Key, wOrdinalLead) {
		j++
	}
	if j > k && j < len(spans) && (a.toks[spans[j].T0].Kind == Number || a.g.is(a.toks[spans[j].T0].Key, wOrdinal)) {
		return j + 1
	}
	return k
}

// clauseEnd is the index after the last span of the clause starting at k: up to
// ; , . ( or a quotation mark.
func clauseEnd(spans []Chunk, k int) int {
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

// listClauseEnd is clauseEnd, except that a comma inside a list of lower-case
// words that "và" closes goes on: "nhiệm vụ quân sự, quốc phòng và xây dựng
// Đảng bộ …".
func listClauseEnd(spans []Chunk, k int) int {
	for {
		e := clauseEnd(spans, k)
		if e+1 >= len(spans) || spans[e].Kind != SpanSep || spans[e].Value != "," || spans[e+1].Kind != SpanOther || !lowerWordSpan(spans[e+1]) {
			return e
		}
		next := clauseEnd(spans, e+1)
		closed := false
		for j := e + 1; j < next; j++ {
			closed = closed || spans[j].Kind == SpanSep && spans[j].Value == "và"
		}
		if !closed {
			return e
		}
		k = e + 1
	}
}

// lowerWordSpan reports an OTHER span of a lower-case word.
func lowerWordSpan(sp Chunk) bool {
	r, _ := utf8.DecodeRuneInString(sp.Value)
	return sp.T1-sp.T0 == 1 && isLetter(r) && !isUpper(r)
}

// resolution records a numbered resolution by identifier.
func (a *analysis) resolution(code, issuer string) *ResolutionFact {
	num := resolutionNumber(code)
	key := a.g.docKey(code)
	if r := a.resByNumber[key]; r != nil && r.Identifier == code {
		if issuer != "" && (r.Issuer == "" || r.issuerFromCode) {
			// what the text says beats what the code suggests
			r.Issuer, r.issuerFromCode = issuer, false
		}
		return r
	}
	r := &ResolutionFact{Name: a.g.docHead(code) + " " + code, Identifier: code, number: num}
	if issuer != "" {
		r.Issuer = issuer
	} else if c := issuerCode(code); c != "" {
		// the body a code stands for as an issuer (issuer_codes.tsv: "TW" is
		// the Politburo's), else the body it abbreviates ("QUTW")
		full, ok := a.g.issuerCodes[c]
		if !ok {
			full, ok = a.g.Abbrev[c]
		}
		if ok {
			if o := a.g.Orgs[full]; o != nil {
				r.Issuer, r.issuerFromCode = o.Name, true
			}
		}
	}
	a.resByNumber[key] = r
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

// plans finds "Đề án …" (or "đề án" followed by a capitalized name) up to the
// end of its clause or closing quotation mark.
func (a *analysis) plans(s sentence) (found []planSpan) {
	toks := a.toks
	for i := s.t0; i+2 < s.t1; i++ {
		if a.skip[i] || toks[i].Key != "đề" || toks[i+1].Key != "án" {
			continue
		}
		if !toks[i].Cap && !toks[i+2].Cap {
			continue
		}
		// "Đề án được xây dựng nhằm …": a capitalized head before an aspect
		// or function word refers back to a plan, it names none
		if !toks[i+2].Cap && (a.g.evWord(toks[i+2].Key, ewAspect) || a.g.isFunction(toks[i+2].Key)) {
			continue
		}
		quoted := i > s.t0 && (toks[i-1].Text == "“" || toks[i-1].Text == "\"")
		j := i + 2
		// "Đề án “Đẩy mạnh đối ngoại biên giới …”": the name in quotation
		// marks after the head is the plan's; the marks are no part of it
		if t := toks[i+2]; !quoted && t.Kind == Punct && (t.Text == "“" || t.Text == "\"") {
			k := i + 3
			for k < s.t1 && toks[k].Kind != Newline && toks[k].Text != "”" && toks[k].Text != "\"" {
				k++
			}
			if k < s.t1 && (toks[k].Text == "”" || toks[k].Text == "\"") && k > i+3 {
				name := upperFirst(CanonicalTone(collapseSpaces(a.tokText(i, i+2) + " " + a.tokText(i+3, k))))
				found = append(found, planSpan{i, k + 1, name})
				i = k
				continue
			}
		}
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
		found = append(found, planSpan{i, j, name})
		i = j
	}
	return found
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
	return a.reviewVerbAt(j)
}

// reviewVerbAt reports whether token j ends a review verb ("quán triệt",
// "thảo luận", "tổng kết" …).
func (a *analysis) reviewVerbAt(j int) bool {
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

// reviewedListAt reports whether the document named at token t is an item of
// a list that a review verb governs through a generic head: "quán triệt sáu
// nghị quyết Quân ủy Trung ương ban hành cuối năm 2022, gồm: Nghị quyết số
// 1661-NQ/QUTW …; Nghị quyết số 1658-NQ/QUTW …". The list opens with "gồm" or
// a colon after the head, within the sentence that begins at token t0.
func (a *analysis) reviewedListAt(t0, t int) bool {
	open := -1
	for j := t - 1; j >= t0; j-- {
		if k := a.toks[j].Key; k == "gồm" || k == ":" {
			open = j
			break
		}
	}
	if open < 0 {
		return false
	}
	head := false
	for j := open - 1; j >= t0 && j >= open-16; j-- {
		k := a.toks[j].Key
		switch {
		case k == "." || k == ";" || k == "\n":
			return false
		case a.toks[j].Cap:
			// a named document or body inside the head does not make it generic
		case k == "quyết" && j > t0 && a.toks[j-1].Key == "nghị" && !a.toks[j-1].Cap,
			k == "án" && j > t0 && a.toks[j-1].Key == "đề" && !a.toks[j-1].Cap:
			head = true
		case head && a.reviewVerbAt(j):
			return true
		}
	}
	return false
}
