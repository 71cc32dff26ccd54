package extract

import (
	"fmt"
	"io/fs"
	"strings"
)

// eventWordClass is a set of the classes of event_words.tsv.
type eventWordClass uint32

const (
	ewPartOfDay eventWordClass = 1 << iota
	ewTimeLead
	ewPlanned
	ewPurpose
	ewCountUnit
	ewPlaceHead
	ewAdminLevel
	ewWelcome
	ewPlaceEnd
	ewHeldAfter
	ewVisit
	ewArrival
	ewDelegation
	ewInviter
	ewTravel
	ewGenericGuest
	ewSide
	ewNameEnd
	ewRoleList
	ewCall
)

var eventWordClasses = map[string]eventWordClass{
	"part-of-day": ewPartOfDay, "time-lead": ewTimeLead, "planned": ewPlanned,
	"purpose": ewPurpose, "count-unit": ewCountUnit, "place-head": ewPlaceHead, "admin-level": ewAdminLevel, "welcome": ewWelcome, "place-end": ewPlaceEnd, "held-after": ewHeldAfter, "visit": ewVisit, "arrival": ewArrival, "delegation": ewDelegation, "inviter": ewInviter, "travel": ewTravel, "generic-guest": ewGenericGuest, "side": ewSide, "name-end": ewNameEnd, "role-list": ewRoleList, "call": ewCall,
}

// eventWords are the closed-class words of the event rules (event_words.tsv):
// single words by fold key, phrases of several words by their keys joined with
// spaces (the rows' cases are in Gazetteer.RuleRows).
type eventWords struct {
	class   map[string]eventWordClass
	opens   map[string]bool // first words of the phrases of several words
	longest int             // the most words of a phrase
}

// readEventWords loads event_words.tsv into g.
func readEventWords(fsys fs.FS, g *Gazetteer) error {
	g.ew.class, g.ew.opens = map[string]eventWordClass{}, map[string]bool{}
	return readTSVLines(fsys, "event_words.tsv", 4, func(c []string, line int) error {
		cls, ok := eventWordClasses[c[1]]
		if !ok {
			return fmt.Errorf("unknown class %q", c[1])
		}
		keys := phraseKeys(c[0])
		g.ew.class[strings.Join(keys, " ")] |= cls
		g.ew.longest = max(g.ew.longest, len(keys))
		if len(keys) > 1 {
			g.ew.opens[keys[0]] = true
		}
		return g.addRule("event_words.tsv", line, c[0], c[1], c[2], c[3])
	})
}

// evWord reports whether a fold key is a word of a class.
func (g *Gazetteer) evWord(key string, c eventWordClass) bool { return g.ew.class[key]&c != 0 }

// evPhraseAt is the number of tokens of a phrase of class c at toks[i] (0 if
// none); the shortest phrase wins.
func (g *Gazetteer) evPhraseAt(toks []Token, i, end int, c eventWordClass) int {
	if i >= end || toks[i].Kind != Word {
		return 0
	}
	key := toks[i].Key
	if g.ew.class[key]&c != 0 {
		return 1
	}
	if !g.ew.opens[key] {
		return 0
	}
	for n := 2; n <= g.ew.longest && i+n <= end; n++ {
		t := toks[i+n-1]
		if t.Kind != Word {
			return 0
		}
		key += " " + t.Key
		if g.ew.class[key]&c != 0 {
			return n
		}
	}
	return 0
}
