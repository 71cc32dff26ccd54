package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// bodies records every body of the sentence, the abbreviations it defines
// ("Bộ Quốc phòng (BQP)") and bodies qualified by an armed force
// ("Bộ Tổng Tham mưu Quân đội nhân dân Lào").
func (a *analysis) bodies(spans []Chunk) []Chunk {
	spans = a.bracketedBodies(spans)
	if len(spans) > 0 {
		a.headLists(spans[0].T0, spans[len(spans)-1].T1)
	}
	for k := 0; k < len(spans); k++ {
		sp := spans[k]
		if sp.Kind != SpanOrg || sp.LoneHead() {
			continue
		}
		o := a.orgOf(sp)
		a.standingCommittee(sp, o)
		a.locatedParent(sp)
		a.sharedSuffix(sp)
		a.sharedUnit(sp)
		// "Trường Sĩ quan Lục quân 1 (Trường Đại học Trần Quốc Tuấn)": the
		// body's other name in brackets is its alias
		if k+3 < len(spans) && spans[k+1].Value == "(" && spans[k+3].Value == ")" && a.otherName(sp, spans[k+2]) {
			o.Aliases = appendUnique(o.Aliases, CanonicalTone(collapseSpaces(a.spanText(spans[k+2]))))
			k += 3
			continue
		}
		// "(BQP)": an abbreviation the article defines; after a body written
		// short ("… các nước ASEAN (ADSOM)") it is the whole phrase's, not the
		// body's
		if k+3 < len(spans) && spans[k+1].Value == "(" && spans[k+3].Value == ")" &&
			spans[k+2].T1-spans[k+2].T0 == 1 && a.toks[spans[k+2].T0].Upper && shortBody(a.toks, sp) {
			k += 3
			continue
		}
		if k+3 < len(spans) && spans[k+1].Value == "(" && spans[k+3].Value == ")" &&
			spans[k+2].T1-spans[k+2].T0 == 1 && a.toks[spans[k+2].T0].Upper {
			abbr := a.toks[spans[k+2].T0].Text // what it stands for is the refs stage's
			// the abbreviation is the alias of the ending its initials spell:
			// "Bộ Tư lệnh Bộ đội Biên phòng (BĐBP)" names Bộ đội Biên phòng BĐBP
			named := o
			if written := CanonicalTone(collapseSpaces(a.spanText(sp))); initialsSuffix(written, abbr) != written {
				named = a.org("", initialsSuffix(written, abbr))
			}
			named.Aliases = appendUnique(named.Aliases, abbr)
			// the short form in the brackets is this body's, not the one the
			// gazetteer reads it as ("Quân đội nhân dân Lào (QĐND)" names no
			// Quân đội nhân dân Việt Nam)
			k += 3
			continue
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
	return spans
}

// standingCommittee names the standing committee of a party body written
// before it, not inside a title: "Thường vụ Quân ủy Trung ương quyết định …",
// "báo cáo Thường vụ QUTW", "Ban Thường vụ Tỉnh ủy Nghệ An" (a body of its
// own; "Ủy viên Thường vụ Quân ủy Trung ương" is a post in the Quân ủy Trung
// ương). The committee's name is "Thường vụ" and the body's canonical name.
func (a *analysis) standingCommittee(sp Chunk, o *OrgFact) {
	t := sp.T0
	if t < 2 || a.toks[t-1].Key != "vụ" || a.toks[t-2].Key != "thường" || !a.toks[t-2].Cap {
		return
	}
	s := t - 2
	if s > 0 && a.toks[s-1].Key == "ban" && a.toks[s-1].Cap {
		s--
	}
	if a.g.titleEndsAt(a.toks, s) || s > 0 && a.g.titleEndsAt(a.toks, s+1) {
		return // "Ủy viên Thường vụ …", "Ủy viên Ban Thường vụ …": a post
	}
	if !partyCommittee(o.Name) {
		return
	}
	a.org(a.tokText(s, t)+" "+o.Name, a.tokText(s, sp.T1))
}

// partyCommittee reports a party committee's name: "ủy" after its first word
// ("Quân ủy Trung ương", "Tỉnh ủy Nghệ An", "Đảng ủy Quân khu 4"; not "Ủy ban
// nhân dân").
func partyCommittee(name string) bool {
	words := strings.Fields(Fold(name))
	for _, w := range words[min(1, len(words)):] {
		if w == "ủy" {
			return true
		}
	}
	return false
}

// locatedParent names the known body a mission's name holds before where it
// sits: "Phái bộ Gìn giữ hòa bình Liên hợp quốc ở Nam Sudan" names Liên hợp
// quốc too (a nested body, GUIDELINES).
func (a *analysis) locatedParent(sp Chunk) {
	// "Ban Thư ký ASEAN", "Phái đoàn … tại ASEAN": an international body
	// that ends the name
	for s := sp.T0 + 1; s < sp.T1; s++ {
		if n, v := a.g.orgLex.longest(a.toks[:sp.T1], s); n > 0 && s+n == sp.T1 && a.toks[s].Cap {
			if known := a.g.Orgs[v]; known != nil && !known.Gov {
				a.org(v, a.tokText(s, sp.T1))
			}
			break
		}
	}
	for e := sp.T0 + 2; e+1 < sp.T1; e++ {
		if k := a.toks[e].Key; k != "tại" && k != "ở" {
			continue
		}
		for s := sp.T0 + 1; s < e; s++ {
			if n, v := a.g.orgLex.longest(a.toks[:e], s); n > 0 && s+n == e && a.toks[s].Cap {
				a.org(v, a.tokText(s, e))
				return
			}
		}
		return
	}
}

// otherName reports a body in brackets that is another name of the body
// before them, not the body it belongs to: a body of several words opening
// with the same word, and not one of its parents ("Bộ Tổng Tham mưu (Bộ Quốc
// phòng)" names its parent).
func (a *analysis) otherName(sp, in Chunk) bool {
	if in.Kind != SpanOrg || in.LoneHead() || in.T1-in.T0 < 3 || sp.T1-sp.T0 < 2 || a.toks[sp.T0].Key != a.toks[in.T0].Key {
		return false
	}
	inner := in.Value
	if inner == "" {
		inner = a.spanText(in)
	}
	inner = Fold(inner)
	for name, seen := a.orgOf(sp).Name, 0; name != "" && seen < 10; seen++ {
		known := a.g.Orgs[name]
		if known == nil {
			break
		}
		if Fold(known.Parent) == inner {
			return false
		}
		name = known.Parent
	}
	return true
}

// shortBody reports a body span written as one word in capitals ("ASEAN",
// "KOICA"): an abbreviation itself, which an abbreviation in brackets after
// it does not define.
func shortBody(toks []Token, sp Chunk) bool {
	return sp.T1-sp.T0 == 1 && toks[sp.T0].Upper
}

// bracketedBodies merges a body whose name goes on after the abbreviation it
// defines into one span: "Bộ đội Biên phòng (BĐBP) tỉnh An Giang", "Ủy ban nhân
// dân (UBND) tỉnh Nghệ An" (a head word alone before the brackets). The
// abbreviation names the part before the brackets.
func (a *analysis) bracketedBodies(spans []Chunk) []Chunk {
	for k := 0; k+2 < len(spans); k++ {
		open, abbr, closing := spans[k], spans[k+1], spans[k+2]
		if open.Value != "(" || closing.Value != ")" || !bracketedAbbrev(a.toks, abbr) {
			continue
		}
		// what the brackets follow: a body, or a head word alone
		first, t0 := k-1, -1
		if first >= 0 && spans[first].Kind == SpanOrg {
			t0 = spans[first].T0
		} else if t0 = a.g.headEndingAt(a.toks, open.T0); t0 >= 0 {
			for first = k - 1; first > 0 && spans[first].T0 > t0; first-- {
			}
		}
		if t0 < 0 || first < 0 {
			continue
		}
		full, e := a.bracketedBody(t0, open.T0, closing.T1)
		if full == nil {
			continue
		}
		if spans[first].Kind == SpanOrg {
			// the body the abbreviation stands for (the refs stage's): the one
			// before the brackets, or the ending its initials spell ("Ban Chỉ
			// huy Bộ đội Biên phòng (BĐBP)" defines BĐBP, Bộ đội Biên phòng,
			// and names no body "Ban Chỉ huy Bộ đội Biên phòng")
			written := CanonicalTone(collapseSpaces(a.spanText(spans[first])))
			if suffix := initialsSuffix(written, spanOf(a.toks, abbr.T0, abbr.T1)); suffix != written {
				a.org("", suffix)
			} else if spans[first].Value != "" || a.g.Orgs[written] != nil {
				// a body of its own ("Bộ đội Biên phòng (BĐBP) tỉnh An
				// Giang"); a kind of body that only the name after the
				// brackets makes one ("Bộ Chỉ huy Quân sự (BCHQS) tỉnh Nghệ
				// An") is none
				a.orgOf(spans[first])
			}
		}
		last := k + 2
		for last+1 < len(spans) && spans[last+1].T0 < e {
			last++
		}
		merged := Chunk{Kind: SpanOrg, T0: t0, T1: e, Start: a.toks[t0].Start, End: a.toks[e-1].End, Value: full.Name}
		a.orgAt[merged.Start] = full
		spans = append(spans[:first], append([]Chunk{merged}, spans[last+1:]...)...)
		k = first
	}
	return spans
}

// bracketedAbbrev reports the span of an abbreviation in brackets after a
// body: one word in capitals ("BĐBP"), or up to three capitalized words of
// which one is in capitals ("Bộ CHQS", "UBMTTQ VN"), not a place ("Nghệ An").
func bracketedAbbrev(toks []Token, sp Chunk) bool {
	if sp.T1-sp.T0 == 1 {
		return toks[sp.T0].Upper
	}
	if sp.T1-sp.T0 > 3 {
		return false
	}
	upper := false
	for t := sp.T0; t < sp.T1; t++ {
		if toks[t].Kind != Word || !toks[t].Cap {
			return false
		}
		upper = upper || toks[t].Upper && utf8.RuneCountInString(toks[t].Text) >= 2
	}
	return upper
}

// sharedSuffix reads a body head standing alone before a comma and a body with
// a head of its own: "Đảng ủy, Bộ Tư lệnh Quân khu 4" names Đảng ủy Quân khu 4
// too.
func (a *analysis) sharedSuffix(sp Chunk) {
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
			if a.placeNamedHead(a.tokText(start, t-1)) || a.g.localHeadAt(a.toks, start, t-1-start) {
				return // named by a place, not by a unit: sharedUnit's
			}
			rest := a.tokText(t+hn, sp.T1)
			written := a.tokText(start, t-1) + " " + rest
			a.org("", written)
			return
		}
	}
}

// sharedUnit reads bodies of one kind each before a comma that share the
// administrative unit and place of the body after them: "Tỉnh ủy, HĐND, UBND
// tỉnh Quảng Trị" names Tỉnh ủy Quảng Trị (as the gazetteer knows it; written
// "Tỉnh ủy tỉnh Quảng Trị") and HĐND tỉnh Quảng Trị too. The body must open
// with its kind and end with the unit and the place ("UBND tỉnh Quảng Trị",
// "Ủy ban Mặt trận Tổ quốc Việt Nam (UBMTTQ VN) tỉnh Quảng Trị"); each item is
// a kind alone (loneKindEndingAt).
func (a *analysis) sharedUnit(sp Chunk) {
	t := sp.T0
	if t < 2 || a.toks[t-1].Text != "," {
		return
	}
	if hn, _ := a.g.headLex.longest(a.toks, t); hn == 0 && !a.toks[t].Upper {
		return // the body opens with its kind
	}
	u := t + 1 // the unit: the first one in the name with a place after it
	for u+1 < sp.T1 && !(a.g.is(a.toks[u].Key, wAdmin) && a.toks[u+1].Cap) {
		u++
	}
	if u+1 >= sp.T1 {
		return
	}
	unit, place := a.tokText(u, sp.T1), a.tokText(u+1, sp.T1)
	for t >= 2 && a.toks[t-1].Text == "," {
		s, canonical := a.loneKindEndingAt(t-1, place)
		if s < 0 {
			return
		}
		a.org(canonical, a.tokText(s, t-1)+" "+unit)
		t = s
	}
}

// loneKindEndingAt is the first token of a kind of body written alone that
// ends right before token e: an abbreviation of the gazetteer in capitals
// ("HĐND"), a capitalized head ("Đảng ủy"), or a word the gazetteer knows
// with the place as a body ("Tỉnh ủy" + "Quảng Trị": Tỉnh ủy Quảng Trị, the
// canonical name it returns too); -1 when none does.
func (a *analysis) loneKindEndingAt(e int, place string) (int, string) {
	if e >= 1 && a.toks[e-1].Upper && a.g.Abbrev[a.toks[e-1].Text] != "" && a.itemStart(e-1) {
		return e - 1, a.knownWith(e-1, e, place)
	}
	for s := max(e-4, 0); s < e; s++ { // the longest first
		if !a.toks[s].Cap || !a.itemStart(s) {
			continue // the whole item, not the end of a longer name
		}
		if n, _ := a.g.headLex.longest(a.toks[:e], s); n == e-s {
			return s, a.knownWith(s, e, place)
		}
		if k := a.knownWith(s, e, place); k != "" {
			return s, k
		}
	}
	return -1, ""
}

// itemStart reports a list item that may open at token s: after punctuation,
// a function word, or nothing.
func (a *analysis) itemStart(s int) bool {
	return s == 0 || a.toks[s-1].Kind != Word || a.g.isFunction(a.toks[s-1].Key)
}

// knownWith is the gazetteer's name of the body that tokens s..e and a place
// name together ("Tỉnh ủy" + "Quảng Trị"), or "".
func (a *analysis) knownWith(s, e int, place string) string {
	toks := Tokenize(Normalize(a.tokText(s, e) + " " + place))
	if n, v := a.g.orgLex.longest(toks, 0); n == len(toks) && n > 0 {
		return v
	}
	return ""
}

// bracketedBody reads a body whose name goes on after the abbreviation it
// defines: tokens t0..t1 name it, the brackets close before t, and an
// administrative unit and a capitalized name follow ("Bộ đội Biên phòng (BĐBP)
// tỉnh An Giang"). It returns the body and the token after its name, or nil
// when no such continuation follows.
func (a *analysis) bracketedBody(t0, t1, t int) (*OrgFact, int) {
	if t+1 >= len(a.toks) || !a.g.is(a.toks[t].Key, wAdmin) || !a.toks[t+1].Cap {
		return nil, 0
	}
	e := t + 1
	for e < len(a.toks) && a.toks[e].Kind == Word && a.toks[e].Cap {
		e++
	}
	written := a.tokText(t0, t1) + " " + a.tokText(t, e)
	canonical := ""
	if toks := Tokenize(Normalize(written)); len(toks) > 0 {
		if n, v := a.g.orgLex.longest(toks, 0); n == len(toks) {
			canonical = v
		}
	}
	return a.org(canonical, written), e
}

// numberedBodies reads a head word over a list of numbers: "các quân khu 1, 2,
// 4 và 9" names Quân khu 1, Quân khu 2, Quân khu 4 and Quân khu 9. It returns
// the bodies' names.
func (a *analysis) numberedBodies(s sentence) (bodies []string) {
	toks := a.toks[:s.t1]
	for i := s.t0; i < s.t1; i++ {
		if a.skip[i] {
			continue
		}
		hn, _ := a.g.headLex.longest(toks, i)
		if hn == 0 || i+hn >= s.t1 || !isDigits(toks[i+hn].Text) {
			continue
		}
		head := upperFirst(CanonicalTone(a.tokText(i, i+hn)))
		nums := []string{toks[i+hn].Text}
		j := i + hn + 1
		for j+1 < s.t1 && (toks[j].Text == "," || toks[j].Key == "và") && isDigits(toks[j+1].Text) {
			nums = append(nums, toks[j+1].Text)
			j += 2
		}
		if len(nums) < 2 || j < s.t1 && toks[j].Kind == Word && toks[j].Cap {
			continue // one number is an ordinary name; a name after the list qualifies it
		}
		for _, n := range nums {
			bodies = append(bodies, head+" "+n)
		}
		i = j - 1
	}
	return bodies
}

// provinceLists reads a body over a list of provinces: "Bộ Chỉ huy Quân sự các
// tỉnh An Giang, Kiên Giang" names Bộ Chỉ huy Quân sự tỉnh An Giang and Bộ Chỉ
// huy Quân sự tỉnh Kiên Giang. It returns the bodies' names.
func (a *analysis) provinceLists(s sentence) (bodies []string) {
	toks := a.toks[:s.t1]
	for i := s.t0 + 1; i+2 < s.t1; i++ {
		// "các" or "hai" + an administrative unit, after a body's name
		if a.skip[i] || toks[i].Key != "các" && toks[i].Key != "hai" || !a.g.is(toks[i+1].Key, wAdmin) {
			continue
		}
		start := a.bodyEndingAt(i)
		if start < 0 {
			continue
		}
		body := a.tokText(start, i)
		unit := toks[i+1].Text
		var names []string
		j := i + 2
		for j < s.t1 && toks[j].Kind == Word && toks[j].Cap {
			if hn, _ := a.g.headLex.longest(toks, j); hn > 0 {
				break // "… và Đồn Biên phòng X": another body ends the list
			}
			e := j
			for e < s.t1 && toks[e].Kind == Word && toks[e].Cap {
				e++
			}
			names = append(names, a.tokText(j, e))
			j = e
			if j+1 < s.t1 && (toks[j].Text == "," || toks[j].Key == "và") && toks[j+1].Cap {
				j++
				continue
			}
			break
		}
		if len(names) < 2 {
			continue
		}
		for _, n := range names {
			bodies = append(bodies, body+" "+unit+" "+n)
		}
		i = j
	}
	return bodies
}

// bodyEndingAt finds a body's name (known, or a head and its name) that ends
// right before token t; it returns its first token, or -1.
func (a *analysis) bodyEndingAt(t int) int {
	for start := max(t-8, 0); start < t; start++ { // the longest name first
		if !a.toks[start].Cap {
			continue
		}
		if n, _ := a.g.orgLex.longest(a.toks[:t], start); start+n == t {
			return start
		}
		if n, _ := a.g.headLex.longest(a.toks[:t], start); start+n == t {
			return start
		}
	}
	return -1
}

// initialsSuffix is the part of a name an abbreviation defined after it stands
// for: the shortest ending of the name whose words' initials spell the
// abbreviation ("Ban Chỉ huy Bộ đội Biên phòng (BĐBP)": BĐBP is Bộ đội Biên
// phòng), else the whole name ("Quân đội nhân dân Việt Nam (QĐND)").
func initialsSuffix(name, short string) string {
	words := strings.Fields(name)
	want := []rune(strings.ToUpper(short))
	for k := len(words) - 1; k > 0; k-- {
		if len(words)-k != len(want) {
			continue
		}
		ok := true
		for i, w := range words[k:] {
			r, _ := utf8.DecodeRuneInString(w)
			ok = ok && unicode.ToUpper(r) == want[i]
		}
		if ok {
			return strings.Join(words[k:], " ")
		}
	}
	return name
}

// headNamesNothing reports a name that is a body's head alone (org_heads.txt:
// "Bộ Chỉ huy Quân sự", the expansion of "Bộ CHQS") and no body of the
// gazetteer: a body of that kind, not one of its own.
func (g *Gazetteer) headNamesNothing(name string) bool {
	if g.Orgs[name] != nil {
		return false
	}
	toks := Tokenize(Normalize(name))
	n, _ := g.headLex.longest(toks, 0)
	return n > 0 && n == len(toks)
}

// headLists reads a body's head written once over a list after a colon: "các
// Bộ: Ngoại giao, Công an, Kế hoạch và Đầu tư" names Bộ Ngoại giao, Bộ Công an
// and Bộ Kế hoạch và Đầu tư. The head follows a word of quantity ("các") and
// each item opens with a capitalized word or a number; the list ends at the
// end of its clause. "và" inside an item joins one name when the gazetteer
// knows the body so named, else it ends the item ("Tài chính và Tư pháp").
func (a *analysis) headLists(t0, t1 int) {
	for t := t0 + 1; t+2 < t1; t++ {
		if !a.toks[t].Cap || !a.g.is(a.toks[t-1].Key, wQuantity) {
			continue
		}
		hn, _ := a.g.headLex.longest(a.toks[:t1], t)
		if hn == 0 || t+hn+1 >= t1 || a.toks[t+hn].Text != ":" {
			continue
		}
		head := a.tokText(t, t+hn)
		var items [][2]int // token ranges of the items
		i := t + hn + 1
		for i < t1 {
			if a.toks[i].Kind != Number && !(a.toks[i].Kind == Word && a.toks[i].Cap) {
				break
			}
			e := i + 1
			for e < t1 && e-i < 8 && (a.toks[e].Kind == Word || a.toks[e].Kind == Number) {
				e++
			}
			items = append(items, a.splitListItem(head, i, e)...)
			if e >= t1 || a.toks[e].Text != "," {
				break
			}
			i = e + 1
		}
		if len(items) < 2 {
			continue
		}
		for _, it := range items {
			written := head + " " + a.tokText(it[0], it[1])
			canonical := ""
			if toks := Tokenize(Normalize(written)); len(toks) > 0 {
				if n, v := a.g.orgLex.longest(toks, 0); n == len(toks) {
					canonical = v
				}
			}
			a.org(canonical, written)
		}
		t = i
	}
}

// splitListItem splits the item at tokens i..e of a list under a head at "và"
// unless the gazetteer knows the whole as one body ("Bộ Khoa học và Công
// nghệ"), or a part after "và" would open in lower case.
func (a *analysis) splitListItem(head string, i, e int) [][2]int {
	whole := Tokenize(Normalize(head + " " + a.tokText(i, e)))
	if n, _ := a.g.orgLex.longest(whole, 0); n == len(whole) {
		return [][2]int{{i, e}}
	}
	for k := i + 1; k+1 < e; k++ {
		if a.toks[k].Key == "và" && a.toks[k+1].Cap {
			return append([][2]int{{i, k}}, a.splitListItem(head, k+1, e)...)
		}
	}
	return [][2]int{{i, e}}
}
