package extract

// RuleRow is one row of an event word list (event_kinds.tsv, verbs.tsv) with
// its inline test case: an example sentence in which the row fires and the
// facts it must give there. The tests run every row's example (a row without
// one, or one whose example does not match the row, is an error).
type RuleRow struct {
	File    string // the data file
	Phrase  string // the trigger or verb phrase
	Value   string // the event kind or the role
	Example string // a sentence or two in which the row fires
	Expect  string // what the example gives: see checkExpect
}
