package extract

import (
	"fmt"
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
	facts Facts

	personByKey map[string]*PersonFact
	orgByName   map[string]*OrgFact
	resByNumber map[string]*ResolutionFact
	planByKey   map[string]bool
	abbrev      map[string]string // the article's own definitions: "QK4" → "Quân khu 4"
	docAt       map[int]string    // the resolution or plan named at a token
	orgAt       map[int]*OrgFact  // bodies whose name goes on past their span, by span start
	inDoc       map[int]bool      // tokens inside the name of a plan
	current     *EventFact        // the event the text is about at this point
	ev          evState           // the event rules' discourse state (events.go)
	lastPerson  *PersonFact       // the person last named, for "ông" alone
	lead        struct {          // the article's dateline: its first date and place
		seen  bool
		date  Date
		place string
	}
	diags []Diagnostic
	rule  string  // the pass running, named by its diagnostics
	track tracker // what of the facts has been cited
	marks []mark
}

// relate finds the facts of an article.
func (g *Gazetteer) relate(doc Document, t *Text, toks []Token) (*Facts, []Diagnostic) {
	a := &analysis{
		g: g, doc: doc, text: t, toks: toks, skip: make([]bool, len(toks)),
		personByKey: map[string]*PersonFact{}, orgByName: map[string]*OrgFact{},
		resByNumber: map[string]*ResolutionFact{}, planByKey: map[string]bool{},
		abbrev: map[string]string{}, docAt: map[int]string{}, orgAt: map[int]*OrgFact{}, inDoc: map[int]bool{},
	}
	a.lines = g.classifyLines(t, toks)
	kindOf := make([]lineKind, len(toks))
	for _, l := range a.lines {
		for i := l.t0; i < l.t1; i++ {
			kindOf[i] = l.kind
		}
		switch l.kind {
		case lineChrome, lineCredit:
			for i := l.t0; i < l.t1; i++ {
				a.skip[i] = true
			}
		}
		if l.kind == lineCredit {
			if src := sourceOf(l.text); src != "" {
				a.setPublisher(src)
			} else {
				if src := bylineSource(l.text); src != "" {
					a.setPublisher(src)
				}
				names := creditNames(l.text)
				for _, n := range names {
					a.facts.Authors = appendUnique(a.facts.Authors, n)
				}
				if len(names) == 0 && a.g.isBylineName(toks[l.t0:l.t1]) {
					a.facts.Authors = appendUnique(a.facts.Authors, CanonicalTone(properCase(l.text)))
				}
			}
		}
		if l.kind == lineText || l.kind == lineHeadline {
			a.leadCredit(l)
		}
		if l.kind == lineHeadline && a.facts.Headline == "" {
			a.facts.Headline = CanonicalTone(collapseSpaces(l.text))
		}
		if l.kind != lineChrome {
			a.noteLine(l)
		}
	}
	if doc.Source != "" {
		a.setPublisher(doc.Source)
	}
	sents := splitSentences(toks)
	// Resolutions first, so that a short form ("Nghị quyết 806") finds its full
	// form wherever the article gives it.
	for _, s := range sents {
		var found []Chunk
		for i := s.t0; i < s.t1; i++ {
			if a.skip[i] {
				continue
			}
			if n, code := resolutionAt(toks, i, s.t1); n > 0 && code != "" && !isDigits(code) {
				a.resolution(code, "")
				found = append(found, Chunk{Kind: SpanResolution, T0: i, T1: i + n, Start: toks[i].Start, End: toks[i+n-1].End, Value: code})
			}
		}
		if found != nil {
			a.note(s, found, nil, nil)
		}
	}
	for _, s := range sents {
		kind := kindOf[s.t0]
		if s.t1 > s.t0 && toks[s.t0].Kind == Newline && s.t1-s.t0 > 1 {
			kind = kindOf[s.t0+1]
		}
		spans := a.scan(s)
		if len(spans) == 0 {
			continue
		}
		a.runPasses(s, spans, kind)
	}
	a.finishEvents()
	// an issuer known only from a resolution's code ("…/QUTW") is named through it
	for _, r := range a.facts.Resolutions {
		if r.issuerFromCode {
			o := a.org(r.Issuer, r.Issuer)
			a.cite(citeKey{o, slotFirst, 0}, a.facts.cites[citeKey{r, slotFirst, 0}])
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

// scan finds the spans of a sentence, leaving out skipped tokens and applying the
// article's own abbreviations.
func (a *analysis) scan(s sentence) []Chunk {
	// cut the sentence into runs of kept tokens
	var out []Chunk
	i := s.t0
	for i < s.t1 {
		for i < s.t1 && a.skip[i] {
			i++
		}
		j := i
		for j < s.t1 && !a.skip[j] {
			j++
		}
		if j > i {
			out = append(out, a.g.scanSpans(a.toks, sentence{i, j})...)
		}
		i = j
	}
	for k := range out {
		sp := &out[k]
		if sp.Kind == SpanName || sp.Kind == SpanOther {
			if sp.T1-sp.T0 == 1 {
				if full, ok := a.abbrev[a.toks[sp.T0].Text]; ok {
					sp.Kind, sp.Value = SpanOrg, full
				}
			}
		}
	}
	return out
}

// setPublisher records the outlet, by its gazetteer name when it has one.
func (a *analysis) setPublisher(name string) {
	t := Normalize(name)
	toks := Tokenize(t)
	if n, v := a.g.outletLex.longest(toks, 0); n == len(toks) && n > 0 {
		name = v
	}
	if a.facts.Publisher == "" {
		a.facts.Publisher = CanonicalTone(t.Norm)
		if name != t.Norm {
			a.facts.Publisher = name
		}
	}
}

// leadCredit handles a dateline prefix: "(Chinhphu.vn) - Ngày 8/1, …" or
// "QK3 online - Ngày 17/8, …": the outlet before the dash is the publisher and
// its tokens are not text.
func (a *analysis) leadCredit(l line) {
	limit := l.t0 + 8
	if limit > l.t1 {
		limit = l.t1
	}
	for i := l.t0 + 1; i < limit; i++ {
		t := a.toks[i]
		if t.Kind != Punct || !isDash(t.Text) {
			continue
		}
		// the dash must be followed by the dateline or a capitalized word
		if i+1 >= l.t1 || !(a.toks[i+1].Cap || a.toks[i+1].Kind == Number) {
			return
		}
		prefix := a.toks[l.t0:i]
		outlet := ""
		for k := range prefix {
			if n, v := a.g.outletLex.longest(prefix, k); n > 0 {
				outlet = v
				break
			}
		}
		paren := prefix[0].Text == "(" && prefix[len(prefix)-1].Text == ")"
		garbage := garbageToken.MatchString(prefix[0].Text)
		// "TTO -", "NDO -", "VOV.VN -": an outlet's short name in capitals
		short := len(prefix) <= 2
		for _, t := range prefix {
			short = short && t.Kind == Word && (t.Upper || strings.Contains(t.Text, "."))
		}
		if outlet == "" && short {
			outlet = a.text.Norm[prefix[0].Start:prefix[len(prefix)-1].End]
		}
		if outlet == "" && !paren && !garbage {
			return
		}
		if outlet == "" && paren && len(prefix) > 2 {
			outlet = a.text.Norm[prefix[1].Start:prefix[len(prefix)-2].End]
		}
		if outlet != "" {
			a.setPublisher(outlet)
		}
		for k := l.t0; k <= i; k++ {
			a.skip[k] = true
		}
		return
	}
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
	if o == nil {
		o = &OrgFact{Name: name, Gov: true}
		if known := a.g.Orgs[name]; known != nil {
			o.Gov, o.Parent = known.Gov, known.Parent
		}
		a.orgByName[Fold(name)] = o
		a.facts.Orgs = append(a.facts.Orgs, o)
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

// expandAbbrev replaces whole-word abbreviations that the article defined, or
// that the gazetteer knows, by their full forms.
func (a *analysis) expandAbbrev(s string) string {
	words := strings.Fields(s)
	changed := false
	for i, w := range words {
		if full, ok := a.abbrev[w]; ok {
			words[i], changed = full, true
		} else if full, ok := a.g.Abbrev[w]; ok && isUpperWord(w) {
			words[i], changed = full, true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(words, " ")
}

func isUpperWord(w string) bool {
	return strings.ToUpper(w) == w && strings.ToLower(w) != w
}

func collapseSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }

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
	return string(unicode.ToUpper(r)) + s[n:]
}

// badDates reports a date word followed by a number that is no date: "ngày
// 31/2", "ngày 12/13".
func (a *analysis) badDates(s sentence) {
	for i := s.t0; i+1 < s.t1; i++ {
		t, next := a.toks[i], a.toks[i+1]
		if a.skip[i] || t.Key != "ngày" || next.Kind != Number || !strings.ContainsAny(next.Text, "/-.") {
			continue
		}
		if _, n := parseDate(a.toks, i+1, s.t1); n == 0 {
			a.diagnose(t.Start, next.End, "%q is not a date", a.tokText(i, i+2))
		}
	}
}

// resolveDate gives a sentence's date its year: the article's publication
// year, else a year the sentence states, except the year a January or
// February review looks back on ("Ngày 8/1 … tổng kết năm 2023" is not 2023).
func (a *analysis) resolveDate(d Date, s sentence) Date {
	y := statedYear(a.toks, s)
	if d.Month <= 2 && reviewYear(a.toks, s) {
		y = 0
	}
	return resolveYear(d, a.doc.Published, y)
}
