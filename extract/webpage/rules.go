package webpage

import (
	"bufio"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

type cascadiaSel = cascadia.Sel

// Rules are the site rules: the defaults for every page and one set per outlet.
type Rules struct {
	Default Site
	Sites   []*Site // in file-name order
}

// Site is one rule file: which hosts it covers and the selectors it uses.
type Site struct {
	File     string
	Name     string // the outlet's name: the publisher when the page names none
	Hosts    []string
	Body     []cascadia.Sel
	Drop     []cascadia.Sel
	Caption  []cascadia.Sel
	Dateline []cascadia.Sel
	Title    []cascadia.Sel
	Related  []string // folded headings of link blocks
}

// LoadRules reads every *.tsv in fsys (the site-rule folder, data.SitesFS()).
// An unknown key or a selector that does not parse is an error naming the file
// and line.
func LoadRules(fsys fs.FS) (*Rules, error) {
	names, err := fs.Glob(fsys, "*.tsv")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	r := &Rules{}
	for _, name := range names {
		s := &Site{File: name}
		if err := readSite(fsys, name, s); err != nil {
			return nil, err
		}
		if name == "default.tsv" {
			r.Default = *s
			continue
		}
		if len(s.Hosts) == 0 {
			return nil, fmt.Errorf("%s: no host line", name)
		}
		r.Sites = append(r.Sites, s)
	}
	return r, nil
}

func readSite(fsys fs.FS, name string, s *Site) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		key, value, ok := strings.Cut(l, "\t")
		value = strings.TrimSpace(value)
		if !ok || value == "" {
			return fmt.Errorf("%s:%d: want key<TAB>value, got %q", name, line, l)
		}
		sel := func(dst *[]cascadia.Sel) error {
			for _, part := range strings.Split(value, ",") {
				c, err := cascadia.Parse(strings.TrimSpace(part))
				if err != nil {
					return fmt.Errorf("%s:%d: selector %q: %v", name, line, part, err)
				}
				*dst = append(*dst, c)
			}
			return nil
		}
		switch key {
		case "name":
			s.Name = value
		case "host":
			s.Hosts = append(s.Hosts, strings.ToLower(value))
		case "body":
			err = sel(&s.Body)
		case "drop":
			err = sel(&s.Drop)
		case "caption":
			err = sel(&s.Caption)
		case "dateline":
			err = sel(&s.Dateline)
		case "title":
			err = sel(&s.Title)
		case "related":
			s.Related = append(s.Related, fold(value))
		default:
			err = fmt.Errorf("%s:%d: unknown key %q", name, line, key)
		}
		if err != nil {
			return err
		}
	}
	return sc.Err()
}

// For finds the rules of the outlet serving host ("www.qdnd.vn"), or nil.
func (r *Rules) For(host string) *Site {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for _, s := range r.Sites {
		for _, h := range s.Hosts {
			if host == h || strings.HasSuffix(host, "."+h) {
				return s
			}
		}
	}
	return nil
}

// matchAll lists the nodes under root that any of sels matches, in document
// order, without the ones inside another match.
func matchAll(root *html.Node, sels []cascadia.Sel) []*html.Node {
	if len(sels) == 0 {
		return nil
	}
	hit := map[*html.Node]bool{}
	for _, s := range sels {
		for _, n := range cascadia.QueryAll(root, s) {
			hit[n] = true
		}
	}
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if hit[n] {
			out = append(out, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

// fold is the key a heading is compared by: lower case, spaces collapsed, no
// trailing punctuation.
func fold(s string) string {
	return strings.Trim(strings.Join(strings.Fields(strings.ToLower(norm.NFC.String(s))), " "), " :»>.|-–")
}
