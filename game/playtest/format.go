// Package playtest reads and runs playtests: scripted runs of a scenario
// that pin what must happen, as Yarn Spinner's test plans pin a story's
// paths. A playtest, NAME.playtest.yaml beside the scenario NAME.yaml,
// scripts one side's decisions at story times or on injects, lets a
// counterpart bot play the other side with a fixed seed, and lists what
// must come of it: injects fired or not, choices, request statuses, the
// ladder's rung, the ending and score ranges. docs/authoring.md describes the
// format.
package playtest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"

	"hotline/game"
	"hotline/injects"
)

// Suffix ends every playtest's file name.
const Suffix = ".playtest.yaml"

// Playtest is a parsed playtest file.
type Playtest struct {
	File string
	// Scenario is the scenario as written: a built-in id or a file path
	// relative to the playtest; empty means NAME.yaml beside it.
	Scenario    string
	Side        injects.Side // the side the script plays
	Counterpart string       // the profile of the bot playing the other side; empty for its default
	Seed        uint64
	Steps       []Step
	Expect      []Expect
	pos         map[string]Pos // where the top keys are written
}

// Pos is a place in a playtest file.
type Pos struct{ Line, Col int }

// Step is one scripted decision: a command, and when to make it.
type Step struct {
	Pos Pos
	// When: at a story offset, or a delay after an inject fires, a request
	// is opened, the other side asks to clarify a request, or the Nth
	// hotline call to the scripted side rings.
	At         time.Duration
	HasAt      bool
	On         string
	OnRequest  string
	OnQuestion string
	OnCall     int
	After      time.Duration
	// What: a command of game.Command's verbs, with its team; empty Team
	// means the addressed team for a choice, else the side's first team.
	Cmd game.Command
	// refs are the ids the step names, for checking against the scenario.
	refs []ref
}

// ExpectKind is what an expectation checks.
type ExpectKind uint8

const (
	ExpectFired ExpectKind = iota
	ExpectNotFired
	ExpectChosen
	ExpectStatus
	ExpectRung
	ExpectEnding
	ExpectScore
)

// Expect is one thing that must be true when the run ends.
type Expect struct {
	Pos     Pos
	Kind    ExpectKind
	ID      string // inject, request, rung or ending id
	Choice  string // for ExpectChosen
	Status  string // for ExpectStatus
	By      time.Duration
	HasBy   bool // for ExpectFired: it fired by then
	Side    injects.Side
	Min     int // for ExpectScore, inclusive
	Max     int
	refs    []ref
	rawText string // the range as written, for messages
}

// ref is an id a playtest names, checked once the scenario is loaded.
type ref struct {
	kind, id, parent string
	pos              Pos
}

// Finding is a problem with a playtest, or a failure when it runs.
type Finding struct {
	File    string
	Pos     Pos
	Message string
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", f.File, f.Pos.Line, f.Pos.Col, f.Message)
}

// Findings is a list of findings; as an error, one a line.
type Findings []Finding

func (fs Findings) Error() string {
	lines := make([]string, len(fs))
	for i, f := range fs {
		lines[i] = f.String()
	}
	return strings.Join(lines, "\n")
}

// parser reads a playtest's YAML nodes, collecting every problem.
type parser struct {
	file  string
	found Findings
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	pos := Pos{1, 1}
	if n != nil {
		pos = Pos{n.Line, n.Column}
	}
	p.found = append(p.found, Finding{File: p.file, Pos: pos, Message: "error: " + fmt.Sprintf(format, args...)})
}

// Parse reads a playtest given as bytes, as if from the named file.
func Parse(name string, data []byte) (*Playtest, error) {
	p := &parser{file: name}
	pt := &Playtest{File: name, Seed: 1, pos: map[string]Pos{}}
	ld, err := yaml.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil, Findings{{File: name, Pos: Pos{1, 1}, Message: "error: " + err.Error()}}
	}
	var doc yaml.Node
	if err := ld.Load(&doc); err != nil {
		line, col, msg := 1, 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if errors.Is(err, io.EOF) {
			msg = "the file is empty; a playtest has side:, script: and expect:"
		}
		var le *yaml.LoadError
		if errors.As(err, &le) {
			line, col, msg = max(le.Mark.Line, 1), max(le.Mark.Column, 1), le.Message
		}
		return nil, Findings{{File: name, Pos: Pos{line, col}, Message: "error: " + msg}}
	}
	root := doc.Content[0]
	fields := p.object(root, "the playtest", "scenario", "side", "counterpart", "seed", "script", "expect")
	for k, n := range fields {
		pt.pos[k] = Pos{n.Line, n.Column}
	}
	pt.Scenario = p.text(fields["scenario"], "scenario")
	if n := fields["side"]; n == nil {
		p.errorf(root, "missing side: the side the script plays, us or cn")
	} else if s, ok := injects.ParseSide(p.text(n, "side")); ok {
		pt.Side = s
	} else {
		p.errorf(n, "side: expected us or cn, found %q", n.Value)
	}
	pt.Counterpart = p.text(fields["counterpart"], "counterpart")
	if n := fields["seed"]; n != nil {
		seed, err := strconv.ParseUint(n.Value, 10, 64)
		if err != nil || n.Kind != yaml.ScalarNode {
			p.errorf(n, "seed: expected a whole number, found %q", n.Value)
		}
		pt.Seed = seed
	}
	for _, item := range p.list(fields["script"], "script") {
		pt.Steps = append(pt.Steps, p.step(item))
	}
	for _, item := range p.list(fields["expect"], "expect") {
		pt.Expect = append(pt.Expect, p.expect(item))
	}
	if fields["expect"] == nil {
		p.errorf(root, "missing expect: the list of what must happen")
	}
	if len(p.found) > 0 {
		return nil, p.found
	}
	return pt, nil
}

// object reads a mapping with known keys; unknown keys are errors.
func (p *parser) object(n *yaml.Node, what string, keys ...string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	if n == nil || n.Kind != yaml.MappingNode {
		p.errorf(n, "%s: expected a block of key: value pairs", what)
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case !contains(keys, k.Value):
			p.errorf(k, "%s: unknown key %q; expected one of: %s", what, k.Value, strings.Join(keys, ", "))
		case out[k.Value] != nil:
			p.errorf(k, "%s: %q is given twice", what, k.Value)
		default:
			out[k.Value] = v
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (p *parser) text(n *yaml.Node, what string) string {
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, "%s: expected a single value", what)
		return ""
	}
	return n.Value
}

func (p *parser) list(n *yaml.Node, what string) []*yaml.Node {
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s: expected a list, each item starting with \"- \"", what)
		return nil
	}
	return n.Content
}

func (p *parser) duration(n *yaml.Node, what string) time.Duration {
	d, err := injects.ParseDuration(p.text(n, what))
	if err != nil {
		p.errorf(n, "%s: %v, found %q", what, err, n.Value)
	}
	return d
}

// verbs are the script's commands, by key.
var verbs = map[string]game.Verb{
	"choose": game.Choose, "open": game.Open, "deliver": game.Deliver, "decline": game.Decline,
	"ask": game.AskClarification, "clarify": game.Clarify, "ring": game.Ring, "answer": game.Answer, "act": game.Act,
}

var stepKeys = []string{"at", "on", "on-request", "on-question", "on-call", "after", "team", "choose", "open", "deliver", "decline",
	"ask", "clarify", "ring", "answer", "act", "request", "quality", "ground"}

func (p *parser) step(n *yaml.Node) Step {
	f := p.object(n, "script step", stepKeys...)
	s := Step{Pos: Pos{n.Line, n.Column}}
	pos := func(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }
	var when []string
	triggers := []string{"at", "on", "on-request", "on-question", "on-call"}
	for _, k := range triggers {
		if f[k] != nil {
			when = append(when, k)
		}
	}
	switch {
	case len(when) == 0:
		p.errorf(n, "script step: say when, with at: (a story time like T+1d), on: (an inject fires), on-request: (a request is opened), on-question: (the other side asks to clarify a request) or on-call: (the Nth hotline call to your side)")
	case len(when) > 1:
		p.errorf(f[when[1]], "script step: give one of %s, not %s", strings.Join(triggers, ", "), strings.Join(when, " and "))
	}
	if v := f["at"]; v != nil {
		s.At, s.HasAt = p.duration(v, "at"), true
	}
	if v := f["on"]; v != nil {
		s.On = p.text(v, "on")
		s.refs = append(s.refs, ref{kind: "inject", id: s.On, pos: pos(v)})
	}
	if v := f["on-request"]; v != nil {
		s.OnRequest = p.text(v, "on-request")
		s.refs = append(s.refs, ref{kind: "request", id: s.OnRequest, pos: pos(v)})
	}
	if v := f["on-question"]; v != nil {
		s.OnQuestion = p.text(v, "on-question")
		s.refs = append(s.refs, ref{kind: "request", id: s.OnQuestion, pos: pos(v)})
	}
	if v := f["on-call"]; v != nil {
		k, err := strconv.Atoi(p.text(v, "on-call"))
		if err != nil || k < 1 {
			p.errorf(v, "on-call: expected the number of the call to your side, 1 for the first, found %q", v.Value)
		}
		s.OnCall = k
	}
	if v := f["after"]; v != nil {
		if f["at"] != nil {
			p.errorf(v, "script step: after goes with on, on-request, on-question or on-call; with at, add it to the time")
		}
		s.After = p.duration(v, "after")
	}
	var verbKey string
	for _, k := range stepKeys {
		if _, isVerb := verbs[k]; !isVerb || f[k] == nil {
			continue
		}
		if verbKey != "" {
			p.errorf(f[k], "script step: one command per step; %s and %s are two", verbKey, k)
			continue
		}
		verbKey = k
	}
	if verbKey == "" {
		p.errorf(n, "script step: say what to do: choose, open, deliver, decline, ask, clarify, ring, answer or act")
		return s
	}
	v := f[verbKey]
	arg := p.text(v, verbKey)
	s.Cmd = game.Command{Verb: verbs[verbKey], Team: p.text(f["team"], "team")}
	if f["team"] != nil {
		s.refs = append(s.refs, ref{kind: "team", id: s.Cmd.Team, pos: pos(f["team"])})
	}
	// A part's request is named by request:, or else by the trigger.
	request := func() {
		r := f["request"]
		if r == nil {
			if s.Cmd.Request = s.OnRequest + s.OnQuestion; s.Cmd.Request == "" {
				p.errorf(n, "script step: %s needs request: the request's id", verbKey)
			}
			return
		}
		s.Cmd.Request = p.text(r, "request")
		s.refs = append(s.refs, ref{kind: "request", id: s.Cmd.Request, pos: pos(r)})
	}
	switch s.Cmd.Verb {
	case game.Choose:
		if s.On == "" {
			p.errorf(v, "choose: say which inject with on: (the inject), then choose: its choice")
		}
		s.Cmd.Inject, s.Cmd.Choice = s.On, arg
		s.refs = append(s.refs, ref{kind: "choice", id: arg, parent: s.On, pos: pos(v)})
	case game.Open, game.AskClarification, game.Clarify:
		s.Cmd.Request = arg
		if arg == "" || arg == "true" { // clarify: true, on-question: the request
			s.Cmd.Request = s.OnRequest + s.OnQuestion
		} else {
			s.refs = append(s.refs, ref{kind: "request", id: arg, pos: pos(v)})
		}
		if s.Cmd.Request == "" {
			p.errorf(v, "%s: name the request", verbKey)
		}
	case game.Ring:
		if arg != "" && arg != "true" {
			s.Cmd.Request = arg
			s.refs = append(s.refs, ref{kind: "request", id: arg, pos: pos(v)})
		}
	case game.Deliver, game.Decline:
		request()
		s.Cmd.Element = arg
		s.refs = append(s.refs, ref{kind: "element", id: arg, parent: s.Cmd.Request, pos: pos(v)})
		if s.Cmd.Verb == game.Deliver {
			s.Cmd.Quality = injects.Adequate
			if q := f["quality"]; q != nil {
				var ok bool
				if s.Cmd.Quality, ok = injects.ParseQuality(p.text(q, "quality")); !ok {
					p.errorf(q, "quality: expected thin, adequate or thorough, found %q", q.Value)
				}
			}
		} else {
			g := f["ground"]
			if g == nil {
				p.errorf(n, "script step: decline needs ground: one of the request's grounds")
			} else {
				s.Cmd.Ground = p.text(g, "ground")
				s.refs = append(s.refs, ref{kind: "ground", id: s.Cmd.Ground, pos: pos(g)})
			}
		}
	case game.Answer:
		var ok bool
		if s.Cmd.Answer, ok = injects.ParseAnswer(arg); !ok {
			p.errorf(v, "answer: expected commit, explain or deny, found %q", arg)
		}
	case game.Act:
		s.Cmd.Action = arg
		s.refs = append(s.refs, ref{kind: "action", id: arg, pos: pos(v)})
	}
	for _, k := range []string{"request", "quality", "ground"} {
		if f[k] != nil && !(k == "request" && (s.Cmd.Verb == game.Deliver || s.Cmd.Verb == game.Decline) ||
			k == "quality" && s.Cmd.Verb == game.Deliver || k == "ground" && s.Cmd.Verb == game.Decline) {
			p.errorf(f[k], "script step: %s does not go with %s", k, verbKey)
		}
	}
	return s
}

var expectKeys = []string{"fired", "not-fired", "by", "chosen", "request", "status", "rung", "ending", "score"}

// scoreRange reads "60..100", ">= 60", "<= 40" or "75".
var scoreRange = regexp.MustCompile(`^\s*(?:(\d+)\s*\.\.\s*(\d+)|>=\s*(\d+)|<=\s*(\d+)|(\d+))\s*$`)

func (p *parser) expect(n *yaml.Node) Expect {
	f := p.object(n, "expectation", expectKeys...)
	e := Expect{Pos: Pos{n.Line, n.Column}}
	var kinds []string
	for _, k := range []string{"fired", "not-fired", "chosen", "status", "rung", "ending", "score"} {
		if f[k] != nil {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) != 1 {
		if len(kinds) == 0 {
			p.errorf(n, "expectation: say what must happen with one of fired, not-fired, chosen, status, rung, ending or score")
		} else {
			p.errorf(f[kinds[1]], "expectation: one check per item; %s and %s are two", kinds[0], kinds[1])
		}
		return e
	}
	v := f[kinds[0]]
	pos := Pos{v.Line, v.Column}
	arg := ""
	if kinds[0] != "score" {
		arg = p.text(v, kinds[0])
	}
	switch kinds[0] {
	case "fired", "not-fired":
		e.Kind, e.ID = ExpectFired, arg
		if kinds[0] == "not-fired" {
			e.Kind = ExpectNotFired
		}
		e.refs = append(e.refs, ref{kind: "inject", id: arg, pos: pos})
	case "chosen":
		e.Kind = ExpectChosen
		var ok bool
		if e.ID, e.Choice, ok = strings.Cut(arg, "/"); !ok {
			p.errorf(v, "chosen: write the inject and its choice as inject/choice, found %q", arg)
		}
		e.refs = append(e.refs, ref{kind: "inject", id: e.ID, pos: pos}, ref{kind: "choice", id: e.Choice, parent: e.ID, pos: pos})
	case "status":
		e.Kind, e.Status = ExpectStatus, arg
		r := f["request"]
		if r == nil {
			p.errorf(n, "expectation: status needs request: the request's id")
		} else {
			e.ID = p.text(r, "request")
			e.refs = append(e.refs, ref{kind: "request", id: e.ID, pos: Pos{r.Line, r.Column}})
		}
		if !contains(statuses, arg) {
			p.errorf(v, "status: expected one of %s, found %q", strings.Join(statuses, ", "), arg)
		}
	case "rung":
		e.Kind, e.ID = ExpectRung, arg
		e.refs = append(e.refs, ref{kind: "rung", id: arg, pos: pos})
	case "ending":
		e.Kind, e.ID = ExpectEnding, arg
		if arg != "none" {
			e.refs = append(e.refs, ref{kind: "ending", id: arg, pos: pos})
		}
	case "score":
		e.Kind = ExpectScore
		sf := p.object(v, "score", "us", "cn")
		if len(sf) != 1 {
			p.errorf(v, "score: give one side and its range, like {us: 60..100}")
			return e
		}
		for side, rn := range sf {
			e.Side, _ = injects.ParseSide(side)
			e.rawText = p.text(rn, "score")
			m := scoreRange.FindStringSubmatch(e.rawText)
			if m == nil {
				p.errorf(rn, "score: expected a range like 60..100, >= 60, <= 40 or 75, found %q", e.rawText)
				return e
			}
			e.Min, e.Max = 0, 100
			atoi := func(s string) int { i, _ := strconv.Atoi(s); return i }
			switch {
			case m[1] != "":
				e.Min, e.Max = atoi(m[1]), atoi(m[2])
			case m[3] != "":
				e.Min = atoi(m[3])
			case m[4] != "":
				e.Max = atoi(m[4])
			default:
				e.Min, e.Max = atoi(m[5]), atoi(m[5])
			}
		}
	}
	if by := f["by"]; by != nil {
		if e.Kind != ExpectFired {
			p.errorf(by, "by goes with fired only")
		}
		e.By, e.HasBy = p.duration(by, "by"), true
	}
	if r := f["request"]; r != nil && e.Kind != ExpectStatus {
		p.errorf(r, "request goes with status only")
	}
	return e
}

var statuses = []string{injects.StatusUnopened, injects.StatusOpen, injects.StatusOverdue, injects.StatusAnswered, injects.StatusDeclined}
