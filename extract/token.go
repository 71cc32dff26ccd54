package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// TokenKind classifies a token.
type TokenKind uint8

const (
	Word    TokenKind = iota // a syllable or word: letters, maybe digits ("QK3", "Jean-Yves")
	Number                   // digits, maybe with separators ("2017", "8/1", "806-NQ/QUTW", "0985.456.616")
	Punct                    // one punctuation or symbol character
	Newline                  // a line end
)

func (k TokenKind) String() string {
	switch k {
	case Word:
		return "Word"
	case Number:
		return "Number"
	case Punct:
		return "Punct"
	case Newline:
		return "Newline"
	}
	return "?"
}

// Token is a piece of normalized text with its byte offsets in Text.Norm.
type Token struct {
	Start, End int
	Text       string // as in Norm
	Key        string // as in Fold: the matching key
	Kind       TokenKind
	Cap        bool // starts with an upper-case letter
	Upper      bool // every letter is upper case (and there are at least two)
	// id is the number of the token's matching key in the gazetteer's lexicons
	// (Gazetteer.intern): 0 not yet looked up, -1 a key no list holds
	id int32
}

// Tokenize splits normalized text into tokens. Joiners (- / . ' ’ _) inside a
// run of letters and digits keep it one token, so "806-NQ/QUTW", "27-7",
// "Chinhphu.vn" and "Cam-pu-chia" are single tokens; spaced dashes are not.
func Tokenize(t *Text) []Token { return tokenizeInto(t, nil) }

// tokenPool holds token slices (*[]Token) for the pipeline's tokenize stage.
var tokenPool sync.Pool

// pooledTokens is a slice from tokenPool, or nil.
func pooledTokens() []Token {
	if p, ok := tokenPool.Get().(*[]Token); ok {
		return *p
	}
	return nil
}

// releaseTokens gives toks back to tokenPool; nothing may use them after.
func releaseTokens(toks []Token) {
	if cap(toks) == 0 || cap(toks) > 1<<20 {
		return // a huge article's tokens are not kept
	}
	toks = toks[:0]
	tokenPool.Put(&toks)
}

// tokenizeInto is Tokenize into buf's room when it is large enough (the
// pipeline's tokens come from tokenPool and go back to it when Extract has
// taken the result).
func tokenizeInto(t *Text, buf []Token) []Token {
	s := t.Norm
	// a token a space, and about one in four more (punctuation, line ends):
	// sized once, since growing a slice of tokens copies their strings
	// under the collector's write barrier
	spaces := strings.Count(s, " ")
	toks := buf[:0]
	if want := spaces + spaces/4 + 16; cap(toks) < want {
		toks = make([]Token, 0, want)
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			toks = append(toks, Token{Kind: Newline, Start: i, End: i + n, Text: "\n", Key: "\n"})
			i += n
		case r == ' ':
			i += n
		case isAlnum(r):
			first := r
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isAlnum(r2) {
					j += n2
					continue
				}
				// a slash joins only codes and dates ("806-NQ/QUTW", "8/1"); between
				// words it separates ("Cục Đối ngoại/BQP", "da cam/dioxin")
				if isJoiner(r2) && j+n2 < len(s) && (r2 != '/' || unicode.IsDigit(first)) {
					r3, n3 := utf8.DecodeRuneInString(s[j+n2:])
					if r2 == '/' && !codeAfterSlash(r3, s[j+n2+n3:]) {
						// "Hải đoàn 11/Bộ Tư lệnh …": a unit after a slash is a
						// name of its own, not a part of a code
						break
					}
					if isAlnum(r3) {
						j += n2
						continue
					}
				}
				break
			}
			toks = append(toks, makeWord(t, i, j))
			i = j
		default:
			toks = append(toks, Token{Kind: Punct, Start: i, End: i + n, Text: s[i : i+n], Key: t.Fold[i : i+n]})
			i += n
		}
	}
	return toks
}

func makeWord(t *Text, i, j int) Token {
	tok := Token{Kind: Word, Start: i, End: j, Text: t.Norm[i:j], Key: t.Fold[i:j]}
	if t.mayRefold(i, j) {
		tok.Key = refold(tok.Key)
	}
	first, _ := utf8.DecodeRuneInString(tok.Text)
	if isDigit(first) {
		tok.Kind = Number
	}
	tok.Cap = isUpper(first)
	letters, upper := 0, 0
	// one letter not upper case settles it: most words stop at their first
	for _, r := range tok.Text {
		switch {
		case r < utf8.RuneSelf: // most letters of Vietnamese text are ASCII
			if 'a' <= r && r <= 'z' {
				return tok
			} else if 'A' <= r && r <= 'Z' {
				letters++
				upper++
			}
		case isLetter(r):
			if !isUpper(r) {
				return tok
			}
			letters++
			upper++
		}
	}
	tok.Upper = letters >= 2 && upper == letters
	return tok
}

// codeAfterSlash reports whether what follows a slash in a number continues a
// code or a date: digits ("8/1") or capitals ("806-NQ/QUTW", "123/GP-BTTTT"),
// not a capitalized word ("11/Bộ Tư lệnh").
func codeAfterSlash(r rune, rest string) bool {
	if unicode.IsDigit(r) {
		return true
	}
	if !unicode.IsUpper(r) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(rest)
	return !unicode.IsLower(next) && !unicode.Is(unicode.Mn, next)
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if uint32(r) < runeTabSize {
		return runeFlags[r]&(rLetter|rDigit|rMark) != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isJoiner(r rune) bool {
	switch r {
	case '-', '/', '.', '\'', '’', '_', '‐', '‑':
		return true
	}
	return false
}

// isAbbrevDot reports a full stop that ends an initial or an abbreviation
// rather than a sentence: "Lloyd J. Austin", "TP. Hồ Chí Minh".
func isAbbrevDot(toks []Token, i int) bool {
	if i == 0 || i+1 >= len(toks) || toks[i-1].Kind != Word || toks[i+1].Kind != Word || !toks[i+1].Cap {
		return false
	}
	prev := toks[i-1].Text
	if toks[i-1].End != toks[i].Start {
		return false
	}
	switch prev {
	case "TP", "Tp", "TX", "GS", "PGS", "TS", "ThS":
		return true
	}
	// initials that open a foreign name: "W.M. Winfield", "S.N. Zabgav"
	if isInitials(prev) {
		return true
	}
	// an initial inside a foreign name: "Lloyd J. Austin"
	r := []rune(prev)
	return len(r) == 1 && unicode.IsUpper(r[0]) && i >= 2 && toks[i-2].Kind == Word && toks[i-2].Cap
}

// isInitials reports a word of two or more initials joined by dots, as the
// tokenizer keeps them without the last dot: "W.M", "S.N".
func isInitials(s string) bool {
	n := 0
	for i, r := range []rune(s) {
		if i%2 == 0 && !unicode.IsUpper(r) || i%2 == 1 && r != '.' {
			return false
		}
		n++
	}
	return n >= 3 && n%2 == 1
}

// initialedName reports a word written with its initials joined to it:
// "W.M.Winfield".
func initialedName(s string) bool {
	r := []rune(s)
	k := 0
	for k+1 < len(r) && unicode.IsUpper(r[k]) && r[k+1] == '.' {
		k += 2
	}
	if k == 0 || len(r)-k < 2 || !unicode.IsUpper(r[k]) {
		return false
	}
	for _, c := range r[k+1:] {
		if !unicode.IsLower(c) {
			return false
		}
	}
	return true
}

// isDash reports whether a punctuation token is a dash used as a separator.
func isDash(s string) bool {
	switch s {
	case "-", "–", "—", "―", "‒", "−":
		return true
	}
	return false
}
