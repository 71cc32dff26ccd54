package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/vnkg/vnkg/graph"
)

func init() {
	register(command{name: "export", summary: "write the graph, an article's facts or an entity's neighbourhood as N-Quads, JSON-LD, DOT or GraphML", run: runExport})
}

const exportDoc = `Writes the stored graph, or with --doc one article's facts, to stdout or to
the file -o names (written whole or not at all: a temporary file renamed into
place). The output is sorted, by document and then by statement, so that two
exports of the same graph are byte-identical.

Formats: nquads (RDF 1.1 N-Quads, each statement labelled with its article's
IRI; "cayley load" and any RDF parser read it), jsonld (expanded JSON-LD, a
named graph per article), jsonld-compact (the same compacted with vnkg's
@context, embedded: terms such as "name" and "rank", entities as "id:person/…";
docs/context.jsonld is that context), dot (a Graphviz digraph: "dot -Tsvg"
draws it) and graphml (for Gephi, yEd, Cytoscape). In dot and graphml,
entities are nodes labelled with their names, with their type, kind, IRI and
the ids of the articles that state them as attributes; relations are edges,
with the predicate and the articles' ids.

--focus NAME exports the neighbourhood of one entity (a name, matched as
vnkg query matches names, or an IRI): the entities within --depth edges of
it and the facts among them, at most --max-nodes entities.

The articles' text (schema:articleBody, which vnkg build stores for the
viewer's evidence) is left out unless --with-text.

Exit status: 0 written; 1 error (no store, no such article; -o's file is
left as it was); 2 usage.`

func runExport(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "export", "", exportDoc)
	db := addDBFlag(fs)
	formatName := fs.String("format", string(graph.FormatNQuads), "output format: nquads, jsonld, jsonld-compact, dot or graphml")
	doc := fs.String("doc", "", "export only this article's facts (document id or IRI)")
	out := fs.String("o", "-", "output `file` (\"-\" for stdout)")
	withText := fs.Bool("with-text", false, "include the articles' text (schema:articleBody)")
	focus := fs.String("focus", "", "export only the neighbourhood of this entity (`NAME` or IRI)")
	depth := fs.Int("depth", 1, "with --focus: how many edges from the entity")
	maxNodes := fs.Int("max-nodes", 1000, "with --focus: at most this many entities (0: no limit)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return fmt.Errorf("%w: unexpected arguments %q (export takes flags only)", errUsage, rest)
	}
	format, err := graph.ParseFormat(*formatName)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *depth < 0 || *maxNodes < 0 {
		return fmt.Errorf("%w: --depth and --max-nodes must not be negative", errUsage)
	}
	label := ""
	if *doc != "" {
		label = docLabel(*doc)
	}
	s, err := openStoreReadOnly(ctx, e, *db)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	var opts []graph.ExportOption
	if *withText {
		opts = append(opts, graph.WithText())
	}
	if *focus != "" {
		iri, err := resolveEntity(ctx, s, *focus)
		if err != nil {
			return err
		}
		opts = append(opts, graph.Focus(iri, *depth, *maxNodes))
	}
	export := func(w io.Writer) error {
		n, err := s.Export(ctx, w, format, label, opts...)
		e.log.Debug("exported", "quads", n, "format", format)
		return err
	}
	if *out == "-" {
		bw := bufio.NewWriterSize(e.stdout, 1<<16)
		if err := export(bw); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		return nil
	}
	return writeFileAtomic(*out, export)
}

// resolveEntity turns a --focus argument into an entity's IRI: an IRI
// (<...> or http(s)://) as is, a name by exact match after the graph's
// normalization (canonicalArgs).
func resolveEntity(ctx context.Context, s *graph.Store, arg string) (string, error) {
	if strings.HasPrefix(arg, "<") && strings.HasSuffix(arg, ">") {
		return arg[1 : len(arg)-1], nil
	}
	if strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
		return arg, nil
	}
	name := canonicalArgs([]string{arg})[0]
	iris, err := s.Named(ctx, name)
	if err != nil {
		return "", err
	}
	switch len(iris) {
	case 0:
		return "", fmt.Errorf("no entity is named %q", arg)
	case 1:
		return iris[0], nil
	}
	return "", fmt.Errorf("%q names %d entities (%s): give the IRI", arg, len(iris), strings.Join(iris, ", "))
}

// writeFileAtomic writes name through a temporary file in its directory,
// renamed into place only when write succeeded: readers see the old file or
// the new one, never part of it.
func writeFileAtomic(name string, write func(io.Writer) error) (err error) {
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(name); err == nil {
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := write(bw); err != nil {
		return err
	}
	if err := errors.Join(bw.Flush(), f.Chmod(mode), f.Sync(), f.Close()); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := os.Rename(f.Name(), name); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}
