package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/queries"
)

// storeAnswers computes the stored answers of the hubs (queries.StoreAnswers)
// after a command wrote the store: until then the queries read the store
// row by row, as they do on a store whose answers are stale. When the
// answers were current before the command (wasCurrent) and it changed no
// quad (a build of unchanged articles still commits), they are stamped
// anew instead of computed. It says on stderr what it stored.
func storeAnswers(ctx context.Context, e *env, s *graph.Store, cmd string, wasCurrent, changed bool) error {
	start := time.Now()
	if wasCurrent && !changed {
		n, err := s.RestampAnswers(ctx)
		if err != nil {
			return err
		}
		e.log.Debug("stored answers kept", "answers", n, "elapsed", time.Since(start))
		return nil
	}
	st, err := queries.StoreAnswers(ctx, s)
	if err != nil {
		return fmt.Errorf("storing the hubs' answers: %w", err)
	}
	if st.Answers > 0 && e.log.Enabled(ctx, slog.LevelInfo) {
		fmt.Fprintf(e.stderr, "vnkg %s: stored the answers of %d hubs (%d rows, %.1f MB) in %s (--no-answers skips this)\n",
			cmd, st.Answers, st.Rows, float64(st.Bytes)/(1<<20), st.Time.Round(time.Millisecond))
	}
	return nil
}

// answersCurrent reports whether the stored answers were current when the
// store was opened, and still are but for commits that changed no quad.
func answersCurrent(ctx context.Context, s *graph.Store) bool {
	if s.AnswersCurrentAtOpen() {
		return true
	}
	cur, err := s.AnswersCurrent(ctx)
	return err == nil && cur
}
