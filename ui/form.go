package ui

import (
	"cmp"
	"errors"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// form is a small dialog over the screen: the control cell's ad-hoc
// message, an evaluator's observation, the class's pace. Its fields are
// pickers (←/→), one-line inputs and a text area; tab moves between them,
// ctrl+s sends (or sets), esc cancels.
type form struct {
	c      *common
	title  string
	fields []field
	focus  int
	note   string          // what the form is for, under its title, if it needs saying
	verb   string          // what ctrl+s does: "send", "set"
	submit func(*form) act // what ctrl+s asks for
}

type field struct {
	label   string
	choices []choice // a picker, when set
	pick    int
	input   *textinput.Model
	area    *textarea.Model
}

type choice struct {
	label string
	value string
}

func (f *form) value(i int) string {
	fl := &f.fields[i]
	switch {
	case fl.choices != nil:
		return fl.choices[fl.pick].value
	case fl.input != nil:
		return fl.input.Value()
	}
	return fl.area.Value()
}

// messageForm is the control cell's ad-hoc inject: to whom, a title, and a
// Markdown body. It reaches players as an inject would.
func messageForm(c *common) *form {
	sc := c.g.Scenario()
	to := []choice{{"both delegations", "all"}, {injects.US.Title(), "us"}, {injects.CN.Title(), "cn"}}
	for _, t := range sc.Teams {
		to = append(to, choice{t.Name + " (" + sideCode(t.Side) + ")", t.ID})
	}
	f := &form{c: c, title: "Send a message, as an inject", verb: "send", focus: 1}
	f.fields = []field{{label: "To", choices: to}, {label: "Title", input: newInput(game.MaxTitleLen)}, {label: "Text", area: newArea()}}
	f.submit = func(f *form) act {
		a, _ := audienceOf(sc, f.value(0))
		return command(game.Command{Verb: game.SendMessage, To: a, Title: f.value(1), Text: f.value(2)}, "Message sent")
	}
	return f
}

// audienceOf reads a picker's value: all, a side, or a team, whose side
// the scenario says.
func audienceOf(sc *injects.Scenario, v string) (injects.Audience, bool) {
	a, err := injects.ParseAudience(v)
	if err != nil {
		return a, false
	}
	if a.Team != "" {
		t, ok := sc.Team(a.Team)
		if !ok {
			return a, false
		}
		a.Side = t.Side
	}
	return a, true
}

// noteForm is an evaluator's observation: the objective it bears on, the
// team (if one), a rating on HSEEP's scale (if any), and the text.
func noteForm(c *common) *form {
	sc := c.g.Scenario()
	var objectives []choice
	for _, o := range sc.Objectives {
		objectives = append(objectives, choice{o.ID, o.ID})
	}
	teams := []choice{{"no team in particular", ""}}
	for _, t := range sc.Teams {
		teams = append(teams, choice{t.Name, t.ID})
	}
	ratings := []choice{{"no rating", ""}}
	for r := game.RatedP; r <= game.RatedU; r++ {
		ratings = append(ratings, choice{r.String() + ": " + r.Words(), r.String()})
	}
	f := &form{c: c, title: "Write an observation", verb: "send"}
	f.fields = []field{{label: "Objective", choices: objectives}, {label: "Team", choices: teams},
		{label: "Rating", choices: ratings}, {label: "Text", area: newArea()}}
	f.submit = func(f *form) act {
		var r game.Rating
		if v := f.value(2); v != "" {
			r.UnmarshalText([]byte(v))
		}
		return command(game.Command{Verb: game.Note, Objective: f.value(0), Team: f.value(1), Rating: r, Text: f.value(3)}, "Observation logged")
	}
	return f
}

// paceForm sets the class's pace: how long the clock waits for a team to
// answer, and how long a team whose students have all gone waits for them
// before a bot plays it.
func paceForm(c *common) *form {
	g := c.g
	pace := g.Pace()
	steps := func(cur time.Duration, mins ...int) field {
		fl := field{choices: []choice{{"off", "off"}}}
		for _, m := range append(mins, int(cur/time.Minute)) {
			d := time.Duration(m) * time.Minute
			if d <= 0 || slices.ContainsFunc(fl.choices, func(ch choice) bool { return ch.value == d.String() }) {
				continue
			}
			fl.choices = append(fl.choices, choice{span(d), d.String()})
		}
		slices.SortStableFunc(fl.choices[1:], func(a, b choice) int {
			da, _ := time.ParseDuration(a.value)
			db, _ := time.ParseDuration(b.value)
			return cmp.Compare(da, db)
		})
		fl.pick = max(0, slices.IndexFunc(fl.choices, func(ch choice) bool { return ch.value == cur.String() }))
		return fl
	}
	wait := steps(pace.Wait, 3, 5, 10, 15, 20, 30)
	wait.label = "Wait"
	grace := steps(pace.Grace, 1, 2, 3, 5, 10, 15)
	grace.label = "Grace"
	f := &form{c: c, title: "The class's pace", verb: "set", fields: []field{wait, grace},
		note: "Wait: how long the clock waits, in real time, for a team to answer what reaches it. " +
			"Grace: how long a team whose students have all gone waits for one of them before a bot plays it."}
	f.submit = func(f *form) act {
		read := func(v string) time.Duration {
			if v == "off" {
				return table.Off
			}
			d, _ := time.ParseDuration(v)
			return d
		}
		wait, grace := read(f.value(0)), read(f.value(1))
		words := "The clock waits up to " + f.fields[0].choices[f.fields[0].pick].label + " for a team"
		if wait == table.Off {
			words = "The clock does not wait for the teams"
		}
		if grace == table.Off {
			words += "; no bot stands in for a team whose students have gone."
		} else {
			words += "; a bot plays a team " + span(grace) + " after its students have all gone."
		}
		return act{room: &change{do: func(tb *table.Table, a game.Actor) error {
			return errors.Join(tb.SetWait(a, wait), tb.SetGrace(a, grace))
		}, done: words}}
	}
	return f
}

func newInput(limit int) *textinput.Model {
	in := textinput.New()
	in.CharLimit = limit
	in.Prompt = ""
	st := in.Styles()
	st.Cursor.Blink = false // a steady cursor: no redraws over SSH for nothing
	in.SetStyles(st)
	return &in
}

func newArea() *textarea.Model {
	a := textarea.New()
	a.CharLimit = game.MaxTextLen
	a.ShowLineNumbers = false
	a.Prompt = ""
	a.SetHeight(5)
	st := a.Styles()
	st.Cursor.Blink = false
	a.SetStyles(st)
	return &a
}

// focusField focuses the form's current field and blurs the others.
func (f *form) focusField() tea.Cmd {
	var cmd tea.Cmd
	for i := range f.fields {
		fl := &f.fields[i]
		switch {
		case fl.input != nil && i == f.focus:
			cmd = fl.input.Focus()
		case fl.input != nil:
			fl.input.Blur()
		case fl.area != nil && i == f.focus:
			cmd = fl.area.Focus()
		case fl.area != nil:
			fl.area.Blur()
		}
	}
	return cmd
}

func (f *form) update(msg tea.KeyPressMsg) act {
	k := f.c.keys
	fl := &f.fields[f.focus]
	switch {
	case msg.String() == "esc":
		a := say(statusInfo, "Nothing sent.")
		a.close = true
		return a
	case msg.String() == "ctrl+s":
		a := f.submit(f)
		a.close = true
		return a
	case msg.String() == "tab", msg.String() == "shift+tab":
		dir := 1
		if msg.String() == "shift+tab" {
			dir = -1
		}
		f.focus = (f.focus + dir + len(f.fields)) % len(f.fields)
		return act{cmd: f.focusField()}
	case fl.choices != nil:
		switch {
		case key.Matches(msg, k.Left), msg.String() == "up":
			fl.pick = (fl.pick + len(fl.choices) - 1) % len(fl.choices)
		case key.Matches(msg, k.Right), msg.String() == "down", msg.String() == "space":
			fl.pick = (fl.pick + 1) % len(fl.choices)
		case msg.String() == "enter":
			f.focus = (f.focus + 1) % len(f.fields)
			return act{cmd: f.focusField()}
		}
		return act{}
	case fl.input != nil:
		if msg.String() == "enter" {
			f.focus = (f.focus + 1) % len(f.fields)
			return act{cmd: f.focusField()}
		}
		var cmd tea.Cmd
		*fl.input, cmd = fl.input.Update(msg)
		return act{cmd: cmd}
	}
	var cmd tea.Cmd
	*fl.area, cmd = fl.area.Update(msg)
	return act{cmd: cmd}
}

// paste puts what the terminal pasted into the text box in focus, as if
// typed; a picker takes none.
func (f *form) paste(msg tea.PasteMsg) act {
	var cmd tea.Cmd
	switch fl := &f.fields[f.focus]; {
	case fl.input != nil:
		*fl.input, cmd = fl.input.Update(msg)
	case fl.area != nil:
		*fl.area, cmd = fl.area.Update(msg)
	}
	return act{cmd: cmd}
}

// view draws the form in a box in the middle of the panels.
func (f *form) view(w, h int) string {
	s := f.c.styles
	boxW := min(w-4, 76)
	inner := boxW - 4
	var b strings.Builder
	b.WriteString(s.Title.Render(f.title) + "\n\n")
	if f.note != "" {
		b.WriteString(s.Dim.Render(hang("", f.note, inner)) + "\n\n")
	}
	for i := range f.fields {
		fl := &f.fields[i]
		label := pad(fl.label, 10)
		if i == f.focus {
			label = s.Accent.Render("▸ " + pad(fl.label, 8))
		}
		switch {
		case fl.choices != nil:
			v := fl.choices[fl.pick].label
			if i == f.focus {
				v = "← " + v + " →"
			}
			b.WriteString(label + cut(v, inner-10) + "\n")
		case fl.input != nil:
			fl.input.SetWidth(inner - 11)
			b.WriteString(label + fl.input.View() + "\n")
		default:
			fl.area.SetWidth(inner)
			b.WriteString(label + "\n" + fl.area.View() + "\n")
		}
	}
	b.WriteString("\n" + s.Dim.Render("tab next field · ←/→ change · ctrl+s "+f.verb+" · esc cancel"))
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, s.Form.Width(boxW).Render(b.String()))
}

func (f *form) help() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", f.verb)),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

func (f *form) region() region { return overPanels }

// opening opens the form over the screen, its first field focused.
func (f *form) opening() act { return act{open: f, cmd: f.focusField()} }
