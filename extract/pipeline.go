package extract

import "github.com/vnkg/vnkg/graph/vocab"

// Extract runs the pipeline over one document.
func (x *Extractor) Extract(doc Document) Result {
	label := vocab.DocIRI(doc.ID)
	d := vocab.IRI(label)
	q := []vocab.Quad{{Subject: d, Predicate: vocab.IRI(vocab.Type), Object: vocab.IRI(vocab.NewsArticle), Label: label}}
	return Result{Doc: doc, Quads: q}
}
