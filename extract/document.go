package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Document is one input article: a .txt file or one line of a .jsonl file.
type Document struct {
	ID         string // file name without extension, or the JSON Lines "id"
	Text       string // the article body, as read (not yet normalized)
	Title      string
	Published  string // YYYY-MM-DD from the header or record, "" if none
	Source     string // outlet named in the metadata
	URL        string
	Authors    []string // named in the metadata (a header's "author", a page's JSON-LD)
	SourceFile string   // the path it was read from ("-" for stdin)
}

// Errors about input files. They are wrapped with the file name (and line).
var (
	ErrNotUTF8     = errors.New("not valid UTF-8 text")
	ErrBadHeader   = errors.New("malformed metadata header")
	ErrBadRecord   = errors.New("malformed JSON Lines record")
	ErrUnsupported = errors.New("unsupported file type (want .txt or .jsonl)")
)

// InputError is a problem with one input: the file (and line, or a WARC
// record's offset and URI) and what is wrong.
type InputError struct {
	File   string
	Line   int    // 0 when the problem is with the whole file
	Record bool   // the problem is with the WARC record at Offset
	Offset int64  // the record's byte offset in File (of its gzip member in a .warc.gz)
	URI    string // the record's target URI, if known
	Err    error
}

func (e *InputError) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	case e.Record && e.URI != "":
		return fmt.Sprintf("%s: record at offset %d (%s): %v", e.File, e.Offset, e.URI, e.Err)
	case e.Record:
		return fmt.Sprintf("%s: record at offset %d: %v", e.File, e.Offset, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// Walk reads the documents under paths (files or directories, searched for .txt
// and .jsonl in lexical order; "-" reads stdin) and calls fn for each. A bad file
// or record is passed to bad and the walk goes on; Walk returns only fn's errors
// (which stop it) and errors reaching a path at all are passed to bad too.
func Walk(paths []string, stdin io.Reader, fn func(Document) error, bad func(error)) error {
	for _, p := range paths {
		if p == "-" {
			data, err := io.ReadAll(stdin)
			if err != nil {
				bad(&InputError{File: "-", Err: err})
				continue
			}
			kind := ".txt"
			if t := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
				kind = ".jsonl"
			}
			if err := parse("-", "stdin", kind, data, fn, bad); err != nil {
				return err
			}
			continue
		}
		files, err := inputFiles(p)
		if err != nil {
			bad(&InputError{File: p, Err: err})
			continue
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				bad(&InputError{File: f, Err: err})
				continue
			}
			ext := strings.ToLower(filepath.Ext(f))
			id := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
			if err := parse(f, id, ext, data, fn, bad); err != nil {
				return err
			}
		}
	}
	return nil
}

// inputFiles lists the documents a path names: the file itself, or the .txt and
// .jsonl files below a directory.
func inputFiles(p string) ([]string, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{p}, nil
	}
	var files []string
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".txt", ".jsonl":
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

func parse(file, id, ext string, data []byte, fn func(Document) error, bad func(error)) error {
	switch ext {
	case ".txt":
		doc, err := ParseText(id, data)
		if err != nil {
			bad(&InputError{File: file, Err: err})
			return nil
		}
		doc.SourceFile = filepath.Clean(file)
		return fn(doc)
	case ".jsonl":
		return parseJSONL(file, data, fn, bad)
	default:
		bad(&InputError{File: file, Err: ErrUnsupported})
		return nil
	}
}

// ParseText reads a .txt document: an optional metadata header between "---"
// lines, then the body.
func ParseText(id string, data []byte) (Document, error) {
	if !utf8.Valid(data) {
		return Document{}, fmt.Errorf("%w at byte %d", ErrNotUTF8, firstInvalid(data))
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return Document{}, fmt.Errorf("%w: contains NUL bytes", ErrNotUTF8)
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	doc := Document{ID: id}
	body, header, ok, err := splitHeader(text)
	if err != nil {
		return Document{}, err
	}
	if ok {
		for _, h := range header {
			switch h.key {
			case "title":
				doc.Title = h.value
			case "published", "date":
				d, err := parsePublished(h.value)
				if err != nil {
					return Document{}, fmt.Errorf("%w: line %d: %v", ErrBadHeader, h.line, err)
				}
				doc.Published = d
			case "source":
				doc.Source = h.value
			case "url":
				doc.URL = h.value
			case "author", "authors":
				doc.Authors = splitAuthors(h.value)
			case "id":
				if h.value != "" {
					doc.ID = h.value
				}
			}
		}
	}
	doc.Text = body
	return doc, nil
}

type headerField struct {
	key, value string
	line       int
}

// splitHeader separates a leading "---" block of "key: value" lines from the body.
func splitHeader(text string) (body string, fields []headerField, ok bool, err error) {
	rest := strings.TrimLeft(text, " \t\r\n")
	first, after, found := strings.Cut(rest, "\n")
	if !found || strings.TrimSpace(first) != "---" {
		return text, nil, false, nil
	}
	line := 1
	for {
		var l string
		l, after, found = strings.Cut(after, "\n")
		line++
		t := strings.TrimSpace(l)
		if t == "---" {
			return after, fields, true, nil
		}
		if !found {
			return "", nil, false, fmt.Errorf("%w: no closing ---", ErrBadHeader)
		}
		if t == "" {
			continue
		}
		k, v, colon := strings.Cut(t, ":")
		if !colon {
			return "", nil, false, fmt.Errorf("%w: line %d: want key: value, got %q", ErrBadHeader, line, t)
		}
		fields = append(fields, headerField{key: strings.ToLower(strings.TrimSpace(k)),
			value: strings.Trim(strings.TrimSpace(v), `"'`), line: line})
	}
}

// parsePublished accepts YYYY-MM-DD, optionally followed by a time.
func parsePublished(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		d := s[:10]
		if _, _, _, ok := isoDate(d); ok {
			return d, nil
		}
	}
	if s == "" {
		return "", nil
	}
	return "", fmt.Errorf("published %q is not YYYY-MM-DD", s)
}

// isoDate checks a YYYY-MM-DD string.
func isoDate(s string) (y, m, d int, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	if y, m, d, digits := isoDigits(s); digits {
		// the common case, digits only: what Sscanf reads, without its
		// scanner (two allocations a call)
		if m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
			return 0, 0, 0, false
		}
		return y, m, d, true
	}
	n, err := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d)
	if err != nil || n != 3 || m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// isoDigits reads YYYY-MM-DD (the dashes checked by isoDate) when the other
// eight bytes are ASCII digits.
func isoDigits(s string) (y, m, d int, ok bool) {
	num := func(t string) (int, bool) {
		v := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			v = v*10 + int(t[i]-'0')
		}
		return v, true
	}
	var oy, om, od bool
	y, oy = num(s[0:4])
	m, om = num(s[5:7])
	d, od = num(s[8:10])
	return y, m, d, oy && om && od
}

func parseJSONL(file string, data []byte, fn func(Document) error, bad func(error)) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 64*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		raw := bytes.TrimSpace(sc.Bytes())
		if line == 1 {
			raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
		}
		if len(raw) == 0 {
			continue
		}
		if !utf8.Valid(raw) {
			bad(&InputError{File: file, Line: line, Err: ErrNotUTF8})
			continue
		}
		doc, err := ParseRecord(raw)
		if err != nil {
			bad(&InputError{File: file, Line: line, Err: err})
			continue
		}
		doc.SourceFile = filepath.Clean(file)
		if err := fn(doc); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		bad(&InputError{File: file, Line: line + 1, Err: err})
	}
	return nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) || y == 0 {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// splitAuthors reads "A, B; C" as three names.
func splitAuthors(s string) []string {
	var out []string
	for _, a := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// ParseRecord reads one JSON Lines record: an object with "id" and "text", and
// optionally "title", "published", "source", "url" and "author" (a name or a
// list of names).
func ParseRecord(raw []byte) (Document, error) {
	if !utf8.Valid(raw) {
		return Document{}, fmt.Errorf("%w at byte %d", ErrNotUTF8, firstInvalid(raw))
	}
	if t := bytes.TrimSpace(raw); len(t) > 0 && t[0] != '{' {
		what := "not a JSON object"
		switch t[0] {
		case '[':
			what = "an array, not an object"
		case '"':
			what = "a string, not an object"
		}
		return Document{}, fmt.Errorf("%w: the record is %s", ErrBadRecord, what)
	}
	var rec struct {
		ID        *string         `json:"id"`
		Text      *string         `json:"text"`
		Title     string          `json:"title"`
		Published string          `json:"published"`
		Source    string          `json:"source"`
		URL       string          `json:"url"`
		Author    json.RawMessage `json:"author"`
	}
	if err := json.Unmarshal(raw, &rec); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return Document{}, fmt.Errorf("%w: field %q must be a %s", ErrBadRecord, te.Field, jsonKind(te.Type.Kind().String()))
		}
		return Document{}, fmt.Errorf("%w: %v", ErrBadRecord, err)
	}
	if rec.ID == nil || strings.TrimSpace(*rec.ID) == "" || rec.Text == nil {
		return Document{}, fmt.Errorf("%w: needs \"id\" and \"text\"", ErrBadRecord)
	}
	pub, err := parsePublished(rec.Published)
	if err != nil {
		return Document{}, fmt.Errorf("%w: %v", ErrBadRecord, err)
	}
	doc := Document{ID: strings.TrimSpace(*rec.ID), Text: *rec.Text, Title: rec.Title,
		Published: pub, Source: rec.Source, URL: rec.URL}
	if len(rec.Author) > 0 && string(rec.Author) != "null" {
		var one string
		var many []string
		switch {
		case json.Unmarshal(rec.Author, &one) == nil:
			doc.Authors = splitAuthors(one)
		case json.Unmarshal(rec.Author, &many) == nil:
			for _, a := range many {
				doc.Authors = append(doc.Authors, splitAuthors(a)...)
			}
		default:
			return Document{}, fmt.Errorf("%w: field \"author\" must be a string or a list of strings", ErrBadRecord)
		}
	}
	return doc, nil
}

func jsonKind(k string) string {
	switch k {
	case "string":
		return "string"
	case "ptr":
		return "string"
	}
	return k
}
