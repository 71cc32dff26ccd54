package graph

import (
	"errors"
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/vnkg/vnkg/graph/vocab"
)

// ErrUnsupportedValue is returned for a stored value that the vocabulary cannot
// express (a blank node, a language-tagged or native Cayley value): vnkg never
// writes one, but a store loaded by other tools may hold them.
var ErrUnsupportedValue = errors.New("value kind not used by the vnkg vocabulary")

// ErrInvalidQuad is returned for a quad that cannot be stored: an empty IRI, a
// missing label, or a label other than the document's.
var ErrInvalidQuad = errors.New("invalid quad")

// ToQuad converts a vocabulary quad to Cayley's: IRIs become quad.IRI, literals
// with a datatype quad.TypedString, plain literals quad.String. An empty label
// stays nil (the default graph).
func ToQuad(q vocab.Quad) quad.Quad {
	out := quad.Quad{
		Subject:   toValue(q.Subject),
		Predicate: toValue(q.Predicate),
		Object:    toValue(q.Object),
	}
	if q.Label != "" {
		out.Label = quad.IRI(q.Label)
	}
	return out
}

func toValue(t vocab.Term) quad.Value {
	switch {
	case t.Kind == vocab.IRIKind:
		return quad.IRI(t.Value)
	case t.Datatype != "":
		return quad.TypedString{Value: quad.String(t.Value), Type: quad.IRI(t.Datatype)}
	default:
		return quad.String(t.Value)
	}
}

// FromQuad converts a Cayley quad back to a vocabulary quad. Native values
// become typed literals; blank nodes and language-tagged strings, which the
// vocabulary does not use, fail with ErrUnsupportedValue.
func FromQuad(q quad.Quad) (vocab.Quad, error) {
	var out vocab.Quad
	var err error
	if out.Subject, err = fromValue(q.Subject); err != nil {
		return vocab.Quad{}, fmt.Errorf("subject: %w", err)
	}
	if out.Predicate, err = fromValue(q.Predicate); err != nil {
		return vocab.Quad{}, fmt.Errorf("predicate: %w", err)
	}
	if out.Object, err = fromValue(q.Object); err != nil {
		return vocab.Quad{}, fmt.Errorf("object: %w", err)
	}
	switch l := q.Label.(type) {
	case nil:
	case quad.IRI:
		out.Label = string(l)
	default:
		return vocab.Quad{}, fmt.Errorf("label %s: %w", q.Label, ErrUnsupportedValue)
	}
	return out, nil
}

func fromValue(v quad.Value) (vocab.Term, error) {
	switch v := v.(type) {
	case quad.IRI:
		return vocab.IRI(string(v)), nil
	case quad.String:
		return vocab.String(string(v)), nil
	case quad.TypedString:
		return vocab.Typed(string(v.Value), string(v.Type)), nil
	case quad.TypedStringer:
		// A native value (quad.Int, quad.Time, …): Cayley's N-Quads reader
		// makes one of "1"^^xsd:integer, so a store filled by `cayley load`
		// from an export holds them. Canonical lexical form, full type IRI.
		ts := v.TypedString()
		return vocab.Typed(string(ts.Value), string(ts.Type.Full())), nil
	case nil:
		return vocab.Term{}, fmt.Errorf("missing value: %w", ErrUnsupportedValue)
	default:
		return vocab.Term{}, fmt.Errorf("%s (%T): %w", v, v, ErrUnsupportedValue)
	}
}

// checkQuad reports why q cannot be stored under label, or nil.
func checkQuad(q vocab.Quad, label string) error {
	switch {
	case q.Label != label:
		return fmt.Errorf("%w: label %q in a document labelled %q", ErrInvalidQuad, q.Label, label)
	case q.Subject.Kind != vocab.IRIKind || q.Subject.Value == "":
		return fmt.Errorf("%w: subject must be a non-empty IRI: %s", ErrInvalidQuad, q.NQuad())
	case q.Predicate.Kind != vocab.IRIKind || q.Predicate.Value == "":
		return fmt.Errorf("%w: predicate must be a non-empty IRI: %s", ErrInvalidQuad, q.NQuad())
	case q.Object.Kind == vocab.IRIKind && q.Object.Value == "":
		return fmt.Errorf("%w: empty object IRI: %s", ErrInvalidQuad, q.NQuad())
	}
	return nil
}
