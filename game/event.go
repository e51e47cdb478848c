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
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
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
	ClockStopped // the story clock stopped here: the end of a sitting
	ConditionFailed
	ClockPaused
	ClockResumed
	SpeedSet
	ClockJumped
	InjectHeld
	InjectReleased
	InjectSkipped
	MessageSent
	BotSeated
	BotRemoved
	PersonSeated
	PersonUnseated
	ObservationNoted
	PersonReadmitted
	FeedbackGiven          // a participant handed in the feedback form
	HotwashAnswered        // the hotwash answered one of its questions
	CorrectiveActionAgreed // the hotwash agreed a row of the improvement plan
	numEventTypes
)

var eventNames = [...]string{
	"exercise.started", "inject.fired", "inject.triggered", "inject.chosen", "inject.expired",
	"inject.cancelled", "variable.set", "request.opened", "request.clarification-asked",
	"request.clarified", "element.started", "element.delivered", "element.declined", "element.overdue",
	"hotline.rang", "hotline.answered", "hotline.missed", "hotline.kept", "hotline.broken",
	"ladder.moved", "action.taken", "review.held", "exercise.ended", "clock.stopped",
	"condition.failed", "clock.paused", "clock.resumed", "clock.speed", "clock.jumped",
	"inject.held", "inject.released", "inject.skipped", "message.sent",
	"bot.seated", "bot.removed", "person.seated", "person.unseated", "observation.noted",
	"person.readmitted",
	"feedback.given", "hotwash.answered", "corrective-action.agreed",
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

	// By names who made the command that this event is the first of: a
	// person, or "bot:<profile>". Events the engine makes on its own have
	// none. A log is verified by making its commands again.
	By      string
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

	Speed     time.Duration    // SpeedSet
	Title     string           // MessageSent; HotwashAnswered: the question asked
	Text      string           // MessageSent, ObservationNoted, HotwashAnswered; ConditionFailed: the error
	To        injects.Audience // MessageSent
	Profile   string           // BotSeated
	Person    string           // PersonSeated, PersonUnseated, PersonReadmitted: whose seat
	Role      Role             // PersonSeated
	Objective string           // ObservationNoted
	Rating    Rating           // ObservationNoted
	Question  string           // HotwashAnswered: the question's key

	Start      *Start            // Started only
	Review     *Scorecard        // ReviewHeld only
	Feedback   *FeedbackForm     // FeedbackGiven only
	Correction *CorrectiveAction // CorrectiveActionAgreed only
}

// LogFormat is the version of the event log's format this program writes
// and reads: the start record carries it.
const LogFormat = 1

// Start records how an exercise began: enough to replay or resume it.
type Start struct {
	Format   int       `json:"format"`
	Scenario string    `json:"scenario"`
	Source   string    `json:"source"` // where the scenario came from: a built-in id or a path
	Digest   string    `json:"digest"`
	Seed     uint64    `json:"seed"`
	Players  [2]string `json:"players"` // per side: "player", "class", or "bot:<profile>"
	// Facilitator names who runs a class, the first of its control cell.
	Facilitator string `json:"facilitator,omitempty"`
}

// Who plays a side, as Start.Players says it.
const (
	SoloPlayer = "player" // one person plays every team of the side
	Class      = "class"  // people take the teams' seats as they join
	botPrefix  = "bot:"
)

// wireEvent is an event as a log line: only the fields its type uses, with
// the format's names for enumerations.
type wireEvent struct {
	Seq       int        `json:"seq"`
	At        string     `json:"at"`
	Type      EventType  `json:"type"`
	By        string     `json:"by,omitempty"`
	Team      string     `json:"team,omitempty"`
	Side      string     `json:"side,omitempty"`
	Inject    string     `json:"inject,omitempty"`
	Choice    string     `json:"choice,omitempty"`
	Request   string     `json:"request,omitempty"`
	Element   string     `json:"element,omitempty"`
	Quality   string     `json:"quality,omitempty"`
	Ground    string     `json:"ground,omitempty"`
	Call      int        `json:"call,omitempty"`
	Answer    string     `json:"answer,omitempty"`
	Action    string     `json:"action,omitempty"`
	Var       string     `json:"var,omitempty"`
	Value     any        `json:"value,omitempty"`
	Rung      *int       `json:"rung,omitempty"`
	Cause     string     `json:"cause,omitempty"`
	Due       string     `json:"due,omitempty"`
	Ending    string     `json:"ending,omitempty"`
	Speed     string     `json:"speed,omitempty"`
	Title     string     `json:"title,omitempty"`
	Text      string     `json:"text,omitempty"`
	To        string     `json:"to,omitempty"`
	Profile   string     `json:"profile,omitempty"`
	Person    string     `json:"person,omitempty"`
	Role      string     `json:"role,omitempty"`
	Objective string     `json:"objective,omitempty"`
	Rating    string     `json:"rating,omitempty"`
	Question  string     `json:"question,omitempty"`
	Start     *Start     `json:"start,omitempty"`
	Review    *Scorecard `json:"review,omitempty"`

	Feedback   *FeedbackForm     `json:"feedback,omitempty"`
	Correction *CorrectiveAction `json:"corrective_action,omitempty"`
}

// MarshalJSON writes the event as one log line's object.
func (e Event) MarshalJSON() ([]byte, error) {
	w := wireEvent{Seq: e.Seq, At: injects.FormatDuration(e.At), Type: e.Type, By: e.By, Team: e.Team,
		Inject: e.Inject, Choice: e.Choice, Request: e.Request, Element: e.Element, Ground: e.Ground,
		Call: e.Call, Action: e.Action, Var: e.Var, Cause: e.Cause, Ending: e.Ending, Title: e.Title, Text: e.Text,
		Profile: e.Profile, Person: e.Person, Objective: e.Objective, Start: e.Start, Review: e.Review,
		Question: e.Question, Feedback: e.Feedback, Correction: e.Correction}
	switch e.Type {
	case Rang:
		w.Side = e.Side.String()
	case WorkStarted:
		w.Quality, w.Due = e.Quality.String(), injects.FormatDuration(e.Due)
	case Delivered:
		w.Quality = e.Quality.String()
	case InjectTriggered, ClockJumped:
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
	case SpeedSet:
		w.Speed = injects.FormatDuration(e.Speed)
	case MessageSent:
		w.To = e.To.String()
	case PersonSeated:
		w.Role = e.Role.String()
	case ObservationNoted:
		if e.Rating != Unrated {
			w.Rating = e.Rating.String()
		}
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads a log line's object; variable values are typed later,
// against the scenario's declarations. Its errors say which field is wrong
// in words, never in Go's types.
func (e *Event) UnmarshalJSON(b []byte) error {
	var w wireEvent
	if err := json.Unmarshal(b, &w); err != nil {
		return jsonWords(err)
	}
	at, err := injects.ParseDuration(w.At)
	if err != nil {
		return fmt.Errorf("at: %v", err)
	}
	*e = Event{Seq: w.Seq, At: at, Type: w.Type, By: w.By, Team: w.Team, Inject: w.Inject, Choice: w.Choice,
		Request: w.Request, Element: w.Element, Ground: w.Ground, Call: w.Call, Action: w.Action,
		Var: w.Var, Cause: w.Cause, Ending: w.Ending, Title: w.Title, Text: w.Text, Profile: w.Profile,
		Person: w.Person, Objective: w.Objective, Start: w.Start, Review: w.Review,
		Question: w.Question, Feedback: w.Feedback, Correction: w.Correction}
	if e.Type == Started && e.Start == nil {
		return fmt.Errorf("%s without its start record", Started)
	}
	if w.Rung != nil {
		e.Rung = *w.Rung
	}
	if w.Side != "" {
		if err := e.Side.UnmarshalText([]byte(w.Side)); err != nil {
			return fmt.Errorf("side: %v", err)
		}
	}
	if w.Quality != "" {
		if err := e.Quality.UnmarshalText([]byte(w.Quality)); err != nil {
			return fmt.Errorf("quality: %v", err)
		}
	}
	if w.Answer != "" {
		if err := e.Answer.UnmarshalText([]byte(w.Answer)); err != nil {
			return fmt.Errorf("answer: %v", err)
		}
	}
	if w.Due != "" {
		if e.Due, err = injects.ParseDuration(w.Due); err != nil {
			return fmt.Errorf("due: %v", err)
		}
	}
	if w.Speed != "" {
		if e.Speed, err = injects.ParseDuration(w.Speed); err != nil {
			return fmt.Errorf("speed: %v", err)
		}
	}
	if w.To != "" {
		if e.To, err = injects.ParseAudience(w.To); err != nil {
			return fmt.Errorf("to: %v", err)
		}
	}
	if w.Role != "" {
		if err := e.Role.UnmarshalText([]byte(w.Role)); err != nil {
			return fmt.Errorf("role: %v", err)
		}
	}
	if w.Rating != "" {
		if err := e.Rating.UnmarshalText([]byte(w.Rating)); err != nil {
			return fmt.Errorf("rating: %v", err)
		}
	}
	switch v := w.Value.(type) {
	case bool:
		e.Value = injects.Value{Type: injects.Bool, Bool: v}
	case string:
		e.Value = injects.Value{Type: injects.Text, Text: v}
	case float64:
		if v != math.Trunc(v) || math.Abs(v) > maxLoggedInt {
			return fmt.Errorf("value: %v is not a whole number the exercise can hold", v)
		}
		e.Value = injects.Value{Type: injects.Int, Int: int(v)}
	case nil:
	default:
		return errors.New("value: expected a number, a word or true/false")
	}
	return nil
}

// maxLoggedInt bounds the numbers a log may hold, well inside what a float
// carries exactly.
const maxLoggedInt = 1 << 50

// jsonWords says what encoding/json found wrong without naming Go's types.
func jsonWords(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if i := strings.LastIndexByte(field, '.'); i >= 0 {
			field = field[i+1:]
		}
		what := jsonKind(te.Value)
		if field == "" {
			return fmt.Errorf("expected an object, found %s", what)
		}
		return fmt.Errorf("%s: found %s where the log format has %s", field, what, goKindWords(te.Type.Kind()))
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("not valid JSON at byte %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "invalid character "))
	}
	return err
}

// jsonKind words the kind of JSON value encoding/json found.
func jsonKind(v string) string {
	switch {
	case strings.HasPrefix(v, "number"):
		return "a number"
	case v == "string":
		return "text"
	case v == "bool":
		return "true/false"
	case v == "array":
		return "a list"
	case v == "object":
		return "an object"
	}
	return v
}

func goKindWords(k reflect.Kind) string {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true/false"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return "an object"
}

// Rating is an evaluator's rating of how an objective was performed, on
// HSEEP's scale.
type Rating uint8

const (
	Unrated Rating = iota
	RatedP         // performed without challenges
	RatedS         // performed with some challenges
	RatedM         // performed with major challenges
	RatedU         // unable to be performed
	numRatings
)

var ratingCodes = [...]string{"", "P", "S", "M", "U"}

var ratingWords = [...]string{"not rated", "performed without challenges", "performed with some challenges",
	"performed with major challenges", "unable to be performed"}

// String is the rating's letter on HSEEP's scale (P, S, M, U).
func (r Rating) String() string {
	if int(r) < len(ratingCodes) {
		return ratingCodes[r]
	}
	return fmt.Sprintf("rating(%d)", r)
}

// Words is the rating in full.
func (r Rating) Words() string {
	if int(r) < len(ratingWords) {
		return ratingWords[r]
	}
	return r.String()
}

func (r Rating) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

func (r *Rating) UnmarshalText(b []byte) error {
	for i, c := range ratingCodes {
		if i > 0 && strings.EqualFold(c, string(b)) {
			*r = Rating(i)
			return nil
		}
	}
	return fmt.Errorf("%q is not a rating; the ratings are P, S, M and U", b)
}
