package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/vnkg/vnkg/data"
	"github.com/vnkg/vnkg/extract"
	"golang.org/x/text/unicode/norm"
)

// nquadLine is the N-Quads statement grammar for what the extractor writes: IRIs
// and literals (with an optional datatype), four terms.
var nquadLine = regexp.MustCompile(`^<[^<>"{}|^` + "`" + `\\\x00-\x20]+> <[^<>"{}|^` + "`" + `\\\x00-\x20]+> (<[^<>"{}|^` + "`" + `\\\x00-\x20]+>|"([^"\\\n\r]|\\[tbnrf"'\\]|\\u[0-9A-F]{4})*"(\^\^<[^<>\x00-\x20]+>)?) <[^<>"{}|^` + "`" + `\\\x00-\x20]+> \.$`)

// FuzzExtract's seeds are short: sentences of the articles, at most
// fuzzSeedBytes each. Whole articles made the fuzzer spend its time
// minimizing them (60 s for each new input: 29 executions in 3 s, and none
// after); sentences keep the vocabulary of ranks, titles, bodies and dates
// and let it run (about a thousand executions a second on two cores).
const fuzzSeedBytes = 200

func FuzzExtract(f *testing.F) {
	paths, _ := filepath.Glob("../data/corpus/*.txt")
	own, _ := filepath.Glob("testdata/corpus/*.txt")
	for _, p := range append(paths, own...) {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for _, s := range fuzzSeeds(string(b), 3) {
			f.Add(s)
		}
	}
	f.Add("Đại tướng Lịch, Bộ trưởng, ông (BQP) - Nghị quyết số 1-NQ/TW; Đề án „x” Ngày 31/2 tại")
	f.Add(norm.NFD.String("Uỷ viên Thường vụ Quân uỷ Trung ương, Thượng tướng Nguyễn Chí Vịnh\r\n"))
	x, err := extract.New(data.GazetteerFS())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		res := x.Extract(extract.Document{ID: "fuzz doc/1", Text: text, Published: "2020-01-02"})
		for _, q := range append(res.Quads, res.Background...) {
			if l := q.NQuad(); !nquadLine.MatchString(l) {
				t.Fatalf("invalid N-Quads statement: %s", l)
			}
		}
		// every span of the evidence and the mentions lies in the text
		inText := func(what string, s extract.Span) {
			if s.Start < 0 || s.Start > s.End || s.End > len(text) {
				t.Fatalf("%s span %v out of range (text of %d bytes)", what, s, len(text))
			}
		}
		last := -1
		for _, e := range res.Evidence {
			if e.Quad <= last || e.Quad >= len(res.Quads) {
				t.Fatalf("evidence for quad %d out of order or range", e.Quad)
			}
			last = e.Quad
			inText("sentence", e.Sentence)
			for _, m := range e.Mentions {
				inText("mention", m)
			}
		}
		for i, m := range res.Mentions {
			inText("mention", m.Span)
			if i > 0 && res.Mentions[i-1].Start > m.Start {
				t.Fatalf("mentions not sorted at %d", i)
			}
		}
	})
}

// tunedSets are the article sets whoever changes rules may read (never the
// sealed one).
var tunedSets = []string{"../data/corpus", "testdata/corpus", "testdata/holdout/corpus", "testdata/blind/corpus",
	"testdata/blind2/corpus", "testdata/blind3/corpus", "testdata/blind4/corpus", "testdata/blind5/corpus", "testdata/blind6/corpus", "testdata/blind7/corpus", "testdata/blind8/corpus",
	"testdata/blind9/corpus", "testdata/blind11/corpus", "testdata/blind12/corpus",
	"testdata/blind10/corpus", "testdata/blind13/corpus", "testdata/blind14/corpus", "testdata/blind15/corpus", "testdata/blind19/corpus",
	"testdata/blind20/corpus", "testdata/blind21/corpus", "testdata/blind22/corpus"}

// An extractor without evidence gives the same quads, and no evidence.
func TestWithoutEvidence(t *testing.T) {
	x, err := extract.New(data.GazetteerFS())
	if err != nil {
		t.Fatal(err)
	}
	bare := x.WithoutEvidence()
	n := 0
	for _, dir := range tunedSets {
		extract.Walk([]string{dir}, nil, func(d extract.Document) error {
			n++
			full, quick := x.Extract(d), bare.Extract(d)
			if len(full.Evidence) == 0 {
				t.Errorf("%s: no evidence from the extractor with evidence", d.ID)
			}
			if len(quick.Evidence) != 0 || len(quick.Mentions) != 0 {
				t.Errorf("%s: %d evidence, %d mentions without evidence", d.ID, len(quick.Evidence), len(quick.Mentions))
			}
			if !slices.Equal(full.Quads, quick.Quads) || !slices.Equal(full.Background, quick.Background) {
				t.Errorf("%s: the quads differ without evidence", d.ID)
			}
			if !slices.Equal(full.Diagnostics, quick.Diagnostics) {
				t.Errorf("%s: the diagnostics differ without evidence", d.ID)
			}
			return nil
		}, func(err error) { t.Error(err) })
	}
	if n < 50 {
		t.Fatalf("only %d articles read", n)
	}
}

// fuzzSeeds are up to n sentences of an article's body (after its header),
// each cut to fuzzSeedBytes at a rune boundary.
func fuzzSeeds(article string, n int) []string {
	if strings.HasPrefix(article, "---\n") {
		if i := strings.Index(article[4:], "\n---\n"); i >= 0 {
			article = article[4+i+5:]
		}
	}
	var out []string
	for _, s := range strings.SplitAfter(article, ". ") {
		s = strings.TrimSpace(s)
		if len(s) < 20 {
			continue
		}
		for len(s) > fuzzSeedBytes {
			_, size := utf8.DecodeLastRuneInString(s)
			s = s[:len(s)-size]
		}
		out = append(out, s)
		if len(out) == n {
			break
		}
	}
	return out
}

// cpuTime is the CPU time the process has used (user and system, all threads):
// a measure of work that another process's load on a shared machine disturbs
// less than the wall clock.
func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

func BenchmarkExtract(b *testing.B) {
	x, err := extract.New(data.GazetteerFS())
	if err != nil {
		b.Fatal(err)
	}
	var docs []extract.Document
	size := 0
	for _, dir := range []string{"../data/corpus", "testdata/corpus"} {
		extract.Walk([]string{dir}, nil, func(d extract.Document) error {
			docs = append(docs, d)
			size += len(d.Text)
			return nil
		}, func(error) {})
	}
	// at least 10 MB of text: the articles again and again, each a new document
	var corpus []extract.Document
	total := 0
	for i := 0; total < 10<<20; i++ {
		d := docs[i%len(docs)]
		d.ID = fmt.Sprintf("%s-%d", d.ID, i)
		corpus = append(corpus, d)
		total += len(d.Text)
	}
	// The baseline is NFC normalization of the same text with x/text/unicode/norm,
	// the least any reader of these articles does; extraction is reported as a
	// ratio to it, measured in the same run.
	b.Run("baseline-nfc", func(b *testing.B) {
		b.SetBytes(int64(total))
		c0 := cpuTime()
		for range b.N {
			for _, d := range corpus {
				_ = norm.NFC.String(d.Text)
			}
		}
		b.ReportMetric((cpuTime()-c0)/float64(b.N), "cpu-s/op")
		b.ReportMetric(float64(len(corpus)*b.N)/b.Elapsed().Seconds(), "articles/s")
	})
	// The floor of issue 8: NFC, then the syllables (runs of letters and
	// digits), which any tokenizer of this text must at least find.
	b.Run("floor-nfc-syllables", func(b *testing.B) {
		b.SetBytes(int64(total))
		c0 := cpuTime()
		n := 0
		for range b.N {
			for _, d := range corpus {
				n += len(strings.FieldsFunc(norm.NFC.String(d.Text), func(r rune) bool {
					return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
				}))
			}
		}
		if n == 0 {
			b.Fatal("no syllables")
		}
		b.ReportMetric((cpuTime()-c0)/float64(b.N), "cpu-s/op")
		b.ReportMetric(float64(len(corpus)*b.N)/b.Elapsed().Seconds(), "articles/s")
	})
	b.Run("extract", func(b *testing.B) {
		b.SetBytes(int64(total))
		c0 := cpuTime()
		for range b.N {
			for _, d := range corpus {
				x.Extract(d)
			}
		}
		b.ReportMetric((cpuTime()-c0)/float64(b.N), "cpu-s/op")
		b.ReportMetric(float64(len(corpus)*b.N)/b.Elapsed().Seconds(), "articles/s")
	})
	// what vnkg build runs: the same quads, no evidence
	bare := x.WithoutEvidence()
	b.Run("extract-noevidence", func(b *testing.B) {
		b.SetBytes(int64(total))
		c0 := cpuTime()
		for range b.N {
			for _, d := range corpus {
				bare.Extract(d)
			}
		}
		b.ReportMetric((cpuTime()-c0)/float64(b.N), "cpu-s/op")
		b.ReportMetric(float64(len(corpus)*b.N)/b.Elapsed().Seconds(), "articles/s")
	})
}

func Example() {
	x, err := extract.New(data.GazetteerFS())
	if err != nil {
		panic(err)
	}
	facts, _ := x.Facts(extract.Document{ID: "example", Text: "Ngày 8/1, tại Hà Nội, Bộ Quốc phòng tổ chức Hội nghị tổng kết công tác đối ngoại quốc phòng. " +
		"Thượng tướng Nguyễn Chí Vịnh, Thứ trưởng Bộ Quốc phòng chủ trì hội nghị."})
	for _, p := range facts.Persons {
		var pos []string
		for _, ps := range p.Positions {
			pos = append(pos, ps.Name)
		}
		fmt.Printf("%s | %s | %s\n", p.Name, p.Rank, strings.Join(pos, "; "))
	}
	for _, ev := range facts.Events {
		fmt.Printf("%s | %s | %s | %s | chair %s\n", ev.Name, ev.Date, ev.Location, ev.Organizer, ev.Chairs[0].Name)
	}
	// Output:
	// Nguyễn Chí Vịnh | Thượng tướng | Thứ trưởng Bộ Quốc phòng
	// Hội nghị tổng kết công tác đối ngoại quốc phòng | --01-08 | Hà Nội | Bộ Quốc phòng | chair Nguyễn Chí Vịnh
}
