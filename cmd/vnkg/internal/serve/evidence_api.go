package serve

import "github.com/vnkg/vnkg/extract"

// evidenceOf reads the extractor's evidence: for each quad it ties to the
// text, the sentence and the mentions that state it; and every mention of an
// entity, typed. The extractor on this branch does not report them yet
// (extract.Result.Evidence and Mentions arrive with the extraction rebuild);
// until then there is no evidence to show, and the viewer says so.
func evidenceOf(res extract.Result) (map[int]extractEvidence, []extractMention) {
	_ = res
	return nil, nil
}
