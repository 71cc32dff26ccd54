// Command qbench measures the library's queries in process on a store: each
// query over the probes of a generated corpus (its best-connected person, an
// ordinary person, a post, the recurring resolution, a body), run many times
// through the Go path and a few times as its Gizmo script, with p50 and p99,
// the rows, the quads read and whether both paths gave the same rows.
//
//	go run ./bench/qbench -db STORE -people CORPUS/people.tsv [-n 100] [-gizmo 5] [-scripts DIR]
//
// -scripts writes each probe's bound Gizmo script and argument list to DIR
// for bench/queries.sh, which measures whole processes and `cayley query`.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/queries"
)

func main() {
	db := flag.String("db", "", "the store (a bolt directory)")
	people := flag.String("people", "", "the corpus's people.tsv (bench/gen writes it)")
	n := flag.Int("n", 100, "runs of each query through the Go path")
	gizmoRuns := flag.Int("gizmo", 5, "runs of each query as its Gizmo script (0: none)")
	scripts := flag.String("scripts", "", "write each probe's Gizmo script and arguments to this directory")
	only := flag.String("only", "", "run only the probes of this query")
	flag.BoolVar(&interleave, "interleave", true, "run the probes in rounds (each once a round) rather than each probe's runs in a row")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the Go runs to this file")
	flag.Parse()
	onlyQuery = *only
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "qbench: %v\n", err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *db == "" || *people == "" {
		fmt.Fprintln(os.Stderr, "usage: qbench -db STORE -people people.tsv [-n N] [-gizmo N] [-scripts DIR]")
		os.Exit(2)
	}
	if err := run(*db, *people, *n, *gizmoRuns, *scripts); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintf(os.Stderr, "qbench: %v\n", err)
		os.Exit(1)
	}
}

// probe is one query with its arguments and what it stands for.
type probe struct {
	what  string
	query string
	args  []string
}

var (
	onlyQuery  string
	interleave bool
)

func probes(hub, plain string) []probe {
	return []probe{
		{"best-connected person", "person-timeline", []string{hub}},
		{"ordinary person", "person-timeline", []string{plain}},
		{"best-connected person", "events-of-person", []string{hub}},
		{"best-connected person", "people-met", []string{hub}},
		{"ordinary person", "people-met", []string{plain}},
		{"best-connected person", "fact-sources", []string{hub, "vnkg:rank", "Đại tướng"}},
		{"a post held by many", "position-holders", []string{"Thứ trưởng Bộ Quốc phòng"}},
		{"the recurring resolution", "chairs-of-resolution", []string{"806-NQ/QUTW"}},
		{"the recurring resolution", "events-about", []string{"806-NQ/QUTW"}},
		{"the ministry", "org-tree", []string{"Bộ Quốc phòng"}},
		{"a name in lower case", "person-timeline", []string{strings.ToLower(plain)}},
	}
}

// readPeople returns the corpus's best-connected person and an ordinary one
// (the first non-hub named in three articles or fewer).
func readPeople(path string) (hub, plain string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return "", "", err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) != 3 {
			return "", "", fmt.Errorf("%s: bad line %q", path, line)
		}
		if hub == "" {
			hub = fs[0]
		}
		if plain == "" && fs[1] == "false" && (fs[2] == "2" || fs[2] == "3") {
			plain = fs[0]
		}
	}
	if hub == "" || plain == "" {
		return "", "", fmt.Errorf("%s: no hub or ordinary person", path)
	}
	return hub, plain, sc.Err()
}

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(p*float64(len(s))+0.5) - 1
	return s[max(0, min(i, len(s)-1))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.3f", float64(d.Nanoseconds())/1e6) }

// sample is one run of a query: its wall time; the CPU time of the thread
// that ran it (the query's own work, the GC assists it paid included) and
// of the whole process (the collector's workers too); whether the kernel
// took the thread's core away during it (an involuntary context switch:
// the machine, not the query); the collections that ended during it and
// the bytes it allocated (the query's garbage); the minor page faults its
// thread took (fresh heap pages, or pages of the store's file this process
// had not touched yet).
type sample struct {
	wall, cpu, procCPU time.Duration
	preempted          bool
	faults             int64
	gcs                uint64
	alloc              uint64
}

// rusageThread is Linux's RUSAGE_THREAD (the calling thread only).
const rusageThread = 1

// switches returns the involuntary context switches and the minor page
// faults of the calling thread.
func switches() (nivcsw, minflt int64) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, 0
	}
	return ru.Nivcsw, ru.Minflt
}

// cpuClock reads a CPU-time clock (CLOCK_THREAD_CPUTIME_ID: the calling
// thread; CLOCK_PROCESS_CPUTIME_ID: every thread) to the nanosecond, which
// getrusage's user and system times are not.
func cpuClock(id uintptr) time.Duration {
	var ts syscall.Timespec
	if _, _, e := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, id, uintptr(unsafe.Pointer(&ts)), 0); e != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}

const (
	clockProcess = 2 // CLOCK_PROCESS_CPUTIME_ID
	clockThread  = 3 // CLOCK_THREAD_CPUTIME_ID
)

var gcMetrics = []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}, {Name: "/gc/heap/allocs:bytes"}}

func gcState() (cycles, alloc uint64) {
	metrics.Read(gcMetrics)
	return gcMetrics[0].Value.Uint64(), gcMetrics[1].Value.Uint64()
}

// measure runs f once on this (locked) thread and says what it cost.
func measure(f func() error) (sample, error) {
	c0, a0 := gcState()
	n0, f0 := switches()
	p0 := cpuClock(clockProcess)
	t0 := cpuClock(clockThread)
	start := time.Now()
	err := f()
	wall := time.Since(start)
	t1 := cpuClock(clockThread)
	p1 := cpuClock(clockProcess)
	n1, f1 := switches()
	c1, a1 := gcState()
	return sample{wall: wall, cpu: t1 - t0, procCPU: p1 - p0, preempted: n1 > n0, faults: f1 - f0, gcs: c1 - c0, alloc: a1 - a0}, err
}

// job is one probe being measured: its query, the samples of its counted
// runs, and its last answer.
type job struct {
	probe
	i       int
	q       queries.Query
	first   sample
	samples []sample
	res     graph.Results
	quads   int
	stored  string
}

func (j *job) runOnce(ctx context.Context, s *graph.Store) (sample, error) {
	return measure(func() error {
		r, reader, err := j.q.RunNative(ctx, s, j.args, graph.QueryOptions{})
		if err != nil {
			return err
		}
		j.res, j.quads = r, reader.Stats.Quads()
		j.stored = "no"
		for _, st := range reader.Stats.Steps {
			if st.Index == "vnkg_answers" && st.Rows > 0 {
				j.stored = "yes"
			}
		}
		return nil
	})
}

func run(db, peoplePath string, n, gizmoRuns int, scripts string) error {
	ctx := context.Background()
	hub, plain, err := readPeople(peoplePath)
	if err != nil {
		return err
	}
	// The measuring goroutine keeps its thread, so that the thread's rusage
	// is the query's (the queries run on the calling goroutine).
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var s *graph.Store
	open, err := measure(func() error {
		var err error
		s, err = graph.Open(ctx, db, graph.ReadOnly())
		return err
	})
	if err != nil {
		return err
	}
	defer s.Close()
	fmt.Printf("store %s opened in %s (%s CPU)\n\n", db, open.wall.Round(time.Microsecond), open.cpu.Round(time.Microsecond))
	var jobs []*job
	for i, p := range probes(hub, plain) {
		if onlyQuery != "" && p.query != onlyQuery {
			continue
		}
		q, err := queries.Lookup(p.query)
		if err != nil {
			return err
		}
		if scripts != "" {
			src, err := q.Script(p.args)
			if err != nil {
				return err
			}
			os.MkdirAll(scripts, 0o755)
			base := filepath.Join(scripts, fmt.Sprintf("%02d-%s", i, p.query))
			if err := os.WriteFile(base+".js", []byte(src), 0o644); err != nil {
				return err
			}
			if err := os.WriteFile(base+".args", []byte(strings.Join(append([]string{p.query}, p.args...), "\n")+"\n"), 0o644); err != nil {
				return err
			}
		}
		jobs = append(jobs, &job{probe: p, i: i, q: q})
	}
	// The first ask of each probe (the store's pages and caches cold for
	// it) is timed apart and not counted.
	for _, j := range jobs {
		if j.first, err = j.runOnce(ctx, s); err != nil {
			return err
		}
	}
	// Interleaved (-interleave): round k runs every probe once, so that a
	// slow minute of the machine falls on all probes alike rather than on
	// the one whose runs it happened to be.
	if interleave {
		for k := 0; k < n; k++ {
			for _, j := range jobs {
				x, err := j.runOnce(ctx, s)
				if err != nil {
					return err
				}
				j.samples = append(j.samples, x)
			}
		}
	} else {
		for _, j := range jobs {
			for k := 0; k < n; k++ {
				x, err := j.runOnce(ctx, s)
				if err != nil {
					return err
				}
				j.samples = append(j.samples, x)
			}
		}
	}
	fmt.Println("| query | probe | rows | stored | quads read | first ms | Go p50 ms | Go p99 ms | p99/p50 | CPU p50 ms | CPU p99 ms | CPU p99/p50 | preempted | with a GC | faulted (faults a run) | KB a run | clean p99 ms | clean p99/p50 | floor ms | p50/floor | Gizmo p50 ms | Gizmo/Go | same rows |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	// The floor of an answer: its rows times the cost of a row where a row
	// costs least — the best-connected person's timeline (the first probe),
	// in this run: a stored answer's row decoded where the store keeps its
	// answer (graph/answers.go), else one derived row read and one result
	// made.
	var perRow time.Duration
	for _, j := range jobs {
		var gzTimes []time.Duration
		same := "—"
		for k := 0; k < gizmoRuns; k++ {
			start := time.Now()
			g, err := j.q.RunGizmo(ctx, s, j.args, graph.QueryOptions{Timeout: 5 * time.Minute})
			if err != nil {
				return err
			}
			gzTimes = append(gzTimes, time.Since(start))
			same = "no"
			if reflect.DeepEqual(g.Rows, j.res.Rows) {
				same = "yes"
			}
		}
		var walls, cpus, clean []time.Duration
		preempted, withGC, faulted := 0, 0, 0
		var faults int64
		var alloc uint64
		for _, x := range j.samples {
			walls = append(walls, x.wall)
			cpus = append(cpus, x.cpu)
			if x.preempted {
				preempted++
			}
			if x.gcs > 0 {
				withGC++
			}
			if x.faults > 0 {
				faulted++
			}
			faults += x.faults
			if !x.preempted && x.gcs == 0 {
				clean = append(clean, x.wall)
			}
			alloc += x.alloc
		}
		gz, ratio := "—", "—"
		p50, p99 := percentile(walls, 0.5), percentile(walls, 0.99)
		if len(gzTimes) > 0 {
			g50 := percentile(gzTimes, 0.5)
			gz = ms(g50)
			ratio = fmt.Sprintf("%.0f×", float64(g50)/float64(max(p50, time.Microsecond)))
		}
		if j.i == 0 && len(j.res.Rows) > 0 {
			perRow = p50 / time.Duration(len(j.res.Rows))
		}
		floor, vsFloor := "—", "—"
		if perRow > 0 && len(j.res.Rows) > 0 {
			f := perRow * time.Duration(len(j.res.Rows))
			floor, vsFloor = ms(f), fmt.Sprintf("%.1f×", float64(p50)/float64(max(f, time.Microsecond)))
		}
		c50, c99 := percentile(cpus, 0.5), percentile(cpus, 0.99)
		clean99, cleanRatio := "—", "—"
		if len(clean) > 0 {
			k50, k99 := percentile(clean, 0.5), percentile(clean, 0.99)
			clean99, cleanRatio = ms(k99), ratioOf(k99, k50)
		}
		runs := max(len(j.samples), 1)
		fmt.Printf("| %s | %s | %d | %s | %d | %s | %s | %s | %s | %s | %s | %s | %d%% | %d%% | %d%% (%.1f) | %.1f | %s | %s | %s | %s | %s | %s | %s |\n",
			strings.Join(append([]string{j.query}, quoteArgs(j.args)...), " "), j.what,
			len(j.res.Rows), j.stored, j.quads, ms(j.first.wall), ms(p50), ms(p99), ratioOf(p99, p50),
			ms(c50), ms(c99), ratioOf(c99, c50), 100*preempted/runs, 100*withGC/runs, 100*faulted/runs, float64(faults)/float64(runs),
			float64(alloc)/float64(runs)/1024, clean99, cleanRatio, floor, vsFloor, gz, ratio, same)
	}
	return nil
}

func ratioOf(a, b time.Duration) string {
	return fmt.Sprintf("%.1f", float64(a)/float64(max(b, time.Microsecond)))
}

func quoteArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = "'" + a + "'"
	}
	return out
}
