package extract

import "testing"

func TestDateAt(t *testing.T) {
	tests := []struct {
		in        string
		published string
		want      string // "" when no date is found
	}{
		{"Ngày 8/1, tại Hà Nội", "", "--01-08"},
		{"Sáng 27-7, tại Trụ sở", "", "--07-27"},
		{"Sáng nay 14/04, Bộ", "", "--04-14"},
		{"Hôm nay 21/11/2020, đoàn", "", "2020-11-21"},
		{"chiều 12 tháng 5 năm 2021, tại", "", "2021-05-12"},
		{"Trưa 3.9, Đại tướng", "", "--09-03"},
		{"ngày 05/3 tới", "2023-02-20", "2023-03-05"},
		{"Ngày 28/12, hội nghị", "2016-01-05", "2015-12-28"},
		{"Ngày 17/8, tại Hà Nội", "2016-08-17", "2016-08-17"},
		{"Hôm nay (14/4), Bộ", "", "--04-14"},
		{"Từ ngày 21 đến 23/5, đoàn", "2024-05-22", "2024-05-21"},
		{"trong hai ngày 15 và 16/5, tại", "", "--05-15"},
		{"Ngày 12.5.2024, tại", "", "2024-05-12"},
		{"ngày 31/2", "", ""},
		{"có 34 cơ quan", "", ""},
		{"Thứ 2, 10/12/2018", "", ""},
		{"Thứ ba, 20/11/2018 - 06:30", "", ""},
		{"trong hai ngày 13-14/11 tại", "2025-11-20", "2025-11-13"},
		{"Từ ngày 21-24/3, đoàn", "", "--03-21"},
		{"ngày 8 và 9/9, tại", "", "--09-08"},
		{"từ ngày 3 đến 6/5, đoàn", "", "--05-03"},
		{"từ ngày 11 đến ngày 14/7, đoàn", "", "--07-11"},
		{"từ 11 đến ngày 14/7, đoàn", "", "--07-11"},
		{"Chiều nay (thứ Sáu, 9/5), tại", "2025-05-09", "2025-05-09"},
		{"thứ Năm (12/10), tại Hà Nội", "2023-10-13", "2023-10-12"},
		{"ngày nay, quân đội", "2023-10-13", ""},
		{"Hôm nay, ngày 7 tháng 12 năm 2023, Bộ", "", "2023-12-07"},
		{"Trong các ngày từ 25 đến 28/6, đội tàu", "2025-06-29", "2025-06-25"},
		{"từ 2010 đến nay", "", ""},
		{"từ 5 đến 7 đơn vị", "", ""},
		{"lần thứ hai, hai bên", "", ""},
		{"từ 28/5 đến 2/6, đoàn", "2024-06-10", "2024-05-28"},
		{"Từ 30/5-1/6, đoàn", "2024-06-10", "2024-05-30"},
		{"Trong các ngày 5, 6 và 7/6, đoàn", "2024-06-10", "2024-06-05"},
		{"có 5, 6 và 7 đơn vị", "", ""},
		{"ngày thứ hai của chuyến thăm", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			txt := Normalize(tt.in)
			toks := Tokenize(txt)
			got := ""
			for i := range toks {
				if n := dateAt(toks, i, len(toks)); n > 0 {
					d := spanDate(toks, Chunk{T0: i, T1: i + n})
					got = resolveYear(d, tt.published, 0).String()
					break
				}
			}
			if got != tt.want {
				t.Errorf("date in %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStatedYear(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"Hội nghị giao ban 6 tháng đầu năm 2017.", 2017},
		{"giai đoạn 2011-2013 và triển khai phương hướng đến năm 2015", 0},
		{"kết quả năm 2020 và kế hoạch năm 2021", 0},
		{"tầm nhìn đến năm 2030", 0},
		{"Ban chỉ đạo Bộ Quốc phòng ASEAN năm 2020 tổ chức hội nghị", 0},
	}
	for _, tt := range tests {
		toks := Tokenize(Normalize(tt.in))
		if got := statedYear(toks, sentence{0, len(toks)}); got != tt.want {
			t.Errorf("statedYear(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestRelativeDates: a relative day is told from the article's published date,
// and stays undated when the article has none.
func TestRelativeDates(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct{ text, published, want string }{
		{"Hôm qua, tại Hà Nội, Bộ Quốc phòng tổ chức Hội nghị tổng kết công tác đối ngoại.", "2024-03-01", "2024-02-29"},
		{"Sáng nay, tại Hà Nội, Bộ Quốc phòng tổ chức Hội nghị tổng kết công tác đối ngoại.", "2024-03-01", "2024-03-01"},
		{"Chiều qua (2/3), tại Hà Nội, Bộ Quốc phòng tổ chức Hội nghị tổng kết công tác đối ngoại.", "2024-03-03", "2024-03-02"},
		{"Hôm qua, tại Hà Nội, Bộ Quốc phòng tổ chức Hội nghị tổng kết công tác đối ngoại.", "", ""},
		{"Thứ Năm (12/10), tại Hà Nội, Bộ Quốc phòng tổ chức Hội nghị tổng kết công tác đối ngoại.", "2023-10-14", "2023-10-12"},
		{"Ngày 12/3, tại Hà Nội, Bộ Quốc phòng tổ chức Hội nghị tổng kết công tác đối ngoại.", "", "--03-12"},
	}
	for _, tt := range tests {
		txt := Normalize(tt.text)
		f, _ := g.relate(Document{ID: "t", Text: tt.text, Published: tt.published}, txt, Tokenize(txt))
		got := "no event"
		if len(f.Events) == 1 {
			got = ""
			if !f.Events[0].Date.IsZero() {
				got = f.Events[0].Date.String()
			}
		}
		if got != tt.want {
			t.Errorf("%q (published %q): date %q, want %q", tt.text, tt.published, got, tt.want)
		}
	}
}

// TestRelativeDays holds the days told from the article's date: "hôm qua",
// "hôm kia", a weekday after a part of the day.
func TestRelativeDays(t *testing.T) {
	tests := []struct{ in, published, want string }{
		{"Hôm qua, tại Hà Nội", "2024-06-12", "2024-06-11"},
		{"Hôm kia, tại Hà Nội", "2024-06-12", "2024-06-10"},
		{"Sáng thứ Hai, tại Hà Nội", "2024-06-12", "2024-06-10"},
		{"Chiều thứ Tư, tại Hà Nội", "2024-06-12", "2024-06-12"},
		{"thứ Tư vừa qua, tại Hà Nội", "2024-06-12", "2024-06-05"},
		{"Tối chủ nhật, tại Hà Nội", "2024-06-12", "2024-06-09"},
		{"Sáng thứ Hai, tại Hà Nội", "", "--00-00"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			toks := Tokenize(Normalize(tt.in))
			got := ""
			for i := range toks {
				if n := dateAt(toks, i, len(toks)); n > 0 {
					if off, ok := relativeDays(toks, i, i+n); ok {
						got = addDays(tt.published, off).String()
					} else {
						got = weekdayDate(toks, i, i+n, tt.published).String()
					}
					break
				}
			}
			if got != tt.want {
				t.Errorf("day of %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
