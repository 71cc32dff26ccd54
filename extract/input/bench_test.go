package input_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/extract/input"
	"github.com/vnkg/vnkg/extract/webpage"
)

// BenchmarkPages reads the six outlet articles through the HTML path (page →
// article → facts) and the text path (.txt → facts); compare pages/s.
func BenchmarkPages(b *testing.B) {
	x := newExtractor(b)
	rules := loadRules(b)
	var htmls, txts [][]byte
	for _, o := range outlets {
		h, _ := os.ReadFile(filepath.Join(pages, o.name+".html"))
		t, _ := os.ReadFile(filepath.Join(pages, o.name+".txt"))
		htmls, txts = append(htmls, h), append(txts, t)
	}
	b.Run("html", func(b *testing.B) {
		for b.Loop() {
			for i, h := range htmls {
				d, err := input.PageDocument(h, "p.html", outlets[i].name, webpage.Options{Rules: rules})
				if err != nil {
					b.Fatal(err)
				}
				x.Extract(d)
			}
		}
		b.ReportMetric(float64(b.N*len(htmls))/b.Elapsed().Seconds(), "pages/s")
	})
	b.Run("text", func(b *testing.B) {
		for b.Loop() {
			for i, t := range txts {
				d, err := extract.ParseText(outlets[i].name, t)
				if err != nil {
					b.Fatal(err)
				}
				x.Extract(d)
			}
		}
		b.ReportMetric(float64(b.N*len(txts))/b.Elapsed().Seconds(), "pages/s")
	})
}
