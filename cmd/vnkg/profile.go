package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"time"
)

// profiler writes the CPU and heap profiles a build was asked for
// (--cpuprofile, --memprofile): what bench/ and anyone chasing a slow or
// large build read with `go tool pprof`.
type profiler struct {
	cpuFile, memFile string
	cpu              *os.File
	// the heap profile is rewritten whenever the live heap (as of the last
	// collection, checked every half second, mid-transaction too) passes
	// its last peak by an eighth, so that the file holds the heap near its
	// peak, not at the end of the build when most is freed
	peak    uint64
	samples []metrics.Sample
	stopped chan struct{}
	done    sync.WaitGroup
	err     error
}

func addProfileFlags(fs *flag.FlagSet) *profiler {
	p := &profiler{}
	fs.StringVar(&p.cpuFile, "cpuprofile", "", "write a CPU profile of the run to this `file` (go tool pprof)")
	fs.StringVar(&p.memFile, "memprofile", "", "write a heap profile to this `file`, taken after the commit where the live heap peaked")
	return p
}

// start begins the CPU profile, if asked for.
func (p *profiler) start() error {
	if p.memFile != "" {
		p.samples = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		p.stopped = make(chan struct{})
		p.done.Add(1)
		go func() {
			defer p.done.Done()
			t := time.NewTicker(500 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-p.stopped:
					return
				case <-t.C:
					if err := p.sample(); err != nil && p.err == nil {
						p.err = err
					}
				}
			}
		}()
	}
	if p.cpuFile == "" {
		return nil
	}
	f, err := os.Create(p.cpuFile)
	if err != nil {
		return fmt.Errorf("creating the CPU profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("starting the CPU profile: %w", err)
	}
	p.cpu = f
	return nil
}

// sample rewrites the heap profile if the live heap passed its last peak.
func (p *profiler) sample() error {
	if p.memFile == "" {
		return nil
	}
	metrics.Read(p.samples)
	live := p.samples[0].Value.Uint64()
	if live < p.peak+p.peak/8 {
		return nil
	}
	p.peak = live
	return p.writeHeap()
}

func (p *profiler) writeHeap() error {
	f, err := os.Create(p.memFile)
	if err != nil {
		return fmt.Errorf("creating the heap profile: %w", err)
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("writing the heap profile: %w", err)
	}
	return f.Close()
}

// stop ends the CPU profile and, if no heap profile was written yet, writes
// one.
func (p *profiler) stop() error {
	var err error
	if p.cpu != nil {
		pprof.StopCPUProfile()
		err = p.cpu.Close()
		p.cpu = nil
	}
	if p.stopped != nil {
		close(p.stopped)
		p.done.Wait()
		p.stopped = nil
		if err == nil {
			err = p.err
		}
	}
	if p.memFile != "" && p.peak == 0 {
		runtime.GC() // the profile's in-use figures are as of the last collection
		if herr := p.writeHeap(); err == nil {
			err = herr
		}
	}
	return err
}
