package graph

// The PostgreSQL write path.
//
// Cayley's SQL backend writes one row at a time: ApplyDeltas prepares an
// INSERT for each node and each quad and runs it once per row, a round trip
// each (some 3–5k quads/s here). It also reads nothing itself: vnkg's diff of
// a document against what is stored was read outside the write transaction,
// and nothing stopped another build between that read and the write, so two
// builds of one database mixed articles and tripped over each other's rows
// ("quad exists").
//
// This path writes the same tables in the same encoding, so Cayley (its
// queries, `cayley dump`, its own writes) reads and writes them as before,
// but a batch of documents is one transaction of a handful of statements:
//
//  1. pg_advisory_xact_lock(writeLockKey): vnkg writers of one database take
//     turns, a transaction each, released at commit or rollback. (Advisory
//     locks are per database, so other databases on the server are not held.)
//  2. The diff is read inside that transaction, after the lock: it sees every
//     commit of every other writer, and nobody writes between it and the
//     commit. So a document is always stored whole as one build put it, and
//     a quad another build just stored is kept, not added twice.
//  3. Multi-row statements over arrays (INSERT … SELECT FROM unnest($1, $2,
//     …)): nodes upserted with their reference counts, quads deleted by
//     horizon and inserted, unused nodes deleted.
//
// Why one lock for the database and not a lock per document, or a
// serializable transaction: documents share nodes (a person, a body, the
// background), whose reference counts every transaction updates; per-document
// locks would still meet on those rows, in orders that deadlock, and a
// serializable transaction would be refused and retried exactly when two
// builds overlap, which is when it matters. A batch's statements take
// milliseconds to a second while extraction, which runs in parallel in every
// build, takes most of a build's time, so taking turns costs little. Why
// multi-row statements and not COPY: nodes need ON CONFLICT (a node may be
// stored already, by another document), which COPY lacks without a staging
// table; one statement with arrays is one round trip, as COPY is, and needs
// no temporary table.
//
// Cayley's own writers (`cayley load`, its HTTP write API) do not take the
// lock. A quad one of them stores between the diff and the insert makes the
// insert fail on Cayley's unique index; the transaction is then retried,
// and the diff, read again, sees it.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"

	"github.com/vnkg/vnkg/graph/vocab"
)

// writeLockKey is the advisory lock vnkg writers take on a database: in
// pg_locks, locktype 'advisory' with classid 0 and objid 1986882407 ("vnkg").
const writeLockKey int64 = 0x766e6b67

// pgRetries is how many times a transaction is tried when PostgreSQL
// refuses it for a conflict with a concurrent one (a deadlock, a
// serialization failure, a quad a writer without the lock just stored).
const pgRetries = 5

// pgDoc is one document for the bulk path: nil quads remove it.
type pgDoc struct {
	label string
	quads []vocab.Quad
}

// pgNode is a node's change of reference count, and its value when added.
type pgNode struct {
	val quad.Value
	inc int
}

// pgPlan is what one transaction writes.
type pgPlan struct {
	results []DocResult
	bgAdded int
	dels    []int64 // quads to delete, by horizon
	adds    []refs.QuadHash
	nodes   map[refs.ValueHash]*pgNode
}

func (p *pgPlan) node(v quad.Value, h refs.ValueHash, inc int) {
	n := p.nodes[h]
	if n == nil {
		n = &pgNode{}
		p.nodes[h] = n
	}
	if v != nil {
		n.val = v
	}
	n.inc += inc
}

func (p *pgPlan) add(q quad.Quad, h refs.QuadHash) {
	p.adds = append(p.adds, h)
	for _, d := range quad.Directions {
		if v := q.Get(d); v != nil {
			p.node(v, h.Get(d), +1)
		}
	}
}

func (p *pgPlan) del(horizon int64, h refs.QuadHash) {
	p.dels = append(p.dels, horizon)
	for _, d := range quad.Directions {
		if x := h.Get(d); x.Valid() {
			p.node(nil, x, -1)
		}
	}
}

// storedQuad is a row of Cayley's quads table.
type storedQuad struct {
	horizon int64
	hash    refs.QuadHash
}

// pgWrite makes each document's quads the whole of what is stored under its
// label and adds the background quads not stored yet, in one transaction.
func (s *Store) pgWrite(ctx context.Context, docs []pgDoc, background []vocab.Quad) (results []DocResult, bgAdded int, err error) {
	for attempt := 1; ; attempt++ {
		var plan *pgPlan
		err = s.pgTx(ctx, func(tx *sql.Tx) error {
			var err error
			plan, err = pgApply(ctx, tx, docs, background)
			return err
		})
		if err == nil {
			s.forgetCounts()
			return plan.results, plan.bgAdded, nil
		}
		if !pgConflict(err) || attempt == pgRetries || ctx.Err() != nil {
			return nil, 0, fmt.Errorf("writing to store %s: %w", s, err)
		}
		s.log.Debug("retrying a conflicting transaction", "attempt", attempt, "err", err)
		time.Sleep(time.Duration(attempt*attempt) * 10 * time.Millisecond)
	}
}

// pgTx runs fn in a transaction holding the write lock.
func (s *Store) pgTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.pg.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, writeLockKey); err != nil {
		tx.Rollback()
		return fmt.Errorf("waiting for other writers: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// forgetCounts drops the quad and node counts Cayley's SQL store caches,
// which a write outside it leaves stale: its ApplyDeltas with no deltas does
// only that (and an empty transaction).
func (s *Store) forgetCounts() {
	if err := s.qs.ApplyDeltas(nil, cgraph.IgnoreOpts{}); err != nil {
		s.log.Debug("resetting Cayley's counts", "err", err)
	}
}

// pgApply reads what is stored under the documents' labels and writes the
// difference, within tx.
func pgApply(ctx context.Context, tx *sql.Tx, docs []pgDoc, background []vocab.Quad) (*pgPlan, error) {
	labels := make([]string, 0, len(docs)+1)
	for _, d := range docs {
		labels = append(labels, d.label)
	}
	if len(background) > 0 {
		labels = append(labels, vocab.GazetteerLabel)
	}
	stored, err := pgStored(ctx, tx, labels)
	if err != nil {
		return nil, err
	}
	plan := &pgPlan{results: make([]DocResult, len(docs)), nodes: map[refs.ValueHash]*pgNode{}}
	for i, d := range docs {
		lh := refs.HashOf(quad.IRI(d.label))
		have := stored[lh]
		want := make(map[refs.QuadHash]bool, len(d.quads))
		r := DocResult{Label: d.label, Before: len(have)}
		for _, v := range d.quads {
			q := ToQuad(v)
			h := hashQuad(q)
			if want[h] {
				continue // stated twice
			}
			want[h] = true
			if _, ok := have[h]; !ok {
				plan.add(q, h)
				r.Added++
			}
		}
		for h, horizon := range have {
			if !want[h] {
				plan.del(horizon, h)
				r.Removed++
			}
		}
		plan.results[i] = r
	}
	if len(background) > 0 {
		have := stored[refs.HashOf(quad.IRI(vocab.GazetteerLabel))]
		for _, v := range background {
			q := ToQuad(v)
			h := hashQuad(q)
			if _, ok := have[h]; !ok {
				if have == nil {
					have = map[refs.QuadHash]int64{}
				}
				have[h] = 0
				plan.add(q, h)
				plan.bgAdded++
			}
		}
	}
	return plan, plan.exec(ctx, tx)
}

func hashQuad(q quad.Quad) refs.QuadHash {
	var h refs.QuadHash
	for _, d := range quad.Directions {
		if v := q.Get(d); v != nil {
			h.Set(d, refs.HashOf(v))
		}
	}
	return h
}

// pgStored reads the quads stored under labels (by the label index vnkg
// adds), by label hash and quad hash.
func pgStored(ctx context.Context, tx *sql.Tx, labels []string) (map[refs.ValueHash]map[refs.QuadHash]int64, error) {
	hashes := make(pq.ByteaArray, len(labels))
	for i, l := range labels {
		h := refs.HashOf(quad.IRI(l))
		hashes[i] = h[:]
	}
	rows, err := tx.QueryContext(ctx, `SELECT horizon, subject_hash, predicate_hash, object_hash, label_hash
		FROM quads WHERE label_hash = ANY($1::bytea[])`, hashes)
	if err != nil {
		return nil, fmt.Errorf("reading the stored quads: %w", err)
	}
	defer rows.Close()
	out := map[refs.ValueHash]map[refs.QuadHash]int64{}
	for rows.Next() {
		var horizon int64
		var s, p, o, l csql.NodeHash
		if err := rows.Scan(&horizon, &s, &p, &o, &l); err != nil {
			return nil, fmt.Errorf("reading the stored quads: %w", err)
		}
		h := refs.QuadHash{Subject: s.ValueHash, Predicate: p.ValueHash, Object: o.ValueHash, Label: l.ValueHash}
		m := out[h.Label]
		if m == nil {
			m = map[refs.QuadHash]int64{}
			out[h.Label] = m
		}
		m[h] = horizon
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading the stored quads: %w", err)
	}
	return out, nil
}

// exec writes the plan: quads deleted first and nodes deleted last, as
// Cayley's foreign keys from quads to nodes require.
func (p *pgPlan) exec(ctx context.Context, tx *sql.Tx) error {
	if len(p.dels) > 0 {
		res, err := tx.ExecContext(ctx, `DELETE FROM quads WHERE horizon = ANY($1::bigint[])`, pq.Int64Array(p.dels))
		if err != nil {
			return fmt.Errorf("deleting quads: %w", err)
		}
		if n, err := res.RowsAffected(); err == nil && n != int64(len(p.dels)) {
			return fmt.Errorf("deleting quads: %d of %d rows were there", n, len(p.dels))
		}
	}
	// Nodes in hash order, as Cayley's own writer takes them: concurrent
	// writers without the lock then lock node rows in one order.
	hashes := make([]refs.ValueHash, 0, len(p.nodes))
	for h, n := range p.nodes {
		if n.inc != 0 {
			hashes = append(hashes, h)
		}
	}
	slices.SortFunc(hashes, func(a, b refs.ValueHash) int { return strings.Compare(string(a[:]), string(b[:])) })
	var up, down []refs.ValueHash
	for _, h := range hashes {
		if p.nodes[h].inc > 0 {
			up = append(up, h)
		} else {
			down = append(down, h)
		}
	}
	if err := p.upsertNodes(ctx, tx, up); err != nil {
		return err
	}
	if len(down) > 0 {
		hs := make(pq.ByteaArray, len(down))
		incs := make(pq.Int64Array, len(down))
		for i, h := range down {
			hs[i], incs[i] = slices.Clone(h[:]), int64(p.nodes[h].inc)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE nodes SET refs = nodes.refs + d.inc
			FROM unnest($1::bytea[], $2::int[]) AS d(hash, inc) WHERE nodes.hash = d.hash`, hs, incs); err != nil {
			return fmt.Errorf("updating node references: %w", err)
		}
	}
	if len(p.adds) > 0 {
		var cols [4]pq.ByteaArray
		for i := range cols {
			cols[i] = make(pq.ByteaArray, len(p.adds))
		}
		for i, h := range p.adds {
			for j, d := range quad.Directions {
				if x := h.Get(d); x.Valid() {
					cols[j][i] = slices.Clone(x[:])
				}
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
			SELECT s, p, o, l, now() FROM unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[]) AS t(s, p, o, l)`,
			cols[0], cols[1], cols[2], cols[3]); err != nil {
			return fmt.Errorf("inserting quads: %w", err)
		}
	}
	if len(down) > 0 {
		hs := make(pq.ByteaArray, len(down))
		for i, h := range down {
			hs[i] = slices.Clone(h[:])
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM nodes WHERE hash = ANY($1::bytea[]) AND refs <= 0`, hs); err != nil {
			return fmt.Errorf("deleting unused nodes: %w", err)
		}
	}
	return nil
}

// upsertNodes adds nodes, or raises the reference counts of stored ones: a
// statement per kind of value, in the columns Cayley's csql.NodeValues
// assigns it.
func (p *pgPlan) upsertNodes(ctx context.Context, tx *sql.Tx, hashes []refs.ValueHash) error {
	type group struct {
		cols []string
		rows [][]any // refs, hash, then the kind's columns
	}
	groups := map[csql.ValueType]*group{}
	var kinds []csql.ValueType
	for _, h := range hashes {
		n := p.nodes[h]
		if n.val == nil {
			return fmt.Errorf("node %x: added without a value", h[:])
		}
		kind, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: h}, n.val)
		if err != nil {
			return fmt.Errorf("node %v: %w", n.val, err)
		}
		g := groups[kind]
		if g == nil {
			g = &group{cols: kind.Columns()}
			groups[kind] = g
			kinds = append(kinds, kind)
		}
		g.rows = append(g.rows, append([]any{int64(n.inc)}, vals...))
	}
	slices.Sort(kinds)
	for _, kind := range kinds {
		g := groups[kind]
		cols := append([]string{"refs", "hash"}, g.cols...)
		args := make([]any, len(cols))
		casts := make([]string, len(cols))
		for j, c := range cols {
			arr, cast, err := pgColumn(c, g.rows, j)
			if err != nil {
				return err
			}
			args[j] = arr
			casts[j] = fmt.Sprintf("$%d::%s", j+1, cast)
		}
		q := `INSERT INTO nodes (` + strings.Join(cols, ", ") + `) SELECT * FROM unnest(` +
			strings.Join(casts, ", ") + `) ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("storing nodes: %w", err)
		}
	}
	return nil
}

// pgColumn turns column j of rows into an array parameter for the column c
// of Cayley's nodes table, and the SQL type to cast it to.
func pgColumn(c string, rows [][]any, j int) (any, string, error) {
	bad := func(v any) error { return fmt.Errorf("nodes.%s: unexpected %T", c, v) }
	switch c {
	case "refs", "value_int":
		a := make(pq.Int64Array, len(rows))
		for i, r := range rows {
			v, ok := r[j].(int64)
			if !ok {
				return nil, "", bad(r[j])
			}
			a[i] = v
		}
		return a, "bigint[]", nil
	case "hash", "value":
		a := make(pq.ByteaArray, len(rows))
		for i, r := range rows {
			v, ok := r[j].([]byte)
			if !ok {
				return nil, "", bad(r[j])
			}
			a[i] = v
		}
		return a, "bytea[]", nil
	case "value_string", "datatype", "language":
		a := make(pq.StringArray, len(rows))
		for i, r := range rows {
			v, ok := r[j].(string)
			if !ok {
				return nil, "", bad(r[j])
			}
			a[i] = v
		}
		return a, "text[]", nil
	case "iri", "bnode", "value_bool":
		a := make(pq.BoolArray, len(rows))
		for i, r := range rows {
			v, ok := r[j].(bool)
			if !ok {
				return nil, "", bad(r[j])
			}
			a[i] = v
		}
		return a, "boolean[]", nil
	case "value_float":
		a := make(pq.Float64Array, len(rows))
		for i, r := range rows {
			v, ok := r[j].(float64)
			if !ok {
				return nil, "", bad(r[j])
			}
			a[i] = v
		}
		return a, "double precision[]", nil
	case "value_time":
		a := make(pq.StringArray, len(rows))
		for i, r := range rows {
			v, ok := r[j].(time.Time)
			if !ok {
				return nil, "", bad(r[j])
			}
			a[i] = v.Format(time.RFC3339Nano)
		}
		return a, "timestamptz[]", nil
	}
	return nil, "", fmt.Errorf("nodes.%s: a column this writer does not know", c)
}

// pgConflict reports whether err is PostgreSQL refusing a transaction for a
// concurrent one: worth trying again.
func pgConflict(err error) bool {
	var pe *pq.Error
	if !errors.As(err, &pe) {
		return false
	}
	switch pe.Code {
	case "40001", "40P01": // serialization_failure, deadlock_detected
		return true
	case "23505", "23503": // unique_violation, foreign_key_violation: a writer without the lock
		return true
	}
	return false
}

// pgRefused reports whether err is PostgreSQL refusing the data written (a
// value it cannot store, a constraint the database adds), rather than
// failing as a store: one document's fault, to be reported and skipped.
func pgRefused(err error) bool {
	var pe *pq.Error
	if !errors.As(err, &pe) {
		return false
	}
	switch pe.Code.Class() {
	case "22", "23", "54": // data exception, integrity constraint violation, program limit exceeded
		return true
	}
	return pe.Code == "P0001" // raise_exception, by a trigger
}

// pgWriteOne writes one document (nil quads: removes it) in a transaction of
// its own.
func (s *Store) pgWriteOne(ctx context.Context, label string, quads []vocab.Quad) (DocResult, error) {
	rs, _, err := s.pgWrite(ctx, []pgDoc{{label: label, quads: quads}}, nil)
	if err != nil {
		return DocResult{}, err
	}
	return rs[0], nil
}

// flushPostgres is Flush on PostgreSQL: the batch in one transaction or,
// should PostgreSQL refuse it for its data, the background and then each
// document in a transaction of its own, so that a refused document costs
// only itself (its DocResult.Err) whatever the batch size. An error that is
// not a refusal (the server gone, say) is the store's, and returned.
func (w *Writer) flushPostgres(ctx context.Context) error {
	s := w.s
	s.wmu.Lock()
	defer s.wmu.Unlock()
	docs := make([]pgDoc, len(w.pending))
	for i, d := range w.pending {
		docs[i] = pgDoc{label: d.label, quads: d.quads}
	}
	bg := make([]vocab.Quad, 0, len(w.background))
	for q := range w.background {
		bg = append(bg, q)
	}
	results, bgAdded, err := s.pgWrite(ctx, docs, bg)
	if err != nil {
		if !pgRefused(err) {
			return err
		}
		s.log.Debug("a batch was refused; writing its documents one by one", "docs", len(docs), "err", err)
		if len(bg) > 0 {
			if _, bgAdded, err = s.pgWrite(ctx, nil, bg); err != nil {
				return fmt.Errorf("writing the gazetteer background: %w", err)
			}
		}
		results = make([]DocResult, len(docs))
		for i, d := range docs {
			r, err := s.pgWriteOne(ctx, d.label, d.quads)
			if err != nil && !pgRefused(err) {
				return fmt.Errorf("writing %s: %w", d.label, err)
			}
			if err != nil {
				r = DocResult{Label: d.label, Err: fmt.Errorf("writing %s: %w", d.label, err)}
			}
			results[i] = r
		}
	}
	if w.bgStored == nil {
		w.bgStored = map[vocab.Quad]bool{}
	}
	w.commitBackground(bgAdded)
	w.pending = w.pending[:0]
	clear(w.index)
	w.nquads = 0
	if w.onCommit != nil {
		w.onCommit(results)
	}
	return nil
}
