package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/vnkg/vnkg/data"
	"github.com/vnkg/vnkg/extract/input"
	"github.com/vnkg/vnkg/extract/webpage"
	"github.com/vnkg/vnkg/graph/vocab"
)

// badInput is one bad input of TestBuildBadInputs: the one message it must
// cause (a pattern that names its file, and line or record).
type badInput struct {
	name    string // what it is
	message string // regexp for its one line on stderr
}

// TestBuildBadInputs builds one directory that holds bad inputs of every kind
// issues 9 and 11 list beside good articles, as a user would: the real
// binary, run as an unprivileged user when the test runs as root (so that an
// unreadable folder is unreadable). Each bad input gets one clear message
// naming its file (and line or WARC record); every good article is stored;
// the exit status is 3. Building again, from another working directory, with
// a relative path and --batch 1, stores nothing twice: every article unchanged, the
// same messages. The published graph holds no local path.
func TestBuildBadInputs(t *testing.T) {
	bin := vnkgBinary(t)
	base := t.TempDir()
	news := filepath.Join(base, "news")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(news, name)
		must(os.MkdirAll(filepath.Dir(p), 0o755))
		must(os.WriteFile(p, data, 0o644))
	}
	read := func(p string) []byte {
		t.Helper()
		b, err := os.ReadFile(p)
		must(err)
		return b
	}
	const maxSize = 200_000

	// Good inputs: three bundled articles, JSON Lines records, a saved page,
	// a WARC record, and a folder reached through a symlink given as a path.
	seeds, _ := filepath.Glob("../../data/corpus/*.txt")
	if len(seeds) < 3 {
		t.Fatal("the bundled corpus is missing")
	}
	want := map[string]bool{} // document ids
	for _, s := range seeds[:3] {
		write(filepath.Base(s), read(s))
		want[strings.TrimSuffix(filepath.Base(s), ".txt")] = true
	}
	write("pages/vov.html", read("../../extract/webpage/testdata/pages/vov.html"))
	want[pageID(t, read("../../extract/webpage/testdata/pages/vov.html"), "")] = true
	rec := func(id, text string) string {
		b, _ := json.Marshal(map[string]string{"id": id, "text": text, "published": "2024-06-09"})
		return string(b) + "\n"
	}
	write("records.jsonl", []byte(rec("rec-1", "Ngày 9/6, tại Hà Nội, Thượng tướng Hoàng Xuân Chiến tiếp Đại sứ Lào.")+
		rec("rec-huge", strings.Repeat("Bộ Quốc phòng. ", maxSize/10))+ // line 2: over --max-size
		`["an","array"]`+"\n"+ // line 3: not an object
		rec("rec-1", "Chiều 12/5, Đại tướng Phan Văn Giang chủ trì Hội nghị quân chính.")+ // line 4: rec-1 again, other text
		rec("rec-5", "Sáng 10/6, Bộ Quốc phòng tổ chức Hội nghị tổng kết công tác đối ngoại.")))
	want["rec-1"], want["rec-5"] = true, true
	qdnd := read("../../extract/webpage/testdata/pages/qdnd.html")
	write("crawl.warc.gz", truncatedWARC(t, qdnd))
	want[pageID(t, qdnd, qdndURI)] = true
	outside := filepath.Join(base, "elsewhere")
	must(os.MkdirAll(outside, 0o755))
	must(os.WriteFile(filepath.Join(outside, "linked.txt"), []byte("Ngày 8/1, Bộ Quốc phòng tổ chức Hội nghị tổng kết."), 0o644))
	must(os.Symlink(outside, filepath.Join(base, "link")))
	want["linked"] = true
	// Two names that differ only by normalization (NFC, and NFD as macOS
	// writes them): the same document, read twice with other text.
	nfc := norm.NFC.String("Tiếp.txt")
	write(nfc, []byte("Ngày 3/3, Đại tướng Phan Văn Giang tiếp Đại sứ Nhật Bản."))
	write(norm.NFD.String("Tiếp.txt"), []byte("Ngày 4/3, Đại tướng Phan Văn Giang tiếp Đại sứ Hàn Quốc."))
	want[norm.NFC.String("Tiếp")] = true

	// Bad inputs, one of each kind.
	bad := []badInput{
		{"empty file", `news/empty\.txt: no article text$`},
		{"not UTF-8", `news/latin1\.txt: not valid UTF-8 text at byte \d+`},
		{"over the size limit", `news/big\.txt: over the size limit: \d+ bytes, the limit is 200000 \(--max-size\)$`},
		{"a FIFO without writer", `news/pipe\.txt: a named pipe with no writer within 1s \(--pipe-wait\); skipped$`},
		{"a JSON line over the limit", `news/records\.jsonl:2: over the size limit`},
		{"a JSON array record", `news/records\.jsonl:3: `},
		{"a duplicate id with other text", `news/records\.jsonl:4: document "rec-1" has other text than the one read from .*news/records\.jsonl:1`},
		{"a binary .jsonl", `news/binary\.jsonl: binary content`},
		{"a binary .html", `news/pages/binary\.html: .*binary content`},
		{"a section front", `news/pages/front\.html: no article body found`},
		{"a truncated WARC record", `news/crawl\.warc\.gz: record at offset \d+.*: .*(truncated|unexpected EOF)`},
		{"an NFD name of an NFC one, other text", `document "Tiếp" has other text than the one read from .*\(two file names that differ only by Unicode normalization, NFC and NFD\); skipped$`},
	}
	write("empty.txt", nil)
	write("latin1.txt", []byte("B\xf4 Qu\xf4c ph\xf2ng t\xf4 ch\xfac H\xf4i ngh\xec."))
	write("big.txt", bytes.Repeat([]byte("Bộ Quốc phòng tổ chức Hội nghị. "), maxSize/20))
	must(syscall.Mkfifo(filepath.Join(news, "pipe.txt"), 0o644))
	write("binary.jsonl", bytes.Repeat([]byte{0, 1, 2, 0xff, '\n', 0}, 5000))
	write("pages/binary.html", append([]byte("<html>\x00\x01"), bytes.Repeat([]byte{0, 0xfe, 7}, 3000)...))
	write("pages/front.html", []byte(`<!doctype html><html><head><title>Quốc phòng - Tin tức</title></head><body>
<nav><a href="/">Trang chủ</a> <a href="/qp">Quốc phòng</a></nav>
<ul><li><a href="/a1">Đại tướng Phan Văn Giang tiếp Bộ trưởng Quốc phòng Lào</a></li>
<li><a href="/a2">Thượng tướng Hoàng Xuân Chiến hội đàm với Thứ trưởng Quốc phòng Nhật Bản</a></li></ul>
<footer>© Báo Quân đội nhân dân</footer></body></html>`))
	// An unreadable folder: only the folder is skipped, not the tree.
	locked := filepath.Join(news, "locked")
	write("locked/secret.txt", []byte("Ngày 5/5, Bộ Quốc phòng tổ chức Hội nghị."))
	asUser := os.Geteuid() == 0
	must(os.Chmod(locked, 0o000))
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	bad = append(bad, badInput{"an unreadable folder", `news/locked: permission denied$`})

	db := filepath.Join(base, "db")
	if asUser {
		// Run as nobody: the tree readable to all, the store's folder theirs.
		for _, p := range []string{filepath.Dir(base), base, filepath.Dir(bin)} {
			must(os.Chmod(p, 0o755))
		}
		must(os.Mkdir(db, 0o755))
		must(os.Chown(db, 65534, 65534))
	}
	build := func(dir string, args ...string) (code int, sum buildSummary, stderr string) {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"build", "--json", "--max-size", fmt.Sprint(maxSize), "--pipe-wait", "1s", "--db", db}, args...)...)
		cmd.Dir = dir
		if asUser {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		}
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
			t.Fatalf("the --json summary %q: %v\nstderr:\n%s", out.String(), err, errb.String())
		}
		return cmd.ProcessState.ExitCode(), sum, errb.String()
	}
	check := func(run string, code int, sum buildSummary, stderr string) {
		t.Helper()
		if code != exitPartial {
			t.Errorf("%s: exit %d, want %d (partial)", run, code, exitPartial)
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		used := make([]bool, len(lines))
		for _, b := range bad {
			re := regexp.MustCompile(b.message)
			n := 0
			for i, l := range lines {
				if re.MatchString(l) {
					n++
					used[i] = true
				}
			}
			if n != 1 {
				t.Errorf("%s: %s: %d messages match %q, want 1", run, b.name, n, b.message)
			}
		}
		for i, l := range lines {
			if !used[i] && !strings.HasPrefix(l, "vnkg build: some inputs failed") {
				t.Errorf("%s: an unexpected line on stderr: %s", run, l)
			}
			if strings.Contains(l, "goroutine ") || strings.Contains(l, "panic") || strings.Contains(l, "[]interface") {
				t.Errorf("%s: %s", run, l)
			}
		}
		if sum.Errors != len(bad) {
			t.Errorf("%s: %d errors, want %d", run, sum.Errors, len(bad))
		}
		if sum.Articles != len(want) {
			t.Errorf("%s: %d articles stored, want %d", run, sum.Articles, len(want))
		}
	}

	code, first, stderr := build(base, news, filepath.Join(base, "link"))
	check("first build", code, first, stderr)
	if first.New != len(want) || first.Added == 0 {
		t.Errorf("first build: %+v", first)
	}
	if t.Failed() || testing.Verbose() {
		t.Logf("stderr:\n%s", stderr)
	}
	// Again, from the parent folder with relative paths, one article a
	// transaction (which once rewrote one of two colliding names every
	// time): nothing twice.
	code, second, stderr := build(base, "--batch", "1", "news", "link")
	check("second build", code, second, stderr)
	if second.New != 0 || second.Changed != 0 || second.Unchanged != len(want) || second.Added != 0 || second.Removed != 0 || second.Background != 0 {
		t.Errorf("second build stored something again: %+v\nstderr:\n%s", second, stderr)
	}

	if asUser {
		must(os.Chmod(locked, 0o755))
	}
	nq := exportStore(t, db)
	docs := byLabel(nq)
	for id := range want {
		if docs[vocab.DocIRI(id)] == "" {
			t.Errorf("%s is not stored", id)
		}
	}
	if bytes.Contains(nq, []byte(base)) {
		t.Errorf("the store holds the local path %s", base)
	}
	for _, id := range []string{"empty", "latin1", "big", "pipe", "secret", "rec-huge", "front", "binary"} {
		if docs[vocab.DocIRI(id)] != "" {
			t.Errorf("the bad input %s was stored", id)
		}
	}
}

const qdndURI = "https://www.qdnd.vn/quoc-phong-an-ninh/doi-ngoai-quoc-phong/a-1"

// pageID is the document id of a page fetched from uri.
func pageID(t *testing.T, page []byte, uri string) string {
	t.Helper()
	rules, err := webpage.LoadRules(data.SitesFS())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := input.PageDocument(page, "", "fallback", webpage.Options{URL: uri, Rules: rules})
	if err != nil || doc.ID == "fallback" {
		t.Fatalf("page id: %q, %v", doc.ID, err)
	}
	return doc.ID
}

// truncatedWARC is a WARC as the crawlers write it (gzip per record): a
// warcinfo, one HTML response of page, and a last response cut short.
func truncatedWARC(t *testing.T, page []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	member := func(header string, block []byte) {
		var rec bytes.Buffer
		fmt.Fprintf(&rec, "WARC/1.1\r\n%sContent-Length: %d\r\n\r\n", header, len(block))
		rec.Write(block)
		rec.WriteString("\r\n\r\n")
		zw := gzip.NewWriter(&out)
		zw.Write(rec.Bytes())
		zw.Close()
	}
	date := "WARC-Date: " + time.Date(2024, 6, 9, 8, 0, 0, 0, time.UTC).Format(time.RFC3339) + "\r\n"
	member("WARC-Type: warcinfo\r\n"+date+"Content-Type: application/warc-fields\r\n", []byte("software: test\r\n"))
	http := func(body []byte) []byte {
		return append([]byte(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n", len(body))), body...)
	}
	member("WARC-Type: response\r\n"+date+"WARC-Target-URI: "+qdndURI+"\r\nContent-Type: application/http; msgtype=response\r\n", http(page))
	start := out.Len()
	member("WARC-Type: response\r\n"+date+"WARC-Target-URI: https://www.qdnd.vn/quoc-phong-an-ninh/doi-ngoai-quoc-phong/a-2\r\nContent-Type: application/http; msgtype=response\r\n", http(page))
	return out.Bytes()[:start+(out.Len()-start)/2]
}

// TestPipeInterrupt: extract and build waiting for a writer on a named pipe
// stop at Ctrl-C or SIGTERM with exit 130, saying so.
func TestPipeInterrupt(t *testing.T) {
	bin := vnkgBinary(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, tt := range []struct {
		name string
		args []string
		sig  os.Signal
	}{
		{"extract SIGTERM", []string{"extract", "--pipe-wait", "1h", fifo}, syscall.SIGTERM},
		{"extract Ctrl-C", []string{"extract", "--pipe-wait", "1h", dir}, os.Interrupt},
		{"build SIGTERM", []string{"build", "--db", filepath.Join(dir, "db"), "--pipe-wait", "1h", fifo}, syscall.SIGTERM},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, tt.args...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			time.Sleep(500 * time.Millisecond) // waiting for the pipe by now
			start := time.Now()
			cmd.Process.Signal(tt.sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatalf("still running 10 s after the signal\n%s", stderr.String())
			}
			if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
				t.Errorf("exit %d, want %d\n%s", code, exitInterrupted, stderr.String())
			}
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("stderr:\n%s", stderr.String())
			}
			t.Logf("stopped %s after the signal", time.Since(start).Round(time.Millisecond))
		})
	}
}
