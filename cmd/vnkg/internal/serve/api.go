package serve

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

// The viewer's JSON API. Every answer is computed from index lookups around
// the entity asked for; none runs Gizmo or reads the whole store. On a bolt
// store with current derived rows, entity, neighbourhood and timeline read
// them and answer a page at a time (fast.go); elsewhere they read every
// quad of the node (below).
//
//	GET  /api/search?q=TEXT[&limit=N]           entities by name, diacritics optional
//	GET  /api/entity?iri=IRI | ?name=NAME       an entity's facts, each with its articles and sentences
//	GET  /api/neighbourhood?iri=IRI[&depth=N][&doc=ID]   nodes and edges around it
//	GET  /api/timeline?iri=IRI                  ranks and posts by article date; events by date
//	GET  /api/facts?iri=IRI&predicate=IRI[&in=1]&cursor=C   the next page of one predicate's facts
//	GET  /api/sources?iri=IRI&predicate=IRI[&in=1]&fact=ID&from=N   a page of the articles of one fact
//	GET  /api/article?doc=ID | ?iri=IRI         an article's text with its mentions
//	POST /api/subgraph[?format=nquads|json]     {"nodes": [IRI...]}: the facts among them
//	GET  /api/info                              the store and the server's limits

func queryEscape(s string) string { return url.QueryEscape(s) }

// nodeRef names another node of the graph.
type nodeRef struct {
	IRI  string `json:"iri"`
	Name string `json:"name"`
	Kind string `json:"kind,omitempty"`
	URL  string `json:"url,omitempty"`
}

func (s *Server) ref(iri string) nodeRef {
	idx := s.index.Load()
	name := iri
	if n, ok := idx.primary[iri]; ok {
		name = n
	} else if graph.EntityKind(iri) == vocab.KindDoc {
		name = graph.DocID(iri)
	}
	return nodeRef{IRI: iri, Name: name, Kind: graph.EntityKind(iri), URL: pageURL(iri)}
}

// target finds the entity a request names: ?iri=, or ?name= (the best
// search hit).
func (s *Server) target(w http.ResponseWriter, r *http.Request) (string, bool) {
	q := r.URL.Query()
	if iri := q.Get("iri"); iri != "" {
		return iri, true
	}
	if name := q.Get("name"); name != "" {
		hits := s.index.Load().search(name, 1)
		if len(hits) == 0 {
			writeError(w, http.StatusNotFound, fmt.Sprintf("no entity is named %q", name))
			return "", false
		}
		return hits[0].IRI, true
	}
	writeError(w, http.StatusBadRequest, "give ?iri=IRI or ?name=NAME")
	return "", false
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	limit := intParam(r, "limit", 10, 1, 100)
	hits := s.index.Load().search(q, limit)
	if hits == nil {
		hits = []Hit{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q, "results": hits})
}

func intParam(r *http.Request, name string, def, lo, hi int) int {
	v, err := strconv.Atoi(r.URL.Query().Get(name))
	if err != nil {
		return def
	}
	return max(lo, min(hi, v))
}

// predicate phrases, for facts in words: out (the entity is the subject)
// and in (the entity is the object).
var phrases = map[string][2]string{
	vocab.Rank:                  {"rank", "rank of"},
	vocab.HoldsPosition:         {"position", "held by"},
	vocab.AlternateName:         {"also called", ""},
	vocab.Nationality:           {"nationality", ""},
	vocab.Title:                 {"title", ""},
	vocab.OrganizationOf:        {"in the body", "has the post"},
	vocab.ParentOrganization:    {"part of", "has part"},
	vocab.LegislationIdentifier: {"identifier", ""},
	vocab.LegislationPassedBy:   {"passed by", "passed"},
	vocab.About:                 {"about", "subject of"},
	vocab.EventKind:             {"kind of event", ""},
	vocab.StartDate:             {"date", ""},
	vocab.Location:              {"place", "place of"},
	vocab.Organizer:             {"organized by", "organized"},
	vocab.Chair:                 {"chaired by", "chaired"},
	vocab.Attendee:              {"attended by", "attended"},
	vocab.Speaker:               {"speaker", "spoke at"},
	vocab.Period:                {"period", ""},
	vocab.EnglishName:           {"in English", ""},
	vocab.Seniority:             {"seniority (1 = highest)", ""},
	vocab.Branch:                {"branch", ""},
	vocab.DatePublished:         {"published", ""},
	vocab.Publisher:             {"publisher", "published"},
	vocab.Author:                {"author", "wrote"},
	vocab.URL:                   {"web address", ""},
	vocab.SourceFile:            {"source file", ""},
	vocab.Name:                  {"name", ""},
}

func phrase(p string, in bool) string {
	ph, ok := phrases[p]
	i := 0
	if in {
		i = 1
	}
	if ok && ph[i] != "" {
		return ph[i]
	}
	if in {
		return "object of " + graph.ShortIRI(p)
	}
	return graph.ShortIRI(p)
}

// factJSON is one fact about the entity, with every article that states it.
type factJSON struct {
	Predicate string       `json:"predicate"`
	Short     string       `json:"short"`  // schema:attendee
	Phrase    string       `json:"phrase"` // in words
	In        bool         `json:"in,omitempty"`
	Node      *nodeRef     `json:"node,omitempty"`
	Literal   *literalJSON `json:"literal,omitempty"`
	Sources   []sourceJSON `json:"sources"`
	// From the fact rows (fast.go): how many articles state it, the fact's
	// id for GET /api/sources, and where its next page of sources starts.
	Count int    `json:"count,omitempty"`
	ID    string `json:"id,omitempty"`
	Next  int    `json:"next,omitempty"`
}

type literalJSON struct {
	Value    string `json:"value"`
	Datatype string `json:"datatype,omitempty"`
}

// sourceJSON is an article that states a fact.
type sourceJSON struct {
	Doc        string        `json:"doc"` // its id
	IRI        string        `json:"iri"`
	Title      string        `json:"title,omitempty"`
	Date       string        `json:"date,omitempty"`
	URL        string        `json:"url,omitempty"`        // the article on the web (schema:url)
	Publisher  *nodeRef      `json:"publisher,omitempty"`  // schema:publisher
	Background bool          `json:"background,omitempty"` // the gazetteer, not an article
	Evidence   *evidenceJSON `json:"evidence,omitempty"`
}

type entityJSON struct {
	nodeRef
	Types          []string     `json:"types"`
	AlternateNames []string     `json:"alternateNames"`
	Facts          []factJSON   `json:"facts"`
	Articles       []sourceJSON `json:"articles"`
	Truncated      bool         `json:"truncated,omitempty"`
	Groups         []groupJSON  `json:"groups,omitempty"` // per predicate, from the fact rows (fast.go)
}

// maxEvidenceArticles bounds how many articles an entity answer re-reads
// for sentences; the others say "open the article".
const maxEvidenceArticles = 30

// maxFacts bounds the facts of one answer (a rank held by thousands).
const maxFacts = 2000

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	iri, ok := s.target(w, r)
	if !ok {
		return
	}
	nfacts, nsrc := pageParams(r)
	ent, fast, err := s.entityFast(r.Context(), iri, nfacts, nsrc)
	if err == nil && !fast {
		ent, err = s.entity(r.Context(), iri)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if ent == nil {
		writeError(w, http.StatusNotFound, "nothing is stored about "+iri)
		return
	}
	writeJSON(w, http.StatusOK, ent)
}

// entity gathers an entity's facts: the quads with it as subject and as
// object (two index lookups), each article they come from (a label lookup
// each, cached re-runs for the sentences).
func (s *Server) entity(ctx context.Context, iri string) (*entityJSON, error) {
	out, err := s.store.Out(ctx, iri)
	if err != nil {
		return nil, err
	}
	in, err := s.store.In(ctx, vocab.IRI(iri))
	if err != nil {
		return nil, err
	}
	if len(out) == 0 && len(in) == 0 {
		return nil, nil
	}
	ent := &entityJSON{nodeRef: s.ref(iri), Types: []string{}, AlternateNames: []string{}, Facts: []factJSON{}, Articles: []sourceJSON{}}
	type key struct {
		p, other string
		lit      literalJSON
		in       bool
	}
	var order []key
	labels := map[key][]string{}
	add := func(k key, label string) {
		if _, ok := labels[k]; !ok {
			if len(order) >= maxFacts {
				ent.Truncated = true
				return
			}
			order = append(order, k)
		}
		labels[k] = append(labels[k], label)
	}
	for _, q := range out {
		switch q.Predicate.Value {
		case vocab.Type:
			ent.Types = append(ent.Types, graph.ShortIRI(q.Object.Value))
			continue
		case vocab.ArticleBody:
			continue
		case vocab.AlternateName:
			ent.AlternateNames = append(ent.AlternateNames, q.Object.Value)
		}
		k := key{p: q.Predicate.Value}
		if q.Object.IsIRI() {
			k.other = q.Object.Value
		} else {
			k.lit = literalJSON{Value: q.Object.Value, Datatype: q.Object.Datatype}
		}
		add(k, q.Label)
	}
	for _, q := range in {
		if q.Subject.Value == iri {
			continue // a loop, already listed
		}
		add(key{p: q.Predicate.Value, other: q.Subject.Value, in: true}, q.Label)
	}
	ent.Types = sortedSet(ent.Types)
	ent.AlternateNames = sortedSet(ent.AlternateNames)

	// The articles, each read once.
	arts := map[string]*article{}
	var artOrder []string
	for _, k := range order {
		for _, l := range labels[k] {
			if _, ok := arts[l]; !ok && l != vocab.GazetteerLabel && l != "" {
				arts[l] = nil
				artOrder = append(artOrder, l)
			}
		}
	}
	reruns := map[string]*rerun{}
	for i, l := range artOrder {
		a, err := s.loadArticle(ctx, l, false)
		if err != nil {
			return nil, err
		}
		if a == nil {
			continue
		}
		arts[l] = a
		if i < maxEvidenceArticles {
			reruns[l] = s.reextract(ctx, a)
		}
	}
	slices.SortStableFunc(artOrder, func(x, y string) int { return compareArticles(arts[x], arts[y]) })
	for _, l := range artOrder {
		if a := arts[l]; a != nil {
			ent.Articles = append(ent.Articles, s.source(a))
		}
	}
	for _, k := range order {
		f := factJSON{Predicate: k.p, Short: graph.ShortIRI(k.p), Phrase: phrase(k.p, k.in), In: k.in}
		if k.other != "" {
			ref := s.ref(k.other)
			f.Node = &ref
		} else {
			lit := k.lit
			f.Literal = &lit
		}
		ls := sortedSet(labels[k])
		slices.SortStableFunc(ls, func(x, y string) int { return compareArticles(arts[x], arts[y]) })
		for _, l := range ls {
			src := sourceJSON{Doc: graph.DocID(l), IRI: l}
			if l == vocab.GazetteerLabel {
				src.Background = true
				f.Sources = append(f.Sources, src)
				continue
			}
			a := arts[l]
			if a != nil {
				src = s.source(a)
				q := vocab.Quad{Subject: vocab.IRI(iri), Predicate: vocab.IRI(k.p), Label: l}
				switch {
				case k.in:
					q.Subject, q.Object = vocab.IRI(k.other), vocab.IRI(iri)
				case k.other != "":
					q.Object = vocab.IRI(k.other)
				default:
					q.Object = vocab.Typed(k.lit.Value, k.lit.Datatype)
				}
				rr, ok := reruns[l]
				var ev evidenceJSON
				if ok {
					ev = evidenceFor(a, rr, q)
				} else {
					ev = evidenceJSON{Status: evSkipped, Note: "open the article to see its text"}
				}
				src.Evidence = &ev
			}
			f.Sources = append(f.Sources, src)
		}
		ent.Facts = append(ent.Facts, f)
	}
	slices.SortStableFunc(ent.Facts, func(a, b factJSON) int {
		return cmp.Or(cmp.Compare(factOrder(a), factOrder(b)), cmp.Compare(a.Phrase, b.Phrase))
	})
	return ent, nil
}

// factOrder puts the facts a reader looks for first: ranks, posts, names,
// then the rest.
func factOrder(f factJSON) int {
	if f.In {
		return 10
	}
	switch f.Predicate {
	case vocab.Rank:
		return 0
	case vocab.HoldsPosition:
		return 1
	case vocab.AlternateName, vocab.Name:
		return 2
	}
	return 5
}

// compareArticles orders articles by date (undated last), then id.
func compareArticles(a, b *article) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	case (a.date == "") != (b.date == ""):
		if a.date == "" {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(a.id, b.id))
}

func sortedSet(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

// graphJSON is a drawing: nodes and edges, and the articles the edges cite.
type graphJSON struct {
	Nodes     []nodeJSON             `json:"nodes"`
	Edges     []edgeJSON             `json:"edges"`
	Articles  map[string]articleJSON `json:"articles"` // by doc id
	Truncated bool                   `json:"truncated,omitempty"`
	More      int                    `json:"more,omitempty"` // neighbours not drawn, from the fact rows
}

type nodeJSON struct {
	nodeRef
	Types    []string `json:"types"`
	Date     string   `json:"date,omitempty"`
	Articles []string `json:"articles"`
	More     int      `json:"more,omitempty"` // its neighbours not drawn (an expanded node, fact rows)
}

type edgeJSON struct {
	Source    string   `json:"source"`
	Target    string   `json:"target"`
	Predicate string   `json:"predicate"`
	Short     string   `json:"short"`
	Phrase    string   `json:"phrase"`
	Articles  []string `json:"articles"`        // all (quads' path) or the first few (fact rows)
	Count     int      `json:"count,omitempty"` // articles that state it (fact rows)
}

type articleJSON struct {
	Title string `json:"title,omitempty"`
	Date  string `json:"date,omitempty"`
}

// drawing turns a subgraph's quads into nodes and edges.
func (s *Server) drawing(ctx context.Context, nodes []string, quads []vocab.Quad) (graphJSON, error) {
	g := graphJSON{Nodes: []nodeJSON{}, Edges: []edgeJSON{}, Articles: map[string]articleJSON{}}
	byIRI := map[string]*nodeJSON{}
	for _, n := range nodes {
		g.Nodes = append(g.Nodes, nodeJSON{nodeRef: s.ref(n), Types: []string{}, Articles: []string{}})
	}
	for i := range g.Nodes {
		byIRI[g.Nodes[i].IRI] = &g.Nodes[i]
	}
	edges := map[[3]string]*edgeJSON{}
	var edgeOrder [][3]string
	docs := map[string]bool{}
	for _, q := range quads {
		n := byIRI[q.Subject.Value]
		if n == nil {
			continue
		}
		doc := ""
		if q.Label != "" && q.Label != vocab.GazetteerLabel {
			doc = graph.DocID(q.Label)
			docs[q.Label] = true
			n.Articles = append(n.Articles, doc)
		}
		switch {
		case q.Predicate.Value == vocab.Type:
			n.Types = append(n.Types, graph.ShortIRI(q.Object.Value))
		case q.Predicate.Value == vocab.StartDate || q.Predicate.Value == vocab.DatePublished:
			n.Date = q.Object.Value
		case graph.IsEdge(q) && byIRI[q.Object.Value] != nil:
			k := [3]string{q.Subject.Value, q.Predicate.Value, q.Object.Value}
			e := edges[k]
			if e == nil {
				e = &edgeJSON{Source: k[0], Predicate: k[1], Target: k[2], Short: graph.ShortIRI(k[1]), Phrase: phrase(k[1], false), Articles: []string{}}
				edges[k] = e
				edgeOrder = append(edgeOrder, k)
			}
			if doc != "" {
				e.Articles = append(e.Articles, doc)
			}
		}
	}
	for i := range g.Nodes {
		g.Nodes[i].Types = sortedSet(g.Nodes[i].Types)
		g.Nodes[i].Articles = sortedSet(g.Nodes[i].Articles)
	}
	for _, k := range edgeOrder {
		e := edges[k]
		e.Articles = sortedSet(e.Articles)
		g.Edges = append(g.Edges, *e)
	}
	for l := range docs {
		meta, err := s.store.Out(ctx, l)
		if err != nil {
			return graphJSON{}, err
		}
		var a articleJSON
		for _, q := range meta {
			switch q.Predicate.Value {
			case vocab.Name:
				a.Title = q.Object.Value
			case vocab.DatePublished:
				a.Date = q.Object.Value
			}
		}
		g.Articles[graph.DocID(l)] = a
	}
	return g, nil
}

func (s *Server) apiNeighbourhood(w http.ResponseWriter, r *http.Request) {
	iri, ok := s.target(w, r)
	if !ok {
		return
	}
	opts := graph.NeighbourhoodOptions{Depth: intParam(r, "depth", 1, 0, 3), MaxNodes: intParam(r, "max", s.opts.MaxNodes, 1, s.opts.MaxNodes)}
	if doc := r.URL.Query().Get("doc"); doc != "" {
		opts.Label = docIRI(doc)
	} else {
		max := intParam(r, "max", min(defNeighbours, s.opts.MaxNodes), 1, s.opts.MaxNodes)
		g, fast, err := s.neighbourhoodFast(r.Context(), iri, opts.Depth, max)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		if fast {
			if len(g.Edges) == 0 && len(g.Nodes[0].Types) == 0 {
				writeError(w, http.StatusNotFound, "nothing is stored about "+iri)
				return
			}
			writeJSON(w, http.StatusOK, map[string]any{"focus": s.ref(iri), "graph": g})
			return
		}
	}
	sg, err := s.store.Neighbourhood(r.Context(), iri, opts)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if len(sg.Quads) == 0 {
		writeError(w, http.StatusNotFound, "nothing is stored about "+iri)
		return
	}
	g, err := s.drawing(r.Context(), sg.Nodes, sg.Quads)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	g.Truncated = sg.Truncated
	writeJSON(w, http.StatusOK, map[string]any{"focus": s.ref(iri), "graph": g})
}

// docIRI takes a document id or IRI.
func docIRI(doc string) string {
	if strings.Contains(doc, "://") {
		return doc
	}
	return vocab.DocIRI(doc)
}

type timelineEntry struct {
	sourceJSON
	Ranks     []nodeRef `json:"ranks"`
	Positions []nodeRef `json:"positions"`
}

type timelineEvent struct {
	nodeRef
	Date    string   `json:"date,omitempty"`
	Roles   []string `json:"roles"`
	Sources []string `json:"sources"` // doc ids
}

func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) {
	iri, ok := s.target(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	from := intParam(r, "from", 0, 0, 1<<30)
	limit := intParam(r, "limit", defTimeline, 1, maxTimeline)
	if ans, fast, err := s.timelineFast(ctx, iri, from, limit, intParam(r, "events", defEvents, 1, maxTimeline)); err != nil {
		s.apiError(w, r, err)
		return
	} else if fast {
		writeJSON(w, http.StatusOK, ans)
		return
	}
	out, err := s.store.Out(ctx, iri)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	in, err := s.store.In(ctx, vocab.IRI(iri))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	entries := map[string]*timelineEntry{}
	arts := map[string]*article{}
	loadArt := func(l string) (*article, error) {
		if a, ok := arts[l]; ok {
			return a, nil
		}
		a, err := s.articleMeta(ctx, l)
		arts[l] = a
		return a, err
	}
	for _, q := range out {
		if q.Predicate.Value != vocab.Rank && q.Predicate.Value != vocab.HoldsPosition || q.Label == vocab.GazetteerLabel {
			continue
		}
		e := entries[q.Label]
		if e == nil {
			a, err := loadArt(q.Label)
			if err != nil {
				s.apiError(w, r, err)
				return
			}
			e = &timelineEntry{sourceJSON: sourceJSON{Doc: graph.DocID(q.Label), IRI: q.Label}, Ranks: []nodeRef{}, Positions: []nodeRef{}}
			if a != nil {
				e.sourceJSON = s.source(a)
			}
			entries[q.Label] = e
		}
		if q.Predicate.Value == vocab.Rank {
			e.Ranks = append(e.Ranks, s.ref(q.Object.Value))
		} else {
			e.Positions = append(e.Positions, s.ref(q.Object.Value))
		}
	}
	list := make([]*timelineEntry, 0, len(entries))
	for _, e := range entries {
		list = append(list, e)
	}
	slices.SortFunc(list, func(a, b *timelineEntry) int {
		return compareArticles(&article{id: a.Doc, date: a.Date}, &article{id: b.Doc, date: b.Date})
	})

	// Events the entity takes part in (it is their object), or the entity
	// itself if it is an event.
	events := map[string]*timelineEvent{}
	for _, q := range in {
		if graph.EntityKind(q.Subject.Value) != vocab.KindEvent {
			continue
		}
		ev := events[q.Subject.Value]
		if ev == nil {
			ev = &timelineEvent{nodeRef: s.ref(q.Subject.Value), Roles: []string{}, Sources: []string{}}
			events[q.Subject.Value] = ev
		}
		ev.Roles = append(ev.Roles, phrase(q.Predicate.Value, true))
		if q.Label != vocab.GazetteerLabel {
			ev.Sources = append(ev.Sources, graph.DocID(q.Label))
		}
	}
	if graph.EntityKind(iri) == vocab.KindEvent {
		events[iri] = &timelineEvent{nodeRef: s.ref(iri), Roles: []string{"this event"}, Sources: []string{}}
	}
	evs := make([]*timelineEvent, 0, len(events))
	for eiri, ev := range events {
		meta, err := s.store.Out(ctx, eiri)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		for _, q := range meta {
			if q.Predicate.Value == vocab.StartDate {
				ev.Date = q.Object.Value
			}
			if eiri == iri && q.Label != vocab.GazetteerLabel {
				ev.Sources = append(ev.Sources, graph.DocID(q.Label))
			}
		}
		ev.Roles = sortedSet(ev.Roles)
		ev.Sources = sortedSet(ev.Sources)
		// A yearless date (--08-17) takes the year of the article that gives it.
		if strings.HasPrefix(ev.Date, "--") && len(ev.Sources) > 0 {
			if a, _ := loadArt(vocab.DocIRI(ev.Sources[0])); a != nil && len(a.date) >= 4 {
				ev.Date = ev.Date + " (" + a.date[:4] + "?)"
			}
		}
		evs = append(evs, ev)
	}
	slices.SortFunc(evs, func(a, b *timelineEvent) int {
		return cmp.Or(cmp.Compare(sortableDate(a.Date), sortableDate(b.Date)), cmp.Compare(a.IRI, b.IRI))
	})
	writeJSON(w, http.StatusOK, map[string]any{"entity": s.ref(iri), "articles": list, "events": evs})
}

// sortableDate puts "--08-17 (2016?)" at 2016-08-17 and undated last.
func sortableDate(d string) string {
	if d == "" {
		return "~"
	}
	if strings.HasPrefix(d, "--") {
		if i := strings.Index(d, "("); i > 0 && len(d) >= i+5 {
			return d[i+1:i+5] + d[1:7]
		}
		return "0000" + d[1:]
	}
	return d
}

// source is an article as the entity and timeline answers cite it: id,
// title, date, its web address and its publisher.
func (s *Server) source(a *article) sourceJSON {
	src := sourceJSON{Doc: a.id, IRI: a.iri, Title: a.title, Date: a.date, URL: a.url}
	if a.publisher != "" {
		p := s.ref(a.publisher)
		src.Publisher = &p
	}
	return src
}

// articleMeta reads an article's metadata only (its subject quads).
func (s *Server) articleMeta(ctx context.Context, iri string) (*article, error) {
	meta, err := s.store.Out(ctx, iri)
	if err != nil || len(meta) == 0 {
		return nil, err
	}
	a := &article{iri: iri, id: graph.DocID(iri)}
	for _, q := range meta {
		a.setMeta(q)
	}
	return a, nil
}

// setMeta keeps one of an article's metadata quads (title, date, publisher,
// web address); other quads are left alone.
func (a *article) setMeta(q vocab.Quad) {
	switch q.Predicate.Value {
	case vocab.Name:
		a.title = q.Object.Value
	case vocab.DatePublished:
		a.date = q.Object.Value
	case vocab.Publisher:
		a.publisher = q.Object.Value
	case vocab.URL:
		a.url = q.Object.Value
	}
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	iri := q.Get("iri")
	if doc := q.Get("doc"); doc != "" {
		iri = docIRI(doc)
	}
	if iri == "" {
		writeError(w, http.StatusBadRequest, "give ?doc=ID or ?iri=IRI")
		return
	}
	a, err := s.loadArticle(r.Context(), iri, true)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if a == nil {
		writeError(w, http.StatusNotFound, "no such article: "+iri)
		return
	}
	ans := map[string]any{
		"iri": a.iri, "doc": a.id, "title": a.title, "date": a.date, "url": a.url, "facts": len(a.quads),
	}
	if a.publisher != "" {
		ans["publisher"] = s.ref(a.publisher)
	}
	rr := s.reextract(r.Context(), a)
	switch {
	case !a.hasText:
		ans["status"], ans["note"] = evNoText, "rebuild to see the text (vnkg build): this article was stored without it"
		ans["text"] = []segment{}
	case rr.exact(a) && rr.mentions != nil:
		ans["status"] = evOK
		ans["text"] = segments(a.text, span{0, len(a.text)}, nil, rr.mentions)
	case rr.exact(a):
		ans["status"], ans["note"] = evNoRules, "this vnkg's extractor does not report mentions"
		ans["text"] = []segment{{Text: a.text}}
	default:
		ans["status"], ans["note"] = evStale, "rebuild to see the mentions (vnkg build): the stored facts of this article are not what this vnkg extracts from its text"
		ans["text"] = []segment{{Text: a.text}}
	}
	if ts, ok := ans["text"].([]segment); ok {
		for i := range ts {
			if ts[i].IRI != "" && ts[i].Kind == "" {
				ts[i].Kind = graph.EntityKind(ts[i].IRI)
			}
		}
	}
	writeJSON(w, http.StatusOK, ans)
}

func (s *Server) apiSubgraph(w http.ResponseWriter, r *http.Request) {
	body, status, err := readBody(r)
	if err != nil {
		writeError(w, status, err.Error())
		return
	}
	var req struct {
		Nodes []string `json:"nodes"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		writeError(w, http.StatusBadRequest, "the body must be {\"nodes\": [IRI, ...]}: "+err.Error())
		return
	}
	nodes := sortedSet(req.Nodes)
	if len(nodes) > s.opts.MaxNodes*4 {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("at most %d nodes", s.opts.MaxNodes*4))
		return
	}
	in := map[string]bool{}
	for _, n := range nodes {
		in[n] = true
	}
	var quads []vocab.Quad
	for _, n := range nodes {
		out, err := s.store.Out(r.Context(), n)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		for _, q := range out {
			if q.Predicate.Value == vocab.ArticleBody || graph.IsEdge(q) && !in[q.Object.Value] {
				continue
			}
			quads = append(quads, q)
		}
	}
	if r.URL.Query().Get("format") == "json" {
		g, err := s.drawing(r.Context(), nodes, quads)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, g)
		return
	}
	slices.SortFunc(quads, func(a, b vocab.Quad) int {
		return cmp.Or(cmp.Compare(a.Label, b.Label), cmp.Compare(a.NQuad(), b.NQuad()))
	})
	w.Header().Set("Content-Type", "application/n-quads; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="vnkg-subgraph.nq"`)
	vocab.WriteNQuads(w, quads)
}

func (s *Server) apiInfo(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"store":          s.store.String(),
		"backend":        s.store.Backend(),
		"quads":          s.quads.Load(),
		"names":          len(s.index.Load().entries),
		"queryTimeout":   s.opts.QueryTimeout.String(),
		"maxResults":     s.opts.MaxResults,
		"maxNodes":       s.opts.MaxNodes,
		"evidence":       s.x != nil,
		"maxRequestBody": s.opts.MaxBody,
	})
}
