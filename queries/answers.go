package queries

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"

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
// the nodes an argument names, the type of those nodes (and the predicates
// beyond the names that name them), and the fact groups whose counts say
// whether a node may be a hub (the candidates: a node whose counts sum to at
// least minCandidate).
type answerQuery struct {
	name   string
	of     func(ctx context.Context, r *graph.Reader, nodes []graph.Node) ([]graph.Result, error)
	types  []graph.Node
	preds  []graph.Node
	groups []factGroup
}

// run is the library query: the nodes its argument names, then their stored
// answer when there is one, else the live query.
func (q answerQuery) run(ctx context.Context, r *graph.Reader, args []string) ([]graph.Result, error) {
	nodes, err := resolve(ctx, r, args[0], q.types, q.preds)
	if err != nil {
		return nil, err
	}
	if res, ok, err := storedAnswer(ctx, r, q.name, nodes); ok || err != nil {
		return res, err
	}
	return q.of(ctx, r, nodes)
}

func init() {
	for _, q := range answerQueries {
		native[q.name] = q.run
	}
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
	{"position-holders", positionHoldersOf, []graph.Node{tPosition}, nil, []factGroup{{pHolds, true}}},
	{"chairs-of-resolution", chairsOfResolutionOf, []graph.Node{tResolution, tPlan}, resolutionPreds, asAbout},
	{"events-about", eventsAboutOf, []graph.Node{tResolution, tPlan}, resolutionPreds, asAbout},
	{"people-met", peopleMetOf, []graph.Node{tPerson}, nil, asParticipant},
	{"events-of-person", eventsOfPersonOf, []graph.Node{tPerson}, nil, asParticipant},
	{"person-timeline", personTimelineOf, []graph.Node{tPerson}, nil, asSubject},
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

// StoreAnswers brings the stored answers of s up to date
// (Store.UpdateAnswers); vnkg build and vnkg rm call it at their end.
func StoreAnswers(ctx context.Context, s *graph.Store) (graph.AnswerStats, error) {
	return UpdateAnswers(ctx, s, nil)
}

// UpdateAnswers is StoreAnswers, calling progress (when not nil) with the
// answers computed so far and those known to compute (which grows).
func UpdateAnswers(ctx context.Context, s *graph.Store, progress func(done, known int)) (graph.AnswerStats, error) {
	return s.UpdateAnswers(ctx, func(ctx context.Context, work graph.AnswerWork, put func(graph.Answer) error) error {
		r, err := s.NewReader(ctx)
		if err != nil {
			return err
		}
		h := &hubs{s: s, r: r, put: put, progress: progress, minRows: minStoredRows(), groupsOf: map[graph.Node][]graph.FactGroup{}, did: map[string]bool{}}
		if work.Full {
			return h.all(ctx)
		}
		return h.update(ctx, work)
	})
}

// hubs computes stored answers, each with the nodes it read.
type hubs struct {
	s        *graph.Store
	r        *graph.Reader
	put      func(graph.Answer) error
	progress func(done, known int)
	minRows  int
	groupsOf map[graph.Node][]graph.FactGroup
	done     int
	known    int
	did      map[string]bool // the answers computed (query and nodes)
	// the nodes visited and rows computed since the Reader was renewed
	// (all)
	sinceRenew, rowsSinceRenew int
}

func (h *hubs) step() {
	h.done++
	if h.progress != nil {
		h.progress(h.done, max(h.known, h.done))
	}
}

// answer computes query's answer for n (and also) and puts it when it has
// minRows rows or more.
func (h *hubs) answer(ctx context.Context, query string, n graph.Node, also []graph.Node) error {
	key := query + " " + n.NQuad()
	for _, m := range also {
		key += " " + m.NQuad()
	}
	if h.did[key] {
		return nil
	}
	h.did[key] = true
	defer h.step()
	h.r.TrackDeps()
	var rows []graph.Result
	var err error
	if query == "fact-sources" {
		if len(also) != 2 {
			h.r.TakeDeps()
			return nil
		}
		rows, err = factSourcesOf(ctx, h.r, n, also[0], also[1])
	} else {
		q := lookupAnswerQuery(query)
		if q == nil || len(also) != 0 {
			h.r.TakeDeps()
			return nil // a query no longer stored: dropped
		}
		rows, err = q.of(ctx, h.r, []graph.Node{n})
	}
	deps, all := h.r.TakeDeps()
	if err != nil {
		return fmt.Errorf("%s for %s: %w", query, n.NQuad(), err)
	}
	h.rowsSinceRenew += len(rows)
	if len(rows) < h.minRows {
		return nil
	}
	return h.put(graph.Answer{Query: query, Node: n, Also: also, Rows: rows, Deps: deps, All: all})
}

func lookupAnswerQuery(name string) *answerQuery {
	for i := range answerQueries {
		if answerQueries[i].name == name {
			return &answerQueries[i]
		}
	}
	return nil
}

// all puts every answer of answerQueries (and fact-sources) with minRows
// rows or more, in the store h reads. It goes node by node over the nodes of
// the queries' types (each node once, whatever its types): a node's fact
// groups are read once for every query of its types and for fact-sources,
// and nothing of a node is kept past it. The Reader is renewed (on the same
// snapshot) every renewNodes nodes or renewRows rows, so that its caches do
// not grow with the store: a 100k-article store's full computation held
// every node's fact groups (94 MB) and the Reader's caches (70 MB) to the
// end (bench/RESULTS.md, session 11).
func (h *hubs) all(ctx context.Context) error {
	var types []graph.Node
	for _, q := range answerQueries {
		for _, t := range q.types {
			if !slices.Contains(types, t) {
				types = append(types, t)
			}
		}
	}
	// each type's nodes, sorted: a node of two types is visited under the
	// first and found in the other by a binary search
	nodesOf := make([][]graph.Node, len(types))
	for i, t := range types {
		ns, err := h.r.Subjects(ctx, t, pType)
		if err != nil {
			return err
		}
		slices.SortFunc(ns, compareNodes)
		nodesOf[i] = slices.CompactFunc(ns, func(a, b graph.Node) bool { return a == b })
	}
	if err := h.renew(ctx); err != nil {
		return err
	}
	has := make([]bool, len(types))
	for i := range types {
		for _, n := range nodesOf[i] {
			seenBefore := false
			for j := range types {
				_, has[j] = slices.BinarySearchFunc(nodesOf[j], n, compareNodes)
				seenBefore = seenBefore || (j < i && has[j])
			}
			if seenBefore {
				continue
			}
			if err := h.allOf(ctx, n, types, has); err != nil {
				return err
			}
			if h.sinceRenew++; h.sinceRenew >= renewNodes || h.rowsSinceRenew >= renewRows {
				if err := h.renew(ctx); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// renewNodes and renewRows are how many nodes visited, and rows computed, a
// Reader of the full computation serves before a new one replaces it.
const (
	renewNodes = 4096
	renewRows  = 64 << 10
)

// renew replaces h's Reader by a new one on the same snapshot (ctx's).
func (h *hubs) renew(ctx context.Context) error {
	r, err := h.s.NewReader(ctx)
	if err != nil {
		return err
	}
	h.r, h.sinceRenew, h.rowsSinceRenew = r, 0, 0
	return nil
}

// allOf computes the answers of n, whose types are those of types with has
// set: every query of those types whose candidate n is, and fact-sources
// when n is a person.
func (h *hubs) allOf(ctx context.Context, n graph.Node, types []graph.Node, has []bool) error {
	gs, cur, err := h.r.FactGroups(ctx, n)
	if err != nil {
		return err
	}
	least := minCandidate(h.minRows)
	person := false
	for _, q := range answerQueries {
		of := false
		for j, t := range types {
			if has[j] && slices.Contains(q.types, t) {
				of = true
				person = person || t == tPerson
			}
		}
		// without fact summaries every node is a candidate
		if !of || (cur && !candidateOf(gs, q.groups, least)) {
			continue
		}
		h.known++
		if err := h.answer(ctx, q.name, n, nil); err != nil {
			return err
		}
	}
	if !person || !cur {
		return nil // fact-sources needs the summaries
	}
	return h.factSourcesOf(ctx, n, gs, false)
}

// compareNodes orders nodes by kind, then value, datatype and language.
func compareNodes(a, b graph.Node) int {
	if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
		return c
	}
	if c := strings.Compare(a.Value, b.Value); c != 0 {
		return c
	}
	if c := strings.Compare(a.Datatype, b.Datatype); c != 0 {
		return c
	}
	return strings.Compare(a.Lang, b.Lang)
}

// hubsOf computes q's answer for each of nodes that is a candidate; with
// skipStored, not for those whose answer is stored (and so exact).
func (h *hubs) hubsOf(ctx context.Context, q answerQuery, nodes []graph.Node, skipStored bool) error {
	for _, n := range nodes {
		hub, err := candidate(ctx, h.r, n, q.groups, minCandidate(h.minRows), h.groupsOf)
		if err != nil {
			return err
		}
		if !hub {
			continue
		}
		if skipStored {
			if ok, err := h.r.HasStoredAnswer(ctx, q.name, n); err != nil || ok {
				if err != nil {
					return err
				}
				continue
			}
		}
		h.known++
		if err := h.answer(ctx, q.name, n, nil); err != nil {
			return err
		}
	}
	return nil
}

// factSources computes fact-sources for each fact of people stated by
// minRows documents or more (a rank, a post, a name that recurs across the
// corpus).
func (h *hubs) factSources(ctx context.Context, people []graph.Node, skipStored bool) error {
	for _, n := range people {
		gs, ok := h.groupsOf[n]
		if !ok {
			continue // not a candidate of any query above: too few facts
		}
		if err := h.factSourcesOf(ctx, n, gs, skipStored); err != nil {
			return err
		}
	}
	return nil
}

// factSourcesOf is factSources for the person n, whose fact groups are gs.
func (h *hubs) factSourcesOf(ctx context.Context, n graph.Node, gs []graph.FactGroup, skipStored bool) error {
	for _, g := range gs {
		if g.In || g.Quads < h.minRows {
			continue
		}
		for cursor := ""; ; {
			facts, next, cur, err := h.r.Facts(ctx, n, g.Predicate, false, cursor, 1024)
			if err != nil || !cur {
				return err
			}
			for _, f := range facts {
				if f.Quads < h.minRows {
					continue
				}
				also := []graph.Node{g.Predicate, f.Other}
				if skipStored {
					if ok, err := h.r.HasStoredAnswer(ctx, "fact-sources", n, also...); err != nil || ok {
						if err != nil {
							return err
						}
						continue
					}
				}
				h.known++
				if err := h.answer(ctx, "fact-sources", n, also); err != nil {
					return err
				}
			}
			if next == "" {
				break
			}
			cursor = next
		}
	}
	return nil
}

// update computes again the answers a write staled, and the answers of the
// nodes it touched (and of the nodes one fact group away: a person's
// people-met grows when someone joins an event of theirs) that are hubs
// now and have no stored answer.
func (h *hubs) update(ctx context.Context, work graph.AnswerWork) error {
	h.known = len(work.Answers)
	for _, a := range work.Answers {
		if err := h.answer(ctx, a.Query, a.Node, a.Also); err != nil {
			return err
		}
	}
	seen := map[graph.Node]bool{}
	var near []graph.Node
	var preds []graph.Node
	for _, q := range answerQueries {
		for _, g := range q.groups {
			if g.in && !slices.Contains(preds, g.pred) {
				preds = append(preds, g.pred)
			}
		}
	}
	for _, n := range work.Nodes {
		if n.Kind != graph.IRINode {
			continue
		}
		if !seen[n] {
			seen[n] = true
			near = append(near, n)
		}
		os, err := h.r.Objects(ctx, n, preds...)
		if err != nil {
			return err
		}
		for _, o := range os {
			if !seen[o] && o.Kind == graph.IRINode {
				seen[o] = true
				near = append(near, o)
			}
		}
	}
	typed := map[graph.Node][]graph.Node{}
	for _, n := range near {
		ts, err := h.r.Objects(ctx, n, pType)
		if err != nil {
			return err
		}
		for _, t := range ts {
			typed[t] = append(typed[t], n)
		}
	}
	for _, q := range answerQueries {
		var nodes []graph.Node
		for _, t := range q.types {
			nodes = append(nodes, typed[t]...)
		}
		if err := h.hubsOf(ctx, q, uniqNodes(nodes), true); err != nil {
			return err
		}
	}
	return h.factSources(ctx, typed[tPerson], true)
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
	return candidateOf(gs, groups, least), nil
}

// candidateOf reports whether the fact groups gs count least facts or more
// in groups.
func candidateOf(gs []graph.FactGroup, groups []factGroup, least int) bool {
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
	return sum >= least
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
