package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SpanKind is what a span of text names.
type SpanKind uint8

const (
	SpanOther      SpanKind = iota // any token not part of a known span
	SpanRank                       // "Thượng tướng"
	SpanTitle                      // "Thứ trưởng"
	SpanOrg                        // "Bộ Quốc phòng", "BQP"
	SpanCountry                    // "Lào"
	SpanHonorific                  // "ông", "đồng chí"
	SpanName                       // a run of capitalized words: a possible person name
	SpanVerb                       // a role verb: "chủ trì", "dự", "phát biểu"
	SpanEvent                      // an event trigger: "Hội nghị", "hội đàm"
	SpanResolution                 // "Nghị quyết 806-NQ/QUTW"
	SpanDate                       // "Ngày 8/1", "sáng 27-7"
	SpanSep                        // , ; – and "và"
)

var spanNames = [...]string{"OTHER", "RANK", "TITLE", "ORG", "COUNTRY", "HONORIFIC", "NAME", "VERB", "EVENT", "RESOLUTION", "DATE", "SEP"}

func (k SpanKind) String() string {
	if int(k) < len(spanNames) {
		return spanNames[k]
	}
	return "?"
}

// Chunk is a recognized piece of a sentence. T0..T1 is its token range; Start and
// End are byte offsets in Text.Norm (use Text.SourceOffset for the source).
//
// Value is the span's canonical value as text (a rank's, title's, body's or
// country's name, a verb's role, an event's kind, a resolution's code, the
// word of an OTHER or SEP span). Typed is the value itself, set by the spans
// stage by kind: *Rank, *Title, *Country; for a body the gazetteer's *Org, or
// LoneHead for a head word alone whose name the next body completes, or nil
// for a body built from a head and a name; the Date of a date; the Code of a
// resolution. The accessors below read it.
type Chunk struct {
	Kind       SpanKind
	T0, T1     int
	Start, End int
	Value      string
	Typed      any
}

// The typed values of spans that have no type of the gazetteer's.
type (
	// LoneHead is the typed value of a body span that is only a head word
	// ("Đảng ủy" in "Phó Bí thư Đảng ủy, Tư lệnh Quân khu 7"), whose name the
	// next body in the chain completes.
	LoneHead struct{}
	// Code is a resolution's code ("806-NQ/QUTW") or its number alone.
	Code string
)

// Rank is a RANK span's rank (nil for another span).
func (c Chunk) Rank() *Rank { r, _ := c.Typed.(*Rank); return r }

// Title is a TITLE span's title.
func (c Chunk) Title() *Title { t, _ := c.Typed.(*Title); return t }

// Body is the gazetteer's body an ORG span names (nil for a body the
// gazetteer does not list, and for a lone head).
func (c Chunk) Body() *Org { o, _ := c.Typed.(*Org); return o }

// Country is a COUNTRY span's country.
func (c Chunk) Country() *Country { k, _ := c.Typed.(*Country); return k }

// When is a DATE span's date.
func (c Chunk) When() (Date, bool) { d, ok := c.Typed.(Date); return d, ok }

// Code is a RESOLUTION span's code.
func (c Chunk) Code() (Code, bool) { k, ok := c.Typed.(Code); return k, ok }

// LoneHead reports an ORG span that is only a body's head word.
func (c Chunk) LoneHead() bool { _, ok := c.Typed.(LoneHead); return ok }

// typed is the typed value of a span the spans stage found.
func (g *Gazetteer) typed(toks []Token, c Chunk, head bool) any {
	switch c.Kind {
	case SpanRank:
		if r := g.Ranks[c.Value]; r != nil {
			return r
		}
	case SpanTitle:
		if t := g.Titles[c.Value]; t != nil {
			return t
		}
	case SpanOrg:
		if head {
			return LoneHead{}
		}
		if o := g.Orgs[c.Value]; o != nil {
			return o
		}
	case SpanCountry:
		if k := g.Countries[c.Value]; k != nil {
			return k
		}
	case SpanDate:
		return spanDate(toks, c)
	case SpanResolution:
		return Code(c.Value)
	}
	return nil
}

// sentence is a token range ending at a full stop, question mark or line end.
type sentence struct{ t0, t1 int }

// splitSentences splits tokens into sentences.
func splitSentences(toks []Token) []sentence {
	var out []sentence
	start := 0
	for i, tok := range toks {
		end := false
		switch {
		case tok.Kind == Newline:
			end = true
		case tok.Kind == Punct:
			switch tok.Text {
			case ".":
				end = !isAbbrevDot(toks, i)
			case "!", "?", "…":
				end = true
			}
		}
		if end {
			if i+1 > start {
				out = append(out, sentence{start, i + 1})
			}
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, sentence{start, len(toks)})
	}
	return out
}

// scanSpans turns the tokens of one sentence into spans, longest match first.
// Tokens that match nothing become SpanOther (one per token).
func (g *Gazetteer) scanSpans(toks []Token, s sentence) []Chunk {
	return g.appendSpans(make([]Chunk, 0, s.t1-s.t0), toks, s)
}

// appendSpans is scanSpans appending to spans: at most one span a token.
func (g *Gazetteer) appendSpans(spans []Chunk, toks []Token, s sentence) []Chunk {
	emit := func(kind SpanKind, t0, t1 int, val string) {
		spans = append(spans, Chunk{Kind: kind, T0: t0, T1: t1, Start: toks[t0].Start, End: toks[t1-1].End, Value: val})
	}
	// a span of a typed kind: its value read once, here
	emitTyped := func(kind SpanKind, t0, t1 int, val string, head bool) {
		c := Chunk{Kind: kind, T0: t0, T1: t1, Start: toks[t0].Start, End: toks[t1-1].End, Value: val}
		c.Typed = g.typed(toks, c, head)
		spans = append(spans, c)
	}
	for i := s.t0; i < s.t1; {
		tok := toks[i]
		if tok.Kind == Newline {
			i++
			continue
		}
		if tok.Kind == Punct {
			switch {
			case tok.Text == "," || tok.Text == ";" || isDash(tok.Text):
				emit(SpanSep, i, i+1, tok.Text)
			default:
				emit(SpanOther, i, i+1, tok.Text)
			}
			i++
			continue
		}
		if n, code := g.resolutionAt(toks, i, s.t1); n > 0 {
			emitTyped(SpanResolution, i, i+n, code, false)
			i += n
			continue
		}
		if n := dateAt(toks, i, s.t1); n > 0 {
			emitTyped(SpanDate, i, i+n, "", false)
			i += n
			continue
		}
		kind, n, val, head := g.lexiconAt(toks, i, s.t1)
		// "Trường Đại học Tôn Đức Thắng", "Trường Trung học phổ thông Nguyễn
		// Huệ": a kind of school that is no name alone takes the name after
		// it, a person's too
		if kn := g.namedKindAt(toks, i, s.t1); kn > n && (kind == SpanOrg || kind == SpanOther || n == 0) {
			kind, n, val, head = SpanOrg, kn, "", false
		}
		if kind == SpanOrg && !head {
			// "Học viện Quốc phòng Kaysone Phomvihane": a body named after a
			// foreign person
			if en := g.eponymAt(toks, i, i+n, s.t1); en > n {
				n, val = en, ""
			}
		}
		if n > 0 {
			emitTyped(kind, i, i+n, val, head)
			i += n
			continue
		}
		if tok.Key == "và" {
			emit(SpanSep, i, i+1, "và")
			i++
			continue
		}
		if n := g.nameAt(toks, i, s.t1); n > 0 {
			emit(SpanName, i, i+n, "")
			i += n
			continue
		}
		emit(SpanOther, i, i+1, tok.Key)
		i++
	}
	return spans
}

// lexiconAt finds the longest gazetteer phrase at toks[i]. Ranks, titles, bodies
// and countries must start with a capital (or be an abbreviation); honorifics,
// verbs and event triggers may be lower case.
//
// head reports a body span that is only a head word (LoneHead).
func (g *Gazetteer) lexiconAt(toks []Token, i, end int) (kind SpanKind, n int, val string, head bool) {
	window := toks[:end]
	bestKind, bestN, bestVal := SpanOther, 0, ""
	loneN := 0 // the length of a lone head found
	try := func(kind SpanKind, n int, val string) {
		if n > bestN {
			bestKind, bestN, bestVal = kind, n, val
		}
	}
	if !g.startsAt(&toks[i]) {
		return SpanOther, 0, "", false // no phrase of any list starts with this word
	}
	capital := toks[i].Cap
	if capital {
		n, v := g.rankLex.longest(window, i)
		try(SpanRank, n, v)
		n, v = g.titleLex.longest(window, i)
		try(SpanTitle, n, v)
		n, v = g.vesselTitleAt(window, i)
		try(SpanTitle, n, v)
		n, v = g.prefixedTitle(window, i, 0)
		try(SpanTitle, n, v)
		n, v = g.orgAt(window, i)
		try(SpanOrg, n, v)
		n, v = g.countryLex.longest(window, i)
		try(SpanCountry, n, v)
	} else {
		// "nhiệm vụ phụ trách Tư lệnh Hải quân": a prefix in lower case
		// before a capitalized title
		n, v := g.prefixedTitle(window, i, 0)
		try(SpanTitle, n, v)
	}
	// "Phó Bí thư Đảng ủy, Tư lệnh Quân khu 7": a body's head alone after a
	// title, its name given by the next title's body
	if capital && bestN == 0 && g.titleEndsAt(window, i) {
		// "Bí thư Đảng ủy – Chính ủy Quân đoàn 12": a dash stacks the titles
		// as a comma does
		if hn, _ := g.headLex.longest(window, i); hn > 0 && i+hn < end && (toks[i+hn].Text == "," || toks[i+hn].Key == "và" || isDash(toks[i+hn].Text) && i+hn+1 < end && toks[i+hn+1].Cap) {
			try(SpanOrg, hn, "")
			loneN = bestN
		} else if hn := g.bareHeadAt(window, i); hn > 0 {
			try(SpanOrg, hn, "")
		}
	}
	switch n := g.lowerBodyAt(window, i); {
	case capital:
	case n > 0 && g.titleEndsAt(window, i):
		try(SpanOrg, n, "")
	case toks[i].Kind == Word:
		// some outlets write ranks and titles in lower case: "đại tướng Phan
		// Văn Giang - bộ trưởng Bộ Quốc phòng"; they count when a name or a
		// body follows
		capAfter := func(n int) bool { return i+n < end && toks[i+n].Kind == Word && toks[i+n].Cap }
		// "các thượng tướng: A, …": a lower-case rank over a list after ":"
		listAfter := func(n int) bool {
			return i > 0 && g.is(toks[i-1].Key, wQuantity) && i+n < end && toks[i+n].Text == ":"
		}
		if n, v := g.rankLex.longest(window, i); n > 0 && (capAfter(n) || listAfter(n)) {
			try(SpanRank, n, v)
		}
		if n, v := g.titleLex.longest(window, i); n > 0 && capAfter(n) {
			try(SpanTitle, n, v)
		}
	}
	if bestKind == SpanOrg {
		// "Chi đội trưởng Chi đội …": a title followed by a body beats a body
		// pattern that would swallow both
		if tn, tv := g.titleLex.longest(window, i); tn > 0 && tn < bestN {
			if on, _ := g.orgAt(window, i+tn); on > 0 {
				bestKind, bestN, bestVal = SpanTitle, tn, tv
			}
		}
	}
	if bestKind == SpanTitle {
		// "Trưởng Ban Đối ngoại Trung ương": a shorter title leaving a body whole
		// beats a longer title that eats the body's first word.
		lens, vals := g.titleLex.all(window, i)
		for k := 0; k < len(lens); k++ {
			if lens[k] >= bestN {
				break
			}
			on, _ := g.orgAt(window, i+lens[k])
			if on == 0 {
				// "Trưởng phòng Đối ngoại Quân khu 5": the title's last word heads
				// the body
				on = g.lowerBodyAt(window, i+lens[k])
			}
			if on == 0 {
				// "Phó Trưởng Ban Chỉ đạo": a body's head alone, which refers
				// back to the body named before (bareHead)
				on = g.bareHeadAt(window, i+lens[k])
			}
			if on > 0 && i+lens[k]+on > i+bestN {
				bestN, bestVal = lens[k], vals[k]
				break
			}
		}
	}
	if n, v := g.verbLex.longest(window, i); n > bestN && !capitalStartsName(toks, i, capital) {
		bestKind, bestN, bestVal = SpanVerb, n, v
		if v == notVerb {
			// "tiếp tục", "dự báo": words that start like a role verb but are not
			bestKind, bestVal = SpanOther, toks[i].Key
		}
	}
	if n, v := g.eventLex.longest(window, i); n > bestN {
		bestKind, bestN, bestVal = SpanEvent, n, v
	}
	if bestN == 0 {
		if n, v := g.honorLex.longest(window, i); n > 0 {
			return SpanHonorific, n, v, false
		}
	}
	return bestKind, bestN, bestVal, bestKind == SpanOrg && loneN > 0 && bestN == loneN && bestVal == ""
}

// localHeadAt reports a head of local_heads.txt of n tokens at toks[i].
func (g *Gazetteer) localHeadAt(toks []Token, i, n int) bool {
	ln, _ := g.localLex.longest(toks, i)
	return ln == n
}

// vesselTitleAt is a title of needs_org "vessel" at toks[i] ("Chỉ huy"), its
// length and name, when the vessel it commands follows (vessels.txt: "Chỉ huy
// tàu Yashima"); elsewhere the words are no title ("chỉ huy" a verb, "Ban
// Chỉ huy" a body's head).
func (g *Gazetteer) vesselTitleAt(toks []Token, i int) (int, string) {
	n, v := g.vesselTitleLex.longest(toks, i)
	if n == 0 || i+n >= len(toks) || toks[i+n].Cap {
		return 0, ""
	}
	if vn, _ := g.vesselLex.longest(toks, i+n); vn == 0 {
		return 0, ""
	}
	return n, v
}

// twoDomainsAt is the length of "và" and a second domain after a body named
// by its head and a first one ("Tổng cục Chính sách" + "và Đối ngoại, Bộ Quốc
// phòng Campuchia"), when the second ends the body's name at a comma that the
// parent body or its country follows: a capitalized word that opens no body,
// title, rank, country or person, and at most three words in all; 0
// otherwise.
func (g *Gazetteer) twoDomainsAt(toks []Token, i, n int) int {
	j := i + n
	if j+2 >= len(toks) || toks[j].Key != "và" || toks[j+1].Kind != Word || !toks[j+1].Cap || toks[j+1].Upper || g.Surnames[toks[j+1].Key] {
		return 0
	}
	if n, _ := g.lexiconAtCapital(toks, j+1, len(toks)); n > 0 {
		return 0
	}
	if hn, _ := g.headLex.longest(toks, j+1); hn > 0 {
		return 0
	}
	if cn, _ := g.countryLex.longest(toks, j+1); cn > 0 {
		return 0
	}
	for e := j + 2; e < len(toks) && e-j <= 4; e++ {
		t := toks[e]
		if t.Kind == Punct {
			// the parent body after a comma ends the name: "…, Bộ Quốc
			// phòng Campuchia" (a list of bodies or words would go on)
			if t.Text == "," && e+1 < len(toks) && (g.startsKnownBody(toks, e+1) || g.startsCountry(toks, e+1)) {
				return e - j
			}
			return 0
		}
		if t.Kind != Word || t.Cap || g.isFunction(t.Key) || g.verbAt(toks, e) {
			return 0
		}
	}
	return 0
}

// namedKindAt is the length of a body at toks[i] that opens with a kind of
// body which is no name alone (named_kinds.txt: "Trường Đại học", "Bảo tàng")
// and runs on over the capitalized words of its name ("Tôn Đức Thắng", "Sư phạm
// Hà Nội", "Liên minh chiến đấu Lào-Việt Nam" after a capital, lower-case
// words between two capitalized ones), up to a rank, a title, another body's
// head or a verb; 0 when no name follows the kind.
func (g *Gazetteer) namedKindAt(toks []Token, i, end int) int {
	if !toks[i].Cap {
		return 0
	}
	kn, _ := g.namedKindLex.longest(toks[:end], i)
	if kn == 0 {
		return 0
	}
	j := i + kn
	last := j // after the last capitalized word or number
	for j < end && j-(i+kn) < 8 {
		t := toks[j]
		capital := t.Kind == Word && (t.Cap || t.Upper) && nameWord(t.Text) || t.Kind == Number && j > i+kn
		if j > i+kn {
			// another body, a title or a rank ends the name; after lower-case
			// words of the name it goes on ("Đại học Chỉ huy Tham mưu Lục quân
			// Hoa Kỳ")
			if n, _ := g.lexiconAtCapital(toks, j, end); n > 0 && t.Cap && last == j {
				break
			}
			if g.verbAt(toks, j) {
				break
			}
		}
		switch {
		case capital:
			j++
			last = j
		case t.Kind == Punct && isDash(t.Text) && last == j && j+1 < end && toks[j+1].Cap:
			j++ // "Lào - Việt Nam", "Lào-Việt Nam"
		case t.Kind == Word && !t.Cap && last > i+kn && !g.isFunction(t.Key) && j+1 < end:
			// a lower-case word inside the name, kept if a capital follows, or
			// (up to three) if the name ends with them at a comma, a semicolon
			// or "và" ("Bảo tàng Chứng tích chiến tranh, …")
			j++
			if j-last <= 3 && j < end && (toks[j].Text == "," || toks[j].Text == ";" || toks[j].Key == "và") {
				last = j
			}
		default:
			return last - i
		}
	}
	if last == i+kn {
		return 0
	}
	return last - i
}

// eponymAt is the end of a body at toks[i:e] that a foreign name right after it
// names (eponym_heads.txt: "Học viện Quốc phòng Kaysone Phomvihane"), as a
// number of tokens from i; e-i when no such name follows.
func (g *Gazetteer) eponymAt(toks []Token, i, e, end int) int {
	if hn, _ := g.eponymLex.longest(toks, i); hn == 0 || e >= end || g.Surnames[toks[e].Key] {
		return e - i
	}
	if nn := g.nameAt(toks, e, end); nn > 0 {
		return e + nn - i
	}
	return e - i
}

// prefixedTitle is a title a prefix makes of the title after it (title_prefixes.txt):
// "Phó" + "Trợ lý" + "Bộ trưởng Quốc phòng"; its length and its name, the
// prefixes as written before the title's name; 0 when none is at toks[i].
func (g *Gazetteer) prefixedTitle(toks []Token, i, depth int) (int, string) {
	pn, _ := g.prefixLex.longest(toks, i)
	// a prefix in lower case before a capitalized title is one too ("nhiệm
	// vụ phụ trách Tư lệnh Hải quân")
	if pn == 0 || depth > 2 || i+pn >= len(toks) || !toks[i].Cap && !toks[i+pn].Cap {
		return 0, ""
	}
	// "Thừa ủy quyền Chủ tịch nước": a lower-case prefix that ends an
	// on-behalf phrase (on_behalf.txt) is that phrase's word, no "Quyền"
	if !toks[i].Cap && g.behalfEndsAt(toks, i, i+pn) {
		return 0, ""
	}
	tn, tv := g.titleLex.longest(toks, i+pn)
	if n, v := g.prefixedTitle(toks, i+pn, depth+1); n > tn {
		tn, tv = n, v
	}
	if tn == 0 {
		return 0, ""
	}
	written := CanonicalTone(collapseSpaces(spanOf(toks, i, i+pn)))
	return pn + tn, written + " " + tv
}

// behalfEndsAt reports an on-behalf phrase (on_behalf.txt) that takes in
// toks[i] and ends at toks[e].
func (g *Gazetteer) behalfEndsAt(toks []Token, i, e int) bool {
	for start := max(i-4, 0); start <= i; start++ {
		if n, _ := g.behalfLex.longest(toks[:e], start); n > 0 && start+n == e {
			return true
		}
	}
	return false
}

// spanOf is the text of toks[i:j] as written, spaces between the tokens that
// had them.
func spanOf(toks []Token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i && toks[k].Start > toks[k-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Text)
	}
	return b.String()
}

// lowerBodyAt matches a body whose head word is written in lower case after a
// title ("Trưởng phòng Đối ngoại Quân khu 5"): the head and a capitalized name.
func (g *Gazetteer) lowerBodyAt(toks []Token, i int) int {
	if i >= len(toks) || toks[i].Cap || toks[i].Kind != Word {
		return 0
	}
	// "Phó Trưởng ban Nguyễn Thị Lan Phương": a name after the head is a person's
	if h, _ := g.headLex.longest(toks, i); h > 0 && i+h+1 < len(toks) && g.Surnames[toks[i+h].Key] && toks[i+h+1].Cap {
		return 0
	}
	if n, _ := g.orgPatternAt(toks, i); n > 1 {
		return n
	}
	return 0
}

// bareHeadAt is the length of a body's head standing alone at i, with no name
// after it (the end, punctuation or a role verb follow): "Phó Trưởng [Ban Chỉ
// đạo];". Only a head of two words or more: "Ban" alone is a word.
func (g *Gazetteer) bareHeadAt(toks []Token, i int) int {
	hn, _ := g.headLex.longest(toks, i)
	if hn < 2 || !toks[i].Cap {
		return 0
	}
	e := i + hn
	if e == len(toks) || toks[e].Kind == Punct || toks[e].Kind == Newline {
		return hn
	}
	if vn, v := g.verbLex.longest(toks, e); vn > 0 && v != notVerb && !toks[e].Cap {
		return hn // "Trưởng Ban Chỉ đạo chủ trì"
	}
	if g.personRunAt(toks, e) {
		return hn // "Bí thư Tỉnh ủy Lê Văn Nam": the holder's name
	}
	return 0 // a name or more of the name follows ("Hải đội tàu huấn luyện")
}

// titleEndsAt reports a title that ends right before toks[i].
func (g *Gazetteer) titleEndsAt(toks []Token, i int) bool {
	for j := max(i-4, 0); j < i; j++ {
		lens, _ := g.titleLex.all(toks, j)
		for _, n := range lens {
			if j+n == i && toks[j].Cap {
				return true
			}
		}
	}
	return false
}

// capitalStartsName guards verbs that are also given names ("Tiếp", "Dự") when
// written capitalized inside a run of capitalized words.
func capitalStartsName(toks []Token, i int, capital bool) bool {
	return capital && i > 0 && toks[i-1].Kind == Word && toks[i-1].Cap
}

// orgAt finds a body at toks[i]: the gazetteer's longest match, extended by a
// country ("Bộ Quốc phòng" + "Lào"), or a body built from a head word and a name
// ("Quân khu" + "4", "Cục" + "Tác chiến").
func (g *Gazetteer) orgAt(toks []Token, i int) (int, string) {
	if !toks[i].Cap {
		return 0, ""
	}
	n, v := g.orgLex.longest(toks, i)
	if n == 0 {
		n, v = g.orgPatternAt(toks, i)
		if n == 0 {
			return 0, ""
		}
	} else if i+n < len(toks) && g.plainWord(toks, i+n) && !g.is(toks[i+n].Key, wState) && !g.is(toks[i+n].Key, wQuantity) {
		// ("Bộ Quốc phòng ba nước Việt Nam - Lào - Campuchia": a count of
		// countries after it is no part of a name)
		// a known name that goes on in lower case is another body's longer
		// name: "Cục Chính sách" vs "Cục Chính sách quốc tế Bộ Quốc phòng Hàn Quốc"
		if pn, pv := g.orgPatternAt(toks, i); pn > n && (toks[i+pn-1].Cap || toks[i+pn-1].Kind == Number) {
			n, v = pn, pv
		}
	}
	// overlapping names make one body: "Trung ương Đảng" + "Đảng Nhân dân Cách
	// mạng Lào" is "Trung ương Đảng Nhân dân Cách mạng Lào"
	for k := i + 1; k < i+n; k++ {
		if m, _ := g.orgLex.longest(toks, k); m > 0 && k+m > i+n {
			n, v = k+m-i, ""
			break
		}
	}
	// a mission names where it sits: "Đại sứ quán Hàn Quốc" + "tại Việt Nam"
	if m := g.locatedAt(toks, i, n); m > 0 {
		return n + m, ""
	}
	// a foreign ministry of two domains: "Bộ Quốc phòng" + "và Cựu chiến binh
	// Cộng hòa Nam Phi"
	if m := g.conjoinedAt(toks, i, n); m > 0 {
		return n + m, ""
	}
	// a country after a body qualifies it: "Bộ Quốc phòng Lào" is a body of its
	// own, "Bộ Quốc phòng Việt Nam" is the Bộ Quốc phòng; so with a word for
	// the State before the country ("Bộ Quốc phòng nước Cộng hòa Nhân dân Trung
	// Hoa")
	state := 0
	if i+n+1 < len(toks) && toks[i+n].Kind == Word && !toks[i+n].Cap && g.is(toks[i+n].Key, wState) {
		state = 1
	}
	if cn, country := g.countryLex.longest(toks, i+n+state); cn > 0 && v != "" && g.Orgs[v] != nil && !g.namesCountry(v) {
		if country == "Việt Nam" {
			return n + state + cn, v
		}
		written := make([]string, 0, cn+state)
		for _, t := range toks[i+n : i+n+state+cn] {
			written = append(written, t.Text)
		}
		return n + state + cn, v + " " + strings.Join(written, " ")
	}
	// a Vietnamese-style body of a foreign armed force is a body of its own:
	// "Bộ Tổng Tham mưu" + "Quân đội nhân dân Lào"
	if v != "" && !g.namesCountry(v) {
		if m, v2 := g.orgLex.longest(toks, i+n); m > 0 && g.countryIn(v2) != "" {
			return n + m, v + " " + v2
		}
	}
	return n, v
}

// conjoinedAt is the length of "và", a second domain and a country after a
// ministry's name of n tokens at i ("Bộ Quốc phòng và Cựu chiến binh Cộng hòa
// Nam Phi", "Bộ Ngoại giao và Thương mại Australia"): the second domain is a
// capitalized word and up to three more words, none a body, a head, a title, a
// rank or a country, and the country ends the name. 0 when no such name follows.
func (g *Gazetteer) conjoinedAt(toks []Token, i, n int) int {
	j := i + n
	if hn, head := g.headLex.longest(toks, i); hn > 0 && head != "Bộ" {
		return g.twoDomainsAt(toks, i, n)
	}
	if hn, head := g.headLex.longest(toks, i); hn != 1 || head != "Bộ" || j+2 >= len(toks) || toks[j].Key != "và" || !toks[j+1].Cap || toks[j+1].Kind != Word {
		return 0
	}
	for e := j + 1; e < len(toks) && e-j <= 4; e++ {
		if cn, _ := g.countryLex.longest(toks, e); cn > 0 {
			if e == j+1 {
				return 0 // "Bộ Quốc phòng và Lào": two parties
			}
			return e + cn - j
		}
		t := toks[e]
		if t.Kind != Word || g.isFunction(t.Key) {
			return 0
		}
		if on, _ := g.orgLex.longest(toks, e); on > 0 {
			return 0
		}
		if hn, _ := g.headLex.longest(toks, e); hn > 0 {
			return 0
		}
		if tn, _ := g.titleLex.longest(toks, e); tn > 0 {
			return 0
		}
		if rn, _ := g.rankLex.longest(toks, e); rn > 0 {
			return 0
		}
	}
	return 0
}

// locatedAt is the length of "tại" and a place after a body's name of n tokens
// at i when the body is one that names where it sits (located.txt): "Đại sứ
// quán Hàn Quốc tại Việt Nam", "Tổng Lãnh sự quán Việt Nam tại Khon Kaen". The
// place is a country, or up to four capitalized words; 0 when none follows.
func (g *Gazetteer) locatedAt(toks []Token, i, n int) int {
	j := i + n
	if j+1 >= len(toks) || toks[j].Key != "tại" || !toks[j+1].Cap || toks[j+1].Kind != Word {
		return 0
	}
	name := make([]string, 0, n)
	for _, t := range toks[i : i+n] {
		name = append(name, t.Text)
	}
	if !g.locatedName(strings.Join(name, " ")) {
		return 0
	}
	if cn, _ := g.countryLex.longest(toks, j+1); cn > 0 {
		return 1 + cn
	}
	e := j + 1
	for e < len(toks) && e-j <= 4 && toks[e].Kind == Word && toks[e].Cap {
		if rn, _ := g.rankLex.longest(toks, e); rn > 0 {
			break
		}
		if tn, _ := g.titleLex.longest(toks, e); tn > 0 {
			break
		}
		e++
	}
	return e - j
}

// orgPatternAt matches head + name components: a capitalized word with at most one
// following lower-case syllable, a number, or an abbreviation.
func (g *Gazetteer) orgPatternAt(toks []Token, i int) (int, string) {
	head, _ := g.headLex.longest(toks, i)
	if head == 0 {
		return 0, ""
	}
	j := i + head
	comps := 0
	placed := false      // the name has reached a place after an administrative unit ("tỉnh Đồng Nai")
	countryOnly := false // the name so far is the head and a country
	for j < len(toks) {
		t := toks[j]
		// "UBND 9 tỉnh biên giới": a number is no local body's name (those are
		// named by their place)
		if t.Kind == Number && comps == 0 && j == i+head && g.localHeadAt(toks, i, head) {
			return 0, ""
		}
		if t.Kind == Number && comps == 0 || t.Kind == Number && toks[j-1].Kind == Word {
			j++
			comps++
			continue
		}
		// "tỉnh Savannakhet", "thành phố Hải Phòng": a place inside a body's name
		// "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh": a head of more than one word
		// and a unit alone, with no place after it, is the body of the
		// article's province (unitBody reads which)
		// "Chủ tịch UBND tỉnh", "Chủ tịch HĐND tỉnh Đỗ Văn Nam": so is a local
		// head and a unit alone, which a clause's end, a verb or a person's
		// name follows
		local := comps == 0 && j == i+head && g.localHeadAt(toks, i, head)
		if comps == 0 && j == i+head && (head > 1 && capInside(toks, i+1, j) || local) {
			if an := g.adminLen(toks, j); an > 0 && (j+an == len(toks) || toks[j+an].Kind == Punct || toks[j+an].Key == "và" ||
				local && (g.verbAt(toks, j+an) || toks[j].Key == "tỉnh" && g.personRunAt(toks, j+an))) {
				return j + an - i, ""
			}
		}
		// "Hội đồng nhân dân tỉnh Nghệ An", "UBND huyện Mường Tè": a local
		// body (local_heads.txt) is named by its place right after its head
		if an := g.adminLen(toks, j); an > 0 && (comps > 0 || local) && j+an < len(toks) && toks[j+an].Kind == Word && toks[j+an].Cap {
			// the place's name, whatever its words look like ("tỉnh Long An":
			// "Long" is a family name too; "thành phố Hà Nội")
			j += an
			for e := j; e < len(toks) && e-j < 4 && toks[e].Kind == Word && toks[e].Cap; e++ {
				if hn, _ := g.headLex.longest(toks, e); hn > 0 && e > j {
					break // "… tỉnh Tây Ninh Đồn Biên phòng …": another body
				}
				if tn, _ := g.titleLex.longest(toks, e); tn > 0 {
					break
				}
				if rn, _ := g.rankLex.longest(toks, e); rn > 0 {
					break
				}
				j = e + 1
			}
			if local && j < len(toks) && g.verbAt(toks, j) {
				// "Quyền Chủ tịch UBND tỉnh Hoàng Nam phát biểu": a name, then
				// the verb, after a body the place was left out of
				return 0, ""
			}
			comps++
			placed = true
			continue
		}
		// "Đồn Biên phòng cửa khẩu quốc tế Móng Cái": a head that ends in a
		// capitalized word may be followed by lower-case words, then the name
		// ("Đại đội bảo vệ biên giới 585", "Chi đội tàu hộ vệ tên lửa số
		// 18"): or the number of a unit named by what it is
		if comps == 0 && j-1 > i && g.plainWord(toks, j) {
			run := 1
			for j+run < len(toks) && run < 6 && g.plainWord(toks, j+run) {
				run++
			}
			if run <= 4 && j+run < len(toks) && toks[j+run].Kind == Word && toks[j+run].Cap && (capInside(toks, i+1, j) || g.startsKnownBody(toks, j+run)) {
				j += run
				continue
			}
			if j+run < len(toks) && unitNumber(toks[j+run]) && g.runOn(toks, i, j) == j {
				return j + run + 1 - i, "" // the number ends the name
			}
		}
		// "Ấn Độ Dương - Thái Bình Dương": a dash between two capitalized words
		// of one name, unless a rank, a title or a person follows it
		if t.Kind == Punct && isDash(t.Text) && comps > 0 && toks[j-1].Kind == Word && toks[j-1].Cap && j+1 < len(toks) && toks[j+1].Kind == Word && toks[j+1].Cap {
			rn, _ := g.rankLex.longest(toks, j+1)
			tn, _ := g.titleLex.longest(toks, j+1)
			person := g.Surnames[toks[j+1].Key] && j+2 < len(toks) && toks[j+2].Cap && !(j+3 < len(toks) && toks[j+3].Cap)
			if rn == 0 && tn == 0 && !person {
				j++
				continue
			}
		}
		// "Học viện Quân y mang tên S.M. Kirov": the dot after initials
		if t.Kind == Punct && t.Text == "." && comps > 0 && isInitials(toks[j-1].Text) && isAbbrevDot(toks, j) {
			j++
			continue
		}
		if t.Kind != Word || !t.Cap {
			if countryOnly && comps == 1 && plainRun(g, toks, j) >= 5 {
				// "Cơ quan Việt Nam tìm kiếm người mất tích": a head and a
				// country whose name goes on in lower case is not one the
				// pattern can end
				return 0, ""
			}
			break
		}
		// a country qualifies the body ("… Hàn Quốc"), even one that starts
		// like a family name
		if cn, _ := g.countryLex.longest(toks, j); cn > 0 && comps > 0 {
			j += cn
			comps++
			continue
		}
		// a person's name after a body ("Bộ Ngoại giao Phạm Bình Minh") ends it;
		// after a head alone, a name of three syllables ("Bí thư Tỉnh ủy Lê
		// Văn Nam": a place after a head has two)
		if g.Surnames[t.Key] && j+1 < len(toks) && toks[j+1].Kind == Word && toks[j+1].Cap && (comps > 0 || g.personRunAt(toks, j)) {
			break
		}
		if n, _ := g.titleLex.longest(toks, j); n > 0 {
			break
		}
		if n, _ := g.rankLex.longest(toks, j); n > 0 {
			break
		}
		j++
		comps++
		if t.Upper {
			continue
		}
		if n, _ := g.countryLex.longest(toks, j-1); n > 0 {
			j += n - 1
			countryOnly = comps == 1
			continue
		}
		// lower-case words inside the name: up to three before another
		// capitalized word ("Đồn Biên phòng cửa khẩu quốc tế Móng Cái"), or one
		// that ends a word ("Quốc phòng")
		run := 0
		for j+run < len(toks) && run < 6 && g.plainWord(toks, j+run) && !g.adminBeforePlace(toks, j+run) {
			run++
		}
		switch {
		case run == 0:
		case run <= 3 && j+run < len(toks) && toks[j+run].Kind == Word && toks[j+run].Cap && !g.Surnames[toks[j+run].Key]:
			j += run
		case run <= 3 && j+run < len(toks) && toks[j+run].Kind == Word && toks[j+run].Cap && g.startsCountry(toks, j+run):
			// "Cơ quan Hợp tác quốc tế Hàn Quốc": a country after the
			// lower-case words, even one that opens like a family name
			j += run
		case run <= 3 && comps > 0 && g.adminBeforePlace(toks, j+run) && g.titleEndsAt(toks, i):
			// "Trạm trưởng Trạm Hội ngộ hội đàm khu vực Kim Bình": lower-case
			// words, then the unit and the place the post's body is named by
			j += run
		case run <= 5 && j+run < len(toks) && unitNumber(toks[j+run]):
			// "Chi đội Tàu hộ vệ tên lửa số 18": a unit's kind, then its number
			j += run
		case run == 1:
			j++
		case run <= 3 && g.joinsName(toks, j+run):
			// "Tổng cục Quan hệ quốc tế và Chiến lược": "và" and a
			// capitalized word that opens nothing else join one name
			j += run + 1
		case run <= 3 && j+run < len(toks) && toks[j+run].Key == "và" && g.titleEndsAt(toks, i):
			// "Phó Cục trưởng Cục Công nghiệp quốc phòng và đại diện …": "và"
			// before anything else ends the name of a post's body (elsewhere
			// the name may go on: "Cơ quan Kiểm kê tù binh và người mất tích")
			j += run
		case run <= 3 && (j+run == len(toks) || toks[j+run].Kind == Punct && strings.Contains(",;().", toks[j+run].Text) || g.verbAt(toks, j+run)):
			// "Trưởng phòng Hợp tác song phương, …", "Trưởng phòng Hợp tác
			// quốc tế trình bày": lower-case words that end the name where
			// its clause ends or a role verb follows
			j += run
		default:
			if e := g.runOn(toks, i, j); e > j {
				return e - i, "" // a body named by what it does
			}
			if placed {
				// "Ban Chỉ huy Bộ đội Biên phòng tỉnh Đồng Nai" + "hội đàm với …":
				// the place ends the name; the words after it are the sentence's
				return j - i, ""
			}
			// the name goes on in a way the pattern cannot follow ("Cục Gìn giữ
			// hòa bình"); leave it
			return 0, ""
		}
	}
	if e := g.runOn(toks, i, j); e > j {
		return e - i, ""
	}
	if comps == 0 {
		return 0, ""
	}
	return j - i, ""
}

// personRunAt reports a Vietnamese person's name of three or four syllables
// at toks[j]: a family name (surnames.txt), then capitalized words that are
// no abbreviation, country, body or title, then the end of the name. A
// province's name has two syllables ("tỉnh Hà Giang"), so the run tells a
// person after a bare unit or head from the place.
func (g *Gazetteer) personRunAt(toks []Token, j int) bool {
	if j >= len(toks) || toks[j].Kind != Word || !g.Surnames[toks[j].Key] || toks[j].Upper {
		return false
	}
	if n, _ := g.countryLex.longest(toks, j); n > 0 {
		return false
	}
	e := j + 1
	for e < len(toks) && e-j < 5 && toks[e].Kind == Word && toks[e].Cap && !toks[e].Upper {
		if n, _ := g.headLex.longest(toks, e); n > 0 {
			return false
		}
		if n, _ := g.titleLex.longest(toks, e); n > 0 {
			break
		}
		e++
	}
	return e-j >= 3 && e-j <= 4 && (e == len(toks) || !(toks[e].Kind == Word && toks[e].Cap))
}

// joinsName reports "và" at toks[j] joining a body's name to a capitalized
// word that opens no body, title, rank, country or person ("Quan hệ quốc tế
// và Chiến lược"), itself followed by a lower-case word or the end of the
// clause.
func (g *Gazetteer) joinsName(toks []Token, j int) bool {
	if j+1 >= len(toks) || toks[j].Key != "và" || toks[j+1].Kind != Word || !toks[j+1].Cap || toks[j+1].Upper {
		return false
	}
	k := j + 1
	if n, _ := g.headLex.longest(toks, k); n > 0 {
		return false
	}
	for _, l := range []*lexicon{&g.orgLex, &g.titleLex, &g.rankLex, &g.countryLex, &g.honorLex} {
		if n, _ := l.longest(toks, k); n > 0 {
			return false
		}
	}
	if g.Surnames[toks[k].Key] || g.isFunction(toks[k].Key) {
		return false
	}
	return k+1 == len(toks) || toks[k+1].Kind == Punct || g.plainWord(toks, k+1) && !(k+2 < len(toks) && toks[k+2].Kind == Word && toks[k+2].Cap)
}

// plainRun is the number of plain words (plainWord) from toks[j], up to 5.
func plainRun(g *Gazetteer, toks []Token, j int) int {
	n := 0
	for j+n < len(toks) && n < 5 && g.plainWord(toks, j+n) {
		n++
	}
	return n
}

// capInside reports a capitalized word among toks[i:j] (the words of a head
// after its first: "Đồn Biên phòng", not "Cơ quan").
func capInside(toks []Token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].Cap {
			return true
		}
	}
	return false
}

// startsKnownBody reports a body of the gazetteer at toks[j].
func (g *Gazetteer) startsKnownBody(toks []Token, j int) bool {
	n, _ := g.orgLex.longest(toks, j)
	return n > 0
}

// startsCountry reports a country's name at toks[j].
func (g *Gazetteer) startsCountry(toks []Token, j int) bool {
	n, _ := g.countryLex.longest(toks, j)
	return n > 0
}

// adminBeforePlace reports an administrative unit followed by a place's name
// ("tỉnh Đồng Nai"), which a body's name takes whole.
func (g *Gazetteer) adminBeforePlace(toks []Token, j int) bool {
	an := g.adminLen(toks, j)
	return an > 0 && j+an < len(toks) && toks[j+an].Kind == Word && toks[j+an].Cap
}

// verbAt reports a role verb of verbs.tsv at toks[j].
func (g *Gazetteer) verbAt(toks []Token, j int) bool {
	n, v := g.verbLex.longest(toks, j)
	return n > 0 && v != notVerb
}

// unitNumber reports the number of a unit: digits, or digits and one
// capital letter ("Sư đoàn bộ binh 320B").
func unitNumber(t Token) bool {
	if t.Kind == Number && isDigits(t.Text) {
		return true
	}
	n := len(t.Text)
	return n >= 2 && t.Text[n-1] >= 'A' && t.Text[n-1] <= 'Z' && isDigits(t.Text[:n-1])
}

// adminLen is the length of an administrative unit at toks[j] (words.tsv
// class admin: "tỉnh", or two words, "thành phố", "thủ đô"), 0 when none is
// there.
func (g *Gazetteer) adminLen(toks []Token, j int) int {
	if j >= len(toks) || toks[j].Kind != Word {
		return 0
	}
	if g.is(toks[j].Key, wAdmin) {
		return 1
	}
	if j+1 < len(toks) && toks[j+1].Kind == Word && g.is(toks[j].Key, wAdminLead) && g.is(toks[j].Key+" "+toks[j+1].Key, wAdmin) {
		return 2
	}
	return 0
}

// runOn is where the name of a body whose head at i runs on
// (running_heads.txt) ends, read from token j: over lower-case words (not
// verbs, and function words only of the name-link class), numbers and a named
// resolution, up to its last capitalized word, number or resolution within ten
// tokens; j when the head does not run on or nothing continues the name.
func (g *Gazetteer) runOn(toks []Token, i, j int) int {
	if n, _ := g.runningLex.longest(toks, i); n == 0 {
		return j
	}
	last := j
	topic := false // past a word that opens the body's topic ("về")
	for e := j; e < len(toks) && (e-j < 10 || topic && e-j < 14); {
		t := toks[e]
		if n, _ := g.resolutionAt(toks, e, len(toks)); n > 0 {
			e += n
			last = e
			continue
		}
		switch {
		case t.Kind == Number:
			e++
			last = e
		case t.Kind == Word && t.Cap:
			if rn, _ := g.rankLex.longest(toks, e); rn > 0 {
				return last
			}
			if tn, _ := g.titleLex.longest(toks, e); tn > 0 {
				return last
			}
			// a known body whole ("… hòa bình Liên hợp quốc")
			if on, _ := g.orgLex.longest(toks, e); on > 1 {
				e += on
				last = e
				continue
			}
			e++
			last = e
			// one lower-case syllable that ends the word ("Quốc phòng")
			if e < len(toks) && g.plainWord(toks, e) && (e+1 == len(toks) || !g.plainWord(toks, e+1) && !g.is(toks[e+1].Key, wNameLink)) {
				e++
				last = e
			}
		case t.Kind == Word && !t.Cap && e > j && g.adminLen(toks, e) == 1 &&
			(e+1 == len(toks) || toks[e+1].Kind == Punct || toks[e+1].Key == "và" || g.verbAt(toks, e+1)):
			// "Ban Chỉ đạo diễn tập tỉnh": lower-case words and an
			// administrative unit alone, where the clause ends, end the name
			// of the province's body
			return e + 1
		case t.Kind == Word && (g.plainWord(toks, e) || g.is(t.Key, wNameLink)):
			topic = topic || g.is(t.Key, wTopic)
			e++
		case topic && t.Kind == Word && !t.Cap && !g.isFunction(t.Key) && !g.is(t.Key, wNotName):
			// "Ban Chỉ đạo … về tham gia hoạt động gìn giữ hòa bình": after
			// the topic word, a verb names an activity, part of the name
			e++
		default:
			return last
		}
	}
	return last
}

// plainWord reports a lower-case word that may continue a name: not a function
// word, not a role verb.
func (g *Gazetteer) plainWord(toks []Token, j int) bool {
	t := toks[j]
	if t.Kind != Word || t.Cap || g.isFunction(t.Key) || g.is(t.Key, wNotName) {
		return false
	}
	n, _ := g.verbLex.longest(toks, j)
	return n == 0
}

// nameAt matches a run of capitalized words that may be a person's name: up to
// five words, none of which opens a gazetteer phrase.
func (g *Gazetteer) nameAt(toks []Token, i, end int) int {
	if g.isFunction(toks[i].Key) || g.is(toks[i].Key, wSentenceStart) {
		return 0
	}
	j := i
	for j < end && j-i < 6 {
		t := toks[j]
		// an initial: "Lloyd J. Austin"
		if j > i && t.Kind == Punct && t.Text == "." && isAbbrevDot(toks, j) && j+1 < end {
			j++
			continue
		}
		// initials that open the name: "W.M. Winfield"
		if j == i && isInitials(t.Text) && j+2 < end && toks[j+1].Text == "." && isAbbrevDot(toks, j+1) {
			j++
			continue
		}
		// a particle between two words of a name: "Mohammad bin Ab Rahman"
		if j > i && t.Kind == Word && !t.Cap && !t.Upper && g.nameParticles[t.Key] && j+1 < end &&
			toks[j+1].Kind == Word && (toks[j+1].Cap && nameWord(toks[j+1].Text) || g.nameParticles[toks[j+1].Key]) {
			j++
			continue
		}
		if t.Kind != Word || !(t.Cap || t.Upper) || !nameWord(t.Text) && !initialedName(t.Text) {
			break
		}
		if j > i {
			if n, _ := g.lexiconAtCapital(toks, j, end); n > 0 {
				break
			}
			// "Lailaraja Dato Paduka Seri Haji Halbi": a style written with
			// capitals (honorifics.txt) ends the name before it, unless a
			// particle puts it inside the name ("bin Haji Mohd Yussof")
			if g.styleAt(toks, j, end) && !g.nameParticles[toks[j-1].Key] {
				break
			}
		}
		j++
	}
	return j - i
}

// acronym reports a word in capitals that no Vietnamese syllable spells: a
// letter Vietnamese does not write (F, J, W, Z) or two consonants in a row that
// are no Vietnamese digraph ("ADSOM", "WG", "SOM"), as abbreviations of
// meetings and bodies are; "NGUYỄN", "THANH" are syllables.
func acronym(w string) bool {
	const digraphs = "ch gh gi kh ng nh ph qu th tr"
	letters := []rune(strings.ToLower(w))
	if len(letters) < 2 {
		return false
	}
	vowel := func(r rune) bool {
		return strings.ContainsRune("aăâeêioôơuưyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ", r)
	}
	for k, r := range letters {
		if strings.ContainsRune("fjwz", r) {
			return true
		}
		if k > 0 && !vowel(r) && !vowel(letters[k-1]) {
			pair := string(letters[k-1 : k+1])
			if !strings.Contains(digraphs, pair) && !(pair == "gh" || k >= 2 && string(letters[k-2:k+1]) == "ngh") {
				return true
			}
		}
	}
	return false
}

// styleAt reports an honorific style listed with a capital at toks[j]
// ("Dato Paduka Seri", "Haji", "Tan Sri"), written capitalized: lower-case
// honorifics ("anh", "cô") are words of Vietnamese names too.
func (g *Gazetteer) styleAt(toks []Token, j, end int) bool {
	n, v := g.honorLex.longest(toks[:end], j)
	if n == 0 || !toks[j].Cap || v == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(v)
	return unicode.IsUpper(r)
}

// lexiconAtCapital reports a rank, title, body or event trigger at toks[j].
func (g *Gazetteer) lexiconAtCapital(toks []Token, j, end int) (int, string) {
	w := toks[:end]
	if n, v := g.rankLex.longest(w, j); n > 0 {
		return n, v
	}
	if n, v := g.titleLex.longest(w, j); n > 0 {
		return n, v
	}
	if n, v := g.orgLex.longest(w, j); n > 0 {
		return n, v
	}
	if n, v := g.eventLex.longest(w, j); n > 0 {
		return n, v
	}
	return 0, ""
}

// nameWord reports whether a capitalized token can be part of a name: letters
// (and inner hyphens or apostrophes) only.
func nameWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

// properCase writes an upper-case name in proper case: "HOÀNG VŨ" → "Hoàng Vũ".
func properCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		parts := strings.Split(w, "-")
		for k, p := range parts {
			r, n := utf8.DecodeRuneInString(p)
			parts[k] = string(unicode.ToUpper(r)) + strings.ToLower(p[n:])
		}
		words[i] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

// spanInfo is the spans stage's result: the sentences, the kind of line each
// stands on, and the spans of each, found in its text tokens (not in chrome or
// credits). The article's own abbreviations are not applied here: they are the
// relate stage's (withAbbrevs).
type spanInfo struct {
	sents []sentence
	kinds []lineKind
	spans [][]Chunk
}

// sentenceSpans is the spans stage.
func (g *Gazetteer) sentenceSpans(toks []Token, li *lineInfo) *spanInfo {
	kindOf := make([]lineKind, len(toks))
	for _, l := range li.lines {
		for i := l.t0; i < l.t1; i++ {
			kindOf[i] = l.kind
		}
	}
	si := &spanInfo{sents: splitSentences(toks)}
	si.kinds = make([]lineKind, len(si.sents))
	si.spans = make([][]Chunk, len(si.sents))
	// one buffer for the article's spans: a span holds at least one token, so
	// it never grows, and each sentence's spans are a slice of it
	buf := make([]Chunk, 0, len(toks))
	for k, s := range si.sents {
		if s.t1 > s.t0 {
			kind := kindOf[s.t0]
			if toks[s.t0].Kind == Newline && s.t1-s.t0 > 1 {
				kind = kindOf[s.t0+1]
			}
			si.kinds[k] = kind
		}
		// the runs of kept tokens
		first := len(buf)
		for i := s.t0; i < s.t1; {
			for i < s.t1 && li.skip[i] {
				i++
			}
			j := i
			for j < s.t1 && !li.skip[j] {
				j++
			}
			if j > i {
				buf = g.appendSpans(buf, toks, sentence{i, j})
			}
			i = j
		}
		if len(buf) > first {
			si.spans[k] = buf[first:len(buf):len(buf)]
		}
	}
	return si
}
