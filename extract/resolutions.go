package extract

import (
	"regexp"
	"strings"
)

// resolutionCode matches a resolution's identifier: "806-NQ/QUTW", "22-NQ/TW",
// "30/2021/QH15", "24/NQ-CP".
var resolutionCode = regexp.MustCompile(`^\d+(?:[-/]\d{4})?[-/](?:NQ|nq)(?:[-/][\p{Lu}Đ0-9]+)+$|^\d+/\d{4}/[\p{Lu}Đ]+\d*$`)

// resolutionAt matches "Nghị quyết" (capitalized), optionally "số", then an
// identifier or a bare number; or "Nghị quyết" followed by "của" (an unnumbered
// resolution named by its issuer). The value is the identifier, the number, or "".
func (g *Gazetteer) resolutionAt(toks []Token, i, end int) (int, string) {
	if i+1 >= end || toks[i].Text != "Nghị" || toks[i+1].Key != "quyết" {
		return 0, ""
	}
	j := i + 2
	if j < end && toks[j].Key == "số" {
		j++
	}
	if j < end && toks[j].Kind == Number {
		code := toks[j].Text
		if resolutionCode.MatchString(code) || isDigits(code) {
			return j + 1 - i, strings.ToUpper(code)
		}
	}
	if j < end && toks[j].Key == "của" {
		return 2, ""
	}
	// "ra Nghị quyết lãnh đạo …": a resolution without a number that a verb
	// issues, named by the words after it
	if j < end && toks[j].Kind == Word && !toks[j].Cap && g.issuingBefore(toks, i) >= 0 {
		return 2, ""
	}
	return 0, ""
}

// issuingBefore is the first token of a verb of issuing_verbs.txt that ends
// right before token t, or -1.
func (g *Gazetteer) issuingBefore(toks []Token, t int) int {
	for start := max(t-3, 0); start < t; start++ {
		if n, _ := g.issueLex.longest(toks[:t], start); n > 0 && start+n == t {
			return start
		}
	}
	return -1
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// resolutionNumber is the leading number of an identifier: "806-NQ/QUTW" → "806".
func resolutionNumber(code string) string {
	for i, r := range code {
		if r < '0' || r > '9' {
			return code[:i]
		}
	}
	return code
}

// issuerCode is the issuing body's code in an identifier: "806-NQ/QUTW" → "QUTW",
// "24/NQ-CP" → "CP", "30/2021/QH15" → "QH".
func issuerCode(code string) string {
	parts := strings.FieldsFunc(code, func(r rune) bool { return r == '/' || r == '-' })
	if len(parts) == 0 {
		return ""
	}
	last := strings.TrimRight(parts[len(parts)-1], "0123456789")
	if last == "NQ" {
		return ""
	}
	return last
}
