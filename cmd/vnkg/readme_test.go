package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestREADME runs the README's examples as a shell session and checks that
// they print what the README shows, so that the README cannot drift from the
// program. A block of the README is an example when it is fenced with ```
// and its first line starts with "$ "; each "$ " line is run by bash in one
// scratch directory (a copy of nothing: the repository's data, docs and
// queries are linked in), in order, with a freshly built vnkg on $PATH and
// as ./vnkg. The lines after a command are its expected output (stdout and
// stderr together): each must match an output line in order, with
// durations ("16ms", "1.014s") matching any duration, "..." within a line
// matching any text, and a line "..." matching any run of lines. A block after the HTML comment
// "<!-- readme-test: skip (why) -->" is not run (the REPL's terminal
// session: TestReplTerminal runs that one for real).
//
// The commands "go build -o vnkg ./cmd/vnkg" and "go test ./..." are not
// run (the test has built vnkg, and is one of the tests); "go run
// ./cmd/vnkg" runs the built vnkg. PostgreSQL examples use $VNKG_PG, which
// the test points at a fresh database of the test cluster.
func TestREADME(t *testing.T) {
	if testing.Short() {
		t.Skip("the README session builds vnkg and Cayley's CLI (-short)")
	}
	blocks := readmeExamples(t, "../../README.md")
	if len(blocks) < 8 {
		t.Fatalf("found %d examples in the README; the parser looks broken", len(blocks))
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	bin := vnkgBinary(t)
	work := t.TempDir()
	for _, d := range []string{"data", "docs", "queries", "go.mod", "go.sum", "cmd", "graph", "extract", "bench"} {
		if err := os.Symlink(filepath.Join(repo, d), filepath.Join(work, d)); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(bin, filepath.Join(work, "vnkg")); err != nil {
		t.Fatal(err)
	}
	// HOME is the scratch directory (the REPL's history, Cayley's files), so
	// Go's own directories are named, or go tool cayley would fetch modules anew.
	goEnv, err := exec.Command("go", "env", "GOPATH", "GOMODCACHE", "GOCACHE").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	gp := strings.Split(strings.TrimSpace(string(goEnv)), "\n")
	env := append(os.Environ(), "GOPATH="+gp[0], "GOMODCACHE="+gp[1], "GOCACHE="+gp[2],
		"PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"VNKG_DB=", "HOME="+work, "XDG_STATE_HOME="+filepath.Join(work, ".state"), "LC_ALL=C.UTF-8")
	if needsPostgres(blocks) {
		env = append(env, "VNKG_PG="+readmePostgres(t))
	}
	ran := 0
	defer func() { t.Logf("ran %d README commands", ran) }()
	for _, b := range blocks {
		for _, c := range b.commands {
			if skipReadmeCommand(c.line) {
				continue
			}
			ran++
			line := strings.ReplaceAll(c.line, "go run ./cmd/vnkg", "./vnkg")
			cmd := exec.Command("bash", "-c", line)
			cmd.Dir, cmd.Env = work, env
			out, err := cmd.CombinedOutput()
			if err != nil && len(c.want) == 0 {
				t.Errorf("README.md:%d: %s: %v\n%s", c.lineNo, c.line, err, out)
				continue
			}
			got := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
			if len(out) == 0 {
				got = nil
			}
			if msg := matchOutput(got, c.want); msg != "" {
				t.Errorf("README.md:%d: %s\n%s\n--- got:\n%s", c.lineNo, c.line, msg, out)
			}
		}
	}
}

type readmeCommand struct {
	lineNo int
	line   string
	want   []string
}

type readmeBlock struct{ commands []readmeCommand }

func readmeExamples(t *testing.T, path string) []readmeBlock {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var blocks []readmeBlock
	var cur *readmeBlock
	inFence, skip, first := false, false, false
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case !inFence && strings.HasPrefix(line, "<!-- readme-test: skip"):
			skip = true
		case !inFence && strings.HasPrefix(line, "```"):
			inFence, first = true, true
			cur = nil
			if strings.TrimPrefix(line, "```") != "" { // a language tag: a listing, not a session
				skip = true
			}
		case inFence && strings.HasPrefix(line, "```"):
			inFence = false
			if cur != nil {
				blocks = append(blocks, *cur)
			}
			cur, skip = nil, false
		case inFence && first:
			first = false
			if skip || !strings.HasPrefix(line, "$ ") {
				continue
			}
			cur = &readmeBlock{commands: []readmeCommand{{lineNo: n, line: strings.TrimPrefix(line, "$ ")}}}
		case inFence && cur != nil:
			if cmd, ok := strings.CutPrefix(line, "$ "); ok {
				cur.commands = append(cur.commands, readmeCommand{lineNo: n, line: cmd})
			} else {
				last := &cur.commands[len(cur.commands)-1]
				last.want = append(last.want, line)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return blocks
}

func skipReadmeCommand(line string) bool {
	return strings.HasPrefix(line, "go build -o vnkg ./cmd/vnkg") || strings.HasPrefix(line, "go test ")
}

func needsPostgres(blocks []readmeBlock) bool {
	for _, b := range blocks {
		for _, c := range b.commands {
			if strings.Contains(c.line, "$VNKG_PG") {
				return true
			}
		}
	}
	return false
}

// duration matches what the README writes as a duration, and what it stands for.
var duration = regexp.MustCompile(`[0-9]+(\.[0-9]+)?(ns|µs|ms|s|m)\b`)

// lineRE turns a line the README shows into a pattern for the line printed.
func lineRE(want string) *regexp.Regexp {
	var b strings.Builder
	for i, piece := range strings.Split(want, "...") {
		if i > 0 {
			b.WriteString(".*")
		}
		parts := duration.Split(piece, -1)
		for j, p := range parts {
			parts[j] = regexp.QuoteMeta(p)
		}
		b.WriteString(strings.Join(parts, `[0-9]+(\.[0-9]+)?(ns|µs|ms|s|m)`))
	}
	return regexp.MustCompile("^" + b.String() + "$")
}

// matchOutput matches got against want, in order; "..." in want stands for
// any run of lines (none included). It returns "" or what did not match.
func matchOutput(got, want []string) string {
	var match func(g, w int) bool
	memo := map[[2]int]bool{}
	match = func(g, w int) bool {
		key := [2]int{g, w}
		if v, ok := memo[key]; ok {
			return v
		}
		var ok bool
		switch {
		case w == len(want):
			ok = g == len(got)
		case strings.TrimSpace(want[w]) == "...":
			ok = match(g, w+1) || (g < len(got) && match(g+1, w))
		default:
			ok = g < len(got) && lineRE(want[w]).MatchString(got[g]) && match(g+1, w+1)
		}
		memo[key] = ok
		return ok
	}
	if match(0, 0) {
		return ""
	}
	// Say where it went wrong: the first wanted line that no printed line matches.
	for _, w := range want {
		if strings.TrimSpace(w) == "..." {
			continue
		}
		re, found := lineRE(w), false
		for _, g := range got {
			if re.MatchString(g) {
				found = true
				break
			}
		}
		if !found {
			return "no printed line matches: " + w
		}
	}
	return "the printed lines are not in the README's order, or there are more of them"
}
