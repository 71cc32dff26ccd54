package graph

import (
	"fmt"
	"log/slog"
	"regexp"
	"sync"
	"sync/atomic"

	"github.com/cayleygraph/cayley/clog"
)

// setCayleyLogger routes Cayley's process-wide clog output to l at debug level.
// Cayley logs as errors things that vnkg handles (opening a store that already
// exists, for one), so nothing of it is worth more than debug; the errors that
// matter come back as values.
//
// clog's logger is one per process: it is installed once, and each Open only
// swaps the slog.Logger it writes to (atomically: stores may be opened
// concurrently), the last Open's logger winning.
func setCayleyLogger(l *slog.Logger) {
	cayleyLog.Store(l)
	installClog.Do(func() { clog.SetLogger(clogAdapter{}) })
}

var (
	cayleyLog   atomic.Pointer[slog.Logger]
	installClog sync.Once
)

type clogAdapter struct{}

func (clogAdapter) logger() *slog.Logger { return cayleyLog.Load() }

// Cayley's SQL backend logs the connection string it opens, password and
// all; every line of Cayley's goes through redactSecrets first.
var (
	urlPassword = regexp.MustCompile(`(://[^:/@\s]*:)[^@\s]*@`)
	dsnPassword = regexp.MustCompile(`(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s]+)`)
)

// redactSecrets hides the passwords of database URLs (postgres://u:p@h) and
// of key=value connection strings (password=p) in a log line.
func redactSecrets(msg string) string {
	msg = urlPassword.ReplaceAllString(msg, "${1}xxxxx@")
	return dsnPassword.ReplaceAllString(msg, "${1}xxxxx")
}

func (a clogAdapter) Infof(format string, args ...any) {
	a.logger().Debug(redactSecrets(fmt.Sprintf(format, args...)), "from", "cayley")
}

func (a clogAdapter) Warningf(format string, args ...any) {
	a.logger().Debug(redactSecrets(fmt.Sprintf(format, args...)), "from", "cayley", "cayley_level", "warning")
}

func (a clogAdapter) Errorf(format string, args ...any) {
	a.logger().Debug(redactSecrets(fmt.Sprintf(format, args...)), "from", "cayley", "cayley_level", "error")
}

// Fatalf is never called by the Cayley packages vnkg uses; should it be, it
// logs and panics rather than exiting behind the caller's back.
func (a clogAdapter) Fatalf(format string, args ...any) {
	msg := redactSecrets(fmt.Sprintf(format, args...))
	a.logger().Error(msg, "from", "cayley")
	panic("cayley: " + msg)
}

func (a clogAdapter) V(level int) bool { return false }
func (a clogAdapter) SetV(level int)   {}
