package vocab

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Phùng Quang Thanh", "phùng-quang-thanh"},
		{norm.NFD.String("Lê Văn Hưng"), "lê-văn-hưng"},
		{"Lê Văn Hùng", "lê-văn-hùng"},
		{"Nghị quyết 806-NQ/QUTW", "nghị-quyết-806-nq-qutw"},
		{"  Bộ   Quốc phòng (BQP) ", "bộ-quốc-phòng-bqp"},
		{"Phó Tư lệnh, Tham mưu trưởng", "phó-tư-lệnh-tham-mưu-trưởng"},
		{"Sébastien Lecornu", "sébastien-lecornu"},
		{"ĐẠI TƯỚNG", "đại-tướng"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDocIRI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"000_aa4540ad7a50da76", ID + "doc/000_aa4540ad7a50da76"},
		{"a b/c", ID + "doc/a%20b%2Fc"},
		{"bài-viết", ID + "doc/bài-viết"},
	}
	for _, tt := range tests {
		if got := DocIRI(tt.in); got != tt.want {
			t.Errorf("DocIRI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNQuad(t *testing.T) {
	q := Quad{
		Subject:   IRI(EntityIRI(KindPerson, "Ngô Xuân Lịch")),
		Predicate: IRI(Name),
		Object:    String("say \"hi\"\\\n\tend\x01"),
		Label:     DocIRI("d"),
	}
	want := `<https://w3id.org/vnkg/id/person/ngô-xuân-lịch> <https://schema.org/name> "say \"hi\"\\\n\tend\u0001" <https://w3id.org/vnkg/id/doc/d> .`
	if got := q.NQuad(); got != want {
		t.Errorf("NQuad() =\n%s\nwant\n%s", got, want)
	}
	typed := Quad{Subject: IRI("http://x/a b"), Predicate: IRI(StartDate), Object: Typed("--08-17", XSDGMonthDay)}
	if got := typed.NQuad(); !strings.HasSuffix(got, `"--08-17"^^<http://www.w3.org/2001/XMLSchema#gMonthDay> .`) || !strings.HasPrefix(got, `<http://x/a\u0020b>`) {
		t.Errorf("NQuad() = %s", got)
	}
}

func ExampleEntityIRI() {
	fmt.Println(EntityIRI(KindPerson, "Nguyễn Chí Vịnh"))
	fmt.Println(EntityIRI(KindResolution, "Nghị quyết 806-NQ/QUTW"))
	// Output:
	// https://w3id.org/vnkg/id/person/nguyễn-chí-vịnh
	// https://w3id.org/vnkg/id/resolution/nghị-quyết-806-nq-qutw
}
