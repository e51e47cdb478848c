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
	Rating string `json:"rating,omitempty"`
	Note   string `json:"note,omitempty"`
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

// Finding is a strength or an area for improvement, with its evidence.
type Finding struct {
	Side       string   `json:"side,omitempty"` // us or cn; empty for both
	Text       string   `json:"text"`
	Evidence   []string `json:"evidence,omitempty"`
	Objectives []string `json:"objectives,omitempty"`
}

// Question is a question for the hotwash.
type Question struct {
	At   Moment `json:"at"`
	Text string `json:"text"`
}

// PlanRow is a row of the improvement plan: its issue and objective come
// from the report; the rest is the facilitator's to fill in.
type PlanRow struct {
	Side        string `json:"side,omitempty"`
	Issue       string `json:"issue"`
	Objectives  string `json:"objectives,omitempty"`
	Action      string `json:"corrective_action"`
	Responsible string `json:"responsible"`
	Due         string `json:"due"`
}

// ratingRules say how ratings are reached; docs/debrief.md says the same.
var ratingRules = []string{
	"Evidence is what the log shows of each objective for each delegation: its decisions on the objective's injects, and the requests and hotline calls that belong to it (the requests the scenario maps to the objective, and those its injects open or wait on).",
	"Each piece is graded: fine; a challenge (a part delivered late, a thin answer to a request that came with its material, a decision left to its deadline, a denial on the hotline, a request sent with nothing attached); a major challenge (a part never delivered, a decline on a ground that does not cover the part, a call left to ring out, a commitment broken, a request sent under a commitment that does not cover its matter); or a failure (a request that got nothing but, at most, its acknowledgement).",
	"From the events: P, performed without challenges, when every graded piece is fine; S, with some challenges, when the worst is a challenge; M, with major challenges, when any is a major challenge or a failure; U, unable to be performed, when every graded piece is a failure. A delegation with nothing graded on an objective is not rated on it.",
	"Evaluators come first: when evaluators rated an objective for a delegation (on one of its teams, or on no team), the rating is the worst of each evaluator's latest, with the events' rating beside it.",
	"The facilitator has the last word: change a rating in the report's JSON (and say why in its note), then render it again.",
}

var gradeRank = map[string]int{GradeFine: 1, GradeSome: 2, GradeMajor: 3, GradeFailure: 4}

// derive rates graded evidence by the rating rules.
func derive(ev []Evidence) string {
	worst, graded, failures := 0, 0, 0
	for _, e := range ev {
		if r := gradeRank[e.Grade]; r > 0 {
			graded++
			worst = max(worst, r)
			if e.Grade == GradeFailure {
				failures++
			}
		}
	}
	switch {
	case graded == 0:
		return ""
	case failures == graded:
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
		var ev [2][]Evidence
		for _, id := range o.Injects {
			for _, e := range b.injectEvidence(id) {
				ev[e.side] = append(ev[e.side], e.Evidence)
			}
		}
		for _, id := range oa.Requests {
			for _, e := range b.requestEvidence(id) {
				ev[e.side] = append(ev[e.side], e.Evidence)
			}
		}
		for _, c := range b.st.Calls {
			if slices.Contains(o.Injects, b.ringer[c.N]) && !slices.Contains(oa.Requests, c.About) {
				for _, e := range b.callEvidence(&c) {
					ev[e.side] = append(ev[e.side], e.Evidence)
				}
			}
		}
		for side := range injects.Side(2) {
			slices.SortStableFunc(ev[side], func(a, b Evidence) int { return int(a.At.At - b.At.At) })
			sr := SideRating{Side: side.String(), Name: side.Title(), Evidence: ev[side], Derived: derive(ev[side])}
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

// sided is a piece of evidence for one side.
type sided struct {
	Evidence
	side injects.Side
}

// injectEvidence is what a run shows of an inject: that it reached a side,
// and the decision taken on it.
func (b *builder) injectEvidence(id string) []sided {
	sc, st := b.sc, b.st
	i, ok := sc.InjectIndex(id)
	if !ok || st.Injects[i].Status != game.Fired {
		return nil
	}
	in, is := &sc.Injects[i], &st.Injects[i]
	var sides []injects.Side
	if in.To.All {
		sides = []injects.Side{injects.US, injects.CN}
	} else {
		sides = []injects.Side{in.To.Side}
	}
	var out []sided
	at := moment(sc, is.FiredAt)
	if len(in.Choices) == 0 {
		for _, s := range sides {
			out = append(out, sided{Evidence{At: at, Text: fmt.Sprintf("%q reached %s.", in.Title, audienceWords(sc, in.To))}, s})
		}
		return out
	}
	d, found := b.decision(id)
	switch {
	case !found:
		for _, s := range sides {
			out = append(out, sided{Evidence{At: at, Text: fmt.Sprintf("%q arrived %s; no decision yet when the log stops.", in.Title, at.Time)}, s})
		}
	case d.Type == game.InjectExpired:
		text := fmt.Sprintf("No decision on %q within its deadline of %s", in.Title, short(in.Deadline.Within))
		if ch, ok := in.Choice(d.Choice); ok {
			text += fmt.Sprintf("; %q was taken for them", oneLine(ch.Label))
		}
		for _, s := range sides {
			out = append(out, sided{Evidence{At: moment(sc, d.At), Grade: GradeSome, Text: text + "."}, s})
		}
	default:
		ch, _ := in.Choice(d.Choice)
		t, _ := sc.Team(d.Team)
		out = append(out, sided{Evidence{At: moment(sc, d.At), Grade: GradeFine,
			Text: fmt.Sprintf("%s chose %q on %q, %s.", whoDecided(b.st, &d), oneLine(ch.Label), in.Title, afterWords(d.At-is.FiredAt, "it arrived"))}, t.Side})
	}
	return out
}

// decision finds the event that decided an inject: a choice or the
// deadline.
func (b *builder) decision(inject string) (game.Event, bool) {
	for _, ev := range b.events {
		if (ev.Type == game.InjectChosen || ev.Type == game.InjectExpired) && ev.Inject == inject {
			return ev, true
		}
	}
	return game.Event{}, false
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
	if g, text := answerGrade(sc, rs); text != "" {
		out = append(out, sided{Evidence{At: sent, Grade: g, Text: text}, rs.To})
	}
	asked := sided{Evidence{At: sent, Grade: GradeFine,
		Text: fmt.Sprintf("Sent %s under %s, the commitment that fits its matter, with its technical material.", id, rs.Basis.Title())}, rs.From}
	switch {
	case rs.CategoryError:
		asked.Grade = GradeMajor
		asked.Text = fmt.Sprintf("Sent %s under %s, which does not cover %s.", id, rs.Basis.Title(), rs.Category.Title())
	case len(rs.Attached) == 0:
		asked.Grade = GradeSome
		asked.Text = fmt.Sprintf("Sent %s with no technical material attached.", id)
	}
	out = append(out, asked)
	for _, c := range b.st.Calls {
		if c.About == id {
			out = append(out, b.callEvidence(&c)...)
		}
	}
	return out
}

// callEvidence is what a call shows: the side that rang escalated, and
// how the other side dealt with it.
func (b *builder) callEvidence(c *game.Call) []sided {
	at := moment(b.sc, c.RangAt)
	out := []sided{{Evidence{At: at, Grade: GradeFine, Text: fmt.Sprintf("Rang the hotline%s (call %d).", aboutWords(c.About), c.N)}, c.From}}
	if g, text := callGrade(b.sc, c); text != "" {
		out = append(out, sided{Evidence{At: at, Grade: g, Text: text}, c.From.Other()})
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
	// others counts the scored parts other than the acknowledgement; of
	// them, those answered, and those resolved late or never.
	others, othersAnswered, wentOverdue int
	ack                                 *game.ElementScore
	lateParts, neverParts, unsoundParts []string
	soundParts, thinParts               []string
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
			if el.State == game.ElOverdue || el.Late > 0 {
				t.wentOverdue++
			}
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
		case el.State == game.ElDeclined:
			t.unsound++
			t.unsoundParts = append(t.unsoundParts, name)
		}
	}
	return t
}

// answerGrade grades how the receiving side answered a request.
func answerGrade(sc *injects.Scenario, rs *game.RequestScore) (string, string) {
	t := tally(rs)
	if t.scored == 0 {
		return "", fmt.Sprintf("Received %s; nothing of it was due yet.", rs.Request)
	}
	var parts []string
	parts = append(parts, fmt.Sprintf("%d of %d parts judged on time", t.onTime, t.scored))
	if t.late > 0 {
		parts = append(parts, fmt.Sprintf("%s late", list(t.lateParts)))
	}
	if t.never > 0 {
		parts = append(parts, fmt.Sprintf("%s never delivered", list(t.neverParts)))
	}
	if t.sound > 0 {
		parts = append(parts, fmt.Sprintf("%s declined on a ground that covers it", list(t.soundParts)))
	}
	if t.unsound > 0 {
		parts = append(parts, fmt.Sprintf("%s declined on a ground that does not cover it", list(t.unsoundParts)))
	}
	if t.thin > 0 {
		parts = append(parts, fmt.Sprintf("%s thin though the material was attached", list(t.thinParts)))
	}
	text := fmt.Sprintf("Answered %s, %s request: %s.", rs.Request, possessive(rs.From), strings.Join(parts, "; "))
	switch {
	case t.answered == 0 || t.others > 0 && t.othersAnswered == 0:
		return GradeFailure, strings.Replace(text, "Answered", "Got nothing of substance on", 1)
	case t.never > 0 || t.unsound > 0:
		return GradeMajor, text
	case t.late > 0 || t.thin > 0:
		return GradeSome, text
	}
	return GradeFine, text
}

// callGrade grades how the called side dealt with a call.
func callGrade(sc *injects.Scenario, c *game.Call) (string, string) {
	who := the(c.From)
	switch {
	case c.Missed:
		return GradeMajor, fmt.Sprintf("Let call %d from %s ring out unanswered.", c.N, who)
	case !c.Answered:
		return "", ""
	case c.Broken:
		return GradeMajor, fmt.Sprintf("Committed on call %d from %s, and broke the commitment.", c.N, who)
	case c.Answer == injects.Deny:
		return GradeSome, fmt.Sprintf("Denied the complaint on call %d from %s.", c.N, who)
	case c.Kept:
		return GradeFine, fmt.Sprintf("Committed on call %d from %s, and kept the commitment.", c.N, who)
	}
	return GradeFine, fmt.Sprintf("Answered call %d from %s %s: %s.", c.N, who, inWords(c.AnsweredAt-c.RangAt), c.Answer)
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

func (b *builder) findings() (strengths, improvements []Finding) {
	sc, st := b.sc, b.st
	byInject, byRequest := b.objectivesOf()
	good := func(side injects.Side, text string, evidence []string, objectives []string) {
		strengths = append(strengths, Finding{Side: side.String(), Text: text, Evidence: evidence, Objectives: objectives})
	}
	bad := func(side injects.Side, text string, evidence []string, objectives []string) {
		improvements = append(improvements, Finding{Side: side.String(), Text: text, Evidence: evidence, Objectives: objectives})
	}
	// How each side answered the requests it received.
	var wellAsked [2][]string
	var wellAskedObj [2][]string
	for k := range b.card.Requests {
		rs := &b.card.Requests[k]
		obj := byRequest[rs.Request]
		t := tally(rs)
		whose := possessive(rs.From)
		switch {
		case t.scored == 0:
		case t.wentOverdue > 0:
			bad(rs.To, overdueWords(t, rs.Request, whose, b.opened[rs.Request]),
				partEvidence(sc, rs, func(el *game.ElementScore) bool { return el.State == game.ElOverdue || el.Late > 0 }), obj)
		case t.answered == t.scored && t.thin == 0:
			text := fmt.Sprintf("Every part of %s (%s request) was answered on time%s", rs.Request, whose, b.soFar())
			if t.sound > 0 {
				text += fmt.Sprintf(", the %s declined on grounds that cover them", list(t.soundParts))
			}
			if t.ack != nil && t.ack.State == game.ElDelivered {
				text += ", the acknowledgement in " + short(time.Duration(t.ack.At)-b.opened[rs.Request])
			}
			good(rs.To, text+".", partEvidence(sc, rs, func(el *game.ElementScore) bool { return el.Scored }), obj)
		}
		if t.unsound > 0 {
			ground := "a ground that does not cover it: the review counts it as a refusal"
			if len(t.unsoundParts) > 1 {
				ground = "grounds that do not cover them: the review counts those as refusals"
			}
			bad(rs.To, fmt.Sprintf("Declined the %s of %s on %s.", list(t.unsoundParts), rs.Request, ground),
				partEvidence(sc, rs, func(el *game.ElementScore) bool { return el.State == game.ElDeclined && !el.Sound }), obj)
		} else if t.sound > 0 && t.wentOverdue > 0 {
			ground := "a ground that covers it"
			if len(t.soundParts) > 1 {
				ground = "grounds that cover them"
			}
			good(rs.To, fmt.Sprintf("Declined the %s of %s on %s, as the fact sheet allows.", list(t.soundParts), rs.Request, ground),
				partEvidence(sc, rs, func(el *game.ElementScore) bool { return el.State == game.ElDeclined }), obj)
		}
		if t.thin > 0 {
			bad(rs.To, fmt.Sprintf("Answered the %s of %s thin, though the request came with the material to do better.", list(t.thinParts), rs.Request),
				partEvidence(sc, rs, func(el *game.ElementScore) bool { return el.Thin }), obj)
		}
		// How the other side asked.
		switch {
		case rs.CategoryError:
			what := "a category error"
			if rs.Basis == injects.Pledge && rs.Category == injects.StateEspionage {
				what = "espionage dressed as theft"
			}
			bad(rs.From, fmt.Sprintf("Sent %s under %s, which does not cover %s: %s (−%d).", rs.Request, rs.Basis.Title(), rs.Category.Title(), what, game.CategoryErrorPenalty),
				[]string{rs.Subject}, obj)
		case len(rs.Attached) == 0:
			bad(rs.From, fmt.Sprintf("Sent %s with no technical material attached (−%d), so the other side could decline it for want of detail.", rs.Request, game.UndetailedPenalty),
				[]string{rs.Subject}, obj)
		default:
			wellAsked[rs.From] = append(wellAsked[rs.From], fmt.Sprintf("%s: %s, under %s, with %s", rs.Request, rs.Category.Title(), rs.Basis.Title(), strings.Join(rs.Attached, "; ")))
			wellAskedObj[rs.From] = union(wellAskedObj[rs.From], obj)
		}
		if t.never > 0 && rs.Calls == 0 {
			bad(rs.From, fmt.Sprintf("Never rang the hotline about %s, though %s of its parts stayed unanswered after falling due.", rs.Request, count(t.never)),
				partEvidence(sc, rs, func(el *game.ElementScore) bool { return el.State == game.ElOverdue }), union(obj, objectiveNamed(sc, "use-the-hotline")))
		}
	}
	for side := range injects.Side(2) {
		if n := len(wellAsked[side]); n > 0 {
			fits := "each matter"
			if n == 1 {
				fits = "its matter"
			}
			good(side, fmt.Sprintf("Sent %s under the commitment that fits %s, with the technical material to act on.", requestsWords(n), fits), wellAsked[side], wellAskedObj[side])
		}
	}
	b.callFindings(good, bad, byRequest, byInject)
	b.decisionFindings(good, bad, byInject)
	for _, n := range st.Notes {
		if n.Rating == game.Unrated {
			continue
		}
		side := injects.Side(0)
		f := Finding{Text: fmt.Sprintf("%s observed on %s: %s", n.By, n.Objective, n.Text),
			Evidence: []string{fmt.Sprintf("%s, rated %s (%s)", game.Clock(sc, n.At), n.Rating, n.Rating.Words())}, Objectives: []string{n.Objective}}
		if t, ok := sc.Team(n.Team); ok {
			side = t.Side
			f.Side = side.String()
			f.Evidence[0] += " about " + teamName(sc, n.Team)
		}
		if n.Rating == game.RatedP {
			strengths = append(strengths, f)
		} else {
			improvements = append(improvements, f)
		}
	}
	return strengths, improvements
}

func requestsWords(n int) string {
	switch n {
	case 1:
		return "its request"
	case 2:
		return "both its requests"
	}
	return "all " + count(n) + " of its requests"
}

// overdueWords says which parts of a request went overdue and how the
// acknowledgement went: "the results of X (China's request) went overdue
// while the acknowledgement came in 5h", "three of six parts of X went
// overdue, the acknowledgement among them (2h late)".
func overdueWords(t partTally, req, whose string, sent time.Duration) string {
	late, total, ack := t.wentOverdue, t.others, ""
	switch a := t.ack; {
	case a == nil:
	case a.State == game.ElDelivered && a.Timeliness == 1:
		ack = " while the acknowledgement came in " + short(time.Duration(a.At)-sent)
	case a.State == game.ElOverdue:
		late, total, ack = late+1, total+1, ", the acknowledgement among them (never sent)"
	case a.Scored:
		late, total, ack = late+1, total+1, ", the acknowledgement among them ("+short(time.Duration(a.Late))+" late)"
	}
	var lead string
	switch {
	case late == t.wentOverdue && late <= 2:
		var names []string
		for _, n := range append(append([]string{}, t.lateParts...), t.neverParts...) {
			names = append(names, "the "+n)
		}
		lead = upperFirst(list(names))
	case late == total && late == 2:
		lead = "Both parts"
	case late == total:
		lead = "All " + count(late) + " parts"
	default:
		lead = upperFirst(count(late)) + " of " + count(total) + " parts"
	}
	return fmt.Sprintf("%s of %s (%s request) went overdue%s.", lead, req, whose, ack)
}

// possessive is a side's name as an owner: "China's", "the United
// States'".
func possessive(s injects.Side) string {
	if s == injects.US {
		return "the United States'"
	}
	return s.Title() + "'s"
}

// soFar qualifies what is judged of a run that has not ended.
func (b *builder) soFar() string {
	if b.st.Ended {
		return ""
	}
	return " so far"
}

// the names a side in prose: "the United States", "China".
func the(s injects.Side) string {
	if s == injects.US {
		return "the United States"
	}
	return s.Title()
}

// short writes a length of story time as the review does: 5h, 1d12h.
func short(d time.Duration) string { return injects.FormatDuration(d) }

// inWords says how soon something was done: "in 5h", or "at once" when no
// story time passed (a solo player's clock stops while a call rings).
func inWords(d time.Duration) string {
	if d <= 0 {
		return "at once"
	}
	return "in " + short(d)
}

// afterWords says how long after something: "5h after it arrived", "as
// soon as it arrived".
func afterWords(d time.Duration, what string) string {
	if d <= 0 {
		return "as soon as " + what
	}
	return short(d) + " after " + what
}

// averageWords says an average time taken: "on average 5h after each
// arrived", "on average in 5h", "each at once".
func averageWords(d time.Duration, what string) string {
	switch {
	case d <= 0:
		return "each at once"
	case what == "":
		return "on average in " + short(d)
	}
	return "on average " + short(d) + " after " + what
}

// partNoun names a part of a request in prose: "the investigation",
// "the second status update".
func partNoun(el *game.ElementScore) string {
	noun := el.Kind.Noun()
	if n, ok := strings.CutPrefix(el.Element, "update-"); ok {
		noun += " " + n
	}
	return noun
}

// objectiveNamed returns the objective's id in a list if the scenario has
// it, for findings that belong to it by their nature.
func objectiveNamed(sc *injects.Scenario, id string) []string {
	if _, ok := sc.Objective(id); ok {
		return []string{id}
	}
	return nil
}

func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// partEvidence writes a line for each part of a request that matches.
func partEvidence(sc *injects.Scenario, rs *game.RequestScore, match func(*game.ElementScore) bool) []string {
	var lines []string
	for k := range rs.Elements {
		el := &rs.Elements[k]
		if !match(el) {
			continue
		}
		line := fmt.Sprintf("%s: due %s, ", el.Element, game.Clock(sc, time.Duration(el.Due)))
		switch el.State {
		case game.ElOverdue:
			line += "never delivered"
		case game.ElDeclined:
			line += fmt.Sprintf("declined %s on %q", game.Clock(sc, time.Duration(el.At)), groundTitle(sc, el.Ground))
			if el.Sound {
				line += ", which covers it"
			} else {
				line += ", which does not cover it"
			}
		default:
			line += "delivered " + game.Clock(sc, time.Duration(el.At))
			if el.Quality != "" {
				line += " (" + el.Quality + ")"
			}
		}
		if el.Late > 0 && el.State != game.ElOverdue {
			line += ", " + short(time.Duration(el.Late)) + " late"
		}
		lines = append(lines, line)
	}
	return lines
}

type findingFunc func(side injects.Side, text string, evidence []string, objectives []string)

func (b *builder) callFindings(good, bad findingFunc, byRequest, byInject map[string][]string) {
	sc, st := b.sc, b.st
	hotline := objectiveNamed(sc, "use-the-hotline")
	for side := range injects.Side(2) { // the side called
		var to []game.Call
		for _, c := range st.Calls {
			if c.From == side.Other() {
				to = append(to, c)
			}
		}
		if len(to) == 0 {
			continue
		}
		var missed, answered []string
		var obj []string
		var took time.Duration
		for _, c := range to {
			callObj := union(byRequest[c.About], byInject[b.ringer[c.N]])
			obj = union(obj, callObj)
			line := callLine(sc, &c)
			switch {
			case c.Missed:
				missed = append(missed, line)
			case c.Answered:
				answered = append(answered, line)
				took += c.AnsweredAt - c.RangAt
			}
			switch {
			case c.Broken:
				bad(side, fmt.Sprintf("Broke the commitment made on call %d: what was outstanding%s was not all delivered by %s.", c.N, aboutWords(c.About), game.Clock(sc, c.PromiseBy)),
					[]string{line}, union(callObj, hotline))
			case c.Kept:
				good(side, fmt.Sprintf("Kept the commitment made on call %d%s.", c.N, aboutWords(c.About)), []string{line}, union(callObj, hotline))
			case c.Answered && c.Answer == injects.Deny:
				bad(side, fmt.Sprintf("Denied the complaint on call %d%s, which raises the caller's escalation.", c.N, aboutWords(c.About)), []string{line}, union(callObj, hotline))
			}
		}
		obj = union(obj, hotline)
		if len(missed) > 0 {
			each := ""
			if len(missed) > 1 {
				each = " each"
			}
			bad(side, fmt.Sprintf("%s of %s hotline calls from %s rang out unanswered (−%d%s).", upperFirst(count(len(missed))), count(len(to)), the(side.Other()), game.MissedCallPenalty, each),
				missed, obj)
		} else if len(answered) == len(to) {
			avg := (took / time.Duration(len(answered))).Round(time.Minute)
			good(side, fmt.Sprintf("Answered every hotline call from %s in time, %s.", the(side.Other()), averageWords(avg, "")),
				answered, obj)
		}
	}
}

func aboutWords(req string) string {
	if req == "" {
		return ""
	}
	return " about " + req
}

// callLine is a call in one line of evidence.
func callLine(sc *injects.Scenario, c *game.Call) string {
	line := fmt.Sprintf("call %d from %s%s, rang %s", c.N, the(c.From), aboutWords(c.About), game.Clock(sc, c.RangAt))
	switch {
	case c.Missed:
		line += ", unanswered by " + game.Clock(sc, c.AnswerBy)
	case c.Answered:
		line += fmt.Sprintf(", answered %s: %s", inWords(c.AnsweredAt-c.RangAt), c.Answer)
	}
	switch {
	case c.Kept:
		line += ", kept"
	case c.Broken:
		line += ", broken"
	}
	return line
}

func (b *builder) decisionFindings(good, bad findingFunc, byInject map[string][]string) {
	sc, st := b.sc, b.st
	var lapsed, taken [2][]string
	var lapsedObj, takenObj [2][]string
	var took [2]time.Duration
	for _, ev := range b.events {
		if ev.Type != game.InjectChosen && ev.Type != game.InjectExpired {
			continue
		}
		i := mustInject(sc, ev.Inject)
		in, is := &sc.Injects[i], &st.Injects[i]
		if ev.Type == game.InjectExpired {
			line := fmt.Sprintf("%q, arrived %s, deadline %s", in.Title, game.Clock(sc, is.FiredAt), game.Clock(sc, ev.At))
			if ch, ok := in.Choice(ev.Choice); ok {
				line += fmt.Sprintf(": %q taken for them", oneLine(ch.Label))
			}
			for _, side := range audienceSides(in.To) {
				lapsed[side] = append(lapsed[side], line)
				lapsedObj[side] = union(lapsedObj[side], byInject[in.ID])
			}
			continue
		}
		t, _ := sc.Team(ev.Team)
		ch, _ := in.Choice(ev.Choice)
		taken[t.Side] = append(taken[t.Side], fmt.Sprintf("%q: %q, %s", in.Title, oneLine(ch.Label), afterWords(ev.At-is.FiredAt, "it arrived")))
		takenObj[t.Side] = union(takenObj[t.Side], byInject[in.ID])
		took[t.Side] += ev.At - is.FiredAt
	}
	for side := range injects.Side(2) {
		switch n := len(lapsed[side]); {
		case n > 0:
			bad(side, fmt.Sprintf("Left %s to %s, so the exercise decided.", decisionsWords(n), theirWords(n)), lapsed[side], lapsedObj[side])
		case len(taken[side]) > 0:
			avg := (took[side] / time.Duration(len(taken[side]))).Round(time.Minute)
			what := "Took all " + decisionsWords(len(taken[side])) + " put to it before their deadlines"
			switch len(taken[side]) {
			case 1:
				what = "Took the one decision put to it before its deadline"
			case 2:
				what = "Took both decisions put to it before their deadlines"
			}
			good(side, fmt.Sprintf("%s, %s.", what, averageWords(avg, "each arrived")),
				taken[side], takenObj[side])
		}
	}
}

func decisionsWords(n int) string {
	if n == 1 {
		return "one decision"
	}
	return count(n) + " decisions"
}

func theirWords(n int) string {
	if n == 1 {
		return "its deadline"
	}
	return "their deadlines"
}

func audienceSides(a injects.Audience) []injects.Side {
	if a.All {
		return []injects.Side{injects.US, injects.CN}
	}
	return []injects.Side{a.Side}
}

// questions are the hotwash's questions: one for each decision taken and
// the alternatives it left, each decision left to a deadline, each part
// declined on a ground that does not cover it, each call that rang out,
// and the ladder's highest rung.
func (b *builder) questions() []Question {
	sc, st := b.sc, b.st
	var qs []Question
	ask := func(at time.Duration, format string, args ...any) {
		qs = append(qs, Question{At: moment(sc, at), Text: fmt.Sprintf(format, args...)})
	}
	for _, ev := range b.events {
		switch ev.Type {
		case game.InjectChosen:
			in := &sc.Injects[mustInject(sc, ev.Inject)]
			ch, _ := in.Choice(ev.Choice)
			var alt []string
			for _, other := range in.Choices {
				if other.ID != ch.ID {
					alt = append(alt, fmt.Sprintf("%q", oneLine(other.Label)))
				}
			}
			q := fmt.Sprintf("On %q, %s chose %q.", in.Title, whoDecided(st, &ev), oneLine(ch.Label))
			if len(alt) > 0 {
				q += fmt.Sprintf(" The inject also offered %s. What did the team weigh, and what would the other course have changed?", list(alt))
			} else {
				q += " What did the team weigh?"
			}
			ask(ev.At, "%s", q)
		case game.InjectExpired:
			in := &sc.Injects[mustInject(sc, ev.Inject)]
			q := fmt.Sprintf("Nobody decided on %q within %s.", in.Title, short(in.Deadline.Within))
			if ch, ok := in.Choice(ev.Choice); ok {
				q += fmt.Sprintf(" The exercise took %q for %s.", oneLine(ch.Label), audienceWords(sc, in.To))
			}
			ask(ev.At, "%s Who owned the decision, and what kept it from being made?", q)
		case game.Declined:
			i, _ := sc.RequestIndex(ev.Request)
			req := &sc.Requests[i]
			g, ok := sc.Ground(ev.Ground)
			if ev.By == "" || !ok || g.Sound(req, req.Elements[req.Element(ev.Element)].Kind) {
				continue
			}
			ask(ev.At, "%s declined the %s of %s on %q, a ground that does not cover it. Which ground, if any, covers it, and what would answering have taken?",
				teamName(sc, ev.Team), req.Elements[req.Element(ev.Element)].Kind.Noun(), ev.Request, g.Title)
		case game.Missed:
			c := st.Calls[ev.Call-1]
			ask(ev.At, "Call %d from %s%s rang out. Who in the %s takes the hotline, and what could they have promised within %s?",
				c.N, the(c.From), aboutWords(c.About), sc.Sides[c.From.Other()].Name, short(sc.Hotline.CommitWithin))
		}
	}
	peak, at := 0, -1
	for k, p := range b.ladder {
		if p.Rung > peak {
			peak, at = p.Rung, k
		}
	}
	if at >= 0 {
		p := b.ladder[at]
		ask(time.Duration(p.At.At), "The ladder reached %q on %s (%s). What did the escalation achieve, and what brought it down, or would have?",
			sc.Hotline.Rungs[peak].Title, p.At.Time, p.Cause)
	}
	slices.SortStableFunc(qs, func(a, b Question) int { return int(a.At.At - b.At.At) })
	return qs
}

// plan makes a row of the improvement plan for each area for improvement,
// with the delegation concerned as who is responsible until the
// facilitator says otherwise.
func plan(sc *injects.Scenario, improvements []Finding) []PlanRow {
	var rows []PlanRow
	for _, f := range improvements {
		r := PlanRow{Side: f.Side, Issue: f.Text, Objectives: strings.Join(f.Objectives, ", ")}
		if s, ok := injects.ParseSide(f.Side); ok {
			r.Responsible = sc.Sides[s].Name
		}
		rows = append(rows, r)
	}
	return rows
}
