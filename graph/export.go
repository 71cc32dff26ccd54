package graph

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/piprate/json-gold/ld"

	"github.com/vnkg/vnkg/graph/vocab"
)

// Format is an export format.
type Format string

// Export formats.
const (
	// FormatNQuads is RDF 1.1 N-Quads, one statement a line, as `cayley load`
	// and any RDF parser read it.
	FormatNQuads Format = "nquads"
	// FormatJSONLD is expanded JSON-LD: a node object per named graph (a
	// document) holding its statements under "@graph".
	FormatJSONLD Format = "jsonld"
	// FormatDOT is a Graphviz digraph: entities as nodes labelled with their
	// names, relations as edges (see export_graph.go).
	FormatDOT Format = "dot"
	// FormatGraphML is GraphML, with the same nodes and edges as FormatDOT.
	FormatGraphML Format = "graphml"
)

// Formats lists the export formats.
var Formats = []Format{FormatNQuads, FormatJSONLD, FormatJSONLDCompact, FormatDOT, FormatGraphML}

// ParseFormat checks a format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown export format %q (want one of %s)", s, strings.Join(names, ", "))
}

// ExportOption tunes Export.
type ExportOption func(*exportOptions)

type exportOptions struct {
	withText bool
	focus    string
	nb       NeighbourhoodOptions
}

// WithText keeps the articles' text (schema:articleBody), which Export
// leaves out by default: it is the build's copy of the input, for evidence,
// not a fact.
func WithText() ExportOption { return func(o *exportOptions) { o.withText = true } }

// Focus exports only the neighbourhood of the entity iri (see
// Store.Neighbourhood) instead of the whole store or label.
func Focus(iri string, depth, maxNodes int) ExportOption {
	return func(o *exportOptions) {
		o.focus = iri
		o.nb = NeighbourhoodOptions{Depth: depth, MaxNodes: maxNodes}
	}
}

// Export writes the quads stored under label, or the whole store when label
// is "", to w in format, and returns how many it wrote. The output is sorted
// (by label, then subject, predicate and object as N-Quads terms), so two
// exports of the same graph are byte-identical whatever the store or the order
// of writes. A label with nothing stored is ErrNoDocument.
func (s *Store) Export(ctx context.Context, w io.Writer, format Format, label string, opts ...ExportOption) (int, error) {
	var o exportOptions
	for _, opt := range opts {
		opt(&o)
	}
	var quads []sortedQuad
	var err error
	if o.focus != "" {
		quads, err = s.neighbourhoodQuads(ctx, o.focus, label, o.nb)
	} else {
		quads, err = s.sortedQuads(ctx, label)
	}
	if err != nil {
		return 0, err
	}
	if label != "" && len(quads) == 0 {
		return 0, fmt.Errorf("exporting %s: %w", label, ErrNoDocument)
	}
	if !o.withText {
		quads = slices.DeleteFunc(quads, func(q sortedQuad) bool { return q.q.Predicate.Value == vocab.ArticleBody })
	}
	switch format {
	case FormatNQuads:
		err = writeNQuads(w, quads)
	case FormatJSONLD:
		err = writeJSONLD(w, quads)
	case FormatDOT:
		err = writeDOT(w, plainQuads(quads))
	case FormatGraphML:
		err = writeGraphML(w, plainQuads(quads))
	case FormatJSONLDCompact:
		err = writeJSONLDCompact(w, quads)
	default:
		_, err = ParseFormat(string(format))
	}
	if err != nil {
		return 0, fmt.Errorf("exporting %s: %w", format, err)
	}
	return len(quads), nil
}

// sortedQuad is a quad with its N-Quads statement, the sort key.
type sortedQuad struct {
	q    vocab.Quad
	line string
}

// sortedQuads reads the quads under label (all when "") in export order.
func (s *Store) sortedQuads(ctx context.Context, label string) ([]sortedQuad, error) {
	var out []sortedQuad
	add := func(q quad.Quad) error {
		v, err := FromQuad(q)
		if err != nil {
			return fmt.Errorf("quad %s: %w", q.NQuad(), err)
		}
		out = append(out, sortedQuad{q: v, line: v.NQuad()})
		return nil
	}
	var err error
	if label == "" {
		err = s.eachQuad(ctx, add)
	} else {
		err = s.eachLabelQuad(ctx, label, add)
	}
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b sortedQuad) int {
		return cmp.Or(cmp.Compare(a.q.Label, b.q.Label), cmp.Compare(a.line, b.line))
	})
	return out, nil
}

// neighbourhoodQuads is the neighbourhood of focus in export order.
func (s *Store) neighbourhoodQuads(ctx context.Context, focus, label string, nb NeighbourhoodOptions) ([]sortedQuad, error) {
	nb.Label = label
	sg, err := s.Neighbourhood(ctx, focus, nb)
	if err != nil {
		return nil, err
	}
	out := make([]sortedQuad, len(sg.Quads))
	for i, q := range sg.Quads {
		out[i] = sortedQuad{q: q, line: q.NQuad()}
	}
	slices.SortFunc(out, func(a, b sortedQuad) int {
		return cmp.Or(cmp.Compare(a.q.Label, b.q.Label), cmp.Compare(a.line, b.line))
	})
	return out, nil
}

func plainQuads(sq []sortedQuad) []vocab.Quad {
	out := make([]vocab.Quad, len(sq))
	for i, q := range sq {
		out[i] = q.q
	}
	return out
}

func writeNQuads(w io.Writer, quads []sortedQuad) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	for _, q := range quads {
		bw.WriteString(q.line)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// writeJSONLD writes quads as expanded JSON-LD through json-gold's RDF
// conversion, which orders nodes and graphs by IRI.
func writeJSONLD(w io.Writer, quads []sortedQuad) error {
	doc, err := expandedJSONLD(quads)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(doc)
}

// expandedJSONLD is quads as an expanded JSON-LD document.
func expandedJSONLD(quads []sortedQuad) (any, error) {
	ds := ld.NewRDFDataset()
	for _, sq := range quads {
		q := sq.q
		graph := q.Label
		if graph == "" {
			graph = "@default"
		}
		ds.Graphs[graph] = append(ds.Graphs[graph],
			ld.NewQuad(ldTerm(q.Subject), ldTerm(q.Predicate), ldTerm(q.Object), graph))
	}
	return ld.NewJsonLdApi().FromRDF(ds, ld.NewJsonLdOptions(""))
}

func ldTerm(t vocab.Term) ld.Node {
	if t.IsIRI() {
		return ld.NewIRI(t.Value)
	}
	dt := t.Datatype
	if dt == "" {
		dt = vocab.XSD + "string"
	}
	return ld.NewLiteral(t.Value, dt, "")
}
