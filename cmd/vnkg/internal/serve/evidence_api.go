package serve

import "github.com/vnkg/vnkg/extract"

// evidenceOf reads the extractor's evidence (byte offsets in the document's
// text): for each quad it ties to the text, the sentence and the mentions
// that state it; and every mention of an entity, typed. The map is never
// nil, so that "no evidence for this quad" (metadata, background) is told
// apart from "no evidence at all".
func evidenceOf(res extract.Result) (map[int]extractEvidence, []extractMention) {
	ev := make(map[int]extractEvidence, len(res.Evidence))
	for _, e := range res.Evidence {
		if e.Quad < 0 || e.Quad >= len(res.Quads) {
			continue
		}
		x := extractEvidence{sentence: span{e.Sentence.Start, e.Sentence.End}}
		for _, m := range e.Mentions {
			x.mentions = append(x.mentions, span{m.Start, m.End})
		}
		ev[e.Quad] = x
	}
	ms := make([]extractMention, 0, len(res.Mentions))
	for _, m := range res.Mentions {
		ms = append(ms, extractMention{span: span{m.Start, m.End}, kind: m.Kind, iri: m.IRI})
	}
	return ev, ms
}
