package ui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hotline/game"
	"hotline/game/table"
)

// common is what the components of one screen share: the looks for the
// terminal's background, the keys, the help renderer, the Markdown
// renderings, the real clock, the game on the screen (which a replay or a
// scenario changed on disk replaces for every component at once), and the
// drawings shared with the other screens at the table.
type common struct {
	styles Styles
	keys   KeyMap
	help   help.Model
	md     renderings
	now    func() time.Time
	g      *Game
	shared *Shared
}

func newCommon(now func() time.Time) *common {
	if now == nil {
		now = time.Now
	}
	shared := NewShared()
	c := &common{keys: DefaultKeys(), help: help.New(), md: newMarkdown(shared), now: now, shared: shared}
	c.setStyles(NewStyles(true))
	return c
}

// share draws what the screens at the table draw alike once for all of
// them.
func (c *common) share(s *Shared) {
	if s != nil {
		c.shared, c.md.shared = s, s
	}
}

// setStyles changes the looks, for a light or a dark background; the
// briefings are rendered again for it as they are next shown.
func (c *common) setStyles(s Styles) {
	c.styles = s
	c.help.Styles = help.DefaultStyles(s.IsDark)
	c.help.Styles.ShortKey = lipgloss.NewStyle().Foreground(s.HelpKey)
	c.help.Styles.FullKey = lipgloss.NewStyle().Foreground(s.HelpKey)
	c.help.Styles.ShortDesc = lipgloss.NewStyle().Foreground(s.HelpDesc)
	c.help.Styles.FullDesc = lipgloss.NewStyle().Foreground(s.HelpDesc)
	c.md.dark = s.IsDark
}

// runsClock reports whether the seat keeps the story clock: once the
// exercise has ended, nobody does.
func (c *common) runsClock() bool { return c.g != nil && c.g.Actor.RunsClock() && !c.g.State().Ended }

// seatKeys are the keys that work anywhere on a seat's screen: the clock's
// where the seat keeps it, the tabs (when tabs is set), help and quit.
func (c *common) seatKeys(tabs bool) []key.Binding {
	k := c.keys
	var keys []key.Binding
	if c.runsClock() {
		keys = append(keys, k.Pause, k.Faster)
	}
	if tabs {
		keys = append(keys, k.Next)
	}
	return append(keys, k.Help, k.Quit)
}

// statusKind colours the status line.
type statusKind uint8

const (
	statusInfo statusKind = iota
	statusGood
	statusBad
)

// status is a line for the status bar: what just happened, or went wrong.
type status struct {
	kind statusKind
	text string
}

// act is what a component asks of its root after a key or a piece of
// news; components never reach into their root. The zero act asks nothing.
type act struct {
	order *order  // a command for the table
	room  *change // a change to the room's settings (the facilitator's)
	say   status  // a line for the status bar, when its text is set
	open  overlay // an overlay to open over the screen
	close bool    // (from an overlay) close it
	pass  bool    // (from an overlay) the key is not its own: the seat's keys may take it
	focus bool    // (from a panel) bring it to the front
	cmd   tea.Cmd // anything else to run, such as a text input's cursor
}

// order is a command for the table and what to say of it: done once its
// events are on the screen, or what report says then.
type order struct {
	c      game.Command
	done   string
	report func() status
}

// change is one of the facilitator's settings of the room that are not
// play (the clock's waits, the bots' grace, the projector's review), and
// what to say once the table has it.
type change struct {
	do   func(tb *table.Table, a game.Actor) error
	done string
}

// command asks for c, saying done when the table takes it.
func command(c game.Command, done string) act { return act{order: &order{c: c, done: done}} }

func say(kind statusKind, text string) act { return act{say: status{kind, text}} }

func failed(err error) act { return say(statusBad, "✗ "+err.Error()) }
