package serve_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/vnkg/vnkg/cmd/vnkg/internal/gizmoproc"
	"github.com/vnkg/vnkg/cmd/vnkg/internal/serve"
	"github.com/vnkg/vnkg/data"
	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

func TestMain(m *testing.M) {
	gizmoproc.MaybeServe()
	os.Exit(m.Run())
}

// buildCorpus stores the bundled articles in a new bolt store as vnkg build
// does (facts, background, the text for evidence) and closes it.
func buildCorpus(t testing.TB, x *extract.Extractor, dir string, docs []extract.Document) {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	w := s.NewWriter(graph.BatchDocs(256))
	for _, d := range docs {
		res := x.Extract(d)
		label := vocab.DocIRI(d.ID)
		quads := append(res.Quads, vocab.Quad{Subject: vocab.IRI(label), Predicate: vocab.IRI(vocab.ArticleBody), Object: vocab.String(d.Text), Label: label})
		if err := w.Put(ctx, label, quads, res.Background); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func bundled(t testing.TB) []extract.Document {
	t.Helper()
	var docs []extract.Document
	err := fs.WalkDir(data.Corpus, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, err := fs.ReadFile(data.Corpus, p)
		if err != nil {
			return err
		}
		doc, err := extract.ParseText(strings.TrimSuffix(filepath.Base(p), ".txt"), b)
		doc.SourceFile = p
		docs = append(docs, doc)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 {
		t.Fatal("no bundled articles")
	}
	return docs
}

type fixture struct {
	url   string
	store *graph.Store
	db    string
}

func newExtractor(t testing.TB) *extract.Extractor {
	x, err := extract.New(data.GazetteerFS())
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// start serves the bundled corpus on a real listener.
func start(t testing.TB, opts serve.Options) *fixture {
	t.Helper()
	x := newExtractor(t)
	db := filepath.Join(t.TempDir(), "db")
	buildCorpus(t, x, db, bundled(t))
	return startOn(t, db, x, opts)
}

func startOn(t testing.TB, db string, x *extract.Extractor, opts serve.Options) *fixture {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, db, graph.ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	pool, err := gizmoproc.New(db, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pool.Close() })
	srv, err := serve.New(ctx, s, pool, x, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	hs := httptest.NewServer(serve.LoopbackOnly(srv.Handler()))
	t.Cleanup(hs.Close)
	return &fixture{url: hs.URL, store: s, db: db}
}

func (f *fixture) do(t testing.TB, method, path, body string, hdr ...string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, f.url+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i] == "Host" {
			req.Host = hdr[i+1]
		}
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

func (f *fixture) getJSON(t testing.TB, path string, v any) {
	t.Helper()
	code, _, b := f.do(t, "GET", path, "")
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, code, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v\n%s", path, err, b)
	}
}

const lich = "https://w3id.org/vnkg/id/person/ngô-xuân-lịch"

const nameQuery = `g.V("<` + lich + `>").out("<https://schema.org/name>").all()`

// TestCayleyAPI: Cayley's routes answer with Cayley's shapes, and the same
// results as vnkg query (Store.Query) on the same store.
func TestCayleyAPI(t *testing.T) {
	f := start(t, serve.Options{})
	for _, tc := range []struct {
		name, method, path, body string
		hdr                      []string
		want                     string
	}{
		{"v1", "POST", "/api/v1/query/gizmo", nameQuery, nil, `{"result":[{"id":"Ngô Xuân Lịch"},{"id":"Ngô Xuân Lịch"}]}`},
		{"v2 POST", "POST", "/api/v2/query?lang=gizmo", nameQuery, nil, `{"result":[{"id":"Ngô Xuân Lịch"},{"id":"Ngô Xuân Lịch"}]}`},
		{"v2 GET", "GET", "/api/v2/query?lang=gizmo&qu=" + url.QueryEscape(nameQuery), "", nil, `{"result":[{"id":"Ngô Xuân Lịch"},{"id":"Ngô Xuân Lịch"}]}`},
		{"IRIs as Cayley writes them", "POST", "/api/v1/query/gizmo", `g.V("<` + lich + `>").out("<https://w3id.org/vnkg/ns#rank>").unique().all()`, nil,
			`{"result":[{"id":"<https://w3id.org/vnkg/id/rank/thượng-tướng>"},{"id":"<https://w3id.org/vnkg/id/rank/đại-tướng>"}]}`},
		{"JSON-LD on request", "POST", "/api/v1/query/gizmo", `g.V("<` + lich + `>").out("<https://w3id.org/vnkg/ns#rank>").unique().all()`, []string{"Accept", "application/ld+json"},
			`{"result":[{"id":{"@id":"https://w3id.org/vnkg/id/rank/thượng-tướng"}},{"id":{"@id":"https://w3id.org/vnkg/id/rank/đại-tướng"}}]}`},
		{"a count", "POST", "/api/v1/query/gizmo", `g.V("<` + lich + `>").out("<https://w3id.org/vnkg/ns#rank>").count()`, nil, `{"result":[2]}`},
		{"emit", "POST", "/api/v1/query/gizmo", `g.emit({n: 1, s: "x"})`, nil, `{"result":[{"n":1,"s":"x"}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, b := f.do(t, tc.method, tc.path, tc.body, tc.hdr...)
			if code != 200 {
				t.Fatalf("%d %s", code, b)
			}
			if got := compact(t, b); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
	// The same rows as the in-process query, in the same order.
	res, err := f.store.Query(context.Background(), `g.V("<`+lich+`>").out().all()`, graph.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, _, b := f.do(t, "POST", "/api/v1/query/gizmo", `g.V("<`+lich+`>").out().all()`, "Accept", "application/ld+json")
	var got struct{ Result []json.RawMessage }
	json.Unmarshal(b, &got)
	if len(got.Result) != len(res.Rows) {
		t.Fatalf("%d results over HTTP, %d in process", len(got.Result), len(res.Rows))
	}
	for i, row := range res.Rows {
		want, _ := json.Marshal(row)
		if compact(t, got.Result[i]) != compact(t, want) {
			t.Errorf("result %d: %s over HTTP, %s in process", i, got.Result[i], want)
		}
	}
}

func compact(t testing.TB, b []byte) string {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	return buf.String()
}

// TestHostileQueries: queries that would kill a process running Gizmo are
// answered 400 with a message, and the next query is answered.
func TestHostileQueries(t *testing.T) {
	f := start(t, serve.Options{QueryTimeout: 2 * time.Second})
	for _, tc := range []struct{ name, src, msg string }{
		{"type error", `g.V(iri(5)).all()`, "type error: iri() expects a string (an IRI), got the number 5 (line 1)"},
		{"type error in a path method", `g.V().out({}).all()`, "type error: .out() expects a predicate"},
		{"cyclic result", `var o={};o.o=o;o`, "stack overflow"},
		{"deep nesting", strings.Repeat("[", 20000) + strings.Repeat("]", 20000), "nested more than 256 deep"},
		{"syntax error", `g.V(`, "SyntaxError"},
		{"runaway", `while(true){}`, "timed out after 2s"},
		{"not gizmo", "", "query is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, b := f.do(t, "POST", "/api/v1/query/gizmo", tc.src)
			var e struct{ Error string }
			json.Unmarshal(b, &e)
			if code != http.StatusBadRequest || !strings.Contains(e.Error, tc.msg) {
				t.Errorf("%d %s; want 400 with %q", code, b, tc.msg)
			}
			if strings.Contains(string(b), "goroutine") {
				t.Errorf("the answer has a stack trace: %s", b)
			}
			code, _, b = f.do(t, "POST", "/api/v2/query?lang=gizmo", nameQuery)
			if code != 200 || !strings.Contains(string(b), "Ngô Xuân Lịch") {
				t.Fatalf("the next query: %d %s", code, b)
			}
		})
	}
}

// TestLimits: read-only, bodies bounded, results bounded, loopback names only.
func TestLimits(t *testing.T) {
	f := start(t, serve.Options{MaxResults: 3, MaxBody: 1000})
	code, hdr, b := f.do(t, "POST", "/api/v1/query/gizmo", `g.V().all()`)
	var res struct{ Result []any }
	json.Unmarshal(b, &res)
	if code != 200 || len(res.Result) != 3 || hdr.Get("X-Vnkg-Truncated") == "" {
		t.Errorf("a query over --max-results: %d, %d results, header %q", code, len(res.Result), hdr.Get("X-Vnkg-Truncated"))
	}
	if code, _, b := f.do(t, "POST", "/api/v1/query/gizmo", "g.V().all()//"+strings.Repeat("x", 2000)); code != http.StatusRequestEntityTooLarge {
		t.Errorf("a body over the limit: %d %s", code, b)
	}
	for _, m := range []string{"PUT", "DELETE", "PATCH"} {
		if code, _, b := f.do(t, m, "/api/v2/write", "<a> <b> <c> ."); code != http.StatusMethodNotAllowed {
			t.Errorf("%s: %d %s", m, code, b)
		}
	}
	if code, _, _ := f.do(t, "POST", "/api/v2/write", "<a> <b> <c> ."); code != http.StatusNotFound {
		t.Errorf("POST /api/v2/write: %d, want 404 (no write endpoint)", code)
	}
	if code, _, _ := f.do(t, "POST", "/api/v2/query?lang=graphql", "{}"); code != http.StatusBadRequest {
		t.Errorf("lang=graphql: %d", code)
	}
	if code, _, _ := f.do(t, "GET", "/api/search?q=lich", "", "Host", "evil.example:80"); code != http.StatusForbidden {
		t.Errorf("a foreign Host: %d, want 403", code)
	}
}

type hit struct {
	IRI, Name, Kind, Also, URL string
}

func TestSearch(t *testing.T) {
	f := start(t, serve.Options{})
	for _, tc := range []struct{ q, want string }{
		{"ngo xuan lich", lich},
		{"Ngô Xuân Lịch", lich},
		{"NGO XUAN", lich},
		{"lịch", lich},
		{"Quân uỷ Trung ương", "https://w3id.org/vnkg/id/org/quân-ủy-trung-ương"}, // the other tone placement
		{"quan uy trung uong", "https://w3id.org/vnkg/id/org/quân-ủy-trung-ương"},
		{"pho thu tuong pham", "https://w3id.org/vnkg/id/person/phạm-bình-minh"}, // an alternate name
		{"nguyen chi vinh", "https://w3id.org/vnkg/id/person/nguyễn-chí-vịnh"},
	} {
		var ans struct{ Results []hit }
		f.getJSON(t, "/api/search?q="+url.QueryEscape(tc.q), &ans)
		if len(ans.Results) == 0 || ans.Results[0].IRI != tc.want {
			t.Errorf("search %q: %+v, want %s first", tc.q, ans.Results, tc.want)
		}
	}
	var ans struct{ Results []hit }
	f.getJSON(t, "/api/search?q=nosuchname", &ans)
	if len(ans.Results) != 0 {
		t.Errorf("search nosuchname: %+v", ans.Results)
	}
	f.getJSON(t, "/api/search?q=ngo", &ans)
	if len(ans.Results) == 0 || ans.Results[0].URL != "/entity/person/ngô-xuân-lịch" {
		t.Errorf("the page URL of the first hit: %+v", ans.Results)
	}
}

type entity struct {
	IRI, Name, Kind, URL string
	Types                []string
	Facts                []struct {
		Predicate, Short, Phrase string
		In                       bool
		Node                     *struct{ IRI, Name, Kind string }
		Literal                  *struct{ Value, Datatype string }
		Sources                  []struct {
			Doc, Title, Date string
			Background       bool
			Evidence         *struct {
				Status, Note string
				Sentence     []struct {
					T    string
					Mark bool
				}
			}
		}
	}
	Articles []struct{ Doc, Title, Date string }
}

func TestEntity(t *testing.T) {
	f := start(t, serve.Options{})
	var e entity
	f.getJSON(t, "/api/entity?iri="+url.QueryEscape(lich), &e)
	if e.Name != "Ngô Xuân Lịch" || e.Kind != "person" || len(e.Types) != 1 || e.Types[0] != "schema:Person" {
		t.Fatalf("entity: %+v", e)
	}
	ranks := map[string]string{}
	positions := 0
	attended := 0
	for _, fact := range e.Facts {
		switch {
		case fact.Short == "vnkg:rank" && !fact.In:
			for _, s := range fact.Sources {
				ranks[fact.Node.Name] += s.Doc
				if s.Evidence == nil || s.Evidence.Status == "" {
					t.Errorf("rank %s in %s: no evidence status", fact.Node.Name, s.Doc)
				}
			}
		case fact.Short == "vnkg:holdsPosition":
			positions++
		case fact.Short == "schema:attendee" && fact.In:
			attended++
			if fact.Phrase != "attended" {
				t.Errorf("phrase of an attendee edge seen from the person: %q", fact.Phrase)
			}
		}
	}
	if ranks["Đại tướng"] != "004_f95817d2fbfabc6e" || ranks["Thượng tướng"] != "000_aa4540ad7a50da76" {
		t.Errorf("ranks and their articles: %v", ranks)
	}
	// Evidence: the sentence that states his rank in 004, his name marked.
	found := false
	for _, fact := range e.Facts {
		if fact.Short != "vnkg:rank" || fact.Node.Name != "Đại tướng" {
			continue
		}
		ev := fact.Sources[0].Evidence
		if ev.Status != "ok" {
			t.Fatalf("evidence of Đại tướng: %+v", ev)
		}
		var sent, marks strings.Builder
		for _, seg := range ev.Sentence {
			sent.WriteString(seg.T)
			if seg.Mark {
				marks.WriteString("[" + seg.T + "]")
			}
		}
		if !strings.Contains(sent.String(), "Đại tướng Ngô Xuân Lịch") || !strings.Contains(marks.String(), "[Ngô Xuân Lịch]") {
			t.Errorf("the sentence of Đại tướng: %q, marks %s", sent.String(), marks.String())
		}
		found = true
	}
	if !found {
		t.Error("no rank Đại tướng")
	}
	if positions < 2 || attended < 1 {
		t.Errorf("%d positions, %d events attended", positions, attended)
	}
	if len(e.Articles) != 2 || e.Articles[0].Doc != "000_aa4540ad7a50da76" {
		t.Errorf("articles: %+v", e.Articles)
	}
	// By name, without diacritics.
	var byName entity
	f.getJSON(t, "/api/entity?name=ngo+xuan+lich", &byName)
	if byName.IRI != lich {
		t.Errorf("by name: %s", byName.IRI)
	}
	if code, _, _ := f.do(t, "GET", "/api/entity?iri=https://w3id.org/vnkg/id/person/nobody", ""); code != 404 {
		t.Errorf("an unknown entity: %d", code)
	}
}

// TestStaleEvidence: a fact that the extractor does not draw from the
// stored text (another binary's rules, say) shows no sentence but "rebuild";
// the article page then draws no mentions.
func TestStaleEvidence(t *testing.T) {
	x := newExtractor(t)
	db := filepath.Join(t.TempDir(), "db")
	docs := bundled(t)
	buildCorpus(t, x, db, docs)
	ctx := context.Background()
	s, err := graph.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	label := vocab.DocIRI("004_f95817d2fbfabc6e")
	quads, err := s.Labelled(ctx, label)
	if err != nil {
		t.Fatal(err)
	}
	quads = append(quads, vocab.Quad{Subject: vocab.IRI(lich), Predicate: vocab.IRI(vocab.Rank), Object: vocab.IRI("https://w3id.org/vnkg/id/rank/thiếu-tướng"), Label: label})
	if _, _, err := s.ReplaceDocument(ctx, label, quads); err != nil {
		t.Fatal(err)
	}
	s.Close()
	f := startOn(t, db, x, serve.Options{})
	var e entity
	f.getJSON(t, "/api/entity?iri="+url.QueryEscape(lich), &e)
	statuses := map[string]string{}
	for _, fact := range e.Facts {
		if fact.Short == "vnkg:rank" {
			for _, src := range fact.Sources {
				statuses[fact.Node.Name+" "+src.Doc] = src.Evidence.Status
				if src.Evidence.Status == "stale" && !strings.Contains(src.Evidence.Note, "rebuild") {
					t.Errorf("a stale fact's note: %q", src.Evidence.Note)
				}
			}
		}
	}
	if statuses["Thiếu tướng 004_f95817d2fbfabc6e"] != "stale" || statuses["Đại tướng 004_f95817d2fbfabc6e"] != "ok" {
		t.Errorf("evidence statuses: %v", statuses)
	}
	var art struct{ Status string }
	f.getJSON(t, "/api/article?doc=004_f95817d2fbfabc6e", &art)
	if art.Status != "stale" {
		t.Errorf("the article of a stale fact: status %q", art.Status)
	}
	f.getJSON(t, "/api/article?doc=000_aa4540ad7a50da76", &art)
	if art.Status != "ok" {
		t.Errorf("an article built by this extractor: status %q", art.Status)
	}
}

func TestNeighbourhoodTimelineArticle(t *testing.T) {
	f := start(t, serve.Options{})
	var nb struct {
		Graph struct {
			Nodes []struct{ IRI, Name, Kind string }
			Edges []struct {
				Source, Target, Short string
				Articles              []string
			}
			Articles map[string]struct{ Title, Date string }
		}
	}
	f.getJSON(t, "/api/neighbourhood?iri="+url.QueryEscape(lich), &nb)
	names := map[string]bool{}
	for _, n := range nb.Graph.Nodes {
		names[n.Name] = true
	}
	if !names["Ngô Xuân Lịch"] || !names["Đại tướng"] || !names["Bộ trưởng Bộ Quốc phòng"] {
		t.Errorf("neighbourhood nodes: %v", names)
	}
	if !strings.HasPrefix(nb.Graph.Articles["004_f95817d2fbfabc6e"].Title, "Bộ Quốc phòng tổng kết") {
		t.Errorf("articles of the neighbourhood: %v", nb.Graph.Articles)
	}
	var one struct {
		Graph struct{ Edges []struct{ Articles []string } }
	}
	f.getJSON(t, "/api/neighbourhood?doc=004_f95817d2fbfabc6e&iri="+url.QueryEscape(lich), &one)
	for _, e := range one.Graph.Edges {
		if len(e.Articles) != 1 || e.Articles[0] != "004_f95817d2fbfabc6e" {
			t.Errorf("an edge of the article filter cites %v", e.Articles)
		}
	}

	var tl struct {
		Articles []struct {
			Doc, Date string
			Ranks     []struct{ Name string }
			Positions []struct{ Name string }
		}
		Events []struct{ Name, Date string }
	}
	f.getJSON(t, "/api/timeline?iri="+url.QueryEscape(lich), &tl)
	if len(tl.Articles) != 2 || tl.Articles[0].Ranks[0].Name != "Thượng tướng" || tl.Articles[1].Ranks[0].Name != "Đại tướng" {
		t.Errorf("timeline: %+v", tl.Articles)
	}
	if len(tl.Events) < 2 {
		t.Errorf("events: %+v", tl.Events)
	}

	var art struct {
		Doc, Title, Date, Status string
		Text                     []struct{ T, Kind string }
	}
	f.getJSON(t, "/api/article?doc=004_f95817d2fbfabc6e", &art)
	var text strings.Builder
	for _, s := range art.Text {
		text.WriteString(s.T)
	}
	if !strings.HasPrefix(art.Title, "Bộ Quốc phòng tổng kết") || !strings.Contains(text.String(), "Ngô Xuân Lịch") || art.Status == "" {
		t.Errorf("article: %s %s %s %.100s", art.Doc, art.Date, art.Status, text.String())
	}

	code, hdr, b := f.do(t, "POST", "/api/subgraph", `{"nodes": ["`+lich+`", "https://w3id.org/vnkg/id/rank/đại-tướng"]}`)
	if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "application/n-quads") {
		t.Fatalf("subgraph: %d %s", code, b)
	}
	r := nquads.NewReader(bytes.NewReader(b), false)
	n, rank := 0, false
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("subgraph N-Quads: %v", err)
		}
		n++
		if q.Predicate == quad.IRI(vocab.Rank) && q.Object == quad.IRI("https://w3id.org/vnkg/id/rank/đại-tướng") {
			rank = true
		}
		if q.Predicate == quad.IRI(vocab.HoldsPosition) {
			t.Errorf("an edge to a node not asked for: %v", q)
		}
	}
	if n == 0 || !rank {
		t.Errorf("subgraph: %d quads, rank edge %v", n, rank)
	}
}

func TestPages(t *testing.T) {
	f := start(t, serve.Options{})
	for _, p := range []string{"/", "/entity/person/ngô-xuân-lịch", "/article/004_f95817d2fbfabc6e", "/?focus=ngo+xuan+lich"} {
		code, hdr, b := f.do(t, "GET", p, "")
		if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/html") || !strings.Contains(string(b), "/assets/app.js") {
			t.Errorf("GET %s: %d %s %.100s", p, code, hdr.Get("Content-Type"), b)
		}
	}
	for _, p := range []string{"/assets/app.js", "/assets/app.css"} {
		if code, _, b := f.do(t, "GET", p, ""); code != 200 || len(b) == 0 {
			t.Errorf("GET %s: %d, %d bytes", p, code, len(b))
		}
	}
}
