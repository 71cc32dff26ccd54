// Command warcgen writes a WARC crawl of generated articles, for the memory
// benchmark of WARC input (bench/warc.sh): each .txt article of a directory
// (as bench/gen writes them) becomes an HTML page in a news outlet's layout
// (JSON-LD metadata, navigation, a sidebar of related headlines, a footer),
// fetched as a request and a response record; image records of incompressible
// bytes are interleaved until the file reaches -size, as a crawl's images and
// scripts outweigh its pages. Every record is its own gzip member, as wget
// and Heritrix write them.
//
//	go run ./bench/warcgen -in DIR -size 1073741824 -o crawl.warc.gz
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vnkg/vnkg/extract"
)

func main() {
	fs := flag.NewFlagSet("warcgen", flag.ExitOnError)
	in := fs.String("in", "", "directory of .txt articles (searched recursively)")
	out := fs.String("o", "", "the WARC file to write (.warc.gz)")
	size := fs.Int64("size", 1<<30, "stop adding image records once the file is this many bytes")
	image := fs.Int("image", 1<<20, "bytes of each image record")
	fs.Parse(os.Args[1:])
	if *in == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: warcgen -in DIR -o FILE.warc.gz [-size BYTES]")
		os.Exit(2)
	}
	if err := run(*in, *out, *size, *image); err != nil {
		fmt.Fprintf(os.Stderr, "warcgen: %v\n", err)
		os.Exit(1)
	}
}

func run(in, out string, size int64, imageBytes int) error {
	var files []string
	err := filepath.WalkDir(in, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()
	cw := &countingWriter{w: bufio.NewWriterSize(f, 1<<20)}
	rng := rand.New(rand.NewPCG(1, 2))
	img := make([]byte, imageBytes)
	if err := record(cw, "warcinfo", "", "application/warc-fields", []byte("software: vnkg bench/warcgen\r\nformat: WARC File Format 1.1\r\n")); err != nil {
		return err
	}
	// Images go between the pages, spread evenly, to reach size.
	perPage := 0.0
	if len(files) > 0 {
		perPage = float64(size) / float64(imageBytes+300) / float64(len(files))
	}
	owed := 0.0
	images := 0
	addImage := func() error {
		for j := range img {
			img[j] = byte(rng.Uint32())
		}
		images++
		iu := fmt.Sprintf("https://cdn.qdnd.vn/images/%d.jpg", images)
		head := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: %d\r\n\r\n", len(img))
		return record(cw, "response", iu, "application/http; msgtype=response", append([]byte(head), img...))
	}
	for i, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := extract.ParseText(strings.TrimSuffix(filepath.Base(p), ".txt"), b)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		uri := fmt.Sprintf("https://www.qdnd.vn/quoc-phong-an-ninh/doi-ngoai-quoc-phong/%s-%d", doc.ID, 700000+i)
		if err := record(cw, "request", uri, "application/http; msgtype=request", []byte("GET "+uri[len("https://www.qdnd.vn"):]+" HTTP/1.1\r\nHost: www.qdnd.vn\r\n\r\n")); err != nil {
			return err
		}
		body := page(doc, uri)
		resp := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n", len(body))
		if err := record(cw, "response", uri, "application/http; msgtype=response", append([]byte(resp), body...)); err != nil {
			return err
		}
		for owed += perPage; owed >= 1 && cw.n < size; owed-- {
			if err := addImage(); err != nil {
				return err
			}
		}
	}
	for cw.n < size { // what the even spread left short
		if err := addImage(); err != nil {
			return err
		}
	}
	if err := cw.w.(*bufio.Writer).Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "warcgen: %d pages, %d bytes in %s\n", len(files), cw.n, out)
	return f.Close()
}

// page is the article in an outlet's layout, with chrome a naive reader
// would take for facts.
func page(doc extract.Document, uri string) []byte {
	ld, _ := json.Marshal(map[string]any{
		"@context": "https://schema.org", "@type": "NewsArticle", "headline": doc.Title,
		"datePublished": doc.Published, "publisher": map[string]string{"@type": "Organization", "name": "Báo Quân đội nhân dân"},
	})
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>%s</title>
<script type="application/ld+json">%s</script><link rel="canonical" href="%s"></head><body>
<header><nav><a href="/">Trang chủ</a> <a href="/quoc-phong-an-ninh">Quốc phòng - An ninh</a> <a href="/the-gioi">Thế giới</a></nav></header>
<main><article class="post"><h1 class="post-title">%s</h1><div class="post-content">
`, html.EscapeString(doc.Title), ld, uri, html.EscapeString(doc.Title))
	for _, para := range strings.Split(doc.Text, "\n\n") {
		if strings.TrimSpace(para) != "" {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(strings.TrimSpace(para)))
		}
	}
	b.WriteString(`</div></article>
<aside class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/a1">Đại tướng Phan Văn Giang tiếp Bộ trưởng Quốc phòng Lào</a></li>
<li><a href="/a2">Thượng tướng Hoàng Xuân Chiến hội đàm với Thứ trưởng Quốc phòng Nhật Bản</a></li>
</ul></aside></main>
<footer>© Báo Quân đội nhân dân. Cơ quan của Quân ủy Trung ương và Bộ Quốc phòng.</footer>
</body></html>
`)
	return []byte(b.String())
}

// record writes one WARC record as its own gzip member.
func record(w io.Writer, typ, uri, ctype string, block []byte) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if err != nil {
		return err
	}
	fmt.Fprintf(zw, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Date: 2024-06-10T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\n", typ, rand.Uint32())
	if uri != "" {
		fmt.Fprintf(zw, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(zw, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", ctype, len(block))
	zw.Write(block)
	zw.Write([]byte("\r\n\r\n"))
	return zw.Close()
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
