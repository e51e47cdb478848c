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
// message, an evaluator's observation, the hotwash's answer to a question,
// a row of the improvement plan, the class's pace. Its fields are pickers
// (←/→), one-line inputs and text areas; tab moves between them, ctrl+s
// sends (or sets), esc cancels. What the engine would refuse is said in the form, which stays
// open with everything typed; warn checks the fields as they are typed.
type form struct {
	c      *common
	title  string
	intro  string // what the form is about, above its fields
	fields []field
	focus  int
	// send makes the command of what is filled in; it may set done.
	send func(f *form) game.Command
	done string // what the status line says when it is accepted
	warn func(f *form) string
	note string // what warn, or the engine, said last
	top  int    // the first block shown of a form taller than the screen
	// set, for a form that sets something other than a command, is what
	// ctrl+s asks for in place of send.
	set func(f *form) act
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

// valueOf is the value of the field with the label.
func (f *form) valueOf(label string) string {
	for i := range f.fields {
		if f.fields[i].label == label {
			return f.value(i)
		}
	}
	return ""
}

// messageForm is the control cell's ad-hoc inject: to whom, a title, and a
// Markdown body. It reaches players as an inject would.
func messageForm(c *common) *form {
	sc := c.g.Scenario()
	to := []choice{{"both delegations", "all"}, {injects.US.Title(), "us"}, {injects.CN.Title(), "cn"}}
	for _, t := range sc.Teams {
		to = append(to, choice{t.Name + " (" + sideCode(t.Side) + ")", t.ID})
	}
	f := &form{c: c, title: "Send a message, as an inject", done: "Message sent", focus: 1}
	f.fields = []field{{label: "To", choices: to}, {label: "Title", input: newInput(game.MaxTitleLen)}, {label: "Text", area: newArea()}}
	f.send = func(f *form) game.Command {
		a, _ := audienceOf(sc, f.value(0))
		return game.Command{Verb: game.SendMessage, To: a, Title: f.value(1), Text: f.value(2)}
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
	f := &form{c: c, title: "Write an observation", done: "Observation logged"}
	f.fields = []field{{label: "Objective", choices: objectives}, {label: "Team", choices: teams},
		{label: "Rating", choices: ratings}, {label: "Text", area: newArea()}}
	f.send = func(f *form) game.Command {
		var r game.Rating
		if v := f.value(2); v != "" {
			r.UnmarshalText([]byte(v))
		}
		return game.Command{Verb: game.Note, Objective: f.value(0), Team: f.value(1), Rating: r, Text: f.value(3)}
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
	f := &form{c: c, title: "The class's pace", fields: []field{wait, grace},
		intro: "Wait: how long the clock waits, in real time, for a team to answer what reaches it. " +
			"Grace: how long a team whose students have all gone waits for one of them before a bot plays it."}
	f.set = func(f *form) act {
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
	case msg.String() == "ctrl+s" && f.set != nil:
		a := f.set(f)
		a.close = true
		return a
	case msg.String() == "ctrl+s":
		c := f.send(f)
		if err := f.c.g.check(c); err != nil {
			f.note = "✗ " + err.Error()
			return act{}
		}
		a := command(c, f.done)
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
		f.check()
		return act{}
	case fl.input != nil && msg.String() == "enter":
		f.focus = (f.focus + 1) % len(f.fields)
		return act{cmd: f.focusField()}
	}
	return f.edit(msg)
}

// paste puts what the terminal pasted into the field being typed in.
func (f *form) paste(msg tea.PasteMsg) act {
	if f.fields[f.focus].choices != nil {
		return act{}
	}
	return f.edit(msg)
}

// edit gives a key or a paste to the input or text area in focus, then
// checks the fields again.
func (f *form) edit(msg tea.Msg) act {
	fl := &f.fields[f.focus]
	var cmd tea.Cmd
	if fl.input != nil {
		*fl.input, cmd = fl.input.Update(msg)
	} else {
		*fl.area, cmd = fl.area.Update(msg)
	}
	f.check()
	return act{cmd: cmd}
}

// check says, as the fields are typed, what warn finds wrong in them.
func (f *form) check() {
	if f.warn != nil {
		f.note = f.warn(f)
	}
}

// view draws the form in a box in the middle of the panels. A form taller
// than the panels shows the part around the field in focus.
func (f *form) view(w, h int) string {
	s := f.c.styles
	boxW := min(w-4, 76)
	inner := boxW - 4
	labelW := 10
	for _, fl := range f.fields {
		labelW = max(labelW, len(fl.label)+3) // "▸ ", the label and a space
	}
	var blocks [][]string // the intro, then a block for each field
	if f.intro != "" {
		blocks = append(blocks, append(strings.Split(wrap(f.intro, inner), "\n"), ""))
	}
	at := len(blocks) + f.focus
	for i := range f.fields {
		fl := &f.fields[i]
		label := pad(fl.label, labelW)
		if i == f.focus {
			label = s.Accent.Render("▸ " + pad(fl.label, labelW-2))
		}
		switch {
		case fl.choices != nil:
			v := fl.choices[fl.pick].label
			if i == f.focus {
				v = "← " + v + " →"
			}
			blocks = append(blocks, []string{label + cut(v, inner-labelW)})
		case fl.input != nil:
			fl.input.SetWidth(inner - labelW - 1)
			blocks = append(blocks, []string{label + fl.input.View()})
		default:
			fl.area.SetWidth(inner)
			blocks = append(blocks, append([]string{label}, strings.Split(fl.area.View(), "\n")...))
		}
	}
	foot := []string{""}
	if f.note != "" {
		style := s.Warn
		if strings.HasPrefix(f.note, "✗") {
			style = s.Bad
		}
		for _, l := range strings.Split(wrap(f.note, inner), "\n") {
			foot = append(foot, style.Render(l))
		}
	}
	var hint []string
	for _, b := range f.help() {
		hint = append(hint, b.Help().Key+" "+b.Help().Desc)
	}
	foot = append(foot, s.Dim.Render(cut(strings.Join(hint, " · "), inner)))
	head := []string{s.Title.Render(f.title), ""}
	room := max(1, h-2-len(head)-len(foot)) // the box's border takes two lines
	shown := blocksIn(blocks, &f.top, at, room)
	body := strings.Join(append(append(head, shown...), foot...), "\n")
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, s.Form.Width(boxW).Render(body))
}

// help is the form's keys: tab when it has more than one field, ←/→ when
// one is a picker.
func (f *form) help() []key.Binding {
	var keys []key.Binding
	if len(f.fields) > 1 {
		keys = append(keys, key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")))
	}
	if slices.ContainsFunc(f.fields, func(fl field) bool { return fl.choices != nil }) {
		keys = append(keys, withHelp(f.c.keys.Left, "←/→", "change"))
	}
	return append(keys,
		key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", f.verb())),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")))
}

// verb is what ctrl+s does.
func (f *form) verb() string {
	if f.set != nil {
		return "set"
	}
	return "send"
}

func (f *form) region() region { return overPanels }

// opening opens the form over the screen, its first field focused.
func (f *form) opening() act { return act{open: f, cmd: f.focusField()} }
