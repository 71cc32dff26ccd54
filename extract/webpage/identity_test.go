package webpage_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vnkg/vnkg/extract/webpage"
)

func TestCanonicalURL(t *testing.T) {
	const want = "https://qdnd.vn/quoc-phong/bo-truong-tiep-dai-su-779101"
	same := []string{
		"https://www.qdnd.vn/quoc-phong/bo-truong-tiep-dai-su-779101",
		"http://qdnd.vn/quoc-phong/bo-truong-tiep-dai-su-779101/",
		"https://m.qdnd.vn/quoc-phong/bo-truong-tiep-dai-su-779101",
		"https://amp.qdnd.vn/quoc-phong/bo-truong-tiep-dai-su-779101",
		"https://www.qdnd.vn/amp/quoc-phong/bo-truong-tiep-dai-su-779101",
		"https://www.qdnd.vn/quoc-phong/bo-truong-tiep-dai-su-779101/amp",
		"https://www.qdnd.vn/print/quoc-phong/bo-truong-tiep-dai-su-779101",
		"https://WWW.QDND.VN/quoc-phong/bo-truong-tiep-dai-su-779101?utm_source=facebook&utm_medium=social&fbclid=IwAR0x",
		"https://www.qdnd.vn/quoc-phong/bo-truong-tiep-dai-su-779101?zarsrc=30&gidzl=abc#comments",
		"https://www.qdnd.vn:443/quoc-phong/bo-truong-tiep-dai-su-779101?amp=1",
	}
	for _, u := range same {
		if got := webpage.CanonicalURL(u); got != want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", u, got, want)
		}
	}
	tests := []struct{ in, want string }{
		{"https://vnexpress.net/bai-4762101.amp", "https://vnexpress.net/bai-4762101"},
		{"https://mod.gov.vn/home/detail?urile=wcm:path:/a/b&current=true", "https://mod.gov.vn/home/detail?current=true&urile=wcm:path:/a/b"},
		{"https://example.vn/?id=5&utm_campaign=x", "https://example.vn/?id=5"},
		{"not a url", "not a url"},
		{"ftp://example.vn/a", "ftp://example.vn/a"},
	}
	for _, tt := range tests {
		if got := webpage.CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDocID(t *testing.T) {
	id := webpage.DocID("https://qdnd.vn/quoc-phong/bo-truong-tiep-dai-su-779101")
	if !strings.HasPrefix(id, "qdnd.vn-bo-truong-tiep-dai-su-779101-") || len(id) != len("qdnd.vn-bo-truong-tiep-dai-su-779101-")+8 {
		t.Errorf("DocID = %q", id)
	}
	if other := webpage.DocID("https://qdnd.vn/khac/bo-truong-tiep-dai-su-779101"); other == id {
		t.Errorf("two URLs with one slug share the id %q", id)
	}
	long := webpage.DocID("https://vnexpress.net/" + strings.Repeat("rat-dai-", 20) + "1.html")
	if n := len([]rune(long)); n > len("vnexpress.net-")+60+9 {
		t.Errorf("long slug not cut: %q", long)
	}
	if id := webpage.DocID("https://baochinhphu.vn/Đại-tướng.htm"); !strings.HasPrefix(id, "baochinhphu.vn-đại-tướng-") {
		t.Errorf("Vietnamese letters not kept: %q", id)
	}
}

// TestAMPAndCanonical: the AMP copy and the canonical page of one article get
// one id.
func TestAMPAndCanonical(t *testing.T) {
	const u = "https://www.qdnd.vn/quoc-phong/bo-truong-tiep-dai-su-779101"
	canonical := page(`<link rel="canonical" href="`+u+`"><link rel="amphtml" href="https://amp.qdnd.vn/quoc-phong/bo-truong-tiep-dai-su-779101">`, body)
	amp := []byte(`<!doctype html><html amp lang="vi"><head><meta charset="utf-8"><link rel="canonical" href="` + u + `"><script async src="https://cdn.ampproject.org/v0.js"></script><style amp-boilerplate>body{visibility:hidden}</style></head><body><header class="amp-header"><a href="/">QĐND</a></header><article>` + body + `<amp-img src="a.jpg" width="600" height="400"></amp-img></article></body></html>`)
	// a print copy names no canonical link: its fetch URL does
	print := page("", body)
	var ids []string
	for i, p := range []struct {
		data []byte
		url  string
	}{{canonical, ""}, {amp, "https://amp.qdnd.vn/quoc-phong/bo-truong-tiep-dai-su-779101"}, {print, "https://www.qdnd.vn/print/quoc-phong/bo-truong-tiep-dai-su-779101?utm_source=zalo"}} {
		a, err := webpage.Parse(p.data, webpage.Options{URL: p.url})
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		ids = append(ids, a.ID)
	}
	if ids[0] == "" || ids[0] != ids[1] || ids[0] != ids[2] {
		t.Errorf("ids %q, want one", ids)
	}
}

func ExampleDocID() {
	u := webpage.CanonicalURL("https://www.vietnamplus.vn/doi-thoai-quoc-phong-post991234.vnp?utm_source=zalo")
	fmt.Println(u)
	fmt.Println(webpage.DocID(u)[:len(webpage.DocID(u))-8] + "…")
	// Output:
	// https://vietnamplus.vn/doi-thoai-quoc-phong-post991234.vnp
	// vietnamplus.vn-doi-thoai-quoc-phong-post991234-…
}
