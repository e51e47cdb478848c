package injects

import (
	"fmt"
	"math"
	"strconv"

	"github.com/expr-lang/expr/ast"
)

// The lint finds branches an author wrote that play can never take: an
// ending, a choice, an inject or an action whose condition can never hold
// (ladder >= 9 on a four-rung ladder, trust > 100 on a 0-100 meter), and an
// ending tried after one that always holds. It also asks every ground to
// say what it covers. All its findings are warnings.

// truth is what can be known of a condition before play.
type truth uint8

const (
	maybe truth = iota
	never
	always
)

// lint reports the warnings above.
func (c *checker) lint() {
	s := c.s
	tried := "" // an earlier ending that always holds
	for _, en := range s.Endings {
		if en.If == nil {
			continue
		}
		what := "ending " + strconv.Quote(en.ID)
		switch t, why := c.truthOf(en.If); {
		case tried != "":
			c.warnf(en.If.Pos, CodeNeverHolds, "%s is never reached: ending %q, tried before it, always holds", what, tried)
		case t == never:
			c.warnf(en.If.Pos, CodeNeverHolds, "%s is never reached: its if: can never hold (%s)", what, why)
		case t == always:
			tried = en.ID
		}
	}
	for _, in := range s.Injects {
		if in.Trigger.Kind == When {
			if t, why := c.truthOf(in.Trigger.If); t == never {
				c.warnf(in.Trigger.Pos, CodeNeverHolds, "inject %q never fires: its when: can never hold (%s)", in.ID, why)
			}
		}
		for _, ch := range in.Choices {
			if t, why := c.truthOf(ch.If); t == never {
				c.warnf(ch.If.Pos, CodeNeverHolds, "choice %q of inject %q is never offered: its if: can never hold (%s)", ch.ID, in.ID, why)
			}
		}
	}
	for _, a := range s.Actions {
		if t, why := c.truthOf(a.If); t == never {
			c.warnf(a.If.Pos, CodeNeverHolds, "action %q is never possible: its if: can never hold (%s)", a.ID, why)
		}
	}
	for _, g := range s.Grounds {
		if g.Unbounded() && !c.shared[g.Pos.File] {
			c.warnf(g.Pos, CodeCoversAll, "ground %q covers every part of every request: say under covers: which matters, parts or flawed requests it answers", g.ID)
		}
	}
}

// truthOf says whether a compiled condition never or always holds, and why
// it never does.
func (c *checker) truthOf(cond *Condition) (truth, string) {
	if cond == nil || cond.program == nil {
		return maybe, ""
	}
	return c.truth(cond.program.Node())
}

func (c *checker) truth(n ast.Node) (truth, string) {
	switch n := n.(type) {
	case *ast.BoolNode:
		if n.Value {
			return always, ""
		}
		return never, "it is false"
	case *ast.UnaryNode:
		if n.Operator != "!" && n.Operator != "not" {
			return maybe, ""
		}
		switch t, _ := c.truth(n.Node); t {
		case never:
			return always, ""
		case always:
			return never, "it negates what always holds"
		}
	case *ast.BinaryNode:
		switch n.Operator {
		case "&&", "and":
			l, lwhy := c.truth(n.Left)
			r, rwhy := c.truth(n.Right)
			switch {
			case l == never:
				return never, lwhy
			case r == never:
				return never, rwhy
			case l == always && r == always:
				return always, ""
			}
		case "||", "or":
			l, lwhy := c.truth(n.Left)
			r, _ := c.truth(n.Right)
			switch {
			case l == always || r == always:
				return always, ""
			case l == never && r == never:
				return never, lwhy
			}
		default:
			return c.compare(n)
		}
	}
	return maybe, ""
}

// compare judges a comparison of a bounded number with a constant.
func (c *checker) compare(n *ast.BinaryNode) (truth, string) {
	op := n.Operator
	subject, k, ok := n.Left, n.Right, true
	if _, isInt := n.Left.(*ast.IntegerNode); isInt {
		subject, k = n.Right, n.Left
		op, ok = mirror[op]
	}
	lit, isInt := k.(*ast.IntegerNode)
	if !ok || !isInt {
		return maybe, ""
	}
	name, lo, hi, bounded := c.bounds(subject)
	if !bounded {
		return maybe, ""
	}
	v := lit.Value
	var no, yes bool
	switch op {
	case "<":
		no, yes = lo >= v, hi < v
	case "<=":
		no, yes = lo > v, hi <= v
	case ">":
		no, yes = hi <= v, lo > v
	case ">=":
		no, yes = hi < v, lo >= v
	case "==":
		no, yes = v < lo || v > hi, lo == v && hi == v
	case "!=":
		no, yes = lo == v && hi == v, v < lo || v > hi
	default:
		return maybe, ""
	}
	switch {
	case no:
		return never, fmt.Sprintf("%s is always %s", name, rangeWords(lo, hi))
	case yes:
		return always, ""
	}
	return maybe, ""
}

// mirror turns "c op x" into "x op' c".
var mirror = map[string]string{"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}

// bounds gives the range of values a name or builtin can take in play.
func (c *checker) bounds(n ast.Node) (name string, lo, hi int, ok bool) {
	s := c.s
	rungs := len(s.Hotline.Rungs) - 1
	switch n := n.(type) {
	case *ast.IdentifierNode:
		switch n.Value {
		case EnvLadder:
			return "ladder", 0, rungs, true
		case EnvHours:
			return "hours", 0, int(s.End.Hours()), s.End > 0
		case EnvDays:
			return "days", 0, int(s.End.Hours()) / 24, s.End > 0
		}
		if i, found := s.VariableIndex(n.Value); found && s.Variables[i].Meter() {
			return n.Value, s.Variables[i].Min, s.Variables[i].Max, true
		}
	case *ast.CallNode:
		id, isIdent := n.Callee.(*ast.IdentifierNode)
		if !isIdent || len(n.Arguments) != 1 {
			return "", 0, 0, false
		}
		call := id.Value + "(…)"
		if a, isText := n.Arguments[0].(*ast.StringNode); isText {
			call = id.Value + "(" + strconv.Quote(a.Value) + ")"
		}
		switch id.Value {
		case "escalation":
			return call, 0, rungs, true
		case "score":
			return call, -1, 100, true
		case "missed", "kept":
			return call, 0, math.MaxInt, true
		}
	}
	return "", 0, 0, false
}

func rangeWords(lo, hi int) string {
	switch {
	case lo == hi:
		return strconv.Itoa(lo)
	case hi == math.MaxInt:
		return fmt.Sprintf("%d or more", lo)
	}
	return fmt.Sprintf("between %d and %d", lo, hi)
}
