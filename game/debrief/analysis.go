package debrief

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"hotline/game"
	"hotline/injects"
)

// ObjectiveAnalysis is one objective of the scenario: what the run shows
// of it for each delegation, what evaluators noted, and the ratings.
type ObjectiveAnalysis struct {
	ID       string       `json:"id"`
	Text     string       `json:"text"`
	Injects  []string     `json:"injects,omitempty"`
	Requests []string     `json:"requests,omitempty"`
	Sides    []SideRating `json:"sides"` // the United States, then China
	Notes    []Note       `json:"observations,omitempty"`
}

// SideRating is how one delegation performed an objective.
type SideRating struct {
	Side     string     `json:"side"` // us or cn
	Name     string     `json:"name"`
	Evidence []Evidence `json:"evidence,omitempty"`
	// Derived is the rating the events give by the rating rules (P, S, M
	// or U), empty when the delegation did nothing the rules grade.
	Derived string `json:"derived,omitempty"`
	// Evaluated is the evaluators' rating, when they gave one.
	Evaluated string `json:"evaluated,omitempty"`
	// Rating is the report's: the evaluators', else the derived one. The
	// facilitator may change it, saying why in Note.
	Rating string `json:"rating"`
	Note   string `json:"note"`
}

// Grades of evidence, from the rating rules.
const (
	GradeFine    = "fine"
	GradeSome    = "challenge"
	GradeMajor   = "major challenge"
	GradeFailure = "failure"
)

// Evidence is one thing the log shows about an objective. Grade is empty
// for what is context, not graded.
type Evidence struct {
	At    Moment `json:"at"`
	Grade string `json:"grade,omitempty"`
	Text  string `json:"text"`
}

// Note is an evaluator's observation.
type Note struct {
	At     Moment `json:"at"`
	By     string `json:"by"`
	Team   string `json:"team,omitempty"`
	Rating string `json:"rating,omitempty"`
	Text   string `json:"text"`
}

// ratingRules say how ratings are reached; docs/debrief.md says the same.
var ratingRules = []string{
	"Evidence is what the log shows of each objective for each delegation: its decisions on the objective's injects; any other decision or action of its own that the scenario says bears on the objective (supports, is neutral on or undermines it); and the requests and hotline calls that belong to the objective (the requests the scenario maps to it, and those its injects open or wait on). The objective use-the-hotline is judged on the hotline alone: every call, every request whose parts went unanswered while its sender never rang, and the decisions and actions the scenario says bear on it.",
	"Each piece is graded: fine; a challenge (a part delivered late, a thin answer to a request that came with its material, a decision left to its deadline, a denial on the hotline, a request sent with nothing attached, a call about a request of one's own rung before any part of it had failed); a major challenge (a part never delivered, a decline on a ground that does not cover the part, a call left to ring out, a commitment broken, a request sent under a commitment that does not cover its matter, a decision or action that undermines the objective, a failed request never raised on the hotline); or a failure (a request that got nothing but, at most, its acknowledgement). A decision or action the scenario says supports the objective is fine, and one it says is neutral on it is shown with the scenario's reason but not graded; one it says nothing of is fine once taken, whatever it was. What the exercise did for a delegation (the choice a deadline took, and the requests and calls that choice or an inject made) is shown, not graded; a call rung by a choice the scenario judges is graded through that choice.",
	"From the events: P, performed without challenges, when every graded piece is fine; S, with some challenges, when the worst is a challenge; M, with major challenges, when any is a major challenge or a failure; U, unable to be performed, when the delegation left undone everything graded: every graded piece is a failure, a call it let ring out, a decision it left to its deadline or a failed request it never raised on the hotline. A delegation with nothing graded on an objective is not rated on it.",
	"Evaluators come first: when evaluators rated an objective for a delegation (on one of its teams, or on no team), the rating is the worst of each evaluator's latest, with the events' rating beside it.",
	"The facilitator has the last word: change a rating in the report's JSON (and say why in its note), then render it again.",
}

// hotlineObjective is the objective the report judges on the hotline
// alone: how each side rang and answered, and the failed requests nobody
// rang about. An answer on time is evidence of answering on time, not of
// using the hotline.
const hotlineObjective = "use-the-hotline"

var gradeRank = map[string]int{GradeFine: 1, GradeSome: 2, GradeMajor: 3, GradeFailure: 4}

// derive rates a side's graded evidence by the rating rules.
func derive(ev []sided) string {
	worst, graded, undone := 0, 0, 0
	for _, e := range ev {
		if r := gradeRank[e.Grade]; r > 0 {
			graded++
			worst = max(worst, r)
			if e.undone || e.Grade == GradeFailure {
				undone++
			}
		}
	}
	switch {
	case graded == 0:
		return ""
	case undone == graded:
		return game.RatedU.String()
	case worst >= gradeRank[GradeMajor]:
		return game.RatedM.String()
	case worst == gradeRank[GradeSome]:
		return game.RatedS.String()
	}
	return game.RatedP.String()
}

// RatingWords says a rating in full, or that there is none.
func RatingWords(r string) string {
	var g game.Rating
	if r == "" || g.UnmarshalText([]byte(r)) != nil {
		return "not rated"
	}
	return g.Words()
}

// ByRules is the rating the rules give: the evaluators', else the
// events'. A rating that differs from it was set by the facilitator.
func (s SideRating) ByRules() string {
	if s.Evaluated != "" {
		return s.Evaluated
	}
	return s.Derived
}

func (b *builder) objectives() []ObjectiveAnalysis {
	sc := b.sc
	var out []ObjectiveAnalysis
	for k := range sc.Objectives {
		o := &sc.Objectives[k]
		oa := ObjectiveAnalysis{ID: o.ID, Text: oneLine(o.Text), Injects: o.Injects, Requests: linkedRequests(sc, o)}
		var ev [2][]sided
		add := func(es []sided) {
			for _, e := range es {
				ev[e.side] = append(ev[e.side], e)
			}
		}
		hotline := o.ID == hotlineObjective
		for k := range sc.Injects {
			id := sc.Injects[k].ID
			add(b.injectEvidence(id, o.ID, !hotline && slices.Contains(o.Injects, id)))
		}
		add(b.actionEvidence(o.ID))
		if hotline {
			for _, c := range b.st.Calls {
				add(b.callEvidence(&c))
			}
			for k := range b.card.Requests {
				add(b.unrung(&b.card.Requests[k]))
			}
		} else {
			for _, id := range oa.Requests {
				add(b.requestEvidence(id))
			}
			for _, c := range b.st.Calls {
				if slices.Contains(o.Injects, b.ringer[c.N]) && !slices.Contains(oa.Requests, c.About) {
					add(b.callEvidence(&c))
				}
			}
		}
		for side := range injects.Side(2) {
			slices.SortStableFunc(ev[side], func(a, b sided) int { return int(a.At.At - b.At.At) })
			sr := SideRating{Side: side.String(), Name: side.Title(), Derived: derive(ev[side])}
			for _, e := range ev[side] {
				sr.Evidence = append(sr.Evidence, e.Evidence)
			}
			sr.Evaluated = b.evaluated(o.ID, side)
			sr.Rating = sr.ByRules()
			oa.Sides = append(oa.Sides, sr)
		}
		for _, n := range b.st.Notes {
			if n.Objective != o.ID {
				continue
			}
			note := Note{At: moment(sc, n.At), By: n.By, Text: n.Text}
			if n.Team != "" {
				note.Team = teamName(sc, n.Team)
			}
			if n.Rating != game.Unrated {
				note.Rating = n.Rating.String()
			}
			oa.Notes = append(oa.Notes, note)
		}
		out = append(out, oa)
	}
	return out
}

// evaluated is the evaluators' rating of an objective for a side: the
// worst of each evaluator's latest rating on one of its teams or on none.
func (b *builder) evaluated(objective string, side injects.Side) string {
	latest := map[string]game.Rating{}
	var order []string
	for _, n := range b.st.Notes {
		if n.Objective != objective || n.Rating == game.Unrated {
			continue
		}
		if t, ok := b.sc.Team(n.Team); ok && t.Side != side {
			continue
		}
		if _, seen := latest[n.By]; !seen {
			order = append(order, n.By)
		}
		latest[n.By] = n.Rating
	}
	worst := game.Unrated
	for _, by := range order {
		worst = max(worst, latest[by])
	}
	if worst == game.Unrated {
		return ""
	}
	return worst.String()
}

// sided is a piece of evidence for one side. Undone marks what the side
// left undone when it was asked: a rating of U rests on such pieces alone.
type sided struct {
	Evidence
	side   injects.Side
	undone bool
}

// hand says whose doing something in the log was: the side's own (a
// command, or a choice or action it took), a deadline's (the choice the
// exercise took for a side that did not decide), or the script's (an
// inject's or a rule's own effects). A side is credited and charged only
// with what it did itself.
type hand uint8

const (
	byScript hand = iota
	byDeadline
	bySide
)

// hands follows, event by event, whose doing the effects that come next
// are.
type hands struct {
	hand hand
	side injects.Side // for bySide, the side that chose or acted
	// bearings are what the choice or action says it means, for bySide.
	bearings []injects.Bearing
}

// follow notes whose effects follow an event.
func (h *hands) follow(sc *injects.Scenario, ev *game.Event) {
	switch ev.Type {
	case game.InjectChosen, game.ActionTaken:
		t, _ := sc.Team(ev.Team)
		h.hand, h.side, h.bearings = bySide, t.Side, nil
		if i, ok := sc.InjectIndex(ev.Inject); ok && ev.Type == game.InjectChosen {
			if ch, ok := sc.Injects[i].Choice(ev.Choice); ok {
				h.bearings = ch.Bearings
			}
		}
		if i, ok := sc.ActionIndex(ev.Action); ok && ev.Type == game.ActionTaken {
			h.bearings = sc.Actions[i].Bearings
		}
	case game.InjectExpired:
		h.hand = byDeadline
	case game.InjectFired, game.Overdue:
		h.hand = byScript
	}
}

// of says whose doing an event is, made for side: its own when it is a
// command of one of its teams, or an effect of its own choice or action.
func (h *hands) of(ev *game.Event, side injects.Side) hand {
	switch {
	case ev.Team != "":
		return bySide
	case h.hand == bySide && h.side != side:
		return byScript
	}
	return h.hand
}

// ringing is how a call came to ring: by whose hand, and whether the
// request it is about had failed by then (a part overdue, declined or
// thin, or a commitment on it broken), and since when.
type ringing struct {
	by       hand
	failed   bool
	failedAt time.Duration
	// own is set when the call is about a request of the side that rang.
	own bool
	// chosen is set when a choice or an action that the scenario says
	// supports or undermines the use of the hotline rang it: the decision
	// is judged, not the call.
	chosen bool
}

func ringingOf(st *game.State, ev *game.Event, h hands) ringing {
	by := h.of(ev, ev.Side)
	bg, judged := injects.BearingOn(h.bearings, hotlineObjective)
	r := ringing{by: by, chosen: by == bySide && ev.Team == "" && judged && bg.Verdict != injects.Neutral}
	sc := st.Scenario
	i, ok := sc.RequestIndex(ev.Request)
	if !ok || sc.Requests[i].From != ev.Side {
		return r
	}
	r.own = true
	fail := func(at time.Duration) {
		if !r.failed || at < r.failedAt {
			r.failed, r.failedAt = true, at
		}
	}
	for _, el := range st.Requests[i].Elements {
		switch {
		case el.Overdue:
			fail(el.Due)
		case el.Declined:
			fail(el.DeclinedAt)
		case el.Delivered && el.Quality == injects.Thin:
			fail(el.DeliveredAt)
		}
	}
	for _, c := range st.Calls {
		if c.About == ev.Request && c.Broken {
			fail(c.PromiseBy)
		}
	}
	return r
}

// injectEvidence is what a run shows of an inject for an objective: the
// decision taken on it, graded by what the choice means for the objective
// when the scenario says, else by when it was taken. Of an inject mapped
// to the objective (whole), it shows all: that it reached a side, and a
// decision left to the deadline; of another, only a choice that says what
// it means for the objective.
func (b *builder) injectEvidence(id, objective string, whole bool) []sided {
	sc, st := b.sc, b.st
	i, ok := sc.InjectIndex(id)
	if !ok || st.Injects[i].Status != game.Fired {
		return nil
	}
	in, is := &sc.Injects[i], &st.Injects[i]
	d, found := b.decision(id)
	if !whole {
		if !found || d.Type != game.InjectChosen {
			return nil
		}
		if ch, _ := in.Choice(d.Choice); ch == nil || !hasBearing(ch.Bearings, objective) {
			return nil
		}
	}
	var out []sided
	at := moment(sc, is.FiredAt)
	if len(in.Choices) == 0 {
		for _, s := range audienceSides(in.To) {
			out = append(out, sided{Evidence: Evidence{At: at, Text: fmt.Sprintf("%q reached %s.", in.Title, audienceWords(sc, in.To))}, side: s})
		}
		return out
	}
	switch {
	case !found:
		for _, s := range audienceSides(in.To) {
			out = append(out, sided{Evidence: Evidence{At: at, Text: fmt.Sprintf("%q arrived %s; no decision yet when the log stops.", in.Title, at.Time)}, side: s})
		}
	case d.Type == game.InjectExpired:
		text := fmt.Sprintf("No decision on %q within its deadline of %s", in.Title, short(in.Deadline.Within))
		if ch, ok := in.Choice(d.Choice); ok {
			text += fmt.Sprintf("; %q was taken for them", oneLine(ch.Label))
		}
		for _, s := range audienceSides(in.To) {
			out = append(out, sided{Evidence: Evidence{At: moment(sc, d.At), Grade: GradeSome, Text: text + "."}, side: s, undone: true})
		}
	default:
		ch, _ := in.Choice(d.Choice)
		t, _ := sc.Team(d.Team)
		text := fmt.Sprintf("%s chose %q on %q, %s.", whoDecided(b.st, &d), oneLine(ch.Label), in.Title, afterWords(d.At-is.FiredAt, "it arrived"))
		grade, why := judged(ch.Bearings, objective)
		out = append(out, sided{Evidence: Evidence{At: moment(sc, d.At), Grade: grade, Text: text + why}, side: t.Side})
	}
	return out
}

func hasBearing(bearings []injects.Bearing, objective string) bool {
	_, ok := injects.BearingOn(bearings, objective)
	return ok
}

// judged grades a choice or an action on an objective by what the scenario
// says it means for it, with the reason: fine when it supports the
// objective, a major challenge when it undermines it, ungraded when it is
// neutral (it shows neither), and fine, once taken, when the scenario says
// nothing.
func judged(bearings []injects.Bearing, objective string) (grade, why string) {
	bg, ok := injects.BearingOn(bearings, objective)
	if !ok {
		return GradeFine, ""
	}
	switch bg.Verdict {
	case injects.Supports:
		return GradeFine, " It serves the objective: " + oneLine(bg.Why)
	case injects.Undermines:
		return GradeMajor, " It works against the objective: " + oneLine(bg.Why)
	}
	return "", " It neither serves nor harms the objective: " + oneLine(bg.Why)
}

// actionEvidence is each action a side took that says what it means for
// an objective.
func (b *builder) actionEvidence(objective string) []sided {
	sc := b.sc
	var out []sided
	for _, k := range b.taken {
		ev := &b.events[k]
		i, ok := sc.ActionIndex(ev.Action)
		if !ok {
			continue
		}
		a := &sc.Actions[i]
		if !hasBearing(a.Bearings, objective) {
			continue
		}
		grade, why := judged(a.Bearings, objective)
		text := fmt.Sprintf("%s took the action %q.%s", whoDecided(b.st, ev), oneLine(a.Label), why)
		out = append(out, sided{Evidence: Evidence{At: moment(sc, ev.At), Grade: grade, Text: text}, side: a.Side})
	}
	return out
}

// decision finds the event that decided an inject: a choice or the
// deadline.
func (b *builder) decision(inject string) (game.Event, bool) {
	i, ok := b.decided[inject]
	if !ok {
		return game.Event{}, false
	}
	return b.events[i], true
}

// whoDecided names the team that made a choice, and the person or bot.
func whoDecided(st *game.State, ev *game.Event) string {
	who := teamName(st.Scenario, ev.Team)
	if by := byWords(st, ev); by != "" {
		who += ", " + by + ","
	}
	return who
}

// requestEvidence is what a run shows of a request: how the receiving
// side answered it, how the sending side asked, and the calls about it.
func (b *builder) requestEvidence(id string) []sided {
	rs := b.requestScore(id)
	if rs == nil {
		return nil
	}
	sc := b.sc
	sent := moment(sc, b.opened[id])
	var out []sided
	if g, text := answerGrade(rs); text != "" {
		out = append(out, sided{Evidence: Evidence{At: sent, Grade: g, Text: text}, side: rs.To})
	}
	out = append(out, sided{Evidence: Evidence{At: sent, Text: b.askedText(rs)}, side: rs.From})
	asked := &out[len(out)-1]
	if b.sentBy[id] == bySide {
		asked.Grade = askedGrade(rs)
	}
	for _, c := range b.st.Calls {
		if c.About == id {
			out = append(out, b.callEvidence(&c)...)
		}
	}
	return out
}

// askedGrade grades how a side asked: under the commitment that fits the
// matter, with material to act on.
func askedGrade(rs *game.RequestScore) string {
	switch {
	case rs.CategoryError:
		return GradeMajor
	case len(rs.Attached) == 0:
		return GradeSome
	}
	return GradeFine
}

// askedText says how a request was sent, and by whose hand.
func (b *builder) askedText(rs *game.RequestScore) string {
	name := requestName(rs)
	switch b.sentBy[rs.Request] {
	case byDeadline:
		return fmt.Sprintf("The request %s was sent for %s when its decision was left to the deadline.", name, the(rs.From))
	case byScript:
		return fmt.Sprintf("The exercise sent the request %s for %s.", name, the(rs.From))
	}
	switch {
	case rs.CategoryError:
		return fmt.Sprintf("Sent the request %s under %s, which does not cover %s.", name, rs.Basis.Title(), rs.Category.Title())
	case len(rs.Attached) == 0:
		return fmt.Sprintf("Sent the request %s with no technical material attached.", name)
	}
	return fmt.Sprintf("Sent the request %s under %s, which fits its matter, with its technical material.", name, rs.Basis.Title())
}

// unrung is what a request shows of its sender's use of the hotline: that
// its parts went unanswered and the sender never rang.
func (b *builder) unrung(rs *game.RequestScore) []sided {
	t := tally(rs)
	if t.never == 0 || rs.Calls > 0 {
		return nil
	}
	at := moment(b.sc, b.opened[rs.Request])
	return []sided{{Evidence: Evidence{At: at, Grade: GradeMajor, Text: neverRangText(rs, t)}, side: rs.From, undone: true}}
}

func neverRangText(rs *game.RequestScore, t partTally) string {
	return fmt.Sprintf("Never rang the hotline about its request %s, though %s of its parts stayed unanswered after falling due.", requestName(rs), count(t.never))
}

// callEvidence is what a call shows: the side that rang escalated, and
// how the other side dealt with it.
func (b *builder) callEvidence(c *game.Call) []sided {
	at := moment(b.sc, c.RangAt)
	r := b.rang[c.N]
	rang := sided{Evidence: Evidence{At: at}, side: c.From}
	switch {
	case r.by == byDeadline:
		rang.Text = fmt.Sprintf("The hotline rang for %s%s (call %d) when its decision was left to the deadline.", the(c.From), b.aboutWords(c.About), c.N)
	case r.by == byScript:
		rang.Text = fmt.Sprintf("The exercise rang the hotline for %s%s (call %d).", the(c.From), b.aboutWords(c.About), c.N)
	case r.chosen:
		rang.Text = fmt.Sprintf("Rang the hotline%s (call %d), as chosen.", b.aboutWords(c.About), c.N)
	case r.own && !r.failed:
		rang.Grade = GradeSome
		rang.Text = fmt.Sprintf("Rang the hotline%s (call %d) before any part of it had failed.", b.aboutWords(c.About), c.N)
	default:
		rang.Grade = GradeFine
		rang.Text = fmt.Sprintf("Rang the hotline%s (call %d).", b.aboutWords(c.About), c.N)
		if r.own {
			rang.Text = fmt.Sprintf("Rang the hotline%s (call %d), %s.", b.aboutWords(c.About), c.N, afterWords(c.RangAt-r.failedAt, "the response first failed"))
		}
	}
	out := []sided{rang}
	if g, text := b.callGrade(c); text != "" {
		out = append(out, sided{Evidence: Evidence{At: at, Grade: g, Text: text}, side: c.From.Other(), undone: c.Missed})
	}
	return out
}

func (b *builder) requestScore(id string) *game.RequestScore {
	for i := range b.card.Requests {
		if b.card.Requests[i].Request == id {
			return &b.card.Requests[i]
		}
	}
	return nil
}

// partTally counts what became of a request's parts.
type partTally struct {
	scored, answered     int
	onTime, late, never  int
	sound, unsound, thin int
	// others counts the scored parts other than the acknowledgement, and
	// of them those answered.
	others, othersAnswered int
	ack                    *game.ElementScore
	lateParts, neverParts  []string
	unsoundParts           []string
	soundParts, thinParts  []string
	// soundInTime are the parts declined on a sound ground before they
	// fell due.
	soundInTime []string
}

func tally(rs *game.RequestScore) partTally {
	var t partTally
	for k := range rs.Elements {
		el := &rs.Elements[k]
		if el.Kind == injects.Acknowledge {
			t.ack = el
		}
		if !el.Scored {
			continue
		}
		t.scored++
		name := partNoun(el)
		if el.Kind != injects.Acknowledge {
			t.others++
		}
		switch {
		case el.State == game.ElOverdue:
			t.never++
			t.neverParts = append(t.neverParts, name)
		case el.Timeliness == 1:
			t.onTime++
		default:
			t.late++
			t.lateParts = append(t.lateParts, name)
		}
		answered := el.State == game.ElDelivered || el.State == game.ElDeclined && el.Sound
		if answered && el.Kind != injects.Acknowledge {
			t.othersAnswered++
		}
		switch {
		case el.State == game.ElDelivered:
			t.answered++
			if el.Thin {
				t.thin++
				t.thinParts = append(t.thinParts, name)
			}
		case el.State == game.ElDeclined && el.Sound:
			t.answered++
			t.sound++
			t.soundParts = append(t.soundParts, name)
			if el.Late == 0 {
				t.soundInTime = append(t.soundInTime, name)
			}
		case el.State == game.ElDeclined:
			t.unsound++
			t.unsoundParts = append(t.unsoundParts, name)
		}
	}
	return t
}

// overdue counts the parts, the acknowledgement among them, that fell
// overdue: delivered or declined late, or never.
func (t partTally) overdue() int { return t.late + t.never }

// answerGrade grades how the receiving side answered a request.
func answerGrade(rs *game.RequestScore) (string, string) {
	t := tally(rs)
	name := rs.From.Possessive() + " request " + requestName(rs)
	if t.scored == 0 {
		return "", fmt.Sprintf("Received %s; nothing of it was due yet.", name)
	}
	var parts []string
	parts = append(parts, fmt.Sprintf("%d of %s judged on time", t.onTime, plural(t.scored, "part")))
	if t.late > 0 {
		parts = append(parts, fmt.Sprintf("%s late", list(t.lateParts)))
	}
	if t.never > 0 {
		parts = append(parts, fmt.Sprintf("%s never delivered", list(t.neverParts)))
	}
	if t.sound > 0 {
		parts = append(parts, fmt.Sprintf("%s declined on %s", list(t.soundParts), groundsWords(t.sound, true)))
	}
	if t.unsound > 0 {
		parts = append(parts, fmt.Sprintf("%s declined on %s", list(t.unsoundParts), groundsWords(t.unsound, false)))
	}
	if t.thin > 0 {
		parts = append(parts, fmt.Sprintf("%s thin though the material was attached", list(t.thinParts)))
	}
	body := fmt.Sprintf("%s: %s.", name, strings.Join(parts, "; "))
	switch {
	case t.answered == 0 || t.others > 0 && t.othersAnswered == 0:
		return GradeFailure, "Got nothing of substance on " + body
	case t.never > 0 || t.unsound > 0:
		return GradeMajor, "Answered " + body
	case t.late > 0 || t.thin > 0:
		return GradeSome, "Answered " + body
	}
	return GradeFine, "Answered " + body
}

// callGrade grades how the called side dealt with a call.
func (b *builder) callGrade(c *game.Call) (string, string) {
	what := fmt.Sprintf("call %d from %s%s", c.N, the(c.From), b.aboutWords(c.About))
	switch {
	case c.Missed:
		return GradeMajor, fmt.Sprintf("Let %s ring out unanswered.", what)
	case !c.Answered:
		return "", ""
	case c.Broken:
		return GradeMajor, fmt.Sprintf("Committed on %s, and broke the commitment.", what)
	case c.Answer == injects.Deny:
		return GradeSome, fmt.Sprintf("Denied the complaint on %s.", what)
	case c.Kept:
		return GradeFine, fmt.Sprintf("Committed on %s, and kept the commitment.", what)
	}
	return GradeFine, fmt.Sprintf("Answered %s %s: %s.", what, inWords(c.AnsweredAt-c.RangAt), c.Answer)
}

// objectivesOf maps injects and requests to the objectives they serve.
func (b *builder) objectivesOf() (byInject, byRequest map[string][]string) {
	byInject, byRequest = map[string][]string{}, map[string][]string{}
	for k := range b.sc.Objectives {
		o := &b.sc.Objectives[k]
		for _, id := range o.Injects {
			byInject[id] = append(byInject[id], o.ID)
		}
		for _, id := range linkedRequests(b.sc, o) {
			byRequest[id] = append(byRequest[id], o.ID)
		}
	}
	return byInject, byRequest
}

func audienceSides(a injects.Audience) []injects.Side {
	if a.All {
		return []injects.Side{injects.US, injects.CN}
	}
	return []injects.Side{a.Side}
}
