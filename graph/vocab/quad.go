package vocab

import (
	"bufio"
	"io"
	"strings"
)

// TermKind tells an IRI from a literal.
type TermKind uint8

const (
	IRIKind TermKind = iota
	LiteralKind
)

// Term is one element of a quad: an IRI, or a literal with an optional datatype.
type Term struct {
	Kind     TermKind
	Value    string
	Datatype string // literals only; "" is a plain xsd:string
}

// IRI is an IRI term.
func IRI(v string) Term { return Term{Kind: IRIKind, Value: v} }

// String is a plain string literal.
func String(v string) Term { return Term{Kind: LiteralKind, Value: v} }

// Typed is a literal of the given datatype IRI.
func Typed(v, datatype string) Term { return Term{Kind: LiteralKind, Value: v, Datatype: datatype} }

// IsIRI reports whether t is an IRI.
func (t Term) IsIRI() bool { return t.Kind == IRIKind }

// Quad is a statement with the IRI of the document that states it as its label.
type Quad struct {
	Subject, Predicate, Object Term
	Label                      string
}

// NQuad renders q as one N-Quads statement without the trailing newline.
func (q Quad) NQuad() string {
	var b strings.Builder
	writeTerm(&b, q.Subject)
	b.WriteByte(' ')
	writeTerm(&b, q.Predicate)
	b.WriteByte(' ')
	writeTerm(&b, q.Object)
	if q.Label != "" {
		b.WriteByte(' ')
		writeTerm(&b, IRI(q.Label))
	}
	b.WriteString(" .")
	return b.String()
}

func writeTerm(b *strings.Builder, t Term) {
	if t.Kind == IRIKind {
		b.WriteByte('<')
		for _, r := range t.Value {
			// N-Quads IRIREF forbids these; escaping them as UCHAR keeps the
			// statement parseable whatever a name held.
			if r <= 0x20 || strings.ContainsRune(`<>"{}|^`+"`\\", r) {
				writeUchar(b, r)
				continue
			}
			b.WriteRune(r)
		}
		b.WriteByte('>')
		return
	}
	b.WriteByte('"')
	for _, r := range t.Value {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				writeUchar(b, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	if t.Datatype != "" {
		b.WriteString("^^<")
		b.WriteString(t.Datatype)
		b.WriteByte('>')
	}
}

func writeUchar(b *strings.Builder, r rune) {
	const hex = "0123456789ABCDEF"
	b.WriteString(`\u`)
	for shift := 12; shift >= 0; shift -= 4 {
		b.WriteByte(hex[(r>>uint(shift))&15])
	}
}

// WriteNQuads writes quads as N-Quads, one statement a line.
func WriteNQuads(w io.Writer, quads []Quad) error {
	bw := bufio.NewWriter(w)
	for _, q := range quads {
		bw.WriteString(q.NQuad())
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
