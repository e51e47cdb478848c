package ui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hotline/game/table"
	"hotline/injects"
)

// Minimum terminal size: below it the exercise shows a message instead.
const (
	MinWidth  = 80
	MinHeight = 24
)

// Speeds are the story-time-per-second steps that + and - move between.
var Speeds = []time.Duration{
	5 * time.Minute, 10 * time.Minute, 20 * time.Minute, 30 * time.Minute,
	time.Hour, 2 * time.Hour, 4 * time.Hour, 8 * time.Hour, 12 * time.Hour,
}

// DefaultSpeed is the table's: 30 story minutes a second.
const DefaultSpeed = table.DefaultSpeed

// View is the kind of screen a seat has.
type View uint8

const (
	PlayView      View = iota // a team's, or a solo player's: the exercise as their side lives it
	ControlView               // the facilitator's console over the whole exercise
	WatchView                 // observers' and evaluators': both sides, read only (evaluators write observations)
	ProjectorView             // the screen at the front of the room
)

// Options set up the exercise.
type Options struct {
	// Game is the exercise to play at once; nil opens the start screen.
	Game *Game
	// View is the screen the seat has; a solo player's is PlayView.
	View View
	// Scenarios are offered on the start screen, the first preselected.
	Scenarios []*injects.Scenario
	// Seed and Speed preset the start screen.
	Seed  uint64
	Speed time.Duration
	// Begin makes a game from the start screen's choices. It runs in a
	// command, off the update loop, because it creates the log file.
	Begin func(Setup) (*Game, error)
	// Manual leaves it to the caller to deliver the table's news (Pump)
	// and to move its clock (Step). Tests use it.
	Manual bool
	// Now is the real time, by which an overlay that opens by itself (an
	// incoming call) ignores keys for a moment; nil for time.Now. Tests
	// set it.
	Now func() time.Time
	// Host is the console of the facilitator who serves the class from
	// this terminal: quitting it closes the class for everyone.
	Host bool
	// Board is what the class joins with (address, host key, codes), shown
	// under the facilitator's seats.
	Board []string
	// Note is a line for a player's status bar when the screen opens, such
	// as where the facilitator has moved them.
	Note string
	// Relog makes the log of a solo exercise made again on a changed
	// scenario (see ScenarioChanged); nil when the scenario is not watched.
	Relog func(*injects.Scenario) (table.Recorder, error)
	// Table names the seat's table in a room of several, on its header.
	Table string
	// Tables are a room's, for its facilitator's console (ControlView) or
	// its projector (ProjectorView): every table at once.
	Tables []RoomTable
	// Shared is what the screens at the table draw alike, drawn once for
	// all of them; nil draws everything for this screen alone.
	Shared *Shared
	// Prepare, when set, completes these options off the update loop,
	// from New on, while the terminal gets ready: it reads the scenarios or
	// makes the Game, and the first frame waits for that work alone rather
	// than for the work and the terminal one after the other. The screen is
	// blank until it returns; an error ends the program (see Err), so it is
	// for work that fails only when something is badly wrong.
	Prepare func(*Options) error
}

// Setup is what the start screen chose.
type Setup struct {
	Scenario    *injects.Scenario
	Side        injects.Side
	Team        string // the team the player acts as; "" for the side's first
	Counterpart string
	Seed        uint64
	Speed       time.Duration
}

// Step moves the story clock on by one tick if it is running, as the
// table's ticker does ten times a second. Tests send it in place of the
// clock.
type Step struct{}

// A root is the screen of one kind of seat (Player, Console, Watcher,
// Projector, Replay) or the Start screen: it composes components, routes
// what it is sent to them, and lays them out in the window.
type root interface {
	init() tea.Cmd
	update(msg tea.Msg) tea.Cmd
	view() string
	game() *Game // the game on the screen, or nil
}

// Model is the program a terminal runs: one root at a time (the start
// screen, then the player's screen; or a seat's screen from the first), and
// what is the window's rather than a root's: its size, its background, the
// message shown while it is too small, and ctrl+c.
type Model struct {
	opts          Options
	c             *common
	root          root
	width, height int
	err           error // why Options.Prepare failed
}

type gameReadyMsg struct {
	g   *Game
	err error
}

// preparedMsg brings the options Options.Prepare completed.
type preparedMsg struct {
	opts Options
	err  error
}

// New makes the program: the seat's screen for Options.Game, or the start
// screen, once Options.Prepare, if any, has returned. Roots are made at the
// smallest size; the window's first size message lays them out.
func New(opts Options) *Model {
	m := newModel(opts)
	if opts.Prepare != nil {
		done := make(chan preparedMsg, 1)
		go func(o Options) {
			err := o.Prepare(&o)
			o.Prepare = nil
			done <- preparedMsg{o, err}
		}(m.opts)
		m.root = &opening{prepare: func() tea.Msg { return <-done }}
		return m
	}
	m.root = m.first()
	return m
}

// first is the first screen the options call for.
func (m *Model) first() root {
	opts := m.opts
	switch {
	case len(opts.Tables) > 0 && opts.View == ProjectorView:
		return newRoomProjector(m.c, opts.Tables, opts.Manual)
	case len(opts.Tables) > 0:
		return newRoomConsole(m.c, opts.Tables, opts.Host, opts.Board, opts.Manual)
	case opts.Game == nil:
		return newStart(m.c, opts)
	}
	return m.seat(opts.Game)
}

func newModel(opts Options) *Model {
	if opts.Speed <= 0 {
		opts.Speed = DefaultSpeed
	}
	c := newCommon(opts.Now)
	c.share(opts.Shared)
	return &Model{opts: opts, c: c, width: MinWidth, height: MinHeight}
}

// seat makes the root of the seat's kind for a game.
func (m *Model) seat(g *Game) root {
	g.manual = m.opts.Manual
	var f *frame
	var r root
	switch m.opts.View {
	case ControlView:
		x := newConsole(m.c, g, m.opts.Host, m.opts.Board)
		f, r = x.f, x
	case WatchView:
		x := newWatcher(m.c, g)
		f, r = x.f, x
	case ProjectorView:
		return newProjector(m.c, g)
	default:
		p := newPlayer(m.c, g, m.opts.Relog)
		if m.opts.Note != "" {
			p.f.say(statusInfo, m.opts.Note)
		}
		f, r = p.f, p
	}
	if m.opts.Table != "" {
		f.header.name = m.opts.Table + " · " + f.header.name
	}
	return r
}

// Game returns the game being played, if one has begun: the caller closes
// its log when the program ends.
func (m *Model) Game() *Game { return m.root.game() }

// Err returns why Options.Prepare could not complete the options, which
// ended the program.
func (m *Model) Err() error { return m.err }

// Init asks the terminal for its background, to pick light or dark styles,
// and starts the root.
func (m *Model) Init() tea.Cmd { return tea.Batch(tea.RequestBackgroundColor, m.root.init()) }

// Pump delivers the table's news to a model made with Manual, as listening
// would: tests call it after each message.
func (m *Model) Pump() {
	games := []*Game{m.Game()}
	if r, ok := m.root.(interface{ games() []*Game }); ok {
		games = r.games()
	}
	for _, g := range games {
		if g == nil || g.table == nil {
			continue
		}
		select {
		case _, ok := <-g.sub.C():
			if ok {
				m.Update(newsMsg{g, g.sub.Next()})
			}
		default:
		}
	}
}

// Update handles a message: what is the window's here, the rest in the
// root.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		m.c.setStyles(NewStyles(msg.IsDark()))
	case Step:
		if g := m.Game(); g != nil {
			return m, g.step()
		}
		return m, nil
	case gameReadyMsg:
		return m, m.ready(msg)
	case preparedMsg:
		if msg.err != nil {
			m.err = msg.err
			return m, tea.Quit
		}
		return m, m.prepared(msg.opts)
	case tea.KeyPressMsg:
		if o, ok := m.root.(*opening); ok {
			o.keys = append(o.keys, msg) // for the screen it opens
			return m, nil
		}
		if msg.String() == "ctrl+c" {
			return m, tea.Quit // everything decided is already in the log
		}
		if m.tooSmall() {
			if key.Matches(msg, m.c.keys.Quit) {
				return m, tea.Quit
			}
			return m, nil
		}
	}
	return m, m.root.update(msg)
}

// ready puts the player's screen in place of the start screen, or says on
// it why the game could not be set up.
func (m *Model) ready(msg gameReadyMsg) tea.Cmd {
	start, ok := m.root.(*Start)
	if !ok {
		return nil
	}
	if msg.err != nil {
		start.failed(msg.err)
		return nil
	}
	return m.show(m.seat(msg.g))
}

// prepared opens the first screen of the options Options.Prepare
// completed, and gives it the keys typed while they were prepared.
func (m *Model) prepared(opts Options) tea.Cmd {
	keys := m.root.(*opening).keys
	m.opts = opts
	cmds := []tea.Cmd{m.show(m.first())}
	for _, k := range keys {
		_, cmd := m.Update(k)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// show puts a root on the screen at the window's size and starts it.
func (m *Model) show(r root) tea.Cmd {
	m.root = r
	return tea.Batch(r.update(tea.WindowSizeMsg{Width: m.width, Height: m.height}), r.init())
}

// opening is the blank screen while Options.Prepare runs. It keeps the
// keys typed meanwhile, ctrl+c too: whatever they ask is asked of the
// screen that opens.
type opening struct {
	prepare tea.Cmd
	keys    []tea.KeyPressMsg
}

func (o *opening) init() tea.Cmd        { return o.prepare }
func (*opening) update(tea.Msg) tea.Cmd { return nil }
func (*opening) view() string           { return "" }
func (*opening) game() *Game            { return nil }

func (m *Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// View draws the screen.
func (m *Model) View() tea.View {
	g := m.Game()
	var v tea.View
	if m.tooSmall() {
		v = tea.NewView(TooSmall(m.width, m.height, g == nil || g.Actor.RunsClock()))
	} else {
		v = tea.NewView(m.root.view())
	}
	v.AltScreen = true
	v.WindowTitle = "Hotline"
	if g != nil {
		v.WindowTitle = "Hotline — " + g.Scenario().Title
	}
	return v
}

// TooSmall is the screen of a window under MinWidth×MinHeight: what it
// needs, and whether the story clock waits meanwhile (it does for whoever
// keeps it).
func TooSmall(w, h int, clockWaits bool) string {
	meanwhile := "\n\nThe story clock is paused until then. q quits."
	if !clockWaits {
		meanwhile = "\n\nThe exercise goes on meanwhile. q quits."
	}
	msg := fmt.Sprintf("Hotline needs a terminal of at least %d×%d.\nThis one is %d×%d: enlarge the window or make the font smaller.",
		MinWidth, MinHeight, w, h) + meanwhile
	w = max(w, 1)
	return lipgloss.Place(w, max(h, 1), lipgloss.Center, lipgloss.Center, wrap(msg, min(w, 60)))
}

func speedWords(d time.Duration) string { return span(d) + " of story a second" }

func lipglossWidth(s string) int { return lipgloss.Width(s) }
