package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime"
	"sync"

	"github.com/vnkg/vnkg/data"
	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/graph/vocab"
)

func init() {
	register(command{name: "extract", summary: "extract facts from articles and print them as N-Quads", run: runExtract})
}

const extractDoc = `Reads articles (.txt files with an optional metadata header, .jsonl records;
directories are searched; "-" reads stdin) and writes their facts to stdout as
N-Quads, each labelled with its article's IRI. Nothing is stored.`

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "PATH...", extractDoc)
	noBackground := fs.Bool("no-gazetteer", false, "omit the gazetteer's background quads (rank order, parents, English names)")
	asJSON := fs.Bool("json", false, "print a summary as one JSON object on stderr at the end (stdout carries the N-Quads)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "extract on this many cores; the output is the same for any number")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return missingArgs("extract", "PATH... (files or directories of articles, or - for stdin)")
	}
	if *workers < 1 {
		return fmt.Errorf("%w: --workers must be at least 1", errUsage)
	}
	x, err := newExtractor(e)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(e.stdout, 1<<16)
	seenBackground := map[string]bool{}
	failed := 0
	docs, quads := 0, 0
	werr := extractInOrder(ctx, e, x, paths, *workers, &failed, func(res extract.Result) {
		docs++
		logDiagnostics(e, res)
		quads += len(res.Quads)
		for _, q := range res.Quads {
			out.WriteString(q.NQuad())
			out.WriteByte('\n')
		}
		if !*noBackground {
			for _, q := range res.Background {
				s := q.NQuad()
				if !seenBackground[s] {
					seenBackground[s] = true
					out.WriteString(s)
					out.WriteByte('\n')
				}
			}
		}
	})
	if err := out.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	if werr != nil {
		return werr
	}
	e.log.Debug("extracted", "documents", docs, "failed", failed)
	if *asJSON {
		if err := writeJSONLine(e.stderr, struct {
			Articles int `json:"articles"`
			Quads    int `json:"quads"`
			Failed   int `json:"failed"`
		}{docs, quads, failed}); err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d of %d inputs could not be read", errPartial, failed, failed+docs)
	}
	return nil
}

// extractInOrder extracts the documents of paths on workers goroutines and
// hands the results to fn in input order, on the calling goroutine, so that
// what fn writes is the same for any number of workers. At most 4×workers
// documents are in flight (read, being extracted, or waiting for an earlier
// one), so memory does not grow with the corpus.
func extractInOrder(ctx context.Context, e *env, x *extract.Extractor, paths []string, workers int, failed *int, fn func(extract.Result)) error {
	if workers == 1 {
		return walkDocuments(ctx, e, paths, failed, func(doc extract.Document) error {
			fn(x.Extract(doc))
			return nil
		})
	}
	type job struct {
		seq int
		doc extract.Document
	}
	type done struct {
		seq int
		res extract.Result
	}
	jobs := make(chan job, workers)
	results := make(chan done, workers)
	tokens := make(chan struct{}, 4*workers)
	var walkErr error
	walkFailed := 0
	go func() {
		defer close(jobs)
		seq := 0
		walkErr = walkDocuments(ctx, e, paths, &walkFailed, func(doc extract.Document) error {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			jobs <- job{seq, doc}
			seq++
			return nil
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- done{j.seq, x.Extract(j.doc)}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	pending := map[int]extract.Result{}
	next := 0
	for d := range results {
		pending[d.seq] = d.res
		for {
			res, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			fn(res)
			<-tokens
		}
	}
	// results is closed: the walker and the workers are done.
	*failed += walkFailed
	return walkErr
}

// logDiagnostics reports, at debug level (-v), what the extractor found odd in
// an article's text, with byte offsets into the file.
func logDiagnostics(e *env, res extract.Result) {
	for _, d := range res.Diagnostics {
		e.log.Debug("text", "file", res.Doc.SourceFile, "doc", res.Doc.ID, "start", d.Start, "end", d.End, "problem", d.Message)
	}
}

// newExtractor loads the gazetteers: the embedded ones, or --gazetteer's.
func newExtractor(e *env) (*extract.Extractor, error) {
	fsys := data.GazetteerFS()
	if e.gazetteerDir != "" {
		fsys = os.DirFS(e.gazetteerDir)
	}
	x, err := extract.New(fsys)
	if err != nil {
		return nil, fmt.Errorf("loading gazetteers: %w", err)
	}
	return x, nil
}

// walkDocuments walks the inputs, reports bad ones on stderr (counting them in
// *failed), rejects a second document with an id already seen, and stops when ctx
// is done.
func walkDocuments(ctx context.Context, e *env, paths []string, failed *int, fn func(extract.Document) error) error {
	seen := map[string]string{}
	return extract.Walk(paths, e.stdin, func(doc extract.Document) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if prev, dup := seen[doc.ID]; dup {
			*failed++
			fmt.Fprintf(e.stderr, "vnkg: %s: document id %q already read from %s; skipped\n", doc.SourceFile, doc.ID, prev)
			return nil
		}
		seen[doc.ID] = doc.SourceFile
		return fn(doc)
	}, func(err error) {
		*failed++
		fmt.Fprintf(e.stderr, "vnkg: %v\n", err)
	})
}

var _ = vocab.DocIRI
