package graph

// ScanState is where ScanGizmo's scan of a Gizmo source ended.
type ScanState struct {
	// Quote is the quote of the string literal the source ends inside ('"',
	// '\'' or '`'), or 0; QuoteStart is the byte offset of its opening quote.
	Quote      byte
	QuoteStart int
	// LineComment and BlockComment report a comment the source ends inside.
	LineComment, BlockComment bool
	// Broken reports a '"' or '\'' string left open at a line's end, which
	// JavaScript rejects; the scan goes on after it as code.
	Broken bool
	// Line is the line the scan ended on, from 1.
	Line int
}

// ScanGizmo reads a Gizmo (JavaScript) source as far as its strings and
// comments go, and calls code for each byte that is outside both, with its
// offset and line; the scan stops when code returns false. It is the one
// scanner of CheckQuery and of the REPL (which asks whether a query is
// complete, and which string the cursor is in). Delimiters are ASCII, so a
// byte scan is exact on UTF-8.
func ScanGizmo(src string, code func(i int, c byte, line int) bool) ScanState {
	st := ScanState{Line: 1}
	for i := 0; i < len(src); i++ {
		c := src[i]
		next := byte(0)
		if i+1 < len(src) {
			next = src[i+1]
		}
		switch {
		case st.LineComment:
			if c == '\n' {
				st.LineComment = false
			}
		case st.BlockComment:
			if c == '*' && next == '/' {
				st.BlockComment = false
				i++
			}
		case st.Quote != 0:
			switch {
			case c == '\\':
				if next == '\n' {
					st.Line++
				}
				i++
			case c == st.Quote:
				st.Quote = 0
			case c == '\n' && st.Quote != '`':
				st.Quote, st.Broken = 0, true // an unclosed string: the parser will say so
			}
		case c == '/' && next == '/':
			st.LineComment = true
			i++
		case c == '/' && next == '*':
			st.BlockComment = true
			i++
		case c == '"' || c == '\'' || c == '`':
			st.Quote, st.QuoteStart = c, i
		default:
			if code != nil && !code(i, c, st.Line) {
				return st
			}
		}
		if c == '\n' {
			st.Line++
		}
	}
	return st
}
