package extract_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/vnkg/vnkg/data"
	"github.com/vnkg/vnkg/extract"
	"github.com/vnkg/vnkg/graph/vocab"
)

var update = flag.Bool("update", false, "rewrite the golden N-Quads files under testdata/golden")

var (
	extractorOnce sync.Once
	extractor     *extract.Extractor
	extractorErr  error
)

func newExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	extractorOnce.Do(func() { extractor, extractorErr = extract.New(data.GazetteerFS()) })
	if extractorErr != nil {
		t.Fatalf("loading gazetteers: %v", extractorErr)
	}
	return extractor
}

// articleDirs are the article sets with gold facts: the bundled seeds, the
// project's own test articles, and articles written blind to the extractor.
var articleDirs = []struct{ name, corpus, gold string }{
	{"seeds", "../data/corpus", "testdata/seeds-gold"},
	{"own", "testdata/corpus", "testdata/gold"},
	{"holdout", "testdata/holdout/corpus", "testdata/holdout/gold"},
	{"blind", "testdata/blind/corpus", "testdata/blind/gold"},
	{"blind2", "testdata/blind2/corpus", "testdata/blind2/gold"},
	{"blind3", "testdata/blind3/corpus", "testdata/blind3/gold"},
	{"blind4", "testdata/blind4/corpus", "testdata/blind4/gold"},
	{"blind5", "testdata/blind5/corpus", "testdata/blind5/gold"},
	{"blind6", "testdata/blind6/corpus", "testdata/blind6/gold"},
	{"blind7", "testdata/blind7/corpus", "testdata/blind7/gold"},
	{"blind8", "testdata/blind8/corpus", "testdata/blind8/gold"},
	{"blind9", "testdata/blind9/corpus", "testdata/blind9/gold"},
	{"blind11", "testdata/blind11/corpus", "testdata/blind11/gold"},
	{"blind12", "testdata/blind12/corpus", "testdata/blind12/gold"},
	{"blind10", "testdata/blind10/corpus", "testdata/blind10/gold"},
	{"blind13", "testdata/blind13/corpus", "testdata/blind13/gold"},
	{"blind14", "testdata/blind14/corpus", "testdata/blind14/gold"},
	{"blind15", "testdata/blind15/corpus", "testdata/blind15/gold"},
	{"blind19", "testdata/blind19/corpus", "testdata/blind19/gold"},
	{"blind20", "testdata/blind20/corpus", "testdata/blind20/gold"},
	{"blind21", "testdata/blind21/corpus", "testdata/blind21/gold"},
	{"blind22", "testdata/blind22/corpus", "testdata/blind22/gold"},
	{"blind23", "testdata/blind23/corpus", "testdata/blind23/gold"},
	{"blind24", "testdata/blind24/corpus", "testdata/blind24/gold"},
	{"blind25", "testdata/blind25/corpus", "testdata/blind25/gold"},
	{"blind28", "testdata/blind28/corpus", "testdata/blind28/gold"},
	{"blind29", "testdata/blind29/corpus", "testdata/blind29/gold"},
}

// extractDir extracts every article under dir into N-Quads, as `vnkg extract`
// does (without the gazetteer background).
func extractDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	x := newExtractor(t)
	out := map[string][]byte{}
	err := extract.Walk([]string{dir}, nil, func(doc extract.Document) error {
		doc.SourceFile = filepath.Base(doc.SourceFile)
		var b bytes.Buffer
		if err := vocab.WriteNQuads(&b, x.Extract(doc).Quads); err != nil {
			return err
		}
		out[doc.ID] = b.Bytes()
		return nil
	}, func(err error) { t.Errorf("reading %s: %v", dir, err) })
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGolden compares each article's N-Quads with testdata/golden/ID.nq.
func TestGolden(t *testing.T) {
	for _, set := range articleDirs {
		for id, got := range extractDir(t, set.corpus) {
			t.Run(id, func(t *testing.T) {
				path := filepath.Join("testdata", "golden", id+".nq")
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./extract -run TestGolden -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the extraction:\n%s", path, lineDiff(string(want), string(got)))
				}
			})
		}
	}
}

func lineDiff(want, got string) string {
	w := map[string]bool{}
	for _, l := range strings.Split(want, "\n") {
		w[l] = true
	}
	g := map[string]bool{}
	var b strings.Builder
	for _, l := range strings.Split(got, "\n") {
		g[l] = true
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	return b.String()
}

// scorer is the evaluation script: the shared one beside the checkout when it is
// there, else the copy in testdata.
func scorer(t *testing.T) string {
	for _, p := range []string{"../../shared/eval/score.py", "testdata/score.py"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Fatal("no score.py")
	return ""
}

var overallRe = regexp.MustCompile(`overall F1 ([0-9.]+)`)

// TestScore runs the evaluation on the seeds and on the project's own articles
// and holds their F1 at or above the floors below.
func TestScore(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatal("python3 is needed to run the scorer")
	}
	// The seeds and our own articles were tuned on; the held-out articles were
	// written blind to the extractor, so their floor is the hidden set's bar.
	floors := map[string]float64{"seeds": 0.97, "own": 0.95, "holdout": 0.90, "blind": 0.90, "blind2": 0.90, "blind3": 0.90,
		// session 2's sets, first contact 0.811 and 0.828 (EVAL.md); held where they
		// stand now (0.939, 0.915 after the event rules of ev7)
		"blind4": 0.97, "blind5": 0.98, // 0.957, 0.965 after ev6; 0.973, 0.974 after ent6; 0.976, 0.977 after ent8; blind5 0.982 with chrome10
		// blind6 (first contact 0.820) and session 3's blind7 (first contact 0.879),
		// tuned on after first contact (0.933, 0.924 after ev7)
		"blind6": 0.97, "blind7": 0.96, // 0.970, 0.959 after ent6; blind6 0.976 after ev8; blind7 0.965 after ent8
		// blind8: held back through session 3 (0.883 at its start, 0.899 at its end), then tuned on
		"blind8": 0.97, // 0.956 after ev4's event rules, 0.970 after ent6, 0.974 after ent8
		// session 4's blind9 and blind11 (first contact 0.871, 0.900), raised
		// once tuned on (ent4: 0.896, 0.905)
		"blind9": 0.95, "blind11": 0.96, // 0.940, 0.944 after ent6; 0.954, 0.955 after ev8; blind11 0.974 with ent8
		// session 5's blind12, held where it stood at first contact (0.870)
		// until it is tuned on
		"blind12": 0.94, // tuned on in session 6: 0.904 after ev6, 0.943 with ent6, 0.947 with roles10
		// blind10 (first contact 0.884, held back through sessions 4 and 5: 0.898
		// at their end) and session 5's blind13 (first contact 0.935, held back
		// through session 5), opened for tuning at session 6's start; 0.943 and
		// 0.955 after ev6's event rules
		"blind10": 0.96, "blind13": 0.97, // 0.963, 0.964 with ent6; 0.970, 0.973 with ent8; blind13 0.976 with chrome10
		// session 5's blind14 (first contact 0.878) and session 6's blind15
		// (first contact 0.843), held back through session 6 (0.892 and 0.845
		// at its end), opened for tuning at session 7's start; blind14 0.936
		// after ev8's first steps, 0.985 with ent8; blind15 0.864 at ev8's
		// unseen check and 0.848 at ent8's (EVAL.md), 0.915 after both, 0.951
		// with roles10, 0.953 with ent9, 0.961 with all of session 8 merged
		"blind14": 0.97, "blind15": 0.95,
		// session 8's blind19: first contact 0.889 (main 7d0df70); unseen
		// checks 0.889 (roles10, a4f375b; ent9, 1a59e78), 0.892 (ev9,
		// 6e75df1) and 0.899 (chrome10, 3ccd761); opened for tuning then;
		// 0.961 with all four branches merged
		"blind19": 0.975,
		// session 8's blind20, blind21 and blind22 (first contact 0.833, 0.871,
		// 0.863 at 7d0df70), held back through session 8 (0.837, 0.878, 0.881
		// at its stop, 03f35b9), opened for tuning at session 9's start;
		// blind21 0.881 and blind22 0.892 with roles11; 0.872, 0.883, 0.912
		// after ev11's event rules; ent11's entity rules merged on top
		"blind20": 0.895, "blind21": 0.90, "blind22": 0.94, // 0.883, 0.894, 0.928 all merged; 0.892, 0.895, 0.937 with ent12 (session 10)
		// held back through sessions 8-10 and opened for tuning at session 11's
		// start (main ecd9bcc): blind23 (first contact 0.899 at 7d0df70),
		// blind24, blind25 (0.892, 0.905 at 63e3cbc), blind28, blind29 (0.867,
		// 0.812 at 8ac2b3b); they stood at 0.907, 0.897, 0.895, 0.867, 0.812;
		// 0.916, 0.902, 0.895, 0.880, 0.821 with ev13's event rules; blind25
		// 0.904, blind29 0.859 with ent13's body rules
		"blind23": 0.91, "blind24": 0.895, "blind25": 0.90, "blind28": 0.875, "blind29": 0.855}
	for _, set := range articleDirs {
		t.Run(set.name, func(t *testing.T) {
			docs := extractDir(t, set.corpus)
			golds, _ := filepath.Glob(filepath.Join(set.gold, "*.json"))
			if len(golds) == 0 {
				t.Fatalf("no gold files in %s", set.gold)
			}
			nq := filepath.Join(t.TempDir(), "out.nq")
			var all []byte
			for _, b := range docs {
				all = append(all, b...)
			}
			if err := os.WriteFile(nq, all, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("python3", scorer(t), "--nquads", nq, "--gold", set.gold, "--diff").CombinedOutput()
			if err != nil {
				t.Fatalf("score.py: %v\n%s", err, out)
			}
			m := overallRe.FindSubmatch(out)
			if m == nil {
				t.Fatalf("no overall F1 in:\n%s", out)
			}
			f1, _ := strconv.ParseFloat(string(m[1]), 64)
			t.Logf("%s: overall F1 %.3f over %d articles", set.name, f1, len(golds))
			if f1 < floors[set.name] {
				t.Errorf("%s: overall F1 %.3f < %.2f\n%s", set.name, f1, floors[set.name], out)
			}
		})
	}
}

// TestExtractConcurrentSame: extractions running at once (as vnkg's workers
// run them, sharing the IRI cache, the emitter's maps and the token slices
// of the pools) give each article the quads one extraction alone gives it,
// however often a pooled slice or map has served another article. Run it
// under -race too.
func TestExtractConcurrentSame(t *testing.T) {
	x := newExtractor(t)
	var docs []extract.Document
	for _, set := range articleDirs[:4] {
		if err := extract.Walk([]string{set.corpus}, nil, func(doc extract.Document) error {
			docs = append(docs, doc)
			return nil
		}, func(err error) { t.Errorf("reading %s: %v", set.corpus, err) }); err != nil {
			t.Fatal(err)
		}
	}
	want := make([][]byte, len(docs))
	for i, doc := range docs {
		var b bytes.Buffer
		if err := vocab.WriteNQuads(&b, x.Extract(doc).Quads); err != nil {
			t.Fatal(err)
		}
		want[i] = b.Bytes()
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 2 * len(docs) {
				i := (k*7 + w*13) % len(docs) // each worker in its own order
				var b bytes.Buffer
				if err := vocab.WriteNQuads(&b, x.Extract(docs[i]).Quads); err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(b.Bytes(), want[i]) {
					t.Errorf("worker %d: %s differs from its extraction alone:\n%s", w, docs[i].ID, lineDiff(string(want[i]), b.String()))
					return
				}
			}
		}()
	}
	wg.Wait()
}
