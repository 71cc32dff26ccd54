package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDiscourse holds the discourse model of events: which sentences speak of
// which event, and when one sentence holds a new one.
func TestDiscourse(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		name, published, text string
		want                  []string
	}{
		{
			name:      "two welcomes: morning and afternoon at two border gates",
			published: "2021-12-12",
			text: "Ngày 12-12, tại huyện Hướng Hóa, tỉnh Quảng Trị, Bộ Quốc phòng tổ chức Hội nghị Quân chính. " +
				"Buổi sáng, Đại tướng Chansamone Chanyalath chủ trì lễ đón Đoàn đại biểu Việt Nam. " +
				"Buổi chiều, tại Cửa khẩu quốc tế Lao Bảo, Đại tướng Phan Văn Giang chủ trì lễ đón Đoàn đại biểu Bộ Quốc phòng Lào.",
			want: []string{
				"PERSON Chansamone Chanyalath | Đại tướng | ",
				"PERSON Phan Văn Giang | Đại tướng | ",
				"EVENT hội nghị | 2021-12-12 | huyện Hướng Hóa, tỉnh Quảng Trị | Bộ Quốc phòng | chair  | attend  | speak  | about ",
				"EVENT lễ đón | 2021-12-12 |  |  | chair Chansamone Chanyalath | attend  | speak  | about ",
				"EVENT lễ đón | 2021-12-12 | Cửa khẩu quốc tế Lao Bảo |  | chair Phan Văn Giang | attend  | speak  | about ",
			},
		},
		{
			name:      "places joined by và give the first (the goldens, blind19 13)",
			published: "2025-11-13",
			text: "Ngày 13/11, tại Tây Ninh và Svay Rieng, Bộ Quốc phòng hai nước tổ chức Giao lưu hữu nghị quốc phòng biên giới lần thứ hai. " +
				"Ngày 14/11, tại huyện Sepon, tỉnh Savannakhet và huyện Hướng Hóa, tỉnh Quảng Trị, Đại tướng Phan Văn Giang chủ trì hội đàm.",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | ",
				"EVENT giao lưu | 2025-11-13 | Tây Ninh |  | chair  | attend  | speak  | about ",
				"EVENT hội đàm | 2025-11-14 | huyện Sepon, tỉnh Savannakhet |  | chair Phan Văn Giang | attend  | speak  | about ",
			},
		},
		{
			name:      "a plan named in quotation marks after its head is what the meeting is about; a capitalized head before a verb refers back",
			published: "2025-01-08",
			text:      "Sáng 8/1, Bộ Quốc phòng tổ chức Hội nghị sơ kết 3 năm thực hiện Đề án \"Đẩy mạnh đối ngoại biên giới giai đoạn 2022 - 2026\". Đề án được xây dựng nhằm cụ thể hóa chiến lược.",
			want: []string{
				"EVENT hội nghị | 2025-01-08 |  | Bộ Quốc phòng | chair  | attend  | speak  | about Đề án Đẩy mạnh đối ngoại biên giới giai đoạn 2022 - 2026",
			},
		},
		{
			name:      "a resolution a meeting issues (\"Hội nghị ra Nghị quyết …\") is what the meeting is about",
			published: "2024-07-15",
			text:      "Ngày 15/7, Đảng ủy Quân khu 1 tổ chức Hội nghị ra Nghị quyết lãnh đạo thực hiện nhiệm vụ quân sự, quốc phòng 6 tháng cuối năm 2024.",
			want: []string{
				"EVENT hội nghị | 2024-07-15 |  | Đảng ủy Quân khu 1 | chair  | attend  | speak  | about Nghị quyết lãnh đạo thực hiện nhiệm vụ quân sự",
				"RESOLUTION Nghị quyết lãnh đạo thực hiện nhiệm vụ quân sự |  | Đảng ủy Quân khu 1 | aka ",
			},
		},
		{
			name:      "a tại that says where a post sits or where a guest's visit goes is no place of the reception",
			published: "2021-09-16",
			text: "Chiều nay (16/9), Đại tướng Phan Văn Giang đã tiếp ông Park Jae Min, Thứ trưởng Quốc phòng Hàn Quốc đang có chuyến thăm, làm việc tại Việt Nam. " +
				"Chiều cùng ngày, Đại tướng Phan Văn Giang cũng đã tiếp Đại tá Ivan Petrov, Tùy viên Quân sự Liên bang Nga tại Việt Nam.",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | ",
				"PERSON Park Jae Min |  | Thứ trưởng Quốc phòng Hàn Quốc | Hàn Quốc",
				"PERSON Ivan Petrov | Đại tá | Tùy viên quân sự Liên bang Nga tại Việt Nam | Nga",
				"EVENT tiếp xã giao | 2021-09-16 |  |  | chair Phan Văn Giang | attend Park Jae Min | speak  | about ",
				"EVENT tiếp xã giao | 2021-09-16 |  |  | chair Phan Văn Giang | attend Ivan Petrov | speak  | about ",
			},
		},
		{
			name:      "an act the delegation does, as its clause's subject, on a day the sentence gives opens its event",
			published: "2024-06-12",
			text: "Sáng 10/6, tại thủ đô Viêng Chăn, Đại tướng Chansamone Chanyalath chủ trì lễ đón Đoàn. " +
				"Chiều cùng ngày, Đoàn đặt vòng hoa tại Đài tưởng niệm Chiến sĩ vô danh.",
			want: []string{
				"PERSON Chansamone Chanyalath | Đại tướng | ",
				"EVENT lễ đón | 2024-06-10 | thủ đô Viêng Chăn |  | chair Chansamone Chanyalath | attend  | speak  | about ",
				"EVENT lễ viếng | 2024-06-10 | Đài tưởng niệm Chiến sĩ vô danh |  | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "a meeting's name after the place ends the place",
			published: "2024-06-12",
			text:      "Sáng 10/6, Bộ Quốc phòng tổ chức tại thủ đô Viêng Chăn Hội nghị Tư lệnh Lực lượng Quốc phòng ASEAN lần thứ 21.",
			want: []string{
				"EVENT hội nghị | 2024-06-10 | thủ đô Viêng Chăn | Bộ Quốc phòng | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "a programme's activities listed in a framed sentence with no day of their own open no events",
			published: "2022-07-15",
			text: "Ngày 15/7, tại Cửa khẩu quốc tế Cha Lo, Bộ đội Biên phòng tỉnh Quảng Bình tổ chức hội đàm. " +
				"Trong khuôn khổ chương trình, lực lượng bảo vệ biên giới hai tỉnh đã tổ chức dâng hương tại các di tích lịch sử, giao lưu bóng chuyền và trồng cây hữu nghị.",
			want: []string{
				"EVENT hội đàm | 2022-07-15 | Cửa khẩu quốc tế Cha Lo | Bộ đội Biên phòng tỉnh Quảng Bình | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "two meetings named together past the first one's abbreviation, the second's name beginning with the first's, are two",
			published: "2022-03-29",
			text:      "Đoàn Bộ Quốc phòng Việt Nam do Đại tá Phạm Mạnh Thắng dẫn đầu đã tham dự Hội nghị Quan chức Quốc phòng cấp cao ASEAN (ADSOM) và Hội nghị Quan chức Quốc phòng cấp cao ASEAN mở rộng (ADSOM+) diễn ra trong hai ngày 28 và 29/3.",
			want: []string{
				"PERSON Phạm Mạnh Thắng | Đại tá | ",
				"EVENT hội nghị | 2022-03-28 |  |  | chair  | attend Phạm Mạnh Thắng | speak  | about ",
				"EVENT hội nghị | 2022-03-28 |  |  | chair  | attend Phạm Mạnh Thắng | speak  | about ",
			},
		},
		{
			name:      "a meeting a delegation travels to attend, said to take place, is the article's",
			published: "2015-10-03",
			text:      "Đoàn đại biểu Bộ Quốc phòng Việt Nam do Thượng tướng Nguyễn Chí Vịnh dẫn đầu đã sang Mỹ tham dự Đối thoại Chính sách quốc phòng Việt - Mỹ lần thứ 6, diễn ra tại thủ đô Washington từ ngày 29.9 đến 2.10.",
			want: []string{
				"PERSON Nguyễn Chí Vịnh | Thượng tướng | ",
				"EVENT đối thoại | 2015-09-29 | thủ đô Washington |  | chair  | attend Nguyễn Chí Vịnh | speak  | about ",
			},
		},
		{
			name:      "a meeting a delegation travels to attend is the trip's purpose",
			published: "2015-10-03",
			text:      "Đoàn đại biểu Bộ Quốc phòng Việt Nam do Thượng tướng Nguyễn Chí Vịnh dẫn đầu đã lên đường sang Mỹ tham dự Đối thoại Chính sách quốc phòng Việt - Mỹ lần thứ 6.",
			want: []string{
				"PERSON Nguyễn Chí Vịnh | Thượng tướng | ",
			},
		},
		{
			name:      "a welcome its clause says was held at a place, by a body",
			published: "2025-06-26",
			text: "Sáng 25/6, đội tàu Hải quân Liên bang Nga do Đại tá Anciferov Alexey chỉ huy đã cập Cảng quốc tế Cam Ranh. " +
				"Lễ đón đội tàu được Bộ Tư lệnh Vùng 4 Hải quân tổ chức ngay tại cầu cảng với nghi thức trang trọng.",
			want: []string{
				"PERSON Anciferov Alexey | Đại tá | ",
				"EVENT lễ đón | 2025-06-25 | cầu cảng | Bộ Tư lệnh Vùng 4 Hải quân | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "a welcome held at a place in a clause after a comma",
			published: "2025-12-01",
			text: "Sáng 1/12, tại Thanh Đảo, Bộ Quốc phòng tổ chức Hội nghị Quân chính. " +
				"Ngay sau khi tàu cập cảng, lễ đón Tàu 015 và đoàn công tác đã diễn ra trang trọng tại cầu cảng Thanh Đảo.",
			want: []string{
				"EVENT hội nghị | 2025-12-01 | Thanh Đảo | Bộ Quốc phòng | chair  | attend  | speak  | about ",
				"EVENT lễ đón | 2025-12-01 | cầu cảng Thanh Đảo |  | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "the commander of a ship group after 'do' leads it; a charge after a post is no verb",
			published: "2025-06-29",
			text: "Từ ngày 25 đến 28/6, biên đội tàu Hải quân Ấn Độ do Đại tá Rahul Kumar chỉ huy đã thăm thành phố Đà Nẵng. " +
				"Ngày 27/6, tàu hai nước tuần tra chung tại vùng biển Tây Nam. Đại tá Trần Văn Tùng, Phó Tư lệnh Vùng 5 Hải quân, chỉ huy biên đội tàu phía Việt Nam cho biết chuyến tuần tra an toàn.",
			want: []string{
				"PERSON Rahul Kumar | Đại tá | ",
				"PERSON Trần Văn Tùng | Đại tá | Phó Tư lệnh Vùng 5 Hải quân",
				"EVENT chuyến thăm | 2025-06-25 |  |  | chair  | attend Rahul Kumar | speak  | about ",
				"EVENT tuần tra chung | 2025-06-27 | vùng biển Tây Nam |  | chair  | attend  | speak Trần Văn Tùng | about ",
			},
		},
		{
			name:      "a memorial's place is a description up to the comma before a clause of its own",
			published: "2025-06-29",
			text:      "Chiều 26/6, nhóm chỉ huy đội tàu đặt vòng hoa tại Đài tưởng niệm các quân nhân Liên Xô, Liên bang Nga và Việt Nam đã hy sinh vì hòa bình và ổn định khu vực, nhóm chỉ huy đã tham quan bảo tàng.",
			want: []string{
				"EVENT lễ viếng | 2025-06-26 | Đài tưởng niệm các quân nhân Liên Xô, Liên bang Nga và Việt Nam đã hy sinh vì hòa bình và ổn định khu vực |  | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "a temple's place goes on past a comma before plain words and ends at 'và' before a verb",
			published: "2025-06-29",
			text:      "Ngày 27/6, Đại tướng Phan Văn Giang đặt vòng hoa tại Đền thờ các anh hùng, liệt sĩ Lào - Việt Nam và thăm Bảo tàng Quân đội.",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | ",
				"EVENT lễ viếng | 2025-06-27 | Đền thờ các anh hùng, liệt sĩ Lào - Việt Nam |  | chair  | attend Phan Văn Giang | speak  | about ",
			},
		},
		{
			name:      "a border marker's place keeps its number and ends before an adjunct",
			published: "2025-06-29",
			text:      "Ngày 28/6, lực lượng biên phòng hai nước tuần tra chung tại Cột mốc 112, trên tuyến biên giới Việt Nam - Trung Quốc.",
			want: []string{
				"EVENT tuần tra chung | 2025-06-28 | Cột mốc 112 |  | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "a visit begins where its travellers arrive on its first day",
			published: "2025-06-29",
			text: "Trong các ngày từ 25 đến 28/6, biên đội tàu Hải quân Ấn Độ đã đến thăm thành phố Đà Nẵng. " +
				"Sáng 25/6, biên đội tàu do Đại tá Rahul Kumar chỉ huy đã cập cảng Tiên Sa.",
			want: []string{
				"PERSON Rahul Kumar | Đại tá | ",
				"EVENT chuyến thăm | 2025-06-25 | cảng Tiên Sa |  | chair  | attend Rahul Kumar | speak  | about ",
			},
		},
		{
			name:      "an arrival on another day does not place the visit",
			published: "2025-06-29",
			text: "Trong các ngày từ 25 đến 28/6, biên đội tàu Hải quân Ấn Độ đã đến thăm thành phố Đà Nẵng. " +
				"Sáng 27/6, biên đội tàu đã cập cảng Tiên Sa.",
			want: []string{
				"EVENT chuyến thăm | 2025-06-25 |  |  | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "a dated arrival before any visit opens the visit the text names later; a port is not its province",
			published: "2025-12-01",
			text: "Sáng 1/12, tàu 016 cùng đoàn công tác Hải quân nhân dân Việt Nam do Đại tá Trần Văn Nam làm trưởng đoàn đã cập cảng Thượng Hải, thành phố Thượng Hải (Trung Quốc). " +
				"Thượng Hải là điểm dừng chân đầu tiên trong chuyến thăm ba nước của đoàn.",
			want: []string{
				"PERSON Trần Văn Nam | Đại tá | ",
				"EVENT chuyến thăm | 2025-12-01 | cảng Thượng Hải |  | chair  | attend Trần Văn Nam | speak  | about ",
			},
		},
		{
			name:      "an arrival with no visit named after it is no visit",
			published: "2025-12-01",
			text:      "Sáng 1/12, tàu 016 do Đại tá Trần Văn Nam làm trưởng đoàn đã cập cảng Thượng Hải.",
			want: []string{
				"PERSON Trần Văn Nam | Đại tá | ",
			},
		},
		{
			name:      "a visit the sentence opens with its range of days, after a dateline",
			published: "2025-06-29",
			text:      "HQ Online - Trong các ngày từ 25 đến 28/6, đội tàu Hải quân Liên bang Nga đã đến thăm tỉnh Khánh Hòa và giao lưu với Hải quân nhân dân Việt Nam.",
			want: []string{
				"EVENT chuyến thăm | 2025-06-25 |  |  | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "a meeting held on another day is another meeting",
			published: "2021-12-12",
			text: "Ngày 12-12, tại Hà Nội, Bộ Quốc phòng tổ chức Hội nghị Quân chính. " +
				"Trước đó, hôm qua (11-12), tại Quảng Trị, Bộ Tư lệnh Bộ đội Biên phòng tổ chức hội nghị sơ kết công tác biên phòng. " +
				"Trung tướng Vongkham Phommakone dự hội nghị.",
			want: []string{
				"PERSON Vongkham Phommakone | Trung tướng | ",
				"EVENT hội nghị | 2021-12-12 | Hà Nội | Bộ Quốc phòng | chair  | attend  | speak  | about ",
				"EVENT hội nghị | 2021-12-11 | Quảng Trị | Bộ Tư lệnh Bộ đội Biên phòng | chair  | attend Vongkham Phommakone | speak  | about ",
			},
		},
		{
			name:      "a past meeting told as backstory, with no one named in it, is no event",
			published: "2023-12-02",
			text: "Sáng 2-12, tại Ninh Bình, Bộ Quốc phòng tổ chức lễ công bố quyết định thành lập Quân đoàn 12. " +
				"Trước đó, ngày 29-11, cũng tại Ninh Bình, Bộ Quốc phòng đã tổ chức hội nghị tiếp nhận các cơ quan, đơn vị về Quân đoàn 12. " +
				"Tại buổi lễ, Đại tướng Phan Văn Giang phát biểu giao nhiệm vụ.",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | ",
				"EVENT lễ công bố | 2023-12-02 | Ninh Bình | Bộ Quốc phòng | chair  | attend  | speak Phan Văn Giang | about ",
			},
		},
		{
			name:      "two meetings named together share their day, place and travellers; told in retrospect, no later paragraph's scene",
			published: "2019-01-25",
			text: "Ngày 25-1, tại Hà Nội, Bộ Quốc phòng tổ chức Hội nghị tổng kết công tác đối ngoại quốc phòng năm 2018. " +
				"Từ ngày 18 đến 20/10/2018, Đoàn đại biểu do Đại tướng Ngô Xuân Lịch dẫn đầu đã tham dự Hội nghị Bộ trưởng Quốc phòng các nước ASEAN lần thứ 12 (ADMM-12) và Hội nghị Bộ trưởng Quốc phòng các nước ASEAN mở rộng lần thứ 5 (ADMM+5) tại Singapore.\n\n" +
				"Hội nghị xác định, năm 2019, công tác đối ngoại quốc phòng cần bám sát Nghị quyết số 806-NQ/QUTW.",
			want: []string{
				"PERSON Ngô Xuân Lịch | Đại tướng | ",
				// what the meeting says work must follow is no document it reviewed
				"EVENT hội nghị | 2019-01-25 | Hà Nội | Bộ Quốc phòng | chair  | attend  | speak  | about ",
				"EVENT hội nghị | 2018-10-18 | Singapore |  | chair  | attend Ngô Xuân Lịch | speak  | about ",
				"EVENT hội nghị | 2018-10-18 | Singapore |  | chair  | attend Ngô Xuân Lịch | speak  | about ",
				"RESOLUTION Nghị quyết 806-NQ/QUTW | 806-NQ/QUTW | Quân ủy Trung ương | aka Nghị quyết số 806-NQ/QUTW",
			},
		},
		{
			name:      "a second lower-case meeting of a kind, held under a name that does not fit the first, is another",
			published: "2020-07-29",
			text: "Chiều 28/7, hội nghị bàn giao chức trách, nhiệm vụ Tư lệnh Hải quân đã diễn ra với sự tham dự của Thứ trưởng Phạm Hoài Nam. " +
				"Cùng ngày 28/7, Bộ đội Biên phòng tổ chức hội nghị bàn giao nhiệm vụ Tư lệnh Bộ đội Biên phòng. " +
				"Tại hội nghị, Trung tướng Hoàng Xuân Chiến đã bàn giao nhiệm vụ cho Thiếu tướng Lê Đức Thái.",
			want: []string{
				"PERSON Phạm Hoài Nam |  | Thứ trưởng",
				"PERSON Hoàng Xuân Chiến | Trung tướng | ",
				"PERSON Lê Đức Thái | Thiếu tướng | ",
				"EVENT hội nghị | 2020-07-28 |  |  | chair  | attend Phạm Hoài Nam | speak  | about ",
				"EVENT hội nghị | 2020-07-28 |  | Bộ đội Biên phòng | chair  | attend Hoàng Xuân Chiến, Lê Đức Thái | speak  | about ",
			},
		},
		{
			name:      "a travelling group stands for its head: the programme of a ship visit",
			published: "2025-06-28",
			text: "Sáng 25/6, đội tàu Hải quân Nga do Đại tá Anciferov Alexey chỉ huy đã cập Cảng quốc tế Cam Ranh. " +
				"Chiều cùng ngày, nhóm chỉ huy đội tàu tới đặt vòng hoa tại Đài tưởng niệm các quân nhân Liên Xô. " +
				"Ngày 26/6, tại Sở chỉ huy Bộ Tư lệnh Vùng 4 Hải quân, thủ trưởng Bộ Tư lệnh Vùng đã tiếp xã giao nhóm chỉ huy đội tàu. " +
				"Trong thời gian ở Khánh Hòa, nhóm chỉ huy đội tàu đã chào xã giao lãnh đạo Ủy ban nhân dân tỉnh Khánh Hòa.",
			want: []string{
				"PERSON Anciferov Alexey | Đại tá | ",
				"EVENT lễ viếng | 2025-06-25 | Đài tưởng niệm các quân nhân Liên Xô |  | chair  | attend Anciferov Alexey | speak  | about ",
				"EVENT tiếp xã giao | 2025-06-26 | Sở chỉ huy Bộ Tư lệnh Vùng 4 Hải quân |  | chair  | attend Anciferov Alexey | speak  | about ",
			},
		},
		{
			name:      "what travellers are doing, told with đang and no day, is in passing",
			published: "2015-08-10",
			text: "Chiều nay (10.8), tại Trụ sở Bộ Quốc phòng, đại tướng Phùng Quang Thanh đã tiếp đoàn đại biểu Bộ Quốc phòng Trung Quốc do thượng tướng Tôn Kiến Quốc dẫn đầu. " +
				"Đoàn Trung Quốc đang ở thăm Việt Nam và dự Đối thoại chiến lược quốc phòng Việt Nam - Trung Quốc lần thứ 5.",
			want: []string{
				"PERSON Phùng Quang Thanh | Đại tướng | ",
				"PERSON Tôn Kiến Quốc | Thượng tướng | ",
				"EVENT tiếp xã giao | 2015-08-10 | Trụ sở Bộ Quốc phòng |  | chair Phùng Quang Thanh | attend Tôn Kiến Quốc | speak  | about ",
			},
		},
		{
			name:      "a welcome in a photo caption opens no event",
			published: "2024-12-19",
			text: "Sáng 19-12, Bộ Quốc phòng tổ chức Lễ khai mạc Triển lãm Quốc phòng quốc tế Việt Nam 2024 tại Hà Nội.\n\n" +
				"Đại tướng Phan Văn Giang đón Thủ tướng Phạm Minh Chính tới triển lãm. Ảnh: NGUYỄN KHÁNH",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | ",
				"PERSON Phạm Minh Chính |  | Thủ tướng",
				"EVENT triển lãm | 2024-12-19 | Hà Nội | Bộ Quốc phòng | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "a story of a departure: the meeting the travellers go to attend is no event, also where it is named again",
			published: "2015-05-29",
			text: "Sáng nay (29/5), Đoàn đại biểu quân sự cấp cao Việt Nam do Thượng tướng Nguyễn Chí Vịnh dẫn đầu đã rời Hà Nội đi Singapore, tham dự Hội nghị Thượng đỉnh An ninh châu Á - Đối thoại Shangri-La lần thứ 14. " +
				"Năm nay, Đối thoại diễn ra từ ngày 29 đến 31/5 với sáu phiên thảo luận. " +
				"Việt Nam tham dự Đối thoại Shangri-La từ nhiều năm nay.",
			want: []string{
				"PERSON Nguyễn Chí Vịnh | Thượng tướng | ",
			},
		},
		{
			name:      "a name that only begins like another's, on a day of its own, is another meeting",
			published: "2022-05-18",
			text: "Ngày 18-5, Hội nghị Quan chức Quốc phòng cấp cao các nước ASEAN mở rộng (ADSOM+) đã diễn ra tại thủ đô Phnom Penh. " +
				"Trước đó, sáng 17-5, Hội nghị Quan chức Quốc phòng cấp cao các nước ASEAN (ADSOM) đã khai mạc dưới sự chủ trì của Đại tướng Nem Sowath.",
			want: []string{
				"PERSON Nem Sowath | Đại tướng | ",
				"EVENT hội nghị | 2022-05-18 | thủ đô Phnom Penh |  | chair  | attend  | speak  | about ",
				"EVENT hội nghị | 2022-05-17 |  |  | chair Nem Sowath | attend  | speak  | about ",
			},
		},
		{
			name:      "a meeting word right after the sentence that opened a named meeting names it again; the programme it is part of is an event",
			published: "2022-12-07",
			text: "Hôm nay (7/12), tại Hà Nội, Hội nghị Công tác cấp cao giữa Cảnh sát biển Việt Nam và Cảnh sát biển Trung Quốc lần thứ sáu đã diễn ra. " +
				"Thiếu tướng Lê Quang Đạo và Thiếu tướng Uất Trung đồng chủ trì hội đàm. " +
				"Hội đàm cũng là hoạt động mở đầu chuỗi hoạt động của Chương trình giao lưu Cảnh sát biển lần thứ nhất, do Bộ Tư lệnh Cảnh sát biển Việt Nam khởi xướng và tổ chức tại Hà Nội.",
			want: []string{
				"PERSON Lê Quang Đạo | Thiếu tướng | ",
				"PERSON Uất Trung | Thiếu tướng | ",
				"EVENT hội nghị | 2022-12-07 | Hà Nội |  | chair Lê Quang Đạo, Uất Trung | attend  | speak  | about ",
				"EVENT giao lưu | 2022-12-07 | Hà Nội | Bộ Tư lệnh Cảnh sát biển | chair  | attend Lê Quang Đạo, Uất Trung | speak  | about ",
			},
		},
		{
			name:      "a visit begun at an arrival: its destination after tới, its first day, not the day it lasts until",
			published: "2025-05-10",
			text:      "Sáng 10/5, tàu tuần tra Yashima của Nhật Bản đã cập cảng Tiên Sa, bắt đầu chuyến thăm hữu nghị tới thành phố Đà Nẵng kéo dài đến ngày 14/5.",
			want: []string{
				"EVENT chuyến thăm | 2025-05-10 | thành phố Đà Nẵng |  | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "ceremonies read from their words: lễ and an act, a closing held by a body, one held as a clause's subject",
			published: "2024-06-18",
			text: "Chiều 18/6, tại Hà Nội, Cục Đối ngoại tổ chức bế mạc lớp tập huấn nghiệp vụ đối ngoại quốc phòng. " +
				"Sáng 19/6, tại Hà Nội, đã diễn ra lễ trao tặng huân chương cho lãnh đạo quân đội hai nước. " +
				"Dự buổi lễ có Thượng tướng Nguyễn Chí Vịnh. " +
				"Các học viên đã làm lễ chào cờ.",
			want: []string{
				"PERSON Nguyễn Chí Vịnh | Thượng tướng | ",
				"EVENT lễ bế mạc | 2024-06-18 | Hà Nội | Cục Đối ngoại | chair  | attend  | speak  | about ",
				"EVENT lễ trao tặng | 2024-06-19 | Hà Nội |  | chair  | attend Nguyễn Chí Vịnh | speak  | about ",
			},
		},
		{
			name:      "the scene's date dates a meeting of a later sentence",
			published: "2018-11-20",
			text: "Sáng 19/11, tại Hà Nội, Đại tướng Ngô Xuân Lịch chủ trì lễ đón Thượng tướng Ngụy Phượng Hòa. " +
				"Sáng 20/11, các hoạt động chuyển sang tỉnh Cao Bằng. " +
				"Tại cửa khẩu Tà Lùng, Đại tướng Ngô Xuân Lịch chủ trì lễ đón Thượng tướng Ngụy Phượng Hòa.",
			want: []string{
				"PERSON Ngô Xuân Lịch | Đại tướng | ",
				"PERSON Ngụy Phượng Hòa | Thượng tướng | ",
				"EVENT lễ đón | 2018-11-19 | Hà Nội |  | chair Ngô Xuân Lịch | attend Ngụy Phượng Hòa | speak  | about ",
				"EVENT lễ đón | 2018-11-20 | cửa khẩu Tà Lùng |  | chair Ngô Xuân Lịch | attend Ngụy Phượng Hòa | speak  | about ",
			},
		},
		{
			name:      "attending the same ceremony again is the same ceremony",
			published: "2024-08-10",
			text: "Sáng 5/8, tại Hà Nội, Bộ Quốc phòng tổ chức lễ tiễn Đội Công binh số 3. " +
				"Dự lễ tiễn có Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng; bà Ingrid Halvorsen, Điều phối viên thường trú Liên hợp quốc tại Việt Nam.",
			want: []string{
				"PERSON Hoàng Xuân Chiến | Thượng tướng | Thứ trưởng Bộ Quốc phòng",
				"PERSON Ingrid Halvorsen |  | Điều phối viên thường trú Liên hợp quốc tại Việt Nam",
				"EVENT lễ tiễn | 2024-08-05 | Hà Nội | Bộ Quốc phòng | chair  | attend Hoàng Xuân Chiến, Ingrid Halvorsen | speak  | about ",
			},
		},
		{
			name:      "a visit in passing with its own dates is the story's visit, dated and placed by its own clause",
			published: "2024-10-25",
			text:      "Chiều nay (25/10), tại Trụ sở Bộ Quốc phòng, Đại tướng Phan Văn Giang đã tiếp Thượng tướng Trương Hựu Hiệp, đang có chuyến thăm chính thức Việt Nam từ ngày 24 đến 26/10.",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | ",
				"PERSON Trương Hựu Hiệp | Thượng tướng | ",
				"EVENT chuyến thăm | 2024-10-24 |  |  | chair  | attend Trương Hựu Hiệp | speak  | about ",
				"EVENT tiếp xã giao | 2024-10-25 | Trụ sở Bộ Quốc phòng |  | chair Phan Văn Giang | attend Trương Hựu Hiệp | speak  | about ",
			},
		},
		{
			name:      "a delegation that arrives and begins its visit: the destination is the visit's place",
			published: "2019-08-22",
			text:      "Đoàn đại biểu Bộ Quốc phòng Nam Phi do bà Nosiviwe Nqakula dẫn đầu đã tới Hà Nội, bắt đầu chuyến thăm chính thức Việt Nam từ ngày 22 đến 26/8.",
			want: []string{
				"PERSON Nosiviwe Nqakula |  | ",
				"EVENT chuyến thăm | 2019-08-22 | Hà Nội |  | chair  | attend Nosiviwe Nqakula | speak  | about ",
			},
		},
		{
			name:      "a visit only planned is no event",
			published: "2019-08-22",
			text:      "Theo kế hoạch, Đoàn đại biểu Bộ Quốc phòng Nam Phi do bà Nosiviwe Nqakula dẫn đầu sẽ thăm Việt Nam từ ngày 22 đến 26/8.",
			want: []string{
				"PERSON Nosiviwe Nqakula |  | ",
			},
		},
		{
			name:      "a meeting named first without a date is the dated one whose name it fits",
			published: "2023-09-22",
			text: "Thượng tướng Hoàng Xuân Chiến dẫn đầu đoàn Việt Nam dự Đối thoại chính sách quốc phòng lần thứ 2. " +
				"Ngày 21-9, tại Ottawa, Thượng tướng Hoàng Xuân Chiến và ông Bill Matthews đã đồng chủ trì Đối thoại chính sách quốc phòng Việt Nam - Canada lần thứ 2.",
			want: []string{
				"PERSON Hoàng Xuân Chiến | Thượng tướng | ",
				"PERSON Bill Matthews |  | ",
				"EVENT đối thoại | 2023-09-21 | Ottawa |  | chair Bill Matthews, Hoàng Xuân Chiến | attend  | speak  | about ",
			},
		},
		{
			name:      "a purpose that opens the sentence ends at its comma",
			published: "2023-09-22",
			text: "Ngày 21-9, tại Ottawa, Bộ Quốc phòng tổ chức Đối thoại chính sách quốc phòng Việt Nam - Canada lần thứ 2. " +
				"Để chuẩn bị cho Đối thoại, ngày 27-7, Tham vấn quốc phòng song phương Việt Nam - Canada năm 2023 đã được tổ chức theo hình thức trực tuyến.",
			want: []string{
				"EVENT đối thoại | 2023-09-21 | Ottawa | Bộ Quốc phòng | chair  | attend  | speak  | about ",
				"EVENT tham vấn | 2023-07-27 |  |  | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "a body holds a welcome; the meeting its guests come to attend is no event of the article",
			published: "2025-08-16",
			text:      "Hôm nay (16/8), tại Cửa khẩu quốc tế Cầu Treo, Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh tổ chức đón Đoàn đại biểu Quân đội nhân dân Lào sang Việt Nam luyện tập, tham gia Lễ kỷ niệm 80 năm Cách mạng Tháng Tám.",
			want: []string{
				"EVENT lễ đón | 2025-08-16 | Cửa khẩu quốc tế Cầu Treo | Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "the pair a title names is the two people who hold it",
			published: "2021-12-12",
			text: "Buổi chiều, tại Cửa khẩu quốc tế Lao Bảo, Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng chủ trì lễ đón Đại tướng Chansamone Chanyalath, Bộ trưởng Bộ Quốc phòng Lào. " +
				"Ngay sau lễ đón, hai Bộ trưởng đồng chủ trì hội đàm.",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | Bộ trưởng Bộ Quốc phòng",
				"PERSON Chansamone Chanyalath | Đại tướng | Bộ trưởng Bộ Quốc phòng Lào | Lào",
				"EVENT lễ đón |  | Cửa khẩu quốc tế Lao Bảo |  | chair Phan Văn Giang | attend Chansamone Chanyalath | speak  | about ",
				"EVENT hội đàm |  |  |  | chair Chansamone Chanyalath, Phan Văn Giang | attend  | speak  | about ",
			},
		},
		{
			name:      "a meeting word in what someone says is no scene",
			published: "2018-11-20",
			text: "Ngày 19/11, Bộ Quốc phòng tổ chức Giao lưu hữu nghị Quốc phòng biên giới lần thứ 5. " +
				"Chiều cùng ngày, tại huyện Long Châu, Đại tướng Ngô Xuân Lịch đã hội đàm với Thượng tướng Ngụy Phượng Hòa. " +
				"Đại tướng Ngô Xuân Lịch khẳng định, giao lưu hữu nghị quốc phòng biên giới là hoạt động thiết thực.",
			want: []string{
				"PERSON Ngô Xuân Lịch | Đại tướng | ",
				"PERSON Ngụy Phượng Hòa | Thượng tướng | ",
				"EVENT giao lưu | 2018-11-19 |  | Bộ Quốc phòng | chair  | attend  | speak  | about ",
				"EVENT hội đàm | 2018-11-19 | huyện Long Châu |  | chair  | attend Ngô Xuân Lịch, Ngụy Phượng Hòa | speak Ngô Xuân Lịch | about ",
			},
		},
		{
			name:      "a delegation welcomed is its members, by the country its name gives",
			published: "2021-12-12",
			text: "Ngày 12-12, tại huyện Sepon đã diễn ra Giao lưu hữu nghị Quốc phòng biên giới Việt Nam - Lào lần thứ nhất. " +
				"Đoàn đại biểu Việt Nam do Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng làm Trưởng đoàn. " +
				"Tham gia đoàn có Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng. " +
				"Đoàn Lào do Đại tướng Chansamone Chanyalath, Bộ trưởng Bộ Quốc phòng Lào dẫn đầu. " +
				"Buổi sáng, Đại tướng Chansamone Chanyalath chủ trì lễ đón Đoàn đại biểu Việt Nam.",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | Bộ trưởng Bộ Quốc phòng",
				"PERSON Hoàng Xuân Chiến | Thượng tướng | Thứ trưởng Bộ Quốc phòng",
				"PERSON Chansamone Chanyalath | Đại tướng | Bộ trưởng Bộ Quốc phòng Lào | Lào",
				"EVENT giao lưu | 2021-12-12 | huyện Sepon |  | chair  | attend Chansamone Chanyalath, Hoàng Xuân Chiến, Phan Văn Giang | speak  | about ",
				"EVENT lễ đón | 2021-12-12 |  |  | chair Chansamone Chanyalath | attend Hoàng Xuân Chiến, Phan Văn Giang | speak  | about ",
			},
		},
		{
			name:      "the sentence that holds a meeting named before says where it was",
			published: "2022-09-07",
			text: "Chiều qua (6/9), tại Seoul, Bộ trưởng Lee Jong Sup đã tiếp Thượng tướng Hoàng Xuân Chiến, đang ở Hàn Quốc dự Đối thoại chính sách quốc phòng Việt Nam - Hàn Quốc lần thứ 10. " +
				"Trước đó, cùng ngày, tại Trụ sở Bộ Quốc phòng Hàn Quốc, Thượng tướng Hoàng Xuân Chiến và ông Shin Beom Chul đồng chủ trì Đối thoại chính sách quốc phòng Việt Nam - Hàn Quốc lần thứ 10.",
			want: []string{
				"PERSON Lee Jong Sup |  | Bộ trưởng",
				"PERSON Hoàng Xuân Chiến | Thượng tướng | ",
				"PERSON Shin Beom Chul |  | ",
				"EVENT đối thoại | 2022-09-06 | Trụ sở Bộ Quốc phòng Hàn Quốc |  | chair Hoàng Xuân Chiến, Shin Beom Chul | attend  | speak  | about ",
				"EVENT tiếp xã giao | 2022-09-06 | Seoul |  | chair Lee Jong Sup | attend Hoàng Xuân Chiến | speak  | about ",
			},
		},
		{
			name:      "the one whose visit it is makes it; after a welcome, the two sides of the talks are its host and guest",
			published: "2024-10-25",
			text: "Chuyến thăm chính thức Việt Nam từ ngày 24 đến 26-10 của Thượng tướng Trương Hựu Hiệp được thực hiện theo lời mời của Đại tướng Phan Văn Giang. " +
				"Trước đó, chiều 24-10, tại Trụ sở Bộ Quốc phòng, Đại tướng Phan Văn Giang đã chủ trì lễ đón chính thức Thượng tướng Trương Hựu Hiệp. " +
				"Ngay sau lễ đón, hai bên hội đàm.",
			want: []string{
				"PERSON Trương Hựu Hiệp | Thượng tướng | ",
				"PERSON Phan Văn Giang | Đại tướng | ",
				"EVENT chuyến thăm | 2024-10-24 |  |  | chair  | attend Trương Hựu Hiệp | speak  | about ",
				"EVENT lễ đón | 2024-10-24 | Trụ sở Bộ Quốc phòng |  | chair Phan Văn Giang | attend Trương Hựu Hiệp | speak  | about ",
				"EVENT hội đàm | 2024-10-24 |  |  | chair  | attend Phan Văn Giang, Trương Hựu Hiệp | speak  | about ",
			},
		},
		{
			name:      "a visit the sentence opens with a range of days: the ships' visit, placed where they dock",
			published: "",
			text:      "HQ Online - Từ ngày 25 đến 28/6, đội tàu Hải quân Liên bang Nga do Đại tá Anciferov Alexey Vitalievich chỉ huy đã cập Cảng quốc tế Cam Ranh, thăm tỉnh Khánh Hòa và giao lưu với Hải quân nhân dân Việt Nam.",
			want: []string{
				"PERSON Anciferov Alexey Vitalievich | Đại tá | ",
				"EVENT chuyến thăm | --06-25 | Cảng quốc tế Cam Ranh |  | chair  | attend Anciferov Alexey Vitalievich | speak  | about ",
			},
		},
		{
			name:      "a meeting named after the one the sentence opened is what that one is about; a field survey is an event",
			published: "2024-10-15",
			text: "Sáng nay (15/10), tại Hà Nội, Bộ Quốc phòng tổ chức buổi gặp mặt báo chí giới thiệu Giao lưu hữu nghị quốc phòng biên giới Việt Nam - Lào lần thứ 2. " +
				"Để chuẩn bị, ngày 12/8, đoàn công tác do Thượng tướng Hoàng Xuân Chiến dẫn đầu đã khảo sát thực địa tại huyện Mộc Châu, tỉnh Sơn La.",
			want: []string{
				"PERSON Hoàng Xuân Chiến | Thượng tướng | ",
				"EVENT gặp mặt | 2024-10-15 | Hà Nội | Bộ Quốc phòng | chair  | attend  | speak  | about ",
				"EVENT khảo sát | 2024-08-12 | huyện Mộc Châu, tỉnh Sơn La |  | chair  | attend Hoàng Xuân Chiến | speak  | about ",
			},
		},
		{
			name:      "the place after a reporter's outlet is where the reporter is",
			published: "2023-10-25",
			text:      "Theo phóng viên TTXVN tại Lào, hôm qua (24/10), tại tỉnh Luang Prabang, Bắc Lào, đã diễn ra Hội đàm thường niên năm 2023 giữa Cục Bộ đội Biên phòng và Bộ Tư lệnh Bộ đội Biên phòng.",
			want: []string{
				"EVENT hội đàm | 2023-10-24 | tỉnh Luang Prabang |  | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "the documents listed after a review verb's generic head are what the meeting reviewed",
			published: "2023-02-27",
			text: "Ngày 27-2, Đảng ủy Quân khu 1 tổ chức Hội nghị quán triệt các nghị quyết của Quân ủy Trung ương. " +
				"Tại hội nghị, các đại biểu được nghiên cứu, quán triệt hai nghị quyết Quân ủy Trung ương ban hành cuối năm 2022, gồm: Nghị quyết số 1661-NQ/QUTW ngày 20/12/2022 về lãnh đạo công tác tài chính; Nghị quyết số 1658-NQ/QUTW ngày 20/12/2022 về công tác hậu cần. " +
				"Các đơn vị đã hoàn thành các chỉ tiêu, gồm: Nghị quyết số 1659-NQ/QUTW.",
			want: []string{
				"EVENT hội nghị | 2023-02-27 |  | Đảng ủy Quân khu 1 | chair  | attend  | speak  | about Nghị quyết 1661-NQ/QUTW; Nghị quyết 1658-NQ/QUTW",
				"RESOLUTION Nghị quyết 1661-NQ/QUTW | 1661-NQ/QUTW | Quân ủy Trung ương | aka Nghị quyết số 1661-NQ/QUTW",
				"RESOLUTION Nghị quyết 1658-NQ/QUTW | 1658-NQ/QUTW | Quân ủy Trung ương | aka Nghị quyết số 1658-NQ/QUTW",
				"RESOLUTION Nghị quyết 1659-NQ/QUTW | 1659-NQ/QUTW | Quân ủy Trung ương | aka Nghị quyết số 1659-NQ/QUTW",
			},
		},
		{
			name:      "a guest on a visit with its own days: the visit is the story's; the inviter is no guest; a guest described by title and country or as 'vị khách'",
			published: "2018-01-25",
			text: "Chiều 25-1, tại Phủ Chủ tịch, Chủ tịch nước Trần Đại Quang đã tiếp ông James Mattis, Bộ trưởng Quốc phòng Hoa Kỳ, đang thăm chính thức Việt Nam từ ngày 24 đến 25-1 theo lời mời của Đại tướng Ngô Xuân Lịch. " +
				"Bộ trưởng James Mattis cảm ơn Chủ tịch nước đã dành thời gian tiếp đoàn và cho biết chuyến thăm diễn ra tốt đẹp. " +
				"Trước đó, sáng cùng ngày, tại Trụ sở Bộ Quốc phòng, Đại tướng Ngô Xuân Lịch đã chủ trì lễ đón chính thức Bộ trưởng Quốc phòng Hoa Kỳ. " +
				"Chiều cùng ngày, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính tiếp vị khách Hoa Kỳ.",
			want: []string{
				"PERSON Trần Đại Quang |  | Chủ tịch nước | aka Chủ tịch nước",
				"PERSON James Mattis |  | Bộ trưởng Quốc phòng Hoa Kỳ | aka Bộ trưởng James Mattis | Mỹ",
				"PERSON Ngô Xuân Lịch | Đại tướng | ",
				"PERSON Phạm Minh Chính |  | Thủ tướng",
				"EVENT chuyến thăm | 2018-01-24 |  |  | chair  | attend James Mattis | speak  | about ",
				"EVENT tiếp xã giao | 2018-01-25 | Phủ Chủ tịch |  | chair Trần Đại Quang | attend James Mattis | speak James Mattis | about ",
				"EVENT lễ đón | 2018-01-25 | Trụ sở Bộ Quốc phòng |  | chair Ngô Xuân Lịch | attend James Mattis | speak  | about ",
				"EVENT tiếp xã giao | 2018-01-25 | Trụ sở Chính phủ |  | chair Phạm Minh Chính | attend James Mattis | speak  | about ",
			},
		},
		{
			name:      "a guest's clause about the visit keeps the guest; a visit someone speaks of is no scene ('Mở đầu hội đàm, A nhấn mạnh chuyến thăm …')",
			published: "2022-06-09",
			text: "Sáng 8/6, tại Trụ sở Bộ Quốc phòng, Đại tướng Phan Văn Giang chủ trì lễ đón ông Rajnath Singh, Bộ trưởng Quốc phòng Ấn Độ, đang thăm chính thức Việt Nam từ ngày 8 đến 10/6. " +
				"Ngay sau lễ đón, tại Trụ sở Bộ Quốc phòng, hai Bộ trưởng tiến hành hội đàm. " +
				"Mở đầu hội đàm, Đại tướng Phan Văn Giang nhấn mạnh chuyến thăm mang ý nghĩa đặc biệt.",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | ",
				"PERSON Rajnath Singh |  | Bộ trưởng Quốc phòng Ấn Độ | Ấn Độ",
				"EVENT lễ đón | 2022-06-08 | Trụ sở Bộ Quốc phòng |  | chair Phan Văn Giang | attend Rajnath Singh | speak  | about ",
				"EVENT chuyến thăm | 2022-06-08 |  |  | chair  | attend Rajnath Singh | speak  | about ",
				"EVENT hội đàm | 2022-06-08 | Trụ sở Bộ Quốc phòng |  | chair  | attend  | speak Phan Văn Giang | about ",
			},
		},
		{
			name:      "a welcome held in a clause after the place the sentence opens with; those who go with the delegation are its guests",
			published: "2021-12-13",
			text: "Hôm qua (12/12), chương trình Giao lưu hữu nghị Quốc phòng biên giới Việt Nam - Lào lần thứ nhất đã được tổ chức tại huyện Sepon. " +
				"Đoàn đại biểu Việt Nam do Đại tướng Phan Văn Giang làm Trưởng đoàn. Cùng đi có Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng. " +
				"Mở đầu chương trình, tại Cửa khẩu Densavan (Savannakhet), lễ đón Đoàn đại biểu Việt Nam được tổ chức trang trọng dưới sự chủ trì của Đại tướng Chansamone Chanyalath.",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | ",
				"PERSON Hoàng Xuân Chiến | Thượng tướng | Thứ trưởng Bộ Quốc phòng",
				"PERSON Chansamone Chanyalath | Đại tướng | ",
				"EVENT giao lưu | 2021-12-12 | huyện Sepon |  | chair  | attend Hoàng Xuân Chiến, Phan Văn Giang | speak  | about ",
				"EVENT lễ đón | 2021-12-12 | Cửa khẩu Densavan |  | chair Chansamone Chanyalath | attend Hoàng Xuân Chiến, Phan Văn Giang | speak  | about ",
			},
		},
		{
			name:      "a second welcome, its clause held on another day ('lễ đón đoàn … do A làm trưởng đoàn diễn ra … dưới sự chủ trì của B')",
			published: "2025-04-18",
			text: "Giao lưu hữu nghị quốc phòng biên giới Việt Nam - Trung Quốc lần thứ 9 diễn ra trong hai ngày 16-17/4 tại tỉnh Lạng Sơn. " +
				"Sáng 16/4, tại khu vực Cửa khẩu Quốc tế Hữu Nghị Quan, Thượng tướng Đổng Quân, Bộ trưởng Bộ Quốc phòng Trung Quốc chủ trì lễ đón Đại tướng Phan Văn Giang và đoàn. " +
				"Sáng 17/4, tại Cửa khẩu quốc tế Hữu Nghị (Lạng Sơn), lễ đón đoàn đại biểu cấp cao Bộ Quốc phòng Trung Quốc do Thượng tướng Đổng Quân làm trưởng đoàn diễn ra trang trọng dưới sự chủ trì của Đại tướng Phan Văn Giang.",
			want: []string{
				"PERSON Đổng Quân | Thượng tướng | Bộ trưởng Bộ Quốc phòng Trung Quốc",
				"PERSON Phan Văn Giang | Đại tướng | ",
				"EVENT giao lưu | 2025-04-16 | tỉnh Lạng Sơn |  | chair  | attend  | speak  | about ",
				"EVENT lễ đón | 2025-04-16 | Khu vực Cửa khẩu Quốc tế Hữu Nghị Quan |  | chair Đổng Quân | attend Phan Văn Giang | speak  | about ",
				"EVENT lễ đón | 2025-04-17 | Cửa khẩu quốc tế Hữu Nghị |  | chair Phan Văn Giang | attend Đổng Quân | speak  | about ",
			},
		},
		{
			name:      "the programme a held meeting belongs to ('nằm trong khuôn khổ hoạt động giao lưu …') is an event on its day and at its place",
			published: "2019-08-29",
			text: "Ngày 28/8, tại An Giang, Hội nghị sơ kết 5 năm thực hiện mô hình kết nghĩa giữa cụm dân cư hai bên biên giới Việt Nam - Campuchia đã diễn ra, nằm trong khuôn khổ hoạt động giao lưu hữu nghị biên giới Việt Nam - Campuchia cấp Bộ Tư lệnh năm 2019. " +
				"Tại hội nghị, ông Dương Văn Hòa, Chủ tịch UBND thị trấn Tịnh Biên cho biết việc thăm thân thuận lợi hơn.",
			want: []string{
				"PERSON Dương Văn Hòa |  | ",
				"EVENT hội nghị | 2019-08-28 | An Giang |  | chair  | attend  | speak Dương Văn Hòa | about ",
				"EVENT giao lưu | 2019-08-28 | An Giang |  | chair  | attend  | speak  | about ",
			},
		},
		{
			name:      "a ceremony its clause holds after the programme that frames it is the sentence's ('thuộc khuôn khổ Chương trình Giao lưu …, lễ kết nghĩa … đã được tổ chức')",
			published: "2025-11-13",
			text: "Sáng nay (13/11), thuộc khuôn khổ Chương trình Giao lưu hữu nghị quốc phòng biên giới Việt Nam - Campuchia lần thứ hai, năm 2025, lễ kết nghĩa cụm dân cư hai bên biên giới giữa ấp Long Cường, xã Long Thuận, tỉnh Tây Ninh và ấp Otamo đã được tổ chức. " +
				"Về phía Việt Nam, dự buổi lễ có Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng.",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | Bộ trưởng Bộ Quốc phòng",
				"EVENT giao lưu | 2025-11-13 |  |  | chair  | attend  | speak  | about ",
				"EVENT lễ kết nghĩa | 2025-11-13 |  |  | chair  | attend Phan Văn Giang | speak  | about ",
			},
		},
		{
			name:      "the members a leader's sentence lists are the delegation's: the guests of its welcome (a sentence with no person) and those at its memorial visit",
			published: "2021-12-13",
			text: "Hôm qua (12/12), tại huyện Sê Pôn đã diễn ra các hoạt động của Giao lưu hữu nghị Quốc phòng biên giới Việt Nam - Lào lần thứ nhất. " +
				"Tham dự về phía Việt Nam có Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng làm Trưởng đoàn; Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng. " +
				"Các hoạt động trong ngày 12/12 bắt đầu bằng lễ đón đoàn Việt Nam do Bộ Quốc phòng Lào tổ chức tại Cửa khẩu Densavan. " +
				"Cũng trong ngày 12/12, đoàn Việt Nam đã đặt vòng hoa viếng tại Đền thờ các anh hùng, liệt sĩ Lào - Việt Nam.",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | Bộ trưởng Bộ Quốc phòng",
				"PERSON Hoàng Xuân Chiến | Thượng tướng | Thứ trưởng Bộ Quốc phòng",
				"EVENT giao lưu | 2021-12-12 | huyện Sê Pôn |  | chair  | attend Hoàng Xuân Chiến, Phan Văn Giang | speak  | about ",
				"EVENT lễ đón | 2021-12-12 | Cửa khẩu Densavan | Bộ Quốc phòng Lào | chair  | attend Hoàng Xuân Chiến, Phan Văn Giang | speak  | about ",
				"EVENT lễ viếng | 2021-12-12 | Đền thờ các anh hùng, liệt sĩ Lào - Việt Nam |  | chair  | attend Hoàng Xuân Chiến, Phan Văn Giang | speak  | about ",
			},
		},
		{
			name:      "a meeting word inside a body's name in a chair's posts is no verb of the chair ('Ban Chỉ đạo diễn tập tỉnh chủ trì hội nghị')",
			published: "2023-10-09",
			text: "Ngày 9/10, Bộ CHQS tỉnh Nghệ An tổ chức Hội nghị rút kinh nghiệm diễn tập. " +
				"Đại tá Phan Đại Nghĩa, Chỉ huy trưởng Bộ CHQS tỉnh, Phó Trưởng ban Thường trực Ban Chỉ đạo diễn tập tỉnh chủ trì hội nghị.",
			want: []string{
				"PERSON Phan Đại Nghĩa | Đại tá | Chỉ huy trưởng Bộ CHQS tỉnh; Phó Trưởng ban Thường trực Ban Chỉ đạo diễn tập tỉnh",
				"EVENT hội nghị | 2023-10-09 |  | Bộ Chỉ huy Quân sự tỉnh Nghệ An | chair Phan Đại Nghĩa | attend  | speak  | about ",
			},
		},
		{
			name:      "'Theo A, đơn vị đã chủ trì …': A speaks; the verbs after the comma are in what A says",
			published: "2025-06-18",
			text: "Ngày 17/6, tại TP Châu Đốc, Bộ Chỉ huy Bộ đội Biên phòng tỉnh An Giang tổ chức Lễ đón nhận Huân chương Chiến công hạng Nhì. " +
				"Theo Chỉ huy trưởng Trần Quốc Khánh, những năm gần đây, đơn vị đã chủ trì, phối hợp đấu tranh thành công nhiều chuyên án.",
			want: []string{
				"PERSON Trần Quốc Khánh |  | Chỉ huy trưởng",
				"EVENT lễ đón nhận | 2025-06-17 | TP Châu Đốc | Bộ Chỉ huy Bộ đội Biên phòng tỉnh An Giang | chair  | attend  | speak Trần Quốc Khánh | about ",
			},
		},
		{
			name:      "'B được A tiếp nhân chuyến thăm …': B is the guest, and the visit's traveller",
			published: "2021-07-30",
			text:      "Ngày 29/7, tại Phủ Chủ tịch, Bộ trưởng Quốc phòng Hoa Kỳ Lloyd Austin được Chủ tịch nước Nguyễn Xuân Phúc tiếp nhân chuyến thăm chính thức Việt Nam từ ngày 28 đến 29/7.",
			want: []string{
				"PERSON Lloyd Austin |  | Bộ trưởng Quốc phòng Hoa Kỳ | Mỹ",
				"PERSON Nguyễn Xuân Phúc |  | Chủ tịch nước",
				"EVENT chuyến thăm | 2021-07-28 |  |  | chair  | attend Lloyd Austin | speak  | about ",
				"EVENT tiếp xã giao | 2021-07-29 | Phủ Chủ tịch |  | chair Nguyễn Xuân Phúc | attend Lloyd Austin | speak  | about ",
			},
		},
		{
			name:      "a meeting as the subject of a verb that holds it says where",
			published: "2019-08-22",
			text: "Chiều 22/8, Bộ trưởng Ngô Xuân Lịch chủ trì lễ đón Đoàn đại biểu Bộ Quốc phòng Nam Phi. " +
				"Lễ đón diễn ra trọng thể tại Trụ sở Bộ Quốc phòng.",
			want: []string{
				"PERSON Ngô Xuân Lịch |  | Bộ trưởng",
				"EVENT lễ đón | 2019-08-22 | Trụ sở Bộ Quốc phòng |  | chair Ngô Xuân Lịch | attend  | speak  | about ",
			},
		},
		{
			name:      "'Ngày X, đoàn … đã sang thăm và làm việc tại Y': the visit of that day; a working session its sentence holds is another event",
			published: "2023-03-15",
			text: "Chiều 14/3, đoàn công tác Bộ Chỉ huy Quân sự tỉnh Điện Biên do Đại tá Lò Văn Minh làm trưởng đoàn đã sang thăm và làm việc tại tỉnh Phông Sa Lỳ. " +
				"Đại tá Lò Văn Minh và Đại tá Khăm Phăn đồng chủ trì buổi làm việc.",
			want: []string{
				"PERSON Lò Văn Minh | Đại tá | ",
				"PERSON Khăm Phăn | Đại tá | ",
				"EVENT chuyến thăm | 2023-03-14 | tỉnh Phông Sa Lỳ |  | chair  | attend Lò Văn Minh | speak  | about ",
				"EVENT làm việc | 2023-03-14 |  |  | chair Khăm Phăn, Lò Văn Minh | attend  | speak  | about ",
			},
		},
		{
			name:      "a guest 'đang thăm' on the day of a reception: no visit of that day",
			published: "2023-03-15",
			text:      "Chiều 14/3, tại Hà Nội, Thượng tướng Hoàng Xuân Chiến đã tiếp Đại tá Khăm Phăn, đang thăm Việt Nam.",
			want: []string{
				"PERSON Hoàng Xuân Chiến | Thượng tướng | ",
				"PERSON Khăm Phăn | Đại tá | ",
				"EVENT tiếp xã giao | 2023-03-14 | Hà Nội |  | chair Hoàng Xuân Chiến | attend Khăm Phăn | speak  | about ",
			},
		},
		{
			name:      "a meeting its sentence says was held ('đã … tổ chức') follows a plan but is no plan; a decision after 'tại' is no place",
			published: "2023-06-21",
			text: "Sáng 20/6, theo kế hoạch được phê duyệt tại Quyết định số 215/QĐ-BTL, Bộ Tư lệnh Quân khu 3 đã long trọng tổ chức Lễ bế giảng lớp bồi dưỡng cán bộ cơ sở. " +
				"Thiếu tướng Trần Văn Nam chủ trì buổi lễ.",
			want: []string{
				"PERSON Trần Văn Nam | Thiếu tướng | ",
				"EVENT lễ bế giảng | 2023-06-20 |  | Bộ Tư lệnh Quân khu 3 | chair Trần Văn Nam | attend  | speak  | about ",
			},
		},
		{
			name:      "a plan for a day to come stays a plan",
			published: "2023-06-21",
			text: "Theo kế hoạch, sáng 28/6, Bộ Tư lệnh Quân khu 3 sẽ tổ chức Lễ bế giảng lớp bồi dưỡng cán bộ cơ sở. " +
				"Thiếu tướng Trần Văn Nam sẽ chủ trì buổi lễ.",
			want: []string{
				"PERSON Trần Văn Nam | Thiếu tướng | ",
			},
		},
		{
			name:      "a meeting word told as done ('đã hội đàm') on a day of its own, after a meeting of its kind, is another meeting",
			published: "2025-04-10",
			text: "Ngày 9/4, tại tỉnh Lạng Sơn, Đại tá Hoàng Minh Tuấn hội đàm với Đại tá Lý Quốc Cường. " +
				"Trước đó, ngày 12/1/2025, tại huyện Cao Lộc, Đồn Biên phòng Chi Ma đã hội đàm với Trạm Biên kiểm Ái Điểm. " +
				"Đoàn Việt Nam khi đó do Thiếu tá Vi Văn Sơn làm trưởng đoàn.",
			want: []string{
				"PERSON Hoàng Minh Tuấn | Đại tá | ",
				"PERSON Lý Quốc Cường | Đại tá | ",
				"PERSON Vi Văn Sơn | Thiếu tá | ",
				"EVENT hội đàm | 2025-04-09 | tỉnh Lạng Sơn |  | chair  | attend Hoàng Minh Tuấn, Lý Quốc Cường | speak  | about ",
				"EVENT hội đàm | 2025-01-12 | huyện Cao Lộc |  | chair  | attend Vi Văn Sơn | speak  | about ",
			},
		},
		{
			name:      "an occasion before the day ('Nhân dịp …, hôm qua (4/5), đoàn … đã sang thăm, chúc mừng và hội đàm'): the visit of that day, and its talks",
			published: "2024-05-05",
			text: "Nhân dịp kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (7/5/1954 - 7/5/2024), hôm qua (4/5), đoàn đại biểu Công an Biên phòng huyện Kim Bình do Trung tá Lưu Hải Phong làm trưởng đoàn đã sang thăm, chúc mừng và hội đàm với Đồn Biên phòng Ma Lù Thàng. " +
				"Thiếu tá Hà Văn Khánh phát biểu tại buổi hội đàm.",
			want: []string{
				"PERSON Lưu Hải Phong | Trung tá | ",
				"PERSON Hà Văn Khánh | Thiếu tá | ",
				"EVENT chuyến thăm | 2024-05-04 |  |  | chair  | attend Lưu Hải Phong | speak  | about ",
				"EVENT hội đàm | 2024-05-04 |  |  | chair  | attend Lưu Hải Phong | speak Hà Văn Khánh | about ",
			},
		},
		{
			name:      "a document a later sentence with no meeting word reviews ('việc học tập Nghị quyết …') is what the meeting the text tells is about",
			published: "2024-09-12",
			text: "Sáng 11/9, Đảng ủy Quân khu 5 tổ chức hội nghị quán triệt các nghị quyết của Trung ương. Thiếu tướng Trịnh Đình Thạch chủ trì hội nghị. " +
				"Đối với lực lượng vũ trang Quân khu, việc học tập Nghị quyết số 57-NQ/TW gắn với nhiệm vụ xây dựng đơn vị.",
			want: []string{
				"PERSON Trịnh Đình Thạch | Thiếu tướng | ",
				"EVENT hội nghị | 2024-09-11 |  | Đảng ủy Quân khu 5 | chair Trịnh Đình Thạch | attend  | speak  | about Nghị quyết 57-NQ/TW",
				"RESOLUTION Nghị quyết 57-NQ/TW | 57-NQ/TW | Bộ Chính trị | aka Nghị quyết số 57-NQ/TW",
			},
		},
		{
			name:      "a meeting word capitalized only as its sentence's first word names the meeting told before; one held on no day of its own is background",
			published: "2022-10-04",
			text: "Ngày 3/10, tại Cần Thơ, Quân khu 9 khai mạc Hội thảo Y học quân sự khu vực Tây Nam Bộ. Đại tá Lê Văn Hải phát biểu khai mạc. " +
				"Hội thảo mang chủ đề \"Y học vì cộng đồng\", kéo dài đến ngày 6/10. " +
				"Trước đó, Cục Quân y đã phối hợp tổ chức hội thảo chuyên đề về cấp cứu ngoại khoa.",
			want: []string{
				"PERSON Lê Văn Hải | Đại tá | ",
				"EVENT hội thảo | 2022-10-03 | Cần Thơ |  | chair  | attend  | speak Lê Văn Hải | about ",
			},
		},
		{
			name:      "a delegation led by its head ('Đoàn … do A dẫn đầu đã đến chào xã giao B'), on a day the sentence gives, opens the call",
			published: "2019-11-06",
			text: "Sáng 5/11, tại Hà Nội, Thượng tướng Phan Văn Giang hội đàm với Trung tướng Kim Jong Su. " +
				"Chiều cùng ngày, Đoàn đại biểu Bộ Quốc phòng Hàn Quốc do Trung tướng Kim Jong Su dẫn đầu đã đến chào xã giao Đại tướng Ngô Xuân Lịch.",
			want: []string{
				"PERSON Phan Văn Giang | Thượng tướng | ",
				"PERSON Kim Jong Su | Trung tướng | ",
				"PERSON Ngô Xuân Lịch | Đại tướng | ",
				"EVENT hội đàm | 2019-11-05 | Hà Nội |  | chair  | attend Kim Jong Su, Phan Văn Giang | speak  | about ",
				"EVENT tiếp xã giao | 2019-11-05 |  |  | chair Ngô Xuân Lịch | attend Kim Jong Su | speak  | about ",
			},
		},
		{
			name:      "the day a patrol ends ('… về tới quân cảng, khép lại chuyến tuần tra chung …') is not the patrol's",
			published: "2023-05-13",
			text:      "Ngày 12/5, biên đội tàu 18, 20 do Thượng tá Đỗ Văn Tâm chỉ huy đã về tới quân cảng Vùng 2, khép lại chuyến tuần tra chung lần thứ 30 với Hải quân Hoàng gia Campuchia.",
			want: []string{
				"PERSON Đỗ Văn Tâm | Thượng tá | ",
				"EVENT tuần tra chung |  |  |  | chair  | attend Đỗ Văn Tâm | speak  | about ",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := Normalize(tt.text)
			f, _ := g.relate(Document{ID: "t", Text: tt.text, Published: tt.published}, txt, Tokenize(txt))
			if diff := cmp.Diff(tt.want, summary(f)); diff != "" {
				t.Errorf("facts mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestVisitSides holds the convention of visits: the host side's party to the
// talks chairs them and the travellers attend; a meeting in a third country,
// or a meeting word that is another verb's object, gives no host.
func TestVisitSides(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		name, text string
		want       []string // the events the text gives
	}{
		{
			name: "foreign travellers: the Vietnamese party to the talks chairs them ('A hội đàm với B'); 'hai bên hội đàm' makes neither the host",
			text: "Sáng 5/8, tại Trụ sở Bộ Quốc phòng, Đại tướng Phan Văn Giang chủ trì lễ đón Đoàn đại biểu quân sự cấp cao Quân đội nhân dân Lào do Đại tướng Chansamone Chanyalath, Bộ trưởng Bộ Quốc phòng Lào dẫn đầu. " +
				"Sau lễ đón, hai bên hội đàm.",
			want: []string{
				"EVENT lễ đón | 2024-08-05 | Trụ sở Bộ Quốc phòng |  | chair Phan Văn Giang | attend Chansamone Chanyalath | speak  | about ",
				"EVENT hội đàm | 2024-08-05 |  |  | chair  | attend Chansamone Chanyalath, Phan Văn Giang | speak  | about ",
			},
		},
		{
			name: "a transliterated foreign name is on the side its post names",
			text: "Từ ngày 4 đến 6/8, Thượng tướng Trương Hựu Hiệp, Phó Chủ tịch Quân ủy Trung ương Trung Quốc, thăm chính thức Việt Nam. " +
				"Ngày 5/8, Đại tướng Phan Văn Giang và Thượng tướng Trương Hựu Hiệp đã hội đàm.",
			want: []string{
				"EVENT chuyến thăm | 2024-08-04 |  |  | chair  | attend Trương Hựu Hiệp | speak  | about ",
				"EVENT hội đàm | 2024-08-05 |  |  | chair Phan Văn Giang | attend Trương Hựu Hiệp | speak  | about ",
			},
		},
		{
			name: "a reference the text does not resolve: the travelling heads attend",
			text: "Đoàn đại biểu Quân đội Malaysia do Đại tướng Mohammad bin Ab Rahman, Tư lệnh Lực lượng Quốc phòng Malaysia dẫn đầu đang có chuyến thăm chính thức Việt Nam từ ngày 13 đến 16/8. " +
				"Ngày 14/8, Thượng tướng Nguyễn Tân Cương đã hội đàm với Tư lệnh Lực lượng Quốc phòng Malaysia.",
			want: []string{
				"EVENT chuyến thăm | 2024-08-13 |  |  | chair  | attend Mohammad bin Ab Rahman | speak  | about ",
				"EVENT hội đàm | 2024-08-14 |  |  | chair Nguyễn Tân Cương | attend Mohammad bin Ab Rahman | speak  | about ",
			},
		},
		{
			name: "both sides lead delegations: the welcomed guests say who travels",
			text: "Đoàn Việt Nam do Đại tá Nguyễn Quốc Hiếu làm trưởng đoàn; đoàn Campuchia do Trung tướng Tien Sophonrnvong, Cục trưởng Cục Biên phòng Campuchia dẫn đầu. " +
				"Sáng 13/8, tại Cửa khẩu quốc tế Mộc Bài, lễ đón chính thức đoàn đại biểu Bộ Quốc phòng Campuchia do Đại tướng Tea Seiha, Bộ trưởng Bộ Quốc phòng Campuchia dẫn đầu đã được tổ chức, dưới sự chủ trì của Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng Việt Nam. " +
				"Trưa cùng ngày, tại tỉnh Tây Ninh, hai Bộ trưởng Quốc phòng đã hội đàm.",
			want: []string{
				"EVENT lễ đón | 2024-08-13 | Cửa khẩu quốc tế Mộc Bài |  | chair Phan Văn Giang | attend Tea Seiha, Tien Sophonrnvong | speak  | about ",
				"EVENT hội đàm | 2024-08-13 | tỉnh Tây Ninh |  | chair  | attend Phan Văn Giang, Tea Seiha | speak  | about ",
			},
		},
		{
			name: "a meeting on the sidelines in a third country has no host",
			text: "Đoàn Bộ Quốc phòng Việt Nam do Đại tướng Phan Văn Giang dẫn đầu dự Hội nghị Bộ trưởng Quốc phòng các nước ASEAN tại Viêng Chăn. " +
				"Ngày 5/8, Đại tướng Phan Văn Giang hội đàm với Bộ trưởng Quốc phòng Nhật Bản Nakatani Gen.",
			want: []string{
				"EVENT hội nghị |  | Viêng Chăn |  | chair  | attend Phan Văn Giang | speak  | about ",
				"EVENT hội đàm | 2024-08-05 |  |  | chair  | attend Nakatani Gen, Phan Văn Giang | speak  | about ",
			},
		},
		{
			name: "a meeting word as the object of another verb makes no party",
			text: "Từ ngày 13 đến 16/8, Đại tướng Mohammad bin Ab Rahman, Tư lệnh Lực lượng Quốc phòng Malaysia, thăm chính thức Việt Nam. " +
				"Ngày 14/8, Thượng tướng Nguyễn Tân Cương hội đàm với Đại tướng Mohammad bin Ab Rahman. " +
				"Ngày 15/8, Đại tướng Mohammad bin Ab Rahman thông báo với Đại tướng Phan Văn Giang kết quả hội đàm; Đại tướng Phan Văn Giang hoan nghênh chuyến thăm của Đại tướng Mohammad bin Ab Rahman.",
			want: []string{
				"EVENT chuyến thăm | 2024-08-13 |  |  | chair  | attend Mohammad bin Ab Rahman | speak Mohammad bin Ab Rahman, Phan Văn Giang | about ",
				"EVENT hội đàm | 2024-08-14 |  |  | chair Nguyễn Tân Cương | attend Mohammad bin Ab Rahman | speak  | about ",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := Normalize(tt.text)
			facts, _ := g.relate(Document{ID: "t", Text: tt.text, Published: "2024-08-10"}, txt, Tokenize(txt))
			var got []string
			for _, line := range summary(facts) {
				if strings.HasPrefix(line, "EVENT ") {
					got = append(got, line)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
		})
	}
}
