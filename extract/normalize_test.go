package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, src, norm, fold string
	}{
		{"ascii", "Hello World", "Hello World", "hello world"},
		{"nfd composed", norm.NFD.String("Phùng Quang Thanh"), "Phùng Quang Thanh", "phùng quang thanh"},
		{"new tone placement folds to old", "hoà bình, Uỷ viên, thuỷ quân", "hoà bình, Uỷ viên, thuỷ quân", "hòa bình, ủy viên, thủy quân"},
		{"pairs that cannot move in place fold in keys", "Tuỳ viên, khoẽ", "Tuỳ viên, khoẽ", "tuỳ viên, khoẽ"},
		{"tone inside a syllable is left", "hoàn thành, khuya", "hoàn thành, khuya", "hoàn thành, khuya"},
		{"qu keeps its y", "quý", "quý", "quý"},
		{"crlf and cr", "a\r\nb\rc", "a\nb\nc", "a\nb\nc"},
		{"bom and zero width", "\ufeffBộ\u200b Quốc", "Bộ Quốc", "bộ quốc"},
		{"nbsp and odd spaces", "Đại\u00a0tướng\u2009Lịch\tx", "Đại tướng Lịch x", "đại tướng lịch x"},
		{"upper Đ", "ĐẠI TƯỚNG", "ĐẠI TƯỚNG", "đại tướng"},
		{"invalid utf8", "a\xffb", "a\ufffdb", "a\ufffdb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.src)
			if got.Norm != tt.norm {
				t.Errorf("Norm = %q, want %q", got.Norm, tt.norm)
			}
			if got.Fold != tt.fold {
				t.Errorf("Fold = %q, want %q", got.Fold, tt.fold)
			}
			if len(got.Fold) != len(got.Norm) {
				t.Errorf("Fold is %d bytes, Norm %d: not aligned", len(got.Fold), len(got.Norm))
			}
		})
	}
}

func TestNormalizeIdempotent(t *testing.T) {
	for _, s := range []string{"Sáng 27-7,\r\n tại Trụ sở", norm.NFD.String("Uỷ ban Đối ngoại"), "\ufeffx\u00a0y"} {
		once := Normalize(s).Norm
		if twice := Normalize(once).Norm; twice != once {
			t.Errorf("Normalize(Normalize(%q)) = %q, want %q", s, twice, once)
		}
	}
}

func TestSourceOffset(t *testing.T) {
	src := "\ufeff" + norm.NFD.String("Đại tướng") + "\r\nLịch"
	txt := Normalize(src)
	i := strings.Index(txt.Norm, "Lịch")
	got := txt.SourceOffset(i)
	if !strings.HasPrefix(src[got:], "Lịch") {
		t.Errorf("SourceOffset(%d) = %d, source there is %q", i, got, src[got:])
	}
	j := strings.Index(txt.Norm, "tướng")
	if s := src[txt.SourceOffset(j):]; !strings.HasPrefix(norm.NFC.String(s), "tướng") {
		t.Errorf("SourceOffset(%d) points at %q", j, s)
	}
}

func TestCanonicalTone(t *testing.T) {
	for in, want := range map[string]string{"Thuỷ": "Thủy", "Uỷ viên": "Ủy viên", "HOÀ": "HÒA", "Quý": "Quý", "hoàng": "hoàng", "Tuỳ viên": "Tùy viên", "Quỳnh": "Quỳnh", "khoẽ": "khõe"} {
		if got := CanonicalTone(in); got != want {
			t.Errorf("CanonicalTone(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"Tuỳ viên": "tùy viên", "THUỲ": "thùy", "quỳ": "quỳ"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{} {
		if got := CanonicalTone(in); got != want {
			t.Errorf("CanonicalTone(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Sáng 27-7", norm.NFD.String("Uỷ ban"), "\ufeff\r\n\u00a0", "a\xffb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		txt := Normalize(s)
		if !utf8.ValidString(txt.Norm) {
			t.Fatalf("Norm not valid UTF-8: %q", txt.Norm)
		}
		if len(txt.Fold) != len(txt.Norm) {
			t.Fatalf("Fold %q not aligned with Norm %q", txt.Fold, txt.Norm)
		}
		if again := Normalize(txt.Norm).Norm; again != txt.Norm {
			t.Fatalf("not idempotent: %q → %q", txt.Norm, again)
		}
		for i := 0; i <= len(txt.Norm); i++ {
			if o := txt.SourceOffset(i); o < 0 || o > len(s) {
				t.Fatalf("SourceOffset(%d) = %d out of range [0,%d]", i, o, len(s))
			}
		}
	})
}
