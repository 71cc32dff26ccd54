package extract

// Extract runs the pipeline (stages.go) over one document: normalize,
// tokenize, lines, spans, relate, emit and, unless the extractor is
// WithoutEvidence, evidence. It never fails: problems in the text are
// diagnostics.
func (x *Extractor) Extract(doc Document) Result {
	res := x.runStages(doc, "")
	rel := res[stageIndex["relate"]].(*related)
	e := res[stageIndex["emit"]].(*emitter)
	r := Result{Doc: doc, Quads: e.quads, Background: e.bg, Diagnostics: rel.diags}
	if ev, ok := res[stageIndex["evidence"]].(*evidenceResult); ok {
		r.Evidence, r.Mentions = ev.evidence, ev.mentions
	}
	e.release() // the result holds none of its maps
	if toks, ok := res[stageIndex["tokenize"]].([]Token); ok {
		releaseTokens(toks) // nor its tokens
	}
	return r
}

// Facts runs the pipeline up to the relate stage, without evidence.
func (x *Extractor) Facts(doc Document) (*Facts, []Diagnostic) {
	rel := x.WithoutEvidence().runStages(doc, "relate")[stageIndex["relate"]].(*related)
	return rel.facts, rel.diags
}
