package serve_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/vnkg/vnkg/cmd/vnkg/internal/serve"
	"github.com/vnkg/vnkg/data"
	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/extract/input"
	"github.com/vnkg/vnkg/extract/webpage"
)

// chromium finds Debian's chromium. Under CI (CI=true) it must be there
// (.ci/run installs it); elsewhere the test is skipped with a note.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is needed for the browser test under CI (apt-get install chromium; .ci/run does)")
	}
	t.Skip("chromium is not installed (bash .ci/run installs it)")
	return ""
}

// artifacts is where screenshots go: $VNKG_ARTIFACTS, else a temporary
// directory; printed either way.
func artifacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("VNKG_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// browser starts a headless chromium with the flags it needs on a closed
// network (without the background-networking ones it hangs).
func browser(t *testing.T, width, height int) context.Context {
	t.Helper()
	bin := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(width, height),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	// The first action starts the browser, on a context without a timeout
	// (its deadline would end the browser); later ones get one.
	if err := chromedp.Do(ctx); err != nil {
		cancelC()
		cancelA()
		t.Fatalf("starting chromium: %v", err)
	}
	tctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return tctx
}

func shot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", file)
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("reading %s: %v", sel, err)
	}
	return s
}

// waitFor polls a JavaScript condition.
func waitFor(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			t.Fatalf("waiting for %s: %v", what, err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText.slice(0, 2000)`))
			t.Fatalf("waiting for %s: timed out; the page says:\n%s", what, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestBrowser opens the viewer in a real headless chromium, focused on a
// person of the bundled articles, and checks what a reader would: his ranks,
// a position, the source articles, evidence; a neighbour expanded by a
// click; a search typed without diacritics; the article page; the Gizmo box.
func TestBrowser(t *testing.T) {
	f := start(t, serve.Options{})
	dir := artifacts(t)
	ctx := browser(t, 1280, 800)

	if err := chromedp.Do(ctx, chromedp.Navigate(f.url+"/?focus=Ngô Xuân Lịch")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the facts", `document.querySelectorAll("#panel .fact").length > 0`)
	waitFor(t, ctx, "the graph", `document.querySelector("#graph-note").textContent.includes("Click a node")`)
	path, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	if path != "/entity/person/ng%C3%B4-xu%C3%A2n-l%E1%BB%8Bch" && path != "/entity/person/ngô-xuân-lịch" {
		t.Errorf("the focused URL is %q, want the person's page", path)
	}
	panel := text(t, ctx, "#panel")
	for _, want := range []string{"Ngô Xuân Lịch", "Đại tướng", "Thượng tướng", "Bộ trưởng Bộ Quốc phòng", "000_aa4540ad7a50da76", "004_f95817d2fbfabc6e"} {
		if !strings.Contains(panel, want) {
			t.Errorf("the panel does not show %q", want)
		}
	}
	// Evidence: a sentence with the mention marked, or the note that says
	// why there is none.
	quotes, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#panel blockquote mark").length`))
	notes, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#panel .stale").length`))
	if quotes == 0 {
		t.Errorf("no evidence sentence with a marked mention on the page (%d notes)", notes)
	}
	quote := text(t, ctx, "#panel blockquote")
	if !strings.Contains(quote, "Ngô Xuân Lịch") {
		t.Errorf("the first evidence sentence: %q", quote)
	}
	shot(t, ctx, dir, "1-person.png")

	// Expand a neighbour by clicking it in the graph: the rank Đại tướng.
	js := `(() => { const n = window.vnkgGraph().$id("https://w3id.org/vnkg/id/rank/đại-tướng"); const p = n.renderedPosition(); const r = document.querySelector("#cy").getBoundingClientRect(); return [p.x + r.left, p.y + r.top, window.vnkgGraph().nodes().length]; })()`
	pos, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](js))
	if err != nil {
		t.Fatal(err)
	}
	before := int(pos[2])
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(pos[0], pos[1])); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the expansion", `window.vnkgGraph().nodes().length > `+strconv.Itoa(before))
	after, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`window.vnkgGraph().nodes().length`))
	if !strings.Contains(text(t, ctx, "#panel"), "rank of") {
		t.Error("clicking the rank does not show its holders in the panel")
	}
	t.Logf("expanding Đại tướng: %d nodes, then %d", before, after)
	shot(t, ctx, dir, "2-expanded.png")

	// Search without diacritics, with the keyboard.
	if err := chromedp.Do(ctx,
		chromedp.Focus(chromedp.CSS("#q")),
		chromedp.SendKeys(chromedp.CSS("#q"), "nguyen chi vinh")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "suggestions", `!document.querySelector("#suggestions").hidden && document.querySelector("#suggestions").textContent.includes("Nguyễn Chí Vịnh")`)
	shot(t, ctx, dir, "3-suggestions.png")
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#q"), "\r")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "his page", `document.querySelector("#panel h1") && document.querySelector("#panel h1").textContent === "Nguyễn Chí Vịnh"`)

	// The article page, with its text.
	if err := chromedp.Do(ctx, chromedp.Navigate(f.url+"/article/004_f95817d2fbfabc6e")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the article", `document.querySelector("#article .text") !== null`)
	if a := text(t, ctx, "#article"); !strings.Contains(a, "Ngô Xuân Lịch") || !strings.Contains(a, "Bộ Quốc phòng tổng kết") {
		t.Errorf("the article page: %.300s", a)
	}
	shot(t, ctx, dir, "4-article.png")

	// The Gizmo box: its example query answered as a table.
	if err := chromedp.Do(ctx, chromedp.Navigate(f.url+"/?view=gizmo")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the Gizmo box", `window.vnkgGraph !== undefined && !document.querySelector("#gizmo-view").hidden`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#gizmo-run"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "results", `document.querySelectorAll("#gizmo-table td").length > 0`)
	if tb := text(t, ctx, "#gizmo-table"); !strings.Contains(tb, "rank/") {
		t.Errorf("the Gizmo table: %.300s", tb)
	}
	shot(t, ctx, dir, "5-gizmo.png")

	// A phone-sized window: the panel goes under the graph.
	phone := browser(t, 390, 844)
	if err := chromedp.Do(phone, chromedp.Navigate(f.url+"/entity/person/nguyễn-chí-vịnh")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, phone, "the facts", `document.querySelectorAll("#panel .fact").length > 0`)
	overflow, _ := chromedp.Run(phone, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 2`))
	if overflow {
		t.Error("the page is wider than a phone's window")
	}
	shot(t, phone, dir, "6-phone.png")
}

// pages are the outlet test pages read as build reads them (their
// metadata: publisher, canonical URL, date).
func pages(t *testing.T) []extract.Document {
	t.Helper()
	rules, err := webpage.LoadRules(data.SitesFS())
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../../../extract/webpage/testdata/pages/*.html")
	if len(files) < 5 {
		t.Fatalf("%d test pages", len(files))
	}
	var docs []extract.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := input.PageDocument(b, filepath.Base(f), strings.TrimSuffix(filepath.Base(f), ".html"), webpage.Options{Rules: rules})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		docs = append(docs, doc)
	}
	return docs
}

// TestBrowserArticleLinks: built from saved pages, the viewer links each
// article to its web address and shows its publisher, on the article page
// and where a person's page cites it.
func TestBrowserArticleLinks(t *testing.T) {
	docs := pages(t)
	var qdnd extract.Document
	for _, d := range docs {
		if strings.Contains(d.URL, "qdnd.vn") {
			qdnd = d
		}
	}
	if qdnd.URL == "" || qdnd.Source != "Báo Quân đội nhân dân" {
		t.Fatalf("the QĐND page reads as %+v", qdnd)
	}
	x := newExtractor(t)
	db := filepath.Join(t.TempDir(), "db")
	buildCorpus(t, x, db, docs)
	f := startOn(t, db, x, serve.Options{})
	dir := artifacts(t)
	ctx := browser(t, 1280, 800)

	if err := chromedp.Do(ctx, chromedp.Navigate(f.url+"/article/"+qdnd.ID)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the article", `document.querySelector("#article .text") !== null`)
	href, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("#article a.web") || {}).href || ""`))
	if href != qdnd.URL {
		t.Errorf("the article page links to %q, want %q", href, qdnd.URL)
	}
	if p := text(t, ctx, "#article .publisher"); !strings.Contains(p, "Báo Quân đội nhân dân") {
		t.Errorf("the article page's publisher: %q", p)
	}
	shot(t, ctx, dir, "7-article-links.png")

	if err := chromedp.Do(ctx, chromedp.Navigate(f.url+"/?focus=Hoàng Xuân Chiến")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the facts", `document.querySelectorAll("#panel .fact").length > 0`)
	links, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll("#panel .source a.web")].filter((a) => a.href === `+strconv.Quote(qdnd.URL)+`).length`))
	if links == 0 {
		t.Errorf("the person's facts do not link their article to %s", qdnd.URL)
	}
	if p := text(t, ctx, "#panel .source .publisher"); !strings.Contains(p, "Báo Quân đội nhân dân") {
		t.Errorf("the person's sources show the publisher %q", p)
	}
	shot(t, ctx, dir, "8-person-links.png")
}

// TestBrowserPaging: with pages of one (?facts=1&sources=1&rows=1) the
// panel shows the first fact of each predicate, the first article of each
// fact and the first timeline row, and its buttons fetch the rest, page by
// page, until the panel holds every fact the heading counts.
func TestBrowserPaging(t *testing.T) {
	f := start(t, serve.Options{})
	dir := artifacts(t)
	ctx := browser(t, 1280, 800)
	count := func(sel string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sel)+`).length`))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	// clickAll presses the buttons sel finds, one at a time, each until it
	// is gone, and returns the presses.
	clickAll := func(sel string) int {
		t.Helper()
		presses := 0
		for count(sel) > 0 {
			before := count(sel + ":disabled")
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const b = document.querySelector(`+strconv.Quote(sel+":not(:disabled)")+`); if (b) b.click(); return !!b; })()`)); err != nil {
				t.Fatal(err)
			}
			presses++
			waitFor(t, ctx, "the next page", `document.querySelectorAll(`+strconv.Quote(sel+":disabled")+`).length <= `+strconv.Itoa(before))
			if presses > 50 {
				t.Fatalf("%s: still there after 50 presses", sel)
			}
			time.Sleep(50 * time.Millisecond)
		}
		return presses
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(f.url+"/?focus=Ngô Xuân Lịch&facts=1&sources=1&rows=1")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the facts", `document.querySelectorAll("#panel .fact").length > 0`)
	heading, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("#panel h2")].map((h) => h.textContent).find((t) => t.startsWith("Facts (")) || ""`))
	if err != nil {
		t.Fatal(err)
	}
	var total int
	if _, err := fmt.Sscanf(heading, "Facts (%d)", &total); err != nil {
		t.Fatalf("the facts heading %q: %v", heading, err)
	}
	first := count("#panel .fact")
	if first >= total || count("#panel .more-facts") == 0 {
		t.Fatalf("pages of one fact: %d facts shown of %d, %d buttons", first, total, count("#panel .more-facts"))
	}
	if n := count("#panel table.timeline tbody tr"); n != 1 {
		t.Errorf("a timeline page of one row shows %d", n)
	}
	shot(t, ctx, dir, "7-paged.png")
	presses := clickAll("#panel .more-facts")
	if got := count("#panel .fact"); got != total {
		t.Errorf("after %d presses the panel shows %d facts, the heading counts %d", presses, got, total)
	}
	clickAll("#panel .more-rows")
	if n := count("#panel table.timeline tbody tr"); n != 2 {
		t.Errorf("the whole timeline shows %d rows, want 2", n)
	}
	if !strings.Contains(text(t, ctx, "#panel"), "Thượng tướng") || !strings.Contains(text(t, ctx, "#panel"), "Đại tướng") {
		t.Error("the panel does not show both ranks once every page is in")
	}

	// A fact stated by two articles, shown one at a time.
	if err := chromedp.Do(ctx, chromedp.Navigate(f.url+"/entity/org/bộ-quốc-phòng?sources=1")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the ministry's facts", `document.querySelectorAll("#panel .more-sources").length > 0`)
	js := `(() => { const b = document.querySelector("#panel .more-sources"); return b.parentElement.querySelectorAll(".sources li").length; })()`
	before, err := chromedp.Run(ctx, chromedp.Evaluate[int](js))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const b = document.querySelector("#panel .more-sources"); b.closest(".fact").id = "paged"; b.click(); return true; })()`)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the next article", `document.querySelectorAll("#paged .sources li").length > `+strconv.Itoa(before))
	shot(t, ctx, dir, "8-sources.png")
}
