package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/game/debrief"
)

// questions is the Hotwash panel of the hotwash record: the after-action
// report's questions for the room, ranked, each with why it is asked and
// the answer the hotwash recorded. enter types the selected question's
// answer; n records a question the room asked that the report did not.
type questions struct {
	reportList
	err error
}

func newQuestions(c *common) *questions {
	q := &questions{reportList: reportList{c: c}}
	q.write = q.entriesOf
	return q
}

func (q *questions) title() string { return "Hotwash" }

// setReport shows the questions of a report made again, and the answers
// in it, or why it could not be made.
func (q *questions) setReport(rep *debrief.Report, err error) {
	q.reportList.setReport(rep)
	q.err = err
}

func (q *questions) asked() []debrief.Question {
	if q.rep == nil {
		return nil
	}
	return q.rep.Hotwash.Questions
}

func (q *questions) update(msg tea.KeyPressMsg) act {
	k := q.c.keys
	asked := q.asked()
	switch {
	case q.rep == nil, q.move(msg, len(asked)):
	case key.Matches(msg, k.Open) && len(asked) > 0:
		return answerForm(q.c, asked[q.cursor]).opening()
	case key.Matches(msg, k.New):
		return roomQuestionForm(q.c, nextKey(asked)).opening()
	}
	return act{}
}

func (q *questions) help() []key.Binding {
	k := q.c.keys
	return []key.Binding{k.Up, k.Down, withHelp(k.Open, "enter", "answer"), withHelp(k.New, "n", "new question")}
}

// entriesOf writes each question: its key, when and why it is asked, its
// words and the answer recorded.
func (q *questions) entriesOf() [][]string {
	s, w := q.c.styles, q.w
	var entries [][]string
	for _, a := range q.asked() {
		b := []string{"  " + s.Bold.Render(a.ID) + "  " + s.Dim.Render(a.At.Time+" · "+a.Why)}
		b = append(b, indented(a.Text, 6, w)...)
		if a.Answer == "" {
			b = append(b, "      "+s.Dim.Render("No answer recorded yet: enter types one."))
		} else {
			b = append(b, indented(s.Good.Render("✓ ")+"Answer: "+a.Answer, 6, w)...)
		}
		entries = append(entries, append(b, ""))
	}
	return entries
}

func (q *questions) view() string {
	s, w := q.c.styles, q.w
	switch {
	case q.err != nil:
		return s.Bad.Render(wrap("The report could not be made from the log: "+q.err.Error(), w))
	case q.rep == nil:
		return s.Dim.Render("Reading the run for the hotwash's questions…")
	}
	h := q.rep.Hotwash
	if len(h.Questions) == 0 {
		return s.Dim.Render(wrap("The run raised no question for the hotwash. n records a question the room asked, with its answer.", w))
	}
	ranked := min(h.Raised, debrief.MaxQuestions)
	var head string
	switch {
	case ranked == 0:
		head = "The run raised no question for the hotwash"
	case h.Raised > ranked:
		head = fmt.Sprintf("The hotwash: the %d weightiest of the %d questions the run raised, ranked, about six minutes each", ranked, h.Raised)
	default:
		head = "The hotwash: " + countWords(ranked, "question") + " the run raised, ranked, about six minutes each"
	}
	if room := len(h.Questions) - ranked; room > 0 {
		head += "; " + countWords(room, "question") + " the room asked"
	}
	return q.show(head + ". enter types the selected question's answer; n records a question the room asked.")
}

// indented wraps text into lines of w cells, each indented by n spaces.
func indented(text string, n, w int) []string {
	lines := strings.Split(wrap(text, max(10, w-n)), "\n")
	for i := range lines {
		lines[i] = strings.Repeat(" ", n) + strings.TrimRight(lines[i], " ")
	}
	return lines
}

// nextKey is the key of a question the room adds: the one after the
// highest Q-number.
func nextKey(asked []debrief.Question) string {
	n := 0
	for _, a := range asked {
		var k int
		if _, err := fmt.Sscanf(a.ID, "Q%d", &k); err == nil {
			n = max(n, k)
		}
	}
	return fmt.Sprintf("Q%d", n+1)
}

// answerForm records the hotwash's answer to one of its questions; an
// answer cleared withdraws the one recorded.
func answerForm(c *common, q debrief.Question) *form {
	answer := newArea()
	answer.SetHeight(6)
	answer.SetValue(q.Answer)
	f := &form{c: c, title: q.ID + ": the hotwash's answer", intro: q.Text}
	f.fields = []field{{label: "Answer", area: answer}}
	f.send = func(f *form) game.Command {
		f.done = q.ID + ": the answer is recorded"
		if strings.TrimSpace(f.value(0)) == "" {
			f.done = q.ID + ": the answer is withdrawn"
		}
		return game.Command{Verb: game.AnswerHotwash, Question: q.ID, Title: q.Text, Text: f.value(0)}
	}
	return f
}

// roomQuestionForm records a question the room asked that the report did
// not, with its answer, under the next key.
func roomQuestionForm(c *common, key string) *form {
	question, answer := newArea(), newArea()
	question.SetHeight(2)
	answer.SetHeight(5)
	f := &form{c: c, title: key + ": a question the room asked", intro: "The report lists it after its own, with its answer.",
		done: key + ": the question and its answer are recorded"}
	f.fields = []field{{label: "Question", area: question}, {label: "Answer", area: answer}}
	f.warn = func(f *form) string {
		if strings.TrimSpace(f.value(0)) != "" && strings.TrimSpace(f.value(1)) == "" {
			return "A question is recorded with the room's answer: type it under Answer."
		}
		return ""
	}
	f.send = func(f *form) game.Command {
		return game.Command{Verb: game.AnswerHotwash, Question: key, Title: f.value(0), Text: f.value(1)}
	}
	return f
}
