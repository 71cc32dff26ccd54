package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vnkg/vnkg/graph"
)

func TestReplComplete(t *testing.T) {
	tests := []struct {
		line string
		pos  int // in runes; -1: the end of line
		head string
		want []string // all of them, or (with some) at least these
		some bool
		tail string
	}{
		{line: "g.V().ou", pos: -1, head: "g.V().", want: []string{"out", "outPredicates"}},
		{line: "g.V().ou.all()", pos: 8, head: "g.V().", want: []string{"out", "outPredicates"}, tail: ".all()"},
		{line: "g.V().Lab", pos: -1, head: "g.V().", want: []string{"LabelContext", "Labels"}},
		{line: "g.V", pos: -1, head: "g.", want: []string{"V", "Vertex"}},
		{line: "graph.Mo", pos: -1, head: "graph.", want: []string{"Morphism"}},
		{line: "g.", pos: -1, head: "g.", want: []string{"V", "emit", "IRI"}, some: true},
		{line: "x.g.ta", pos: -1, head: "x.g.", want: []string{"tag", "tagArray", "tagValue"}},
		{line: "re", pos: -1, head: "", want: []string{"regex"}},
		{line: `g.V().out("schema:na`, pos: -1, head: `g.V().out("`, want: []string{`<https://schema.org/name>"`}},
		{line: `g.V().out("<schema:na`, pos: -1, head: `g.V().out("`, want: []string{`<https://schema.org/name>"`}},
		{line: `g.V().out('vnkg:ch`, pos: -1, head: `g.V().out('`, want: []string{`<https://w3id.org/vnkg/ns#chair>'`}},
		{line: `g.V().out("<https://w3id.org/vnkg/ns#ra`, pos: -1, head: `g.V().out("`, want: []string{`<https://w3id.org/vnkg/ns#rank>"`}},
		{line: `g.V().out("schema:name").all()`, pos: 20, head: `g.V().out("`, want: []string{`<https://schema.org/name>"`}, tail: `).all()`},
		{line: `g.V().out("sch`, pos: 14, head: `g.V().out("`, want: []string{`<https://schema.org/name>"`}, some: true},
		{line: `g.V().has("rdf:type", "schema:Pers`, pos: -1, head: `g.V().has("rdf:type", "`, want: []string{`<https://schema.org/Person>"`}},
		{line: `g.V().out("vnkg:`, pos: -1, head: `g.V().out("`, want: []string{`<https://w3id.org/vnkg/ns#rank>"`, `<https://w3id.org/vnkg/ns#holdsPosition>"`}, some: true},
		{line: `g.V("Nguyễn Chí Vịnh").ou`, pos: -1, head: `g.V("Nguyễn Chí Vịnh").`, want: []string{"out", "outPredicates"}},
		{line: ":ru", pos: -1, head: "", want: []string{":run "}},
		{line: ":run person-t", pos: -1, head: ":run ", want: []string{"person-timeline "}},
		{line: ":run person-timeline Ng", pos: -1, head: ":run person-timeline Ng", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			pos := tt.pos
			if pos < 0 {
				pos = len([]rune(tt.line))
			}
			head, got, tail := completeGizmo(tt.line, pos)
			if head != tt.head || tail != tt.tail {
				t.Errorf("head, tail = %q, %q; want %q, %q", head, tail, tt.head, tt.tail)
			}
			if tt.some {
				for _, w := range tt.want {
					if !slices.Contains(got, w) {
						t.Errorf("completions %q lack %q", got, w)
					}
				}
				return
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("completions = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestGizmoNames holds the completion's lists of Gizmo names to Gizmo: each is
// a function where the REPL offers it.
func TestGizmoNames(t *testing.T) {
	s, err := graph.Open(context.Background(), graph.Memory)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	check := func(what, expr string, names []string) {
		t.Helper()
		list := `["` + strings.Join(names, `", "`) + `"]`
		res, err := s.Query(context.Background(),
			`var p = g.V(); g.emit(`+list+`.filter(function (n) { return typeof `+expr+` !== "function" }))`,
			graph.QueryOptions{Timeout: 10 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		if got := graph.Cell(res.Rows[0].Value); got != "" {
			t.Errorf("not %s: %s", what, got)
		}
	}
	check("path methods", "p[n]", gizmoPathMethods)
	check("graph methods", "g[n]", gizmoGraphMethods)

	var types []string
	for _, n := range gizmoGlobals {
		types = append(types, fmt.Sprintf(`%q + ": " + typeof %s`, n, n))
	}
	res, err := s.Query(context.Background(), "g.emit(["+strings.Join(types, ", ")+"])", graph.QueryOptions{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range res.Rows[0].Value.([]any) {
		if s := v.(string); !strings.HasSuffix(s, ": function") && !strings.HasSuffix(s, ": object") {
			t.Errorf("global %s", s)
		}
	}
}

func TestReplIncomplete(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{`g.V().all()`, false},
		{`g.V(`, true},
		{"g.V().\n", true},
		{"g.V().", true},
		{"g.V()\n  .out()", false},
		{`g.V("(").all()`, false},
		{`g.V('[').all()`, false},
		{`g.V("\"(").all()`, false},
		{`g.V() // (`, false},
		{"g.V() /* (\n", true},
		{"g.V() /* ( */", false},
		{"var s = `a\n", true},
		{`g.V()).all()`, false},
		{"[1, 2,\n 3", true},
		{"{", true},
		{`g.V("unclosed`, false},
		{"g.V(). // more", false},
	}
	for _, tt := range tests {
		if got := incomplete(tt.src); got != tt.want {
			t.Errorf("incomplete(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

func TestSplitArgs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		err  bool
	}{
		{`person-timeline "Nguyễn Chí Vịnh"`, []string{"person-timeline", "Nguyễn Chí Vịnh"}, false},
		{`fact-sources 'Lê Văn Hùng' vnkg:rank "Đại tá"`, []string{"fact-sources", "Lê Văn Hùng", "vnkg:rank", "Đại tá"}, false},
		{`a  b\ c "d\"e" ''`, []string{"a", "b c", `d"e`, ""}, false},
		{`a "b`, nil, true},
		{``, nil, false},
	}
	for _, tt := range tests {
		got, err := splitArgs(tt.in)
		if (err != nil) != tt.err || !slices.Equal(got, tt.want) {
			t.Errorf("splitArgs(%q) = %q, %v; want %q (error %v)", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// tmuxSession is a vnkg repl running in a real terminal: a tmux session on a
// server of its own.
type tmuxSession struct {
	t      *testing.T
	tmux   string
	socket string
}

func (s *tmuxSession) cmd(args ...string) string {
	s.t.Helper()
	out, err := exec.Command(s.tmux, append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// typeText types text literally; keys sends key names (Enter, Tab, C-c).
func (s *tmuxSession) typeText(text string) {
	s.t.Helper()
	s.cmd("send-keys", "-t", "repl", "-l", text)
}
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	s.cmd(append([]string{"send-keys", "-t", "repl"}, keys...)...)
}

func (s *tmuxSession) screen() string {
	s.t.Helper()
	return s.cmd("capture-pane", "-t", "repl", "-p", "-J", "-S", "-200")
}

// waitFor waits until the screen holds want n times or more.
func (s *tmuxSession) waitFor(want string, n int) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		scr := s.screen()
		if strings.Count(scr, want) >= n {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the screen never showed %q (%d times):\n%s", want, n, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *tmuxSession) paneDead() (dead bool, status string) {
	s.t.Helper()
	out := strings.Fields(s.cmd("display-message", "-p", "-t", "repl", "#{pane_dead} #{pane_dead_status}"))
	if len(out) == 0 {
		return false, ""
	}
	if len(out) == 1 {
		return out[0] == "1", ""
	}
	return out[0] == "1", out[1]
}

// TestReplTerminal drives vnkg repl in a real terminal (tmux): completion,
// a result on screen, Ctrl-C stopping a runaway query while the REPL lives
// on, Ctrl-C clearing the prompt, multi-line input, the timeout, :q, and the
// history file.
func TestReplTerminal(t *testing.T) {
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("tmux is needed for this test (apt-get install tmux; .ci/run does): %v", err)
		}
		t.Skipf("no tmux: %v", err)
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to build vnkg: %v", err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "vnkg")
	if out, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := fixtureDB(t)
	state := filepath.Join(dir, "state")

	s := &tmuxSession{t: t, tmux: tmux, socket: fmt.Sprintf("vnkg-test-%d", os.Getpid())}
	shell := fmt.Sprintf("env HOME=%q XDG_STATE_HOME=%q TERM=xterm-256color %q repl --db %q", dir, state, bin, db)
	s.cmd("-f", "/dev/null", "new-session", "-d", "-s", "repl", "-x", "200", "-y", "50", shell)
	t.Cleanup(func() { exec.Command(tmux, "-L", s.socket, "kill-server").Run() })
	s.cmd("set-option", "-t", "repl", "remain-on-exit", "on")
	s.waitFor("vnkg> ", 1)

	// Completion: a method after ".", a predicate from its short form.
	s.typeText(`g.V("<https://w3id.org/vnkg/id/person/nguyễn-chí-vịnh>").ou`)
	s.keys("Tab")
	s.typeText(`("schema:na`)
	s.keys("Tab")
	s.typeText(`).unique().all()`)
	s.keys("Enter")
	scr := s.waitFor("(1 result", 1)
	if !strings.Contains(scr, `.out("<https://schema.org/name>").unique().all()`) {
		t.Errorf("completion did not write the query:\n%s", scr)
	}
	if !strings.Contains(scr, "\nNguyễn Chí Vịnh\n") {
		t.Errorf("the answer is not on screen:\n%s", scr)
	}

	// A query that would run for ever, stopped by Ctrl-C; the REPL lives on.
	s.typeText(`var n = 0; while (true) { n += g.V().count() }`)
	s.keys("Enter")
	time.Sleep(500 * time.Millisecond)
	if scr := s.screen(); strings.Count(scr, "vnkg> ") != 2 {
		t.Fatalf("the runaway query did not run (or ended):\n%s", scr)
	}
	s.keys("C-c")
	s.waitFor("interrupted after", 1)
	s.waitFor("vnkg> ", 3)
	if dead, _ := s.paneDead(); dead {
		t.Fatalf("Ctrl-C during a query ended the REPL:\n%s", s.screen())
	}
	s.typeText(`:run person-timeline "Phùng Quang Thanh"`)
	s.keys("Enter")
	s.waitFor("2016-08-17  Đại tướng  Bộ trưởng Bộ Quốc phòng", 1)

	// Ctrl-C at the prompt clears the line.
	s.typeText("this is not Gizmo")
	s.keys("C-c")
	s.typeText(`g.V("<https://w3id.org/vnkg/id/person/ngô-xuân-lịch>").out("<https://schema.org/name>").unique().all()`)
	s.keys("Enter")
	scr = s.waitFor("\nNgô Xuân Lịch\n", 1)
	if strings.Contains(scr, "error") {
		t.Errorf("the cleared line was run:\n%s", scr)
	}

	// Multi-line input: a line ending with "." goes on.
	s.typeText(`g.V("<https://w3id.org/vnkg/id/org/bộ-quốc-phòng>").`)
	s.keys("Enter")
	s.waitFor("  ... ", 1)
	s.typeText(`out("<https://schema.org/alternateName>").all()`)
	s.keys("Enter")
	s.waitFor("\nBQP\n", 1)

	// The per-query timeout.
	s.typeText(":timeout 300ms")
	s.keys("Enter")
	s.typeText("while (true) {}")
	s.keys("Enter")
	s.waitFor("error: query timed out after 300ms", 1)

	// :q leaves, with status 0, and the history is kept.
	s.typeText(":q")
	s.keys("Enter")
	deadline := time.Now().Add(10 * time.Second)
	for {
		dead, status := s.paneDead()
		// tmux may mark the pane dead before it records the status, and
		// sometimes records none: only a status it did record is checked
		if dead && (status != "" || time.Now().After(deadline.Add(-8*time.Second))) {
			if status != "0" && status != "" {
				t.Errorf("exit status %q after :q", status)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf(":q did not end the REPL:\n%s", s.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
	hist, err := os.ReadFile(filepath.Join(state, "vnkg", "history"))
	if err != nil {
		t.Fatalf("no history file: %v", err)
	}
	for _, want := range []string{`:run person-timeline "Phùng Quang Thanh"`, ":timeout 300ms", ":q"} {
		if !strings.Contains(string(hist), want+"\n") {
			t.Errorf("history lacks %q:\n%s", want, hist)
		}
	}
}
