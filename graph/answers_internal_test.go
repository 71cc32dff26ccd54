package graph

import (
	"bytes"
	"reflect"
	"testing"
)

// TestAnswerEncoding: rows of every kind of value a query emits come back
// as they went in, fields a row lacks stay absent, and values many rows
// share are stored once.
func TestAnswerEncoding(t *testing.T) {
	date := Node{Kind: LiteralNode, Value: "2019-03-02", Datatype: "http://www.w3.org/2001/XMLSchema#date"}
	rows := []Result{
		{Value: map[string]any{"person": "Lê Văn A", "from": date, "to": date, "articles": int64(3)}},
		{Value: map[string]any{"person": "Lê Văn B", "from": nil, "to": nil, "articles": int64(-1)}},
		{Value: map[string]any{"role": []any{"chair", "attendee"}, "ok": true, "no": false, "x": 2.5,
			"article": Node{Kind: IRINode, Value: "https://w3id.org/vnkg/id/doc/a"},
			"lang":    Node{Kind: LiteralNode, Value: "Hà Nội", Lang: "vi"}, "b": Node{Kind: BlankNode, Value: "b1"}}},
		{Value: map[string]any{}},
	}
	for i := 0; i < 50; i++ {
		rows = append(rows, Result{Value: map[string]any{"person": "Lê Văn A", "from": date}})
	}
	b, err := encodeAnswer(rows)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeAnswer(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, rows) {
		t.Errorf("decoded\n%v\nwant\n%v", got, rows)
	}
	if n := bytes.Count(b, []byte("2019-03-02")); n != 1 {
		t.Errorf("the date shared by 53 rows is stored %d times, want once", n)
	}
	if _, err := encodeAnswer([]Result{{Value: map[string]any{"f": struct{}{}}}}); err == nil {
		t.Error("a value of an unknown type encoded")
	}
	if _, err := encodeAnswer([]Result{{Value: "not an object"}}); err == nil {
		t.Error("a row that is not an object encoded")
	}
	for i := range b {
		if _, err := decodeAnswer(b[:i]); err == nil {
			t.Errorf("the first %d of %d bytes decoded", i, len(b))
		}
	}
}

// FuzzDecodeAnswer: no stored bytes make the decoder panic, and what it
// decodes encodes to rows that decode the same.
func FuzzDecodeAnswer(f *testing.F) {
	b, _ := encodeAnswer([]Result{{Value: map[string]any{"a": "x", "b": []any{int64(1), nil}, "c": Node{Kind: IRINode, Value: "u"}}}})
	f.Add(b)
	f.Add([]byte{})
	f.Add([]byte{1, 1, 'a', 1, tagList, 200, 1, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		rows, err := decodeAnswer(b)
		if err != nil {
			return
		}
		again, err := encodeAnswer(rows)
		if err != nil {
			t.Fatalf("decoded rows do not encode: %v", err)
		}
		back, err := decodeAnswer(again)
		if err != nil || !reflect.DeepEqual(back, rows) {
			t.Fatalf("decoded %v, then %v (%v)", rows, back, err)
		}
	})
}

// BenchmarkDecodeAnswer: the cost of a stored row decoded (a post's
// holders: a name, two dates, a count), and its allocations a row.
func BenchmarkDecodeAnswer(b *testing.B) {
	const n = 10000
	rows := make([]Result, n)
	for i := range rows {
		d := Node{Kind: LiteralNode, Value: "2019-03-" + string(rune('0'+i%3)) + string(rune('0'+i%10)), Datatype: "http://www.w3.org/2001/XMLSchema#date"}
		rows[i] = Result{Value: map[string]any{"person": "Người " + string(rune('A'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676%26)), "from": d, "to": d, "articles": int64(i % 7)}}
	}
	enc, err := encodeAnswer(rows)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := decodeAnswer(enc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/row")
	b.ReportMetric(float64(len(enc))/n, "bytes/row")
}
