package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/pgtest"
	"github.com/vnkg/vnkg/graph/vocab"
	"github.com/vnkg/vnkg/queries"
)

// vnkgRun runs the CLI in this process.
func vnkgRun(t testing.TB, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// mustRun runs the CLI in this process and fails unless it exits 0.
func mustRun(t testing.TB, args ...string) (stdout, stderr string) {
	t.Helper()
	code, stdout, stderr := vnkgRun(t, args...)
	if code != exitOK {
		t.Fatalf("vnkg %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	return stdout, stderr
}

// corpus holds generated articles: the bundled ones copied under new names,
// each with a sentence of its own, so that every copy states facts of its
// own. Variant v changes that sentence, so that a build of one variant over
// the other replaces every article.
type corpus struct {
	dir   string
	names []string
	texts [][]byte
}

func newCorpus(t testing.TB, n int) *corpus {
	t.Helper()
	seeds, err := filepath.Glob("../../data/corpus/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no bundled corpus: %v", err)
	}
	c := &corpus{dir: t.TempDir()}
	for i := range n {
		seed := seeds[i%len(seeds)]
		text, err := os.ReadFile(seed)
		if err != nil {
			t.Fatal(err)
		}
		c.names = append(c.names, fmt.Sprintf("gen%03d_%s", i, filepath.Base(seed)))
		c.texts = append(c.texts, text)
	}
	c.write(t, 0)
	return c
}

// write writes variant v of every article.
func (c *corpus) write(t testing.TB, v int) {
	t.Helper()
	for i, name := range c.names {
		extra := fmt.Sprintf("\n\nNgày %d/%d, Bộ Quốc phòng tổ chức Hội nghị tổng kết lần thứ %d.\n", 1+i%28, 1+v%12, i+1000*v)
		if err := os.WriteFile(filepath.Join(c.dir, name), append(slices.Clip(c.texts[i]), extra...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// exportStore reads a store's N-Quads export through the graph API: it
// fails if the store does not open.
func exportStore(t testing.TB, path string) []byte {
	t.Helper()
	s, err := graph.Open(context.Background(), path, graph.ReadOnly())
	if err != nil {
		t.Fatalf("opening %s: %v", path, err)
	}
	defer s.Close()
	var buf bytes.Buffer
	if _, err := s.Export(context.Background(), &buf, graph.FormatNQuads, ""); err != nil {
		t.Fatalf("exporting %s: %v", path, err)
	}
	return buf.Bytes()
}

// byLabel splits an N-Quads export into each label's statements.
func byLabel(nq []byte) map[string]string {
	out := map[string]string{}
	for _, line := range strings.SplitAfter(string(nq), "\n") {
		if line == "" {
			continue
		}
		body := strings.TrimSuffix(line, " .\n")
		i := strings.LastIndex(body, " <")
		label := strings.Trim(body[i+1:], "<>")
		out[label] += line
	}
	return out
}

func TestBuildExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(good, []byte("Ngày 8/1, Bộ Quốc phòng tổ chức Hội nghị tổng kết."), 0o644)
	os.WriteFile(bad, []byte("B\xf4 Qu\xf4c ph\xf2ng"), 0o644)
	db := filepath.Join(dir, "db")
	fresh := filepath.Join(dir, "fresh.db") // never created: no article is ever stored in it
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"ok", []string{"build", "--db", db, good}, exitOK, "1 articles (1 new"},
		{"partial", []string{"build", "--db", db, bad, good}, exitPartial, "bad.txt: not valid UTF-8 text"},
		{"all inputs bad", []string{"build", "--db", db, bad}, exitError, "no article stored: all 1 inputs failed"},
		{"all inputs bad, new store", []string{"build", "--db", fresh, bad}, exitError, "; no store created at " + fresh + "\nvnkg build: no article stored: all 1 inputs failed"},
		{"empty folder", []string{"build", "--db", fresh, empty}, exitError, "no article stored: no inputs found in " + empty},
		{"no args", []string{"build", "--db", db}, exitUsage, "missing PATH..."},
		{"bad flag", []string{"build", "--nope", good}, exitUsage, "flag provided but not defined"},
		{"bad batch", []string{"build", "--batch", "0", "--db", db, good}, exitUsage, "--batch must be at least 1"},
		{"bad commit budget", []string{"build", "--commit-mib", "-1", "--db", db, good}, exitUsage, "--commit-mib must be 0 or more"},
		{"empty db", []string{"build", "--db", "", good}, exitUsage, "--db is empty"},
		{"store not a directory", []string{"build", "--db", good, good}, exitError, "creating store"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := vnkgRun(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout not empty: %q", stdout)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr)
			}
		})
	}
	if _, err := os.Stat(fresh); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a build that stored nothing left %s behind (%v)", fresh, err)
	}
	// The partial builds stored the good article.
	if got := byLabel(exportStore(t, db)); got[vocab.DocIRI("good")] == "" || got[vocab.DocIRI("bad")] != "" {
		t.Errorf("store holds %v", slices.Sorted(maps.Keys(got)))
	}
}

// TestBuildLocked: a second build on a store in use fails at once with the
// file's name instead of waiting forever.
func TestBuildLocked(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	s, err := graph.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := newCorpus(t, 1)
	start := time.Now()
	code, _, stderr := vnkgRun(t, "build", "--db", db, c.dir)
	if code != exitError || !strings.Contains(stderr, "in use by another process") || !strings.Contains(stderr, filepath.Join(db, graph.BoltFile)) {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("took %v to give up", d)
	}
}

// vnkgBinary builds the vnkg command: the real program, signal handling
// and all, for tests that kill or interrupt it.
func vnkgBinary(t testing.TB) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "vnkg")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestBuildKill kills a build at random points, again and again, over a
// store that each killed build left: every time, the store opens and holds
// each article whole (as one of the two versions built), and a last build
// gives the export of a clean build, byte for byte.
func TestBuildKill(t *testing.T) {
	if testing.Short() {
		t.Skip("kill test is long")
	}
	bin := vnkgBinary(t)
	c := newCorpus(t, 300)
	// Answers of a few rows are stored (queries.StoreAnswers), so that the
	// small corpus has some for the checks below.
	t.Setenv("VNKG_ANSWER_MIN_ROWS", "3")
	// Clean builds of both versions: the reference, and the time a build takes.
	want := make([]map[string]string, 2)
	var wantExport []byte
	var took time.Duration
	for v := range 2 {
		c.write(t, v)
		db := filepath.Join(t.TempDir(), "clean.db")
		start := time.Now()
		if out, err := exec.Command(bin, "build", "--db", db, c.dir).CombinedOutput(); err != nil {
			t.Fatalf("clean build: %v\n%s", err, out)
		}
		took = max(took, time.Since(start))
		nq := exportStore(t, db)
		want[v] = byLabel(nq)
		if v == 0 {
			wantExport = nq
		}
	}
	t.Logf("a clean build of %d articles takes %v", len(c.names), took)

	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewPCG(uint64(seed), 7))
	db := filepath.Join(t.TempDir(), "killed.db")
	deadline := time.Now().Add(45 * time.Second)
	killed, finished := 0, 0
	for i := 0; i < 15 && time.Now().Before(deadline); i++ {
		v := i % 2 // every other build replaces every article
		c.write(t, v)
		batch := []string{"4", "16", "64"}[i%3]
		cmd := exec.Command(bin, "build", "--batch", batch, "--db", db, c.dir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		// A build over the other version takes about as long as a clean
		// one; most delays fall inside it.
		delay := time.Duration(rng.Int64N(int64(took) * 9 / 10))
		var err error
		select {
		case err = <-done:
		case <-time.After(delay):
			cmd.Process.Kill() // SIGKILL
			err = <-done
		}
		var exit *exec.ExitError
		switch {
		case err == nil:
			finished++
		case errors.As(err, &exit) && exit.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL:
			killed++
		default:
			t.Fatalf("build %d (seed %d): %v\n%s", i, seed, err, stderr.String())
		}
		if _, err := os.Stat(filepath.Join(db, graph.BoltFile)); err != nil {
			continue // killed before the store was created
		}
		if s, err := graph.Open(context.Background(), db, graph.ReadOnly()); errors.Is(err, graph.ErrNoStore) {
			continue // killed while creating it: the next build finishes that
		} else if err == nil {
			// The derived timeline rows were committed with the quads.
			diff, err := graph.CheckTimeline(context.Background(), s)
			if err != nil || diff != "" {
				s.Close()
				t.Fatalf("build %d (seed %d, killed after %v): timeline rows against a recomputation: %q, %v", i, seed, delay, diff, err)
			}
			// And the fact rows (graph/facts.go).
			diff, err = graph.CheckFacts(context.Background(), s)
			if err != nil || diff != "" {
				s.Close()
				t.Fatalf("build %d (seed %d, killed after %v): fact rows against a recount: %q, %v", i, seed, delay, diff, err)
			}
			// And the first rows (graph/firsts.go).
			diff, err = graph.CheckFirsts(context.Background(), s)
			if err != nil || diff != "" {
				s.Close()
				t.Fatalf("build %d (seed %d, killed after %v): first rows against a recomputation: %q, %v", i, seed, delay, diff, err)
			}
			// And the stored answers that are current (graph/answers.go):
			// those of a build the kill cut short are stale, not read.
			diff, err = queries.CheckAnswers(context.Background(), s)
			s.Close()
			if err != nil || diff != "" {
				t.Fatalf("build %d (seed %d, killed after %v): stored answers against the queries: %q, %v", i, seed, delay, diff, err)
			}
		}
		got := byLabel(exportStore(t, db))
		var whole [2]int // articles stored as this build's version, as the other
		for label, stmts := range got {
			if label == vocab.GazetteerLabel {
				for _, line := range strings.SplitAfter(stmts, "\n") {
					if !strings.Contains(want[0][label]+want[1][label], line) {
						t.Fatalf("build %d (seed %d, killed after %v): background statement not in any clean build: %s", i, seed, delay, line)
					}
				}
				continue
			}
			switch stmts {
			case want[v][label]:
				whole[0]++
			case want[1-v][label]:
				whole[1]++
			default:
				t.Fatalf("build %d (seed %d, killed after %v): %s is not whole:\n%s\nwant\n%s\nor\n%s",
					i, seed, delay, label, stmts, want[0][label], want[1][label])
			}
		}
		t.Logf("build %d: --batch %s, %v: %v; articles whole: %d as built, %d as before",
			i, batch, delay.Round(time.Millisecond), err, whole[0], whole[1])
	}
	t.Logf("%d builds killed, %d finished first (seed %d)", killed, finished, seed)
	if killed == 0 {
		t.Fatalf("no build was killed mid-way (seed %d)", seed)
	}

	c.write(t, 0)
	if out, err := exec.Command(bin, "build", "--db", db, c.dir).CombinedOutput(); err != nil {
		t.Fatalf("last build: %v\n%s", err, out)
	}
	if got := exportStore(t, db); !bytes.Equal(got, wantExport) {
		t.Fatalf("after the kills, the rebuilt store exports %d bytes, a clean build %d (seed %d)", len(got), len(wantExport), seed)
	}
	s, err := graph.Open(context.Background(), db, graph.ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if answers, err := s.StoredAnswers(context.Background()); err != nil || len(answers) == 0 {
		t.Errorf("after the last build: %d current stored answers (%v), want some", len(answers), err)
	}
	if diff, err := queries.CheckAnswers(context.Background(), s); err != nil || diff != "" {
		t.Errorf("after the last build: stored answers against the queries: %q, %v", diff, err)
	}
}

// TestBuildInterrupt interrupts a build (SIGINT, as Ctrl-C) while it waits
// for its last input, a pipe: it exits 130 after committing what it had read.
func TestBuildInterrupt(t *testing.T) {
	bin := vnkgBinary(t)
	c := newCorpus(t, 40)
	ref := filepath.Join(t.TempDir(), "ref.db")
	mustRun(t, "build", "--db", ref, c.dir)
	want := exportStore(t, ref)

	fifo := filepath.Join(c.dir, "zzz_last.txt") // read last
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	db := filepath.Join(t.TempDir(), "db")
	// A batch larger than the corpus: nothing is committed before the signal.
	cmd := exec.Command(bin, "build", "--batch", "1000", "--db", db, c.dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	// Opening the pipe for writing waits for the build to open it for
	// reading: every other article has been read by then.
	opened := make(chan *os.File, 1)
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			t.Error(err)
		}
		opened <- f
	}()
	var w *os.File
	select {
	case w = <-opened:
	case <-time.After(30 * time.Second):
		t.Fatalf("the build never read its last input\n%s", stderr.String())
	}
	defer w.Close()
	time.Sleep(time.Second) // for the extractors to hand over what was read
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted {
		t.Fatalf("build: %v, want exit %d\n%s", err, exitInterrupted, stderr.String())
	}
	if !strings.Contains(stderr.String(), "vnkg build: interrupted") ||
		!strings.Contains(stderr.String(), fmt.Sprintf("%d articles (%d new", len(c.names), len(c.names))) {
		t.Fatalf("stderr:\n%s", stderr.String())
	}
	if got := exportStore(t, db); !bytes.Equal(got, want) {
		t.Fatalf("the interrupted build stored %d bytes of export, want %d", len(got), len(want))
	}
}

// TestBuildPostgres builds into PostgreSQL through Cayley's SQL backend and
// compares with a bolt build: the same export, the same idempotent rebuild,
// the same replacement of a changed article and removal of another.
func TestBuildPostgres(t *testing.T) {
	t.Cleanup(pgtest.Stop) // this package's TestMain does not stop the cluster
	pg := pgtest.Database(t)
	bolt := filepath.Join(t.TempDir(), "db")
	c := newCorpus(t, 12)
	for _, db := range []string{bolt, pg} {
		_, stderr := mustRun(t, "build", "--batch", "5", "--db", db, c.dir)
		if !strings.Contains(stderr, "12 articles (12 new, 0 changed, 0 unchanged)") {
			t.Fatalf("build into %s: %s", db, stderr)
		}
	}
	compare := func(step string) {
		t.Helper()
		want, _ := mustRun(t, "export", "--db", bolt)
		got, _ := mustRun(t, "export", "--db", pg)
		if got != want {
			t.Fatalf("%s: the postgres export differs from the bolt one:\n%s\nwant\n%s", step, got, want)
		}
		wantJSON, _ := mustRun(t, "export", "--format", "jsonld", "--db", bolt)
		gotJSON, _ := mustRun(t, "export", "--format", "jsonld", "--db", pg)
		if gotJSON != wantJSON {
			t.Fatalf("%s: the postgres JSON-LD export differs from the bolt one", step)
		}
	}
	compare("build")

	_, stderr := mustRun(t, "build", "--db", pg, c.dir)
	if !strings.Contains(stderr, "0 quads added, 0 removed") {
		t.Fatalf("rebuild into postgres: %s", stderr)
	}
	c.write(t, 1)
	for _, db := range []string{bolt, pg} {
		_, stderr := mustRun(t, "build", "--db", db, c.dir)
		if !strings.Contains(stderr, "(0 new, 12 changed, 0 unchanged)") {
			t.Fatalf("changed build into %s: %s", db, stderr)
		}
		mustRun(t, "rm", "--db", db, strings.TrimSuffix(c.names[3], ".txt"))
	}
	compare("change and rm")
	wantStats, _ := mustRun(t, "stats", "--json", "--db", bolt)
	gotStats, _ := mustRun(t, "stats", "--json", "--db", pg)
	if gotStats != wantStats {
		t.Fatalf("stats differ:\n%s\nwant\n%s", gotStats, wantStats)
	}
}

// BenchmarkBuild measures whole builds (extraction included) of 300
// articles into a fresh store, in memory and in a bolt file.
func BenchmarkBuild(b *testing.B) {
	c := newCorpus(b, 300)
	ref := filepath.Join(b.TempDir(), "ref.db")
	mustRun(b, "build", "--db", ref, c.dir)
	quads := bytes.Count(exportStore(b, ref), []byte("\n"))
	for _, backend := range []string{"memory", "bolt"} {
		b.Run(backend, func(b *testing.B) {
			dir := b.TempDir()
			for i := 0; b.Loop(); i++ {
				db := graph.Memory
				if backend == "bolt" {
					db = filepath.Join(dir, fmt.Sprint(i))
				}
				mustRun(b, "-q", "build", "--db", db, c.dir)
			}
			secs := b.Elapsed().Seconds()
			b.ReportMetric(float64(quads*b.N)/secs, "quads/s")
			b.ReportMetric(float64(len(c.names)*b.N)/secs, "articles/s")
		})
	}
}

// TestProgress: on a terminal the status line is redrawn in place, messages
// clear it first and bring it back, and finish leaves a clean line; off a
// terminal there is no status at all.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&env{stderr: &buf, isTerminal: true})
	p.interval = 0
	p.update(3, 10)
	if got := buf.String(); !strings.HasPrefix(got, "\r\033[K3/10 articles, ") || !strings.HasSuffix(got, "/s") {
		t.Fatalf("status line %q", got)
	}
	buf.Reset()
	fmt.Fprintf(p, "vnkg: bad.txt: not valid UTF-8 text\n")
	if got := buf.String(); !strings.HasPrefix(got, "\r\033[Kvnkg: bad.txt: not valid UTF-8 text\n3/10 articles, ") {
		t.Fatalf("message around the status line: %q", got)
	}
	buf.Reset()
	p.finish()
	if got := buf.String(); got != "\r\033[K" {
		t.Fatalf("finish wrote %q", got)
	}

	buf.Reset()
	p = newProgress(&env{stderr: &buf, isTerminal: false})
	p.interval = 0
	p.update(3, 10)
	fmt.Fprintf(p, "message\n")
	p.finish()
	if got := buf.String(); got != "message\n" {
		t.Fatalf("off a terminal: %q", got)
	}
}
