package input_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlnwa/gowarc"

	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/extract/input"
	"github.com/vnkg/vnkg/extract/webpage"
)

type rec struct {
	typ   gowarc.RecordType
	uri   string
	ctype string
	block string
}

// writeWARC writes records with gowarc, each in its own gzip member.
func writeWARC(t *testing.T, recs []rec) []byte {
	t.Helper()
	var out bytes.Buffer
	m := gowarc.NewMarshaler()
	for i, r := range recs {
		b := gowarc.NewRecordBuilder(r.typ)
		if _, err := b.WriteString(r.block); err != nil {
			t.Fatal(err)
		}
		b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-0000-0000-%012d>", i))
		b.AddWarcHeader(gowarc.WarcDate, "2024-06-10T08:00:00Z")
		b.AddWarcHeader(gowarc.ContentType, r.ctype)
		if r.uri != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, r.uri)
		}
		if r.typ == gowarc.Revisit {
			b.AddWarcHeader(gowarc.WarcProfile, "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest")
			b.AddWarcHeader(gowarc.WarcRefersTo, "<urn:uuid:00000000-0000-0000-0000-000000000001>")
		}
		wr, _, err := b.Build()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		zw := gzip.NewWriter(&out)
		if _, _, err := m.Marshal(zw, wr, 0); err != nil {
			t.Fatal(err)
		}
		zw.Close()
	}
	return out.Bytes()
}

func httpResponse(status, ctype, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(body), body)
}

// TestWARC: a crawl with HTML responses, a revisit, a redirect, a 404, an
// image, a request and a truncated last record: the articles' facts equal the
// .txt versions', every other record is counted by kind, the truncated one is
// reported with its offset.
func TestWARC(t *testing.T) {
	x := newExtractor(t)
	rules := loadRules(t)
	page := func(name string) string {
		b, err := os.ReadFile(filepath.Join(pages, name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	const resp = "application/http;msgtype=response"
	recs := []rec{
		{gowarc.Warcinfo, "", "application/warc-fields", "software: test\r\nformat: WARC File Format 1.1\r\n"},
		{gowarc.Request, "https://www.qdnd.vn/a", "application/http;msgtype=request", "GET /a HTTP/1.1\r\nHost: www.qdnd.vn\r\n\r\n"},
		{gowarc.Response, "https://www.qdnd.vn/a", resp, httpResponse("200 OK", "text/html; charset=utf-8", page("qdnd"))},
		{gowarc.Response, "https://vov.vn/b", resp, httpResponse("200 OK", "text/html; charset=utf-8", page("vov"))},
		{gowarc.Revisit, "https://www.qdnd.vn/a", resp, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"},
		{gowarc.Response, "http://qdnd.vn/old", resp, "HTTP/1.1 301 Moved Permanently\r\nLocation: https://www.qdnd.vn/a\r\nContent-Length: 0\r\n\r\n"},
		{gowarc.Response, "https://vov.vn/missing", resp, httpResponse("404 Not Found", "text/html", "<html><body><h1>Không tìm thấy</h1></body></html>")},
		{gowarc.Response, "https://vov.vn/logo.png", resp, httpResponse("200 OK", "image/png", "\x89PNG\r\n\x1a\nfake")},
		{gowarc.Metadata, "https://vov.vn/b", "application/warc-fields", "outlink: https://vov.vn/c\r\n"},
		{gowarc.Response, "https://www.vietnamplus.vn/c", resp, httpResponse("200 OK", "text/html; charset=utf-8", page("vietnamplus"))},
	}
	data := writeWARC(t, recs)
	cut := len(data) - 400 // the last record, truncated
	lastOff := bytes.LastIndex(data, []byte{0x1f, 0x8b, 0x08})
	data = data[:cut]
	file := filepath.Join(t.TempDir(), "crawl.warc.gz")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var docs []extract.Document
	var bad []string
	stats, err := input.Walk(context.Background(), []string{file}, input.Options{Rules: rules}, func(it input.Item) error {
		d, err := it.Document()
		if err != nil {
			bad = append(bad, err.Error())
			return nil
		}
		docs = append(docs, d)
		return nil
	}, func(err error) { bad = append(bad, err.Error()) })
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"warcinfo": 1, "request": 1, "revisit": 1, "redirect": 1, "HTTP 404": 1, "image/png": 1, "metadata": 1}
	if diff := cmp.Diff(want, stats.Skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	if len(bad) != 1 || !strings.Contains(bad[0], fmt.Sprintf("record at offset %d", lastOff)) || !strings.Contains(bad[0], "truncated") {
		t.Errorf("errors %q, want the truncated record at offset %d", bad, lastOff)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	for i, name := range []string{"qdnd", "vov"} {
		txt, _ := os.ReadFile(filepath.Join(pages, name+".txt"))
		tdoc, err := extract.ParseText(name, txt)
		if err != nil {
			t.Fatal(err)
		}
		h := docs[i]
		if h.URL != webpage.CanonicalURL(tdoc.URL) {
			t.Errorf("%s: URL %q", name, h.URL)
		}
		tdoc.ID, tdoc.SourceFile, tdoc.URL = h.ID, h.SourceFile, h.URL
		if diff := cmp.Diff(nquads(x.Extract(tdoc)), nquads(x.Extract(h))); diff != "" {
			t.Errorf("%s: WARC facts differ from .txt (-txt +warc):\n%s", name, diff)
		}
	}
}

// TestWARCCorruptMiddle: a corrupt record in the middle is reported with its
// offset, and the records after it are still read, gzipped or not.
func TestWARCCorruptMiddle(t *testing.T) {
	ok := "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: https://vov.vn/x\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n"
	body := "<html><body><article><p>" + strings.Repeat("Thượng tướng Nguyễn Tân Cương dự Hội nghị tại Hà Nội. ", 8) + "</p></article></body></html>"
	good := fmt.Sprintf(ok, len(body), body)
	broken := "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\n"
	plain := good + broken + "garbage line\r\n" + good
	for _, gz := range []bool{false, true} {
		var data []byte
		if gz {
			for _, part := range []string{good, broken, "not gzip at all", good} {
				if part == "not gzip at all" {
					data = append(data, part...)
					continue
				}
				var b bytes.Buffer
				zw := gzip.NewWriter(&b)
				zw.Write([]byte(part))
				zw.Close()
				data = append(data, b.Bytes()...)
			}
		} else {
			data = []byte(plain)
		}
		file := filepath.Join(t.TempDir(), "x.warc")
		os.WriteFile(file, data, 0o644)
		n := 0
		var bad []string
		input.Walk(context.Background(), []string{file}, input.Options{}, func(it input.Item) error {
			if _, err := it.Document(); err != nil {
				bad = append(bad, err.Error())
			} else {
				n++
			}
			return nil
		}, func(err error) { bad = append(bad, err.Error()) })
		if n != 2 || len(bad) == 0 || !strings.Contains(bad[0], "record at offset") {
			t.Errorf("gzip %v: %d documents, errors %q", gz, n, bad)
		}
	}
}
