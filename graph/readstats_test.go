package graph_test

import (
	"strings"
	"testing"
	"time"

	"github.com/vnkg/vnkg/graph"
)

// TestReadStatsWriteAligned: the plan table's columns line up whatever the
// indexes' names (vnkg_timeline is wider than the header's INDEX).
func TestReadStatsWriteAligned(t *testing.T) {
	st := &graph.ReadStats{Steps: []*graph.Step{
		{Index: "S,P", Calls: 1, Quads: 12, Rows: 3, Time: time.Millisecond, Op: "out <p>"},
		{Index: "vnkg_timeline", Calls: 100, Quads: 1234567, Rows: 2, Time: 2 * time.Millisecond, Op: "timeline rows"},
	}}
	var b strings.Builder
	st.Write(&b)
	lines := strings.Split(b.String(), "\n")
	end := strings.Index(lines[0], "CALLS") + len("CALLS")
	for _, l := range lines[1:3] {
		if len(l) < end || l[end-1] == ' ' || (len(l) > end && l[end] != ' ') {
			t.Errorf("CALLS column does not end at %d in %q\n%s", end, l, b.String())
		}
	}
}
