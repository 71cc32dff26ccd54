package queries

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"strconv"

	"github.com/vnkg/vnkg/graph"
)

// Stored answers for the hubs (graph/answers.go): the answers of the
// queries that take one node, for the nodes whose answer has at least
// MinStoredRows rows, computed by the queries' own Go code from one
// snapshot and kept whole, so that a hub's query is one read. A query
// takes its stored answer when its argument names exactly that one node
// and the answer is current; otherwise it reads the store as before.
// docs/queries.md says what they cost.

// MinStoredRows is the least rows an answer has for the store to keep it:
// a smaller answer is computed in a few milliseconds.
const MinStoredRows = 400

// minStoredRows is MinStoredRows, or $VNKG_ANSWER_MIN_ROWS when set (for
// tests, whose graphs are small, and for tuning).
func minStoredRows() int {
	if n, err := strconv.Atoi(os.Getenv("VNKG_ANSWER_MIN_ROWS")); err == nil && n > 0 {
		return n
	}
	return MinStoredRows
}

// answerQuery is a query whose hubs' answers are stored: its Go code for
// the nodes an argument names, the type of those nodes, and the fact
// groups whose counts say whether a node may be a hub (the candidates: a
// node whose counts sum to at least minCandidate).
type answerQuery struct {
	name   string
	of     func(ctx context.Context, r *graph.Reader, nodes []graph.Node) ([]graph.Result, error)
	types  []graph.Node
	groups []factGroup
}

type factGroup struct {
	pred graph.Node
	in   bool // the node is the object
}

var (
	asParticipant = []factGroup{{pChair, true}, {pAttendee, true}, {pSpeaker, true}}
	asSubject     = []factGroup{{pRank, false}, {pHolds, false}}
	asAbout       = []factGroup{{pAbout, true}}
)

var answerQueries = []answerQuery{
	{"position-holders", positionHoldersOf, []graph.Node{tPosition}, []factGroup{{pHolds, true}}},
	{"chairs-of-resolution", chairsOfResolutionOf, []graph.Node{tResolution, tPlan}, asAbout},
	{"events-about", eventsAboutOf, []graph.Node{tResolution, tPlan}, asAbout},
	{"people-met", peopleMetOf, []graph.Node{tPerson}, asParticipant},
	{"events-of-person", eventsOfPersonOf, []graph.Node{tPerson}, asParticipant},
	{"person-timeline", personTimelineOf, []graph.Node{tPerson}, asSubject},
}

// minCandidate is the least count of facts a hub's candidate has (an
// eighth of its rows: people-met gives a row a person met at an event).
func minCandidate(minRows int) int { return max(minRows/8, 1) }

// storedAnswer returns the stored rows of query for nodes when they are
// one node and the store keeps its answer current.
func storedAnswer(ctx context.Context, r *graph.Reader, query string, nodes []graph.Node) ([]graph.Result, bool, error) {
	if len(nodes) != 1 {
		return nil, false, nil
	}
	return r.StoredAnswer(ctx, query, nodes[0])
}

// StoreAnswers computes the stored answers of s and writes them
// (Store.WriteAnswers); vnkg build and vnkg rm call it at their end.
func StoreAnswers(ctx context.Context, s *graph.Store) (graph.AnswerStats, error) {
	return s.WriteAnswers(ctx, func(ctx context.Context, put func(graph.Answer) error) error {
		r, err := s.NewReader(ctx)
		if err != nil {
			return err
		}
		return hubAnswers(ctx, r, put)
	})
}

// hubAnswers puts every answer of answerQueries (and fact-sources) with
// minStoredRows rows or more, in the store r reads.
func hubAnswers(ctx context.Context, r *graph.Reader, put func(graph.Answer) error) error {
	minRows := minStoredRows()
	nodesOf := map[graph.Node][]graph.Node{}
	groupsOf := map[graph.Node][]graph.FactGroup{}
	for _, q := range answerQueries {
		var nodes []graph.Node
		for _, t := range q.types {
			ns, ok := nodesOf[t]
			if !ok {
				var err error
				if ns, err = r.Subjects(ctx, t, pType); err != nil {
					return err
				}
				nodesOf[t] = ns
			}
			nodes = append(nodes, ns...)
		}
		nodes = uniqNodes(nodes)
		for _, n := range nodes {
			hub, err := candidate(ctx, r, n, q.groups, minCandidate(minRows), groupsOf)
			if err != nil {
				return err
			}
			if !hub {
				continue
			}
			rows, err := q.of(ctx, r, []graph.Node{n})
			if err != nil {
				return fmt.Errorf("%s for %s: %w", q.name, n.NQuad(), err)
			}
			if len(rows) >= minRows {
				if err := put(graph.Answer{Query: q.name, Node: n, Rows: rows}); err != nil {
					return err
				}
			}
		}
	}
	// fact-sources, for each fact of a person stated by minRows documents
	// or more (a rank, a post, a name that recurs across the corpus).
	for _, n := range nodesOf[tPerson] {
		gs, ok := groupsOf[n]
		if !ok {
			continue // not a candidate of any query above: too few facts
		}
		for _, g := range gs {
			if g.In || g.Quads < minRows {
				continue
			}
			for cursor := ""; ; {
				facts, next, cur, err := r.Facts(ctx, n, g.Predicate, false, cursor, 1024)
				if err != nil || !cur {
					return err
				}
				for _, f := range facts {
					if f.Quads < minRows {
						continue
					}
					rows, err := factSourcesOf(ctx, r, n, g.Predicate, f.Other)
					if err != nil {
						return fmt.Errorf("fact-sources for %s %s %s: %w", n.NQuad(), g.Predicate.NQuad(), f.Other.NQuad(), err)
					}
					if len(rows) >= minRows {
						if err := put(graph.Answer{Query: "fact-sources", Node: n, Also: []graph.Node{g.Predicate, f.Other}, Rows: rows}); err != nil {
							return err
						}
					}
				}
				if next == "" {
					break
				}
				cursor = next
			}
		}
	}
	return nil
}

// candidate reports whether n's facts in groups number minCandidate or
// more (from the fact summaries; without them every node is a candidate).
func candidate(ctx context.Context, r *graph.Reader, n graph.Node, groups []factGroup, least int, cache map[graph.Node][]graph.FactGroup) (bool, error) {
	gs, ok := cache[n]
	if !ok {
		var cur bool
		var err error
		if gs, cur, err = r.FactGroups(ctx, n); err != nil || !cur {
			return !cur, err
		}
		cache[n] = gs
	}
	sum := 0
	for _, g := range gs {
		for _, w := range groups {
			if g.Predicate == w.pred && g.In == w.in {
				if w.in {
					sum += g.Facts
				} else {
					sum += g.Quads // person-timeline: a row a document
				}
			}
		}
	}
	return sum >= least, nil
}

// CheckAnswers compares each current stored answer of s with the answer
// its query computes now: "" when all agree, else the first difference.
func CheckAnswers(ctx context.Context, s *graph.Store) (string, error) {
	stored, err := s.StoredAnswers(ctx)
	if err != nil {
		return "", err
	}
	ctx, end, err := s.Snapshot(ctx)
	if err != nil {
		return "", err
	}
	defer end()
	r, err := s.NewReader(ctx)
	if err != nil {
		return "", err
	}
	for _, a := range stored {
		var want []graph.Result
		if a.Query == "fact-sources" && len(a.Also) == 2 {
			if want, err = factSourcesOf(ctx, r, a.Node, a.Also[0], a.Also[1]); err != nil {
				return "", err
			}
		} else {
			var q *answerQuery
			for i := range answerQueries {
				if answerQueries[i].name == a.Query && len(a.Also) == 0 {
					q = &answerQueries[i]
				}
			}
			if q == nil {
				return fmt.Sprintf("a stored answer of an unknown query %q", a.Query), nil
			}
			if want, err = q.of(ctx, r, []graph.Node{a.Node}); err != nil {
				return "", err
			}
		}
		if len(want) != len(a.Rows) {
			return fmt.Sprintf("%s for %s: %d rows stored, %d computed", a.Query, a.Node.NQuad(), len(a.Rows), len(want)), nil
		}
		for i := range want {
			if !reflect.DeepEqual(want[i], a.Rows[i]) {
				return fmt.Sprintf("%s for %s: row %d stored as %v, computed as %v", a.Query, a.Node.NQuad(), i, a.Rows[i].Value, want[i].Value), nil
			}
		}
	}
	return "", nil
}
