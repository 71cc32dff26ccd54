package input_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/extract/input"
	"github.com/vnkg/vnkg/extract/webpage"
)

// TestReadabilityAlone: with only default.tsv (no outlet's rule file) the
// readability library finds the same article text in every test layout. The
// outlets' rule files are then for their metadata (title, dateline, name) and
// hold the body fixed should readability's scoring change.
func TestReadabilityAlone(t *testing.T) {
	x := newExtractor(t)
	all := loadRules(t)
	defaults := &webpage.Rules{Default: all.Default}
	for _, o := range outlets {
		page, _ := os.ReadFile(filepath.Join(pages, o.name+".html"))
		txt, _ := os.ReadFile(filepath.Join(pages, o.name+".txt"))
		hdoc, err := input.PageDocument(page, o.name+".html", o.name, webpage.Options{Rules: defaults})
		tdoc, _ := extract.ParseText(o.name, txt)
		if err != nil {
			t.Errorf("%s: %v", o.name, err)
			continue
		}
		tdoc.ID, tdoc.SourceFile, tdoc.URL = hdoc.ID, hdoc.SourceFile, hdoc.URL
		tdoc.Title, tdoc.Published, tdoc.Source, tdoc.Authors = hdoc.Title, hdoc.Published, hdoc.Source, hdoc.Authors
		same := equalStrings(nquads(x.Extract(hdoc)), nquads(x.Extract(tdoc)))
		if !same {
			t.Errorf("%s: readability alone reads another text:\n%s", o.name, hdoc.Text)
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
