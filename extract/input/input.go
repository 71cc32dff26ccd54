// Package input finds and reads vnkg's inputs: .txt articles, JSON Lines
// (.jsonl, .jsonl.gz), saved pages (.html, .htm; a directory as wget -m or a
// browser leaves it) and WARC crawls (.warc, .warc.gz), on disk or on stdin,
// each recognised by its content as much as by its name. It streams: a
// multi-gigabyte WARC or JSON Lines file is read record by record, and one
// input over the size limit is reported, not read.
//
// Walk yields Items; an Item's Document does the costly part (a page's
// readability pass) so that callers can run it on a worker pool.
package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/extract/webpage"
)

// DefaultMaxBytes is the default limit on one input: a file, a JSON line, a
// WARC record.
const DefaultMaxBytes = 32 << 20

// Errors about inputs, wrapped in *extract.InputError with the file (and line
// or record).
var (
	ErrTooLarge    = errors.New("over the size limit")
	ErrBinary      = errors.New("binary content, not text")
	ErrUnsupported = errors.New("unsupported input (want .txt, .jsonl, .jsonl.gz, .html, .htm, .warc or .warc.gz)")
	ErrEmpty       = errors.New("no article text")
	// ErrNoInputs is a warning: a directory without inputs.
	ErrNoInputs = errors.New("no .txt, .jsonl, .jsonl.gz, .html, .htm, .warc or .warc.gz files here")
)

// Options tune a walk.
type Options struct {
	Stdin    io.Reader      // what "-" reads
	MaxBytes int64          // limit on one input; 0 for DefaultMaxBytes
	Rules    *webpage.Rules // site rules for pages; nil for none
	// PipeWait is how long a named pipe may go without a writer before it is
	// reported and skipped; 0 for DefaultPipeWait.
	PipeWait time.Duration
}

// DefaultPipeWait is how long a walk waits for a writer on a named pipe.
const DefaultPipeWait = 10 * time.Second

// Item is one input document, read but not necessarily parsed.
type Item struct {
	File string // the path ("-" for stdin)
	// Source is the path relative to the input root it was found under (the
	// directory named on the command line; a file named there is its base
	// name): what the document's SourceFile holds, the same from any
	// working directory.
	Source string
	Line   int  // of a JSON Lines record
	Record bool // a WARC record, at Offset with URI
	Offset int64
	URI    string

	doc         *extract.Document
	page        []byte
	contentType string
	fallbackID  string
	rules       *webpage.Rules
}

// Document parses the item. A page with no article (a section front, a login
// wall), or a binary one, is an *extract.InputError naming the file and record.
func (it Item) Document() (extract.Document, error) {
	var doc extract.Document
	if it.doc != nil {
		doc = *it.doc
	} else {
		d, err := PageDocument(it.page, it.Source, it.fallbackID, webpage.Options{ContentType: it.contentType, URL: it.URI, Rules: it.rules})
		if err != nil {
			return extract.Document{}, it.errorf(err)
		}
		doc = d
	}
	doc.ID = norm.NFC.String(doc.ID)
	return doc, nil
}

// Where names the item for messages: "file", "file:line", "file@offset".
func (it Item) Where() string {
	switch {
	case it.Line > 0:
		return fmt.Sprintf("%s:%d", it.File, it.Line)
	case it.Record:
		return fmt.Sprintf("%s@%d", it.File, it.Offset)
	}
	return it.File
}

func (it Item) errorf(err error) error {
	return &extract.InputError{File: it.File, Line: it.Line, Record: it.Record, Offset: it.Offset, URI: it.URI, Err: err}
}

// Stats counts what a walk skipped on purpose (not errors): WARC records that
// are not articles, by kind.
type Stats struct {
	Skipped map[string]int
}

func (s *Stats) skip(kind string) {
	if s.Skipped == nil {
		s.Skipped = map[string]int{}
	}
	s.Skipped[kind]++
}

// Total is the number of skipped records.
func (s Stats) Total() int {
	n := 0
	for _, v := range s.Skipped {
		n += v
	}
	return n
}

// String lists the skipped kinds, most first: "3 request, 1 revisit, 1 image/png".
func (s Stats) String() string {
	kinds := make([]string, 0, len(s.Skipped))
	for k := range s.Skipped {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if s.Skipped[kinds[i]] != s.Skipped[kinds[j]] {
			return s.Skipped[kinds[i]] > s.Skipped[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%d %s", s.Skipped[k], k)
	}
	return strings.Join(parts, ", ")
}

type walker struct {
	ctx    context.Context
	opt    Options
	fn     func(Item) error
	bad    func(error)
	stats  Stats
	source string // the current input's path under its root (Item.Source)
}

// Walk reads the inputs under paths (files or directories, searched in lexical
// order; "-" reads stdin) and calls fn for each document. A bad input is passed
// to bad and the walk goes on; Walk returns fn's error (which stops it) or
// ctx's, and what it skipped on purpose.
func Walk(ctx context.Context, paths []string, opt Options, fn func(Item) error, bad func(error)) (Stats, error) {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.Stdin == nil {
		opt.Stdin = strings.NewReader("")
	}
	if opt.PipeWait <= 0 {
		opt.PipeWait = DefaultPipeWait
	}
	w := &walker{ctx: ctx, opt: opt, fn: fn, bad: bad}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return w.stats, err
		}
		var err error
		if p == "-" {
			w.source = "-"
			err = w.stream("-", "stdin", opt.Stdin, "")
		} else {
			err = w.path(p)
		}
		if err != nil {
			return w.stats, err
		}
	}
	return w.stats, nil
}

func (w *walker) path(p string) error {
	info, err := os.Stat(p) // follows a symlink to a directory
	if err != nil {
		w.bad(&extract.InputError{File: p, Err: osErr(err)})
		return nil
	}
	if !info.IsDir() {
		w.source = filepath.Base(p)
		return w.file(p, info)
	}
	files := w.list(p, p, map[string]bool{})
	if len(files) == 0 {
		w.bad(&extract.InputError{File: p, Err: ErrNoInputs})
		return nil
	}
	sort.Strings(files)
	for _, f := range files {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		info, err := os.Stat(f)
		if err != nil {
			w.bad(&extract.InputError{File: f, Err: osErr(err)})
			continue
		}
		w.source = f
		if rel, err := filepath.Rel(p, f); err == nil {
			w.source = filepath.ToSlash(rel)
		}
		if err := w.file(f, info); err != nil {
			return err
		}
	}
	return nil
}

// list gives the input files under the directory dir, shown under the name
// shown (dir's path as the user gave it, below p). Symlinked directories are
// followed, as `find -L` does, since corpora are often assembled from links to
// other folders; a link to a folder already read (a cycle, or a second way to
// the same folder) is reported and skipped, so that no file is read twice.
// visited holds the real paths of the folders walked.
func (w *walker) list(dir, shown string, visited map[string]bool) []string {
	root := dir
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		root = real
	}
	if visited[root] {
		w.bad(&extract.InputError{File: shown, Err: errors.New("a link to a folder already read; skipped")})
		return nil
	}
	visited[root] = true
	var files []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		name := filepath.Join(shown, strings.TrimPrefix(path, root))
		if err != nil {
			w.bad(&extract.InputError{File: name, Err: osErr(err)})
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			// hidden folders, and the "_files" folder of a browser's saved page
			if path != root && skippedDir(d.Name()) {
				return filepath.SkipDir
			}
			if path != root {
				if visited[path] {
					return filepath.SkipDir // read already, through a link
				}
				visited[path] = true
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if info, err := os.Stat(path); err == nil && info.IsDir() {
				if !skippedDir(d.Name()) {
					files = append(files, w.list(path, name, visited)...)
				}
				return nil
			}
		}
		if !wanted(d.Name()) {
			return nil
		}
		if t := d.Type(); !t.IsRegular() && t&(fs.ModeSymlink|fs.ModeNamedPipe) == 0 {
			w.bad(&extract.InputError{File: name, Err: errors.New("not a regular file; skipped")})
			return nil
		}
		files = append(files, name)
		return nil
	})
	return files
}

// skippedDir tells the folders a walk leaves out: hidden ones, and the
// "_files" folder of a browser's saved page.
func skippedDir(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "_files")
}

// wanted tells which files in a directory are inputs (robots.txt of a wget
// mirror is not).
func wanted(name string) bool {
	n := strings.ToLower(name)
	if n == "robots.txt" {
		return false
	}
	for _, ext := range []string{".txt", ".jsonl", ".jsonl.gz", ".html", ".htm", ".shtml", ".xhtml", ".warc", ".warc.gz"} {
		if strings.HasSuffix(n, ext) {
			return true
		}
	}
	return false
}

func (w *walker) file(p string, info fs.FileInfo) error {
	if !info.Mode().IsRegular() && info.Mode()&fs.ModeNamedPipe == 0 && info.Mode()&fs.ModeCharDevice == 0 {
		w.bad(&extract.InputError{File: p, Err: errors.New("not a regular file")})
		return nil
	}
	f, err := w.open(p, info)
	if err != nil {
		if w.ctx.Err() != nil {
			return w.ctx.Err()
		}
		w.bad(&extract.InputError{File: p, Err: osErr(err)})
		return nil
	}
	defer f.Close()
	size := int64(-1)
	if info.Mode().IsRegular() {
		size = info.Size()
	}
	return w.stream(p, baseID(p), f, strings.ToLower(filepath.Base(p)), size)
}

// kinds of input
const (
	kindTxt   = "txt"
	kindJSONL = "jsonl"
	kindHTML  = "html"
	kindWARC  = "warc"
)

// sniff decides an input's kind from its first bytes, its name as a hint.
func sniff(head []byte, name string) string {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	if bytes.HasPrefix(t, []byte("WARC/")) {
		return kindWARC
	}
	if looksHTML(t) && !strings.HasSuffix(name, ".jsonl") {
		return kindHTML
	}
	switch {
	case strings.HasSuffix(name, ".jsonl"):
		return kindJSONL
	case strings.HasSuffix(name, ".html"), strings.HasSuffix(name, ".htm"), strings.HasSuffix(name, ".shtml"), strings.HasSuffix(name, ".xhtml"):
		return kindHTML
	case strings.HasSuffix(name, ".warc"):
		return kindWARC
	case strings.HasSuffix(name, ".txt"):
		return kindTxt
	}
	if len(t) > 0 && t[0] == '{' {
		return kindJSONL
	}
	if name == "" || !strings.Contains(name, ".") {
		return kindTxt
	}
	return ""
}

func looksHTML(t []byte) bool {
	if len(t) == 0 || t[0] != '<' {
		// every sign below opens with "<", which lower-casing keeps and
		// makes of nothing else: a text article is told without lower-casing
		// its first 512 bytes
		return false
	}
	lt := bytes.ToLower(t[:min(len(t), 512)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<meta ", "<body", "<?xml version"} {
		if bytes.HasPrefix(lt, []byte(p)) {
			return p != "<?xml version" || bytes.Contains(lt, []byte("<html"))
		}
	}
	if bytes.HasPrefix(lt, []byte("<!--")) {
		return bytes.Contains(lt, []byte("<html")) || bytes.Contains(lt, []byte("<!doctype html"))
	}
	return false
}

// stream reads one input: a file (size known, or -1) or stdin.
func (w *walker) stream(file, id string, r io.Reader, name string, size ...int64) error {
	br := bufio.NewReaderSize(r, readBuffer(size...))
	head, err := br.Peek(4096)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		w.bad(&extract.InputError{File: file, Err: err})
		return nil
	}
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		return w.gzipped(file, id, br, name)
	}
	kind := sniff(head, name)
	if kind != kindWARC && bytes.IndexByte(head, 0) >= 0 && !utf16BOM(head) {
		w.bad(&extract.InputError{File: file, Err: ErrBinary})
		return nil
	}
	switch kind {
	case kindWARC:
		return w.warc(file, br)
	case kindJSONL:
		return w.jsonl(file, br)
	case "":
		w.bad(&extract.InputError{File: file, Err: ErrUnsupported})
		return nil
	}
	if len(size) > 0 && size[0] > w.opt.MaxBytes {
		w.bad(&extract.InputError{File: file, Err: fmt.Errorf("%w: %d bytes, the limit is %d (--max-size)", ErrTooLarge, size[0], w.opt.MaxBytes)})
		return nil
	}
	data, err := readAll(br, w.opt.MaxBytes)
	if err != nil {
		w.bad(&extract.InputError{File: file, Err: err})
		return nil
	}
	if kind == kindHTML {
		return w.fn(Item{File: file, Source: w.source, page: data, fallbackID: id, rules: w.opt.Rules})
	}
	doc, err := extract.ParseText(id, data)
	if err == nil && strings.TrimSpace(doc.Text) == "" {
		err = ErrEmpty
	}
	if err != nil {
		w.bad(&extract.InputError{File: file, Err: err})
		return nil
	}
	doc.SourceFile = w.source
	return w.fn(Item{File: file, Source: w.source, doc: &doc})
}

// readBuffer is the read buffer for an input of size bytes (-1 or none:
// unknown): 64 KiB, or for a smaller file no larger than the file and the
// 4 KiB head that sniff reads (an article is 1–10 KB: a 64 KiB buffer a
// file was most of what reading a corpus allocated).
func readBuffer(size ...int64) int {
	const most, head = 64 << 10, 4096
	if len(size) == 0 || size[0] < 0 || size[0] >= most {
		return most
	}
	return int(max(size[0]+1, head+1))
}

func utf16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE})
}

// gzipped reads a .gz input: a WARC (read member by member, with offsets),
// JSON Lines or a page.
func (w *walker) gzipped(file, id string, br *bufio.Reader, name string) error {
	// Peek into the first member to learn what it holds.
	peek, _ := br.Peek(64 << 10)
	zr, err := gzip.NewReader(bytes.NewReader(peek))
	var head []byte
	if err == nil {
		head = make([]byte, 512)
		n, _ := io.ReadFull(zr, head)
		head = head[:n]
	}
	inner := strings.TrimSuffix(name, ".gz")
	if bytes.HasPrefix(bytes.TrimLeft(head, "\r\n"), []byte("WARC/")) || (len(head) == 0 && strings.HasSuffix(inner, ".warc")) {
		return w.warc(file, br)
	}
	zr, err = gzip.NewReader(br)
	if err != nil {
		w.bad(&extract.InputError{File: file, Err: fmt.Errorf("gzip: %w", err)})
		return nil
	}
	defer zr.Close()
	kind := sniff(head, inner)
	switch kind {
	case kindJSONL:
		return w.jsonl(file, zr)
	case kindHTML, kindTxt:
		return w.stream(file, id, zr, inner)
	}
	w.bad(&extract.InputError{File: file, Err: ErrUnsupported})
	return nil
}

// readAll reads r, refusing more than max bytes.
func readAll(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes (--max-size)", ErrTooLarge, max)
	}
	return data, nil
}

// jsonl streams JSON Lines: a line over the limit is reported and skipped, the
// rest of the file still read; a binary file is one error, not one per line.
func (w *walker) jsonl(file string, r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	line := 0
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		raw, over, err := readLine(br, w.opt.MaxBytes)
		if len(raw) == 0 && !over && err != nil {
			if err != io.EOF {
				w.bad(&extract.InputError{File: file, Line: line + 1, Err: err})
			}
			return nil
		}
		line++
		if over {
			w.bad(&extract.InputError{File: file, Line: line, Err: fmt.Errorf("%w: the record is over %d bytes (--max-size)", ErrTooLarge, w.opt.MaxBytes)})
		} else {
			t := bytes.TrimSpace(raw)
			if line == 1 {
				t = bytes.TrimPrefix(t, []byte("\ufeff"))
				if bytes.IndexByte(t, 0) >= 0 {
					w.bad(&extract.InputError{File: file, Err: fmt.Errorf("%w (NUL bytes on line 1)", ErrBinary)})
					return nil
				}
			}
			if len(t) > 0 {
				doc, perr := extract.ParseRecord(t)
				if perr != nil {
					w.bad(&extract.InputError{File: file, Line: line, Err: perr})
				} else {
					doc.SourceFile = w.source
					if ferr := w.fn(Item{File: file, Source: w.source, Line: line, doc: &doc}); ferr != nil {
						return ferr
					}
				}
			}
		}
		if err != nil {
			if err != io.EOF {
				w.bad(&extract.InputError{File: file, Line: line + 1, Err: err})
			}
			return nil
		}
	}
}

// readLine reads one line; over is set (and the line skipped) past max bytes.
func readLine(br *bufio.Reader, max int64) (line []byte, over bool, err error) {
	var buf []byte
	for {
		frag, e := br.ReadSlice('\n')
		if !over {
			if int64(len(buf)+len(frag)) > max+1 {
				over, buf = true, nil
			} else {
				buf = append(buf, frag...)
			}
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		if over {
			return nil, true, e
		}
		return buf, false, e
	}
}

// ErrNoWriter: a named pipe that no one opened for writing in time.
var ErrNoWriter = errors.New("a named pipe with no writer")

// open opens an input. Opening a named pipe waits for a writer: it waits at
// most PipeWait, and no longer than ctx, so that a stray FIFO in a folder
// neither hangs a build nor keeps Ctrl-C from stopping it.
func (w *walker) open(p string, info fs.FileInfo) (*os.File, error) {
	if info.Mode()&fs.ModeNamedPipe == 0 {
		return os.Open(p)
	}
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := os.Open(p)
		ch <- opened{f, err}
	}()
	timer := time.NewTimer(w.opt.PipeWait)
	defer timer.Stop()
	var why error
	select {
	case o := <-ch:
		return o.f, o.err
	case <-w.ctx.Done():
		why = w.ctx.Err()
	case <-timer.C:
		why = fmt.Errorf("%w within %s (--pipe-wait); skipped", ErrNoWriter, w.opt.PipeWait)
	}
	// Release the blocked open: a writer that opens without waiting and
	// closes at once. That open fails until the reader is in its open, so it
	// is tried until the reader is back (a reader left blocked would take the
	// pipe's next writer from whoever opens it next).
	release := time.NewTimer(2 * time.Second)
	defer release.Stop()
	for {
		if wf, err := os.OpenFile(p, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			wf.Close()
		}
		select {
		case o := <-ch:
			if o.f != nil {
				o.f.Close()
			}
			return nil, why
		case <-release.C:
			return nil, why // not released: a file system that is not Linux's?
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// osErr is an error from the file system without the path it carries: the
// InputError that wraps it names the file already ("news/locked: permission
// denied", not "news/locked: open /home/…/news/locked: permission denied").
func osErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
