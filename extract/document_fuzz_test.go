package extract_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vnkg/vnkg/extract"
)

// FuzzParseText: the .txt reader (metadata header, then body) never panics;
// it either refuses the input with one of its sentinel errors or returns a
// document whose text is a suffix of the input and whose published date, if
// any, is YYYY-MM-DD.
func FuzzParseText(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: Hội nghị\npublished: 2016-08-17\nsource: QĐND\n---\nNgày 8/1, tại Hà Nội.",
		"---\npublished: 2016-02-30\n---\nx",
		"---\nno colon\n---\n",
		"---\ntitle: x\n",
		"\ufeff---\r\nid: abc\r\n---\r\nbody",
		"plain text, no header",
		"---\n---\n",
		"\xff\xfe",
		"a\x00b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		doc, err := extract.ParseText("fuzz", []byte(in))
		if err != nil {
			if !errors.Is(err, extract.ErrBadHeader) && !errors.Is(err, extract.ErrNotUTF8) {
				t.Fatalf("ParseText(%q): error %v is none of the reader's kinds", in, err)
			}
			return
		}
		if !utf8.ValidString(in) {
			t.Fatalf("ParseText accepted invalid UTF-8 %q", in)
		}
		if !strings.HasSuffix(in, doc.Text) {
			t.Fatalf("ParseText(%q): text %q is not the input's end", in, doc.Text)
		}
		if p := doc.Published; p != "" && (len(p) != 10 || p[4] != '-' || p[7] != '-') {
			t.Fatalf("ParseText(%q): published %q is not YYYY-MM-DD", in, p)
		}
		if doc.ID == "" {
			t.Fatalf("ParseText(%q): empty id", in)
		}
	})
}
