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
	"runtime/pprof"
	"slices"
	"strings"
	"time"

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

var onlyQuery string

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

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000) }

func run(db, peoplePath string, n, gizmoRuns int, scripts string) error {
	ctx := context.Background()
	hub, plain, err := readPeople(peoplePath)
	if err != nil {
		return err
	}
	t0 := time.Now()
	s, err := graph.Open(ctx, db, graph.ReadOnly())
	if err != nil {
		return err
	}
	defer s.Close()
	fmt.Printf("store %s opened in %s\n\n", db, time.Since(t0).Round(time.Millisecond))
	fmt.Println("| query | probe | rows | stored | quads read | Go p50 ms | Go p99 ms | p99/p50 | floor ms | p50/floor | Gizmo p50 ms | Gizmo/Go | same rows |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	// The floor of an answer: its rows times the cost of a row where a row
	// costs least — the best-connected person's timeline (the first probe),
	// in this run: a stored answer's row decoded where the store keeps its
	// answer (graph/answers.go), else one derived row read and one result
	// made.
	var perRow time.Duration
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
		var goTimes []time.Duration
		var res graph.Results
		var quads int
		stored := "no"
		for k := 0; k <= n; k++ { // the first run warms the caches and is not counted
			start := time.Now()
			r, reader, err := q.RunNative(ctx, s, p.args, graph.QueryOptions{})
			if err != nil {
				return err
			}
			if k > 0 {
				goTimes = append(goTimes, time.Since(start))
			}
			res, quads = r, reader.Stats.Quads()
			for _, st := range reader.Stats.Steps {
				if st.Index == "vnkg_answers" && st.Rows > 0 {
					stored = "yes"
				}
			}
		}
		var gzTimes []time.Duration
		same := "—"
		for k := 0; k < gizmoRuns; k++ {
			start := time.Now()
			g, err := q.RunGizmo(ctx, s, p.args, graph.QueryOptions{Timeout: 5 * time.Minute})
			if err != nil {
				return err
			}
			gzTimes = append(gzTimes, time.Since(start))
			same = "no"
			if reflect.DeepEqual(g.Rows, res.Rows) {
				same = "yes"
			}
		}
		gz, ratio := "—", "—"
		if len(gzTimes) > 0 {
			g50 := percentile(gzTimes, 0.5)
			gz = ms(g50)
			ratio = fmt.Sprintf("%.0f×", float64(g50)/float64(max(percentile(goTimes, 0.5), time.Microsecond)))
		}
		p50, p99 := percentile(goTimes, 0.5), percentile(goTimes, 0.99)
		if i == 0 && len(res.Rows) > 0 {
			perRow = p50 / time.Duration(len(res.Rows))
		}
		floor, vsFloor := "—", "—"
		if perRow > 0 && len(res.Rows) > 0 {
			f := perRow * time.Duration(len(res.Rows))
			floor, vsFloor = ms(f), fmt.Sprintf("%.1f×", float64(p50)/float64(max(f, time.Microsecond)))
		}
		fmt.Printf("| %s | %s | %d | %s | %d | %s | %s | %.1f | %s | %s | %s | %s | %s |\n", strings.Join(append([]string{p.query}, quoteArgs(p.args)...), " "), p.what,
			len(res.Rows), stored, quads, ms(p50), ms(p99), float64(p99)/float64(max(p50, time.Microsecond)), floor, vsFloor, gz, ratio, same)
	}
	return nil
}

func quoteArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = "'" + a + "'"
	}
	return out
}
