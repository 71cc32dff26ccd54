package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vnkg/vnkg/graph/vocab"
)

// warcGz writes a crawl, each record in its own gzip member: a request and
// an HTML response for each page, and records that are not articles (a
// revisit, a metadata record, a redirect, a 404, an image).
func warcGz(t *testing.T, pages map[string]string, order []string) []byte {
	t.Helper()
	var out bytes.Buffer
	rec := func(typ, uri, ctype, block string) {
		zw := gzip.NewWriter(&out)
		fmt.Fprintf(zw, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-06-10T08:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", typ, uri, ctype, len(block), block)
		zw.Close()
	}
	rec("warcinfo", "", "application/warc-fields", "software: test\r\n")
	for _, u := range order {
		rec("request", u, "application/http;msgtype=request", "GET / HTTP/1.1\r\n\r\n")
		body := pages[u]
		rec("response", u, "application/http;msgtype=response", fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(body), body))
	}
	rec("revisit", order[0], "application/http;msgtype=response", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")
	rec("metadata", order[0], "application/warc-fields", "outlinks: https://www.qdnd.vn/\r\n")
	rec("response", "https://vov.vn/old", "application/http;msgtype=response", "HTTP/1.1 301 Moved Permanently\r\nLocation: https://vov.vn/b\r\nContent-Length: 0\r\n\r\n")
	rec("response", "https://vov.vn/gone", "application/http;msgtype=response", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<h1>404</h1>\n")
	rec("response", "https://vov.vn/logo.png", "application/http;msgtype=response", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 8\r\n\r\n\x89PNG\r\n\x1a\n")
	return out.Bytes()
}

// TestBuildWARC: a WARC builds its articles; building it again stores nothing;
// a crawl where one page changed replaces exactly that article's facts.
func TestBuildWARC(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("../../extract/webpage/testdata/pages", name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	pages := map[string]string{
		"https://www.qdnd.vn/a":   read("qdnd"),
		"https://vov.vn/b":        read("vov"),
		"https://vnexpress.net/c": read("vnexpress"),
	}
	order := []string{"https://www.qdnd.vn/a", "https://vov.vn/b", "https://vnexpress.net/c"}
	dir := t.TempDir()
	file := filepath.Join(dir, "crawl.warc.gz")
	db := filepath.Join(dir, "db")
	os.WriteFile(file, warcGz(t, pages, order), 0o644)

	_, stderr := mustRun(t, "build", "--db", db, file)
	if !strings.Contains(stderr, "3 articles (3 new, 0 changed, 0 unchanged)") ||
		!strings.Contains(stderr, "9 records not articles (3 request, 1 HTTP 404, 1 image/png, 1 metadata, 1 redirect, 1 revisit, 1 warcinfo)") {
		t.Errorf("first build: %s", stderr)
	}
	// --json counts the records copied (stored as articles) and those skipped, by kind.
	stdout, _ := mustRun(t, "build", "--json", "--db", db, file)
	var sum buildSummary
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatalf("%q: %v", stdout, err)
	}
	want := map[string]int{"request": 3, "HTTP 404": 1, "image/png": 1, "metadata": 1, "redirect": 1, "revisit": 1, "warcinfo": 1}
	if diff := cmp.Diff(want, sum.Skipped); diff != "" || sum.Articles != 3 || sum.Unchanged != 3 {
		t.Errorf("--json: %s (skipped -want +got):\n%s", stdout, diff)
	}
	// extract --json says the same on stderr.
	_, stderr = mustRun(t, "extract", "--json", file)
	var xsum struct {
		Articles int            `json:"articles"`
		Skipped  map[string]int `json:"records_skipped"`
	}
	if err := json.Unmarshal([]byte(stderr), &xsum); err != nil {
		t.Fatalf("extract --json: %q: %v", stderr, err)
	}
	if diff := cmp.Diff(want, xsum.Skipped); diff != "" || xsum.Articles != 3 {
		t.Errorf("extract --json: %s (skipped -want +got):\n%s", stderr, diff)
	}
	before := exportStore(t, db)
	_, stderr = mustRun(t, "build", "--db", db, file)
	if !strings.Contains(stderr, "3 articles (0 new, 0 changed, 3 unchanged), 0 quads added, 0 removed") {
		t.Errorf("second build: %s", stderr)
	}
	if !bytes.Equal(before, exportStore(t, db)) {
		t.Error("building the same WARC again changed the store")
	}

	// the VOV page corrected after publication: another crawl
	pages["https://vov.vn/b"] = strings.Replace(pages["https://vov.vn/b"], "Thượng tướng Nguyễn Tân Cương, Ủy viên", "Thượng tướng Hoàng Xuân Chiến, Ủy viên", 1)
	os.WriteFile(file, warcGz(t, pages, order), 0o644)
	_, stderr = mustRun(t, "build", "--db", db, file)
	if !strings.Contains(stderr, "3 articles (0 new, 1 changed, 2 unchanged)") {
		t.Errorf("changed page: %s", stderr)
	}
	after := string(exportStore(t, db))
	if !strings.Contains(after, "hoàng-xuân-chiến") {
		t.Error("the corrected page's new fact is missing")
	}
}

// TestBuildWgetWARC builds a WARC written by wget itself (wget
// --warc-file), fetched through a local proxy that plays two outlets: the
// articles are stored with their canonical ids, and the redirect, the 404,
// the image, robots.txt, wget's requests and its own log and manifest
// records are counted as skipped, not reported.
func TestBuildWgetWARC(t *testing.T) {
	wget := requireTool(t, "wget")
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("../../extract/webpage/testdata/pages", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	const (
		qdnd = "http://www.qdnd.vn/quoc-phong-an-ninh/doi-ngoai-quoc-phong/thuong-tuong-hoang-xuan-chien-tiep-dai-su-australia-tai-viet-nam-779101"
		vov  = "http://vov.vn/chinh-tri/quoc-phong/viet-nam-lao-to-chuc-hoi-nghi-hop-tac-quoc-phong-lan-thu-5-post1083412.vov"
	)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.String() {
		case qdnd:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(read("qdnd.html"))
		case vov:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(read("vov.html"))
		case "http://vov.vn/old-link":
			http.Redirect(w, r, vov, http.StatusMovedPermanently)
		case "http://vov.vn/logo.png":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG\r\n\x1a\n"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer proxy.Close()
	dir := t.TempDir()
	cmd := exec.Command(wget, "--warc-file=crawl", "--no-verbose", "--tries=1", "--max-redirect=0",
		qdnd, vov, "http://vov.vn/old-link", "http://vov.vn/missing", "http://vov.vn/logo.png")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "http_proxy="+proxy.URL, "no_proxy=", "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		var exit *exec.ExitError
		// wget exits 8 when a server answered with an error (the 404, the redirect not followed)
		if !errors.As(err, &exit) || exit.ExitCode() != 8 {
			t.Fatalf("wget: %v\n%s", err, out)
		}
	}
	warcFile := filepath.Join(dir, "crawl.warc.gz")
	stdout, stderr := mustRun(t, "build", "--json", "--db", filepath.Join(dir, "db"), warcFile)
	var sum buildSummary
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatalf("%q: %v", stdout, err)
	}
	if sum.Articles != 2 || sum.Errors != 0 {
		t.Errorf("%+v\n%s", sum, stderr)
	}
	for _, kind := range []string{"request", "redirect", "HTTP 404", "image/png", "warcinfo", "metadata"} {
		if sum.Skipped[kind] == 0 {
			t.Errorf("no %q record counted as skipped: %v", kind, sum.Skipped)
		}
	}
	docs := byLabel(exportStore(t, filepath.Join(dir, "db")))
	for _, id := range []string{pageID(t, read("qdnd.html"), qdnd), pageID(t, read("vov.html"), vov)} {
		if docs[vocab.DocIRI(id)] == "" {
			t.Errorf("%s is not stored; the store holds %v", id, slices.Sorted(maps.Keys(docs)))
		}
	}
}
