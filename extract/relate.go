package extract

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// analysis is the relate stage's working state for one article.
type analysis struct {
	g     *Gazetteer
	doc   Document
	text  *Text
	toks  []Token
	skip  []bool // tokens of chrome and credit lines
	lines []line
	// textFold is the folded text of the article's own lines (no chrome, no
	// credits): what the article spells out
	textFold string
	facts    Facts

	personByKey map[string]*PersonFact
	orgByName   map[string]*OrgFact
	resByNumber map[string]*ResolutionFact
	planByKey   map[string]bool
	refs        *refTable        // the refs stage's: the article's own abbreviations ("QK4" → "Quân khu 4")
	sent        int              // the sentence the passes read (index in spanInfo)
	docAt       map[int]string   // the resolution or plan named at a token
	orgAt       map[int]*OrgFact // bodies whose name goes on past their span, by span start
	inDoc       map[int]bool     // tokens inside the name of a plan
	current     *EventFact       // the event the text is about at this point
	ev          evState          // the event rules' discourse state (events.go)
	lastPerson  *PersonFact      // the person last named, for "ông" alone
	lead        struct {         // the article's dateline: its first date and place
		seen  bool
		date  Date
		place string
	}
	diags []Diagnostic
	rule  string  // the pass running, named by its diagnostics
	cites bool    // whether to record where each fact is stated
	track tracker // what of the facts has been cited
	marks []mark

	spanBuf []Chunk // the sentence's spans as the passes see them (withAbbrevs)
}

// relate finds the facts of an article, without recording where they are
// stated: the lines, spans and relate stages.
func (g *Gazetteer) relate(doc Document, t *Text, toks []Token) (*Facts, []Diagnostic) {
	li := g.readLines(t, toks)
	si := g.sentenceSpans(toks, li)
	return g.relateStaged(doc, t, toks, li, si, g.articleRefs(t, toks, si), false)
}

// relateStaged is the relate stage: the facts of an article from its lines and
// spans; with cites, it also records where each is stated (Facts.cites,
// Facts.marks) for the evidence.
func (g *Gazetteer) relateStaged(doc Document, t *Text, toks []Token, li *lineInfo, si *spanInfo, rt *refTable, cites bool) (*Facts, []Diagnostic) {
	a := &analysis{
		g: g, doc: doc, text: t, toks: toks, skip: li.skip, cites: cites, lines: li.lines, textFold: li.textFold,
		personByKey: map[string]*PersonFact{}, orgByName: map[string]*OrgFact{},
		resByNumber: map[string]*ResolutionFact{}, planByKey: map[string]bool{},
		refs: rt, docAt: map[int]string{}, orgAt: map[int]*OrgFact{}, inDoc: map[int]bool{},
	}
	if cites {
		// cite each line's authors, publisher and headline as the line gave them
		for k, l := range a.lines {
			st := li.after[k]
			a.facts.Authors, a.facts.Publisher = li.authors[:st.authors], st.publisher
			if st.headline {
				a.facts.Headline = li.headline
			}
			if l.kind != lineChrome {
				a.noteLine(l)
			}
		}
	}
	a.facts.Authors, a.facts.Publisher, a.facts.Headline = slices.Clone(li.authors), li.publisher, li.headline
	if doc.Source != "" && a.facts.Publisher == "" {
		a.facts.Publisher = g.publisherName(doc.Source)
	}
	sents := si.sents
	// Resolutions first, so that a short form ("Nghị quyết 806") finds its full
	// form wherever the article gives it.
	for _, s := range sents {
		var found []Chunk
		for i := s.t0; i < s.t1; i++ {
			if a.skip[i] {
				continue
			}
			if n, code := a.g.resolutionAt(toks, i, s.t1); n > 0 && code != "" && !isDigits(code) {
				a.resolution(code, "")
				found = append(found, Chunk{Kind: SpanResolution, T0: i, T1: i + n, Start: toks[i].Start, End: toks[i+n-1].End, Value: code, Typed: Code(code)})
			}
		}
		if found != nil && a.cites {
			a.note(s, found, nil, nil)
		}
	}
	for i, s := range sents {
		a.sent = i
		spans := a.withAbbrevs(si.spans[i])
		if len(spans) == 0 {
			continue
		}
		a.runPasses(s, spans, si.kinds[i])
	}
	a.finishEvents()
	// an issuer known only from a resolution's code ("…/QUTW") is named through it
	for _, r := range a.facts.Resolutions {
		if r.issuerFromCode {
			o := a.org(r.Issuer, r.Issuer)
			if a.cites {
				a.cite(citeKey{o, slotFirst, 0}, a.facts.cites[citeKey{r, slotFirst, 0}])
			}
		}
	}
	a.facts.marks = a.marks
	return &a.facts, a.diags
}

// diagnose records a problem in the text at Norm offsets start..end, reported
// with the source offsets.
func (a *analysis) diagnose(start, end int, format string, args ...any) {
	a.diags = append(a.diags, Diagnostic{
		Rule:  a.rule,
		Start: a.text.SourceOffset(start), End: a.text.SourceOffset(end),
		Message: fmt.Sprintf(format, args...),
	})
}

// withAbbrevs is a copy of a sentence's spans (the spans stage's, which stay
// as they are) with the abbreviations the article defined before it applied.
// The copy is a.spanBuf, reused sentence after sentence: the passes keep no
// spans past their sentence.
func (a *analysis) withAbbrevs(spans []Chunk) []Chunk {
	a.spanBuf = a.refs.applied(a.g, a.toks, spans, a.sent, a.spanBuf)
	return a.spanBuf
}

// tokText is the normalized text of tokens t0..t1.
func (a *analysis) tokText(t0, t1 int) string {
	if t1 <= t0 {
		return ""
	}
	return a.text.Norm[a.toks[t0].Start:a.toks[t1-1].End]
}

// spanText is the normalized text of a span.
func (a *analysis) spanText(sp Chunk) string { return a.text.Norm[sp.Start:sp.End] }

// org records a body mentioned as written; the canonical name comes from the
// gazetteer (or is the written name with canonical tones).
func (a *analysis) org(canonical, written string) *OrgFact {
	written = CanonicalTone(collapseSpaces(written))
	name := canonical
	if name == "" {
		name = upperFirst(a.expandAbbrev(written))
	}
	o := a.orgByName[Fold(name)]
	if o == nil && canonical == "" {
		// "Ban Chỉ đạo Tổng kết Nghị quyết số 806" after "Ban Chỉ đạo Tổng
		// kết 10 năm thực hiện Nghị quyết số 806 Bộ Quốc phòng": the same
		// body, named short
		if o = a.sameRunningBody(name); o != nil {
			a.orgByName[Fold(name)] = o
		}
	}
	if o == nil {
		o = &OrgFact{Name: name, Gov: true}
		if known := a.g.Orgs[name]; known != nil {
			o.Gov, o.Parent = known.Gov, known.Parent
		}
		a.orgByName[Fold(name)] = o
		a.facts.Orgs = append(a.facts.Orgs, o)
		if o.Parent != "" && a.g.Orgs[name] != nil && a.g.countryIn(o.Parent) != "" {
			// "Hải quân Quân Giải phóng nhân dân Trung Quốc": a known foreign
			// body whose name ends with its parent's names the parent too
			// (Việt Nam's "Văn phòng Chính phủ" is one body)
			if w, p := strings.Fields(written), strings.Fields(o.Parent); len(w) > len(p) && Fold(strings.Join(w[len(w)-len(p):], " ")) == Fold(o.Parent) {
				a.org(o.Parent, strings.Join(w[len(w)-len(p):], " "))
			}
		}
		if o.Parent == "" && a.g.Orgs[name] == nil {
			// "Bộ Tổng Tham mưu Quân đội nhân dân Lào": a body of a known
			// foreign body, which is named too
			words := strings.Fields(name)
			for i := 1; i < len(words); i++ {
				suffix := strings.Join(words[i:], " ")
				if known := a.g.Orgs[suffix]; known != nil && a.g.countryIn(suffix) != "" {
					o.Parent = a.org(known.Name, suffix).Name
					break
				}
			}
		}
	}
	if written != o.Name {
		o.Aliases = appendUnique(o.Aliases, written)
	}
	return o
}

// sameRunningBody is the body the article named before that a body named by
// what it does (running_heads.txt: "Ban Chỉ đạo …") names again, shorter or
// longer: one's words are the other's with words left out, at least two of
// its own after the head, or nil.
func (a *analysis) sameRunningBody(name string) *OrgFact {
	toks := Tokenize(Normalize(name))
	hn, _ := a.g.runningLex.longest(toks, 0)
	if hn == 0 || len(toks)-hn < 2 {
		return nil
	}
	words := strings.Fields(Fold(name))
	for _, o := range a.facts.Orgs {
		other := strings.Fields(Fold(o.Name))
		if len(other) == len(words) || len(other)-hn < 2 || !sameHead(words, other, hn) {
			continue
		}
		short, long := words, other
		if len(short) > len(long) {
			short, long = long, short
		}
		if isSubsequence(short[hn:], long[hn:]) {
			return o
		}
	}
	return nil
}

// sameHead reports whether a and b begin with the same n words.
func sameHead(a, b []string, n int) bool {
	if len(a) < n || len(b) < n {
		return false
	}
	for i := range n {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// isSubsequence reports whether the words of short stand in long in order.
func isSubsequence(short, long []string) bool {
	i := 0
	for _, w := range long {
		if i < len(short) && short[i] == w {
			i++
		}
	}
	return i == len(short)
}

// expandAbbrev replaces whole-word abbreviations that the article defined (by
// the sentence being read), or that the gazetteer knows, by their full forms.
func (a *analysis) expandAbbrev(s string) string { return a.refs.expand(a.g, s, a.sent) }

func isUpperWord(w string) bool {
	return strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// collapseSpaces is s with its runs of white space one space, none at the ends.
func collapseSpaces(s string) string {
	if spacedOnce(s) {
		return s // the common case: nothing to collapse, nothing to copy
	}
	return strings.Join(strings.Fields(s), " ")
}

// spacedOnce reports an ASCII string, or one whose only white space is single
// spaces between words, which collapseSpaces leaves as it is.
func spacedOnce(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if s[i+1] == ' ' {
				return false
			}
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		case c == 0x85 || c == 0xA0 || c >= 0xE1 && c <= 0xE3:
			// U+0085, U+00A0 (after 0xC2), U+1680, U+2000–U+200A, U+2028, U+2029,
			// U+202F, U+205F, U+3000 (after 0xE1–0xE3): maybe a space; the lead
			// byte 0xE1 is common (Vietnamese letters), so decode
			if c >= 0xE1 {
				r, _ := utf8.DecodeRuneInString(s[i:])
				if unicode.IsSpace(r) {
					return false
				}
			} else if i > 0 && s[i-1] == 0xC2 {
				return false
			}
		}
	}
	return true
}

// dateline records the article's dateline: its first date, and the place
// after "tại" in that sentence.
func (a *analysis) dateline(s sentence, spans []Chunk, kind lineKind) {
	if kind != lineText || a.lead.seen {
		return
	}
	for j, sp := range spans {
		if sp.Kind == SpanDate {
			a.lead.seen = true
			a.lead.date = a.dateOf(sp, s)
			for k := j; k < len(spans); k++ {
				if spans[k].Kind == SpanOther && spans[k].Value == "tại" {
					a.lead.place = a.place(spans, k)
					break
				}
			}
			break
		}
	}
}

// upperFirst capitalizes the first letter.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if u := unicode.ToUpper(r); u != r || r == utf8.RuneError {
		return string(u) + s[n:]
	}
	return s
}

// badDates reports a date word followed by a number that is no date: "ngày
// 31/2", "ngày 12/13".
func (a *analysis) badDates(s sentence) (diags []Diagnostic) {
	for i := s.t0; i+1 < s.t1; i++ {
		t, next := a.toks[i], a.toks[i+1]
		if a.skip[i] || t.Key != "ngày" || next.Kind != Number || !strings.ContainsAny(next.Text, "/-.") {
			continue
		}
		if _, n := parseDate(a.toks, i+1, s.t1); n == 0 {
			diags = append(diags, Diagnostic{Start: a.text.SourceOffset(t.Start), End: a.text.SourceOffset(next.End),
				Message: fmt.Sprintf("%q is not a date", a.tokText(i, i+2))})
		}
	}
	return diags
}

// resolveDate gives a sentence's date its year: the article's publication
// year, else a year the sentence states, except the year a January or
// February review looks back on ("Ngày 8/1 … tổng kết năm 2023" is not 2023).
func (a *analysis) resolveDate(d Date, s sentence) Date {
	y := statedYearOutside(a.toks, s, func(t int) bool { return a.inDoc[t] })
	if d.Month <= 2 && reviewYear(a.toks, s) {
		y = 0
	}
	return resolveYear(d, a.doc.Published, y)
}
