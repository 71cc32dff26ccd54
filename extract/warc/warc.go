// Package warc reads WARC files (1.0 and 1.1) as a stream of records, plain or
// gzipped per record (as wget, Heritrix, Browsertrix and Common Crawl write
// them) or gzipped whole. Nothing is held in memory but the record being read;
// a corrupt or truncated record is reported with its offset and the reader
// goes on at the next record it can find.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
)

// Errors about records. A *RecordError wraps them with the record's offset.
var (
	ErrNotWARC   = errors.New("not a WARC file")
	ErrBadHeader = errors.New("malformed WARC record header")
	ErrTruncated = errors.New("record truncated")
)

// RecordError is a problem with the record at Offset; the reader goes on after it.
type RecordError struct {
	Offset int64
	URI    string
	Err    error
}

func (e *RecordError) Error() string {
	if e.URI != "" {
		return fmt.Sprintf("record at offset %d (%s): %v", e.Offset, e.URI, e.Err)
	}
	return fmt.Sprintf("record at offset %d: %v", e.Offset, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// Record is one WARC record. Body reads its content block and is valid until
// the next call to Next.
type Record struct {
	Offset        int64 // the record's byte offset in the file (of its gzip member when gzipped)
	Version       string
	Type          string // WARC-Type: warcinfo, response, resource, request, revisit, metadata, ...
	TargetURI     string
	Date          string
	ContentType   string
	ContentLength int64
	Header        textproto.MIMEHeader
	Body          io.Reader
}

// maxHeader bounds a record's header block.
const maxHeader = 256 << 10

// Reader reads records one by one.
type Reader struct {
	file *counter // the file's bytes
	gz   bool
	zr   *gzip.Reader
	// the current decompressed stream (a gzip member, or the file itself)
	cur       *counter
	memberOff int64 // offset of the current gzip member
	body      *io.LimitedReader
	bodyErr   error  // what the body reader reported of the current block
	bodyOff   int64  // the current record's offset and URI, for errors
	bodyURI   string // found after its block was skipped unread
	done      bool
	resync    bool // the last record was corrupt: look for the next one
}

// NewReader reads a WARC from r, gzipped or not (sniffed).
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(2)
	wr := &Reader{file: &counter{r: br}}
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		wr.gz = true
		return wr, nil
	}
	wr.cur = wr.file
	return wr, nil
}

// Next returns the next record, io.EOF at the end, or a *RecordError for a
// record that cannot be read (call Next again to go on).
func (r *Reader) Next() (*Record, error) {
	if r.done {
		return nil, io.EOF
	}
	if err := r.finishBody(); err != nil {
		return nil, err
	}
	for {
		if r.gz && (r.cur == nil || r.resync || r.memberDone()) {
			if err := r.nextMember(); err != nil {
				return nil, err
			}
		} else if !r.gz && r.resync {
			if err := r.scanToVersion(); err != nil {
				return nil, err
			}
		}
		r.resync = false
		off := r.cur.n
		if r.gz {
			off = r.memberOff
		}
		rec, err := r.readHeader(off)
		if err == io.EOF {
			if r.gz {
				r.cur = nil
				continue
			}
			r.done = true
			return nil, io.EOF
		}
		if err != nil {
			r.resync = true
			return nil, err
		}
		return rec, nil
	}
}

// memberDone tells whether the current gzip member has no more records.
func (r *Reader) memberDone() bool {
	for {
		b, err := r.cur.peekByte()
		if err != nil {
			return true
		}
		if b != '\r' && b != '\n' {
			return false
		}
		r.cur.readByte()
	}
}

// nextMember starts the next gzip member, skipping bytes that are not one.
func (r *Reader) nextMember() error {
	for {
		r.memberOff = r.file.n
		if _, err := r.file.peekByte(); err != nil {
			r.done = true
			return io.EOF
		}
		var err error
		if r.zr == nil {
			r.zr, err = gzip.NewReader(r.file)
		} else {
			err = r.zr.Reset(r.file)
		}
		if err == nil {
			r.zr.Multistream(false)
			r.cur = &counter{r: bufio.NewReaderSize(r.zr, 32<<10)}
			return nil
		}
		if err == io.EOF {
			r.done = true
			return io.EOF
		}
		// not a gzip member here: look for the next one
		start := r.memberOff
		if serr := r.scanToGzip(); serr != nil {
			r.done = true
			return &RecordError{Offset: start, Err: fmt.Errorf("%w: %v; no further record", ErrTruncated, err)}
		}
		return &RecordError{Offset: start, Err: fmt.Errorf("corrupt gzip member (%v); skipped %d bytes to the next", err, r.file.n-start)}
	}
}

// scanToGzip skips to the next gzip signature in the file (at least one byte on).
func (r *Reader) scanToGzip() error {
	if _, err := r.file.readByte(); err != nil {
		return err
	}
	for {
		b, err := r.file.peekByte()
		if err != nil {
			return err
		}
		if b == 0x1f {
			if p, _ := r.file.r.Peek(3); len(p) == 3 && p[1] == 0x8b && p[2] == 8 {
				return nil
			}
		}
		r.file.readByte()
	}
}

// scanToVersion skips lines until one starts with "WARC/".
func (r *Reader) scanToVersion() error {
	for {
		p, err := r.cur.r.Peek(5)
		if len(p) == 5 && string(p) == "WARC/" {
			return nil
		}
		if err != nil {
			r.done = true
			return io.EOF
		}
		if _, err := r.cur.readLine(maxHeader); err != nil && err != errLong {
			r.done = true
			return io.EOF
		}
	}
}

var errLong = errors.New("line too long")

func (r *Reader) readHeader(off int64) (*Record, error) {
	// blank lines between records
	var line string
	var err error
	for {
		line, err = r.cur.readLine(maxHeader)
		if err == io.EOF && line == "" {
			return nil, io.EOF
		}
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) && !strings.HasPrefix(strings.TrimSpace(line), "WARC/") {
				r.done = !r.gz
				break // reported below as what it is: not a record
			}
			return nil, r.fail(off, "", err)
		}
		if strings.TrimSpace(line) != "" {
			break
		}
	}
	if !r.gz {
		off = r.cur.n - int64(len(line)) - 1
		if off < 0 {
			off = 0
		}
	}
	version := strings.TrimSpace(line)
	if !strings.HasPrefix(version, "WARC/") {
		if off == 0 {
			r.done = true
			return nil, &RecordError{Offset: 0, Err: fmt.Errorf("%w: first line %q", ErrNotWARC, trim(version))}
		}
		return nil, &RecordError{Offset: off, Err: fmt.Errorf("%w: want a WARC/1.x version line, got %q", ErrBadHeader, trim(version))}
	}
	h := textproto.MIMEHeader{}
	size := 0
	var last string
	for {
		l, err := r.cur.readLine(maxHeader)
		if err != nil {
			return nil, r.fail(off, h.Get("WARC-Target-URI"), err)
		}
		size += len(l)
		if size > maxHeader {
			return nil, &RecordError{Offset: off, Err: fmt.Errorf("%w: header over %d bytes", ErrBadHeader, maxHeader)}
		}
		l = strings.TrimRight(l, "\r")
		if l == "" {
			break
		}
		if (l[0] == ' ' || l[0] == '\t') && last != "" {
			vals := h[last]
			vals[len(vals)-1] += " " + strings.TrimSpace(l)
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			return nil, &RecordError{Offset: off, URI: h.Get("WARC-Target-URI"), Err: fmt.Errorf("%w: line %q", ErrBadHeader, trim(l))}
		}
		last = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(k))
		h.Add(last, strings.TrimSpace(v))
	}
	rec := &Record{Offset: off, Version: version, Header: h, Type: strings.ToLower(h.Get("WARC-Type")),
		TargetURI: strings.Trim(h.Get("WARC-Target-Uri"), "<>"), Date: h.Get("WARC-Date"), ContentType: h.Get("Content-Type")}
	n, err := strconv.ParseInt(strings.TrimSpace(h.Get("Content-Length")), 10, 64)
	if err != nil || n < 0 {
		return nil, &RecordError{Offset: off, URI: rec.TargetURI, Err: fmt.Errorf("%w: Content-Length %q", ErrBadHeader, h.Get("Content-Length"))}
	}
	rec.ContentLength = n
	r.body = &io.LimitedReader{R: r.cur, N: n}
	r.bodyErr, r.bodyOff, r.bodyURI = nil, off, rec.TargetURI
	rec.Body = &bodyReader{r: r, off: off, uri: rec.TargetURI}
	return rec, nil
}

func (r *Reader) fail(off int64, uri string, err error) error {
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		r.done = !r.gz
		return &RecordError{Offset: off, URI: uri, Err: ErrTruncated}
	}
	if err == errLong {
		return &RecordError{Offset: off, URI: uri, Err: fmt.Errorf("%w: header line over %d bytes", ErrBadHeader, maxHeader)}
	}
	return &RecordError{Offset: off, URI: uri, Err: err}
}

// finishBody skips what the caller left of the last record's block.
func (r *Reader) finishBody() error {
	if r.body == nil {
		return nil
	}
	b := r.body
	r.body = nil
	if b.N > 0 {
		if _, err := io.Copy(io.Discard, b); err != nil || b.N > 0 {
			r.resync = true
			if !r.gz {
				r.done = true
			}
			if r.bodyErr != nil {
				return nil // the body reader reported it to whoever read the block
			}
			// nobody read this record's block (a record skipped by its
			// kind): its truncation is reported here, or it would pass unseen
			return &RecordError{Offset: r.bodyOff, URI: r.bodyURI, Err: ErrTruncated}
		}
	}
	return nil
}

// bodyReader reads a record's block, turning an early end into ErrTruncated.
type bodyReader struct {
	r   *Reader
	off int64
	uri string
}

func (b *bodyReader) Read(p []byte) (int, error) {
	lr := b.r.body
	if lr == nil {
		return 0, io.EOF
	}
	n, err := lr.Read(p)
	if err == io.EOF && lr.N > 0 || errors.Is(err, io.ErrUnexpectedEOF) {
		b.r.bodyErr = &RecordError{Offset: b.off, URI: b.uri, Err: ErrTruncated}
		return n, b.r.bodyErr
	}
	if err != nil && err != io.EOF {
		b.r.bodyErr = &RecordError{Offset: b.off, URI: b.uri, Err: err}
		return n, b.r.bodyErr
	}
	return n, err
}

func trim(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// counter counts the bytes read from a buffered reader.
type counter struct {
	r *bufio.Reader
	n int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *counter) ReadByte() (byte, error) { return c.readByte() }

func (c *counter) readByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

func (c *counter) peekByte() (byte, error) {
	p, err := c.r.Peek(1)
	if len(p) == 0 {
		return 0, err
	}
	return p[0], nil
}

// readLine reads a line without its "\n"; errLong past max bytes (the rest of
// the line is skipped).
func (c *counter) readLine(max int) (string, error) {
	var buf bytes.Buffer
	for {
		frag, err := c.r.ReadSlice('\n')
		c.n += int64(len(frag))
		if buf.Len()+len(frag) <= max {
			buf.Write(frag)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if buf.Len() >= max {
			return "", errLong
		}
		s := buf.String()
		if err != nil {
			if s != "" && err == io.EOF {
				return s, io.ErrUnexpectedEOF
			}
			return s, err
		}
		return strings.TrimSuffix(s, "\n"), nil
	}
}
