package input

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/extract/warc"
)

// warc reads the records of a WARC: response (and resource) records of HTML
// with status 200 are pages; every other record is skipped and counted by kind.
func (w *walker) warc(file string, r io.Reader) error {
	rd, err := warc.NewReader(r)
	if err != nil {
		w.bad(&extract.InputError{File: file, Err: err})
		return nil
	}
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		rec, err := rd.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			w.badRecord(file, err)
			if errors.Is(err, warc.ErrNotWARC) {
				return nil
			}
			continue
		}
		it := Item{File: file, Source: w.source, Record: true, Offset: rec.Offset, URI: rec.TargetURI, rules: w.opt.Rules,
			fallbackID: fmt.Sprintf("%s-%d", baseID(file), rec.Offset)}
		if rec.ContentLength > w.opt.MaxBytes {
			w.bad(it.errorf(fmt.Errorf("%w: %d bytes, the limit is %d (--max-size)", ErrTooLarge, rec.ContentLength, w.opt.MaxBytes)))
			continue
		}
		switch rec.Type {
		case "response":
			if !strings.HasPrefix(strings.ToLower(rec.ContentType), "application/http") {
				w.stats.skip("response (not HTTP)")
				continue
			}
			resp, err := http.ReadResponse(bufio.NewReader(rec.Body), nil)
			if err != nil {
				w.badRecord(file, recordErr(it, fmt.Errorf("HTTP response: %w", err)))
				continue
			}
			switch {
			case resp.StatusCode >= 300 && resp.StatusCode < 400:
				w.stats.skip("redirect")
				continue
			case resp.StatusCode != http.StatusOK:
				w.stats.skip(fmt.Sprintf("HTTP %d", resp.StatusCode))
				continue
			}
			ct := resp.Header.Get("Content-Type")
			if !isHTML(ct) {
				w.stats.skip(mediaKind(ct))
				continue
			}
			body, err := decoded(resp)
			if err != nil {
				w.bad(it.errorf(err))
				continue
			}
			data, err := readAll(body, w.opt.MaxBytes)
			if err != nil {
				w.badRecord(file, recordErr(it, err))
				continue
			}
			it.page, it.contentType = data, ct
		case "resource":
			if !isHTML(rec.ContentType) {
				w.stats.skip(mediaKind(rec.ContentType))
				continue
			}
			data, err := readAll(rec.Body, w.opt.MaxBytes)
			if err != nil {
				w.badRecord(file, recordErr(it, err))
				continue
			}
			it.page, it.contentType = data, rec.ContentType
		default:
			kind := rec.Type
			if kind == "" {
				kind = "untyped"
			}
			w.stats.skip(kind)
			continue
		}
		if err := w.fn(it); err != nil {
			return err
		}
	}
}

func recordErr(it Item, err error) error {
	var re *warc.RecordError
	if errors.As(err, &re) {
		return err
	}
	return &warc.RecordError{Offset: it.Offset, URI: it.URI, Err: err}
}

func (w *walker) badRecord(file string, err error) {
	var re *warc.RecordError
	if errors.As(err, &re) {
		w.bad(&extract.InputError{File: file, Record: true, Offset: re.Offset, URI: re.URI, Err: re.Err})
		return
	}
	w.bad(&extract.InputError{File: file, Err: err})
}

func isHTML(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// mediaKind names a skipped record by its media type ("image/jpeg", "application/pdf").
func mediaKind(ct string) string {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || mt == "" {
		return "no media type"
	}
	return mt
}

// decoded undoes the response's Content-Encoding.
func decoded(resp *http.Response) (io.Reader, error) {
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
		return resp.Body, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("Content-Encoding gzip: %w", err)
		}
		return zr, nil
	case "deflate":
		return flate.NewReader(resp.Body), nil
	default:
		return nil, fmt.Errorf("Content-Encoding %q is not supported", enc)
	}
}
