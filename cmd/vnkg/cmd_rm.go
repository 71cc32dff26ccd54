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
	asJSON := fs.Bool("json", false, "print the summary as one JSON object on stdout")
	noAnswers := fs.Bool("no-answers", false, "do not store the hubs' answers again after removing (the queries of hubs then read the store row by row until a build or rm stores them)")
	docs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return missingArgs("rm", "DOC... (the ids of the articles to remove)")
	}
	s, err := openExistingStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	removed, quads, missing := 0, 0, 0
	var notFound []string
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
			notFound = append(notFound, doc)
		case errors.Is(err, graph.ErrBackground):
			fmt.Fprintf(e.stderr, "vnkg rm: %s: %v\n", doc, graph.ErrBackground)
			missing++
			notFound = append(notFound, doc)
		case err != nil:
			return err
		default:
			removed++
			quads += n
			e.log.Debug("removed", "doc", label, "quads", n)
		}
	}
	if removed > 0 && !*noAnswers {
		prog := newProgress(e)
		st, err := storeAnswers(ctx, s, prog) // answers.go
		prog.finish()
		if err != nil {
			return err
		}
		if st.Recomputed > 0 && !*asJSON && e.log.Enabled(ctx, slog.LevelInfo) {
			fmt.Fprintf(e.stderr, "vnkg rm: %s\n", answersSummary(st))
		}
	}
	if *asJSON {
		if notFound == nil {
			notFound = []string{}
		}
		if err := writeJSONLine(e.stdout, struct {
			Store    string   `json:"store"`
			Removed  int      `json:"articles_removed"`
			Quads    int      `json:"quads_removed"`
			NotFound []string `json:"not_found"`
		}{s.String(), removed, quads, notFound}); err != nil {
			return err
		}
	} else if e.log.Enabled(ctx, slog.LevelInfo) && removed > 0 {
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
