package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/vnkg/vnkg/cmd/vnkg/internal/gizmoproc"
)

// TestMain lets testscript run this binary as the "vnkg" command.
func TestMain(m *testing.M) {
	gizmoproc.MaybeServe() // this binary re-executed as a query worker
	testscript.Main(m, map[string]func(){
		"vnkg": main,
	})
}

// TestScript runs the CLI scripts under testdata/script. Scripts see $CORPUS (the
// bundled seed articles), $OWN (the project's own test articles) and $REPO.
func TestScript(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("REPO", repo)
			e.Setenv("CORPUS", filepath.Join(repo, "data", "corpus"))
			e.Setenv("OWN", filepath.Join(repo, "extract", "testdata", "corpus"))
			e.Setenv("VNKG_DB", filepath.Join(e.WorkDir, "vnkg.db"))
			return nil
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "rapper":
				_, err := exec.LookPath("rapper")
				return err == nil, nil
			}
			return false, nil
		},
	})
}

// requireTool finds a tool that a test needs. Under CI (CI=true) it must be
// installed (.ci/run does), so a missing one fails the test; elsewhere the test
// is skipped with a note on what to install.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is needed for this test (apt-get install it; .ci/run does): %v", name, err)
		}
		t.Skipf("%s is not installed (bash .ci/run installs it): %v", name, err)
	}
	return p
}
