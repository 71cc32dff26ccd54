package extract

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/vnkg/vnkg/graph/vocab"
)

// notVerb is the verb lexicon's value for words that start like a role verb but
// are not one ("tiếp tục").
const notVerb = "none"

// ErrGazetteer marks a malformed gazetteer file.
var ErrGazetteer = errors.New("gazetteer")

// Rank is a military rank.
type Rank struct {
	Name      string // "Thượng tướng"
	English   string
	Seniority int // 1 = highest
	Branch    string
}

// Title is the head word of a position ("Thứ trưởng").
type Title struct {
	Name     string
	English  string
	NeedsOrg string // "yes", "no", "opt", or "vessel" (a title only before the vessel it commands, vessels.txt)
}

// Org is a known body.
type Org struct {
	Name    string
	Gov     bool
	Parent  string
	Aliases []string
}

// Country is a country name with its English nationality.
type Country struct {
	Name        string
	Nationality string
}

// Frame is how the trigger of an event kind reads in a sentence
// (event_frames.tsv).
type Frame struct {
	Kind        string
	OpensLower  bool // a lower-case trigger opens an event of the kind
	GuestsAfter bool // those named after the trigger are its guests
	VerbAttends bool // the trigger as a person's verb: the person attends
	VerbChairs  bool // the trigger as a person's verb: the person hosts and chairs ("A có buổi tiếp B")
	HostChairs  bool // in a visit, the host side's parties to it chair it, the travellers attend
	// in a visit, a meeting of the kind none of whose attendees and speakers
	// travels is attended by the travellers (the visit's attendees)
	TravellersAttend bool
	Example          string // a sentence in which the frame fires
	Expect           string // the roles it gives there: "attend Name|chair Name"
}

// frame is the frame of an event kind (a zero one when the kind has none).
func (g *Gazetteer) frame(kind string) *Frame {
	if f := g.Frames[kind]; f != nil {
		return f
	}
	return &noFrame
}

var noFrame Frame

// Gazetteer holds the closed-class word lists, keyed for matching on tokens.
type Gazetteer struct {
	Ranks          map[string]*Rank // by canonical name
	Titles         map[string]*Title
	Orgs           map[string]*Org // by canonical name
	Countries      map[string]*Country
	Abbrev         map[string]string // short form (as written) → full form
	abbrevOrg      map[string]bool   // the short forms of abbreviations.tsv that name a body (kind org)
	Surnames       map[string]bool   // fold keys
	Frames         map[string]*Frame // by event kind
	chromeLines    map[string]bool   // fold keys of whole lines that are page chrome
	chromePrefixes []string          // fold keys of line beginnings that are page chrome
	linkHeadings   map[string]bool   // fold keys of related-article list headings
	located        []string          // fold keys of words of posts and bodies that say where they sit
	runningLex     lexicon           // heads of bodies whose names run on (running_heads.txt)
	behalfLex      lexicon           // phrases after which a title is the principal's (on_behalf.txt)
	pastLex        lexicon           // vague past times: a meeting told in passing (past_times.txt)
	remitLex       lexicon           // words that open the remit of a post (remits.txt)
	vesselLex      lexicon           // words that name the vessel a post commands (vessels.txt)
	vesselTitleLex lexicon           // titles that stand only before a vessel (titles.tsv, needs_org "vessel")
	localLex       lexicon           // heads of local bodies named by their place (local_heads.txt)
	namedKindLex   lexicon           // kinds of body that are no name alone (named_kinds.txt)
	prefixLex      lexicon           // words that make a title of the title after them (title_prefixes.txt)
	postLinkLex    lexicon           // phrases that give the post after them to a person (post_links.txt)
	issueLex       lexicon           // verbs that issue a resolution (issuing_verbs.txt)
	docKinds       []docKind         // documents other than Nghị quyết, by the letters of their code (document_kinds.tsv)
	issuerCodes    map[string]string // an issuer's code in an identifier → the body (issuer_codes.tsv)
	eponymLex      lexicon           // heads of bodies that may be named after a person (eponym_heads.txt)
	nameParticles  map[string]bool   // lower-case words inside foreign names (name_particles.txt)
	rankLex        lexicon
	titleLex       lexicon
	orgLex         lexicon
	countryLex     lexicon
	honorLex       lexicon
	eventLex       lexicon // value: the event kind
	verbLex        lexicon // value: the role
	outletLex      lexicon
	headLex        lexicon // words that open a body's name

	words    map[string]wordClass // closed-class words, by fold key
	keys     keyIDs               // the numbers of every lexicon's keys
	startIDs []bool               // by key number: the first words of every list's phrases

	orgCountry map[string]string // body name → the country it names, "" for none
	// iris are the entity IRIs of the gazetteer's ranks and bodies, by kind
	// and name, built once for every article that names them
	iris map[[2]string]string
	// Duplicates lists keys given twice (file: key); the first one wins.
	Duplicates []string
	// RuleRows are the rows that carry their own test cases, in file order
	// (TestRuleRows runs them).
	RuleRows []RuleRow
	ew       eventWords // event_words.tsv
}

// LoadGazetteer reads the gazetteer files at the root of fsys. Every file
// is required; a malformed row is an error naming the file and line.
func LoadGazetteer(fsys fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{
		Ranks: map[string]*Rank{}, Titles: map[string]*Title{}, Orgs: map[string]*Org{},
		Countries: map[string]*Country{}, Abbrev: map[string]string{}, Surnames: map[string]bool{}, Frames: map[string]*Frame{},
		chromeLines: map[string]bool{}, linkHeadings: map[string]bool{}, words: map[string]wordClass{},
		nameParticles: map[string]bool{}, abbrevOrg: map[string]bool{}, issuerCodes: map[string]string{},
	}
	for _, l := range g.lexicons() {
		l.keys = &g.keys
	}
	kinds := map[string]bool{} // the kinds event_kinds.tsv gives
	err := errors.Join(
		readTSVLines(fsys, "ranks.tsv", 7, func(c []string, line int) error {
			sen, err := strconv.Atoi(c[2])
			if err != nil || sen < 1 {
				return fmt.Errorf("seniority %q is not a positive integer", c[2])
			}
			r := &Rank{Name: c[0], English: c[1], Seniority: sen, Branch: c[3]}
			g.Ranks[r.Name] = r
			for _, n := range append([]string{r.Name}, splitMulti(c[4])...) {
				g.rankLex.add(n, r.Name)
			}
			return g.addRule("ranks.tsv", line, c[0], "", c[5], c[6])
		}),
		readTSV(fsys, "titles.tsv", 4, func(c []string) error {
			t := &Title{Name: c[0], English: c[1], NeedsOrg: c[2]}
			switch t.NeedsOrg {
			case "yes", "no", "opt", "vessel":
			default:
				return fmt.Errorf("needs_org %q is not yes, no, opt or vessel", c[2])
			}
			g.Titles[t.Name] = t
			lex := &g.titleLex
			if t.NeedsOrg == "vessel" {
				lex = &g.vesselTitleLex // read only before a vessel: no title elsewhere
			}
			for _, n := range append([]string{t.Name}, splitMulti(c[3])...) {
				lex.add(n, t.Name)
			}
			return nil
		}),
		readTSV(fsys, "orgs.tsv", 4, func(c []string) error {
			o := &Org{Name: c[0], Gov: c[1] == "gov", Parent: c[2], Aliases: splitMulti(c[3])}
			if c[1] != "gov" && c[1] != "org" {
				return fmt.Errorf("type %q is not gov or org", c[1])
			}
			g.Orgs[o.Name] = o
			for _, n := range append([]string{o.Name}, o.Aliases...) {
				g.orgLex.add(n, o.Name)
			}
			return nil
		}),
		readTSV(fsys, "countries.tsv", 3, func(c []string) error {
			k := &Country{Name: c[0], Nationality: c[2]}
			g.Countries[k.Name] = k
			for _, n := range append([]string{k.Name}, splitMulti(c[1])...) {
				g.countryLex.add(n, k.Name)
			}
			return nil
		}),
		readTSV(fsys, "abbreviations.tsv", 3, func(c []string) error {
			g.Abbrev[c[0]] = c[1]
			switch c[2] {
			case "org":
				g.abbrevOrg[c[0]] = true
			case "term":
			default:
				return fmt.Errorf("kind %q is not org or term", c[2])
			}
			return nil
		}),
		readTSVLines(fsys, "event_kinds.tsv", 4, func(c []string, line int) error {
			g.eventLex.add(c[0], c[1])
			kinds[c[1]] = true
			return g.addRule("event_kinds.tsv", line, c[0], c[1], c[2], c[3])
		}),
		readTSV(fsys, "event_frames.tsv", 9, func(c []string) error {
			f := &Frame{Kind: c[0], Example: c[7], Expect: c[8]}
			for i, dst := range []*bool{&f.OpensLower, &f.GuestsAfter, &f.VerbAttends, &f.VerbChairs, &f.HostChairs, &f.TravellersAttend} {
				switch c[i+1] {
				case "yes":
					*dst = true
				case "no":
				default:
					return fmt.Errorf("column %d is %q, want yes or no", i+2, c[i+1])
				}
			}
			if !kinds[f.Kind] {
				return fmt.Errorf("kind %q is no kind of event_kinds.tsv", f.Kind)
			}
			if g.Frames[f.Kind] != nil {
				return fmt.Errorf("kind %q has a frame already", f.Kind)
			}
			g.Frames[f.Kind] = f
			return nil
		}),
		readTSVLines(fsys, "verbs.tsv", 4, func(c []string, line int) error {
			switch c[1] {
			case "chair", "attend", "speak", "host", "organize", "lead", "press":
			default:
				return fmt.Errorf("role %q is not chair, attend, speak, host, organize, lead or press", c[1])
			}
			g.verbLex.add(c[0], c[1])
			return g.addRule("verbs.tsv", line, c[0], c[1], c[2], c[3])
		}),
		readTSV(fsys, "outlets.tsv", 2, func(c []string) error {
			for _, n := range append([]string{c[0]}, splitMulti(c[1])...) {
				g.outletLex.add(n, c[0])
			}
			return nil
		}),
		readEventWords(fsys, g),
		readLines(fsys, "surnames.txt", func(l string) { g.Surnames[Fold(l)] = true }),
		g.readList(fsys, "not_verbs.txt", func(l string) { g.verbLex.add(l, notVerb) }),
		g.readList(fsys, "honorifics.txt", func(l string) { g.honorLex.add(l, l) }),
		g.readList(fsys, "chrome.txt", func(l string) {
			if p, ok := strings.CutSuffix(l, "*"); ok {
				g.chromePrefixes = append(g.chromePrefixes, Fold(p))
			} else {
				g.chromeLines[Fold(l)] = true
			}
		}),
		g.readList(fsys, "link_headings.txt", func(l string) { g.linkHeadings[Fold(l)] = true }),
		g.readList(fsys, "org_heads.txt", func(l string) { g.headLex.add(l, l) }),
		g.readList(fsys, "located.txt", func(l string) { g.located = append(g.located, Fold(l)) }),
		g.readList(fsys, "running_heads.txt", func(l string) { g.runningLex.add(l, l) }),
		g.readList(fsys, "name_particles.txt", func(l string) { g.nameParticles[Fold(l)] = true }),
		g.readList(fsys, "on_behalf.txt", func(l string) { g.behalfLex.add(l, l) }),
		g.readList(fsys, "past_times.txt", func(l string) { g.pastLex.add(l, l) }),
		g.readList(fsys, "remits.txt", func(l string) { g.remitLex.add(l, l) }),
		g.readList(fsys, "vessels.txt", func(l string) { g.vesselLex.add(l, l) }),
		g.readList(fsys, "local_heads.txt", func(l string) { g.localLex.add(l, l) }),
		g.readList(fsys, "named_kinds.txt", func(l string) { g.namedKindLex.add(l, l) }),
		g.readList(fsys, "title_prefixes.txt", func(l string) { g.prefixLex.add(l, l) }),
		g.readList(fsys, "post_links.txt", func(l string) { g.postLinkLex.add(l, l) }),
		g.readList(fsys, "issuing_verbs.txt", func(l string) { g.issueLex.add(l, l) }),
		readTSVLines(fsys, "document_kinds.tsv", 4, func(c []string, line int) error {
			if !isUpperCode(c[1]) {
				return fmt.Errorf("code letters %q are not upper case", c[1])
			}
			g.docKinds = append(g.docKinds, docKind{keys: phraseKeys(c[0]), head: c[0], letters: c[1]})
			return g.addRule("document_kinds.tsv", line, c[0], c[1], c[2], c[3])
		}),
		readTSVLines(fsys, "issuer_codes.tsv", 4, func(c []string, line int) error {
			if c[1] == "" {
				return fmt.Errorf("code %q without a body", c[0])
			}
			g.issuerCodes[c[0]] = c[1]
			return g.addRule("issuer_codes.tsv", line, c[0], c[1], c[2], c[3])
		}),
		g.readList(fsys, "eponym_heads.txt", func(l string) { g.eponymLex.add(l, l) }),
		readTSV(fsys, "words.tsv", 2, func(c []string) error {
			var cls wordClass
			for _, name := range splitMulti(c[1]) {
				k, ok := wordClasses[name]
				if !ok {
					return fmt.Errorf("unknown word class %q", name)
				}
				cls |= k
			}
			g.words[Fold(c[0])] |= cls
			return nil
		}),
	)
	if err != nil {
		return nil, err
	}
	for code, body := range g.issuerCodes {
		if g.Orgs[body] == nil {
			return nil, fmt.Errorf("%w: issuer_codes.tsv: code %q stands for %q, not a body of orgs.tsv", ErrGazetteer, code, body)
		}
	}
	// Abbreviations of bodies are aliases of those bodies.
	for short, full := range g.Abbrev {
		if _, ok := g.Orgs[full]; ok {
			g.orgLex.add(short, full)
		}
	}
	g.iris = make(map[[2]string]string, len(g.Ranks)+len(g.Orgs))
	for name := range g.Ranks {
		g.iris[[2]string{vocab.KindRank, name}] = entity(vocab.KindRank, name)
	}
	for name, o := range g.Orgs {
		g.iris[[2]string{vocab.KindOrg, name}] = entity(vocab.KindOrg, name)
		if o.Parent != "" {
			g.iris[[2]string{vocab.KindOrg, o.Parent}] = entity(vocab.KindOrg, o.Parent)
		}
	}
	g.orgCountry = make(map[string]string, len(g.Orgs))
	for name := range g.Orgs {
		g.orgCountry[name] = g.country(name)
	}
	g.ew.number(&g.keys)
	g.startIDs = make([]bool, len(g.keys.ids)+1)
	for _, l := range []*lexicon{&g.rankLex, &g.titleLex, &g.orgLex, &g.countryLex, &g.honorLex, &g.eventLex, &g.verbLex, &g.outletLex, &g.headLex, &g.prefixLex, &g.vesselTitleLex, &g.namedKindLex} {
		g.Duplicates = append(g.Duplicates, l.dups...)
		for id := range l.root.next {
			g.startIDs[id] = true
		}
	}
	for _, l := range g.lexicons() {
		l.freeze(len(g.keys.ids))
	}
	g.ew.index(&g.keys)
	return g, nil
}

// lexicons are every lexicon of the gazetteer.
func (g *Gazetteer) lexicons() []*lexicon {
	return []*lexicon{&g.runningLex, &g.behalfLex, &g.pastLex, &g.remitLex, &g.vesselLex, &g.vesselTitleLex, &g.localLex, &g.namedKindLex, &g.prefixLex, &g.postLinkLex, &g.issueLex, &g.eponymLex, &g.rankLex, &g.titleLex, &g.orgLex, &g.countryLex, &g.honorLex, &g.eventLex, &g.verbLex, &g.outletLex, &g.headLex}
}

func splitMulti(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// readTSV reads a tab-separated file with the given number of columns, calling
// row for each data row (cells trimmed and NFC). Missing trailing cells are empty.
func readTSV(fsys fs.FS, name string, cols int, row func([]string) error) error {
	return readTSVLines(fsys, name, cols, func(cells []string, _ int) error { return row(cells) })
}

// readTSVLines is readTSV with each row's line number.
func readTSVLines(fsys fs.FS, name string, cols int, row func(cells []string, line int) error) error {
	return scanFile(fsys, name, func(line string, n int) error {
		cells := strings.Split(line, "\t")
		if len(cells) > cols {
			return fmt.Errorf("%d columns, want %d", len(cells), cols)
		}
		for len(cells) < cols {
			cells = append(cells, "")
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(norm.NFC.String(cells[i]))
		}
		if cells[0] == "" {
			return fmt.Errorf("empty first column")
		}
		return row(cells, n)
	})
}

// readList reads a list of one entry a line; an entry may be followed, after
// tabs, by its case: an example and what it must give (addRule).
func (g *Gazetteer) readList(fsys fs.FS, name string, fn func(string)) error {
	return scanFile(fsys, name, func(line string, n int) error {
		cells := strings.Split(norm.NFC.String(line), "\t")
		if len(cells) != 1 && len(cells) != 3 {
			return fmt.Errorf("%d cells: want an entry, or an entry, an example and what it must give", len(cells))
		}
		l := strings.TrimSpace(cells[0])
		if l == "" {
			return fmt.Errorf("empty entry")
		}
		fn(l)
		if len(cells) == 3 {
			return g.addRule(name, n, l, "", strings.TrimSpace(cells[1]), strings.TrimSpace(cells[2]))
		}
		return nil
	})
}

func readLines(fsys fs.FS, name string, fn func(string)) error {
	return scanFile(fsys, name, func(line string, n int) error {
		if l := strings.TrimSpace(norm.NFC.String(line)); l != "" {
			fn(l)
		}
		return nil
	})
}

func scanFile(fsys fs.FS, name string, fn func(line string, n int) error) error {
	p := name
	f, err := fsys.Open(p)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrGazetteer, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(line, n); err != nil {
			return fmt.Errorf("%w: %s:%d: %v", ErrGazetteer, p, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrGazetteer, p, err)
	}
	return nil
}

// keyIDs numbers the matching keys of every lexicon's phrases (1, 2, …), so
// that a token's key is looked up by its string once an article (intern) and
// the tries step by integers. The table is written only while the gazetteer
// loads; extraction only reads it.
type keyIDs struct {
	ids map[string]int32
}

// id is the number of key k, added when add is set; 0 when k has none.
func (t *keyIDs) id(k string, add bool) int32 {
	if id, ok := t.ids[k]; ok || !add {
		return id
	}
	if t.ids == nil {
		t.ids = map[string]int32{}
	}
	id := int32(len(t.ids) + 1)
	t.ids[k] = id
	return id
}

// tokenID is the key number of a token: the one intern gave it, else (a token
// of a phrase tokenized outside the pipeline) looked up; 0 for a key no
// phrase holds.
func (t *keyIDs) tokenID(tok *Token) int32 {
	switch {
	case tok.id > 0:
		return tok.id
	case tok.id < 0:
		return 0
	}
	return t.ids[matchKey(*tok)]
}

// intern gives every token the number of its matching key (-1 for a key no
// phrase of any list holds): the tokenize stage runs it once an article.
func (g *Gazetteer) intern(toks []Token) {
	for i := range toks {
		tok := &toks[i]
		if id := g.keys.ids[matchKey(*tok)]; id > 0 {
			tok.id = id
		} else {
			tok.id = -1
		}
	}
}

// startsAt reports a token whose key opens a phrase of some list.
func (g *Gazetteer) startsAt(tok *Token) bool {
	id := g.keys.tokenID(tok)
	return id > 0 && int(id) < len(g.startIDs) && g.startIDs[id]
}

// lexicon is a trie over token keys (by their numbers in keys): it finds the
// longest known phrase that starts at a token.
type lexicon struct {
	keys  *keyIDs
	root  trieNode
	count int
	dups  []string // phrases added twice with different values
}

type trieNode struct {
	next map[int32]*trieNode // while the gazetteer loads
	// after it loaded (freeze): the children by key number, in order (most
	// nodes have one to three), and at the root a table by key number
	ids   []int32
	kids  []*trieNode
	first []*trieNode
	value string
	set   bool
	// acronym: every phrase ending here is one word in capitals ("UN"), which
	// matches only a word in capitals: "Un" in "Un Bun Ny" is no UN
	acronym bool
}

// phraseKeys tokenizes a gazetteer phrase into matching keys.
func phraseKeys(phrase string) []string {
	t := Normalize(phrase)
	toks := Tokenize(t)
	keys := make([]string, 0, len(toks))
	for _, tok := range toks {
		keys = append(keys, matchKey(tok))
	}
	return keys
}

// matchKey is a token's key for lexicon lookups: dashes are one key.
func matchKey(tok Token) string {
	if tok.Kind == Punct && isDash(tok.Text) {
		return "-"
	}
	return tok.Key
}

// add records phrase → value; the first value for a phrase wins.
func (l *lexicon) add(phrase, value string) {
	n := &l.root
	keys := phraseKeys(phrase)
	if len(keys) == 0 {
		return
	}
	for _, k := range keys {
		if n.next == nil {
			n.next = map[int32]*trieNode{}
		}
		id := l.keys.id(k, true)
		c := n.next[id]
		if c == nil {
			c = &trieNode{}
			n.next[id] = c
		}
		n = c
	}
	acronym := len(keys) == 1 && isUpperWord(phrase) && utf8.RuneCountInString(phrase) >= 2
	if !n.set {
		n.set, n.value, n.acronym = true, value, acronym
		l.count++
	} else {
		n.acronym = n.acronym && acronym
	}
	if n.set && n.value != value {
		l.dups = append(l.dups, phrase+" → "+n.value+" / "+value)
	}
}

// freeze turns the trie's maps into the tables lookups read, once every
// phrase is added (numKeys: how many key numbers the gazetteer gave).
func (l *lexicon) freeze(numKeys int) {
	l.root.first = make([]*trieNode, numKeys+1)
	for id, c := range l.root.next {
		l.root.first[id] = c
		c.freezeKids()
	}
	l.root.next = nil
}

func (n *trieNode) freezeKids() {
	n.ids = make([]int32, 0, len(n.next))
	for id := range n.next {
		n.ids = append(n.ids, id)
	}
	slices.Sort(n.ids)
	n.kids = make([]*trieNode, len(n.ids))
	for k, id := range n.ids {
		n.kids[k] = n.next[id]
		n.kids[k].freezeKids()
	}
	n.next = nil
}

// child is the node after key number id (nil if none).
func (n *trieNode) child(id int32) *trieNode {
	if n.first != nil {
		if int(id) < len(n.first) {
			return n.first[id]
		}
		return nil
	}
	if n.next != nil { // not frozen yet
		return n.next[id]
	}
	for k, x := range n.ids {
		if x >= id {
			if x == id {
				return n.kids[k]
			}
			return nil
		}
	}
	return nil
}

// opens reports whether a phrase of l starts with the word of fold key w.
func (l *lexicon) opens(w string) bool {
	id := l.keys.id(w, false)
	return id > 0 && l.root.child(id) != nil
}

// longest returns the number of tokens of the longest phrase starting at toks[i],
// and its value; 0 when none does.
func (l *lexicon) longest(toks []Token, i int) (int, string) {
	n := &l.root
	best, val := 0, ""
	for j := i; j < len(toks); j++ {
		id := l.keys.tokenID(&toks[j])
		if id == 0 {
			break
		}
		c := n.child(id)
		if c == nil {
			break
		}
		n = c
		if n.set && !(n.acronym && !toks[j].Upper) {
			best, val = j-i+1, n.value
		}
	}
	return best, val
}

// all returns every phrase length starting at toks[i] with its value, shortest first.
func (l *lexicon) all(toks []Token, i int) (lens []int, vals []string) {
	n := &l.root
	for j := i; j < len(toks); j++ {
		id := l.keys.tokenID(&toks[j])
		if id == 0 {
			break
		}
		c := n.child(id)
		if c == nil {
			break
		}
		n = c
		if n.set && !(n.acronym && !toks[j].Upper) {
			lens, vals = append(lens, j-i+1), append(vals, n.value)
		}
	}
	return lens, vals
}

// wordClass is a set of the classes of words.tsv.
type wordClass uint32

const (
	wFunction wordClass = 1 << iota
	wSentenceStart
	wFiller
	wQuantity
	wGenericBefore
	wIntro
	wPlaceLead
	wAdmin
	wScene
	wMemorial
	wState
	wNameLink
	wOrdinalLead
	wOrdinal
	wNotName
	wAdminLead
	wPartOf
	wTopic
)

var wordClasses = map[string]wordClass{
	"function": wFunction, "sentence-start": wSentenceStart, "filler": wFiller,
	"quantity": wQuantity, "generic-before": wGenericBefore, "intro": wIntro,
	"place-lead": wPlaceLead, "admin": wAdmin, "scene": wScene, "memorial": wMemorial, "state": wState, "name-link": wNameLink,
	"ordinal-lead": wOrdinalLead, "ordinal": wOrdinal, "not-name": wNotName, "admin-lead": wAdminLead, "part-of": wPartOf, "topic": wTopic,
}

// locatedName reports a title or a body's name that names where it sits
// (located.txt): "Đại sứ", "Tùy viên quốc phòng", "Đại sứ quán Hàn Quốc".
func (g *Gazetteer) locatedName(name string) bool {
	f := Fold(name)
	for _, w := range g.located {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// is reports whether a word (a token's fold key) is of a class.
func (g *Gazetteer) is(word string, c wordClass) bool { return g.words[word]&c != 0 }

// isFunction reports a function word, which never continues a name.
func (g *Gazetteer) isFunction(word string) bool { return g.is(word, wFunction) }
