// Package extract turns Vietnamese defense-diplomacy news articles into the facts
// of the vnkg vocabulary, as quads labelled with their article's IRI.
//
// The work is a pipeline of declared stages (stages.go), each a value {Name,
// Requires, Run} whose Run returns a result of its own, checked at init:
// normalize (NFC, spaces, an offset map back to the source) → tokenize
// (syllables, numbers, codes) → lines (chrome, credits, bylines, datelines) →
// spans (ranks, titles, people, bodies, resolutions, events, dates, places;
// each with byte offsets) → refs (the abbreviations the article defines, a
// pure fold) → relate (the declared passes of passes.go turn spans into facts,
// citing where each is stated) → emit (the one place that builds IRIs) →
// evidence (each quad's source sentence and words; skipped by an extractor
// WithoutEvidence). The package knows nothing of the store.
package extract

import (
	"io/fs"

	"github.com/vnkg/vnkg/graph/vocab"
)

// Extractor holds the loaded gazetteers; it is safe for concurrent use. It logs
// nothing: problems in a text come back as Result.Diagnostics.
type Extractor struct {
	gaz        *Gazetteer
	noEvidence bool
}

// WithoutEvidence is an extractor over the same gazetteers whose results carry
// no Evidence and no Mentions: the same quads, for less work. A build, which
// stores only the quads, uses it; the viewer, which shows where each fact is
// stated, does not.
func (x *Extractor) WithoutEvidence() *Extractor {
	y := *x
	y.noEvidence = true
	return &y
}

// New loads the gazetteer files at the root of fsys (data.GazetteerFS, or a
// directory of the user's own).
func New(fsys fs.FS) (*Extractor, error) {
	if err := checkPasses(append(sentencePasses, evidencePass)); err != nil {
		return nil, err
	}
	gaz, err := LoadGazetteer(fsys)
	if err != nil {
		return nil, err
	}
	return &Extractor{gaz: gaz}, nil
}

// Result is what one document yields.
type Result struct {
	Doc   Document
	Quads []vocab.Quad // every quad carries the document's IRI as its label
	// Background holds gazetteer knowledge (rank order, English names, parent
	// bodies) about the entities the quads mention, labelled vocab.GazetteerLabel.
	Background  []vocab.Quad
	Diagnostics []Diagnostic
	// Evidence ties each quad that comes from the text to the sentence and
	// words that state it, in the order of Quads.
	Evidence []Evidence
	// Mentions are the entities' mentions in the text, sorted by Start.
	Mentions []Mention
}

// Diagnostic is a problem found in a text, with its byte offsets in the source.
type Diagnostic struct {
	Start, End int
	Message    string
	Rule       string // the relate pass that found it ("bad-dates", "people")
}
