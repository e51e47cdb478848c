package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
)

// decline picks the legal ground to decline the selected part of an open
// request on: the request's detail, with the grounds where its actions
// were. A digit declines on that ground, esc cancels, pgup/pgdn scroll the
// request; tab leaves it for the next panel, and the clock's keys, help and
// quit work under it.
type decline struct {
	r *requests // the request detail it declines a part of
}

func (x *decline) update(msg tea.KeyPressMsg) act {
	r := x.r
	k, g := r.c.keys, r.c.g
	req := &g.Scenario().Requests[r.open]
	switch {
	case key.Matches(msg, k.Back):
		return act{close: true}
	case key.Matches(msg, k.Option):
		n := int(msg.String()[0] - '0')
		if n < 1 || n > len(req.Grounds) {
			return act{}
		}
		el := req.Elements[r.part]
		a := command(game.Command{Team: g.lead(), Verb: game.Decline, Request: req.ID, Element: el.ID, Ground: req.Grounds[n-1]},
			"Declined the "+el.Kind.Noun()+" of "+req.ID)
		a.close = true
		return a
	case r.page(msg):
		return act{}
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		return act{close: true, pass: true}
	case key.Matches(msg, k.Up), key.Matches(msg, k.Down):
		return act{} // the part stays the one being declined
	}
	return act{pass: true}
}

func (x *decline) view(w, h int) string { return x.r.detailView(w, h, true) }

func (x *decline) help() []key.Binding {
	k := x.r.c.keys
	return append([]key.Binding{withHelp(k.Option, "1-9", "ground"), withHelp(k.Back, "esc", "cancel")}, x.r.c.seatKeys(true)...)
}

func (x *decline) region() region { return overPanels }
