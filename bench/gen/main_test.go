package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, g := range []struct {
		dir  string
		seed uint64
	}{{a, 7}, {b, 7}, {c, 8}} {
		if err := generate(g.dir, 1200, g.seed); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb, tc := readTree(t, a), readTree(t, b), readTree(t, c)
	if len(ta) != 1201 { // 1200 articles and people.tsv
		t.Fatalf("%d files, want 1201", len(ta))
	}
	for name, body := range ta {
		if !bytes.Equal(body, tb[name]) {
			t.Fatalf("%s differs between two runs with one seed", name)
		}
	}
	if bytes.Equal(ta["people.tsv"], tc["people.tsv"]) {
		t.Fatal("seeds 7 and 8 gave the same people")
	}
	if _, ok := ta[filepath.Join("001", "g0001100.txt")]; !ok {
		t.Fatal("article 1100 is not in folder 001")
	}
}

func TestUsage(t *testing.T) {
	var stderr bytes.Buffer
	if got := run([]string{"-n", "3"}, &stderr); got != 2 {
		t.Errorf("no -o: exit %d, want 2", got)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x"), nil, 0o644)
	if got := run([]string{"-n", "3", "-o", dir}, &stderr); got != 1 || !strings.Contains(stderr.String(), "not empty") {
		t.Errorf("non-empty dir: exit %d, stderr %q", got, stderr.String())
	}
}
