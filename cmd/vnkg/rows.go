package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/vnkg/vnkg/graph"
)

// tableChunk is how many rows a table holds back to align its columns: a
// result that fits is printed exactly as graph.Results.WriteTable prints it;
// a longer one is aligned by its first tableChunk rows and then streamed.
const tableChunk = 1000

// rowWriter prints a query's rows as they come, as a table or as JSON, so
// that a query with millions of results does not hold them in memory.
type rowWriter struct {
	w         *bufio.Writer
	asJSON    bool
	preferred []string
	n         int // rows written or held

	held    []graph.Result // the table's first rows, until tableChunk
	cols    []string       // once the table streams
	widths  []int
	jsonBuf bytes.Buffer
	lineBuf []byte // a table line being written
}

func newRowWriter(w io.Writer, preferred []string, asJSON bool) *rowWriter {
	return &rowWriter{w: bufio.NewWriterSize(w, 64<<10), asJSON: asJSON, preferred: preferred}
}

// add writes (or holds) one row.
func (rw *rowWriter) add(r graph.Result) error {
	rw.n++
	if rw.asJSON {
		if rw.n == 1 {
			rw.w.WriteString("[")
		} else {
			rw.w.WriteString(",")
		}
		rw.w.WriteString("\n")
		rw.jsonBuf.Reset()
		enc := json.NewEncoder(&rw.jsonBuf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			return err
		}
		rw.w.Write(bytes.TrimRight(rw.jsonBuf.Bytes(), "\n"))
		return rw.flushIfFull()
	}
	if rw.cols == nil {
		rw.held = append(rw.held, r)
		if len(rw.held) < tableChunk {
			return nil
		}
		rw.startTable()
		return rw.flushIfFull()
	}
	rw.line(r)
	return rw.flushIfFull()
}

// flushIfFull passes on what the buffer holds once it is nearly full, so
// that a closed stdout (vnkg query … | head) stops the query soon.
func (rw *rowWriter) flushIfFull() error {
	if rw.w.Buffered() > rw.w.Size()/2 {
		return rw.w.Flush()
	}
	return nil
}

// startTable writes the header and the held rows, aligned by them.
func (rw *rowWriter) startTable() {
	res := graph.Results{Rows: rw.held}
	rw.cols = res.Columns(rw.preferred)
	rw.widths = make([]int, len(rw.cols))
	for i, c := range rw.cols {
		rw.widths[i] = graph.DisplayWidth(c)
	}
	// Each held row's cells once: for the widths, then written.
	lines := make([][]string, len(rw.held))
	extras := make([][]string, len(rw.held))
	for j, r := range rw.held {
		lines[j], extras[j] = rw.rowCells(r)
		for i, c := range lines[j] {
			rw.widths[i] = max(rw.widths[i], graph.DisplayWidth(c))
		}
	}
	rule := make([]string, len(rw.cols))
	for i := range rule {
		rule[i] = strings.Repeat("-", rw.widths[i])
	}
	rw.cells(rw.cols, nil)
	rw.cells(rule, nil)
	for j := range lines {
		rw.cells(lines[j], extras[j])
	}
	rw.held = nil
}

func fields(r graph.Result) map[string]any {
	f, ok := r.Fields()
	if !ok {
		f = map[string]any{"value": r.Value}
	}
	return f
}

// line writes one row of a streaming table.
func (rw *rowWriter) line(r graph.Result) {
	cells, extra := rw.rowCells(r)
	rw.cells(cells, extra)
}

// rowCells is a row's cells in the table's columns; fields that the first
// rows did not have follow as name=value, sorted.
func (rw *rowWriter) rowCells(r graph.Result) (cells, extra []string) {
	f := fields(r)
	cells = make([]string, len(rw.cols))
	present := 0
	for i, c := range rw.cols {
		v, ok := f[c]
		if ok {
			present++
		}
		cells[i] = graph.Cell(v)
	}
	if present == len(f) {
		return cells, nil
	}
	for k, v := range f {
		if !slices.Contains(rw.cols, k) {
			extra = append(extra, k+"="+graph.Cell(v))
		}
	}
	sort.Strings(extra)
	return cells, extra
}

// spaces pads cells (a longer pad is written in pieces).
const spaces = "                                                                "

func (rw *rowWriter) cells(cells, extra []string) {
	b := rw.lineBuf[:0]
	for i, c := range cells {
		b = append(b, c...)
		if i < len(cells)-1 {
			for pad := max(rw.widths[i]-graph.DisplayWidth(c), 0) + 2; pad > 0; pad -= len(spaces) {
				b = append(b, spaces[:min(pad, len(spaces))]...)
			}
		}
	}
	for _, x := range extra {
		b = append(b, "  "...)
		b = append(b, x...)
	}
	b = bytes.TrimRight(b, " ")
	rw.w.Write(b)
	rw.w.WriteByte('\n')
	rw.lineBuf = b
}

// finish writes what is held and the script's last value.
func (rw *rowWriter) finish(last any) error {
	switch {
	case rw.asJSON && rw.n > 0:
		rw.w.WriteString("\n]\n")
	case rw.asJSON:
		if err := (graph.Results{Last: last}).WriteJSON(rw.w); err != nil {
			return err
		}
	case rw.cols == nil:
		if err := (graph.Results{Rows: rw.held, Last: last}).WriteTable(rw.w, rw.preferred); err != nil {
			return err
		}
		rw.held = nil
	case last != nil:
		rw.w.WriteString(graph.Cell(last))
		rw.w.WriteByte('\n')
	}
	return rw.w.Flush()
}
