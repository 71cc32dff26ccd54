package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineKind says what a line of the article is.
type lineKind uint8

const (
	lineText     lineKind = iota
	lineChrome            // page furniture: menus, phone numbers, image names, mastheads
	lineHeadline          // a title line: read for names, never opens an event
	lineCaption           // a photo caption: read for roles, never opens an event
	lineCredit            // byline or source line: authors and publisher, no facts
)

type line struct {
	t0, t1 int // token range, without the Newline
	kind   lineKind
	text   string // normalized text, from its first token to its last
	fold   string // the same in Text.Fold
}

var (
	phoneLine    = regexp.MustCompile(`^[\d .()+-]{8,}$`)
	imageLine    = regexp.MustCompile(`(?i)\.(jpe?g|png|gif|webp|bmp)$`)
	mastheadLine = regexp.MustCompile(`(?i)^(thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn)\s*,?\s*(ngày\s*)?(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+tháng\s+\d{1,2}\s*(,|năm)\s*\d{4}\s*$)`)
	dateOnlyLine = regexp.MustCompile(`^(\d{1,2}:\d{2}(\s*(AM|PM|am|pm))?\s*[-|,]?\s*(ngày\s*)?)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(\s*[-|,]?\s*\d{1,2}:\d{2}.*)?(\s*\(?GMT\s*\+\s*7\)?)?$`)
	// "Bộ Quốc phòng | Đối ngoại quốc phòng | Hợp tác", "Thời sự / Quốc phòng":
	// tags or a breadcrumb, short capitalized items between bars or slashes
	tagLine      = regexp.MustCompile(`^\p{Lu}[^.!?|/]{0,40}(\s[|/]\s\p{Lu}[^.!?|/]{0,40})+$`)
	creditPrefix = regexp.MustCompile(`(?i)^(tin\s*(,|và)?\s*ảnh|bài\s*(,|và)?\s*ảnh|tin|bài|ảnh|video|clip|thực hiện|nhóm phóng viên|phóng viên|pv|ctv|bài và ảnh|tin và ảnh|tin, ảnh|tin-ảnh|nhóm pv)\s*:`)
	theoLine     = regexp.MustCompile(`^\(?\s*[Tt]heo\s+(.+?)\s*\)?\.?$`)
	breadcrumb   = regexp.MustCompile(`(?i)^(home|trang chủ)\b|\s(>|»|›)\s`)
	garbageToken = regexp.MustCompile(`^[\p{Ll}\d]*\d[\p{L}\d]*$`)
	// "Thu Hà (TTXVN)", "THÀNH ĐẠT (TTXVN)": a name and the outlet it writes for
	bylineWithSource = regexp.MustCompile(`^\p{Lu}[\p{L}]*(\s+\p{Lu}[\p{L}]*){1,4}\s*\([^()]{2,40}\)\.?$`)
	creditSplit      = regexp.MustCompile(`\s*(?:[,;–—-]|\s-\s|\svà\s)\s*`)
	// "Nguồn: TTXVN", "(Nguồn: Bộ Quốc phòng)", "Nguồn QĐND: https://…": the
	// article's source, with or without its address
	// "(TTXVN/Vietnam+)", "(VOV/VNA)": the outlets an article comes from
	outletsLine = regexp.MustCompile(`^\(\s*([\p{L}\d.+]+)(\s*/\s*[\p{L}\d.+]+)+\s*\)\.?$`)
	nguonLine   = regexp.MustCompile(`(?i)^\(?\s*nguồn\s*:?\s*([^:()]{2,60}?)\s*(:\s*https?://\S*)?\s*\)?\.?$`)
)

// classifyLines splits the tokens into lines and labels each.
func (g *Gazetteer) classifyLines(t *Text, toks []Token) []line {
	var lines []line
	start := 0
	for i := 0; i <= len(toks); i++ {
		if i == len(toks) || toks[i].Kind == Newline {
			if i > start {
				l := line{t0: start, t1: i}
				l.text = t.Norm[toks[start].Start:toks[i-1].End]
				l.fold = t.Fold[toks[start].Start:toks[i-1].End]
				if t.mayRefold(toks[start].Start, toks[i-1].End) {
					l.fold = refold(l.fold)
				}
				lines = append(lines, l)
			}
			start = i + 1
		}
	}
	afterImage := false
	sawText := false
	links := false // in a related-article list
	lede := false  // after a bare link, whose lede may follow
	for k := range lines {
		l := &lines[k]
		if g.linkHeadings[strings.TrimRight(l.fold, " :>»›")] {
			l.kind, links, lede = lineChrome, true, false
			continue
		}
		if linkMarked(l.text) || g.headingWithLink(l.fold) {
			// a link wherever it stands: "▶ …", ">> …" (a mark that opens no
			// sentence of prose), or a heading and its link on one line ("* Xem
			// thêm: …"); the lines after it may be links too
			l.kind, links, lede = lineChrome, true, false
			continue
		}
		if links {
			// a link: a bulleted line, or a headline that ends no sentence; a
			// byline or a paragraph ends the list
			// (a bulleted sentence of some length is no link: an interview's
			// "- Thưa ông, …?" after the list)
			if bulleted(l.text) && (!endsSentence(l.text) || l.t1-l.t0 <= 20) || !endsSentence(l.text) && l.t1-l.t0 <= 40 && !g.isBylineName(toks[l.t0:l.t1]) && !bylineOutlet(l.text) && !creditLine(l.text) && !captionMarked(l.text, l.fold) {
				l.kind, lede = lineChrome, !bulleted(l.text)
				continue
			}
			// a bare link's lede: one short sentence after it, followed by
			// another link or by the end of the page
			if lede && l.t1-l.t0 <= 60 && (k+1 == len(lines) || !endsSentence(lines[k+1].text) && lines[k+1].t1-lines[k+1].t0 <= 40) {
				l.kind, lede = lineChrome, false
				continue
			}
			links = false
		}
		switch {
		case g.isChrome(l.text, l.fold, toks[l.t0:l.t1]):
			l.kind = lineChrome
			afterImage = imageLine.MatchString(l.text) || strings.EqualFold(l.text, "leftcenterrightdel") || afterImage && l.t1-l.t0 == 1
			continue
		case l.t1-l.t0 <= 16 && creditLine(l.text),
			l.t1-l.t0 <= 24 && nguonSource(l.text),
			l.t1-l.t0 <= 12 && strings.HasPrefix(l.text, "(") && g.outletsOf(l.text) != "",
			g.bylineDashOutlet(toks[l.t0:l.t1]),
			// "Theo Cổng TTĐT BQP" alone on a line names the source wherever it stands
			l.t1-l.t0 <= 8 && theoSource(l.text) && g.outletAt(toks[l.t0+1:l.t1]):
			l.kind = lineCredit
		case !afterImage && l.t1-l.t0 > 40 && (sentencesIn(l.text) >= 3 || strings.Contains(l.text, ".Ảnh:")):
			// a paragraph with a caption's credit glued to its end
			// ("… hai nước.Ảnh: AFP"): text; the credit is skipped (readLines)
		case afterImage || captionMarked(l.text, l.fold):
			l.kind = lineCaption
		case !sawText && !endsSentence(l.text) && l.t1-l.t0 <= 40:
			l.kind = lineHeadline
		}
		afterImage = false
		if l.kind == lineText || l.kind == lineCaption {
			sawText = sawText || l.kind == lineText
		}
		if l.kind == lineHeadline {
			sawText = true
		}
	}
	// The last lines: a "Theo …" source, a credit, or a lone name are not text.
	for k := len(lines) - 1; k >= 0 && k >= len(lines)-3; k-- {
		l := &lines[k]
		if l.kind == lineChrome {
			continue
		}
		if l.t1-l.t0 <= 12 && theoSource(l.text) || g.isBylineName(toks[l.t0:l.t1]) || bylineOutlet(l.text) {
			l.kind = lineCredit
			continue
		}
		if l.kind != lineCredit {
			break
		}
	}
	// The head: a lone name between the headline and the first sentence is its
	// byline ("Bá Cường" under the title, before the date line).
	for k := range lines {
		l := &lines[k]
		if l.kind == lineText && endsSentence(l.text) {
			break
		}
		if l.kind == lineText && k > 0 && g.isBylineName(toks[l.t0:l.t1]) {
			l.kind = lineCredit
		}
	}
	// The tail: after the article's last sentence, lines that end no sentence
	// are headlines of other articles (a related list without a heading, or
	// after a share bar), never text of this one.
	last := -1
	for k := range lines {
		if lines[k].kind == lineText && endsSentence(lines[k].text) {
			last = k
		}
	}
	for k := last + 1; last >= 0 && k < len(lines); k++ {
		l := &lines[k]
		switch {
		case l.kind == lineText && g.isBylineName(toks[l.t0:l.t1]):
			l.kind = lineCredit // a byline before the related links
		case l.kind == lineText && l.t1-l.t0 <= 40 && toks[l.t0].Cap:
			l.kind = lineChrome
		}
	}
	return lines
}

// captionMarked reports a line with a photo's credit: "Ảnh: …", "(Ảnh: …)",
// "(ảnh)", "Nguồn: …"; a caption, and no link of a related list.
func captionMarked(text, fold string) bool {
	return strings.Contains(text, "Ảnh:") || strings.Contains(text, "(Ảnh") || strings.HasSuffix(fold, "(ảnh)") ||
		strings.Contains(text, "Nguồn:") || strings.Contains(text, "(Nguồn")
}

// sentencesIn counts the sentence ends inside a line before its last word.
func sentencesIn(s string) int {
	n := 0
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && (s[i+1] == ' ' || s[i+1] >= 'A' && s[i+1] <= 'Z' || s[i+1] >= 0xC3) {
			n++
		}
	}
	return n
}

// captionCredit is the first token of a caption's credit: "Ảnh:" or "Nguồn:"
// (with its opening bracket) after the caption's own words, or 0 when none.
func captionCredit(toks []Token, l line) int {
	for i := l.t1 - 2; i > l.t0; i-- {
		if toks[i+1].Text != ":" || toks[i].Kind != Word {
			continue
		}
		if w := strings.ToLower(toks[i].Text); w != "ảnh" && w != "nguồn" {
			continue
		}
		if i-1 > l.t0 && toks[i-1].Text == "(" {
			return i - 1
		}
		return i
	}
	return 0
}

// outletsOf is the last outlet of an outlets line, "(TTXVN/Vietnam+)": the
// agency, then the site that publishes it; when every part is a known outlet
// or a short name in capitals; else "".
func (g *Gazetteer) outletsOf(text string) string {
	if !outletsLine.MatchString(text) {
		return ""
	}
	last := ""
	for _, part := range strings.Split(strings.Trim(strings.TrimSuffix(text, "."), "() "), "/") {
		part = strings.TrimSpace(part)
		toks := Tokenize(Normalize(part))
		n, v := g.outletLex.longest(toks, 0)
		switch {
		case n == len(toks) && n > 0:
		case shortOutlet(toks):
			v = part
		default:
			return ""
		}
		last = v
	}
	return last
}

// nguonSource is nguonLine: a line that names the article's source.
func nguonSource(s string) bool {
	r := strings.TrimLeft(strings.TrimPrefix(s, "("), " ")
	return (strings.HasPrefix(r, "Nguồn") || strings.HasPrefix(r, "nguồn") || strings.HasPrefix(r, "NGUỒN")) && nguonLine.MatchString(s)
}

// bylineDashOutlet reports a byline whose last part, after a dash, is a known
// outlet: "Minh Hải - QĐND", "Văn Chiến – Hữu Tuấn – TTXVN".
func (g *Gazetteer) bylineDashOutlet(toks []Token) bool {
	if len(toks) < 3 || len(toks) > 14 {
		return false
	}
	d := -1
	for i := len(toks) - 2; i > 0; i-- {
		if toks[i].Kind == Punct && isDash(toks[i].Text) {
			d = i
			break
		}
	}
	if d < 0 {
		return false
	}
	if n, _ := g.outletLex.longest(toks[d+1:], 0); n != len(toks)-d-1 && !shortOutlet(toks[d+1:]) {
		return false
	}
	for _, t := range toks[:d] {
		if t.Kind == Punct && (isDash(t.Text) || t.Text == ",") {
			continue
		}
		if t.Kind != Word || !t.Cap || !nameWord(t.Text) {
			return false
		}
	}
	return true
}

// dashOutlet is the outlet after a dash byline's last dash.
func (g *Gazetteer) dashOutlet(toks []Token) string {
	for i := len(toks) - 2; i > 0; i-- {
		if toks[i].Kind == Punct && isDash(toks[i].Text) {
			if n, v := g.outletLex.longest(toks[i+1:], 0); n == len(toks)-i-1 {
				return v
			}
			return toks[i+1].Text
		}
	}
	return ""
}

// shortOutlet is an outlet's short name in capitals after a byline's dash:
// "QĐND", "TTXVN", "VOV.VN".
func shortOutlet(toks []Token) bool {
	return len(toks) == 1 && toks[0].Kind == Word && toks[0].Upper && len([]rune(toks[0].Text)) >= 2
}

// The line patterns behind a test of what each needs, so that the regular
// expressions run only on the few lines that may match.

// creditLine is creditPrefix: a credit opens the line and ends at a colon.
func creditLine(s string) bool {
	return strings.IndexByte(s, ':') >= 0 && creditPrefix.MatchString(s)
}

// theoSource is theoLine: "(Theo …)" or "Theo …".
func theoSource(s string) bool {
	r := strings.TrimLeft(strings.TrimPrefix(s, "("), " \t\n\f\r")
	return (strings.HasPrefix(r, "Theo") || strings.HasPrefix(r, "theo")) && theoLine.MatchString(s)
}

// bylineOutlet is bylineWithSource: a name and its outlet in brackets at the end.
func bylineOutlet(s string) bool {
	return (strings.HasSuffix(s, ")") || strings.HasSuffix(s, ").")) && bylineWithSource.MatchString(s)
}

// outletAt reports a known outlet's name at the start of toks.
func (g *Gazetteer) outletAt(toks []Token) bool {
	n, _ := g.outletLex.longest(toks, 0)
	return n > 0
}

// linkMarks open the links of a related-article list, never a line of prose
// nor an item of a list of the article's own (those take "-", "+", "•").
var linkMarks = []string{">>", "▶", "►", "▸", "▷", "➤", "➜", "→", "⇒", "❯", "⏵"}

// linkMarked reports a link to another article: a line that opens with a link
// mark ("▶ Đại tướng … tiếp …", ">> Tàu … thăm …") before a capital, and ends
// no sentence.
func linkMarked(s string) bool {
	for _, m := range linkMarks {
		if r, ok := strings.CutPrefix(s, m); ok {
			r = strings.TrimLeft(r, " >")
			if r == "" || endsSentence(s) && !strings.HasSuffix(s, "\"") && !strings.HasSuffix(s, "”") {
				return false
			}
			c, _ := utf8.DecodeRuneInString(r)
			return unicode.IsUpper(c) || unicode.IsDigit(c)
		}
	}
	return false
}

// headingWithLink reports a related-list heading and its link on one line,
// after a bullet or a link mark: "* Xem thêm: Nhìn lại …", "» Tin liên quan:
// …" (fold: the line's folded text).
func (g *Gazetteer) headingWithLink(fold string) bool {
	r := strings.TrimLeft(fold, "-•›»+*–>▶►▸➤→ ")
	if len(r) == len(fold) {
		return false // a heading opening the line with its link is chrome.txt's
	}
	h, rest, ok := strings.Cut(r, ":")
	return ok && strings.TrimSpace(rest) != "" && g.linkHeadings[strings.TrimSpace(h)]
}

// bulleted reports a line that opens with a list bullet.
func bulleted(s string) bool {
	for _, b := range []string{"- ", "• ", "› ", "» ", "+ ", "* ", "– "} {
		if strings.HasPrefix(s, b) {
			return true
		}
	}
	return false
}

func endsSentence(s string) bool {
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, "…") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, ";") ||
		strings.HasSuffix(s, "\"") || strings.HasSuffix(s, "”")
}

func (g *Gazetteer) isChrome(text, fold string, toks []Token) bool {
	if g.chromeLines[fold] {
		return true
	}
	for _, p := range g.chromePrefixes {
		if strings.HasPrefix(fold, p) {
			return true
		}
	}
	// the patterns, each behind a cheap test of the line's first or last bytes
	switch c := text[0]; {
	case c >= '0' && c <= '9' || c == '+' || c == '(':
		if phoneLine.MatchString(text) || dateOnlyLine.MatchString(text) {
			return true
		}
	case strings.HasPrefix(fold, "thứ") || strings.HasPrefix(fold, "chủ") || strings.HasPrefix(fold, "cn"):
		if mastheadLine.MatchString(text) {
			return true
		}
	}
	if i := strings.LastIndexByte(text, '.'); i >= 0 && len(text)-i <= 5 && imageLine.MatchString(text) {
		return true
	}
	if (strings.Contains(text, " | ") || strings.Contains(text, " / ")) && tagLine.MatchString(text) {
		return true
	}
	if strings.HasPrefix(fold, "home") || strings.HasPrefix(fold, "trang chủ") || strings.Contains(text, " > ") ||
		strings.Contains(text, "»") || strings.Contains(text, "›") {
		if breadcrumb.MatchString(text) {
			return true
		}
	}
	// a line of punctuation only (";", "."), or a widget's one or two letters
	// ("x", "aa", "+", "-": close, font size)
	widget := true
	for _, t := range toks {
		widget = widget && (t.Kind == Punct || len(toks) == 1 && t.Kind == Word && !t.Upper && len([]rune(t.Text)) <= 2)
	}
	if widget {
		return true
	}
	// a lone machine token: "74nn22t12", "bqptkctdn20161"
	return len(toks) == 1 && garbageToken.MatchString(toks[0].Text)
}

// isBylineName reports a line that is only a person's name (2–4 capitalized
// words, no punctuation), as a byline at the end of an article.
func (g *Gazetteer) isBylineName(toks []Token) bool {
	if len(toks) < 2 || len(toks) > 4 {
		return false
	}
	for _, t := range toks {
		if t.Kind != Word || !t.Cap || !nameWord(t.Text) {
			return false
		}
	}
	if n, _ := g.lexiconAtCapital(toks, 0, len(toks)); n > 0 {
		return false
	}
	return true
}

// creditNames reads the people named in a credit line: "Tin, ảnh: HOÀNG VŨ –
// MINH KHÁNH", "Anh Kiên", "Thực hiện: Khắc Phục, Trương Tùng".
func creditNames(text string) []string {
	if m := theoLine.FindStringSubmatch(text); m != nil {
		return nil
	}
	if i := strings.IndexByte(text, '('); i > 0 && bylineWithSource.MatchString(text) {
		text = text[:i]
	}
	if i := strings.Index(text, ":"); i >= 0 {
		text = text[i+1:]
	}
	parts := creditSplit.Split(text, -1)
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(strings.Trim(p, ".()"))
		words := strings.Fields(p)
		if len(words) < 2 || len(words) > 5 {
			continue
		}
		ok := true
		for _, w := range words {
			if !nameWord(w) {
				ok = false
			}
		}
		if ok {
			out = append(out, CanonicalTone(properCase(p)))
		}
	}
	return out
}

// sourceOf reads the outlet of a "Theo …" line.
func sourceOf(text string) string {
	if m := theoLine.FindStringSubmatch(text); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// bylineSource is the outlet in brackets after a byline: "Thu Hà (TTXVN)".
func bylineSource(text string) string {
	if !bylineWithSource.MatchString(text) {
		return ""
	}
	i, j := strings.LastIndexByte(text, '('), strings.LastIndexByte(text, ')')
	return strings.TrimSpace(text[i+1 : j])
}

// lineInfo is the lines stage's result: each line and its kind, the tokens
// that are no text (chrome, credit lines, a dateline's outlet), and what the
// credit lines and the first headline say.
type lineInfo struct {
	lines     []line
	skip      []bool // by token
	authors   []string
	publisher string
	headline  string
	textFold  string      // the folded text of the text, headline and caption lines
	after     []lineState // by line: what was known once it was read, for citing
}

// lineState is what the lines up to one had given.
type lineState struct {
	authors   int
	publisher string
	headline  bool
}

// readLines is the lines stage: it classifies the lines and reads the credit
// lines (publisher, authors), the dateline's outlet prefix and the headline.
func (g *Gazetteer) readLines(t *Text, toks []Token) *lineInfo {
	li := &lineInfo{lines: g.classifyLines(t, toks), skip: make([]bool, len(toks))}
	li.after = make([]lineState, len(li.lines))
	masthead := "" // the outlet a masthead line opens with
	var fold strings.Builder
	publish := func(name string) {
		if li.publisher == "" {
			li.publisher = g.publisherName(name)
		}
	}
	for k, l := range li.lines {
		switch l.kind {
		case lineChrome, lineCredit:
			for i := l.t0; i < l.t1; i++ {
				li.skip[i] = true
			}
		}
		if l.kind == lineCredit {
			if src := sourceOf(l.text); src != "" {
				publish(src)
			} else if src := g.outletsOf(l.text); src != "" {
				publish(src)
			} else if m := nguonLine.FindStringSubmatch(l.text); m != nil && nguonSource(l.text) {
				publish(strings.TrimSpace(m[1]))
			} else {
				if g.bylineDashOutlet(toks[l.t0:l.t1]) {
					publish(g.dashOutlet(toks[l.t0:l.t1]))
				}
				if src := bylineSource(l.text); src != "" {
					publish(src)
				}
				names := creditNames(l.text)
				for _, n := range names {
					li.authors = appendUnique(li.authors, n)
				}
				if len(names) == 0 && g.isBylineName(toks[l.t0:l.t1]) {
					li.authors = appendUnique(li.authors, CanonicalTone(properCase(l.text)))
				}
			}
		}
		if l.kind == lineChrome && l.t1-l.t0 <= 24 {
			// a masthead that opens with the outlet: "BÁO HẢI QUÂN VIỆT NAM |
			// Quốc phòng - An ninh", "QĐND Online - Thời sự | Quốc phòng"
			// (the publisher only when no credit or dateline names one)
			if n, v := g.outletLex.longest(toks[l.t0:l.t1], 0); n > 0 && masthead == "" && (l.t0+n == l.t1 || toks[l.t0+n].Kind == Punct) {
				masthead = v
			}
		}
		if l.kind == lineCaption || l.kind == lineText && strings.Contains(l.text, "Ảnh:") {
			// a caption's credit, "… Ảnh: Trọng Hải", "(Ảnh: TTXVN)", "Nguồn: Bộ
			// Quốc phòng": its photographer is a byline, its source no body
			if c := captionCredit(toks, l); c > 0 {
				for i := c; i < l.t1; i++ {
					li.skip[i] = true
				}
				if w := toks[c].Text; w == "(" && strings.EqualFold(toks[c+1].Text, "ảnh") || strings.EqualFold(w, "ảnh") {
					for _, n := range creditNames(t.Norm[toks[c].Start:toks[l.t1-1].End]) {
						if nt := Tokenize(Normalize(n)); !g.isBylineName(nt) {
							continue // "Ảnh: Bộ Quốc phòng": a body, no photographer
						}
						li.authors = appendUnique(li.authors, n)
					}
				}
			}
		}
		if l.kind == lineText || l.kind == lineHeadline {
			if outlet, end := g.leadCredit(t, toks, l); end > 0 {
				if outlet != "" {
					publish(outlet)
				}
				for i := l.t0; i < end; i++ {
					li.skip[i] = true
				}
			}
		}
		if l.kind == lineHeadline && li.headline == "" {
			li.headline = CanonicalTone(collapseSpaces(l.text))
		}
		if l.kind != lineChrome && l.kind != lineCredit {
			fold.WriteString(l.fold)
			fold.WriteByte('\n')
		}
		li.after[k] = lineState{authors: len(li.authors), publisher: li.publisher, headline: li.headline != ""}
	}
	li.textFold = fold.String()
	if li.publisher == "" && masthead != "" {
		publish(masthead)
		if n := len(li.after); n > 0 {
			li.after[n-1].publisher = li.publisher
		}
	}
	return li
}

// publisherName is an outlet's name as the facts give it: its gazetteer name
// when it has one.
func (g *Gazetteer) publisherName(name string) string {
	t := Normalize(name)
	toks := Tokenize(t)
	if n, v := g.outletLex.longest(toks, 0); n == len(toks) && n > 0 {
		name = v
	}
	if name != t.Norm {
		return name
	}
	return CanonicalTone(t.Norm)
}

// leadCredit reads a dateline prefix: "(Chinhphu.vn) - Ngày 8/1, …" or
// "QK3 online - Ngày 17/8, …": the outlet before the dash is the publisher and
// its tokens are not text. It returns the outlet ("" when none is named) and
// the token after the dash, or 0 when the line has no such prefix.
func (g *Gazetteer) leadCredit(text *Text, toks []Token, l line) (string, int) {
	limit := l.t0 + 8
	if limit > l.t1 {
		limit = l.t1
	}
	for i := l.t0 + 1; i < limit; i++ {
		t := toks[i]
		if t.Kind != Punct || !isDash(t.Text) {
			continue
		}
		// the dash must be followed by the dateline or a capitalized word
		if i+1 >= l.t1 || !(toks[i+1].Cap || toks[i+1].Kind == Number) {
			return "", 0
		}
		prefix := toks[l.t0:i]
		outlet := ""
		for k := range prefix {
			if n, v := g.outletLex.longest(prefix, k); n > 0 {
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
			outlet = text.Norm[prefix[0].Start:prefix[len(prefix)-1].End]
		}
		if outlet == "" && !paren && !garbage {
			return "", 0
		}
		if outlet == "" && paren && len(prefix) > 2 {
			outlet = text.Norm[prefix[1].Start:prefix[len(prefix)-2].End]
		}
		return outlet, i + 1
	}
	return "", 0
}
