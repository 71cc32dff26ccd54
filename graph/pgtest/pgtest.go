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

var shared struct {
	once   sync.Once
	dsn    string
	skip   string // why there is no server
	err    error
	stop   func()
	stopMu sync.Mutex
}

// Main runs the tests and then stops the cluster if one was started; use it
// as os.Exit(pgtest.Main(m.Run)) in TestMain.
func Main(run func() int) int {
	code := run()
	Stop()
	return code
}

// Stop stops the throwaway cluster, if any.
func Stop() {
	shared.stopMu.Lock()
	defer shared.stopMu.Unlock()
	if shared.stop != nil {
		shared.stop()
		shared.stop = nil
	}
}

// Database returns the URL of a new, empty database, dropped at the end of
// the test. The test is skipped when there is neither $VNKG_TEST_POSTGRES_DSN
// nor a PostgreSQL installation.
func Database(t testing.TB) string {
	t.Helper()
	server := os.Getenv(EnvDSN)
	if server == "" {
		shared.once.Do(func() { shared.dsn, shared.skip, shared.err = startCluster() })
		if shared.skip != "" {
			t.Skip("pgtest: " + shared.skip)
		}
		if shared.err != nil {
			t.Fatalf("pgtest: %v", shared.err)
		}
		server = shared.dsn
	}
	name := "vnkg_test_" + randomHex(6)
	admin, err := sql.Open("postgres", server)
	if err != nil {
		t.Fatalf("pgtest: connecting to %s: %v", redact(server), err)
	}
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatalf("pgtest: creating a database on %s (the user needs CREATEDB): %v", redact(server), err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Logf("pgtest: dropping %s: %v", name, err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("pgtest: %s is not a URL: %v", redact(server), err)
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

// startCluster initializes and starts a cluster, returning its admin URL, or
// why there is none.
func startCluster() (dsn, skip string, err error) {
	bin := binDir()
	if bin == "" {
		return "", "no PostgreSQL (initdb, postgres) found and $" + EnvDSN + " unset", nil
	}
	// Not a t.TempDir: its parent is private to this user, and the server may
	// run as another.
	dir, err := os.MkdirTemp("", "vnkg-pg-")
	if err != nil {
		return "", "", err
	}
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return "", "running as root and there is no postgres user to run the server", nil
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return "", "", err
		}
	}
	data := filepath.Join(dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres",
		"-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return "", "", fmt.Errorf("initdb: %v\n%s", err, out)
	}
	port, err := freePort()
	if err != nil {
		os.RemoveAll(dir)
		return "", "", err
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
		return "", "", fmt.Errorf("starting postgres: %w", err)
	}
	stop := func() {
		server.Process.Signal(syscall.SIGQUIT) // immediate shutdown
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			server.Process.Kill()
			<-exited
		}
		os.RemoveAll(dir)
	}
	dsn = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable&connect_timeout=10", port)
	if err := waitReady(dsn, exited); err != nil {
		stop()
		return "", "", fmt.Errorf("%w\n%s", err, log.String())
	}
	shared.stopMu.Lock()
	shared.stop = stop
	shared.stopMu.Unlock()
	return dsn, "", nil
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
