package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// keyHelp is the full help over the panels: every key that does something
// where the person was when they asked. ? or esc closes it; the clock's
// keys and quit work under it.
type keyHelp struct {
	c    *common
	keys [][]key.Binding
}

func (x *keyHelp) update(msg tea.KeyPressMsg) act {
	k := x.c.keys
	switch {
	case key.Matches(msg, k.Help), key.Matches(msg, k.Back):
		return act{close: true}
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		return act{} // the help is of this panel
	}
	return act{pass: true}
}

func (x *keyHelp) view(w, _ int) string {
	s := x.c.styles
	x.c.help.SetWidth(w)
	return s.Title.Render("Keys") + s.Dim.Render("  (? closes)") + "\n\n" + x.c.help.FullHelpView(x.keys)
}

func (x *keyHelp) help() []key.Binding {
	k := x.c.keys
	own := []key.Binding{withHelp(k.Help, "?", "close"), withHelp(k.Back, "esc", "close")}
	return append(own, missing(own, x.c.seatKeys(false)...)...)
}

func (x *keyHelp) region() region { return overPanels }
