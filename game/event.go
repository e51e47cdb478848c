// Package game is the exercise engine: a deterministic state machine that
// turns commands and the passing of story time into events. State is the
// fold of the events, so the event log is at once the save file, the replay
// and the after-action record.
//
// The engine never reads the wall clock and holds no terminal code; callers
// pass story time in.
package game

import (
	"encoding/json"
	"fmt"
	"time"

	"hotline/injects"
)

// EventType names what happened.
type EventType uint8

const (
	Started EventType = iota
	InjectFired
	InjectTriggered // a when: condition came true; the inject fires at Due
	InjectChosen
	InjectExpired // a deadline passed; Choice is the choice taken for the side, if any
	InjectCancelled
	VariableSet
	RequestOpened
	ClarificationAsked
	Clarified
	WorkStarted // an element is being prepared; it is delivered at Due
	Delivered
	Declined
	Overdue
	Rang
	Answered
	Missed
	Kept
	Broken
	LadderMoved
	ActionTaken
	ReviewHeld
	Ended
	ClockStopped // the story clock stopped here: a pause, or the end of a sitting
	numEventTypes
)

var eventNames = [...]string{
	"exercise.started", "inject.fired", "inject.triggered", "inject.chosen", "inject.expired",
	"inject.cancelled", "variable.set", "request.opened", "request.clarification-asked",
	"request.clarified", "element.started", "element.delivered", "element.declined", "element.overdue",
	"hotline.rang", "hotline.answered", "hotline.missed", "hotline.kept", "hotline.broken",
	"ladder.moved", "action.taken", "review.held", "exercise.ended", "clock.stopped",
}

func (t EventType) String() string {
	if int(t) < len(eventNames) {
		return eventNames[t]
	}
	return fmt.Sprintf("event(%d)", t)
}

func (t EventType) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

func (t *EventType) UnmarshalText(b []byte) error {
	for i, n := range eventNames {
		if n == string(b) {
			*t = EventType(i)
			return nil
		}
	}
	return fmt.Errorf("unknown event type %q", b)
}

// Event is one fact of play. Which fields are set depends on Type.
type Event struct {
	Seq  int
	At   time.Duration // story offset from the scenario's start
	Type EventType

	Team    string       // the team that acted, if a team did
	Side    injects.Side // the side that rang (hotline.rang), or whose escalation moved (ladder.moved)
	Inject  string
	Choice  string
	Request string
	Element string
	Quality injects.Quality
	Ground  string
	Call    int // hotline call number, from 1; on ladder.moved, the call whose outcome moved it
	Answer  injects.Answer
	Action  string
	Var     string
	Value   injects.Value
	Rung    int           // the rung the side's escalation moved to
	Cause   string        // why the ladder moved, or a variable changed
	Due     time.Duration // when scheduled work completes or an inject fires
	Ending  string

	Start  *Start     // Started only
	Review *Scorecard // ReviewHeld only
}

// Start records how an exercise began: enough to replay or resume it.
type Start struct {
	Scenario string    `json:"scenario"`
	Source   string    `json:"source"` // where the scenario came from: a built-in id or a path
	Digest   string    `json:"digest"`
	Seed     uint64    `json:"seed"`
	Players  [2]string `json:"players"` // "player", or "bot:<profile>"
}

// wireEvent is an event as a log line: only the fields its type uses, with
// the format's names for enumerations.
type wireEvent struct {
	Seq     int        `json:"seq"`
	At      string     `json:"at"`
	Type    EventType  `json:"type"`
	Team    string     `json:"team,omitempty"`
	Side    string     `json:"side,omitempty"`
	Inject  string     `json:"inject,omitempty"`
	Choice  string     `json:"choice,omitempty"`
	Request string     `json:"request,omitempty"`
	Element string     `json:"element,omitempty"`
	Quality string     `json:"quality,omitempty"`
	Ground  string     `json:"ground,omitempty"`
	Call    int        `json:"call,omitempty"`
	Answer  string     `json:"answer,omitempty"`
	Action  string     `json:"action,omitempty"`
	Var     string     `json:"var,omitempty"`
	Value   any        `json:"value,omitempty"`
	Rung    *int       `json:"rung,omitempty"`
	Cause   string     `json:"cause,omitempty"`
	Due     string     `json:"due,omitempty"`
	Ending  string     `json:"ending,omitempty"`
	Start   *Start     `json:"start,omitempty"`
	Review  *Scorecard `json:"review,omitempty"`
}

// MarshalJSON writes the event as one log line's object.
func (e Event) MarshalJSON() ([]byte, error) {
	w := wireEvent{Seq: e.Seq, At: injects.FormatDuration(e.At), Type: e.Type, Team: e.Team,
		Inject: e.Inject, Choice: e.Choice, Request: e.Request, Element: e.Element, Ground: e.Ground,
		Call: e.Call, Action: e.Action, Var: e.Var, Cause: e.Cause, Ending: e.Ending, Start: e.Start, Review: e.Review}
	switch e.Type {
	case Rang:
		w.Side = e.Side.String()
	case WorkStarted:
		w.Quality, w.Due = e.Quality.String(), injects.FormatDuration(e.Due)
	case Delivered:
		w.Quality = e.Quality.String()
	case InjectTriggered:
		w.Due = injects.FormatDuration(e.Due)
	case Answered:
		w.Answer = e.Answer.String()
		if e.Answer == injects.Commit {
			w.Due = injects.FormatDuration(e.Due)
		}
	case VariableSet:
		w.Value = e.Value.Any()
	case LadderMoved:
		w.Side, w.Rung = e.Side.String(), &e.Rung
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads a log line's object; variable values are typed later,
// against the scenario's declarations.
func (e *Event) UnmarshalJSON(b []byte) error {
	var w wireEvent
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	at, err := injects.ParseDuration(w.At)
	if err != nil {
		return fmt.Errorf("at: %v", err)
	}
	*e = Event{Seq: w.Seq, At: at, Type: w.Type, Team: w.Team, Inject: w.Inject, Choice: w.Choice,
		Request: w.Request, Element: w.Element, Ground: w.Ground, Call: w.Call, Action: w.Action,
		Var: w.Var, Cause: w.Cause, Ending: w.Ending, Start: w.Start, Review: w.Review}
	if e.Type == Started && e.Start == nil {
		return fmt.Errorf("%s without its start record", Started)
	}
	if w.Rung != nil {
		e.Rung = *w.Rung
	}
	if w.Side != "" {
		if err := e.Side.UnmarshalText([]byte(w.Side)); err != nil {
			return err
		}
	}
	if w.Quality != "" {
		if err := e.Quality.UnmarshalText([]byte(w.Quality)); err != nil {
			return err
		}
	}
	if w.Answer != "" {
		if err := e.Answer.UnmarshalText([]byte(w.Answer)); err != nil {
			return err
		}
	}
	if w.Due != "" {
		if e.Due, err = injects.ParseDuration(w.Due); err != nil {
			return fmt.Errorf("due: %v", err)
		}
	}
	switch v := w.Value.(type) {
	case bool:
		e.Value = injects.Value{Type: injects.Bool, Bool: v}
	case string:
		e.Value = injects.Value{Type: injects.Text, Text: v}
	case float64:
		e.Value = injects.Value{Type: injects.Int, Int: int(v)}
	}
	return nil
}
