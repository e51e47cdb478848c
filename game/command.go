package game

import (
	"errors"
	"fmt"
	"slices"
	"time"

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

	// The story clock: the facilitator's, or a solo player's own.
	PauseClock
	RunClock
	SetSpeed  // Speed
	JumpClock // move the clock on to the next thing players would see

	// The control cell's commands over the script.
	FireInject    // fire an inject now: Inject
	HoldInject    // keep an inject from firing until released: Inject
	ReleaseInject // Inject; it fires at once if it fell due while held
	SkipInject    // Inject; it will not fire
	SendMessage   // an ad-hoc inject: Title, Text, To
	SeatBot       // a counterpart bot plays a team: Team, Profile
	RemoveBot     // Team
	Seat          // a person takes a seat: Person (Name, Role, Team)
	Unseat        // take a person out of the exercise, kept out until readmitted: Person.Name
	EndExercise   // end now, with the closing review

	// Evaluators' notes.
	Note // Objective, Team (optional), Rating (optional), Text

	Readmit // let a person taken out of the exercise join again: Person.Name
	// After play (afterplay.go): they still count once the exercise has
	// ended.
	GiveFeedback  // a participant's feedback form: Feedback
	AnswerHotwash // the hotwash's answer to a question: Question (its key), Title (the question), Text
	AgreeAction   // a corrective action the hotwash agreed: Correction

	numVerbs
)

var verbNames = [...]string{"choose", "open", "deliver", "decline", "ask-clarification", "clarify", "ring", "answer", "act",
	"pause", "run", "set-speed", "jump",
	"fire-inject", "hold-inject", "release-inject", "skip-inject", "send-message", "seat-bot", "remove-bot", "seat", "unseat", "end",
	"note", "readmit", "feedback", "hotwash-answer", "corrective-action"}

func (v Verb) String() string {
	if int(v) < len(verbNames) {
		return verbNames[v]
	}
	return fmt.Sprintf("verb(%d)", v)
}

// Command is what an actor does. Which fields count depends on Verb; Team is
// the team acted for, where the verb acts for one.
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

	At        time.Duration    // JumpClock: how far at most; the session sets it
	Speed     time.Duration    // SetSpeed
	Title     string           // SendMessage; AnswerHotwash: the question
	Text      string           // SendMessage, Note, AnswerHotwash
	To        injects.Audience // SendMessage
	Profile   string           // SeatBot
	Person    Person           // Seat, Unseat, Readmit
	Objective string           // Note
	Rating    Rating           // Note

	Question   string           // AnswerHotwash: the question's key
	Feedback   FeedbackForm     // GiveFeedback
	Correction CorrectiveAction // AgreeAction
}

// Role is what a person may do in an exercise.
type Role uint8

const (
	Player      Role = iota // acts for the teams of its seat
	Solo                    // plays alone: its teams, and its own story clock
	Facilitator             // the control cell: any team, the script, the seats and the clock
	Evaluator               // sees both sides and writes observations
	Observer                // sees both sides; acts for nobody
	numRoles
)

var roleNames = [...]string{"player", "solo", "facilitator", "evaluator", "observer"}

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("role(%d)", r)
}

func (r Role) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

func (r *Role) UnmarshalText(b []byte) error {
	for i, n := range roleNames {
		if n == string(b) {
			*r = Role(i)
			return nil
		}
	}
	return fmt.Errorf("%q is not a role; the roles are %v", b, roleNames)
}

// Person is someone at the table: a name, a role, and for a player the team
// they sit in.
type Person struct {
	Name string
	Role Role
	Team string
}

// Actor is who sends commands: a person in their seat, or a bot. The engine
// decides from it what the command may do.
type Actor struct {
	Name  string
	Role  Role
	Teams []string // the teams it acts for
}

// CanActFor reports whether the actor may make commands in team's name.
func (a Actor) CanActFor(team string) bool {
	return a.Role == Facilitator || slices.Contains(a.Teams, team)
}

// RunsClock reports whether the actor may pause, resume and pace the clock.
func (a Actor) RunsClock() bool { return a.Role == Facilitator || a.Role == Solo }

// SideActor is an actor for every team of a side, as a solo player or a bot
// plays it.
func SideActor(sc *injects.Scenario, name string, side injects.Side) Actor {
	return Actor{Name: name, Role: Solo, Teams: sc.TeamsOf(side)}
}

// ErrForbidden is returned, wrapped, when an actor commands a team that is
// not theirs, or gives a command its role does not allow.
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
