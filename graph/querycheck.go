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
	depth, line := 0, 1
	var quote byte
	lineComment, blockComment := false, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\n' {
			line++
		}
		switch {
		case lineComment:
			if c == '\n' {
				lineComment = false
			}
		case blockComment:
			if c == '*' && i+1 < len(src) && src[i+1] == '/' {
				blockComment = false
				i++
			}
		case quote != 0:
			switch c {
			case '\\':
				if i+1 < len(src) && src[i+1] == '\n' {
					line++
				}
				i++
			case quote:
				quote = 0
			case '\n':
				if quote != '`' {
					quote = 0 // an unclosed string: the parser will say so
				}
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			lineComment = true
			i++
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			blockComment = true
			i++
		case c == '"' || c == '\'' || c == '`':
			quote = c
		case c == '(' || c == '[' || c == '{':
			depth++
			if depth > MaxQueryNesting {
				return fmt.Errorf("%w: line %d: brackets nested more than %d deep", ErrSyntax, line, MaxQueryNesting)
			}
		case c == ')' || c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return nil
}
