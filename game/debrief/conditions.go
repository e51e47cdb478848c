package debrief

import (
	"fmt"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"

	"hotline/injects"
)

// conditionWords says an inject file's condition in words, for the
// facilitator who reads the script rather than writes it: `score("cn") >=
// 0 && trust >= 55` becomes "China's score is 0 or more, and trust is 55
// or more". Names are the scenario's titles. A condition it cannot word is
// given as written.
func conditionWords(sc *injects.Scenario, c *injects.Condition) string {
	tree, err := parser.Parse(c.Source)
	if err != nil {
		return oneLine(c.Source)
	}
	w := worder{sc: sc}
	words := w.truth(tree.Node)
	if w.failed {
		return oneLine(c.Source)
	}
	return words
}

// worder words one condition; failed is set when a part of it has no
// words.
type worder struct {
	sc     *injects.Scenario
	failed bool
}

func (w *worder) fail() string {
	w.failed = true
	return ""
}

// truth words a node that is true or false.
func (w *worder) truth(n ast.Node) string {
	switch n := n.(type) {
	case *ast.BoolNode:
		if n.Value {
			return "always"
		}
		return "never"
	case *ast.BinaryNode:
		switch n.Operator {
		case "&&", "and":
			return w.joined(n, "and")
		case "||", "or":
			return w.joined(n, "or")
		case "==", "!=", "<", ">", "<=", ">=", "in", "not in":
			return w.compare(n.Operator, n.Left, n.Right)
		}
	case *ast.UnaryNode:
		if n.Operator == "!" || n.Operator == "not" {
			return w.negated(n.Node)
		}
	case *ast.CallNode:
		return w.fact(n, false)
	case *ast.IdentifierNode:
		if w.isVariable(n.Value) {
			return n.Value + " is true"
		}
	}
	return w.fail()
}

// joined words a run of the same connective as one list: "a, b and c";
// a list of alternatives inside another list reads "either a or b".
func (w *worder) joined(n *ast.BinaryNode, conj string) string {
	var terms []string
	var walk func(ast.Node)
	walk = func(x ast.Node) {
		if b, ok := x.(*ast.BinaryNode); ok && connective(b.Operator) == conj {
			walk(b.Left)
			walk(b.Right)
			return
		}
		t := w.truth(x)
		if b, ok := x.(*ast.BinaryNode); ok && connective(b.Operator) != "" {
			t = "either " + t
		}
		terms = append(terms, t)
	}
	walk(n)
	if len(terms) == 2 {
		return terms[0] + ", " + conj + " " + terms[1]
	}
	return strings.Join(terms[:len(terms)-1], ", ") + ", " + conj + " " + terms[len(terms)-1]
}

// truthy reports whether a node is true or false rather than a number.
func truthy(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.BoolNode:
		return true
	case *ast.UnaryNode:
		return n.Operator == "!" || n.Operator == "not"
	case *ast.BinaryNode:
		_, compares := inverse[n.Operator]
		return compares || connective(n.Operator) != ""
	case *ast.CallNode:
		if id, ok := n.Callee.(*ast.IdentifierNode); ok {
			switch id.Value {
			case "fired", "chose", "taken", "late", "delivered":
				return true
			}
		}
	}
	return false
}

// inverse is the comparison that holds when another does not.
var inverse = map[string]string{"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">", "in": "not in", "not in": "in"}

func connective(op string) string {
	switch op {
	case "&&", "and":
		return "and"
	case "||", "or":
		return "or"
	}
	return ""
}

// negated words "not" before what can say it itself.
func (w *worder) negated(n ast.Node) string {
	switch n := n.(type) {
	case *ast.CallNode:
		return w.fact(n, true)
	case *ast.IdentifierNode:
		if w.isVariable(n.Value) {
			return n.Value + " is false"
		}
	case *ast.BinaryNode:
		if not, ok := inverse[n.Operator]; ok {
			return w.compare(not, n.Left, n.Right)
		}
	}
	return "not (" + w.truth(n) + ")"
}

// fact words a call that is true or false: fired("x") and the like.
func (w *worder) fact(n *ast.CallNode, not bool) string {
	name, args := w.call(n)
	pick := func(yes, no string) string {
		if not {
			return no
		}
		return yes
	}
	switch {
	case name == "fired" && len(args) == 1:
		return w.inject(args[0]) + pick(" has arrived", " has not arrived")
	case name == "chose" && len(args) == 2:
		return w.choice(args[0], args[1]) + pick(" was chosen on ", " was not chosen on ") + w.inject(args[0])
	case name == "taken" && len(args) == 1:
		return w.action(args[0]) + pick(" has been taken", " has not been taken")
	case name == "late" && len(args) == 1:
		return "a part of " + w.request(args[0]) + pick(" is late", " is not late")
	case name == "delivered" && len(args) == 2:
		el := w.element(args[0], args[1])
		has := " has"
		if strings.HasSuffix(el, "s") {
			has = " have"
		}
		return "the " + el + " of " + w.request(args[0]) + has + pick(" been delivered", " not been delivered")
	}
	return w.fail()
}

// call returns a call's function name and its arguments, which must be
// written out as strings.
func (w *worder) call(n *ast.CallNode) (string, []string) {
	id, ok := n.Callee.(*ast.IdentifierNode)
	if !ok {
		w.fail()
		return "", nil
	}
	var args []string
	for _, a := range n.Arguments {
		s, ok := a.(*ast.StringNode)
		if !ok {
			w.fail()
			return "", nil
		}
		args = append(args, s.Value)
	}
	return id.Value, args
}

// compare words a comparison, saying the special subjects (a request's
// status, the ladder, a side's escalation) as a reader would.
func (w *worder) compare(op string, left, right ast.Node) string {
	if truthy(left) && truthy(right) {
		switch op {
		case "!=":
			return "exactly one of these holds: " + w.truth(left) + "; " + w.truth(right)
		case "==":
			return "both or neither of these hold: " + w.truth(left) + "; " + w.truth(right)
		}
	}
	if call, ok := left.(*ast.CallNode); ok {
		name, args := w.call(call)
		switch {
		case name == "status" && len(args) == 1:
			return w.request(args[0]) + " " + w.statusWords(op, right)
		case name == "quality" && len(args) == 2:
			return "the " + w.element(args[0], args[1]) + " of " + w.request(args[0]) + " " + w.isWords(op, w.strings(right), "delivered ")
		case name == "escalation" && len(args) == 1:
			if side, ok := injects.ParseSide(args[0]); ok {
				return side.Possessive() + " escalation " + w.rungWords(op, right)
			}
		}
	}
	if id, ok := left.(*ast.IdentifierNode); ok {
		switch id.Value {
		case injects.EnvLadder:
			return "the ladder " + w.rungWords(op, right)
		case injects.EnvRung:
			var titles []string
			for _, r := range w.strings(right) {
				titles = append(titles, "“"+w.rungTitle(r)+"”")
			}
			switch op {
			case "==", "in":
				return "the ladder is at " + orList(titles)
			case "!=", "not in":
				return "the ladder is not at " + orList(titles)
			}
			return w.fail()
		}
	}
	subject, value := w.value(left), w.value(right)
	switch op {
	case "==":
		return subject + " is " + value
	case "!=":
		return subject + " is not " + value
	case ">=":
		return subject + " is " + value + " or more"
	case "<=":
		return subject + " is " + value + " or less"
	case ">":
		return subject + " is more than " + value
	case "<":
		return subject + " is less than " + value
	}
	return w.fail()
}

// statusWords says what a comparison of a request's status asks.
func (w *worder) statusWords(op string, right ast.Node) string {
	statuses := w.strings(right)
	if len(statuses) == 1 && statuses[0] == injects.StatusUnopened {
		switch op {
		case "==":
			return "has not been sent"
		case "!=":
			return "has been sent"
		}
	}
	return w.isWords(op, statuses, "")
}

// isWords says "is a or b", "is not a".
func (w *worder) isWords(op string, values []string, verb string) string {
	if len(values) == 0 {
		return w.fail()
	}
	switch op {
	case "==", "in":
		return "is " + verb + orList(values)
	case "!=", "not in":
		return "is not " + verb + orList(values)
	}
	return w.fail()
}

// strings reads a string or a list of strings.
func (w *worder) strings(n ast.Node) []string {
	switch n := n.(type) {
	case *ast.StringNode:
		return []string{n.Value}
	case *ast.ArrayNode:
		var out []string
		for _, x := range n.Nodes {
			s, ok := x.(*ast.StringNode)
			if !ok {
				w.fail()
				return nil
			}
			out = append(out, s.Value)
		}
		return out
	}
	w.fail()
	return nil
}

// rungWords says a comparison with a rung by its number: the ladder's, or
// a side's escalation.
func (w *worder) rungWords(op string, right ast.Node) string {
	n, ok := right.(*ast.IntegerNode)
	if !ok {
		return w.fail()
	}
	at := "“" + w.rungTitle(n.Value) + "”"
	switch op {
	case "==":
		return "is at " + at
	case "!=":
		return "is not at " + at
	case ">=":
		return "is at " + at + " or above"
	case "<=":
		return "is at " + at + " or below"
	case ">":
		return "is above " + at
	case "<":
		return "is below " + at
	}
	return w.fail()
}

// rungTitle names a rung, by its id or its number.
func (w *worder) rungTitle(rung any) string {
	rungs := w.sc.Hotline.Rungs
	switch r := rung.(type) {
	case int:
		if r >= 0 && r < len(rungs) {
			return rungs[r].Title
		}
		return fmt.Sprintf("rung %d", r)
	case string:
		for _, x := range rungs {
			if x.ID == r {
				return x.Title
			}
		}
		return r
	}
	return fmt.Sprint(rung)
}

// value words a number: a variable, a count the state keeps, a sum.
func (w *worder) value(n ast.Node) string {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return fmt.Sprint(n.Value)
	case *ast.FloatNode:
		return fmt.Sprint(n.Value)
	case *ast.StringNode:
		return "“" + n.Value + "”"
	case *ast.BoolNode:
		return fmt.Sprint(n.Value)
	case *ast.IdentifierNode:
		switch n.Value {
		case injects.EnvHours:
			return "the story hours since the start"
		case injects.EnvDays:
			return "the story days since the start"
		}
		if w.isVariable(n.Value) {
			return n.Value
		}
	case *ast.BinaryNode:
		op := map[string]string{"+": "plus", "-": "minus", "*": "times", "/": "divided by"}[n.Operator]
		if op != "" {
			return w.value(n.Left) + " " + op + " " + w.value(n.Right)
		}
	case *ast.UnaryNode:
		if n.Operator == "-" {
			return "minus " + w.value(n.Node)
		}
	case *ast.CallNode:
		name, args := w.call(n)
		if len(args) == 1 {
			if side, ok := injects.ParseSide(args[0]); ok {
				switch name {
				case "score":
					return side.Possessive() + " score"
				case "missed":
					return "the calls " + the(side) + " left unanswered"
				case "kept":
					return "the commitments " + the(side) + " kept"
				case "escalation":
					return side.Possessive() + " escalation"
				}
			}
		}
	}
	return w.fail()
}

func (w *worder) isVariable(name string) bool {
	for _, v := range w.sc.Variables {
		if v.ID == name {
			return true
		}
	}
	return false
}

func (w *worder) inject(id string) string {
	if i, ok := w.sc.InjectIndex(id); ok {
		return "“" + oneLine(w.sc.Injects[i].Title) + "”"
	}
	return id
}

func (w *worder) choice(inject, choice string) string {
	if i, ok := w.sc.InjectIndex(inject); ok {
		if ch, ok := w.sc.Injects[i].Choice(choice); ok {
			return "“" + oneLine(ch.Label) + "”"
		}
	}
	return choice
}

func (w *worder) action(id string) string {
	if i, ok := w.sc.ActionIndex(id); ok {
		return "the action “" + oneLine(w.sc.Actions[i].Label) + "”"
	}
	return id
}

func (w *worder) request(id string) string {
	if i, ok := w.sc.RequestIndex(id); ok {
		return "the request “" + oneLine(w.sc.Requests[i].Subject) + "”"
	}
	return id
}

// element names a part of a request by what it is.
func (w *worder) element(request, element string) string {
	if i, ok := w.sc.RequestIndex(request); ok {
		for _, e := range w.sc.Requests[i].Elements {
			if e.ID == element {
				if e.Kind == injects.Update && e.ID != "update" {
					return e.Kind.Noun() + " " + strings.TrimPrefix(e.ID, "update-")
				}
				return e.Kind.Noun()
			}
		}
	}
	return element
}

// orList joins alternatives: "a", "a or b", "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
