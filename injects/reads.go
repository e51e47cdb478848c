package injects

import (
	"slices"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
)

// Reads are the things of a scenario a condition reads by name: the
// variables it compares, and the ids it passes to fired, chose, taken,
// status, late, delivered and quality. A graph draws links from what sets
// them; a playtest that fails says what became of them.
type Reads struct {
	Variables, Injects, Requests, Actions []string
}

// Reads returns what the condition reads that the scenario declares, each
// once, in the order the condition names them.
func (c *Condition) Reads(s *Scenario) Reads {
	var r Reads
	if c == nil {
		return r
	}
	tree, err := parser.Parse(c.Source)
	if err != nil {
		return r // a condition that loaded parses; this one is not from a loaded scenario
	}
	add := func(list *[]string, id string) {
		if !slices.Contains(*list, id) {
			*list = append(*list, id)
		}
	}
	ast.Walk(&tree.Node, readsVisitor(func(n ast.Node) {
		switch n := n.(type) {
		case *ast.IdentifierNode:
			if _, ok := s.VariableIndex(n.Value); ok {
				add(&r.Variables, n.Value)
			}
		case *ast.CallNode:
			callee, ok := n.Callee.(*ast.IdentifierNode)
			if !ok || len(n.Arguments) == 0 {
				return
			}
			arg, ok := n.Arguments[0].(*ast.StringNode)
			if !ok {
				return
			}
			kinds := probeFuncs[callee.Value]
			if len(kinds) == 0 {
				return
			}
			switch kinds[0] {
			case "inject":
				add(&r.Injects, arg.Value)
			case "request":
				add(&r.Requests, arg.Value)
			case "action":
				add(&r.Actions, arg.Value)
			}
		}
	}))
	return r
}

type readsVisitor func(ast.Node)

func (v readsVisitor) Visit(n *ast.Node) { v(*n) }
