package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vnkg/vnkg/data"
	"github.com/vnkg/vnkg/extract/input"
	"github.com/vnkg/vnkg/extract/webpage"
)

// TestWARCReadsBack: the crawl warcgen writes holds every article as a page
// that reads back to the article's text and date, and images up to the size.
func TestWARCReadsBack(t *testing.T) {
	dir := t.TempDir()
	seeds, _ := filepath.Glob("../../data/corpus/*.txt")
	if len(seeds) < 3 {
		t.Fatal("no bundled corpus")
	}
	for _, s := range seeds[:3] {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(s)), b, 0o644)
	}
	out := filepath.Join(t.TempDir(), "crawl.warc.gz")
	const size = 400_000
	if err := run(dir, out, size, 50_000); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() < size {
		t.Fatalf("the crawl: %v, %v bytes", err, fi)
	}
	rules, err := webpage.LoadRules(data.SitesFS())
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	st, err := input.Walk(context.Background(), []string{out}, input.Options{Rules: rules}, func(it input.Item) error {
		d, err := it.Document()
		if err != nil {
			t.Errorf("%s: %v", it.Where(), err)
			return nil
		}
		if !strings.Contains(d.Text, "Bộ Quốc phòng") || d.Source != "Báo Quân đội nhân dân" {
			t.Errorf("%s reads as %q (source %q)", it.Where(), d.Text[:min(len(d.Text), 80)], d.Source)
		}
		pages++
		return nil
	}, func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	if pages != 3 || st.Skipped["image/jpeg"] < 7 || st.Skipped["request"] != 3 {
		t.Errorf("%d pages, skipped %v", pages, st.Skipped)
	}
}
