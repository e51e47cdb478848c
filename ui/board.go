package ui

import (
	"cmp"
	"fmt"
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
	top   int    // the first line shown of a board taller than the screen
	away  string // what the status line says once it is put away
}

func (b *board) update(msg tea.KeyPressMsg) act {
	k := b.c.keys
	switch {
	case key.Matches(msg, k.Open), key.Matches(msg, k.Back):
		a := say(statusInfo, cmp.Or(b.away, "The board is on Seats too; B shows it here again."))
		a.close = true
		return a
	case key.Matches(msg, k.Up):
		b.top = max(0, b.top-1)
		return act{}
	case key.Matches(msg, k.Down):
		b.top++
		return act{}
	case key.Matches(msg, k.PageUp):
		b.top = max(0, b.top-10)
		return act{}
	case key.Matches(msg, k.PageDn):
		b.top += 10
		return act{}
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		return act{}
	}
	return act{pass: true}
}

// view draws the board in a box; one taller than the screen shows the
// part from top, and ↑/↓ move it.
func (b *board) view(w, h int) string {
	s := b.c.styles
	foot := s.Dim.Render("enter puts it away (B brings it back) · the facilitator's code is yours alone")
	room := max(1, h-6) // the box's border and padding, the title and the foot
	lines := b.lines
	if len(lines) > room {
		b.top = min(b.top, len(lines)-room)
		lines = lines[b.top : b.top+room]
		foot = s.Dim.Render(fmt.Sprintf("↑/↓ scroll (lines %d–%d of %d) · ", b.top+1, b.top+room, len(b.lines))) + foot
	}
	var t strings.Builder
	t.WriteString(s.Title.Render("Write this on the board") + "\n")
	for _, l := range lines {
		t.WriteString(cut(l, w-8) + "\n")
	}
	t.WriteString(cut(foot, w-8))
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, s.Modal.Render(t.String()))
}

func (b *board) help() []key.Binding {
	k := b.c.keys
	return append([]key.Binding{withHelp(k.Open, "enter", "put it away")}, b.c.seatKeys(false)...)
}

func (b *board) region() region { return overPanels }
