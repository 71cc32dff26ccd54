package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vnkg/vnkg/graph"
)

// TestRowWriter: the streaming writer prints what graph.Results prints: the
// same bytes as WriteJSON for any number of rows, the same table as
// WriteTable for a result that fits in one chunk; a longer table keeps its
// header and every row, aligned by the first chunk.
func TestRowWriter(t *testing.T) {
	rows := func(n int) []graph.Result {
		out := make([]graph.Result, n)
		for i := range out {
			out[i] = graph.Result{Tags: map[string]graph.Node{
				"id":   {Kind: graph.IRINode, Value: fmt.Sprintf("https://w3id.org/vnkg/id/person/p%d", i)},
				"name": {Kind: graph.LiteralNode, Value: strings.Repeat("Ngô Xuân Lịch ", 1+i%3)},
			}}
		}
		return out
	}
	stream := func(rs []graph.Result, last any, asJSON bool) string {
		var b bytes.Buffer
		rw := newRowWriter(&b, []string{"name"}, asJSON)
		for _, r := range rs {
			if err := rw.add(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := rw.finish(last); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, n := range []int{0, 1, 7, tableChunk - 1, tableChunk, 3*tableChunk + 5} {
		for _, last := range []any{nil, int64(42)} {
			res := graph.Results{Rows: rows(n), Last: last}
			var want bytes.Buffer
			res.WriteJSON(&want)
			if got := stream(res.Rows, last, true); got != want.String() {
				t.Errorf("JSON, %d rows, last %v: %s", n, last, cmp.Diff(want.String(), got))
			}
			if n > 0 {
				var parsed []map[string]any
				if err := json.Unmarshal([]byte(stream(res.Rows, last, true)), &parsed); err != nil || len(parsed) != n {
					t.Errorf("JSON, %d rows: %d parsed, %v", n, len(parsed), err)
				}
			}
			got := stream(res.Rows, last, false)
			if n < tableChunk {
				want.Reset()
				res.WriteTable(&want, []string{"name"})
				if got != want.String() {
					t.Errorf("table, %d rows: %s", n, cmp.Diff(want.String(), got))
				}
				continue
			}
			lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
			wantLines := n + 2
			if last != nil {
				wantLines++
			}
			if len(lines) != wantLines || !strings.HasPrefix(lines[0], "name") || !strings.HasPrefix(lines[1], "---") {
				t.Errorf("table, %d rows: %d lines, starting %q", n, len(lines), lines[:2])
			}
			col := graph.DisplayWidth(lines[0][:strings.Index(lines[0], "id")])
			for i, l := range lines[2 : n+2] {
				if graph.DisplayWidth(l[:strings.Index(l, "https://")]) != col {
					t.Errorf("table, %d rows: row %d is not aligned: %q", n, i, l)
					break
				}
			}
		}
	}
}
