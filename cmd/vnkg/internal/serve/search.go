package serve

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

// searchIndex finds entities by name without regard to diacritics, tone
// placement or case: "ngo xuan lich" and "Ngô Xuân Lịch" find the same
// person, "Thuỷ" finds "Thủy". It holds every schema:name and
// schema:alternateName (and resolution identifiers) of the store, folded.
//
// Folding diacritics away merges distinct Vietnamese names (Hùng, Hưng):
// fine for suggestions, where both are offered, and a query typed with its
// diacritics ranks the names that have them first.
type searchIndex struct {
	entries  []searchEntry     // in the order answers rank them: kind, name length, IRI
	words    []wordRef         // every word of every folded name, sorted: the index
	byFolded []int32           // entries by folded name: the whole name's prefix
	primary  map[string]string // iri → schema:name
}

// wordRef is a word of entries[entry].folded.
type wordRef struct {
	word  string
	entry int32
}

type searchEntry struct {
	folded string // foldSearch(name)
	exact  string // the name in the graph's spelling, lower case: extract.Fold
	name   string // as stored
	iri    string
	kind   string
	alt    bool // an alternate name, not the schema:name
}

// foldSearch is the search key: NFD without combining marks, đ as d, lower
// case, runs of non-letters as one space.
func foldSearch(s string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimSpace(b.String())
}

// exactKey is the graph's own matching key of a name: NFC, the extractor's
// tone placement, lower case.
func exactKey(s string) string {
	return extract.Fold(norm.NFC.String(strings.Join(strings.Fields(s), " ")))
}

func buildIndex(ctx context.Context, s *graph.Store) (*searchIndex, error) {
	idx := &searchIndex{primary: map[string]string{}}
	for _, p := range []string{vocab.Name, vocab.AlternateName, vocab.LegislationIdentifier} {
		quads, err := s.WithPredicate(ctx, p)
		if err != nil {
			return nil, err
		}
		for _, q := range quads {
			if q.Object.IsIRI() || !q.Subject.IsIRI() {
				continue
			}
			iri, name := q.Subject.Value, q.Object.Value
			if p == vocab.Name {
				if old, ok := idx.primary[iri]; !ok || name < old {
					idx.primary[iri] = name
				}
			}
			idx.entries = append(idx.entries, searchEntry{
				folded: foldSearch(name), exact: exactKey(name), name: name,
				iri: iri, kind: graph.EntityKind(iri), alt: p != vocab.Name,
			})
		}
	}
	slices.SortFunc(idx.entries, func(a, b searchEntry) int {
		return cmp.Or(cmp.Compare(a.iri, b.iri), cmp.Compare(a.name, b.name))
	})
	idx.entries = slices.CompactFunc(idx.entries, func(a, b searchEntry) bool { return a.iri == b.iri && a.name == b.name })
	// In the order the answers rank equal scores, so that a scan of the
	// candidates in entry order can stop once it has enough of the best.
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
	return idx, nil
}

// Hit is one search result.
type Hit struct {
	IRI  string `json:"iri"`
	Name string `json:"name"`           // the entity's schema:name
	Kind string `json:"kind"`           // person, org, …
	Also string `json:"also,omitempty"` // the alternate name that matched, if not the name
	URL  string `json:"url"`            // the viewer's page of the entity
}

// kindRank orders kinds in suggestions: people and bodies first, articles last.
var kindRank = map[string]int{
	vocab.KindPerson: 0, vocab.KindOrg: 1, vocab.KindEvent: 2, vocab.KindPosition: 3,
	vocab.KindResolution: 4, vocab.KindPlan: 5, vocab.KindRank: 6, vocab.KindPlace: 7, vocab.KindDoc: 9,
}

// search returns up to limit entities matching q, best first: the whole name
// equal, then the name starting with q, then every word of q starting a word
// of the name; within each, names spelt exactly as typed (diacritics and
// all) first, then by kind and length. Each band is found by binary search:
// the first two in the names sorted by their folded form, the third among
// the names with a word that the rarest word of q starts (in the sorted
// words), scanned in the order answers rank them and left as soon as enough
// names of the band's best score are found. A lookup, not a scan of the
// names.
func (idx *searchIndex) search(q string, limit int) []Hit {
	fq := foldSearch(q)
	if fq == "" || limit <= 0 {
		return nil
	}
	eq := exactKey(q)
	words := strings.Fields(fq)
	type scored struct {
		e     *searchEntry
		score int
	}
	best := map[string]scored{} // iri → its best-scoring name
	consider := func(i int32, band int) int {
		e := &idx.entries[i]
		score := band
		if !strings.Contains(e.exact, eq) {
			score += 5 // diacritics differ from what was typed
		}
		if e.alt {
			score += 2
		}
		if old, ok := best[e.iri]; !ok || score < old.score {
			best[e.iri] = scored{e, score}
		}
		return score
	}
	// Bands 0 and 10: the name equal to q, or starting with it.
	lo, _ := slices.BinarySearchFunc(idx.byFolded, fq, func(i int32, w string) int { return cmp.Compare(idx.entries[i].folded, w) })
	for j := lo; j < len(idx.byFolded) && strings.HasPrefix(idx.entries[idx.byFolded[j]].folded, fq); j++ {
		band := 10
		if idx.entries[idx.byFolded[j]].folded == fq {
			band = 0
		}
		consider(idx.byFolded[j], band)
	}
	// Band 20: every word of q starts a word of the name. The candidates
	// are the names with a word the rarest word of q starts.
	if len(best) < limit {
		var cands []int32
		for _, w := range words {
			lo, _ := slices.BinarySearchFunc(idx.words, w, func(r wordRef, w string) int { return cmp.Compare(r.word, w) })
			// The end of the words w starts, by binary search too: counting
			// them one by one costs what a common word has.
			hi := lo + sort.Search(len(idx.words)-lo, func(i int) bool {
				x := idx.words[lo+i].word
				return !strings.HasPrefix(x, w)
			})
			if cands == nil || hi-lo < len(cands) {
				cands = cands[:0]
				for _, r := range idx.words[lo:hi] {
					cands = append(cands, r.entry)
				}
				if len(cands) == 0 {
					break
				}
			}
		}
		slices.Sort(cands)
		cands = slices.Compact(cands)
		need := limit - len(best)
		top := 0 // names of the band's best score (20) not found before
		prev := ""
		for _, i := range cands {
			e := &idx.entries[i]
			if e.iri != prev {
				if top >= need {
					break // the rest rank after these
				}
				prev = e.iri
			}
			if strings.HasPrefix(e.folded, fq) || !wordPrefixes(e.folded, words) {
				continue // in the bands before, or no match
			}
			_, had := best[e.iri]
			if consider(i, 20) == 20 && !had {
				top++
			}
		}
	}
	all := make([]scored, 0, len(best))
	for _, s := range best {
		all = append(all, s)
	}
	slices.SortFunc(all, func(a, b scored) int {
		return cmp.Or(cmp.Compare(a.score, b.score), cmp.Compare(kindRank[a.e.kind], kindRank[b.e.kind]),
			cmp.Compare(len(idx.name(a.e.iri)), len(idx.name(b.e.iri))), cmp.Compare(a.e.iri, b.e.iri))
	})
	if len(all) > limit {
		all = all[:limit]
	}
	hits := make([]Hit, len(all))
	for i, s := range all {
		h := Hit{IRI: s.e.iri, Name: idx.name(s.e.iri), Kind: s.e.kind, URL: pageURL(s.e.iri)}
		if s.e.name != h.Name {
			h.Also = s.e.name
		}
		hits[i] = h
	}
	return hits
}

func (idx *searchIndex) name(iri string) string {
	if n, ok := idx.primary[iri]; ok {
		return n
	}
	return iri
}

// wordPrefixes reports whether every word starts a word of s.
func wordPrefixes(s string, words []string) bool {
	fields := strings.Fields(s)
	for _, w := range words {
		found := false
		for _, f := range fields {
			if strings.HasPrefix(f, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// pageURL is the viewer's stable URL of an entity: /entity/{kind}/{key} for
// the vnkg IRIs, /?iri=IRI for others.
func pageURL(iri string) string {
	if rest, ok := strings.CutPrefix(iri, vocab.ID); ok {
		if kind, key, ok := strings.Cut(rest, "/"); ok {
			if kind == vocab.KindDoc {
				return "/article/" + key
			}
			return "/entity/" + kind + "/" + key
		}
	}
	return "/?iri=" + queryEscape(iri)
}
