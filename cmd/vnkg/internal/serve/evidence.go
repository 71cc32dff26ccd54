package serve

import (
	"context"
	"crypto/sha256"
	"slices"
	"strings"
	"sync"

	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

// Evidence: vnkg build stores each article's text (schema:articleBody, under
// the article's label, in the transaction of its facts). To show the
// sentence behind a fact, the server re-runs the extractor on that text and
// takes the sentence the re-run gives for the same quad. A stored quad that
// the re-run does not reproduce exactly (the store was built by a binary
// with other rules or gazetteers, or from other text) gets no sentence but
// "rebuild to see evidence": a sentence is never shown for a fact it may not
// state. See docs/evidence.md.

// article is one stored article: its metadata, text and quads.
type article struct {
	iri, id                             string
	title, date, publisher, url, source string
	text                                string
	hasText                             bool
	quads                               []vocab.Quad // under its label, without the text
}

// loadArticle reads an article: with all, every quad under its label (one
// label lookup: the article page needs them to check the re-run); else only
// its own quads, metadata and text (one subject lookup: what evidence needs).
func (s *Server) loadArticle(ctx context.Context, iri string, all bool) (*article, error) {
	read := s.store.Out
	if all {
		read = s.store.Labelled
	}
	quads, err := read(ctx, iri)
	if err != nil {
		return nil, err
	}
	a := &article{iri: iri, id: graph.DocID(iri)}
	for _, q := range quads {
		if q.Subject.Value == iri {
			switch q.Predicate.Value {
			case vocab.ArticleBody:
				a.text, a.hasText = q.Object.Value, true
				continue
			case vocab.SourceFile:
				a.source = q.Object.Value
			default:
				a.setMeta(q)
			}
		}
		a.quads = append(a.quads, q)
	}
	if len(quads) == 0 {
		return nil, nil
	}
	return a, nil
}

// rerun is the extractor's result on a stored article's text.
type rerun struct {
	index    map[string]int // N-Quads statement → index in quads
	quads    []vocab.Quad
	evidence map[int]extractEvidence
	mentions []extractMention
	text     string
}

type rerunCache struct {
	mu  sync.Mutex
	max int
	m   map[[32]byte]*rerun
}

func newRerunCache(max int) *rerunCache {
	return &rerunCache{max: max, m: map[[32]byte]*rerun{}}
}

func (c *rerunCache) clear() {
	c.mu.Lock()
	c.m = map[[32]byte]*rerun{}
	c.mu.Unlock()
}

// reextract re-runs the extractor on a, from the stored text and metadata,
// cached by article and text.
func (s *Server) reextract(ctx context.Context, a *article) *rerun {
	if s.x == nil || !a.hasText {
		return nil
	}
	key := sha256.Sum256([]byte(a.iri + "\x00" + a.title + "\x00" + a.date + "\x00" + a.url + "\x00" + a.source + "\x00" + a.text))
	c := s.reruns
	c.mu.Lock()
	r, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return r
	}
	doc := extract.Document{ID: a.id, Text: a.text, Title: a.title, Published: a.date, URL: a.url, SourceFile: a.source}
	if a.publisher != "" {
		if idx := s.index.Load(); idx != nil {
			doc.Source = idx.primary[a.publisher]
		}
	}
	res := s.x.Extract(doc)
	r = &rerun{index: make(map[string]int, len(res.Quads)), quads: res.Quads, text: a.text}
	for i, q := range res.Quads {
		r.index[q.NQuad()] = i
	}
	r.evidence, r.mentions = evidenceOf(res)
	c.mu.Lock()
	if len(c.m) >= c.max {
		for k := range c.m { // drop one at random: enough for a cache of re-runs
			delete(c.m, k)
			break
		}
	}
	c.m[key] = r
	c.mu.Unlock()
	return r
}

// Evidence statuses.
const (
	evOK      = "ok"      // the sentence that states the fact
	evStale   = "stale"   // the re-run does not reproduce the fact: rebuild
	evNoText  = "notext"  // the article was stored without its text: rebuild
	evNone    = "none"    // reproduced, but the extractor ties it to no sentence (metadata)
	evSkipped = "skipped" // not computed for this answer (too many articles): open the article
	evNoRules = "unavailable"
)

// evidenceJSON is the evidence of one fact in one article.
type evidenceJSON struct {
	Status   string    `json:"status"`
	Note     string    `json:"note,omitempty"`
	Sentence []segment `json:"sentence,omitempty"`
}

// segment is a piece of text; Kind is set on a mention (person, rank, …).
type segment struct {
	Text string `json:"t"`
	Kind string `json:"kind,omitempty"`
	IRI  string `json:"iri,omitempty"`
	Mark bool   `json:"mark,omitempty"` // a mention that states this fact
}

const rebuildNote = "rebuild to see evidence (vnkg build): the stored facts of this article are not what this vnkg extracts from its text"

// evidence finds the sentence of q (stored in a) in the re-run.
func evidenceFor(a *article, r *rerun, q vocab.Quad) evidenceJSON {
	switch {
	case !a.hasText:
		return evidenceJSON{Status: evNoText, Note: "rebuild to see evidence (vnkg build): this article was stored without its text"}
	case r == nil:
		return evidenceJSON{Status: evNoRules, Note: "this server does not re-run the extractor"}
	}
	i, ok := r.index[q.NQuad()]
	if !ok {
		return evidenceJSON{Status: evStale, Note: rebuildNote}
	}
	ev, ok := r.evidence[i]
	if !ok {
		if r.evidence == nil {
			return evidenceJSON{Status: evNoRules, Note: "this vnkg's extractor does not report sentences"}
		}
		return evidenceJSON{Status: evNone, Note: "from the article's metadata or the gazetteer"}
	}
	return evidenceJSON{Status: evOK, Sentence: segments(r.text, ev.sentence, ev.mentions, nil)}
}

// exact reports whether the re-run reproduces the article's stored quads,
// all of them and no more: then its mentions may be drawn on the text.
func (r *rerun) exact(a *article) bool {
	if r == nil || len(r.quads) != len(a.quads) {
		return false
	}
	for _, q := range a.quads {
		if _, ok := r.index[q.NQuad()]; !ok {
			return false
		}
	}
	return true
}

// segments cuts text[within] into pieces at the spans: marks (the mentions
// that state a fact) and typed mentions. Spans are byte offsets in text;
// ones outside within or not on rune boundaries are dropped.
func segments(text string, within span, marks []span, typed []extractMention) []segment {
	if within.Start < 0 || within.End > len(text) || within.Start > within.End {
		return nil
	}
	type cut struct {
		span
		kind, iri string
		mark      bool
	}
	var cuts []cut
	for _, m := range marks {
		cuts = append(cuts, cut{span: m, mark: true})
	}
	for _, m := range typed {
		cuts = append(cuts, cut{span: m.span, kind: m.kind, iri: m.iri})
	}
	slices.SortFunc(cuts, func(a, b cut) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	var out []segment
	pos := within.Start
	for _, c := range cuts {
		if c.Start < pos || c.End > within.End || c.Start >= c.End {
			continue // overlapping or outside: keep the first
		}
		if pos < c.Start {
			out = append(out, segment{Text: text[pos:c.Start]})
		}
		out = append(out, segment{Text: text[c.Start:c.End], Kind: c.kind, IRI: c.iri, Mark: c.mark})
		pos = c.End
	}
	if pos < within.End {
		out = append(out, segment{Text: text[pos:within.End]})
	}
	for i := range out {
		out[i].Text = strings.ToValidUTF8(out[i].Text, "")
	}
	return out
}

// span is a byte range of a text.
type span struct{ Start, End int }

type extractEvidence struct {
	sentence span
	mentions []span
}

type extractMention struct {
	span
	kind, iri string
}
