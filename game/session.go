package game

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"hotline/injects"
)

// Session is an exercise in play: the engine, and the counterpart bots that
// play the teams no person plays. The headless run, the terminal exercise
// and the classroom all drive one.
type Session struct {
	Engine *Engine
	bots   []*Bot
	// botsFor is the state's seating of bots when bots was made: the bots
	// are made again when it changes.
	botsFor []string
}

// Players names who plays each side, as the log's start records it.
func (s *Session) Players() [2]string { return s.Engine.st.Players }

// Bots returns the bots playing now.
func (s *Session) Bots() []*Bot { return s.bots }

// acting returns the bots that may act now: none before the exercise has
// begun (State.Begun).
func (s *Session) acting() []*Bot {
	if !s.Engine.st.Begun() {
		return nil
	}
	return s.bots
}

// seatBots makes the bots the state's seating asks for. A side whose teams
// one profile plays all together has one bot for the whole side; otherwise
// each bot plays its own team's injects, and the side's shared business
// (requests, calls, actions) is a bot's only when no person plays the side.
func (s *Session) seatBots() error {
	st, sc := s.Engine.st, s.Engine.sc
	if s.botsFor != nil && slices.Equal(s.botsFor, st.Bots) {
		return nil
	}
	s.botsFor = slices.Clone(st.Bots)
	s.bots = s.bots[:0]
	for side := range injects.Side(2) {
		teams := sc.TeamsOf(side)
		profiles := make([]string, len(teams))
		for k, t := range teams {
			profiles[k] = st.Bots[sc.TeamIndex(t)]
		}
		if profiles[0] != "" && !slices.ContainsFunc(profiles, func(p string) bool { return p != profiles[0] }) {
			b, err := NewBot(sc, side, profiles[0], st.Seed)
			if err != nil {
				return err
			}
			s.bots = append(s.bots, b)
			continue
		}
		sideWide := !slices.Contains(profiles, "")
		for k, t := range teams {
			if profiles[k] == "" {
				continue
			}
			b, err := teamBot(sc, t, profiles[k], st.Seed, sideWide)
			if err != nil {
				return err
			}
			s.bots = append(s.bots, b)
			sideWide = false
		}
	}
	return nil
}

// ErrBotRefused marks a bot's move that the rules refused: a bug in a bot or
// a scenario, never the fault of the person whose command came before it.
var ErrBotRefused = errors.New("a bot's move was refused")

// Advance moves story time to the given offset. Bots act at the times they
// choose on the way, after whatever the engine itself has due at that time.
//
// The error reports bot commands the engine refused; a bot only makes
// commands the rules allow, so any is a bug in a bot or a scenario.
func (s *Session) Advance(to time.Duration) error { return s.advance(to, nil) }

// advance is Advance, stopping early, once everything due at a time has
// happened, if seen says one of that time's events is seen.
func (s *Session) advance(to time.Duration, seen func(*Event) bool) error {
	e := s.Engine
	var errs []error
	stop := false
	if seen != nil {
		e.watch = func(ev *Event) { stop = stop || seen(ev) }
		defer func() { e.watch = nil }()
	}
	stalled := time.Duration(-1) // a time at which the bots had nothing more to do
	for !e.st.Ended && !stop {
		t, _ := e.Next()
		for _, b := range s.acting() {
			if w, ok := b.Wake(e); ok && w < t && !(w <= e.st.Now && stalled == e.st.Now) {
				t = w
			}
		}
		if t > to {
			break
		}
		e.Advance(t)
		acted := false
		for _, b := range s.acting() {
			// One command at a time, each planned on the state the last
			// one left; a refused command stops the bot until time moves.
			for !e.st.Ended {
				cmd, ok := b.Due(e)
				if !ok {
					break
				}
				if err := e.Do(b.Actor, cmd); err != nil {
					errs = append(errs, fmt.Errorf("%w: %s at %s: %v %s: %w", ErrBotRefused, b.Actor.Name,
						injects.FormatOffset(e.st.Now), cmd.Verb, cmd.Request+cmd.Inject+cmd.Action, err))
					break
				}
				acted = true
			}
		}
		if !acted {
			stalled = e.st.Now
		}
	}
	if !e.st.Ended && !stop {
		e.Advance(to)
	}
	return errors.Join(errs...)
}

// NextEvent returns when the next thing happens that the players of side
// would see: what the engine has due (Engine.NextEvent), or a bot acting.
// A clock that jumps there skips a quiet stretch without skipping anything.
func (s *Session) NextEvent(side injects.Side) (time.Duration, bool) {
	e := s.Engine
	at, ok := e.NextEvent(side)
	if !ok {
		return 0, false
	}
	for _, b := range s.acting() {
		if w, planned := b.Wake(e); planned && w > e.st.Now && w < at {
			at = w
		}
	}
	return at, true
}

// JumpMargin is the story time a jump of the clock leaves before anything
// the people at the exercise still owe falls due: a jump never passes or
// lands on such a deadline.
const JumpMargin = time.Hour

// Watchers are the viewers whose sight a jump of the clock stops for: the
// people seated in a class (players by their team, evaluators and
// observers by both sides' play), the solo player's side, or both sides
// when nobody is seated. The control cell, who jumps, is not among them.
func (s *Session) Watchers() []Viewer {
	st := s.Engine.st
	var vs []Viewer
	if side, ok := PlayerSide(st.Players); ok {
		return []Viewer{{Side: side}}
	}
	for _, p := range st.People {
		switch p.Role {
		case Player:
			if t, ok := s.Engine.sc.Team(p.Team); ok {
				vs = append(vs, ViewerOf(TeamSeat, t.Side, t.ID))
			}
		case Observer, Evaluator:
			vs = append(vs, ViewerOf(ObserverSeat, 0, ""))
		}
	}
	if len(vs) == 0 {
		vs = []Viewer{ViewerOf(ObserverSeat, 0, "")}
	}
	return vs
}

// jump is how far a jump of the clock may go: to the next thing the
// watchers would see, as far as the engine foresees it, and no nearer than
// JumpMargin to the first thing the people still owe, which is then
// pending. On the way, the clock stops at anything the watchers see that
// the engine could not foresee (a bot's move, an inject waiting on a
// condition).
func (s *Session) jump() (to time.Duration, pending *Owed) {
	e, watchers := s.Engine, s.Watchers()
	sees := func(a injects.Audience) bool {
		return slices.ContainsFunc(watchers, func(v Viewer) bool { return v.Reaches(a) })
	}
	to = e.earliest(func(t timer) bool {
		switch t.kind {
		case tWake, tClock:
			return false
		case tFire, tDeadline:
			return sees(e.sc.Injects[t.i].To)
		}
		return true
	}).at
	for _, o := range e.st.Owed() {
		if o.Due > 0 && o.Due-JumpMargin <= to {
			return o.Due - JumpMargin, &o
		}
	}
	return to, nil
}

// seenBy reports whether any of the viewers sees an event.
func seenBy(sc *injects.Scenario, viewers []Viewer) func(*Event) bool {
	return func(ev *Event) bool {
		return slices.ContainsFunc(viewers, func(v Viewer) bool { return Visible(sc, ev, v) })
	}
}

// jumpCommand fills a jump's command: how far it may go, and what it
// stops before.
func (s *Session) jumpCommand(c Command) Command {
	to, pending := s.jump()
	c.At, c.Team, c.Inject, c.Call, c.Request, c.Element = to, "", "", 0, "", ""
	if pending != nil {
		c.Team, c.Inject, c.Call, c.Request, c.Element = pending.Team, pending.Inject, pending.Call, pending.Request, pending.Element
	}
	return c
}

// Do makes a person's command and lets the bots answer anything due at
// once. A jump of the clock goes on to the next thing the people at the
// exercise would see (Watchers), which may be a bot's move, and stops
// short of what they still owe.
func (s *Session) Do(a Actor, c Command) error {
	if c.Verb == JumpClock {
		c = s.jumpCommand(c)
	}
	if err := s.Engine.Do(a, c); err != nil {
		return err
	}
	if err := s.seatBots(); err != nil {
		return err
	}
	if c.Verb == JumpClock {
		return s.advance(c.At, seenBy(s.Engine.sc, s.Watchers()))
	}
	return s.Advance(s.Engine.st.Now)
}

// Check reports whether Do would accept the command now, without doing it.
func (s *Session) Check(a Actor, c Command) error {
	if c.Verb == JumpClock {
		c = s.jumpCommand(c)
	}
	return s.Engine.Check(a, c)
}

// NewSession starts a scenario with bots on the sides given a profile; an
// empty profile leaves the side to a person. Use "default" for a side's
// default counterpart.
func NewSession(sc *injects.Scenario, seed uint64, profiles [2]string, observe func(*State, *Event)) (*Session, error) {
	var players [2]string
	for side, p := range profiles {
		switch p {
		case "":
			players[side] = SoloPlayer
			continue
		case "default":
			p = sc.Sides[side].Counterparts[0]
		}
		if _, err := NewBot(sc, injects.Side(side), p, seed); err != nil {
			return nil, err
		}
		players[side] = botPrefix + p
	}
	return start(sc, startOf(sc, seed, players), observe)
}

// NewClass starts a scenario for a class: people take the teams' seats as
// they join, the facilitator named runs it, and bots play the teams the
// facilitator gives them.
func NewClass(sc *injects.Scenario, seed uint64, facilitator string, observe func(*State, *Event)) (*Session, error) {
	name := injects.CleanName(facilitator)
	if name == "" || name != facilitator || strings.HasPrefix(name, botPrefix) || name == SoloPlayer {
		return nil, fmt.Errorf("%q cannot name the facilitator", facilitator)
	}
	st := startOf(sc, seed, [2]string{Class, Class})
	st.Facilitator = name
	return start(sc, st, observe)
}

func startOf(sc *injects.Scenario, seed uint64, players [2]string) Start {
	return Start{Format: LogFormat, Scenario: sc.ID, Source: sc.Source, Digest: sc.Digest, Seed: seed, Players: players}
}

func profileIDs(sc *injects.Scenario) string {
	var ids []string
	for _, p := range sc.Profiles {
		ids = append(ids, p.ID)
	}
	return strings.Join(ids, ", ")
}

// start begins an exercise from its start record.
func start(sc *injects.Scenario, rec Start, observe func(*State, *Event)) (*Session, error) {
	s := &Session{Engine: newEngine(sc)}
	s.Engine.sink = observe
	s.Engine.emit(Event{Type: Started, Start: &rec})
	s.Engine.settle()
	if err := s.seatBots(); err != nil {
		return nil, err
	}
	// What is due at the start happens at once, before anyone looks.
	if err := s.Advance(0); err != nil {
		return nil, err
	}
	return s, nil
}

// Play runs a scenario to its end with bots on both sides and returns the
// final state.
func Play(sc *injects.Scenario, seed uint64, profiles [2]string, observe func(*State, *Event)) (*State, error) {
	for i := range profiles {
		if profiles[i] == "" {
			profiles[i] = "default"
		}
	}
	s, err := NewSession(sc, seed, profiles, observe)
	if err != nil {
		return nil, err
	}
	err = s.Advance(sc.End)
	return s.Engine.st, err
}

// PlayerSide returns the side a solo player plays, as a log's start records
// who plays each side; false when nobody plays alone.
func PlayerSide(players [2]string) (injects.Side, bool) {
	for i, p := range players {
		if p == SoloPlayer {
			return injects.Side(i), true
		}
	}
	return 0, false
}
