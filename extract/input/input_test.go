package input_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/vnkg/vnkg/extract/input"
)

func gz(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

type walked struct {
	ids  []string
	bad  []error
	stat input.Stats
}

func walk(t *testing.T, paths []string, opt input.Options) walked {
	t.Helper()
	var w walked
	st, err := input.Walk(context.Background(), paths, opt, func(it input.Item) error {
		d, err := it.Document()
		if err != nil {
			w.bad = append(w.bad, err)
			return nil
		}
		w.ids = append(w.ids, d.ID)
		return nil
	}, func(err error) { w.bad = append(w.bad, err) })
	if err != nil {
		t.Fatal(err)
	}
	w.stat = st
	return w
}

const jsonl = `{"id":"a","text":"Ngày 9/6, Thượng tướng Hoàng Xuân Chiến tiếp Đại sứ."}
["an","array"]
{"id":"b","text":"Chiều 12/5, Đại tướng Phan Văn Giang chủ trì Hội nghị.","author":["Trần Hải Nam"]}
`

// TestStdinSniffed: stdin carries any kind of input, told by its content.
func TestStdinSniffed(t *testing.T) {
	page, _ := os.ReadFile(filepath.Join(pages, "vov.html"))
	warcRec := "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: https://vov.vn/x\r\nContent-Type: text/html\r\nContent-Length: " + strconv.Itoa(len(page)) + "\r\n\r\n" + string(page) + "\r\n\r\n"
	tests := []struct {
		name  string
		data  []byte
		ids   int
		bad   int
		idPfx string
	}{
		{"text", []byte("Ngày 9/6, Thượng tướng Hoàng Xuân Chiến tiếp Đại sứ."), 1, 0, "stdin"},
		{"jsonl", []byte(jsonl), 2, 1, "a"},
		{"jsonl.gz", gz(jsonl), 2, 1, "a"},
		{"html", page, 1, 0, "vov.vn-"},
		{"warc", []byte(warcRec), 1, 0, "vov.vn-"},
		{"warc.gz", gz(warcRec), 1, 0, "vov.vn-"},
		{"binary", []byte("\x00\x01\x02binary"), 0, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := walk(t, []string{"-"}, input.Options{Stdin: bytes.NewReader(tt.data), Rules: loadRules(t)})
			if len(w.ids) != tt.ids || len(w.bad) != tt.bad || tt.ids > 0 && !strings.HasPrefix(w.ids[0], tt.idPfx) {
				t.Errorf("ids %q, errors %v", w.ids, w.bad)
			}
		})
	}
}

// TestFiles: a directory with every kind, a JSON line over the limit (the rest
// of the file still read), an oversized page, an empty file.
func TestFiles(t *testing.T) {
	dir := t.TempDir()
	big := `{"id":"big","text":"` + strings.Repeat("x", 2000) + `"}`
	files := map[string][]byte{
		"a.jsonl.gz": gz(jsonl),
		"b.jsonl":    []byte(`{"id":"c","text":"Một."}` + "\n" + big + "\n" + `{"id":"d","text":"Hai."}` + "\n"),
		"e.txt":      []byte("Ngày 9/6, Thượng tướng Hoàng Xuân Chiến tiếp Đại sứ."),
		"empty.txt":  nil,
		"huge.html":  append([]byte("<html><body><p>"), bytes.Repeat([]byte("chữ "), 1000)...),
		"robots.txt": []byte("User-agent: *"),
		"x.css":      []byte("body{}"),
	}
	for name, b := range files {
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	w := walk(t, []string{dir}, input.Options{MaxBytes: 1024})
	if got := strings.Join(w.ids, " "); got != "a b c d e" {
		t.Errorf("ids %q", got)
	}
	var msgs []string
	for _, e := range w.bad {
		msgs = append(msgs, e.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"b.jsonl:2: over the size limit", "b.jsonl:2", "a.jsonl.gz:2: malformed JSON Lines record: the record is an array, not an object", "empty.txt: no article text", "huge.html: over the size limit"} {
		if !strings.Contains(all, want) {
			t.Errorf("no error %q in:\n%s", want, all)
		}
	}
	if len(w.bad) != 4 {
		t.Errorf("%d errors:\n%s", len(w.bad), all)
	}
	empty := t.TempDir()
	w = walk(t, []string{empty}, input.Options{})
	if len(w.bad) != 1 || !errors.Is(w.bad[0], input.ErrNoInputs) {
		t.Errorf("empty folder: %v", w.bad)
	}
}
