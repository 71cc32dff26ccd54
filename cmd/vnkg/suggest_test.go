package main

import "testing"

func TestPlainKey(t *testing.T) {
	for in, want := range map[string]string{
		"Ngô Xuân Lịch":        "ngo xuan lich",
		"  Đại   tướng  ":      "dai tuong",
		"Bộ Quốc phòng":        "bo quoc phong",
		"Ngo\u0302 Xua\u0302n": "ngo xuan", // NFD input
		"":                     "",
	} {
		if got := plainKey(in); got != want {
			t.Errorf("plainKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRuneDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"ngo xuan lich", "ngo xuan lich", 3, 0},
		{"ngo xuan lch", "ngo xuan lich", 3, 1},
		{"phan van gian", "phan van giang", 3, 1},
		{"abc", "xyz", 1, 2}, // over the limit: limit+1
		{"", "abc", 5, 3},
	} {
		if got := runeDistance([]rune(tt.a), []rune(tt.b), tt.limit); got != tt.want {
			t.Errorf("runeDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}
