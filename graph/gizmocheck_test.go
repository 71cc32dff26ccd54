package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/queries"
	"github.com/vnkg/vnkg/queries/querytest"
)

const (
	qVinh   = `"<https://w3id.org/vnkg/id/person/nguyễn-chí-vịnh>"`
	qName   = `"<https://schema.org/name>"`
	qRank   = `"<https://w3id.org/vnkg/ns#rank>"`
	qType   = `"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"`
	qPerson = `"<https://schema.org/Person>"`
)

// wellTyped are queries whose arguments are all of the right type: the
// argument checks must not change their answers.
var wellTyped = []string{
	`g.V(` + qVinh + `).out(` + qName + `).all()`,
	`g.V(` + qVinh + `).Out(` + qName + `).All()`,
	`graph.Vertex(` + qVinh + `).out([` + qName + `, ` + qRank + `]).all()`,
	`g.V(` + qVinh + `).out(` + qName + `, "pred").all()`,
	`g.V(iri("https://w3id.org/vnkg/id/person/nguyễn-chí-vịnh")).out(iri("https://schema.org/name")).all()`,
	`g.V(` + qVinh + `).out(null, "p").limit(3).all()`,
	`g.V(` + qVinh + `).out(g.V(` + qName + `), "p").all()`,
	`g.V(` + qVinh + `).both().unique().count()`,
	`g.V().has(` + qType + `, ` + qPerson + `).out(` + qName + `).order().all()`,
	`g.V().hasR(` + qRank + `).unique().all()`,
	`g.V().has(` + qName + `, regex("Vịnh")).all()`,
	`g.V().has(` + qName + `, like("Nguyễn%")).all()`,
	`g.V().out(` + qName + `).filter(regex("^Ng"), like("%h")).all()`,
	`g.V().has(` + qType + `, ` + qPerson + `).tag("p").out(` + qRank + `).tag("r").back("p").all()`,
	`g.V().has(` + qType + `, ` + qPerson + `).as("p", "q").out(` + qName + `).all()`,
	`g.V().has(` + qType + `, ` + qPerson + `).save(` + qName + `, "n").saveR(` + qRank + `, "x").all()`,
	`g.V().has(` + qType + `, ` + qPerson + `).saveOpt(` + qRank + `, "r").saveOptR(` + qName + `, "y").getLimit(5)`,
	`var m = g.M().out(` + qRank + `); g.V(` + qVinh + `).follow(m).all()`,
	`var m = g.Morphism().out(` + qRank + `); g.V().has(` + qType + `, ` + qPerson + `).follow(m).followR(m).unique().all()`,
	`g.V(` + qVinh + `).followRecursive(` + qRank + `, 2).all()`,
	`g.V(` + qVinh + `).followRecursive(g.M().out(` + qRank + `), "d").all()`,
	`var a = g.V().has(` + qType + `, ` + qPerson + `); a.and(g.V(` + qVinh + `)).intersect(a).union(g.V(` + qVinh + `)).or(a).all()`,
	`g.V().has(` + qType + `, ` + qPerson + `).except(g.V(` + qVinh + `)).all()`,
	`g.V().has(` + qType + `, ` + qPerson + `).difference(g.V(` + qVinh + `)).all()`,
	`g.V().has(` + qType + `, ` + qPerson + `).except(g.V(` + qPerson + `)).count()`,
	`g.V(` + qVinh + `).outPredicates().all()`,
	`g.V(` + qVinh + `).inPredicates().labels().all()`,
	`g.V(` + qVinh + `).saveOutPredicates("p").saveInPredicates("q").all()`,
	`g.V(` + qVinh + `).labelContext(null).out(` + qName + `).all()`,
	`g.V().has(` + qType + `, ` + qPerson + `).skip(1).limit(2).all()`,
	`g.V().has(` + qType + `, ` + qPerson + `).toArray()`,
	`g.V().has(` + qType + `, ` + qPerson + `).tagArray(2)`,
	`g.V(` + qVinh + `).out(` + qName + `).toValue()`,
	`g.V(` + qVinh + `).tag("x").tagValue()`,
	`g.V().has(` + qType + `, ` + qPerson + `).forEach(function(d) { g.emit({id: d.id, n: 1}) })`,
	`g.V().has(` + qType + `, ` + qPerson + `).map(2, function(d) { g.Emit(d) })`,
	`g.emit([1, "a", true, null, {x: [1.5]}])`,
	`g.addNamespace("s", "https://schema.org/"); g.V(` + qVinh + `).out(g.IRI("s:name")).all()`,
	`g.V(str("Nguyễn Chí Vịnh")).in(` + qName + `).all()`,
	`g.V(lang("x", "vi"), typed("1", "http://www.w3.org/2001/XMLSchema#integer"), bnode("b"), raw("<x>")).all()`,
	`g.V().has(` + qName + `, gt("M"), lte("Z")).count()`,
	`var n = 0; for (var i = 0; i < 3; i++) { n += g.V(` + qVinh + `).out().count() }; n`,
	`function names(p) { return p.out(` + qName + `) }; names(g.V(` + qVinh + `)).all()`,
	`g.V(` + qVinh + `)`,
	`1 + 1`,
	``,
}

func TestWellTypedAnswersUnchanged(t *testing.T) {
	s := querytest.Fixture(t)
	ctx := context.Background()
	srcs := append([]string(nil), wellTyped...)
	// The named queries, with the fixture's names as their arguments.
	for _, q := range queries.All() {
		args := make([]string, len(q.Params))
		for i := range args {
			args[i] = []string{"Nguyễn Chí Vịnh", "Bộ Quốc phòng", "https://schema.org/name"}[i%3]
		}
		if src, err := q.Script(args); err == nil {
			srcs = append(srcs, src)
		}
	}
	for _, src := range srcs {
		name := src
		if len(name) > 80 {
			name = name[:80]
		}
		t.Run(name, func(t *testing.T) {
			want, wantLast, wantErr := graph.QueryUnchecked(ctx, s, src)
			if wantErr != nil {
				t.Fatalf("unchecked: %v", wantErr)
			}
			got, err := s.Query(ctx, src, graph.QueryOptions{Timeout: 20 * time.Second})
			if err != nil {
				t.Fatalf("checked: %v", err)
			}
			if diff := cmp.Diff(want, got.Rows); diff != "" {
				t.Errorf("rows differ (-unchecked +checked):\n%s", diff)
			}
			if diff := cmp.Diff(wantLast, got.Last); diff != "" {
				t.Errorf("last value differs (-unchecked +checked):\n%s", diff)
			}
		})
	}
}

// TestTypeErrorInProcess: the ill-typed queries that panicked inside
// Cayley's goroutine (which no recover can catch: the test binary would end)
// now return an ErrType in the very process that runs them.
func TestTypeErrorInProcess(t *testing.T) {
	s := querytest.Fixture(t)
	ctx := context.Background()
	for _, tc := range []struct{ src, msg string }{
		{`g.V(iri(5)).all()`, "type error: iri() expects a string (an IRI), got the number 5 (line 1)"},
		{`g.V("x").Out(function(){}).all()`, "type error: .Out() expects a predicate"},
		{`g.V().has(5).all()`, "type error: .has() expects a predicate (a string, a node value or a path) as its first argument, got the number 5 (line 1)"},
		{`g.V().Out({}).all()`, "got an object (line 1)"},
		{"\n\ng.V().tag(5).all()", ".tag() expects a tag name (a string, or a list of strings) as its first argument, got the number 5 (line 3)"},
		{`g.V().out("<p>", ["a", {}]).all()`, ".out() expects a tag name"},
		{`g.Emitt(1)`, "type error: Emitt is not a function or method of Gizmo"},
		{`g.V().save(g.V())`, ".save() expects a tag name when the predicate is a path"},
		{`g.V().followRecursive("<p>", -1).all()`, ".followRecursive() expects a depth"},
		{`var o = g.V().out; o("<p>")`, ".out() must be called on a path"},
		{`g.V("").followRecursive("").all()`, "g.V() expects a node or a literal (a string, a number, a boolean, or a value made by iri(), str() …) as its first argument, got the empty string (line 1)"},
		{`g.V().followRecursive("").all()`, ".followRecursive() expects a predicate (a string such as \"<https://schema.org/name>\", a node value, a list of them, or a path) as its first argument, got the empty string (line 1)"},
	} {
		t.Run(tc.src, func(t *testing.T) {
			_, err := s.Query(ctx, tc.src, graph.QueryOptions{Timeout: 5 * time.Second})
			if !errors.Is(err, graph.ErrType) || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("err = %v, want an ErrType containing %q", err, tc.msg)
			}
		})
	}
}

// g.V takes lists of nodes as its documentation says (Cayley's binding
// rejects them: "not a quad.Value: []interface {}").
func TestVertexList(t *testing.T) {
	s := querytest.Fixture(t)
	ctx := context.Background()
	want, err := s.Query(ctx, `g.V(`+qVinh+`, "<https://schema.org/Person>").all()`, graph.QueryOptions{})
	if err != nil || len(want.Rows) != 2 {
		t.Fatalf("g.V(a, b): %d rows, %v", len(want.Rows), err)
	}
	got, err := s.Query(ctx, `g.V([`+qVinh+`], ["<https://schema.org/Person>"]).all()`, graph.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want.Rows, got.Rows); diff != "" {
		t.Errorf("g.V([a], [b]) differs from g.V(a, b):\n%s", diff)
	}
}

// Excluding a path that matches nothing leaves the path as it is; Cayley's
// optimizer panicked on it (found by FuzzQueryText).
func TestExceptEmpty(t *testing.T) {
	s := querytest.Fixture(t)
	ctx := context.Background()
	people := `g.V().has(` + qType + `, ` + qPerson + `)`
	want, err := s.Query(ctx, people+`.all()`, graph.QueryOptions{})
	if err != nil || len(want.Rows) == 0 {
		t.Fatalf("%d rows, %v", len(want.Rows), err)
	}
	for _, m := range []string{"except", "difference", "Except"} {
		got, err := s.Query(ctx, people+`.`+m+`(g.V("<https://w3id.org/vnkg/id/person/no-one>")).all()`, graph.QueryOptions{})
		if err != nil {
			t.Fatalf("%s: %v", m, err)
		}
		if diff := cmp.Diff(want.Rows, got.Rows); diff != "" {
			t.Errorf("%s of nothing changed the rows:\n%s", m, diff)
		}
	}
}

// A syntax error names the user's line and column, not those of the
// program the prelude makes.
func TestSyntaxErrorPosition(t *testing.T) {
	s := querytest.Fixture(t)
	_, err := s.Query(context.Background(), "g.V()\n  .out(", graph.QueryOptions{})
	if !errors.Is(err, graph.ErrSyntax) || !strings.Contains(err.Error(), "Line 2:") {
		t.Fatalf("err = %v, want a syntax error on line 2", err)
	}
}

// FuzzQueryText: no query text makes Query panic or hang its caller; a type
// error is one line.
func FuzzQueryText(f *testing.F) {
	for _, src := range wellTyped {
		f.Add(src)
	}
	for _, src := range []string{
		`g.V(iri(5)).all()`, `g.V("x").Out(function(){}).all()`, `g.V().has(5).all()`,
		`g.V().Out({}).all()`, `g.V().tag(5).all()`, `g.Emit(`, `g.V().out([1]).all()`,
		`g.V().follow(1).all()`, `g.V().limit({}).all()`, `g.V(lang(1, 2)).all()`,
		`g.V().has("<p>", lt(function(){})).all()`, `g.V().save(5, 6).all()`,
		`g.V().forEach(1, 2)`, `g.V().is({}).all()`, `g.emit(Symbol())`,
		`g.V().labelContext(5).all()`, `g.V().back().all()`, `g.V().filter(1).all()`,
	} {
		f.Add(src)
	}
	s := querytest.Fixture(f)
	f.Fuzz(func(t *testing.T, src string) {
		_, err := s.Query(context.Background(), src, graph.QueryOptions{Timeout: 500 * time.Millisecond, Limit: 20})
		if errors.Is(err, graph.ErrType) {
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "type error: ") {
				t.Errorf("type error %q is not one line", msg)
			}
		}
	})
}

// BenchmarkPrelude: what the argument checks cost a query (compiling the
// prelude and the script twice, the wrapped calls), against Cayley's Gizmo
// run without them, in the same run.
func BenchmarkPrelude(b *testing.B) {
	s := querytest.Fixture(b)
	ctx := context.Background()
	for _, bc := range []struct{ name, src string }{
		{"one-hop", `g.V(` + qVinh + `).out(` + qName + `).all()`},
		{"people-names", `g.V().has(` + qType + `, ` + qPerson + `).save(` + qName + `, "n").all()`},
	} {
		b.Run(bc.name+"/unchecked", func(b *testing.B) {
			for b.Loop() {
				if _, _, err := graph.QueryUnchecked(ctx, s, bc.src); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(bc.name+"/checked", func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Query(ctx, bc.src, graph.QueryOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
