package game

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"hotline/injects"
)

// Session is an exercise in play: the engine, and a bot for each side that
// no person plays. The headless run and the terminal exercise both drive one.
type Session struct {
	Engine *Engine
	Bots   [2]*Bot // nil for a side a person plays
}

// Players names who plays each side, as the log records it: "player" for a
// side with no bot.
func (s *Session) Players() [2]string {
	var p [2]string
	for i, b := range s.Bots {
		p[i] = "player"
		if b != nil {
			p[i] = b.Actor.Name
		}
	}
	return p
}

// Advance moves story time to the given offset. Bots act at the times they
// choose on the way, after whatever the engine itself has due at that time.
//
// The error reports bot commands the engine refused; a bot only makes
// commands the rules allow, so any is a bug in a bot or a scenario.
func (s *Session) Advance(to time.Duration) error {
	e := s.Engine
	var errs []error
	stalled := time.Duration(-1) // a time at which the bots had nothing more to do
	for !e.st.Ended {
		t, _ := e.Next()
		for _, b := range s.Bots {
			if b == nil {
				continue
			}
			if w, ok := b.Wake(e); ok && w < t && !(w <= e.st.Now && stalled == e.st.Now) {
				t = w
			}
		}
		if t > to {
			break
		}
		e.Advance(t)
		acted := false
		for _, b := range s.Bots {
			// One command at a time, each planned on the state the last
			// one left; a refused command stops the bot until time moves.
			for b != nil && !e.st.Ended {
				cmd, ok := b.Due(e)
				if !ok {
					break
				}
				if err := e.Do(b.Actor, cmd); err != nil {
					errs = append(errs, fmt.Errorf("%s at %s: %v %s: %w", b.Actor.Name,
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
	if !e.st.Ended {
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
	for _, b := range s.Bots {
		if b == nil {
			continue
		}
		if w, planned := b.Wake(e); planned && w > e.st.Now && w < at {
			at = w
		}
	}
	return at, true
}

// Do makes a command for a person and lets the bots answer anything due at
// once.
func (s *Session) Do(a Actor, c Command) error {
	if err := s.Engine.Do(a, c); err != nil {
		return err
	}
	return s.Advance(s.Engine.st.Now)
}

// NewSession starts a scenario with bots on the sides given a profile; an
// empty profile leaves the side to a person. Use "default" for a side's
// default counterpart.
func NewSession(sc *injects.Scenario, seed uint64, profiles [2]string, observe func(*State, *Event)) (*Session, error) {
	s := &Session{}
	for side, p := range profiles {
		if p == "" {
			continue
		}
		if p == "default" {
			p = ""
		}
		b, err := NewBot(sc, injects.Side(side), p, seed)
		if err != nil {
			return nil, err
		}
		s.Bots[side] = b
	}
	s.Engine = New(sc, Setup{Seed: seed, Players: s.Players(), Observe: observe})
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

// PlayerSide returns the side a person plays, as a log's start records who
// plays each side; false when bots play both.
func PlayerSide(players [2]string) (injects.Side, bool) {
	for i, p := range players {
		if !strings.HasPrefix(p, "bot:") {
			return injects.Side(i), true
		}
	}
	return 0, false
}

// Resume rebuilds a session from a log's events: the same bots, with the
// same seed, play the same sides.
func Resume(sc *injects.Scenario, events []Event) (*Session, error) {
	return ResumeObserved(sc, events, nil)
}

// ResumeObserved is Resume with an observer, which sees the log's events
// replayed, then every new event.
func ResumeObserved(sc *injects.Scenario, events []Event, observe func(*State, *Event)) (*Session, error) {
	e, err := replay(sc, events, observe)
	if err != nil {
		return nil, err
	}
	s := &Session{Engine: e}
	for side, p := range e.st.Players {
		profile, isBot := strings.CutPrefix(p, "bot:")
		if !isBot {
			continue
		}
		if s.Bots[side], err = NewBot(sc, injects.Side(side), profile, e.st.Seed); err != nil {
			return nil, err
		}
	}
	return s, nil
}
