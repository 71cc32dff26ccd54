// Command gen writes a generated corpus of Vietnamese defense-diplomacy articles
// (package bench/corpus) for benchmarks and scale tests: people whose ranks and
// posts change over the years, a few hubs who recur across the corpus, bodies,
// resolutions, plans, events with chairs and attendees. The same seed and size
// always give the same bytes, and any size can be asked for.
//
//	go run ./bench/gen -n 10000 -seed 1 -o DIR
//
// writes DIR/NNN/gNNNNNNN.txt (a thousand articles a folder) and DIR/people.tsv
// (every generated Vietnamese person: name, hub or not, number of articles).
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/vnkg/vnkg/bench/corpus"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of articles")
	seed := fs.Uint64("seed", 1, "random seed (same seed and size, same corpus)")
	out := fs.String("o", "", "output directory (created; must be empty or absent)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() != 0 || *n < 0 {
		fmt.Fprintln(stderr, "usage: gen -n ARTICLES [-seed N] -o DIR")
		return 2
	}
	if err := generate(*out, *n, *seed); err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return 1
	}
	return 0
}

func generate(dir string, n int, seed uint64) error {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return fmt.Errorf("%s: not empty", dir)
	}
	c := corpus.New(n, seed)
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
		}
		path := filepath.Join(sub, fmt.Sprintf("g%07d.txt", i))
		if err := os.WriteFile(path, []byte(c.Article(i)), 0o644); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return writePeople(c, filepath.Join(dir, "people.tsv"))
}

func writePeople(c *corpus.Corpus, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "#name\thub\tarticles\n")
	ps := c.People()
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Articles > ps[j].Articles })
	for _, p := range ps {
		if p.Articles == 0 {
			continue
		}
		fmt.Fprintf(w, "%s\t%v\t%d\n", p.Name, p.Hub, p.Articles)
	}
	return errors.Join(w.Flush(), f.Close())
}
