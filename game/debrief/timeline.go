package debrief

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"hotline/game"
	"hotline/injects"
)

// Timeline is the whole run on the story calendar: each request as a bar
// from when it was sent to when its last part was due, with what became of
// each part; the hotline's calls; the ladder and the meters as lines; and
// marks for injects, decisions, actions and the control cell's moves.
type Timeline struct {
	Zone     string       `json:"zone"` // the city whose clock the times are in
	From     Moment       `json:"from"`
	To       Moment       `json:"to"`
	Days     []Moment     `json:"days"` // each midnight of the story calendar, for the axis
	Requests []RequestBar `json:"requests"`
	Calls    []CallBar    `json:"calls"`
	Ladder   Ladder       `json:"ladder"`
	Meters   []Meter      `json:"meters"`
	Marks    []Mark       `json:"marks"`
}

// RequestBar is a request from when it was sent to its last due time.
type RequestBar struct {
	ID      string     `json:"id"`
	Subject string     `json:"subject"`
	From    string     `json:"from"` // us or cn
	To      string     `json:"to"`
	Sent    Moment     `json:"sent"`
	Due     Moment     `json:"due"` // the last part's due time
	Status  string     `json:"status"`
	Parts   []PartMark `json:"parts"`
}

// What became of a part, as the timeline marks it.
const (
	OnTime   = "on time"
	Late     = "late"
	Declined = "declined"
	Never    = "never"       // overdue and never delivered
	NotDue   = "not yet due" // a run that has not ended
)

// PartMark is one part of a request: when it was due, and what became of it.
type PartMark struct {
	Part    string  `json:"part"` // the part's id: acknowledge, preserve…
	Name    string  `json:"name"` // in words: acknowledgement, evidence preservation…
	Due     Moment  `json:"due"`
	Outcome string  `json:"outcome"`
	At      *Moment `json:"at,omitempty"` // when it was delivered or declined
	Detail  string  `json:"detail,omitempty"`
}

// CallBar is a hotline call from its ringing to its answer or deadline,
// and the commitment it ended with, if any.
type CallBar struct {
	N        int     `json:"call"`
	From     string  `json:"from"`            // the side that rang, us or cn
	About    string  `json:"about,omitempty"` // the subject of the request it is about
	Rang     Moment  `json:"rang"`
	AnswerBy Moment  `json:"answer_by"`
	Outcome  string  `json:"outcome"` // commit, explain, deny, missed, ringing
	Answered *Moment `json:"answered,omitempty"`
	// Promise is what became of a commitment: kept, broken, or pending.
	Promise   string  `json:"promise,omitempty"`
	PromiseBy *Moment `json:"promise_by,omitempty"`
	Settled   *Moment `json:"settled,omitempty"`
}

// Ladder is the escalation ladder over time: each side's escalation and
// the rung everyone sees, the higher of the two.
type Ladder struct {
	Rungs  []string      `json:"rungs"`
	Points []LadderPoint `json:"points"`
}

// LadderPoint is where the ladder stood from a moment on.
type LadderPoint struct {
	At    Moment `json:"at"`
	US    int    `json:"us"`
	CN    int    `json:"cn"`
	Rung  int    `json:"rung"`
	Side  string `json:"side,omitempty"` // whose escalation moved
	Cause string `json:"cause,omitempty"`
}

// Meter is a scenario meter over time.
type Meter struct {
	ID          string       `json:"id"`
	Description string       `json:"description,omitempty"`
	Min         int          `json:"min"`
	Max         int          `json:"max"`
	Points      []MeterPoint `json:"points"`
}

// MeterPoint is a meter's value from a moment on.
type MeterPoint struct {
	At    game.Offset `json:"at"`
	Value int         `json:"value"`
}

// Kinds of marks.
const (
	MarkInject      = "inject"
	MarkDecision    = "decision"
	MarkDeadline    = "deadline" // a decision left to its deadline
	MarkAction      = "action"
	MarkControl     = "control" // the White Cell's move
	MarkObservation = "observation"
	MarkReview      = "review"
)

// Mark is something that happened at a moment.
type Mark struct {
	At   Moment `json:"at"`
	Kind string `json:"kind"`
	Side string `json:"side,omitempty"` // us, cn or all; none for the control cell's
	Text string `json:"text"`
	By   string `json:"by,omitempty"`
}

// mark records the events the timeline marks.
func (b *builder) mark(st *game.State, ev *game.Event) {
	sc := b.sc
	add := func(kind, side, text string) {
		b.marks = append(b.marks, Mark{At: moment(sc, ev.At), Kind: kind, Side: side, Text: text, By: byWords(st, ev)})
	}
	control := ev.By != "" && isControl(st, ev.By)
	switch ev.Type {
	case game.InjectFired:
		in := &sc.Injects[mustInject(sc, ev.Inject)]
		if control {
			add(MarkControl, "", fmt.Sprintf("fired %q by hand", in.Title))
		}
		add(MarkInject, audienceSide(in.To), in.Title)
	case game.InjectChosen:
		in := &sc.Injects[mustInject(sc, ev.Inject)]
		ch, _ := in.Choice(ev.Choice)
		add(MarkDecision, sideOfTeam(sc, ev.Team), fmt.Sprintf("%s: %s", in.Title, oneLine(ch.Label)))
	case game.InjectExpired:
		in := &sc.Injects[mustInject(sc, ev.Inject)]
		text := in.Title + ": no decision in time"
		if ch, ok := in.Choice(ev.Choice); ok {
			text += "; " + oneLine(ch.Label)
		}
		add(MarkDeadline, audienceSide(in.To), text)
	case game.ActionTaken:
		if i, ok := sc.ActionIndex(ev.Action); ok {
			add(MarkAction, sc.Actions[i].Side.String(), oneLine(sc.Actions[i].Label))
		}
	case game.InjectHeld, game.InjectReleased, game.InjectSkipped:
		verb := map[game.EventType]string{game.InjectHeld: "held", game.InjectReleased: "released", game.InjectSkipped: "skipped"}[ev.Type]
		add(MarkControl, "", fmt.Sprintf("%s %q", verb, sc.Injects[mustInject(sc, ev.Inject)].Title))
	case game.MessageSent:
		add(MarkControl, "", fmt.Sprintf("message to %s: %q", audienceWords(sc, ev.To), ev.Title))
	case game.BotSeated:
		add(MarkControl, "", fmt.Sprintf("the %s bot plays %s", ev.Profile, teamName(sc, ev.Team)))
	case game.BotRemoved:
		add(MarkControl, "", "the bot leaves "+teamName(sc, ev.Team))
	case game.ClockJumped, game.SpeedSet, game.ClockPaused, game.ClockResumed, game.PersonUnseated, game.PersonReadmitted:
		if control {
			add(MarkControl, "", strings.TrimPrefix(game.Describe(st, ev), ev.By+" (White Cell) "))
		}
	case game.PersonSeated:
		if control && b.moved(ev) {
			add(MarkControl, "", fmt.Sprintf("moves %s to %s", ev.Person, teamName(sc, ev.Team)))
		}
	case game.ObservationNoted:
		text := ev.Objective
		if ev.Rating != game.Unrated {
			text += " (" + ev.Rating.String() + ")"
		}
		side := "all" // about the exercise as a whole
		if ev.Team != "" {
			side = sideOfTeam(sc, ev.Team)
		}
		add(MarkObservation, side, text+": "+ev.Text)
	case game.ReviewHeld:
		if ev.Review != nil {
			add(MarkReview, "all", game.ReviewTitle(sc, ev.Review.Meeting))
		}
	}
}

// moved reports whether a person taking a seat leaves another for it: the
// seat event is read before the seating follows it, so they sit elsewhere
// still.
func (b *builder) moved(ev *game.Event) bool {
	for _, st := range b.seats.stints {
		if st.who == ev.Person && st.open {
			return true
		}
	}
	return false
}

// isControl reports whether a person is the control cell: the class's
// facilitator, or someone seated as one.
func isControl(st *game.State, name string) bool {
	if p, ok := st.Seated(name); ok {
		return p.Role == game.Facilitator
	}
	return name == st.Facilitator
}

// byWords names who made a command: a person, a bot, or nobody (the
// engine's own events).
func byWords(st *game.State, ev *game.Event) string {
	switch {
	case ev.By == "":
		return ""
	case ev.By == game.SoloPlayer:
		return "the player"
	case strings.HasPrefix(ev.By, "bot:"):
		return "the " + strings.TrimPrefix(ev.By, "bot:") + " bot"
	case isControl(st, ev.By):
		return ev.By + " (White Cell)"
	}
	return ev.By
}

func mustInject(sc *injects.Scenario, id string) int {
	i, _ := sc.InjectIndex(id)
	return i
}

func audienceSide(a injects.Audience) string {
	if a.All {
		return "all"
	}
	return a.Side.String()
}

func sideOfTeam(sc *injects.Scenario, team string) string {
	if t, ok := sc.Team(team); ok {
		return t.Side.String()
	}
	return ""
}

func (b *builder) timeline() Timeline {
	sc, st := b.sc, b.st
	end := max(sc.End, st.Now)
	if st.Ended {
		end = st.Now
	}
	t := Timeline{Zone: sc.ZoneCity(), From: moment(sc, 0), To: moment(sc, end), Marks: b.marks,
		Ladder: Ladder{Points: b.ladder}}
	start := sc.Start
	for day := time.Date(start.Year(), start.Month(), start.Day()+1, 0, 0, 0, 0, start.Location()); !day.After(sc.Time(end)); day = day.AddDate(0, 0, 1) {
		t.Days = append(t.Days, Moment{At: game.Offset(day.Sub(start)), Time: dateWords(day, 0)})
	}
	for _, r := range sc.Hotline.Rungs {
		t.Ladder.Rungs = append(t.Ladder.Rungs, r.Title)
	}
	for _, v := range sc.Variables {
		if pts, ok := b.meters[v.ID]; ok {
			t.Meters = append(t.Meters, Meter{ID: v.ID, Description: oneLine(v.Description), Min: v.Min, Max: v.Max, Points: pts})
		}
	}
	for _, rs := range b.card.Requests {
		t.Requests = append(t.Requests, b.requestBar(&rs))
	}
	for _, c := range st.Calls {
		t.Calls = append(t.Calls, b.callBar(&c))
	}
	return t
}

func (b *builder) requestBar(rs *game.RequestScore) RequestBar {
	sc := b.sc
	bar := RequestBar{ID: rs.Request, Subject: rs.Subject, From: rs.From.String(), To: rs.To.String(),
		Sent: moment(sc, b.opened[rs.Request]), Status: rs.Status}
	last := time.Duration(0)
	for _, el := range rs.Elements {
		last = max(last, time.Duration(el.Due))
		pm := PartMark{Part: el.Element, Name: partNoun(&el), Due: moment(sc, time.Duration(el.Due)), Outcome: outcome(&el)}
		if el.State == game.ElDelivered || el.State == game.ElDeclined {
			at := moment(sc, time.Duration(el.At))
			pm.At = &at
		}
		switch {
		case el.State == game.ElDeclined:
			pm.Detail = "ground: " + groundTitle(sc, el.Ground)
			if !el.Sound {
				pm.Detail += " (does not cover it)"
			}
		case el.State == game.ElDelivered && el.Quality != "":
			pm.Detail = el.Quality
		}
		switch {
		case el.State == game.ElOverdue:
			pm.Detail = "overdue for " + injects.FormatDuration(time.Duration(el.Late)) + " when the log ends"
		case el.Late > 0:
			pm.Detail = strings.TrimPrefix(pm.Detail+", "+injects.FormatDuration(time.Duration(el.Late))+" late", ", ")
		}
		bar.Parts = append(bar.Parts, pm)
	}
	bar.Due = moment(sc, last)
	return bar
}

// outcome is what became of a part, in the timeline's words.
func outcome(el *game.ElementScore) string {
	switch el.State {
	case game.ElDeclined:
		return Declined
	case game.ElOverdue:
		return Never
	case game.ElDelivered:
		if el.Timeliness == 1 {
			return OnTime
		}
		return Late
	}
	return NotDue
}

// subjectOf is a request's subject, on one line.
func (b *builder) subjectOf(request string) string {
	if i, ok := b.sc.RequestIndex(request); ok {
		return oneLine(b.sc.Requests[i].Subject)
	}
	return request
}

func groundTitle(sc *injects.Scenario, id string) string {
	if g, ok := sc.Ground(id); ok {
		return g.Title
	}
	return id
}

func (b *builder) callBar(c *game.Call) CallBar {
	sc := b.sc
	cb := CallBar{N: c.N, From: c.From.String(), About: b.subjectOf(c.About), Rang: moment(sc, c.RangAt), AnswerBy: moment(sc, c.AnswerBy)}
	switch {
	case c.Answered:
		cb.Outcome = c.Answer.String()
		at := moment(sc, c.AnsweredAt)
		cb.Answered = &at
	case c.Missed:
		cb.Outcome = "missed"
	default:
		cb.Outcome = "ringing"
	}
	if c.Answered && c.Answer == injects.Commit {
		by := moment(sc, c.PromiseBy)
		cb.PromiseBy = &by
		switch {
		case c.Kept:
			cb.Promise = "kept"
		case c.Broken:
			cb.Promise = "broken"
		default:
			cb.Promise = "pending"
		}
		for _, ev := range b.events {
			if (ev.Type == game.Kept || ev.Type == game.Broken) && ev.Call == c.N {
				at := moment(sc, ev.At)
				cb.Settled = &at
			}
		}
	}
	return cb
}

// sortedMarks returns the marks of the given kinds, in time order.
func sortedMarks(marks []Mark, kinds ...string) []Mark {
	var out []Mark
	for _, m := range marks {
		if slices.Contains(kinds, m.Kind) {
			out = append(out, m)
		}
	}
	return out
}
