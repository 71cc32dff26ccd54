package graph

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/dop251/goja"
)

// ErrType is returned for a query that called a Gizmo function with an
// argument of the wrong type (g.V(iri(5)), .out({}), .tag(5)) or called what
// is not a function (g.emitt(…)). The message is one line: the function, the
// argument, what it expects, what it got, and the line of the call.
var ErrType = errors.New("type error")

// noMember is goja's message for a call of a member an object lacks.
var noMember = regexp.MustCompile(`^Object has no member '(.*)'$`)

// gizmoPrelude wraps Gizmo's functions with argument checks (gizmocheck.js).
//
// Cayley binds Gizmo's functions to Go with goja's reflection, and many of
// them panic on an argument of the wrong type (toStrings, toVia: "expected
// string, got: int64"), in the goroutine Cayley starts for the script, where
// no caller can recover it: the process ends. The prelude checks every
// argument in JavaScript first and throws a TypeError instead, so that the
// panic is never reached; the worker process of cmd/vnkg/internal/gizmoproc
// remains the last line of defence for what it does not foresee.
//
//go:embed gizmocheck.js
var gizmoPrelude string

// checkedProgram is the program Gizmo runs for the user's script src: the
// prelude, then src in a direct eval (its variables and functions are
// global, as in a script of its own, and its line numbers are its own),
// whose completion value is the program's.
func checkedProgram(src string) string {
	lit, _ := json.Marshal(src) // a string always marshals; \u2028 and \u2029 are escaped
	return gizmoPrelude + "\n__vnkgRun(this)(eval(" + string(lit) + "));\n"
}

// compileCheck compiles src as Cayley would, so that a syntax error names
// the user's line and column (not those of the program checkedProgram makes).
func compileCheck(src string) error {
	if _, err := goja.Compile("", src, false); err != nil {
		return fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	return nil
}

// typeError turns a JavaScript TypeError that ended a script into an error
// matching ErrType, with a one-line message; ok is false for other errors.
func typeError(err error) (error, bool) {
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		return nil, false
	}
	obj, isObj := ex.Value().(*goja.Object)
	if !isObj || obj.Get("name") == nil || obj.Get("name").String() != "TypeError" {
		return nil, false
	}
	msg := ""
	if m := obj.Get("message"); m != nil {
		msg = m.String()
	}
	msg, _, _ = strings.Cut(msg, "\n")
	if m := noMember.FindStringSubmatch(msg); m != nil {
		msg = m[1] + " is not a function or method of Gizmo (names are case-sensitive: g.V(), g.emit(), .out(), .all() …)"
	}
	if v := obj.Get("vnkgType"); v == nil || !v.ToBoolean() {
		// goja's own ("g.emitt is not a function"): the line is the
		// innermost frame's.
		if st := ex.Stack(); len(st) > 0 {
			if line := st[0].Position().Line; line > 0 {
				msg += fmt.Sprintf(" (line %d)", line)
			}
		}
	}
	return fmt.Errorf("%w: %s", ErrType, msg), true
}
