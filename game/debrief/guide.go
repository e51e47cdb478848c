package debrief

import (
	"fmt"
	"io"
	"strings"

	"hotline/injects"
)

// EvaluationGuide is the Exercise Evaluation Guide (HSEEP's EEG): for each
// objective, the critical tasks an evaluator watches for, with room to
// note when and how each was done and to rate the objective for each
// delegation. It names the script's requests and decisions, so it is for
// evaluators and the control cell, not players.
type EvaluationGuide struct {
	Scenario    Scenario    `json:"scenario"`
	Status      string      `json:"status"`
	Particulars []Entry     `json:"particulars,omitempty"`
	Scale       []Entry     `json:"scale"` // P, S, M, U and what each means
	Objectives  []GuideItem `json:"objectives"`
	Delegations []string    `json:"delegations"`
}

// GuideItem is one objective of the guide and its critical tasks.
type GuideItem struct {
	ID    string   `json:"id"`
	Text  string   `json:"text"`
	Tasks []string `json:"tasks"`
	// Derived is set when the tasks are those the objective's injects and
	// requests set, not the file's own.
	Derived bool `json:"derived"`
}

// NewEvaluationGuide writes the Exercise Evaluation Guide of a scenario.
func NewEvaluationGuide(sc *injects.Scenario, s Sitting) *EvaluationGuide {
	g := &EvaluationGuide{Scenario: scenarioOf(sc), Status: s.status(), Particulars: particulars(s.over(sc.Exercise)),
		Delegations: []string{injects.US.Title(), injects.CN.Title()}}
	for _, r := range []string{"P", "S", "M", "U"} {
		g.Scale = append(g.Scale, Entry{Name: r, Text: RatingWords(r)})
	}
	for i := range sc.Objectives {
		o := &sc.Objectives[i]
		item := GuideItem{ID: o.ID, Text: oneLine(o.Text)}
		for _, t := range o.Tasks {
			item.Tasks = append(item.Tasks, oneLine(t))
		}
		if len(item.Tasks) == 0 {
			item.Tasks, item.Derived = criticalTasks(sc, o), true
		}
		g.Objectives = append(g.Objectives, item)
	}
	return g
}

// criticalTasks are what an objective's injects and requests ask of the
// players, a line for each kind of task so that the guide stays short:
// the decisions to take by their deadlines, the requests to send well,
// the requests to answer part by part in time.
func criticalTasks(sc *injects.Scenario, o *injects.Objective) []string {
	var decide, send, answer []string
	for _, id := range o.Injects {
		i, ok := sc.InjectIndex(id)
		if !ok || len(sc.Injects[i].Choices) == 0 {
			continue
		}
		in := &sc.Injects[i]
		who := sideShort(audienceSide(in.To))
		if in.Deadline != nil {
			who += ", " + injects.FormatDuration(in.Deadline.Within)
		}
		decide = append(decide, "“"+oneLine(in.Title)+"” ("+who+")")
	}
	for _, id := range linkedRequests(sc, o) {
		i, ok := sc.RequestIndex(id)
		if !ok {
			continue
		}
		r := &sc.Requests[i]
		if r.Available != nil {
			send = append(send, "“"+oneLine(r.Subject)+"” ("+sideShort(r.From.String())+")")
		}
		last := r.Elements[len(r.Elements)-1].Due
		for _, e := range r.Elements {
			last = max(last, e.Due)
		}
		answer = append(answer, fmt.Sprintf("“%s” (%s, acknowledged within %s, all within %s)", oneLine(r.Subject),
			sideShort(r.To.String()), injects.FormatDuration(r.Elements[0].Due), injects.FormatDuration(last)))
	}
	var tasks []string
	if len(decide) > 0 {
		tasks = append(tasks, "Decide by the deadline, weighing what each choice costs: "+strings.Join(decide, "; ")+".")
	}
	if len(send) > 0 {
		tasks = append(tasks, "Send under the commitment that covers the matter, with the technical material attached: "+strings.Join(send, "; ")+".")
	}
	if len(answer) > 0 {
		tasks = append(tasks, "Answer each part by its due time, and decline only on a ground that covers the part: "+strings.Join(answer, "; ")+".")
	}
	if len(tasks) == 0 {
		tasks = append(tasks, "No inject or request of the scenario exercises this objective: note what the delegations do towards it.")
	}
	return tasks
}

func (g *EvaluationGuide) chrome() chrome {
	return chrome{Edition: "Exercise Evaluation Guide", Title: g.Scenario.Title, Mark: "For evaluators and the control cell: names the script", Status: g.Status}
}

// WriteMarkdown writes the guide as Markdown.
func (g *EvaluationGuide) WriteMarkdown(w io.Writer) error {
	m := &md{}
	m.raw(g.chrome().line() + "\n\n")
	m.h(1, "Exercise Evaluation Guide: "+g.Scenario.Title)
	m.p("Hotline tabletop exercise of the US–China cybercrime mechanism of 2015. For evaluators: watch for each critical task, note when and how it was done, and rate each objective for each delegation. It names requests and decisions of the script: do not hand it to players.")
	fields := append([][]string{}, entryRows(g.Particulars)...)
	fields = append(fields, []string{"Evaluator", " "}, []string{"Delegation or team watched", " "})
	m.table([]string{"", ""}, fields)
	var scale []string
	for _, e := range g.Scale {
		scale = append(scale, e.Name+" "+e.Text)
	}
	m.p("Ratings on HSEEP's scale: " + strings.Join(scale, "; ") + ".")
	for _, o := range g.Objectives {
		m.h(2, o.ID+": "+o.Text)
		var rows [][]string
		for _, t := range o.Tasks {
			rows = append(rows, []string{t, " ", " "})
		}
		m.table([]string{"Critical task", "Observed (story time)", "Notes"}, rows)
		if o.Derived {
			m.p("The tasks are those the objective's injects and requests set; the file may word its own (tasks: under the objective).")
		}
		var rating [][]string
		for _, d := range g.Delegations {
			rating = append(rating, []string{d, "P · S · M · U", " "})
		}
		m.table([]string{"Delegation", "Rating (circle one)", "Why"}, rating)
	}
	return m.done(w)
}

// WriteHTML writes the guide as one self-contained HTML page.
func (g *EvaluationGuide) WriteHTML(w io.Writer) error {
	return writePage(w, "guide", "Exercise Evaluation Guide: "+g.Scenario.Title, "the scenario "+g.Scenario.ID, g.chrome(), g)
}

func entryRows(es []Entry) [][]string {
	var out [][]string
	for _, e := range es {
		out = append(out, []string{e.Name, e.Text})
	}
	return out
}
