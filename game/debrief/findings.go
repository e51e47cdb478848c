package debrief

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"hotline/game"
	"hotline/injects"
)

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

type findingFunc func(side injects.Side, text string, evidence []string, objectives []string)

// findings are the strengths and the areas for improvement: how each side
// answered and asked, rang and answered the hotline, what it chose and
// did, and what evaluators rated. A piece of evidence is one or the other,
// never both, and nothing late is a strength.
func (b *builder) findings() (strengths, improvements []Finding) {
	byInject, byRequest := b.objectivesOf()
	good := func(side injects.Side, text string, evidence []string, objectives []string) {
		strengths = append(strengths, Finding{Side: side.String(), Text: text, Evidence: evidence, Objectives: objectives})
	}
	bad := func(side injects.Side, text string, evidence []string, objectives []string) {
		improvements = append(improvements, Finding{Side: side.String(), Text: text, Evidence: evidence, Objectives: objectives})
	}
	b.requestFindings(good, bad, byRequest)
	b.callFindings(good, bad, byRequest, byInject)
	b.decisionFindings(good, bad, byInject)
	b.actionFindings(good, bad)
	sc := b.sc
	for _, n := range b.st.Notes {
		if n.Rating == game.Unrated {
			continue
		}
		f := Finding{Text: fmt.Sprintf("%s observed on %s: %s", n.By, n.Objective, n.Text),
			Evidence: []string{fmt.Sprintf("%s, rated %s (%s)", game.Clock(sc, n.At), n.Rating, n.Rating.Words())}, Objectives: []string{n.Objective}}
		if t, ok := sc.Team(n.Team); ok {
			f.Side = t.Side.String()
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

// requestFindings judge how each side answered the requests it received,
// and how it asked.
func (b *builder) requestFindings(good, bad findingFunc, byRequest map[string][]string) {
	sc := b.sc
	var wellAsked, wellAskedObj [2][]string
	for k := range b.card.Requests {
		rs := &b.card.Requests[k]
		obj := byRequest[rs.Request]
		t := tally(rs)
		whose := possessive(rs.From) + " request " + requestName(rs)
		switch {
		case t.scored == 0:
		case t.overdue() > 0:
			bad(rs.To, overdueWords(t, whose, b.opened[rs.Request]),
				partEvidence(sc, rs, func(el *game.ElementScore) bool { return el.State == game.ElOverdue || el.Late > 0 }), obj)
		case t.answered == t.scored && t.thin == 0:
			text := fmt.Sprintf("Every part of %s was answered on time%s", whose, b.soFar())
			if t.sound > 0 {
				text += fmt.Sprintf(", the %s declined on %s", list(t.soundParts), groundsWords(len(t.soundParts), true))
			}
			if t.ack != nil && t.ack.State == game.ElDelivered {
				text += ", the acknowledgement in " + short(time.Duration(t.ack.At)-b.opened[rs.Request])
			}
			good(rs.To, text+".", partEvidence(sc, rs, func(el *game.ElementScore) bool { return el.Scored }), obj)
		}
		if t.unsound > 0 {
			review := "the review counts it as a refusal"
			if t.unsound > 1 {
				review = "the review counts those as refusals"
			}
			bad(rs.To, fmt.Sprintf("Declined the %s of %s on %s: %s.", list(t.unsoundParts), whose, groundsWords(t.unsound, false), review),
				partEvidence(sc, rs, func(el *game.ElementScore) bool { return el.State == game.ElDeclined && !el.Sound }), obj)
		}
		if len(t.soundInTime) > 0 && t.overdue() > 0 {
			inTime := func(el *game.ElementScore) bool { return el.State == game.ElDeclined && el.Sound && el.Late == 0 }
			good(rs.To, fmt.Sprintf("Declined the %s of %s in time, on %s, as the fact sheet allows.", list(t.soundInTime), whose, groundsWords(len(t.soundInTime), true)),
				partEvidence(sc, rs, inTime), obj)
		}
		if t.thin > 0 {
			bad(rs.To, fmt.Sprintf("Answered the %s of %s thin, though the request came with the material to do better.", list(t.thinParts), whose),
				partEvidence(sc, rs, func(el *game.ElementScore) bool { return el.Thin }), obj)
		}
		// How the other side asked, when it asked itself.
		if b.sentBy[rs.Request] == bySide {
			line := fmt.Sprintf("%s: %s, sent %s under %s, with %s", requestName(rs), rs.Category.Title(),
				game.Clock(sc, b.opened[rs.Request]), rs.Basis.Title(), strings.Join(rs.Attached, "; "))
			switch {
			case rs.CategoryError:
				what := "a category error"
				if rs.Basis == injects.Pledge && rs.Category == injects.StateEspionage {
					what = "espionage dressed as theft"
				}
				bad(rs.From, fmt.Sprintf("Sent the request %s under %s, which does not cover %s: %s (−%d).", requestName(rs), rs.Basis.Title(), rs.Category.Title(), what, game.CategoryErrorPenalty),
					[]string{line}, obj)
			case len(rs.Attached) == 0:
				bad(rs.From, fmt.Sprintf("Sent the request %s with no technical material attached (−%d), so the other side could decline it for want of detail.", requestName(rs), game.UndetailedPenalty),
					[]string{strings.TrimSuffix(line, ", with ") + ", with nothing attached"}, obj)
			default:
				wellAsked[rs.From] = append(wellAsked[rs.From], line)
				wellAskedObj[rs.From] = union(wellAskedObj[rs.From], obj)
			}
		}
		if t.never > 0 && rs.Calls == 0 {
			bad(rs.From, neverRangText(rs, t), partEvidence(sc, rs, func(el *game.ElementScore) bool { return el.State == game.ElOverdue }),
				union(obj, objectiveNamed(sc, hotlineObjective)))
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
}

// groundsWords says on what parts were declined: "a ground that covers
// it", "grounds that do not cover them".
func groundsWords(n int, covers bool) string {
	switch {
	case n == 1 && covers:
		return "a ground that covers it"
	case n == 1:
		return "a ground that does not cover it"
	case covers:
		return "grounds that cover them"
	}
	return "grounds that do not cover them"
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

// overdueWords says which parts of a request went overdue, the
// acknowledgement among them or not: "the results of China's request
// "…" went overdue while the acknowledgement came in 5h", "three of six
// parts of … went overdue, the acknowledgement among them (2h late)".
func overdueWords(t partTally, whose string, sent time.Duration) string {
	n, total := t.overdue(), t.scored
	var lead string
	switch {
	case n <= 2:
		var names []string
		for _, p := range append(slices.Clone(t.lateParts), t.neverParts...) {
			names = append(names, "the "+p)
		}
		lead = upperFirst(list(names))
	case n == total:
		lead = "All " + count(n) + " parts"
	default:
		lead = upperFirst(count(n)) + " of " + count(total) + " parts"
	}
	var tail string
	switch a := t.ack; {
	case a == nil || !a.Scored:
	case a.State == game.ElDelivered && a.Timeliness == 1:
		tail = " while the acknowledgement came in " + short(time.Duration(a.At)-sent)
	case n <= 2: // the acknowledgement is named
	case a.State == game.ElOverdue:
		tail = ", the acknowledgement among them (never sent)"
	default:
		tail = ", the acknowledgement among them (" + short(time.Duration(a.Late)) + " late)"
	}
	return fmt.Sprintf("%s of %s went overdue%s.", lead, whose, tail)
}

// callFindings judge how each side answered the calls it received, and
// how it rang.
func (b *builder) callFindings(good, bad findingFunc, byRequest, byInject map[string][]string) {
	sc, st := b.sc, b.st
	hotline := objectiveNamed(sc, hotlineObjective)
	objectivesOf := func(c *game.Call) []string {
		return union(union(byRequest[c.About], byInject[b.ringer[c.N]]), hotline)
	}
	for side := range injects.Side(2) { // the side called
		var to []game.Call
		for _, c := range st.Calls {
			if c.From == side.Other() {
				to = append(to, c)
			}
		}
		var missed, answered []*game.Call
		var missedObj, answeredObj []string
		for k := range to {
			c := &to[k]
			switch {
			case c.Missed:
				missed = append(missed, c)
				missedObj = union(missedObj, objectivesOf(c))
			case !c.Answered:
			case c.Broken:
				bad(side, fmt.Sprintf("Broke the commitment made on call %d from %s%s: what was outstanding was not all delivered by %s.", c.N, the(c.From), b.aboutWords(c.About), game.Clock(sc, c.PromiseBy)),
					[]string{b.callLine(c)}, objectivesOf(c))
			case c.Answer == injects.Deny:
				bad(side, fmt.Sprintf("Denied the complaint on call %d from %s%s, which raises the caller's escalation.", c.N, the(c.From), b.aboutWords(c.About)),
					[]string{b.callLine(c)}, objectivesOf(c))
			default:
				answered = append(answered, c)
				answeredObj = union(answeredObj, objectivesOf(c))
			}
		}
		if len(missed) > 0 {
			text := fmt.Sprintf("Let %s ring out unanswered (−%d).", b.callsWords(missed, len(to)), game.MissedCallPenalty)
			if len(missed) > 1 {
				text = strings.TrimSuffix(text, ").") + " each)."
			}
			bad(side, text, b.callLines(missed), missedObj)
		}
		if len(answered) > 0 {
			var took time.Duration
			var kept []string
			for _, c := range answered {
				took += c.AnsweredAt - c.RangAt
				if c.Kept {
					kept = append(kept, fmt.Sprint(c.N))
				}
			}
			text := fmt.Sprintf("Answered %s %s, within the hotline's deadline", b.callsWords(answered, len(to)), inWords(answered[0].AnsweredAt-answered[0].RangAt))
			if len(answered) > 1 {
				text = fmt.Sprintf("Answered %s within the hotline's deadline, %s", b.callsWords(answered, len(to)),
					averageWords((took/time.Duration(len(answered))).Round(time.Minute), ""))
			}
			switch {
			case len(kept) == 1 && len(answered) == 1:
				text += ", and kept the commitment made on it"
			case len(kept) == 1:
				text += ", and kept the commitment made on call " + kept[0]
			case len(kept) > 1:
				text += ", and kept the commitments made on calls " + list(kept)
			}
			good(side, text+".", b.callLines(answered), answeredObj)
		}
	}
	for side := range injects.Side(2) { // the side that rang
		var timely []string
		var timelyObj []string
		for k := range st.Calls {
			c := &st.Calls[k]
			r := b.rang[c.N]
			if c.From != side || r.by != bySide || !r.own || r.chosen {
				continue
			}
			line := fmt.Sprintf("call %d%s, rang %s", c.N, b.aboutWords(c.About), game.Clock(sc, c.RangAt))
			if !r.failed {
				bad(side, fmt.Sprintf("Rang the hotline%s before any part of it had failed, escalating what %s still had time to answer.", b.aboutWords(c.About), the(side.Other())),
					[]string{line + ", before any part had failed"}, objectivesOf(c))
				continue
			}
			timely = append(timely, line+", "+afterWords(c.RangAt-r.failedAt, "the response first failed"))
			timelyObj = union(timelyObj, objectivesOf(c))
		}
		switch len(timely) {
		case 0:
		case 1:
			good(side, "Rang the hotline about a request of its own once the response to it had failed.", timely, timelyObj)
		default:
			good(side, fmt.Sprintf("Rang the hotline %s, each about a request of its own whose response had failed.", timesWords(len(timely))), timely, timelyObj)
		}
	}
}

// callsWords names calls from one side among all it made: "call 3 from
// the United States about …", "both hotline calls from China", "two of
// the three hotline calls from China".
func (b *builder) callsWords(calls []*game.Call, of int) string {
	c := calls[0]
	n := len(calls)
	switch {
	case n == 1:
		return fmt.Sprintf("call %d from %s%s", c.N, the(c.From), b.aboutWords(c.About))
	case n == of && n == 2:
		return "both hotline calls from " + the(c.From)
	case n == of:
		return fmt.Sprintf("all %s hotline calls from %s", count(n), the(c.From))
	}
	return fmt.Sprintf("%s of the %s hotline calls from %s", count(n), count(of), the(c.From))
}

func (b *builder) callLines(calls []*game.Call) []string {
	var lines []string
	for _, c := range calls {
		lines = append(lines, b.callLine(c))
	}
	return lines
}

// callLine is a call in one line of evidence.
func (b *builder) callLine(c *game.Call) string {
	sc := b.sc
	line := fmt.Sprintf("call %d from %s%s, rang %s", c.N, the(c.From), b.aboutWords(c.About), game.Clock(sc, c.RangAt))
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

// aboutWords says what a call is about: ` about "Trade secrets of …"`.
func (b *builder) aboutWords(req string) string {
	i, ok := b.sc.RequestIndex(req)
	if !ok {
		return ""
	}
	return fmt.Sprintf(" about %q", oneLine(b.sc.Requests[i].Subject))
}

// decisionFindings judge the decisions each side took by what the scenario
// says their choices mean, and the decisions it left to their deadlines.
// How fast a decision was taken is no strength on its own.
func (b *builder) decisionFindings(good, bad findingFunc, byInject map[string][]string) {
	sc, st := b.sc, b.st
	var lapsed, lapsedObj [2][]string
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
		line := fmt.Sprintf("%q: %q, chosen %s by %s, %s", in.Title, oneLine(ch.Label), game.Clock(sc, ev.At),
			strings.TrimSuffix(whoDecided(st, &ev), ","), afterWords(ev.At-is.FiredAt, "it arrived"))
		b.judge(good, bad, t.Side, fmt.Sprintf("On %q, chose %q.", in.Title, oneLine(ch.Label)), ch.Bearings, []string{line})
	}
	for side := range injects.Side(2) {
		if n := len(lapsed[side]); n > 0 {
			deadlines := "their deadlines"
			if n == 1 {
				deadlines = "its deadline"
			}
			decisions := count(n) + " decisions"
			if n == 1 {
				decisions = "one decision"
			}
			bad(side, fmt.Sprintf("Left %s to %s, so the exercise decided.", decisions, deadlines), lapsed[side], lapsedObj[side])
		}
	}
}

// actionFindings judge the actions each side took by what the scenario
// says they mean.
func (b *builder) actionFindings(good, bad findingFunc) {
	sc := b.sc
	lines := make([][]string, len(sc.Actions))
	for _, k := range b.taken {
		ev := &b.events[k]
		if i, ok := sc.ActionIndex(ev.Action); ok {
			lines[i] = append(lines[i], fmt.Sprintf("%q, taken %s by %s", oneLine(sc.Actions[i].Label), game.Clock(sc, ev.At),
				strings.TrimSuffix(whoDecided(b.st, ev), ",")))
		}
	}
	for i := range sc.Actions {
		if a := &sc.Actions[i]; len(lines[i]) > 0 {
			b.judge(good, bad, a.Side, fmt.Sprintf("Took the action %q%s.", oneLine(a.Label), timesWords(len(lines[i]))), a.Bearings, lines[i])
		}
	}
}

// judge makes a course a side took a finding by what it means for the
// objectives: an area for improvement when it undermines any, a strength
// when it supports some, neither when it is neutral or says nothing.
func (b *builder) judge(good, bad findingFunc, side injects.Side, text string, bearings []injects.Bearing, evidence []string) {
	for _, verdict := range []injects.Verdict{injects.Undermines, injects.Supports} {
		var objectives, why []string
		for _, bg := range bearings {
			if bg.Verdict == verdict {
				objectives = append(objectives, bg.Objective)
				if w := oneLine(bg.Why); !slices.Contains(why, w) {
					why = append(why, w)
				}
			}
		}
		if len(objectives) == 0 {
			continue
		}
		text += " " + strings.Join(why, " ")
		if verdict == injects.Undermines {
			bad(side, text, evidence, objectives)
		} else {
			good(side, text, evidence, objectives)
		}
		return
	}
}

// timesWords says how often: "", " twice", " three times".
func timesWords(n int) string {
	switch n {
	case 1:
		return ""
	case 2:
		return " twice"
	}
	return " " + count(n) + " times"
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
			ask(ev.At, "%s declined the %s of %s request %q on %q, a ground that does not cover it. Which ground, if any, covers it, and what would answering have taken?",
				teamName(sc, ev.Team), req.Elements[req.Element(ev.Element)].Kind.Noun(), possessive(req.From), oneLine(req.Subject), g.Title)
		case game.Missed:
			c := st.Calls[ev.Call-1]
			ask(ev.At, "Call %d from %s%s rang out. Who in the %s takes the hotline, and what could they have promised within %s?",
				c.N, the(c.From), b.aboutWords(c.About), sc.Sides[c.From.Other()].Name, short(sc.Hotline.CommitWithin))
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

// requestName is a request in prose: its subject, quoted.
func requestName(rs *game.RequestScore) string { return fmt.Sprintf("%q", oneLine(rs.Subject)) }

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

// partNoun names a part of a request in prose: "investigation", "status
// update 2".
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
		line := fmt.Sprintf("%s: due %s, ", upperFirst(partNoun(el)), game.Clock(sc, time.Duration(el.Due)))
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
