package graph

import (
	"bufio"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/vnkg/vnkg/graph/vocab"
)

// The DOT and GraphML exports draw the graph as tools for graphs (Graphviz,
// Gephi, yEd, Cytoscape) expect: entities are nodes labelled with their
// names and carrying their type, kind, IRI and the ids of the articles that
// state facts about them; each relation is one edge, whatever the number of
// articles stating it, labelled with the predicate's short form and carrying
// the articles' ids. Literals (names, dates) are attributes, not nodes.
//
// github.com/cayleygraph/quad has writers for both formats (quad/dot,
// quad/graphml), but they draw each quad as an edge between its terms'
// N-Quads spellings: every literal becomes a node, labels (the articles) are
// dropped, and nodes carry no attributes. So these formats are written here.

// Short prefixes for predicates and types in labels.
var shortNS = []struct{ prefix, ns string }{
	{"schema:", vocab.Schema}, {"vnkg:", vocab.NS}, {"rdf:", vocab.RDF}, {"xsd:", vocab.XSD},
}

// ShortIRI writes a vocabulary IRI with its prefix (schema:name); others
// stay as they are.
func ShortIRI(iri string) string {
	for _, s := range shortNS {
		if local, ok := strings.CutPrefix(iri, s.ns); ok {
			return s.prefix + local
		}
	}
	return iri
}

// DocID is the document id of a document IRI (the key of .../id/doc/{key},
// unescaped), or the IRI itself when it is not one.
func DocID(label string) string {
	key, ok := strings.CutPrefix(label, vocab.ID+vocab.KindDoc+"/")
	if !ok {
		return label
	}
	if u, err := url.PathUnescape(key); err == nil {
		return u
	}
	return key
}

// EntityKind is the {kind} of an entity IRI (person, org, …), or "".
func EntityKind(iri string) string {
	rest, ok := strings.CutPrefix(iri, vocab.ID)
	if !ok {
		return ""
	}
	kind, _, ok := strings.Cut(rest, "/")
	if !ok {
		return ""
	}
	return kind
}

type drawnNode struct {
	iri, name, kind string
	types           []string
	articles        []string
	date            string
}

type drawnEdge struct {
	from, to, predicate string
	articles            []string
}

// drawing turns quads into nodes and edges, sorted.
func drawing(quads []vocab.Quad) ([]*drawnNode, []*drawnEdge) {
	nodes := map[string]*drawnNode{}
	node := func(iri string) *drawnNode {
		n := nodes[iri]
		if n == nil {
			n = &drawnNode{iri: iri, kind: EntityKind(iri)}
			nodes[iri] = n
		}
		return n
	}
	edges := map[[3]string]*drawnEdge{}
	for _, q := range quads {
		if q.Predicate.Value == vocab.ArticleBody {
			continue
		}
		n := node(q.Subject.Value)
		if q.Label != "" && q.Label != vocab.GazetteerLabel {
			n.articles = append(n.articles, DocID(q.Label))
		}
		switch p := q.Predicate.Value; {
		case p == vocab.Type && q.Object.IsIRI():
			n.types = append(n.types, ShortIRI(q.Object.Value))
		case p == vocab.Name && !q.Object.IsIRI():
			if n.name == "" || q.Object.Value < n.name {
				n.name = q.Object.Value
			}
		case (p == vocab.StartDate || p == vocab.DatePublished) && !q.Object.IsIRI():
			n.date = q.Object.Value
		case q.Object.IsIRI():
			node(q.Object.Value)
			k := [3]string{q.Subject.Value, p, q.Object.Value}
			e := edges[k]
			if e == nil {
				e = &drawnEdge{from: k[0], predicate: p, to: k[2]}
				edges[k] = e
			}
			if q.Label != "" {
				e.articles = append(e.articles, DocID(q.Label))
			}
		}
	}
	ns := make([]*drawnNode, 0, len(nodes))
	for _, n := range nodes {
		n.types = sortedSet(n.types)
		n.articles = sortedSet(n.articles)
		if n.name == "" {
			n.name = n.iri
			if n.kind == vocab.KindDoc {
				n.name = DocID(n.iri)
			}
		}
		ns = append(ns, n)
	}
	slices.SortFunc(ns, func(a, b *drawnNode) int { return cmp.Compare(a.iri, b.iri) })
	es := make([]*drawnEdge, 0, len(edges))
	for _, e := range edges {
		e.articles = sortedSet(e.articles)
		es = append(es, e)
	}
	slices.SortFunc(es, func(a, b *drawnEdge) int {
		return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.predicate, b.predicate), cmp.Compare(a.to, b.to))
	})
	return ns, es
}

func sortedSet(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

// Colours and shapes by kind, the same as the viewer's.
var kindStyle = map[string]struct{ shape, color string }{
	vocab.KindPerson:     {"ellipse", "#f4a261"},
	vocab.KindRank:       {"hexagon", "#e9c46a"},
	vocab.KindPosition:   {"box", "#90be6d"},
	vocab.KindOrg:        {"box3d", "#8ecae6"},
	vocab.KindResolution: {"note", "#cdb4db"},
	vocab.KindPlan:       {"note", "#ffc8dd"},
	vocab.KindEvent:      {"diamond", "#e76f51"},
	vocab.KindPlace:      {"house", "#b7e4c7"},
	vocab.KindDoc:        {"folder", "#dddddd"},
}

var dotEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")

func dotQuote(s string) string { return `"` + dotEscaper.Replace(s) + `"` }

// writeDOT writes a Graphviz digraph: nodes named by IRI, labelled by name.
func writeDOT(w io.Writer, quads []vocab.Quad) error {
	nodes, edges := drawing(quads)
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("digraph vnkg {\n")
	bw.WriteString("\tgraph [charset=\"UTF-8\", rankdir=LR, overlap=false];\n")
	bw.WriteString("\tnode [style=filled, fontname=\"Noto Sans\", fontsize=11];\n")
	bw.WriteString("\tedge [fontname=\"Noto Sans\", fontsize=9];\n")
	for _, n := range nodes {
		st, ok := kindStyle[n.kind]
		if !ok {
			st.shape, st.color = "ellipse", "#ffffff"
		}
		fmt.Fprintf(bw, "\t%s [label=%s, kind=%s, type=%s, iri=%s, articles=%s, shape=%s, fillcolor=%s",
			dotQuote(n.iri), dotQuote(n.name), dotQuote(n.kind), dotQuote(strings.Join(n.types, " ")),
			dotQuote(n.iri), dotQuote(strings.Join(n.articles, " ")), st.shape, dotQuote(st.color))
		if n.date != "" {
			fmt.Fprintf(bw, ", date=%s", dotQuote(n.date))
		}
		bw.WriteString("];\n")
	}
	for _, e := range edges {
		fmt.Fprintf(bw, "\t%s -> %s [label=%s, predicate=%s, articles=%s];\n",
			dotQuote(e.from), dotQuote(e.to), dotQuote(ShortIRI(e.predicate)), dotQuote(e.predicate),
			dotQuote(strings.Join(e.articles, " ")))
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// writeGraphML writes GraphML (graphml.graphdrawing.org) with the node and
// edge attributes declared as keys.
func writeGraphML(w io.Writer, quads []vocab.Quad) error {
	nodes, edges := drawing(quads)
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="iri" for="node" attr.name="iri" attr.type="string"/>
  <key id="date" for="node" attr.name="date" attr.type="string"/>
  <key id="articles" for="all" attr.name="articles" attr.type="string"/>
  <key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>
  <key id="elabel" for="edge" attr.name="label" attr.type="string"/>
  <graph id="vnkg" edgedefault="directed">
`)
	id := make(map[string]int, len(nodes))
	data := func(key, v string) {
		if v == "" {
			return
		}
		fmt.Fprintf(bw, `<data key="%s">`, key)
		xml.EscapeText(bw, []byte(v))
		bw.WriteString(`</data>`)
	}
	for i, n := range nodes {
		id[n.iri] = i
		fmt.Fprintf(bw, `    <node id="n%d">`, i)
		data("label", n.name)
		data("kind", n.kind)
		data("type", strings.Join(n.types, " "))
		data("iri", n.iri)
		data("date", n.date)
		data("articles", strings.Join(n.articles, " "))
		bw.WriteString("</node>\n")
	}
	for i, e := range edges {
		fmt.Fprintf(bw, `    <edge id="e%d" source="n%d" target="n%d">`, i, id[e.from], id[e.to])
		data("elabel", ShortIRI(e.predicate))
		data("predicate", e.predicate)
		data("articles", strings.Join(e.articles, " "))
		bw.WriteString("</edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}
