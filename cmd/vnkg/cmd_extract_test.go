package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(good, []byte("Ngày 8/1, Bộ Quốc phòng tổ chức Hội nghị tổng kết."), 0o644)
	os.WriteFile(bad, []byte("B\xf4 Qu\xf4c"), 0o644)
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"ok", []string{"extract", good}, exitOK, "id/doc/good>", ""},
		{"partial", []string{"extract", bad, good}, exitPartial, "id/doc/good>", "bad.txt: not valid UTF-8 text"},
		{"missing file", []string{"extract", filepath.Join(dir, "nope.txt"), good}, exitPartial, "id/doc/good>", "nope.txt"},
		{"all inputs bad", []string{"extract", bad}, exitError, "", "no article read: all 1 inputs failed"},
		{"empty folder", []string{"extract", empty}, exitError, "", "no article read: no inputs found in"},
		{"no args", []string{"extract"}, exitUsage, "", "missing PATH..."},
		{"bad flag", []string{"extract", "--nope", good}, exitUsage, "", "flag provided but not defined"},
		{"help", []string{"extract", "-h"}, exitOK, "Usage: vnkg extract", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, strings.NewReader(""), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout lacks %q", tt.stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.stderr)
			}
		})
	}
}

// TestExtractRapper checks the extraction of every bundled and test article with a
// real N-Quads parser: rapper from Debian's raptor2-utils.
func TestExtractRapper(t *testing.T) {
	rapper := requireTool(t, "rapper")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"extract", "../../data/corpus", "../../extract/testdata/corpus"}, nil, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("extract exit %d: %s", code, stderr.String())
	}
	nq := filepath.Join(t.TempDir(), "all.nq")
	if err := os.WriteFile(nq, stdout.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(rapper, "-i", "nquads", "-o", "nquads", "-q", nq).CombinedOutput()
	if err != nil {
		t.Fatalf("rapper rejected the extraction: %v\n%s", err, tail(out))
	}
	lines := bytes.Count(stdout.Bytes(), []byte("\n"))
	parsed := bytes.Count(out, []byte("\n"))
	if parsed != lines {
		t.Errorf("rapper read %d statements, the extraction has %d", parsed, lines)
	}
}

func tail(b []byte) string {
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}
