package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/injects"
)

// script is the facilitator's master scenario events list: every inject in
// the order the script runs it, with where it stands, above the selected
// inject's card (to whom, the objectives it serves, the controller's
// notes, its choices, what can be done to it now, and its text). f fires
// the selected inject, h holds or releases it, x skips it.
type script struct {
	c      *common
	rows   []int // inject indexes, in the order of the script
	cursor int
	top    int
	scroll scrollState
	w, h   int
}

func newScript(c *common) *script { return &script{c: c} }

func (sp *script) title() string { return "Script" }

func (sp *script) badge() string { return "" }

func (sp *script) setSize(w, h int) { sp.w, sp.h = w, h }

// refresh orders every inject as the script runs: what has fired by when
// it fired, then what is due by when it is due, then the rest (waiting on a
// condition or another inject, or held in reserve) in file order.
func (sp *script) refresh() {
	st, sc := sp.c.g.State(), sp.c.g.Scenario()
	sel := -1
	if len(sp.rows) > 0 {
		sel = sp.rows[min(sp.cursor, len(sp.rows)-1)]
	}
	rows := sp.rows[:0]
	for i := range sc.Injects {
		rows = append(rows, i)
	}
	when := func(i int) (int, time.Duration) {
		is := &st.Injects[i]
		switch is.Status {
		case game.Fired:
			return 0, is.FiredAt
		case game.Scheduled:
			return 0, is.Due
		case game.Waiting:
			if t := sc.Injects[i].Trigger; t.Kind == injects.At {
				return 0, t.At
			}
		}
		return 1, 0
	}
	slices.SortStableFunc(rows, func(a, b int) int {
		ka, ta := when(a)
		kb, tb := when(b)
		return cmp.Or(cmp.Compare(ka, kb), cmp.Compare(ta, tb))
	})
	sp.rows = rows
	sp.cursor = 0
	for k, i := range rows {
		if i == sel {
			sp.cursor = k
		}
	}
}

// selected is the selected inject, if there is one.
func (sp *script) selected() (int, bool) {
	if len(sp.rows) == 0 {
		return 0, false
	}
	return sp.rows[min(sp.cursor, len(sp.rows)-1)], true
}

// status says where an inject stands, in the MSEL's words.
func (sp *script) status(i int) string {
	s, st, sc := sp.c.styles, sp.c.g.State(), sp.c.g.Scenario()
	is, in := &st.Injects[i], &sc.Injects[i]
	held := ""
	if is.Held && is.Status != game.Fired {
		held = s.Warn.Render("HELD ")
	}
	switch is.Status {
	case game.Fired:
		by := ""
		if is.FiredBy != "" {
			by = " by hand"
		}
		return s.Good.Render("fired") + by
	case game.Skipped:
		return s.Dim.Render("skipped")
	case game.Cancelled:
		return s.Dim.Render("cancelled by the story")
	case game.Scheduled:
		return held + "due " + short(sc, is.Due)
	}
	switch t := in.Trigger; t.Kind {
	case injects.At:
		return held + "pending"
	case injects.After:
		return held + "after " + t.After
	case injects.When:
		return held + "on a condition"
	}
	return held + s.Dim.Render("reserve")
}

func (sp *script) update(msg tea.KeyPressMsg) act {
	k := sp.c.keys
	i, ok := sp.selected()
	if !ok {
		return act{}
	}
	in := &sp.c.g.Scenario().Injects[i]
	switch {
	case key.Matches(msg, k.Up):
		sp.cursor, sp.scroll.offset = max(0, sp.cursor-1), 0
	case key.Matches(msg, k.Down):
		sp.cursor, sp.scroll.offset = min(len(sp.rows)-1, sp.cursor+1), 0
	case key.Matches(msg, k.PageDn):
		sp.scroll.offset += 5
	case key.Matches(msg, k.PageUp):
		sp.scroll.offset = max(0, sp.scroll.offset-5)
	case key.Matches(msg, k.Fire):
		return command(game.Command{Verb: game.FireInject, Inject: in.ID}, "Fired: "+in.Title)
	case key.Matches(msg, k.Hold):
		if sp.c.g.State().Injects[i].Held {
			return command(game.Command{Verb: game.ReleaseInject, Inject: in.ID}, "Released: "+in.Title)
		}
		return command(game.Command{Verb: game.HoldInject, Inject: in.ID}, "Held: "+in.Title)
	case key.Matches(msg, k.Skip):
		if err := sp.c.g.check(game.Command{Verb: game.SkipInject, Inject: in.ID}); err != nil {
			return failed(err)
		}
		return act{open: &confirm{c: sp.c, question: "Skip “" + in.Title + "”? y/n", words: "It will not fire; a skip cannot be undone.",
			yes: command(game.Command{Verb: game.SkipInject, Inject: in.ID}, "Skipped: "+in.Title)}}
	}
	return act{}
}

func (sp *script) help() []key.Binding {
	k := sp.c.keys
	return []key.Binding{k.Up, k.Down, k.Fire, k.Hold, k.Skip}
}

// render renders the selected inject's Markdown ahead of its card.
func (sp *script) render() {
	if i, ok := sp.selected(); ok {
		in := &sp.c.g.Scenario().Injects[i]
		sp.c.md.render(mdKey{"inject", in.ID, sp.w}, in.Body)
	}
}

// view lists the script above the selected inject's card.
func (sp *script) view() string {
	w, h := sp.w, sp.h
	s, st, sc := sp.c.styles, sp.c.g.State(), sp.c.g.Scenario()
	listH := min(len(sp.rows)+1, max(4, h*3/5))
	rows := listH - 1
	sp.top = min(max(sp.top, sp.cursor-rows+1), sp.cursor)
	sp.top = max(0, min(sp.top, len(sp.rows)-rows))
	const colWhen, colTo, colStatus = 14, 8, 24
	head := "  " + pad("WHEN", colWhen) + " " + pad("TO", colTo) + " " + pad("STATUS", colStatus) + " INJECT"
	lines := []string{s.Dim.Render(pad(head, w))}
	for k := sp.top; k < len(sp.rows) && len(lines) <= rows; k++ {
		i := sp.rows[k]
		in, is := &sc.Injects[i], &st.Injects[i]
		when := "—"
		switch {
		case is.Status == game.Fired:
			when = short(sc, is.FiredAt)
		case is.Status == game.Scheduled:
			when = short(sc, is.Due)
		case in.Trigger.Kind == injects.At:
			when = short(sc, in.Trigger.At)
		}
		line := "  " + pad(when, colWhen) + " " + pad(strings.Trim(audienceTag(in.To), "[]"), colTo) + " " +
			pad(sp.status(i), colStatus) + " " + in.Title
		line = cut(line, w)
		if k == sp.cursor {
			line = s.Selected.Render(pad("▸"+line[1:], w))
		}
		lines = append(lines, line)
	}
	for len(lines) < listH {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n") + "\n" + s.hrule("controller's card", w) + "\n" + sp.card(w, h-listH-1)
}

// moves says what the control cell can do to inject i now, and why not
// what it cannot: firing an inject of a part of the story not yet begun,
// anything to an inject that has fired.
func (sp *script) moves(i, w int) string {
	g, k := sp.c.g, sp.c.keys
	s, st := sp.c.styles, g.State()
	in := &g.Scenario().Injects[i]
	var can []string
	var why error
	for _, c := range []struct {
		verb  game.Verb
		k     key.Binding
		words string
	}{
		{game.FireInject, k.Fire, "fire now"},
		{game.HoldInject, k.Hold, "hold"},
		{game.ReleaseInject, k.Hold, "release"},
		{game.SkipInject, k.Skip, "skip"},
	} {
		if c.verb == game.HoldInject && st.Injects[i].Held || c.verb == game.ReleaseInject && !st.Injects[i].Held {
			continue // h does the other
		}
		err := g.check(game.Command{Verb: c.verb, Inject: in.ID})
		switch {
		case err == nil:
			can = append(can, s.Accent.Render(c.k.Help().Key)+" "+c.words)
		case c.verb == game.FireInject:
			why = err
		}
	}
	var b strings.Builder
	if len(can) > 0 {
		b.WriteString(hang("You can: ", strings.Join(can, " · "), w) + "\n")
	}
	if why != nil && len(can) > 0 {
		// Nothing at all is possible once an inject has fired, been
		// skipped or cancelled, as its status says; f alone is refused to
		// an inject whose part of the story has not begun.
		b.WriteString(s.Dim.Render(hang("Why not f: ", why.Error(), w)) + "\n")
	}
	return b.String()
}

// card shows the selected inject as the control cell needs it.
func (sp *script) card(w, h int) string {
	i, ok := sp.selected()
	if !ok {
		return ""
	}
	g := sp.c.g
	s, sc := sp.c.styles, g.Scenario()
	in := &sc.Injects[i]
	var b strings.Builder
	b.WriteString(s.Title.Render(in.Title) + s.Dim.Render("  "+in.ID) + "\n")
	b.WriteString(s.Dim.Render(cut(fmt.Sprintf("%s to %s from %s · %s", in.Channel.Title(), audienceName(sc, in.To), sender(sc, in), sp.status(i)), w)) + "\n")
	if len(in.Objectives) > 0 {
		b.WriteString(cut("Objectives: "+strings.Join(in.Objectives, ", "), w) + "\n")
	}
	// What can be done to it comes before the notes, in sight whatever the
	// window's height.
	b.WriteString(sp.moves(i, w))
	if in.Notes != "" {
		b.WriteString(s.Warn.Render("Controller's notes") + "\n" + wrap(strings.Join(strings.Fields(in.Notes), " "), w) + "\n")
	}
	if len(in.Choices) > 0 {
		b.WriteString(choicesView(sp.c, false, i, w))
	}
	b.WriteString(sp.c.md.get(mdKey{"inject", in.ID, w}, in.Body))
	return scrolled(b.String(), &sp.scroll, h)
}
