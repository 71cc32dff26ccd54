package input_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vnkg/vnkg/data"
	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/extract/input"
	"github.com/vnkg/vnkg/extract/webpage"
)

const pages = "../webpage/testdata/pages"

// outlets are the test pages: each in the layout of a real outlet, with our
// own article text, and chrome naming people who are not in the article.
var outlets = []struct {
	name   string
	chrome []string // names and headlines that only the page's chrome carries
}{
	{"qdnd", []string{"Lê Huy Vịnh", "Nguyễn Văn Minh", "Phạm Quốc Hùng", "Phạm Hoài Nam", "Lương Cường", "Chansamone", "Vũ Hải Sản", "Đoàn Xuân Bộ", "Nguyễn Văn Tâm"}},
	{"vov", []string{"Lương Tam Quang", "Võ Minh Lương", "Trần Đức Thắng", "Nguyễn Văn Nghĩa", "Lê Quang Thành", "Trịnh Văn Quyết", "Đỗ Tiến Sỹ", "Hoàng Văn Đức"}},
	{"vietnamplus", []string{"Nguyễn Doãn Anh", "Trịnh Văn Quyết", "Yoshida", "Phạm Văn Đức", "Nguyễn Văn Hà", "Lê Quốc Minh", "Phan Văn Giang"}},
	{"mod", []string{"Nguyễn Tân Cương", "Lê Huy Vịnh", "Vũ Hải Sản", "Hoàng Xuân Chiến", "Phùng Sĩ Tấn", "Nguyễn Hồng Phong", "Lê Văn Tâm"}},
	{"bienphong", []string{"Nguyễn Thanh Hải", "Lê Đức Thái", "Nguyễn Anh Tuấn", "Phùng Quốc Tuấn"}},
	{"vnexpress", []string{"Nguyễn Văn Nghĩa", "Trần Quang Huy", "Nguyễn Chí Vịnh", "Trịnh Văn Quyết", "Dinesh Tripathi", "Phạm Trường Sơn", "Phạm Minh Chính", "Milton Dick", "Phạm Văn Hiếu"}},
}

func loadRules(t testing.TB) *webpage.Rules {
	t.Helper()
	r, err := webpage.LoadRules(data.SitesFS())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func newExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	x, err := extract.New(data.GazetteerFS())
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func nquads(res extract.Result) []string {
	var out []string
	for _, q := range res.Quads {
		out = append(out, q.NQuad())
	}
	sort.Strings(out)
	return out
}

// TestPagesEqualText: the facts of each outlet's page equal the facts of the
// same article given as .txt, and nothing of the chrome reaches them.
func TestPagesEqualText(t *testing.T) {
	x := newExtractor(t)
	rules := loadRules(t)
	for _, o := range outlets {
		t.Run(o.name, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join(pages, o.name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			hdoc, err := input.PageDocument(page, o.name+".html", o.name, webpage.Options{Rules: rules})
			if err != nil {
				t.Fatalf("page: %v", err)
			}
			txt, err := os.ReadFile(filepath.Join(pages, o.name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			tdoc, err := extract.ParseText(o.name, txt)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := hdoc.URL, webpage.CanonicalURL(tdoc.URL); got != want {
				t.Errorf("page URL %q, want %q", got, want)
			}
			if !strings.HasPrefix(hdoc.ID, strings.SplitN(strings.TrimPrefix(strings.TrimPrefix(hdoc.URL, "https://"), "www."), "/", 2)[0]+"-") {
				t.Errorf("page id %q does not start with its host", hdoc.ID)
			}
			// the same article under the same name
			tdoc.ID, tdoc.SourceFile, tdoc.URL = hdoc.ID, hdoc.SourceFile, hdoc.URL
			hq, tq := nquads(x.Extract(hdoc)), nquads(x.Extract(tdoc))
			if diff := cmp.Diff(tq, hq); diff != "" {
				t.Errorf("page facts differ from the .txt facts (-txt +page):\n%s\npage text:\n%s", diff, hdoc.Text)
			}
			if len(hq) < 20 {
				t.Errorf("only %d quads: the article was not read", len(hq))
			}
			for _, c := range o.chrome {
				if strings.Contains(hdoc.Text, c) {
					t.Errorf("page text carries chrome %q", c)
				}
				for _, q := range hq {
					if strings.Contains(q, c) || strings.Contains(q, strings.ToLower(strings.ReplaceAll(c, " ", "-"))) {
						t.Errorf("chrome %q reached a fact: %s", c, q)
					}
				}
			}
		})
	}
}
