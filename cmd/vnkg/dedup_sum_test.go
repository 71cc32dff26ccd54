package main

import (
	"crypto/sha256"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

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

// TestAppendWords: appendWords finds the words strings.Fields finds, in text
// with every space unicode.IsSpace holds, invalid bytes and Vietnamese letters.
func TestAppendWords(t *testing.T) {
	var spaces []rune
	for r := rune(0); r <= 0x3000; r++ {
		if unicode.IsSpace(r) {
			spaces = append(spaces, r)
		}
	}
	cases := []string{"", " ", "a", "  Hà   Nội\n\n Việt\u00a0Nam ", "\xc3\xc2\xa0x", "\xe1\xc2\xa0y", "\xe2\x80", "ệ\xe2\x80\x8bđ", "a\u1680b\u3000c\u0085d"}
	for _, r := range spaces {
		cases = append(cases, "x"+string(r)+"ỹ", string(r)+"ạ"+string(r)+string(r))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := append([]rune{'a', 'Đ', 'ờ', 'ỹ', 0xFFFD, 0x1E9A}, spaces...)
	for range 2000 {
		var b []byte
		for range rng.IntN(12) {
			if rng.IntN(8) == 0 {
				b = append(b, byte(0x80+rng.IntN(0x80)))
				continue
			}
			b = utf8.AppendRune(b, alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, string(b))
	}
	for _, prefix := range []string{"", "tiêu"} {
		for _, s := range cases {
			want := strings.Join(strings.Fields(s), " ")
			if prefix != "" && want != "" {
				want = prefix + " " + want
			} else if prefix != "" {
				want = prefix
			}
			if got := string(appendWords([]byte(prefix), s)); got != want {
				t.Errorf("appendWords(%q, %q) = %q, want %q", prefix, s, got, want)
			}
		}
	}
}

// BenchmarkDocSum: the duplicate check's sum of a bundled article.
func BenchmarkDocSum(b *testing.B) {
	text, err := os.ReadFile("../../data/corpus/" + firstCorpusFile(b))
	if err != nil {
		b.Fatal(err)
	}
	doc := extract.Document{Title: "Tiêu đề bài báo", Text: string(text)}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		docSum(doc)
	}
}

func firstCorpusFile(b *testing.B) string {
	ents, err := os.ReadDir("../../data/corpus")
	if err != nil || len(ents) == 0 {
		b.Fatalf("no bundled article: %v", err)
	}
	return ents[0].Name()
}
