package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// QueryUnchecked runs src in a Gizmo session as Cayley would, without the
// argument-checking prelude: the answer the prelude must not change.
func QueryUnchecked(ctx context.Context, s *Store, src string) ([]Result, any, error) {
	it, err := gizmo.NewSession(s.qs).Execute(ctx, src, query.Options{Collation: query.Raw})
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	defer it.Close()
	var rows []Result
	var last any
	for it.Next(ctx) {
		r, ok := it.Result().(*gizmo.Result)
		if !ok || r == nil {
			continue
		}
		if r.Meta {
			last = lastValue(r.Val)
			continue
		}
		row, err := s.convertResult(r)
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, row)
	}
	return rows, last, it.Err()
}
