package debrief

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"hotline/game"
	"hotline/injects"
	"hotline/injects/graph"
	"hotline/injects/msel"
)

// Handbook is an exercise's situation manual (HSEEP's SitMan), for one
// delegation or, in the facilitator's edition, for the control cell. A
// delegation's edition holds only what that delegation may know before
// play: none of the script (injects, requests to come, endings), none of
// the controller's notes, and nothing of the other delegation's but what
// the fact sheet made public.
type Handbook struct {
	Edition  string `json:"edition"` // us, cn or all
	For      string `json:"for"`     // whom the edition is for, in words
	Handling string `json:"handling"`
	// Mark is the handling mark every printed page carries, and Status
	// whether the edition is a draft or final.
	Mark     string   `json:"mark"`
	Status   string   `json:"status"`
	Scenario Scenario `json:"scenario"`

	// Particulars are the sitting's: date, location, sponsor, point of
	// contact, participating organizations (HSEEP's exercise overview).
	Particulars []Entry `json:"particulars,omitempty"`
	Agenda      []Row   `json:"agenda"` // clock times, what, and how
	AgendaNote  string  `json:"agenda_note"`

	Purpose []string `json:"purpose"`
	// FacilitatorSummary is the scenario's summary for the control cell:
	// in the facilitator's edition only.
	FacilitatorSummary string   `json:"facilitator_summary,omitempty"`
	Scope              []string `json:"scope"`
	Framing            []string `json:"framing"`
	Guidelines         []string `json:"guidelines"`
	Schedule           []Row    `json:"schedule"` // when, in both capitals, and what
	// ScheduleNote says what the schedule leaves out.
	ScheduleNote string      `json:"schedule_note"`
	Objectives   []Objective `json:"objectives"`
	Mechanism    Mechanism   `json:"mechanism"`
	Delegations  []Card      `json:"delegations"` // role cards, by delegation
	Rules        Rules       `json:"rules"`
	Acronyms     []Entry     `json:"acronyms"`
	Feedback     Feedback    `json:"feedback"`

	// The facilitator's edition only: the script.
	Script *Script `json:"script,omitempty"`
}

// Row is a table's row of cells in words.
type Row []string

// Mechanism is the September 2015 mechanism in plain words, with what the
// scenario sets: its grounds, hotline and review.
type Mechanism struct {
	Commitments []Entry  `json:"commitments"`
	Kinds       []Entry  `json:"request_kinds"`
	Parts       []Entry  `json:"parts"`
	Bases       []Entry  `json:"commitments_invoked"`
	Grounds     []Entry  `json:"grounds"`
	Hotline     []string `json:"hotline"`
	Rungs       []Entry  `json:"rungs"`
	Moves       []Entry  `json:"moves"`
	Review      []string `json:"review"`
}

// Entry is a named thing and what it is.
type Entry struct {
	Name string `json:"name"`
	Text string `json:"text"`
	// Note qualifies it: what a ground covers, a rung's limit.
	Note string `json:"note,omitempty"`
}

// Card is a delegation's page: who leads it, its interests, and a role
// card for each of its teams. The other delegation's page, in a side's
// edition, names its teams and nothing more.
type Card struct {
	Side      string   `json:"side"`
	Name      string   `json:"name"`
	Lead      string   `json:"lead"`
	Own       bool     `json:"own"` // the edition's reader plays it
	Interests []string `json:"interests,omitempty"`
	// InterestsNote stands for the interests a file does not give.
	InterestsNote string `json:"interests_note,omitempty"`
	// MayDo is what any team of the delegation may do: the engine lets
	// every team of a side answer its requests and calls, and decide what
	// is addressed to the whole side.
	MayDo []string   `json:"may_do,omitempty"`
	Teams []RoleCard `json:"teams"`
}

// RoleCard is one team's card: who they are and what they may do.
type RoleCard struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Who  string `json:"who,omitempty"`
}

// Rules are the rules of play: the keys, the seats, and what the
// facilitator does.
type Rules struct {
	Clock       []string `json:"clock"`
	Keys        []Entry  `json:"keys"`
	Seats       []Entry  `json:"seats"`
	Facilitator []string `json:"facilitator"`
	ControlKeys []Entry  `json:"control_keys"`
}

// Script is what only the control cell reads: the MSEL with every inject
// and its controller notes, and the rules the players discover in play.
type Script struct {
	// Calendar is the injects with a fixed time on the story calendar, as
	// a Mermaid chart.
	Calendar string     `json:"calendar"`
	MSEL     []MSELRow  `json:"msel"`
	Requests []Scripted `json:"requests"`
	Actions  []Scripted `json:"actions"`
	Endings  []Scripted `json:"endings"`
	Coverage []Row      `json:"coverage"` // objective, its injects, its requests
	Profiles []Entry    `json:"counterparts"`
}

// MSELRow is one inject as the MSEL lists it.
type MSELRow struct {
	N          string `json:"n"`
	ID         string `json:"id"`
	Time       string `json:"time"`
	Washington string `json:"washington,omitempty"`
	Beijing    string `json:"beijing,omitempty"`
	From       string `json:"from"`
	To         string `json:"to"`
	Channel    string `json:"channel"`
	Subject    string `json:"subject"`
	Message    string `json:"message"` // Markdown
	Action     string `json:"expected_action,omitempty"`
	Objectives string `json:"objectives,omitempty"`
	// ObjectiveIDs are the objectives by id, for the one-line table.
	ObjectiveIDs string `json:"objective_ids,omitempty"`
	Notes        string `json:"notes,omitempty"`
}

// Scripted is a request, action or ending of the script: its title and
// the lines that say when and how it comes into play.
type Scripted struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Body  string   `json:"body,omitempty"` // Markdown, as the inject file has it
	Lines []string `json:"lines"`
}

// Objective is one of the scenario's objectives.
type Objective struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// NewHandbook writes the situation manual of a scenario for the viewer:
// one delegation (Viewer.Side), or everyone (Viewer.All), the facilitator.
// The sitting's particulars are the file's, with the facilitator's over
// them.
func NewHandbook(sc *injects.Scenario, v game.Viewer, s Sitting) *Handbook {
	h := &Handbook{Scenario: scenarioOf(sc), Status: s.status()}
	if v.All {
		h.Edition, h.For = "all", "the facilitator and the control cell"
		h.Handling = "Facilitator's edition: it holds the whole script, every inject and its controller notes. Do not hand it to players."
		h.Mark = "Facilitator only: holds the script"
	} else {
		h.Edition, h.For = v.Side.String(), "the "+sc.Sides[v.Side].Name
		h.Handling = fmt.Sprintf("For the %s only. It holds none of the script and nothing of %s that the September 2015 fact sheet did not make public.",
			sc.Sides[v.Side].Name, v.Side.Other().Possessive())
		h.Mark = "For the " + sc.Sides[v.Side].Name + " only"
	}
	ex := s.over(sc.Exercise)
	h.Particulars = particulars(ex)
	h.Agenda, h.AgendaNote = agenda(sc, ex, s.speed())
	h.purpose(sc)
	if v.All {
		h.FacilitatorSummary = oneLine(sc.FacilitatorSummary)
	}
	h.Guidelines = guidelines
	h.schedule(sc, v)
	for _, o := range sc.Objectives {
		h.Objectives = append(h.Objectives, Objective{ID: o.ID, Text: oneLine(o.Text)})
	}
	h.Mechanism = mechanism(sc)
	for side := range injects.Side(2) {
		h.Delegations = append(h.Delegations, card(sc, side, v))
	}
	if !v.All { // one's own delegation first
		slices.SortStableFunc(h.Delegations, func(a, b Card) int {
			switch {
			case a.Own == b.Own:
				return 0
			case a.Own:
				return -1
			}
			return 1
		})
	}
	h.Rules = rules(sc)
	if v.All {
		h.Script = script(sc)
	}
	h.Feedback = feedback(sc)
	h.Acronyms = acronyms(sc, h)
	return h
}

// Chrome is what each printed page of the handbook carries.
func (h *Handbook) chrome() chrome {
	edition := "Facilitator's edition"
	if h.Edition != "all" {
		edition = h.For[len("the "):] + "'s edition"
	}
	return chrome{Edition: edition, Title: "Situation manual: " + h.Scenario.Title, Mark: h.Mark, Status: h.Status}
}

func (h *Handbook) purpose(sc *injects.Scenario) {
	h.Purpose = []string{
		"On 25 September 2015 the United States and China agreed to answer each other's requests for information and assistance on malicious cyber activity in time, to cooperate with requests to investigate cybercrime, collect electronic evidence and mitigate activity from their territory, to keep each other informed, and to set up a high-level joint dialogue that reviews those answers, with a hotline for what goes wrong. This exercise lets the two delegations use that mechanism, and see it judged as the dialogue would judge it.",
	}
	if sc.Summary != "" {
		h.Purpose = append(h.Purpose, oneLine(sc.Summary))
	}
	scope := fmt.Sprintf("The exercise runs on a story calendar from %s to %s (%s time), %s of story time", h.Scenario.Start, h.Scenario.End,
		h.Scenario.Zone, h.Scenario.Span)
	if sc.PlayingTime > 0 {
		scope += fmt.Sprintf(", in about %s of play", spanWords(sc.PlayingTime))
	}
	h.Scope = []string{
		scope + ". The story clock runs faster than real time and can be paused.",
		"In scope: requests for information and assistance and every part of the answers to them, declining on legal grounds, the hotline and its escalation ladder, the public and political steps each government may take, and the dialogue's review. Out of scope: the technical work itself (the exercise says how long it takes, not how it is done), and anything beyond the two governments' dealings with each other.",
	}
	h.Framing = []string{
		"This is a counterfactual. In reality the hotline took more than a year to set up after September 2015 (its rules were agreed in December 2015, it was tested in mid-2016, and it was described as launched at the third dialogue meeting, on 7 December 2016); the exercise imagines the hotline and the dialogue working from the start, and may stage events that were public before the agreement as fresh discoveries. Play the mechanism as the fact sheet describes it, not as it turned out.",
		"Nothing in the exercise is an assessment of what either government did or would do. The counterpart's moves are scripted or made by people in the room.",
	}
}

func (h *Handbook) schedule(sc *injects.Scenario, v game.Viewer) {
	row := func(at time.Duration, what string) {
		t := sc.Time(at)
		h.Schedule = append(h.Schedule, Row{dateWords(t.In(washington), withYear|withClock), dateWords(t.In(beijing), withClock), what})
	}
	row(0, "The exercise begins: the story clock starts, paused until the facilitator (or a solo player) starts it")
	for i, at := range sc.Review.Meetings {
		row(at, game.ReviewTitle(sc, i+1)+": the dialogue reviews every request sent so far")
	}
	row(sc.End, "The exercise ends with the dialogue's closing review")
	h.ScheduleNote = "Injects, requests and calls arrive in between, on the story calendar; when, is part of the exercise."
	if v.All {
		h.ScheduleNote = "The MSEL below gives every inject's time; those that wait on a condition or on another's choice have none fixed."
	}
}

// The fact sheet's commitments, in its own words where they are short.
var commitments = []Entry{
	{"Timely responses", "Each side answers the other's requests for information and assistance concerning malicious cyber activities in time.", ""},
	{"Cooperation within the law", "Each side cooperates, \"in a manner consistent with their respective national laws and relevant international obligations\", with requests to investigate cybercrimes, collect electronic evidence, and mitigate malicious cyber activity emanating from its territory, and provides updates on the status and results, \"as appropriate\".", ""},
	{"The commercial-theft pledge", "Neither government conducts or knowingly supports cyber-enabled theft of intellectual property, including trade secrets, with the intent of providing competitive advantages to companies or commercial sectors. Government-to-government espionage is not covered.", ""},
	{"Norms of state behaviour", "Both welcome the July 2015 report of the UN Group of Governmental Experts, whose peacetime norms include that no state should conduct or knowingly support activity that intentionally damages another's critical infrastructure, and that states should answer appropriate requests for assistance from a state whose critical infrastructure is attacked, and agree to a senior experts group on norms.", ""},
	{"The high-level joint dialogue", "The US Secretary of Homeland Security and Attorney General co-chair for the United States (with the FBI, the Intelligence Community and other agencies); a ministerial-level lead for China (with the Ministry of Public Security, Ministry of State Security, Ministry of Justice and the State Internet and Information Office). It reviews the timeliness and quality of responses to requests, and first meets by the end of 2015, then twice a year.", ""},
	{"The hotline", "A hotline for the escalation of issues that arise in responding to requests.", ""},
}

func mechanism(sc *injects.Scenario) Mechanism {
	m := Mechanism{Commitments: commitments}
	m.Kinds = []Entry{
		{injects.Information.Title(), "asks what the other side knows or can find: who runs a server, what logs exist.", ""},
		{injects.Assistance.Title(), "asks the other side to act: preserve evidence, take servers down, investigate, and report.", ""},
	}
	for k := injects.Acknowledge; k <= injects.Results; k++ {
		m.Parts = append(m.Parts, Entry{Name: k.Verb(), Text: partWords[k]})
	}
	m.Bases = []Entry{
		{injects.Cooperation.Title(), basisFits[injects.Cooperation], ""},
		{injects.Pledge.Title(), basisFits[injects.Pledge], "Invoked for anything else, above all for state espionage, it is a category error: the request is marked, the side that sent it loses points, and the other side may decline it."},
		{injects.Norms.Title(), basisFits[injects.Norms], "Invoked for anything else, it is a category error."},
	}
	for _, g := range sc.Grounds {
		m.Grounds = append(m.Grounds, Entry{Name: g.Title, Text: oneLine(g.Text), Note: coverWords(&g)})
	}
	hl := sc.Hotline
	m.Hotline = []string{
		fmt.Sprintf("Either side may ring the other about a request that is late, refused or thin, or about anything else. The side called must answer within %s of story time: commit (promise what is outstanding within %s), explain (give reasons without promising) or deny (reject the complaint). A call may ring out unanswered.", spanWords(hl.AnswerWithin), spanWords(hl.CommitWithin)),
	}
	m.Hotline = append(m.Hotline, game.LadderRules(sc)...)
	for i, r := range hl.Rungs {
		e := Entry{Name: r.Title, Text: oneLine(r.Text)}
		switch {
		case i == 0:
			e.Note = "where play starts"
		case i > hl.Ceiling:
			e.Note = "entered and left only by a government's decision, never by calls alone"
		}
		m.Rungs = append(m.Rungs, e)
	}
	moves := []struct {
		what  string
		steps int
	}{
		{"ringing", hl.Moves.Ring}, {"a call left unanswered", hl.Moves.Missed}, {"an answer that commits", hl.Moves.Commit},
		{"an answer that explains", hl.Moves.Explain}, {"a denial", hl.Moves.Deny}, {"a commitment kept", hl.Moves.Kept},
		{"a commitment broken", hl.Moves.Broken},
	}
	for _, mv := range moves {
		m.Moves = append(m.Moves, Entry{Name: mv.what, Text: stepWords(mv.steps)})
	}
	m.Review = reviewWords(sc)
	return m
}

// partWords says what each part of an answer is.
var partWords = [...]string{
	injects.Acknowledge: "say the request was received; nothing else can be delivered or declined before it.",
	injects.Preserve:    "preserve and collect the evidence: logs, disk images.",
	injects.Investigate: "find who is behind the activity.",
	injects.Mitigate:    "stop the activity: take servers offline.",
	injects.Update:      "tell the requesting side where the work stands.",
	injects.Results:     "report what was found; they follow the investigation, and declining the investigation declines them too.",
}

// coverWords says what a ground covers, along its three lines.
func coverWords(g *injects.Ground) string {
	if g.Unbounded() {
		return "covers any part of any request"
	}
	what := "any part"
	if len(g.Parts) > 0 {
		var parts []string
		for _, k := range g.Parts {
			parts = append(parts, k.Noun())
		}
		what = "the " + list(parts)
	}
	of := "of any request"
	if len(g.Covers) > 0 {
		var cats []string
		for _, c := range g.Covers {
			cats = append(cats, c.Title())
		}
		of = "of a request about " + strings.Join(cats, " or ")
	}
	var flaws []string
	for _, f := range g.Flaws {
		switch f {
		case injects.Misfiled:
			flaws = append(flaws, "invokes a commitment that does not cover its matter")
		case injects.Undetailed:
			flaws = append(flaws, "came with no technical material attached")
		}
	}
	if len(flaws) > 0 {
		of += " that " + strings.Join(flaws, " or ")
	}
	return "covers " + what + " " + of
}

func stepWords(steps int) string {
	switch {
	case steps == 0:
		return "moves nothing"
	case steps > 0:
		return fmt.Sprintf("the caller's escalation up %s", plural(steps, "rung"))
	}
	return fmt.Sprintf("the caller's escalation down %s", plural(-steps, "rung"))
}

func reviewWords(sc *injects.Scenario) []string {
	w := sc.Review.Weights
	when := "at the end of the exercise"
	switch n := len(sc.Review.Meetings); {
	case n == 1:
		when = "at a meeting on the story calendar and again at the end"
	case n > 1:
		when = fmt.Sprintf("at %s meetings on the story calendar and again at the end", count(n))
	}
	return []string{
		"The dialogue reviews every request sent, " + when + ". Each part of a request has a due time, counted from when the request was sent; the review judges each part once it is due, on its timeliness (1 on time, falling to 0 as lateness reaches the time the part was given) and its quality (thorough above adequate above thin; a decline on a ground that covers the part counts between thin and adequate, one on a ground that does not cover it as a refusal; a thin answer to a request that came with its material counts for less).",
		fmt.Sprintf("Each side is scored out of 100 on the requests it received: timeliness, quality and cooperation (the share of parts answered), weighted %.2g, %.2g and %.2g. Then points come off for what it did: %d for each hotline call it let ring out, %d for each request it sent under a commitment that does not cover its matter, %d for each request it sent with no technical material attached. A side that received nothing to answer is not rated.",
			w.Timeliness, w.Quality, w.Cooperation, game.MissedCallPenalty, game.CategoryErrorPenalty, game.UndetailedPenalty),
		"A question for clarification, asked once per request, stops its clock until it is answered.",
	}
}

func card(sc *injects.Scenario, side injects.Side, v game.Viewer) Card {
	d := sc.Sides[side]
	own := v.Reaches(injects.Audience{Side: side})
	c := Card{Side: side.String(), Name: d.Name, Lead: oneLine(d.Lead), Own: own}
	if own {
		c.MayDo = mayDo(sc, side)
		for _, in := range d.Interests {
			c.Interests = append(c.Interests, oneLine(in))
		}
		if len(c.Interests) == 0 {
			c.InterestsNote = "The scenario does not set out this delegation's interests: play them as your government would have seen them in 2015."
		}
	}
	for _, t := range sc.Teams {
		if t.Side != side {
			continue
		}
		rc := RoleCard{ID: t.ID, Name: t.Name}
		if own {
			rc.Who = oneLine(t.Role)
			if rc.Who == "" {
				rc.Who = t.Name + ", a team of the " + d.Name + ". The scenario gives it no role of its own: it may do what every team of the delegation may do (above)."
			}
		}
		c.Teams = append(c.Teams, rc)
	}
	return c
}

// mayDo is what any team of a side may do.
func mayDo(sc *injects.Scenario, side injects.Side) []string {
	other := side.Other().Possessive()
	do := []string{
		"Decide the injects addressed to your team, or to your whole delegation (the first decision made for the delegation stands). A decision left past its deadline is taken for you.",
		fmt.Sprintf("Answer %s requests: acknowledge first, then deliver each part thin, adequate or thorough (more thorough work takes longer), or decline it on a legal ground; ask for clarification once.", other),
		"Send the requests the exercise offers your delegation, when it offers them.",
		fmt.Sprintf("Ring the hotline; answer %s calls within %s.", other, spanWords(sc.Hotline.AnswerWithin)),
	}
	var acts []string
	for _, a := range sc.Actions {
		if a.Side == side && a.Offered() {
			acts = append(acts, "\""+oneLine(a.Label)+"\"")
		}
	}
	if len(acts) > 0 {
		do = append(do, "Take your delegation's actions: "+list(acts)+", and others the exercise offers as play goes on.")
	} else {
		do = append(do, "Take the actions the exercise offers your delegation as play goes on.")
	}
	return do
}

// The keys of the exercise, as the screens' help gives them; a test holds
// them to the screens' keymap.
var (
	playerKeys = []Entry{
		{"space", "pause or resume the story clock (alone; in a class, the facilitator's)", ""},
		{"+ / -", "faster or slower", ""},
		{">", "jump the clock to the next thing that happens", ""},
		{"tab / shift+tab", "next or previous panel: Feed, Requests, Hotline, Review, Log", ""},
		{"↑ ↓ or k j", "move", ""},
		{"pgup / pgdn", "scroll", ""},
		{"enter", "open; answer a call; take an action", ""},
		{"esc", "back; let a call ring", ""},
		{"1–9", "decide an inject; deliver thin, adequate or thorough; answer commit, explain or deny; pick a legal ground", ""},
		{"d", "decline the selected part", ""},
		{"c", "ask for clarification, or answer the other side's question", ""},
		{"s", "send a request", ""},
		{"r", "ring the hotline", ""},
		{"?", "all the keys", ""},
		{"q", "quit (asks first); ctrl+c quits at once", ""},
	}
	controlKeys = []Entry{
		{"f", "fire the selected inject now", ""},
		{"h", "hold the selected inject, or release it", ""},
		{"x", "skip the selected inject; on a seat, remove the person", ""},
		{"b", "seat a counterpart bot in an empty team", ""},
		{"m", "send an ad-hoc message to everyone, a delegation or a team", ""},
		{"o", "write an observation on an objective, rated P, S, M or U (evaluators too)", ""},
		{"E", "end the exercise now, with the closing review", ""},
	}
)

func rules(sc *injects.Scenario) Rules {
	return Rules{
		Clock: []string{
			"Time in the exercise is story time, on the calendar above. The clock runs at 30 story minutes a second unless it is set faster or slower, and skips quiet stretches on a jump. It opens paused, so everyone can read the situation briefing.",
			"Every decision and every part of a request has a deadline in story time. Read the deadline, not the clock: a decision left past its deadline is taken for you, and a part left past its due time is overdue.",
			fmt.Sprintf("When the other side rings, the call interrupts the screen; a solo player's clock pauses until it is answered or let ring. A call must be answered within %s.", spanWords(sc.Hotline.AnswerWithin)),
			"When the dialogue meets, every clock pauses and the Review panel shows how each request is judged.",
		},
		Keys: playerKeys,
		Seats: []Entry{
			{"Solo player", "plays a whole delegation against a scripted counterpart, and keeps the story clock.", ""},
			{"Player", "sits in one team of a delegation and acts in its name; sees what reaches the delegation and what the other side does in the open.", ""},
			{"Facilitator", "the control cell (White Cell): runs the clock and the script, seats people and bots, and may act for any team.", ""},
			{"Evaluator", "sees both delegations and writes observations on the objectives, rated on HSEEP's scale.", ""},
			{"Observer", "sees both delegations and acts for nobody.", ""},
		},
		Facilitator: []string{
			"Starts, pauses and paces the story clock, and jumps it past quiet stretches.",
			"Runs the script: fires an inject early, holds one back or releases it, skips one, and sends ad-hoc messages.",
			"Seats people in teams as they join, and counterpart bots in teams nobody plays.",
			"Ends the exercise when the time is up, with the closing review, and leads the hotwash after it.",
		},
		ControlKeys: controlKeys,
	}
}

func script(sc *injects.Scenario) *Script {
	s := &Script{}
	var cal strings.Builder
	if graph.Timeline(sc).Mermaid(&cal) == nil {
		s.Calendar = cal.String()
	}
	sheet := msel.Export(sc)
	for _, r := range sheet.Rows {
		s.MSEL = append(s.MSEL, MSELRow{N: r[msel.ColEvent], ID: r[msel.ColID], Time: r[msel.ColTime],
			Washington: r[msel.ColWashington], Beijing: r[msel.ColBeijing], From: r[msel.ColFrom], To: r[msel.ColTo],
			Channel: r[msel.ColChannel], Subject: r[msel.ColSubject], Message: r[msel.ColMessage], Action: r[msel.ColAction],
			Objectives: r[msel.ColObjective], Notes: r[msel.ColNotes]})
		if i, ok := sc.InjectIndex(r[msel.ColID]); ok {
			row, in := &s.MSEL[len(s.MSEL)-1], &sc.Injects[i]
			row.Time = triggerWords(sc, &in.Trigger, r[msel.ColTime])
			row.To = audienceWords(sc, in.To)
			row.ObjectiveIDs = strings.Join(in.Objectives, ", ")
			row.Objectives, row.Action = objectiveWords(sc, in.Objectives), choiceWords(in)
			if in.Trigger.Kind == injects.At {
				t := sc.Time(in.Trigger.At)
				row.Washington, row.Beijing = dateWords(t.In(washington), withClock), dateWords(t.In(beijing), withClock)
			}
		}
	}
	for i := range sc.Requests {
		r := &sc.Requests[i]
		lines := []string{
			fmt.Sprintf("%s, %s to %s: %s; invokes %s", upperFirst(r.Kind.Title()), r.From.Title(), r.To.Title(), r.Category.Title(), r.Basis.Title()),
		}
		if r.CategoryError() {
			lines = append(lines, "A category error: the commitment it invokes does not cover its matter.")
		}
		if r.Available != nil {
			lines = append(lines, upperFirst(the(r.From))+" may send it once "+conditionWords(sc, r.Available)+".")
		} else {
			lines = append(lines, "Sent by an effect of the script, not by a player.")
		}
		var due []string
		for _, e := range r.Elements {
			due = append(due, e.ID+" "+injects.FormatDuration(e.Due))
		}
		lines = append(lines, "Due: "+strings.Join(due, ", "))
		if len(r.Attached) > 0 {
			lines = append(lines, "Attached: "+strings.Join(r.Attached, "; "))
		} else {
			lines = append(lines, "Nothing attached.")
		}
		var grounds []string
		for _, g := range r.Grounds {
			word := g
			if gr, ok := sc.Ground(g); ok {
				word = gr.Title
				if !slices.ContainsFunc(r.Elements, func(e injects.ElementSpec) bool { return gr.Sound(r, e.Kind) }) {
					word += " (covers no part of it)"
				}
			}
			grounds = append(grounds, word)
		}
		if len(grounds) > 0 {
			lines = append(lines, "May be declined on: "+strings.Join(grounds, "; "))
		}
		if obj := sc.RequestObjectives(r.ID); len(obj) > 0 {
			lines = append(lines, "Objectives: "+strings.Join(obj, ", "))
		}
		s.Requests = append(s.Requests, Scripted{ID: r.ID, Title: r.Subject, Body: r.Body, Lines: lines})
	}
	for i := range sc.Actions {
		a := &sc.Actions[i]
		lines := []string{a.Side.Title() + ", " + a.Tone.String()}
		if a.Text != "" {
			lines = append(lines, oneLine(a.Text))
		}
		switch {
		case a.Sanctions != injects.NoSanctions:
			lines = append(lines, game.ActionRule(sc, a))
		case a.If != nil:
			lines = append(lines, "Offered while "+conditionWords(sc, a.If)+".")
		default:
			lines = append(lines, "Offered throughout.")
		}
		if a.Once {
			lines = append(lines, "Once only.")
		}
		s.Actions = append(s.Actions, Scripted{ID: a.ID, Title: oneLine(a.Label), Lines: lines})
	}
	for i := range sc.Endings {
		en := &sc.Endings[i]
		lines := []string{oneLine(en.Text)}
		if en.If != nil {
			lines = append(lines, "The outcome at the end if "+conditionWords(sc, en.If)+" (the first ending that holds wins).")
		} else {
			lines = append(lines, "Reached only by an effect that ends the exercise.")
		}
		s.Endings = append(s.Endings, Scripted{ID: en.ID, Title: en.Title, Lines: lines})
	}
	for _, o := range sc.Objectives {
		var ins, reqs []string
		for _, id := range o.Injects {
			if i, ok := sc.InjectIndex(id); ok {
				ins = append(ins, "“"+oneLine(sc.Injects[i].Title)+"”")
			}
		}
		for _, id := range linkedRequests(sc, &o) {
			if i, ok := sc.RequestIndex(id); ok {
				reqs = append(reqs, "“"+oneLine(sc.Requests[i].Subject)+"”")
			}
		}
		s.Coverage = append(s.Coverage, Row{o.ID, strings.Join(ins, "; "), strings.Join(reqs, "; ")})
	}
	for _, p := range sc.Profiles {
		s.Profiles = append(s.Profiles, Entry{Name: p.Title, Text: oneLine(p.Description), Note: p.ID})
	}
	return s
}

// linkedRequests are the requests that exercise an objective: those the
// file maps to it, and those its injects open or wait on. A request the
// file maps to any objective is linked only as the file maps it: an
// author's mapping overrules the inference.
// objectiveWords lists objectives by id, each with its text.
func objectiveWords(sc *injects.Scenario, ids []string) string {
	var out []string
	for _, id := range ids {
		for _, o := range sc.Objectives {
			if o.ID == id {
				id += " (" + strings.TrimSuffix(oneLine(o.Text), ".") + ")"
			}
		}
		out = append(out, id)
	}
	return strings.Join(out, "; ")
}

// choiceWords says what an inject asks its audience to decide, and what
// its deadline takes for them.
func choiceWords(in *injects.Inject) string {
	if len(in.Choices) == 0 {
		return ""
	}
	var labels []string
	for _, ch := range in.Choices {
		labels = append(labels, "“"+oneLine(ch.Label)+"”")
	}
	words := "Decide: " + orList(labels) + "."
	if d := in.Deadline; d != nil {
		words += " Within " + spanWords(d.Within)
		if ch, ok := in.Choice(d.Choose); ok {
			words += "; then “" + oneLine(ch.Label) + "” is taken"
		} else {
			words += "; then none is taken"
		}
		words += "."
	}
	return words
}

// triggerWords says when an inject fires, its condition in words; a time
// on the calendar as the MSEL writes it.
func triggerWords(sc *injects.Scenario, t *injects.Trigger, asWritten string) string {
	later := ""
	if t.Delay > 0 {
		later = ", " + injects.FormatDuration(t.Delay) + " later"
	}
	switch t.Kind {
	case injects.After:
		title := t.After
		if i, ok := sc.InjectIndex(t.After); ok {
			title = "“" + oneLine(sc.Injects[i].Title) + "”"
		}
		return "after " + title + later
	case injects.When:
		return "when " + conditionWords(sc, t.If) + later
	case injects.Reserve:
		return "held in reserve: fired only by another inject's choice or effect"
	}
	return asWritten
}

func linkedRequests(sc *injects.Scenario, o *injects.Objective) []string {
	ids := slices.Clone(o.Requests)
	mapped := map[string]bool{}
	for k := range sc.Objectives {
		for _, id := range sc.Objectives[k].Requests {
			mapped[id] = true
		}
	}
	add := func(id string) {
		if _, ok := sc.RequestIndex(id); ok && !mapped[id] && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	opens := func(effects []injects.Effect) {
		for _, ef := range effects {
			if ef.Kind == injects.OpenReq {
				add(ef.Target)
			}
		}
	}
	for _, id := range o.Injects {
		i, ok := sc.InjectIndex(id)
		if !ok {
			continue
		}
		in := &sc.Injects[i]
		opens(in.Effects)
		for _, ch := range in.Choices {
			opens(ch.Effects)
		}
		if in.Deadline != nil {
			opens(in.Deadline.Effects)
		}
		if c := in.Trigger.If; c != nil {
			reqs, _ := c.Requests()
			for _, r := range reqs {
				add(r)
			}
		}
	}
	return ids
}
