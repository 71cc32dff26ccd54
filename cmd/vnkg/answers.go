package main

import (
	"context"
	"fmt"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/queries"
)

// storeAnswers computes the stored answers of the hubs (queries.StoreAnswers)
// after a command wrote the store: until then the queries read the store
// row by row, as they do on a store whose answers are stale.
func storeAnswers(ctx context.Context, e *env, s *graph.Store) error {
	st, err := queries.StoreAnswers(ctx, s)
	if err != nil {
		return fmt.Errorf("storing the hubs' answers: %w", err)
	}
	if st.Answers > 0 {
		e.log.Debug("stored answers", "answers", st.Answers, "rows", st.Rows, "bytes", st.Bytes, "elapsed", st.Time)
	}
	return nil
}
