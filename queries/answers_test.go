package queries_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/vnkg/vnkg/bench/corpus"
	"github.com/vnkg/vnkg/data"
	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/queries"
)

// storedRead reports whether a query's Reader took a stored answer.
func storedRead(r *graph.Reader) bool {
	for _, st := range r.Stats.Steps {
		if st.Index == "vnkg_answers" && st.Rows > 0 {
			return true
		}
	}
	return false
}

// TestStoredAnswers: the hubs' stored answers (graph/answers.go) are the
// scripts' answers row for row, read whole when current; after articles
// are removed, others rewritten and the corpus built again they are stale
// and not read (the queries still answer as the scripts), until they are
// stored again — and then equal a fresh computation.
func TestStoredAnswers(t *testing.T) {
	t.Setenv("VNKG_ANSWER_MIN_ROWS", "12")
	const n = 300
	ctx := context.Background()
	c := corpus.New(n, 3)
	s := openBolt(t)
	buildCorpus(t, "", c, n, "g", s)
	store := func(when string) graph.AnswerStats {
		t.Helper()
		st, err := queries.StoreAnswers(ctx, s)
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		if diff, err := queries.CheckAnswers(ctx, s); err != nil || diff != "" {
			t.Fatalf("%s: stored answers against a computation: %q, %v", when, diff, err)
		}
		return st
	}
	// ask runs every probe of the stored queries (and each stored answer's
	// node by its IRI) against its script; it returns how many took a
	// stored answer.
	ask := func(when string) (stored int) {
		t.Helper()
		probe := probes(c)
		answers, err := s.StoredAnswers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		byQuery := map[string]int{}
		for _, a := range answers {
			if byQuery[a.Query]++; byQuery[a.Query] > 2 {
				continue
			}
			p := []string{a.Query, "<" + a.Node.Value + ">"}
			if a.Query == "fact-sources" {
				o := a.Also[1].Value
				if a.Also[1].Kind == graph.IRINode {
					o = "<" + o + ">"
				}
				p = append(p, "<"+a.Also[0].Value+">", o)
			}
			probe = append(probe, p)
		}
		for _, p := range probe {
			if p[0] == "org-tree" {
				continue
			}
			res, r := sameAnswer(t, s, p[0], p[1:])
			if storedRead(r) {
				stored++
				if len(res.Rows) < 12 {
					t.Errorf("%s: %q: a stored answer of %d rows, fewer than the least stored", when, p, len(res.Rows))
				}
			}
		}
		return stored
	}
	st := store("built")
	if st.Answers < 4 || st.Rows == 0 || st.Bytes == 0 {
		t.Fatalf("built: %+v: too few answers stored for the test to say much", st)
	}
	t.Logf("built: %d answers, %d rows, %d bytes in %v", st.Answers, st.Rows, st.Bytes, st.Time)
	if answers, err := s.StoredAnswers(ctx); err != nil || !slices.ContainsFunc(answers, func(a graph.Answer) bool { return a.Query == "fact-sources" }) {
		t.Errorf("built: no stored answer of fact-sources (%v)", err)
	}
	if got := ask("built"); got < 4 {
		t.Errorf("built: %d probes took a stored answer, want at least 4", got)
	}
	if again := store("nothing written"); again.Answers != 0 {
		t.Errorf("nothing written since: %d answers stored again, want none", again.Answers)
	}
	for i := 0; i < n; i += 3 {
		if _, err := s.RemoveDocument(ctx, fmt.Sprintf("https://w3id.org/vnkg/id/doc/g%05d", i)); err != nil {
			t.Fatal(err)
		}
	}
	if got := ask("a third removed, answers stale"); got != 0 {
		t.Errorf("a third removed: %d probes took a stale answer", got)
	}
	if a, err := s.StoredAnswers(ctx); err != nil || len(a) != 0 {
		t.Errorf("a third removed: %d current answers listed (%v), want none", len(a), err)
	}
	st = store("a third removed")
	if got := ask("a third removed, stored again"); got < min(st.Answers, 4) {
		t.Errorf("a third removed: %d probes took a stored answer, want at least %d", got, min(st.Answers, 4))
	}
	buildCorpus(t, "", corpus.New(40, 9), 40, "g", s) // other facts, same labels
	if got := ask("forty rewritten, answers stale"); got != 0 {
		t.Errorf("forty rewritten: %d probes took a stale answer", got)
	}
	store("forty rewritten")
	buildCorpus(t, "", corpus.New(n, 3), n, "g", s)
	st = store("built again")
	ask("built again")
	// The plan says where the rows came from.
	q, _ := queries.Lookup("position-holders")
	_, r, err := q.RunNative(ctx, s, []string{"Thứ trưởng Bộ Quốc phòng"}, graph.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var plan strings.Builder
	r.Stats.Write(&plan)
	if !slices.ContainsFunc(r.Stats.Steps, func(st *graph.Step) bool { return st.Op == "stored answer of position-holders" }) {
		t.Errorf("the plan does not show the stored answer:\n%s", plan.String())
	}
}

// TestAnswersIncremental: a write stales only the stored answers that read
// a node it touched (the others stay, and equal the queries' answers row for
// row even before the update), and the update after a one-article build or
// a one-article rm computes a few answers, not all.
func TestAnswersIncremental(t *testing.T) {
	t.Setenv("VNKG_ANSWER_MIN_ROWS", "12")
	const n = 300
	ctx := context.Background()
	c := corpus.New(n+1, 3)
	s := openBolt(t)
	buildCorpus(t, "", c, n, "g", s)
	check := func(when string) {
		t.Helper()
		if diff, err := queries.CheckAnswers(ctx, s); err != nil || diff != "" {
			t.Fatalf("%s: stored answers against a computation: %q, %v", when, diff, err)
		}
	}
	full, err := queries.StoreAnswers(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if !full.Full || full.Answers < 8 {
		t.Fatalf("first update: %+v, want every answer computed, at least 8", full)
	}
	check("built")
	update := func(when string) graph.AnswerStats {
		t.Helper()
		check(when + ", before the update")
		st, err := queries.StoreAnswers(ctx, s)
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		check(when + ", after the update")
		t.Logf("%s: %+v", when, st)
		if st.Full {
			t.Errorf("%s: every answer computed again", when)
		}
		if st.Recomputed*2 > full.Answers || st.Kept*2 < full.Answers {
			t.Errorf("%s: %d answers recomputed, %d kept, of %d: want few recomputed, most kept", when, st.Recomputed, st.Kept, full.Answers)
		}
		return st
	}
	// One new article (the generated corpus's next, which names its people).
	x, err := extract.New(data.GazetteerFS())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.ParseText("g00300", []byte(c.Article(n)))
	if err != nil {
		t.Fatal(err)
	}
	res := x.Extract(doc)
	w := s.NewWriter()
	if err := w.Put(ctx, "https://w3id.org/vnkg/id/doc/g00300", res.Quads, res.Background); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	update("one article built")
	// The same answers as a store built at once from the same articles
	// (none missed: a node the article took over the threshold is stored).
	fresh := openBolt(t)
	buildCorpus(t, "", corpus.New(n+1, 3), n+1, "g", fresh) // a corpus draws its articles in order
	if _, err := queries.StoreAnswers(ctx, fresh); err != nil {
		t.Fatal(err)
	}
	keys := func(s *graph.Store) []string {
		t.Helper()
		answers, err := s.StoredAnswers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var ks []string
		for _, a := range answers {
			ks = append(ks, fmt.Sprint(a.Query, a.Node, a.Also, len(a.Rows)))
		}
		slices.Sort(ks)
		return ks
	}
	if got, want := keys(s), keys(fresh); !slices.Equal(got, want) {
		t.Errorf("one article built: %d answers stored incrementally, %d by a build at once:\n%q\n%q", len(got), len(want), got, want)
	}
	if again, err := queries.StoreAnswers(ctx, s); err != nil || again.Recomputed != 0 || again.Kept == 0 {
		t.Errorf("nothing written since: %+v (%v), want nothing recomputed, all kept", again, err)
	}
	// One article removed, then a third of them (that stales most).
	if _, err := s.RemoveDocument(ctx, "https://w3id.org/vnkg/id/doc/g00007"); err != nil {
		t.Fatal(err)
	}
	update("one article removed")
	for i := 0; i < n; i += 3 {
		if _, err := s.RemoveDocument(ctx, fmt.Sprintf("https://w3id.org/vnkg/id/doc/g%05d", i)); err != nil {
			t.Fatal(err)
		}
	}
	check("a third removed, before the update")
	if _, err := queries.StoreAnswers(ctx, s); err != nil {
		t.Fatal(err)
	}
	check("a third removed, after the update")
}

// TestAnswersNewHub: an article that takes a node's answer to the
// threshold gets that answer stored by the update after its build.
func TestAnswersNewHub(t *testing.T) {
	t.Setenv("VNKG_ANSWER_MIN_ROWS", "12")
	const n = 300
	ctx := context.Background()
	rowsOf := func(s *graph.Store) map[string]int {
		t.Helper()
		if _, err := queries.StoreAnswers(ctx, s); err != nil {
			t.Fatal(err)
		}
		answers, err := s.StoredAnswers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]int{}
		for _, a := range answers {
			m[fmt.Sprint(a.Query, " ", a.Node, a.Also)] = len(a.Rows)
		}
		return m
	}
	// Which answer the article n grows, and to how many rows.
	before, after := openBolt(t), openBolt(t)
	buildCorpus(t, "", corpus.New(n+1, 3), n, "g", before)
	buildCorpus(t, "", corpus.New(n+1, 3), n+1, "g", after)
	r0, r1 := rowsOf(before), rowsOf(after)
	grown, rows := "", 0
	for k, r := range r1 {
		if r > r0[k] && r > rows && !strings.HasPrefix(k, "fact-sources") {
			grown, rows = k, r
		}
	}
	if grown == "" {
		t.Fatal("the article grows no answer: the test says nothing")
	}
	t.Logf("the article takes %s from %d to %d rows", grown, r0[grown], rows)
	// With the threshold at that many rows: not stored before the article,
	// stored by the update after it.
	t.Setenv("VNKG_ANSWER_MIN_ROWS", fmt.Sprint(rows))
	s := openBolt(t)
	c := corpus.New(n+1, 3)
	buildCorpus(t, "", c, n, "g", s)
	if got := rowsOf(s); got[grown] != 0 {
		t.Fatalf("%s stored before the article (%d rows)", grown, got[grown])
	}
	x, err := extract.New(data.GazetteerFS())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.ParseText(fmt.Sprintf("g%05d", n), []byte(c.Article(n)))
	if err != nil {
		t.Fatal(err)
	}
	res := x.Extract(doc)
	w := s.NewWriter()
	if err := w.Put(ctx, fmt.Sprintf("https://w3id.org/vnkg/id/doc/g%05d", n), res.Quads, res.Background); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got := rowsOf(s); got[grown] != rows {
		t.Errorf("after the article: %s stored with %d rows, want %d", grown, got[grown], rows)
	}
	if diff, err := queries.CheckAnswers(ctx, s); err != nil || diff != "" {
		t.Errorf("after the article: %q, %v", diff, err)
	}
}

// TestStoredAnswerShared: a repeated ask of a hub's stored answer in one
// snapshot returns the rows decoded once, not a copy of them (a copy of a
// hub's row slice was a fresh large allocation every ask, the spread of
// its p99: bench/RESULTS.md, session 9), and the slice is clipped, so that
// a caller appending to its rows cannot write into the next caller's.
func TestStoredAnswerShared(t *testing.T) {
	t.Setenv("VNKG_ANSWER_MIN_ROWS", "12")
	const n = 120
	ctx := context.Background()
	c := corpus.New(n, 3)
	s := openBolt(t)
	buildCorpus(t, "", c, n, "g", s)
	if _, err := queries.StoreAnswers(ctx, s); err != nil {
		t.Fatal(err)
	}
	answers, err := s.StoredAnswers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var query, hub string
	for _, a := range answers {
		if a.Query != "fact-sources" {
			query, hub = a.Query, a.Node.NQuad()
			break
		}
	}
	if query == "" {
		t.Fatalf("no answer stored (%d of fact-sources)", len(answers))
	}
	q, err := queries.Lookup(query)
	if err != nil {
		t.Fatal(err)
	}
	ask := func() graph.Results {
		t.Helper()
		res, r, err := q.RunNative(ctx, s, []string{hub}, graph.QueryOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !storedRead(r) {
			t.Fatalf("%s %s read no stored answer", query, hub)
		}
		return res
	}
	a, b := ask(), ask()
	if len(a.Rows) < 12 || len(a.Rows) != len(b.Rows) {
		t.Fatalf("%d and %d rows", len(a.Rows), len(b.Rows))
	}
	if &a.Rows[0] != &b.Rows[0] {
		t.Errorf("two asks in one snapshot decoded or copied the answer twice")
	}
	if cap(a.Rows) != len(a.Rows) {
		t.Errorf("cap %d > len %d: an append would write into the shared answer", cap(a.Rows), len(a.Rows))
	}
	last := b.Rows[len(b.Rows)-1]
	_ = append(a.Rows, graph.Result{Value: "appended"})
	if c := ask(); !reflect.DeepEqual(c.Rows[len(c.Rows)-1], last) || len(c.Rows) != len(b.Rows) {
		t.Errorf("an append to one answer changed the next ask's")
	}
}
