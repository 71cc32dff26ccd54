package main

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportDOTRenders: Graphviz's dot accepts the DOT export, of the whole
// graph and of a neighbourhood, and draws the names (Vietnamese intact).
func TestExportDOTRenders(t *testing.T) {
	dot := requireTool(t, "dot")
	db := builtCorpus(t)
	dir := t.TempDir()
	for i, args := range [][]string{nil, {"--focus", "Ngô Xuân Lịch", "--depth", "2"}, {"--doc", "004_f95817d2fbfabc6e"}} {
		file := filepath.Join(dir, "g.dot")
		mustRun(t, append([]string{"export", "--db", db, "--format", "dot", "-o", file}, args...)...)
		out, err := exec.Command(dot, "-Tsvg", file).Output()
		if err != nil {
			msg := ""
			if ee, ok := err.(*exec.ExitError); ok {
				msg = string(ee.Stderr)
			}
			t.Fatalf("dot -Tsvg on export %v: %v\n%s", args, err, msg)
		}
		svg := string(out)
		if !strings.Contains(svg, "<svg") || (i < 2 && !strings.Contains(svg, "Ngô Xuân Lịch")) {
			t.Errorf("export %v: the SVG does not draw Ngô Xuân Lịch:\n%.400s", args, svg)
		}
		if strings.Contains(svg, "articleBody") {
			t.Errorf("export %v: the article text is drawn", args)
		}
	}
}

type graphML struct {
	Keys  []struct{ ID, For, Name string } `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string     `xml:"id,attr"`
			Data []gmlDatum `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string     `xml:"source,attr"`
			Target string     `xml:"target,attr"`
			Data   []gmlDatum `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type gmlDatum struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func datum(d []gmlDatum, key string) string {
	for _, x := range d {
		if x.Key == key {
			return x.Value
		}
	}
	return ""
}

// TestExportGraphML: the GraphML export of a person's neighbourhood parses
// as XML and holds him, his ranks as edges with the articles that state them,
// and no literal as a node.
func TestExportGraphML(t *testing.T) {
	db := builtCorpus(t)
	out, _ := mustRun(t, "export", "--db", db, "--format", "graphml", "--focus", "Ngô Xuân Lịch")
	var g graphML
	if err := xml.Unmarshal([]byte(out), &g); err != nil {
		t.Fatalf("the GraphML does not parse: %v\n%.500s", err, out)
	}
	if g.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault = %q", g.Graph.EdgeDefault)
	}
	ids := map[string]string{} // node id → label
	var person string
	for _, n := range g.Graph.Nodes {
		label := datum(n.Data, "label")
		ids[n.ID] = label
		if label == "Ngô Xuân Lịch" {
			person = n.ID
			if k := datum(n.Data, "kind"); k != "person" {
				t.Errorf("his kind = %q", k)
			}
			if ty := datum(n.Data, "type"); ty != "schema:Person" {
				t.Errorf("his type = %q", ty)
			}
			if a := datum(n.Data, "articles"); !strings.Contains(a, "000_aa4540ad7a50da76") || !strings.Contains(a, "004_f95817d2fbfabc6e") {
				t.Errorf("his articles = %q", a)
			}
		}
		if strings.HasPrefix(label, "\"") || datum(n.Data, "iri") == "" {
			t.Errorf("node %s (%q) is not an entity", n.ID, label)
		}
	}
	if person == "" {
		t.Fatalf("no node labelled Ngô Xuân Lịch among %d", len(g.Graph.Nodes))
	}
	ranks := map[string]string{} // rank → articles
	for _, e := range g.Graph.Edges {
		if ids[e.Source] == "" || ids[e.Target] == "" {
			t.Errorf("edge %s→%s has an unknown end", e.Source, e.Target)
		}
		if e.Source == person && datum(e.Data, "elabel") == "vnkg:rank" {
			ranks[ids[e.Target]] = datum(e.Data, "articles")
		}
	}
	if ranks["Đại tướng"] != "004_f95817d2fbfabc6e" || ranks["Thượng tướng"] != "000_aa4540ad7a50da76" {
		t.Errorf("rank edges = %v", ranks)
	}
}

// TestExportText: the article text that build stores is exported only with
// --with-text.
func TestExportText(t *testing.T) {
	db := builtCorpus(t)
	plain, _ := mustRun(t, "export", "--db", db, "--doc", "004_f95817d2fbfabc6e")
	if strings.Contains(plain, "articleBody") {
		t.Error("export without --with-text has the text")
	}
	with, _ := mustRun(t, "export", "--db", db, "--doc", "004_f95817d2fbfabc6e", "--with-text")
	if !strings.Contains(with, "<https://schema.org/articleBody>") {
		t.Error("export --with-text has no text")
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatal(err)
	}
}
