//go:build !unix

package gizmoproc

import "os/exec"

func detach(*exec.Cmd) {}
