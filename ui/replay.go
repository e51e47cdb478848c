package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/injects"
)

// Replay is a finished (or paused) exercise shown as it happened, for the
// debrief on the projector: the screens of either side or of the control
// cell, at any event of the log, with the run's timeline under them. It has
// no table: the seat's mirror is made from the log's events up to the
// replay's place, and every command is refused. Its own keys step (←/→),
// jump between decisions ([/]), play (space), switch the view (v) and go
// to a time (t).
type Replay struct {
	f       *frame
	log     *replayLog
	seat    int // the screens shown: an index in replayViews
	playing bool
	speed   time.Duration // story time per second while playing
	tickID  int
}

// replayLog is a log's events and how far the replay shows them.
type replayLog struct {
	sc     *injects.Scenario
	events []game.Event
	cursor int // events shown: events[:cursor]
	path   string
}

// replayViews are the screens a replay can show, in the order v cycles
// through them.
var replayViews = []struct {
	name   string
	view   View
	viewer game.Viewer
}{
	{"the control cell", ControlView, game.Viewer{All: true}},
	{injects.US.Title(), PlayView, game.Viewer{Side: injects.US}},
	{injects.CN.Title(), PlayView, game.Viewer{Side: injects.CN}},
}

// NewReplay makes the replay of a log's events, which must be the events
// of a log that was made again and checked (game.Replay). It opens on the
// control cell's screen at the first event.
func NewReplay(sc *injects.Scenario, events []game.Event, path string) *Model {
	m := newModel(Options{})
	log := &replayLog{sc: sc, events: events, cursor: 1, path: path}
	r := &Replay{log: log, speed: 2 * time.Hour}
	c := m.c
	r.f = newFrame(c, ControlView, "", r.panels(c))
	r.f.strip = &strip{c: c, log: log}
	r.f.quitWords = func() string { return "The log is as it was." }
	r.f.fixed = r.help()
	r.f.keys = r.key
	r.f.begin(log.game(0))
	r.show()
	r.f.say(statusInfo, "Replay: ←/→ step, [/] decisions, space plays, v switches view, t goes to a time.")
	m.root = r
	return m
}

// panels are the panels of the screens in view.
func (r *Replay) panels(c *common) []panel {
	if replayViews[r.seat].view == ControlView {
		return consolePanels(c, newSeats(c, nil))
	}
	return playerPanels(c)
}

// show names the seat in view in the header.
func (r *Replay) show() {
	v := replayViews[r.seat]
	r.f.kind = v.view
	r.f.header.name, r.f.header.both = "replay, "+v.name, v.view != PlayView
}

// game makes the seat's game for a view, at the cursor.
func (l *replayLog) game(view int) *Game {
	v := replayViews[view]
	side := v.viewer.Side
	g := &Game{Side: side, Actor: game.Actor{Name: "replay", Role: game.Observer}, Viewer: v.viewer,
		mirror: game.Mirror(l.sc), replay: l}
	if !v.viewer.All {
		g.Actor.Teams = l.sc.TeamsOf(side)
	}
	g.apply(l.events[:l.cursor])
	if n := l.cursor; n > 0 {
		g.mirror.SetNow(l.events[n-1].At)
	}
	g.news = nil
	return g
}

func (r *Replay) init() tea.Cmd { return r.f.init() }

func (r *Replay) game() *Game { return r.f.c.g }

func (r *Replay) view() string { return r.f.view() }

func (r *Replay) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case replayTick:
		return tea.Batch(r.step(msg), r.f.settle())
	case tea.KeyPressMsg:
		return r.f.key(msg)
	}
	return r.f.update(msg)
}

// help is the replay's, in place of the seat's.
func (r *Replay) help() *helpKeys {
	k := r.f.c.keys
	keys := []key.Binding{withHelp(k.Left, "←/→", "step"), key.NewBinding(key.WithKeys("]"), key.WithHelp("[/]", "decisions")),
		withHelp(k.Pause, "space", "play"), key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "view")),
		key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "go to")), k.Next, k.Quit}
	return &helpKeys{short: keys, full: [][]key.Binding{keys, {k.Up, k.Down, k.PageUp, k.PageDn}, {k.Help}}}
}

// moveTo shows the log up to event n (at least the start): stepping on
// folds the events in; stepping back makes the screens again from the
// first event, which costs little.
func (r *Replay) moveTo(n int) {
	l, f := r.log, r.f
	n = min(max(n, 1), len(l.events))
	forward := n > l.cursor
	from := l.cursor
	l.cursor = n
	if forward {
		g := f.c.g
		g.apply(l.events[from:n])
		g.mirror.SetNow(l.events[n-1].At)
		f.afterPlay()
	} else {
		r.reseat()
	}
	if f.c.g.State().Ended && !f.ended {
		f.toEnd()
	}
	f.say(statusInfo, r.here())
}

// current is the event the replay shows last, the one under ▲.
func (l *replayLog) current() *game.Event { return &l.events[l.cursor-1] }

// shown reports whether the seat's screens show the current event: a
// side's screens do not show the other side's own moves.
func (l *replayLog) shown(g *Game) bool { return game.Visible(l.sc, l.current(), g.Viewer) }

// here says what the current event is, for the bottom line: after a step
// either way it describes the event under ▲, never one still to come.
func (r *Replay) here() string {
	l, g := r.log, r.f.c.g
	ev := l.current()
	at := fmt.Sprintf("Event %d of %d, %s: ", l.cursor, len(l.events), calendar(l.sc, ev.At))
	if !l.shown(g) {
		return at + "something the screens of " + replayViews[r.seat].name + " do not show."
	}
	return at + game.DescribeTo(g.State(), ev, g.Viewer) + "."
}

// reseat makes the screen's game again at the cursor, keeping the panels.
func (r *Replay) reseat() {
	f := r.f
	f.c.g = r.log.game(r.seat)
	f.seq, f.ended = -1, false
	f.overlays.closeWhere(func(o overlay) bool { _, ok := o.(*call); return ok })
	f.refresh()
	if f.c.g.State().Ended {
		f.toEnd()
	}
}

type replayTick struct{ id int }

// key handles the replay's own keys; false when the key is the screen's.
func (r *Replay) key(msg tea.KeyPressMsg) (act, bool) {
	l, k := r.log, r.f.c.keys
	switch {
	case key.Matches(msg, k.Right):
		r.moveTo(l.cursor + 1)
	case key.Matches(msg, k.Left):
		r.moveTo(l.cursor - 1)
	case msg.String() == "]":
		n := l.cursor + 1
		for n < len(l.events) && !isCommand(&l.events[n-1]) {
			n++
		}
		r.moveTo(n)
	case msg.String() == "[":
		n := l.cursor - 1
		for n > 1 && !isCommand(&l.events[n-2]) {
			n--
		}
		r.moveTo(n - 1)
	case msg.String() == "home":
		r.moveTo(1)
	case msg.String() == "end":
		r.moveTo(len(l.events))
	case msg.String() == "v":
		r.seat = (r.seat + 1) % len(replayViews)
		r.f.setPanels(r.panels(r.f.c))
		r.show()
		r.reseat()
		return say(statusInfo, "Showing the screens of "+replayViews[r.seat].name+"."), true
	case key.Matches(msg, k.Pause):
		r.playing = !r.playing
		r.tickID++
		if r.playing {
			a := say(statusInfo, "Playing at "+speedWords(r.speed)+"; space stops.")
			a.cmd = r.tick()
			return a, true
		}
		return say(statusInfo, "Stopped."), true
	case key.Matches(msg, k.Faster), key.Matches(msg, k.Slower):
		i := speedIndex(r.speed)
		if key.Matches(msg, k.Faster) {
			i = min(i+1, len(Speeds)-1)
		} else {
			i = max(i-1, 0)
		}
		r.speed = Speeds[i]
		return say(statusInfo, "Replay speed: "+speedWords(r.speed)), true
	case msg.String() == "t":
		return newJump(r.f.c, r.goTo).opening(), true
	default:
		return act{}, false
	}
	return act{}, true
}

// goTo moves the replay to a story offset like 1d6h, or a Washington date
// and time like 10-05 14:00.
func (r *Replay) goTo(text string) act {
	l := r.log
	at, err := storyTime(l.sc, text)
	if err != nil {
		return failed(err)
	}
	n := 1
	for n < len(l.events) && l.events[n].At <= at {
		n++
	}
	r.moveTo(n)
	return say(statusInfo, "At "+calendar(l.sc, l.events[l.cursor-1].At)+".")
}

// storyTime reads a story offset or a Washington date and time.
func storyTime(sc *injects.Scenario, text string) (time.Duration, error) {
	if d, err := injects.ParseDuration(text); err == nil {
		return d, nil
	}
	start := sc.Time(0)
	t, err := time.ParseInLocation("01-02 15:04", text, start.Location())
	if err != nil {
		return 0, fmt.Errorf("%q is not a time: write an offset like 1d6h, or a date and time like 10-05 14:00", text)
	}
	t = t.AddDate(start.Year(), 0, 0)
	return t.Sub(start), nil
}

// tick plays the replay on: each tick moves the playhead by a tenth of the
// speed and shows every event up to it.
func (r *Replay) tick() tea.Cmd {
	id := r.tickID
	return tea.Tick(100*time.Millisecond, func(time.Time) tea.Msg { return replayTick{id} })
}

func (r *Replay) step(msg replayTick) tea.Cmd {
	l := r.log
	if msg.id != r.tickID || !r.playing {
		return nil
	}
	head := l.events[l.cursor-1].At + r.speed/10
	n := l.cursor
	for n < len(l.events) && l.events[n].At <= head {
		n++
	}
	if n == l.cursor && n < len(l.events) {
		n++ // nothing before the playhead: skip the quiet stretch
	}
	r.moveTo(n)
	if l.cursor >= len(l.events) {
		r.playing = false
		r.f.say(statusInfo, "The end of the log.")
		return nil
	}
	return r.tick()
}

// jump is the replay's "go to a time" prompt on the status line: enter
// goes, esc cancels.
type jump struct {
	c  *common
	in *textinput.Model
	to func(text string) act
}

func newJump(c *common, to func(string) act) *jump {
	in := newInput(40)
	in.Placeholder = "1d6h, or 10-05 14:00"
	return &jump{c: c, in: in, to: to}
}

// opening opens the prompt with its cursor.
func (x *jump) opening() act { return act{open: x, cmd: x.in.Focus()} }

func (x *jump) update(msg tea.KeyPressMsg) act {
	switch msg.String() {
	case "esc":
		return act{close: true}
	case "enter":
		a := x.to(strings.TrimSpace(x.in.Value()))
		a.close = true
		return a
	}
	var cmd tea.Cmd
	*x.in, cmd = x.in.Update(msg)
	return act{cmd: cmd}
}

func (x *jump) view(w, _ int) string {
	s := x.c.styles
	return pad(s.Warn.Render("Go to:")+" "+x.in.View()+s.Dim.Render("  (enter goes, esc cancels)"), w)
}

func (x *jump) help() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

func (x *jump) region() region { return overStatus }
