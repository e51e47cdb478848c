package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// load loads a built-in scenario or fails the test.
func load(t testing.TB, id string) *injects.Scenario {
	t.Helper()
	sc, diags := injects.LoadBuiltin(id)
	if sc == nil {
		t.Fatal(diags)
	}
	return sc
}

// newPlay starts a game on a built-in scenario with seed 7, without a log,
// on a manual clock that moves 12 story hours a second, in a window of w × h.
func newPlay(t testing.TB, id string, side injects.Side, counterpart string, w, h int) *Model {
	return newPlaySeed(t, id, side, counterpart, 7, w, h)
}

func newPlaySeed(t testing.TB, id string, side injects.Side, counterpart string, seed uint64, w, h int) *Model {
	t.Helper()
	g, err := Solo(Setup{Scenario: load(t, id), Side: side, Counterpart: counterpart, Seed: seed, Speed: 12 * time.Hour}, nil, table.ManualTicker{})
	if err != nil {
		t.Fatal(err)
	}
	if tt, ok := t.(*testing.T); ok {
		tt.Cleanup(func() { g.Close() })
	}
	m := New(Options{Game: g, Manual: true, Now: unhurried()})
	send(m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// unhurried is a clock at which a second passes between any two looks at
// it: a key a test types comes well after whatever opened before it, as a
// person's would.
func unhurried() func() time.Time {
	t := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

// What tests look at inside a seat's screen.

// frameOf is the frame of a seat's screen.
func frameOf(m *Model) *frame {
	switch r := m.root.(type) {
	case *Player:
		return r.f
	case *Console:
		if r.inRec {
			return r.record.f
		}
		return r.f
	case *Watcher:
		return r.f
	case *Replay:
		return r.f
	case *Hotwash:
		return r.f
	}
	panic("no frame on this screen")
}

// ringing is the incoming call in front of the seat, or 0.
func ringing(m *Model) int {
	if c, ok := frameOf(m).overlays.on(overPanels).(*call); ok {
		return c.n
	}
	return 0
}

// running reports whether the story clock runs.
func running(m *Model) bool { return m.Game() != nil && m.Game().State().Running }

// ended reports whether the closing review is on the screen.
func ended(m *Model) bool { return frameOf(m).ended }

// front is the panel in front.
func front(m *Model) panel { return frameOf(m).tabs.focused() }

// panelsOf are the screen's panels.
func panelsOf(m *Model) []panel { return frameOf(m).tabs.panels }

// panelOf is the screen's panel of type T.
func panelOf[T panel](m *Model) T {
	for _, p := range panelsOf(m) {
		if t, ok := p.(T); ok {
			return t
		}
	}
	panic("no such panel")
}

// statusOf is what the status line says.
func statusOf(m *Model) string { return frameOf(m).status.last.text }

// formOpen reports whether a form is open over the screen.
func formOpen(m *Model) bool {
	_, ok := frameOf(m).overlays.top().(*form)
	return ok
}

// declining reports whether the grounds to decline a part are in front.
func declining(m *Model) bool {
	_, ok := frameOf(m).overlays.top().(*decline)
	return ok
}

// send updates the model with msg and runs the commands it returns, feeding
// their messages back, then delivers the table's news, the way the program
// would, minus the real clock.
func send(m *Model, msg tea.Msg) {
	_, cmd := m.Update(msg)
	run(m, cmd)
	m.Pump()
}

func run(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			run(m, c)
		}
	case gameReadyMsg, doneMsg, reportMsg, preparedMsg:
		send(m, msg)
	}
}

// keys types keys, one message each: single characters, or names such as
// "enter", "tab", "esc", "space", "up", "down".
func keys(m *Model, names ...string) {
	for _, n := range names {
		send(m, keyMsg(n))
	}
}

func keyMsg(name string) tea.KeyPressMsg {
	switch name {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// plain is what the player sees, without colour or styling.
func plain(m *Model) string { return ansi.Strip(m.View().Content) }

// steps runs the clock for n ticks.
func steps(m *Model, n int) {
	for range n {
		send(m, Step{})
	}
}

func mustContain(t *testing.T, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("the screen lacks %q:\n%s", w, s)
		}
	}
}

// runUntil runs the table's clock until the story reaches to, or the end,
// starting it again whenever the room's rules stop it (a call, a meeting).
func runUntil(t testing.TB, g *Game, to time.Duration) {
	t.Helper()
	tb := g.Table()
	if _, err := tb.Do(g.Actor, game.Command{Verb: game.SetSpeed, Speed: 12 * time.Hour}); err != nil {
		t.Fatal(err)
	}
	for g.State().Now < to && !g.State().Ended {
		if !g.State().Running {
			if _, err := tb.Do(g.Actor, game.Command{Verb: game.RunClock}); err != nil {
				t.Fatal(err)
			}
		}
		tb.Tick()
		g.take(g.sub.Next())
	}
	if g.State().Running {
		if _, err := tb.Do(g.Actor, game.Command{Verb: game.PauseClock}); err != nil {
			t.Fatal(err)
		}
	}
	g.take(g.sub.Next())
}

// tabCount is how many panels a screen has behind its tabs: one for a
// screen without tabs.
func tabCount(m *Model) int {
	if _, ok := m.root.(*Projector); ok {
		return 1
	}
	return len(panelsOf(m))
}

// frontTitle names what is in front: a panel, or the projector.
func frontTitle(m *Model) string {
	if _, ok := m.root.(*Projector); ok {
		return "projector"
	}
	return front(m).title()
}
