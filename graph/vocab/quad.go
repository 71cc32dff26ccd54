package vocab

import (
	"bufio"
	"io"
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
	return string(q.AppendNQuad(make([]byte, 0, q.nquadLen())))
}

// nquadLen is about the length of q's statement, for a buffer's capacity.
func (q Quad) nquadLen() int {
	return len(q.Subject.Value) + len(q.Predicate.Value) + len(q.Object.Value) + len(q.Object.Datatype) + len(q.Label) + 16
}

// AppendNQuad appends q as one N-Quads statement (as NQuad renders it, without
// the trailing newline) to b: a writer of many quads reuses one buffer instead
// of a string a quad.
func (q Quad) AppendNQuad(b []byte) []byte {
	b = appendTerm(b, q.Subject)
	b = append(b, ' ')
	b = appendTerm(b, q.Predicate)
	b = append(b, ' ')
	b = appendTerm(b, q.Object)
	if q.Label != "" {
		b = append(b, ' ')
		b = appendTerm(b, IRI(q.Label))
	}
	return append(b, " ."...)
}

// AppendNQuads appends quads as N-Quads, a line each (as NQuad renders
// them, each with a newline), to b. A label shared by consecutive quads (an
// article's quads all carry its IRI) is written out once and copied after.
func AppendNQuads(b []byte, quads []Quad) []byte {
	var label string
	var written []byte // " <label> ." for label
	for _, q := range quads {
		if q.Label == "" {
			b = append(q.AppendNQuad(b), '\n')
			continue
		}
		if q.Label != label || written == nil {
			label = q.Label
			written = append(appendTerm(append(written[:0], ' '), IRI(label)), " ."...)
		}
		b = appendTerm(b, q.Subject)
		b = append(b, ' ')
		b = appendTerm(b, q.Predicate)
		b = append(b, ' ')
		b = appendTerm(b, q.Object)
		b = append(append(b, written...), '\n')
	}
	return b
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

// iriSpecial and literalSpecial are the bytes of valid UTF-8 that a term's
// writing changes (IRIs: iriEscaped; literals: the quote, the backslash and
// controls); every other byte, and all above ASCII, is copied as it is.
var iriSpecial, literalSpecial = func() (iri, lit [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		iri[c] = iriEscaped[c]
		lit[c] = c < 0x20 || c == 0x7f || c == '"' || c == '\\'
	}
	return iri, lit
}()

func appendTerm(b []byte, t Term) []byte {
	v := t.Value
	if utf8.ValidString(v) {
		// the common case: no bad byte to replace, so only the special
		// bytes are looked at (the same output as the loops below)
		special, open, close := &literalSpecial, byte('"'), byte('"')
		if t.Kind == IRIKind {
			special, open, close = &iriSpecial, '<', '>'
		}
		b = append(b, open)
		run := 0
		for i := 0; i < len(v); i++ {
			c := v[i]
			if !special[c] {
				continue
			}
			b = append(b, v[run:i]...)
			run = i + 1
			switch {
			case t.Kind == IRIKind:
				b = appendUchar(b, rune(c))
			case c == '"':
				b = append(b, `\"`...)
			case c == '\\':
				b = append(b, `\\`...)
			case c == '\n':
				b = append(b, `\n`...)
			case c == '\r':
				b = append(b, `\r`...)
			case c == '\t':
				b = append(b, `\t`...)
			default:
				b = appendUchar(b, rune(c))
			}
		}
		b = append(b, v[run:]...)
		b = append(b, close)
		if t.Kind != IRIKind && t.Datatype != "" {
			b = append(b, "^^<"...)
			b = append(b, t.Datatype...)
			b = append(b, '>')
		}
		return b
	}
	return appendTermBytewise(b, t)
}

// appendTermBytewise is appendTerm for any string: bad bytes are written as
// U+FFFD.
func appendTermBytewise(b []byte, t Term) []byte {
	v := t.Value
	if t.Kind == IRIKind {
		b = append(b, '<')
		// runs of characters that stand as they are go in one append
		run := 0
		for i := 0; i < len(v); {
			c := v[i]
			if c < utf8.RuneSelf {
				// N-Quads IRIREF forbids these; escaping them as UCHAR keeps the
				// statement parseable whatever a name held.
				if iriEscaped[c] {
					b = append(b, v[run:i]...)
					b = appendUchar(b, rune(c))
					run = i + 1
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(v[i:])
			if r == utf8.RuneError && n == 1 { // a bad byte is written as U+FFFD
				b = append(b, v[run:i]...)
				b = utf8.AppendRune(b, r)
				run = i + 1
			}
			i += n
		}
		b = append(b, v[run:]...)
		return append(b, '>')
	}
	b = append(b, '"')
	run := 0
	for i := 0; i < len(v); {
		c := v[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(v[i:])
			if r == utf8.RuneError && n == 1 { // a bad byte is written as U+FFFD
				b = append(b, v[run:i]...)
				b = utf8.AppendRune(b, r)
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
		b = append(b, v[run:i]...)
		if esc != "" {
			b = append(b, esc...)
		} else {
			b = appendUchar(b, rune(c))
		}
		i++
		run = i
	}
	b = append(b, v[run:]...)
	b = append(b, '"')
	if t.Datatype != "" {
		b = append(b, "^^<"...)
		b = append(b, t.Datatype...)
		b = append(b, '>')
	}
	return b
}

func appendUchar(b []byte, r rune) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, `\u`...)
	for shift := 12; shift >= 0; shift -= 4 {
		b = append(b, hex[(r>>uint(shift))&15])
	}
	return b
}

// WriteNQuads writes quads as N-Quads, one statement a line.
func WriteNQuads(w io.Writer, quads []Quad) error {
	bw := bufio.NewWriter(w)
	var buf []byte
	for _, q := range quads {
		buf = append(q.AppendNQuad(buf[:0]), '\n')
		bw.Write(buf)
	}
	return bw.Flush()
}
