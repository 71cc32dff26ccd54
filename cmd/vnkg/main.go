// Command vnkg builds and queries a knowledge graph of Vietnamese defense-diplomacy
// news: it extracts people, ranks, positions, bodies, resolutions, plans and events
// from articles, stores them in Cayley, and answers Gizmo queries.
//
// Data goes to stdout, everything else to stderr. Exit status: 0 success, 1 error,
// 2 usage, 3 partial (output written, some inputs failed), 130 interrupted.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"syscall"

	"github.com/vnkg/vnkg/cmd/vnkg/internal/gizmoproc"
)

// Exit statuses, decided in one place (exitCode).
const (
	exitOK          = 0
	exitError       = 1
	exitUsage       = 2
	exitPartial     = 3
	exitInterrupted = 130
)

// errUsage marks a command-line mistake; errPartial marks output written while
// some inputs failed.
var (
	errUsage   = errors.New("usage")
	errPartial = errors.New("some inputs failed")
)

// env is what every command gets: its streams and the process-wide settings.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
	isTerminal     bool   // stderr is a terminal: progress may be shown
	gazetteerDir   string // --gazetteer: the user's own gazetteer files, "" for the embedded ones
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
	hidden  bool // not listed in the help (the completion scripts' helper)
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

func main() {
	gizmoproc.MaybeServe() // a query worker started by a Pool never returns from here
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole program, callable from tests.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	global := flag.NewFlagSet("vnkg", flag.ContinueOnError)
	global.SetOutput(stderr)
	verbose := global.Bool("v", false, "log more (debug level)")
	quiet := global.Bool("q", false, "log only errors")
	logFormat := global.String("log-format", "text", "log format: text or json")
	gazetteer := global.String("gazetteer", "", "read the gazetteer files from this `directory` instead of the built-in ones")
	version := global.Bool("version", false, "print the version (module version, VCS revision) and exit")
	// Help asked for goes to stdout (vnkg -h | less); a mistake gets a short
	// hint on stderr, not the whole page.
	global.Usage = func() {}
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout, global)
			return exitOK
		}
		fmt.Fprintln(stderr, "Run 'vnkg -h' for the commands and global flags.")
		return exitUsage
	}
	if *version {
		writeVersion(stdout)
		return exitOK
	}
	rest := global.Args()
	if len(rest) == 0 {
		fmt.Fprintln(stderr, "vnkg: missing COMMAND")
		fmt.Fprintln(stderr, "Run 'vnkg -h' for the commands and global flags.")
		return exitUsage
	}
	name := rest[0]
	if name == "help" {
		if len(rest) > 1 {
			if c, ok := commands[rest[1]]; ok {
				name, rest = c.name, []string{c.name, "-h"}
			}
		}
		if name == "help" {
			usage(stdout, global)
			return exitOK
		}
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "vnkg: unknown command %q%s\n", name, suggestCommand(name))
		fmt.Fprintln(stderr, "Run 'vnkg -h' for the commands.")
		return exitUsage
	}
	level := slog.LevelInfo
	switch {
	case *verbose:
		level = slog.LevelDebug
	case *quiet:
		level = slog.LevelError
	}
	var h slog.Handler
	switch *logFormat {
	case "json":
		h = slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: level})
	case "text":
		h = slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level})
	default:
		fmt.Fprintf(stderr, "vnkg: --log-format must be text or json, not %q\n", *logFormat)
		return exitUsage
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, log: slog.New(h), isTerminal: isTerminal(stderr), gazetteerDir: *gazetteer}
	err := cmd.run(ctx, e, rest[1:])
	return exitCode(ctx, stderr, name, err)
}

// exitCode reports err (unless it was already reported) and maps it to a status.
func exitCode(ctx context.Context, stderr io.Writer, name string, err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case ctx.Err() != nil || errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "vnkg %s: interrupted\n", name)
		return exitInterrupted
	case errors.Is(err, errUsage):
		if msg := strings.TrimPrefix(err.Error(), errUsage.Error()); strings.TrimSpace(strings.TrimPrefix(msg, ":")) != "" {
			fmt.Fprintf(stderr, "vnkg %s: %s\n", name, strings.TrimSpace(strings.TrimPrefix(msg, ":")))
		}
		return exitUsage
	case errors.Is(err, errPartial):
		fmt.Fprintf(stderr, "vnkg %s: %v\n", name, err)
		return exitPartial
	default:
		fmt.Fprintf(stderr, "vnkg %s: %v\n", name, err)
		return exitError
	}
}

func usage(w io.Writer, global *flag.FlagSet) {
	fmt.Fprintln(w, "vnkg builds and queries a knowledge graph of Vietnamese defense-diplomacy news.")
	fmt.Fprintln(w, "\nUsage: vnkg [global flags] COMMAND [flags] [args]")
	fmt.Fprintln(w, "\nGlobal flags (before the command):")
	global.SetOutput(w)
	global.PrintDefaults()
	fmt.Fprintln(w, "\nEnvironment: VNKG_DB names the store when --db is not given (default vnkg.db).")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	for n, c := range commands {
		if !c.hidden {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'vnkg COMMAND -h' (or 'vnkg help COMMAND') for a command's flags;")
	fmt.Fprintln(w, "'vnkg completion bash|zsh|fish' prints a shell completion script.")
	fmt.Fprintln(w, "\nExit status: 0 success, 1 error, 2 usage, 3 partial (output written, some inputs failed), 130 interrupted.")
}

// flagHelp holds each flag set's help page and where it goes when asked for
// (-h prints it to stdout); parseFlags reads it. Commands may run concurrently
// in tests, hence the sync.Map.
var flagHelp sync.Map // *flag.FlagSet → flagPage

type flagPage struct {
	name   string
	stdout io.Writer
	write  func(io.Writer)
}

// newFlags makes a command's flag set. Its help page goes to stdout when asked
// for (-h); a flag mistake prints the flag package's message and a one-line
// hint to stderr.
func newFlags(e *env, name, argsUsage, doc string) *flag.FlagSet {
	fs := flag.NewFlagSet("vnkg "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {}
	flagHelp.Store(fs, flagPage{name: name, stdout: e.stdout, write: func(w io.Writer) {
		fmt.Fprintf(w, "Usage: vnkg %s [flags] %s\n\n%s\n\nFlags:\n", name, argsUsage, doc)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(e.stderr)
	}})
	return fs
}

// missingArgs is the usage error of a command run without the arguments it
// needs: it says what is missing and where the help is.
func missingArgs(name, what string) error {
	return fmt.Errorf("%w: missing %s (run 'vnkg %s -h' for help)", errUsage, what, name)
}

// parseFlags parses args, turning flag errors into usage errors. Flags may follow
// positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			page, ok := flagHelp.Load(fs)
			if errors.Is(err, flag.ErrHelp) {
				if ok {
					p := page.(flagPage)
					p.write(p.stdout)
				}
				return nil, err
			}
			if ok {
				return nil, fmt.Errorf("%w: run 'vnkg %s -h' for its flags", errUsage, page.(flagPage).name)
			}
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// writeJSONLine writes v as one line of JSON (the --json summaries).
func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
