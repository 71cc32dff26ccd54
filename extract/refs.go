package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// refTable is the refs stage's result: what an article defines that its later
// text refers back to, found by a pure fold over its sentences. Today it holds
// the abbreviations the article defines ("Bộ Quốc phòng (BQP)", "Bộ đội Biên
// phòng (BĐBP) tỉnh An Giang"), each with the sentence that defines it; the
// relate stage reads them (withAbbrevs, expandAbbrev) and never writes them.
// Short references to people ("ông Minh", "Bộ trưởng") are still resolved in
// the people pass.
type refTable struct {
	abbrevs []abbrevDef // in the order the article defines them
}

// abbrevDef is one abbreviation the article defines.
type abbrevDef struct {
	sent        int // the sentence (index in spanInfo) that defines it
	short, full string
}

// abbrev is what short stands for in sentence sent: the last definition made
// in that sentence or before it.
func (r *refTable) abbrev(short string, sent int) (string, bool) {
	for i := len(r.abbrevs) - 1; i >= 0; i-- {
		if d := r.abbrevs[i]; d.sent <= sent && d.short == short {
			return d.full, true
		}
	}
	return "", false
}

// expand replaces whole-word abbreviations that the article defined by sentence
// sent, or that the gazetteer knows (in capitals), by their full forms.
func (r *refTable) expand(g *Gazetteer, s string, sent int) string {
	words := strings.Fields(s)
	changed := false
	for i, w := range words {
		if full, ok := r.abbrev(w, sent); ok {
			words[i], changed = full, true
		} else if full, ok := g.Abbrev[w]; ok && isUpperWord(w) {
			words[i], changed = full, true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(words, " ")
}

// expandDefined is expand with only the abbreviations the article defines by
// sentence sent, those of the gazetteer that name a body (kind org: BQP,
// BĐBP), and the other ones of the gazetteer whose full form the article spells
// out somewhere (fold, its Text.Fold): "Bộ Chỉ huy Quân sự (Bộ CHQS) tỉnh Hà
// Tĩnh" defines CHQS in effect; "UBND tỉnh" alone does not define UBND.
func (r *refTable) expandDefined(g *Gazetteer, s string, sent int, fold string) string {
	s = r.expandPhrases(s, sent)
	words := strings.Fields(s)
	changed := false
	for i, w := range words {
		if full, ok := r.abbrev(w, sent); ok {
			// an acronym its full form's initials do not spell is a name of
			// its own, kept as written ("Giám đốc USAID tại Việt Nam", after
			// "Cơ quan Phát triển Quốc tế Hoa Kỳ (USAID)")
			if spellsInitials(full, w) {
				words[i], changed = full, true
			}
		} else if full, ok := g.Abbrev[w]; ok && isUpperWord(w) && (g.abbrevOrg[w] || strings.Contains(fold, Fold(full))) {
			words[i], changed = full, true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(words, " ")
}

// expandPhrases replaces the short forms of more than one word that the
// article defined by sentence sent ("Bộ CHQS tỉnh") by what they stand for,
// where s is or ends with one.
func (r *refTable) expandPhrases(s string, sent int) string {
	for i := len(r.abbrevs) - 1; i >= 0; i-- {
		d := r.abbrevs[i]
		if d.sent > sent || !strings.Contains(d.short, " ") {
			continue
		}
		if s == d.short {
			return d.full
		}
		if strings.HasSuffix(s, " "+d.short) {
			return s[:len(s)-len(d.short)] + d.full
		}
	}
	return s
}

// applied is a copy of a sentence's spans with the abbreviations defined
// before sentence sent read as the bodies they stand for; an administrative
// unit and a place right after one are part of the body ("BCHQS tỉnh Nghệ
// An" is Bộ Chỉ huy Quân sự tỉnh Nghệ An).
func (r *refTable) applied(g *Gazetteer, toks []Token, spans []Chunk, sent int, buf []Chunk) []Chunk {
	if cap(buf) < len(spans) {
		buf = make([]Chunk, 0, max(len(spans), 2*cap(buf), 64))
	}
	out := append(buf[:0], spans...)
	for k := 0; k < len(out); k++ {
		sp := &out[k]
		if full, n := r.phraseAt(toks, out, k, sent-1); n > 0 {
			// "Bộ CHQS tỉnh": a short form of several spans
			sp.Kind, sp.Value, sp.T1, sp.End = SpanOrg, full, out[k+n-1].T1, out[k+n-1].End
			out = append(out[:k+1], out[k+n:]...)
			continue
		}
		if sp.Kind == SpanOrg && sp.T1-sp.T0 == 1 && toks[sp.T0].Upper {
			// "Quân đội nhân dân Lào (QĐND)" … "QĐND": the article's own
			// definition beats the gazetteer's reading of a short form
			if full, ok := r.abbrev(toks[sp.T0].Text, sent-1); ok {
				sp.Value = full
			}
			continue
		}
		if (sp.Kind == SpanName || sp.Kind == SpanOther) && sp.T1-sp.T0 == 1 {
			if full, ok := r.abbrev(toks[sp.T0].Text, sent-1); ok {
				sp.Kind, sp.Value = SpanOrg, full
				if k+2 < len(out) && out[k+1].T0 == sp.T1 && out[k+1].T1-out[k+1].T0 == 1 && g.is(toks[out[k+1].T0].Key, wAdmin) &&
					out[k+2].Kind == SpanName && out[k+2].T0 == out[k+1].T1 && toks[out[k+2].T0].Cap {
					place := out[k+2]
					sp.Value = full + " " + toks[out[k+1].T0].Text + " " + CanonicalTone(spanOf(toks, place.T0, place.T1))
					sp.T1, sp.End = place.T1, place.End
					out = append(out[:k+1], out[k+3:]...)
				}
			}
		}
	}
	return out
}

// phraseAt matches a short form of more than one word that the article
// defined by sentence sent ("Bộ CHQS tỉnh") on the spans from out[k]: it
// returns what it stands for and the number of spans it covers (at least two),
// or 0.
func (r *refTable) phraseAt(toks []Token, out []Chunk, k, sent int) (string, int) {
	for i := len(r.abbrevs) - 1; i >= 0; i-- {
		d := r.abbrevs[i]
		if d.sent > sent || !strings.Contains(d.short, " ") {
			continue
		}
		for e := k + 1; e < len(out) && e-k < 4; e++ {
			if w := spanOf(toks, out[k].T0, out[e].T1); w == d.short {
				if e+1 < len(out) && out[e+1].T0 == out[e].T1 && toks[out[e+1].T0].Kind == Word && toks[out[e+1].T0].Cap {
					break // the name goes on ("Bộ CHQS tỉnh Hà Tĩnh")
				}
				return d.full, e - k + 1
			} else if len(w) >= len(d.short) {
				break
			}
		}
	}
	return "", 0
}

// articleRefs is the refs stage: the fold over the sentences' spans, in the
// order the bodies pass reads them (a body whose name goes on after its
// brackets first, then every body followed by "(ABBR)").
func (g *Gazetteer) articleRefs(t *Text, toks []Token, si *spanInfo) *refTable {
	r := &refTable{}
	var buf []Chunk
	// the name the bodies pass gives a span, without recording anything
	name := func(sp Chunk, sent int) string {
		if sp.Value != "" {
			return sp.Value
		}
		return upperFirst(r.expand(g, CanonicalTone(collapseSpaces(t.Norm[sp.Start:sp.End])), sent))
	}
	for k := range si.spans {
		spans := r.applied(g, toks, si.spans[k], k, buf)
		buf = spans
		consumed := make([]bool, len(spans))
		for j := 0; j+2 < len(spans); j++ {
			first, t0, ok := g.bracketsAfter(toks, spans, j)
			if !ok {
				continue
			}
			short := spanOf(toks, spans[j+1].T0, spans[j+1].T1)
			full := ""
			if spans[first].Kind == SpanOrg {
				full = name(spans[first], k)
			} else {
				full = upperFirst(t.Norm[toks[t0].Start:toks[spans[j].T0-1].End])
			}
			r.abbrevs = append(r.abbrevs, abbrevDef{k, short, initialsSuffix(full, short)})
			e := g.bracketedBodyEnd(toks, spans[j+2].T1)
			last := j + 2
			for last+1 < len(spans) && spans[last+1].T0 < e {
				last++
			}
			for c := first; c <= last; c++ {
				consumed[c] = true
			}
			j = last
		}
		for j := 0; j < len(spans); j++ {
			sp := spans[j]
			if consumed[j] || sp.Kind != SpanOrg || sp.LoneHead() {
				continue
			}
			if j+3 < len(spans) && spans[j+1].Value == "(" && spans[j+3].Value == ")" &&
				spans[j+2].T1-spans[j+2].T0 == 1 && toks[spans[j+2].T0].Upper && !shortBody(toks, sp) {
				short := toks[spans[j+2].T0].Text
				r.abbrevs = append(r.abbrevs, abbrevDef{k, short, initialsSuffix(name(sp, k), short)})
			}
			// "Bộ Chỉ huy Quân sự tỉnh Nghệ An (Bộ CHQS tỉnh)": a short form
			// with the unit, which names the province's body
			if j+4 < len(spans) && spans[j+1].Value == "(" && spans[j+4].Value == ")" &&
				bracketedAbbrev(toks, spans[j+2]) && spans[j+3].T1-spans[j+3].T0 == 1 && g.is(toks[spans[j+3].T0].Key, wAdmin) {
				short := spanOf(toks, spans[j+2].T0, spans[j+3].T1)
				r.abbrevs = append(r.abbrevs, abbrevDef{k, short, name(sp, k)})
			}
			if j+1 < len(spans) && spans[j+1].Kind == SpanOrg && spans[j+1].T0 == sp.T1 {
				j++ // a body right after a body: the bodies pass reads them as one
			}
		}
	}
	return r
}

// bracketsAfter reads "( ABBR )" at spans[j] after a body, or after a head
// word alone, whose name goes on after the brackets ("Bộ đội Biên phòng (BĐBP)
// tỉnh An Giang"): it returns the first span of what the brackets follow and its
// first token.
func (g *Gazetteer) bracketsAfter(toks []Token, spans []Chunk, j int) (first, t0 int, ok bool) {
	open, abbr, closing := spans[j], spans[j+1], spans[j+2]
	if open.Value != "(" || closing.Value != ")" || !bracketedAbbrev(toks, abbr) {
		return 0, 0, false
	}
	first, t0 = j-1, -1
	if first >= 0 && spans[first].Kind == SpanOrg {
		t0 = spans[first].T0
	} else if t0 = g.headEndingAt(toks, open.T0); t0 >= 0 {
		for first = j - 1; first > 0 && spans[first].T0 > t0; first-- {
		}
	}
	if t0 < 0 || first < 0 || g.bracketedBodyEnd(toks, closing.T1) == 0 {
		return 0, 0, false
	}
	return first, t0, true
}

// bracketedBodyEnd is the token after a body's name that goes on after its
// brackets closed before t: an administrative unit and capitalized words; 0
// when none follows.
func (g *Gazetteer) bracketedBodyEnd(toks []Token, t int) int {
	if t+1 >= len(toks) || !g.is(toks[t].Key, wAdmin) || !toks[t+1].Cap {
		return 0
	}
	e := t + 1
	for e < len(toks) && toks[e].Kind == Word && toks[e].Cap {
		e++
	}
	return e
}

// headEndingAt finds a body's head word that ends right before token t, written
// capitalized; it returns its first token, or -1.
func (g *Gazetteer) headEndingAt(toks []Token, t int) int {
	for start := t - 1; start >= 0 && start >= t-6; start-- {
		if n, _ := g.headLex.longest(toks[:t], start); n > 0 && start+n == t && toks[start].Cap {
			return start
		}
	}
	return -1
}

// spellsInitials reports whether the letters of short are the initials of
// consecutive words of full ("BĐBP" in "Bộ đội Biên phòng", "QĐND" in "Quân
// đội nhân dân Việt Nam"); digits in short are not compared ("LĐ147").
// Acronyms of foreign names ("UNDP" for "Chương trình Phát triển Liên hợp
// quốc", "KOICA") do not.
func spellsInitials(full, short string) bool {
	// letters compare without their marks ("Ủy ban nhân dân (UBND)"), and W
	// writes Ư ("Quân ủy Trung ương (QUTW)")
	base := func(r rune) rune {
		d, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r)))
		if d = unicode.ToUpper(d); d == 'W' {
			d = 'U'
		}
		return d
	}
	var want []rune
	for _, r := range short {
		if unicode.IsLetter(r) {
			want = append(want, base(r))
		}
	}
	if len(want) == 0 {
		return true
	}
	var initials []rune
	for _, w := range strings.Fields(full) {
		r, _ := utf8.DecodeRuneInString(w)
		initials = append(initials, base(r))
	}
	for k := 0; k+len(want) <= len(initials); k++ {
		if string(initials[k:k+len(want)]) == string(want) {
			return true
		}
	}
	return false
}
