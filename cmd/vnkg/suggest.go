package main

import (
	"context"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

// maxSuggestions is how many names a query that found nothing suggests.
const maxSuggestions = 5

// nearestNames are the names (schema:name, schema:alternateName) of the
// graph's people, bodies, events and other entities nearest to arg, compared
// without diacritics or case: "ngo xuan lich" is next to "Ngô Xuân Lịch",
// "Phan Van Gian" to "Phan Văn Giang". When none is that near, a name given
// as rank and given name ("Thượng tướng Vịnh") suggests the names that end
// in that given name ("Nguyễn Chí Vịnh"). Article titles are left out. It reads
// the names' indexes whole, which is for the path where a query found
// nothing, not for every query.
func nearestNames(ctx context.Context, s *graph.Store, arg string) ([]string, error) {
	want := []rune(plainKey(arg))
	if len(want) == 0 {
		return nil, nil
	}
	limit := max(2, len(want)/4) // edits allowed
	type cand struct {
		name string
		dist int
	}
	best := map[string]int{}
	given := ""
	if w := strings.Fields(string(want)); len(w) > 1 {
		given = " " + w[len(w)-1]
	}
	var sameGiven []string
	docs := vocab.ID + vocab.KindDoc + "/"
	for _, p := range []string{vocab.Name, vocab.AlternateName} {
		quads, err := s.WithPredicate(ctx, p)
		if err != nil {
			return nil, err
		}
		for _, q := range quads {
			if strings.HasPrefix(q.Subject.Value, docs) || q.Object.IsIRI() {
				continue
			}
			name := q.Object.Value
			if _, seen := best[name]; seen {
				continue
			}
			plain := plainKey(name)
			if given != "" && strings.HasSuffix(plain, given) {
				sameGiven = append(sameGiven, name)
			}
			key := []rune(plain)
			if abs(len(key)-len(want)) > limit {
				best[name] = -1
				continue
			}
			best[name] = runeDistance(want, key, limit)
		}
	}
	var cs []cand
	for name, d := range best {
		if d >= 0 && d <= limit {
			cs = append(cs, cand{name, d})
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].dist != cs[j].dist {
			return cs[i].dist < cs[j].dist
		}
		return cs[i].name < cs[j].name
	})
	if len(cs) == 0 {
		sort.Strings(sameGiven)
		for _, n := range sameGiven {
			cs = append(cs, cand{n, 0})
		}
	}
	out := make([]string, 0, maxSuggestions)
	for _, c := range cs[:min(len(cs), maxSuggestions)] {
		out = append(out, c.name)
	}
	return out, nil
}

// plainKey is s without diacritics or case, its spaces collapsed: the key by
// which nearestNames compares ("Đại tướng" and "dai tuong" are one key). It
// is for suggestions only: the graph's own matching keeps diacritics.
func plainKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// runeDistance is the Levenshtein distance of a and b, or limit+1 once it is
// known to be over limit.
func runeDistance(a, b []rune, limit int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
