package graph_test

import (
	"testing"

	"github.com/vnkg/vnkg/graph"
)

// TestDisplayWidth: the columns a table cell takes — Vietnamese's
// precomposed letters one each (the fast case), combining marks and soft
// hyphens none, East Asian wide letters two.
func TestDisplayWidth(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"Nguyễn Thị Thủy", 15},
		{"Đặng Quang Ngọc", 15},
		{"Thứ trưởng Bộ Quốc phòng", 24},
		{"Nguye\u0302\u0303n", 6}, // decomposed: the marks take no column
		{"ti\u00adếng", 5},
		{"中文 ok", 7},
		{"ḁẞỿ", 3}, // the ends of Latin Extended Additional
	} {
		if got := graph.DisplayWidth(c.s); got != c.want {
			t.Errorf("DisplayWidth(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

func BenchmarkDisplayWidth(b *testing.B) {
	for range b.N {
		graph.DisplayWidth("Thứ trưởng Bộ Quốc phòng Đặng Quang Ngọc")
	}
}
