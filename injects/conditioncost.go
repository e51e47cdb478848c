package injects

import (
	"fmt"
	"io"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser/lexer"
)

// A condition is run whenever what it reads changes, for as long as the
// exercise lasts, and it is written by whoever wrote the file. Its cost is
// therefore bounded when the file loads, from its text alone: how long it
// is, how deeply it nests (the parser recurses once a level), which
// functions it calls, the largest text it can build and the work one run
// can do. What could exceed a bound is refused, at its place; what is
// accepted cannot.
const (
	// maxConditionLength is the longest condition, in bytes.
	maxConditionLength = 4096
	// maxConditionDepth is how deeply brackets and prefix operators
	// (!, not, -) may nest.
	maxConditionDepth = 32
	// maxConditionText is the longest text a condition may build, in
	// bytes: replace(), upper() and + make text from text.
	maxConditionText = 4096
	// maxConditionWork bounds one run of a condition: roughly the bytes
	// its operations read and write, summed over the operations.
	maxConditionWork = 100_000
)

// conditionFuncs are the functions of the expr language a condition may
// call besides the probes (fired, status, score...): each is a function of
// its arguments alone, and the size of what it gives follows from theirs.
// The value is how large the result can be given the sizes of the
// arguments; the result's own bytes count as work.
var conditionFuncs = map[string]func(args []int) int{
	"len": fixed, "abs": fixed, "ceil": fixed, "floor": fixed, "round": fixed, "int": fixed, "float": fixed,
	"max": fixed, "min": fixed, "indexOf": fixed, "lastIndexOf": fixed, "hasPrefix": fixed, "hasSuffix": fixed,
	"string": func(a []int) int { return 2*sum(a) + 32 },
	// Upper and lower case may take more bytes than the text had (ȿ→Ȿ).
	"upper": func(a []int) int { return 2 * sum(a) },
	"lower": func(a []int) int { return 2 * sum(a) },
	"trim":  first, "trimPrefix": first, "trimSuffix": first,
	// replace(s, old, new) puts new in at most len(s)+1 places (old may
	// be empty).
	"replace": func(a []int) int {
		if len(a) < 3 {
			return sum(a)
		}
		return a[0] + (a[0]+1)*a[2]
	},
}

func fixed([]int) int   { return scalarSize }
func first(a []int) int { return a[0] }

func sum(a []int) int {
	t := 0
	for _, v := range a {
		t = capped(t + v)
	}
	return t
}

// scalarSize is what a number, a truth value or a probe's answer counts.
const scalarSize = 16

// capped keeps the sums of a hostile condition from overflowing.
func capped(n int) int { return min(n, 1<<40) }

// readsTheWorld are the functions that read the computer rather than the
// story: the clock, and the machine's time zones.
var readsTheWorld = []string{"now", "date", "timezone", "duration"}

// loops are the functions that walk lists, and so loop.
var loops = []string{"all", "none", "any", "one", "filter", "map", "count", "sum", "find", "findIndex",
	"findLast", "findLastIndex", "groupBy", "sortBy", "reduce", "repeat", "sort"}

// callable says where the functions a condition may call are listed: the
// list is too long for a finding.
const callable = `the functions a condition may call are listed under "conditions" in docs/inject-format.md`

// shape refuses a condition too long or too deeply nested to parse safely,
// before the parser sees it: the parser recurses once a level, so that
// 700,000 "!" would overflow its stack.
func shape(src string) error {
	if len(src) > maxConditionLength {
		return &file.Error{Message: fmt.Sprintf("the condition is %d bytes long; a condition may be at most %d", len(src), maxConditionLength)}
	}
	lx := lexer.New()
	lx.Reset(file.NewSource(src))
	var stack []int
	base, run := 0, 0
	operand := true // the next token starts an operand
	for {
		t, err := lx.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return nil // the parser words the lexer's errors
		}
		switch {
		case t.Kind == lexer.Bracket && strings.Contains("([{", t.Value):
			stack = append(stack, base)
			base, run, operand = base+run+1, 0, true
		case t.Kind == lexer.Bracket:
			if len(stack) > 0 {
				base, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
			run, operand = 0, false
		case t.Kind == lexer.Operator && operand && (t.Value == "!" || t.Value == "not" || t.Value == "-" || t.Value == "+"):
			run++
		case t.Kind == lexer.Operator:
			run, operand = 0, t.Value != "."
		default:
			run, operand = 0, false
		}
		if base+run > maxConditionDepth {
			return &file.Error{Location: t.Location, Message: fmt.Sprintf("the condition nests more than %d deep (brackets and !, not or - in a row); write it flatter", maxConditionDepth)}
		}
	}
}

// cost is what a condition's node may cost when it runs: the largest value
// it can give, in bytes, and the work of giving it.
type cost struct{ size, work int }

// costOf measures the tree of a type-checked condition, refusing what a
// condition may not do: loop, call a function not in conditionFuncs, read
// the world, or build text or do work beyond the bounds.
func (c *compiler) costOf(n ast.Node) (cost, error) {
	refuse := func(format string, args ...any) (cost, error) {
		return cost{}, &file.Error{Location: n.Location(), Message: fmt.Sprintf(format, args...)}
	}
	var kids []cost
	measure := func(nodes ...ast.Node) error {
		for _, k := range nodes {
			if k == nil {
				continue
			}
			kc, err := c.costOf(k)
			if err != nil {
				return err
			}
			kids = append(kids, kc)
		}
		return nil
	}
	work := func() int {
		w := 0
		for _, k := range kids {
			w = capped(w + k.work + k.size)
		}
		return w
	}
	var out cost
	switch n := n.(type) {
	case *ast.NilNode, *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		out = cost{scalarSize, 1}
	case *ast.StringNode:
		out = cost{len(n.Value), 1}
	case *ast.BytesNode:
		out = cost{len(n.Value), 1}
	case *ast.IdentifierNode:
		switch {
		case n.Value == EnvRung:
			out = cost{c.longestRung, 1}
		case strings.HasPrefix(n.Value, "$"):
			return refuse("%s cannot be used in a condition; name variables and functions directly", n.Value)
		default:
			out = cost{scalarSize, 1}
		}
	case *ast.UnaryNode:
		if err := measure(n.Node); err != nil {
			return cost{}, err
		}
		out = cost{kids[0].size, work()}
	case *ast.BinaryNode:
		switch n.Operator {
		case "..":
			return refuse("a range (a..b) cannot be used in a condition: conditions compare values, they do not loop; write the comparisons out")
		case "matches":
			return refuse("matches cannot be used in a condition: compare with ==, in, contains, startsWith or endsWith")
		}
		if err := measure(n.Left, n.Right); err != nil {
			return cost{}, err
		}
		out = cost{scalarSize, work()}
		switch n.Operator {
		case "+":
			out.size = capped(kids[0].size + kids[1].size)
		case "??":
			out.size = max(kids[0].size, kids[1].size)
		}
	case *ast.ConditionalNode:
		if err := measure(n.Cond, n.Exp1, n.Exp2); err != nil {
			return cost{}, err
		}
		out = cost{max(kids[1].size, kids[2].size), work()}
	case *ast.ArrayNode:
		if err := measure(n.Nodes...); err != nil {
			return cost{}, err
		}
		out = cost{work(), work()}
	case *ast.MapNode:
		if err := measure(n.Pairs...); err != nil {
			return cost{}, err
		}
		out = cost{work(), work()}
	case *ast.PairNode:
		if err := measure(n.Key, n.Value); err != nil {
			return cost{}, err
		}
		out = cost{work(), work()}
	case *ast.MemberNode:
		if err := measure(n.Node, n.Property); err != nil {
			return cost{}, err
		}
		out = cost{kids[0].size, work()}
	case *ast.SliceNode:
		if err := measure(n.Node, n.From, n.To); err != nil {
			return cost{}, err
		}
		out = cost{kids[0].size, work()}
	case *ast.ChainNode:
		if err := measure(n.Node); err != nil {
			return cost{}, err
		}
		out = kids[0]
	case *ast.CallNode:
		if err := measure(n.Callee); err != nil {
			return cost{}, err // now().Year() is refused for now()
		}
		if id, ok := n.Callee.(*ast.IdentifierNode); !ok || probeFuncs[id.Value] == nil {
			return refuse("this cannot be called in a condition; %s", callable)
		}
		kids = kids[:0]
		if err := measure(n.Arguments...); err != nil {
			return cost{}, err
		}
		out = cost{scalarSize, work() + scalarSize}
	case *ast.BuiltinNode:
		switch {
		case contains(readsTheWorld, n.Name):
			return refuse("%s() cannot be used in a condition: a condition reads the story, not the computer's clock or settings; story time is hours and days", n.Name)
		case contains(loops, n.Name):
			return refuse("%s() cannot be used in a condition: conditions compare values, they do not loop; write the comparisons out", n.Name)
		case conditionFuncs[n.Name] == nil:
			return refuse("%s() cannot be used in a condition; %s", n.Name, callable)
		}
		if err := measure(n.Arguments...); err != nil {
			return cost{}, err
		}
		sizes := make([]int, len(kids))
		for i, k := range kids {
			sizes[i] = k.size
		}
		size := capped(conditionFuncs[n.Name](sizes))
		out = cost{size, capped(work() + size)}
	case *ast.PredicateNode, *ast.PointerNode, *ast.VariableDeclaratorNode:
		return refuse("a loop or a let cannot be used in a condition: conditions compare values, they do not loop; write the comparisons out")
	default:
		return refuse("this cannot be used in a condition: conditions compare values")
	}
	switch {
	case out.size > maxConditionText:
		return refuse("this part can build text of %s bytes; a condition may build at most %d", bytesWords(out.size), maxConditionText)
	case out.work > maxConditionWork:
		return refuse("the condition can take %s steps to run; a condition may take at most %d", bytesWords(out.work), maxConditionWork)
	}
	return out, nil
}

// bytesWords writes a large count in round words.
func bytesWords(n int) string {
	if n >= 1<<40 {
		return "more than a trillion"
	}
	return expandedWords(n)
}
