package extract

import "testing"

// TestCallAfterArrival holds a courtesy call told with a word of arrival
// before it ("A đã đến chào xã giao B") after another meeting of the article:
// it is a call of its own, on the sentence's day.
func TestCallAfterArrival(t *testing.T) {
	checkExpectCases(t, []expectCase{
		{"Sáng 6/8, tại thủ đô Jakarta, Thượng tướng Lê Văn An và Đại tướng Budi Santoso đã hội đàm. Trước đó, sáng cùng ngày, Thượng tướng Lê Văn An đã đến chào xã giao Đại tướng Arif Rahman.",
			"events 2|event tiếp xã giao|date 2024-08-06|chair Arif Rahman"},
		{"Chiều 7/8, tại cảng Manila, Hải quân Philippines tổ chức lễ đón tàu 18 do Đại tá Trần Văn Bình dẫn đầu. Tối cùng ngày, Đại tá Trần Văn Bình tới chào từ biệt Chuẩn Đô đốc Jose Cruz.",
			"events 2|event tiếp xã giao|date 2024-08-07|chair Jose Cruz"},
	})
}

// TestUndatedBackstory holds a sentence that opens with "Trước đó," and gives
// neither a day nor a person: the meeting it tells is told in passing, not an
// event of the article; with a day of its own and a person it is one.
func TestUndatedBackstory(t *testing.T) {
	checkExpectCases(t, []expectCase{
		{"Sáng 6/8, tại Cửa khẩu Lao Bảo, Bộ đội Biên phòng hai tỉnh tổ chức giao lưu hữu nghị. Trước đó, lực lượng biên phòng hai bên đã tổ chức dâng hương tại Nghĩa trang liệt sĩ Đường 9.",
			"events 1|event giao lưu|date 2024-08-06"},
		{"Sáng 6/8, tại Cửa khẩu Lao Bảo, Bộ đội Biên phòng hai tỉnh tổ chức giao lưu hữu nghị. Trước đó, chiều 5/8, Đại tá Trần Văn Bình đã dẫn đầu đoàn dâng hương tại Nghĩa trang liệt sĩ Đường 9.",
			"events 2|event lễ viếng|date 2024-08-05"},
	})
}
