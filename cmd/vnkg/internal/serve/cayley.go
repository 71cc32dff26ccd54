package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/cayleygraph/quad"

	"github.com/vnkg/vnkg/cmd/vnkg/internal/gizmoproc"
	"github.com/vnkg/vnkg/graph"
)

// Cayley's HTTP query API, as `cayley http` serves it, so that Cayley's own
// clients and UI work against vnkg:
//
//	POST /api/v1/query/gizmo          body: the query
//	POST /api/v2/query?lang=gizmo     body: the query
//	GET  /api/v2/query?lang=gizmo&qu=QUERY
//
// The answer is {"result": [...]}: a path result is an object of its tags
// ("id" and those of .tag()), an emitted value is itself. Values are as
// Cayley's JSON collation writes them: IRIs as "<iri>", plain strings as
// themselves, numbers and booleans as JSON ones, other typed literals as
// "\"v\"^^<type>". With "Accept: application/ld+json", values are JSON-LD
// (the shapes of vnkg query --json). A query with no results whose last
// expression has a value (g.V().count()) answers [value]: what vnkg query
// prints. A failing query is 400 {"error": "..."} with the parser's or
// Gizmo's message; one past the timeout is 400 too, as in Cayley.
//
// Only Gizmo is served (Cayley's GraphQL and MQL are not): another lang is
// 400 "unknown query language". The API is read-only: Cayley's write and
// delete routes are not there (404).

const (
	contentJSON   = "application/json"
	contentJSONLD = "application/ld+json"
)

func (s *Server) cayleyV1(w http.ResponseWriter, r *http.Request) {
	lang := r.PathValue("lang")
	body, status, err := readBody(r)
	if err != nil {
		writeError(w, status, err.Error())
		return
	}
	s.gizmo(w, r, lang, string(body))
}

func (s *Server) cayleyV2(w http.ResponseWriter, r *http.Request) {
	lang := r.URL.Query().Get("lang")
	if lang == "" {
		writeError(w, http.StatusBadRequest, "query language not specified")
		return
	}
	var src string
	if r.Method == http.MethodGet {
		src = r.URL.Query().Get("qu")
	} else {
		body, status, err := readBody(r)
		if err != nil {
			writeError(w, status, err.Error())
			return
		}
		src = string(body)
	}
	s.gizmo(w, r, lang, src)
}

func (s *Server) gizmo(w http.ResponseWriter, r *http.Request, lang, src string) {
	if lang != "gizmo" {
		writeError(w, http.StatusBadRequest, "unknown query language: "+strconv.Quote(lang)+" (vnkg serves gizmo)")
		return
	}
	if src == "" {
		writeError(w, http.StatusBadRequest, "query is empty")
		return
	}
	res, err := s.q.Query(r.Context(), src, graph.QueryOptions{Timeout: s.opts.QueryTimeout, Limit: s.opts.MaxResults})
	if err != nil {
		s.queryError(w, r, err)
		return
	}
	jsonld := acceptsJSONLD(r)
	out := make([]any, 0, len(res.Rows))
	for _, row := range res.Rows {
		if jsonld {
			out = append(out, row)
		} else {
			out = append(out, cayleyRow(row))
		}
	}
	if len(res.Rows) == 0 && res.Last != nil {
		if jsonld {
			out = append(out, res.Last)
		} else {
			out = append(out, cayleyValue(res.Last))
		}
	}
	if res.Truncated {
		w.Header().Set("X-Vnkg-Truncated", fmt.Sprintf("first %d results", s.opts.MaxResults))
	}
	if jsonld {
		w.Header().Set("Content-Type", contentJSONLD)
		w.WriteHeader(http.StatusOK)
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.Encode(map[string]any{"result": out})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"result": out})
}

// queryError answers a failed query: the query's fault is 400 with its
// message, as Cayley answers.
func (s *Server) queryError(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, graph.ErrSyntax), errors.Is(err, graph.ErrType), errors.Is(err, graph.ErrTimeout), errors.Is(err, gizmoproc.ErrCrashed):
		writeError(w, http.StatusBadRequest, err.Error())
	case r.Context().Err() != nil:
		writeError(w, http.StatusServiceUnavailable, "request cancelled")
	default:
		// Gizmo's own errors ("query failed: ..."): the query's fault too.
		writeError(w, http.StatusBadRequest, err.Error())
	}
}

func acceptsJSONLD(r *http.Request) bool {
	for _, v := range r.Header.Values("Accept") {
		if len(v) >= len(contentJSONLD) && v[:len(contentJSONLD)] == contentJSONLD {
			return true
		}
	}
	return false
}

// cayleyRow is a result in Cayley's JSON collation.
func cayleyRow(row graph.Result) any {
	if row.Tags == nil {
		return cayleyValue(row.Value)
	}
	m := make(map[string]any, len(row.Tags))
	for k, n := range row.Tags {
		m[k] = cayleyNode(n)
	}
	return m
}

func cayleyValue(v any) any {
	switch v := v.(type) {
	case graph.Node:
		return cayleyNode(v)
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = cayleyValue(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = cayleyValue(e)
		}
		return out
	}
	return v
}

// cayleyNode is what Cayley's quadValueToNative makes of a value: its
// native Go value where Cayley knows one (numbers, booleans, times), else
// its N-Quads spelling, except plain strings, which stay strings.
func cayleyNode(n graph.Node) any {
	v := n.QuadValue()
	if s, ok := v.(quad.String); ok {
		return string(s)
	}
	out := v.Native()
	if nv, ok := out.(quad.Value); ok && nv == v {
		return quad.StringOf(v)
	}
	if ts, ok := v.(quad.TypedString); ok {
		if _, ok := out.(quad.Value); ok {
			return quad.StringOf(ts)
		}
		// quad.TypedString.Native converts only what it knows; the rest
		// comes back as the TypedString itself (handled above).
	}
	return out
}
