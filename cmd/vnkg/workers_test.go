package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gencorpus "github.com/vnkg/vnkg/bench/corpus"
)

// writeCorpus writes n generated articles, the bundled ones and an
// unreadable file into a directory.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	c := gencorpus.New(n, 11)
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i%7))
		os.MkdirAll(sub, 0o755)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("g%04d.txt", i)), []byte(c.Article(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "data", "corpus", "*.txt"))
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "latin1.txt"), []byte("B\xf4 Qu\xf4c ph\xf2ng"), 0o644)
	return dir
}

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestExtractWorkersSameOutput: vnkg extract prints the same bytes with one
// worker and with several, bad input included.
func TestExtractWorkersSameOutput(t *testing.T) {
	dir := writeCorpus(t, 150)
	code1, out1, err1 := runCLI(t, "extract", "--workers", "1", dir)
	if code1 != exitPartial || !strings.Contains(err1, "latin1.txt") {
		t.Fatalf("one worker: exit %d, stderr %q", code1, err1)
	}
	if strings.Count(out1, "\n") < 1000 {
		t.Fatalf("one worker printed %d lines", strings.Count(out1, "\n"))
	}
	for _, w := range []string{"2", "5"} {
		code, out, _ := runCLI(t, "extract", "--workers", w, dir)
		if code != code1 {
			t.Errorf("%s workers: exit %d, one worker %d", w, code, code1)
		}
		if out != out1 {
			t.Errorf("%s workers: output differs from one worker's (%d and %d bytes)", w, len(out), len(out1))
		}
	}
	if code, _, stderr := runCLI(t, "extract", "--workers", "0", dir); code != exitUsage {
		t.Errorf("--workers 0: exit %d, stderr %q", code, stderr)
	}
}

// TestBuildWorkersSameStore: stores built with one worker and with several
// export the same bytes.
func TestBuildWorkersSameStore(t *testing.T) {
	dir := writeCorpus(t, 80)
	var exports []string
	for _, w := range []string{"1", "4"} {
		db := filepath.Join(t.TempDir(), "kg.db")
		if code, _, stderr := runCLI(t, "-q", "build", "--db", db, "--workers", w, "--batch", "7", dir); code != exitPartial {
			t.Fatalf("build --workers %s: exit %d, stderr %q", w, code, stderr)
		}
		code, out, stderr := runCLI(t, "export", "--db", db)
		if code != exitOK {
			t.Fatalf("export: exit %d, stderr %q", code, stderr)
		}
		exports = append(exports, out)
	}
	if exports[0] != exports[1] {
		t.Errorf("stores built with 1 and 4 workers export differently (%d and %d bytes)", len(exports[0]), len(exports[1]))
	}
}
