package graph

import (
	"testing"
	"unicode/utf8"
)

// TestJSCompare holds JSCompare's fast comparison to its definition, the
// order of UTF-16 code units, where the two orders differ and where they
// agree.
func TestJSCompare(t *testing.T) {
	cases := []string{
		"", "a", "ab", "b", "Đặng", "Đặng Quang", "Lê", "\uE000", "\uFFFD", "\uFFFF",
		"𝐀", "a𝐀", "a\uE000", "a\uFFFF", "a𝐀b", "x\U0010FFFF", "ä", "\u00e4\u0301", "日本",
	}
	for _, a := range cases {
		for _, b := range cases {
			if got, want := JSCompare(a, b), jsCompareUnits(a, b); got != want {
				t.Errorf("JSCompare(%q, %q) = %d, UTF-16 order %d", a, b, got, want)
			}
		}
	}
}

func FuzzJSCompare(f *testing.F) {
	f.Add("a\uE000", "a𝐀")
	f.Add("Nguyễn", "Nguyên")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			t.Skip()
		}
		if got, want := JSCompare(a, b), jsCompareUnits(a, b); got != want {
			t.Errorf("JSCompare(%q, %q) = %d, UTF-16 order %d", a, b, got, want)
		}
	})
}

// TestSortNodesStable: nodes of the same string keep their order, sorted
// input or not.
func TestSortNodesStable(t *testing.T) {
	lit := Node{Kind: LiteralNode, Value: "<x>"}
	iri := Node{Kind: IRINode, Value: "x"} // the same GizmoString
	for _, in := range [][]Node{{lit, iri, {Kind: IRINode, Value: "a"}}, {iri, lit, {Kind: IRINode, Value: "a"}}} {
		ns := append([]Node(nil), in...)
		SortNodes(ns)
		if ns[0].Value != "a" || ns[1] != in[0] || ns[2] != in[1] {
			t.Errorf("SortNodes(%v) = %v", in, ns)
		}
	}
}
