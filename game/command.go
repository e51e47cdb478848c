package game

import (
	"errors"
	"fmt"
	"slices"

	"hotline/injects"
)

// Verb names what a command does.
type Verb uint8

const (
	Choose           Verb = iota // take a choice of an inject: Inject, Choice
	Open                         // open one's own request: Request
	Deliver                      // work on an element: Request, Element, Quality
	Decline                      // decline an element on a legal ground: Request, Element, Ground
	AskClarification             // Request
	Clarify                      // answer the other side's question: Request
	Ring                         // ring the hotline: Request (optional subject)
	Answer                       // answer a hotline call: Call, Answer
	Act                          // take a scenario action: Action
)

var verbNames = [...]string{"choose", "open", "deliver", "decline", "ask-clarification", "clarify", "ring", "answer", "act"}

func (v Verb) String() string {
	if int(v) < len(verbNames) {
		return verbNames[v]
	}
	return fmt.Sprintf("verb(%d)", v)
}

// Command is what a team does. Which fields count depends on Verb.
type Command struct {
	Team    string
	Verb    Verb
	Inject  string
	Choice  string
	Request string
	Element string
	Quality injects.Quality
	Ground  string
	Call    int
	Answer  injects.Answer
	Action  string
}

// Actor is who sends commands: a player bound to teams, a bot, or the
// facilitator, who may act for any team.
type Actor struct {
	Name    string
	Teams   []string
	Control bool
}

// CanActFor reports whether the actor may make commands in team's name.
func (a Actor) CanActFor(team string) bool {
	return a.Control || slices.Contains(a.Teams, team)
}

// SideActor is an actor for every team of a side, as a solo player or a bot
// plays it.
func SideActor(sc *injects.Scenario, name string, side injects.Side) Actor {
	return Actor{Name: name, Teams: sc.TeamsOf(side)}
}

// ErrForbidden is returned, wrapped, when an actor commands a team that is
// not theirs.
var ErrForbidden = errors.New("not allowed")

// ErrEnded is returned for commands after the exercise has ended.
var ErrEnded = errors.New("the exercise has ended")

// refuse makes the error for a command the rules do not allow.
func (e *Engine) refuse(format string, args ...any) error {
	if e.quiet {
		return errRefused
	}
	return fmt.Errorf(format, args...)
}

// errRefused stands for any refusal when nobody will read why.
var errRefused = errors.New("refused")
