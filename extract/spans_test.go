package extract

import (
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vnkg/vnkg/data"
)

var (
	gazOnce sync.Once
	gaz     *Gazetteer
	gazErr  error
)

func testGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	gazOnce.Do(func() { gaz, gazErr = LoadGazetteer(data.GazetteerFS()) })
	if gazErr != nil {
		t.Fatal(gazErr)
	}
	return gaz
}

var markRe = regexp.MustCompile(`\[\[([^|\]]+)\|([A-Z]+)\]\]`)

// unmark strips [[text|KIND]] marks, returning the plain text and the marked
// spans as "KIND:text" in order.
func unmark(s string) (string, []string) {
	var want []string
	plain := markRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := markRe.FindStringSubmatch(m)
		want = append(want, sub[2]+":"+sub[1])
		return sub[1]
	})
	return plain, want
}

// TestScanSpans checks the span finder on marked text. Only the kinds that are
// marked somewhere in a case are compared, so each case speaks of what it marks.
func TestScanSpans(t *testing.T) {
	g := testGazetteer(t)
	tests := []string{
		"[[Đại tướng|RANK]] [[Phùng Quang Thanh|NAME]], [[Bộ trưởng|TITLE]] [[Bộ Quốc phòng|ORG]] [[chủ trì|VERB]] [[hội nghị|EVENT]].",
		"[[Thượng tướng|RANK]] [[Nguyễn Chí Vịnh|NAME]] - [[Thứ trưởng|TITLE]] [[BQP|ORG]] [[phát biểu|VERB]]",
		"[[Trưởng|TITLE]] [[Ban Đối ngoại Trung ương|ORG]] [[Hoàng Bình Quân|NAME]] [[dự|VERB]] [[Hội nghị|EVENT]]",
		"[[Phó Đô đốc|RANK]] [[Trần Thanh Nghiêm|NAME]], [[Tư lệnh|TITLE]] [[Quân chủng Hải quân|ORG]]",
		"[[Thiếu uý|RANK]] [[Lê Văn An|NAME]]",
		"[[Sáng 27-7|DATE]], tại Hà Nội, [[Nghị quyết 806-NQ/QUTW|RESOLUTION]] và [[Nghị quyết số 22-NQ/TW|RESOLUTION]]",
		"[[Bộ trưởng|TITLE]] [[Bộ Quốc phòng Lào|ORG]] [[Chansamone Chanyalath|NAME]] [[hội đàm|EVENT]] với [[Đại tướng|RANK]] [[Phan Văn Giang|NAME]]",
		"[[ông|HONORIFIC]] [[Austin|NAME]] [[cho biết|VERB]]",
		"Quân đội sẽ [[tiếp tục|OTHER]] hợp tác và [[dự báo|OTHER]] chiến lược",
		// a mission names where it sits (located.txt); other bodies do not
		"đại diện [[Đại sứ quán Hàn Quốc tại Việt Nam|ORG]] dự lễ",
		"cán bộ [[Tổng Lãnh sự quán Việt Nam tại Khon Kaen|ORG]] đón đoàn",
		"[[Đại sứ quán Liên bang Nga tại Việt Nam|ORG]], [[Thượng tá|RANK]] [[Ivan Petrov|NAME]]",
		"[[Bộ Quốc phòng|ORG]] tại Hà Nội",
		// a local body's head and a unit alone is a body; a name of three
		// syllables after a unit or a head alone is a person's, no place's
		"[[Phó Chủ tịch|TITLE]] [[UBND tỉnh|ORG]] [[Lê Văn Nam|NAME]] và các đại biểu",
		"[[Chủ tịch|TITLE]] [[HĐND tỉnh|ORG]] [[phát biểu|VERB]]",
		"[[Bí thư|TITLE]] [[Tỉnh ủy|ORG]] [[Hà Văn Tâm|NAME]] dự lễ",
		"[[Chủ tịch|TITLE]] [[UBND tỉnh Hà Giang|ORG]] dự lễ",
		// a post's body whose lower-case words lead to a unit and its place
		"[[Trạm trưởng|TITLE]] [[Trạm Liên lạc biên giới khu vực Hoành Mô|ORG]] [[phát biểu|VERB]]",
		// a body named by what it does runs on in lower case to a unit alone
		"[[Trưởng ban|TITLE]] [[Ban Chỉ đạo phòng chống thiên tai tỉnh|ORG]] [[phát biểu|VERB]]",
		// a count of countries after a known body is no part of its name
		"Đại diện [[Bộ Quốc phòng|ORG]] ba nước Việt Nam - Lào - Campuchia ký biên bản",
	}
	for _, tc := range tests {
		plain, want := unmark(tc)
		t.Run(plain, func(t *testing.T) {
			kinds := map[string]bool{}
			for _, w := range want {
				kinds[strings.SplitN(w, ":", 2)[0]] = true
			}
			txt := Normalize(plain)
			toks := Tokenize(txt)
			var got []string
			for _, sp := range g.scanSpans(toks, sentence{0, len(toks)}) {
				k := sp.Kind.String()
				if !kinds[k] || sp.Kind == SpanOther && sp.T1-sp.T0 < 2 {
					continue
				}
				if txt.Norm[sp.Start:sp.End] != txt.Norm[toks[sp.T0].Start:toks[sp.T1-1].End] {
					t.Errorf("span %v: byte offsets disagree with its tokens", sp)
				}
				got = append(got, k+":"+txt.Norm[sp.Start:sp.End])
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("spans mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTypedSpans: the spans stage gives each span its typed value (the
// gazetteer's rank, title, body and country, a date, a code, a lone head),
// with no sentinel in Value.
func TestTypedSpans(t *testing.T) {
	g := testGazetteer(t)
	txt := Normalize("Sáng 27-7, Thượng tướng Nguyễn Chí Vịnh, Phó Bí thư Đảng ủy, Thứ trưởng Bộ Quốc phòng Lào, dự Hội nghị về Nghị quyết 806-NQ/QUTW.")
	toks := Tokenize(txt)
	g.intern(toks)
	got := map[SpanKind][]string{}
	for _, sp := range g.scanSpans(toks, sentence{0, len(toks)}) {
		if strings.ContainsRune(sp.Value, 0) {
			t.Errorf("span %q: a sentinel value %q", txt.Norm[sp.Start:sp.End], sp.Value)
		}
		var v string
		switch sp.Kind {
		case SpanRank:
			if r := sp.Rank(); r != nil {
				v = r.Name
			}
		case SpanTitle:
			if tt := sp.Title(); tt != nil {
				v = tt.Name
			}
		case SpanOrg:
			switch {
			case sp.LoneHead():
				v = "lone head"
			case sp.Body() != nil:
				v = sp.Body().Name
			}
		case SpanCountry:
			if c := sp.Country(); c != nil {
				v = c.Name
			}
		case SpanDate:
			if d, ok := sp.When(); ok {
				v = d.String()
			}
		case SpanResolution:
			if c, ok := sp.Code(); ok {
				v = string(c)
			}
		default:
			continue
		}
		got[sp.Kind] = append(got[sp.Kind], txt.Norm[sp.Start:sp.End]+" = "+v)
	}
	want := map[SpanKind][]string{
		SpanDate:       {"Sáng 27-7 = --07-27"},
		SpanRank:       {"Thượng tướng = Thượng tướng"},
		SpanTitle:      {"Phó Bí thư = Phó Bí thư", "Thứ trưởng = Thứ trưởng"},
		SpanOrg:        {"Đảng ủy = lone head", "Bộ Quốc phòng Lào = Bộ Quốc phòng Lào"},
		SpanResolution: {"Nghị quyết 806-NQ/QUTW = 806-NQ/QUTW"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("typed spans (-want +got):\n%s", diff)
	}
}
