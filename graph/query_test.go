package graph_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

// The query fixture, drawn (labels in brackets are the quads' documents):
//
//	doc/a (2014-06-10)                 doc/b (2016-08-17)
//	  vịnh -rank-> trung-tướng           vịnh -rank-> thượng-tướng
//	  vịnh -name-> "Nguyễn Chí Vịnh"     vịnh -name-> "Nguyễn Chí Vịnh"
//	                                     hội-nghị -chair-> thanh
//	                                     hội-nghị -attendee-> vịnh
func queryFixture() []quad.Quad {
	id := func(kind, key string) quad.IRI { return quad.IRI(vocab.ID + kind + "/" + key) }
	docA, docB := id("doc", "a"), id("doc", "b")
	date := func(s string) quad.Value { return quad.TypedString{Value: quad.String(s), Type: vocab.XSDDate} }
	vinh, thanh := id("person", "nguyễn-chí-vịnh"), id("person", "phùng-quang-thanh")
	ev := id("event", "hội-nghị")
	name, rank := quad.IRI(vocab.Name), quad.IRI(vocab.Rank)
	return []quad.Quad{
		quad.Make(docA, quad.IRI(vocab.DatePublished), date("2014-06-10"), docA),
		quad.Make(docB, quad.IRI(vocab.DatePublished), date("2016-08-17"), docB),
		quad.Make(vinh, name, quad.String("Nguyễn Chí Vịnh"), docA),
		quad.Make(vinh, rank, id("rank", "trung-tướng"), docA),
		quad.Make(vinh, name, quad.String("Nguyễn Chí Vịnh"), docB),
		quad.Make(vinh, rank, id("rank", "thượng-tướng"), docB),
		quad.Make(thanh, name, quad.String("Phùng Quang Thanh"), docB),
		quad.Make(ev, quad.IRI(vocab.Chair), thanh, docB),
		quad.Make(ev, quad.IRI(vocab.Attendee), vinh, docB),
		quad.Make(id("rank", "trung-tướng"), name, quad.String("Trung tướng"), quad.IRI(vocab.GazetteerLabel)),
		quad.Make(id("rank", "thượng-tướng"), name, quad.String("Thượng tướng"), quad.IRI(vocab.GazetteerLabel)),
	}
}

func openQueryStore(t testing.TB) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Memory)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var deltas []cgraph.Delta
	for _, q := range queryFixture() {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	if err := s.QuadStore().ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		t.Fatal(err)
	}
	return s
}

// show renders a result compactly: nodes in N-Quads syntax, fields sorted.
func show(v any) string {
	switch v := v.(type) {
	case graph.Result:
		if f, ok := v.Fields(); ok {
			return show(f)
		}
		return show(v.Value)
	case graph.Node:
		return v.NQuad()
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ":" + show(v[k])
		}
		return "{" + strings.Join(parts, " ") + "}"
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = show(e)
		}
		return "[" + strings.Join(parts, " ") + "]"
	case string:
		return fmt.Sprintf("%q", v)
	}
	return fmt.Sprint(v)
}

const (
	vinh  = "<https://w3id.org/vnkg/id/person/nguyễn-chí-vịnh>"
	thanh = "<https://w3id.org/vnkg/id/person/phùng-quang-thanh>"
	docA  = "<https://w3id.org/vnkg/id/doc/a>"
	docB  = "<https://w3id.org/vnkg/id/doc/b>"
)

var queryTests = []struct {
	message string
	query   string
	limit   int
	expect  []string // show() of each result, in order
	last    string   // show() of Results.Last, "" for none
	err     error    // an error that the query's error must match
}{
	{
		message: "get a vertex",
		query:   `g.V("` + vinh + `").all()`,
		expect:  []string{"{id:" + vinh + "}"},
	},
	{
		message: "follow a predicate to a literal",
		query:   `g.V("` + vinh + `").out("<https://schema.org/name>").all()`,
		// One result for each quad: two documents state the name.
		expect: []string{`{id:"Nguyễn Chí Vịnh"}`, `{id:"Nguyễn Chí Vịnh"}`},
	},
	{
		message: "unique",
		query:   `g.V("` + vinh + `").out("<https://schema.org/name>").unique().all()`,
		expect:  []string{`{id:"Nguyễn Chí Vịnh"}`},
	},
	{
		message: "tags and back",
		query: `g.V().has("<https://w3id.org/vnkg/ns#chair>").tag("event")
			.out("<https://w3id.org/vnkg/ns#chair>").tag("chair").back("event")
			.out("<https://schema.org/attendee>").all()`,
		expect: []string{"{chair:" + thanh + " event:<https://w3id.org/vnkg/id/event/hội-nghị> id:" + vinh + "}"},
	},
	{
		message: "labelContext reads one document's facts",
		query:   `g.V("` + vinh + `").labelContext("` + docA + `").out("<https://w3id.org/vnkg/ns#rank>").labelContext(null).out("<https://schema.org/name>").all()`,
		expect:  []string{`{id:"Trung tướng"}`},
	},
	{
		message: "labelContext tags the document of each fact",
		query: `g.V("` + vinh + `").labelContext(["` + docA + `", "` + docB + `"], "doc")
			.out("<https://w3id.org/vnkg/ns#rank>").labelContext(null).out("<https://schema.org/name>").all()`,
		expect: []string{
			`{doc:` + docA + ` id:"Trung tướng"}`,
			`{doc:` + docB + ` id:"Thượng tướng"}`,
		},
	},
	{
		message: "typed literals come back as nodes",
		query:   `g.V("` + docA + `").out("<https://schema.org/datePublished>").all()`,
		expect:  []string{`{id:"2014-06-10"^^<http://www.w3.org/2001/XMLSchema#date>}`},
	},
	{
		message: "emit a scalar and an object",
		query:   `g.emit("hello"); g.emit({n: 2, ok: true, list: [1, "a"]})`,
		expect:  []string{`"hello"`, `{list:[1 "a"] n:2 ok:true}`},
	},
	{
		message: "emitted toArray and toValue values become nodes",
		query: `var d = g.V("` + docB + `").out("<https://schema.org/datePublished>").toValue();
			var ids = g.V("` + vinh + `").labels().toArray();
			ids.sort();
			g.emit({date: d, docs: ids})`,
		expect: []string{`{date:"2016-08-17"^^<http://www.w3.org/2001/XMLSchema#date> docs:[` + docA + ` ` + docB + `]}`},
	},
	{
		message: "emitted tagArray rows",
		query: `g.V("` + vinh + `").tag("p").out("<https://w3id.org/vnkg/ns#rank>").tagArray()
			.sort(function(a, b) { return a.id < b.id ? -1 : 1 })
			.forEach(function(r) {
				g.emit({person: r.p, rank: r.id})
			})`,
		expect: []string{
			"{person:" + vinh + " rank:<https://w3id.org/vnkg/id/rank/thượng-tướng>}",
			"{person:" + vinh + " rank:<https://w3id.org/vnkg/id/rank/trung-tướng>}",
		},
	},
	{
		message: "the last expression's value",
		query:   `g.V().has("<https://schema.org/name>").unique().count()`,
		last:    "4",
	},
	{
		message: "a path as the last expression is not a value",
		query:   `g.V()`,
	},
	{
		message: "limit truncates",
		query:   `for (var i = 0; ; i++) { g.emit(i) }`,
		limit:   3,
		expect:  []string{"0", "1", "2"},
	},
	{
		message: "getLimit",
		query:   `g.V().has("<https://schema.org/name>").getLimit(1)`,
		expect:  []string{"{id:<https://w3id.org/vnkg/id/person/nguyễn-chí-vịnh>}"},
	},
	{
		message: "syntax error",
		query:   `g.V(`,
		err:     graph.ErrSyntax,
	},
	{
		message: "runtime error",
		query:   `throw new Error("boom")`,
		err:     errors.New("boom"),
	},
}

func TestQuery(t *testing.T) {
	s := openQueryStore(t)
	ctx := context.Background()
	for _, tt := range queryTests {
		t.Run(tt.message, func(t *testing.T) {
			res, err := s.Query(ctx, tt.query, graph.QueryOptions{Timeout: 10 * time.Second, Limit: tt.limit})
			if tt.err != nil {
				if err == nil || !errors.Is(err, tt.err) && !strings.Contains(err.Error(), tt.err.Error()) {
					t.Fatalf("error = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range res.Rows {
				got = append(got, show(r))
			}
			if strings.Join(got, "\n") != strings.Join(tt.expect, "\n") {
				t.Errorf("results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.expect, "\n"))
			}
			var last string
			if res.Last != nil {
				last = show(res.Last)
			}
			if last != tt.last {
				t.Errorf("last = %q, want %q", last, tt.last)
			}
			if want := tt.limit > 0 && len(tt.expect) == tt.limit; res.Truncated != want {
				t.Errorf("truncated = %v, want %v", res.Truncated, want)
			}
		})
	}
}

// TestQueryAfterInterrupt holds the reason Query makes a session per query:
// in Cayley's REPL, once a query is interrupted every later one fails with
// "iterator closed".
func TestQueryAfterInterrupt(t *testing.T) {
	s := openQueryStore(t)
	ctx := context.Background()
	again := func(t *testing.T) {
		t.Helper()
		res, err := s.Query(ctx, `g.V("`+vinh+`").out("<https://schema.org/name>").unique().all()`, graph.QueryOptions{Timeout: 10 * time.Second})
		if err != nil {
			t.Fatalf("query after an interrupted one: %v", err)
		}
		if len(res.Rows) != 1 {
			t.Fatalf("query after an interrupted one: %d results, want 1", len(res.Rows))
		}
	}

	t.Run("timeout", func(t *testing.T) {
		start := time.Now()
		_, err := s.Query(ctx, `while (true) {}`, graph.QueryOptions{Timeout: 100 * time.Millisecond})
		if !errors.Is(err, graph.ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("error = %v, want ErrTimeout and DeadlineExceeded", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("a 100ms timeout took %v", d)
		}
		again(t)
		again(t) // and a normal query after a normal one
	})

	t.Run("cancel", func(t *testing.T) {
		before := runtime.NumGoroutine()
		cctx, cancel := context.WithCancel(ctx)
		time.AfterFunc(100*time.Millisecond, cancel)
		_, err := s.Query(cctx, `var i = 0; while (true) { i++ }`, graph.QueryOptions{})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("error = %v, want context.Canceled", err)
		}
		// The VM's goroutine has ended: the loop really stopped.
		deadline := time.Now().Add(2 * time.Second)
		for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if n := runtime.NumGoroutine(); n > before {
			t.Errorf("%d goroutines after the cancelled query, %d before: the script still runs", n, before)
		}
		again(t)
	})

	t.Run("cancel a traversal", func(t *testing.T) {
		// A script that spends its time in Go (the store's iterators) rather
		// than in JavaScript stops too.
		cctx, cancel := context.WithCancel(ctx)
		time.AfterFunc(100*time.Millisecond, cancel)
		start := time.Now()
		_, err := s.Query(cctx, `while (true) { g.V().out().in().out().in().count() }`, graph.QueryOptions{})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("error = %v, want context.Canceled", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("cancelling took %v", d)
		}
		again(t)
	})
}

func TestNodeJSON(t *testing.T) {
	tests := []struct {
		node graph.Node
		want string
	}{
		{graph.Node{Kind: graph.IRINode, Value: "https://w3id.org/vnkg/id/person/x"}, `{"@id":"https://w3id.org/vnkg/id/person/x"}`},
		{graph.Node{Kind: graph.BlankNode, Value: "b1"}, `{"@id":"_:b1"}`},
		{graph.Node{Kind: graph.LiteralNode, Value: "Thượng tướng"}, `"Thượng tướng"`},
		{graph.Node{Kind: graph.LiteralNode, Value: "2", Datatype: vocab.XSDInteger}, `2`},
		{graph.Node{Kind: graph.LiteralNode, Value: "2016-08-17", Datatype: vocab.XSDDate}, `{"@type":"http://www.w3.org/2001/XMLSchema#date","@value":"2016-08-17"}`},
		{graph.Node{Kind: graph.LiteralNode, Value: "x", Lang: "vi"}, `{"@language":"vi","@value":"x"}`},
	}
	for _, tt := range tests {
		b, err := tt.node.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tt.want {
			t.Errorf("%#v: %s, want %s", tt.node, b, tt.want)
		}
	}
}
