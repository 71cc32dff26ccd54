package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/vnkg/vnkg/graph"
)

func init() {
	register(command{name: "rm", summary: "remove articles' facts from the store", run: runRm})
}

const rmDoc = `Removes from the store every fact stated by the articles named by DOC: a
document id (the input file's name without its extension, or a JSON Lines
"id") or the document's full IRI. Facts that other articles state too stay,
under theirs; the gazetteer's background stays. Each article is removed in a
transaction of its own.

Exit status: 0 all removed; 1 error, or no article was in the store; 2 usage;
3 some were removed and some were not in the store.`

func runRm(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "rm", "DOC...", rmDoc)
	db := addDBFlag(fs)
	docs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		fs.Usage()
		return errUsage
	}
	s, err := openExistingStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	removed, quads, missing := 0, 0, 0
	for _, doc := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		label := docLabel(doc)
		n, err := s.RemoveDocument(ctx, label)
		switch {
		case errors.Is(err, graph.ErrNoDocument):
			fmt.Fprintf(e.stderr, "vnkg rm: %s: no such document in %s\n", doc, s)
			missing++
		case errors.Is(err, graph.ErrBackground):
			fmt.Fprintf(e.stderr, "vnkg rm: %s: %v\n", doc, graph.ErrBackground)
			missing++
		case err != nil:
			return err
		default:
			removed++
			quads += n
			e.log.Debug("removed", "doc", label, "quads", n)
		}
	}
	if e.log.Enabled(ctx, slog.LevelInfo) && removed > 0 {
		fmt.Fprintf(e.stderr, "vnkg rm: removed %d articles (%d quads) from %s\n", removed, quads, s)
	}
	switch {
	case missing == 0:
		return nil
	case removed == 0:
		return fmt.Errorf("nothing removed: %d of %d documents not found", missing, len(docs))
	default:
		return fmt.Errorf("%w: %d of %d documents not found", errPartial, missing, len(docs))
	}
}
