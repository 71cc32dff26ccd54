package input_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

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

// TestPipeWithoutWriter: a named pipe that nobody writes to is reported and
// skipped after PipeWait, and a cancelled walk stops waiting for it at once;
// one with a writer is read.
func TestPipeWithoutWriter(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "b_pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Ngày 9/6, Bộ Quốc phòng tổ chức Hội nghị."), 0o644)
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte("Ngày 10/6, Bộ Quốc phòng tổ chức Hội nghị."), 0o644)

	t.Run("timeout", func(t *testing.T) {
		start := time.Now()
		w := walk(t, []string{dir}, input.Options{PipeWait: 200 * time.Millisecond})
		if time.Since(start) > 5*time.Second {
			t.Errorf("the walk took %s", time.Since(start))
		}
		if !slices.Equal(w.ids, []string{"a", "c"}) {
			t.Errorf("ids %v, want [a c]", w.ids)
		}
		if len(w.bad) != 1 || !errors.Is(w.bad[0], input.ErrNoWriter) || !strings.Contains(w.bad[0].Error(), "b_pipe.txt") {
			t.Errorf("bad %v, want one ErrNoWriter naming b_pipe.txt", w.bad)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(200*time.Millisecond, cancel)
		start := time.Now()
		var ids []string
		_, err := input.Walk(ctx, []string{dir}, input.Options{PipeWait: time.Hour}, func(it input.Item) error {
			ids = append(ids, it.Source)
			return nil
		}, func(err error) { t.Errorf("reported %v", err) })
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Walk: %v, want context.Canceled", err)
		}
		if time.Since(start) > 5*time.Second {
			t.Errorf("the cancelled walk took %s", time.Since(start))
		}
		if !slices.Equal(ids, []string{"a.txt"}) {
			t.Errorf("read %v before the pipe, want [a.txt]", ids)
		}
	})
	t.Run("writer", func(t *testing.T) {
		go func() {
			f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
			if err != nil {
				return
			}
			f.WriteString("Ngày 11/6, Bộ Quốc phòng tổ chức Hội nghị.")
			f.Close()
		}()
		w := walk(t, []string{dir}, input.Options{PipeWait: time.Minute})
		if !slices.Equal(w.ids, []string{"a", "b_pipe", "c"}) || len(w.bad) != 0 {
			t.Errorf("ids %v, bad %v", w.ids, w.bad)
		}
	})
}

// TestSourceRelative: an item's Source (the document's SourceFile) is its
// path under the directory named, or a named file's base name: the same from
// any working directory and for any spelling of the path.
func TestSourceRelative(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "news", "2024"), 0o755)
	os.WriteFile(filepath.Join(dir, "news", "2024", "a.txt"), []byte("Ngày 9/6, Bộ Quốc phòng tổ chức Hội nghị."), 0o644)
	os.WriteFile(filepath.Join(dir, "news", "b.jsonl"), []byte(jsonl), 0o644)
	sources := func(paths ...string) []string {
		var got []string
		input.Walk(context.Background(), paths, input.Options{}, func(it input.Item) error {
			d, err := it.Document()
			if err != nil {
				t.Fatal(err)
			}
			if d.SourceFile != it.Source {
				t.Errorf("SourceFile %q, Source %q", d.SourceFile, it.Source)
			}
			got = append(got, it.Source)
			return nil
		}, func(error) {})
		return got
	}
	want := []string{"2024/a.txt", "b.jsonl", "b.jsonl"}
	for _, p := range []string{filepath.Join(dir, "news"), filepath.Join(dir, "news") + "/", filepath.Join(dir, "news", "2024", "..")} {
		if got := sources(p); !slices.Equal(got, want) {
			t.Errorf("%s: sources %v, want %v", p, got, want)
		}
	}
	if got := sources(filepath.Join(dir, "news", "2024", "a.txt")); !slices.Equal(got, []string{"a.txt"}) {
		t.Errorf("a file: sources %v, want [a.txt]", got)
	}
	t.Chdir(dir)
	if got := sources("news"); !slices.Equal(got, want) {
		t.Errorf("relative: sources %v, want %v", got, want)
	}
}

// TestSymlinkedFolders: a corpus assembled from links to other folders is read
// through them, each file once and under the path the user gave; a link back
// to a folder already read (a cycle, or a second way in) is reported, not
// followed.
func TestSymlinkedFolders(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "elsewhere", "2019")
	corpus := filepath.Join(dir, "corpus")
	os.MkdirAll(other, 0o755)
	os.MkdirAll(filepath.Join(corpus, "own"), 0o755)
	os.WriteFile(filepath.Join(other, "a.txt"), []byte("Ngày 9/6, Bộ Quốc phòng tổ chức Hội nghị."), 0o644)
	os.WriteFile(filepath.Join(corpus, "own", "b.txt"), []byte("Ngày 10/6, Bộ Quốc phòng tổ chức Hội nghị."), 0o644)
	for link, target := range map[string]string{
		filepath.Join(corpus, "2019"):         other,                        // a folder elsewhere
		filepath.Join(corpus, "own", "loop"):  corpus,                       // a cycle
		filepath.Join(corpus, "zz-own-again"): filepath.Join(corpus, "own"), // a second way in
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	var sources []string
	var bad []string
	input.Walk(context.Background(), []string{corpus}, input.Options{}, func(it input.Item) error {
		sources = append(sources, it.Source)
		return nil
	}, func(err error) { bad = append(bad, err.Error()) })
	if want := []string{"2019/a.txt", "own/b.txt"}; !slices.Equal(sources, want) {
		t.Errorf("sources %v, want %v", sources, want)
	}
	all := strings.Join(bad, "\n")
	for _, want := range []string{"own/loop: a link to a folder already read; skipped", "zz-own-again: a link to a folder already read; skipped"} {
		if !strings.Contains(all, want) {
			t.Errorf("no error %q in:\n%s", want, all)
		}
	}
	if len(bad) != 2 {
		t.Errorf("%d errors:\n%s", len(bad), all)
	}
}
