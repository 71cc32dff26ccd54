package graph_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad/jsonld"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

var updateContext = flag.Bool("update-context", false, "rewrite docs/context.jsonld from graph.JSONLDContext")

// TestExportJSONLDCompact: the compacted export carries its @context, uses
// the context's terms, and a JSON-LD processor expands it back to exactly
// the quads of the N-Quads export.
func TestExportJSONLDCompact(t *testing.T) {
	s := openStore(t, graph.Memory)
	fill(t, s, "a", "bb")
	out := export(t, s, graph.FormatJSONLDCompact, "")
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not a JSON object: %v\n%s", err, out)
	}
	if _, ok := doc["@context"].(map[string]any); !ok {
		t.Fatalf("no embedded @context:\n%s", out)
	}
	if _, ok := doc["@graph"].([]any); !ok {
		t.Fatalf("no @graph of named graphs:\n%s", out)
	}
	body := string(out[bytes.Index(out, []byte(`"@graph"`)):])
	if strings.Contains(body, `"`+vocab.Name+`"`) || !strings.Contains(body, `"name"`) {
		t.Errorf("schema:name is not compacted to its term:\n%s", body)
	}
	if !strings.Contains(body, `"id:doc/a"`) {
		t.Errorf("document IRIs are not compacted to id:doc/…:\n%s", body)
	}
	want := export(t, s, graph.FormatNQuads, "")
	if got, wantLines := readJSONLDQuads(t, out), sortedLines(want); !slices.Equal(got, wantLines) {
		t.Fatalf("compact JSON-LD expands to %d quads:\n%s\nwant %d:\n%s", len(got), strings.Join(got, "\n"), len(wantLines), strings.Join(wantLines, "\n"))
	}
}

// TestJSONLDContext: every predicate and class of the vocabulary has a term,
// and docs/context.jsonld is the context the export embeds.
func TestJSONLDContext(t *testing.T) {
	ctx := graph.JSONLDContext()
	defined := map[string]bool{}
	for _, def := range ctx {
		switch d := def.(type) {
		case string:
			defined[d] = true
		case map[string]any:
			defined[d["@id"].(string)] = true
		}
	}
	expand := func(iri string) string {
		for _, p := range []struct{ prefix, ns string }{{"schema:", vocab.Schema}, {"vnkg:", vocab.NS}, {"rdf:", vocab.RDF}} {
			if local, ok := strings.CutPrefix(iri, p.ns); ok {
				return p.prefix + local
			}
		}
		return iri
	}
	for _, p := range vocab.Predicates {
		if p != vocab.Type && !defined[expand(p)] {
			t.Errorf("no term for %s", p)
		}
	}
	b, err := json.MarshalIndent(map[string]any{"@context": ctx}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	const file = "../docs/context.jsonld"
	if *updateContext {
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := os.ReadFile(file); err != nil || !bytes.Equal(got, b) {
		t.Errorf("%s is not the export's context (go test ./graph -run TestJSONLDContext -update-context rewrites it): %v", file, err)
	}
}

func readJSONLDQuads(t *testing.T, out []byte) []string {
	t.Helper()
	r := jsonld.NewReader(bytes.NewReader(out))
	var got []string
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("reading the JSON-LD back: %v", err)
		}
		v, err := graph.FromQuad(q)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v.NQuad())
	}
	slices.Sort(got)
	return got
}

func sortedLines(b []byte) []string {
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	slices.Sort(lines)
	return lines
}
