package extract_test

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/graph/vocab"
	"golang.org/x/text/unicode/norm"
)

// evidenceOf finds the evidence of the first quad that matches.
func evidenceOf(t *testing.T, r extract.Result, match func(vocab.Quad) bool) (vocab.Quad, extract.Evidence) {
	t.Helper()
	byQuad := map[int]extract.Evidence{}
	for _, e := range r.Evidence {
		byQuad[e.Quad] = e
	}
	for i, q := range r.Quads {
		if match(q) {
			e, ok := byQuad[i]
			if !ok {
				t.Fatalf("no evidence for %s", q.NQuad())
			}
			return q, e
		}
	}
	t.Fatalf("no quad matches")
	return vocab.Quad{}, extract.Evidence{}
}

func predicate(p string, objectHas string) func(vocab.Quad) bool {
	return func(q vocab.Quad) bool {
		return q.Predicate.Value == p && strings.Contains(q.Object.Value, objectHas)
	}
}

func TestEvidence(t *testing.T) {
	x := newExtractor(t)
	const talks = "Ngày 8/1, tại Hà Nội, Bộ Quốc phòng tổ chức Hội nghị tổng kết công tác đối ngoại quốc phòng. " +
		"Thượng tướng Nguyễn Chí Vịnh, Thứ trưởng Bộ Quốc phòng chủ trì hội nghị. " +
		"Dự hội nghị có Trung tướng Phạm Ngọc Minh, Phó Chủ nhiệm Tổng cục Chính trị."
	tests := []struct {
		name     string
		text     string
		match    func(vocab.Quad) bool
		sentence []string // what the sentence must contain (after NFC)
		notIn    string   // what it must not contain: the fact is not stated there
		mentions []string // what the mentions must include
	}{
		{"rank", talks, predicate(vocab.Rank, "thượng-tướng"),
			[]string{"Thượng tướng", "Nguyễn Chí Vịnh"}, "Hà Nội", []string{"Thượng tướng", "Nguyễn Chí Vịnh"}},
		{"position", talks, predicate(vocab.HoldsPosition, "thứ-trưởng"),
			[]string{"Thứ trưởng Bộ Quốc phòng", "Nguyễn Chí Vịnh"}, "Dự hội nghị", []string{"Thứ trưởng", "Bộ Quốc phòng", "Nguyễn Chí Vịnh"}},
		{"attendee", talks, predicate(vocab.Attendee, "phạm-ngọc-minh"),
			[]string{"Phạm Ngọc Minh", "Dự hội nghị"}, "Vịnh", []string{"Phạm Ngọc Minh"}},
		{"chair", talks, predicate(vocab.Chair, "nguyễn-chí-vịnh"),
			[]string{"Nguyễn Chí Vịnh", "chủ trì"}, "Minh", []string{"Nguyễn Chí Vịnh", "chủ trì"}},
		{"event date", talks, predicate(vocab.StartDate, "01-08"),
			[]string{"Ngày 8/1", "Hội nghị tổng kết"}, "Vịnh", []string{"Ngày 8/1"}},
		{"event place", talks, predicate(vocab.Location, "hà-nội"),
			[]string{"tại Hà Nội"}, "Vịnh", []string{"Hà Nội"}},
		{"organizer", talks, predicate(vocab.Organizer, "bộ-quốc-phòng"),
			[]string{"Bộ Quốc phòng tổ chức"}, "Vịnh", []string{"Bộ Quốc phòng"}},
		{"type of a person: its first mention", talks, func(q vocab.Quad) bool {
			return strings.HasSuffix(q.Subject.Value, "phạm-ngọc-minh") && q.Predicate.Value == vocab.Type
		}, []string{"Phạm Ngọc Minh"}, "Vịnh", []string{"Phạm Ngọc Minh"}},
		// the source is not what extraction reads: decomposed letters, CRLF, a
		// zero-width space and doubled spaces all shift offsets
		{"decomposed source", norm.NFD.String("Ngày 8/1, tại Hà Nội, Bộ Quốc phòng tổ chức Hội nghị tổng kết công tác đối ngoại quốc phòng.\r\n" +
			"Dự hội nghị có Trung tướng\u200b  Phạm Ngọc Minh, Phó Chủ nhiệm Tổng cục Chính trị."),
			predicate(vocab.Attendee, "phạm-ngọc-minh"),
			[]string{"Phạm Ngọc Minh", "Trung tướng"}, "Hà Nội", []string{"Phạm Ngọc Minh"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := extract.Document{ID: "t", Text: tt.text, Published: "2019-01-09"}
			r := x.Extract(doc)
			q, e := evidenceOf(t, r, tt.match)
			sent := spanText(t, doc, e.Sentence)
			for _, want := range tt.sentence {
				if !strings.Contains(sent, want) {
					t.Errorf("%s: sentence %q lacks %q", q.NQuad(), sent, want)
				}
			}
			if tt.notIn != "" && strings.Contains(sent, tt.notIn) {
				t.Errorf("%s: sentence %q is not the one that states it (has %q)", q.NQuad(), sent, tt.notIn)
			}
			var got []string
			for _, m := range e.Mentions {
				got = append(got, spanText(t, doc, m))
				if m.Start < e.Sentence.Start || m.End > e.Sentence.End {
					t.Errorf("mention %v outside its sentence %v", m, e.Sentence)
				}
			}
			for _, want := range tt.mentions {
				found := false
				for _, g := range got {
					found = found || strings.Contains(g, want)
				}
				if !found {
					t.Errorf("%s: mentions %q lack %q", q.NQuad(), got, want)
				}
			}
		})
	}
}

// spanText is the source text of a span, NFC and with spaces collapsed, after
// checking it is in range and whole characters.
func spanText(t *testing.T, doc extract.Document, s extract.Span) string {
	t.Helper()
	if s.Start < 0 || s.End > len(doc.Text) || s.Start > s.End {
		t.Fatalf("span %v out of range (text of %d bytes)", s, len(doc.Text))
	}
	text := doc.Text[s.Start:s.End]
	if !utf8.ValidString(text) {
		t.Fatalf("span %v is not whole characters: %q", s, text)
	}
	text = strings.ReplaceAll(norm.NFC.String(text), "\u200b", "")
	return strings.Join(strings.Fields(text), " ")
}

// TestEvidenceArticles holds every article of the sets to the evidence
// contract: each quad that comes from the text has evidence, spans are in
// range and whole characters, mentions lie in their sentence and are sorted,
// and a second run gives the same.
func TestEvidenceArticles(t *testing.T) {
	x := newExtractor(t)
	for _, set := range articleDirs {
		docs := readDocs(t, set.corpus)
		for _, doc := range docs {
			r := x.Extract(doc)
			checkEvidence(t, doc, r)
			if again := x.Extract(doc); !reflect.DeepEqual(again.Evidence, r.Evidence) || !reflect.DeepEqual(again.Mentions, r.Mentions) {
				t.Errorf("%s: evidence differs between runs", doc.ID)
			}
		}
	}
}

func checkEvidence(t *testing.T, doc extract.Document, r extract.Result) {
	t.Helper()
	has := make([]bool, len(r.Quads))
	last := -1
	for _, e := range r.Evidence {
		if e.Quad <= last || e.Quad >= len(r.Quads) {
			t.Fatalf("%s: evidence for quad %d out of order or range", doc.ID, e.Quad)
		}
		last = e.Quad
		has[e.Quad] = true
		if spanText(t, doc, e.Sentence) == "" {
			t.Errorf("%s: empty sentence for %s", doc.ID, r.Quads[e.Quad].NQuad())
		}
		for _, m := range e.Mentions {
			spanText(t, doc, m)
			if m.Start < e.Sentence.Start || m.End > e.Sentence.End || m.Start == m.End {
				t.Errorf("%s: mention %q outside its sentence %q for %s", doc.ID, doc.Text[m.Start:m.End], doc.Text[e.Sentence.Start:e.Sentence.End], r.Quads[e.Quad].NQuad())
			}
		}
	}
	docIRI := vocab.DocIRI(doc.ID)
	headerPublisher := ""
	for i, q := range r.Quads {
		if q.Subject.Value == docIRI && q.Predicate.Value == vocab.Publisher && !has[i] {
			headerPublisher = q.Object.Value
		}
	}
	for i, q := range r.Quads {
		// what the document's header says is not text: its own IRI's type,
		// title, date, file and URL, and a publisher the header names
		if has[i] || q.Subject.Value == docIRI && q.Predicate.Value != vocab.About && q.Predicate.Value != vocab.Author ||
			q.Subject.Value == headerPublisher {
			continue
		}
		t.Errorf("%s: no evidence for %s", doc.ID, q.NQuad())
	}
	for i, m := range r.Mentions {
		if s := spanText(t, doc, m.Span); s == "" {
			t.Errorf("%s: empty mention %+v", doc.ID, m)
		}
		if i > 0 && r.Mentions[i-1].Start > m.Start {
			t.Errorf("%s: mentions not sorted at %d", doc.ID, i)
		}
		if m.Kind != "date" && m.IRI == "" {
			t.Errorf("%s: mention %+v has no IRI", doc.ID, m)
		}
	}
}

func readDocs(t *testing.T, dir string) []extract.Document {
	t.Helper()
	var docs []extract.Document
	err := extract.Walk([]string{dir}, nil, func(d extract.Document) error {
		docs = append(docs, d)
		return nil
	}, func(err error) { t.Errorf("%s: %v", dir, err) })
	if err != nil {
		t.Fatal(err)
	}
	return docs
}
