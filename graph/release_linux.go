//go:build linux

package graph

import (
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unsafe"

	bolt "go.etcd.io/bbolt"

	"golang.org/x/sys/unix"
)

// releaseMapped tells the kernel that this process no longer needs the pages
// of the bolt file it has mapped (MADV_DONTNEED). bbolt maps the whole file
// read-only and writes through the file, so those pages are clean page cache:
// dropping them from the process costs nothing but a minor fault when a page
// is read again, and keeps the resident size of a long build from growing
// with the store (a 100k-article build touched 1.5 GB of its 1.9 GB file).
// The caller holds wmu and is not committing, so bbolt cannot be remapping
// the file meanwhile; within a write transaction bbolt's nodes may point into
// the mapping, and read the same bytes again after the fault (a transaction
// never overwrites a page it can see).
func (s *Store) releaseMapped() {
	if s.bdb == nil {
		return
	}
	// bbolt keeps the mapping's length unexported; read it, or fall back to
	// the file's size (never more than what is mapped).
	size := -1
	if off, ok := dataszField(); ok {
		size = *(*int)(unsafe.Add(unsafe.Pointer(s.bdb), off))
	}
	if size < 0 {
		fi, err := os.Stat(s.bdb.Path())
		if err != nil {
			return
		}
		size = int(fi.Size())
	}
	if size < releaseMin || residentFile() < releaseAbove {
		return
	}
	_, _, errno := unix.Syscall(unix.SYS_MADVISE, s.bdb.Info().Data, uintptr(size), unix.MADV_DONTNEED)
	if errno != 0 {
		s.log.Debug("releasing the store's mapped pages", "store", s.String(), "err", errno)
	}
}

// dataszField is the offset of bbolt's DB.datasz (an int: the mapping's
// length), found once: releaseMapped runs every few hundred writes, and
// looking the field up by name each time was a tenth of its cost.
var dataszField = sync.OnceValues(func() (uintptr, bool) {
	f, ok := reflect.TypeFor[bolt.DB]().FieldByName("datasz")
	if !ok || f.Type.Kind() != reflect.Int {
		return 0, false
	}
	return f.Offset, true
})

// releaseMin is the mapped size below which releaseMapped does nothing: a
// small store's pages are not worth a system call a batch.
var releaseMin = 64 << 20

// releaseAbove is how many bytes of files (the bolt file, mostly) the
// process may have resident before releaseMapped gives them back: below it a
// release would cost the refaults of pages read again soon, for nothing.
// At 96 MiB a 30k-article build's file pages still peaked at 240 MiB
// between two polls of releaseWhileWriting (bench/RESULTS.md, session 9–10).
var releaseAbove = 48 << 20

// residentFile is how many bytes of mapped files the process has resident
// (/proc/self/statm's shared pages); 1<<62 if unreadable, so that a release
// is not skipped for want of the figure.
func residentFile() int {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 1 << 62
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return 1 << 62
	}
	n, err := strconv.Atoi(f[2])
	if err != nil {
		return 1 << 62
	}
	return n * os.Getpagesize()
}

// initialMmap is the least length of a writer's mapping of the bolt file.
// bbolt maps the file anew whenever it outgrows the mapping (doubling it up
// to 1 GiB, then 1 GiB a step), and a new mapping starts with no page
// resident and, first, copies every node the write transaction holds out of
// the old one: a build from nothing remapped at every doubling. The length
// is address space only (the pages beyond the file are never touched), so it
// is large enough for a 100k-article store (4.4 GB) on 64-bit machines.
const initialMmap = 8 << 30 * (strconv.IntSize / 64)

// releaseEvery is how many added quads a write applies between releases.
const releaseEvery = 512

// releasePoll is how often releaseWhileWriting looks at the resident size
// (a commit faults in tens of MiB of the file within 10 ms: it reads the old
// page of each page it rewrites).
const releasePoll = 2 * time.Millisecond

// releaseWhileWriting gives back the file's pages from another goroutine
// while a write transaction runs, its commit included, whenever more than
// releaseAbove are resident; stop ends it. The releases between a write's
// phases (releaseMapped) cannot reach into bbolt's commit, and the commit
// reads the old page of every node it writes (to free it): a 10k-article
// build's commits brought the resident part of its 500 MB file from 16 MiB
// to 240 MiB each, a 100k-article build's to 380 MiB. The goroutine holds
// bbolt's mmap lock (read) around each release, so that the commit cannot
// remap the file under madvise; a release it makes is the same as the
// writer's own (the pages are clean page cache, read again on a fault).
func (s *Store) releaseWhileWriting() (stop func()) {
	lock := mmapLock(s.bdb)
	if s.bdb == nil || lock == nil {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(releasePoll)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if residentFile() < releaseAbove {
					continue
				}
				lock.RLock()
				s.releaseMapped()
				lock.RUnlock()
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}

// mmapLock is bbolt's lock of its mapping (DB.mmaplock, unexported), held
// for writing while bbolt remaps the file; nil if this bbolt has none.
func mmapLock(db *bolt.DB) *sync.RWMutex {
	if db == nil {
		return nil
	}
	f := reflect.ValueOf(db).Elem().FieldByName("mmaplock")
	if !f.IsValid() || f.Type() != reflect.TypeFor[sync.RWMutex]() {
		return nil
	}
	return (*sync.RWMutex)(unsafe.Pointer(f.UnsafeAddr()))
}
