package graph

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// A spool holds records (each a few byte strings) in a temporary file, to
// be read back in the order they were added: what a full computation of the
// stored answers produces, kept out of memory until it is written (a
// 100k-article store's answers and their dependencies are hundreds of MB).
// The file is unlinked as soon as it is made, so that nothing is left behind
// by a crash.
type spool struct {
	f *os.File
	w *bufio.Writer
	n int // records
}

func newSpool() (*spool, error) {
	f, err := os.CreateTemp("", "vnkg-spool-*")
	if err != nil {
		return nil, fmt.Errorf("creating a spool file: %w", err)
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, fmt.Errorf("creating a spool file: %w", err)
	}
	return &spool{f: f, w: bufio.NewWriterSize(f, 1<<16)}, nil
}

// add appends one record of parts.
func (s *spool) add(parts ...[]byte) error {
	var n [binary.MaxVarintLen64]byte
	for _, p := range parts {
		if _, err := s.w.Write(n[:binary.PutUvarint(n[:], uint64(len(p)))]); err != nil {
			return fmt.Errorf("writing a spool file: %w", err)
		}
		if _, err := s.w.Write(p); err != nil {
			return fmt.Errorf("writing a spool file: %w", err)
		}
	}
	s.n++
	return nil
}

// reader flushes the spool and reads it from its start.
func (s *spool) reader() (*spoolReader, error) {
	if err := s.w.Flush(); err != nil {
		return nil, fmt.Errorf("writing a spool file: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("reading a spool file: %w", err)
	}
	return &spoolReader{r: bufio.NewReaderSize(s.f, 1<<16), left: s.n}, nil
}

func (s *spool) close() { s.f.Close() }

type spoolReader struct {
	r    *bufio.Reader
	left int
}

// next reads the next record of n parts, each in a slice of its own (the
// caller may keep them); io.EOF after the last.
func (r *spoolReader) next(n int) ([][]byte, error) {
	if r.left == 0 {
		return nil, io.EOF
	}
	r.left--
	parts := make([][]byte, n)
	for i := range parts {
		l, err := binary.ReadUvarint(r.r)
		if err != nil {
			return nil, fmt.Errorf("reading a spool file: %w", noEOF(err))
		}
		parts[i] = make([]byte, l)
		if _, err := io.ReadFull(r.r, parts[i]); err != nil {
			return nil, fmt.Errorf("reading a spool file: %w", noEOF(err))
		}
	}
	return parts, nil
}

func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// keySorter sorts keys with bounded memory: up to limit bytes of them are
// sorted in memory, more are written in sorted runs to spools and merged.
type keySorter struct {
	limit int
	buf   [][]byte
	size  int
	runs  []*spool
}

func (k *keySorter) add(key []byte) error {
	k.buf = append(k.buf, key)
	k.size += len(key) + 24 // the slice header
	if k.size >= k.limit {
		return k.flush()
	}
	return nil
}

// flush writes the keys in memory as a sorted run.
func (k *keySorter) flush() error {
	if len(k.buf) == 0 {
		return nil
	}
	slices.SortFunc(k.buf, bytes.Compare)
	run, err := newSpool()
	if err != nil {
		return err
	}
	k.runs = append(k.runs, run)
	for _, key := range k.buf {
		if err := run.add(key); err != nil {
			return err
		}
	}
	clear(k.buf)
	k.buf, k.size = k.buf[:0], 0
	return nil
}

// each calls fn with every key added, in order (a key the caller may keep).
func (k *keySorter) each(fn func([]byte) error) error {
	if len(k.runs) == 0 {
		slices.SortFunc(k.buf, bytes.Compare)
		for _, key := range k.buf {
			if err := fn(key); err != nil {
				return err
			}
		}
		return nil
	}
	if err := k.flush(); err != nil {
		return err
	}
	h := &runHeap{}
	for _, run := range k.runs {
		r, err := run.reader()
		if err != nil {
			return err
		}
		if err := h.pushNext(r); err != nil {
			return err
		}
	}
	for h.Len() > 0 {
		top := (*h)[0]
		if err := fn(top.key); err != nil {
			return err
		}
		heap.Pop(h)
		if err := h.pushNext(top.r); err != nil {
			return err
		}
	}
	return nil
}

func (k *keySorter) close() {
	for _, r := range k.runs {
		r.close()
	}
	k.runs, k.buf = nil, nil
}

type runHead struct {
	key []byte
	r   *spoolReader
}

// runHeap is the merge's heads of runs, least key first.
type runHeap []runHead

func (h runHeap) Len() int           { return len(h) }
func (h runHeap) Less(i, j int) bool { return bytes.Compare(h[i].key, h[j].key) < 0 }
func (h runHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)        { *h = append(*h, x.(runHead)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// pushNext pushes r's next key, if it has one.
func (h *runHeap) pushNext(r *spoolReader) error {
	p, err := r.next(1)
	if errors.Is(err, io.EOF) {
		return nil
	} else if err != nil {
		return err
	}
	heap.Push(h, runHead{key: p[0], r: r})
	return nil
}
