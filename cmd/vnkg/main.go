// Command vnkg builds and queries a knowledge graph of Vietnamese defense-diplomacy
// news: it extracts people, ranks, positions, bodies, resolutions, plans and events
// from articles, stores them in Cayley, and answers Gizmo queries.
//
// Data goes to stdout, everything else to stderr. Exit status: 0 success, 1 error,
// 2 usage, 3 partial (output written, some inputs failed), 130 interrupted.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
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
	global.Usage = func() { usage(stderr) }
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	rest := global.Args()
	if len(rest) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := rest[0]
	if name == "help" || name == "-h" || name == "--help" {
		usage(stdout)
		return exitOK
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "vnkg: unknown command %q\n\n", name)
		usage(stderr)
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

func usage(w io.Writer) {
	fmt.Fprintln(w, "vnkg builds and queries a knowledge graph of Vietnamese defense-diplomacy news.")
	fmt.Fprintln(w, "\nUsage: vnkg [-v|-q] [--log-format text|json] [--gazetteer DIR] COMMAND [flags] [args]")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'vnkg COMMAND -h' for a command's flags.")
	fmt.Fprintln(w, "\nExit status: 0 success, 1 error, 2 usage, 3 partial (output written, some inputs failed), 130 interrupted.")
}

// newFlags makes a command's flag set, printing its help to stderr.
func newFlags(e *env, name, argsUsage, doc string) *flag.FlagSet {
	fs := flag.NewFlagSet("vnkg "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: vnkg %s [flags] %s\n\n%s\n\nFlags:\n", name, argsUsage, doc)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors. Flags may follow
// positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
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
