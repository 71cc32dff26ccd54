package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string // Kind:Text
	}{
		{"Nghị quyết 806-NQ/QUTW.", []string{"Word:Nghị", "Word:quyết", "Number:806-NQ/QUTW", "Punct:."}},
		{"Sáng 27-7, tại Hà Nội", []string{"Word:Sáng", "Number:27-7", "Punct:,", "Word:tại", "Word:Hà", "Word:Nội"}},
		{"giai đoạn 2010 - 2015", []string{"Word:giai", "Word:đoạn", "Number:2010", "Punct:-", "Number:2015"}},
		{"(Chinhphu.vn) -", []string{"Punct:(", "Word:Chinhphu.vn", "Punct:)", "Punct:-"}},
		{"Cam-pu-chia\nQK3", []string{"Word:Cam-pu-chia", "Newline:\n", "Word:QK3"}},
		{"Vịnh – Thứ trưởng", []string{"Word:Vịnh", "Punct:–", "Word:Thứ", "Word:trưởng"}},
		{"Cục Đối ngoại/BQP, 14/04/2022", []string{"Word:Cục", "Word:Đối", "Word:ngoại", "Punct:/", "Word:BQP", "Punct:,", "Number:14/04/2022"}},
		{"Hải đoàn 11/Bộ Tư lệnh, 123/GP-BTTTT, 5/A", []string{"Word:Hải", "Word:đoàn", "Number:11", "Punct:/", "Word:Bộ", "Word:Tư", "Word:lệnh", "Punct:,", "Number:123/GP-BTTTT", "Punct:,", "Number:5/A"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			txt := Normalize(tt.in)
			var got []string
			for _, tok := range Tokenize(txt) {
				got = append(got, tok.Kind.String()+":"+tok.Text)
				if txt.Norm[tok.Start:tok.End] != tok.Text {
					t.Errorf("token %q has offsets %d..%d = %q", tok.Text, tok.Start, tok.End, txt.Norm[tok.Start:tok.End])
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Tokenize(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestTokenFlags(t *testing.T) {
	toks := Tokenize(Normalize("HOÀNG VŨ Anh kiên"))
	want := []struct{ cap, upper bool }{{true, true}, {true, true}, {true, false}, {false, false}}
	for i, w := range want {
		if toks[i].Cap != w.cap || toks[i].Upper != w.upper {
			t.Errorf("token %q: Cap=%v Upper=%v, want %v %v", toks[i].Text, toks[i].Cap, toks[i].Upper, w.cap, w.upper)
		}
	}
}

// TestInitials holds the words that are initials of a foreign name.
func TestInitials(t *testing.T) {
	for _, tt := range []struct {
		s                 string
		initials, initled bool
	}{
		{"W.M", true, false},
		{"S.N", true, false},
		{"W", false, false},
		{"TP", false, false},
		{"W.M.Winfield", false, true},
		{"J.Smith", false, true},
		{"UBND", false, false},
		{"W.M.", false, false},
		{"Q.ĐND", false, false},
	} {
		if got := isInitials(tt.s); got != tt.initials {
			t.Errorf("isInitials(%q) = %v", tt.s, got)
		}
		if got := initialedName(tt.s); got != tt.initled {
			t.Errorf("initialedName(%q) = %v", tt.s, got)
		}
	}
}
