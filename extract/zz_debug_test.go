package extract

import (
	"strings"
	"testing"
)

func TestZZDebug(t *testing.T) {
	g := testGazetteer(t)
	for _, s := range []string{
		"Trưởng đoàn là Chuẩn đô đốc Soonil V Bhokare, Tư lệnh Hạm đội miền Đông, Bộ Tư lệnh Hải quân Ấn Độ.",
		"bà Alice Rufo, Tổng cục trưởng Tổng cục Quan hệ quốc tế và Chiến lược, Bộ Quân đội Pháp.",
		"do bà Helene Quilter, Tổng Thư ký Quốc phòng New Zealand, làm trưởng đoàn.",
		"Tháp tùng có Chuẩn Đô đốc Wichai Pongsiri, Tham mưu phó Hải quân Hoàng gia Thái Lan.",
		"Đoàn Campuchia do trung tướng Tien Sophonrnvong, Phó Tham mưu trưởng Lục quân Campuchia, Cục trưởng Cục Biên phòng dẫn đầu.",
		"Đại tá Vũ Thị Hồng Nhung, Phó Cục trưởng Cục Công nghiệp quốc phòng và đại diện một số cơ quan",
		"Đại úy Hà Thị Ngọc Ánh, Trợ lý Vận động quần chúng Đồn Biên phòng Na Mèo, chia sẻ.",
	} {
		txt := Normalize(s)
		f, _ := g.relate(Document{ID: "t", Text: s}, txt, Tokenize(txt))
		var got []string
		for _, l := range summary(f) {
			if strings.HasPrefix(l, "PERSON ") {
				got = append(got, l)
			}
		}
		t.Log(strings.Join(got, " || "))
	}
}
