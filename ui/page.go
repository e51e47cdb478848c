package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// page is what the panels that show a long text (the review, the log, the
// observations) share: a scroll position, the keys that move it, and the
// size they were given.
type page struct {
	c      *common
	scroll scrollState
	w, h   int
}

func (p *page) badge() string { return "" }

func (p *page) setSize(w, h int) { p.w, p.h = w, h }

func (p *page) refresh() {}

// update scrolls by a line or by the page's height.
func (p *page) update(msg tea.KeyPressMsg) act {
	p.scroll.key(p.c.keys, msg, max(1, p.h-2))
	return act{}
}

func (p *page) help() []key.Binding {
	k := p.c.keys
	return []key.Binding{k.Up, k.Down, k.PageDn}
}

// stamp is what a text was written for: the game, the state's sequence
// number and the width. Written again for the same stamp, it would be the
// same.
type stamp struct {
	g     *Game
	seq   int
	width int
}

// renew records a new stamp, and reports whether it differs from the last.
func (s *stamp) renew(g *Game, width int) bool {
	n := stamp{g, g.State().Seq, width}
	if n == *s {
		return false
	}
	*s = n
	return true
}
