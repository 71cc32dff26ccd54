package graph

import (
	"fmt"
	"unicode/utf8"
)

// Limits that CheckQuery enforces before a query reaches Gizmo's parser.
const (
	// MaxQuerySize is the longest query source accepted, in bytes (Cayley's
	// own HTTP API takes 1 MiB).
	MaxQuerySize = 1 << 20
	// MaxQueryNesting is how deep brackets ((), [], {}) may nest. Real
	// queries nest a handful deep; goja's recursive-descent parser
	// overflows the goroutine stack (a fatal error no recover catches) on
	// programs nested some ten thousand deep, so this is far from both.
	MaxQueryNesting = 256
)

// CheckQuery does the cheap checks that give a clear message for a query
// that would otherwise take the parser down: not UTF-8, too long, brackets
// nested too deep. The error wraps ErrSyntax and says where. It is a first
// line only: other hostile programs (a nesting of unary operators, a cyclic
// result) are not caught here (type errors in Gizmo calls are caught by the
// prelude of gizmocheck.go), which is why vnkg runs user queries in a worker
// process (cmd/vnkg/internal/gizmoproc).
func CheckQuery(src string) error {
	if len(src) > MaxQuerySize {
		return fmt.Errorf("%w: the query is %d bytes long; at most %d are accepted", ErrSyntax, len(src), MaxQuerySize)
	}
	if !utf8.ValidString(src) {
		return fmt.Errorf("%w: the query is not valid UTF-8", ErrSyntax)
	}
	depth := 0
	var err error
	ScanGizmo(src, func(_ int, c byte, line int) bool {
		switch c {
		case '(', '[', '{':
			depth++
			if depth > MaxQueryNesting {
				err = fmt.Errorf("%w: line %d: brackets nested more than %d deep", ErrSyntax, line, MaxQueryNesting)
				return false
			}
		case ')', ']', '}':
			if depth > 0 {
				depth--
			}
		}
		return true
	})
	return err
}
