package schema

// The inject-file format as Go types. They exist to generate the JSON
// Schema: the loader (injects/file.go) reads YAML nodes directly, and a test
// checks that these types and the loader accept the same keys at every
// level. Descriptions are docs/inject-format.md's, shortened.

// File is one inject file.
type File struct {
	Format     int         `json:"format" jsonschema:"required,enum=1" jsonschema_description:"The format version. Must be 1."`
	Shared     bool        `json:"shared,omitempty" jsonschema_description:"true for a file meant only to be included by scenarios, not played on its own. A shared file has no scenario: block."`
	Scenario   *Scenario   `json:"scenario,omitempty" jsonschema_description:"The scenario's id, title and calendar. Required, except in a shared file."`
	Exercise   *Exercise   `json:"exercise,omitempty" jsonschema_description:"The sitting: date, start time, location, sponsor, point of contact and participating organizations, for the situation manual's cover and agenda. hotline handbook's flags override them."`
	Include    IncludeList `json:"include,omitempty" jsonschema_description:"Other inject files to merge in: a file name, or a block with file and at (a time shift). A name not found beside this file may name a built-in file such as common.yaml."`
	Objectives Objectives  `json:"objectives,omitempty" jsonschema_description:"Learning objectives: each an id and one line of text, or a block with text and the injects and requests that exercise it. Injects and requests may also list the objectives they serve."`
	Sides      *Sides      `json:"sides,omitempty" jsonschema_description:"The two delegations of the joint dialogue, us and cn, and their teams."`
	Personas   Personas    `json:"personas,omitempty" jsonschema_description:"Who sends injects: the from: of every inject names one."`
	Variables  Variables   `json:"variables,omitempty" jsonschema_description:"Meters (such as trust and tension) and flags that effects change and conditions read."`
	Grounds    Grounds     `json:"grounds,omitempty" jsonschema_description:"Legal grounds on which a side may decline a part of a request."`
	Profiles   Profiles    `json:"profiles,omitempty" jsonschema_description:"Counterpart bots. Declaring any profile replaces the four default ones."`
	Hotline    *Hotline    `json:"hotline,omitempty" jsonschema_description:"The hotline's answer and commitment windows and its escalation ladder. Left out, the defaults apply."`
	Costs      *Costs      `json:"costs,omitempty" jsonschema_description:"Story time each part of a response takes to prepare, by quality."`
	Review     *Review     `json:"review,omitempty" jsonschema_description:"When the joint dialogue meets, and how its rubric weighs timeliness, quality and cooperation."`
	Endings    Endings     `json:"endings,omitempty" jsonschema_description:"The outcomes, tried in file order at the end time: the first whose if holds is the outcome."`
	Requests   Requests    `json:"requests,omitempty" jsonschema_description:"Requests for information and assistance, opened during play by an open: effect or by the requesting side when their if: allows."`
	Actions    Actions     `json:"actions,omitempty" jsonschema_description:"Moves a side may make at any time the scenario allows."`
	Injects    Injects     `json:"injects,omitempty" jsonschema_description:"The master scenario events list (MSEL): each inject's key is its id."`
	Acronyms   Acronyms    `json:"acronyms,omitempty" jsonschema_description:"Acronyms and what they stand for, for the documents' appendix: FBI: Federal Bureau of Investigation."`
	Feedback   *Feedback   `json:"feedback,omitempty" jsonschema_description:"The participants' feedback form. Left out, HSEEP's three questions."`
}

// Exercise is the exercise: block, the sitting.
type Exercise struct {
	Date          CalendarDate `json:"date,omitempty" jsonschema_description:"The day of the sitting: 2026-11-23."`
	Start         ClockTime    `json:"start,omitempty" jsonschema_description:"When the sitting starts, the time of day: 09:00. The agenda counts from it."`
	Location      Text         `json:"location,omitempty" jsonschema_description:"Where it is held."`
	Sponsor       Text         `json:"sponsor,omitempty" jsonschema_description:"The sponsoring organization."`
	Contact       Text         `json:"contact,omitempty" jsonschema_description:"The point of contact: a name, and how to reach them."`
	Organizations TextList     `json:"organizations,omitempty" jsonschema_description:"The participating organizations."`
}

// Feedback is the participants' feedback form.
type Feedback struct {
	Questions TextList `json:"questions" jsonschema:"required" jsonschema_description:"The form's free-text questions, 1 to 5 (three is usual). The form's ratings are Hotline's."`
}

// Scenario is the scenario: block.
type Scenario struct {
	ID      ID   `json:"id" jsonschema:"required" jsonschema_description:"The scenario's id; logs record it."`
	Title   Text `json:"title" jsonschema:"required" jsonschema_description:"Shown at the start of play and in transcripts."`
	Summary Text `json:"summary,omitempty" jsonschema_description:"The public summary: the start screen, hotline scenarios and every edition of the situation manual show it. Say nothing a delegation should not know."`
	// FacilitatorSummary is for the control cell only.
	FacilitatorSummary Text         `json:"facilitator_summary,omitempty" jsonschema_description:"The facilitator's summary: only the facilitator's edition of the situation manual prints it. It may say what each side will face."`
	Start              CalendarTime `json:"start" jsonschema:"required" jsonschema_description:"The story clock's first instant, T+0, in timezone: 2015-10-05 09:00."`
	Timezone           Text         `json:"timezone,omitempty" jsonschema_description:"An IANA time-zone name such as America/New_York (the default), Asia/Shanghai or UTC. All calendar times of the file are read in it."`
	End                StoryTime    `json:"end" jsonschema:"required" jsonschema_description:"When the exercise ends: an offset such as T+30d or a calendar time. The closing review is held then."`
	// PlayingTime is shown on the start screen.
	PlayingTime Duration `json:"playing_time,omitempty" jsonschema_description:"How long a sitting takes to play, in real time, at a sensible speed: 45m. Shown on the start screen."`
}

// Objective is a learning objective: its text, or a block.
type Objective struct {
	Text     Text     `json:"text" jsonschema:"required" jsonschema_description:"What the players should be able to do."`
	Injects  IDList   `json:"injects,omitempty" jsonschema_description:"The injects that exercise it, besides those that name it under objectives:."`
	Requests IDList   `json:"requests,omitempty" jsonschema_description:"The requests that exercise it, besides those that name it under objectives:."`
	Tasks    TextList `json:"tasks,omitempty" jsonschema_description:"The critical tasks an evaluator watches for, one line each. Left out, the Exercise Evaluation Guide lists the tasks of its injects and requests."`
}

// Include is one included file: its name, or a block.
type Include struct {
	File Text     `json:"file" jsonschema:"required" jsonschema_description:"The file, relative to this one, or a built-in file such as common.yaml."`
	At   Duration `json:"at,omitempty" jsonschema_description:"A time shift for everything the file schedules, such as 7d. Default 0."`
}

// Sides are the two delegations.
type Sides struct {
	US *Side `json:"us,omitempty" jsonschema_description:"The United States delegation."`
	CN *Side `json:"cn,omitempty" jsonschema_description:"The China delegation."`
}

// Side is one delegation.
type Side struct {
	Name         Text     `json:"name,omitempty" jsonschema_description:"The delegation's name. Default: United States delegation / China delegation."`
	Lead         Text     `json:"lead,omitempty" jsonschema_description:"Who leads it, for the role cards."`
	Interests    TextList `json:"interests,omitempty" jsonschema_description:"The delegation's interests, one line each: background for its role cards, printed only in its own edition and the facilitator's."`
	Teams        Teams    `json:"teams,omitempty" jsonschema_description:"The agencies: team id to name. Every side needs at least one team, except in a shared file. The first is the one a bot acts as."`
	Counterparts IDList   `json:"counterparts,omitempty" jsonschema_description:"Which profiles a bot may use to play this side; the first is the default. Default: every profile."`
}

// Team is an agency, written as its name or as a block with name:.
type Team struct {
	Name Text `json:"name,omitempty" jsonschema_description:"The team's name."`
	Role Text `json:"role,omitempty" jsonschema_description:"The team's role card: who it is and what it does in the exercise."`
}

// Persona is someone who sends injects.
type Persona struct {
	Name        Text        `json:"name" jsonschema:"required" jsonschema_description:"Shown as the sender."`
	Affiliation Affiliation `json:"affiliation" jsonschema:"required" jsonschema_description:"Whom the persona speaks for. Informational."`
}

// Variable is a meter or flag.
type Variable struct {
	Type        VarType `json:"type,omitempty" jsonschema_description:"int (whole number), bool (true or false) or text. Default: the type of initial as written."`
	Min         int     `json:"min,omitempty" jsonschema_description:"For int only, with max: the meter's lowest value. Changes are clamped to min..max."`
	Max         int     `json:"max,omitempty" jsonschema_description:"For int only, with min: the meter's highest value."`
	Initial     Scalar  `json:"initial" jsonschema:"required" jsonschema_description:"The value at T+0."`
	Description Text    `json:"description,omitempty" jsonschema_description:"What the variable means."`
}

// Ground is a legal ground for declining part of a request.
type Ground struct {
	Title  Text      `json:"title" jsonschema:"required" jsonschema_description:"Shown when a part is declined."`
	Text   Text      `json:"text,omitempty" jsonschema_description:"The ground explained."`
	Covers CoverList `json:"covers,omitempty" jsonschema_description:"What the ground answers: matters (commercial-theft...), parts of a response (update, results...) or flaws of a request (nothing-attached, category-error). A decline on a ground that does not cover the part is a plain refusal. Without covers, it covers everything, with a warning."`
}

// Profile is a counterpart bot.
type Profile struct {
	Title       Text           `json:"title" jsonschema:"required" jsonschema_description:"Shown in menus and logs."`
	Description Text           `json:"description,omitempty" jsonschema_description:"What the profile plays like."`
	Pace        float64        `json:"pace,omitempty" jsonschema:"minimum=0,maximum=3" jsonschema_description:"When the bot's work lands, as a share of each part's due window: 0.5 halfway, 1 on the due time, above 1 late. Base 0.6."`
	Respond     float64        `json:"respond,omitempty" jsonschema:"minimum=0,maximum=1" jsonschema_description:"The chance the bot delivers each part at all. Base 1."`
	Quality     QualityWeights `json:"quality,omitempty" jsonschema_description:"How often each quality is picked for a delivered part. Base 0 / 1 / 0."`
	Decline     float64        `json:"decline,omitempty" jsonschema:"minimum=0,maximum=1" jsonschema_description:"The chance of declining each part (not the acknowledgement) when the request lists grounds. Base 0."`
	Clarify     float64        `json:"clarify,omitempty" jsonschema:"minimum=0,maximum=1" jsonschema_description:"The chance of asking for clarification once, after acknowledging. Base 0."`
	Answer      float64        `json:"answer,omitempty" jsonschema:"minimum=0,maximum=1" jsonschema_description:"The chance of answering each hotline call; otherwise it rings out. Base 1."`
	Answers     AnswerWeights  `json:"answers,omitempty" jsonschema_description:"How a call is answered. Base 1 / 0 / 0."`
	Escalate    Escalate       `json:"escalate,omitempty" jsonschema_description:"How long after a part of its own side's request falls overdue the bot rings the hotline about it; never never rings. Base 1d."`
	Tones       ToneWeights    `json:"tones,omitempty" jsonschema_description:"Which choices it prefers on injects, and which actions it takes. Base 1 / 1 / 1."`
	Initiative  float64        `json:"initiative,omitempty" jsonschema:"minimum=0,maximum=1" jsonschema_description:"The daily chance of taking each available action of its side. Base 0."`
}

// QualityWeights weigh thin, adequate and thorough work.
type QualityWeights struct {
	Thin     float64 `json:"thin,omitempty" jsonschema:"minimum=0"`
	Adequate float64 `json:"adequate,omitempty" jsonschema:"minimum=0"`
	Thorough float64 `json:"thorough,omitempty" jsonschema:"minimum=0"`
}

// AnswerWeights weigh the answers to a hotline call.
type AnswerWeights struct {
	Commit  float64 `json:"commit,omitempty" jsonschema:"minimum=0"`
	Explain float64 `json:"explain,omitempty" jsonschema:"minimum=0"`
	Deny    float64 `json:"deny,omitempty" jsonschema:"minimum=0"`
}

// ToneWeights weigh choices and actions by tone.
type ToneWeights struct {
	Measured     float64 `json:"measured,omitempty" jsonschema:"minimum=0"`
	Conciliatory float64 `json:"conciliatory,omitempty" jsonschema:"minimum=0"`
	Firm         float64 `json:"firm,omitempty" jsonschema:"minimum=0"`
}

// Hotline is the escalation channel.
type Hotline struct {
	AnswerWithin Duration `json:"answer_within,omitempty" jsonschema_description:"How long the called side has to answer a call. Default 4h."`
	CommitWithin Duration `json:"commit_within,omitempty" jsonschema_description:"How long a side that answers commit has to deliver what is outstanding. Default 3d."`
	ImposeAfter  Duration `json:"impose_after,omitempty" jsonschema_description:"The least story time between a sanctions threat and imposing the sanctions, for the designations. Default 5d."`
	Ladder       Ladder   `json:"ladder,omitempty" jsonschema_description:"The escalation ladder, lowest rung first, at least two rungs: rung id to title, or to a block with title and text. Play starts on the first."`
	Ceiling      ID       `json:"ceiling,omitempty" jsonschema_description:"The highest rung that calls and answers alone can raise the ladder to; rungs above it take an action or a ladder: effect."`
	Moves        *Moves   `json:"moves,omitempty" jsonschema_description:"How many rungs each hotline event moves the ladder; negative moves it down."`
}

// Rung is a rung of the ladder, written as its title or as a block.
type Rung struct {
	Title Text `json:"title,omitempty" jsonschema_description:"The rung's name. Default: its id."`
	Text  Text `json:"text,omitempty" jsonschema_description:"What the rung means."`
}

// Moves are the ladder's moves per hotline event.
type Moves struct {
	Ring    int `json:"ring,omitempty" jsonschema_description:"A side rings the hotline. Default 1."`
	Missed  int `json:"missed,omitempty" jsonschema_description:"A call is not answered in time. Default 1."`
	Commit  int `json:"commit,omitempty" jsonschema_description:"A call is answered with a commitment. Default 0."`
	Explain int `json:"explain,omitempty" jsonschema_description:"A call is answered with an explanation. Default 0."`
	Deny    int `json:"deny,omitempty" jsonschema_description:"A call is answered with a denial. Default 1."`
	Kept    int `json:"kept,omitempty" jsonschema_description:"A commitment is kept. Default -1."`
	Broken  int `json:"broken,omitempty" jsonschema_description:"A commitment is broken. Default 1."`
}

// Costs is the preparation time of each part of a response.
type Costs struct {
	Acknowledge *Cost `json:"acknowledge,omitempty" jsonschema_description:"Default 1h (always delivered at adequate quality)."`
	Preserve    *Cost `json:"preserve,omitempty" jsonschema_description:"Default 2h / 6h / 12h."`
	Investigate *Cost `json:"investigate,omitempty" jsonschema_description:"Default 12h / 2d / 5d."`
	Mitigate    *Cost `json:"mitigate,omitempty" jsonschema_description:"Default 4h / 12h / 2d."`
	Update      *Cost `json:"update,omitempty" jsonschema_description:"Each status update (singular here). Default 1h / 3h / 8h."`
	Results     *Cost `json:"results,omitempty" jsonschema_description:"Default 4h / 12h / 2d."`
}

// Cost is one duration for every quality, or a block by quality.
type Cost struct {
	Thin     Duration `json:"thin,omitempty"`
	Adequate Duration `json:"adequate,omitempty"`
	Thorough Duration `json:"thorough,omitempty"`
}

// Review is the joint dialogue's calendar and rubric.
type Review struct {
	Meetings MeetingList    `json:"meetings,omitempty" jsonschema_description:"The scheduled dialogue meetings: offsets or calendar times, none after the end, or blocks with at and title. A closing review is always held at the end."`
	Weights  *ReviewWeights `json:"weights,omitempty" jsonschema_description:"The rubric's weights, default 0.4 / 0.3 / 0.3. Given, weights left out are 0; at least one must be above 0."`
}

// Meeting is a dialogue meeting: its time, or a block with a title.
type Meeting struct {
	At    StoryTime `json:"at" jsonschema:"required" jsonschema_description:"When it meets."`
	Title Text      `json:"title,omitempty" jsonschema_description:"What the review is called: the first meeting of the joint dialogue, say."`
}

// ReviewWeights are the rubric's weights.
type ReviewWeights struct {
	Timeliness  float64 `json:"timeliness,omitempty" jsonschema:"minimum=0"`
	Quality     float64 `json:"quality,omitempty" jsonschema:"minimum=0"`
	Cooperation float64 `json:"cooperation,omitempty" jsonschema:"minimum=0"`
}

// Ending is an outcome.
type Ending struct {
	Title Text      `json:"title" jsonschema:"required" jsonschema_description:"The outcome's name."`
	Text  Text      `json:"text,omitempty" jsonschema_description:"What it means."`
	If    Condition `json:"if,omitempty" jsonschema_description:"Makes the ending a candidate at the end time. Without it, only an end: effect reaches the ending."`
}

// Request is a request for information or assistance.
type Request struct {
	Kind       RequestKind `json:"kind" jsonschema:"required" jsonschema_description:"A request for information or for assistance."`
	From       SideName    `json:"from" jsonschema:"required" jsonschema_description:"The requesting side."`
	To         SideName    `json:"to,omitempty" jsonschema_description:"The receiving side: the other side, the default."`
	Subject    Text        `json:"subject" jsonschema:"required" jsonschema_description:"One line, shown in queues and the review."`
	Body       Text        `json:"body,omitempty" jsonschema_description:"The request itself (Markdown)."`
	Category   Category    `json:"category" jsonschema:"required" jsonschema_description:"What the matter is."`
	Basis      Basis       `json:"basis,omitempty" jsonschema_description:"The commitment the request invokes. Default cooperation. pledge fits commercial-theft only, norms critical-infrastructure only: anything else is a category error."`
	Objectives IDList      `json:"objectives,omitempty" jsonschema_description:"The objectives it serves."`
	Attached   TextList    `json:"attached,omitempty" jsonschema_description:"The technical material sent with the request: addresses, times, samples. A request without any is judged thin on detail, and insufficient-information covers declining it."`
	Due        *Due        `json:"due" jsonschema:"required" jsonschema_description:"The parts of the response and how long after opening each is due. acknowledge is required."`
	Grounds    IDList      `json:"grounds,omitempty" jsonschema_description:"The grounds on which the receiver may decline a part. With none, nothing can be declined."`
	If         Condition   `json:"if,omitempty" jsonschema_description:"When it holds, the requesting side may open the request itself. Without it, only an open: effect opens it."`
	OnOverdue  Effects     `json:"on_overdue,omitempty" jsonschema_description:"Effects applied each time a part of the request falls overdue."`
	Verifies   ID          `json:"verifies,omitempty" jsonschema_description:"A request for evidence: the requesting side's own earlier request whose reported action this one asks to see shown. No ground covers refusing it."`
}

// Due gives the parts of a response and their due times.
type Due struct {
	Acknowledge Duration     `json:"acknowledge" jsonschema:"required" jsonschema_description:"Acknowledge receipt. Nothing else can be delivered first."`
	Preserve    Duration     `json:"preserve,omitempty" jsonschema_description:"Preserve and collect electronic evidence."`
	Investigate Duration     `json:"investigate,omitempty" jsonschema_description:"Investigate. Results cannot come before it."`
	Mitigate    Duration     `json:"mitigate,omitempty" jsonschema_description:"Mitigate the activity."`
	Updates     DurationList `json:"updates,omitempty" jsonschema_description:"Status updates: one duration (element update) or a list (update-1, update-2, ...)."`
	Results     Duration     `json:"results,omitempty" jsonschema_description:"Final results."`
}

// Action is a move a side may make at any time the scenario allows.
type Action struct {
	Side      SideName  `json:"side" jsonschema:"required" jsonschema_description:"The side that may take it."`
	Label     Text      `json:"label" jsonschema:"required" jsonschema_description:"The menu line."`
	Text      Text      `json:"text,omitempty" jsonschema_description:"More about it."`
	Tone      Tone      `json:"tone,omitempty" jsonschema_description:"Steers bots; scores nothing. Default measured."`
	If        Condition `json:"if,omitempty" jsonschema_description:"The action is offered only while it holds."`
	Once      bool      `json:"once,omitempty" jsonschema_description:"May be taken only once."`
	About     ID        `json:"about,omitempty" jsonschema_description:"The side's own request the action is about: a ladder effect moves the escalation of that matter. Without it, a ladder effect moves the side's most escalated matter."`
	Sanctions Sanctions `json:"sanctions,omitempty" jsonschema_description:"A sanctions step: threaten or impose (over the request named by about, which must concern commercial-theft or critical-infrastructure), withdraw a threat or lift sanctions. The engine allows it only as the sanctions rule says (docs/review.md), and moves the ladder itself."`
	Effects   Effects   `json:"effects,omitempty" jsonschema_description:"What taking it does."`
	Verdicts
}

// Verdicts say what taking a choice or an action means for learning
// objectives; the after-action report grades it by them.
type Verdicts struct {
	Supports   Bearings `json:"supports,omitempty" jsonschema_description:"Objectives the course serves: objective id to the reason, a sentence a teacher can read aloud. The report lists it as a strength."`
	Neutral    Bearings `json:"neutral,omitempty" jsonschema_description:"Objectives the course neither serves nor harms: objective id to the reason. The report shows the reason and grades nothing."`
	Undermines Bearings `json:"undermines,omitempty" jsonschema_description:"Objectives the course works against: objective id to the reason. The report grades it a major challenge and lists it for improvement."`
}

// Inject is one event of the MSEL.
type Inject struct {
	At         Duration  `json:"at,omitempty" jsonschema_description:"Fires at this offset from the start: T+2d. Give at most one of at, after and when; with none, the inject is held in reserve for a fire: effect or a choice's next."`
	After      ID        `json:"after,omitempty" jsonschema_description:"Fires delay after the named inject fires."`
	When       Condition `json:"when,omitempty" jsonschema_description:"Fires delay after the condition is first found true."`
	Delay      Duration  `json:"delay,omitempty" jsonschema_description:"With after or when only. Default 0."`
	To         ID        `json:"to" jsonschema:"required" jsonschema_description:"The audience: us, cn, all, or a team id."`
	From       ID        `json:"from" jsonschema:"required" jsonschema_description:"The sender: a persona id."`
	Channel    Channel   `json:"channel" jsonschema:"required" jsonschema_description:"How it arrives. channel: hotline does not ring the hotline; a ring: effect does."`
	Title      Text      `json:"title" jsonschema:"required" jsonschema_description:"The subject line."`
	Body       Text      `json:"body,omitempty" jsonschema_description:"The message (Markdown)."`
	Notes      Text      `json:"notes,omitempty" jsonschema_description:"For the facilitator only."`
	Objectives IDList    `json:"objectives,omitempty" jsonschema_description:"The objectives it serves."`
	Effects    Effects   `json:"effects,omitempty" jsonschema_description:"Applied when it fires."`
	Choices    Choices   `json:"choices,omitempty" jsonschema_description:"Options for the addressed side, in file order: choice id to choice. Needs to: us, cn or a team."`
	Deadline   *Deadline `json:"deadline,omitempty" jsonschema_description:"How long the side has to choose, and what happens if it does not: a duration, or a block with within, choose and effects."`
}

// Choice is an option on an inject.
type Choice struct {
	Label   Text      `json:"label" jsonschema:"required" jsonschema_description:"The option as players read it."`
	Tone    Tone      `json:"tone,omitempty" jsonschema_description:"Bots weigh choices by tone; tone scores nothing. Default measured."`
	Effects Effects   `json:"effects,omitempty" jsonschema_description:"Applied when the choice is taken."`
	Next    ID        `json:"next,omitempty" jsonschema_description:"An inject fired right after the choice's effects."`
	If      Condition `json:"if,omitempty" jsonschema_description:"The choice is offered only while it holds."`
	Verdicts
}

// Deadline is the time to choose, written as a duration or as a block.
type Deadline struct {
	Within  Duration `json:"within" jsonschema:"required" jsonschema_description:"Time from the inject's firing to decide; above zero."`
	Choose  ID       `json:"choose,omitempty" jsonschema_description:"The choice taken for the side when time runs out."`
	Effects Effects  `json:"effects,omitempty" jsonschema_description:"Applied when time runs out, after choose's."`
}

// Effect is one change to the exercise: exactly one key per list item.
type Effect struct {
	Set    VarValues  `json:"set,omitempty" jsonschema_description:"Sets variables: {attributed: true}."`
	Change VarChanges `json:"change,omitempty" jsonschema_description:"Adds whole numbers to int variables: {tension: 10, trust: -5}."`
	Open   ID         `json:"open,omitempty" jsonschema_description:"Opens (sends) a request; its due times start now."`
	Ring   *Ring      `json:"ring,omitempty" jsonschema_description:"Rings the hotline on behalf of a side."`
	Fire   ID         `json:"fire,omitempty" jsonschema_description:"Fires an inject now, whatever its trigger, unless it has fired or was cancelled."`
	Cancel ID         `json:"cancel,omitempty" jsonschema_description:"Cancels an inject that has not fired yet."`
	Ladder LadderStep `json:"ladder,omitempty" jsonschema_description:"Moves the escalation ladder that many rungs, up (positive) or down (negative)."`
	End    ID         `json:"end,omitempty" jsonschema_description:"Ends the exercise now with that ending."`
}

// Ring is a ring: effect.
type Ring struct {
	From  SideName `json:"from" jsonschema:"required" jsonschema_description:"The side that rings."`
	About ID       `json:"about,omitempty" jsonschema_description:"The request the call concerns."`
}

// Collections: blocks of id to thing.
type (
	Objectives map[string]Objective
	Teams      map[string]Team
	Personas   map[string]Persona
	Variables  map[string]Variable
	Grounds    map[string]Ground
	Profiles   map[string]Profile
	Ladder     map[string]Rung
	Endings    map[string]Ending
	Requests   map[string]Request
	Actions    map[string]Action
	Injects    map[string]Inject
	Acronyms   map[string]Text
	Choices    map[string]Choice
	Bearings   map[string]Text // objective id to the reason
	VarValues  map[string]Scalar
	VarChanges map[string]int
)

// Lists that may be written as a single value.
type (
	IDList        []ID
	CategoryList  []Category
	StoryTimeList []StoryTime
	MeetingList   []Meeting
	TextList      []Text
	CoverList     []Cover
	DurationList  []Duration
	IncludeList   []Include
)

// Effects is a list of effects.
type Effects []Effect

// Scalars.
type (
	// ID is an id: letters, digits, '-', '_' and '.', up to 80 characters.
	ID string
	// Text is any YAML scalar.
	Text string
	// Scalar is a variable's value.
	Scalar string
	// Duration is a story duration such as 48h, 2d or 1d12h, optionally
	// written as an offset with T+.
	Duration string
	// CalendarTime is a calendar time such as 2015-10-05 09:00.
	CalendarTime string
	// CalendarDate is a day such as 2026-11-23.
	CalendarDate string
	// ClockTime is a time of day such as 09:00.
	ClockTime string
	// StoryTime is an offset or a calendar time.
	StoryTime string
	// Condition is an expr-lang expression that is true or false.
	Condition string
	// Escalate is a duration or never.
	Escalate string
	// LadderStep is a whole number of rungs, not 0.
	LadderStep int
)

// Closed vocabularies.
type (
	SideName    string
	Channel     string
	Affiliation string
	RequestKind string
	Category    string
	Basis       string
	Tone        string
	VarType     string
	Sanctions   string
)
