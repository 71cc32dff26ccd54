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

	"github.com/vnkg/vnkg/graph"
)

func init() {
	register(command{name: "export", summary: "write the graph, or one article's facts, as N-Quads or JSON-LD", run: runExport})
}

const exportDoc = `Writes the stored graph, or with --doc one article's facts, to stdout or to
the file -o names (written whole or not at all: a temporary file renamed into
place). The output is sorted, by document and then by statement, so that two
exports of the same graph are byte-identical.

Formats: nquads (RDF 1.1 N-Quads, each statement labelled with its article's
IRI; "cayley load" and any RDF parser read it), jsonld (expanded JSON-LD, a
named graph per article), jsonld-compact (the same compacted with vnkg's
@context, embedded: terms such as "name" and "rank", entities as "id:person/…";
docs/context.jsonld is that context).

Exit status: 0 written; 1 error (no store, no such article; -o's file is
left as it was); 2 usage.`

func runExport(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "export", "", exportDoc)
	db := addDBFlag(fs)
	formatName := fs.String("format", string(graph.FormatNQuads), "output format: nquads, jsonld or jsonld-compact")
	doc := fs.String("doc", "", "export only this article's facts (document id or IRI)")
	out := fs.String("o", "-", "output `file` (\"-\" for stdout)")
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
	label := ""
	if *doc != "" {
		label = docLabel(*doc)
	}
	s, err := openStoreReadOnly(ctx, e, *db)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	export := func(w io.Writer) error {
		n, err := s.Export(ctx, w, format, label)
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
