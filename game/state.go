package game

import (
	"slices"
	"strings"
	"time"

	"hotline/injects"
)

// State is the fold of the events so far. Apply is its only mutator, so any
// state can be rebuilt from its log. Slices are parallel to the scenario's.
type State struct {
	Scenario *injects.Scenario
	Seq      int
	Now      time.Duration // the story clock
	At       time.Duration // when the last event happened
	Seed     uint64
	Players  [2]string

	Injects  []InjectState
	Vars     []injects.Value
	Requests []RequestState
	Actions  []ActionState
	Calls    []Call
	// Escalation belongs to a side and a matter: a request and the calls
	// about it (RequestState.Escalation), or, for calls about no request,
	// the side's grievances at large (AtLarge). Levels is each side's
	// highest escalation of any matter, by rung; Rung, the ladder everyone
	// sees, is the higher of the two.
	AtLarge [2]int
	Levels  [2]int
	Rung    int
	Reviews []*Scorecard
	Ended   bool
	Ending  string // ending id; empty when the clock ran out with none

	// The story clock as its keepers set it: whether it runs, and its pace
	// in story time per second (0 until someone changes it).
	Running bool
	Speed   time.Duration

	Class       bool     // people take seats as they join
	Facilitator string   // who started a class
	Bots        []string // by team: the counterpart profile playing it, or ""
	People      []Person // seated, in the order they came
	Removed     []string // taken out by the control cell: kept out until readmitted
	Messages    []Message
	Notes       []Observation
	Failures    []ConditionFailure

	after map[string][]int // the injects that come after each, made once (see followers)
	// After play (afterplay.go): every feedback form handed in, in order;
	// the hotwash's answers, the latest to each question; and the
	// corrective actions it agreed, the latest of each row.
	Feedback    []Feedback
	Hotwash     []HotwashAnswer
	Corrections []CorrectiveAction
}

// Message is an ad-hoc inject the control cell sent.
type Message struct {
	At    time.Duration
	By    string
	Title string
	Text  string
	To    injects.Audience
}

// Observation is an evaluator's note.
type Observation struct {
	At        time.Duration
	By        string
	Objective string
	Team      string
	Rating    Rating
	Text      string
}

// ConditionFailure is a condition of the scenario that failed when it ran;
// it counts as false from then on.
type ConditionFailure struct {
	At   time.Duration
	Of   ConditionOwner
	Text string
}

// ActionState counts how often a scenario action was taken, and when last.
type ActionState struct {
	Taken int
	Last  time.Duration
}

// InjectStatus is where an inject stands.
type InjectStatus uint8

const (
	Waiting   InjectStatus = iota // not yet due
	Scheduled                     // due to fire at Due
	Fired
	Cancelled
	Skipped // the control cell struck it from the script
)

// InjectState is an inject's progress.
type InjectState struct {
	Status   InjectStatus
	Due      time.Duration // for Scheduled
	FiredAt  time.Duration
	Resolved bool   // a choice was made or the deadline passed
	Choice   string // the choice made, if any
	By       string // the team that chose
	Person   string // who chose
	Timeout  bool   // the deadline passed
	Held     bool   // the control cell keeps it from firing
	FiredBy  string // the person who fired it by hand, if one did
}

// RequestState is an opened request's progress.
type RequestState struct {
	Opened     bool
	OpenedAt   time.Duration
	OpenedBy   string
	Opener     string         // the person who sent it
	Elements   []ElementState // parallel to the request's ElementSpecs
	Clarifying bool
	AskedAt    time.Duration // when clarification was asked
	Asked      bool          // clarification has been asked once
	// Escalation is how far each side has escalated this request, by
	// rung, and EscalatedAt when each last moved: for the rung of a
	// sanctions threat, when the threat was made.
	Escalation  [2]int
	EscalatedAt [2]time.Duration
}

// Scripted reports whether the script sent the request (an inject's
// effects, or a deadline's choice made for the side), not a decision of the
// side's players.
func (r *RequestState) Scripted() bool { return r.Opened && r.OpenedBy == "" }

// ElementState is one element's progress.
type ElementState struct {
	Due         time.Duration // absolute; moves when clarification pauses the clock
	Window      time.Duration // the time the requester gave for it
	Working     bool
	ReadyAt     time.Duration
	Quality     injects.Quality
	Delivered   bool
	DeliveredAt time.Duration
	Declined    bool
	DeclinedAt  time.Duration
	Ground      string
	Overdue     bool // its due time passed before it was resolved
	By          string
	Person      string // who delivered or declined it
}

// Resolved reports whether the element was delivered or declined.
func (e *ElementState) Resolved() bool { return e.Delivered || e.Declined }

// Call is a hotline call.
type Call struct {
	N          int // from 1
	From       injects.Side
	Team       string
	Caller     string // the person who rang
	About      string // request id, if any
	RangAt     time.Duration
	AnswerBy   time.Duration
	Answered   bool
	Answer     injects.Answer
	AnsweredAt time.Duration
	AnsweredBy string
	Answerer   string // the person who answered
	Missed     bool
	PromiseBy  time.Duration // for a commitment
	Kept       bool
	Broken     bool
}

// Open reports whether the call still waits for an answer.
func (c *Call) Open() bool { return !c.Answered && !c.Missed }

// Promised reports whether the call holds a commitment not yet judged.
func (c *Call) Promised() bool {
	return c.Answered && c.Answer == injects.Commit && !c.Kept && !c.Broken
}

func newState(sc *injects.Scenario) *State {
	st := &State{
		Scenario: sc,
		Injects:  make([]InjectState, len(sc.Injects)),
		Vars:     make([]injects.Value, len(sc.Variables)),
		Requests: make([]RequestState, len(sc.Requests)),
		Actions:  make([]ActionState, len(sc.Actions)),
		Bots:     make([]string, len(sc.Teams)),
	}
	for i, v := range sc.Variables {
		st.Vars[i] = plain(v.Initial)
	}
	for i := range sc.Requests {
		st.Requests[i].Elements = make([]ElementState, len(sc.Requests[i].Elements))
	}
	return st
}

// Apply folds one event into the state.
func (st *State) Apply(e *Event) {
	sc := st.Scenario
	st.Seq, st.Now, st.At = e.Seq, e.At, e.At
	switch e.Type {
	case Started:
		st.Seed, st.Players = e.Start.Seed, e.Start.Players
		st.Facilitator = e.Start.Facilitator
		for side, p := range st.Players {
			st.Class = st.Class || p == Class
			if profile, ok := strings.CutPrefix(p, botPrefix); ok {
				for _, team := range sc.TeamsOf(injects.Side(side)) {
					st.Bots[sc.TeamIndex(team)] = profile
				}
			}
		}
		for i := range sc.Injects {
			if t := sc.Injects[i].Trigger; t.Kind == injects.At {
				st.Injects[i] = InjectState{Status: Scheduled, Due: t.At}
			}
		}
	case InjectTriggered:
		if i, ok := sc.InjectIndex(e.Inject); ok {
			st.Injects[i].Status, st.Injects[i].Due = Scheduled, e.Due
		}
	case InjectFired:
		i, ok := sc.InjectIndex(e.Inject)
		if !ok {
			return
		}
		st.Injects[i].Status, st.Injects[i].FiredAt, st.Injects[i].FiredBy = Fired, e.At, e.By
		if len(sc.Injects[i].Choices) == 0 && sc.Injects[i].Deadline == nil {
			st.Injects[i].Resolved = true
		}
		// Injects that come after this one are now scheduled.
		for _, j := range st.followers(e.Inject) {
			t := sc.Injects[j].Trigger
			if st.Injects[j].Status == Waiting {
				st.Injects[j].Status, st.Injects[j].Due = Scheduled, max(e.At+t.Delay, t.NotBefore)
			}
		}
	case InjectChosen, InjectExpired:
		if i, ok := sc.InjectIndex(e.Inject); ok {
			in := &st.Injects[i]
			in.Resolved, in.Choice, in.By, in.Person, in.Timeout = true, e.Choice, e.Team, e.By, e.Type == InjectExpired
		}
	case InjectCancelled:
		if i, ok := sc.InjectIndex(e.Inject); ok {
			st.Injects[i].Status = Cancelled
		}
	case VariableSet:
		if i, ok := sc.VariableIndex(e.Var); ok {
			v := e.Value
			v.Type = sc.Variables[i].Type
			st.Vars[i] = plain(v)
		}
	case RequestOpened:
		if i, ok := sc.RequestIndex(e.Request); ok {
			r := &st.Requests[i]
			r.Opened, r.OpenedAt, r.OpenedBy, r.Opener = true, e.At, e.Team, e.By
			for j, spec := range sc.Requests[i].Elements {
				r.Elements[j] = ElementState{Due: e.At + spec.Due, Window: spec.Due}
			}
		}
	case ClarificationAsked:
		if r := st.request(e.Request); r != nil {
			r.Clarifying, r.Asked, r.AskedAt = true, true, e.At
		}
	case Clarified:
		if r := st.request(e.Request); r != nil {
			r.Clarifying = false
			paused := e.At - r.AskedAt
			for j := range r.Elements {
				if el := &r.Elements[j]; !el.Resolved() && !el.Overdue {
					el.Due += paused
				}
			}
		}
	case WorkStarted:
		if el := st.element(e.Request, e.Element); el != nil {
			el.Working, el.ReadyAt, el.Quality, el.By, el.Person = true, e.Due, e.Quality, e.Team, e.By
		}
	case Delivered:
		if el := st.element(e.Request, e.Element); el != nil {
			el.Working, el.Delivered, el.DeliveredAt, el.Quality = false, true, e.At, e.Quality
			if e.By != "" { // delivered at once, with no work to wait for
				el.By, el.Person = e.Team, e.By
			}
		}
	case Declined:
		if el := st.element(e.Request, e.Element); el != nil {
			el.Declined, el.DeclinedAt, el.Ground, el.By = true, e.At, e.Ground, e.Team
			if e.By != "" {
				el.Person = e.By
			} else if r := st.request(e.Request); r != nil { // declined along with the investigation
				for j := range r.Elements {
					if r.Elements[j].Declined && r.Elements[j].DeclinedAt == e.At && r.Elements[j].Person != "" {
						el.Person = r.Elements[j].Person
					}
				}
			}
		}
	case Overdue:
		if el := st.element(e.Request, e.Element); el != nil {
			el.Overdue = true
		}
	case Rang:
		st.Calls = append(st.Calls, Call{N: e.Call, From: e.Side, Team: e.Team, Caller: e.By, About: e.Request,
			RangAt: e.At, AnswerBy: e.At + sc.Hotline.AnswerWithin})
	case Answered:
		if c := st.call(e.Call); c != nil {
			c.Answered, c.Answer, c.AnsweredAt, c.AnsweredBy, c.Answerer = true, e.Answer, e.At, e.Team, e.By
			if e.Answer == injects.Commit {
				c.PromiseBy = e.Due
			}
		}
	case Missed:
		if c := st.call(e.Call); c != nil {
			c.Missed = true
		}
	case Kept:
		if c := st.call(e.Call); c != nil {
			c.Kept = true
		}
	case Broken:
		if c := st.call(e.Call); c != nil {
			c.Broken = true
		}
	case LadderMoved:
		if r := st.request(e.Request); r != nil && e.Request != "" {
			r.Escalation[e.Side], r.EscalatedAt[e.Side] = e.Rung, e.At
		} else {
			st.AtLarge[e.Side] = e.Rung
		}
		level := st.AtLarge[e.Side]
		for i := range st.Requests {
			level = max(level, st.Requests[i].Escalation[e.Side])
		}
		st.Levels[e.Side] = level
		st.Rung = max(st.Levels[injects.US], st.Levels[injects.CN])
	case ActionTaken:
		if i, ok := sc.ActionIndex(e.Action); ok {
			st.Actions[i].Taken++
			st.Actions[i].Last = e.At
		}
	case ReviewHeld:
		st.Reviews = append(st.Reviews, e.Review)
	case Ended:
		st.Ended, st.Ending, st.Running = true, e.Ending, false
	case ClockPaused:
		st.Running = false
	case ClockResumed:
		st.Running = true
	case SpeedSet:
		st.Speed = e.Speed
	case InjectHeld, InjectReleased:
		if i, ok := sc.InjectIndex(e.Inject); ok {
			st.Injects[i].Held = e.Type == InjectHeld
		}
	case InjectSkipped:
		if i, ok := sc.InjectIndex(e.Inject); ok {
			st.Injects[i].Status = Skipped
		}
	case MessageSent:
		st.Messages = append(st.Messages, Message{At: e.At, By: e.By, Title: e.Title, Text: e.Text, To: e.To})
	case ObservationNoted:
		st.Notes = append(st.Notes, Observation{At: e.At, By: e.By, Objective: e.Objective, Team: e.Team,
			Rating: e.Rating, Text: e.Text})
	case ConditionFailed:
		st.Failures = append(st.Failures, ConditionFailure{At: e.At, Of: ownerOf(e), Text: e.Text})
	case BotSeated, BotRemoved:
		if t := sc.TeamIndex(e.Team); t >= 0 {
			st.Bots[t] = e.Profile
		}
	case PersonSeated:
		st.seat(Person{Name: e.Person, Role: e.Role, Team: e.Team})
	case PersonUnseated:
		st.People = slices.DeleteFunc(slices.Clone(st.People), func(p Person) bool { return p.Name == e.Person })
		st.Removed = append(slices.Clone(st.Removed), e.Person)
	case PersonReadmitted:
		st.Removed = slices.DeleteFunc(slices.Clone(st.Removed), func(n string) bool { return n == e.Person })
	case FeedbackGiven, HotwashAnswered, CorrectiveActionAgreed:
		st.applyAfterPlay(e)
	}
}

// seat puts a person in a seat, moving them if they had another. A player
// taking a team's seat takes it from the bot that played it.
func (st *State) seat(p Person) {
	st.People = slices.DeleteFunc(slices.Clone(st.People), func(q Person) bool { return q.Name == p.Name })
	st.People = append(st.People, p)
	if p.Role == Player {
		if t := st.Scenario.TeamIndex(p.Team); t >= 0 {
			st.Bots[t] = ""
		}
	}
}

// Begun reports whether the exercise is under way. A class begins when the
// facilitator first starts or moves its clock: until then the room is
// sitting down, and the bots that hold the empty teams make no move for
// them. An exercise played alone begins at once.
func (st *State) Begun() bool { return !st.Class || st.Running || st.Now > 0 }

// Seated returns the seat of the person with the given name.
func (st *State) Seated(name string) (Person, bool) {
	for _, p := range st.People {
		if p.Name == name {
			return p, true
		}
	}
	return Person{}, false
}

// plain keeps only the field of a value that its type uses, so that equal
// values compare equal however they were made: a value read from an inject
// file keeps its source text, one read from a log does not.
func plain(v injects.Value) injects.Value {
	switch v.Type {
	case injects.Bool:
		return injects.Value{Type: v.Type, Bool: v.Bool}
	case injects.Text:
		return injects.Value{Type: v.Type, Text: v.Text}
	}
	return injects.Value{Type: v.Type, Int: v.Int}
}

func (st *State) request(id string) *RequestState {
	if i, ok := st.Scenario.RequestIndex(id); ok {
		return &st.Requests[i]
	}
	return nil
}

func (st *State) element(req, el string) *ElementState {
	i, ok := st.Scenario.RequestIndex(req)
	if !ok {
		return nil
	}
	j := st.Scenario.Requests[i].Element(el)
	if j < 0 {
		return nil
	}
	return &st.Requests[i].Elements[j]
}

func (st *State) call(n int) *Call {
	if n >= 1 && n <= len(st.Calls) {
		return &st.Calls[n-1]
	}
	return nil
}

// Var returns a variable's value by id.
func (st *State) Var(id string) (injects.Value, bool) {
	if i, ok := st.Scenario.VariableIndex(id); ok {
		return st.Vars[i], true
	}
	return injects.Value{}, false
}

// RequestStatus is a request's status as conditions and screens see it.
func (st *State) RequestStatus(i int) string {
	r := &st.Requests[i]
	if !r.Opened {
		return injects.StatusUnopened
	}
	delivered, declined, resolved := 0, 0, 0
	for j := range r.Elements {
		el := &r.Elements[j]
		switch {
		case el.Delivered:
			delivered++
			resolved++
		case el.Declined:
			declined++
			resolved++
		case el.Overdue:
			return injects.StatusOverdue
		}
	}
	if resolved < len(r.Elements) {
		return injects.StatusOpen
	}
	if declined > 0 && delivered <= 1 { // nothing but the acknowledgement
		return injects.StatusDeclined
	}
	return injects.StatusAnswered
}

// Late reports whether any element of request i was delivered late or is
// overdue.
func (st *State) Late(i int) bool {
	for j := range st.Requests[i].Elements {
		el := &st.Requests[i].Elements[j]
		if el.Overdue || (el.Delivered && el.DeliveredAt > el.Due) {
			return true
		}
	}
	return false
}

// NextDue returns the earliest due time among request i's unresolved
// elements.
func (st *State) NextDue(i int) (time.Duration, int, bool) {
	best, at, found := time.Duration(0), -1, false
	for j := range st.Requests[i].Elements {
		el := &st.Requests[i].Elements[j]
		if !el.Resolved() && (!found || el.Due < best) {
			best, at, found = el.Due, j, true
		}
	}
	return best, at, found
}

// Escalation is side's escalation of a matter: of request i, or of its
// grievances at large when i is -1.
func (st *State) Escalation(side injects.Side, i int) int {
	if i < 0 {
		return st.AtLarge[side]
	}
	return st.Requests[i].Escalation[side]
}

// topMatter is the matter side has escalated furthest: a request, or -1
// for its grievances at large when none stands higher.
func (st *State) topMatter(side injects.Side) int {
	top, level := -1, st.AtLarge[side]
	for i := range st.Requests {
		if st.Requests[i].Escalation[side] > level {
			top, level = i, st.Requests[i].Escalation[side]
		}
	}
	return top
}

// Missed counts the hotline calls to side that went unanswered.
func (st *State) Missed(side injects.Side) int {
	return st.callsTo(side, func(c *Call) bool { return c.Missed })
}

// Kept counts the commitments side made over the hotline and kept.
func (st *State) Kept(side injects.Side) int {
	return st.callsTo(side, func(c *Call) bool { return c.Kept })
}

// callsTo counts the calls to side that went the given way.
func (st *State) callsTo(side injects.Side, went func(*Call) bool) int {
	n := 0
	for k := range st.Calls {
		if c := &st.Calls[k]; c.From != side && went(c) {
			n++
		}
	}
	return n
}
