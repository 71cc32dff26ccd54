package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
)

func init() {
	register(command{name: "version", summary: "print the version (module version, VCS revision, Go)", run: runVersion})
}

func runVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "version", "", "Prints vnkg's module version, the VCS revision it was built from (with\n\"+dirty\" when the tree had changes), the commit time and the Go version.")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("%w: version takes no arguments", errUsage)
	}
	writeVersion(e.stdout)
	return nil
}

// writeVersion prints what the binary knows of its own build.
func writeVersion(w io.Writer) {
	version, revision, when := "(devel)", "unknown", ""
	if info, ok := debug.ReadBuildInfo(); ok {
		if v := info.Main.Version; v != "" {
			version = v
		}
		dirty := false
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if dirty {
			revision += "+dirty"
		}
	}
	fmt.Fprintf(w, "vnkg %s\nrevision %s\n", version, revision)
	if when != "" {
		fmt.Fprintf(w, "committed %s\n", when)
	}
	fmt.Fprintf(w, "%s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// suggestCommand names the commands closest to a mistyped one, as
// ` (did you mean "build"?)`, or "" when none is close.
func suggestCommand(name string) string {
	var near []string
	for n := range commands {
		if strings.HasPrefix(n, name) || editDistance(n, name) <= 2 {
			near = append(near, n)
		}
	}
	if len(near) == 0 {
		return ""
	}
	sort.Strings(near)
	return fmt.Sprintf(" (did you mean %q?)", strings.Join(near, `" or "`))
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	return runeDistance(ra, rb, max(len(ra), len(rb)))
}
