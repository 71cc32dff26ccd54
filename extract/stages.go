package extract

import (
	"fmt"
	"slices"
)

// A stage is one step of the extraction pipeline, declared in the manner of an
// analyzer of golang.org/x/tools/go/analysis: a name, the stages whose results
// it reads, and a Run that returns its own result, a new value of its own type.
// No stage writes another's result. Extract runs the declared list (pipeline)
// in order; checkStages, run at init and by the tests, refuses a stage that
// requires one not run before it.
type stage struct {
	Name     string
	Doc      string
	Requires []string
	// Evidence marks a stage that only an extractor with evidence runs.
	Evidence bool
	Run      func(in *stageInput) any
}

// stageInput is what a running stage sees: the extractor, the document, and
// the results of the stages it requires (resultOf).
type stageInput struct {
	x     *Extractor
	doc   Document
	stage *stage
	res   []any // by position in pipeline
}

// resultOf is the result of the required stage name, of type T. Reading a
// stage the running one did not declare is a programming error, caught on the
// first document any test extracts.
func resultOf[T any](in *stageInput, name string) T {
	if !slices.Contains(in.stage.Requires, name) {
		panic(fmt.Sprintf("extract: stage %q reads %q, which it does not require", in.stage.Name, name))
	}
	return in.res[stageIndex[name]].(T)
}

// The results of the stages, by type.
type (
	// related is the relate stage's result: the facts and what was odd.
	related struct {
		facts *Facts
		diags []Diagnostic
	}
	// evidenceResult is the evidence stage's: the emitted quads' evidence and the
	// entities' mentions, in source offsets.
	evidenceResult struct {
		evidence []Evidence
		mentions []Mention
	}
)

// pipeline is the extraction pipeline, in order.
var pipeline = []*stage{
	{Name: "normalize", Doc: "NFC, one kind of space and line end, the folded text, offsets back to the source",
		Run: func(in *stageInput) any { return Normalize(in.doc.Text) }},
	{Name: "tokenize", Requires: []string{"normalize"}, Doc: "syllables, numbers, codes and punctuation with their offsets",
		Run: func(in *stageInput) any {
			toks := tokenizeInto(resultOf[*Text](in, "normalize"), pooledTokens())
			in.x.gaz.intern(toks) // the numbers of the keys the lexicons look up
			return toks
		}},
	{Name: "lines", Requires: []string{"normalize", "tokenize"}, Doc: "each line's kind (text, headline, caption, chrome, credit), bylines, the publisher, a dateline's outlet",
		Run: func(in *stageInput) any {
			return in.x.gaz.readLines(resultOf[*Text](in, "normalize"), resultOf[[]Token](in, "tokenize"))
		}},
	{Name: "spans", Requires: []string{"tokenize", "lines"}, Doc: "the sentences and the spans every recognizer finds in them (ranks, titles, bodies, names, dates, codes, triggers, places)",
		Run: func(in *stageInput) any {
			return in.x.gaz.sentenceSpans(resultOf[[]Token](in, "tokenize"), resultOf[*lineInfo](in, "lines"))
		}},
	{Name: "refs", Requires: []string{"normalize", "tokenize", "spans"}, Doc: "what the article defines that later text refers back to: its abbreviations",
		Run: func(in *stageInput) any {
			return in.x.gaz.articleRefs(resultOf[*Text](in, "normalize"), resultOf[[]Token](in, "tokenize"), resultOf[*spanInfo](in, "spans"))
		}},
	{Name: "relate", Requires: []string{"normalize", "tokenize", "lines", "spans", "refs"}, Doc: "the facts, by the declared passes of passes.go",
		Run: func(in *stageInput) any {
			f, d := in.x.gaz.relateStaged(in.doc, resultOf[*Text](in, "normalize"), resultOf[[]Token](in, "tokenize"),
				resultOf[*lineInfo](in, "lines"), resultOf[*spanInfo](in, "spans"), resultOf[*refTable](in, "refs"), !in.x.noEvidence)
			return &related{f, d}
		}},
	{Name: "emit", Requires: []string{"relate"}, Doc: "quads and background quads (the one place that builds IRIs)",
		Run: func(in *stageInput) any {
			return in.x.gaz.emit(in.doc, resultOf[*related](in, "relate").facts, !in.x.noEvidence)
		}},
	{Name: "evidence", Requires: []string{"normalize", "emit"}, Evidence: true, Doc: "each quad's sentence and words, and the mentions, in source offsets",
		Run: func(in *stageInput) any {
			t, e := resultOf[*Text](in, "normalize"), resultOf[*emitter](in, "emit")
			out := &evidenceResult{evidence: e.evidence, mentions: e.mentions(t)}
			for i := range out.evidence {
				ev := &out.evidence[i]
				ev.Sentence = sourceSpan(t, ev.Sentence)
				marks := make([]Span, len(ev.Mentions))
				for j, m := range ev.Mentions {
					marks[j] = sourceSpan(t, m)
				}
				ev.Mentions = marks
			}
			return out
		}},
}

// stageIndex is each stage's position in pipeline.
var stageIndex = map[string]int{}

func init() {
	if err := checkStages(pipeline); err != nil {
		panic(err) // the declared list is wrong: no extractor can be built
	}
	for i, s := range pipeline {
		stageIndex[s.Name] = i
	}
}

// checkStages reports a stage that requires one not run before it, a name used
// twice, or a stage without a Run.
func checkStages(ss []*stage) error {
	done := map[string]bool{}
	for _, s := range ss {
		if done[s.Name] {
			return fmt.Errorf("extract: stage %q is declared twice", s.Name)
		}
		if s.Run == nil {
			return fmt.Errorf("extract: stage %q has no Run", s.Name)
		}
		for _, r := range s.Requires {
			if !done[r] {
				return fmt.Errorf("extract: stage %q requires %q, which does not run before it", s.Name, r)
			}
		}
		done[s.Name] = true
	}
	return nil
}

// runStages runs the pipeline over one document up to and including the stage
// named last, and returns every result by position.
func (x *Extractor) runStages(doc Document, last string) []any {
	res := make([]any, len(pipeline))
	in := &stageInput{x: x, doc: doc, res: res}
	for i, s := range pipeline {
		if s.Evidence && x.noEvidence {
			continue
		}
		in.stage = s
		res[i] = s.Run(in)
		if s.Name == last {
			break
		}
	}
	return res
}
