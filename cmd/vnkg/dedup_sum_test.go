package main

import (
	"crypto/sha256"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/vnkg/vnkg/extract"
)

// TestDocSum: the document sum is the hash of the NFC title and text, their
// words joined by one space, whatever the spacing and the normalization.
func TestDocSum(t *testing.T) {
	for _, d := range []extract.Document{
		{Title: "", Text: ""},
		{Title: "Tiêu đề", Text: ""},
		{Title: "", Text: "  Hà   Nội\n\n Việt\u00a0Nam "},
		{Title: "Ho\u0300a", Text: "\u0301a b"}, // NFD, and a mark at the start of the text
		{Title: "  a  ", Text: "b\tc\u3000d"},
	} {
		want := sha256.Sum256([]byte(strings.Join(strings.Fields(norm.NFC.String(d.Title+"\n"+d.Text)), " ")))
		if got := docSum(d); got != want {
			t.Errorf("docSum(%q, %q) is not the sum of its joined NFC words", d.Title, d.Text)
		}
	}
	if docSum(extract.Document{Text: "Hà  Nội"}) != docSum(extract.Document{Text: "Ha\u0300 Nội\n"}) {
		t.Error("spacing and normalization change the sum")
	}
}
