// Package injects defines the inject-file format: the types of a scenario,
// loading and validating YAML files into them, and the built-in scenarios.
//
// A Scenario is immutable once loaded; the game engine plays it.
package injects

import (
	"fmt"
	"slices"
	"time"
)

// FormatVersion is the inject-file format version this package reads.
const FormatVersion = 1

// Scenario is a validated exercise: its calendar, the two delegations, the
// master scenario events list (injects), the requests that can be opened, and
// the rules for the hotline and the dialogue review.
type Scenario struct {
	Format int
	ID     string
	Title  string
	// Summary is the public summary: the start screen, the scenario list
	// and every edition of the situation manual print it.
	Summary string
	// FacilitatorSummary is the control cell's summary: only the
	// facilitator's edition prints it, so it may say what is to come.
	FacilitatorSummary string
	// Start is the story calendar's first instant, in the scenario's home zone.
	Start time.Time
	// End is when the exercise ends, as an offset from Start.
	End time.Duration
	// PlayingTime is how long a session of the scenario is expected to
	// take in real time, at the default clock speed with quiet stretches
	// skipped; zero when the file does not say.
	PlayingTime time.Duration
	// Exercise is the sitting the scenario is played at, as far as the
	// file says: the situation manual's cover.
	Exercise Exercise
	// Acronyms are the scenario's acronyms, for the documents' appendix.
	Acronyms []Acronym
	// Feedback is the questions of the participants' feedback form, in
	// the file's order (HSEEP's three by default).
	Feedback []string

	Objectives []Objective
	Sides      [2]Delegation // indexed by Side
	Teams      []Team
	Personas   []Persona
	Variables  []Variable
	Injects    []Inject
	Requests   []Request
	Grounds    []Ground
	Actions    []Action
	Hotline    Hotline
	Costs      Costs
	Profiles   []Profile
	Review     Review
	Endings    []Ending

	// Shared is set for a file meant only to be included by scenarios.
	Shared bool
	// SharedFiles names the shared files the scenario includes, as its
	// positions name them: what they hold may serve other scenarios.
	SharedFiles []string

	// Source names where the scenario came from: a built-in id or a file path.
	Source string
	// Digest identifies the scenario's content, so a saved log can tell
	// whether it is being resumed against the same scenario.
	Digest string

	index map[string]map[string]int // kind -> id -> position in its slice
	// The lookups play makes all the time, without the kind's map.
	injectIdx, requestIdx, variableIdx, actionIdx, teamIdx map[string]int
}

// Pos is a place in an inject file.
type Pos struct {
	File string
	Line int
	Col  int
}

// String writes the place as file:line:col.
func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Objective is a learning objective that injects serve.
type Objective struct {
	ID   string
	Text string
	// Injects and Requests exercise the objective: those it names, and
	// those that name it, merged (HSEEP's objective-to-event mapping).
	Injects  []string
	Requests []string
	// Tasks are the critical tasks an evaluator watches for, as the file
	// words them; none when it leaves them to the documents.
	Tasks []string
	Pos   Pos

	injectPos, requestPos []Pos // where the objective names each
}

// Exercise is the sitting a scenario is played at: the situation manual's
// particulars. A facilitator may give them on the command line instead.
type Exercise struct {
	Date          time.Time     // the day, at midnight UTC; zero when not given
	Start         time.Duration // the time of day the sitting starts, when Timed
	Timed         bool
	Location      string
	Sponsor       string
	Contact       string // the point of contact
	Organizations []string
}

// Acronym is a short form and what it stands for.
type Acronym struct {
	Short, Long string
}

// Delegation is one side of the joint dialogue.
type Delegation struct {
	Side Side
	Name string
	Lead string
	// Interests are the delegation's interests, background for its role
	// cards; none when the file does not give them.
	Interests []string
	// Counterparts are the profile ids a bot may use to play this side; the
	// first is the default.
	Counterparts []string
	Pos          Pos

	counterpartPos []Pos // where each counterpart is named
}

// Team is an agency within a delegation; commands are made in a team's name.
type Team struct {
	ID   string
	Name string
	// Role is the team's role card: who it is and what it does in play.
	Role string
	Side Side
	Pos  Pos
}

// Persona is someone who sends injects.
type Persona struct {
	ID          string
	Name        string
	Affiliation Affiliation
	Pos         Pos
}

// Variable is a scenario meter or flag, such as trust or tension.
type Variable struct {
	ID          string
	Type        VarType
	Min, Max    int // for int variables; values are kept within them
	Initial     Value
	Description string
	Pos         Pos
}

// Meter reports whether the variable is an int with a range, shown as a meter.
func (v *Variable) Meter() bool { return v.Type == Int && v.Max > v.Min }

// Inject is one event of the master scenario events list.
type Inject struct {
	ID      string
	Trigger Trigger
	To      Audience
	From    string // persona id
	Channel Channel
	Title   string
	Body    string // Markdown
	Notes   string // for the facilitator only
	// Objectives are the objectives the inject names itself; those an
	// objective's block maps to it are in InjectObjectives.
	Objectives []string
	Effects    []Effect // applied when the inject fires
	Choices    []Choice
	Deadline   *Deadline
	Pos        Pos

	// Where the references are written, for diagnostics.
	toPos, fromPos Pos
	objectivePos   []Pos
}

// Choice returns the inject's choice with the given id.
func (in *Inject) Choice(id string) (*Choice, bool) {
	for i := range in.Choices {
		if in.Choices[i].ID == id {
			return &in.Choices[i], true
		}
	}
	return nil, false
}

// TriggerKind says what makes an inject fire.
type TriggerKind uint8

const (
	// Reserve injects fire only when an effect or a choice fires them.
	Reserve TriggerKind = iota
	// At fires at a story-time offset from the start.
	At
	// After fires a delay after another inject fired.
	After
	// When fires a delay after a condition first becomes true.
	When
)

// Trigger says when an inject fires.
type Trigger struct {
	Kind  TriggerKind
	At    time.Duration // for At
	After string        // inject id, for After
	If    *Condition    // for When
	Delay time.Duration // for After and When
	// NotBefore keeps an inject of an included file from firing before the
	// time the file was included at.
	NotBefore time.Duration
	Pos       Pos
}

// Audience is whom an inject is addressed to: everyone, a side, or one team.
type Audience struct {
	All  bool
	Side Side   // when not All
	Team string // a team of Side, or empty for the whole side
}

// Includes reports whether a team of the given side is addressed.
func (a Audience) Includes(side Side, team string) bool {
	if a.All {
		return true
	}
	return a.Side == side && (a.Team == "" || a.Team == team)
}

// Choice is an option the addressed side can take on an inject.
type Choice struct {
	ID      string
	Label   string
	Tone    Tone
	If      *Condition // offered only while it holds; nil: always
	Effects []Effect
	Next    string // inject fired right after the choice, if any
	// Bearings say what taking the choice means for learning objectives;
	// the after-action report grades the decision by them.
	Bearings []Bearing
	Pos      Pos

	nextPos Pos
}

// Bearing is what taking a choice or an action means for one learning
// objective: whether it supports the objective, undermines it or neither,
// and why, in a sentence a teacher can read aloud in the debrief.
type Bearing struct {
	Objective string
	Verdict   Verdict
	Why       string
	Pos       Pos
}

// BearingOn finds the bearing on an objective among bearings.
func BearingOn(bearings []Bearing, objective string) (Bearing, bool) {
	for _, b := range bearings {
		if b.Objective == objective {
			return b, true
		}
	}
	return Bearing{}, false
}

// Deadline is how long the addressed side has to choose, and what happens
// when it does not.
type Deadline struct {
	Within  time.Duration
	Choose  string // choice taken on timeout, if any
	Effects []Effect
	Pos     Pos

	choosePos Pos
}

// EffectKind names what an effect does.
type EffectKind uint8

const (
	SetVar       EffectKind = iota // set a variable
	ChangeVar                      // add to an int variable
	OpenReq                        // open a request
	RingLine                       // ring the hotline on behalf of a side
	FireInject                     // fire an inject now
	CancelInject                   // cancel an inject that has not fired
	MoveLadder                     // move the escalation ladder
	EndExercise                    // end the exercise with an ending
)

// Effect is one change to the exercise, made by a choice, a timeout, an
// action or an overdue request.
type Effect struct {
	Kind   EffectKind
	Var    string // SetVar, ChangeVar
	Value  Value  // SetVar; ChangeVar uses Value.Int as the amount
	Target string // request (OpenReq, RingLine's subject), inject, or ending id
	Side   Side   // RingLine: the side that rings
	Steps  int    // MoveLadder
	Pos    Pos
}

// Request is a request for information or assistance that can be opened
// during play. Its elements' due times count from the moment it is opened.
type Request struct {
	ID       string
	Kind     RequestKind
	From, To Side
	Subject  string
	Body     string
	Category Category
	Basis    Basis
	// Attached lists the technical material sent with the request
	// (addresses, times, samples); empty, the request lacks the detail
	// needed to act on it.
	Attached   []string
	Elements   []ElementSpec
	Grounds    []string // ground ids on which a part may be declined
	Available  *Condition
	OnOverdue  []Effect
	Objectives []string // the objectives it names itself; see RequestObjectives
	// Verifies names the request whose reported action this one asks the
	// other side to show evidence of; empty for a request of its own.
	Verifies string
	Pos      Pos

	groundPos    []Pos // where each ground is named
	objectivePos []Pos
	verifiesPos  Pos
}

// Element returns the index of the element with the given id, or -1.
func (r *Request) Element(id string) int {
	for i := range r.Elements {
		if r.Elements[i].ID == id {
			return i
		}
	}
	return -1
}

// CategoryError reports whether the request invokes a commitment that does
// not cover its matter: the commercial-theft pledge for anything but
// commercial theft, or the peacetime infrastructure norm for anything but
// critical infrastructure.
func (r *Request) CategoryError() bool {
	switch r.Basis {
	case Pledge:
		return r.Category != CommercialTheft
	case Norms:
		return r.Category != CriticalInfrastructure
	}
	return false
}

// ElementSpec is one part of the response a request needs.
type ElementSpec struct {
	ID   string // the kind's name, or "update-N" for the Nth status update
	Kind ElementKind
	Due  time.Duration // from the request's opening
}

// Detailed reports whether the request came with the technical material
// needed to act on it.
func (r *Request) Detailed() bool { return len(r.Attached) > 0 }

// Ground is a legal ground on which a side may decline part of a request.
// What it covers is said along three lines, each left empty to cover
// everything on that line: the matters (categories), the parts of a
// response, and the requests that have a flaw of their own (Flaws). The
// review scores a decline on a ground that does not cover the part as a
// plain refusal.
type Ground struct {
	ID     string
	Title  string
	Text   string
	Covers []Category    // the matters it covers
	Parts  []ElementKind // the parts of a response it covers
	Flaws  []Flaw        // it covers only requests with one of these flaws
	Pos    Pos
}

// Flaw is something wrong with a request itself, which some grounds answer.
type Flaw uint8

const (
	// Misfiled: the request invokes a commitment that does not cover its
	// matter (a category error).
	Misfiled Flaw = iota
	// Undetailed: the request has no technical material attached.
	Undetailed
)

var flawNames = []string{"category-error", "nothing-attached"}

func (f Flaw) String() string { return name(flawNames, int(f)) }

// Has reports whether the request has the flaw.
func (r *Request) Has(f Flaw) bool {
	if f == Misfiled {
		return r.CategoryError()
	}
	return !r.Detailed()
}

// Sound reports whether the ground covers declining part (of the given
// kind) of the request: it names the request's matter, the part and a flaw
// the request has, on each line it restricts. No ground covers refusing a
// request for evidence (Verifies): what a side reported it had done, it can
// show.
func (g *Ground) Sound(r *Request, part ElementKind) bool {
	if r.Verifies != "" {
		return false
	}
	if len(g.Covers) > 0 && !slices.Contains(g.Covers, r.Category) {
		return false
	}
	if len(g.Parts) > 0 && !slices.Contains(g.Parts, part) {
		return false
	}
	if len(g.Flaws) == 0 {
		return true
	}
	for _, f := range g.Flaws {
		if r.Has(f) {
			return true
		}
	}
	return false
}

// Unbounded reports whether the ground covers every part of every request.
func (g *Ground) Unbounded() bool { return len(g.Covers)+len(g.Parts)+len(g.Flaws) == 0 }

// Action is something a side may do at any time the scenario allows, such
// as a public statement or a sanctions threat.
type Action struct {
	ID    string
	Side  Side
	Label string
	Text  string
	Tone  Tone
	If    *Condition
	Once  bool
	// About names the request the action is about: its matter, whose
	// escalation the action's ladder moves. Empty: the side's escalation
	// at large.
	About string
	// Sanctions is the sanctions step the action takes, if any; the engine
	// allows it only as the sanctions rule says.
	Sanctions SanctionsStep
	Effects   []Effect
	// Bearings say what taking the action means for learning objectives;
	// the after-action report grades the action by them.
	Bearings []Bearing
	Pos      Pos

	aboutPos, sanctionsPos Pos
}

// Offered reports whether the action is open to its side at any time: no
// condition of its own and no rule of the engine stand in its way.
func (a *Action) Offered() bool { return a.If == nil && a.Sanctions == NoSanctions }

// Hotline is the escalation channel and its ladder.
type Hotline struct {
	AnswerWithin time.Duration
	CommitWithin time.Duration
	Rungs        []Rung
	Moves        Moves
	// Ceiling is the highest rung that calls and answers alone can raise
	// a side's escalation to. Rungs above it are entered and left only by a
	// deliberate step, an action or an effect: a government decides to
	// threaten, impose or lift sanctions; a missed call or a kept commitment
	// does not. The two rungs above it are the sanctions rungs: threatened,
	// then imposed.
	Ceiling int
	// ImposeAfter is the least story time between a sanctions threat and
	// imposing the sanctions: the designations take days to prepare.
	ImposeAfter time.Duration
	Pos         Pos
}

// Threatened is the rung of a matter on which sanctions are threatened.
func (h *Hotline) Threatened() int { return h.Ceiling + 1 }

// Imposed is the rung of a matter on which sanctions are in force.
func (h *Hotline) Imposed() int { return h.Ceiling + 2 }

// Rung is one step of the escalation ladder; the first is where play starts.
type Rung struct {
	ID    string
	Title string
	Text  string
}

// Moves says how many rungs each hotline event moves the escalation of the
// side that rang; negative numbers move it down.
type Moves struct {
	Ring    int // a side rings the hotline
	Missed  int // a call is not answered in time
	Commit  int // answered with a commitment
	Explain int // answered with an explanation
	Deny    int // answered with a denial
	Kept    int // a commitment is kept
	Broken  int // a commitment is broken
}

// Costs is the story time each response element takes, by quality.
type Costs [numElementKinds][numQualities]time.Duration

// Of returns the story time an element of the given kind and quality takes.
func (c *Costs) Of(k ElementKind, q Quality) time.Duration { return c[k][q] }

// Profile describes how a scripted counterpart plays a side.
type Profile struct {
	ID          string
	Title       string
	Description string
	// Pace is the share of each element's due window the bot lets pass
	// before it delivers: 0.5 delivers halfway, above 1 delivers late.
	Pace float64
	// Respond is the chance that the bot delivers an element at all.
	Respond float64
	// Quality weighs thin, adequate and thorough deliveries.
	Quality [numQualities]float64
	// Decline is the chance of declining a part on a listed ground.
	Decline float64
	// Clarify is the chance of asking for clarification first.
	Clarify float64
	// Answer is the chance of answering a hotline call in time.
	Answer float64
	// Answers weighs commit, explain and deny.
	Answers [numAnswers]float64
	// Escalate is how late an element of the bot's own request may run
	// before it rings the hotline; zero means it never rings.
	Escalate time.Duration
	// Tones weighs choices and actions by tone.
	Tones [numTones]float64
	// Initiative is the chance of taking a scenario action when it is offered.
	Initiative float64
	Pos        Pos
}

// Review is when the review meetings are held and how they weigh the
// rubric.
type Review struct {
	Meetings []time.Duration
	// Titles names each meeting, in Meetings order; "" for one left unnamed.
	Titles  []string
	Weights Weights
	Pos     Pos

	meetingPos []Pos // where each meeting is written, in Meetings order
}

// Weights are the rubric's weights; they need not sum to one.
type Weights struct {
	Timeliness  float64 `json:"timeliness"`
	Quality     float64 `json:"quality"`
	Cooperation float64 `json:"cooperation"`
}

// Ending is an outcome of the exercise.
type Ending struct {
	ID    string
	Title string
	Text  string
	// If, when set, makes the ending the outcome at the scenario's end time
	// (the first true one wins). Endings without it are reached by effects.
	If  *Condition
	Pos Pos
}

// Lookups by id. They return false when the id is unknown.

func (s *Scenario) lookup(kind, id string) (int, bool) {
	i, ok := s.index[kind][id]
	return i, ok
}

// addIndex records that the thing of a kind with id sits at position i. It
// reports false, recording nothing, if the id is taken.
func (s *Scenario) addIndex(kind, id string, i int) bool {
	m := s.index[kind]
	if m == nil {
		m = map[string]int{}
		s.index[kind] = m
		switch kind {
		case "inject":
			s.injectIdx = m
		case "request":
			s.requestIdx = m
		case "variable":
			s.variableIdx = m
		case "action":
			s.actionIdx = m
		case "team":
			s.teamIdx = m
		}
	}
	if _, dup := m[id]; dup {
		return false
	}
	m[id] = i
	return true
}

// has reports whether id names a thing of the kind.
func (s *Scenario) has(kind, id string) bool {
	_, ok := s.lookup(kind, id)
	return ok
}

// InjectIndex returns the position of the inject in s.Injects.
func (s *Scenario) InjectIndex(id string) (int, bool) { i, ok := s.injectIdx[id]; return i, ok }

// RequestIndex returns the position of the request in s.Requests.
func (s *Scenario) RequestIndex(id string) (int, bool) { i, ok := s.requestIdx[id]; return i, ok }

// VariableIndex returns the position of the variable in s.Variables.
func (s *Scenario) VariableIndex(id string) (int, bool) { i, ok := s.variableIdx[id]; return i, ok }

// ActionIndex returns the position of the action in s.Actions.
func (s *Scenario) ActionIndex(id string) (int, bool) { i, ok := s.actionIdx[id]; return i, ok }

// EndingIndex returns the position of the ending in s.Endings.
func (s *Scenario) EndingIndex(id string) (int, bool) { return s.lookup("ending", id) }

// Team returns the team with the given id.
func (s *Scenario) Team(id string) (*Team, bool) {
	i, ok := s.teamIdx[id]
	if !ok {
		return nil, false
	}
	return &s.Teams[i], true
}

// TeamIndex returns the position of the team in s.Teams, or -1.
func (s *Scenario) TeamIndex(id string) int {
	if i, ok := s.teamIdx[id]; ok {
		return i
	}
	return -1
}

// Persona returns the persona with the given id.
func (s *Scenario) Persona(id string) (*Persona, bool) {
	i, ok := s.lookup("persona", id)
	if !ok {
		return nil, false
	}
	return &s.Personas[i], true
}

// Ground returns the ground with the given id.
func (s *Scenario) Ground(id string) (*Ground, bool) {
	i, ok := s.lookup("ground", id)
	if !ok {
		return nil, false
	}
	return &s.Grounds[i], true
}

// Profile returns the counterpart profile with the given id.
func (s *Scenario) Profile(id string) (*Profile, bool) {
	i, ok := s.lookup("profile", id)
	if !ok {
		return nil, false
	}
	return &s.Profiles[i], true
}

// Objective returns the objective with the given id.
func (s *Scenario) Objective(id string) (*Objective, bool) {
	i, ok := s.lookup("objective", id)
	if !ok {
		return nil, false
	}
	return &s.Objectives[i], true
}

// InjectObjectives returns the ids of the objectives an inject serves:
// those it names under its own objectives:, as it names them, then those
// whose block in the objectives: section names it, in the order they are
// declared. It is the one objective-to-event mapping: the MSEL, the
// documents and the screens all read it.
func (s *Scenario) InjectObjectives(id string) []string {
	i, ok := s.InjectIndex(id)
	if !ok {
		return nil
	}
	return s.objectivesOf(s.Injects[i].Objectives, func(o *Objective) []string { return o.Injects }, id)
}

// RequestObjectives returns the ids of the objectives a request serves, as
// InjectObjectives does for an inject.
func (s *Scenario) RequestObjectives(id string) []string {
	i, ok := s.RequestIndex(id)
	if !ok {
		return nil
	}
	return s.objectivesOf(s.Requests[i].Objectives, func(o *Objective) []string { return o.Requests }, id)
}

func (s *Scenario) objectivesOf(named []string, events func(*Objective) []string, id string) []string {
	out := slices.Clone(named)
	for i := range s.Objectives {
		o := &s.Objectives[i]
		if slices.Contains(events(o), id) && !slices.Contains(out, o.ID) {
			out = append(out, o.ID)
		}
	}
	return out
}

// TeamsOf returns the ids of the teams of a side, in file order.
func (s *Scenario) TeamsOf(side Side) []string {
	var ids []string
	for _, t := range s.Teams {
		if t.Side == side {
			ids = append(ids, t.ID)
		}
	}
	return ids
}

// Time returns the calendar time of a story offset.
func (s *Scenario) Time(offset time.Duration) time.Time { return s.Start.Add(offset) }
