package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad/jsonld"

	"github.com/vnkg/vnkg/queries/querytest"
)

// builtCorpus builds the bundled corpus into a new bolt store.
func builtCorpus(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "db")
	mustRun(t, "build", "--db", db, "../../data/corpus")
	return db
}

// rapper finds raptor's command-line parser. Under CI (CI=true) it must be
// there: a missing tool fails the test rather than skipping it.
func rapper(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("rapper")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("rapper (Debian raptor2-utils) is needed under CI: %v", err)
		}
		t.Skipf("rapper (Debian raptor2-utils) not installed: %v", err)
	}
	return p
}

// TestExportRapper checks the N-Quads export with a real RDF parser: it must
// accept every statement, of the whole graph and of one article.
func TestExportRapper(t *testing.T) {
	bin := rapper(t)
	db := builtCorpus(t)
	dir := t.TempDir()
	for _, args := range [][]string{nil, {"--doc", "001_5e7f9ea061c1cc74"}} {
		file := filepath.Join(dir, "out.nq")
		mustRun(t, append([]string{"export", "--db", db, "-o", file}, args...)...)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := bytes.Count(data, []byte("\n"))
		if lines == 0 {
			t.Fatalf("export %v is empty", args)
		}
		out, err := exec.Command(bin, "-i", "nquads", "-c", file).CombinedOutput()
		if err != nil {
			t.Fatalf("rapper rejects export %v: %v\n%s", args, err, out)
		}
		m := regexp.MustCompile(`returned (\d+) triples`).FindSubmatch(out)
		if m == nil {
			t.Fatalf("rapper said:\n%s", out)
		}
		if n, _ := strconv.Atoi(string(m[1])); n != lines {
			t.Fatalf("rapper read %d statements of export %v, which has %d lines\n%s", n, args, lines, out)
		}
		if bytes.Contains(out, []byte("Warning")) || bytes.Contains(out, []byte("Error")) {
			t.Fatalf("rapper complains about export %v:\n%s", args, out)
		}
	}
}

// TestExportJSONLD: the JSON-LD export is JSON, and a JSON-LD processor reads
// back as many quads as the N-Quads export holds.
func TestExportJSONLD(t *testing.T) {
	db := builtCorpus(t)
	nq, _ := mustRun(t, "export", "--db", db)
	js, _ := mustRun(t, "export", "--db", db, "--format", "jsonld")
	var doc []map[string]any
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	graphs := 0
	for _, n := range doc {
		if _, ok := n["@graph"]; ok {
			graphs++
		}
	}
	if graphs != 6 { // five articles and the gazetteer
		t.Errorf("%d named graphs, want 6", graphs)
	}
	r := jsonld.NewReader(strings.NewReader(js))
	n := 0
	for {
		_, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if want := strings.Count(nq, "\n"); n != want {
		t.Fatalf("JSON-LD holds %d quads, the N-Quads export %d", n, want)
	}
	// Deterministic too.
	again, _ := mustRun(t, "export", "--db", db, "--format", "jsonld")
	if again != js {
		t.Fatal("two JSON-LD exports differ")
	}
}

// TestExportAtomic: -o leaves the old file whole when the export fails, and
// no temporary file behind either way.
func TestExportAtomic(t *testing.T) {
	db := builtCorpus(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out.nq")
	os.WriteFile(out, []byte("old\n"), 0o640)
	if code, _, stderr := vnkgRun(t, "export", "--db", db, "--doc", "nosuch", "-o", out); code != exitError || !strings.Contains(stderr, "no such document") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(out); string(data) != "old\n" {
		t.Fatalf("a failed export changed the file: %q", data)
	}
	mustRun(t, "export", "--db", db, "-o", out)
	fi, err := os.Stat(out)
	if err != nil || fi.Size() < 1000 || fi.Mode().Perm() != 0o640 {
		t.Fatalf("after export: %v, %v", fi, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("files left in %s: %v", dir, entries)
	}
	if code, _, _ := vnkgRun(t, "export", "--db", db, "-o", filepath.Join(dir, "no", "such", "dir.nq")); code != exitError {
		t.Fatalf("export into a missing directory: exit %d", code)
	}
}

func TestExportExitCodes(t *testing.T) {
	db := builtCorpus(t)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"ok", []string{"export", "--db", db, "--doc", "000_aa4540ad7a50da76"}, exitOK, ""},
		{"unknown doc", []string{"export", "--db", db, "--doc", "nosuch"}, exitError, "no such document"},
		{"bad format", []string{"export", "--db", db, "--format", "turtle"}, exitUsage, `unknown export format "turtle"`},
		{"arguments", []string{"export", "--db", db, "x"}, exitUsage, "unexpected arguments"},
		{"no store", []string{"export", "--db", filepath.Join(t.TempDir(), "none")}, exitError, "no store at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := vnkgRun(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Fatalf("exit %d (want %d), stderr:\n%s", code, tt.code, stderr)
			}
		})
	}
}

// TestExportCayleyLoad: `cayley load` (the module's tool) reads the N-Quads
// export into a bolt store of its own, and that store exports the same bytes.
func TestExportCayleyLoad(t *testing.T) {
	cayley := querytest.CayleyTool(t)
	db := builtCorpus(t)
	dir := t.TempDir()
	nq := filepath.Join(dir, "export.nq")
	mustRun(t, "export", "--db", db, "-o", nq)
	loaded := filepath.Join(dir, "cayley.db")
	querytest.RunCayley(t, cayley, "load", "--db", "bolt", "--dbpath", loaded, "--init", "--load", nq, "--logtostderr=false")
	want, err := os.ReadFile(nq)
	if err != nil {
		t.Fatal(err)
	}
	if got := exportStore(t, loaded); !bytes.Equal(got, want) {
		t.Fatalf("the store cayley loaded exports %d bytes, the export it loaded has %d", len(got), len(want))
	}
}
