package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestPageFurniture holds what the lines stage makes of the page's furniture
// in the forms outlets give it: each case's line must get its kind, and the
// credits must give the authors and publisher.
func TestPageFurniture(t *testing.T) {
	g := testGazetteer(t)
	body := "Chiều 12/3, tại Hà Nội, Thượng tướng Hoàng Xuân Chiến tiếp Đại sứ Nhật Bản tại Việt Nam.\n"
	for _, tt := range []struct {
		name, text, line string
		kind             lineKind
		authors          []string
		publisher        string
	}{
		{"headlines of other articles after the body, with no heading",
			body + "Chia sẻ: Facebook | Zalo\nĐại tướng Phan Văn Giang tiếp Đại sứ Hoa Kỳ\nThượng tướng Hoàng Xuân Chiến hội đàm với Thứ trưởng Quốc phòng Nhật Bản",
			"Đại tướng Phan Văn Giang tiếp Đại sứ Hoa Kỳ", lineChrome, nil, ""},
		{"a heading with its arrows opens a related list inside the body",
			body + "Xem thêm >>\nĐại tá Trần Minh Hải dự lễ kỷ niệm ngày thành lập Hải quân Ấn Độ\n" + body,
			"Đại tá Trần Minh Hải dự lễ kỷ niệm ngày thành lập Hải quân Ấn Độ", lineChrome, nil, ""},
		{"links with arrow marks after the body, with no heading",
			body + "▶ Thượng tướng Lê Văn Nam tiếp Tùy viên Quốc phòng Ba Lan\n▶ Hải quân hai nước tuần tra chung lần thứ 12",
			"▶ Thượng tướng Lê Văn Nam tiếp Tùy viên Quốc phòng Ba Lan", lineChrome, nil, ""},
		{"a link with chevrons inside the body",
			body + ">> Đoàn sĩ quan trẻ Quân đội Ba Lan thăm Quân khu 5\n" + body,
			">> Đoàn sĩ quan trẻ Quân đội Ba Lan thăm Quân khu 5", lineChrome, nil, ""},
		{"a bulleted heading with its link on one line",
			body + "* Đọc thêm: Hợp tác quốc phòng Việt Nam - Ba Lan bước sang giai đoạn mới\n" + body,
			"* Đọc thêm: Hợp tác quốc phòng Việt Nam - Ba Lan bước sang giai đoạn mới", lineChrome, nil, ""},
		{"a dashed item of the article's own list after the body stays text",
			body + "- Đại tá Trần Văn Bình, Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Kon Tum",
			"- Đại tá Trần Văn Bình, Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Kon Tum", lineText, nil, ""},
		{"tags between bars inside the body",
			body + "Bộ Quốc phòng | Đối ngoại quốc phòng | Hợp tác\n" + body, "Bộ Quốc phòng | Đối ngoại quốc phòng | Hợp tác", lineChrome, nil, ""},
		{"a masthead of the outlet and its sections names the publisher",
			"QĐND Online - Thời sự | Quốc phòng - An ninh\n" + body, "QĐND Online - Thời sự | Quốc phòng - An ninh", lineChrome, nil, "Báo Quân đội nhân dân"},
		{"a breadcrumb with slashes", "Thời sự / Quốc phòng\n" + body, "Thời sự / Quốc phòng", lineChrome, nil, ""},
		{"a crawl line, time first", "15:30 | 07/12/2021\n" + body, "15:30 | 07/12/2021", lineChrome, nil, ""},
		{"a masthead with the month in words", "Thứ Ba, ngày 7 tháng 12 năm 2021\n" + body, "Thứ Ba, ngày 7 tháng 12 năm 2021", lineChrome, nil, ""},
		{"a sentence with a slash stays text", body + "Các đơn vị hoàn thành 5/6 nội dung.\n" + body, "Các đơn vị hoàn thành 5/6 nội dung.", lineText, nil, ""},
		{"a masthead with the time and zone", "Thứ Ba, 07/12/2021 15:30 (GMT+7)\n" + body, "Thứ Ba, 07/12/2021 15:30 (GMT+7)", lineChrome, nil, ""},
		{"a crawl line", "Cập nhật: 15:30 07/12/2021\n" + body, "Cập nhật: 15:30 07/12/2021", lineChrome, nil, ""},
		{"the agency and the site that publishes it",
			body + "(TTXVN/Vietnam+)", "(TTXVN/Vietnam+)", lineCredit, nil, "Vietnamplus"},
		{"a byline before the related links",
			body + "HOÀNG VŨ\nTin liên quan\n- Thượng tướng Hoàng Xuân Chiến kiểm tra công tác chuẩn bị hội nghị", "HOÀNG VŨ", lineCredit, []string{"Hoàng Vũ"}, ""},
		{"a byline under the headline",
			"Quảng Bình: Nhiều hoạt động giao lưu hữu nghị biên giới\nBá Cường\n15/07/2022 19:20 GMT+7\n" + body, "Bá Cường", lineCredit, []string{"Bá Cường"}, ""},
		{"a byline above stray punctuation",
			body + "HIỀN HẠNH\n;\n.", "HIỀN HẠNH", lineCredit, []string{"Hiền Hạnh"}, ""},
		{"a font-size widget", "x\n+\naa\n-\n" + body, "aa", lineChrome, nil, ""},
		{"a photo credited to a body names no photographer",
			body + "Toàn cảnh lễ đón. Ảnh: Bộ Quốc phòng\n" + body, "Toàn cảnh lễ đón. Ảnh: Bộ Quốc phòng", lineCaption, nil, ""},
		{"a subheading inside the body stays text",
			"Hợp tác thực chất\n" + body + "Kết quả nổi bật\n" + body,
			"Kết quả nổi bật", lineText, nil, ""},
		{"a byline with its outlet after a dash",
			body + "Minh Hải - QĐND", "Minh Hải - QĐND", lineCredit, []string{"Minh Hải"}, "QĐND"},
		{"two writers and the outlet",
			body + "Văn Chiến – Hữu Tuấn – TTXVN", "Văn Chiến – Hữu Tuấn – TTXVN", lineCredit, []string{"Văn Chiến", "Hữu Tuấn"}, "TTXVN"},
		{"a source line with the article's address",
			body + "Nguồn QĐND: https://www.qdnd.vn/quoc-phong/doi-ngoai/bai-123", "Nguồn QĐND: https://www.qdnd.vn/quoc-phong/doi-ngoai/bai-123", lineCredit, nil, "QĐND"},
		{"a caption credited to its source",
			body + "Toàn cảnh hội nghị. Nguồn: Bộ Quốc phòng\n" + body, "Toàn cảnh hội nghị. Nguồn: Bộ Quốc phòng", lineCaption, nil, ""},
		{"a caption credited to a photographer",
			body + "Các đại biểu chụp ảnh lưu niệm. Ảnh: Trọng Hải\n" + body, "Các đại biểu chụp ảnh lưu niệm. Ảnh: Trọng Hải", lineCaption, []string{"Trọng Hải"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			txt := Normalize(tt.text)
			toks := Tokenize(txt)
			li := g.readLines(txt, toks)
			found := false
			for _, l := range li.lines {
				if l.text == tt.line {
					found = true
					if l.kind != tt.kind {
						t.Errorf("%q: kind %d, want %d", l.text, l.kind, tt.kind)
					}
				}
			}
			if !found {
				t.Fatalf("no line %q", tt.line)
			}
			if !slices.Equal(li.authors, tt.authors) {
				t.Errorf("authors %q, want %q", li.authors, tt.authors)
			}
			if tt.publisher != "" && li.publisher != tt.publisher {
				t.Errorf("publisher %q, want %q", li.publisher, tt.publisher)
			}
		})
	}
}

// TestCaptionCreditSkipped: the words of a caption's credit are no text, so
// the body that credits the photo is no organization of the article.
func TestCaptionCreditSkipped(t *testing.T) {
	g := testGazetteer(t)
	text := "Toàn cảnh hội nghị. Nguồn: Bộ Quốc phòng\n"
	txt := Normalize(text)
	toks := Tokenize(txt)
	li := g.readLines(txt, toks)
	for i, tok := range toks {
		inCredit := tok.Start >= strings.Index(txt.Norm, "Nguồn")
		if tok.Kind != Newline && li.skip[i] != inCredit {
			t.Errorf("token %q: skip %v, want %v", tok.Text, li.skip[i], inCredit)
		}
	}
}
