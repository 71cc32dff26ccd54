package extract

import "testing"

// TestPlaceOfBody holds the place after "tại" read by its structure: a body's
// name that ends in lower case runs on through the unit it is of ("Bộ Chỉ huy
// Quân sự tỉnh X"), a place in brackets after it is dropped, and a place does
// not run into the meeting named after it.
func TestPlaceOfBody(t *testing.T) {
	checkExpectCases(t, []expectCase{
		{"Chiều 8/8, tại Bộ Chỉ huy Quân sự tỉnh Attapeu (Lào), đoàn Bộ đội Biên phòng tỉnh Kon Tum đã hội đàm với đoàn Attapeu.",
			"event hội đàm|date 2024-08-08|location Bộ Chỉ huy Quân sự tỉnh Attapeu"},
		{"Sáng nay (10/8), tại trụ sở Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum đã diễn ra hội đàm thường niên giữa hai đoàn.",
			"event hội đàm|date 2024-08-10|location Trụ sở Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum"},
		{"Ngày 5/8, Bộ Quốc phòng tổ chức tại thủ đô Viêng Chăn Hội nghị Quân chính.",
			"event hội nghị|location thủ đô Viêng Chăn"},
		{"Ngày 5/8, tại Trụ sở Bộ Quốc phòng Hàn Quốc ở thủ đô Seoul, Thượng tướng Hoàng Xuân Chiến hội đàm với ông Shin Beom-chul.",
			"event hội đàm|location Trụ sở Bộ Quốc phòng Hàn Quốc"},
	})
}
