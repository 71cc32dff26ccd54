package webpage_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/vnkg/vnkg/data"
	"github.com/vnkg/vnkg/extract/webpage"
)

func rules(t testing.TB) *webpage.Rules {
	t.Helper()
	r, err := webpage.LoadRules(data.SitesFS())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// body is enough article text to count as an article.
const body = `<p>Ngày 9/6, tại Hà Nội, Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng đã tiếp Đại sứ Australia tại Việt Nam. Hai bên trao đổi về hợp tác quốc phòng.</p>
<p>Thứ trưởng đề nghị hai bên tiếp tục triển khai hiệu quả các cơ chế hợp tác đã có, nhất là hợp tác đào tạo, gìn giữ hòa bình Liên hợp quốc và khắc phục hậu quả chiến tranh.</p>`

func page(head, article string) []byte {
	return []byte("<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body><article>" + article + "</article></body></html>")
}

const (
	ld     = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Tiêu đề JSON-LD","datePublished":"2024-06-10T07:00:00+07:00","author":[{"@type":"Person","name":"Trần Hải Nam"},"Minh Thu"],"publisher":{"@type":"Organization","name":"Báo JSON-LD"}}</script>`
	meta   = `<meta property="article:published_time" content="2024-06-11T07:00:00+07:00"><meta name="author" content="Tác Giả Meta">`
	og     = `<meta property="og:title" content="Tiêu đề OG"><meta property="og:site_name" content="Báo OG"><meta property="og:url" content="https://og.example.vn/bai-og-1.html">`
	canon  = `<link rel="canonical" href="https://www.example.vn/tin-tuc/bai-viet-123.html?utm_source=fb&amp;id=5">`
	timeEl = `<time datetime="2024-06-12">12/6</time>`
	dline  = `<div class="post-date">Thứ Năm, 13/06/2024 08:00</div>`
)

// TestMetadataPrecedence: JSON-LD over meta tags over Open Graph over <time>
// over the dateline; the canonical link names the URL.
func TestMetadataPrecedence(t *testing.T) {
	tests := []struct {
		name                        string
		head, article               string
		title, published, publisher string
		authors                     []string
		from                        string // where the date came from
	}{
		{"all", ld + meta + og + canon, timeEl + dline + body, "Tiêu đề JSON-LD", "2024-06-10", "Báo JSON-LD", []string{"Trần Hải Nam", "Minh Thu"}, "json-ld"},
		{"no JSON-LD", meta + og + canon, timeEl + dline + body, "Tiêu đề OG", "2024-06-11", "Báo OG", []string{"Tác Giả Meta"}, "meta"},
		{"Open Graph and time", og + canon, timeEl + dline + body, "Tiêu đề OG", "2024-06-12", "Báo OG", nil, "time"},
		{"dateline only", canon, "<h1>Tiêu đề H1</h1>" + dline + body, "Tiêu đề H1", "2024-06-13", "", nil, "dateline"},
		{"nothing", "<title>Tiêu đề trang</title>", body, "Tiêu đề trang", "", "", nil, ""},
		{"broken JSON-LD falls through", `<script type="application/ld+json">{"@type":"NewsArticle",</script>` + og, body, "Tiêu đề OG", "", "Báo OG", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := webpage.Parse(page(tt.head, tt.article), webpage.Options{Rules: rules(t)})
			if err != nil {
				t.Fatal(err)
			}
			got := []any{a.Title, a.Published, a.Publisher, a.Authors, a.From["published"]}
			want := []any{tt.title, tt.published, tt.publisher, tt.authors, tt.from}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	a, _ := webpage.Parse(page(ld+og+canon, body), webpage.Options{})
	if want := "https://example.vn/tin-tuc/bai-viet-123.html?id=5"; a.URL != want {
		t.Errorf("URL %q, want the canonical link without tracking, %q", a.URL, want)
	}
	a, _ = webpage.Parse(page(og, body), webpage.Options{})
	if want := "https://og.example.vn/bai-og-1.html"; a.URL != want {
		t.Errorf("URL %q, want og:url %q", a.URL, want)
	}
	a, _ = webpage.Parse(page("", body), webpage.Options{URL: "http://www.example.vn/a/b.html#top"})
	if want := "https://example.vn/a/b.html"; a.URL != want || a.From["url"] != "fetch" {
		t.Errorf("URL %q from %q, want the fetched URL %q", a.URL, a.From["url"], want)
	}
}

// TestEncodings: the declared charset (HTTP header, <meta>), UTF-8 with a BOM,
// windows-1258 with decomposed tone marks, entities and numeric references all
// end as the same NFC text.
func TestEncodings(t *testing.T) {
	want := "Thượng tướng Hoàng Xuân Chiến tiếp Đại sứ Australia tại Việt Nam."
	utf8Page := func(head, text string) []byte {
		return []byte("<html><head>" + head + "</head><body><article><p>" + text + "</p>" + body + "</article></body></html>")
	}
	enc1258 := mustEncode(t, want)
	tests := []struct {
		name        string
		data        []byte
		contentType string
		charset     string
	}{
		{"utf-8 meta", utf8Page(`<meta charset="utf-8">`, want), "", "utf-8"},
		{"utf-8 BOM, no declaration", append([]byte("\ufeff"), utf8Page("", want)...), "", "utf-8"},
		{"utf-8 NFD", utf8Page(`<meta charset="utf-8">`, norm.NFD.String(want)), "", "utf-8"},
		{"entities and numeric references", utf8Page(`<meta charset="utf-8">`, "Th&#432;&#7907;ng t&#x01B0;&#7899;ng Ho&agrave;ng Xu&acirc;n Chi&#7871;n ti&#7871;p &#272;&#7841;i s&#7913; Australia t&#7841;i Vi&#7879;t Nam."), "", "utf-8"},
		{"windows-1258 meta", append([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body><article><p>`), []byte(enc1258+"</p>"+mustEncode(t, body)+"</article></body></html>")...), "", "windows-1258"},
		{"windows-1258 HTTP header", append([]byte(`<html><head></head><body><article><p>`), []byte(enc1258+"</p>"+mustEncode(t, body)+"</article></body></html>")...), "text/html; charset=windows-1258", "windows-1258"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := webpage.Parse(tt.data, webpage.Options{ContentType: tt.contentType})
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(a.Text, "\n\n")
			if first != want {
				t.Errorf("first paragraph %q, want %q", first, want)
			}
			if !norm.NFC.IsNormalString(a.Text) {
				t.Error("text is not NFC")
			}
			if a.Charset != tt.charset {
				t.Errorf("charset %q, want %q", a.Charset, tt.charset)
			}
		})
	}
}

// mustEncode writes s in windows-1258 as Vietnamese CMSs did: a precomposed
// base letter (ư, ơ, â, ê, ô, ă, đ) followed by a combining tone mark.
func mustEncode(t *testing.T, s string) string {
	t.Helper()
	tones := "\u0300\u0301\u0303\u0309\u0323"
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		d := norm.NFD.String(string(r))
		var base, tone strings.Builder
		for _, m := range d {
			if strings.ContainsRune(tones, m) {
				tone.WriteRune(m)
			} else {
				base.WriteRune(m)
			}
		}
		b.WriteString(norm.NFC.String(base.String()) + tone.String())
	}
	e, err := charmap.Windows1258.NewEncoder().String(b.String())
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestWindows1258Page: the border-guard test page is windows-1258 with tone
// marks as combining characters, as old Vietnamese CMSs write it.
func TestWindows1258Page(t *testing.T) {
	b, err := os.ReadFile("testdata/pages/bienphong.html")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.ContainsAny(b, "\xcc\xd2\xde\xec\xf2") {
		t.Fatal("the page has no windows-1258 combining tone marks")
	}
	a, err := webpage.Parse(b, webpage.Options{Rules: rules(t)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Charset != "windows-1258" || !strings.Contains(a.Text, "Đại tá Trần Minh Đức") || !norm.NFC.IsNormalString(a.Text) {
		t.Errorf("charset %s, text:\n%s", a.Charset, a.Text)
	}
}

// TestParagraphsAndCaptions: paragraphs and <br> lines kept, captions a
// paragraph of their own, link lists after a "Tin liên quan" heading dropped,
// scripts and comments gone.
func TestParagraphsAndCaptions(t *testing.T) {
	a, err := webpage.Parse(page("", `<p>Đoạn một, câu thứ nhất.<br>Dòng hai của đoạn một.</p>
<figure><img src="a.jpg"><figcaption>Đại tướng Phan Văn Giang phát biểu. Ảnh: TTXVN</figcaption></figure>
<p><strong>Tin liên quan</strong></p><ul><li><a href="/1">Trung tướng Lê Huy Vịnh tiếp đoàn Lào</a></li><li><a href="/2">Thiếu tướng Nguyễn Văn Minh làm việc</a></li></ul>
<script>document.write("Đại tá Script")</script><!-- Đại tá Comment -->
`+body), webpage.Options{Rules: rules(t)})
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(a.Text, "\n\n")
	if paras[0] != "Đoạn một, câu thứ nhất.\nDòng hai của đoạn một." {
		t.Errorf("first paragraph %q", paras[0])
	}
	if len(paras) < 2 || paras[1] != "Đại tướng Phan Văn Giang phát biểu. Ảnh: TTXVN" {
		t.Errorf("caption not its own paragraph: %q", paras)
	}
	if diff := cmp.Diff([]string{"Đại tướng Phan Văn Giang phát biểu. Ảnh: TTXVN"}, a.Captions); diff != "" {
		t.Error(diff)
	}
	for _, bad := range []string{"Lê Huy Vịnh", "Nguyễn Văn Minh", "Tin liên quan", "Script", "Comment"} {
		if strings.Contains(a.Text, bad) {
			t.Errorf("text carries %q:\n%s", bad, a.Text)
		}
	}
}

func TestBadPages(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 100)...)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"section front", page("<title>Quốc phòng</title>", `<ul><li><a href="/1">Đại tướng Phan Văn Giang tiếp Bộ trưởng Lào</a></li><li><a href="/2">Thượng tướng Hoàng Xuân Chiến dự hội nghị</a></li></ul>`), webpage.ErrNoArticle},
		{"login wall", page("", `<form><p>Vui lòng đăng nhập để đọc tiếp</p><input name="u"></form>`), webpage.ErrNoArticle},
		{"error page", page("<title>404</title>", `<h1>Không tìm thấy trang</h1><p>Trang bạn tìm không tồn tại.</p>`), webpage.ErrNoArticle},
		{"empty", nil, webpage.ErrNoArticle},
		{"binary", png, webpage.ErrBinary},
		{"NULs", append([]byte("<html><body>"), bytes.Repeat([]byte{0, 1, 2, 3}, 50)...), webpage.ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := webpage.Parse(tt.data, webpage.Options{Rules: rules(t)})
			if !errors.Is(err, tt.want) {
				t.Errorf("err %v, want %v", err, tt.want)
			}
		})
	}
}

// TestMalformed: unclosed tags and stray end tags are read as a browser reads them.
func TestMalformed(t *testing.T) {
	a, err := webpage.Parse([]byte(`<html><body><div class="content"><p>Ngày 9/6, tại Hà Nội, Thượng tướng Hoàng Xuân Chiến tiếp Đại sứ Australia.
<p>Hai bên trao đổi về hợp tác quốc phòng, nhất là hợp tác đào tạo, gìn giữ hòa bình Liên hợp quốc và khắc phục hậu quả chiến tranh.</b></i>
<p>Thứ trưởng đề nghị hai bên tiếp tục triển khai hiệu quả các cơ chế hợp tác đã có trong thời gian tới.</span>`), webpage.Options{Rules: rules(t)})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(strings.Split(a.Text, "\n\n")); n != 3 {
		t.Errorf("%d paragraphs, want 3:\n%s", n, a.Text)
	}
}

func TestRulesFiles(t *testing.T) {
	r := rules(t)
	if len(r.Default.Drop) == 0 || len(r.Default.Related) == 0 {
		t.Fatal("default.tsv not loaded")
	}
	for _, s := range r.Sites {
		name := strings.TrimSuffix(s.File, ".tsv")
		if _, err := os.Stat(filepath.Join("testdata/pages", name+".html")); err != nil {
			t.Errorf("%s has no test page: %v", s.File, err)
		}
		if s.Name == "" {
			t.Errorf("%s has no name", s.File)
		}
	}
	if s := r.For("www.qdnd.vn"); s == nil || s.File != "qdnd.tsv" {
		t.Errorf("www.qdnd.vn: %v", s)
	}
	if s := r.For("notqdnd.vn"); s != nil {
		t.Errorf("notqdnd.vn matched %s", s.File)
	}
}

// FuzzParse's seeds are short: each outlet page's head (its metadata) and a
// slice of its body from the article on, at most fuzzSeedBytes each. Whole
// pages made the fuzzer spend its minute minimizing them (14 executions in
// 60 s).
const fuzzSeedBytes = 600

func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob("testdata/pages/*.html")
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		s := string(b)
		if i := strings.Index(s, "</head>"); i > 0 {
			f.Add([]byte(s[:min(i, fuzzSeedBytes)]))
		}
		for _, tag := range []string{"<article", "<h1"} {
			if i := strings.Index(s, tag); i >= 0 {
				f.Add([]byte("<html><body>" + s[i:min(len(s), i+fuzzSeedBytes)]))
				break
			}
		}
	}
	f.Add(page(ld, body))
	f.Add([]byte("<html><meta charset=windows-1258><p>\xd2\xde"))
	r := rules(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := webpage.Parse(b, webpage.Options{Rules: r})
		if err == nil && !norm.NFC.IsNormalString(a.Text) {
			t.Errorf("text not NFC")
		}
	})
}
