package extract

import "strings"

// Facts is what the relate stage finds in one article, before it becomes quads.
// Names are canonical (NFC, old tone placement, proper case); every entity is
// listed once, in order of first mention.
type Facts struct {
	Persons     []*PersonFact
	Orgs        []*OrgFact
	Resolutions []*ResolutionFact
	Plans       []*PlanFact
	Events      []*EventFact
	Authors     []string
	Publisher   string
	Headline    string // the article's title line, when the text opens with one

	cites map[citeKey]cite // where each statement is made
	marks []mark           // the mentions of entities, in reading order
}

// PersonFact is a person as one article presents them.
type PersonFact struct {
	Name        string
	Aliases     []string
	Rank        string
	Positions   []PositionFact
	Foreign     bool
	Nationality string // a country's Vietnamese name, for foreign persons
	Start, End  int    // offsets of the first mention in Text.Norm
}

// PositionFact is a post: the whole title as written (abbreviations expanded),
// its title word and its body.
type PositionFact struct {
	Name  string
	Title string
	Org   string // canonical name, "" if none
}

// OrgFact is a body named in the article.
type OrgFact struct {
	Name    string
	Gov     bool
	Parent  string
	Aliases []string // other spellings and abbreviations as written
}

// ResolutionFact is a resolution (Nghị quyết).
type ResolutionFact struct {
	Name       string
	Identifier string
	Issuer     string
	Aliases    []string
	Subject    string

	number         string
	issuerFromCode bool
}

// PlanFact is a plan (Đề án).
type PlanFact struct {
	Name string
}

// EventFact is a meeting, visit or ceremony.
type EventFact struct {
	Name      string // as written, or "" when the text gives none
	Kind      string
	Date      Date
	Location  string
	Organizer string
	Period    string
	Chairs    []*PersonFact
	Attendees []*PersonFact
	Speakers  []*PersonFact
	About     []string // names of resolutions and plans
	named     bool
}

// appendUnique adds s unless the list has it already, in any case.
func appendUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}

func appendPerson(list []*PersonFact, p *PersonFact) []*PersonFact {
	for _, x := range list {
		if x == p {
			return list
		}
	}
	return append(list, p)
}
