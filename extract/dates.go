package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date whose year may be unknown (0).
type Date struct{ Year, Month, Day int }

// IsZero reports whether no date is set.
func (d Date) IsZero() bool { return d.Month == 0 }

// before reports d earlier than e (both with their years).
func (d Date) before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// String is "YYYY-MM-DD", or "--MM-DD" when the year is unknown.
func (d Date) String() string {
	if d.Year == 0 {
		return fmt.Sprintf("--%02d-%02d", d.Month, d.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// dateCues are the words that introduce a date in a dateline: "Ngày 8/1",
// "Sáng 27-7", "Sáng nay 14/04", "Hôm nay 21/11/2020", "chiều 12 tháng 5".
var dateCues = map[string]bool{
	"ngày": true, "sáng": true, "chiều": true, "trưa": true, "tối": true, "đêm": true,
	"nay": true, "hôm": true, "mai": true, "qua": true, "kia": true,
}

// dateAt matches a date expression introduced by a cue word at toks[i]; the span
// covers the cue(s) and the date. It returns the number of tokens, 0 if none.
func dateAt(toks []Token, i, end int) int {
	// "thứ Năm (12/10)": a weekday before a date in brackets (a masthead's
	// "Thứ ba, 20/11/2018" is no date of the text)
	if w := weekdayAt(toks, i, end); w > 0 {
		if i+w < end && toks[i+w].Text == "(" {
			if _, n := parseDate(toks, i+w+1, end); n > 0 && i+w+1+n < end && toks[i+w+1+n].Text == ")" {
				return w + n + 2
			}
		}
		// "thứ Hai vừa qua"
		if n := lastPast(toks, i+w, end); n > 0 {
			return w + n
		}
		return 0
	}
	// "từ 25 đến 28/6": a range of days after "từ", without "ngày"
	if toks[i].Kind == Word && toks[i].Key == "từ" {
		if _, n := parseDate(toks, i+1, end); n == 3 || n == 4 && toks[i+3].Key == "ngày" {
			return 1 + n
		}
		// "từ 28/5 đến 2/6": a range across months
		if _, n := parseDate(toks, i+1, end); n == 1 && i+3 < end && (toks[i+2].Key == "đến" || toks[i+2].Key == "tới" || toks[i+2].Kind == Punct && isDash(toks[i+2].Text)) {
			if _, ok := numericDate(toks[i+3].Text); ok {
				return 4
			}
		}
		// "từ 30/5-1/6"
		if _, ok := numericRange(toks, i+1, end); ok {
			return 2
		}
		return 0
	}
	j := i
	for j < end && toks[j].Kind == Word && dateCues[toks[j].Key] {
		j++
	}
	if j == i {
		return 0
	}
	// "Sáng thứ Hai", "hôm thứ Sáu vừa qua": a weekday after a part of the
	// day, told from the article's date ("ngày thứ hai của chuyến thăm" is
	// an ordinal; "Chiều thứ Ba (11/6)" is read at the weekday)
	if w := weekdayAt(toks, j, end); w > 0 && toks[j-1].Key != "ngày" && toks[j-1].Key != "mai" {
		if j+w < end && toks[j+w].Text == "(" {
			return 0
		}
		if j+w+1 < end && toks[j+w].Text == "," {
			if _, n := parseDate(toks, j+w+1, end); n > 0 {
				return 0 // "Sáng thứ Ba, 20/11": the date that follows says it
			}
		}
		return j - i + w + lastPast(toks, j+w, end)
	}
	open := j < end && toks[j].Kind == Punct && toks[j].Text == "("
	if open {
		j++
		// "Hôm nay (thứ Ba, 16/3)": a weekday before the date in the brackets
		if w := weekdayAt(toks, j, end); w > 0 && j+w+1 < end && toks[j+w].Text == "," {
			if _, n := parseDate(toks, j+w+1, end); n > 0 {
				j += w + 1
			}
		}
	}
	if _, n := parseDate(toks, j, end); n > 0 {
		k := j + n
		if k < end && toks[k].Kind == Punct && toks[k].Text == ")" && open {
			k++
		}
		return k - i
	}
	// "hôm qua", "chiều nay": a day told from the article's date
	if _, ok := relativeDays(toks, i, j); ok {
		// "Hôm nay, ngày 7 tháng 12 năm 2023": the date that follows says it
		k := j
		if k < end && toks[k].Text == "," {
			k++
		}
		if k < end && dateAt(toks, k, end) > 0 {
			return 0
		}
		return j - i
	}
	return 0
}

// weekdays are the words after "thứ" that name a day of the week.
var weekdays = map[string]bool{"hai": true, "ba": true, "tư": true, "năm": true, "sáu": true, "bảy": true}

// weekdayAt is the number of tokens of a weekday at toks[i] ("thứ Năm",
// "chủ nhật"), 0 if none.
func weekdayAt(toks []Token, i, end int) int {
	if i+1 >= end || toks[i].Kind != Word || toks[i+1].Kind != Word {
		return 0
	}
	if toks[i].Key == "thứ" && weekdays[toks[i+1].Key] || toks[i].Key == "chủ" && toks[i+1].Key == "nhật" {
		return 2
	}
	return 0
}

// lastPast is 2 for "vừa qua" at toks[i] ("thứ Hai vừa qua"), else 0.
func lastPast(toks []Token, i, end int) int {
	if i+1 < end && toks[i].Key == "vừa" && toks[i+1].Key == "qua" {
		return 2
	}
	return 0
}

// weekdayNumbers are the days of the week (time.Weekday) after "thứ".
var weekdayNumbers = map[string]time.Weekday{"hai": time.Monday, "ba": time.Tuesday, "tư": time.Wednesday, "năm": time.Thursday, "sáu": time.Friday, "bảy": time.Saturday}

// weekdayDate is the day a weekday in toks[i:j] names, told from the
// article's date: the last such day on or before it ("Sáng thứ Hai"), before
// it with "vừa qua". Zero when the span names no weekday or the article has
// no date.
func weekdayDate(toks []Token, i, j int, published string) Date {
	for k := i; k < j; k++ {
		w := weekdayAt(toks, k, j)
		if w == 0 {
			continue
		}
		day := time.Sunday
		if toks[k].Key == "thứ" {
			day = weekdayNumbers[toks[k+1].Key]
		}
		y, m, d, ok := isoDate(published)
		if !ok {
			return Date{}
		}
		pub := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		back := (int(pub.Weekday()) - int(day) + 7) % 7
		if back == 0 && lastPast(toks, k+w, j) > 0 {
			back = 7
		}
		return addDays(published, -back)
	}
	return Date{}
}

// relativeDays reads a relative day at toks[i:j] ("hôm qua", "sáng nay",
// "chiều qua"): the days from the article's date (0 or -1). "ngày nay" is
// "nowadays", no date.
func relativeDays(toks []Token, i, j int) (int, bool) {
	if j-i < 2 || j-i > 3 {
		return 0, false
	}
	switch toks[i].Key {
	case "hôm", "sáng", "chiều", "trưa", "tối", "đêm":
	default:
		return 0, false
	}
	switch toks[j-1].Key {
	case "nay":
		return 0, true
	case "qua":
		return -1, true
	case "kia":
		// "hôm kia": the day before yesterday
		if toks[j-2].Key == "hôm" {
			return -2, true
		}
	}
	return 0, false
}

// parseDate reads "8/1", "27-7", "14/04/2022", "3.9", or "12 tháng 5 (năm 2021)"
// at toks[j].
func parseDate(toks []Token, j, end int) (Date, int) {
	if j >= end || toks[j].Kind != Number {
		return Date{}, 0
	}
	if d, ok := numericDate(toks[j].Text); ok {
		return d, 1
	}
	if d, ok := numericRange(toks, j, end); ok {
		return d, 1
	}
	// "5, 6 và 7/6": a list of days, its first
	if n := dayList(toks, j, end); n > 0 {
		if last, ok := numericDate(toks[j+n-1].Text); ok {
			day, _ := strconv.Atoi(toks[j].Text)
			if validDayMonth(day, last.Month) && day <= last.Day {
				return Date{Year: last.Year, Month: last.Month, Day: day}, n
			}
		}
	}
	if rng := strings.SplitN(toks[j].Text, "-", 2); len(rng) == 2 {
		// "21-23/5", "13-14/11": a range written as one token, its first day
		if d0, err := strconv.Atoi(rng[0]); err == nil {
			if last, ok := numericDate(rng[1]); ok && d0 <= last.Day {
				return Date{Year: last.Year, Month: last.Month, Day: d0}, 1
			}
		}
	}
	day, err := strconv.Atoi(toks[j].Text)
	if err != nil {
		return Date{}, 0
	}
	// a range, "21 đến 23/5", "21 - 23/5" or "21 đến ngày 23/5": the first
	// day of it
	if j+2 < end && (toks[j+1].Key == "đến" || toks[j+1].Key == "tới" || toks[j+1].Key == "và" || toks[j+1].Kind == Punct && isDash(toks[j+1].Text)) {
		n := 2
		if toks[j+2].Key == "ngày" && toks[j+1].Kind == Word && j+3 < end {
			n = 3
		}
		if last, ok := numericDate(toks[j+n].Text); ok && validDayMonth(day, last.Month) && day <= last.Day {
			return Date{Year: last.Year, Month: last.Month, Day: day}, n + 1
		}
	}
	if j+2 >= end || toks[j+1].Key != "tháng" || toks[j+2].Kind != Number {
		return Date{}, 0
	}
	month, err := strconv.Atoi(toks[j+2].Text)
	if err != nil || !validDayMonth(day, month) {
		return Date{}, 0
	}
	d, n := Date{Month: month, Day: day}, 3
	if j+4 < end && toks[j+3].Key == "năm" && toks[j+4].Kind == Number {
		if y, err := strconv.Atoi(toks[j+4].Text); err == nil && y > 1900 && y < 2200 {
			d.Year, n = y, 5
		}
	}
	return d, n
}

// numericRange reads "30/5-1/6", a range across months written as one
// token: its first day.
func numericRange(toks []Token, j, end int) (Date, bool) {
	if j >= end || toks[j].Kind != Number {
		return Date{}, false
	}
	rng := strings.SplitN(toks[j].Text, "-", 2)
	if len(rng) != 2 || !strings.ContainsAny(rng[0], "/.") {
		return Date{}, false
	}
	first, ok := numericDate(rng[0])
	last, ok2 := numericDate(rng[1])
	if !ok || !ok2 {
		return Date{}, false
	}
	if first.Year == 0 {
		first.Year = last.Year
	}
	return first, true
}

// dayList is the number of tokens of a list of days "5, 6 và 7/6" at toks[j]
// (days, commas, "và", and a last day with its month), 0 if none.
func dayList(toks []Token, j, end int) int {
	k := j
	for k+1 < end && toks[k].Kind == Number && !strings.ContainsAny(toks[k].Text, "/.-") && toks[k+1].Text == "," {
		k += 2
	}
	if k == j || k+2 >= end || toks[k].Kind != Number || toks[k+1].Key != "và" {
		return 0
	}
	if _, ok := numericDate(toks[k+2].Text); !ok {
		return 0
	}
	return k + 3 - j
}

// numericDate parses d/m, d-m, d.m and d/m/yyyy.
func numericDate(s string) (Date, bool) {
	var parts []string
	for _, sep := range []string{"/", "-", "."} {
		if strings.Contains(s, sep) {
			parts = strings.Split(s, sep)
			break
		}
	}
	if len(parts) < 2 || len(parts) > 3 {
		return Date{}, false
	}
	nums := make([]int, len(parts))
	for k, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || len(p) > 4 {
			return Date{}, false
		}
		nums[k] = v
	}
	d := Date{Day: nums[0], Month: nums[1]}
	if len(nums) == 3 {
		if nums[2] < 1900 || nums[2] > 2200 {
			return Date{}, false
		}
		d.Year = nums[2]
	}
	if !validDayMonth(d.Day, d.Month) {
		return Date{}, false
	}
	return d, true
}

func validDayMonth(d, m int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(m, 0)
}

// spanDate re-reads the date inside a SpanDate.
func spanDate(toks []Token, sp Chunk) Date {
	if d, ok := sp.When(); ok {
		return d // read by the spans stage
	}
	j := sp.T0 + weekdayAt(toks, sp.T0, sp.T1)
	for j < sp.T1 && (toks[j].Kind == Word && (dateCues[toks[j].Key] || j == sp.T0 && toks[j].Key == "từ") || toks[j].Text == "(") {
		j++
		// "(thứ Ba, 16/3)"
		if toks[j-1].Text == "(" {
			if w := weekdayAt(toks, j, sp.T1); w > 0 && j+w < sp.T1 && toks[j+w].Text == "," {
				j += w + 1
			}
		}
	}
	d, _ := parseDate(toks, j, sp.T1)
	return d
}

// resolveYear gives a year-less date the year of the article's publication date
// (YYYY-MM-DD) or else a year the sentence states; a date well after publication
// belongs to the year before (an article of early January about late December).
func resolveYear(d Date, published string, sentenceYear int) Date {
	if d.Year != 0 || d.IsZero() {
		return d
	}
	if y, m, pd, ok := isoDate(published); ok {
		d.Year = y
		if d.Month*100+d.Day > m*100+pd && d.Month-m >= 2 {
			d.Year = y - 1
		}
		return d
	}
	if sentenceYear != 0 {
		d.Year = sentenceYear
	}
	if d.Year != 0 && d.Day > daysIn(d.Month, d.Year) {
		d.Year = 0
	}
	return d
}

// statedYear finds the one year a sentence states as the time of what it reports
// ("6 tháng đầu năm 2017"), ignoring targets ("đến năm 2020"), periods
// ("giai đoạn 2016-2021") and several different years.
func statedYear(toks []Token, s sentence) int { return statedYearOutside(toks, s, nil) }

// statedYearOutside is statedYear without the years at tokens inside reports
// true for (the target year of a plan's name, "Đề án … năm 2020", is no time
// of the meeting that reviews it) and those that end a capitalized name.
func statedYearOutside(toks []Token, s sentence, inside func(int) bool) int {
	year := 0
	for i := s.t0 + 1; i < s.t1; i++ {
		if toks[i].Kind != Number || toks[i-1].Key != "năm" || inside != nil && inside(i) {
			continue
		}
		// "Ban chỉ đạo Bộ Quốc phòng ASEAN năm 2020": a year that ends a
		// capitalized name belongs to the name
		if i >= 2 && toks[i-2].Cap {
			continue
		}
		y, err := strconv.Atoi(toks[i].Text)
		if err != nil || y < 1900 || y > 2200 {
			continue
		}
		if i >= 2 {
			switch toks[i-2].Key {
			case "đến", "tới", "trước", "sau", "từ", "nhìn", "đoạn":
				continue
			}
		}
		if year != 0 && year != y {
			return 0
		}
		year = y
	}
	return year
}

// reviewYear reports a year stated as the one a meeting reviews ("tổng kết công
// tác năm 2023", "sơ kết năm 2023"): such meetings are held after that year.
func reviewYear(toks []Token, s sentence) bool {
	for i := s.t0 + 1; i < s.t1; i++ {
		if toks[i].Key == "kết" && (toks[i-1].Key == "tổng" || toks[i-1].Key == "sơ") {
			return true
		}
	}
	return false
}

// dateOf is the date of a date span with its year resolved; a relative day
// ("hôm qua") is told from the article's published date, and has no date
// when the article has none (no year or day is guessed).
func (a *analysis) dateOf(sp Chunk, s sentence) Date {
	d := spanDate(a.toks, sp)
	if d.IsZero() {
		if off, ok := relativeDays(a.toks, sp.T0, sp.T1); ok {
			return addDays(a.doc.Published, off)
		}
		return weekdayDate(a.toks, sp.T0, sp.T1, a.doc.Published)
	}
	return a.resolveDate(d, s)
}

// addDays is the day off days from an ISO date, zero when it is none.
func addDays(iso string, off int) Date {
	y, m, d, ok := isoDate(iso)
	if !ok {
		return Date{}
	}
	t := time.Date(y, time.Month(m), d+off, 0, 0, 0, 0, time.UTC)
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// dateRange reports a date span that is a range of days ("từ ngày 25 đến 28/6",
// "13-14/11", "ngày 8 và 9/9").
func dateRange(toks []Token, sp Chunk) bool {
	for i := sp.T0; i < sp.T1; i++ {
		t := toks[i]
		if t.Key == "đến" || t.Key == "tới" || t.Key == "và" || t.Kind == Punct && isDash(t.Text) ||
			t.Kind == Number && strings.Contains(t.Text, "-") && strings.ContainsAny(t.Text, "/.") {
			return true
		}
	}
	return false
}
