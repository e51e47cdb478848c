package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
)

// Watcher is the screen of an evaluator or an observer: the frame with
// both sides' feed, requests and hotline, the review with the objectives,
// the observations and the log, all read only. An evaluator writes
// observations (o).
type Watcher struct {
	f       *frame
	observe bool
}

func newWatcher(c *common, g *Game) *Watcher {
	x := &Watcher{observe: g.Actor.Role == game.Evaluator}
	x.f = newFrame(c, WatchView, seatName(g), []panel{newFeed(c, false), newRequests(c, false), newHotline(c, false),
		newReview(c, true), newNotes(c), newJournal(c)})
	if x.observe {
		x.f.ownHelp = []key.Binding{c.keys.Observe}
		x.f.keys = x.key
	}
	x.f.begin(g)
	return x
}

func (x *Watcher) init() tea.Cmd { return x.f.init() }

func (x *Watcher) game() *Game { return x.f.c.g }

func (x *Watcher) view() string { return x.f.view() }

func (x *Watcher) update(msg tea.Msg) tea.Cmd {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		return x.f.key(msg)
	}
	return x.f.update(msg)
}

// key is an evaluator's own key while play goes on: o writes an
// observation.
func (x *Watcher) key(msg tea.KeyPressMsg) (act, bool) {
	if x.f.ended || !key.Matches(msg, x.f.c.keys.Observe) {
		return act{}, false
	}
	return noteForm(x.f.c).opening(), true
}
