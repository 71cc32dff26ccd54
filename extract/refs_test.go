package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The refs stage folds the article's abbreviation definitions, sentence by
// sentence, without writing anything else; relate reads them.
func TestArticleRefs(t *testing.T) {
	g := testGazetteer(t)
	for _, tt := range []struct {
		name string
		text string
		want []abbrevDef
	}{
		{"a known body and its abbreviation", "Bộ Quốc phòng (BQP) tổ chức hội nghị. BQP chủ trì.",
			[]abbrevDef{{0, "BQP", "Bộ Quốc phòng"}}},
		{"a body whose name goes on after its brackets; the initials say what the abbreviation stands for",
			"Ban Chỉ huy Bộ đội Biên phòng (BĐBP) tỉnh Long An tiếp đoàn.",
			[]abbrevDef{{0, "BĐBP", "Bộ đội Biên phòng"}}},
		{"a body the gazetteer does not know, defined in the second sentence",
			"Sáng 5/3, đoàn đến thăm. Lữ đoàn 147 (LĐ147) tổ chức lễ đón.",
			[]abbrevDef{{1, "LĐ147", "Lữ đoàn 147"}}},
		{"a body whose name ends after its brackets; the initials say what the abbreviation stands for",
			"Lực lượng Bộ đội Biên phòng (BĐBP) hai tỉnh tổ chức hội đàm.",
			[]abbrevDef{{0, "BĐBP", "Bộ đội Biên phòng"}}},
		{"a short form with the unit names the province's body",
			"Bộ Chỉ huy Quân sự tỉnh Nghệ An (Bộ CHQS tỉnh) tổ chức hội nghị.",
			[]abbrevDef{{0, "Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh Nghệ An"}}},
		{"no brackets, no definition", "Bộ Quốc phòng tổ chức hội nghị.", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			txt := Normalize(tt.text)
			toks := Tokenize(txt)
			li := g.readLines(txt, toks)
			si := g.sentenceSpans(toks, li)
			r := g.articleRefs(txt, toks, si)
			if diff := cmp.Diff(tt.want, r.abbrevs, cmp.AllowUnexported(abbrevDef{})); diff != "" {
				t.Errorf("definitions (-want +got):\n%s", diff)
			}
		})
	}
	// a definition holds from its own sentence on, the last one winning
	r := &refTable{abbrevs: []abbrevDef{{1, "QK", "Quân khu 4"}, {3, "QK", "Quân khu 5"}}}
	for _, c := range []struct {
		sent int
		want string
	}{{0, ""}, {1, "Quân khu 4"}, {2, "Quân khu 4"}, {3, "Quân khu 5"}, {9, "Quân khu 5"}} {
		if got, _ := r.abbrev("QK", c.sent); got != c.want {
			t.Errorf("QK in sentence %d: %q, want %q", c.sent, got, c.want)
		}
	}
}

// TestSpellsInitials holds which defined abbreviations a post expands: those
// whose letters are the initials of words of their full form.
func TestSpellsInitials(t *testing.T) {
	for _, tt := range []struct {
		full, short string
		want        bool
	}{
		{"Bộ đội Biên phòng", "BĐBP", true},
		{"Ủy ban nhân dân", "UBND", true},            // marks do not count
		{"Quân đội nhân dân Việt Nam", "QĐND", true}, // the first words' initials
		{"Lữ đoàn 147", "LĐ147", true},
		{"Quân ủy Trung ương", "QUTW", true},                     // W writes Ư                           // digits are not compared
		{"Chương trình Phát triển Liên hợp quốc", "UNDP", false}, // an English acronym
		{"Cơ quan Hợp tác quốc tế Hàn Quốc", "KOICA", false},
	} {
		if got := spellsInitials(tt.full, tt.short); got != tt.want {
			t.Errorf("spellsInitials(%q, %q) = %v, want %v", tt.full, tt.short, got, tt.want)
		}
	}
}
