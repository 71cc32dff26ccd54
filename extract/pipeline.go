package extract

// Extract runs the pipeline over one document: normalize, tokenize, find spans
// and relate them into facts, emit quads with their evidence. It never fails:
// problems in the text are diagnostics.
func (x *Extractor) Extract(doc Document) Result {
	t := Normalize(doc.Text)
	facts, diags := x.gaz.relateCiting(doc, t, Tokenize(t), !x.noEvidence)
	e := x.gaz.emit(doc, facts, !x.noEvidence)
	r := Result{Doc: doc, Quads: e.quads, Background: e.bg, Diagnostics: diags}
	if x.noEvidence {
		return r
	}
	r.Evidence = e.evidence
	for i := range r.Evidence {
		ev := &r.Evidence[i]
		ev.Sentence = sourceSpan(t, ev.Sentence)
		marks := make([]Span, len(ev.Mentions))
		for j, m := range ev.Mentions {
			marks[j] = sourceSpan(t, m)
		}
		ev.Mentions = marks
	}
	r.Mentions = e.mentions(t)
	return r
}

// Facts runs the pipeline up to the relate stage.
func (x *Extractor) Facts(doc Document) (*Facts, []Diagnostic) {
	t := Normalize(doc.Text)
	toks := Tokenize(t)
	return x.gaz.relate(doc, t, toks)
}
