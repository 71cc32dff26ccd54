package graph_test

import (
	"testing"

	"github.com/vnkg/vnkg/graph"
)

func TestScanGizmo(t *testing.T) {
	for _, tt := range []struct {
		src  string
		code string // the bytes outside strings and comments
		end  graph.ScanState
	}{
		{`g.V("a(").all()`, `g.V().all()`, graph.ScanState{QuoteStart: 4, Line: 1}},
		{"a // (\nb", "a b", graph.ScanState{Line: 2}},
		{"a /* ( \n */ b", "a  b", graph.ScanState{Line: 2}},
		{`a "b\"c" d`, "a  d", graph.ScanState{QuoteStart: 2, Line: 1}},
		{"a 'b\nc", "a c", graph.ScanState{QuoteStart: 2, Broken: true, Line: 2}},
		{"a `b\nc", "a ", graph.ScanState{Quote: '`', QuoteStart: 2, Line: 2}},
		{`g.V("<ngô`, `g.V(`, graph.ScanState{Quote: '"', QuoteStart: 4, Line: 1}},
		{"x /* open", "x ", graph.ScanState{BlockComment: true, Line: 1}},
		{"x // open", "x ", graph.ScanState{LineComment: true, Line: 1}},
		{"'a\\\nb'\n(", "\n(", graph.ScanState{QuoteStart: 0, Line: 3}},
	} {
		var code []byte
		end := graph.ScanGizmo(tt.src, func(_ int, c byte, _ int) bool {
			code = append(code, c)
			return true
		})
		if string(code) != tt.code || end != tt.end {
			t.Errorf("ScanGizmo(%q): code %q, end %+v; want %q, %+v", tt.src, code, end, tt.code, tt.end)
		}
	}
}

func TestScanGizmoStops(t *testing.T) {
	n := 0
	graph.ScanGizmo("abcdef", func(i int, _ byte, _ int) bool { n++; return i < 2 })
	if n != 3 {
		t.Errorf("code was called %d times after returning false at the third byte, want 3", n)
	}
}
