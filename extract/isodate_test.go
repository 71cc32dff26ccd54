package extract

import (
	"fmt"
	"testing"
)

// TestIsoDateDigits: isoDate's reading of plain digits agrees with the
// Sscanf it skips, on dates valid and not, and on strings Sscanf alone reads.
func TestIsoDateDigits(t *testing.T) {
	ref := func(s string) (y, m, d int, ok bool) {
		if len(s) != 10 || s[4] != '-' || s[7] != '-' {
			return 0, 0, 0, false
		}
		n, err := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d)
		if err != nil || n != 3 || m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
			return 0, 0, 0, false
		}
		return y, m, d, true
	}
	cases := []string{"2024-02-29", "2023-02-29", "2026-12-07", "0000-01-01", "9999-12-31", "2024-13-01", "2024-00-10",
		"2024-04-31", "2024-04-30", "+202-01-02", "2024-+1-02", " 024-01-02", "2024-1--02", "2024-01-0x", "2024/01/02", "20240-1-02"}
	for y := 1999; y <= 2001; y++ {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				cases = append(cases, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	for _, s := range cases {
		y, m, d, ok := isoDate(s)
		wy, wm, wd, wok := ref(s)
		if y != wy || m != wm || d != wd || ok != wok {
			t.Errorf("isoDate(%q) = %d, %d, %d, %v; Sscanf reads %d, %d, %d, %v", s, y, m, d, ok, wy, wm, wd, wok)
		}
	}
}
