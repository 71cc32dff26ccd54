package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/vnkg/vnkg/data"
	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/extract/input"
	"github.com/vnkg/vnkg/extract/webpage"
)

func init() {
	register(command{name: "extract", summary: "extract facts from articles and print them as N-Quads", run: runExtract})
}

const extractDoc = `Reads articles (.txt files with an optional metadata header, .jsonl and
.jsonl.gz records, saved pages .html/.htm, WARC crawls .warc/.warc.gz;
directories are searched; "-" reads stdin, its kind sniffed) and writes their
facts to stdout as N-Quads, each labelled with its article's IRI. Nothing is
stored.`

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "PATH...", extractDoc)
	noBackground := fs.Bool("no-gazetteer", false, "omit the gazetteer's background quads (rank order, parents, English names)")
	in := addInputFlags(fs)
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return errUsage
	}
	x, err := newExtractor(e)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(e.stdout, 1<<16)
	seenBackground := map[string]bool{}
	failed := 0
	docs := 0
	copies := 0
	dd := newDedup()
	stats, werr := walkInputs(ctx, e, paths, in, &failed, func(it input.Item) error {
		doc, err := it.Document()
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "vnkg: %v\n", err)
			return nil
		}
		if prev, err := dd.check(doc, it.Where()); err != nil {
			failed++
			fmt.Fprintf(e.stderr, "vnkg: %v\n", err)
			return nil
		} else if prev != "" {
			copies++
			e.log.Debug("same document", "at", it.Where(), "first", prev, "doc", doc.ID)
			return nil
		}
		res := x.Extract(doc)
		docs++
		logDiagnostics(e, res)
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
		return nil
	})
	if err := out.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	if werr != nil {
		return werr
	}
	e.log.Debug("extracted", "documents", docs, "failed", failed, "copies", copies, "skipped", stats.String())
	if failed > 0 {
		return fmt.Errorf("%w: %d of %d inputs could not be read", errPartial, failed, failed+docs)
	}
	return nil
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

// inputFlags are the input options build and extract share.
type inputFlags struct {
	maxSize *int64
}

func addInputFlags(fs *flag.FlagSet) inputFlags {
	return inputFlags{maxSize: fs.Int64("max-size", input.DefaultMaxBytes, "the largest input `bytes` read: a file, a JSON line, a WARC record")}
}

// walkInputs walks the inputs, reports bad ones on stderr (counting them in
// *failed), and stops when ctx is done. Items still need their Document read.
func walkInputs(ctx context.Context, e *env, paths []string, in inputFlags, failed *int, fn func(input.Item) error) (input.Stats, error) {
	rules, err := webpage.LoadRules(data.SitesFS())
	if err != nil {
		return input.Stats{}, fmt.Errorf("loading site rules: %w", err)
	}
	opt := input.Options{Stdin: e.stdin, MaxBytes: *in.maxSize, Rules: rules}
	return input.Walk(ctx, paths, opt, fn, func(err error) {
		if errors.Is(err, input.ErrNoInputs) {
			fmt.Fprintf(e.stderr, "vnkg: warning: %v\n", err)
			return
		}
		*failed++
		fmt.Fprintf(e.stderr, "vnkg: %v\n", err)
	})
}

// dedup keeps one document per id: a second copy with the same text (the same
// page saved twice, its AMP or print version, a WARC built again) is skipped;
// one with other text is a conflict, reported with both places.
type dedup struct {
	seen map[string]seenDoc
}

type seenDoc struct {
	where string
	sum   [sha256.Size]byte
}

func newDedup() *dedup { return &dedup{seen: map[string]seenDoc{}} }

// check tells whether doc (read at where) is a copy of one already read, or
// returns the conflict.
func (d *dedup) check(doc extract.Document, where string) (copyOf string, err error) {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(norm.NFC.String(doc.Title+"\n"+doc.Text)), " ")))
	prev, ok := d.seen[doc.ID]
	if !ok {
		d.seen[doc.ID] = seenDoc{where: where, sum: sum}
		return "", nil
	}
	if prev.sum == sum {
		return prev.where, nil
	}
	return "", fmt.Errorf("%s: document %q has other text than the one read from %s (same id or canonical URL); skipped", where, doc.ID, prev.where)
}
