package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The furniture of real pages, in the forms outlets give it: each adds lines
// to an article's text (after the body, before it, or after its first
// paragraph) and must change none of its facts. The headlines in the links
// name people, ranks and meetings, so a link read as text shows.
var furniture = []struct {
	name           string
	before, after  []string
	afterFirstPara []string
	afterHeadline  []string // after the text's first line, when it is a headline
	leadPrefix     string   // put before the first paragraph's first word
	repeatCaption  string   // a caption of the second paragraph's first sentence, with this credit
}{
	{name: "related list with a heading and bullets", after: []string{"Tin liên quan", "- " + link1, "- " + link2}},
	{name: "related list with arrows", after: []string{"Xem thêm >>", ">> " + link1, ">> " + link2}},
	{name: "related list of bare headlines", after: []string{"Tin cùng chuyên mục", link1, link2}},
	{name: "headlines after the body with no heading", after: []string{link1, link2}},
	{name: "headlines with their ledes", after: []string{"Có thể bạn quan tâm", link1, lede1, link2, lede2}},
	{name: "a related box inside the body", afterFirstPara: []string{"TIN LIÊN QUAN", "- " + link1, "- " + link2}},
	{name: "upper-case byline", after: []string{"NGUYỄN MINH TUẤN"}},
	{name: "byline before the links", after: []string{"TRẦN MINH HẢI", "Xem thêm:", link1, link2}},
	{name: "credit lines", after: []string{"Tin, ảnh: Trần Minh Hải", "Bài và ảnh: LÊ THU HÀ", "Nhóm PV"}},
	{name: "bylines with outlets", after: []string{"Minh Hải (TTXVN)", "Văn Chiến - Hữu Tuấn - QĐND", "(TTXVN/Vietnam+)"}},
	{name: "a Theo line", after: []string{"Theo Báo Quân đội nhân dân"}},
	{name: "a source line with an address", after: []string{"Nguồn QĐND: https://www.qdnd.vn/quoc-phong/doi-ngoai/bai-123"}},
	{name: "share, comment, print and tags", after: []string{"Chia sẻ Facebook Zalo", "Bình luận (0)", "In bài viết", "Lên top",
		"Từ khóa: Bộ Quốc phòng, đối ngoại quốc phòng", "Bộ Quốc phòng | Đối ngoại quốc phòng | Hợp tác"}},
	{name: "breadcrumbs and mastheads", before: []string{"Trang chủ / Quân sự / Đối ngoại quốc phòng", "Thời sự > Quốc phòng",
		"Thứ Ba, 07/12/2021 15:30 (GMT+7)", "Cập nhật: 15:30 07/12/2021", "x", "+", "aa", "-"}},
	{name: "captions with credits", afterFirstPara: []string{"Quang cảnh buổi làm việc. (Ảnh: TTXVN)", "Các đại biểu chụp ảnh lưu niệm. Ảnh: Trọng Hải",
		"Toàn cảnh hội nghị. Nguồn: Bộ Quốc phòng"}},
	{name: "comment form and more chrome", after: []string{"CÓ THỂ BẠN QUAN TÂM", "- " + link1, "Ý kiến bình luận", "Họ và tên", "Email",
		"Other news", link2, "In bài này", ";", "."}},
	{name: "a masthead with brackets", before: []string{"Thứ Hai, 19/11/2018, 18:33 [GMT+7]"}},
	{name: "a byline and a crawl line under the headline", afterHeadline: []string{"Bá Cường", "15/07/2022 19:20 GMT+7"}},
	{name: "a caption that repeats a sentence", repeatCaption: ". Ảnh: Trọng Hải"},
	{name: "a caption that repeats a sentence, credit in brackets", repeatCaption: " (Ảnh: TTXVN)"},
	{name: "outlet before the dateline", leadPrefix: "(QĐND) - "},
	{name: "short outlet before the dateline", leadPrefix: "VOV.VN - "},
}

const (
	link1 = "Đại tướng Phan Văn Giang tiếp Đại sứ Hoa Kỳ Marc Knapper"
	link2 = "Thượng tướng Hoàng Xuân Chiến hội đàm với Thứ trưởng Quốc phòng Nhật Bản"
	lede1 = "Chiều 5/3, tại Hà Nội, Đại tướng Phan Văn Giang đã tiếp Đại sứ Marc Knapper."
	lede2 = "Sáng 6/3, Thượng tướng Hoàng Xuân Chiến đã hội đàm với đoàn Nhật Bản."
)

var leadOutlet = regexp.MustCompile(`^\(?\p{Lu}[\p{L}\d.+ ]{0,20}\)?\s*[-–]\s`)

// TestFurnitureInvariance: page furniture added to the tuned articles changes
// none of their facts.
func TestFurnitureInvariance(t *testing.T) {
	x := &Extractor{gaz: testGazetteer(t)}
	var files []string
	for _, dir := range tunedArticleDirs {
		fs, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(fs) == 0 {
			t.Fatalf("no articles in %s: %v", dir, err)
		}
		files = append(files, fs...)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ParseText(filepath.Base(f), raw)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		base := factSummary(x, doc)
		lines := strings.Split(doc.Text, "\n")
		first := slices.IndexFunc(lines, func(l string) bool { return len(l) > 200 })
		if first < 0 {
			continue
		}
		for _, fu := range furniture {
			var out []string
			repeated := false
			out = append(out, fu.before...)
			for i, l := range lines {
				if i == first && fu.leadPrefix != "" {
					l = fu.leadPrefix + leadOutlet.ReplaceAllString(l, "")
				}
				out = append(out, l)
				if i == 0 && first > 0 {
					out = append(out, fu.afterHeadline...)
				}
				if i == first {
					out = append(out, fu.afterFirstPara...)
				}
				if fu.repeatCaption != "" && i > first && len(l) > 200 && !repeated {
					out = append(out, firstSentence(l)+fu.repeatCaption)
					repeated = true
				}
			}
			out = append(out, fu.after...)
			d := doc
			d.Text = strings.Join(out, "\n")
			if got := factSummary(x, d); !slices.Equal(got, base) {
				t.Errorf("%s, %s: the facts change:\n-%s\n+%s", filepath.Base(f), fu.name,
					strings.Join(minus(base, got), "\n-"), strings.Join(minus(got, base), "\n+"))
			}
		}
	}
}

// factSummary lists what score.py counts of an article's facts.
func factSummary(x *Extractor, doc Document) []string {
	f, _ := x.Facts(doc)
	var out []string
	names := func(ps []*PersonFact) string {
		var n []string
		for _, p := range ps {
			n = append(n, p.Name)
		}
		slices.Sort(n)
		return strings.Join(n, ",")
	}
	for _, p := range f.Persons {
		if slices.Contains(f.Authors, p.Name) {
			continue
		}
		s := "person " + p.Name + " " + p.Rank
		for _, pos := range p.Positions {
			s += " | " + pos.Name
		}
		out = append(out, s)
	}
	for _, o := range f.Orgs {
		if o.Name != f.Publisher {
			out = append(out, "org "+o.Name)
		}
	}
	for _, e := range f.Events {
		out = append(out, fmt.Sprintf("event %s %v %s | %s | %s | %s", e.Kind, e.Date, e.Location, e.Organizer, names(e.Chairs), names(e.Attendees)))
	}
	slices.Sort(out)
	return out
}

// minus is what a has and b has not.
func minus(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// tunedArticleDirs are the sets the furniture is added to: the tuned sets
// (never the sealed one).
var tunedArticleDirs = []string{"../data/corpus", "testdata/corpus", "testdata/holdout/corpus", "testdata/blind/corpus",
	"testdata/blind2/corpus", "testdata/blind3/corpus", "testdata/blind4/corpus", "testdata/blind5/corpus",
	"testdata/blind6/corpus", "testdata/blind7/corpus", "testdata/blind8/corpus", "testdata/blind9/corpus",
	"testdata/blind10/corpus", "testdata/blind11/corpus", "testdata/blind12/corpus", "testdata/blind13/corpus",
	"testdata/blind14/corpus", "testdata/blind15/corpus", "testdata/blind19/corpus"}

// firstSentence is a paragraph's first sentence without its period (an
// initial's period, "Daniel J. Kritenbrink", ends none).
func firstSentence(p string) string {
	for i := 1; i+1 < len(p); i++ {
		if p[i] == '.' && p[i+1] == ' ' {
			j := strings.LastIndexByte(p[:i], ' ')
			if i-j > 2 {
				return p[:i]
			}
		}
	}
	return strings.TrimSuffix(p, ".")
}
