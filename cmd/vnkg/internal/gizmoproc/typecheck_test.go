package gizmoproc_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/vnkg/vnkg/cmd/vnkg/internal/gizmoproc"
	"github.com/vnkg/vnkg/graph"
)

// illTyped are queries that call Gizmo's functions with arguments of the
// wrong type; before graph's argument checks, many of them panicked inside
// Cayley and took the worker down.
var illTyped = []struct{ src, msg string }{
	{`g.V(iri(5)).all()`, "type error: iri() expects a string (an IRI), got the number 5 (line 1)"},
	{"var n = 5;\ng.V(iri(n)).all()", "iri() expects a string (an IRI), got the number 5 (line 2)"},
	{`g.V("x").Out(function(){}).all()`, ".Out() expects a predicate (a string such as \"<https://schema.org/name>\", a node value, a list of them, or a path) as its first argument, got a function (line 1)"},
	{`g.V().has(5).all()`, ".has() expects a predicate (a string, a node value or a path) as its first argument, got the number 5"},
	{`g.V().Out({}).all()`, ".Out() expects a predicate"},
	{`g.V().out([1, 2]).all()`, "got an array"},
	{`g.V().tag(5).all()`, ".tag() expects a tag name (a string, or a list of strings) as its first argument, got the number 5"},
	{`g.V().as(["a", 1]).all()`, ".as() expects a tag name"},
	{`g.V().out("<p>", 7).all()`, ".out() expects a tag name (a string, or a list of strings) as its second argument, got the number 7"},
	{`g.Emitt({a: 1})`, "type error: Emitt is not a function or method of Gizmo"},
	{"g.V().all()\ng.V().Alll()", "Alll is not a function or method of Gizmo (names are case-sensitive: g.V(), g.emit(), .out(), .all() …) (line 2)"},
	{`g.emit(function(){})`, "g.emit() expects a value made of strings"},
	{`g.emit(g.V())`, "g.emit() expects a value, not a path"},
	{`g.V().follow("x").all()`, ".follow() expects a path (made by g.V() or g.M()) as its first argument, got the string \"x\""},
	{`g.V().limit("10").all()`, ".limit() expects a count (a whole number, 0 or more) as its first argument, got the string \"10\""},
	{`g.V().skip(-1).all()`, ".skip() expects a count"},
	{`g.V().getLimit({})`, ".getLimit() expects a count"},
	{`g.V().back(3).all()`, ".back() expects a tag name (a string)"},
	{`g.V().save("<p>", 3).all()`, ".save() expects a tag name (a string) as its second argument, got the number 3"},
	{`g.V().filter("x").all()`, ".filter() expects a filter"},
	{`g.V().has("<p>", lt({})).all()`, "lt() expects a node or a literal"},
	{`g.V().has("<p>", {}).all()`, ".has() expects a node or a literal"},
	{`g.V(lang("x", 5)).all()`, "lang() expects a string as its second argument, got the number 5"},
	{`g.V().forEach(5)`, ".forEach() expects a function as its first argument, got the number 5"},
	{`g.V().and(g).all()`, ".and() expects a path"},
	{`g.V({}).all()`, "g.V() expects a node or a literal"},
	{`g.V().followRecursive().all()`, ".followRecursive() expects a predicate or a path to follow, got 0 arguments"},
	{`g.V().intersect().all()`, ".intersect() expects one argument"},
	{`g.IRI(5)`, "g.IRI() expects a string"},
	{`like(5)`, "like() expects a string"},
	{`regex("a", "b")`, "regex() expects a boolean"},
	{`var o = {}; o.o = o; g.emit(o)`, "g.emit() expects a value without cycles"},
	{`function f() { return g.V().out(null, 9) }` + "\n\n" + `f().all()`, "(line 1)"},
}

func TestTypeErrorsAnswerWithoutRestart(t *testing.T) {
	db := store(t)
	p, err := gizmoproc.New(db, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	ctx := context.Background()
	opts := graph.QueryOptions{Timeout: 5 * time.Second, Limit: 100}
	if _, err := p.Query(ctx, normal, opts); err != nil {
		t.Fatal(err)
	}
	started := p.Started()
	for _, tc := range illTyped {
		t.Run(tc.src, func(t *testing.T) {
			_, err := p.Query(ctx, tc.src, opts)
			if !errors.Is(err, graph.ErrType) {
				t.Fatalf("err = %v, want a graph.ErrType", err)
			}
			if errors.Is(err, gizmoproc.ErrCrashed) {
				t.Fatalf("the worker crashed: %v", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.msg) {
				t.Errorf("message\n%s\ndoes not contain\n%s", msg, tc.msg)
			}
			if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "type error: ") {
				t.Errorf("message %q is not one line starting with \"type error: \"", msg)
			}
			if n := p.Started(); n != started {
				t.Errorf("the query started a new worker (%d started, was %d)", n, started)
			}
		})
	}
	// The worker still answers.
	res, err := p.Query(ctx, normal, opts)
	if err != nil || len(res.Rows) != 1 {
		t.Fatalf("normal query after the type errors: %v rows, err %v", len(res.Rows), err)
	}
	if n := p.Started(); n != started {
		t.Errorf("%d workers started, want %d", n, started)
	}
}
