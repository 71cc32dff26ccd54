package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	hkv "github.com/hidal-go/hidalgo/kv"
)

// SubjectSet returns the nodes Subjects returns — the distinct subjects of
// the quads (?, pred, o) for each of preds in turn — but read from the
// derived fact rows (facts.go) where the store keeps them: one row a
// subject, its value in the row's key, however many documents state it.
// Each pred's subjects come in the order of their encoding, not the
// index's: for callers that sort what they get (SortByRef gives the
// index's order). It reads the quads (Subjects) where the rows leave the
// facts out (a literal object, rdf:type) or the store keeps none.
func (r *Reader) SubjectSet(ctx context.Context, o Node, preds ...Node) ([]Node, error) {
	r.depIn(o)
	if o.Kind == LiteralNode {
		return r.Subjects(ctx, o, preds...)
	}
	var out []Node
	for _, p := range preds {
		if p.Kind == IRINode && p.Value == string(factType) {
			return r.Subjects(ctx, o, preds...)
		}
		var subs []Node
		for cursor := ""; ; {
			facts, next, ok, err := r.Facts(ctx, o, p, true, cursor, 4096)
			if err != nil {
				return nil, err
			}
			if !ok {
				return r.Subjects(ctx, o, preds...)
			}
			for _, f := range facts {
				subs = append(subs, f.Other)
			}
			if next == "" {
				break
			}
			cursor = next
		}
		out = append(out, subs...)
	}
	return out, nil
}

// SortByRef sorts nodes in the order of their store references — the order
// of the index scans Subjects and In read (on bolt, the id Cayley gave each
// node when first written); nodes the store does not hold go last, in
// their N-Quads order. Off bolt it leaves the order alone.
func (r *Reader) SortByRef(ctx context.Context, ns []Node) error {
	r.depBoth(ns...) // a reference comes and goes with a first and last quad, either side
	if r.kv == nil || len(ns) < 2 {
		return nil
	}
	start := time.Now()
	st := r.Stats.step("node ids", "values")
	defer func() { st.Time += time.Since(start) }()
	ids := make(map[Node]uint64, len(ns))
	for _, n := range ns {
		if _, cached := r.refs[n.NQuad()]; !cached {
			st.Calls++
			st.Quads++
		}
		ref, err := r.ref(ctx, n)
		if err != nil {
			return err
		}
		if ref != nil {
			st.Rows++
			ids[n] = id64(ref)
		} else {
			ids[n] = ^uint64(0)
		}
	}
	slices.SortStableFunc(ns, func(a, b Node) int {
		switch ia, ib := ids[a], ids[b]; {
		case ia < ib:
			return -1
		case ia > ib:
			return 1
		}
		return compareStrings(a.NQuad(), b.NQuad())
	})
	return nil
}

// RefCompare returns a comparison of nodes in the order SortByRef sorts
// them (the store's references; nodes it does not hold last, by their
// N-Quads form), with every node of ns looked up once: for callers that
// need the index's order of a few nodes only, such as the rows of an
// answer that tie on every field it is sorted by. Off bolt every pair
// compares equal (SortByRef leaves the order alone there).
func (r *Reader) RefCompare(ctx context.Context, ns []Node) (func(a, b Node) int, error) {
	r.depBoth(ns...)
	if r.kv == nil {
		return func(a, b Node) int { return 0 }, nil
	}
	start := time.Now()
	st := r.Stats.step("node ids", "values")
	defer func() { st.Time += time.Since(start) }()
	ids := make(map[Node]uint64, len(ns))
	for _, n := range ns {
		if _, ok := ids[n]; ok {
			continue
		}
		if _, cached := r.refs[n.NQuad()]; !cached {
			st.Calls++
			st.Quads++
		}
		ref, err := r.ref(ctx, n)
		if err != nil {
			return nil, err
		}
		if ref != nil {
			st.Rows++
			ids[n] = id64(ref)
		} else {
			ids[n] = ^uint64(0)
		}
	}
	return func(a, b Node) int {
		switch ia, ib := ids[a], ids[b]; {
		case ia < ib:
			return -1
		case ia > ib:
			return 1
		}
		return compareStrings(a.NQuad(), b.NQuad())
	}, nil
}

// HasFact reports whether some live quad states (s, pred, o): one lookup of
// its fact row where the store keeps the rows and they hold the fact (an
// rdf:type is a row of its subject), else HasQuad.
func (r *Reader) HasFact(ctx context.Context, s, pred, o Node) (bool, error) {
	r.depQuad(s, pred, o) // as HasQuad: the fact row is the quads (s, pred, o)
	if r.s.shared == nil || (o.Kind == LiteralNode && len(o.Value) > maxFactLiteral) || pred == (Node{Kind: IRINode, Value: string(factBody)}) {
		return r.HasQuad(ctx, s, pred, o)
	}
	start := time.Now()
	st := r.Stats.step("has fact "+pred.NQuad(), "vnkg_facts")
	defer func() { st.Time += time.Since(start) }()
	key := hkv.Key{factsBucket, []byte(s.NQuad() + "\x00" + string(dirOut) + pred.NQuad() + "\x00" + string(appendNode(nil, o)))}
	cur, err := r.rowsOK(ctx, keyFactsOK)
	if err != nil {
		return false, fmt.Errorf("reading the fact rows of %s: %w", r.s, err)
	}
	if !cur {
		return r.HasQuad(ctx, s, pred, o)
	}
	st.Calls++
	st.Quads++
	_, err = r.rowGet(ctx, key)
	if errors.Is(err, hkv.ErrNotFound) {
		return false, nil
	} else if err != nil {
		return false, fmt.Errorf("reading the fact rows of %s: %w", r.s, err)
	}
	st.Rows++
	return true, nil
}

// OutFacts reads n's outgoing facts with each of preds from one prefix scan
// of the fact rows: objs[i] is the distinct objects of (n, preds[i], ?) in
// the rows' order (their encoding's), as ObjectSet gives them. A node's
// outgoing facts are a handful of rows (an event's name, dates, kind,
// participants), so one scan costs less than one lookup a predicate. ok is
// false when the store keeps no current rows; then the caller reads the
// quads. Literals over maxFactLiteral bytes have no row (ObjectSet's rule).
func (r *Reader) OutFacts(ctx context.Context, n Node, preds []Node) (objs [][]Node, ok bool, err error) {
	r.depOut(n)
	if r.s.shared == nil || r.kv == nil {
		return nil, false, nil
	}
	start := time.Now()
	st := r.Stats.step("out facts", "vnkg_facts")
	st.Calls++
	defer func() { st.Time += time.Since(start) }()
	cur, err := r.rowsOK(ctx, keyFactsOK)
	if err != nil || !cur {
		if err != nil {
			err = fmt.Errorf("reading the fact rows of %s: %w", r.s, err)
		}
		return nil, false, err
	}
	want := make([]string, len(preds))
	for i, p := range preds {
		want[i] = p.NQuad() + "\x00"
	}
	objs = make([][]Node, len(preds))
	prefix := []byte(n.NQuad() + "\x00" + string(dirOut))
	err = r.scanPrefix(ctx, factsBucket, prefix, nil, func(k, v []byte) (bool, error) {
		st.Quads++
		rest := k[len(prefix):]
		for i, w := range want {
			if len(rest) <= len(w) || string(rest[:len(w)]) != w {
				continue
			}
			o, tail, err := readNode(rest[len(w):])
			if err != nil || len(tail) != 0 {
				return false, fmt.Errorf("fact row %q: %w", k, errBadRow)
			}
			st.Rows++
			objs[i] = append(objs[i], o)
			break
		}
		return true, nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("reading the fact rows of %s: %w", r.s, err)
	}
	return objs, true, nil
}
