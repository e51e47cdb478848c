package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// board is what the class joins with (the join line with the machine's
// address, the host key, the codes), over the console from the moment the
// class is served until the facilitator has written it up and puts it
// away; B brings it back, and Seats lists it too. The clock's keys, help
// and quit work under it.
type board struct {
	c     *common
	lines []string
}

func (b *board) update(msg tea.KeyPressMsg) act {
	k := b.c.keys
	switch {
	case key.Matches(msg, k.Open), key.Matches(msg, k.Back):
		a := say(statusInfo, "The board is on Seats too; B shows it here again.")
		a.close = true
		return a
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		return act{}
	}
	return act{pass: true}
}

func (b *board) view(w, h int) string {
	s := b.c.styles
	var t strings.Builder
	t.WriteString(s.Title.Render("Write this on the board") + "\n\n")
	for _, l := range b.lines {
		t.WriteString(cut(l, w-8) + "\n")
	}
	t.WriteString("\n" + s.Dim.Render("enter puts it away (B brings it back) · the facilitator's code is yours alone"))
	out := s.Modal.Render(t.String())
	if lipgloss.Height(out) > h {
		out = s.Modal.Render(strings.ReplaceAll(t.String(), "\n\n", "\n"))
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, out)
}

func (b *board) help() []key.Binding {
	k := b.c.keys
	return append([]key.Binding{withHelp(k.Open, "enter", "put it away")}, b.c.seatKeys(false)...)
}

func (b *board) region() region { return overPanels }
