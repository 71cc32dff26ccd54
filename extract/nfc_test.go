package extract

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestNFCLatin checks nfcLatin's claim for every character it accepts: NFC
// on its own, combining class 0, and a boundary before it (it never
// combines with the character before), so that any string of them is NFC.
func TestNFCLatin(t *testing.T) {
	ranges := [][2]rune{{0, utf8.RuneSelf - 1}, {0xC0, 0x2FF}, {0x1E00, 0x1EFF}}
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			s := string(r)
			if !nfcLatin(s) {
				t.Errorf("nfcLatin(%U) = false, want true", r)
			}
			p := norm.NFC.PropertiesString(s)
			if !norm.NFC.IsNormalString(s) || p.CCC() != 0 || !p.BoundaryBefore() {
				t.Errorf("%U: NFC %v, combining class %d, boundary before %v: not safe to accept", r, norm.NFC.IsNormalString(s), p.CCC(), p.BoundaryBefore())
			}
		}
	}
	// what it refuses goes to NFC's own check
	for _, s := range []string{"e\u0301", "\u00bf", "\u0300", "\u1f71", "\u2000", "a\xc3", "\xe1\xbb", "\xe1\x80\x80", "\xc3\x28"} {
		if nfcLatin(s) {
			t.Errorf("nfcLatin(%+q) = true, want false", s)
		}
	}
}

// FuzzNFCLatin: whenever nfcLatin accepts a string, it is NFC, and
// Normalize gives what it gives through NFC's own check.
func FuzzNFCLatin(f *testing.F) {
	for _, s := range []string{"Đại tướng Phan Văn Giang", "hoà thuỷ", "e\u0301", "ê\u0301 ", "Ả\u0323", "\xe1\xbb\xbf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if nfcLatin(s) && !norm.NFC.IsNormalString(s) {
			t.Fatalf("nfcLatin(%+q) = true, but the string is not NFC", s)
		}
	})
}

// TestFoldLatinExtended checks foldAligned's shortcut for U+1E00–U+1EFF
// against lower-casing rune by rune, for every character of the block alone
// and between others.
func TestFoldLatinExtended(t *testing.T) {
	for r := rune(0x1E00); r <= 0x1EFF; r++ {
		for _, s := range []string{string(r), "A" + string(r) + "b", "Đ" + string(r) + "ư"} {
			if got, want := foldAligned(s), foldRuneByRune(s); got != want {
				t.Errorf("foldAligned(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

// foldRuneByRune is foldAligned as it was before the shortcut.
func foldRuneByRune(s string) string {
	b := []byte(s)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if l := toLower(r); l != r && utf8.RuneLen(l) == n {
			utf8.EncodeRune(b[i:], l)
		}
		i += n
	}
	return string(retone(b))
}

// FuzzFoldAligned: foldAligned is the rune-by-rune fold, whatever the input.
func FuzzFoldAligned(f *testing.F) {
	for _, s := range []string{"Đại tướng PHAN VĂN GIANG", "HOÀ THUỶ", "Ẻ\xe1\xbb", "ẞẞ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldAligned(s), foldRuneByRune(s); got != want {
			t.Fatalf("foldAligned(%+q) = %+q, want %+q", s, got, want)
		}
	})
}
