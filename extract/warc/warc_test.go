package warc_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"testing"

	"github.com/vnkg/vnkg/extract/warc"
)

const one = "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: <https://vov.vn/x>\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n"

func TestOffsets(t *testing.T) {
	var gz bytes.Buffer
	var offs []int64
	for range 3 {
		offs = append(offs, int64(gz.Len()))
		zw := gzip.NewWriter(&gz)
		zw.Write([]byte(one))
		zw.Close()
	}
	for _, tt := range []struct {
		name string
		data []byte
		want []int64
	}{
		{"plain", []byte(one + one + one), []int64{0, int64(len(one)), int64(2 * len(one))}},
		{"gzip per record", gz.Bytes(), offs},
	} {
		r, _ := warc.NewReader(bytes.NewReader(tt.data))
		var got []int64
		for {
			rec, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			b, _ := io.ReadAll(rec.Body)
			if string(b) != "hello" || rec.TargetURI != "https://vov.vn/x" || rec.Type != "resource" {
				t.Errorf("%s: record %+v body %q", tt.name, rec, b)
			}
			got = append(got, rec.Offset)
		}
		if len(got) != len(tt.want) {
			t.Fatalf("%s: offsets %v, want %v", tt.name, got, tt.want)
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: offsets %v, want %v", tt.name, got, tt.want)
			}
		}
	}
}

func TestNotWARC(t *testing.T) {
	r, _ := warc.NewReader(bytes.NewReader([]byte("<html>hello</html>")))
	_, err := r.Next()
	if !errors.Is(err, warc.ErrNotWARC) {
		t.Errorf("err %v, want ErrNotWARC", err)
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte(one + one))
	f.Add([]byte(one[:40]))
	f.Add([]byte("WARC/1.1\r\nContent-Length: 99999999999\r\n\r\nx"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, _ := warc.NewReader(bytes.NewReader(b))
		for i := 0; i < 1000; i++ {
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			if err == nil {
				io.Copy(io.Discard, rec.Body)
			}
		}
		t.Fatal("reader did not end")
	})
}

// A truncated last record is reported whether or not its block was read: a
// reader that skips a record by its kind must still hear that the file ends
// inside it, with the record's offset and URI.
func TestTruncatedRecord(t *testing.T) {
	cut := "WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: <https://qdnd.vn/y>\r\nContent-Length: 9999\r\n\r\nGET /y HTTP/1.1\r\n"
	for _, tt := range []struct {
		name string
		read bool // the caller reads the block before asking for the next record
	}{{"block read", true}, {"block skipped", false}} {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := warc.NewReader(bytes.NewReader([]byte(one + cut)))
			var errs []error
			records := 0
			for {
				rec, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					errs = append(errs, err)
					continue
				}
				records++
				if tt.read || rec.Type == "resource" {
					if _, err := io.ReadAll(rec.Body); err != nil {
						errs = append(errs, err)
					}
				}
			}
			if records != 2 || len(errs) != 1 {
				t.Fatalf("%d records, errors %v; want 2 records and one error", records, errs)
			}
			var re *warc.RecordError
			if !errors.As(errs[0], &re) || !errors.Is(errs[0], warc.ErrTruncated) ||
				re.Offset != int64(len(one)) || re.URI != "https://qdnd.vn/y" {
				t.Errorf("error %#v, want ErrTruncated at offset %d for https://qdnd.vn/y", errs[0], len(one))
			}
		})
	}
}
