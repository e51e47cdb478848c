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
	// ID names it in the report: S1, S2… for strengths, A1, A2… for
	// areas for improvement, most weighty first.
	ID         string   `json:"id"`
	Side       string   `json:"side,omitempty"` // us or cn; empty for both
	Text       string   `json:"text"`
	Evidence   []string `json:"evidence,omitempty"`
	Objectives []string `json:"objectives,omitempty"`
}

// Improvement is an area for improvement, as HSEEP's AAR gives one: the
// finding, what it is measured against (the fact sheet's commitment it
// concerns, besides its objectives) and its analysis, the root cause as
// far as the run shows it. An empty root cause is the hotwash's to find;
// the facilitator may write or rewrite either in the report's JSON.
type Improvement struct {
	Finding
	Reference string `json:"reference"`
	RootCause string `json:"root_cause"`
	// capability is the core capability the improvement plan's row names:
	// the first commitment of the reference.
	capability string
}

// finding is a finding as the rules make it, before it is numbered.
type finding struct {
	side       string // us or cn; empty for both
	text       string
	evidence   []string
	objectives []string
	commitment []string // the fact sheet's commitments it concerns
	cause      string   // the root cause the run shows, if it shows one
	weight     int      // how much it weighs among the others of its kind: 1 to 3
}

// Weights of findings: what the executive summary and the improvement
// plan put first.
const (
	weightLow  = 1 // a challenge of form; a strength of form
	weightMid  = 2 // a challenge; a strength of substance
	weightHigh = 3 // a major challenge or a failure; a strength in a whole matter, or an evaluator's
)

type findingFunc func(side injects.Side, f finding)

// findings are the strengths and the areas for improvement: how each side
// answered and asked, rang and answered the hotline, what it chose and
// did, and what evaluators rated. A piece of evidence is one or the other,
// never both, and nothing late is a strength. Each list is ordered by
// weight, heaviest first, and numbered.
func (b *builder) findings() (strengths []Finding, improvements []Improvement) {
	byInject, byRequest := b.objectivesOf()
	var goods, bads []finding
	good := func(side injects.Side, f finding) { f.side = side.String(); goods = append(goods, f) }
	bad := func(side injects.Side, f finding) { f.side = side.String(); bads = append(bads, f) }
	b.requestFindings(good, bad, byRequest)
	b.callFindings(good, bad, byRequest, byInject)
	b.decisionFindings(good, bad, byInject)
	b.actionFindings(good, bad)
	sc := b.sc
	for _, n := range b.st.Notes {
		if n.Rating == game.Unrated {
			continue
		}
		f := finding{text: fmt.Sprintf("%s observed on %s: %s", n.By, n.Objective, n.Text),
			evidence: []string{fmt.Sprintf("%s, rated %s (%s)", clock(sc, n.At), n.Rating, n.Rating.Words())}, objectives: []string{n.Objective},
			weight: map[game.Rating]int{game.RatedP: weightHigh, game.RatedS: weightMid, game.RatedM: weightHigh, game.RatedU: weightHigh}[n.Rating]}
		if t, ok := sc.Team(n.Team); ok {
			f.side = t.Side.String()
			f.evidence[0] += " about " + teamName(sc, n.Team)
		}
		if n.Rating == game.RatedP {
			goods = append(goods, f)
		} else {
			bads = append(bads, f)
		}
	}
	for _, k := range byWeight(goods) {
		f := &goods[k]
		strengths = append(strengths, Finding{ID: fmt.Sprintf("S%d", len(strengths)+1), Side: f.side, Text: f.text, Evidence: f.evidence, Objectives: f.objectives})
	}
	for _, k := range byWeight(bads) {
		f := &bads[k]
		a := Improvement{Finding: Finding{ID: fmt.Sprintf("A%d", len(improvements)+1), Side: f.side, Text: f.text, Evidence: f.evidence, Objectives: f.objectives},
			Reference: referenceWords(f.commitment), RootCause: f.cause}
		if len(f.commitment) > 0 {
			a.capability = f.commitment[0]
		}
		improvements = append(improvements, a)
	}
	return strengths, improvements
}

// byWeight returns the findings' indexes, heaviest first, in the order
// they were found among equals.
func byWeight(fs []finding) []int {
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return fs[b].weight - fs[a].weight })
	return order
}

// The fact sheet's commitments, as an area for improvement's reference
// names them: the situation manual's own names for them.
var (
	timelyResponses = commitments[0].Name
	cooperation     = commitments[1].Name
	theftPledge     = commitments[2].Name
	norms           = commitments[3].Name
	hotlineClause   = commitments[5].Name
)

// referenceWords says what an area for improvement is measured against.
func referenceWords(commitments []string) string {
	if len(commitments) == 0 {
		return ""
	}
	return "The September 2015 fact sheet: " + strings.Join(commitments, "; ")
}

// commitmentOf is the fact sheet's commitment a request invokes.
func commitmentOf(basis injects.Basis) string {
	switch basis {
	case injects.Pledge:
		return theftPledge
	case injects.Norms:
		return norms
	}
	return cooperation
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
		whose := rs.From.Possessive() + " request " + requestName(rs)
		switch {
		case t.scored == 0:
		case t.overdue() > 0:
			weight := weightMid
			if t.never > 0 {
				weight = weightHigh
			}
			bad(rs.To, finding{text: overdueWords(t, whose, b.opened[rs.Request]),
				evidence:   partEvidence(sc, rs, func(el *game.ElementScore) bool { return el.State == game.ElOverdue || el.Late > 0 }),
				objectives: obj, commitment: overdueCommitments(rs), cause: b.overdueCause(rs), weight: weight})
		case t.answered == t.scored && t.thin == 0:
			text := fmt.Sprintf("Every part of %s was answered on time%s", whose, b.soFar())
			if t.sound > 0 {
				text += fmt.Sprintf(", the %s declined on %s", list(t.soundParts), groundsWords(len(t.soundParts), true))
			}
			if t.ack != nil && t.ack.State == game.ElDelivered {
				text += ", the acknowledgement in " + short(time.Duration(t.ack.At)-b.opened[rs.Request])
			}
			good(rs.To, finding{text: text + ".", evidence: partEvidence(sc, rs, func(el *game.ElementScore) bool { return el.Scored }), objectives: obj, weight: weightHigh})
		}
		if t.unsound > 0 {
			review := "the review counts it as a refusal"
			if t.unsound > 1 {
				review = "the review counts those as refusals"
			}
			unsound := func(el *game.ElementScore) bool { return el.State == game.ElDeclined && !el.Sound }
			bad(rs.To, finding{text: fmt.Sprintf("Declined the %s of %s on %s: %s.", list(t.unsoundParts), whose, groundsWords(t.unsound, false), review),
				evidence: partEvidence(sc, rs, unsound), objectives: obj, commitment: []string{cooperation},
				cause: b.declineCause(rs, unsound), weight: weightHigh})
		}
		if len(t.soundInTime) > 0 && t.overdue() > 0 {
			inTime := func(el *game.ElementScore) bool { return el.State == game.ElDeclined && el.Sound && el.Late == 0 }
			good(rs.To, finding{text: fmt.Sprintf("Declined the %s of %s in time, on %s, as the fact sheet allows.", list(t.soundInTime), whose, groundsWords(len(t.soundInTime), true)),
				evidence: partEvidence(sc, rs, inTime), objectives: obj, weight: weightLow})
		}
		if t.thin > 0 {
			thin := func(el *game.ElementScore) bool { return el.Thin }
			bad(rs.To, finding{text: fmt.Sprintf("Answered the %s of %s thin, though the request came with the material to do better.", list(t.thinParts), whose),
				evidence: partEvidence(sc, rs, thin), objectives: obj, commitment: []string{cooperation},
				cause: b.deliveredCause(rs, thin), weight: weightMid})
		}
		// How the other side asked, when it asked itself.
		if b.sentBy[rs.Request] == bySide {
			line := fmt.Sprintf("%s: %s, sent %s under %s, with %s", requestName(rs), rs.Category.Title(),
				clock(sc, b.opened[rs.Request]), rs.Basis.Title(), strings.Join(rs.Attached, "; "))
			switch {
			case rs.CategoryError:
				what := "a category error"
				if rs.Basis == injects.Pledge && rs.Category == injects.StateEspionage {
					what = "espionage dressed as theft"
				}
				bad(rs.From, finding{text: fmt.Sprintf("Sent the request %s under %s, which does not cover %s: %s (−%d).", requestName(rs), rs.Basis.Title(), rs.Category.Title(), what, game.CategoryErrorPenalty),
					evidence: []string{line}, objectives: obj, commitment: []string{commitmentOf(rs.Basis)},
					cause: b.sentCause(rs, fmt.Sprintf("Its matter is %s, and %s %s", rs.Category.Title(), rs.Basis.Title(), basisFits[rs.Basis])), weight: weightHigh})
			case len(rs.Attached) == 0:
				bad(rs.From, finding{text: fmt.Sprintf("Sent the request %s with no technical material attached (−%d), so the other side could decline it for want of detail.", requestName(rs), game.UndetailedPenalty),
					evidence: []string{strings.TrimSuffix(line, ", with ") + ", with nothing attached"}, objectives: obj, commitment: []string{cooperation},
					cause: b.sentCause(rs, ""), weight: weightMid})
			default:
				wellAsked[rs.From] = append(wellAsked[rs.From], line)
				wellAskedObj[rs.From] = union(wellAskedObj[rs.From], obj)
			}
		}
		if t.never > 0 && rs.Calls == 0 {
			bad(rs.From, finding{text: neverRangText(rs, t), evidence: partEvidence(sc, rs, func(el *game.ElementScore) bool { return el.State == game.ElOverdue }),
				objectives: union(obj, objectiveNamed(sc, hotlineObjective)), commitment: []string{hotlineClause},
				cause: b.seats.cause(rs.From, firstFailure(rs)), weight: weightHigh})
		}
	}
	for side := range injects.Side(2) {
		if n := len(wellAsked[side]); n > 0 {
			fits := "each matter"
			if n == 1 {
				fits = "its matter"
			}
			good(side, finding{text: fmt.Sprintf("Sent %s under the commitment that fits %s, with the technical material to act on.", requestsWords(n), fits),
				evidence: wellAsked[side], objectives: wellAskedObj[side], weight: weightLow})
		}
	}
}

// basisFits says what each commitment a request may invoke covers, as the
// situation manual puts it.
var basisFits = map[injects.Basis]string{
	injects.Cooperation: "fits every matter, cybercrime above all: a request to investigate, preserve evidence or take servers down rests on it, whoever turns out to be behind the activity.",
	injects.Pledge:      "fits cyber-enabled theft of intellectual property for commercial advantage only, and speaks of what governments conduct or knowingly support.",
	injects.Norms:       "fits requests about critical infrastructure only: above all the norm that states answer appropriate requests for assistance when it is attacked.",
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
				bad(side, finding{text: fmt.Sprintf("Broke the commitment made on call %d from %s%s: what was outstanding was not all delivered by %s.", c.N, the(c.From), b.aboutWords(c.About), clock(sc, c.PromiseBy)),
					evidence: []string{b.callLine(c)}, objectives: objectivesOf(c), commitment: []string{hotlineClause}, cause: b.seats.cause(side, c.PromiseBy), weight: weightHigh})
			case c.Answer == injects.Deny:
				bad(side, finding{text: fmt.Sprintf("Denied the complaint on call %d from %s%s, which raises the caller's escalation.", c.N, the(c.From), b.aboutWords(c.About)),
					evidence: []string{b.callLine(c)}, objectives: objectivesOf(c), commitment: []string{hotlineClause}, cause: b.answerCause(c), weight: weightMid})
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
			bad(side, finding{text: text, evidence: b.callLines(missed), objectives: missedObj, commitment: []string{hotlineClause},
				cause: b.seats.cause(side, missed[0].AnswerBy), weight: weightHigh})
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
			good(side, finding{text: text + ".", evidence: b.callLines(answered), objectives: answeredObj, weight: weightHigh})
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
				bad(side, finding{text: fmt.Sprintf("Rang the hotline%s before any part of it had failed, escalating what %s still had time to answer.", b.aboutWords(c.About), the(side.Other())),
					evidence: []string{line + ", before any part had failed"}, objectives: objectivesOf(c), commitment: []string{hotlineClause}, weight: weightMid})
				continue
			}
			timely = append(timely, line+", "+afterWords(c.RangAt-r.failedAt, "the response first failed"))
			timelyObj = union(timelyObj, objectivesOf(c))
		}
		switch len(timely) {
		case 0:
		case 1:
			good(side, finding{text: "Rang the hotline about a request of its own once the response to it had failed.", evidence: timely, objectives: timelyObj, weight: weightMid})
		default:
			good(side, finding{text: fmt.Sprintf("Rang the hotline %s, each about a request of its own whose response had failed.", timesWords(len(timely))), evidence: timely, objectives: timelyObj, weight: weightMid})
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
	var lapsedAt [2][]time.Duration
	for _, ev := range b.events {
		if ev.Type != game.InjectChosen && ev.Type != game.InjectExpired {
			continue
		}
		i := mustInject(sc, ev.Inject)
		in, is := &sc.Injects[i], &st.Injects[i]
		if ev.Type == game.InjectExpired {
			line := fmt.Sprintf("%q, arrived %s, deadline %s", in.Title, clock(sc, is.FiredAt), clock(sc, ev.At))
			if ch, ok := in.Choice(ev.Choice); ok {
				line += fmt.Sprintf(": %q taken for them", oneLine(ch.Label))
			}
			for _, side := range audienceSides(in.To) {
				lapsed[side] = append(lapsed[side], line)
				lapsedObj[side] = union(lapsedObj[side], byInject[in.ID])
				lapsedAt[side] = append(lapsedAt[side], ev.At)
			}
			continue
		}
		t, _ := sc.Team(ev.Team)
		ch, _ := in.Choice(ev.Choice)
		line := fmt.Sprintf("%q: %q, chosen %s by %s, %s", in.Title, oneLine(ch.Label), clock(sc, ev.At),
			strings.TrimSuffix(whoDecided(st, &ev), ","), afterWords(ev.At-is.FiredAt, "it arrived"))
		b.judge(good, bad, t.Side, fmt.Sprintf("On %q, chose %q.", in.Title, oneLine(ch.Label)), ch.Bearings, []string{line}, b.botCause(&ev, t.Side))
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
			bad(side, finding{text: fmt.Sprintf("Left %s to %s, so the exercise decided.", decisions, deadlines), evidence: lapsed[side], objectives: lapsedObj[side],
				cause: b.lapsedCause(side, lapsedAt[side]), weight: weightMid})
		}
	}
}

// actionFindings judge the actions each side took by what the scenario
// says they mean.
func (b *builder) actionFindings(good, bad findingFunc) {
	sc := b.sc
	lines := make([][]string, len(sc.Actions))
	causes := make([]string, len(sc.Actions))
	for _, k := range b.taken {
		ev := &b.events[k]
		if i, ok := sc.ActionIndex(ev.Action); ok {
			lines[i] = append(lines[i], fmt.Sprintf("%q, taken %s by %s", oneLine(sc.Actions[i].Label), clock(sc, ev.At),
				strings.TrimSuffix(whoDecided(b.st, ev), ",")))
			if causes[i] == "" {
				causes[i] = b.botCause(ev, sc.Actions[i].Side)
			}
		}
	}
	for i := range sc.Actions {
		if a := &sc.Actions[i]; len(lines[i]) > 0 {
			b.judge(good, bad, a.Side, fmt.Sprintf("Took the action %q%s.", oneLine(a.Label), timesWords(len(lines[i]))), a.Bearings, lines[i], causes[i])
		}
	}
}

// judge makes a course a side took a finding by what it means for the
// objectives: an area for improvement when it undermines any, a strength
// when it supports some, neither when it is neutral or says nothing. Why
// a person took it is for the hotwash; why a bot did, its profile.
func (b *builder) judge(good, bad findingFunc, side injects.Side, text string, bearings []injects.Bearing, evidence []string, cause string) {
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
		f := finding{text: text + " " + strings.Join(why, " "), evidence: evidence, objectives: objectives, weight: weightMid}
		if verdict == injects.Undermines {
			f.cause, f.weight = cause, weightHigh
			bad(side, f)
		} else {
			good(side, f)
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

// requestName is a request in prose: its subject, quoted.
func requestName(rs *game.RequestScore) string { return fmt.Sprintf("%q", oneLine(rs.Subject)) }

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
