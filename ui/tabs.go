package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
)

// A panel is a component behind a tab: the feed, the requests, the
// script. It owns its state, rebuilds what it lists when the game moves
// (refresh), takes the keys its root routes to it and answers with an act,
// draws itself at the size it was last given, and says which keys it
// answers to.
type panel interface {
	title() string
	badge() string // what waits in it, for its tab
	setSize(w, h int)
	refresh()
	update(msg tea.KeyPressMsg) act
	view() string
	help() []key.Binding
}

// Optional parts of a panel.
type (
	// A renderer renders, in Update, the Markdown it is about to show.
	renderer interface{ render() }
	// A preparer builds in Update a long text its view only cuts to size.
	preparer interface{ prepare() }
	// A noticer hears the news the seat is told, and may say something of
	// it or ask to be brought to the front.
	noticer interface{ notice(ev *game.Event) act }
	// A focuser is told when it comes to the front or leaves it.
	focuser interface{ setFocus(front bool) }
)

// tabs name a seat's panels, mark the one in front and say where
// something waits; they own which panel is in front.
type tabs struct {
	c      *common
	panels []panel
	front  int
}

func newTabs(c *common, panels []panel) *tabs {
	t := &tabs{c: c, panels: panels}
	t.show(0)
	return t
}

func (t *tabs) height() int { return 1 }

// focused is the panel in front.
func (t *tabs) focused() panel { return t.panels[t.front] }

// show brings panel i to the front.
func (t *tabs) show(i int) {
	t.front = i
	for k, p := range t.panels {
		if f, ok := p.(focuser); ok {
			f.setFocus(k == i)
		}
	}
}

// move brings the next (1) or the previous (-1) panel to the front.
func (t *tabs) move(d int) {
	n := len(t.panels)
	t.show(((t.front+d)%n + n) % n)
}

// bring brings p to the front, if it is one of the panels.
func (t *tabs) bring(p panel) {
	for i, q := range t.panels {
		if q == p {
			t.show(i)
		}
	}
}

// view names the panels, drawn once for every screen at the table that
// shows the same names with the same one in front, at the same width and
// background.
func (t *tabs) view(w int, active bool) string {
	var names strings.Builder
	for _, p := range t.panels {
		names.WriteString(p.title() + p.badge() + "\x00")
	}
	k := tabsKey{names: names.String(), front: t.front, active: active, w: w, dark: t.c.styles.IsDark}
	return t.c.shared.draw(k, func() string { return t.draw(w, active) })
}

// tabsKey is what the tabs' drawing depends on: a mark drawn from anything
// else belongs in it.
type tabsKey struct {
	names  string
	front  int
	active bool
	w      int
	dark   bool
}

// draw names the panels, the one in front in brackets while play goes on.
func (t *tabs) draw(w int, active bool) string {
	s := t.c.styles
	var names []string
	for i, p := range t.panels {
		name := p.title() + p.badge()
		if i == t.front && active {
			names = append(names, s.ActiveTab.Render("["+name+"]"))
		} else {
			names = append(names, s.Tab.Render(" "+name+" "))
		}
	}
	return pad(strings.Join(names, s.Rule.Render("│")), w)
}
