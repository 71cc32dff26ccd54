package corpus

import (
	"strings"
	"testing"
)

// TestShape holds the corpus to what the benchmarks rely on: many distinct
// people, a few hubs far more connected than the rest, the resolution
// 806-NQ/QUTW recurring, every article with a header and a date.
func TestShape(t *testing.T) {
	const n = 5000
	c := New(n, 1)
	var n806 int
	for i := 0; i < n; i++ {
		body := c.Article(i)
		if !strings.HasPrefix(body, "---\ntitle: ") || !strings.Contains(body, "\npublished: ") {
			t.Fatalf("article %d: no header", i)
		}
		if strings.Contains(body, "806-NQ/QUTW") {
			n806++
		}
	}
	var people, maxHub, maxOther int
	for _, p := range c.people {
		if p.articles == 0 {
			continue
		}
		people++
		if p.hub {
			maxHub = max(maxHub, p.articles)
		} else {
			maxOther = max(maxOther, p.articles)
		}
	}
	if people < 4000 {
		t.Errorf("%d distinct people in %d articles, want at least 4000", people, n)
	}
	if maxHub < 3*maxOther {
		t.Errorf("best hub in %d articles, best other person in %d: hubs do not stand out", maxHub, maxOther)
	}
	if n806 < 100 {
		t.Errorf("806-NQ/QUTW in %d articles, want it to recur", n806)
	}
}
