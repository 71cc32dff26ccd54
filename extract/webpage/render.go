package webpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// block elements end a paragraph.
var block = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Figure: true, atom.Figcaption: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Header: true, atom.Footer: true, atom.Address: true, atom.Center: true, atom.Hr: true,
}

// skipped elements hold no article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
}

// render writes the text of the article container: a blank line between
// paragraphs, a line break for <br>, each caption a paragraph of its own.
func render(root *html.Node) (text string, captions []string) {
	r := &renderer{}
	r.walk(root)
	r.flush()
	return strings.Join(r.paras, "\n\n"), r.captions
}

type renderer struct {
	paras    []string
	captions []string
	cur      strings.Builder
}

func (r *renderer) flush() {
	p := cleanPara(r.cur.String())
	r.cur.Reset()
	if p != "" {
		r.paras = append(r.paras, p)
	}
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipped[n.DataAtom] {
			return
		}
		if n.DataAtom == atom.Br {
			r.cur.WriteString("\n")
			return
		}
		if isCaption(n) {
			r.flush()
			c := cleanPara(textOf(n))
			if c != "" {
				r.paras = append(r.paras, c)
				r.captions = append(r.captions, c)
			}
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	isBlock := n.Type == html.ElementNode && block[n.DataAtom]
	if isBlock {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if isBlock {
		r.flush()
	}
}

// cleanPara collapses runs of spaces (keeping <br> line breaks) and trims.
func cleanPara(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.Join(strings.FieldsFunc(l, isSpace), " ")
		if l != "" {
			out = append(out, l)
		}
	}
	return norm.NFC.String(strings.Join(out, "\n"))
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\f', '\v', '\u00a0', '\u200b', '\ufeff', '\u2002', '\u2003', '\u2009', '\u202f', '\u3000':
		return true
	}
	return false
}

// textOf is the text under n, block boundaries as spaces.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return
			}
			if block[n.DataAtom] || n.DataAtom == atom.Br {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// firstText is the first non-blank text under n, with whether it is inside a link.
func firstText(n *html.Node) string {
	var found string
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			if t := strings.TrimSpace(n.Data); t != "" {
				found = t
				return true
			}
		}
		if n.Type == html.ElementNode && skipped[n.DataAtom] {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(n)
	return found
}

// linkDensity is the share of n's text that sits inside links.
func linkDensity(n *html.Node) float64 {
	all := len(strings.Join(strings.Fields(textOf(n)), ""))
	if all == 0 {
		return 0
	}
	linked := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			linked += len(strings.Join(strings.Fields(textOf(n)), ""))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return float64(linked) / float64(all)
}

// dropRelated removes the blocks that a "related" heading opens ("Tin liên
// quan", "Đọc thêm", "Bình luận"): the outermost element whose first text is
// such a heading, or, when the heading stands alone, the heading and the link
// lists after it.
func dropRelated(root *html.Node, related map[string]bool) {
	if len(related) == 0 {
		return
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && !skipped[c.DataAtom] && c.DataAtom != atom.Body && c.DataAtom != atom.Html {
				if ft := firstText(c); ft != "" && related[fold(ft)] && (linkDensity(c) >= 0.4 || len([]rune(textOf(c))) < 1500) {
					if fold(textOf(c)) == fold(ft) {
						// a heading alone: drop the lists that follow it
						for s := c.NextSibling; s != nil; {
							sn := s.NextSibling
							if s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" {
								s = sn
								continue
							}
							if s.Type != html.ElementNode || linkDensity(s) < 0.5 {
								break
							}
							detach(s)
							s = sn
						}
						next = c.NextSibling
					}
					detach(c)
					c = next
					continue
				}
			}
			walk(c)
			c = next
		}
	}
	walk(root)
}
