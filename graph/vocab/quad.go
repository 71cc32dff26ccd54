package vocab

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"
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
	b.Grow(len(q.Subject.Value) + len(q.Predicate.Value) + len(q.Object.Value) + len(q.Object.Datatype) + len(q.Label) + 16)
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

// iriEscaped are the ASCII bytes N-Quads IRIREF forbids: controls, space and <>"{}|^`\.
var iriEscaped = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c <= 0x20; c++ {
		t[c] = true
	}
	for _, c := range []byte(`<>"{}|^` + "`\\") {
		t[c] = true
	}
	return t
}()

func writeTerm(b *strings.Builder, t Term) {
	v := t.Value
	if t.Kind == IRIKind {
		b.WriteByte('<')
		// runs of characters that stand as they are go in one write
		run := 0
		for i := 0; i < len(v); {
			c := v[i]
			if c < utf8.RuneSelf {
				// N-Quads IRIREF forbids these; escaping them as UCHAR keeps the
				// statement parseable whatever a name held.
				if iriEscaped[c] {
					b.WriteString(v[run:i])
					writeUchar(b, rune(c))
					run = i + 1
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(v[i:])
			if r == utf8.RuneError && n == 1 { // a bad byte is written as U+FFFD
				b.WriteString(v[run:i])
				b.WriteRune(r)
				run = i + 1
			}
			i += n
		}
		b.WriteString(v[run:])
		b.WriteByte('>')
		return
	}
	b.WriteByte('"')
	run := 0
	for i := 0; i < len(v); {
		c := v[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(v[i:])
			if r == utf8.RuneError && n == 1 { // a bad byte is written as U+FFFD
				b.WriteString(v[run:i])
				b.WriteRune(r)
				run = i + 1
			}
			i += n
			continue
		}
		var esc string
		switch c {
		case '"':
			esc = `\"`
		case '\\':
			esc = `\\`
		case '\n':
			esc = `\n`
		case '\r':
			esc = `\r`
		case '\t':
			esc = `\t`
		default:
			if c >= 0x20 && c != 0x7f {
				i++
				continue
			}
		}
		b.WriteString(v[run:i])
		if esc != "" {
			b.WriteString(esc)
		} else {
			writeUchar(b, rune(c))
		}
		i++
		run = i
	}
	b.WriteString(v[run:])
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
