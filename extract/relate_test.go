package extract

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// summary renders facts compactly for table tests: one line per person, event,
// resolution and body.
func summary(f *Facts) []string {
	var out []string
	for _, p := range f.Persons {
		var pos []string
		for _, ps := range p.Positions {
			pos = append(pos, ps.Name)
		}
		line := "PERSON " + p.Name + " | " + p.Rank + " | " + strings.Join(pos, "; ")
		if len(p.Aliases) > 0 {
			line += " | aka " + strings.Join(p.Aliases, "; ")
		}
		if p.Nationality != "" {
			line += " | " + p.Nationality
		}
		out = append(out, line)
	}
	names := func(ps []*PersonFact) string {
		var s []string
		for _, p := range ps {
			s = append(s, p.Name)
		}
		sort.Strings(s)
		return strings.Join(s, ", ")
	}
	for _, e := range f.Events {
		date := ""
		if !e.Date.IsZero() {
			date = e.Date.String()
		}
		out = append(out, "EVENT "+e.Kind+" | "+date+" | "+e.Location+" | "+e.Organizer+
			" | chair "+names(e.Chairs)+" | attend "+names(e.Attendees)+" | speak "+names(e.Speakers)+
			" | about "+strings.Join(e.About, "; "))
	}
	for _, r := range f.Resolutions {
		out = append(out, "RESOLUTION "+r.Name+" | "+r.Identifier+" | "+r.Issuer+" | aka "+strings.Join(r.Aliases, "; "))
	}
	return out
}

func TestRelate(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		name, published, text string
		want                  []string
	}{
		{
			name: "stacked titles before, appositives after, list with và",
			text: "Ngày 8/1, tại Hà Nội, Bộ Quốc phòng tổ chức Hội nghị tổng kết công tác đối ngoại quốc phòng. " +
				"Phó Thủ tướng Chính phủ, Bộ trưởng Bộ Ngoại giao Phạm Bình Minh; Bộ trưởng Bộ Quốc phòng, Đại tướng Phùng Quang Thanh và " +
				"Trưởng Ban Đối ngoại Trung ương Hoàng Bình Quân dự Hội nghị. Phó Thủ tướng Phạm Bình Minh nhấn mạnh vai trò của đối ngoại.",
			want: []string{
				"PERSON Phạm Bình Minh |  | Phó Thủ tướng Chính phủ; Bộ trưởng Bộ Ngoại giao | aka Phó Thủ tướng Phạm Bình Minh",
				"PERSON Phùng Quang Thanh | Đại tướng | Bộ trưởng Bộ Quốc phòng",
				"PERSON Hoàng Bình Quân |  | Trưởng Ban Đối ngoại Trung ương",
				"EVENT hội nghị | --01-08 | Hà Nội | Bộ Quốc phòng | chair  | attend Hoàng Bình Quân, Phùng Quang Thanh, Phạm Bình Minh | speak Phạm Bình Minh | about ",
			},
		},
		{
			name:      "dash-separated title, chair, short reference, published year",
			published: "2017-07-28",
			text: "Sáng 27-7, tại Trụ sở Bộ Quốc phòng đã diễn ra Hội nghị giao ban công tác đối ngoại. " +
				"Thượng tướng Nguyễn Chí Vịnh – Thứ trưởng Bộ Quốc phòng chủ trì hội nghị. Phát biểu kết luận, Thượng tướng Vịnh đề nghị tăng cường hợp tác.",
			want: []string{
				"PERSON Nguyễn Chí Vịnh | Thượng tướng | Thứ trưởng Bộ Quốc phòng | aka Thượng tướng Vịnh",
				"EVENT hội nghị | 2017-07-27 | Trụ sở Bộ Quốc phòng |  | chair Nguyễn Chí Vịnh | attend  | speak Nguyễn Chí Vịnh | about ",
			},
		},
		{
			name: "resolution with short form, reviewed by the event",
			text: "Ngày 17/8, Quân ủy Trung ương tổ chức Hội nghị sơ kết 2 năm triển khai Nghị quyết 806-NQ/QUTW của Quân ủy Trung ương về hội nhập quốc tế. " +
				"Việc thực hiện Nghị quyết 806 đạt kết quả tốt.",
			want: []string{
				"EVENT hội nghị | --08-17 |  | Quân ủy Trung ương | chair  | attend  | speak  | about Nghị quyết 806-NQ/QUTW",
				"RESOLUTION Nghị quyết 806-NQ/QUTW | 806-NQ/QUTW | Quân ủy Trung ương | aka Nghị quyết 806",
			},
		},
		{
			name: "reception: host chairs, guest attends",
			text: "Chiều 12/5, tại Hà Nội, Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng đã tiếp Đại sứ Nhật Bản tại Việt Nam Yamada Takio. " +
				"Đại sứ Yamada Takio cảm ơn sự đón tiếp.",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | Bộ trưởng Bộ Quốc phòng",
				"PERSON Yamada Takio |  | Đại sứ Nhật Bản tại Việt Nam | aka Đại sứ Yamada Takio | Nhật Bản",
				"EVENT tiếp xã giao | --05-12 | Hà Nội |  | chair Phan Văn Giang | attend Yamada Takio | speak Yamada Takio | about ",
			},
		},
		{
			name: "no event: a person mentioned without any meeting",
			text: "Theo Đại tướng Phan Văn Giang, hợp tác quốc phòng là trụ cột của quan hệ hai nước.",
			want: []string{"PERSON Phan Văn Giang | Đại tướng | "},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := Normalize(tt.text)
			f, _ := g.relate(Document{ID: "t", Text: tt.text, Published: tt.published}, txt, Tokenize(txt))
			if diff := cmp.Diff(tt.want, summary(f)); diff != "" {
				t.Errorf("facts mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRelateVariants(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{
			name: "lower-case rank and title, dash",
			text: "Sáng 9/10, đại tướng Phan Văn Giang - bộ trưởng Bộ Quốc phòng chủ trì Hội nghị quân chính toàn quân.",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | Bộ trưởng Bộ Quốc phòng",
				"EVENT hội nghị | --10-09 |  |  | chair Phan Văn Giang | attend  | speak  | about ",
			},
		},
		{
			name: "initial in a foreign name, title in brackets",
			text: "Ngày 5/6, Bộ trưởng Quốc phòng Mỹ Lloyd J. Austin hội đàm với Trung tướng Nguyễn Văn Nam (Tư lệnh Quân khu 7).",
			want: []string{
				"PERSON Lloyd J. Austin |  | Bộ trưởng Quốc phòng Mỹ | Mỹ",
				"PERSON Nguyễn Văn Nam | Trung tướng | Tư lệnh Quân khu 7",
				"EVENT hội đàm | --06-05 |  |  | chair  | attend Lloyd J. Austin, Nguyễn Văn Nam | speak  | about ",
			},
		},
		{
			name: "academic title between rank and name; shared title over a list",
			text: "Dự hội nghị có Thiếu tướng, PGS.TS Trần Văn Bình; các đồng chí Phó Tư lệnh Quân khu 4: Thiếu tướng Lê Văn Hải, Đại tá Võ Văn Nam.",
			want: []string{
				"PERSON Trần Văn Bình | Thiếu tướng | ",
				"PERSON Lê Văn Hải | Thiếu tướng | Phó Tư lệnh Quân khu 4",
				"PERSON Võ Văn Nam | Đại tá | Phó Tư lệnh Quân khu 4",
				"EVENT hội nghị |  |  |  | chair  | attend Lê Văn Hải, Trần Văn Bình, Võ Văn Nam | speak  | about ",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := Normalize(tt.text)
			f, _ := g.relate(Document{ID: "t", Text: tt.text}, txt, Tokenize(txt))
			if diff := cmp.Diff(tt.want, summary(f)); diff != "" {
				t.Errorf("facts mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRelateBodies(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		name, text string
		want       []string // names of the bodies found, in order
	}{
		{"provinces", "Dự có lãnh đạo Bộ Chỉ huy Quân sự các tỉnh An Giang, Kiên Giang và Cà Mau.", []string{"Bộ Chỉ huy Quân sự tỉnh An Giang", "Bộ Chỉ huy Quân sự tỉnh Kiên Giang", "Bộ Chỉ huy Quân sự tỉnh Cà Mau"}},
		{"numbered list", "Đại diện các quân khu 1, 2, 4 và 9 dự hội nghị.", []string{"Quân khu 1", "Quân khu 2", "Quân khu 4", "Quân khu 9"}},
		{"shared suffix", "Thay mặt Đảng ủy, Bộ Tư lệnh Quân khu 4, đồng chí cảm ơn.", []string{"Đảng ủy Quân khu 4", "Bộ Tư lệnh Quân khu 4"}},
		{"abbreviation inside the name", "Bộ đội Biên phòng (BĐBP) tỉnh An Giang tổ chức tuần tra.", []string{"Bộ đội Biên phòng", "Bộ đội Biên phòng tỉnh An Giang"}},
		{"foreign army's body", "Cục Tác chiến, đơn vị trực thuộc Bộ Tổng Tham mưu Quân đội nhân dân Lào.", []string{"Cục Tác chiến", "Bộ Tổng Tham mưu Quân đội nhân dân Lào", "Quân đội nhân dân Lào"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := Normalize(tt.text)
			f, _ := g.relate(Document{ID: "t", Text: tt.text}, txt, Tokenize(txt))
			var got []string
			for _, o := range f.Orgs {
				got = append(got, o.Name)
			}
			for _, w := range tt.want {
				found := false
				for _, g := range got {
					found = found || g == w
				}
				if !found {
					t.Errorf("no body %q among %q", w, got)
				}
			}
		})
	}
}

func TestDiagnostics(t *testing.T) {
	g := testGazetteer(t)
	src := "Ngày 31/2, Đại tướng Lịch phát biểu tại hội nghị."
	txt := Normalize(src)
	_, diags := g.relate(Document{ID: "t", Text: src}, txt, Tokenize(txt))
	var got []string
	for _, d := range diags {
		got = append(got, d.Rule+": "+d.Message+" @"+src[d.Start:d.End])
	}
	want := []string{
		`bad-dates: "Ngày 31/2" is not a date @Ngày 31/2`,
		`people: short reference "Đại tướng Lịch" names no one the article named before @Lịch`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
	}
}

func TestRelateDates(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct{ text, published, want string }{
		{"Sáng 27-7, tại Hà Nội đã diễn ra Hội nghị giao ban 6 tháng đầu năm 2017.", "", "2017-07-27"},
		{"Ngày 8/1, Bộ Quốc phòng tổ chức Hội nghị tổng kết công tác năm 2023.", "", "--01-08"},
		{"Ngày 8/1, Bộ Quốc phòng tổ chức Hội nghị tổng kết công tác năm 2023.", "2024-01-09", "2024-01-08"},
		{"Ngày 17/8, tại Hà Nội, Bộ Quốc phòng tổ chức Hội nghị triển khai nhiệm vụ đến năm 2020.", "", "--08-17"},
	}
	for _, tt := range tests {
		txt := Normalize(tt.text)
		f, _ := g.relate(Document{ID: "t", Text: tt.text, Published: tt.published}, txt, Tokenize(txt))
		if len(f.Events) != 1 || f.Events[0].Date.String() != tt.want {
			t.Errorf("%q (published %q): events %v, want one dated %s", tt.text, tt.published, summary(f), tt.want)
		}
	}
}

func TestPassesDeclared(t *testing.T) {
	if err := checkPasses(append(sentencePasses, evidencePass)); err != nil {
		t.Fatal(err)
	}
	for _, p := range append(sentencePasses, evidencePass) {
		if p.Doc == "" || p.Run == nil && p.Find == nil {
			t.Errorf("pass %q lacks its doc or its run", p.Name)
		}
	}
	// the check catches a pass moved before what it reads, a name used twice,
	// and a pass with no run or with both kinds
	run := func(*analysis, *sentState) {}
	find := func(*analysis, *sentState) passFacts { return passFacts{} }
	bad := []pass{{Name: "people", Requires: []string{"bodies"}, Run: run}, {Name: "bodies", Find: find}}
	if err := checkPasses(bad); err == nil || !strings.Contains(err.Error(), `"people" requires "bodies"`) {
		t.Errorf("out-of-order passes: got %v", err)
	}
	if err := checkPasses([]pass{{Name: "x", Run: run}, {Name: "x", Run: run}}); err == nil {
		t.Error("a pass declared twice passes the check")
	}
	for _, p := range []pass{{Name: "x"}, {Name: "x", Run: run, Find: find}} {
		if err := checkPasses([]pass{p}); err == nil || !strings.Contains(err.Error(), "either Find or Run") {
			t.Errorf("a pass with Run %v and Find %v: got %v", p.Run != nil, p.Find != nil, err)
		}
	}
}

// TestFrames runs each frame's example: the events of its kind must give
// the roles the row expects, and with any one of the row's "yes" columns
// turned off it must not: a frame the example does not need never fires.
func TestFrames(t *testing.T) {
	g := testGazetteer(t)
	if len(g.Frames) == 0 {
		t.Fatal("no frames loaded")
	}
	holds := func(g *Gazetteer, f *Frame) (bool, []string) {
		txt := Normalize(f.Example)
		facts, _ := g.relate(Document{ID: "t", Text: f.Example, Published: "2024-08-10"}, txt, Tokenize(txt))
		// the roles of the kind's events together: an example may tell of two
		// meetings of the kind, one for each column it needs
		roles := map[string][]*PersonFact{}
		for _, e := range facts.Events {
			if e.Kind == f.Kind {
				roles["chair"] = append(roles["chair"], e.Chairs...)
				roles["attend"] = append(roles["attend"], e.Attendees...)
				roles["speak"] = append(roles["speak"], e.Speakers...)
			}
		}
		if len(roles) == 0 {
			return false, summary(facts)
		}
		for _, want := range strings.Split(f.Expect, "|") {
			role, name, _ := strings.Cut(want, " ")
			found := false
			for _, p := range roles[role] {
				found = found || p.Name == name
			}
			if !found {
				return false, summary(facts)
			}
		}
		return true, nil
	}
	for kind, f := range g.Frames {
		t.Run(kind, func(t *testing.T) {
			if f.Example == "" || f.Expect == "" {
				t.Fatalf("frame %q has no example or expectation", kind)
			}
			if ok, got := holds(g, f); !ok {
				t.Fatalf("example %q does not give %q; got %q", f.Example, f.Expect, got)
			}
			for _, col := range []struct {
				name string
				flag func(*Frame) *bool
			}{
				{"opens_lower", func(f *Frame) *bool { return &f.OpensLower }},
				{"guests_after", func(f *Frame) *bool { return &f.GuestsAfter }},
				{"verb_attends", func(f *Frame) *bool { return &f.VerbAttends }},
				{"verb_chairs", func(f *Frame) *bool { return &f.VerbChairs }},
				{"host_chairs", func(f *Frame) *bool { return &f.HostChairs }},
				{"travellers_attend", func(f *Frame) *bool { return &f.TravellersAttend }},
			} {
				if !*col.flag(f) {
					continue
				}
				off := *f
				*col.flag(&off) = false
				g2 := *g
				g2.Frames = map[string]*Frame{}
				for k, v := range g.Frames {
					g2.Frames[k] = v
				}
				g2.Frames[kind] = &off
				if ok, _ := holds(&g2, &off); ok {
					t.Errorf("%s of %q never fires: its example gives %q without it", col.name, kind, f.Expect)
				}
			}
		})
	}
}

// TestResolutionIssuer holds who issued a resolution, as the text says it.
func TestResolutionIssuer(t *testing.T) {
	g := testGazetteer(t)
	for _, tt := range []struct{ name, text, want string }{
		{"a body after 'của'",
			"Các đơn vị quán triệt Nghị quyết số 22-NQ/TW ngày 10/4/2013 của Bộ Chính trị về hội nhập quốc tế.",
			"RESOLUTION Nghị quyết 22-NQ/TW | 22-NQ/TW | Bộ Chính trị | aka Nghị quyết số 22-NQ/TW"},
		{"a meeting of the body after 'của', with its ordinal",
			"Các đơn vị quán triệt Nghị quyết số 45-NQ/TW ngày 12/10/2020 của Hội nghị lần thứ 6 Ban Chấp hành Trung ương khóa XII về công tác quốc phòng.",
			"RESOLUTION Nghị quyết 45-NQ/TW | 45-NQ/TW | Trung ương Đảng | aka Nghị quyết số 45-NQ/TW"},
		{"a passive issuing clause after the resolution in its sentence",
			"Nghị quyết 870 là nghị quyết chuyên đề, được Quân ủy Trung ương ban hành năm 2015.",
			"RESOLUTION Nghị quyết 870 |  | Quân ủy Trung ương | aka "},
		{"a passive issuing clause whose plural subject refers back to the sentence before",
			"Hội nghị quán triệt Nghị quyết số 12-NQ/TW về công tác dân vận và Nghị quyết số 13-NQ/TW về kinh tế biển. Cả hai nghị quyết đều được Ban Chấp hành Trung ương Đảng ban hành ngày 5/6/2019.",
			"RESOLUTION Nghị quyết 12-NQ/TW | 12-NQ/TW | Trung ương Đảng | aka Nghị quyết số 12-NQ/TW\nRESOLUTION Nghị quyết 13-NQ/TW | 13-NQ/TW | Trung ương Đảng | aka Nghị quyết số 13-NQ/TW"},
		{"a singular subject that refers back takes the last resolution named",
			"Hội nghị quán triệt Nghị quyết số 12-NQ/TW về công tác dân vận và Nghị quyết số 13-NQ/TW về kinh tế biển. Nghị quyết này được Ban Chấp hành Trung ương Đảng ban hành ngày 5/6/2019.",
			"RESOLUTION Nghị quyết 12-NQ/TW | 12-NQ/TW | Bộ Chính trị | aka Nghị quyết số 12-NQ/TW\nRESOLUTION Nghị quyết 13-NQ/TW | 13-NQ/TW | Trung ương Đảng | aka Nghị quyết số 13-NQ/TW"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			txt := Normalize(tt.text)
			f, _ := g.relate(Document{ID: "t", Text: tt.text}, txt, Tokenize(txt))
			var got []string
			for _, l := range summary(f) {
				if strings.HasPrefix(l, "RESOLUTION ") {
					got = append(got, l)
				}
			}
			if diff := cmp.Diff(strings.Split(tt.want, "\n"), got); diff != "" {
				t.Errorf("resolutions (-want +got):\n%s", diff)
			}
		})
	}
}
