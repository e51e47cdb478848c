package debrief

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"hotline/game"
	"hotline/injects"
)

// Hotwash is the report's questions for the hotwash, with room for the
// answers: the handful a 30-minute hotwash has time for, of all the run
// raises, ranked.
type Hotwash struct {
	// Raised is how many questions the run raised; Questions are those
	// the hotwash asks.
	Raised    int        `json:"raised"`
	Questions []Question `json:"questions"`
}

// Question is a question for the hotwash, and the hotwash's answer.
type Question struct {
	ID     string `json:"id"` // Q1, Q2…, in the order they are asked
	At     Moment `json:"at"`
	Why    string `json:"why"` // why it is among those asked
	Text   string `json:"text"`
	Answer string `json:"answer"` // recorded in the console, or written here
}

// MaxQuestions is how many questions a 30-minute hotwash has time for:
// about six minutes each.
const MaxQuestions = 5

// maxOfAKind keeps the hotwash from spending itself on one kind of moment.
const maxOfAKind = 2

// The kinds of question, in the order the hotwash takes them: what the
// scenario says went against an objective first, what went well last.
const (
	askUndermined = iota // a course the scenario says undermines an objective
	askRangOut           // a hotline call left to ring out
	askUnsound           // a part declined on a ground that does not cover it
	askLapsed            // a decision left to its deadline
	askUnanswered        // a request that got nothing but, at most, its acknowledgement
	askLadder            // the ladder's highest rung
	askDecided           // a decision taken that went well or that the scenario does not judge
	numAsks
)

// askWhy says why a question of each kind is asked.
var askWhy = [numAsks]string{
	askUndermined: "The scenario says this course undermines %s.",
	askRangOut:    "A hotline call rang out unanswered.",
	askUnsound:    "A part was declined on a ground that does not cover it.",
	askLapsed:     "A decision was left to its deadline.",
	askUnanswered: "A request got nothing but, at most, its acknowledgement.",
	askLadder:     "The escalation ladder's highest rung.",
	askDecided:    "A decision taken: what the team weighed is not in the log.",
}

// HotwashOrder says how the questions are chosen, as the report prints it.
const HotwashOrder = "At most five questions, about six minutes each in a 30-minute hotwash, chosen in this order: a course the scenario says undermines an objective, a hotline call left to ring out, a part declined on a ground that does not cover it, a decision left to its deadline, a request left unanswered, the ladder's highest rung, then a decision that went well; at most two of a kind, the earliest first."

type candidate struct {
	kind int
	at   time.Duration
	why  string
	text string
}

// hotwash chooses the hotwash's questions from what the run raised, and
// puts in the answers the hotwash recorded.
func (b *builder) hotwash() Hotwash {
	cs := b.candidates()
	slices.SortStableFunc(cs, func(a, b candidate) int {
		if a.kind != b.kind {
			return a.kind - b.kind
		}
		return int(a.at - b.at)
	})
	h := Hotwash{Raised: len(cs)}
	var taken [numAsks]int
	for _, c := range cs {
		if len(h.Questions) == MaxQuestions {
			break
		}
		if taken[c.kind] == maxOfAKind {
			continue
		}
		taken[c.kind]++
		h.Questions = append(h.Questions, Question{ID: fmt.Sprintf("Q%d", len(h.Questions)+1), At: moment(b.sc, c.at), Why: c.why, Text: c.text})
	}
	for _, a := range b.st.Hotwash {
		k := slices.IndexFunc(h.Questions, func(q Question) bool { return q.ID == a.Question && q.Text == a.Asked })
		if k >= 0 {
			h.Questions[k].Answer = a.Text
			continue
		}
		h.Questions = append(h.Questions, Question{ID: a.Question, At: moment(b.sc, a.At), Why: "Asked at the hotwash.", Text: a.Asked, Answer: a.Text})
	}
	return h
}

// candidates are every question the run raises.
func (b *builder) candidates() []candidate {
	sc, st := b.sc, b.st
	var cs []candidate
	ask := func(kind int, at time.Duration, text string, why ...any) {
		cs = append(cs, candidate{kind: kind, at: at, why: fmt.Sprintf(askWhy[kind], why...), text: text})
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
			if undermined := bearing(ch.Bearings, injects.Undermines); len(undermined) > 0 {
				q += fmt.Sprintf(" The scenario says it undermines %s.", list(undermined))
				if len(alt) > 0 {
					q += fmt.Sprintf(" The inject also offered %s.", list(alt))
				}
				ask(askUndermined, ev.At, q+" What did the team weigh, and what would have led it to another course?", list(undermined))
				continue
			}
			if len(alt) > 0 {
				q += fmt.Sprintf(" The inject also offered %s. What did the team weigh, and what would the other course have changed?", list(alt))
			} else {
				q += " What did the team weigh?"
			}
			ask(askDecided, ev.At, q)
		case game.ActionTaken:
			i, ok := sc.ActionIndex(ev.Action)
			if !ok {
				continue
			}
			a := &sc.Actions[i]
			if undermined := bearing(a.Bearings, injects.Undermines); len(undermined) > 0 {
				ask(askUndermined, ev.At, fmt.Sprintf("%s took the action %q; the scenario says it undermines %s. What did the delegation expect of it, and what did it cost?",
					upperFirst(the(a.Side)), oneLine(a.Label), list(undermined)), list(undermined))
			}
		case game.InjectExpired:
			in := &sc.Injects[mustInject(sc, ev.Inject)]
			q := fmt.Sprintf("Nobody decided on %q within %s.", in.Title, short(in.Deadline.Within))
			if ch, ok := in.Choice(ev.Choice); ok {
				q += fmt.Sprintf(" The exercise took %q for %s.", oneLine(ch.Label), audienceWords(sc, in.To))
			}
			ask(askLapsed, ev.At, q+" Who owned the decision, and what kept it from being made?")
		case game.Declined:
			i, _ := sc.RequestIndex(ev.Request)
			req := &sc.Requests[i]
			g, ok := sc.Ground(ev.Ground)
			if ev.By == "" || !ok || g.Sound(req, req.Elements[req.Element(ev.Element)].Kind) {
				continue
			}
			ask(askUnsound, ev.At, fmt.Sprintf("%s declined the %s of %s request %q on %q, a ground that does not cover it. Which ground, if any, covers it, and what would answering have taken?",
				teamName(sc, ev.Team), req.Elements[req.Element(ev.Element)].Kind.Noun(), req.From.Possessive(), oneLine(req.Subject), g.Title))
		case game.Missed:
			c := st.Calls[ev.Call-1]
			ask(askRangOut, ev.At, fmt.Sprintf("Call %d from %s%s rang out. Who in the %s takes the hotline, and what could they have promised within %s?",
				c.N, the(c.From), b.aboutWords(c.About), sc.Sides[c.From.Other()].Name, short(sc.Hotline.CommitWithin)))
		}
	}
	for k := range b.card.Requests {
		rs := &b.card.Requests[k]
		if t := tally(rs); t.others > 0 && t.othersAnswered == 0 && t.never > 0 {
			ask(askUnanswered, firstFailure(rs), fmt.Sprintf("%s answered nothing of %s request %s but, at most, its acknowledgement. What stood in the way, and who should have raised it, and when?",
				upperFirst(the(rs.To)), rs.From.Possessive(), requestName(rs)))
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
		ask(askLadder, time.Duration(p.At.At), fmt.Sprintf("The ladder reached %q on %s (%s). What did the escalation achieve, and what brought it down, or would have?",
			sc.Hotline.Rungs[peak].Title, p.At.Time, p.Cause))
	}
	return cs
}

// bearing lists the objectives a course has the verdict on.
func bearing(bearings []injects.Bearing, verdict injects.Verdict) []string {
	var out []string
	for _, bg := range bearings {
		if bg.Verdict == verdict && !slices.Contains(out, bg.Objective) {
			out = append(out, bg.Objective)
		}
	}
	return out
}

// PlanRow is a row of the improvement plan, in HSEEP's columns. The rules
// make one for each area for improvement, with its issue, objectives, core
// capability and organization; the hotwash fills in the rest, in the
// console or in the report's JSON, and may add rows of its own.
type PlanRow struct {
	// Row keys the row: the id of the area for improvement it answers, for
	// the first action on one; another key for a second action, or for an
	// issue the hotwash raised.
	Row  string `json:"row"`
	Area string `json:"area,omitempty"` // the id of the area for improvement it answers
	Side string `json:"side,omitempty"`
	// Capability is the core capability: the fact sheet's commitment the
	// issue concerns, where it concerns one.
	Capability   string `json:"core_capability"`
	Issue        string `json:"issue"`
	Objectives   string `json:"objectives,omitempty"`
	Action       string `json:"corrective_action"`
	Element      string `json:"capability_element"` // one of game.CapabilityElements
	Organization string `json:"primary_responsible_organization"`
	Contact      string `json:"point_of_contact"`
	Start        string `json:"start_date"` // 2006-01-02
	Completion   string `json:"completion_date"`
}

// plan makes a row of the improvement plan for each area for improvement,
// with the delegation concerned as the organization until the hotwash
// says otherwise, and puts in the corrective actions the hotwash agreed.
func plan(sc *injects.Scenario, improvements []Improvement, agreed []game.CorrectiveAction) []PlanRow {
	var rows []PlanRow
	for _, f := range improvements {
		r := PlanRow{Row: f.ID, Area: f.ID, Side: f.Side, Capability: f.capability, Issue: f.Text, Objectives: strings.Join(f.Objectives, ", ")}
		if s, ok := injects.ParseSide(f.Side); ok {
			r.Organization = sc.Sides[s].Name
		}
		rows = append(rows, r)
	}
	for _, a := range agreed {
		k := slices.IndexFunc(rows, func(r PlanRow) bool { return r.Row == a.Row })
		if k < 0 {
			r := PlanRow{Row: a.Row, Area: a.Issue, Issue: a.Title}
			if i := slices.IndexFunc(improvements, func(f Improvement) bool { return f.ID == a.Issue }); i >= 0 {
				f := &improvements[i]
				r.Side, r.Capability, r.Objectives = f.Side, f.capability, strings.Join(f.Objectives, ", ")
			}
			rows = append(rows, r)
			k = len(rows) - 1
		}
		r := &rows[k]
		r.Action, r.Element, r.Contact, r.Start, r.Completion = a.Action, a.Element, a.Contact, a.Start, a.Completion
		if a.Capability != "" {
			r.Capability = a.Capability
		}
		if a.Organization != "" {
			r.Organization = a.Organization
		}
	}
	return rows
}

// BlankPlanRows is how many empty rows the printed plan ends with, for
// issues the hotwash raises.
const BlankPlanRows = 3

// FeedbackSummary is what the participants said on the feedback forms
// they handed in at the terminal: each statement's ratings, averaged, and
// every answer to each question, by seat, not by name.
type FeedbackSummary struct {
	Forms     int               `json:"forms"` // how many people handed one in; each person's latest counts
	Scale     []string          `json:"scale"`
	Ratings   []FeedbackRating  `json:"ratings"`
	Questions []FeedbackAnswers `json:"questions"`
}

// FeedbackRating is one statement of the form and how it was rated.
type FeedbackRating struct {
	Statement string `json:"statement"`
	Count     [5]int `json:"count"` // how many rated it 1, 2, 3, 4 and 5
}

// Average is the statement's average rating, to one decimal; empty when
// nobody rated it.
func (r FeedbackRating) Average() string {
	sum, n := 0, 0
	for i, c := range r.Count {
		sum += (i + 1) * c
		n += c
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%.1f", float64(sum)/float64(n))
}

// FeedbackAnswers is one question of the form and its answers.
type FeedbackAnswers struct {
	Question string           `json:"question"`
	Answers  []FeedbackAnswer `json:"answers"`
}

// FeedbackAnswer is one participant's answer, said by their seat: the
// form promises no name.
type FeedbackAnswer struct {
	Seat string `json:"seat"`
	Text string `json:"text"`
}

func (b *builder) feedback() FeedbackSummary {
	sc := b.sc
	f := feedback(sc)
	s := FeedbackSummary{Scale: f.Scale}
	latest := map[string]game.Feedback{}
	var order []string
	for _, fb := range b.st.Feedback {
		if _, ok := latest[fb.By]; !ok {
			order = append(order, fb.By)
		}
		latest[fb.By] = fb
	}
	s.Forms = len(order)
	for i, statement := range f.Ratings {
		r := FeedbackRating{Statement: statement}
		for _, by := range order {
			if v := ratingOf(latest[by].Form, i); v > 0 {
				r.Count[v-1]++
			}
		}
		s.Ratings = append(s.Ratings, r)
	}
	for i, q := range f.Questions {
		qa := FeedbackAnswers{Question: q}
		for _, by := range order {
			fb := latest[by]
			if i < len(fb.Form.Answers) && fb.Form.Answers[i] != "" {
				qa.Answers = append(qa.Answers, FeedbackAnswer{Seat: seatWords(sc, fb.Seat), Text: fb.Form.Answers[i]})
			}
		}
		s.Questions = append(s.Questions, qa)
	}
	return s
}

func ratingOf(f game.FeedbackForm, i int) int {
	if i < len(f.Ratings) {
		return f.Ratings[i]
	}
	return 0
}

// seatWords says who answered by their seat, not their name: "a player
// (United States, Federal Bureau of Investigation)", "an evaluator".
func seatWords(sc *injects.Scenario, p game.Person) string {
	switch p.Role {
	case game.Player:
		if t, ok := sc.Team(p.Team); ok {
			return fmt.Sprintf("a player (%s, %s)", t.Side.Title(), t.Name)
		}
		return "a player"
	case game.Solo:
		return "the solo player"
	case game.Facilitator:
		return "the White Cell"
	case game.Evaluator:
		return "an evaluator"
	case game.Observer:
		return "an observer"
	}
	return "a participant"
}
