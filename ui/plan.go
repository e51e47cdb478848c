package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/game/debrief"
	"hotline/injects"
)

// plan is the Improvement plan panel of the hotwash record: a row for each
// area for improvement the after-action report finds, and for each issue
// the hotwash raised, with the corrective action agreed on it in HSEEP's
// columns. enter records the selected row's action, a a second action on
// its issue, n an issue the room raised; x withdraws an action.
type plan struct{ reportList }

func newPlan(c *common) *plan {
	p := &plan{reportList{c: c}}
	p.write = p.entriesOf
	return p
}

func (p *plan) title() string { return "Improvement plan" }

func (p *plan) rows() []debrief.PlanRow {
	if p.rep == nil {
		return nil
	}
	return p.rep.Plan
}

func (p *plan) update(msg tea.KeyPressMsg) act {
	k := p.c.keys
	rows := p.rows()
	if p.rep == nil || p.move(msg, len(rows)) {
		return act{}
	}
	if key.Matches(msg, k.New) {
		return planForm(p.c, debrief.PlanRow{Row: freeKey(rows, "H1", "H%d")}, true).opening()
	}
	if len(rows) == 0 {
		return act{}
	}
	row := rows[p.cursor]
	switch {
	case key.Matches(msg, k.Open):
		return planForm(p.c, row, row.Area == "").opening()
	case key.Matches(msg, k.Add):
		base := row.Area
		if base == "" {
			base = row.Row
		}
		another := debrief.PlanRow{Row: freeKey(rows, "", base+"-%d"), Area: row.Area, Side: row.Side, Capability: row.Capability,
			Issue: row.Issue, Objectives: row.Objectives, Organization: row.Organization}
		return planForm(p.c, another, false).opening()
	case key.Matches(msg, k.Remove) && row.Action != "":
		return act{open: &confirm{c: p.c, question: "Withdraw row " + row.Row + "'s corrective action? y/n",
			words: "The row stays in the plan, with no action agreed.",
			yes:   command(game.Command{Verb: game.AgreeAction, Correction: game.CorrectiveAction{Row: row.Row}}, "Row "+row.Row+": the corrective action is withdrawn")}}
	}
	return act{}
}

func (p *plan) help() []key.Binding {
	k := p.c.keys
	return []key.Binding{k.Up, k.Down, withHelp(k.Open, "enter", "record action"), k.Add, withHelp(k.New, "n", "new issue"), withHelp(k.Remove, "x", "withdraw")}
}

// freeKey is a row key not yet in the plan: first, if given, else the
// pattern numbered from 1 (2 for a second action).
func freeKey(rows []debrief.PlanRow, first, pattern string) string {
	taken := func(k string) bool {
		return slices.ContainsFunc(rows, func(r debrief.PlanRow) bool { return r.Row == k })
	}
	if first != "" && !taken(first) {
		return first
	}
	for n := 2; ; n++ {
		if k := fmt.Sprintf(pattern, n); !taken(k) {
			return k
		}
	}
}

// entriesOf writes each row: its key and what it concerns, the issue, the
// core capability and the corrective action agreed, in HSEEP's columns.
func (p *plan) entriesOf() [][]string {
	s, w := p.c.styles, p.w
	var entries [][]string
	for _, r := range p.rows() {
		head := "  " + s.Bold.Render(r.Row)
		var about []string
		if side, ok := injects.ParseSide(r.Side); ok {
			about = append(about, side.Title())
		}
		if r.Area != "" && r.Area != r.Row {
			about = append(about, "on "+r.Area)
		}
		if r.Objectives != "" {
			about = append(about, r.Objectives)
		}
		if len(about) > 0 {
			head += "  " + s.Dim.Render(strings.Join(about, " · "))
		}
		b := []string{cut(head, w)}
		issue := indented(r.Issue, 6, w)
		if len(issue) > 3 {
			issue = append(issue[:2], cut(issue[2]+" …", w))
		}
		b = append(b, issue...)
		if r.Capability != "" {
			b = append(b, indented(s.Dim.Render("Core capability: ")+r.Capability, 6, w)...)
		}
		if r.Action == "" {
			b = append(b, "      "+s.Dim.Render("No corrective action agreed yet: enter records one."))
		} else {
			b = append(b, indented(s.Good.Render("✓ ")+"Action: "+r.Action, 6, w)...)
			for _, l := range columnsWords(r) {
				b = append(b, indented(s.Dim.Render(l), 8, w)...)
			}
		}
		entries = append(entries, append(b, ""))
	}
	return entries
}

// columnsWords are a row's other columns: what kind of action and who is
// responsible, then when.
func columnsWords(r debrief.PlanRow) []string {
	or := func(v, none string) string {
		if v == "" {
			return none
		}
		return v
	}
	return []string{
		fmt.Sprintf("%s · %s · contact: %s", or(r.Element, "no capability element"), or(r.Organization, "no organization"), or(r.Contact, "none")),
		fmt.Sprintf("from %s to %s", or(r.Start, "no start date"), or(r.Completion, "no completion date")),
	}
}

func (p *plan) view() string {
	if p.rep == nil {
		return p.c.styles.Dim.Render("Reading the run for the improvement plan…")
	}
	agreed := 0
	for _, r := range p.rep.Plan {
		if r.Action != "" {
			agreed++
		}
	}
	head := fmt.Sprintf("The improvement plan: %s for the areas for improvement, %s agreed. "+
		"enter records the selected row's corrective action; a adds another on its issue; n adds an issue the room raised; x withdraws an action.",
		countWords(len(p.rep.Improvements), "row"), countWords(agreed, "corrective action"))
	if len(p.entries) == 0 {
		head += "\n\nThe run shows no area for improvement. n adds an issue the room raised."
	}
	return p.show(head)
}

// planForm records a row's corrective action in HSEEP's columns, filled in
// as the row stands; open is set for a row whose issue is typed here (one
// the hotwash raised). The dates and the capability element are checked
// as they are typed.
func planForm(c *common, row debrief.PlanRow, open bool) *form {
	f := &form{c: c, title: "Row " + row.Row + ": the corrective action", done: "Row " + row.Row + ": the corrective action is recorded"}
	switch {
	case open && row.Issue == "":
		f.intro = "An issue the hotwash raised: say it, and what is to be done about it."
	case row.Area != "" && row.Area != row.Row:
		f.intro = "Another corrective action on " + row.Area + ": " + row.Issue
	default:
		f.intro = row.Issue
	}
	action := newArea()
	action.SetHeight(3)
	action.SetValue(row.Action)
	input := func(v, placeholder string) *textinput.Model {
		in := newInput(game.MaxTitleLen)
		in.SetValue(v)
		in.Placeholder = placeholder
		return in
	}
	elements := []choice{{"none yet", ""}}
	pick := 0
	for i, e := range game.CapabilityElements {
		elements = append(elements, choice{e, e})
		if e == row.Element {
			pick = i + 1
		}
	}
	if open {
		issue := newInput(game.MaxTextLen)
		issue.SetValue(row.Issue)
		f.fields = append(f.fields, field{label: "Issue", input: issue})
	}
	f.fields = append(f.fields,
		field{label: "Action", area: action},
		field{label: "Capability", input: input(row.Capability, "the core capability")},
		field{label: "Element", choices: elements, pick: pick},
		field{label: "Organization", input: input(row.Organization, "the primary responsible organization")},
		field{label: "Contact", input: input(row.Contact, "its point of contact")},
		field{label: "Start date", input: input(row.Start, "2026-12-01")},
		field{label: "Completion", input: input(row.Completion, "2027-03-01")})
	f.warn = func(f *form) string {
		if err := game.CheckCapabilityElement(f.valueOf("Element")); err != nil {
			return err.Error()
		}
		if err := game.CheckPlanDates(f.valueOf("Start date"), f.valueOf("Completion")); err != nil {
			return upperFirst(err.Error()) + "."
		}
		return ""
	}
	f.send = func(f *form) game.Command {
		issue := row.Issue
		if open {
			issue = f.valueOf("Issue")
		}
		return game.Command{Verb: game.AgreeAction, Correction: game.CorrectiveAction{Row: row.Row, Issue: row.Area, Title: issue,
			Action: f.valueOf("Action"), Capability: f.valueOf("Capability"), Element: f.valueOf("Element"),
			Organization: f.valueOf("Organization"), Contact: f.valueOf("Contact"),
			Start: f.valueOf("Start date"), Completion: f.valueOf("Completion")}}
	}
	return f
}
