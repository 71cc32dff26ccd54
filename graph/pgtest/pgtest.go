// Package pgtest gives tests a real, empty PostgreSQL database: on the server
// named by $VNKG_TEST_POSTGRES_DSN (whose user may create databases), or else
// on a throwaway cluster started at first use with initdb and postgres from
// /usr/lib/postgresql/*/bin (or $PATH), in a temporary directory, listening on
// 127.0.0.1 at a free port. Run the tests through Main so that the cluster is
// stopped at the end; should the test binary die, the server is killed with
// it. As root, the server runs as the "postgres" user, since PostgreSQL
// refuses to run as root.
package pgtest

import (
	"bytes"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/lib/pq" // the driver of Cayley's postgres backend
)

// EnvDSN names an existing server to use instead of a throwaway cluster.
const EnvDSN = "VNKG_TEST_POSTGRES_DSN"

// shared is the throwaway cluster, started at the first Database call after
// the start of the tests or the last Stop.
var shared struct {
	mu   sync.Mutex
	dsn  string
	skip string // why there is no server
	stop func()
}

// Main runs the tests and then stops the cluster if one was started; use it
// as os.Exit(pgtest.Main(m.Run)) in TestMain.
func Main(run func() int) int {
	code := run()
	Stop()
	return code
}

// Stop stops the throwaway cluster, if any; a later Database starts another.
// A test package whose TestMain does not use Main can call it in a Cleanup.
func Stop() {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.stop != nil {
		shared.stop()
	}
	shared.dsn, shared.skip, shared.stop = "", "", nil
}

// server returns the throwaway cluster's admin URL, starting it if needed.
func server() (dsn, skip string, err error) {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.dsn == "" && shared.skip == "" {
		dsn, skip, stop, err := startCluster()
		if err != nil {
			return "", "", err
		}
		shared.dsn, shared.skip, shared.stop = dsn, skip, stop
	}
	return shared.dsn, shared.skip, nil
}

// Database returns the URL of a new, empty database, dropped at the end of
// the test. The test is skipped when there is neither $VNKG_TEST_POSTGRES_DSN
// nor a PostgreSQL installation.
func Database(t testing.TB) string {
	t.Helper()
	admin := os.Getenv(EnvDSN)
	if admin == "" {
		dsn, skip, err := server()
		if err != nil {
			t.Fatalf("pgtest: %v", err)
		}
		if skip != "" {
			t.Skip("pgtest: " + skip)
		}
		admin = dsn
	}
	name := "vnkg_test_" + randomHex(6)
	db, err := sql.Open("postgres", admin)
	if err != nil {
		t.Fatalf("pgtest: connecting to %s: %v", redact(admin), err)
	}
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		db.Close()
		t.Fatalf("pgtest: creating a database on %s (the user needs CREATEDB): %v", redact(admin), err)
	}
	t.Cleanup(func() {
		defer db.Close()
		if _, err := db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Logf("pgtest: dropping %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("pgtest: %s is not a URL: %v", redact(admin), err)
	}
	u.Path = "/" + name
	return u.String()
}

// binDir finds the directory holding initdb and postgres, newest first.
func binDir() string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if isExec(filepath.Join(d, "initdb")) && isExec(filepath.Join(d, "postgres")) {
			return d
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		d := filepath.Dir(p)
		if isExec(filepath.Join(d, "postgres")) {
			return d
		}
	}
	return ""
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func isExec(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0
}

// startCluster initializes and starts a cluster, returning its admin URL and
// how to stop it, or why there is none.
func startCluster() (dsn, skip string, stop func(), err error) {
	bin := binDir()
	if bin == "" {
		return "", "no PostgreSQL (initdb, postgres) found and $" + EnvDSN + " unset", nil, nil
	}
	// Not a t.TempDir: its parent is private to this user, and the server may
	// run as another.
	dir, err := os.MkdirTemp("", "vnkg-pg-")
	if err != nil {
		return "", "", nil, err
	}
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return "", "running as root and there is no postgres user to run the server", nil, nil
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return "", "", nil, err
		}
	}
	data := filepath.Join(dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres",
		"-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return "", "", nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	port, err := freePort()
	if err != nil {
		os.RemoveAll(dir)
		return "", "", nil, err
	}
	var log bytes.Buffer
	server := exec.Command(filepath.Join(bin, "postgres"), "-D", data,
		"-c", "listen_addresses=127.0.0.1", "-p", strconv.Itoa(port), "-k", dir,
		"-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off")
	server.Stdout, server.Stderr = &log, &log
	// Pdeathsig kills the server with the thread that started it, so the
	// thread is locked to a goroutine that lives as long as the server.
	started, exited := make(chan error, 1), make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		server.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGKILL}
		if err := server.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		exited <- server.Wait()
	}()
	if err := <-started; err != nil {
		os.RemoveAll(dir)
		return "", "", nil, fmt.Errorf("starting postgres: %w", err)
	}
	stop = func() {
		server.Process.Signal(syscall.SIGQUIT) // immediate shutdown
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			server.Process.Kill()
			<-exited
		}
		// The server's children may still be going away, files and all.
		for range 100 {
			if os.RemoveAll(dir) == nil {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	dsn = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable&connect_timeout=10", port)
	if err := waitReady(dsn, exited); err != nil {
		stop()
		return "", "", nil, fmt.Errorf("%w\n%s", err, log.String())
	}
	return dsn, "", stop, nil
}

// waitReady polls the server until it accepts a query.
func waitReady(dsn string, exited <-chan error) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	deadline := time.Now().Add(60 * time.Second)
	for {
		err = db.Ping()
		if err == nil {
			return nil
		}
		select {
		case werr := <-exited:
			return fmt.Errorf("postgres exited: %v", werr)
		default:
		}
		if time.Now().After(deadline) {
			return errors.New("postgres did not start within 60s: " + err.Error())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil {
		return u.Redacted()
	}
	return "the server"
}
