package graph_test

import (
	"fmt"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/pgtest"
)

// BenchmarkPostgresLoad writes the same 300 documents (73 quads each, some
// 22k quads) into a fresh PostgreSQL database with vnkg's Writer (the bulk
// path) and with Cayley's own writer as `cayley load` drives it (the SQL
// store's quad writer, quad.DefaultBatch quads a call), in the same run:
// compare their quads/s (bench/postgres.sh prints the ratio).
func BenchmarkPostgresLoad(b *testing.B) {
	var docs []benchDoc
	var all []quad.Quad
	for i := range 300 {
		label, q := article(fmt.Sprint("bench", i), 20)
		docs = append(docs, benchDoc{label, q})
		for _, v := range q {
			all = append(all, graph.ToQuad(v))
		}
	}
	for _, v := range background() {
		all = append(all, graph.ToQuad(v))
	}
	b.Run("cayley", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			s := openStore(b, pgtest.Database(b))
			b.StartTimer()
			qw, err := s.QuadStore().NewQuadWriter()
			if err != nil {
				b.Fatal(err)
			}
			if _, err := quad.CopyBatch(qw, quad.NewReader(all), quad.DefaultBatch); err != nil {
				b.Fatal(err)
			}
			if err := qw.Close(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(all)*b.N)/b.Elapsed().Seconds(), "quads/s")
	})
	b.Run("vnkg", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			s := openStore(b, pgtest.Database(b))
			b.StartTimer()
			writeAll(b, s, docs)
		}
		b.ReportMetric(float64(len(all)*b.N)/b.Elapsed().Seconds(), "quads/s")
	})
}
