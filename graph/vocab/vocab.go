// Package vocab is the graph's vocabulary: the namespaces, classes and predicates
// of ONTOLOGY.md, the minting of entity IRIs, and a plain quad value that the
// extractor can build without knowing the store.
//
// It imports nothing of Cayley, so the extractor may depend on it while the store
// (package graph) converts these quads to Cayley's.
package vocab

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Namespaces.
const (
	RDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	XSD    = "http://www.w3.org/2001/XMLSchema#"
	Schema = "https://schema.org/"
	NS     = "https://w3id.org/vnkg/ns#"
	ID     = "https://w3id.org/vnkg/id/"
)

// Classes.
const (
	NewsArticle            = Schema + "NewsArticle"
	Person                 = Schema + "Person"
	MilitaryRank           = NS + "MilitaryRank"
	Position               = NS + "Position"
	GovernmentOrganization = Schema + "GovernmentOrganization"
	Organization           = Schema + "Organization"
	Resolution             = NS + "Resolution"
	Plan                   = NS + "Plan"
	Event                  = Schema + "Event"
	Place                  = Schema + "Place"
)

// Predicates.
const (
	Type                  = RDF + "type"
	Name                  = Schema + "name"
	AlternateName         = Schema + "alternateName"
	DatePublished         = Schema + "datePublished"
	Publisher             = Schema + "publisher"
	Author                = Schema + "author"
	About                 = Schema + "about"
	URL                   = Schema + "url"
	ArticleBody           = Schema + "articleBody" // the article's text, stored by vnkg build for evidence (docs/evidence.md)
	SourceFile            = NS + "sourceFile"
	Rank                  = NS + "rank"
	HoldsPosition         = NS + "holdsPosition"
	Nationality           = NS + "nationality"
	EnglishName           = NS + "englishName"
	Seniority             = NS + "seniority"
	Branch                = NS + "branch"
	Title                 = NS + "title"
	OrganizationOf        = NS + "organization"
	ParentOrganization    = Schema + "parentOrganization"
	LegislationIdentifier = Schema + "legislationIdentifier"
	LegislationPassedBy   = Schema + "legislationPassedBy"
	EventKind             = NS + "eventKind"
	StartDate             = Schema + "startDate"
	Location              = Schema + "location"
	Organizer             = Schema + "organizer"
	Chair                 = NS + "chair"
	Attendee              = Schema + "attendee"
	Speaker               = NS + "speaker"
	Period                = NS + "period"
	XSDDate               = XSD + "date"
	XSDGMonthDay          = XSD + "gMonthDay"
	XSDInteger            = XSD + "integer"
	GazetteerLabel        = ID + "doc/gazetteer"
)

// Entity kinds, the {kind} segment of an entity IRI.
const (
	KindPerson     = "person"
	KindRank       = "rank"
	KindPosition   = "position"
	KindOrg        = "org"
	KindResolution = "resolution"
	KindPlan       = "plan"
	KindEvent      = "event"
	KindPlace      = "place"
	KindDoc        = "doc"
)

// Predicates lists every predicate of the vocabulary, for completion and checks.
var Predicates = []string{
	Type, Name, AlternateName, DatePublished, Publisher, Author, About, URL, ArticleBody, SourceFile,
	Rank, HoldsPosition, Nationality, EnglishName, Seniority, Branch, Title,
	OrganizationOf, ParentOrganization, LegislationIdentifier, LegislationPassedBy,
	EventKind, StartDate, Location, Organizer, Chair, Attendee, Speaker, Period,
}

// Key turns a canonical name into the {key} of an entity IRI: NFC, lower case,
// runs of spaces and punctuation folded to one "-", letters of every script kept.
// Callers pass names already canonical for their language (tone placement and
// the like); Key does only what is language-neutral.
func Key(name string) string {
	name = norm.NFC.String(name)
	b := make([]byte, 0, len(name))
	dash := false
	for i := 0; i < len(name); {
		// ASCII, most of a name, without unicode's tables
		if c := name[i]; c < utf8.RuneSelf {
			i++
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' {
				if dash && len(b) > 0 {
					b = append(b, '-')
				}
				dash = false
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b = append(b, c)
			} else {
				dash = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(name[i:])
		i += n
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if dash && len(b) > 0 {
				b = append(b, '-')
			}
			dash = false
			b = utf8.AppendRune(b, unicode.ToLower(r))
		} else {
			dash = true
		}
	}
	return escapeIRI(string(b))
}

// escapeIRI percent-encodes what IRI syntax forbids in a path segment. Key leaves
// only letters, digits, marks and "-", so this is a guard for odd letters
// (private-use and the like) rather than a common path.
func escapeIRI(s string) string {
	ok := true
	for _, r := range s {
		if !iriChar(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if iriChar(r) {
			b.WriteRune(r)
			continue
		}
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		for _, c := range buf[:n] {
			b.WriteString("%")
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
		}
	}
	return b.String()
}

// iriChar reports whether r may stand unescaped in an IRI path (RFC 3987 ucschar
// or iunreserved).
func iriChar(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r == '-' || r == '.' || r == '_' || r == '~'
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFEF:
		return true
	case r >= 0x10000 && r <= 0xEFFFD && r&0xFFFE != 0xFFFE:
		return true
	}
	return false
}

// EntityIRI is the IRI of an entity of the given kind and canonical name.
func EntityIRI(kind, name string) string {
	return ID + kind + "/" + Key(name)
}

// DocIRI is the IRI of a document; it is also the label of every quad that the
// document states. The id is kept as given (file name or JSON Lines id), only
// escaped where IRI syntax requires.
func DocIRI(id string) string {
	return ID + KindDoc + "/" + escapeIRI(norm.NFC.String(id))
}
