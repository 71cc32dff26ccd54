//go:build !linux

package graph

// releaseMapped does nothing where madvise is not available.
func (s *Store) releaseMapped() {}

const releaseEvery = 1 << 30

// releaseWhileWriting does nothing where madvise is not available.
func (s *Store) releaseWhileWriting() (stop func()) { return func() {} }

// initialMmap leaves bbolt's mapping to bbolt: on Windows a mapping longer
// than the file grows the file.
const initialMmap = 0
