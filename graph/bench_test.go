package graph_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/vocab"
)

type benchDoc struct {
	label string
	quads []vocab.Quad
}

func writeAll(b *testing.B, s *graph.Store, docs []benchDoc) {
	ctx := context.Background()
	w := s.NewWriter()
	for _, d := range docs {
		if err := w.Put(ctx, d.label, d.quads, background()); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(ctx); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkWriter measures the store alone: writing 300 documents of 73
// quads each (and the background) into a fresh store, 64 documents a
// transaction ("new"), and writing them again unchanged ("unchanged": the
// reads that find nothing to write).
func BenchmarkWriter(b *testing.B) {
	var docs []benchDoc
	quads := 0
	for i := range 300 {
		label, q := article(fmt.Sprint("bench", i), 20)
		docs = append(docs, benchDoc{label, q})
		quads += len(q)
	}
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			for _, pass := range []string{"new", "unchanged"} {
				b.Run(pass, func(b *testing.B) {
					for b.Loop() {
						b.StopTimer()
						s := be.open(b)
						if pass == "unchanged" {
							writeAll(b, s, docs)
						}
						b.StartTimer()
						writeAll(b, s, docs)
					}
					b.ReportMetric(float64(quads*b.N)/b.Elapsed().Seconds(), "quads/s")
				})
			}
		})
	}
}
