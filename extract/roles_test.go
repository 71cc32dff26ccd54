package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRoleLists holds how lists of people take one role: the agents after
// "do" up to the verb that ends the list, and those after a role verb that
// opens the sentence and a list word; and who receives a call.
func TestRoleLists(t *testing.T) {
	g := testGazetteer(t)
	const opening = "Ngày 24/10, tại tỉnh Luang Prabang, đã diễn ra Hội đàm thường niên năm 2023 giữa Cục Bộ đội Biên phòng Lào và Bộ Tư lệnh Bộ đội Biên phòng Việt Nam. "
	tests := []struct {
		name, text string
		want       []string
	}{
		{
			name: "agents after do share the verb after their posts",
			text: opening + "Cuộc hội đàm do Thiếu tướng Siphan Phoutthavong (Xi-phăn Phút-tha-vông), Cục trưởng Cục Bộ đội Biên phòng, Bộ Tổng Tham mưu Quân đội nhân dân Lào và Trung tướng Lê Đức Thái, Tư lệnh Bộ đội Biên phòng (BĐBP), Bộ Quốc phòng Việt Nam đồng chủ trì.",
			want: []string{"EVENT hội đàm | 2023-10-24 | tỉnh Luang Prabang |  | chair Lê Đức Thái, Siphan Phoutthavong | attend  | speak  | about "},
		},
		{
			name: "a verb between the agents ends the list",
			text: opening + "Hội đàm do Trung tướng Lê Đức Thái chủ trì, Thiếu tướng Siphan Phoutthavong, Cục trưởng Cục Bộ đội Biên phòng Lào dự.",
			want: []string{"EVENT hội đàm | 2023-10-24 | tỉnh Luang Prabang |  | chair Lê Đức Thái | attend Siphan Phoutthavong | speak  | about "},
		},
		{
			name: "an opening role verb and a list word",
			text: opening + "Đồng chủ trì hội đàm là Thiếu tướng Siphan Phoutthavong (Xi-phăn Phút-tha-vông), Cục trưởng Cục Bộ đội Biên phòng/Bộ Tổng Tham mưu Quân đội nhân dân Lào và Trung tướng Lê Đức Thái, Tư lệnh Bộ đội Biên phòng Việt Nam.",
			want: []string{"EVENT hội đàm | 2023-10-24 | tỉnh Luang Prabang |  | chair Lê Đức Thái, Siphan Phoutthavong | attend  | speak  | about "},
		},
		{
			name: "a call: the one called on receives and chairs, the caller attends",
			text: opening + "Chiều cùng ngày, Thiếu tướng Siphan Phoutthavong, Cục trưởng Cục Bộ đội Biên phòng Lào đã chào xã giao Trung tướng Lê Đức Thái, Tư lệnh Bộ đội Biên phòng Việt Nam.",
			want: []string{
				"EVENT hội đàm | 2023-10-24 | tỉnh Luang Prabang |  | chair  | attend  | speak  | about ",
				"EVENT tiếp xã giao | 2023-10-24 |  |  | chair Lê Đức Thái | attend Siphan Phoutthavong | speak  | about ",
			},
		},
		{
			name: "a place after a country is the event's when it names no country",
			text: "Sáng 17/9, Thượng tướng Lê Đức Thái chủ trì lễ đón Đoàn đại biểu quân sự cấp cao Cuba tại Trụ sở Bộ Quốc phòng. Đại tá Nguyễn Văn Minh, Tùy viên Quốc phòng Việt Nam tại Lào dự lễ đón.",
			want: []string{"EVENT lễ đón | 2023-09-17 | Trụ sở Bộ Quốc phòng |  | chair Lê Đức Thái | attend Nguyễn Văn Minh | speak  | about "},
		},
		{
			name: "a list word after a verb that does not open the sentence gives no role",
			text: opening + "Tại hội đàm, Trung tướng Lê Đức Thái cho biết người phụ trách là Thiếu tướng Siphan Phoutthavong.",
			want: []string{"EVENT hội đàm | 2023-10-24 | tỉnh Luang Prabang |  | chair  | attend  | speak Lê Đức Thái | about "},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := Normalize(tt.text)
			facts, _ := g.relate(Document{ID: "t", Text: tt.text, Published: "2023-10-25"}, txt, Tokenize(txt))
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
