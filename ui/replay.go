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

// A replay is a finished (or paused) exercise shown as it happened, for
// the debrief on the projector: the screens of either side or of the
// control cell, at any event of the log. It has no table: the seat's mirror
// is made from the log's events up to the cursor.
type replay struct {
	events  []game.Event
	cursor  int // events shown: events[:cursor]
	path    string
	view    int // index in replayViews
	playing bool
	speed   time.Duration // story time per second while playing
	tickID  int
	jump    *textinput.Model // the "go to a time" prompt, while open
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
	r := &replay{events: events, cursor: 1, path: path, speed: 2 * time.Hour}
	m := New(Options{Game: r.game(sc, 0), View: replayViews[0].view})
	m.rp = r
	m.setStatus(statusInfo, "Replay: ←/→ step, [/] decisions, space plays, v switches view, t goes to a time.")
	return m
}

// game makes the seat's game for a view, at the cursor.
func (r *replay) game(sc *injects.Scenario, view int) *Game {
	v := replayViews[view]
	side := v.viewer.Side
	g := &Game{Side: side, Actor: game.Actor{Name: "replay", Role: game.Observer}, Viewer: v.viewer,
		mirror: game.Mirror(sc), replay: r}
	if !v.viewer.All {
		g.Actor.Teams = sc.TeamsOf(side)
	}
	g.apply(r.events[:r.cursor])
	if n := r.cursor; n > 0 {
		g.mirror.SetNow(r.events[n-1].At)
	}
	g.news = nil
	return g
}

// moveTo shows the log up to event n (at least the start): the screens are
// made again from the first event, which costs little and makes stepping
// back as easy as stepping on.
func (m *Model) moveTo(n int) {
	r := m.rp
	n = min(max(n, 1), len(r.events))
	forward := n > r.cursor
	from := r.cursor
	r.cursor = n
	sc := m.g.Scenario()
	if forward {
		m.g.apply(r.events[from:n])
		m.g.mirror.SetNow(r.events[n-1].At)
		m.afterPlay()
	} else {
		m.reseat(sc)
	}
	if m.g.State().Ended && m.screen != endScreen {
		m.toEnd()
	}
	m.setStatus(statusInfo, m.rp.here(m.g))
}

// current is the event the replay shows last, the one under ▲.
func (r *replay) current() *game.Event { return &r.events[r.cursor-1] }

// shown reports whether the seat's screens show the current event: a
// side's screens do not show the other side's own moves.
func (r *replay) shown(g *Game) bool { return game.Visible(g.Scenario(), r.current(), g.Viewer) }

// here says what the current event is, for the bottom line: after a step
// either way it describes the event under ▲, never one still to come.
func (r *replay) here(g *Game) string {
	ev := r.current()
	at := fmt.Sprintf("Event %d of %d, %s: ", r.cursor, len(r.events), calendar(g.Scenario(), ev.At))
	if !r.shown(g) {
		return at + "something the screens of " + replayViews[r.view].name + " do not show."
	}
	return at + game.Describe(g.State(), ev) + "."
}

// reseat remakes the screen's game at the cursor, keeping the panel.
func (m *Model) reseat(sc *injects.Scenario) {
	panel := m.panel
	m.g = m.rp.game(sc, m.rp.view)
	m.opts.View = replayViews[m.rp.view].view
	m.panels = panelsOf(m.opts.View)
	m.screen, m.seq, m.textSeq = playScreen, -1, -1
	m.modalCall = 0
	m.panel = m.panels[0]
	for _, p := range m.panels {
		if p == panel {
			m.panel = p
		}
	}
	m.refresh()
	if m.g.State().Ended {
		m.toEnd()
	}
}

// isCommand reports whether an event is someone's decision: a person's or
// a bot's command.
func isCommand(ev *game.Event) bool { return ev.By != "" }

type replayTick struct{ id int }

// replayKeys handles the replay's own keys; false when the key is the
// screen's.
func (m *Model) replayKeys(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	r := m.rp
	if r.jump != nil {
		return m.jumpKeys(msg), true
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Right):
		m.moveTo(r.cursor + 1)
	case key.Matches(msg, k.Left):
		m.moveTo(r.cursor - 1)
	case msg.String() == "]":
		n := r.cursor + 1
		for n < len(r.events) && !isCommand(&r.events[n-1]) {
			n++
		}
		m.moveTo(n)
	case msg.String() == "[":
		n := r.cursor - 1
		for n > 1 && !isCommand(&r.events[n-2]) {
			n--
		}
		m.moveTo(n - 1)
	case msg.String() == "home":
		m.moveTo(1)
	case msg.String() == "end":
		m.moveTo(len(r.events))
	case msg.String() == "v":
		r.view = (r.view + 1) % len(replayViews)
		m.reseat(m.g.Scenario())
		m.setStatus(statusInfo, "Showing the screens of "+replayViews[r.view].name+".")
	case key.Matches(msg, k.Pause):
		r.playing = !r.playing
		r.tickID++
		if r.playing {
			m.setStatus(statusInfo, "Playing at "+speedWords(r.speed)+"; space stops.")
			return m.replayTick(), true
		}
		m.setStatus(statusInfo, "Stopped.")
	case key.Matches(msg, k.Faster), key.Matches(msg, k.Slower):
		i := speedIndex(r.speed)
		if key.Matches(msg, k.Faster) {
			i = min(i+1, len(Speeds)-1)
		} else {
			i = max(i-1, 0)
		}
		r.speed = Speeds[i]
		m.setStatus(statusInfo, "Replay speed: "+speedWords(r.speed))
	case msg.String() == "t":
		in := newInput(40)
		in.Placeholder = "1d6h, or 10-05 14:00"
		r.jump = in
		return in.Focus(), true
	default:
		return nil, false
	}
	return nil, true
}

// jumpKeys reads the "go to a time" prompt: a story offset like 1d6h, or a
// Washington date and time like 10-05 14:00.
func (m *Model) jumpKeys(msg tea.KeyPressMsg) tea.Cmd {
	r := m.rp
	switch msg.String() {
	case "esc":
		r.jump = nil
		return nil
	case "enter":
		text := strings.TrimSpace(r.jump.Value())
		r.jump = nil
		at, err := m.storyTime(text)
		if err != nil {
			m.setStatus(statusBad, "✗ "+err.Error())
			return nil
		}
		n := 1
		for n < len(r.events) && r.events[n].At <= at {
			n++
		}
		m.moveTo(n)
		m.setStatus(statusInfo, "At "+calendar(m.g.Scenario(), r.events[r.cursor-1].At)+".")
		return nil
	}
	var cmd tea.Cmd
	*r.jump, cmd = r.jump.Update(msg)
	return cmd
}

// storyTime reads a story offset or a Washington date and time.
func (m *Model) storyTime(text string) (time.Duration, error) {
	if d, err := injects.ParseDuration(text); err == nil {
		return d, nil
	}
	sc := m.g.Scenario()
	start := sc.Time(0)
	t, err := time.ParseInLocation("01-02 15:04", text, start.Location())
	if err != nil {
		return 0, fmt.Errorf("%q is not a time: write an offset like 1d6h, or a date and time like 10-05 14:00", text)
	}
	t = t.AddDate(start.Year(), 0, 0)
	return t.Sub(start), nil
}

// replayTick plays the replay on: each tick moves the playhead by a tenth
// of the speed and shows every event up to it.
func (m *Model) replayTick() tea.Cmd {
	id := m.rp.tickID
	return tea.Tick(100*time.Millisecond, func(time.Time) tea.Msg { return replayTick{id} })
}

func (m *Model) replayStep(msg replayTick) tea.Cmd {
	r := m.rp
	if msg.id != r.tickID || !r.playing {
		return nil
	}
	head := r.events[r.cursor-1].At + r.speed/10
	n := r.cursor
	for n < len(r.events) && r.events[n].At <= head {
		n++
	}
	if n == r.cursor && n < len(r.events) {
		n++ // nothing before the playhead: skip the quiet stretch
	}
	m.moveTo(n)
	if r.cursor >= len(r.events) {
		r.playing = false
		m.setStatus(statusInfo, "The end of the log.")
		return nil
	}
	return m.replayTick()
}

// replayStripHeight is the strip's lines: the timeline, the cursor's
// place, and the legend.
const replayStripHeight = 3

// replayLegend says what the strip's marks are.
const replayLegend = "│ inject or message  R request  ☎ hotline call  · decision  ▌ review  ▲ here"

// replayStrip is the run's timeline across the screen: injects (│),
// requests (R), hotline calls (☎), decisions (·), the meetings and the end
// (▌), with the cursor's place marked ▲ on the line below, and a legend.
func (m *Model) replayStrip(w int) string {
	r, s, sc := m.rp, m.styles, m.g.Scenario()
	span := max(sc.End, r.events[len(r.events)-1].At)
	col := func(at time.Duration) int { return min(w-1, int(int64(at)*int64(w-1)/int64(max(span, 1)))) }
	line := []rune(strings.Repeat("─", w))
	rank := map[rune]int{'─': 0, '·': 1, '│': 2, 'R': 3, '☎': 4, '▌': 5}
	mark := func(at time.Duration, c rune) {
		if i := col(at); rank[c] > rank[line[i]] {
			line[i] = c
		}
	}
	for i := range r.events {
		ev := &r.events[i]
		if !game.Visible(sc, ev, m.g.Viewer) {
			continue
		}
		switch {
		case ev.Type == game.InjectFired || ev.Type == game.MessageSent:
			mark(ev.At, '│')
		case ev.Type == game.RequestOpened:
			mark(ev.At, 'R')
		case ev.Type == game.Rang:
			mark(ev.At, '☎')
		case ev.Type == game.ReviewHeld:
			mark(ev.At, '▌')
		case isCommand(ev):
			mark(ev.At, '·')
		}
	}
	at := col(r.events[r.cursor-1].At)
	below := strings.Repeat(" ", at) + "▲ " + calendar(sc, r.events[r.cursor-1].At) +
		fmt.Sprintf("  event %d of %d", r.cursor, len(r.events))
	if at+lipglossWidth(below)-at > w {
		below = strings.Repeat(" ", max(0, w-lipglossWidth(below)+at)) + strings.TrimLeft(below, " ")
	}
	return s.Dim.Render(string(line)) + "\n" + pad(cut(below, w), w) + "\n" + s.Dim.Render(pad(cut(replayLegend, w), w))
}
