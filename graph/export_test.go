package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad/nquads"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

// fill writes documents a, b, c and the background, in the given order.
func fill(t testing.TB, s *graph.Store, order ...string) {
	t.Helper()
	ctx := context.Background()
	w := s.NewWriter(graph.BatchDocs(2))
	for _, id := range order {
		label, quads := article(id, len(id))
		if err := w.Put(ctx, label, quads, background()); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
}

func export(t testing.TB, s *graph.Store, format graph.Format, label string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := s.Export(context.Background(), &buf, format, label); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestExportDeterministic: the same graph exports to the same bytes whatever
// the backend and the order the documents were written in.
func TestExportDeterministic(t *testing.T) {
	ref := openStore(t, graph.Memory)
	fill(t, ref, "a", "bb", "ccc")
	for _, format := range graph.Formats {
		want := export(t, ref, format, "")
		forEachBackend(t, func(t *testing.T, s *graph.Store) {
			fill(t, s, "ccc", "a", "bb")
			if got := export(t, s, format, ""); !bytes.Equal(got, want) {
				t.Fatalf("%s export differs from the reference:\n%s\nwant\n%s", format, got, want)
			}
		})
	}
}

func TestExportNQuads(t *testing.T) {
	s := openStore(t, graph.Memory)
	fill(t, s, "a", "bb")
	out := export(t, s, graph.FormatNQuads, "")
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	la, a := article("a", 1)
	lb, b := article("bb", 2)
	if want := len(a) + len(b) + len(background()); len(lines) != want {
		t.Fatalf("%d lines, want %d", len(lines), want)
	}
	// Sorted by label: a's facts, then bb's, then the gazetteer's.
	var order []string
	for _, l := range lines {
		label := l[strings.LastIndex(l[:len(l)-2], " <")+2 : len(l)-3]
		if len(order) == 0 || order[len(order)-1] != label {
			order = append(order, label)
		}
	}
	if want := []string{la, lb, vocab.GazetteerLabel}; strings.Join(order, " ") != strings.Join(want, " ") {
		t.Fatalf("labels in order %v, want %v", order, want)
	}
	// Cayley's own N-Quads reader (what `cayley load` uses) reads every
	// statement back to the value that was stored, so a store loaded from
	// the export exports the same bytes.
	loaded := openStore(t, graph.Memory)
	r := nquads.NewReader(bytes.NewReader(out), false)
	var deltas []cgraph.Delta
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("cayley's reader: %v", err)
		}
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	if err := loaded.QuadStore().ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	if got := export(t, loaded, graph.FormatNQuads, ""); !bytes.Equal(got, out) {
		t.Fatalf("re-export of the loaded N-Quads differs:\n%s\nwant\n%s", got, out)
	}
	// One document.
	doc := export(t, s, graph.FormatNQuads, la)
	if n := strings.Count(string(doc), "\n"); n != len(a) {
		t.Fatalf("export of %s: %d lines, want %d", la, n, len(a))
	}
	if !strings.HasPrefix(string(out), string(doc)) {
		t.Fatalf("the document's export is not its part of the whole")
	}
}

func TestExportJSONLD(t *testing.T) {
	s := openStore(t, graph.Memory)
	fill(t, s, "a", "bb")
	out := export(t, s, graph.FormatJSONLD, "")
	var doc []map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	// One node object per named graph, holding its statements.
	la := vocab.DocIRI("a")
	graphs := map[string]bool{}
	for _, n := range doc {
		if _, ok := n["@graph"]; ok {
			graphs[n["@id"].(string)] = true
		}
	}
	if !graphs[la] || !graphs[vocab.GazetteerLabel] || len(graphs) != 3 {
		t.Fatalf("named graphs %v, want the two documents and the gazetteer", graphs)
	}
	// Round trip: a JSON-LD processor reads back as many quads, and the
	// same ones.
	want := export(t, s, graph.FormatNQuads, "")
	if got, wantLines := readJSONLDQuads(t, out), sortedLines(want); !slices.Equal(got, wantLines) {
		t.Fatalf("JSON-LD read back as %d quads:\n%s\nwant %d:\n%s", len(got), strings.Join(got, "\n"), len(wantLines), strings.Join(wantLines, "\n"))
	}
	// The single-document export holds only its graph.
	one := export(t, s, graph.FormatJSONLD, la)
	var oneDoc []map[string]any
	if err := json.Unmarshal(one, &oneDoc); err != nil {
		t.Fatal(err)
	}
	if len(oneDoc) != 1 || oneDoc[0]["@id"] != la || len(oneDoc[0]["@graph"].([]any)) == 0 {
		t.Fatalf("document export: %s", one)
	}
}

func TestExportUnknownDocument(t *testing.T) {
	s := openStore(t, graph.Memory)
	fill(t, s, "a")
	for _, f := range graph.Formats {
		_, err := s.Export(context.Background(), io.Discard, f, vocab.DocIRI("nope"))
		if !errors.Is(err, graph.ErrNoDocument) {
			t.Errorf("%s: err = %v, want ErrNoDocument", f, err)
		}
	}
	if _, err := s.Export(context.Background(), io.Discard, "turtle", ""); err == nil {
		t.Error("unknown format: no error")
	}
}
