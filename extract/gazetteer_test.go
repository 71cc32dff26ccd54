package extract

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// TestGazetteerFiles loads the real gazetteers: every row parses, no key is given
// twice with different meanings, and every parent names a known body.
func TestGazetteerFiles(t *testing.T) {
	g := testGazetteer(t)
	for _, d := range g.Duplicates {
		t.Errorf("key given twice: %s", d)
	}
	for name, o := range g.Orgs {
		if o.Parent != "" && g.Orgs[o.Parent] == nil {
			t.Errorf("orgs.tsv: %s has parent %q, which is not a body of the gazetteer", name, o.Parent)
		}
	}
	for name, o := range g.Orgs {
		for _, al := range o.Aliases {
			if strings.ContainsAny(al, ";\t") {
				t.Errorf("orgs.tsv: %s has a malformed alias %q", name, al)
			}
		}
	}
	for name, c := range g.Countries {
		oceans := map[string]bool{"Thái Bình Dương": true, "Ấn Độ Dương": true, "Đại Tây Dương": true, "Biển Đông": true}
		if c.Nationality == "" && !oceans[name] {
			t.Errorf("countries.tsv: %s has no nationality", name)
		}
	}
	for _, want := range []string{"Đại tướng", "Thiếu úy", "Đô đốc", "Phó Đô đốc", "Chuẩn Đô đốc"} {
		if g.Ranks[want] == nil {
			t.Errorf("ranks.tsv lacks %s", want)
		}
	}
	if len(g.Orgs) < 100 || len(g.Titles) < 30 || len(g.Surnames) < 50 {
		t.Errorf("gazetteers look truncated: %d bodies, %d titles, %d surnames", len(g.Orgs), len(g.Titles), len(g.Surnames))
	}
}

func TestGazetteerErrors(t *testing.T) {
	files := []string{"ranks.tsv", "titles.tsv", "orgs.tsv", "countries.tsv", "abbreviations.tsv", "event_kinds.tsv",
		"event_frames.tsv", "event_words.tsv", "verbs.tsv", "outlets.tsv", "surnames.txt", "honorifics.txt", "chrome.txt", "not_verbs.txt", "org_heads.txt", "words.tsv", "link_headings.txt", "located.txt", "running_heads.txt", "name_particles.txt", "on_behalf.txt", "past_times.txt", "remits.txt", "title_prefixes.txt", "issuing_verbs.txt", "eponym_heads.txt", "post_links.txt", "document_kinds.tsv", "issuer_codes.tsv", "vessels.txt", "local_heads.txt", "named_kinds.txt"}
	base := func() fstest.MapFS {
		fsys := fstest.MapFS{}
		for _, f := range files {
			fsys[f] = &fstest.MapFile{Data: []byte("# empty\n")}
		}
		return fsys
	}
	if _, err := LoadGazetteer(base()); err != nil {
		t.Fatalf("empty gazetteers: %v", err)
	}
	tests := []struct{ file, data, want string }{
		{"ranks.tsv", "#h\nĐại tướng\tGeneral\tone\tarmy\t\n", "ranks.tsv:2: seniority \"one\""},
		{"titles.tsv", "Bộ trưởng\tMinister\tmaybe\t\n", "titles.tsv:1: needs_org \"maybe\""},
		{"orgs.tsv", "Bộ Quốc phòng\tgov\t\t\textra\n", "orgs.tsv:1: 5 columns, want 4"},
		{"orgs.tsv", "Bộ Quốc phòng\tstate\t\t\n", "orgs.tsv:1: type \"state\""},
		{"verbs.tsv", "chủ trì\tboss\n", "verbs.tsv:1: role \"boss\""},
		{"abbreviations.tsv", "BQP\tBộ Quốc phòng\tbody\n", "abbreviations.tsv:1: kind \"body\""},
		{"verbs.tsv", "chủ trì\tchair\tA chủ trì.\tchair A\textra\n", "verbs.tsv:1: 5 columns, want 4"},
		{"event_frames.tsv", "hội đàm\tyes\tno\tno\tno\tno\tno\t\t\n", "event_frames.tsv:1: kind \"hội đàm\" is no kind"},
		{"document_kinds.tsv", "Kết luận\tkl\t\t\n", "document_kinds.tsv:1: code letters \"kl\""},
		{"issuer_codes.tsv", "TW\tBộ Chính trị\t\t\n", "issuer_codes.tsv: code \"TW\" stands for \"Bộ Chính trị\", not a body of orgs.tsv"},
		{"event_frames.tsv", "#h\nhội đàm\tyes\tmaybe\tno\tno\tno\tno\t\t\n", "event_frames.tsv:2: column 3 is \"maybe\""},
	}
	for _, tt := range tests {
		fsys := base()
		fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
		_, err := LoadGazetteer(fsys)
		if err == nil || !errors.Is(err, ErrGazetteer) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.file, err, tt.want)
		}
	}
	fsys := base()
	delete(fsys, "orgs.tsv")
	if _, err := LoadGazetteer(fsys); err == nil || !strings.Contains(err.Error(), "orgs.tsv") {
		t.Errorf("missing orgs.tsv: error %v", err)
	}
	fsys = base()
	fsys["orgs.tsv"] = &fstest.MapFile{Data: []byte("Bộ Quốc phòng\tgov\t\tBQP\nBộ Ngoại giao\tgov\t\tBQP\n")}
	g, err := LoadGazetteer(fsys)
	if err != nil || len(g.Duplicates) != 1 {
		t.Errorf("a repeated alias: err %v, duplicates %q, want one", err, g.Duplicates)
	}
}
