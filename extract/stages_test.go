package extract

import (
	"strings"
	"testing"
)

func TestCheckStages(t *testing.T) {
	run := func(*stageInput) any { return nil }
	for _, tt := range []struct {
		name   string
		stages []*stage
		err    string // "" when the list is good
	}{
		{"the pipeline", pipeline, ""},
		{"in order", []*stage{{Name: "a", Run: run}, {Name: "b", Requires: []string{"a"}, Run: run}}, ""},
		{"requires a later stage", []*stage{{Name: "b", Requires: []string{"a"}, Run: run}, {Name: "a", Run: run}},
			`stage "b" requires "a", which does not run before it`},
		{"requires an unknown stage", []*stage{{Name: "a", Requires: []string{"nobody"}, Run: run}},
			`stage "a" requires "nobody"`},
		{"requires itself", []*stage{{Name: "a", Requires: []string{"a"}, Run: run}}, `stage "a" requires "a"`},
		{"declared twice", []*stage{{Name: "a", Run: run}, {Name: "a", Run: run}}, `stage "a" is declared twice`},
		{"no Run", []*stage{{Name: "a"}}, `stage "a" has no Run`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := checkStages(tt.stages)
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("error %v, want one saying %q", err, tt.err)
			}
		})
	}
}

// A stage reads only the results it declared.
func TestResultOfUndeclared(t *testing.T) {
	in := &stageInput{stage: &stage{Name: "emit", Requires: []string{"relate"}}, res: make([]any, len(pipeline))}
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(r.(string), `stage "emit" reads "tokenize", which it does not require`) {
			t.Fatalf("recovered %v", r)
		}
	}()
	resultOf[[]Token](in, "tokenize")
}

// Each stage's result is a new value: running the pipeline leaves the earlier
// stages' results as they were (the spans stage's spans are not those relate
// rewrites with the article's abbreviations).
func TestStagesDoNotWriteEarlierResults(t *testing.T) {
	g := testGazetteer(t)
	x := &Extractor{gaz: g}
	doc := Document{ID: "t", Text: "Bộ đội Biên phòng (BĐBP) tỉnh An Giang tiếp đoàn. Đại tá Nguyễn Văn A, Chỉ huy trưởng BĐBP tỉnh, chủ trì."}
	res := x.runStages(doc, "refs")
	si := res[stageIndex["spans"]].(*spanInfo)
	before := make([][]Chunk, len(si.spans))
	for i, sp := range si.spans {
		before[i] = append([]Chunk(nil), sp...)
	}
	in := &stageInput{x: x, doc: doc, res: res}
	for _, s := range pipeline[stageIndex["relate"]:] {
		in.stage = s
		res[stageIndex[s.Name]] = s.Run(in)
	}
	for i := range si.spans {
		if len(before[i]) != len(si.spans[i]) {
			t.Fatalf("sentence %d: spans changed after the spans stage", i)
		}
		for k := range before[i] {
			if before[i][k] != si.spans[i][k] {
				t.Fatalf("sentence %d span %d: %+v became %+v", i, k, before[i][k], si.spans[i][k])
			}
		}
	}
	if f := res[stageIndex["relate"]].(*related).facts; len(f.Persons) != 1 {
		t.Fatalf("persons %+v", f.Persons)
	}
}
