package vocab

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestAppendTermFastPath: the path for valid UTF-8 writes what the bytewise
// loops write, for IRIs and literals with every byte N-Quads escapes.
func TestAppendTermFastPath(t *testing.T) {
	alphabet := []rune{'a', 'Z', '0', ' ', '"', '\\', '\n', '\r', '\t', 0, 0x1f, 0x7f, '<', '>', '{', '}', '|', '^', '`', 'ệ', 'Đ', 0xFFFD, 0x10348, '/', '#'}
	rng := rand.New(rand.NewPCG(3, 4))
	var cases []string
	for _, r := range alphabet {
		cases = append(cases, string(r), "x"+string(r)+"y")
	}
	for range 3000 {
		var b []byte
		for range rng.IntN(16) {
			b = utf8.AppendRune(b, alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, string(b))
	}
	for _, v := range cases {
		if !utf8.ValidString(v) {
			t.Fatalf("case %q is not valid UTF-8", v)
		}
		for _, term := range []Term{IRI(v), String(v), Typed(v, XSDDate)} {
			got, want := string(appendTerm([]byte("p"), term)), string(appendTermBytewise([]byte("p"), term))
			if got != want {
				t.Errorf("appendTerm(%#v) = %q, the bytewise loops write %q", term, got, want)
			}
		}
	}
	// a bad byte still becomes U+FFFD
	if got := string(appendTerm(nil, String("a\xffb"))); got != "\"a\uFFFDb\"" {
		t.Errorf("a bad byte: %q", got)
	}
}

// TestAppendNQuads: the quads of a list written at once are their NQuad
// lines, whatever their labels (shared, changing, none).
func TestAppendNQuads(t *testing.T) {
	d1, d2 := "https://example.org/doc/a b", "https://example.org/doc/ệ"
	var quads []Quad
	for i, label := range []string{d1, d1, d2, "", d2, d1, "", "", d1} {
		quads = append(quads, Quad{Subject: IRI("https://example.org/p/" + string(rune('a'+i))), Predicate: IRI("https://schema.org/name"),
			Object: String("tên \"" + string(rune('a'+i)) + "\"\n"), Label: label})
	}
	var want []byte
	for _, q := range quads {
		want = append(append(want, q.NQuad()...), '\n')
	}
	if got := AppendNQuads([]byte("x"), quads); string(got) != "x"+string(want) {
		t.Errorf("AppendNQuads:\n%s\nwant\n%s", got, want)
	}
	if got := AppendNQuads(nil, nil); len(got) != 0 {
		t.Errorf("no quads: %q", got)
	}
}
