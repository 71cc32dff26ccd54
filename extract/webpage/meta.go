package webpage

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is every metadata source of a page, before precedence is applied.
type pageMeta struct {
	ld                     ldArticle
	metaPublished          string // article:published_time, itemprop/name datePublished, pubdate
	metaAuthor             string
	ogTitle, ogSite, ogURL string
	timeDatetime           string
	canonical              string
	h1, title              string
	ldErrors               int
}

type ldArticle struct {
	found               bool
	headline, published string
	authors             []string
	publisher, url      string
}

var articleTypes = map[string]bool{"NewsArticle": true, "Article": true, "ReportageNewsArticle": true,
	"AnalysisNewsArticle": true, "BlogPosting": true, "OpinionNewsArticle": true, "ReviewNewsArticle": true,
	"BackgroundNewsArticle": true, "LiveBlogPosting": true}

// readMeta collects the metadata of the whole page.
func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && !m.ld.found {
					if err := m.ld.read(rawText(n)); err != nil {
						m.ldErrors++
					}
				}
				return
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := strings.TrimSpace(attr(n, "content"))
				if val == "" {
					break
				}
				switch key {
				case "article:published_time", "datepublished", "pubdate", "publishdate", "article:published", "dc.date.issued":
					setOnce(&m.metaPublished, val)
				case "author", "article:author", "dc.creator":
					if !strings.HasPrefix(val, "http") {
						setOnce(&m.metaAuthor, val)
					}
				case "og:title":
					setOnce(&m.ogTitle, val)
				case "og:site_name":
					setOnce(&m.ogSite, val)
				case "og:url":
					setOnce(&m.ogURL, val)
				}
			case atom.Link:
				if hasToken(attr(n, "rel"), "canonical") {
					setOnce(&m.canonical, strings.TrimSpace(attr(n, "href")))
				}
			case atom.Time:
				if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" && (m.timeDatetime == "" || attr(n, "pubdate") != "" || attr(n, "itemprop") == "datePublished") {
					m.timeDatetime = dt
				}
			case atom.Title:
				setOnce(&m.title, strings.TrimSpace(textOf(n)))
			case atom.H1:
				setOnce(&m.h1, cleanPara(textOf(n)))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// apply chooses each field by the order of trust: JSON-LD, then meta tags, then
// Open Graph, then <time>, then the canonical link; the URL trusts the canonical
// link first (it is the page's own statement of its identity).
func (a *Article) apply(m pageMeta, opt Options) {
	pick := func(field string, cands ...[2]string) string {
		for _, c := range cands {
			if v := strings.TrimSpace(c[1]); v != "" {
				a.From[field] = c[0]
				return v
			}
		}
		return ""
	}
	a.Title = cleanPara(pick("title", [2]string{"json-ld", m.ld.headline}, [2]string{"og", m.ogTitle}, [2]string{"h1", m.h1}, [2]string{"title", m.title}))
	for _, c := range [][2]string{{"json-ld", m.ld.published}, {"meta", m.metaPublished}, {"time", m.timeDatetime}} {
		if d := isoDay(c[1]); d != "" {
			a.Published, a.From["published"] = d, c[0]
			break
		}
	}
	a.Publisher = cleanPara(pick("publisher", [2]string{"json-ld", m.ld.publisher}, [2]string{"og", m.ogSite}))
	if len(m.ld.authors) > 0 {
		a.Authors, a.From["author"] = m.ld.authors, "json-ld"
	} else if m.metaAuthor != "" {
		a.Authors, a.From["author"] = []string{cleanPara(m.metaAuthor)}, "meta"
	}
	base := pageURL(opt.URL)
	abs := func(u string) string {
		if u == "" {
			return ""
		}
		var pu *url.URL
		var err error
		if base != nil {
			pu, err = base.Parse(u)
		} else {
			pu, err = url.Parse(u)
		}
		if err != nil || pu == nil || pu.Host == "" || (pu.Scheme != "http" && pu.Scheme != "https") {
			return ""
		}
		return pu.String()
	}
	a.URL = pick("url", [2]string{"canonical", abs(m.canonical)}, [2]string{"og", abs(m.ogURL)}, [2]string{"json-ld", abs(m.ld.url)}, [2]string{"fetch", abs(opt.URL)})
	if a.URL != "" {
		a.URL = CanonicalURL(a.URL)
		a.ID = DocID(a.URL)
	}
}

// read takes the first article object of a JSON-LD block (an object, an array
// or an @graph).
func (ld *ldArticle) read(raw string) error {
	// Vietnamese CMSs often write raw line breaks inside JSON strings.
	raw = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(raw)
	var v any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return fmt.Errorf("JSON-LD: %w", err)
	}
	var visit func(any) bool
	visit = func(v any) bool {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				if visit(e) {
					return true
				}
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok && visit(g) {
				return true
			}
			if !isArticleType(x["@type"]) {
				return false
			}
			ld.found = true
			ld.headline = str(x["headline"])
			if ld.headline == "" {
				ld.headline = str(x["name"])
			}
			ld.published = str(x["datePublished"])
			ld.authors = names(x["author"])
			if p := names(x["publisher"]); len(p) > 0 {
				ld.publisher = p[0]
			}
			ld.url = str(x["url"])
			if ld.url == "" {
				switch me := x["mainEntityOfPage"].(type) {
				case string:
					ld.url = me
				case map[string]any:
					ld.url = firstNonEmpty(str(me["@id"]), str(me["url"]))
				}
			}
			return true
		}
		return false
	}
	visit(v)
	return nil
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes[strings.TrimPrefix(strings.TrimPrefix(x, "https://schema.org/"), "http://schema.org/")]
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func str(v any) string {
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s)
	}
	return ""
}

// names reads "X", {"name": "X"}, or a list of them.
func names(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		if s := cleanPara(x); s != "" && !strings.HasPrefix(s, "http") {
			out = append(out, s)
		}
	case map[string]any:
		if s := cleanPara(str(x["name"])); s != "" {
			out = append(out, s)
		}
	case []any:
		for _, e := range x {
			out = append(out, names(e)...)
		}
	}
	return out
}

var (
	isoRe = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)
	dmyRe = regexp.MustCompile(`\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b`)
)

// isoDay reads the calendar day of a date as the page wrote it ("2024-06-09T07:30:00+07:00"
// is 2024-06-09, in the page's own zone; "09/06/2024 07:30" too).
func isoDay(s string) string {
	s = strings.TrimSpace(s)
	if m := isoRe.FindStringSubmatch(s); m != nil {
		return validDay(m[1], m[2], m[3])
	}
	if m := dmyRe.FindStringSubmatch(s); m != nil {
		return validDay(m[3], m[2], m[1])
	}
	return ""
}

func validDay(y, m, d string) string {
	var yy, mm, dd int
	fmt.Sscan(y, &yy)
	fmt.Sscan(m, &mm)
	fmt.Sscan(d, &dd)
	if yy < 1900 || yy > 2200 || mm < 1 || mm > 12 || dd < 1 || dd > 31 {
		return ""
	}
	days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[mm-1]
	if mm == 2 && !(yy%4 == 0 && (yy%100 != 0 || yy%400 == 0)) {
		days = 28
	}
	if dd > days {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", yy, mm, dd)
}

// dateline finds a date written in the page's dateline: the site's dateline
// element, else an element whose class or id names a date or time.
func dateline(doc *html.Node, site *Site) string {
	if site != nil {
		for _, n := range matchAll(doc, site.Dateline) {
			if d := isoDay(dmy(textOf(n))); d != "" {
				return d
			}
		}
	}
	found := ""
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			if skipped[n.DataAtom] {
				return false
			}
			cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
			if strings.Contains(cls, "date") || strings.Contains(cls, "time") || strings.Contains(cls, "ngay") {
				if d := isoDay(dmy(textOf(n))); d != "" {
					found = d
					return true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	return found
}

// dmy is the first d/m/yyyy in s.
func dmy(s string) string { return dmyRe.FindString(s) }

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == tok {
			return true
		}
	}
	return false
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// rawText is the text of a raw-text element (<script>, <style>).
func rawText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}
