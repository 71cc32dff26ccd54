package serve

import (
	"cmp"
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

// The viewer's fast paths. On a bolt store whose derived rows are current,
// the entity, neighbourhood and timeline answers read them through a
// graph.Reader — the same lookups the named queries and the REPL use — and
// show a bounded page of everything:
//
//   - a node's facts are the fact rows (graph/facts.go): each distinct
//     (subject, predicate, object) once, with the number of articles that
//     state it; per predicate the first ?facts= facts, with a cursor for
//     the next page (GET /api/facts), and per fact the first ?sources=
//     articles, with where the next page starts (GET /api/sources);
//   - a neighbourhood is the distinct neighbours of each node read from its
//     fact rows, at most ?max= nodes, each edge with its number of articles
//     and the nodes' unshown neighbours counted ("N more");
//   - a timeline is the derived timeline rows (graph/timeline.go), sorted
//     by date and shown a page of ?limit= at a time (?from=), and the events
//     read from the node's incoming fact rows, at most ?events= of them.
//
// What a call costs is then what it shows, not how many articles state the
// node. A store without current rows (PostgreSQL, one written past vnkg)
// takes the quads' path in api.go, which reads every quad of the node.

const (
	defFactsPage   = 10  // facts per predicate in an entity answer
	maxFactsPage   = 200 // the most one page may ask
	defSourcesPage = 3   // articles per fact
	maxSourcesPage = 100
	maxEvidence    = 10 // articles re-run for sentences in one answer
	defNeighbours  = 50 // nodes of a neighbourhood
	defTimeline    = 50
	maxTimeline    = 1000
	defEvents      = 50
	edgeSources    = 3 // articles listed for an edge of a drawing
	eventSources   = 2 // articles listed for an event of a timeline
)

// request is one answer's reader, with the article metadata it read and
// the articles it re-ran.
type request struct {
	s      *Server
	r      *graph.Reader
	meta   map[string]*article
	reruns map[string]*rerun
	full   map[string]*article
}

func (s *Server) newRequest(ctx context.Context) (*request, error) {
	r, err := s.store.NewReader(ctx)
	if err != nil {
		return nil, err
	}
	return &request{s: s, r: r, meta: map[string]*article{}, reruns: map[string]*rerun{}, full: map[string]*article{}}, nil
}

func iriNode(iri string) graph.Node { return graph.Node{Kind: graph.IRINode, Value: iri} }

var metaPreds = []graph.Node{iriNode(vocab.Name), iriNode(vocab.DatePublished), iriNode(vocab.Publisher), iriNode(vocab.URL)}

// article is an article's metadata (title, date, publisher, web address):
// four (subject, predicate) lookups, never its text; nil if the store holds
// none (not an article).
func (q *request) article(ctx context.Context, iri string) (*article, error) {
	if a, ok := q.meta[iri]; ok {
		return a, nil
	}
	links, err := q.r.Out(ctx, iriNode(iri), metaPreds...)
	if err != nil {
		return nil, err
	}
	var a *article
	if len(links) > 0 {
		a = &article{iri: iri, id: graph.DocID(iri)}
		for _, l := range links {
			switch l.Predicate.Value {
			case vocab.Name:
				a.title = l.Node.Value
			case vocab.DatePublished:
				a.date = l.Node.Value
			case vocab.Publisher:
				a.publisher = l.Node.Value
			case vocab.URL:
				a.url = l.Node.Value
			}
		}
	}
	q.meta[iri] = a
	return a, nil
}

// evidence is the sentence of q in the article l, for the first
// maxEvidence articles an answer cites; the others say "open the article".
func (q *request) evidence(ctx context.Context, l string, st vocab.Quad) (*evidenceJSON, error) {
	rr, ok := q.reruns[l]
	a := q.full[l]
	if !ok {
		if len(q.reruns) >= maxEvidence {
			return &evidenceJSON{Status: evSkipped, Note: "open the article to see its text"}, nil
		}
		var err error
		if a, err = q.s.loadArticle(ctx, l, false); err != nil {
			return nil, err
		}
		if a != nil {
			rr = q.s.reextract(ctx, a)
		}
		q.reruns[l], q.full[l] = rr, a
	}
	if a == nil {
		return nil, nil
	}
	ev := evidenceFor(a, rr, st)
	return &ev, nil
}

// sources turns a page of a fact's labels into the articles it cites,
// sorted by date, with evidence when st is given.
func (q *request) sources(ctx context.Context, labels []graph.Node, st *vocab.Quad) ([]sourceJSON, error) {
	out := []sourceJSON{}
	var arts []*article
	for _, ln := range labels {
		l := ln.Value
		if l == "" {
			continue
		}
		if l == vocab.GazetteerLabel {
			out = append(out, sourceJSON{Doc: graph.DocID(l), IRI: l, Background: true})
			arts = append(arts, nil)
			continue
		}
		a, err := q.article(ctx, l)
		if err != nil {
			return nil, err
		}
		src := sourceJSON{Doc: graph.DocID(l), IRI: l}
		if a != nil {
			src = q.s.source(a)
			if st != nil {
				qq := *st
				qq.Label = l
				if src.Evidence, err = q.evidence(ctx, l, qq); err != nil {
					return nil, err
				}
			}
		}
		out = append(out, src)
		arts = append(arts, a)
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int {
		if out[x].Background != out[y].Background {
			if out[x].Background {
				return -1
			}
			return 1
		}
		return compareArticles(arts[x], arts[y])
	})
	sorted := make([]sourceJSON, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	return sorted, nil
}

// term is a node as the vocabulary's term.
func term(n graph.Node) vocab.Term {
	switch n.Kind {
	case graph.IRINode:
		return vocab.IRI(n.Value)
	case graph.LiteralNode:
		if n.Datatype != "" {
			return vocab.Typed(n.Value, n.Datatype)
		}
		return vocab.String(n.Value)
	}
	return vocab.IRI("_:" + n.Value)
}

func encodeCursor(c string) string { return base64.RawURLEncoding.EncodeToString([]byte(c)) }

func decodeCursor(c string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", fmt.Errorf("a malformed cursor %q", c)
	}
	return string(b), nil
}

// fact turns one fact row of n into its answer, with the first page of its
// articles.
func (q *request) fact(ctx context.Context, n graph.Node, f graph.Fact, nsrc int) (factJSON, error) {
	fj := factJSON{Predicate: f.Predicate.Value, Short: graph.ShortIRI(f.Predicate.Value), Phrase: phrase(f.Predicate.Value, f.In), In: f.In,
		Count: f.Quads, ID: encodeCursor(f.Cursor())}
	if f.Other.Kind == graph.LiteralNode {
		fj.Literal = &literalJSON{Value: f.Other.Value, Datatype: f.Other.Datatype}
	} else {
		ref := q.s.ref(f.Other.Value)
		fj.Node = &ref
	}
	subj, obj := n, f.Other
	if f.In {
		subj, obj = f.Other, n
	}
	labels, next, err := q.r.FactLabels(ctx, subj, f.Predicate, obj, 0, nsrc)
	if err != nil {
		return fj, err
	}
	st := vocab.Quad{Subject: term(subj), Predicate: vocab.IRI(f.Predicate.Value), Object: term(obj)}
	if fj.Sources, err = q.sources(ctx, labels, &st); err != nil {
		return fj, err
	}
	if next > 0 {
		fj.Next = next
	}
	return fj, nil
}

// groupJSON is one predicate of an entity's facts: how many there are and
// where the next page starts.
type groupJSON struct {
	Predicate string `json:"predicate"`
	Short     string `json:"short"`
	Phrase    string `json:"phrase"`
	In        bool   `json:"in,omitempty"`
	Facts     int    `json:"facts"`          // distinct facts
	Quads     int    `json:"quads"`          // statements (one an article)
	Shown     int    `json:"shown"`          // facts in this answer
	Next      string `json:"next,omitempty"` // the cursor of the next page (GET /api/facts)
}

func pageParams(r *http.Request) (facts, sources int) {
	return intParam(r, "facts", defFactsPage, 1, maxFactsPage), intParam(r, "sources", defSourcesPage, 1, maxSourcesPage)
}

// entityFast is the entity answer from the fact rows; ok is false when the
// store keeps no current rows.
func (s *Server) entityFast(ctx context.Context, iri string, nfacts, nsrc int) (ent *entityJSON, ok bool, err error) {
	q, err := s.newRequest(ctx)
	if err != nil {
		return nil, false, err
	}
	n := iriNode(iri)
	groups, ok, err := q.r.FactGroups(ctx, n)
	if err != nil || !ok {
		return nil, ok, err
	}
	if len(groups) == 0 {
		return nil, true, nil
	}
	ent = &entityJSON{nodeRef: s.ref(iri), Types: []string{}, AlternateNames: []string{}, Facts: []factJSON{}, Articles: []sourceJSON{}, Groups: []groupJSON{}}
	for _, g := range groups {
		p := g.Predicate.Value
		if !g.In && p == vocab.Type {
			facts, _, _, err := q.r.Facts(ctx, n, g.Predicate, false, "", maxFactsPage)
			if err != nil {
				return nil, true, err
			}
			for _, f := range facts {
				ent.Types = append(ent.Types, graph.ShortIRI(f.Other.Value))
			}
			continue
		}
		facts, next, _, err := q.r.Facts(ctx, n, g.Predicate, g.In, "", nfacts)
		if err != nil {
			return nil, true, err
		}
		gj := groupJSON{Predicate: p, Short: graph.ShortIRI(p), Phrase: phrase(p, g.In), In: g.In, Facts: g.Facts, Quads: g.Quads, Shown: len(facts)}
		if next != "" {
			gj.Next = encodeCursor(next)
			ent.Truncated = true
		}
		for _, f := range facts {
			if f.In && f.Other == n {
				gj.Shown--
				continue // a loop, listed as outgoing
			}
			if !g.In && p == vocab.AlternateName {
				ent.AlternateNames = append(ent.AlternateNames, f.Other.Value)
			}
			fj, err := q.fact(ctx, n, f, nsrc)
			if err != nil {
				return nil, true, err
			}
			ent.Facts = append(ent.Facts, fj)
		}
		ent.Groups = append(ent.Groups, gj)
	}
	ent.Types = sortedSet(ent.Types)
	ent.AlternateNames = sortedSet(ent.AlternateNames)
	// The articles the answer cites, each once, by date.
	seen := map[string]bool{}
	var arts []*article
	for _, f := range ent.Facts {
		for _, src := range f.Sources {
			if src.Background || seen[src.IRI] {
				continue
			}
			seen[src.IRI] = true
			if a := q.meta[src.IRI]; a != nil {
				arts = append(arts, a)
			}
		}
	}
	slices.SortStableFunc(arts, compareArticles)
	for _, a := range arts {
		ent.Articles = append(ent.Articles, s.source(a))
	}
	slices.SortStableFunc(ent.Facts, func(a, b factJSON) int {
		return cmp.Or(cmp.Compare(factOrder(a), factOrder(b)), cmp.Compare(a.Phrase, b.Phrase))
	})
	return ent, true, nil
}

// factQuery reads the fact group a paging request names: ?iri=, ?predicate=
// and ?in=1 for the incoming side.
func factQuery(r *http.Request) (n, pred graph.Node, in bool, err error) {
	v := r.URL.Query()
	if v.Get("iri") == "" || v.Get("predicate") == "" {
		return n, pred, false, fmt.Errorf("give ?iri=IRI&predicate=IRI[&in=1]")
	}
	in, _ = strconv.ParseBool(v.Get("in"))
	return iriNode(v.Get("iri")), iriNode(v.Get("predicate")), in, nil
}

// apiFacts is the next page of one predicate's facts of an entity:
// GET /api/facts?iri=IRI&predicate=IRI[&in=1]&cursor=C[&facts=N][&sources=N].
func (s *Server) apiFacts(w http.ResponseWriter, r *http.Request) {
	n, pred, in, err := factQuery(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	cursor, err := decodeCursor(r.URL.Query().Get("cursor"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	nfacts, nsrc := pageParams(r)
	ctx := r.Context()
	q, err := s.newRequest(ctx)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	facts, next, ok, err := q.r.Facts(ctx, n, pred, in, cursor, nfacts)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if !ok {
		writeError(w, http.StatusNotImplemented, "this store keeps no fact rows (open it for writing once with vnkg build to make them): the entity answer lists every fact")
		return
	}
	ans := struct {
		Facts []factJSON `json:"facts"`
		Next  string     `json:"next,omitempty"`
	}{Facts: []factJSON{}}
	for _, f := range facts {
		if f.In && f.Other == n {
			continue
		}
		fj, err := q.fact(ctx, n, f, nsrc)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		ans.Facts = append(ans.Facts, fj)
	}
	if next != "" {
		ans.Next = encodeCursor(next)
	}
	writeJSON(w, http.StatusOK, ans)
}

// apiSources is a page of the articles that state one fact:
// GET /api/sources?iri=IRI&predicate=IRI[&in=1]&fact=ID&from=N[&limit=N],
// ID being the fact's id in the entity answer and N where the last page
// said the next starts.
func (s *Server) apiSources(w http.ResponseWriter, r *http.Request) {
	n, pred, in, err := factQuery(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	v := r.URL.Query()
	raw, err := decodeCursor(v.Get("fact"))
	var other graph.Node
	if err == nil {
		other, err = graph.FactOther(raw)
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, "?fact= is not a fact's id: "+err.Error())
		return
	}
	from := intParam(r, "from", 0, 0, 1<<30)
	limit := intParam(r, "limit", 20, 1, maxSourcesPage)
	ctx := r.Context()
	q, err := s.newRequest(ctx)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	subj, obj := n, other
	if in {
		subj, obj = other, n
	}
	labels, next, err := q.r.FactLabels(ctx, subj, pred, obj, from, limit)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	st := vocab.Quad{Subject: term(subj), Predicate: vocab.IRI(pred.Value), Object: term(obj)}
	srcs, err := q.sources(ctx, labels, &st)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	ans := map[string]any{"sources": srcs}
	if next > 0 {
		ans["next"] = next
	}
	writeJSON(w, http.StatusOK, ans)
}

// neighbourhoodFast draws the neighbourhood from the fact rows: breadth
// first from the focus, each node's distinct neighbours (IRIs, rdf:type
// aside) from its fact rows, at most max nodes, the first max of each of
// its predicates read; ok is false when the store keeps no current rows.
// An expanded node (within depth-1 of the focus) says how many of its
// neighbours are not drawn (More).
func (s *Server) neighbourhoodFast(ctx context.Context, focus string, depth, max int) (g graphJSON, ok bool, err error) {
	q, err := s.newRequest(ctx)
	if err != nil {
		return g, false, err
	}
	g = graphJSON{Nodes: []nodeJSON{}, Edges: []edgeJSON{}, Articles: map[string]articleJSON{}}
	index := map[string]int{}
	add := func(iri string) {
		index[iri] = len(g.Nodes)
		g.Nodes = append(g.Nodes, nodeJSON{nodeRef: s.ref(iri), Types: []string{}, Articles: []string{}})
	}
	edges := map[[3]string]int{}
	var edgeOrder [][3]string
	addEdge := func(k [3]string, count int) {
		if _, dup := edges[k]; !dup {
			edges[k] = count
			edgeOrder = append(edgeOrder, k)
		}
	}
	groupsOf := map[string][]graph.FactGroup{}
	readGroups := func(iri string) ([]graph.FactGroup, bool, error) {
		if gs, ok := groupsOf[iri]; ok {
			return gs, true, nil
		}
		gs, ok, err := q.r.FactGroups(ctx, iriNode(iri))
		groupsOf[iri] = gs
		return gs, ok, err
	}
	add(focus)
	expanded := map[string]bool{}
	frontier := []string{focus}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []string
		for _, iri := range frontier {
			n := iriNode(iri)
			groups, cur, err := readGroups(iri)
			if err != nil || !cur {
				return g, cur, err
			}
			expanded[iri] = true
			total, shown := 0, 0
			for _, gr := range groups {
				if gr.Predicate.Value == vocab.Type {
					continue
				}
				facts, _, _, err := q.r.Facts(ctx, n, gr.Predicate, gr.In, "", max)
				if err != nil {
					return g, true, err
				}
				if len(facts) == 0 || facts[0].Other.Kind != graph.IRINode {
					continue // a literal's group: an attribute
				}
				total += gr.Facts
				for _, f := range facts {
					other := f.Other.Value
					if _, seen := index[other]; !seen {
						if len(g.Nodes) >= max {
							continue
						}
						add(other)
						next = append(next, other)
					}
					shown++
					if gr.In {
						addEdge([3]string{other, gr.Predicate.Value, iri}, f.Quads)
					} else {
						addEdge([3]string{iri, gr.Predicate.Value, other}, f.Quads)
					}
				}
			}
			g.Nodes[index[iri]].More = total - shown
		}
		frontier = next
	}
	// Every node's types and date, and the edges among the drawn nodes that
	// the nodes not expanded state.
	for i := range g.Nodes {
		iri := g.Nodes[i].IRI
		n := iriNode(iri)
		groups, cur, err := readGroups(iri)
		if err != nil || !cur {
			return g, cur, err
		}
		for _, gr := range groups {
			if gr.In {
				continue
			}
			p := gr.Predicate.Value
			switch {
			case p == vocab.Type || p == vocab.StartDate || p == vocab.DatePublished:
				facts, _, _, err := q.r.Facts(ctx, n, gr.Predicate, false, "", 5)
				if err != nil {
					return g, true, err
				}
				for _, f := range facts {
					if p == vocab.Type {
						g.Nodes[i].Types = append(g.Nodes[i].Types, graph.ShortIRI(f.Other.Value))
					} else if g.Nodes[i].Date == "" {
						g.Nodes[i].Date = f.Other.Value
					}
				}
			case !expanded[iri]:
				facts, _, _, err := q.r.Facts(ctx, n, gr.Predicate, false, "", max)
				if err != nil {
					return g, true, err
				}
				for _, f := range facts {
					if f.Other.Kind != graph.IRINode {
						break
					}
					if _, drawn := index[f.Other.Value]; drawn {
						addEdge([3]string{iri, p, f.Other.Value}, f.Quads)
					}
				}
			}
		}
		g.Nodes[i].Types = sortedSet(g.Nodes[i].Types)
	}
	// Each edge with its number of articles and the first few of them.
	for _, k := range edgeOrder {
		e := edgeJSON{Source: k[0], Predicate: k[1], Target: k[2], Short: graph.ShortIRI(k[1]), Phrase: phrase(k[1], false), Articles: []string{}, Count: edges[k]}
		labels, _, err := q.r.FactLabels(ctx, iriNode(k[0]), iriNode(k[1]), iriNode(k[2]), 0, edgeSources)
		if err != nil {
			return g, true, err
		}
		for _, l := range labels {
			if l.Value == "" || l.Value == vocab.GazetteerLabel {
				continue
			}
			id := graph.DocID(l.Value)
			e.Articles = append(e.Articles, id)
			if _, ok := g.Articles[id]; !ok {
				a, err := q.article(ctx, l.Value)
				if err != nil {
					return g, true, err
				}
				if a != nil {
					g.Articles[id] = articleJSON{Title: a.title, Date: a.date}
				}
			}
		}
		e.Articles = sortedSet(e.Articles)
		g.Edges = append(g.Edges, e)
	}
	for _, n := range g.Nodes {
		g.More += n.More
	}
	g.Truncated = g.More > 0
	return g, true, nil
}

// timelineFast is the timeline from the derived rows: the articles that
// state a rank or a post of the entity, by date, a page of limit from
// from; and at most nev events the entity takes part in. ok is false when
// the store keeps no current rows.
func (s *Server) timelineFast(ctx context.Context, iri string, from, limit, nev int) (ans map[string]any, ok bool, err error) {
	q, err := s.newRequest(ctx)
	if err != nil {
		return nil, false, err
	}
	n := iriNode(iri)
	rows, ok, err := q.r.Timeline(ctx, n)
	if err != nil || !ok {
		return nil, ok, err
	}
	groups, ok, err := q.r.FactGroups(ctx, n)
	if err != nil || !ok {
		return nil, ok, err
	}
	date := func(r graph.TimelineRow) string {
		if r.Date == nil {
			return ""
		}
		return r.Date.Value
	}
	// By date, undated last, then id: keys computed once, the rows not moved.
	keys := make([]article, len(rows))
	order := make([]int, len(rows))
	for i, r := range rows {
		keys[i] = article{id: graph.DocID(r.Doc.Value), date: date(r)}
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Or(compareArticles(&keys[a], &keys[b]), cmp.Compare(a, b)) })
	list := []*timelineEntry{}
	for _, i := range order[min(from, len(rows)):min(from+limit, len(rows))] {
		row := rows[i]
		if row.Doc.Value == vocab.GazetteerLabel {
			continue
		}
		e := &timelineEntry{sourceJSON: sourceJSON{Doc: graph.DocID(row.Doc.Value), IRI: row.Doc.Value, Date: date(row)}, Ranks: []nodeRef{}, Positions: []nodeRef{}}
		a, err := q.article(ctx, row.Doc.Value)
		if err != nil {
			return nil, true, err
		}
		if a != nil {
			e.sourceJSON = s.source(a)
		}
		for _, r := range row.Ranks {
			e.Ranks = append(e.Ranks, s.ref(r.Value))
		}
		for _, p := range row.Positions {
			e.Positions = append(e.Positions, s.ref(p.Value))
		}
		// In the order of their IRIs, as the quads' path lists them.
		for _, l := range [][]nodeRef{e.Ranks, e.Positions} {
			slices.SortStableFunc(l, func(a, b nodeRef) int { return cmp.Compare(a.IRI, b.IRI) })
		}
		list = append(list, e)
	}

	// Events: the incoming facts from events, at most nev.
	events := map[string]*timelineEvent{}
	var evOrder []string
	moreEvents := 0
	for _, g := range groups {
		if !g.In {
			continue
		}
		budget := nev - len(evOrder)
		if budget <= 0 {
			budget = 1 // to learn whether this group holds events
		}
		facts, next, _, err := q.r.Facts(ctx, n, g.Predicate, true, "", budget)
		if err != nil {
			return nil, true, err
		}
		isEvent := false
		for _, f := range facts {
			if graph.EntityKind(f.Other.Value) != vocab.KindEvent {
				continue
			}
			isEvent = true
			ev := events[f.Other.Value]
			if ev == nil {
				if len(evOrder) >= nev {
					moreEvents++
					continue
				}
				ev = &timelineEvent{nodeRef: s.ref(f.Other.Value), Roles: []string{}, Sources: []string{}}
				events[f.Other.Value] = ev
				evOrder = append(evOrder, f.Other.Value)
			}
			ev.Roles = append(ev.Roles, phrase(g.Predicate.Value, true))
			labels, _, err := q.r.FactLabels(ctx, f.Other, g.Predicate, n, 0, eventSources)
			if err != nil {
				return nil, true, err
			}
			for _, l := range labels {
				if l.Value != "" && l.Value != vocab.GazetteerLabel {
					ev.Sources = append(ev.Sources, graph.DocID(l.Value))
				}
			}
		}
		if isEvent && next != "" {
			moreEvents += g.Facts - len(facts)
		}
	}
	if graph.EntityKind(iri) == vocab.KindEvent {
		ev := &timelineEvent{nodeRef: s.ref(iri), Roles: []string{"this event"}, Sources: []string{}}
		labels, _, err := q.r.FactLabels(ctx, n, iriNode(vocab.Type), iriNode(vocab.Event), 0, edgeSources)
		if err != nil {
			return nil, true, err
		}
		for _, l := range labels {
			if l.Value != "" && l.Value != vocab.GazetteerLabel {
				ev.Sources = append(ev.Sources, graph.DocID(l.Value))
			}
		}
		events[iri] = ev
		evOrder = append(evOrder, iri)
	}
	evs := make([]*timelineEvent, 0, len(evOrder))
	startDate := iriNode(vocab.StartDate)
	for _, eiri := range evOrder {
		ev := events[eiri]
		if d, has, err := q.r.First(ctx, iriNode(eiri), startDate); err != nil {
			return nil, true, err
		} else if has {
			ev.Date = d.Value
		}
		ev.Roles = sortedSet(ev.Roles)
		ev.Sources = sortedSet(ev.Sources)
		if strings.HasPrefix(ev.Date, "--") && len(ev.Sources) > 0 {
			if a, _ := q.article(ctx, vocab.DocIRI(ev.Sources[0])); a != nil && len(a.date) >= 4 {
				ev.Date = ev.Date + " (" + a.date[:4] + "?)"
			}
		}
		evs = append(evs, ev)
	}
	slices.SortFunc(evs, func(a, b *timelineEvent) int {
		return cmp.Or(cmp.Compare(sortableDate(a.Date), sortableDate(b.Date)), cmp.Compare(a.IRI, b.IRI))
	})
	ans = map[string]any{"entity": s.ref(iri), "articles": list, "events": evs, "total": len(rows), "from": from}
	if from+limit < len(rows) {
		ans["next"] = from + limit
	}
	if moreEvents > 0 {
		ans["moreEvents"] = moreEvents
	}
	return ans, true, nil
}
