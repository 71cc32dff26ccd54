package graph

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/piprate/json-gold/ld"

	"github.com/vnkg/vnkg/graph/vocab"
)

// FormatJSONLDCompact is compacted JSON-LD: the expanded document compacted
// against JSONLDContext, so that terms read as "name", "rank", "attendee" and
// entities as "id:person/…". The context is embedded in the output (nothing
// to fetch), and expanding the output gives back exactly the quads of the
// N-Quads export.
const FormatJSONLDCompact Format = "jsonld-compact"

// objectProperties are the predicates whose values are nodes: the context
// types them "@id" so that their IRIs compact. (schema:about is also a
// literal on resolutions, and schema:url a literal when it is no IRI; such
// values stay in expanded form, as JSON-LD requires.)
var objectProperties = map[string]bool{
	vocab.Type: true, vocab.Publisher: true, vocab.Author: true, vocab.About: true, vocab.URL: true,
	vocab.Rank: true, vocab.HoldsPosition: true, vocab.OrganizationOf: true, vocab.ParentOrganization: true,
	vocab.LegislationPassedBy: true, vocab.Location: true, vocab.Organizer: true, vocab.Chair: true,
	vocab.Attendee: true, vocab.Speaker: true,
}

// typedProperties are the predicates whose literals have one usual datatype.
var typedProperties = map[string]string{
	vocab.DatePublished: "xsd:date", vocab.StartDate: "xsd:date", vocab.Seniority: "xsd:integer",
}

// JSONLDContext is the @context of the compacted export: the prefixes, a
// term for every predicate of the vocabulary (its local name) and for every
// class. docs/context.jsonld is this context as a file.
func JSONLDContext() map[string]any {
	ctx := map[string]any{
		"schema": vocab.Schema, "vnkg": vocab.NS, "xsd": vocab.XSD, "rdf": vocab.RDF,
		"id": vocab.ID,
	}
	short := func(iri string) string {
		for _, p := range []struct{ prefix, ns string }{{"schema:", vocab.Schema}, {"vnkg:", vocab.NS}, {"rdf:", vocab.RDF}} {
			if local, ok := strings.CutPrefix(iri, p.ns); ok {
				return p.prefix + local
			}
		}
		return iri
	}
	for _, p := range vocab.Predicates {
		if p == vocab.Type {
			continue // "@type" is the keyword's
		}
		term := p[strings.LastIndexAny(p, "/#")+1:]
		def := map[string]any{"@id": short(p)}
		switch {
		case objectProperties[p]:
			def["@type"] = "@id"
		case typedProperties[p] != "":
			def["@type"] = typedProperties[p]
		}
		ctx[term] = def
	}
	for _, c := range []string{vocab.NewsArticle, vocab.Person, vocab.MilitaryRank, vocab.Position,
		vocab.GovernmentOrganization, vocab.Organization, vocab.Resolution, vocab.Plan, vocab.Event, vocab.Place} {
		ctx[c[strings.LastIndexAny(c, "/#")+1:]] = short(c)
	}
	return ctx
}

// writeJSONLDCompact writes quads as compacted JSON-LD with the embedded
// context: a "@graph" of named graphs, one per document.
func writeJSONLDCompact(w io.Writer, quads []sortedQuad) error {
	expanded, err := expandedJSONLD(quads)
	if err != nil {
		return err
	}
	opts := ld.NewJsonLdOptions("")
	opts.CompactArrays = true
	doc, err := ld.NewJsonLdProcessor().Compact(expanded, map[string]any{"@context": JSONLDContext()}, opts)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(doc)
}
