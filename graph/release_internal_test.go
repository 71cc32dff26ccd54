//go:build linux

package graph

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vnkg/vnkg/graph/vocab"
)

// mappedRSS is how many kB of the bolt file at path this process has
// resident, from /proc/self/smaps.
func mappedRSS(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	in, kb := false, 0
	for sc.Scan() {
		line := sc.Text()
		if fields := strings.Fields(line); len(fields) >= 6 && strings.Contains(fields[0], "-") {
			in = fields[len(fields)-1] == path
			continue
		}
		if in && strings.HasPrefix(line, "Rss:") {
			n, _ := strconv.Atoi(strings.Fields(line)[1])
			kb += n
		}
	}
	return kb
}

// TestReleaseMapped: after a batch, the pages of the bolt file the process
// had resident are given back, and the store reads as before.
func TestReleaseMapped(t *testing.T) {
	defer func(n, a int) { releaseMin, releaseAbove = n, a }(releaseMin, releaseAbove)
	releaseMin, releaseAbove = 0, 0
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := s.NewWriter(BatchDocs(1000))
	label := ""
	for i := range 300 {
		label = vocab.DocIRI(fmt.Sprint("d", i))
		var qs []vocab.Quad
		for j := range 20 {
			qs = append(qs, vocab.Quad{Subject: vocab.IRI(label), Predicate: vocab.IRI(vocab.Name),
				Object: vocab.String(fmt.Sprintf("tên %d %d", i, j)), Label: label})
		}
		if err := w.Put(ctx, label, qs, nil); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, BoltFile)
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	// Flush released the pages; reading touches some again.
	if got, err := s.LabelQuads(ctx, label); err != nil || len(got) != 20 {
		t.Fatalf("after the release: %d quads, %v", len(got), err)
	}
	before := mappedRSS(t, file)
	if before == 0 {
		t.Fatal("no page of the store resident after a read: the measure is broken")
	}
	s.wmu.Lock()
	s.releaseMapped()
	s.wmu.Unlock()
	if after := mappedRSS(t, file); after >= before {
		t.Fatalf("resident pages of the store: %d kB before the release, %d kB after", before, after)
	}
	if got, err := s.LabelQuads(ctx, label); err != nil || len(got) != 20 {
		t.Fatalf("after the release: %d quads, %v", len(got), err)
	}
}

// TestReleaseWhileWriting: bbolt's mmap lock is found, and the goroutine a
// write runs beside gives back the pages the process reads meanwhile.
func TestReleaseWhileWriting(t *testing.T) {
	defer func(n, a int) { releaseMin, releaseAbove = n, a }(releaseMin, releaseAbove)
	releaseMin, releaseAbove = 0, 0
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if mmapLock(s.bdb) == nil {
		t.Fatal("bbolt's mmap lock not found: releases during a commit are off")
	}
	w := s.NewWriter()
	label := vocab.DocIRI("d")
	var qs []vocab.Quad
	for j := range 2000 {
		qs = append(qs, vocab.Quad{Subject: vocab.IRI(label), Predicate: vocab.IRI(vocab.Name),
			Object: vocab.String(fmt.Sprintf("tên %d", j)), Label: label})
	}
	if err := w.Put(ctx, label, qs, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, BoltFile)
	read := func() {
		if got, err := s.LabelQuads(ctx, label); err != nil || len(got) != len(qs) {
			t.Fatalf("%d quads, %v", len(got), err)
		}
	}
	read()
	before := mappedRSS(t, file)
	if before == 0 {
		t.Fatal("no page of the store resident after a read: the measure is broken")
	}
	stop := s.releaseWhileWriting()
	deadline := time.Now().Add(5 * time.Second)
	for mappedRSS(t, file) >= before {
		if time.Now().After(deadline) {
			stop()
			t.Fatalf("%d kB of the store resident before, %d kB after 5 s", before, mappedRSS(t, file))
		}
		time.Sleep(releasePoll)
	}
	stop()
	read()
}
