package graph

import (
	"fmt"
	"log/slog"
	"regexp"

	"github.com/cayleygraph/cayley/clog"
)

// setCayleyLogger routes Cayley's process-wide clog output to l at debug level.
// Cayley logs as errors things that vnkg handles (opening a store that already
// exists, for one), so nothing of it is worth more than debug; the errors that
// matter come back as values.
func setCayleyLogger(l *slog.Logger) {
	clog.SetLogger(clogAdapter{l})
}

type clogAdapter struct{ l *slog.Logger }

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
	a.l.Debug(redactSecrets(fmt.Sprintf(format, args...)), "from", "cayley")
}

func (a clogAdapter) Warningf(format string, args ...any) {
	a.l.Debug(redactSecrets(fmt.Sprintf(format, args...)), "from", "cayley", "cayley_level", "warning")
}

func (a clogAdapter) Errorf(format string, args ...any) {
	a.l.Debug(redactSecrets(fmt.Sprintf(format, args...)), "from", "cayley", "cayley_level", "error")
}

// Fatalf is never called by the Cayley packages vnkg uses; should it be, it
// logs and panics rather than exiting behind the caller's back.
func (a clogAdapter) Fatalf(format string, args ...any) {
	msg := redactSecrets(fmt.Sprintf(format, args...))
	a.l.Error(msg, "from", "cayley")
	panic("cayley: " + msg)
}

func (a clogAdapter) V(level int) bool { return false }
func (a clogAdapter) SetV(level int)   {}
