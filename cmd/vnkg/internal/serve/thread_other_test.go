//go:build !linux

package serve_test

import "time"

// threadCPU and threadSwitches are Linux's (thread_linux_test.go);
// elsewhere BenchmarkViewerStore reports zeros for them.
func threadCPU() time.Duration { return 0 }

func threadSwitches() int64 { return 0 }
