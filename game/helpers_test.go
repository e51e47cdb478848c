package game_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"hotline/game"
	"hotline/injects"
)

// Story-time units.
const (
	m = time.Minute
	h = time.Hour
	d = 24 * time.Hour
)

// scenarioHead is the scenario block of the inline test scenarios: ten days
// from Thursday 1 October 2015, 09:00 in Washington, with the shared
// delegations, meters, grounds, hotline and actions of common.yaml.
const scenarioHead = `format: 1
scenario:
  id: t
  title: Test
  start: 2015-10-01 09:00
  end: 10d
include: [common.yaml]
`

// parse loads an inline scenario: scenarioHead, then body.
func parse(t testing.TB, body string) *injects.Scenario {
	t.Helper()
	return parseFull(t, scenarioHead+body)
}

// parseFull loads an inline scenario given whole.
func parseFull(t testing.TB, src string) *injects.Scenario {
	t.Helper()
	sc, diags := injects.Parse("test.yaml", []byte(src))
	if sc == nil {
		t.Fatalf("the test scenario does not load:\n%v", diags)
	}
	return sc
}

// builtin loads a built-in scenario.
func builtin(t testing.TB, id string) *injects.Scenario {
	t.Helper()
	sc, diags := injects.LoadBuiltin(id)
	if sc == nil {
		t.Fatalf("built-in %s does not load:\n%v", id, diags)
	}
	return sc
}

// play is an engine under test with every event it made, and an actor
// for each whole side.
type play struct {
	t      *testing.T
	e      *game.Engine
	events []game.Event
	us, cn game.Actor
}

func start(t *testing.T, sc *injects.Scenario) *play {
	t.Helper()
	p := &play{t: t, us: game.SideActor(sc, "us-player", injects.US), cn: game.SideActor(sc, "cn-player", injects.CN)}
	p.e = game.New(sc, game.Setup{Seed: 1, Players: [2]string{"player", "player"}, Observe: p.record})
	return p
}

func (p *play) record(_ *game.State, ev *game.Event) { p.events = append(p.events, *ev) }

func (p *play) st() *game.State { return p.e.State() }

// actorFor returns the side actor that may command team.
func (p *play) actorFor(team string) game.Actor {
	tm, ok := p.e.Scenario().Team(team)
	if !ok {
		p.t.Fatalf("no team %q", team)
	}
	if tm.Side == injects.US {
		return p.us
	}
	return p.cn
}

// do makes a command as the team's side and fails the test if it is
// refused. It returns the events the command made.
func (p *play) do(c game.Command) []game.Event {
	p.t.Helper()
	mark := len(p.events)
	if err := p.e.Do(p.actorFor(c.Team), c); err != nil {
		p.t.Fatalf("%s %v: refused: %v", c.Team, c.Verb, err)
	}
	return p.events[mark:]
}

// refused makes a command that must be refused: it checks that the error
// says want, that Check agrees, and that no event was made and the state did
// not change.
func (p *play) refused(c game.Command, want string) error {
	p.t.Helper()
	return p.refusedAs(p.actorFor(c.Team), c, want)
}

func (p *play) refusedAs(a game.Actor, c game.Command, want string) error {
	p.t.Helper()
	before, mark := snapshot(p.st()), len(p.events)
	checkErr := p.e.Check(a, c)
	err := p.e.Do(a, c)
	switch {
	case err == nil:
		p.t.Fatalf("%s %v was accepted; want it refused with %q", c.Team, c.Verb, want)
	case !strings.Contains(err.Error(), want):
		p.t.Errorf("%s %v refused with %q; want it to say %q", c.Team, c.Verb, err, want)
	case checkErr == nil || checkErr.Error() != err.Error():
		p.t.Errorf("Check says %v, Do says %v", checkErr, err)
	}
	if len(p.events) != mark {
		p.t.Errorf("the refused command made events: %s", p.lines(p.events[mark:]))
	}
	if after := snapshot(p.st()); after != before {
		p.t.Errorf("the refused command changed the state:\nbefore %s\nafter  %s", before, after)
	}
	return err
}

// advance moves the story clock and returns the events on the way.
func (p *play) advance(to time.Duration) []game.Event {
	mark := len(p.events)
	p.e.Advance(to)
	return p.events[mark:]
}

// lines writes events as "T+offset type key" lines, for messages.
func (p *play) lines(evs []game.Event) string {
	var b strings.Builder
	for i := range evs {
		fmt.Fprintf(&b, "\n  %s", brief(&evs[i]))
	}
	return b.String()
}

// brief is an event in a few words: its offset, type and subject.
func brief(ev *game.Event) string {
	s := injects.FormatOffset(ev.At) + " " + ev.Type.String()
	for _, f := range []string{ev.Inject, ev.Choice, ev.Request, ev.Element, ev.Var, ev.Action, ev.Ending} {
		if f != "" {
			s += " " + f
		}
	}
	switch ev.Type {
	case game.VariableSet:
		s += "=" + ev.Value.String()
	case game.LadderMoved:
		s += fmt.Sprintf(" %s rung %d", ev.Side, ev.Rung)
	case game.Rang, game.Answered, game.Missed, game.Kept, game.Broken:
		s += fmt.Sprintf(" call %d", ev.Call)
	}
	return s
}

// find returns the first event of type typ that names each of ids (as its
// inject, choice, request, element, variable, action or ending), or nil.
func find(evs []game.Event, typ game.EventType, ids ...string) *game.Event {
next:
	for i := range evs {
		ev := &evs[i]
		if ev.Type != typ {
			continue
		}
		for _, id := range ids {
			if !slices.Contains([]string{ev.Inject, ev.Choice, ev.Request, ev.Element, ev.Var, ev.Action, ev.Ending}, id) {
				continue next
			}
		}
		return ev
	}
	return nil
}

// must is find that fails the test when there is no such event.
func (p *play) must(evs []game.Event, typ game.EventType, words ...string) *game.Event {
	p.t.Helper()
	ev := find(evs, typ, words...)
	if ev == nil {
		p.t.Fatalf("no %s %v among:%s", typ, words, p.lines(evs))
	}
	return ev
}

// none fails the test if there is such an event.
func (p *play) none(evs []game.Event, typ game.EventType, words ...string) {
	p.t.Helper()
	if ev := find(evs, typ, words...); ev != nil {
		p.t.Errorf("unexpected %s among:%s", brief(ev), p.lines(evs))
	}
}

// describe is an event's transcript line, in the state as it is now.
func (p *play) describe(ev *game.Event) string {
	return game.Describe(p.st(), ev)
}

// snapshot is the state as JSON, without the scenario, for comparing
// states.
func snapshot(st *game.State) string {
	c := *st
	c.Scenario = nil
	b, err := json.Marshal(c)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// variable returns a variable's value as an int, a bool or a string.
func (p *play) variable(id string) any {
	p.t.Helper()
	v, ok := p.st().Var(id)
	if !ok {
		p.t.Fatalf("no variable %q", id)
	}
	return v.Any()
}

// element returns the state of part el of request req.
func (p *play) element(req, el string) *game.ElementState {
	p.t.Helper()
	sc := p.e.Scenario()
	i, ok := sc.RequestIndex(req)
	if !ok {
		p.t.Fatalf("no request %q", req)
	}
	j := sc.Requests[i].Element(el)
	if j < 0 {
		p.t.Fatalf("request %q has no part %q", req, el)
	}
	return &p.st().Requests[i].Elements[j]
}

// inject returns an inject's state.
func (p *play) inject(id string) *game.InjectState {
	p.t.Helper()
	i, ok := p.e.Scenario().InjectIndex(id)
	if !ok {
		p.t.Fatalf("no inject %q", id)
	}
	return &p.st().Injects[i]
}

// Commands, briefly.

func choose(team, inject, choice string) game.Command {
	return game.Command{Team: team, Verb: game.Choose, Inject: inject, Choice: choice}
}

func open(team, req string) game.Command {
	return game.Command{Team: team, Verb: game.Open, Request: req}
}

func deliver(team, req, el string, q injects.Quality) game.Command {
	return game.Command{Team: team, Verb: game.Deliver, Request: req, Element: el, Quality: q}
}

func decline(team, req, el, ground string) game.Command {
	return game.Command{Team: team, Verb: game.Decline, Request: req, Element: el, Ground: ground}
}

func ask(team, req string) game.Command {
	return game.Command{Team: team, Verb: game.AskClarification, Request: req}
}

func clarify(team, req string) game.Command {
	return game.Command{Team: team, Verb: game.Clarify, Request: req}
}

func ring(team, req string) game.Command {
	return game.Command{Team: team, Verb: game.Ring, Request: req}
}

func answer(team string, call int, a injects.Answer) game.Command {
	return game.Command{Team: team, Verb: game.Answer, Call: call, Answer: a}
}

func act(team, action string) game.Command {
	return game.Command{Team: team, Verb: game.Act, Action: action}
}
