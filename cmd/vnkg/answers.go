package main

import (
	"context"
	"fmt"
	"time"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/queries"
)

// storeAnswers brings the stored answers of the hubs up to date after a
// command wrote the store (queries.UpdateAnswers): the answers its writes
// staled are computed again, those of nodes that became hubs are added, the
// others are kept. Until then the queries of staled hubs read the store row
// by row. It shows progress on a terminal and returns what it did, for the
// command's summary.
func storeAnswers(ctx context.Context, s *graph.Store, prog *progress) (graph.AnswerStats, error) {
	st, err := queries.UpdateAnswers(ctx, s, func(done, known int) {
		prog.status(fmt.Sprintf("stored answers: %d/%d computed", done, known))
	})
	if err != nil {
		return st, fmt.Errorf("storing the hubs' answers: %w", err)
	}
	return st, nil
}

// answersSummary is the line of a command's summary on the stored answers.
func answersSummary(st graph.AnswerStats) string {
	how := "updated"
	if st.Full {
		how = "computed all"
	}
	return fmt.Sprintf("stored answers %s: %d recomputed (%d stored, %d dropped under the threshold), %d kept, %d rows, in %s (--no-answers skips this)",
		how, st.Recomputed, st.Answers, st.Dropped, st.Kept, st.Rows, st.Time.Round(time.Millisecond))
}
