package schema

// The inject-file format as Go types. They exist to generate the JSON
// Schema: the loader (injects/file.go) reads YAML nodes directly, and tests
// keep the two in step (the keys of every block, and a differential test
// that runs files through both).
//
// A field's description is what an editor shows when the author hovers
// over its key: say what it does in play and how to write it, in the words
// of docs/inject-format.md. The rules every field of a type shares (text
// may be left empty, a collection may have its entries commented out, no
// number is over a million) come from the type (see schema.go), so a field
// added here follows them without more work.

// File is one inject file.
type File struct {
	Format     int         `json:"format" jsonschema:"required,enum=1" jsonschema_description:"The version of the inject-file format: write format: 1 at the top of every file."`
	Shared     bool        `json:"shared,omitempty" jsonschema_description:"true for a file written only to be included by scenarios (a library of teams, personas, grounds...). A shared file has no scenario: block and cannot be played on its own."`
	Scenario   *Scenario   `json:"scenario,omitempty" jsonschema_description:"The scenario's id, title and story calendar (start, end, time zone). Every file has one, except a shared file."`
	Exercise   *Exercise   `json:"exercise,omitempty" jsonschema_description:"The sitting: date, start time, location, sponsor, point of contact and participating organizations, for the situation manual's cover and agenda. hotline handbook's flags override them."`
	Include    IncludeList `json:"include,omitempty" jsonschema_description:"Other inject files to merge into this one: a file name beside this file, or a block with file: and at: (a time shift such as 7d). A name with no such file beside this one is a built-in file, such as common.yaml (the built-in delegations, meters, grounds and hotline)."`
	Objectives Objectives  `json:"objectives,omitempty" jsonschema_description:"The exercise's learning objectives, each an id and one line of text, or a block with text: and the injects: and requests: that exercise it. Injects and requests may also name the objectives they serve."`
	Sides      *Sides      `json:"sides,omitempty" jsonschema_description:"The two delegations of the joint dialogue, us and cn, and their teams (the agencies players sit in)."`
	Personas   Personas    `json:"personas,omitempty" jsonschema_description:"Who sends injects: each inject's from: names one of these."`
	Variables  Variables   `json:"variables,omitempty" jsonschema_description:"Meters such as trust and tension, and flags, that effects change and conditions read. The name is what conditions use: letters, digits and _."`
	Grounds    Grounds     `json:"grounds,omitempty" jsonschema_description:"Legal grounds on which a side may decline a part of a request, each saying what it covers."`
	Profiles   Profiles    `json:"profiles,omitempty" jsonschema_description:"Counterpart bots: how a scripted side plays. Declaring any profile replaces the four built-in ones (cooperative, by-the-book, slow-walking, stonewalling)."`
	Hotline    *Hotline    `json:"hotline,omitempty" jsonschema_description:"The hotline: how long a call may ring, how long a commitment has, and the escalation ladder. Leave it out for the defaults."`
	Costs      *Costs      `json:"costs,omitempty" jsonschema_description:"The story time each part of a response takes to prepare, by quality. Leave it out for the defaults."`
	Review     *Review     `json:"review,omitempty" jsonschema_description:"When the joint dialogue meets to review the requests, and how its rubric weighs timeliness, quality and cooperation."`
	Endings    Endings     `json:"endings,omitempty" jsonschema_description:"The outcomes. At the end time they are tried in file order: the first whose if: holds is the outcome."`
	Requests   Requests    `json:"requests,omitempty" jsonschema_description:"Requests for information and assistance. Each is declared here and sent in play, by an open: effect or by its side when its if: allows; its due times count from then."`
	Actions    Actions     `json:"actions,omitempty" jsonschema_description:"Moves a side may make at any time the scenario allows: a public statement, a sanctions threat..."`
	Injects    Injects     `json:"injects,omitempty" jsonschema_description:"The master scenario events list (MSEL): each inject's key is its id, and it fires at a time (at:), after another inject (after:), when a condition first holds (when:), or when an effect fires it."`
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
	ID      ID           `json:"id" jsonschema:"required" jsonschema_description:"The scenario's id, recorded in every log: letters, digits, - and _, such as port-ransomware."`
	Title   RequiredText `json:"title" jsonschema:"required" jsonschema_description:"The scenario's name, shown at the start of play, on every screen and in the documents."`
	Summary Text         `json:"summary,omitempty" jsonschema_description:"The public summary, a paragraph on what the scenario is about: the start screen, hotline scenarios (its first sentence) and every edition of the situation manual show it. Say nothing a delegation should not know."`
	// FacilitatorSummary is for the control cell only.
	FacilitatorSummary Text         `json:"facilitator_summary,omitempty" jsonschema_description:"The facilitator's summary: only the facilitator's edition of the situation manual prints it. It may say what each side will face."`
	Start              CalendarTime `json:"start" jsonschema:"required" jsonschema_description:"The story clock's first instant, T+0, as a date and time in the time zone below: 2015-10-05 09:00."`
	Timezone           Text         `json:"timezone,omitempty" jsonschema_description:"The time zone the file's calendar times are read in, as an IANA name: America/New_York (the default, Washington's), Asia/Shanghai (Beijing's), America/Chicago, UTC. The screens show Washington's and Beijing's clocks whatever it is."`
	End                EndTime      `json:"end" jsonschema:"required" jsonschema_description:"When the exercise ends and the closing review is held: an offset from the start such as T+10d, or a date and time after the start such as 2015-11-04 18:00."`
	// PlayingTime is shown on the start screen.
	PlayingTime PositiveDuration `json:"playing_time,omitempty" jsonschema_description:"How long a session takes to play in real time, at the default clock speed: 45m or 1h30m. It tells a facilitator whether the scenario fits a class period."`
}

// Objective is a learning objective: its text, or a block.
type Objective struct {
	Text     RequiredText `json:"text" jsonschema:"required" jsonschema_description:"The objective: what the players should be able to do."`
	Injects  IDList       `json:"injects,omitempty" jsonschema_description:"The injects that exercise it, besides those that name it under their own objectives:."`
	Requests IDList       `json:"requests,omitempty" jsonschema_description:"The requests that exercise it, besides those that name it under their own objectives:."`
	Tasks    TextList     `json:"tasks,omitempty" jsonschema_description:"The critical tasks an evaluator watches for, one line each. Left out, the Exercise Evaluation Guide lists the tasks of its injects and requests."`
}

// Include is one included file: its name, or a block.
type Include struct {
	File Text     `json:"file" jsonschema:"required" jsonschema_description:"The file to include, named relative to this one (in this folder or below it), or a built-in file such as common.yaml."`
	At   Duration `json:"at,omitempty" jsonschema_description:"Moves everything the included file schedules later by this much, such as 7d or T+35d1h. Default 0."`
}

// Sides are the two delegations.
type Sides struct {
	US *Side `json:"us,omitempty" jsonschema_description:"The United States delegation: the Secretary of Homeland Security and the Attorney General, with the FBI and other agencies."`
	CN *Side `json:"cn,omitempty" jsonschema_description:"The China delegation: a ministerial-level lead, with the Ministry of Public Security and other agencies."`
}

// Side is one delegation.
type Side struct {
	Name         Text     `json:"name,omitempty" jsonschema_description:"The delegation's name. Default: United States delegation, China delegation."`
	Lead         Text     `json:"lead,omitempty" jsonschema_description:"Who leads the delegation, for the role cards."`
	Interests    TextList `json:"interests,omitempty" jsonschema_description:"The delegation's interests, one line each: background for its role cards, printed only in its own edition of the situation manual and the facilitator's."`
	Teams        Teams    `json:"teams,omitempty" jsonschema_description:"The agencies players sit in, team id to name: fbi: Federal Bureau of Investigation. Every side needs at least one team (here or in an included file); the first is the one a bot plays as."`
	Counterparts IDList   `json:"counterparts,omitempty" jsonschema_description:"The profiles a bot may use to play this side; the first is the default. Default: every profile."`
}

// Team is an agency, written as its name or as a block with name:.
type Team struct {
	Name RequiredText `json:"name" jsonschema:"required" jsonschema_description:"The agency's name, as players see it."`
	Role Text         `json:"role,omitempty" jsonschema_description:"The team's role card: who it is and what it does in the exercise."`
}

// Persona is someone who sends injects.
type Persona struct {
	Name        RequiredText `json:"name" jsonschema:"required" jsonschema_description:"Who the sender is, as players see it: Exercise control (White Cell), a company's security officer..."`
	Affiliation Affiliation  `json:"affiliation" jsonschema:"required" jsonschema_description:"Whom the persona speaks for: us, cn, press, company or white-cell (the exercise's control cell)."`
}

// Variable is a meter or flag.
type Variable struct {
	Type        VarType `json:"type,omitempty" jsonschema_description:"int (a whole number), bool (true or false) or text. Default: the type of initial as written: initial: 50 makes an int, initial: false a bool."`
	Min         int     `json:"min,omitempty" jsonschema_description:"The meter's lowest value, for an int with max: changes stop at it."`
	Max         int     `json:"max,omitempty" jsonschema_description:"The meter's highest value, for an int with min: changes stop at it. With min and max the variable is shown as a meter."`
	Initial     Scalar  `json:"initial" jsonschema:"required" jsonschema_description:"The value at T+0, of the variable's type, within min..max."`
	Description Text    `json:"description,omitempty" jsonschema_description:"What the variable means, for the facilitator."`
}

// Ground is a legal ground for declining part of a request.
type Ground struct {
	Title  RequiredText `json:"title" jsonschema:"required" jsonschema_description:"The ground as the declining side states it, such as Not permitted under national law."`
	Text   Text         `json:"text,omitempty" jsonschema_description:"The ground explained."`
	Covers CoverList    `json:"covers,omitempty" jsonschema_description:"What the ground answers: matters (commercial-theft, state-espionage...), parts of a response (preserve, results...) or flawed requests (nothing-attached, category-error). A decline on a ground that does not cover the part is reviewed as a plain refusal. Left out, the ground covers everything."`
}

// Profile is a counterpart bot.
type Profile struct {
	Title       RequiredText   `json:"title" jsonschema:"required" jsonschema_description:"The profile's name, shown in menus and logs."`
	Description Text           `json:"description,omitempty" jsonschema_description:"How the profile plays, in a sentence."`
	Pace        float64        `json:"pace,omitempty" jsonschema:"minimum=0,maximum=3" jsonschema_description:"When the bot's work lands, as a share of each part's due window: 0.5 halfway, 1 on the due time, above 1 late. Also how soon it chooses on an inject. Base 0.6."`
	Respond     float64        `json:"respond,omitempty" jsonschema:"minimum=0,maximum=1" jsonschema_description:"The chance (0 to 1) that the bot delivers each part of a response at all. Base 1."`
	Quality     QualityWeights `json:"quality,omitempty" jsonschema_description:"How often the bot delivers at each quality, as weights for thin, adequate and thorough. Base 0 / 1 / 0."`
	Decline     float64        `json:"decline,omitempty" jsonschema:"minimum=0,maximum=1" jsonschema_description:"The chance (0 to 1) of declining each part a listed ground covers. Base 0."`
	Clarify     float64        `json:"clarify,omitempty" jsonschema:"minimum=0,maximum=1" jsonschema_description:"The chance (0 to 1) of asking the requester to clarify, once, after acknowledging. Base 0."`
	Answer      float64        `json:"answer,omitempty" jsonschema:"minimum=0,maximum=1" jsonschema_description:"The chance (0 to 1) of answering each hotline call; otherwise it rings out. Base 1."`
	Answers     AnswerWeights  `json:"answers,omitempty" jsonschema_description:"How the bot answers a call, as weights for commit, explain and deny. Base 1 / 0 / 0."`
	Escalate    Escalate       `json:"escalate,omitempty" jsonschema_description:"How long after a part of its own side's request falls overdue the bot rings the hotline about it, such as 1d; never for never. Base 1d."`
	Tones       ToneWeights    `json:"tones,omitempty" jsonschema_description:"Which choices and actions the bot prefers, as weights for measured, conciliatory and firm. Base 1 / 1 / 1."`
	Initiative  float64        `json:"initiative,omitempty" jsonschema:"minimum=0,maximum=1" jsonschema_description:"The daily chance (0 to 1) of taking each action its side may take. Base 0."`
}

// QualityWeights weigh thin, adequate and thorough work.
type QualityWeights struct {
	Thin     float64 `json:"thin,omitempty" jsonschema:"minimum=0" jsonschema_description:"The weight of thin work."`
	Adequate float64 `json:"adequate,omitempty" jsonschema:"minimum=0" jsonschema_description:"The weight of adequate work."`
	Thorough float64 `json:"thorough,omitempty" jsonschema:"minimum=0" jsonschema_description:"The weight of thorough work."`
}

// AnswerWeights weigh the answers to a hotline call.
type AnswerWeights struct {
	Commit  float64 `json:"commit,omitempty" jsonschema:"minimum=0" jsonschema_description:"The weight of committing to deliver what is outstanding."`
	Explain float64 `json:"explain,omitempty" jsonschema:"minimum=0" jsonschema_description:"The weight of explaining the delay."`
	Deny    float64 `json:"deny,omitempty" jsonschema:"minimum=0" jsonschema_description:"The weight of denying the complaint."`
}

// ToneWeights weigh choices and actions by tone.
type ToneWeights struct {
	Measured     float64 `json:"measured,omitempty" jsonschema:"minimum=0" jsonschema_description:"The weight of measured choices and actions."`
	Conciliatory float64 `json:"conciliatory,omitempty" jsonschema:"minimum=0" jsonschema_description:"The weight of conciliatory choices and actions."`
	Firm         float64 `json:"firm,omitempty" jsonschema:"minimum=0" jsonschema_description:"The weight of firm choices and actions."`
}

// Hotline is the escalation channel.
type Hotline struct {
	AnswerWithin PositiveDuration `json:"answer_within,omitempty" jsonschema_description:"How long the called side has to answer a call before it rings out. Default 4h."`
	CommitWithin PositiveDuration `json:"commit_within,omitempty" jsonschema_description:"How long a side that answers commit has to deliver what is outstanding. Default 3d."`
	ImposeAfter  PositiveDuration `json:"impose_after,omitempty" jsonschema_description:"The least story time between a sanctions threat and imposing the sanctions, for the designations process. Default 5d."`
	Ladder       Ladder           `json:"ladder,omitempty" jsonschema_description:"The escalation ladder, lowest rung first, at least two rungs: rung id to title (working-level: Working level), or to a block with title: and text:. Play starts on the first rung."`
	Ceiling      ID               `json:"ceiling,omitempty" jsonschema_description:"The id of the highest rung that calls and answers alone can raise an escalation to; rungs above it take an action or a ladder: effect (a government's decision, such as sanctions)."`
	Moves        *Moves           `json:"moves,omitempty" jsonschema_description:"How many rungs each hotline event moves the escalation of the side that rang; negative moves it down. Events left out keep their default."`
}

// Rung is a rung of the ladder, written as its title or as a block.
type Rung struct {
	Title Text `json:"title,omitempty" jsonschema_description:"The rung's name as players see it. Default: its id."`
	Text  Text `json:"text,omitempty" jsonschema_description:"What standing on the rung means."`
}

// Moves are the ladder's moves per hotline event.
type Moves struct {
	Ring    int `json:"ring,omitempty" jsonschema_description:"A side rings the hotline. Default 0."`
	Missed  int `json:"missed,omitempty" jsonschema_description:"A call is not answered in time. Default 1."`
	Commit  int `json:"commit,omitempty" jsonschema_description:"A call is answered with a commitment. Default 0."`
	Explain int `json:"explain,omitempty" jsonschema_description:"A call is answered with an explanation. Default 0."`
	Deny    int `json:"deny,omitempty" jsonschema_description:"A call is answered with a denial. Default 1."`
	Kept    int `json:"kept,omitempty" jsonschema_description:"A commitment is kept. Default -1."`
	Broken  int `json:"broken,omitempty" jsonschema_description:"A commitment is broken. Default 1."`
}

// Costs is the preparation time of each part of a response.
type Costs struct {
	Acknowledge *Cost `json:"acknowledge,omitempty" jsonschema_description:"Acknowledging receipt: one duration, or one for each quality. Default 1h (an acknowledgement is always adequate)."`
	Preserve    *Cost `json:"preserve,omitempty" jsonschema_description:"Preserving and collecting evidence: one duration, or one for each quality. Default 2h thin, 6h adequate, 12h thorough."`
	Investigate *Cost `json:"investigate,omitempty" jsonschema_description:"Investigating: one duration, or one for each quality. Default 12h thin, 2d adequate, 5d thorough."`
	Mitigate    *Cost `json:"mitigate,omitempty" jsonschema_description:"Mitigating the activity: one duration, or one for each quality. Default 4h thin, 12h adequate, 2d thorough."`
	Update      *Cost `json:"update,omitempty" jsonschema_description:"Each status update (update, singular, here): one duration, or one for each quality. Default 1h thin, 3h adequate, 8h thorough."`
	Results     *Cost `json:"results,omitempty" jsonschema_description:"The final results: one duration, or one for each quality. Default 4h thin, 12h adequate, 2d thorough."`
}

// Cost is one duration for every quality, or a block by quality.
type Cost struct {
	Thin     Duration `json:"thin,omitempty" jsonschema_description:"The time thin work takes."`
	Adequate Duration `json:"adequate,omitempty" jsonschema_description:"The time adequate work takes."`
	Thorough Duration `json:"thorough,omitempty" jsonschema_description:"The time thorough work takes."`
}

// Review is the joint dialogue's calendar and rubric.
type Review struct {
	Meetings MeetingList    `json:"meetings,omitempty" jsonschema_description:"When the dialogue meets to review every request sent so far: offsets such as T+7d or dates and times, none after the end, or blocks with at: and title:. A closing review is always held at the end."`
	Weights  *ReviewWeights `json:"weights,omitempty" jsonschema_description:"How the rubric weighs timeliness, quality and cooperation. Default 0.4 / 0.3 / 0.3; given, a weight left out is 0, and at least one must be above 0."`
}

// Meeting is a dialogue meeting: its time, or a block with a title.
type Meeting struct {
	At    StoryTime `json:"at" jsonschema:"required" jsonschema_description:"When the meeting is held: an offset such as T+7d, or a date and time."`
	Title Text      `json:"title,omitempty" jsonschema_description:"What the meeting is called on the screens and in the documents, such as First meeting of the joint dialogue. Default: Review meeting N."`
}

// ReviewWeights are the rubric's weights.
type ReviewWeights struct {
	Timeliness  float64 `json:"timeliness,omitempty" jsonschema:"minimum=0" jsonschema_description:"The weight of answering on time."`
	Quality     float64 `json:"quality,omitempty" jsonschema:"minimum=0" jsonschema_description:"The weight of the quality of what was delivered."`
	Cooperation float64 `json:"cooperation,omitempty" jsonschema:"minimum=0" jsonschema_description:"The weight of cooperating rather than refusing."`
}

// Ending is an outcome.
type Ending struct {
	Title RequiredText `json:"title" jsonschema:"required" jsonschema_description:"The outcome's name, shown when the exercise ends."`
	Text  Text         `json:"text,omitempty" jsonschema_description:"What the outcome means, for the debrief."`
	If    Condition    `json:"if,omitempty" jsonschema_description:"A condition that makes this the outcome at the end time, when no ending before it holds, such as 'status(\"rfa-servers\") == \"answered\"'. Without it, only an end: effect reaches the ending."`
}

// Request is a request for information or assistance.
type Request struct {
	Kind       RequestKind  `json:"kind" jsonschema:"required" jsonschema_description:"information or assistance."`
	From       SideName     `json:"from" jsonschema:"required" jsonschema_description:"The side that sends the request: us or cn."`
	To         SideName     `json:"to,omitempty" jsonschema_description:"The side that receives it; it can only be the other side, the default."`
	Subject    RequiredText `json:"subject" jsonschema:"required" jsonschema_description:"The request in one line, as it appears in the queues and the review."`
	Body       Text         `json:"body,omitempty" jsonschema_description:"The request itself, in Markdown."`
	Category   Category     `json:"category" jsonschema:"required" jsonschema_description:"What the matter is: commercial-theft, state-espionage, critical-infrastructure or other-cybercrime."`
	Basis      Basis        `json:"basis,omitempty" jsonschema_description:"The commitment the request invokes: cooperation (the default), pledge (commercial theft only) or norms (critical infrastructure only). Any other pairing is a category error, which the review marks."`
	Objectives IDList       `json:"objectives,omitempty" jsonschema_description:"The objectives the request serves, by id."`
	Attached   TextList     `json:"attached,omitempty" jsonschema_description:"The technical material sent with the request: server addresses, times, samples. A request with none lacks the detail to act on, and a ground covering nothing-attached may decline it."`
	Due        *Due         `json:"due" jsonschema:"required" jsonschema_description:"The parts of the response and how long after the request is sent each is due: acknowledge (required), preserve, investigate, mitigate, updates, results."`
	Grounds    IDList       `json:"grounds,omitempty" jsonschema_description:"The grounds, by id, on which the receiver may decline a part. With none, nothing can be declined."`
	If         Condition    `json:"if,omitempty" jsonschema_description:"While this condition holds, the requesting side may send the request itself. Without it, only an open: effect sends it."`
	OnOverdue  Effects      `json:"on_overdue,omitempty" jsonschema_description:"Effects applied each time a part of the request falls overdue."`
	Verifies   ID           `json:"verifies,omitempty" jsonschema_description:"Makes this a request for evidence: the id of the requesting side's own earlier request whose reported action this one asks to see shown. No ground covers refusing it."`
}

// Due gives the parts of a response and their due times.
type Due struct {
	Acknowledge PositiveDuration     `json:"acknowledge" jsonschema:"required" jsonschema_description:"Acknowledging receipt, due this long after the request is sent, such as 24h. Nothing else can be delivered before it."`
	Preserve    PositiveDuration     `json:"preserve,omitempty" jsonschema_description:"Preserving and collecting electronic evidence, due this long after the request is sent."`
	Investigate PositiveDuration     `json:"investigate,omitempty" jsonschema_description:"Investigating, due this long after the request is sent. Results cannot come before it."`
	Mitigate    PositiveDuration     `json:"mitigate,omitempty" jsonschema_description:"Mitigating the activity, due this long after the request is sent."`
	Updates     PositiveDurationList `json:"updates,omitempty" jsonschema_description:"Status updates: one duration (the part update), or a list of them (update-1, update-2, ...), each counted from when the request is sent."`
	Results     PositiveDuration     `json:"results,omitempty" jsonschema_description:"The final results, due this long after the request is sent."`
}

// Action is a move a side may make at any time the scenario allows.
type Action struct {
	Side  SideName     `json:"side" jsonschema:"required" jsonschema_description:"The side that may take the action: us or cn."`
	Label RequiredText `json:"label" jsonschema:"required" jsonschema_description:"The action as the side's menu lists it."`
	Text  Text         `json:"text,omitempty" jsonschema_description:"More about the action, shown when it is picked."`
	Tone  Tone         `json:"tone,omitempty" jsonschema_description:"measured (the default), conciliatory or firm. It steers bots; it scores nothing."`
	If    Condition    `json:"if,omitempty" jsonschema_description:"The action is offered only while this condition holds."`
	Once  bool         `json:"once,omitempty" jsonschema_description:"true if the action may be taken only once."`
	About ID           `json:"about,omitempty" jsonschema_description:"The id of the side's own request the action is about, its matter: a ladder effect moves the escalation of that matter. Without it, a ladder effect moves the side's most escalated matter."`
	// Sanctions is a sanctions step, held to the engine's sanctions rule.
	Sanctions Sanctions `json:"sanctions,omitempty" jsonschema_description:"A sanctions step: threaten or impose (over the request named by about:, which must concern commercial-theft or critical-infrastructure), withdraw a threat or lift sanctions. The engine allows it only as the sanctions rule says (docs/review.md), and moves the ladder itself."`
	Effects   Effects   `json:"effects,omitempty" jsonschema_description:"What taking the action does: a list of effects, each starting with - ."`
	Verdicts
}

// Verdicts say what taking a choice or an action means for learning
// objectives; the after-action report grades it by them.
type Verdicts struct {
	Supports   Bearings `json:"supports,omitempty" jsonschema_description:"Objectives the course serves: objective id, then the reason, a sentence a teacher can read aloud. The after-action report lists it as a strength."`
	Neutral    Bearings `json:"neutral,omitempty" jsonschema_description:"Objectives the course neither serves nor harms: objective id, then the reason. The report shows the reason and grades nothing."`
	Undermines Bearings `json:"undermines,omitempty" jsonschema_description:"Objectives the course works against: objective id, then the reason. The report grades it a major challenge and lists it for improvement."`
}

// Inject is one event of the MSEL.
type Inject struct {
	At         Duration     `json:"at,omitempty" jsonschema_description:"Fires at this offset from the start, such as T+2d or T+1d4h. Give one of at, after or when, or none to hold the inject in reserve for a fire: effect or a choice's next."`
	After      ID           `json:"after,omitempty" jsonschema_description:"Fires when the inject with this id has fired (plus delay)."`
	When       Condition    `json:"when,omitempty" jsonschema_description:"Fires when this condition first holds (plus delay), such as 'tension >= 60'. Quote it."`
	Delay      Duration     `json:"delay,omitempty" jsonschema_description:"With after or when: how much later the inject fires, such as 6h. Default 0."`
	To         ID           `json:"to" jsonschema:"required" jsonschema_description:"Whom the inject is for: us, cn, all (both delegations) or a team id."`
	From       ID           `json:"from" jsonschema:"required" jsonschema_description:"Who sends it: a persona's id."`
	Channel    Channel      `json:"channel" jsonschema:"required" jsonschema_description:"How it arrives: hotline, note (diplomatic note), email, press or intel (intelligence report). channel: hotline does not ring the hotline; a ring: effect does."`
	Title      RequiredText `json:"title" jsonschema:"required" jsonschema_description:"The inject's subject line, as players see it."`
	Body       Text         `json:"body,omitempty" jsonschema_description:"The message, in Markdown. Use | to keep line breaks."`
	Notes      Text         `json:"notes,omitempty" jsonschema_description:"Notes for the facilitator only: what to watch for, what to say. Players never see them."`
	Objectives IDList       `json:"objectives,omitempty" jsonschema_description:"The objectives the inject serves, by id."`
	Effects    Effects      `json:"effects,omitempty" jsonschema_description:"Effects applied when the inject fires: a list, each starting with - ."`
	Choices    Choices      `json:"choices,omitempty" jsonschema_description:"The options the addressed side may take, in order: choice id to choice. Choices need one side to choose, so to: cannot be all."`
	Deadline   *Deadline    `json:"deadline,omitempty" jsonschema_description:"How long the side has to choose, such as 12h, or a block with within:, choose: (the choice taken when time runs out) and effects:."`
}

// Choice is an option on an inject.
type Choice struct {
	Label   RequiredText `json:"label" jsonschema:"required" jsonschema_description:"The option as players read it."`
	Tone    Tone         `json:"tone,omitempty" jsonschema_description:"measured (the default), conciliatory or firm. Bots pick choices by tone; it scores nothing."`
	Effects Effects      `json:"effects,omitempty" jsonschema_description:"Effects applied when the choice is taken: a list, each starting with - ."`
	Next    ID           `json:"next,omitempty" jsonschema_description:"An inject fired right after the choice's effects, by id."`
	If      Condition    `json:"if,omitempty" jsonschema_description:"The choice is offered only while this condition holds."`
	Verdicts
}

// Deadline is the time to choose, written as a duration or as a block.
type Deadline struct {
	Within  PositiveDuration `json:"within" jsonschema:"required" jsonschema_description:"How long after the inject fires the side has to choose, such as 12h."`
	Choose  ID               `json:"choose,omitempty" jsonschema_description:"The id of the choice taken for the side when time runs out."`
	Effects Effects          `json:"effects,omitempty" jsonschema_description:"Effects applied when time runs out, after those of the choice taken."`
}

// Effect is one change to the exercise: exactly one key per list item.
type Effect struct {
	Set    VarValues  `json:"set,omitempty" jsonschema_description:"Sets variables to values of their type: {attributed: true}."`
	Change VarChanges `json:"change,omitempty" jsonschema_description:"Adds whole numbers to int variables, negative to subtract: {tension: 10, trust: -5}."`
	Open   ID         `json:"open,omitempty" jsonschema_description:"Sends a request, by id; its due times start now."`
	Ring   *Ring      `json:"ring,omitempty" jsonschema_description:"Rings the hotline on behalf of a side: {from: us, about: a-request-id}."`
	Fire   ID         `json:"fire,omitempty" jsonschema_description:"Fires an inject now, by id, whatever its trigger, unless it has fired or was cancelled."`
	Cancel ID         `json:"cancel,omitempty" jsonschema_description:"Cancels an inject that has not fired yet, by id: it never will."`
	Ladder LadderStep `json:"ladder,omitempty" jsonschema_description:"Moves an escalation that many rungs, up (1) or down (-1)."`
	End    ID         `json:"end,omitempty" jsonschema_description:"Ends the exercise now with the ending of this id, after the closing review."`
}

// Ring is a ring: effect.
type Ring struct {
	From  SideName `json:"from" jsonschema:"required" jsonschema_description:"The side that rings: us or cn."`
	About ID       `json:"about,omitempty" jsonschema_description:"The request the call is about, by id."`
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
	Bearings   map[string]RequiredText // objective id to the reason
	VarValues  map[string]Scalar
	VarChanges map[string]int
)

// Lists that may be written as a single value.
type (
	IDList               []ID
	MeetingList          []Meeting
	TextList             []Text
	CoverList            []Cover
	PositiveDurationList []PositiveDuration
	IncludeList          []Include
)

// Effects is a list of effects.
type Effects []Effect

// Scalars.
type (
	// ID is an id: letters, digits, '-', '_' and '.', up to 80 characters.
	ID string
	// Text is any YAML scalar; left empty, it is empty.
	Text string
	// RequiredText is text a field must have: a title, a label, a name.
	RequiredText string
	// Scalar is a variable's value.
	Scalar string
	// Duration is a story duration such as 48h, 2d or 1d12h, optionally
	// written as an offset with T+; 0 is zero.
	Duration string
	// PositiveDuration is a Duration above zero.
	PositiveDuration string
	// CalendarTime is a calendar time such as 2015-10-05 09:00.
	CalendarTime string
	// CalendarDate is a day such as 2026-11-23.
	CalendarDate string
	// ClockTime is a time of day such as 09:00.
	ClockTime string
	// StoryTime is an offset or a calendar time.
	StoryTime string
	// EndTime is an offset above zero or a calendar time.
	EndTime string
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
