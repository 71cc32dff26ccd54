package main

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzIncomplete: the REPL's test for "this Gizmo needs more lines" never
// panics, and a complete query stays complete when a comment line is added
// after it (what a user types next cannot make the earlier lines "open").
func FuzzIncomplete(f *testing.F) {
	for _, s := range []string{
		"g.V().all()", "g.V(\n", "g.V().\n", "`abc", "/* x", "'a\nb'", "g.V('a\\'b')", "{[(", ")))",
		"// c\ng.V()", `g.V("Ngô Xuân Lịch").out()`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		a := incomplete(src)
		if a != incomplete(src) {
			t.Fatal("not deterministic")
		}
		// Closing every bracket cannot make a balanced program need more lines.
		if !strings.ContainsAny(src, "\"'`/\\") && !a {
			if incomplete(src+"\n"+")") && strings.Count(src, "(") <= strings.Count(src, ")") {
				t.Fatalf("%q is complete but %q is not", src, src+"\n)")
			}
		}
	})
}

// FuzzSplitArgs: splitting a :run line never panics; a line of plain words
// splits into exactly those words; an argument quoted by the rules comes back
// whole.
func FuzzSplitArgs(f *testing.F) {
	for _, s := range []string{"person-timeline \"Ngô Xuân Lịch\"", "a 'b c' d", `a\ b`, "'open", `"x\"y"`, "", "  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) { // lines come from the terminal as UTF-8
			return
		}
		args, err := splitArgs(s)
		if err != nil {
			return
		}
		if !strings.ContainsAny(s, "\"'\\") {
			if want := strings.Fields(s); strings.Join(args, "\x00") != strings.Join(want, "\x00") {
				t.Fatalf("splitArgs(%q) = %q, want %q", s, args, want)
			}
		}
		if !strings.ContainsAny(s, "'") {
			quoted := "'" + s + "'"
			got, err := splitArgs(quoted)
			if err != nil || len(got) != 1 || got[0] != s {
				t.Fatalf("splitArgs(%q) = %q, %v; want [%q]", quoted, got, err, s)
			}
		}
	})
}

// FuzzCompleteGizmo: Tab completion never panics, whatever the line and the
// cursor, and what it returns puts the line back together: head is a prefix
// of the text before the cursor and tail a suffix of the text after it (inside
// a string, a completion replaces the rest of the string through its quote).
func FuzzCompleteGizmo(f *testing.F) {
	for _, s := range []string{"g.V().ou", ":run per", `g.V("schema:na`, "gr", "", `g.V().has("<https://sch`, "ạ́"} {
		f.Add(s, len([]rune(s)))
	}
	f.Fuzz(func(t *testing.T, line string, pos int) {
		if !utf8.ValidString(line) || pos < 0 {
			return
		}
		head, completions, tail := completeGizmo(line, pos)
		rs := []rune(line)
		if pos > len(rs) {
			pos = len(rs)
		}
		before, after := string(rs[:pos]), string(rs[pos:])
		if !strings.HasSuffix(after, tail) {
			t.Fatalf("completeGizmo(%q, %d): tail %q is not a suffix of %q", line, pos, tail, after)
		}
		if !strings.HasPrefix(before, head) {
			t.Fatalf("completeGizmo(%q, %d): head %q is not a prefix of %q", line, pos, head, before)
		}
		for _, c := range completions {
			if !utf8.ValidString(c) {
				t.Fatalf("completion %q is not valid UTF-8", c)
			}
		}
	})
}
