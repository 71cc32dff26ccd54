package vocab_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/vnkg/vnkg/graph/vocab"
)

// TestVocabTTL parses docs/vocab.ttl with a real Turtle parser (rapper) and
// checks that every vnkg: term the code uses is defined there, with a
// Vietnamese and an English label and comment.
func TestVocabTTL(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("rapper is needed (apt-get install raptor2-utils; .ci/run does): %v", err)
		}
		t.Skipf("rapper is not installed: %v", err)
	}
	out, err := exec.Command(rapper, "-q", "-i", "turtle", "-o", "ntriples", "../../docs/vocab.ttl").Output()
	if err != nil {
		t.Fatalf("rapper rejects docs/vocab.ttl: %v\n%s", err, out)
	}
	const rdfs = "http://www.w3.org/2000/01/rdf-schema#"
	has := map[string]bool{} // "<s> <p> @lang"
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.SplitN(line, " ", 3)
		if len(f) < 3 {
			continue
		}
		lang := ""
		if i := strings.LastIndex(f[2], `"@`); i >= 0 {
			lang = strings.TrimSuffix(strings.TrimSpace(f[2][i+1:]), " .")
		}
		has[f[0]+" "+f[1]+" "+lang] = true
		has[f[0]+" any"] = true
	}
	terms := []string{vocab.MilitaryRank, vocab.Position, vocab.Resolution, vocab.Plan}
	for _, p := range vocab.Predicates {
		if strings.HasPrefix(p, vocab.NS) {
			terms = append(terms, p)
		}
	}
	for _, term := range terms {
		s := "<" + term + ">"
		if !has[s+" any"] {
			t.Errorf("%s is not defined in docs/vocab.ttl", term)
			continue
		}
		for _, p := range []string{"label", "comment"} {
			for _, lang := range []string{"@vi", "@en"} {
				if !has[s+" <"+rdfs+p+"> "+lang] {
					t.Errorf("%s has no rdfs:%s%s", term, p, lang)
				}
			}
		}
	}
	if len(terms) < 15 {
		t.Errorf("only %d vnkg terms checked; the list of the code's terms looks wrong", len(terms))
	}
}
