package extract

import (
	"strings"
)

// mention is a person named in a sentence: the whole chain of rank, titles and
// name (k0..k1 in the sentence's spans).
type mention struct {
	p      *PersonFact
	k0, k1 int // span range of the chain, appositive titles included
	name   int // span index of the name (or of the bare title that refers back)
}

// segment is one title with its body: "Bộ trưởng Bộ Quốc phòng".
type segment struct {
	k0, k1  int // span range
	title   string
	t       *Title // the title's row, from its span (nil for one the gazetteer lacks)
	org     string // canonical
	written string // the body (and country) as written
	country string
	lone    bool   // the body is a head alone ("Đảng ủy"), completed by the next segment's
	remit   bool   // written opens with the post's remit ("phụ trách …"), no body before it
	common  bool   // the title runs on in lower case with no body: a common noun ("Trưởng đoàn"), no post
	vessel  string // the vessel the post commands, as written ("tàu Yashima"), before its body
}

// vesselEnd reads the vessel a post commands at spans[j], right after its
// title: a lower-case phrase of vessels.txt ("tàu", "biên đội tàu") and the
// ship's name after it, if any: capitalized words, numbers, an abbreviation
// before a number ("CSB 8001"), a rank word inside it ("Đô đốc Tributs"). It
// returns the span after the vessel, or j. Ships are no bodies (GUIDELINES):
// their names are no ORG facts here.
func (a *analysis) vesselEnd(spans []Chunk, j int) int {
	if j >= len(spans) || j == 0 || spans[j].T0 != spans[j-1].T1 || a.toks[spans[j].T0].Cap {
		return j
	}
	n, _ := a.g.vesselLex.longest(a.toks, spans[j].T0)
	if n == 0 {
		return j
	}
	e := j
	for e < len(spans) && spans[e].T1 <= spans[j].T0+n {
		e++
	}
	if e == j || spans[e-1].T1 != spans[j].T0+n {
		return j // the phrase ends inside a span
	}
	for e < len(spans) && spans[e].T0 == spans[e-1].T1 {
		sp := spans[e]
		first := a.toks[sp.T0]
		switch {
		case sp.Kind == SpanName:
		case sp.Kind == SpanOther && sp.T1-sp.T0 == 1 && (first.Kind == Number || first.Upper && strings.ContainsAny(first.Text, "0123456789")):
		case sp.Kind == SpanRank && e+1 < len(spans) && spans[e+1].Kind == SpanName && spans[e+1].T0 == sp.T1:
		case sp.Kind == SpanOrg && first.Upper && e+1 < len(spans) && spans[e+1].T0 == sp.T1 && a.toks[spans[e+1].T0].Kind == Number:
		default:
			return e
		}
		e++
	}
	return e
}

// readSegment reads TITLE [ORG|COUNTRY]... from spans[k].
func (a *analysis) readSegment(spans []Chunk, k int) (segment, int) {
	sg := segment{k0: k, title: spans[k].Value, t: spans[k].Title()}
	j := k + 1
	// "Thứ trưởng thứ nhất", "Bộ trưởng thứ hai": an ordinal after the title
	// is part of it
	if j+1 < len(spans) && spans[j].Kind == SpanOther && a.g.is(spans[j].Value, wOrdinalLead) &&
		spans[j+1].T1-spans[j+1].T0 == 1 && a.g.is(a.toks[spans[j+1].T0].Key, wOrdinal) && spans[j+1].T0 == spans[j].T1 {
		sg.title += " " + a.text.Norm[spans[j].Start:spans[j+1].End]
		sg.t = nil
		j += 2
	}
	var parts []string
	// "Hạm trưởng tàu Đô đốc Tributs", "Chỉ huy trưởng biên đội tàu CSB
	// 8001": the vessel a post commands (vessels.txt) is part of it
	if e := a.vesselEnd(spans, j); e > j {
		sg.vessel = CanonicalTone(collapseSpaces(a.text.Norm[spans[j].Start:spans[e-1].End]))
		j = e
	}
	// "Thư ký Quốc phòng Ấn Độ", "Tham tán Cảnh vụ Trung Quốc": a domain (one
	// word of two syllables, the first capitalized) between the title and a
	// country is part of the post
	if e := a.domainEnd(spans, k, j); e > j {
		parts = append(parts, a.text.Norm[spans[j].Start:spans[e-1].End])
		j = e
	}
	defined := false // a defined acronym was skipped right before spans[j]
	for j < len(spans) {
		sp := spans[j]
		if sp.Kind == SpanOrg {
			if sp.LoneHead() {
				sg.lone = true
			} else if sg.org == "" {
				sg.org = a.orgName(sp)
			}
			parts = append(parts, a.spanText(sp))
			j++
			continue
		}
		if sp.Kind == SpanCountry {
			if sg.country == "" {
				sg.country = sp.Value
			}
			parts = append(parts, a.spanText(sp))
			j++
			continue
		}
		// "Bộ đội Biên phòng (BĐBP), Bộ Tư lệnh BĐBP": the acronym the writer
		// defines after the post's body is no part of the post; a parent may
		// follow it
		if sp.Kind == SpanOther && sp.Value == "(" && len(parts) > 0 && spans[j-1].Kind == SpanOrg && j+3 < len(spans) &&
			spans[j+1].Kind == SpanOrg && spans[j+1].T1-spans[j+1].T0 == 1 && a.toks[spans[j+1].T0].Upper &&
			spans[j+2].Kind == SpanOther && spans[j+2].Value == ")" &&
			spans[j+3].Kind == SpanSep && spans[j+3].Value == "," {
			if e := a.parentChain(spans, j+3, []string{a.bodyHead(spans[j-1])}); e > 0 {
				j += 3
				sp = spans[j]
				defined = true
			}
		}
		// "Cục trưởng Cục Đối ngoại, Bộ Quốc phòng và ông B": a body after a
		// comma that no title opens, and that no other body follows, is the
		// one the post's body belongs to
		if sp.Kind == SpanSep && sp.Value == "," && len(parts) > 0 && (spans[j-1].Kind == SpanOrg || sg.remit || defined) {
			if e := a.parentAfterComma(spans, j); e > 0 {
				// a chain of parents is written as one post, without its commas
				from := j + 1
				for k := j + 1; k <= e; k++ {
					if k == e || spans[k].Kind == SpanSep {
						parts = append(parts, a.text.Norm[spans[from].Start:spans[k-1].End])
						from = k + 1
					}
				}
				for j++; j < e; j++ {
					if spans[j].Kind == SpanOrg {
						a.orgName(spans[j])
					}
				}
				continue
			}
		}
		// "Cục trưởng Cục Biên phòng thuộc Bộ Tư lệnh Lục quân Campuchia": the
		// body a word of the class part-of puts the post's body under is part
		// of the post, as written
		if sp.Kind == SpanOther && a.g.is(sp.Value, wPartOf) && len(parts) > 0 && spans[j-1].Kind == SpanOrg && j+1 < len(spans) && spans[j+1].Kind == SpanOrg && !spans[j+1].LoneHead() && spans[j+1].T0 == sp.T1 {
			parts = append(parts, a.spanText(sp), a.spanText(spans[j+1]))
			a.orgName(spans[j+1])
			j += 2
			continue
		}
		// "Trưởng Ban Biên giới Việt Nam - Lào tỉnh": a unit alone after the
		// post's body is part of the post as written
		if sp.Kind == SpanOther && a.g.is(sp.Value, wAdmin) && len(parts) > 0 && spans[j-1].Kind == SpanOrg && spans[j-1].T1 == sp.T0 &&
			(j+1 == len(spans) || spans[j+1].T0 != sp.T1 || spans[j+1].Kind != SpanName && spans[j+1].Kind != SpanOrg && spans[j+1].Kind != SpanCountry) {
			parts[len(parts)-1] += " " + a.spanText(sp)
			j++
			continue
		}
		// "Tư lệnh Vùng Cảnh sát biển 1 - Cảnh sát biển Việt Nam": a body after
		// a dash, which no title, name or other body follows, is the one the
		// post's body belongs to, part of the post as written
		if sp.Kind == SpanSep && isDash(sp.Value) && len(parts) > 0 && spans[j-1].Kind == SpanOrg && j+1 < len(spans) && spans[j+1].Kind == SpanOrg && !spans[j+1].LoneHead() {
			if e := j + 2; e == len(spans) || spans[e].Kind != SpanOrg && spans[e].Kind != SpanName && spans[e].Kind != SpanCountry && spans[e].Kind != SpanTitle && spans[e].Kind != SpanRank {
				parts[len(parts)-1] += " - " + a.spanText(spans[j+1])
				a.orgName(spans[j+1])
				j += 2
				continue
			}
		}
		// "Phó Hải đoàn trưởng Hải đoàn 11/Bộ Tư lệnh Vùng Cảnh sát biển 1": the
		// unit a slash puts the post's body under belongs to the post
		if sp.Kind == SpanOther && sp.Value == "/" && len(parts) > 0 && j+1 < len(spans) && spans[j+1].Kind == SpanOrg && !spans[j+1].LoneHead() && spans[j-1].T1 == sp.T0 && spans[j+1].T0 == sp.T1 {
			parts[len(parts)-1] += "/" + a.spanText(spans[j+1])
			a.orgName(spans[j+1])
			j += 2
			continue
		}
		// "Đại sứ Đặc mệnh toàn quyền nước Cộng hòa Nhân dân Trung Hoa": the State
		// whose post it is
		if sp.Kind == SpanOther && a.g.is(sp.Value, wState) && j+1 < len(spans) && spans[j+1].Kind == SpanCountry && sp.T1 == spans[j+1].T0 {
			if sg.country == "" {
				sg.country = spans[j+1].Value
			}
			parts = append(parts, a.spanText(sp), a.spanText(spans[j+1]))
			j += 2
			continue
		}
		// "Phó Tỉnh trưởng tỉnh Bolikhamxay": a province names where the post is
		if sp.Kind == SpanOther && a.g.is(sp.Value, wAdmin) && j+1 < len(spans) && spans[j+1].Kind == SpanName && sp.T1 == spans[j+1].T0 {
			parts = append(parts, a.spanText(sp), a.spanText(spans[j+1]))
			j += 2
			continue
		}
		// "Chủ tịch UBND thị trấn Tịnh Biên, huyện Tịnh Biên": the unit a local
		// body's place lies in, after a comma, is part of the post as written
		if sp.Kind == SpanSep && sp.Value == "," && len(parts) > 0 && a.localBody(spans, j-1) && j+2 < len(spans) &&
			spans[j+1].Kind == SpanOther && a.g.is(spans[j+1].Value, wAdmin) && spans[j+2].Kind == SpanName && spans[j+1].T1 == spans[j+2].T0 &&
			(j+3 == len(spans) || spans[j+3].Kind == SpanSep || spans[j+3].Kind == SpanVerb || spans[j+3].Kind == SpanOther && a.toks[spans[j+3].T0].Kind == Punct) {
			parts = append(parts, a.spanText(spans[j+1]), a.spanText(spans[j+2]))
			j += 3
			continue
		}
		// "Đại sứ Lào tại Việt Nam", "Tổng Lãnh sự Hàn Quốc tại Đà Nẵng": a
		// diplomat's post names where it is
		if sp.Kind == SpanOther && sp.Value == "tại" && j+1 < len(spans) && (len(parts) > 0 || a.g.locatedName(sg.title)) {
			next := spans[j+1]
			if next.Kind == SpanCountry || next.Kind == SpanOrg && a.g.locatedName(sg.title) {
				// "… tại Việt Nam", "Đại diện thường trực … tại Liên hợp quốc"
				parts = append(parts, "tại", a.spanText(next))
				j += 2
				continue
			}
			if p, end := a.placeEnd(spans, j); p != "" && a.g.locatedName(sg.title) && (next.Kind == SpanName || next.Kind == SpanOrg) {
				parts = append(parts, "tại", p)
				for j++; j < len(spans) && spans[j].T0 < end; j++ {
				}
				continue
			}
		}
		// "Phó Trợ lý Bộ trưởng Quốc phòng Hoa Kỳ phụ trách Nam và Đông Nam Á":
		// the remit a post names (remits.txt) is part of it
		if e := a.remitEnd(spans, j); e > j {
			sg.remit = sg.remit || len(parts) == 0
			parts = append(parts, a.text.Norm[spans[j].Start:spans[e-1].End])
			for ; j < e; j++ {
				if spans[j].Kind == SpanOrg {
					a.orgName(spans[j])
				}
			}
			continue
		}
		break
	}
	sg.k1 = j
	sg.written = strings.Join(parts, " ")
	// "Trưởng đoàn công tác", "Trưởng đoàn đại biểu …": a title with no body
	// run on by a lower-case word is a common noun (a delegation's role), no post
	if len(parts) == 0 && sg.vessel == "" {
		if t := spans[k].T1; t < len(a.toks) && a.g.plainWord(a.toks, t) {
			sg.common = true
		}
	}
	return sg, j
}

// domainEnd is the span after a post's domain written right after the title
// at spans[k] and before a country (spans[j] on): a capitalized syllable and a
// lower-case one ("Quốc phòng", "Cảnh vụ"; a person's name capitalizes every
// syllable), then the country; j when none is there.
func (a *analysis) domainEnd(spans []Chunk, k, j int) int {
	if j >= len(spans) || spans[j].T0 != spans[k].T1 {
		return j
	}
	t := spans[j].T0
	if t+2 >= len(a.toks) || !a.toks[t].Cap || a.toks[t].Upper || !a.g.plainWord(a.toks, t+1) {
		return j
	}
	for e := j; e < len(spans) && spans[e].T0 <= t+2; e++ {
		if spans[e].T0 == t+2 {
			if spans[e].Kind == SpanCountry {
				return e
			}
			return j
		}
	}
	return j
}

// parentAfterComma reads a body at spans[j+1], after the comma at spans[j],
// with the bodies written right after it that qualify it ("Tổng cục Chính
// trị Quân đội nhân dân Việt Nam"), that ends its appositive: no other body,
// name or country follows, and no comma (a list of bodies, or an appositive
// the writer closes, is not a parent). It returns the span after them, or 0.
func (a *analysis) parentAfterComma(spans []Chunk, j int) int {
	b := j - 1
	if spans[b].Value == ")" && b >= 3 {
		b -= 3 // "Bộ đội Biên phòng (BĐBP),"
	}
	return a.parentChain(spans, j, []string{a.bodyHead(spans[b])})
}

// parentChain is parentAfterComma over a chain of parents, each after a
// comma and each of a head the bodies before it in the chain do not share
// ("Phó Cục trưởng Cục X, Tổng cục Y, Bộ Z"): bodies of one head in a row
// ("Cục Tác chiến, Bộ Công an, Bộ Ngoại giao") are a list, no chain.
func (a *analysis) parentChain(spans []Chunk, j int, heads []string) int {
	if j+1 >= len(spans) || spans[j+1].Kind != SpanOrg || spans[j+1].LoneHead() {
		return 0
	}
	h := a.bodyHead(spans[j+1])
	for _, seen := range heads {
		if h == seen {
			return 0
		}
	}
	e := j + 2
	for e < len(spans) && spans[e].Kind == SpanOrg && !spans[e].LoneHead() && spans[e].T0 == spans[e-1].T1 {
		e++
	}
	if e == len(spans) {
		return e
	}
	switch next := spans[e]; {
	case next.Kind == SpanOrg || next.Kind == SpanName || next.Kind == SpanCountry:
		return 0
	case next.Kind == SpanSep && next.Value == ",":
		// "Cục trưởng Cục Đối ngoại, Bộ Quốc phòng, Trưởng ADSOM+ WG Việt
		// Nam": the comma before the next post closes the parent; "Trợ lý
		// Phòng X, Cục Y, nữ sĩ quan đầu tiên …": so does one before a
		// lower-case word (the writer's description of the holder); before
		// anything else it ends a list of bodies or the writer's appositive
		if e+1 < len(spans) && spans[e+1].Kind == SpanTitle {
			return e
		}
		if e+1 < len(spans) && spans[e+1].Kind == SpanOther && a.g.plainWord(a.toks, spans[e+1].T0) {
			return e
		}
		// "…, Bộ Tư lệnh Bộ đội Biên phòng, Bộ Quốc phòng": the next parent up
		if len(heads) < 3 {
			if f := a.parentChain(spans, e, append(heads, h)); f > 0 {
				return f
			}
		}
		return 0
	}
	return e
}

// localBody reports a body span at spans[k] (or a unit after one, read by
// readSegment) whose head is a local one (local_heads.txt: "UBND xã X").
func (a *analysis) localBody(spans []Chunk, k int) bool {
	for ; k >= 0; k-- {
		switch sp := spans[k]; sp.Kind {
		case SpanOrg:
			n, _ := a.g.headLex.longest(a.toks, sp.T0)
			return n > 0 && a.g.localHeadAt(a.toks, sp.T0, n)
		case SpanName, SpanOther:
			continue // "…, huyện Tịnh Biên"
		case SpanSep:
			if sp.Value == "," {
				continue
			}
		}
		return false
	}
	return false
}

// bodyHead is the head word a body span opens with (org_heads.txt, the longest),
// or its first word, in lower case.
func (a *analysis) bodyHead(sp Chunk) string {
	n, _ := a.g.headLex.longest(a.toks, sp.T0)
	if n == 0 || sp.T0+n > sp.T1 {
		n = 1
	}
	var ks []string
	for t := sp.T0; t < sp.T0+n && t < len(a.toks); t++ {
		ks = append(ks, a.toks[t].Key)
	}
	return strings.Join(ks, " ")
}

// remitEnd is the span after the remit a post names at spans[j] (a word of
// remits.txt, then what it is in charge of, up to the end of its clause), or j
// when none opens there.
func (a *analysis) remitEnd(spans []Chunk, j int) int {
	if j >= len(spans) {
		return j
	}
	n, _ := a.g.remitLex.longest(a.toks, spans[j].T0)
	if n == 0 {
		return j
	}
	start := a.toks[spans[j].T0+n-1].End // the remit's word ends here
	e := j
	for e < len(spans) && spans[e].Start < start {
		e++ // the spans of the remit's word
	}
	first := e
	for ; e < len(spans); e++ {
		sp := spans[e]
		switch sp.Kind {
		case SpanVerb, SpanDate, SpanRank, SpanHonorific, SpanTitle, SpanEvent, SpanResolution:
			return remitOrNone(first, e, j)
		case SpanSep:
			// "và" joins what the post is in charge of; a dash joins two names
			// ("Ấn Độ Dương - Thái Bình Dương"); a comma or a semicolon ends it
			if sp.Value == "và" || isDash(sp.Value) && e+1 < len(spans) && (spans[e+1].Kind == SpanName || spans[e+1].Kind == SpanCountry) {
				continue
			}
			return remitOrNone(first, e, j)
		case SpanOther:
			if a.toks[sp.T0].Kind == Punct {
				return remitOrNone(first, e, j)
			}
		}
	}
	return remitOrNone(first, e, j)
}

// remitOrNone is e when the remit's word is followed by something it is in
// charge of (spans first..e), else j: no remit.
func remitOrNone(first, e, j int) int {
	if e > first {
		return e
	}
	return j
}

// titleNamed is the gazetteer's spelling of a title, or the title as given.
func (g *Gazetteer) titleNamed(t string) string {
	toks := Tokenize(Normalize(t))
	if n, v := g.titleLex.longest(toks, 0); n == len(toks) {
		return v
	}
	return CanonicalTone(t)
}

// orgName is the canonical name of an ORG span (recording the body).
func (a *analysis) orgName(sp Chunk) string { return a.orgOf(sp).Name }

// orgOf records the body an ORG span names: the one the article's own
// definition extends it to, else its gazetteer name or its text.
func (a *analysis) orgOf(sp Chunk) *OrgFact {
	o := a.orgAt[sp.Start]
	if o == nil && sp.Value == "" {
		o = a.bareHeadBody(sp)
	}
	if o == nil {
		o = a.unitBody(sp)
	}
	if o == nil {
		o = a.org(sp.Value, a.spanText(sp))
	}
	if a.cites {
		a.marks = append(a.marks, mark{Span: chunkSpan(sp), kind: "org", fact: o})
	}
	return o
}

// unitBody is the body a name followed by an administrative unit alone refers
// back to ("Ban Chỉ huy BĐBP tỉnh" after "Ban Chỉ huy Bộ đội Biên phòng (BĐBP)
// tỉnh Đồng Nai": the province's, named before): the last body named whose
// name is this one's, the unit and a name; nil when the unit is not alone or no
// such body was named.
//
// The unit may be the span's own last word ("UBND tỉnh", "Bộ Chỉ huy Quân sự
// tỉnh": the span then names the body as written; the short form is no
// alias of the body it refers back to, as some write it of another). After a span, a unit that refers back to no
// body names one as written ("Bộ CHQS tỉnh" → Bộ Chỉ huy Quân sự tỉnh): the
// head's expansion alone names no body.
func (a *analysis) unitBody(sp Chunk) *OrgFact {
	e := sp.T1
	inside := e-1 > sp.T0 && a.toks[e-1].Kind == Word && !a.toks[e-1].Cap && a.g.is(a.toks[e-1].Key, wAdmin)
	if inside {
		e--
	} else if e >= len(a.toks) || a.toks[e].Kind != Word || a.toks[e].Cap || !a.g.is(a.toks[e].Key, wAdmin) ||
		e+1 < len(a.toks) && a.toks[e+1].Kind == Word && a.toks[e+1].Cap {
		return nil
	}
	head := CanonicalTone(collapseSpaces(a.text.Norm[sp.Start:a.toks[e-1].End]))
	name := sp.Value
	if name == "" || inside {
		name = upperFirst(a.expandAbbrev(head))
	}
	written := head + " " + a.toks[e].Text
	prefix := Fold(name) + " " + a.toks[e].Key + " "
	for k := len(a.facts.Orgs) - 1; k >= 0; k-- {
		if o := a.facts.Orgs[k]; strings.HasPrefix(Fold(o.Name), prefix) {
			return o
		}
	}
	// "Trưởng Ban Biên giới Việt Nam - Lào tỉnh" after "Ủy ban nhân dân tỉnh
	// Quảng Trị": in a post, the unit is the one the article last named with
	// a place
	if place := a.lastPlaceOfUnit(sp.T0, a.toks[e].Key); !inside && place != "" && sp.T0 > 0 && a.g.titleEndsAt(a.toks, sp.T0) {
		return a.org("", written+" "+place)
	}
	if !inside && a.g.headNamesNothing(name) {
		return a.org("", written)
	}
	return nil
}

// lastPlaceOfUnit is the place the article last named after an
// administrative unit ("tỉnh Quảng Trị") before token t, or "".
func (a *analysis) lastPlaceOfUnit(t int, unit string) string {
	for i := t - 2; i >= 0; i-- {
		if a.toks[i].Key != unit || a.toks[i].Cap || !a.toks[i+1].Cap || a.toks[i+1].Kind != Word ||
			i > 0 && a.g.is(a.toks[i-1].Key, wQuantity) { // "các tỉnh A, B": no one place
			continue
		}
		e := i + 1
		for e < t && e-i <= 4 && a.toks[e].Kind == Word && a.toks[e].Cap {
			e++
		}
		return a.tokText(i+1, e)
	}
	return ""
}

// bareHeadBody is the body a head standing alone refers back to ("Phó Trưởng
// Ban Chỉ đạo" after "Ban Chỉ đạo Tổng kết …"): the last body named before
// whose name starts with it, which gains the head as an alias; nil when the
// span is no bare head or no such body was named.
func (a *analysis) bareHeadBody(sp Chunk) *OrgFact {
	if hn, _ := a.g.headLex.longest(a.toks, sp.T0); hn != sp.T1-sp.T0 {
		return nil
	}
	written := CanonicalTone(collapseSpaces(a.spanText(sp)))
	prefix := Fold(written) + " "
	for k := len(a.facts.Orgs) - 1; k >= 0; k-- {
		if o := a.facts.Orgs[k]; strings.HasPrefix(Fold(o.Name), prefix) {
			o.Aliases = appendUnique(o.Aliases, written)
			return o
		}
	}
	return nil
}

// positions turns a chain's segments into posts. A title with no body of its own
// shares the body of the next title in the chain ("Phó Tư lệnh, Tham mưu trưởng
// Quân khu 4"), unless it stands alone by nature ("Phó Thủ tướng").
func (a *analysis) positions(segs []segment) []PositionFact {
	var out []PositionFact
	for i, sg := range segs {
		if sg.common {
			continue
		}
		org, written := sg.org, sg.written
		if sg.lone && a.placeNamedHead(sg.written) {
			// "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh An Giang": a party
			// committee named by a place stays as written in the post; the
			// body is the committee of the next body's place ("Tỉnh ủy An Giang")
			org = ""
			if i+1 < len(segs) {
				if place := a.placeOf(segs[i+1].written); place != "" {
					org = a.org("", sg.written+" "+place).Name
				}
			}
		} else if sg.lone {
			// "Đảng ủy" + the next body's name after its own head: "Đảng ủy Quân khu 7"
			org, written = "", ""
			if i+1 < len(segs) && segs[i+1].written != "" {
				// the next body is the unit ("Quân khu 7") or the unit's organ
				// ("Bộ Tư lệnh Quân khu 4"), whose head gives way
				next := segs[i+1].written
				toks := Tokenize(Normalize(next))
				if hn, _ := a.g.headLex.longest(toks, 0); hn > 0 && hn < len(toks) {
					if rn, _ := a.g.headLex.longest(toks, hn); rn > 0 {
						next = next[toks[hn].Start:]
					}
				}
				written = sg.written + " " + next
				org = a.org("", written).Name
			}
			if written == "" {
				written = sg.written
			}
		}
		if org == "" && written == "" && sg.vessel == "" && i+1 < len(segs) && segs[i+1].k0 == sg.k1+1 {
			if sg.t == nil || sg.t.NeedsOrg != "no" {
				org, written = segs[i+1].org, segs[i+1].written
			}
		}
		name, title := sg.title, sg.title
		if sg.vessel != "" {
			// the ship's name as written: "tàu CSB 8001" is no body to expand
			name += " " + sg.vessel
			if written != "" {
				name += " " + a.refs.expandDefined(a.g, written, a.sent, a.text.Fold)
			}
		} else if written != "" {
			// a post as written: only the abbreviations the article defines
			// (or spells out somewhere) are expanded (GUIDELINES: "positions
			// are copied in full as written"); the body's name (org) is
			// expanded whatever defines it
			name += " " + a.refs.expandDefined(a.g, written, a.sent, a.textFold)
			// "Trưởng" + "phòng Đối ngoại …": the title is "Trưởng phòng"
			if head, _, _ := strings.Cut(written, " "); head != "" && !sg.remit && sg.vessel == "" && strings.ToLower(head) == head && !a.g.is(Fold(head), wState) {
				title = a.g.titleNamed(title + " " + head)
			}
		}
		out = append(out, PositionFact{Name: CanonicalTone(collapseSpaces(dropDefinitions(name))), Title: title, Org: org})
	}
	return out
}

// sameTitle reports two titles of which one opens the other: "Đại sứ" and
// "Đại sứ Đặc mệnh toàn quyền".
func sameTitle(a, b string) bool {
	a, b = Fold(a), Fold(b)
	return a == b || strings.HasPrefix(a, b+" ") || strings.HasPrefix(b, a+" ")
}

// dropDefinitions takes out of a post the abbreviations the article defines
// inside it: "Chủ tịch Ủy ban nhân dân (UBND) tỉnh An Giang" → "Chủ tịch Ủy
// ban nhân dân tỉnh An Giang" (the short form is the body's alias, not words
// of the post).
func dropDefinitions(s string) string {
	for {
		i := strings.Index(s, " (")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 || !isUpperCode(strings.NewReplacer("-", "", " ", "").Replace(s[i+2:i+j])) {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}

// placeNamedHead reports a body's head that opens with an administrative
// unit (words.tsv admin, admin-lead): "Tỉnh ủy", "Thành ủy", "Huyện ủy" are
// named by their place, not by a unit.
func (a *analysis) placeNamedHead(head string) bool {
	toks := Tokenize(Normalize(head))
	return len(toks) > 1 && (a.g.is(toks[0].Key, wAdmin) || a.g.is(toks[0].Key, wAdminLead))
}

// placeOf is the place a body's name ends with after its administrative unit:
// "Ủy ban nhân dân (UBND) tỉnh An Giang" → "An Giang", "UBND thành phố Đà
// Nẵng" → "Đà Nẵng"; "" when none.
func (a *analysis) placeOf(body string) string {
	toks := Tokenize(Normalize(body))
	for p := len(toks) - 2; p >= 0; p-- {
		if toks[p].Kind == Word && !toks[p].Cap && toks[p+1].Kind == Word && toks[p+1].Cap {
			if a.g.is(toks[p].Key, wAdmin) || p > 0 && a.g.is(toks[p-1].Key+" "+toks[p].Key, wAdmin) {
				return body[toks[p+1].Start:]
			}
			return ""
		}
	}
	return ""
}

// people finds the persons of a sentence and what the sentence says they are.
func (a *analysis) people(spans []Chunk) []mention {
	var (
		out     []mention
		rank    string
		pending []segment
		honor   string
		// where honor starts in the text
		honorStart int
		chainK     = -1      // where the pending chain started
		last       = -1      // index in out of the person appositives attach to
		shared     []segment // a title over a list after ":"
		// a rank over a list after ":" ("các thượng tướng: A, …; B, …")
		sharedRank string

		sharedBySemicolon bool // the list's items are separated by ";"
	)
	reset := func() {
		rank, pending, honor, chainK = "", nil, "", -1
	}
	for k := 0; k < len(spans); k++ {
		sp := spans[k]
		switch sp.Kind {
		case SpanRank:
			if rank != "" || last >= 0 && chainK < 0 && len(pending) > 0 {
				reset()
			}
			rank = sp.Value
			if chainK < 0 {
				chainK = k
			}
			last = -1
		case SpanTitle:
			sg, next := a.readSegment(spans, k)
			// "tại Phủ Chủ tịch, …": a title after a memorial word is part of a
			// place's name; "Thừa ủy quyền của Chủ tịch nước, …": a title after
			// an on-behalf phrase is the principal's. Unless a name follows,
			// neither is a post of anyone named here.
			if (next >= len(spans) || spans[next].Kind != SpanName) && (a.afterMemorial(sp) || a.afterBehalf(sp)) {
				reset()
				last = -1
				k = next - 1
				continue
			}
			if last >= 0 && rank == "" && honor == "" && len(pending) == 0 && (next >= len(spans) || spans[next].Kind != SpanName) {
				m := &out[last]
				if m.k1 == k || m.k1 == k-1 && spans[k-1].Kind == SpanSep && spans[k-1].Value != ";" {
					if shared != nil || sharedRank != "" {
						// list items with titles of their own are separated by ";"
						sharedBySemicolon = true
					}
					a.addPositions(m.p, a.positions(append(m.appositives(a, spans), sg)))
					m.k1 = next
					k = next - 1
					continue
				}
			}
			// a bare title that refers back: "Bộ trưởng nhấn mạnh"
			if sg.org == "" && sg.country == "" && rank == "" && len(pending) == 0 && (next >= len(spans) || spans[next].Kind != SpanName && spans[next].Kind != SpanSep && spans[next].Kind != SpanRank && spans[next].Kind != SpanHonorific && !a.g.is(spans[next].Value, wQuantity)) && (k == 0 || !a.g.is(spans[k-1].Value, wQuantity)) {
				if p := a.holderOf(sg.title); p != nil {
					p.Aliases = appendUnique(p.Aliases, CanonicalTone(a.spanText(sp)))
					out = append(out, mention{p: p, k0: k, k1: next, name: k})
					last = len(out) - 1
					k = next - 1
					reset()
					continue
				}
			}
			if chainK < 0 {
				chainK = k
			}
			pending = append(pending, sg)
			last = -1
			k = next - 1
		case SpanHonorific:
			// "Theo ông, …", "ông nhấn mạnh": the honorific alone refers back to
			// the person last named
			if next := k + 1; a.lastPerson != nil && (next == len(spans) || spans[next].Kind == SpanSep && spans[next].Value == "," || spans[next].Kind == SpanVerb) && (k == 0 || spans[k-1].Kind != SpanHonorific) {
				out = append(out, mention{p: a.lastPerson, k0: k, k1: k + 1, name: k})
				reset()
				last = -1
				continue
			}
			// styles in a row are one ("Tan Sri Datuk Seri", "Pehin Datu
			// Lailaraja Dato Paduka Seri Haji"): the styled form is the alias
			if honor != "" && k > 0 && chainK >= 0 && spans[k-1].T1 == sp.T0 && (spans[k-1].Kind == SpanHonorific || spans[k-1].Kind == SpanName) {
				honor = a.text.Norm[honorStart:sp.End]
			} else {
				honor, honorStart = a.spanText(sp), sp.Start
			}
			if chainK < 0 {
				chainK = k
			}
			last = -1
		case SpanName:
			// "Lăng Chủ tịch Hồ Chí Minh", "tư tưởng Hồ Chí Minh": a name inside
			// the name of a place or a doctrine is no one present
			if chainK > 0 && a.g.is(a.toks[spans[chainK-1].T1-1].Key, wMemorial) || chainK < 0 && k > 0 && a.g.is(a.toks[spans[k-1].T1-1].Key, wMemorial) {
				reset()
				last = -1
				continue
			}
			// "Pehin Datu Lailaraja Dato Paduka Seri Haji Halbi …": a
			// capitalized run between two honorific styles is part of the
			// styles before the name, not a name
			if honor != "" && k > 0 && spans[k-1].Kind == SpanHonorific && k+1 < len(spans) && spans[k+1].Kind == SpanHonorific && spans[k+1].T0 == sp.T1 {
				continue
			}
			// a full name with no rank, title or honorific before it is still a
			// name when its title or a role verb follows: "Hoàng Xuân Chiến,
			// Thứ trưởng …", "Nguyễn Văn A phát biểu"
			anchored := rank != "" || len(pending) > 0 || honor != "" || a.looksLikeName(spans, k)
			var p *PersonFact
			alias := ""
			// "Trưởng ADSOM WG Việt Nam", "Chủ tịch ADSOM WG": a run that an
			// acronym no Vietnamese syllable spells opens is no person's name
			if t := a.toks[sp.T0]; !(t.Upper && acronym(t.Text) && rank == "") {
				p, alias = a.person(spans, k, rank, pending, honor, anchored)
			}
			if p == nil {
				reset()
				last = -1
				continue
			}
			if alias != "" {
				p.Aliases = appendUnique(p.Aliases, alias)
			}
			if rank != "" && p.Rank == "" {
				p.Rank = rank
			}
			if rank == "" && honor == "" && sharedRank != "" && p.Rank == "" {
				p.Rank = sharedRank
			}
			a.addPositions(p, a.positions(pending))
			if !p.Foreign && honor == "" {
				a.addPositions(p, a.positions(shared))
			}
			k0 := k
			if chainK >= 0 {
				k0 = chainK
			}
			out = append(out, mention{p: p, k0: k0, k1: k + 1, name: k})
			last = len(out) - 1
			a.lastPerson = p
			reset()
			// "Ngụy Phượng Hòa (Wei Fenghe)", "Lôi-xơn (Lawson)": a name in
			// brackets right after a name is the same person's other spelling
			if n := bracketedName(spans, k); n > 0 {
				p.Aliases = appendUnique(p.Aliases, CanonicalTone(collapseSpaces(a.spanText(spans[k+2]))))
				out[last].k1 = k + n + 1
				k += n
			}
		case SpanSep:
			switch sp.Value {
			case ";":
				reset()
				// the list goes on past ";" while it is a list of people
				// (a rank of its own after ";" ends a list under a shared rank:
				// "các Thượng tướng: A, …; Trung tướng B, …")
				// "các Ủy viên Bộ Chính trị: Phó Thủ tướng … A; Bộ trưởng Bộ
				// Quốc phòng, Đại tướng B; …": items that open with their own
				// title are separated by ";" too
				if len(shared) > 0 && sharedRank == "" && k+1 < len(spans) && spans[k+1].Kind == SpanTitle {
					sharedBySemicolon = true
				}
				if !sharedBySemicolon || k+1 < len(spans) && spans[k+1].Kind != SpanRank && spans[k+1].Kind != SpanHonorific && spans[k+1].Kind != SpanName && !(len(shared) > 0 && spans[k+1].Kind == SpanTitle) ||
					sharedRank != "" && k+1 < len(spans) && spans[k+1].Kind == SpanRank {
					shared, sharedRank, sharedBySemicolon = nil, "", false
				}
				last = -1
			case "và":
				// "Pehin … Halbi bin Haji Mohd Yussof, Bộ trưởng thứ hai Bộ Quốc
				// phòng Brunei và Ngài B, …": posts after a name that named no
				// one are that name's, not those of the one after "và"
				if len(pending) > 0 && chainK >= 2 && spans[chainK-1].Kind == SpanSep && spans[chainK-1].Value == "," && spans[chainK-2].Kind == SpanName {
					reset()
				}
				// "Tổng Tham mưu trưởng … và Thứ trưởng Bộ Quốc phòng chủ trì":
				// a title after "và" that no name follows is the same person's
				if last >= 0 && k+1 < len(spans) && spans[k+1].Kind == SpanTitle {
					if _, next := a.readSegment(spans, k+1); next >= len(spans) || spans[next].Kind == SpanVerb || spans[next].Kind == SpanSep && spans[next].Value == ";" || spans[next].Value == "." {
						out[last].k1 = k
						continue
					}
				}
				last = -1
			}
		case SpanOther:
			// "Trung tướng A (Tư lệnh Quân khu 7)": a title in brackets after a
			// name is an appositive; "Phó Tổng Tư lệnh X kiêm Tư lệnh Y": one
			// person's two posts
			// "Phó Bí thư Quân ủy Trung ương (CMC), Bộ trưởng Quốc phòng": an
			// abbreviation in brackets after a post's body is part of it
			if sp.Value == "(" && last >= 0 && out[last].k1 == k && k+2 < len(spans) && spans[k+2].Value == ")" && spans[k-1].Kind == SpanOrg &&
				spans[k+1].T1-spans[k+1].T0 == 1 && a.toks[spans[k+1].T0].Upper && spans[k+1].Kind != SpanCountry {
				out[last].k1 = k + 3
				k += 2
				continue
			}
			if (sp.Value == "(" || sp.Value == ")" || sp.Value == "kiêm") && last >= 0 && out[last].k1 == k {
				out[last].k1 = k + 1
				continue
			}
			if sp.Value == "kiêm" && len(pending) > 0 {
				continue // "Phó Thủ tướng kiêm Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn"
			}
			// "A, nguyên Tư lệnh Quân khu 4", "A được bổ nhiệm giữ chức X",
			// "Tư lệnh X trước đó là Trung tướng B": a phrase of post_links.txt
			// gives the post after it to the person named before it, or the
			// post before it to the person after it
			if e := a.postLinkAt(spans, k); e > k {
				if spans[e].Kind == SpanTitle && rank == "" && honor == "" && len(pending) == 0 {
					if h := a.linkHolder(out, spans, k); h >= 0 {
						sg, next := a.readSegment(spans, e)
						if next >= len(spans) || spans[next].Kind != SpanName {
							for _, i := range coordinated(out, spans, h) {
								// "A và bà B, khi đó là Thứ trưởng Quốc phòng Canada": a
								// foreign country's post is not shared back to a
								// Vietnamese holder of posts of their own
								if i != h && a.countryIn(sg.country) != "" && !out[i].p.Foreign && len(out[i].p.Positions) > 0 {
									continue
								}
								a.addPositions(out[i].p, a.positions([]segment{sg}))
							}
							out[h].k1 = next
							last = h
							k = next - 1
							continue
						}
					}
					// no one named before: the post is the next name's
					reset()
					last = -1
					k = e - 1
					continue
				}
				if k2 := spans[e].Kind; len(pending) > 0 && rank == "" && honor == "" && (k2 == SpanRank || k2 == SpanName || k2 == SpanHonorific) {
					k = e - 1 // the chain before the phrase is the name's after it
					continue
				}
			}
			if sp.Value == ":" && len(pending) > 0 && rank == "" {
				// "các đồng chí Phó Tư lệnh Quân khu 4: Thiếu tướng A, Thiếu
				// tướng B": the title is each one's
				shared, sharedRank, sharedBySemicolon = pending, "", false
				reset()
				last = -1
				continue
			}
			if sp.Value == ":" && rank != "" && k > 0 && spans[k-1].Kind != SpanName && (len(pending) == 0 || spans[chainK].Kind == SpanRank) {
				// "các thượng tướng: A, Thứ trưởng …; B, …", "các Thượng
				// tướng, Ủy viên Trung ương Đảng: A, …": the rank (and the
				// titles after it) are each one's
				shared, sharedRank, sharedBySemicolon = pending, rank, false
				reset()
				last = -1
				continue
			}
			fallthrough
		default:
			// "hai Bộ trưởng": the two people of the article with that title
			if sp.Kind == SpanOther && sp.Value == "hai" && k+1 < len(spans) && spans[k+1].Kind == SpanTitle {
				if hs := a.holdersOf(spans[k+1].Value); len(hs) == 2 {
					for _, p := range hs {
						out = append(out, mention{p: p, k0: k, k1: k + 2, name: k + 1})
					}
				}
				k++ // the title is part of "hai …", not a reference of its own
			}
			reset()
			last = -1
		}
	}
	return out
}

// postLinkAt is the index of the span right after a phrase of
// post_links.txt that opens at spans[k] ("nguyên", "được bổ nhiệm giữ chức"),
// or k when none does: the phrase's words are plain words, and a span starts
// where it ends.
func (a *analysis) postLinkAt(spans []Chunk, k int) int {
	n, _ := a.g.postLinkLex.longest(a.toks, spans[k].T0)
	if n == 0 {
		return k
	}
	end := spans[k].T0 + n
	e := k
	for e < len(spans) && spans[e].T0 < end {
		if spans[e].Kind != SpanOther {
			return k
		}
		e++
	}
	if e == len(spans) || spans[e].T0 != end {
		return k
	}
	return e
}

// linkHolder is the index in out of the person a post-link phrase at
// spans[k] speaks of: the last one named, when only titles, bodies, commas
// and plain words stand between them ("A, Ủy viên Trung ương Đảng, nay được
// Thủ tướng Chính phủ bổ nhiệm giữ chức …"); -1 when a verb, an event, a
// date, another name or the end of a clause does.
func (a *analysis) linkHolder(out []mention, spans []Chunk, k int) int {
	h := len(out) - 1
	if h < 0 || out[h].k1 > k || k-out[h].k1 > 20 {
		return -1
	}
	for j := out[h].k1; j < k; j++ {
		switch sp := spans[j]; sp.Kind {
		case SpanTitle, SpanOrg, SpanCountry:
		case SpanSep:
			if sp.Value != "," {
				return -1
			}
		case SpanOther:
			if t := a.toks[sp.T0]; t.Kind == Punct && sp.Value != "(" && sp.Value != ")" {
				return -1
			}
		default:
			return -1
		}
	}
	return h
}

// coordinated lists the mention out[h] and those joined to it before by a
// comma or "và" alone ("A, B và C được bổ nhiệm làm …"): each is a subject
// of what follows.
func coordinated(out []mention, spans []Chunk, h int) []int {
	idx := []int{h}
	for i := h; i > 0; i-- {
		p := out[i-1]
		if p.k1 >= out[i].k0 || out[i].k0-p.k1 > 2 {
			break
		}
		joined := true
		for j := p.k1; j < out[i].k0; j++ {
			joined = joined && spans[j].Kind == SpanSep && (spans[j].Value == "," || spans[j].Value == "và")
		}
		if !joined {
			break
		}
		idx = append(idx, i-1)
	}
	return idx
}

// bracketedName is the number of spans after the name at k that give it again
// in brackets, "(" NAME ")" right after it; 0 when none do.
func bracketedName(spans []Chunk, k int) int {
	if k+3 >= len(spans) {
		return 0
	}
	open, name, closing := spans[k+1], spans[k+2], spans[k+3]
	if open.Kind != SpanOther || open.Value != "(" || open.T0 != spans[k].T1 || name.Kind != SpanName || closing.Kind != SpanOther || closing.Value != ")" {
		return 0
	}
	return 3
}

// hasTitle reports whether a post is of a title, or of a longer title that
// starts with it ("Bộ trưởng Quốc phòng" is a "Bộ trưởng").
func hasTitle(pos PositionFact, title string) bool {
	return pos.Title == title || strings.HasPrefix(Fold(pos.Title), Fold(title)+" ")
}

// afterMemorial reports a span right after a memorial word ("Phủ", "Lăng"),
// which makes it part of a place's name.
func (a *analysis) afterMemorial(sp Chunk) bool {
	return sp.T0 > 0 && a.g.is(a.toks[sp.T0-1].Key, wMemorial)
}

// afterBehalf reports a span right after an on-behalf phrase (on_behalf.txt).
func (a *analysis) afterBehalf(sp Chunk) bool {
	t := sp.T0
	for start := max(t-4, 0); start < t; start++ {
		if n, _ := a.g.behalfLex.longest(a.toks[:t], start); n > 0 && start+n == t {
			return true
		}
	}
	return false
}

// holdersOf lists the people of the article who hold a post with this title.
func (a *analysis) holdersOf(title string) []*PersonFact {
	var out []*PersonFact
	for _, p := range a.facts.Persons {
		for _, pos := range p.Positions {
			if hasTitle(pos, title) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// looksLikeName reports a capitalized run that is a Vietnamese full name (a
// family name and two or three more syllables) followed by a title after a
// comma or dash, or by a role verb.
func (a *analysis) looksLikeName(spans []Chunk, k int) bool {
	sp := spans[k]
	if n := sp.T1 - sp.T0; n < 3 || n > 4 || !a.g.Surnames[a.toks[sp.T0].Key] {
		return false
	}
	if k+1 < len(spans) && spans[k+1].Kind == SpanVerb {
		return true
	}
	return k+2 < len(spans) && spans[k+1].Kind == SpanSep && spans[k+1].Value != "và" && spans[k+1].Value != ";" && spans[k+2].Kind == SpanTitle
}

// appositives re-reads the segments already attached after a mention's name, so
// that a title without a body can share the next one's.
func (m *mention) appositives(a *analysis, spans []Chunk) []segment {
	var segs []segment
	for k := m.name + 1; k < m.k1; k++ {
		if spans[k].Kind == SpanTitle {
			sg, next := a.readSegment(spans, k)
			segs = append(segs, sg)
			k = next - 1
		}
	}
	return segs
}

func (a *analysis) addPositions(p *PersonFact, ps []PositionFact) {
	for _, pos := range ps {
		dup := false
		if pos.Org == "" && pos.Name == pos.Title {
			// a bare title repeated before a known name ("Bộ trưởng Phùng Quang
			// Thanh" after "Bộ trưởng Bộ Quốc phòng") is a short reference
			for _, have := range p.Positions {
				if hasTitle(have, pos.Title) {
					dup = true
				}
			}
			if dup {
				continue
			}
		}
		// "Đại sứ Trung Quốc Hùng Ba" after (or before) "Đại sứ Đặc mệnh toàn
		// quyền nước Cộng hòa nhân dân Trung Hoa tại Việt Nam": one title of
		// one foreign country, the shorter with no body, is one post
		short := pos.Org == "" && a.g.countryIn(pos.Name) != ""
		for i, have := range p.Positions {
			if Fold(have.Name) == Fold(pos.Name) {
				dup = true
				break
			}
			if sameTitle(have.Title, pos.Title) && a.g.countryIn(have.Name) == a.g.countryIn(pos.Name) {
				if short && len(pos.Name) < len(have.Name) {
					dup = true
					break
				}
				if have.Org == "" && a.g.countryIn(have.Name) != "" && len(have.Name) < len(pos.Name) {
					p.Positions[i] = pos
					dup = true
					break
				}
			}
			// "Bộ trưởng Quốc phòng Phan Văn Giang" and "Bộ trưởng Bộ Quốc
			// phòng": a post with no body whose words are the other's with
			// some left out is a short form of it
			if pos.Org == "" && wordsWithin(pos.Name, have.Name) {
				dup = true
				break
			}
			if have.Org == "" && pos.Org != "" && wordsWithin(have.Name, pos.Name) {
				p.Positions[i] = pos
				dup = true
				break
			}
			// the same title gains its body from a later shared title
			// (or its place: "Bí thư - Tỉnh trưởng tỉnh Bò Kẹo" gives "Bí thư"
			// first, then "Bí thư tỉnh Bò Kẹo")
			if have.Title == pos.Title && have.Org == "" && pos.Org != "" && strings.HasPrefix(Fold(pos.Name), Fold(have.Name)) ||
				have.Org == "" && Fold(have.Name) == Fold(have.Title) && sameTitle(have.Title, pos.Title) &&
					len(pos.Name) > len(have.Name) && strings.HasPrefix(Fold(pos.Name), Fold(have.Name)+" ") {
				p.Positions[i] = pos
				dup = true
				break
			}
		}
		if !dup {
			p.Positions = append(p.Positions, pos)
		}
		if p.Foreign && p.Nationality == "" {
			p.Nationality = a.nationOf(a.countryIn(pos.Name))
		}
	}
}

// foreignWord reports a word of plain Latin letters (no Vietnamese marks, no
// đ), more than two, capitalized: "Irvansyah", not "Lịch".
func foreignWord(w string) bool {
	if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// wordsWithin reports whether short's words are long's with some left out
// (in order, the first word the same, fewer words).
func wordsWithin(short, long string) bool {
	sw, lw := strings.Fields(Fold(short)), strings.Fields(Fold(long))
	if len(sw) == 0 || len(sw) >= len(lw) || sw[0] != lw[0] {
		return false
	}
	i := 0
	for _, w := range lw {
		if i < len(sw) && sw[i] == w {
			i++
		}
	}
	return i == len(sw)
}

// countryIn names the foreign country a title or body mentions, if any.
func (a *analysis) countryIn(s string) string { return a.g.countryIn(s) }

// countryIn names the foreign country a name mentions, if any.
func (g *Gazetteer) countryIn(s string) string {
	if c := g.country(s); c != "Việt Nam" {
		return c
	}
	return ""
}

// nationOf is a country's name as a nationality: "" for the oceans and seas
// that the country list holds only to qualify names.
func (a *analysis) nationOf(country string) string {
	if c := a.g.Countries[country]; c == nil || c.Nationality == "" {
		return ""
	}
	return country
}

// namesCountry reports whether a name mentions any country, Việt Nam included.
func (g *Gazetteer) namesCountry(s string) bool { return g.country(s) != "" }

// country is the first country a name mentions ("" if none). Names of the
// gazetteer's bodies are looked up in a table made at load.
func (g *Gazetteer) country(s string) string {
	if c, ok := g.orgCountry[s]; ok {
		return c
	}
	toks := Tokenize(Normalize(s))
	for i := range toks {
		// oceans and seas qualify names but are no one's country
		if n, v := g.countryLex.longest(toks, i); n > 0 && g.Countries[v] != nil && g.Countries[v].Nationality != "" {
			return v
		}
	}
	return ""
}

// holderOf is the one person of the article who holds a post with this title.
func (a *analysis) holderOf(title string) *PersonFact {
	var found *PersonFact
	for _, p := range a.facts.Persons {
		for _, pos := range p.Positions {
			if hasTitle(pos, title) {
				if found != nil && found != p {
					return nil
				}
				found = p
			}
		}
	}
	return found
}

// person resolves a NAME span to a person: an earlier one (by full name, or by a
// short reference like "Đại tướng Lịch", "ông Austin"), or a new one when the
// name is anchored by a rank, a title or an honorific. The alias is the short
// reference as written, when the mention is one.
func (a *analysis) person(spans []Chunk, k int, rank string, pending []segment, honor string, anchored bool) (*PersonFact, string) {
	sp := spans[k]
	words := strings.Fields(a.spanText(sp))
	if initialedName(words[0]) {
		// "W.M.Winfield" is "W.M. Winfield", as other pages write it
		d := strings.LastIndexByte(words[0], '.') + 1
		words = append([]string{words[0][:d], words[0][d:]}, words[1:]...)
	}
	upper := true
	for i := sp.T0; i < sp.T1; i++ {
		upper = upper && (a.toks[i].Upper || a.toks[i].Kind == Punct)
	}
	name := CanonicalTone(strings.Join(words, " "))
	if upper {
		name = CanonicalTone(properCase(name))
	}
	vietnamese := a.g.Surnames[Fold(words[0])]
	prefix, titled := "", false
	switch {
	case len(pending) > 0 && pending[len(pending)-1].k1 == k && pending[len(pending)-1].org == "" && pending[len(pending)-1].country == "":
		prefix, titled = a.spanText(spans[pending[len(pending)-1].k0]), true
	case rank != "" && k > 0 && spans[k-1].Kind == SpanRank:
		prefix = a.spanText(spans[k-1])
	case honor != "" && k > 0 && spans[k-1].Kind == SpanHonorific:
		prefix = honor
	}
	if p := a.personByKey[Fold(name)]; p != nil {
		alias := ""
		if titled {
			alias = CanonicalTone(prefix + " " + name) // "Bộ trưởng Phùng Quang Thanh"
		}
		return p, alias
	}
	// a short reference: the given name (Vietnamese) or family name (foreign) of
	// someone already named
	if anchored && len(words) <= 2 && !(len(words) == 2 && vietnamese) {
		if p := a.shortRef(name, rank, pending); p != nil {
			alias := name
			if prefix != "" {
				alias = CanonicalTone(prefix + " " + name)
			}
			return p, alias
		}
	}
	// "Phó Đô đốc Irvansyah, Tư lệnh Cảnh sát biển Indonesia": a foreign
	// name of one word after a rank or a style, with a post after it, is a
	// person named by one name
	// "ông Văn-Xay-Phong-Sạ-Vẳn, Ủy viên …": a transliterated name joined by
	// hyphens after an honorific, with a post after it, is a whole name too
	postAfter := k+2 < len(spans) && spans[k+1].Kind == SpanSep && spans[k+1].Value == "," && spans[k+2].Kind == SpanTitle
	mononym := len(words) == 1 && (rank != "" || honor != "" && a.g.styleAt(a.toks, spans[k-1].T0, len(a.toks))) &&
		foreignWord(words[0]) && postAfter ||
		len(words) == 1 && (rank != "" || honor != "") && strings.Count(words[0], "-") >= 2 && postAfter
	if anchored && len(words) == 1 && (rank != "" || len(pending) > 0) && !a.g.startsBody(Fold(words[0])) && !mononym {
		a.diagnose(sp.Start, sp.End, "short reference %q names no one the article named before", prefix+" "+name)
	}
	// "ông Trung Bổng Lăng Thanh": right after an honorific, a run whose
	// first word only opens a head ("Trung" of "Trung tâm") is a name
	opensBody := a.g.startsBody(Fold(words[0]))
	if opensBody && honor != "" && k > 0 && spans[k-1].Kind == SpanHonorific && spans[k-1].T1 == sp.T0 {
		if hn, _ := a.g.headLex.longest(a.toks, sp.T0); hn == 0 {
			opensBody = false
		}
	}
	if !anchored || len(words) < 2 && !mononym || opensBody {
		return nil, ""
	}
	// A capitalized run of words after a title that starts with a known body's
	// word is not a name; a Vietnamese name has at most five syllables. A
	// foreign name of more than four words is one only after a rank or an
	// honorific: a Khmer or Lao name written syllable by syllable ("Thiếu tướng
	// Un Bun Ny Ryt Thy").
	if !vietnamese && len(words) > 4 && rank == "" && honor == "" {
		return nil, ""
	}
	p := &PersonFact{Name: name, Start: sp.Start, End: sp.End}
	if !vietnamese {
		p.Foreign = true
		for _, sg := range pending {
			if sg.country != "" && sg.country != "Việt Nam" {
				p.Nationality = a.nationOf(sg.country)
			}
		}
	}
	a.personByKey[Fold(name)] = p
	a.facts.Persons = append(a.facts.Persons, p)
	return p, ""
}

// shortRef finds the person a short name refers to: the last-named person whose
// name ends with it, preferring one whose rank or title the reference repeats.
func (a *analysis) shortRef(short, rank string, pending []segment) *PersonFact {
	fs := " " + Fold(short)
	var cands []*PersonFact
	for _, p := range a.facts.Persons {
		if strings.HasSuffix(" "+Fold(p.Name), fs) || p.Foreign && strings.HasPrefix(Fold(p.Name)+" ", Fold(short)+" ") {
			cands = append(cands, p)
		}
	}
	if len(cands) == 1 {
		return cands[0]
	}
	for i := len(cands) - 1; i >= 0; i-- {
		p := cands[i]
		if rank != "" && p.Rank == rank {
			return p
		}
		for _, sg := range pending {
			for _, pos := range p.Positions {
				if pos.Title == sg.title {
					return p
				}
			}
		}
	}
	if len(cands) > 0 {
		return cands[len(cands)-1]
	}
	return nil
}

// startsBody reports a word that opens the name of a body ("Cục", "Bộ"), which
// no person's name starts with.
func (g *Gazetteer) startsBody(w string) bool {
	return g.headLex.opens(w) && !g.Surnames[w]
}
