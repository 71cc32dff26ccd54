package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencyEdges holds the package boundaries: extract knows nothing of
// Cayley or the store, graph nothing of the extractor or Vietnamese data, data
// is a leaf, and only cmd ties them together.
func TestDependencyEdges(t *testing.T) {
	deps := func(pkg string) []string {
		out, err := exec.Command("go", "list", "-deps", "github.com/vnkg/vnkg/"+pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		return strings.Fields(string(out))
	}
	tests := []struct {
		pkg       string
		forbidden []string
	}{
		{"extract", []string{"github.com/cayleygraph/", "github.com/vnkg/vnkg/graph\n", "github.com/vnkg/vnkg/queries", "github.com/vnkg/vnkg/cmd"}},
		{"graph", []string{"github.com/vnkg/vnkg/extract", "github.com/vnkg/vnkg/data", "github.com/vnkg/vnkg/queries", "github.com/vnkg/vnkg/cmd"}},
		{"graph/vocab", []string{"github.com/cayleygraph/", "github.com/vnkg/vnkg/extract", "github.com/vnkg/vnkg/data"}},
		{"queries", []string{"github.com/vnkg/vnkg/extract", "github.com/vnkg/vnkg/data", "github.com/vnkg/vnkg/cmd"}},
		{"data", []string{"github.com/"}},
	}
	for _, tt := range tests {
		for _, d := range deps(tt.pkg) {
			for _, f := range tt.forbidden {
				exact := strings.HasSuffix(f, "\n")
				if exact && d == strings.TrimSuffix(f, "\n") || !exact && strings.HasPrefix(d, f) && d != "github.com/vnkg/vnkg/"+tt.pkg {
					t.Errorf("%s depends on %s", tt.pkg, d)
				}
			}
		}
	}
}
