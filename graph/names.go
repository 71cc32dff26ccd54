package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hopts "github.com/hidal-go/hidalgo/kv/options"
	bolt "go.etcd.io/bbolt"
)

// The folded-name index: a bolt bucket beside Cayley's that maps every plain
// string literal of the store, case-folded, to the literal itself. A name
// given in another case ("nguyễn chí vịnh", "thứ trưởng bộ quốc phòng") is
// then found by one prefix scan instead of a read of every node.
//
// Its keys are written in the transaction that writes the quads (so a crash
// leaves both or neither), and never removed: a literal that no quad states
// any more stays a key, and what a lookup returns is checked against the
// quads (Reader.Subjects confirms a live quad), so answers stay exact after
// `vnkg rm` and changed articles. A store without the index (made by an older
// vnkg, or by `cayley load`) gets it when vnkg next opens it for writing; until
// then lookups read every node, as Gizmo does.
//
// The index is current when its marker holds the store's horizon (Cayley's
// count of ids given out, which every added quad or node moves): quads
// written past vnkg (by `cayley load`, say) move the horizon and not the
// marker, and the index is then not used until it is rebuilt.
var (
	namesBucket = []byte("vnkg_names")
	keyNamesOK  = hkv.Key{[]byte("vnkg_meta"), []byte("names")}
	keyHorizon  = hkv.Key{[]byte("meta"), []byte("horizon")}
	namesValue  = []byte{1}
)

// foldRune maps r to the least rune of its simple case folding orbit, so two
// strings fold equal exactly when (?i) matches one against the other.
func foldRune(r rune) rune {
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}

// FoldName is s case-folded as the folded-name index keeps it.
func FoldName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func nameKey(lit string) hkv.Key {
	return hkv.Key{namesBucket, []byte(FoldName(lit) + "\x00" + lit)}
}

// namesBefore reports, in the open shared transaction before a write,
// whether the folded-name index is current.
func (s *Store) namesBefore() (bool, error) {
	if s.shared == nil || s.shared.tx == nil {
		return false, nil
	}
	return markerCurrent(context.Background(), s.shared.tx, keyNamesOK)
}

// indexNames adds the plain string objects of added quads to the folded-name
// index, in the open shared transaction, and if the index was current before
// the write marks it current after.
func (s *Store) indexNames(adds []cgraph.Delta, current bool) error {
	if s.shared == nil || s.shared.tx == nil {
		return nil
	}
	ctx := context.Background()
	// The keys in order, each once: on bolt they are then read and written
	// through the bucket directly, on neighbouring pages.
	keys := make([]string, 0, len(adds))
	for _, d := range adds {
		if lit, ok := d.Quad.Object.(quad.String); ok {
			keys = append(keys, FoldName(string(lit))+"\x00"+string(lit))
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	var bucket *bolt.Bucket
	if tx := boltTxOf(s.shared.tx); tx != nil && tx.Writable() {
		b, err := tx.CreateBucketIfNotExists(namesBucket)
		if err != nil {
			return fmt.Errorf("writing the name index of %s: %w", s, err)
		}
		bucket = b
	}
	for n, k := range keys {
		// Most names are stored already; a Put of the same key would still
		// copy its page into the commit.
		if bucket != nil {
			if bucket.Get([]byte(k)) != nil {
				continue
			}
			if err := bucket.Put([]byte(k), namesValue); err != nil {
				return fmt.Errorf("writing the name index of %s: %w", s, err)
			}
		} else {
			key := hkv.Key{namesBucket, []byte(k)}
			if _, err := s.shared.tx.Get(ctx, key); err == nil {
				continue
			} else if !errors.Is(err, hkv.ErrNotFound) {
				return fmt.Errorf("reading the name index of %s: %w", s, err)
			}
			if err := s.shared.tx.Put(ctx, key, namesValue); err != nil {
				return fmt.Errorf("writing the name index of %s: %w", s, err)
			}
		}
		if (n+1)%releaseEvery == 0 {
			s.releaseMapped()
		}
	}
	s.releaseMapped()
	if current {
		if err := markCurrent(ctx, s.shared.tx, keyNamesOK); err != nil {
			return fmt.Errorf("writing the name index of %s: %w", s, err)
		}
	}
	return nil
}

// ensureNames builds the folded-name index of a store that lacks it, from
// every node, in one transaction.
func (s *Store) ensureNames(ctx context.Context) error {
	if s.shared == nil {
		return nil
	}
	ok, err := s.hasNameIndex(ctx)
	if err != nil || ok {
		return err
	}
	start := time.Now()
	n := 0
	err = s.atomically(ctx, func() error {
		it := s.qs.NodesAllIterator().Iterate()
		defer it.Close()
		for it.Next(ctx) {
			v, err := s.qs.NameOf(it.Result())
			if err != nil {
				return err
			}
			if lit, ok := v.(quad.String); ok {
				if err := s.shared.tx.Put(ctx, nameKey(string(lit)), namesValue); err != nil {
					return err
				}
				n++
			}
		}
		if err := it.Err(); err != nil {
			return err
		}
		return markCurrent(ctx, s.shared.tx, keyNamesOK)
	})
	if err != nil {
		return fmt.Errorf("building the name index of %s: %w", s, err)
	}
	// Worth saying only when a store built before the index had names to index.
	level := slog.LevelDebug
	if n > 0 {
		level = slog.LevelInfo
	}
	s.log.Log(ctx, level, "built the name index", "store", s.String(), "names", n, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

func (s *Store) hasNameIndex(ctx context.Context) (bool, error) {
	if s.shared == nil {
		return false, nil
	}
	found := false
	err := hkv.View(ctx, s.shared, func(tx hkv.Tx) error {
		var err error
		found, err = markerCurrent(ctx, tx, keyNamesOK)
		return err
	})
	return found, err
}

// FoldedNames returns the plain string literals of the store that equal name
// ignoring case (Unicode simple case folding, as the regexp flag (?i)), some
// perhaps no longer stated by any quad; ok is false when the store has no
// current folded-name index (then only a read of every node answers).
func (r *Reader) FoldedNames(ctx context.Context, name string) (lits []Node, ok bool, err error) {
	if r.s.shared == nil {
		return nil, false, nil
	}
	if ok, err := r.s.hasNameIndex(ctx); err != nil || !ok {
		return nil, false, err
	}
	start := time.Now()
	st := r.Stats.step("names ignoring case", "vnkg_names")
	st.Calls++
	defer func() { st.Time += time.Since(start) }()
	re, err := regexp.Compile("(?i)^" + regexp.QuoteMeta(name) + "$")
	if err != nil {
		return nil, false, err
	}
	prefix := hkv.Key{namesBucket, []byte(FoldName(name) + "\x00")}
	err = hkv.View(ctx, r.s.shared, func(tx hkv.Tx) error {
		it := tx.Scan(ctx, hopts.WithPrefixKV(prefix))
		defer it.Close()
		for it.Next(ctx) {
			st.Quads++
			k := it.Key()
			lit := string(k[len(k)-1][len(prefix[1]):])
			if re.MatchString(lit) {
				st.Rows++
				lits = append(lits, Node{Kind: LiteralNode, Value: lit})
			}
		}
		return it.Err()
	})
	if err != nil {
		return nil, false, fmt.Errorf("reading the name index of %s: %w", r.s, err)
	}
	return lits, true, nil
}

// DropNameIndex removes the folded-name index, as a store made before it
// existed lacks it; the next open for writing builds it again.
func DropNameIndex(ctx context.Context, s *Store) error {
	if s.shared == nil {
		return nil
	}
	return hkv.Update(ctx, s.shared, func(tx hkv.Tx) error {
		if err := tx.Del(ctx, keyNamesOK); err != nil && !errors.Is(err, hkv.ErrNotFound) {
			return err
		}
		it := tx.Scan(ctx, hopts.WithPrefixKV(hkv.Key{namesBucket, nil}))
		var keys []hkv.Key
		for it.Next(ctx) {
			keys = append(keys, it.Key().Clone())
		}
		it.Close()
		for _, k := range keys {
			if err := tx.Del(ctx, k); err != nil {
				return err
			}
		}
		return it.Err()
	})
}
