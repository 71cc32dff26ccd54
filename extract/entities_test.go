package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEntityStructure holds the mechanisms that read people and bodies by the
// structure of their names: each case is one kind, with the persons (and the
// bodies, when listed) it must give.
func TestEntityStructure(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		name   string
		text   string
		want   []string // PERSON lines of summary
		orgs   []string // bodies that must be among the facts
		noOrgs []string // bodies that must not
	}{
		{
			name: "a domain between a title and a country is part of the post; a name there is not",
			text: "Thiếu tướng Lê Văn Hải tiếp ông John Carter, Tham tán Quốc phòng Australia, và ông Park Min, Thư ký An ninh Hàn Quốc.",
			want: []string{"PERSON Lê Văn Hải | Thiếu tướng | ", "PERSON John Carter |  | Tham tán Quốc phòng Australia | Australia", "PERSON Park Min |  | Thư ký An ninh Hàn Quốc | Hàn Quốc"},
		},
		{
			name:   "a body's other name in brackets is its alias; a parent in brackets is a body",
			text:   "Học viên Trường Sĩ quan Chính trị (Trường Đại học Chính trị) và đại diện Bộ Tổng Tham mưu (Bộ Quốc phòng) dự lễ.",
			orgs:   []string{"Trường Sĩ quan Chính trị", "Bộ Tổng Tham mưu", "Bộ Quốc phòng"},
			noOrgs: []string{"Trường Đại học Chính trị"},
		},
		{
			name: "a bare title that a dash shares with the next title's place becomes that post, not a post of its own",
			text: "Đón đoàn có đồng chí Khăm-Phăn-Sỉ-Thong, Bí thư - Tỉnh trưởng tỉnh Xiêng Khoảng.",
			want: []string{"PERSON Khăm-Phăn-Sỉ-Thong |  | Bí thư tỉnh Xiêng Khoảng; Tỉnh trưởng tỉnh Xiêng Khoảng"},
		},
		{
			name: "an international body that ends another body's name is named too",
			text: "Dự lễ có đại diện Ban Thư ký Liên hợp quốc và ông Lê Văn Hải, Trưởng Phái đoàn đại diện thường trực Việt Nam tại ASEAN.",
			want: []string{"PERSON Lê Văn Hải |  | Trưởng Phái đoàn đại diện thường trực Việt Nam tại ASEAN"},
			orgs: []string{"Ban Thư ký Liên hợp quốc", "Liên hợp quốc", "ASEAN"},
		},
		{
			name:   "a party committee's standing committee written before it is a body; inside a post it is the committee's post",
			text:   "Sau hội nghị, Thường vụ Đảng ủy Quân khu 7 giao nhiệm vụ cho Đại tá Lê Văn Hải, Ủy viên Thường vụ Tỉnh ủy Tây Ninh. Ban Thường vụ Quân ủy Trung ương đã cho ý kiến.",
			want:   []string{"PERSON Lê Văn Hải | Đại tá | Ủy viên Thường vụ Tỉnh ủy Tây Ninh"},
			orgs:   []string{"Thường vụ Đảng ủy Quân khu 7", "Ban Thường vụ Quân ủy Trung ương", "Tỉnh ủy Tây Ninh"},
			noOrgs: []string{"Thường vụ Tỉnh ủy Tây Ninh"},
		},
		{
			name:   "a mission's name holds the known body it belongs to before where it sits; a named kind's name runs on over a body after its lower-case words",
			text:   "Trung tá Lê Văn Hải sang công tác tại Phái bộ Gìn giữ hòa bình Liên hợp quốc ở Cộng hòa Trung Phi. Ông từng học tại Đại học Chỉ huy Tham mưu Hải quân Hoa Kỳ.",
			want:   []string{"PERSON Lê Văn Hải | Trung tá | "},
			orgs:   []string{"Phái bộ Gìn giữ hòa bình Liên hợp quốc ở Cộng hòa Trung Phi", "Liên hợp quốc", "Đại học Chỉ huy Tham mưu Hải quân Hoa Kỳ"},
			noOrgs: []string{"Đại học Chỉ huy Tham", "Hải quân Hoa Kỳ"},
		},
		{
			name: "a hyphenated transliteration after an honorific is a whole name; a Lao province leader's stacked title is one post",
			text: "Về phía Lào có ông Khăm-Phăn-Sỉ-Thong, Ủy viên Trung ương Đảng, Bí thư Tỉnh trưởng tỉnh Xiêng Khoảng.",
			want: []string{"PERSON Khăm-Phăn-Sỉ-Thong |  | Ủy viên Trung ương Đảng; Bí thư Tỉnh trưởng tỉnh Xiêng Khoảng"},
		},
		{
			name: "a foreign council's secretary: a title and a body headed Hội đồng",
			text: "Đại tướng Ngô Xuân Lịch tiếp ngài Nikolai Patrushev, Thư ký Hội đồng An ninh Quốc gia Liên bang Nga, nhân dịp ông thăm Việt Nam.",
			want: []string{"PERSON Ngô Xuân Lịch | Đại tướng | ", "PERSON Nikolai Patrushev |  | Thư ký Hội đồng An ninh Quốc gia Liên bang Nga | Nga"},
			orgs: []string{"Hội đồng An ninh Quốc gia Liên bang Nga"},
		},
		{
			name: "a foreign official's short post (title and country) is the full post of the same title and country, before or after it",
			text: "Đại sứ Nhật Bản Suzuki Hiroshi đến chào. Đại tướng Phan Văn Giang tiếp ông Suzuki Hiroshi, Đại sứ Đặc mệnh toàn quyền Nhật Bản tại Việt Nam.",
			want: []string{"PERSON Suzuki Hiroshi |  | Đại sứ Đặc mệnh toàn quyền Nhật Bản tại Việt Nam | Nhật Bản", "PERSON Phan Văn Giang | Đại tướng | "},
		},
		{
			name: "the parent body after a comma belongs to the post when the next post follows its comma, and after a remit",
			text: "Hội nghị do Trung tướng Vũ Văn Hải, Cục trưởng Cục Đối ngoại, Bộ Quốc phòng, Trưởng đoàn Việt Nam và ông John Smith, Trợ lý Thứ trưởng phụ trách chính sách, Bộ Quốc phòng Canada đồng chủ trì.",
			want: []string{"PERSON Vũ Văn Hải | Trung tướng | Cục trưởng Cục Đối ngoại Bộ Quốc phòng", "PERSON John Smith |  | Trợ lý Thứ trưởng phụ trách chính sách Bộ Quốc phòng Canada | Canada"},
		},
		{
			name: "an acronym no Vietnamese syllable spells after a title is a meeting's, not a person's name",
			text: "Trung tướng Nguyễn Văn Nam, Thứ trưởng Bộ Quốc phòng, Trưởng ADSOM Việt Nam, phát biểu. Thượng tướng NGUYỄN TÂN CƯƠNG dự.",
			want: []string{"PERSON Nguyễn Văn Nam | Trung tướng | Thứ trưởng Bộ Quốc phòng", "PERSON Nguyễn Tân Cương | Thượng tướng | "},
		},
		{
			name: "a head and a unit alone after a title is the province's body, kept as written in the post",
			text: "Tiếp đoàn có Đại tá Nguyễn Văn Nam, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, và Thượng tá Lê Văn Bình, Chính ủy Bộ đội Biên phòng tỉnh.",
			want: []string{"PERSON Nguyễn Văn Nam | Đại tá | Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "PERSON Lê Văn Bình | Thượng tá | Chính ủy Bộ đội Biên phòng tỉnh"},
		},
		{
			name:   "a foreign body of two domains joined by và keeps both when its parent body follows the comma; a list does not join",
			text:   "Hội nghị do Đại tướng Nem Sowath, Tổng cục trưởng Tổng cục Chính sách và Đối ngoại, Bộ Quốc phòng Campuchia chủ trì. Dự có Học viện Quốc phòng và Nhà trường.",
			want:   []string{"PERSON Nem Sowath | Đại tướng | Tổng cục trưởng Tổng cục Chính sách và Đối ngoại Bộ Quốc phòng Campuchia | Campuchia"},
			orgs:   []string{"Tổng cục Chính sách và Đối ngoại", "Bộ Quốc phòng Campuchia", "Học viện Quốc phòng"},
			noOrgs: []string{"Tổng cục Chính sách", "Học viện Quốc phòng và Nhà trường"},
		},
		{
			name:   "an abbreviation the article defines is that body's, in its brackets and after: no Vietnamese QĐND from a Lao one",
			text:   "Đoàn đại biểu Quân đội nhân dân Lào (QĐND) do Đại tướng Chansamone Chanyalath dẫn đầu thăm Việt Nam. Các đơn vị QĐND đã đạt nhiều thành tích.",
			want:   []string{"PERSON Chansamone Chanyalath | Đại tướng | "},
			orgs:   []string{"Quân đội nhân dân Lào"},
			noOrgs: []string{"Quân đội nhân dân Việt Nam"},
		},
		{
			name: "right after an honorific, a name whose first word only opens a body's head is a name",
			text: "Tiếp đoàn có bà Hải Lệ Hoa, Trạm trưởng Trạm Kiểm dịch Lạng Sơn, cùng cán bộ.",
			want: []string{"PERSON Hải Lệ Hoa |  | Trạm trưởng Trạm Kiểm dịch Lạng Sơn"},
		},
		{
			name:   "a head written once over a list after a colon names one body per item; và splits items unless the gazetteer knows the whole",
			text:   "Tham dự hội thảo có đại diện các Bộ: Tài chính, Khoa học và Công nghệ, Tư pháp và Nội vụ; các chuyên gia quốc tế.",
			orgs:   []string{"Bộ Tài chính", "Bộ Khoa học và Công nghệ", "Bộ Tư pháp", "Bộ Nội vụ"},
			noOrgs: []string{"Bộ Tư pháp và Nội vụ", "Bộ Khoa học"},
		},
		{
			name: "a standing office of a body is a body whose name runs on over its lower-case words",
			text: "Trung tướng Lê Văn Hải, Phó trưởng Cơ quan thường trực Ban Chỉ đạo 701, phát biểu.",
			want: []string{"PERSON Lê Văn Hải | Trung tướng | Phó Trưởng Cơ quan thường trực Ban Chỉ đạo 701"},
		},
		{
			name: "a party committee named by its place stays as written in the post, its body the next body's place's; a defined abbreviation is no word of the post",
			text: "Dự có ông Hồ Văn Tư, Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân (UBND) tỉnh Quảng Trị, và bà Lê Thị Mai, Bí thư Thành ủy, Chủ tịch Hội đồng nhân dân thành phố Cần Thơ. Phó Chủ tịch Ủy ban nhân dân tỉnh Võ Văn Hưng phát biểu.",
			want: []string{
				"PERSON Hồ Văn Tư |  | Phó Bí thư Tỉnh ủy; Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị",
				"PERSON Lê Thị Mai |  | Bí thư Thành ủy; Chủ tịch Hội đồng nhân dân thành phố Cần Thơ",
				// a name after the unit, before a verb, is the person's, not the place's;
				// the post is the bare unit's, as written
				"PERSON Võ Văn Hưng |  | Phó Chủ tịch Ủy ban nhân dân tỉnh",
			},
			orgs:   []string{"Tỉnh ủy Quảng Trị", "Thành ủy Cần Thơ"},
			noOrgs: []string{"Tỉnh ủy Ủy ban nhân dân (UBND) tỉnh Quảng Trị", "Ủy ban nhân dân tỉnh Võ Văn Hưng"},
		},
		{
			name: "a ship's commander: the vessel and its name are part of the post, no body; \"Chỉ huy\" is a title only there",
			text: "Đón đoàn có Đại tá Akihiro Hirano, Chỉ huy tàu Yashima, và Trung tá Lê Văn An, Thuyền trưởng tàu CSB 8001. Đại tá Nguyễn Văn Bình, Chỉ huy trưởng Ban Chỉ huy Quân sự tỉnh Khánh Hòa, chỉ huy lễ đón.",
			want: []string{
				"PERSON Akihiro Hirano | Đại tá | Chỉ huy tàu Yashima",
				"PERSON Lê Văn An | Trung tá | Thuyền trưởng tàu CSB 8001",
				"PERSON Nguyễn Văn Bình | Đại tá | Chỉ huy trưởng Ban Chỉ huy Quân sự tỉnh Khánh Hòa",
			},
			noOrgs: []string{"Yashima", "tàu Yashima"},
		},
		{
			name: "a transliteration in brackets after a name; the posts after it are the person's",
			text: "Thượng tướng Đổng Quân (Dong Jun), Bộ trưởng Bộ Quốc phòng nước Cộng hòa Nhân dân Trung Hoa, phát biểu.",
			want: []string{"PERSON Đổng Quân | Thượng tướng | Bộ trưởng Bộ Quốc phòng nước Cộng hòa Nhân dân Trung Hoa | aka Dong Jun"},
			orgs: []string{"Bộ Quốc phòng nước Cộng hòa Nhân dân Trung Hoa"},
		},
		{
			name: "the original spelling in brackets after a transliteration",
			text: "Đại tướng Chăn-xa-mỏn Chăn-nhạ-lạt (Chansamone Chanyalath), Bộ trưởng Bộ Quốc phòng Lào, dự lễ.",
			want: []string{"PERSON Chăn-xa-mỏn Chăn-nhạ-lạt | Đại tướng | Bộ trưởng Bộ Quốc phòng Lào | aka Chansamone Chanyalath | Lào"},
		},
		{
			name: "the State before a country in a post, and a mission with its place",
			text: "Đại tướng Phan Văn Giang tiếp ông Hùng Ba, Đại sứ Đặc mệnh toàn quyền nước Cộng hòa nhân dân Trung Hoa tại Việt Nam. Dự buổi tiếp có đại diện Đại sứ quán Trung Quốc tại Việt Nam.",
			want: []string{
				"PERSON Phan Văn Giang | Đại tướng | ",
				"PERSON Hùng Ba |  | Đại sứ Đặc mệnh toàn quyền nước Cộng hòa nhân dân Trung Hoa tại Việt Nam | Trung Quốc",
			},
			orgs:   []string{"Đại sứ quán Trung Quốc tại Việt Nam"},
			noOrgs: []string{"Đại sứ quán Trung Quốc"},
		},
		{
			name:   "Việt Nam's own ministry with the State's name is the ministry",
			text:   "Đại tướng Ngô Xuân Lịch, Bộ trưởng Bộ Quốc phòng nước Cộng hòa xã hội chủ nghĩa Việt Nam, chủ trì hội đàm.",
			want:   []string{"PERSON Ngô Xuân Lịch | Đại tướng | Bộ trưởng Bộ Quốc phòng nước Cộng hòa xã hội chủ nghĩa Việt Nam"},
			orgs:   []string{"Bộ Quốc phòng"},
			noOrgs: []string{"Bộ Quốc phòng nước Cộng hòa xã hội chủ nghĩa Việt Nam"},
		},
		{
			name: "a unit after a slash belongs to the post; codes keep their slash",
			text: "Đại tá Trần Văn Hải, Phó Hải đoàn trưởng Hải đoàn 21/Bộ Tư lệnh Vùng Cảnh sát biển 2, quán triệt Nghị quyết số 806-NQ/QUTW.",
			want: []string{"PERSON Trần Văn Hải | Đại tá | Phó Hải đoàn trưởng Hải đoàn 21/Bộ Tư lệnh Vùng Cảnh sát biển 2"},
			orgs: []string{"Hải đoàn 21", "Bộ Tư lệnh Vùng Cảnh sát biển 2"},
		},
		{
			name: "bodies named by what they do run on over lower-case words, numbers and a resolution",
			text: "Thượng tướng Nguyễn Tân Cương, Trưởng Ban Chỉ đạo Tổng kết 15 năm thực hiện Nghị quyết số 22, chủ trì; Thiếu tướng Lê Văn Minh, Viện trưởng Viện Quan hệ quốc tế về Quốc phòng, dự.",
			want: []string{
				"PERSON Nguyễn Tân Cương | Thượng tướng | Trưởng Ban Chỉ đạo Tổng kết 15 năm thực hiện Nghị quyết số 22",
				"PERSON Lê Văn Minh | Thiếu tướng | Viện trưởng Viện Quan hệ quốc tế về Quốc phòng",
			},
			orgs: []string{"Ban Chỉ đạo Tổng kết 15 năm thực hiện Nghị quyết số 22", "Viện Quan hệ quốc tế về Quốc phòng"},
		},
		{
			name:   "a running name stops at a verb and does not reach past its last capitalized word",
			text:   "Viện Chiến lược Quốc phòng tổ chức hội thảo về hợp tác quốc phòng.",
			orgs:   []string{"Viện Chiến lược Quốc phòng"},
			noOrgs: []string{"Viện Chiến lược Quốc phòng tổ chức hội thảo"},
		},
		{
			name:   "a body's head alone after a title refers back to the body named before",
			text:   "Ban Chỉ đạo Tổng kết Nghị quyết số 22 tổ chức hội nghị. Dự có Thiếu tướng Lê Văn Minh, Phó Trưởng Ban Chỉ đạo; các tàu của Hải đội tàu huấn luyện cũng cập cảng.",
			want:   []string{"PERSON Lê Văn Minh | Thiếu tướng | Phó Trưởng Ban Chỉ đạo"},
			orgs:   []string{"Ban Chỉ đạo Tổng kết Nghị quyết số 22"},
			noOrgs: []string{"Ban Chỉ đạo", "Hải đội"},
		},
		{
			name: "an acronym of the gazetteer (UN) matches only a word in capitals, not a name's syllable",
			text: "Thiếu tướng Un Sam Ol, Phó Giám đốc Ty Công an tỉnh Kampot, dự hội đàm cùng đại diện UN.",
			want: []string{"PERSON Un Sam Ol | Thiếu tướng | Phó Giám đốc Ty Công an tỉnh Kampot"},
			orgs: []string{"Ty Công an tỉnh Kampot", "Liên hợp quốc"},
		},
		{
			name:   "a place after an administrative unit ends a body's name; the words after it are the sentence's",
			text:   "Ban Chỉ huy Bộ đội Biên phòng tỉnh Long An hội đàm với Công an tỉnh Svay Rieng.",
			orgs:   []string{"Ban Chỉ huy Bộ đội Biên phòng tỉnh Long An", "Công an tỉnh Svay Rieng"},
			noOrgs: []string{"Bộ đội Biên phòng"},
		},
		{
			name:   "an abbreviation defined after a name stands for the ending whose initials spell it",
			text:   "Ban Chỉ huy Bộ đội Biên phòng (BĐBP) tỉnh Long An tiếp đoàn. Đại tá Lê Văn Tâm, Chỉ huy trưởng Ban Chỉ huy BĐBP tỉnh Long An, chủ trì.",
			want:   []string{"PERSON Lê Văn Tâm | Đại tá | Chỉ huy trưởng Ban Chỉ huy Bộ đội Biên phòng tỉnh Long An"},
			noOrgs: []string{"Ban Chỉ huy Ban Chỉ huy Bộ đội Biên phòng tỉnh Long An"},
		},
		{
			name: "a Khmer or Lao name of more than four syllables is a name after a rank, not without one",
			text: "Thiếu tướng Sok Pheap Ry Thy Vong, Phó Giám đốc Ty Công an tỉnh Kampot, dự. Đoàn thăm Khu Di tích Quốc gia Đặc biệt Pác Bó.",
			want: []string{"PERSON Sok Pheap Ry Thy Vong | Thiếu tướng | Phó Giám đốc Ty Công an tỉnh Kampot"},
		},
		{
			name:   "a foreign ministry of two domains joined by 'và' is one body; two parties are two",
			text:   "Bà Penny Wong, Bộ trưởng Bộ Ngoại giao và Thương mại Australia, hội đàm với Bộ Quốc phòng và Bộ Công an.",
			want:   []string{"PERSON Penny Wong |  | Bộ trưởng Bộ Ngoại giao và Thương mại Australia | Australia"},
			orgs:   []string{"Bộ Quốc phòng", "Bộ Công an"},
			noOrgs: []string{"Bộ Quốc phòng và Bộ Công an"},
		},
		{
			name: "a title inside a place's name (after a memorial word) is no post",
			text: "Chiều 25/10, tại Phủ Chủ tịch, Chủ tịch nước Lương Cường tiếp Thượng tướng Trương Hựu Hiệp.",
			want: []string{
				"PERSON Lương Cường |  | Chủ tịch nước",
				"PERSON Trương Hựu Hiệp | Thượng tướng | ",
			},
		},
		{
			name: "a title after an on-behalf phrase is the principal's, not the next person's",
			text: "Thừa ủy quyền của Chủ tịch nước, Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng, trao Huân chương Hữu nghị.",
			want: []string{"PERSON Hoàng Xuân Chiến | Thượng tướng | Thứ trưởng Bộ Quốc phòng"},
		},
		{
			name: "a title after an on-behalf phrase that a name follows is that person's",
			text: "Thay mặt Chủ tịch nước Võ Văn Thưởng, Đại tướng Phan Văn Giang trao Huân chương.",
			want: []string{
				"PERSON Võ Văn Thưởng |  | Chủ tịch nước",
				"PERSON Phan Văn Giang | Đại tướng | ",
			},
		},
		{
			name: "a post's remit runs over 'và' to the end of its clause; a prefix makes a title of a title",
			text: "Cùng dự có ông William Winfield, Phó Trợ lý Bộ trưởng Quốc phòng Hoa Kỳ phụ trách vấn đề tù binh và người mất tích (POW/MIA), và bà Lê Thị Hoa, Phó Cục trưởng phụ trách đối ngoại, phát biểu.",
			want: []string{
				"PERSON William Winfield |  | Phó Trợ lý Bộ trưởng Quốc phòng Hoa Kỳ phụ trách vấn đề tù binh và người mất tích | Mỹ",
				"PERSON Lê Thị Hoa |  | Phó Cục trưởng phụ trách đối ngoại",
			},
		},
		{
			name:   "an abbreviation defined after a body stands for the ending its initials spell, which is the body named; a unit alone after a name refers back to the province's body, and the post keeps it as written",
			text:   "Sáng 23/12, Ban Chỉ huy Bộ đội Biên phòng (BĐBP) tỉnh Đồng Nai tổ chức hội đàm. Đại tá Nguyễn Anh Đức, Chỉ huy trưởng Ban Chỉ huy BĐBP tỉnh, phát biểu.",
			want:   []string{"PERSON Nguyễn Anh Đức | Đại tá | Chỉ huy trưởng Ban Chỉ huy Bộ đội Biên phòng tỉnh"},
			orgs:   []string{"Ban Chỉ huy Bộ đội Biên phòng tỉnh Đồng Nai", "Bộ đội Biên phòng"},
			noOrgs: []string{"Ban Chỉ huy Bộ đội Biên phòng"},
		},
		{
			name: "an ordinal after a title is part of it; 'kiêm' gives a second post",
			text: "Thượng tướng Álvaro López Miera, Thứ trưởng thứ nhất Bộ Quốc phòng Cuba kiêm Tổng Tham mưu trưởng, phát biểu.",
			want: []string{"PERSON Álvaro López Miera | Thượng tướng | Thứ trưởng thứ nhất Bộ Quốc phòng Cuba; Tổng Tham mưu trưởng | Cuba"},
		},
		{
			name: "posts after a name that names no one are not those of the one after 'và'",
			text: "Dự lễ có Halbi Yussof, Bộ trưởng thứ hai Bộ Quốc phòng Brunei và Ngài Byambatsogt Sandag, Bộ trưởng Bộ Quốc phòng Mông Cổ.",
			want: []string{"PERSON Byambatsogt Sandag |  | Bộ trưởng Bộ Quốc phòng Mông Cổ | Mông Cổ"},
		},
		{
			name: "a post keeps an abbreviation the article does not define; a five-word head before brackets defines one",
			text: "Ông Lê Minh Ngân, Phó Chủ tịch UBND tỉnh Quảng Bình, dự lễ. Bộ Chỉ huy Quân sự (CHQS) tỉnh Hủa Phăn cử Đại tá Phăn Sỉ Xòn My Xay, Chính ủy Bộ CHQS tỉnh Hủa Phăn.",
			want: []string{
				"PERSON Lê Minh Ngân |  | Phó Chủ tịch UBND tỉnh Quảng Bình",
				"PERSON Phăn Sỉ Xòn My Xay | Đại tá | Chính ủy Bộ Chỉ huy Quân sự tỉnh Hủa Phăn",
			},
		},
		{
			name: "a unit named by what it is ends at its number; 'Đại đội' heads a body",
			text: "Thượng tá Trần Minh, Phó Chi đội trưởng Chi đội Tàu hộ vệ tên lửa số 18, và Chuẩn Đô đốc Sato Ken, Tư lệnh Hải đội hộ tống số 2, thăm Đại đội Biên phòng 316 và Đại đội bảo vệ biên giới 512 tổ chức năm 2022.",
			want: []string{
				"PERSON Trần Minh | Thượng tá | Phó Chi đội trưởng Chi đội Tàu hộ vệ tên lửa số 18",
				"PERSON Sato Ken | Chuẩn Đô đốc | Tư lệnh Hải đội hộ tống số 2",
			},
			orgs:   []string{"Chi đội Tàu hộ vệ tên lửa số 18", "Hải đội hộ tống số 2", "Đại đội Biên phòng 316", "Đại đội bảo vệ biên giới 512"},
			noOrgs: []string{"Đại đội bảo vệ biên giới 512 tổ chức năm 2022"},
		},
		{
			name: "a rank and titles before ':' are each one's in the list; a rank of its own after ';' ends the list",
			text: "Dự lễ có các Thượng tướng, Ủy viên Trung ương Đảng: Trần Văn An, Thứ trưởng Bộ Quốc phòng và Lê Minh Bảo, Chủ nhiệm Tổng cục Chính trị; Trung tướng Vũ Đức Cường, Tư lệnh Quân khu 3.",
			want: []string{
				"PERSON Trần Văn An | Thượng tướng | Ủy viên Trung ương Đảng; Thứ trưởng Bộ Quốc phòng",
				"PERSON Lê Minh Bảo | Thượng tướng | Ủy viên Trung ương Đảng; Chủ nhiệm Tổng cục Chính trị",
				"PERSON Vũ Đức Cường | Trung tướng | Tư lệnh Quân khu 3",
			},
		},
		{
			name: "a lower-case rank after 'các' over a list after ':'",
			text: "Dự chiêu đãi có các thiếu tướng: Nguyễn Văn Dũng, Phó Tư lệnh Quân khu 7; Đỗ Quang Hà, Chính ủy Quân đoàn 4.",
			want: []string{
				"PERSON Nguyễn Văn Dũng | Thiếu tướng | Phó Tư lệnh Quân khu 7",
				"PERSON Đỗ Quang Hà | Thiếu tướng | Chính ủy Quân đoàn 4",
			},
		},
		{
			name: "a body after a comma that no title opens is the parent of the post's body; a list of bodies is not",
			text: "Đón đoàn có Thiếu tướng Trần Văn Hà, Cục trưởng Cục Đối ngoại, Bộ Quốc phòng và Đại tá Lê Văn Nam, Phó Cục trưởng Cục Tuyên huấn, Tổng cục Chính trị Quân đội nhân dân Việt Nam. Dự có Đại tá Vũ Văn Lâm, Cục trưởng Cục Tác chiến, Bộ Công an, Bộ Ngoại giao.",
			want: []string{
				"PERSON Trần Văn Hà | Thiếu tướng | Cục trưởng Cục Đối ngoại Bộ Quốc phòng",
				"PERSON Lê Văn Nam | Đại tá | Phó Cục trưởng Cục Tuyên huấn Tổng cục Chính trị Quân đội nhân dân Việt Nam",
				"PERSON Vũ Văn Lâm | Đại tá | Cục trưởng Cục Tác chiến",
			},
			orgs: []string{"Cục Đối ngoại", "Bộ Quốc phòng", "Tổng cục Chính trị", "Bộ Công an", "Bộ Ngoại giao"},
		},
		{
			name: "a chain of parents after commas, each of another head, is part of the post; a comma before a lower-case description closes it",
			text: "Dự có Đại tá Lê Văn Hùng, Phó Cục trưởng Cục Tuyên huấn, Tổng cục Chính trị, Bộ Quốc phòng và Trung tá Trần Thị Mai, Trợ lý Phòng Hợp tác, Cục Đối ngoại, nữ sĩ quan đầu tiên nhận nhiệm vụ.",
			want: []string{
				"PERSON Lê Văn Hùng | Đại tá | Phó Cục trưởng Cục Tuyên huấn Tổng cục Chính trị Bộ Quốc phòng",
				"PERSON Trần Thị Mai | Trung tá | Trợ lý Phòng Hợp tác Cục Đối ngoại",
			},
			orgs: []string{"Cục Tuyên huấn", "Tổng cục Chính trị", "Bộ Quốc phòng", "Cục Đối ngoại"},
		},
		{
			name: "'và' and a capitalized word that opens nothing else join a body's name; after a post's body 'và' before a lower-case word ends it",
			text: "Dự có bà Marie Dubois, Tổng cục trưởng Tổng cục Hợp tác quốc tế và Chiến lược, Bộ Quốc phòng Bỉ; Đại tá Lê Thị Lan, Phó Cục trưởng Cục Kỹ thuật quân sự và đại diện các cơ quan; Cơ quan Tìm kiếm tù binh và người mất tích dự.",
			want: []string{
				"PERSON Marie Dubois |  | Tổng cục trưởng Tổng cục Hợp tác quốc tế và Chiến lược Bộ Quốc phòng Bỉ | Bỉ",
				"PERSON Lê Thị Lan | Đại tá | Phó Cục trưởng Cục Kỹ thuật quân sự",
			},
			orgs:   []string{"Tổng cục Hợp tác quốc tế và Chiến lược", "Cục Kỹ thuật quân sự"},
			noOrgs: []string{"Tổng cục Hợp tác quốc tế", "Cơ quan Tìm kiếm tù binh"},
		},
		{
			name: "foreign posts of titles.tsv: 'Tổng Thư ký Quốc phòng' + country, 'Tham mưu phó' + a foreign service",
			text: "Dự có ông Peter Brown, Tổng Thư ký Quốc phòng Australia và Đại tá Somchai Wong, Tham mưu phó Lục quân Hoàng gia Thái Lan.",
			want: []string{
				"PERSON Peter Brown |  | Tổng Thư ký Quốc phòng Australia | Australia",
				"PERSON Somchai Wong | Đại tá | Tham mưu phó Lục quân Hoàng gia Thái Lan | Thái Lan",
			},
		},
		{
			name: "a foreign service named short (orgs.tsv alias) holds the post, and the stacked post after it counts",
			text: "Đoàn do Trung tướng Sok Dara, Phó Tham mưu trưởng Lục quân Campuchia, Cục trưởng Cục Biên phòng dẫn đầu.",
			want: []string{"PERSON Sok Dara | Trung tướng | Phó Tham mưu trưởng Lục quân Campuchia; Cục trưởng Cục Biên phòng | Campuchia"},
			orgs: []string{"Lục quân Hoàng gia Campuchia", "Cục Biên phòng"},
		},
		{
			name: "a foreign post after 'khi đó là' is not shared back to a Vietnamese holder of posts of their own",
			text: "Thượng tướng Lê Văn Bình, Thứ trưởng Bộ Quốc phòng, dự. Năm 2021, Thượng tướng Lê Văn Bình và bà Anne Clark, khi đó là Thứ trưởng Quốc phòng Canada, đồng chủ trì.",
			want: []string{
				"PERSON Lê Văn Bình | Thượng tướng | Thứ trưởng Bộ Quốc phòng",
				"PERSON Anne Clark |  | Thứ trưởng Quốc phòng Canada | Canada",
			},
		},
		{
			name:   "'UBND' heads a local body; the unit its place lies in, after a comma, is part of the post; a number names no local body",
			text:   "Ông Lê Văn Nam, Phó Chủ tịch UBND xã Phú Hữu, huyện Nhơn Trạch, phát biểu; lãnh đạo UBND 9 tỉnh biên giới dự.",
			want:   []string{"PERSON Lê Văn Nam |  | Phó Chủ tịch UBND xã Phú Hữu huyện Nhơn Trạch"},
			orgs:   []string{"Ủy ban nhân dân xã Phú Hữu"},
			noOrgs: []string{"UBND 9", "Ủy ban nhân dân 9"},
		},
		{
			name: "a parent after a defined acronym is still the post's parent",
			text: "Đại tá Nguyễn Văn Hải, Phó Chủ nhiệm Chính trị Bộ đội Biên phòng (BĐBP), Bộ Tư lệnh BĐBP, Bộ Quốc phòng Việt Nam và Đại tá Bua-phăn Xỉ-xu-phăn phát biểu.",
			want: []string{
				"PERSON Nguyễn Văn Hải | Đại tá | Phó Chủ nhiệm Chính trị Bộ đội Biên phòng Bộ Tư lệnh Bộ đội Biên phòng Bộ Quốc phòng Việt Nam",
				"PERSON Bua-phăn Xỉ-xu-phăn | Đại tá | ",
			},
		},
		{
			name:   "a known foreign body whose name ends with its parent's names the parent; Việt Nam's bodies are one",
			text:   "Đô đốc Hồ Trung Minh, Tư lệnh Hải quân Quân Giải phóng nhân dân Trung Quốc, chủ trì; đại diện Văn phòng Chính phủ dự.",
			want:   []string{"PERSON Hồ Trung Minh | Đô đốc | Tư lệnh Hải quân Quân Giải phóng nhân dân Trung Quốc"},
			orgs:   []string{"Hải quân Quân Giải phóng Nhân dân Trung Quốc", "Quân Giải phóng Nhân dân Trung Quốc", "Văn phòng Chính phủ"},
			noOrgs: []string{"Chính phủ"},
		},
		{
			name: "a post keeps a defined acronym its full form's initials do not spell; a Vietnamese one is expanded",
			text: "Bộ Quốc phòng và Cơ quan Phát triển Quốc tế Hoa Kỳ (USAID) ký kết; Bộ đội Biên phòng (BĐBP) tỉnh Long An dự. Ông John Miller, Giám đốc USAID tại Việt Nam, và Đại tá Lê Văn Tâm, Chính ủy BĐBP tỉnh Long An, phát biểu.",
			want: []string{
				"PERSON John Miller |  | Giám đốc USAID tại Việt Nam",
				"PERSON Lê Văn Tâm | Đại tá | Chính ủy Bộ đội Biên phòng tỉnh Long An",
			},
		},
		{
			name: "initials open a foreign name, spaced or joined to it; they end no sentence",
			text: "Thượng tướng Lê Văn Dũng tiếp Đại tá R.K. Sharma, Tùy viên Quốc phòng Ấn Độ, và ông J.P.Collins, Phó Trợ lý Bộ trưởng Quốc phòng Hoa Kỳ.",
			want: []string{
				"PERSON Lê Văn Dũng | Thượng tướng | ",
				"PERSON R.K. Sharma | Đại tá | Tùy viên quốc phòng Ấn Độ | Ấn Độ",
				"PERSON J.P. Collins |  | Phó Trợ lý Bộ trưởng Quốc phòng Hoa Kỳ | Mỹ",
			},
		},
		{
			name: "a chargé d'affaires ad interim: the title is 'Đại biện lâm thời' (titles.tsv)",
			text: "Đón đoàn tại sân bay có ông Mark Evans, Đại biện lâm thời Anh tại Việt Nam.",
			want: []string{"PERSON Mark Evans |  | Đại biện lâm thời Anh tại Việt Nam | Anh"},
		},
		{
			name:   "a body named by what it does, named again shorter, is the same body; bodies of other heads are not merged",
			text:   "Ban Chỉ đạo Tổng kết 15 năm thực hiện Nghị quyết số 22 Bộ Quốc phòng tổ chức hội nghị. Thượng tướng Lê Văn Minh, Trưởng Ban Chỉ đạo Tổng kết Nghị quyết số 22, chủ trì; Cục Đối ngoại và Cục Đối ngoại Bộ Quốc phòng Lào dự.",
			want:   []string{"PERSON Lê Văn Minh | Thượng tướng | Trưởng Ban Chỉ đạo Tổng kết Nghị quyết số 22"},
			orgs:   []string{"Ban Chỉ đạo Tổng kết 15 năm thực hiện Nghị quyết số 22 Bộ Quốc phòng", "Cục Đối ngoại", "Cục Đối ngoại Bộ Quốc phòng Lào"},
			noOrgs: []string{"Ban Chỉ đạo Tổng kết Nghị quyết số 22"},
		},
		{
			name:   "'làm' is no syllable of a body's name (words.tsv function)",
			text:   "Biên đội do Thượng tá Lý Minh Hoa - Phó Cục trưởng Cục Cảnh sát biển Vân Nam làm biên đội trưởng.",
			want:   []string{"PERSON Lý Minh Hoa | Thượng tá | Phó Cục trưởng Cục Cảnh sát biển Vân Nam"},
			orgs:   []string{"Cục Cảnh sát biển Vân Nam"},
			noOrgs: []string{"Cục Cảnh sát biển Vân Nam làm"},
		},
		{
			name:   "initials inside a body's name keep their dot",
			text:   "Đoàn thăm Học viện Hải quân mang tên N.G. Kuznetsov của Liên bang Nga.",
			orgs:   []string{"Học viện Hải quân mang tên N.G. Kuznetsov"},
			noOrgs: []string{"Học viện Hải quân mang tên N.G"},
		},
		{
			name:   "a defined abbreviation with a unit and a place after it is the province's body; the kind before the brackets is no body",
			text:   "Bộ Chỉ huy Quân sự (BCHQS) tỉnh Hà Tĩnh tổ chức lễ tiễn đưa. Đội quy tập của BCHQS tỉnh Hà Tĩnh đã tìm kiếm các hài cốt.",
			orgs:   []string{"Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh"},
			noOrgs: []string{"Bộ Chỉ huy Quân sự"},
		},
		{
			name:   "kinds of body before a comma share the unit and place of the body after them",
			text:   "Sáng 5/5, tại Nghĩa trang liệt sĩ Quốc gia Đường 9, Tỉnh ủy, HĐND, UBND tỉnh Hà Tĩnh tổ chức lễ truy điệu.",
			orgs:   []string{"Tỉnh ủy Hà Tĩnh", "Hội đồng nhân dân tỉnh Hà Tĩnh", "Ủy ban nhân dân tỉnh Hà Tĩnh"},
			noOrgs: []string{"Đường 9 tỉnh Hà Tĩnh", "Tỉnh ủy"},
		},
		{
			name:   "an abbreviation of several words in brackets; the kinds before share the unit; a longer name before a comma is no kind",
			text:   "Tỉnh ủy, HĐND, UBND, Ủy ban Mặt trận Tổ quốc Việt Nam (UBMTTQ VN) tỉnh Hà Tĩnh tổ chức lễ. Bộ Tư lệnh Bộ đội Biên phòng, Ban Chỉ huy Bộ đội Biên phòng tỉnh Tây Ninh phối hợp với Đội quy tập thuộc Bộ Chỉ huy Quân sự (Bộ CHQS) tỉnh Nghệ An.",
			orgs:   []string{"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Tĩnh", "Tỉnh ủy Hà Tĩnh", "Hội đồng nhân dân tỉnh Hà Tĩnh", "Ủy ban nhân dân tỉnh Hà Tĩnh", "Bộ Chỉ huy Quân sự tỉnh Nghệ An"},
			noOrgs: []string{"Ủy ban Mặt trận Tổ quốc Việt Nam", "Bộ đội Biên phòng tỉnh Tây Ninh", "Bộ Chỉ huy Quân sự"},
		},
		{
			name: "a short form with the unit, defined in brackets, is the province's body in posts; not when a place follows it",
			text: "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh (Bộ CHQS tỉnh) tổ chức hội nghị. Đại tá Lê Văn Hùng, Chỉ huy trưởng Bộ CHQS tỉnh, và Đại tá Trần Văn Nam, Chính ủy Bộ CHQS tỉnh Quảng Bình, dự.",
			want: []string{
				"PERSON Lê Văn Hùng | Đại tá | Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh",
				"PERSON Trần Văn Nam | Đại tá | Chính ủy Bộ Chỉ huy Quân sự tỉnh Quảng Bình",
			},
		},
		{
			name:   "'Cơ quan' heads a body with a name and a country; lower-case words after a head alone reach a name only when the head has a capital or a known body follows",
			text:   "Cơ quan Hợp tác quốc tế Hàn Quốc (KOICA) và Cơ quan chức năng Việt Nam phối hợp; Cơ quan Việt Nam tìm kiếm người mất tích cùng dự. Quân đội Lào giúp đỡ nhân dân. Ông Park Min Soo, Giám đốc KOICA tại Việt Nam, phát biểu.",
			want:   []string{"PERSON Park Min Soo |  | Giám đốc KOICA tại Việt Nam"},
			orgs:   []string{"Cơ quan Hợp tác quốc tế Hàn Quốc", "Quân đội Lào"},
			noOrgs: []string{"Cơ quan chức năng Việt Nam", "Cơ quan Việt Nam"},
		},
		{
			name: "a former or new post is the post without its marker (post_links.txt)",
			text: "Ngày 5/3/2024, Thượng tướng Nguyễn Văn A, nguyên Tư lệnh Quân khu 4, dự lễ kỷ niệm. Đại tá Trần Văn B, tân Chính ủy Quân đoàn 12, phát biểu.",
			want: []string{"PERSON Nguyễn Văn A | Thượng tướng | Tư lệnh Quân khu 4", "PERSON Trần Văn B | Đại tá | Chính ủy Quân đoàn 12"},
		},
		{
			name: "a post given goes to the one named before, over the appointer's title and body",
			text: "Tư lệnh Bộ đội Biên phòng trước đó là Trung tướng Hoàng Xuân Chiến, Ủy viên Trung ương Đảng, nay được Thủ tướng Chính phủ bổ nhiệm giữ chức Thứ trưởng Bộ Quốc phòng.",
			want: []string{"PERSON Hoàng Xuân Chiến | Trung tướng | Tư lệnh Bộ đội Biên phòng; Ủy viên Trung ương Đảng; Thứ trưởng Bộ Quốc phòng"},
		},
		{
			name: "a post given to a list of subjects is each one's",
			text: "Trung tướng Vũ Hải Sản, trung tướng Hoàng Xuân Chiến và phó đô đốc Phạm Hoài Nam đã lần lượt bàn giao chức trách sau khi được bổ nhiệm làm Thứ trưởng Bộ Quốc phòng.",
			want: []string{
				"PERSON Vũ Hải Sản | Trung tướng | Thứ trưởng Bộ Quốc phòng",
				"PERSON Hoàng Xuân Chiến | Trung tướng | Thứ trưởng Bộ Quốc phòng",
				"PERSON Phạm Hoài Nam | Phó Đô đốc | Thứ trưởng Bộ Quốc phòng",
			},
		},
		{
			name: "a verb or an event between a person and a post given: the post is not that person's",
			text: "Thượng tướng Trịnh Văn Quyết chủ trì hội nghị công bố quyết định bổ nhiệm giữ chức Chính ủy Quân đoàn 12.",
			want: []string{"PERSON Trịnh Văn Quyết | Thượng tướng | "},
		},
		{
			name: "titles stacked with a dash share the body after them; an acting post in lower case keeps its word",
			text: "Thiếu tướng Nguyễn Đức Hưng, nguyên Bí thư Đảng ủy – Chính ủy Quân đoàn 12, phát biểu. Thiếu tướng Nguyễn Quang Ngọc, Phó Tư lệnh, Tham mưu trưởng Quân khu 3, được giao nhiệm vụ phụ trách Tư lệnh Quân khu 3.",
			want: []string{
				"PERSON Nguyễn Đức Hưng | Thiếu tướng | Bí thư Đảng ủy Quân đoàn 12; Chính ủy Quân đoàn 12",
				"PERSON Nguyễn Quang Ngọc | Thiếu tướng | Phó Tư lệnh Quân khu 3; Tham mưu trưởng Quân khu 3; phụ trách Tư lệnh Quân khu 3",
			},
			orgs: []string{"Đảng ủy Quân đoàn 12"},
		},
		{
			name: "an administrative unit of two words and its place are part of a body's name",
			text: "Thượng tướng Nguyễn Văn Được, Chủ tịch Hội Cựu chiến binh Việt Nam (Hội CCB Việt Nam), tiếp ông Buntho Saysongkham, Chủ tịch Hội CCB thủ đô Viêng Chăn. Dự có Thiếu tướng Nguyễn Văn Nghinh, Chủ tịch Hội CCB thành phố Hà Nội.",
			want: []string{
				"PERSON Nguyễn Văn Được | Thượng tướng | Chủ tịch Hội Cựu chiến binh Việt Nam",
				"PERSON Buntho Saysongkham |  | Chủ tịch Hội cựu chiến binh thủ đô Viêng Chăn",
				"PERSON Nguyễn Văn Nghinh | Thiếu tướng | Chủ tịch Hội cựu chiến binh thành phố Hà Nội",
			},
		},
		{
			name: "the body a post's body belongs to ('thuộc') is part of the post, and a body of its own",
			text: "Đoàn Campuchia do Trung tướng Sok Vanna, Cục trưởng Cục Biên phòng thuộc Bộ Tư lệnh Lục quân Campuchia dẫn đầu.",
			want: []string{"PERSON Sok Vanna | Trung tướng | Cục trưởng Cục Biên phòng thuộc Bộ Tư lệnh Lục quân Campuchia | Campuchia"},
			orgs: []string{"Cục Biên phòng", "Bộ Tư lệnh Lục quân Campuchia"},
		},
		{
			name: "honorific styles before a foreign name are not the name; the styled short form is an alias",
			text: "Dự có Thiếu tướng Pehin Datu Lailaraja Dato Paduka Seri Haji Halbi bin Haji Mohd Yussof, Bộ trưởng thứ hai Bộ Quốc phòng Brunei. Thiếu tướng Pehin Datu Lailaraja Dato Paduka Seri Haji Halbi phát biểu.",
			want: []string{"PERSON Halbi bin Haji Mohd Yussof | Thiếu tướng | Bộ trưởng thứ hai Bộ Quốc phòng Brunei | aka Pehin Datu Lailaraja Dato Paduka Seri Haji Halbi | Brunei"},
		},
		{
			name:   "a border area ('khu vực') and its place are part of a body's name",
			text:   "Bộ đội Biên phòng tỉnh Điện Biên và Bộ đội Biên phòng khu vực Mông Tự tổ chức hội đàm định kỳ.",
			orgs:   []string{"Bộ đội Biên phòng tỉnh Điện Biên", "Bộ đội Biên phòng khu vực Mông Tự"},
			noOrgs: []string{"Bộ đội Biên phòng"},
		},
		{
			name: "a body that runs on names its topic after 'về', verbs and a known body included",
			text: "Thượng tướng Hoàng Xuân Chiến, Trưởng ban Chỉ đạo Bộ Quốc phòng về tham gia hoạt động Gìn giữ hòa bình Liên hợp quốc chủ trì buổi lễ.",
			want: []string{"PERSON Hoàng Xuân Chiến | Thượng tướng | Trưởng ban Chỉ đạo Bộ Quốc phòng về tham gia hoạt động Gìn giữ hòa bình Liên hợp quốc"},
			orgs: []string{"Ban Chỉ đạo Bộ Quốc phòng về tham gia hoạt động Gìn giữ hòa bình Liên hợp quốc"},
		},
		{
			name: "a unit alone after a post's body is the province the article named before",
			text: "Ông Hà Văn Đồng, Phó Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị, Trưởng Ban Biên giới Việt Nam - Lào tỉnh cho biết, các hoạt động giao lưu được hưởng ứng.",
			want: []string{"PERSON Hà Văn Đồng |  | Phó Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị; Trưởng Ban Biên giới Việt Nam - Lào tỉnh"},
			orgs: []string{"Ban Biên giới Việt Nam - Lào tỉnh Quảng Trị"},
		},
		{
			name: "an abbreviation in brackets after a post's body does not end the chain of posts",
			text: "Đại tướng Phan Văn Giang, Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương (CMC), Bộ trưởng Quốc phòng, dự hội nghị.",
			want: []string{"PERSON Phan Văn Giang | Đại tướng | Ủy viên Bộ Chính trị; Phó Bí thư Quân ủy Trung ương; Bộ trưởng Quốc phòng"},
		},
		{
			name: "a post with no body whose words are another post's with some left out is a short form of it, before or after it",
			text: "Bộ trưởng Quốc phòng Phan Văn Giang chủ trì lễ đón. Dự có Đại tướng Phan Văn Giang, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng.",
			want: []string{"PERSON Phan Văn Giang | Đại tướng | Bộ trưởng Bộ Quốc phòng; Ủy viên Bộ Chính trị"},
		},
		{
			name: "a unit named by what it is ends at its number, a letter after the digits included",
			text: "Quân đoàn gồm Sư đoàn bộ binh 308, Sư đoàn bộ binh 320B và Lữ đoàn Pháo binh 45.",
			orgs: []string{"Sư đoàn bộ binh 308", "Sư đoàn bộ binh 320B", "Lữ đoàn Pháo binh 45"},
		},
		{
			name: "lower-case words after a capitalized one end a body's name where the clause ends or a role verb follows",
			text: "Đại tá Lê Minh Tuấn, Trưởng phòng Hợp tác quốc tế trình bày báo cáo. Đại tá Nguyễn Đình Lực, Trưởng phòng Hợp tác song phương, dự.",
			want: []string{
				"PERSON Lê Minh Tuấn | Đại tá | Trưởng phòng Hợp tác quốc tế",
				"PERSON Nguyễn Đình Lực | Đại tá | Trưởng phòng Hợp tác song phương",
			},
		},
		{
			name: "a foreign name of one word after a rank or a style, with a post after it, is a person",
			text: "Lễ đón do Phó Đô đốc Irvansyah, Tư lệnh Cảnh sát biển Indonesia, chủ trì. Phát biểu chào mừng, Phó Đô đốc Irvansyah khẳng định hợp tác. Dự có Thiếu tướng Pehin Datu Lailaraja Dato Paduka Seri Haji Halbi, Bộ trưởng thứ hai Bộ Quốc phòng Brunei. Đại tướng Lịch, Bộ trưởng Bộ Quốc phòng, dự.",
			want: []string{
				"PERSON Irvansyah | Phó Đô đốc | Tư lệnh Cảnh sát biển Indonesia | Indonesia",
				"PERSON Halbi | Thiếu tướng | Bộ trưởng thứ hai Bộ Quốc phòng Brunei | Brunei",
			},
		},
		{
			name: "a title with no body that runs on in lower case is a delegation's role, no post",
			text: "Phát biểu tại lễ tiễn, đại tá Nguyễn Vĩnh Nam, Phó tư lệnh Vùng 4 Hải quân, Trưởng đoàn công tác, cho biết chuyến thăm thành công.",
			want: []string{"PERSON Nguyễn Vĩnh Nam | Đại tá | Phó Tư lệnh Vùng 4 Hải quân"},
		},
		{
			name: "a body after a dash that nothing follows is the one the post's body belongs to",
			text: "Biên đội tàu do Đại tá Trần Văn Thơ, Tư lệnh Vùng Cảnh sát biển 1 - Cảnh sát biển Việt Nam, làm chỉ huy.",
			want: []string{"PERSON Trần Văn Thơ | Đại tá | Tư lệnh Vùng Cảnh sát biển 1 - Cảnh sát biển Việt Nam"},
			orgs: []string{"Vùng Cảnh sát biển 1", "Cảnh sát biển Việt Nam"},
		},
		{
			name: "a title shared over a list after ':' whose items open with their own titles and are separated by ';'",
			text: "Cùng dự có các Ủy viên Bộ Chính trị: Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình; Bộ trưởng Bộ Quốc phòng, Đại tướng Phan Văn Giang; Bộ trưởng Bộ Công an, Đại tướng Lương Tam Quang.",
			want: []string{
				"PERSON Nguyễn Hòa Bình |  | Phó Thủ tướng Thường trực Chính phủ; Ủy viên Bộ Chính trị",
				"PERSON Phan Văn Giang | Đại tướng | Bộ trưởng Bộ Quốc phòng; Ủy viên Bộ Chính trị",
				"PERSON Lương Tam Quang | Đại tướng | Bộ trưởng Bộ Công an; Ủy viên Bộ Chính trị",
			},
		},
		{
			name:   "a body other than a mission does not take 'tại'",
			text:   "Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng, dự hội nghị tại Hà Nội.",
			want:   []string{"PERSON Hoàng Xuân Chiến | Thượng tướng | Thứ trưởng Bộ Quốc phòng"},
			noOrgs: []string{"Bộ Quốc phòng tại Hà Nội"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := Normalize(tt.text)
			f, _ := g.relate(Document{ID: "t", Text: tt.text}, txt, Tokenize(txt))
			var got []string
			for _, l := range summary(f) {
				if strings.HasPrefix(l, "PERSON ") {
					got = append(got, l)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("persons (-want +got):\n%s", diff)
			}
			has := map[string]bool{}
			for _, o := range f.Orgs {
				has[o.Name] = true
			}
			for _, o := range tt.orgs {
				if !has[o] {
					t.Errorf("no body %q among %v", o, has)
				}
			}
			for _, o := range tt.noOrgs {
				if has[o] {
					t.Errorf("body %q among the facts", o)
				}
			}
		})
	}
}

// TestAbbreviationAliases holds where an abbreviation defined after a body
// goes: to the ending of the name its initials spell, else to the whole body.
func TestAbbreviationAliases(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		name, text  string
		body, alias string // body must have alias
		not         string // body that must not have it
	}{
		{
			name:  "the initials spell the ending",
			text:  "Chiều 27/8, Bộ Tư lệnh Bộ đội Biên phòng (BĐBP) chủ trì hội nghị bàn tròn.",
			body:  "Bộ đội Biên phòng",
			alias: "BĐBP",
			not:   "Bộ Tư lệnh Bộ đội Biên phòng",
		},
		{
			name:  "the initials spell no ending: the whole body",
			text:  "Lữ đoàn 147 (LĐ147) tổ chức lễ đón.",
			body:  "Lữ đoàn 147",
			alias: "LĐ147",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := Normalize(tt.text)
			f, _ := g.relate(Document{ID: "t", Text: tt.text}, txt, Tokenize(txt))
			aliases := map[string][]string{}
			for _, o := range f.Orgs {
				aliases[o.Name] = o.Aliases
			}
			has := func(body string) bool {
				for _, a := range aliases[body] {
					if a == tt.alias {
						return true
					}
				}
				return false
			}
			if !has(tt.body) {
				t.Errorf("%q has no alias %q: %v", tt.body, tt.alias, aliases)
			}
			if tt.not != "" && has(tt.not) {
				t.Errorf("%q has the alias %q", tt.not, tt.alias)
			}
		})
	}
}

func TestAcronym(t *testing.T) {
	for w, want := range map[string]bool{"ADSOM": true, "WG": true, "SOM": false, "TP": true, "NGUYỄN": false, "THANH": false, "NGHĨA": false, "KHƯƠNG": false, "TRÍ": false, "A": false} {
		if got := acronym(w); got != want {
			t.Errorf("acronym(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestResolutionsNamed holds the documents named by a code's letters and by
// the meeting that passed them. A Kết luận is no Nghị quyết: the guidelines
// list only the latter, so document_kinds.tsv holds no row for it.
func TestResolutionsNamed(t *testing.T) {
	g := testGazetteer(t)
	x := (&Extractor{gaz: g}).WithoutEvidence()
	text := "Hội nghị quán triệt Nghị quyết Đại hội XIII của Đảng, Kết luận số 31-KL/TW của Ban Bí thư và Nghị quyết số 24-NQ/TW về Chiến lược bảo vệ biên giới quốc gia. Đoàn ra sức học tập."
	res := x.runStages(Document{ID: "case", Text: text, Published: "2024-08-10"}, "relate")
	var got []string
	for _, l := range summary(res[stageIndex["relate"]].(*related).facts) {
		if strings.HasPrefix(l, "RESOLUTION") {
			got = append(got, l)
		}
	}
	want := []string{
		"RESOLUTION Nghị quyết 24-NQ/TW | 24-NQ/TW | Bộ Chính trị | aka Nghị quyết số 24-NQ/TW",
		"RESOLUTION Nghị quyết Đại hội XIII của Đảng |  |  | aka ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resolutions (-want +got):\n%s", diff)
	}
}

// TestShortBodyDefinesNothing: an abbreviation in brackets after a body
// written short ("ASEAN") is the phrase's before it, not the body's alias, and
// the article does not define it as that body.
func TestShortBodyDefinesNothing(t *testing.T) {
	g := testGazetteer(t)
	text := "Hội nghị Tư lệnh Quốc phòng các nước ASEAN (ACDFM) lần thứ 20 khai mạc. Trung tướng Lê Văn Hải dự ACDFM."
	txt := Normalize(text)
	f, _ := g.relate(Document{ID: "t", Text: text}, txt, Tokenize(txt))
	found := false
	for _, o := range f.Orgs {
		if o.Name == "ASEAN" {
			found = true
			for _, al := range o.Aliases {
				if al == "ACDFM" {
					t.Errorf("ASEAN has the alias ACDFM: %v", o.Aliases)
				}
			}
		}
	}
	if !found {
		t.Errorf("no body ASEAN among %v", f.Orgs)
	}
}
