package graph_test

import (
	"errors"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

func TestConvertRoundTrip(t *testing.T) {
	const l = "https://w3id.org/vnkg/id/doc/a"
	s := vocab.IRI("https://w3id.org/vnkg/id/person/lê-văn-hưng")
	p := vocab.IRI(vocab.Name)
	tests := []struct {
		name string
		in   vocab.Quad
		want quad.Quad
	}{
		{"iri object", vocab.Quad{Subject: s, Predicate: vocab.IRI(vocab.Type), Object: vocab.IRI(vocab.Person), Label: l},
			quad.Quad{Subject: quad.IRI(s.Value), Predicate: quad.IRI(vocab.Type), Object: quad.IRI(vocab.Person), Label: quad.IRI(l)}},
		{"plain literal", vocab.Quad{Subject: s, Predicate: p, Object: vocab.String("Lê Văn Hưng"), Label: l},
			quad.Quad{Subject: quad.IRI(s.Value), Predicate: quad.IRI(vocab.Name), Object: quad.String("Lê Văn Hưng"), Label: quad.IRI(l)}},
		{"typed literal", vocab.Quad{Subject: s, Predicate: p, Object: vocab.Typed("2016-08-17", vocab.XSDDate), Label: l},
			quad.Quad{Subject: quad.IRI(s.Value), Predicate: quad.IRI(vocab.Name),
				Object: quad.TypedString{Value: "2016-08-17", Type: quad.IRI(vocab.XSDDate)}, Label: quad.IRI(l)}},
		{"escapes", vocab.Quad{Subject: s, Predicate: p, Object: vocab.String("a \"b\"\n\\c"), Label: l},
			quad.Quad{Subject: quad.IRI(s.Value), Predicate: quad.IRI(vocab.Name), Object: quad.String("a \"b\"\n\\c"), Label: quad.IRI(l)}},
		{"no label", vocab.Quad{Subject: s, Predicate: p, Object: vocab.String("x")},
			quad.Quad{Subject: quad.IRI(s.Value), Predicate: quad.IRI(vocab.Name), Object: quad.String("x")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := graph.ToQuad(tt.in)
			if got != tt.want {
				t.Fatalf("ToQuad = %#v, want %#v", got, tt.want)
			}
			back, err := graph.FromQuad(got)
			if err != nil {
				t.Fatal(err)
			}
			if back != tt.in {
				t.Fatalf("FromQuad(ToQuad(q)) = %#v, want %#v", back, tt.in)
			}
		})
	}
}

// TestFromQuadNative: Cayley's N-Quads reader turns "3"^^xsd:integer into
// quad.Int; it reads back as the typed literal.
func TestFromQuadNative(t *testing.T) {
	iri := quad.IRI("https://example.org/x")
	got, err := graph.FromQuad(quad.Quad{Subject: iri, Predicate: iri, Object: quad.Int(3)})
	if err != nil {
		t.Fatal(err)
	}
	if want := vocab.Typed("3", vocab.XSDInteger); got.Object != want {
		t.Fatalf("object = %#v, want %#v", got.Object, want)
	}
}

func TestFromQuadUnsupported(t *testing.T) {
	iri := quad.IRI("https://example.org/x")
	for _, v := range []quad.Value{quad.BNode("b1"), quad.LangString{Value: "x", Lang: "vi"}} {
		_, err := graph.FromQuad(quad.Quad{Subject: iri, Predicate: iri, Object: v})
		if !errors.Is(err, graph.ErrUnsupportedValue) {
			t.Errorf("FromQuad with object %#v: err = %v, want ErrUnsupportedValue", v, err)
		}
	}
}
