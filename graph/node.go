package graph

import "github.com/cayleygraph/quad"

// QuadValue is n as Cayley's value.
func (n Node) QuadValue() quad.Value { return toQuadValue(n) }
