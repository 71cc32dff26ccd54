package main

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progress is a status line on stderr ("120/300 articles, 85/s"), redrawn at
// most every interval, shown only when stderr is a terminal. Messages for
// stderr go through it (it is an io.Writer) so that they do not land in the
// middle of the line.
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	on       bool
	start    time.Time
	last     time.Time
	interval time.Duration
	line     string
}

func newProgress(e *env) *progress {
	return &progress{w: e.stderr, on: e.isTerminal, start: time.Now(), interval: 200 * time.Millisecond}
}

// update shows done of the known articles (known grows as inputs are read).
func (p *progress) update(done, known int) {
	if !p.on {
		return
	}
	rate := float64(done) / time.Since(p.start).Seconds()
	p.status(fmt.Sprintf("%d/%d articles, %.0f/s", done, known, rate))
}

// Write writes a message on a line of its own, then redraws the status.
func (p *progress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on && p.line != "" {
		io.WriteString(p.w, "\r\033[K")
	}
	n, err := p.w.Write(b)
	if p.on && p.line != "" {
		io.WriteString(p.w, p.line)
	}
	return n, err
}

// finish clears the status line.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on && p.line != "" {
		io.WriteString(p.w, "\r\033[K")
		p.line = ""
	}
}

// status shows line as the status (throttled as update).
func (p *progress) status(line string) {
	if p == nil || !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.last) < p.interval {
		return
	}
	p.last = now
	p.line = line
	fmt.Fprintf(p.w, "\r\033[K%s", p.line)
}
