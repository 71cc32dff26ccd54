package corpus

// The word lists the generator draws from. Names are built from parts, so no
// real person is listed.

var surnames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Phùng", "Trịnh", "Đinh", "Lương", "Tạ", "Tô", "Mạc", "Đoàn", "Lưu", "Vương", "Triệu", "Quách", "Khổng", "Kiều", "Nông", "Lò", "Thân", "Tống", "Chu", "Lại"}

var middles = []string{"Văn", "Hữu", "Đức", "Xuân", "Quang", "Minh", "Ngọc", "Thanh", "Công", "Trọng", "Đình", "Tiến", "Mạnh", "Hồng", "Quốc", "Chí", "Thế", "Bá", "Duy", "Huy", "Tuấn", "Việt", "Sĩ", "Khắc", "Viết", "Trung", "Anh", "Kim", "Phú", "Hoài"}

var middles2 = []string{"Thành", "Hải", "Nam", "Bảo", "Gia", "Đăng", "Phúc", "Lâm", "Tân", "Long"}

var givens = []string{"An", "Anh", "Bình", "Cường", "Chiến", "Chính", "Dũng", "Duy", "Đạt", "Định", "Đông", "Giang", "Hà", "Hải", "Hào", "Hiền", "Hiếu", "Hòa", "Hoàn", "Hùng", "Hưng", "Huy", "Khải", "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Lịch", "Linh", "Long", "Lực", "Lương", "Mạnh", "Minh", "Nam", "Nghĩa", "Ngọc", "Nhân", "Phong", "Phú", "Phúc", "Phương", "Quân", "Quang", "Quý", "Quyết", "Sơn", "Tài", "Tâm", "Tân", "Thái", "Thắng", "Thanh", "Thành", "Thảo", "Thiện", "Thịnh", "Thọ", "Thông", "Thuận", "Tiến", "Toàn", "Trí", "Trung", "Trường", "Tú", "Tuấn", "Tùng", "Tường", "Văn", "Việt", "Vinh", "Vịnh", "Vũ", "Xuân", "Yên", "Bắc", "Cảnh", "Châu", "Công", "Đức", "Hạnh", "Hậu", "Hoạt", "Kỳ", "Luân", "Lộc", "Mẫn", "Nguyên", "Pháp", "Quảng", "Sáng", "Tạo", "Thạch", "Thiều", "Thước", "Vượng"}

var militaryRegions = []string{"1", "2", "3", "4", "5", "7", "9"}

var corps = []string{"12", "34"}

var provinces = []string{"Cao Bằng", "Lạng Sơn", "Thái Nguyên", "Bắc Giang", "Hà Giang", "Lào Cai", "Yên Bái", "Điện Biên", "Sơn La", "Phú Thọ", "Quảng Ninh", "Hải Dương", "Thái Bình", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Kon Tum", "Gia Lai", "Đắk Lắk", "Tây Ninh", "Đồng Nai", "Long An", "Lâm Đồng", "An Giang", "Kiên Giang", "Cà Mau"}

var borderProvinces = []string{"Quảng Ninh", "Lạng Sơn", "Cao Bằng", "Hà Giang", "Lào Cai", "Lai Châu", "Điện Biên", "Sơn La", "Nghệ An", "Quảng Trị", "Kon Tum", "Gia Lai", "Tây Ninh", "Long An", "An Giang", "Kiên Giang"}

var wellKnownResolutions = []resolution{
	{"806-NQ/QUTW", "Quân ủy Trung ương", "hội nhập quốc tế và đối ngoại về quốc phòng đến năm 2020 và những năm tiếp theo"},
	{"22-NQ/TW", "Bộ Chính trị", "hội nhập quốc tế"},
	{"1657-NQ/QUTW", "Quân ủy Trung ương", "hội nhập quốc tế và đối ngoại quốc phòng đến năm 2030 và những năm tiếp theo"},
	{"24-NQ/TW", "Bộ Chính trị", "chiến lược bảo vệ Tổ quốc trong tình hình mới"},
	{"28-NQ/TW", "Trung ương Đảng", "chiến lược bảo vệ Tổ quốc trong tình hình mới"},
}

var resolutionBodies = []struct{ suffix, body string }{
	{"QUTW", "Quân ủy Trung ương"},
	{"TW", "Bộ Chính trị"},
	{"ĐUQSTW", "Quân ủy Trung ương"},
}

var topics = []string{"công tác đối ngoại quốc phòng", "xây dựng Quân đội nhân dân cách mạng, chính quy, tinh nhuệ, hiện đại", "công tác quốc phòng, quân sự địa phương", "hợp tác quốc tế về khắc phục hậu quả chiến tranh", "tham gia hoạt động gìn giữ hòa bình của Liên hợp quốc", "xây dựng khu vực phòng thủ vững chắc", "công tác biên giới và biển, đảo", "phát triển công nghiệp quốc phòng"}

var planTopics = []string{"Quân đội tham gia các hoạt động gìn giữ hòa bình của Liên hợp quốc", "hội nhập quốc tế về quốc phòng", "đào tạo cán bộ đối ngoại quốc phòng", "hợp tác quốc phòng với các nước láng giềng", "tăng cường quan hệ quốc phòng với các nước ASEAN", "phát triển nguồn nhân lực đối ngoại quốc phòng", "xây dựng lực lượng Tùy viên quốc phòng", "hợp tác khắc phục hậu quả bom mìn sau chiến tranh"}

var planTails = []string{"", " giai đoạn 2016 - 2020", " giai đoạn 2021 - 2025", " đến năm 2030", " giai đoạn 2011 - 2015"}

var outlets = []string{"Báo Quân đội nhân dân", "Cổng Thông tin điện tử Bộ Quốc phòng", "Chinhphu.vn", "Báo Nhân Dân", "Thông tấn xã Việt Nam"}

var foreigners = []struct {
	country       string
	given, family []string
}{
	{"Lào", []string{"Chansamone", "Vilay", "Khamphanh", "Souvone", "Bounthong", "Thongloun"}, []string{"Chanyalath", "Lakhamphong", "Phommavong", "Keomany", "Sisavath"}},
	{"Campuchia", []string{"Tea", "Sok", "Chhum", "Vong", "Hun"}, []string{"Banh", "Sokhom", "Pisey", "Sovann", "Dara"}},
	{"Nhật Bản", []string{"Yamada", "Watanabe", "Suzuki", "Tanaka", "Kishi"}, []string{"Takio", "Kentaro", "Hiroshi", "Nobuo", "Yasukazu"}},
	{"Mỹ", []string{"Lloyd", "Mark", "James", "Robert", "Daniel"}, []string{"Austin", "Esper", "Walker", "Carter", "Kritenbrink"}},
	{"Ấn Độ", []string{"Rajnath", "Pranay", "Sanjay", "Arun"}, []string{"Singh", "Verma", "Kumar", "Sharma"}},
	{"Thái Lan", []string{"Prawit", "Sansern", "Narongpan", "Chalermchai"}, []string{"Wongsuwan", "Kaewkamnerd", "Jitkaewtae", "Sittisart"}},
	{"Australia", []string{"Richard", "Andrew", "Peter", "Craig"}, []string{"Marles", "Goledzinowski", "Dutton", "Chipperfield"}},
	{"Pháp", []string{"Sébastien", "Olivier", "Nicolas", "Florence"}, []string{"Lecornu", "Brochet", "Warnery", "Parly"}},
}

var fillers = []string{
	"Thời gian tới, hai bên tiếp tục phối hợp chặt chẽ, góp phần giữ vững môi trường hòa bình, ổn định để phát triển đất nước.",
	"Công tác đối ngoại quốc phòng đã góp phần quan trọng vào việc bảo vệ vững chắc độc lập, chủ quyền và toàn vẹn lãnh thổ của Tổ quốc.",
	"Hội nghị đã thống nhất phương hướng, nhiệm vụ công tác đối ngoại quốc phòng trong thời gian tới.",
	"Các đại biểu đã trao đổi, thảo luận và đề xuất nhiều giải pháp nâng cao hiệu quả hợp tác quốc phòng.",
}
