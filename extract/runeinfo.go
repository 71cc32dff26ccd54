package extract

import "unicode"

// The letters of Vietnamese text lie below U+2000 (Latin, its supplements and
// Latin Extended Additional, U+1E00–U+1EFF, with the combining marks): for
// those, the tokenizer and the folding read a table built once from package
// unicode instead of searching unicode's range tables for every rune. The
// tables give exactly what unicode gives; runes above them go to unicode.
const runeTabSize = 0x2000

const (
	rLetter uint8 = 1 << iota
	rUpper
	rLower
	rDigit
	rMark // unicode.Mn
)

var (
	runeFlags [runeTabSize]uint8
	runeLower [runeTabSize]rune
)

func init() {
	for r := rune(0); r < runeTabSize; r++ {
		var f uint8
		if unicode.IsLetter(r) {
			f |= rLetter
		}
		if unicode.IsUpper(r) {
			f |= rUpper
		}
		if unicode.IsLower(r) {
			f |= rLower
		}
		if unicode.IsDigit(r) {
			f |= rDigit
		}
		if unicode.Is(unicode.Mn, r) {
			f |= rMark
		}
		runeFlags[r] = f
		runeLower[r] = unicode.ToLower(r)
	}
}

func isLetter(r rune) bool {
	if uint32(r) < runeTabSize {
		return runeFlags[r]&rLetter != 0
	}
	return unicode.IsLetter(r)
}

func isUpper(r rune) bool {
	if uint32(r) < runeTabSize {
		return runeFlags[r]&rUpper != 0
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	if uint32(r) < runeTabSize {
		return runeFlags[r]&rLower != 0
	}
	return unicode.IsLower(r)
}

func isDigit(r rune) bool {
	if uint32(r) < runeTabSize {
		return runeFlags[r]&rDigit != 0
	}
	return unicode.IsDigit(r)
}

func isMark(r rune) bool {
	if uint32(r) < runeTabSize {
		return runeFlags[r]&rMark != 0
	}
	return unicode.Is(unicode.Mn, r)
}

func toLower(r rune) rune {
	if uint32(r) < runeTabSize {
		return runeLower[r]
	}
	return unicode.ToLower(r)
}
