package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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
