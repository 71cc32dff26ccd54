package serve

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// bruteSearch is search by scoring every name: what the index's bands and
// early stop must give.
func (idx *searchIndex) bruteSearch(q string, limit int) []Hit {
	fq := foldSearch(q)
	if fq == "" {
		return nil
	}
	eq, words := exactKey(q), strings.Fields(fq)
	type scored struct {
		e     *searchEntry
		score int
	}
	best := map[string]scored{}
	for i := range idx.entries {
		e := &idx.entries[i]
		score := -1
		switch {
		case e.folded == fq:
			score = 0
		case strings.HasPrefix(e.folded, fq):
			score = 10
		case wordPrefixes(e.folded, words):
			score = 20
		}
		if score < 0 {
			continue
		}
		if !strings.Contains(e.exact, eq) {
			score += 5
		}
		if e.alt {
			score += 2
		}
		if old, ok := best[e.iri]; !ok || score < old.score {
			best[e.iri] = scored{e, score}
		}
	}
	var all []scored
	for _, s := range best {
		all = append(all, s)
	}
	slices.SortFunc(all, func(a, b scored) int {
		return cmp.Or(cmp.Compare(a.score, b.score), cmp.Compare(kindRank[a.e.kind], kindRank[b.e.kind]),
			cmp.Compare(len(idx.name(a.e.iri)), len(idx.name(b.e.iri))), cmp.Compare(a.e.iri, b.e.iri))
	})
	var hits []Hit
	for _, s := range all[:min(limit, len(all))] {
		h := Hit{IRI: s.e.iri, Name: idx.name(s.e.iri), Kind: s.e.kind, URL: pageURL(s.e.iri)}
		if s.e.name != h.Name {
			h.Also = s.e.name
		}
		hits = append(hits, h)
	}
	return hits
}

// TestSearchBands: the banded search with its early stop answers as a
// scoring of every name does, for names and parts of names in many
// spellings, over many entries that share words.
func TestSearchBands(t *testing.T) {
	idx := &searchIndex{primary: map[string]string{}}
	var entries []searchEntry
	add := func(iri, kind, name string, alt bool) {
		if !alt {
			idx.primary[iri] = name
		}
		entries = append(entries, searchEntry{folded: foldSearch(name), exact: exactKey(name), name: name, iri: iri, kind: kind, alt: alt})
	}
	first := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Ngô"}
	mid := []string{"Quốc", "Văn", "Xuân", "Chí"}
	last := []string{"Phong", "Phòng", "Lịch", "Vịnh", "Hùng", "Hưng"}
	n := 0
	for _, a := range first {
		for _, b := range mid {
			for _, c := range last {
				n++
				iri := fmt.Sprintf("https://w3id.org/vnkg/id/person/p%d", n)
				add(iri, "person", a+" "+b+" "+c, false)
				if n%3 == 0 {
					add(iri, "person", b+" "+c, true)
				}
			}
		}
	}
	for i, name := range []string{"Bộ Quốc phòng", "Bộ Quốc phòng Việt Nam", "Thứ trưởng Bộ Quốc phòng", "Hội đàm Bộ Quốc phòng", "Quốc hội"} {
		kind := []string{"org", "org", "position", "event", "org"}[i]
		add(fmt.Sprintf("https://w3id.org/vnkg/id/%s/x%d", kind, i), kind, name, false)
	}
	idx.entries = entries
	// As buildIndex orders them.
	slices.SortStableFunc(idx.entries, func(a, b searchEntry) int {
		return cmp.Or(cmp.Compare(kindRank[a.kind], kindRank[b.kind]), cmp.Compare(len(idx.name(a.iri)), len(idx.name(b.iri))), cmp.Compare(a.iri, b.iri))
	})
	idx.byFolded = make([]int32, len(idx.entries))
	for i := range idx.byFolded {
		idx.byFolded[i] = int32(i)
	}
	slices.SortFunc(idx.byFolded, func(a, b int32) int {
		return cmp.Or(cmp.Compare(idx.entries[a].folded, idx.entries[b].folded), cmp.Compare(a, b))
	})
	for i, e := range idx.entries {
		for _, w := range strings.Fields(e.folded) {
			idx.words = append(idx.words, wordRef{w, int32(i)})
		}
	}
	slices.SortFunc(idx.words, func(a, b wordRef) int { return cmp.Or(cmp.Compare(a.word, b.word), cmp.Compare(a.entry, b.entry)) })
	for _, q := range []string{"Bộ Quốc phòng", "bo quoc phong", "quốc", "quoc", "phong", "Phòng", "nguyen q", "Ngô Xuân Lịch", "xuan lich", "ng", "hung", "Hưng", "van", "zzz", "quốc phòng", "lê chí"} {
		for _, limit := range []int{1, 3, 10, 100} {
			got, want := idx.search(q, limit), idx.bruteSearch(q, limit)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("search(%q, %d) =\n%v\nscoring every name gives\n%v", q, limit, got, want)
			}
		}
	}
}
