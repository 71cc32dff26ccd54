package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Text is an article body after normalization: NFC, one kind of space and line
// end, no BOM or zero-width characters. Fold is Norm in lower case with the old
// tone placement where that keeps bytes in place (hòa, thủy), byte for byte
// aligned with Norm, so an offset into one is an offset into the other; token
// keys finish the folding (Fold).
type Text struct {
	Source string
	Norm   string
	Fold   string
	shifts []shift // where Norm offsets stop mapping 1:1 onto Source
	// pairsKnown: longPairs holds the offsets in Fold of every vowel refold
	// may move a mark to (ỳ, ỹ, ẽ), so a token without one keeps its slice of
	// Fold as its key (Normalize sets it; a Text built otherwise refolds every
	// token)
	pairsKnown bool
	longPairs  []int
}

// mayRefold reports whether Fold[i:j] holds a vowel refold may change.
func (t *Text) mayRefold(i, j int) bool {
	if !t.pairsKnown {
		return true
	}
	k := sort.SearchInts(t.longPairs, i)
	return k < len(t.longPairs) && t.longPairs[k] < j
}

// findLongPairs records where Fold holds the second vowels of longPairs.
func (t *Text) findLongPairs() {
	t.pairsKnown = true
	// one pass over the bytes (0xE1 leads most Vietnamese vowels, too
	// often for IndexByte to skip far); the test is hasLongPairVowel's
	s := t.Fold
	for i := 0; i+2 < len(s); i++ {
		if s[i] != 0xE1 {
			continue
		}
		if b1, b2 := s[i+1], s[i+2]; b1 == 0xBA && (b2 == 0xBC || b2 == 0xBD) ||
			b1 == 0xBB && (b2 == 0xB2 || b2 == 0xB3 || b2 == 0xB8 || b2 == 0xB9) {
			t.longPairs = append(t.longPairs, i)
		}
	}
}

// shift says that from Norm offset norm on, Source offset = norm + delta.
type shift struct{ norm, delta int }

// SourceOffset maps an offset in Norm (or Fold) to the offset in Source of the
// character it came from.
func (t *Text) SourceOffset(i int) int {
	k := sort.Search(len(t.shifts), func(j int) bool { return t.shifts[j].norm > i }) - 1
	o := i
	if k >= 0 {
		o += t.shifts[k].delta
	}
	// inside a character that normalization lengthened (U+FFFD for a bad byte)
	return min(max(o, 0), len(t.Source))
}

// NFC is s in Unicode's NFC: s itself when it is NFC already, which
// Vietnamese text in precomposed letters is known to be without norm's tables.
func NFC(s string) string {
	if nfcLatin(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Normalize prepares src for extraction. It never fails: any string is accepted
// (invalid UTF-8 bytes become U+FFFD).
func Normalize(src string) *Text {
	t := &Text{Source: src}
	var b strings.Builder
	b.Grow(len(src))
	if nfcLatin(src) || norm.NFC.IsNormalString(src) {
		// the common case: already NFC, so characters map one to one and only
		// spaces, line ends and invisible characters change
		delta := 0
		for i := 0; i < len(src); {
			// a run of printable ASCII and of letters (no space, line end or
			// invisible character of writeNormalized) stays as it is
			j := i
			for j < len(src) {
				c := src[j]
				if c >= 0x20 && c < utf8.RuneSelf {
					j++
					continue
				}
				if c >= 0xC3 && c <= 0xDF || c == 0xE1 {
					// two-byte Latin letters and marks, and Latin Extended
					// Additional (U+1E00–U+1EFF), if well formed
					if r, n := utf8.DecodeRuneInString(src[j:]); r != utf8.RuneError {
						j += n
						continue
					}
				}
				break
			}
			if j > i {
				b.WriteString(src[i:j])
				i = j
				continue
			}
			r, n := utf8.DecodeRuneInString(src[i:])
			writeNormalized(&b, src, i, r, n)
			i += n
			if d := i - b.Len(); d != delta {
				delta = d
				t.shifts = append(t.shifts, shift{norm: b.Len(), delta: d})
			}
		}
		t.Norm = b.String()
		t.Fold = foldAligned(t.Norm)
		t.findLongPairs()
		return t
	}
	delta := 0
	mark := func(srcPos int) {
		if d := srcPos - b.Len(); d != delta {
			delta = d
			t.shifts = append(t.shifts, shift{norm: b.Len(), delta: d})
		}
	}
	var it norm.Iter
	it.InitString(norm.NFC, src)
	for !it.Done() {
		pos := it.Pos()
		seg := it.Next()
		mark(pos)
		for i := 0; i < len(seg); {
			r, n := utf8.DecodeRune(seg[i:])
			if r == '\r' && i+n == len(seg) && pos+len(seg) < len(src) && src[pos+len(seg)] == '\n' {
				// CR at the end of a segment, LF in the next: CRLF
			} else {
				writeNormalized(&b, string(seg), i, r, n)
			}
			i += n
		}
		mark(it.Pos())
	}
	t.Norm = b.String()
	t.Fold = foldAligned(t.Norm)
	t.findLongPairs()
	return t
}

// nfcLatin reports a string NFC by the characters it holds: ASCII, U+00C0–
// U+02FF (Latin-1 letters, Latin Extended-A and -B, IPA, spacing modifiers)
// and U+1E00–U+1EFF (Latin Extended Additional: every precomposed Vietnamese
// vowel), well formed. None of them combines with the character before it
// or has a combining class (TestNFCLatin checks every one against
// x/text/unicode/norm), so a string of them alone is NFC. Most Vietnamese
// articles are, and this test costs a fraction of NFC's own quick check; a
// string it refuses still goes to that check.
func nfcLatin(s string) bool {
	for i := 0; i < len(s); {
		// eight ASCII bytes at a time
		for i+8 <= len(s) && (uint64(s[i])|uint64(s[i+1])<<8|uint64(s[i+2])<<16|uint64(s[i+3])<<24|
			uint64(s[i+4])<<32|uint64(s[i+5])<<40|uint64(s[i+6])<<48|uint64(s[i+7])<<56)&0x8080808080808080 == 0 {
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xC3 && c <= 0xCB:
			if i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
				return false
			}
			i += 2
		case c == 0xE1:
			if i+2 >= len(s) || s[i+1] < 0xB8 || s[i+1] > 0xBB || s[i+2]&0xC0 != 0x80 {
				return false
			}
			i += 3
		default:
			return false
		}
	}
	return true
}

// writeNormalized writes rune r (n bytes at s[i:]) as normalized text: CRLF and
// CR become LF, odd spaces a space, invisible characters nothing.
func writeNormalized(b *strings.Builder, s string, i int, r rune, n int) {
	switch {
	case r == '\r':
		if i+n < len(s) && s[i+n] == '\n' {
			return // the LF that follows ends the line
		}
		b.WriteByte('\n')
	case r == '\ufeff' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\u00ad':
		// BOM, zero-width and soft hyphen: dropped.
	case r == '\t' || r == '\u00a0' || r == '\u202f' || r == '\u205f' || r == '\u3000' || r >= '\u2000' && r <= '\u200a' || r == '\v' || r == '\f':
		b.WriteByte(' ')
	case r == '\u2028' || r == '\u2029' || r == '\u0085':
		b.WriteByte('\n')
	case r == utf8.RuneError && n == 1:
		b.WriteRune(utf8.RuneError)
	case r < 0x20 && r != '\n':
		b.WriteByte(' ')
	default:
		b.WriteString(s[i : i+n])
	}
}

// oldTone maps the new ("modern") tone placement on oa, oe, uy at the end of a
// syllable to the old one used for keys: hoà → hòa, thuỷ → thủy.
var oldTone = map[string]string{
	"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
	"oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
	"uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}

// oldToneRunes is oldTone by runes: retone looks a pair up without building a
// string.
var oldToneRunes = func() map[[2]rune][2]rune {
	m := make(map[[2]rune][2]rune, len(oldTone))
	for k, v := range oldTone {
		a, b := []rune(k), []rune(v)
		m[[2]rune{a[0], a[1]}] = [2]rune{b[0], b[1]}
	}
	return m
}()

// Fold is the matching key of s (NFC): lower case, tone marks in the old
// placement (hoà → hòa, thuỷ → thủy, tuỳ → tùy).
func Fold(s string) string { return refold(foldAligned(s)) }

// foldAligned lower-cases s and moves tone marks to the old placement where that
// keeps every byte in place, so that offsets into s are offsets into the result.
// Three pairs cannot move in place (uỳ, uỹ, oẽ: the marked y or e is a byte
// longer than the marked u or o); refold finishes them.
func foldAligned(s string) string {
	if folded(s) {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		if b[i] == 0xE1 && i+2 < len(b) && b[i+1] >= 0xB8 && b[i+1] <= 0xBB && b[i+2]&0xC0 == 0x80 {
			// Latin Extended Additional (U+1E00–U+1EFF, every precomposed
			// Vietnamese vowel): capitals at even code points, each one's
			// small letter after it, so lower-casing sets the last bit, but
			// for U+1E96–U+1E9F (TestFoldLatinExtended)
			if cp := 0x1E00 + int(b[i+1]-0xB8)<<6 + int(b[i+2]&0x3F); cp < 0x1E96 || cp > 0x1E9F {
				b[i+2] |= 1
				i += 3
				continue
			}
		}
		r, n := utf8.DecodeRune(b[i:])
		if l := toLower(r); l != r && utf8.RuneLen(l) == n {
			utf8.EncodeRune(b[i:], l)
		}
		i += n
	}
	b = retone(b)
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b)) // b is not written after this
}

// CanonicalTone moves tone marks to the old placement keeping case: Thuỷ → Thủy,
// Uỷ → Ủy. It is used for names, so one entity has one spelling.
func CanonicalTone(s string) string {
	if !mayRetone(s) {
		return s
	}
	b := retone([]byte(s))
	if len(b) == 0 {
		return ""
	}
	return refold(unsafe.String(&b[0], len(b))) // b is not written after this
}

// mayRetone reports an o or u before a non-ASCII letter: the only place where
// retone or refold may move a tone mark.
func mayRetone(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if c := s[i] | 0x20; (c == 'o' || c == 'u') && s[i] < utf8.RuneSelf && s[i+1] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// folded reports a string foldAligned leaves as it is: no upper-case letter
// and no tone mark to move.
func folded(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' || (c == 'o' || c == 'u') && i+1 < len(s) && s[i+1] >= utf8.RuneSelf {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if toLower(r) != r {
			return false
		}
		i += n
	}
	return true
}

// longPairs are the new-placement pairs whose old placement is a byte shorter.
var longPairs = map[string]string{"uỳ": "ùy", "uỹ": "ũy", "oẽ": "õe", "Uỳ": "Ùy", "Uỹ": "Ũy", "Oẽ": "Õe", "UỲ": "ÙY", "UỸ": "ŨY", "OẼ": "ÕE"}

// refold moves the tone marks of the pairs retone cannot move in place, at the
// end of a syllable and not after "q" (quỳ keeps its mark).
func refold(s string) string {
	if !hasLongPairVowel(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == 'u' || r == 'o' || r == 'U' || r == 'O') && i+n < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[i+n:])
			if repl, ok := longPairs[string(r)+string(r2)]; ok && !letterAt([]byte(s), i+n+n2) && !(i > 0 && (s[i-1] == 'q' || s[i-1] == 'Q')) {
				b.WriteString(repl)
				i += n + n2
				continue
			}
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String()
}

// hasLongPairVowel reports whether s holds ỳ, ỹ, ẽ, Ỳ, Ỹ or Ẽ, the second
// vowels of longPairs (U+1EBC, U+1EBD, U+1EF2, U+1EF3, U+1EF8, U+1EF9: E1 BA BC–BD
// and E1 BB B2–B3, B8–B9 in UTF-8). It is strings.ContainsAny("ỳỹẽỲỸẼ") without
// decoding every rune, which refold runs on every token.
func hasLongPairVowel(s string) bool {
	// a loop over the bytes: the strings are short (a token, a name) and
	// 0xE1 is common in them, so IndexByte's calls cost more than they skip
	for i := 0; i+2 < len(s); i++ {
		if s[i] != 0xE1 {
			continue
		}
		switch b1, b2 := s[i+1], s[i+2]; {
		case b1 == 0xBA && (b2 == 0xBC || b2 == 0xBD),
			b1 == 0xBB && (b2 == 0xB2 || b2 == 0xB3 || b2 == 0xB8 || b2 == 0xB9):
			return true
		}
	}
	return false
}

// retone rewrites, in place, vowel pairs with the new tone placement that end a
// syllable. "qu" + y is left alone: there u is part of the consonant.
func retone(b []byte) []byte {
	for i := 0; i < len(b); {
		// only an ASCII o or u can open a pair to move, and only before a
		// marked vowel (never ASCII)
		if c := b[i] | 0x20; c != 'o' && c != 'u' || b[i] >= utf8.RuneSelf || i+1 >= len(b) || b[i+1] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		lr := unicode.ToLower(r)
		if (lr == 'o' || lr == 'u') && i+n < len(b) {
			r2, n2 := utf8.DecodeRune(b[i+n:])
			if repl, ok := oldToneRunes[[2]rune{lr, toLower(r2)}]; ok && !letterAt(b, i+n+n2) && !(lr == 'u' && i > 0 && (b[i-1] == 'q' || b[i-1] == 'Q')) {
				first, second := repl[0], repl[1]
				if unicode.IsUpper(r) {
					first = unicode.ToUpper(first)
				}
				if unicode.IsUpper(r2) {
					second = unicode.ToUpper(second)
				}
				if utf8.RuneLen(first)+utf8.RuneLen(second) == n+n2 {
					w := utf8.EncodeRune(b[i:], first)
					utf8.EncodeRune(b[i+w:], second)
				}
				i += n + n2
				continue
			}
		}
		i += n
	}
	return b
}

func letterAt(b []byte, i int) bool {
	if i >= len(b) {
		return false
	}
	if c := b[i]; c < utf8.RuneSelf {
		return 'a' <= c|0x20 && c|0x20 <= 'z'
	}
	r, _ := utf8.DecodeRune(b[i:])
	return isLetter(r) || isMark(r)
}
