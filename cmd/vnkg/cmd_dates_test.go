package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// relativePage is a saved news page whose JSON-LD says when it was
// published (10 June 2024, Hanoi time) and whose text dates its events
// relative to that day.
const relativePage = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>Bộ Quốc phòng tiếp các đoàn quân sự nước ngoài</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bộ Quốc phòng tiếp các đoàn quân sự nước ngoài","datePublished":"2024-06-10T08:00:00+07:00","publisher":{"@type":"Organization","name":"Báo Quân đội nhân dân"}}</script>
<meta property="article:published_time" content="2023-01-01T00:00:00+07:00">
<link rel="canonical" href="https://www.qdnd.vn/quoc-phong-an-ninh/doi-ngoai-quoc-phong/bo-quoc-phong-tiep-cac-doan-800001">
</head><body>
<header><nav><a href="/">Trang chủ</a> <a href="/qp">Quốc phòng</a></nav></header>
<article><h1>Bộ Quốc phòng tiếp các đoàn quân sự nước ngoài</h1>
<div class="content">
%s
<p>Tại các buổi làm việc, hai bên đánh giá cao kết quả hợp tác quốc phòng giữa hai nước trong thời gian qua và thống nhất tiếp tục thúc đẩy hợp tác trong các lĩnh vực khắc phục hậu quả chiến tranh, gìn giữ hòa bình Liên hợp quốc và công nghiệp quốc phòng.</p>
</div></article>
<aside><h3>Tin liên quan</h3><ul><li><a href="/a">Ngày 3/3, Đại tướng Lương Cường hội đàm với Bộ trưởng Quốc phòng Lào</a></li></ul></aside>
<footer>© Báo Quân đội nhân dân</footer>
</body></html>`

// TestRelativeDatesInPages: an event dated relative to the day of
// publication ("sáng nay (10/6)", "hôm qua", "sáng nay") is dated against the page's
// own published metadata (JSON-LD, over the article:published_time meta that
// says another year), end to end through vnkg extract.
func TestRelativeDatesInPages(t *testing.T) {
	tests := []struct {
		name, paragraph, kind, date string
	}{
		{"sáng nay (10/6)", `<p>Sáng nay (10/6), tại Hà Nội, Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng đã hội đàm với Thứ trưởng Quốc phòng Australia.</p>`, "hội đàm", "2024-06-10"},
		{"chiều 9/6", `<p>Chiều 9/6, tại Trụ sở Bộ Quốc phòng, Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng đã tiếp xã giao Đại sứ Nhật Bản tại Việt Nam Ito Naoki.</p>`, "tiếp xã giao", "2024-06-09"},
		// Said only relative to the day of publication: resolved by the
		// extractor's date rules (extract/dates.go) against datePublished.
		{"hôm qua", `<p>Chiều hôm qua, tại Trụ sở Bộ Quốc phòng, Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng đã tiếp xã giao Đại sứ Nhật Bản tại Việt Nam Ito Naoki.</p>`, "tiếp xã giao", "2024-06-09"},
		{"sáng nay", `<p>Sáng nay, tại Hà Nội, Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng đã hội đàm với Thứ trưởng Quốc phòng Australia.</p>`, "hội đàm", "2024-06-10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "page.html")
			if err := os.WriteFile(file, []byte(strings.Replace(relativePage, "%s", tt.paragraph, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			nq, _ := mustRun(t, "extract", "--no-gazetteer", file)
			if !strings.Contains(nq, `<https://schema.org/datePublished> "2024-06-10"^^`) {
				t.Fatalf("the page's JSON-LD date is not the article's:\n%s", nq)
			}
			event := eventOfKind(nq, tt.kind)
			if event == "" {
				t.Fatalf("no %q event:\n%s", tt.kind, nq)
			}
			if got := startDates(nq, event); len(got) != 1 || got[0] != tt.date {
				t.Errorf("the %s event is dated %v, want [%s]", tt.kind, got, tt.date)
			}
		})
	}
}

// eventOfKind is the IRI of the first event of that vnkg:eventKind.
func eventOfKind(nq, kind string) string {
	re := regexp.MustCompile(`(?m)^<([^>]+)> <https://w3id.org/vnkg/ns#eventKind> "` + regexp.QuoteMeta(kind) + `"`)
	if m := re.FindStringSubmatch(nq); m != nil {
		return m[1]
	}
	return ""
}

// startDates are the schema:startDate values of an event.
func startDates(nq, event string) []string {
	re := regexp.MustCompile(`(?m)^<` + regexp.QuoteMeta(event) + `> <https://schema.org/startDate> "([^"]+)"`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(nq, -1) {
		out = append(out, m[1])
	}
	return out
}
