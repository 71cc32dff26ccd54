package graph_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/url"
	"strings"
	"testing"

	"github.com/vnkg/vnkg/graph"
	"github.com/vnkg/vnkg/graph/pgtest"
)

// TestDebugLogHidesPassword opens a PostgreSQL database that is not there,
// through a URL with a password, at debug level: Cayley logs the URL it could
// not open, and neither that line nor the error may show the password.
func TestDebugLogHidesPassword(t *testing.T) {
	dsn := pgtest.Database(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	const secret = "s3cret-Pa55word"
	user := "postgres"
	if u.User != nil {
		user = u.User.Username()
	}
	u.User = url.UserPassword(user, secret)
	u.Path = "/vnkg_no_such_database"
	var logs bytes.Buffer
	l := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	// Read-only, the open goes straight to Cayley's SQL store, which logs.
	s, err := graph.Open(context.Background(), u.String(), graph.WithLogger(l), graph.ReadOnly())
	if err == nil {
		s.Close()
		t.Fatal("opened a database that does not exist")
	}
	if !strings.Contains(logs.String(), "from=cayley") {
		t.Fatalf("no Cayley log line at debug level; the test would prove nothing:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), secret) {
		t.Errorf("the password is in the log:\n%s", logs.String())
	}
	if strings.Contains(err.Error(), secret) {
		t.Errorf("the password is in the error: %v", err)
	}
	// For writing, vnkg connects first (to create the tables under a lock).
	if _, err := graph.Open(context.Background(), u.String(), graph.WithLogger(l)); err == nil {
		t.Fatal("opened a database that does not exist")
	} else if strings.Contains(err.Error(), secret) || strings.Contains(logs.String(), secret) {
		t.Errorf("the password is in the error or the log: %v\n%s", err, logs.String())
	}
}
