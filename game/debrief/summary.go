package debrief

import (
	"fmt"
	"slices"
	"strings"

	"hotline/game"
	"hotline/injects"
)

// Summary is the executive summary, the page a sponsor reads: what was
// exercised and by whom, how it came out, the weightiest strengths and
// areas for improvement (named by their ids, so that an edit to one shows
// here too), and what comes next. The objectives' ratings are set beside
// it as the report gives them.
type Summary struct {
	Exercised    string   `json:"exercised"`
	Outcome      string   `json:"outcome"`
	Strengths    []string `json:"strengths"`             // ids of strengths: S1…
	Improvements []string `json:"areas_for_improvement"` // ids of areas for improvement: A1…
	Next         string   `json:"next"`
}

// summaryTop is how many strengths and areas for improvement the summary
// names: the weightiest.
const summaryTop = 3

func (b *builder) summary(r *Report) Summary {
	sc, st := b.sc, b.st
	var s Summary
	s.Exercised = fmt.Sprintf("Hotline exercised the cybercrime mechanism the United States and China agreed on in September 2015 with the scenario %q: %s over %s of story time, from %s to %s.",
		sc.Title, objectivesWords(len(sc.Objectives)), spanWords(sc.End), dateWords(sc.Time(0), withYear), dateWords(sc.Time(sc.End), withYear))
	if r.Scenario.Summary != "" {
		s.Exercised += " " + oneLine(r.Scenario.Summary)
	}
	s.Exercised += " " + r.Participants.Note
	o := &r.Overview
	s.Outcome = strings.TrimSpace(o.Outcome + ". " + o.OutcomeText)
	if st.Ended {
		var scores, unscored []string
		for side := range injects.Side(2) {
			if sc := &b.card.Sides[side]; sc.Rated {
				scores = append(scores, fmt.Sprintf("%s scored %d", the(side), sc.Score))
			} else {
				unscored = append(unscored, the(side))
			}
		}
		switch {
		case len(scores) > 0 && len(unscored) > 0:
			s.Outcome += fmt.Sprintf(" At the closing review %s; %s had no request to answer, and was not scored.", list(scores), unscored[0])
		case len(scores) > 0:
			s.Outcome += " At the closing review " + list(scores) + "."
		default:
			s.Outcome += " Neither delegation had a request to answer, so the closing review scored neither."
		}
	}
	for _, n := range o.Numbers {
		if n.Name == "Parts judged on time" && n.Text != "none judged" {
			s.Outcome += fmt.Sprintf(" Parts of requests answered on time: %s.", n.Text)
		}
	}
	s.Outcome += " " + callsWords(st.Calls)
	for _, f := range r.Strengths[:min(summaryTop, len(r.Strengths))] {
		s.Strengths = append(s.Strengths, f.ID)
	}
	for _, f := range r.Improvements[:min(summaryTop, len(r.Improvements))] {
		s.Improvements = append(s.Improvements, f.ID)
	}
	agreed := 0
	for _, p := range r.Plan {
		if p.Action != "" {
			agreed++
		}
	}
	agreedWords := "none agreed yet"
	if agreed > 0 {
		agreedWords = plural(agreed, "corrective action") + " agreed"
	}
	s.Next = fmt.Sprintf("%s carried to the improvement plan (section 9), %s; the hotwash takes %s (section 7).",
		upperFirst(areasWords(len(r.Improvements))), agreedWords, questionsWords(len(r.Hotwash.Questions)))
	if f := r.Feedback.Forms; f > 0 {
		s.Next += fmt.Sprintf(" %s handed in the feedback form (section 8).", upperFirst(formsWords(f)))
	}
	return s
}

// callsWords sums up the hotline's calls in a sentence.
func callsWords(calls []game.Call) string {
	missed := 0
	for _, c := range calls {
		if c.Missed {
			missed++
		}
	}
	rang := "once"
	if len(calls) > 1 {
		rang = strings.TrimSpace(timesWords(len(calls)))
	}
	switch {
	case len(calls) == 0:
		return "Nobody rang the hotline."
	case missed == 0 && len(calls) == 1:
		return "The hotline rang once, and was answered."
	case missed == 0:
		return fmt.Sprintf("The hotline rang %s, and every call was answered.", rang)
	case len(calls) == 1:
		return "The hotline rang once, and nobody answered."
	case missed == 1:
		return fmt.Sprintf("The hotline rang %s; one call went unanswered.", rang)
	}
	return fmt.Sprintf("The hotline rang %s; %s of the calls went unanswered.", rang, count(missed))
}

func questionsWords(n int) string {
	if n == 1 {
		return "one question"
	}
	return count(n) + " questions"
}

func objectivesWords(n int) string {
	if n == 1 {
		return "one objective"
	}
	return count(n) + " objectives"
}

func areasWords(n int) string {
	switch n {
	case 0:
		return "no area for improvement is"
	case 1:
		return "one area for improvement is"
	}
	return count(n) + " areas for improvement are"
}

func formsWords(n int) string {
	if n == 1 {
		return "one participant"
	}
	return count(n) + " participants"
}

// SummaryStrengths are the strengths the executive summary names, in its
// order.
func (r *Report) SummaryStrengths() []Finding {
	var out []Finding
	for _, id := range r.Summary.Strengths {
		if k := slices.IndexFunc(r.Strengths, func(f Finding) bool { return f.ID == id }); k >= 0 {
			out = append(out, r.Strengths[k])
		}
	}
	return out
}

// SummaryImprovements are the areas for improvement it names.
func (r *Report) SummaryImprovements() []Improvement {
	var out []Improvement
	for _, id := range r.Summary.Improvements {
		if k := slices.IndexFunc(r.Improvements, func(f Improvement) bool { return f.ID == id }); k >= 0 {
			out = append(out, r.Improvements[k])
		}
	}
	return out
}

// ratingRows are the objectives' ratings, one row each, as the summary
// and the analysis set them out.
func (r *Report) ratingRows() [][]string {
	var rows [][]string
	for _, oa := range r.Objectives {
		row := []string{oa.ID}
		for _, s := range oa.Sides {
			row = append(row, ratingCell(&s))
		}
		rows = append(rows, row)
	}
	return rows
}
