package extract

import (
	"fmt"
	"io/fs"
	"strings"
)

// eventWordClass is a set of the classes of event_words.tsv.
type eventWordClass uint64

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
	ewAgentVerb
	ewDescribedPlace
	ewAspect
	ewProgramme
	ewCeremony
	ewCeremonyAct
	ewHand
	ewReviewAct
	ewFieldAct
	ewWitness
	ewPartWord
	ewVisitEnd
	ewAddress
	ewNumeral
	ewWithin
	ewReview
	ewReviewLink
	ewVagueLead
	ewVagueUnit
	ewVaguePast
	ewOccasion
	ewAgo
	ewDuty
)

var eventWordClasses = map[string]eventWordClass{
	"part-of-day": ewPartOfDay, "time-lead": ewTimeLead, "planned": ewPlanned,
	"purpose": ewPurpose, "count-unit": ewCountUnit, "place-head": ewPlaceHead, "admin-level": ewAdminLevel, "welcome": ewWelcome, "place-end": ewPlaceEnd, "held-after": ewHeldAfter, "visit": ewVisit, "arrival": ewArrival, "delegation": ewDelegation, "inviter": ewInviter, "travel": ewTravel, "generic-guest": ewGenericGuest, "side": ewSide, "name-end": ewNameEnd, "role-list": ewRoleList, "call": ewCall, "agent-verb": ewAgentVerb, "described-place": ewDescribedPlace, "aspect": ewAspect, "programme": ewProgramme,
	"ceremony": ewCeremony, "ceremony-act": ewCeremonyAct, "hand": ewHand, "review-act": ewReviewAct, "field-act": ewFieldAct, "witness": ewWitness, "part-word": ewPartWord, "visit-end": ewVisitEnd,
	"address": ewAddress, "numeral": ewNumeral, "within": ewWithin, "review": ewReview, "review-link": ewReviewLink, "vague-lead": ewVagueLead, "vague-unit": ewVagueUnit, "vague-past": ewVaguePast, "occasion": ewOccasion, "ago": ewAgo, "duty": ewDuty,
}

// eventWords are the closed-class words of the event rules (event_words.tsv):
// single words by fold key, phrases of several words by their keys joined with
// spaces (the rows' cases are in Gazetteer.RuleRows).
type eventWords struct {
	class   map[string]eventWordClass
	opens   map[string]bool // first words of the phrases of several words
	longest int             // the most words of a phrase
	// by key number (Gazetteer.keys), once the gazetteer is loaded: the classes
	// of single words and the first words of phrases, which evPhraseAt reads
	// for a token without a string lookup
	classByID []eventWordClass
	opensByID []bool
}

// number gives the single words and the first words of phrases their key
// numbers, while the gazetteer loads.
func (ew *eventWords) number(keys *keyIDs) {
	for k := range ew.class {
		if !strings.Contains(k, " ") {
			keys.id(k, true)
		}
	}
	for k := range ew.opens {
		keys.id(k, true)
	}
}

// index fills classByID and opensByID, once every key has its number.
func (ew *eventWords) index(keys *keyIDs) {
	ew.classByID = make([]eventWordClass, len(keys.ids)+1)
	ew.opensByID = make([]bool, len(keys.ids)+1)
	for k, c := range ew.class {
		if id := keys.id(k, false); id > 0 {
			ew.classByID[id] |= c
		}
	}
	for k := range ew.opens {
		ew.opensByID[keys.id(k, false)] = true
	}
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
	if g.ew.classByID != nil {
		// the token's key number: 0 for a word no list holds, which is no
		// event word and opens no phrase
		id := g.keys.tokenID(&toks[i])
		if id == 0 || int(id) >= len(g.ew.classByID) {
			return 0
		}
		if g.ew.classByID[id]&c != 0 {
			return 1
		}
		if !g.ew.opensByID[id] {
			return 0
		}
	} else if g.ew.class[key]&c != 0 {
		return 1
	} else if !g.ew.opens[key] {
		return 0
	}
	// the phrase's key grows in one buffer (on the stack for most phrases);
	// the map lookup by string(buf) does not copy it
	var room [96]byte
	buf := append(room[:0], key...)
	for n := 2; n <= g.ew.longest && i+n <= end; n++ {
		t := &toks[i+n-1]
		if t.Kind != Word {
			return 0
		}
		buf = append(append(buf, ' '), t.Key...)
		if g.ew.class[string(buf)]&c != 0 {
			return n
		}
	}
	return 0
}
