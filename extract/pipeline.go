package extract

// Extract runs the pipeline over one document: normalize, tokenize, find spans
// and relate them into facts, emit quads. It never fails: problems in the text
// are diagnostics.
func (x *Extractor) Extract(doc Document) Result {
	facts, diags := x.Facts(doc)
	quads, bg := x.gaz.emit(doc, facts)
	return Result{Doc: doc, Quads: quads, Background: bg, Diagnostics: diags}
}

// Facts runs the pipeline up to the relate stage.
func (x *Extractor) Facts(doc Document) (*Facts, []Diagnostic) {
	t := Normalize(doc.Text)
	toks := Tokenize(t)
	return x.gaz.relate(doc, t, toks)
}
