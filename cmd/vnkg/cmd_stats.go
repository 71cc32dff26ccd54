package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

func init() {
	register(command{name: "stats", summary: "summarize the stored graph", run: runStats})
}

const statsDoc = `Prints what the store holds: quads, articles, nodes by rdf:type, and the
most-connected people and bodies (by edges: distinct links to other nodes,
rdf:type aside, however many articles state them), as a table or, with
--json, as JSON.

Exit status: 0 printed; 1 error (no store); 2 usage.`

func runStats(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "stats", "", statsDoc)
	db := addDBFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	top := fs.Int("top", 10, "how many people and bodies to list")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return fmt.Errorf("%w: unexpected arguments %q (stats takes flags only)", errUsage, rest)
	}
	if *top < 0 {
		return fmt.Errorf("%w: --top must not be negative", errUsage)
	}
	s, err := openStoreReadOnly(ctx, e, *db)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	st, err := s.Stats(ctx, *top)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(st); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		return nil
	}
	if err := printStats(e, st); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

func printStats(e *env, st *graph.Stats) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "articles\t%d\n", st.Articles)
	fmt.Fprintf(tw, "quads\t%d\t(%d gazetteer background)\n", st.Quads, st.Background)
	fmt.Fprintln(tw, "\nTYPE\tNODES")
	for _, t := range st.Types {
		fmt.Fprintf(tw, "%s\t%d\n", compactIRI(t.Type), t.Count)
	}
	for _, list := range []struct {
		title string
		items []graph.Connected
	}{{"MOST-CONNECTED PEOPLE", st.People}, {"MOST-CONNECTED BODIES", st.Bodies}} {
		fmt.Fprintf(tw, "\n%s\tEDGES\tARTICLES\tIRI\n", list.title)
		if len(list.items) == 0 {
			fmt.Fprintln(tw, "(none)\t\t\t")
		}
		for _, c := range list.items {
			name := c.Name
			if name == "" {
				name = "?"
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", name, c.Edges, c.Articles, compactIRI(c.IRI))
		}
	}
	return tw.Flush()
}

// compactIRI writes an IRI with the prefixes of ONTOLOGY.md.
func compactIRI(iri string) string {
	for _, p := range []struct{ prefix, ns string }{
		{"rdf:", vocab.RDF}, {"xsd:", vocab.XSD}, {"schema:", vocab.Schema}, {"vnkg:", vocab.NS},
	} {
		if rest, ok := strings.CutPrefix(iri, p.ns); ok {
			return p.prefix + rest
		}
	}
	return iri
}
