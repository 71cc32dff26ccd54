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
