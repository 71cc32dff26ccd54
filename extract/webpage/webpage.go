// Package webpage reads a saved news page into its article: the body text with
// its paragraph breaks (captions as paragraphs of their own, link lists,
// navigation, comments and "related" blocks dropped), the page's own metadata
// (JSON-LD, meta tags, Open Graph, <time>, the canonical link, the dateline) and
// a document id from the canonical URL. It decodes the charsets Vietnamese sites
// use (UTF-8 with or without BOM, windows-1258, whatever the page or the HTTP
// header declares) and returns NFC text.
//
// The article is found by a readability library (go-readability) on the page
// cleaned by the site rules (data/sites); an outlet whose layout it gets wrong
// has a rule file naming its body element. The package knows HTML, not
// Vietnamese grammar, and does not import the extractor.
package webpage

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"
)

// Errors about a page. They are wrapped with what was found.
var (
	ErrNoArticle = errors.New("no article body found (a section front, a login wall or an error page?)")
	ErrBinary    = errors.New("not an HTML page: binary content")
	ErrCharset   = errors.New("unknown charset")
)

// Article is what a page says: its text and its metadata.
type Article struct {
	Text      string   // the body: paragraphs separated by blank lines, NFC
	Captions  []string // photo captions, also in Text as paragraphs of their own
	Title     string
	Published string // YYYY-MM-DD, "" if the page gives no date
	Authors   []string
	Publisher string
	URL       string // the page's canonical URL, "" if it names none
	ID        string // the document id from URL (see DocID), "" without one
	Charset   string // the encoding the page was decoded from
	Site      string // the rule file that matched, "" for none
	// From tells where each metadata field was read from ("json-ld", "meta",
	// "og", "time", "canonical", "dateline", "title", "h1", "fetch").
	From map[string]string
}

// Options are what is known about a page besides its bytes.
type Options struct {
	ContentType string // the HTTP Content-Type header, "" for a file on disk
	URL         string // where it was fetched (a WARC record's target URI), "" if unknown
	Rules       *Rules // site rules; nil for none
	MinText     int    // the fewest letters of body an article has (default 200)
}

// Parse reads one page. A page with no article body is ErrNoArticle; bytes that
// are not text are ErrBinary. Malformed HTML is read as a browser reads it.
func Parse(data []byte, opt Options) (Article, error) {
	if err := sniffBinary(data); err != nil {
		return Article{}, err
	}
	enc, name, _ := charset.DetermineEncoding(data, opt.ContentType)
	if enc == nil {
		return Article{}, fmt.Errorf("%w %q", ErrCharset, name)
	}
	decoded, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return Article{}, fmt.Errorf("decoding %s: %w", name, err)
	}
	decoded = bytes.TrimPrefix(decoded, []byte("\ufeff"))
	decoded = norm.NFC.Bytes(decoded)
	doc, err := html.Parse(bytes.NewReader(decoded))
	if err != nil { // html.Parse fails only on reader errors
		return Article{}, err
	}
	a := Article{Charset: name, From: map[string]string{}}
	meta := readMeta(doc)
	a.apply(meta, opt)

	rules := opt.Rules
	if rules == nil {
		rules = &Rules{}
	}
	host := ""
	for _, u := range []string{a.URL, opt.URL} {
		if pu, err := url.Parse(u); err == nil && pu.Host != "" {
			host = pu.Hostname()
			break
		}
	}
	site := rules.For(host)
	if site != nil {
		a.Site = site.File
		if a.Publisher == "" && site.Name != "" {
			a.Publisher, a.From["publisher"] = site.Name, "site"
		}
		if f := a.From["title"]; f == "" || f == "h1" || f == "title" {
			if found := matchAll(doc, site.Title); len(found) > 0 {
				if t := cleanPara(textOf(found[0])); t != "" {
					a.Title, a.From["title"] = t, "site"
				}
			}
		}
	}
	if a.Published == "" {
		if d := dateline(doc, site); d != "" {
			a.Published, a.From["published"] = d, "dateline"
		}
	}

	captionSels := append(append([]cascadiaSel{}, rules.Default.Caption...), siteSels(site, func(s *Site) []cascadiaSel { return s.Caption })...)
	for _, n := range matchAll(doc, captionSels) {
		markCaption(n)
	}
	drop := append(append([]cascadiaSel{}, rules.Default.Drop...), siteSels(site, func(s *Site) []cascadiaSel { return s.Drop })...)
	related := map[string]bool{}
	for _, r := range rules.Default.Related {
		related[r] = true
	}
	if site != nil {
		for _, r := range site.Related {
			related[r] = true
		}
	}

	var bodies []*html.Node
	if site != nil {
		bodies = matchAll(doc, site.Body)
	}
	for _, n := range matchAll(doc, drop) {
		if containsAny(n, bodies) {
			continue // a rule never drops the body it names
		}
		detach(n)
	}
	dropRelated(doc, related)
	if len(bodies) == 0 {
		p := readability.NewParser()
		p.CharThresholds = 300
		ra, err := p.ParseAndMutate(doc, pageURL(a.URL, opt.URL))
		if err == nil && ra.Node != nil {
			bodies = []*html.Node{ra.Node}
			if a.Title == "" && ra.Title() != "" {
				a.Title, a.From["title"] = ra.Title(), "title"
			}
		}
	}
	var paras []string
	for _, b := range bodies {
		t, c := render(b)
		if t != "" {
			paras = append(paras, t)
		}
		a.Captions = append(a.Captions, c...)
	}
	a.Text = strings.Join(paras, "\n\n")
	min := opt.MinText
	if min <= 0 {
		min = 200
	}
	if letters(a.Text, a.Captions) < min {
		return a, fmt.Errorf("%w: %d letters of text", ErrNoArticle, letters(a.Text, a.Captions))
	}
	return a, nil
}

func siteSels(s *Site, f func(*Site) []cascadiaSel) []cascadiaSel {
	if s == nil {
		return nil
	}
	return f(s)
}

func pageURL(urls ...string) *url.URL {
	for _, u := range urls {
		if pu, err := url.Parse(u); err == nil && pu.Host != "" {
			return pu
		}
	}
	return nil
}

// sniffBinary refuses bytes that are not text: NULs (outside UTF-16) or a
// signature of an image, archive or PDF.
func sniffBinary(data []byte) error {
	head := data[:min(len(data), 4096)]
	if bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) {
		return nil
	}
	ct := http.DetectContentType(head)
	if !strings.HasPrefix(ct, "text/") && !strings.Contains(ct, "xml") {
		return fmt.Errorf("%w (%s)", ErrBinary, ct)
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return fmt.Errorf("%w (contains NUL bytes)", ErrBinary)
	}
	return nil
}

// letters counts the letters of the body that are not captions.
func letters(text string, captions []string) int {
	n := 0
	for _, r := range text {
		if r > ' ' {
			n++
		}
	}
	for _, c := range captions {
		n -= utf8.RuneCountInString(strings.ReplaceAll(c, " ", ""))
	}
	return n
}

const captionAttr = "data-vnkg-caption"

func markCaption(n *html.Node) {
	for _, a := range n.Attr {
		if a.Key == captionAttr {
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: captionAttr, Val: "1"})
}

func isCaption(n *html.Node) bool {
	if n.DataAtom == atom.Figcaption {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == captionAttr {
			return true
		}
	}
	return false
}

func containsAny(outer *html.Node, inner []*html.Node) bool {
	for _, n := range inner {
		if contains(outer, n) {
			return true
		}
	}
	return false
}

func contains(outer, inner *html.Node) bool {
	for n := inner; n != nil; n = n.Parent {
		if n == outer {
			return true
		}
	}
	return false
}

func detach(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}
