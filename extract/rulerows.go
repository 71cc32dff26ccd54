package extract

import "fmt"

// RuleRow is a gazetteer row with its own test case, one format for every file
// that carries cases (data/gazetteer/README.md, "Rows with their own cases"):
// an example in the register of real news, with the spans it must give marked
// [[…|KIND]] (optional), and what it must give, items joined by "|". The items
// are "person N", "no person N", "rank N = R", "position N = P", "org O",
// "chrome LINE" and, for events, "event KIND" (the items after it are about the
// last event of that kind), "events N", "chair N", "attend N", "speak N",
// "organizer O", "date YYYY-MM-DD", "location P", "name N". TestRuleRows runs
// every row: its example must give all that with the row, and the row must fire
// there (for the trigger and verb lists, it is what the recognizer matches; for
// every other file, the example must not give the facts without the row). A
// row its own case does not need is a dead rule and fails the test.
type RuleRow struct {
	File    string // the data file
	Line    int    // the row's line in it
	Phrase  string // the row's first cell: the word, phrase or name it lists
	Value   string // what the row gives the phrase, where the file says (an event kind, a role, a word class); "" otherwise
	Example string
	Expect  string
}

// addRule records a row's case from its example and expect cells; a row
// without them has none. Half a case is an error.
func (g *Gazetteer) addRule(file string, line int, phrase, value, example, expect string) error {
	if example == "" && expect == "" {
		return nil
	}
	if example == "" || expect == "" {
		return fmt.Errorf("a case needs both an example and what it must give")
	}
	g.RuleRows = append(g.RuleRows, RuleRow{File: file, Line: line, Phrase: phrase, Value: value, Example: example, Expect: expect})
	return nil
}
