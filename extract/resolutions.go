package extract

import (
	"regexp"
	"strings"
)

// resolutionCode matches a resolution's identifier: "806-NQ/QUTW", "22-NQ/TW",
// "30/2021/QH15", "24/NQ-CP".
var resolutionCode = regexp.MustCompile(`^\d+(?:[-/]\d{4})?[-/](?:NQ|nq)(?:[-/][\p{Lu}Đ0-9]+)+$|^\d+/\d{4}/[\p{Lu}Đ]+\d*$`)

// docCode matches the identifier of a party document other than a resolution,
// its letters in the first group: "31-KL/TW", "05-CT/TW", "144-QĐ/TW",
// "1235-KL/QUTW".
var docCode = regexp.MustCompile(`^\d+(?:[-/]\d{4})?[-/]([\p{Lu}Đ]+)(?:[-/][\p{Lu}Đ0-9]+)+$`)

// docKind is a row of document_kinds.tsv: a document's head words ("Kết
// luận") and the letters its identifier carries ("KL").
type docKind struct {
	keys    []string
	head    string
	letters string
}

func isUpperCode(s string) bool {
	for _, r := range s {
		if !isUpper(r) {
			return false
		}
	}
	return s != ""
}

// docKindAt matches a document of document_kinds.tsv at toks[i]: its head,
// optionally "số", then an identifier with the kind's letters ("Kết luận số
// 31-KL/TW"). Without such an identifier the head words are the plain words
// they are ("kết luận" a speaker's verb, "Quy định" a noun).
func (g *Gazetteer) docKindAt(toks []Token, i, end int) (int, string) {
	for _, d := range g.docKinds {
		j := i
		for _, k := range d.keys {
			if j >= end || toks[j].Key != k {
				j = -1
				break
			}
			j++
		}
		if j < 0 {
			continue
		}
		if j < end && toks[j].Key == "số" {
			j++
		}
		if j < end && toks[j].Kind == Number {
			if m := docCode.FindStringSubmatch(strings.ToUpper(toks[j].Text)); m != nil && m[1] == d.letters {
				return j + 1 - i, strings.ToUpper(toks[j].Text)
			}
		}
	}
	return 0, ""
}

// docHead is the head a document's identifier names: "Kết luận" for
// "31-KL/TW", "Nghị quyết" for any other.
func (g *Gazetteer) docHead(code string) string {
	if m := docCode.FindStringSubmatch(code); m != nil {
		for _, d := range g.docKinds {
			if d.letters == m[1] {
				return d.head
			}
		}
	}
	return "Nghị quyết"
}

// docKey keys a document by number within its kind: "806" for "806-NQ/QUTW"
// or "806", "KL31" for "31-KL/TW".
func (g *Gazetteer) docKey(code string) string {
	num := resolutionNumber(code)
	if m := docCode.FindStringSubmatch(code); m != nil && m[1] != "NQ" {
		return m[1] + num
	}
	return num
}

// resolutionAt matches "Nghị quyết" (capitalized), optionally "số", then an
// identifier or a bare number; or "Nghị quyết" followed by "của" (an unnumbered
// resolution named by its issuer). The value is the identifier, the number, or "".
func (g *Gazetteer) resolutionAt(toks []Token, i, end int) (int, string) {
	if i+1 >= end || toks[i].Text != "Nghị" || toks[i+1].Key != "quyết" {
		return g.docKindAt(toks, i, end)
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
	// "Nghị quyết Đại hội XII của Đảng", "Nghị quyết Hội nghị Trung ương 8":
	// a resolution named by the meeting that passed it, its ordinal, and
	// "của" with the capitalized name of the party after it
	if j < end && toks[j].Cap {
		if en, _ := g.eventLex.longest(toks[:end], j); en > 0 {
			e := j + en
			for e < end && e-(j+en) < 2 && toks[e].Cap && toks[e].Kind == Word && !isRoman(toks[e].Text) {
				e++ // "Trung ương"
			}
			if e < end && (isRoman(toks[e].Text) || toks[e].Kind == Number && isDigits(toks[e].Text)) {
				e++
				if e+1 < end && toks[e].Key == "của" && toks[e+1].Cap {
					e += 2
				}
				return e - i, ""
			}
		}
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

// isRoman reports a Roman numeral in capitals: "XII", "XIII", "IV".
func isRoman(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("IVXLC", r) {
			return false
		}
	}
	return s != ""
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
