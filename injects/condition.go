package injects

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	exprchecker "github.com/expr-lang/expr/checker"
	exprcompiler "github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/optimizer"
	"github.com/expr-lang/expr/vm"
	"go.yaml.in/yaml/v4"
)

// Condition is an expr-lang expression over the scenario's variables and
// the state of play, compiled and type-checked when the file loads.
type Condition struct {
	Source  string
	Pos     Pos
	program *vm.Program
	deps    Deps
	// The requests the condition asks about by name; anyRequest is set
	// when it may ask about others (score, or a name it computes).
	requests   []string
	anyRequest bool
	// shift maps a position in Source to the file: block scalars start on
	// the next line, quoted scalars one column in.
	block, quoted bool
}

// Evaluator runs conditions, reusing one virtual machine across runs. It
// is not safe for concurrent use.
type Evaluator struct{ vm vm.VM }

// conditionMemory bounds what one run of a condition may allocate, in the
// virtual machine's units: a condition compares a few values.
const conditionMemory = 10_000

// Eval runs the condition against an environment made by Scenario.Env.
// Type-checked conditions can still fail when they run: a modulo by a
// variable that is 0, say. The error says what went wrong, in words; the
// caller decides what a failed condition counts as.
func (ev *Evaluator) Eval(c *Condition, env map[string]any) (bool, error) {
	ev.vm.MemoryBudget = conditionMemory
	out, err := ev.vm.Run(c.program, env)
	if err != nil {
		return false, runtimeError(err)
	}
	b, _ := out.(bool)
	return b, nil
}

// runtimeError words an error of a condition's run: its first line, without
// Go's type names.
func runtimeError(err error) error {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	msg = strings.TrimSpace(plainTypes(msg))
	msg = strings.TrimPrefix(msg, "runtime error: ") // Go's words, not the author's
	msg = strings.Replace(msg, "integer divide by zero", "cannot divide by zero", 1)
	if strings.Contains(msg, "memory budget exceeded") {
		msg = "the condition needs more memory than a condition may use"
	}
	return errors.New(msg)
}

// Deps says what parts of the state of play a condition reads, so that the
// engine re-evaluates it only when one of them changed.
type Deps uint8

const (
	DepVars     Deps = 1 << iota // variables
	DepClock                     // hours, days
	DepLadder                    // ladder, rung, escalation
	DepInjects                   // fired, chose
	DepRequests                  // status, late, delivered, quality, score
	DepCalls                     // missed, kept, score
	DepActions                   // taken
)

// Deps returns what the condition reads.
func (c *Condition) Deps() Deps { return c.deps }

// Requests returns the ids of the requests the condition reads, and false
// when it may read any request.
func (c *Condition) Requests() ([]string, bool) { return c.requests, !c.anyRequest }

// depsOf maps the names a condition may use to what they read.
var depsOf = map[string]Deps{
	EnvHours: DepClock, EnvDays: DepClock, EnvLadder: DepLadder, EnvRung: DepLadder,
	"fired": DepInjects, "chose": DepInjects, "taken": DepActions,
	"status": DepRequests, "late": DepRequests, "delivered": DepRequests, "quality": DepRequests,
	"score": DepRequests | DepCalls, "missed": DepCalls, "kept": DepCalls, "escalation": DepLadder,
}

// Request statuses, as conditions see them through status("id").
const (
	StatusUnopened = "unopened"
	StatusOpen     = "open"
	StatusOverdue  = "overdue"
	StatusAnswered = "answered"
	StatusDeclined = "declined"
)

var requestStatuses = []string{StatusUnopened, StatusOpen, StatusOverdue, StatusAnswered, StatusDeclined}

// Probe answers the questions a condition may ask about the state of play.
// The engine implements it.
type Probe interface {
	Fired(inject string) bool
	Chose(inject, choice string) bool
	Taken(action string) bool
	Status(request string) string
	Late(request string) bool
	Delivered(request, element string) bool
	Quality(request, element string) string
	Score(side string) int
	Missed(side string) int
	Kept(side string) int
	Escalation(side string) int
}

// Names every condition can use besides the scenario's variables.
const (
	EnvHours  = "hours"  // whole story hours since the start
	EnvDays   = "days"   // whole story days since the start
	EnvLadder = "ladder" // the escalation rung, 0 for the lowest
	EnvRung   = "rung"   // the escalation rung's id
)

// probeFuncs are the functions a condition may call, with what their
// string arguments name.
var probeFuncs = map[string][]string{
	"fired":      {"inject"},
	"chose":      {"inject", "choice"},
	"taken":      {"action"},
	"status":     {"request"},
	"late":       {"request"},
	"delivered":  {"request", "element"},
	"quality":    {"request", "element"},
	"score":      {"side"},
	"missed":     {"side"},
	"kept":       {"side"},
	"escalation": {"side"},
}

func reservedName(name string) bool {
	_, fn := probeFuncs[name]
	return fn || name == EnvHours || name == EnvDays || name == EnvLadder || name == EnvRung
}

// Env returns a condition environment bound to p, with every variable at its
// initial value. The engine keeps it current as play goes; with a nil p it
// serves only to type-check.
func (s *Scenario) Env(p Probe) map[string]any {
	env := make(map[string]any, len(s.Variables)+12)
	for _, v := range s.Variables {
		env[v.ID] = v.Initial.Any()
	}
	env[EnvHours], env[EnvDays], env[EnvLadder] = 0, 0, 0
	env[EnvRung] = ""
	if len(s.Hotline.Rungs) > 0 {
		env[EnvRung] = s.Hotline.Rungs[0].ID
	}
	if p == nil {
		env["fired"], env["taken"], env["late"] = (func(string) bool)(nil), (func(string) bool)(nil), (func(string) bool)(nil)
		env["chose"], env["delivered"] = (func(string, string) bool)(nil), (func(string, string) bool)(nil)
		env["status"], env["quality"] = (func(string) string)(nil), (func(string, string) string)(nil)
		env["score"], env["missed"] = (func(string) int)(nil), (func(string) int)(nil)
		env["kept"], env["escalation"] = (func(string) int)(nil), (func(string) int)(nil)
		return env
	}
	env["fired"], env["taken"], env["late"] = p.Fired, p.Taken, p.Late
	env["chose"], env["delivered"] = p.Chose, p.Delivered
	env["status"], env["quality"] = p.Status, p.Quality
	env["score"], env["missed"] = p.Score, p.Missed
	env["kept"], env["escalation"] = p.Kept, p.Escalation
	return env
}

func (d *decoder) condition(n *yaml.Node, what string) *Condition {
	s := d.scalar(n, what, "a condition such as \"tension >= 60\"")
	if s == nil {
		return nil
	}
	if strings.TrimSpace(s.Value) == "" {
		d.errorf(s, CodeCondition, "%s: the condition is empty", what)
		return nil
	}
	return &Condition{Source: s.Value, Pos: d.pos(s),
		block:  s.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0,
		quoted: s.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0}
}

// at maps a rune offset within the condition's source to a file position.
func (c *Condition) at(offset int) Pos {
	line, col := 0, 0
	for i, r := range []rune(c.Source) {
		if i == offset {
			break
		}
		if r == '\n' {
			line, col = line+1, 0
		} else {
			col++
		}
	}
	p := c.Pos
	switch {
	case c.block:
		p.Line += line + 1
		p.Col += col
	case line > 0:
		p.Line += line
		p.Col = col + 1
	default:
		p.Col += col
		if c.quoted {
			p.Col++
		}
	}
	return p
}

// compiler compiles and checks a scenario's conditions against one
// environment, caching programs by source text.
type compiler struct {
	s     *Scenario
	env   map[string]any
	conf  *conf.Config // made once: expr.Compile would rebuild it for each condition
	cache map[string]*vm.Program
	names []string // every name a condition may use, for suggestions
	// longestRung is the length of the longest rung id, the largest
	// text a condition reads.
	longestRung int
	known       map[string][]string
	// used records the ids conditions mention, by kind ("variable",
	// "inject", "choice" as "inject/choice", ...), for the warnings.
	used map[string]bool
	r    *reporter
}

func newCompiler(s *Scenario, r *reporter) *compiler {
	c := &compiler{s: s, env: s.Env(nil), cache: map[string]*vm.Program{}, used: map[string]bool{}, r: r,
		known: map[string][]string{}, conf: conf.CreateNew()}
	expr.Env(c.env)(c.conf)
	expr.AsBool()(c.conf)
	expr.MaxNodes(maxConditionNodes)(c.conf)
	for name := range c.env {
		c.names = append(c.names, name)
	}
	sort.Strings(c.names)
	for _, in := range s.Injects {
		c.known["inject"] = append(c.known["inject"], in.ID)
	}
	for _, a := range s.Actions {
		c.known["action"] = append(c.known["action"], a.ID)
	}
	for _, rq := range s.Requests {
		c.known["request"] = append(c.known["request"], rq.ID)
	}
	c.known["side"] = sideNames
	for _, rg := range s.Hotline.Rungs {
		c.known["rung"] = append(c.known["rung"], rg.ID)
		c.longestRung = max(c.longestRung, len(rg.ID))
	}
	return c
}

var (
	unknownName     = regexp.MustCompile(`^unknown name ([A-Za-z_][A-Za-z0-9_]*)`)
	unexpectedToken = regexp.MustCompile(`^unexpected token (?:EOF|[A-Za-z]+\("(.*)"\))$`)
	mismatched      = regexp.MustCompile(`^invalid operation: (\S+) \(mismatched types (.+) and (.+)\)$`)
	goType          = regexp.MustCompile(`func\([^)]*\)(?: [a-z0-9]+)?|map\[[^\]]*\](?:interface \{\}|[a-z0-9]+)|\[\](?:interface \{\}|[a-z0-9]+)|interface \{\}|\b(?:u?int(?:8|16|32|64)?|float(?:32|64)|string|bool)\b`)
	goPackage       = regexp.MustCompile(`\b(?:strconv|reflect|runtime)\.[A-Za-z]+: `)
	identWord       = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
)

// typeWords words a Go type from an expr message for a facilitator.
func typeWord(t string) string {
	switch {
	case strings.HasPrefix(t, "func("):
		return "a function"
	case strings.HasPrefix(t, "map["):
		return "a block of values"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case t == "interface {}":
		return "any value"
	case t == "string":
		return "text"
	case t == "bool":
		return "true or false"
	case t == "unknown" || t == "nil":
		return "nothing"
	case strings.Contains(t, "int"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	}
	return t
}

// plainTypes rewrites the Go type names in an expr message.
func plainTypes(msg string) string {
	return goType.ReplaceAllStringFunc(goPackage.ReplaceAllString(msg, ""), typeWord)
}

// maxConditionNodes bounds a condition's size: a condition compares a few
// values, and runs whenever what it reads changes.
const maxConditionNodes = 300

// compile compiles one condition, reporting every problem at its place.
func (c *compiler) compile(cond *Condition, what string) {
	if cond == nil {
		return
	}
	prog, ok := c.cache[cond.Source]
	if !ok {
		var err error
		prog, err = c.compileSource(cond.Source)
		if err != nil {
			c.report(cond, what, err)
			c.cache[cond.Source] = nil
			return
		}
		c.cache[cond.Source] = prog
	}
	if prog == nil {
		return // already reported where this source first appeared
	}
	cond.program = prog
	node := prog.Node()
	ast.Walk(&node, &refChecker{c: c, cond: cond, what: what})
}

// compileSource does what expr.Compile does, with the compiler's config.
func (c *compiler) compileSource(src string) (*vm.Program, error) {
	if err := shape(src); err != nil {
		return nil, err
	}
	tree, err := exprchecker.ParseCheck(src, c.conf)
	if err != nil {
		return nil, err
	}
	if _, err := c.costOf(tree.Node); err != nil {
		return nil, err
	}
	if err := optimizer.Optimize(&tree.Node, c.conf); err != nil {
		var fe *file.Error
		if errors.As(err, &fe) {
			return nil, fe.Bind(tree.Source)
		}
		return nil, err
	}
	return exprcompiler.Compile(tree, c.conf)
}

func (c *compiler) report(cond *Condition, what string, err error) {
	var fe *file.Error
	msg := err.Error()
	pos := cond.Pos
	if errors.As(err, &fe) {
		msg = fe.Message
		pos = cond.at(fe.From)
	}
	// A condition that does not compile still counts as using the
	// variables it names, so they are not also reported as unused.
	for _, w := range identWord.FindAllString(cond.Source, -1) {
		c.used["variable:"+w] = true
	}
	if strings.HasPrefix(msg, "expected bool, but got ") {
		msg = "the condition must be true or false, but it gives " + typeWord(strings.TrimPrefix(msg, "expected bool, but got "))
	} else if m := unknownName.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("unknown name %q%s", m[1], c.unknownHint(cond, m[1]))
	} else if m := unexpectedToken.FindStringSubmatch(msg); m != nil {
		switch tok := m[1]; {
		case tok == "":
			msg = "the condition stops short: something is missing at its end"
		case tok == "=":
			msg = `unexpected "="; to compare, write ==`
		case contains([]string{"and", "or", "not"}, strings.ToLower(tok)):
			msg = fmt.Sprintf("unexpected %q; write %s in lower case", tok, strings.ToLower(tok))
		default:
			msg = fmt.Sprintf("unexpected %q", tok)
		}
	} else if m := mismatched.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("%q cannot be used between %s and %s", m[1], typeWord(m[2]), typeWord(m[3]))
	} else {
		msg = plainTypes(msg)
		if strings.ContainsAny(msg, "“”‘’") {
			msg += `; write quotes as " or ', not curly quotes`
		}
	}
	c.r.at(Error, pos, CodeCondition, "%s: %s", what, msg)
}

// unknownHint explains an unknown name in a condition.
func (c *compiler) unknownHint(cond *Condition, name string) string {
	if hint := suggest(name, c.names); hint != "" {
		return hint
	}
	for _, v := range c.s.Variables {
		if strings.HasPrefix(v.ID, name+"-") && strings.Contains(cond.Source, v.ID) {
			return fmt.Sprintf("; a condition reads %q as a subtraction: name the variable %s", v.ID, strings.ReplaceAll(v.ID, "-", "_"))
		}
	}
	if contains(requestStatuses, name) || contains(sideNames, name) {
		return fmt.Sprintf("; put text in quotes, like \"%s\"", name)
	}
	for _, ids := range c.known {
		if contains(ids, name) {
			return fmt.Sprintf("; put ids in quotes, like \"%s\"", name)
		}
	}
	return "; declare variables under variables:"
}

// refChecker checks the ids named in probe calls and in comparisons with
// the rung, and records which names conditions use.
type refChecker struct {
	c    *compiler
	cond *Condition
	what string
}

func (v *refChecker) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.IdentifierNode:
		if d, ok := depsOf[n.Value]; ok {
			v.cond.deps |= d
		} else {
			v.cond.deps |= DepVars
			v.c.used["variable:"+n.Value] = true
		}
	case *ast.CallNode:
		id, ok := n.Callee.(*ast.IdentifierNode)
		if !ok {
			return
		}
		kinds := probeFuncs[id.Value]
		if len(kinds) > 0 && kinds[0] == "request" {
			if s, ok := n.Arguments[0].(*ast.StringNode); ok {
				v.cond.requests = append(v.cond.requests, s.Value)
			} else {
				v.cond.anyRequest = true
			}
		}
		if id.Value == "score" {
			v.cond.anyRequest = true
		}
		var args []string
		for i, a := range n.Arguments {
			s, ok := a.(*ast.StringNode)
			if !ok || i >= len(kinds) {
				return
			}
			args = append(args, s.Value)
			v.check(kinds[i], s.Value, args, a)
		}
		if id.Value == "chose" && len(args) == 2 {
			v.c.used["choice:"+args[0]+"/"+args[1]] = true
		}
	case *ast.BinaryNode:
		if n.Operator != "==" && n.Operator != "!=" {
			return
		}
		v.checkCompare(n.Left, n.Right)
		v.checkCompare(n.Right, n.Left)
	}
}

// check checks one string argument; args holds the call's arguments so far.
func (v *refChecker) check(kind, val string, args []string, at ast.Node) {
	var known []string
	switch kind {
	case "choice":
		if i, ok := v.c.s.InjectIndex(args[0]); ok {
			for _, ch := range v.c.s.Injects[i].Choices {
				known = append(known, ch.ID)
			}
		} else {
			return // the inject itself is reported
		}
	case "element":
		if i, ok := v.c.s.RequestIndex(args[0]); ok {
			for _, el := range v.c.s.Requests[i].Elements {
				known = append(known, el.ID)
			}
		} else {
			return
		}
	case "inject", "request", "action":
		if !v.c.s.has(kind, val) {
			known = v.c.known[kind]
		} else {
			known = []string{val} // found by index: thousands of ids are too many to scan
		}
	default:
		known = v.c.known[kind]
	}
	if !contains(known, val) {
		v.c.r.at(Error, v.cond.at(at.Location().From), CodeUnknownRef, "%s: no %s named %q%s", v.what, kind, val, suggest(val, known))
	}
	v.c.used[kind+":"+val] = true
}

// checkCompare checks `rung == "x"` and `status("r") == "x"` against the
// values those can take.
func (v *refChecker) checkCompare(subject, other ast.Node) {
	s, ok := other.(*ast.StringNode)
	if !ok {
		return
	}
	var known []string
	var what string
	switch n := subject.(type) {
	case *ast.IdentifierNode:
		if n.Value != EnvRung {
			return
		}
		known, what = v.c.known["rung"], "rung"
	case *ast.CallNode:
		id, ok := n.Callee.(*ast.IdentifierNode)
		switch {
		case !ok:
			return
		case id.Value == "status":
			known, what = requestStatuses, "request status"
		case id.Value == "quality":
			known, what = append([]string{""}, qualityNames...), "a part's quality"
		default:
			return
		}
	default:
		return
	}
	if !contains(known, s.Value) {
		hint := suggest(s.Value, known)
		if hint == "" {
			words := make([]string, len(known))
			for i, k := range known {
				words[i] = k
				if k == "" {
					words[i] = `""` // a part not delivered
				}
			}
			hint = "; it is one of: " + strings.Join(words, ", ")
		}
		v.c.r.at(Error, v.cond.at(s.Location().From), CodeBadValue, "%s: %s is never %s%s",
			v.what, what, strconv.Quote(s.Value), hint)
	}
}
