//go:build unix

package gizmoproc

import (
	"os/exec"
	"syscall"
)

// detach puts a worker in a process group of its own, so that the
// terminal's Ctrl-C (SIGINT to the foreground group) reaches only the
// parent, which then stops the query itself: the REPL says "interrupted"
// rather than reporting a crashed worker.
func detach(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }
