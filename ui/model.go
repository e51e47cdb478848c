package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hotline/game"
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
	// Host is the console of the facilitator who serves the class from
	// this terminal: quitting it closes the class for everyone.
	Host bool
	// Board is what the class joins with (address, host key, codes), shown
	// under the facilitator's seats.
	Board []string
	// Relog makes the log of a solo exercise made again on a changed
	// scenario (see ScenarioChanged); nil when the scenario is not watched.
	Relog func(*injects.Scenario) (table.Recorder, error)
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

type gameReadyMsg struct {
	g   *Game
	err error
}

type screen uint8

const (
	startScreen screen = iota
	playScreen
	endScreen
)

type panel uint8

const (
	feedPanel panel = iota
	requestsPanel
	hotlinePanel
	reviewPanel
	logPanel
	scriptPanel // the facilitator's master scenario events list
	seatsPanel  // who sits where
	notesPanel  // the evaluators' observations
)

var panelNames = [...]string{"Feed", "Requests", "Hotline", "Review", "Log", "Script", "Seats", "Observations"}

// panelsOf lists the panels of a kind of seat, in tab order.
func panelsOf(v View) []panel {
	switch v {
	case ControlView:
		return []panel{scriptPanel, requestsPanel, hotlinePanel, reviewPanel, seatsPanel, notesPanel, logPanel}
	case WatchView:
		return []panel{feedPanel, requestsPanel, hotlinePanel, reviewPanel, notesPanel, logPanel}
	}
	return []panel{feedPanel, requestsPanel, hotlinePanel, reviewPanel, logPanel}
}

// statusKind colours the status line.
type statusKind uint8

const (
	statusInfo statusKind = iota
	statusGood
	statusBad
)

// Model is the root model: it owns the layout, which panel has focus, the
// story clock's tick, and the game. Panels render into the size it gives.
type Model struct {
	opts   Options
	keys   KeyMap
	styles Styles
	help   help.Model
	width  int
	height int

	screen screen
	start  startModel
	g      *Game
	panel  panel
	panels []panel // the seat's panels, in tab order
	// pending are the commands made while handling a message: Update
	// returns them with its own.
	pending []tea.Cmd
	// pausedForSize is set when the clock was stopped because the window
	// got too small; it restarts when the window is big enough again.
	pausedForSize bool
	status        string
	statusKind    statusKind
	confirmQuit   bool
	showHelp      bool
	modalCall     int          // the incoming call shown over the screen, 0 for none
	lastJump      game.Event   // the clock's last jump, for where it stopped
	seenCalls     map[int]bool // incoming calls already shown
	read          map[string]bool
	seq           int // the state's sequence number when the lists were last built

	feed   feedState
	script scriptState
	seats  seatsState
	notes  scrollState
	form   *form // a dialog open over the screen
	// confirmEnd asks the facilitator whether to end the exercise.
	confirmEnd bool
	// wall is the real time as of the last news, for idle times.
	wall time.Time
	// meetingSeq is the event of the dialogue's latest meeting.
	meetingSeq int
	// rp is set for a replay of a log.
	rp       *replay
	requests requestsState
	hotline  hotlineState
	review   scrollState
	journal  scrollState
	ending   scrollState
	md       markdown
	// reviewText is the review or end screen's text, built by prepare for
	// the state at textSeq.
	reviewText string
	textSeq    int
	textScreen screen
	textWidth  int
}

// New makes the root model.
func New(opts Options) *Model {
	if opts.Speed <= 0 {
		opts.Speed = DefaultSpeed
	}
	m := &Model{
		opts:      opts,
		keys:      DefaultKeys(),
		help:      help.New(),
		seenCalls: map[int]bool{},
		read:      map[string]bool{},
		seq:       -1,
		textSeq:   -1,
		md:        newMarkdown(),
		width:     MinWidth,
		height:    MinHeight,
	}
	m.requests.open = -1
	m.panels = panelsOf(opts.View)
	m.panel = m.panels[0]
	m.setStyles(NewStyles(true))
	m.start = newStart(opts)
	if opts.Game != nil {
		m.begin(opts.Game)
	}
	m.prepare()
	return m
}

func (m *Model) setStyles(s Styles) {
	m.styles = s
	m.help.Styles = help.DefaultStyles(s.IsDark)
	m.help.Styles.ShortKey = lipgloss.NewStyle().Foreground(s.HelpKey)
	m.help.Styles.FullKey = lipgloss.NewStyle().Foreground(s.HelpKey)
	m.help.Styles.ShortDesc = lipgloss.NewStyle().Foreground(s.HelpDesc)
	m.help.Styles.FullDesc = lipgloss.NewStyle().Foreground(s.HelpDesc)
	m.md.style = s.Glamour
	m.md.clear()
}

// Game returns the game being played, if one has begun: the caller closes
// its log when the program ends.
func (m *Model) Game() *Game { return m.g }

// Init asks the terminal for its background, to pick light or dark styles,
// and listens to the table.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.renderVisible(), m.listen(), m.idleTick())
}

// idleEvery is how often the facilitator's console brings the seats' idle
// times up to date when nothing else happens.
const idleEvery = 5 * time.Second

type idleMsg time.Time

// idleTick keeps a facilitator's idle times current; no other seat needs
// a clock of its own.
func (m *Model) idleTick() tea.Cmd {
	if m.opts.View != ControlView || m.opts.Manual || m.rp != nil {
		return nil
	}
	return tea.Tick(idleEvery, func(t time.Time) tea.Msg { return idleMsg(t) })
}

// listen waits for the table's next news, unless the caller delivers it.
func (m *Model) listen() tea.Cmd {
	if m.g == nil || m.opts.Manual || m.g.closed || m.g.table == nil {
		return nil
	}
	return m.g.listen()
}

// Pump delivers the table's news to a model made with Manual, as listening
// would: tests call it after each message.
func (m *Model) Pump() {
	if m.g == nil || m.g.table == nil {
		return
	}
	select {
	case _, ok := <-m.g.sub.C():
		if ok {
			m.Update(newsMsg{m.g, m.g.sub.Next()})
		}
	default:
	}
}

// begin puts a game on the screen.
func (m *Model) begin(g *Game) {
	m.g = g
	m.screen = playScreen
	m.panel = m.panels[0]
	st := g.State()
	for i, is := range st.Injects {
		// On resume, what was already decided has been read.
		if is.Status == game.Fired && is.Resolved {
			m.read[g.Scenario().Injects[i].ID] = true
		}
	}
	m.panels = panelsOf(m.opts.View)
	m.panel = m.panels[0]
	for _, c := range st.Calls {
		m.seenCalls[c.N] = !c.Open()
	}
	m.refresh()
	m.react(g.takeNews())
	if st.Ended {
		m.toEnd()
		return
	}
	switch {
	case st.Running:
		m.setStatus(statusInfo, "The story clock is running.")
	case m.opts.View == ControlView:
		m.setStatus(statusInfo, "The story clock is paused. Press space to start it for everyone.")
	case g.Actor.RunsClock():
		m.setStatus(statusInfo, "The story clock is paused. Read the feed, then press space to start it.")
	default:
		m.setStatus(statusInfo, "The story clock is paused until the facilitator starts it.")
	}
}

// running reports whether the story clock runs.
func (m *Model) running() bool { return m.g != nil && m.g.State().Running }

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	defer m.prepare()
	cmd := m.update(msg)
	if len(m.pending) > 0 {
		cmd = tea.Batch(append(m.pending, cmd)...)
		m.pending = nil
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m.resized()
	case tea.BackgroundColorMsg:
		m.setStyles(NewStyles(msg.IsDark()))
		return m.renderVisible()
	case newsMsg:
		if m.g == nil || msg.g != m.g {
			return nil // news of a game the screen has left
		}
		m.g.take(msg.Update)
		m.wall = msg.Update.At
		m.afterPlay()
		return tea.Batch(m.listen(), m.renderVisible())
	case doneMsg:
		if msg.g != m.g {
			return nil // an answer for a game the screen has left
		}
		// News the answer brings with it is shown first; what the person
		// did is the last word on the status line.
		m.g.apply(msg.events)
		m.g.mirror.SetNow(msg.now) // a jump may stop where nothing happens
		m.afterPlay()
		msg.then(msg.err)
		return m.renderVisible()
	case Step:
		if m.g == nil {
			return nil
		}
		return m.g.step()
	case gameReadyMsg:
		m.start.busy = false
		if msg.err != nil {
			m.start.err = msg.err.Error()
			return nil
		}
		m.begin(msg.g)
		return tea.Batch(m.listen(), m.renderVisible())
	case renderedMsg:
		m.md.done(msg)
		return nil
	case replayTick:
		return tea.Batch(m.replayStep(msg), m.renderVisible())
	case idleMsg:
		m.wall = time.Time(msg)
		return m.idleTick()
	case ScenarioChanged:
		return m.scenarioChanged(msg)
	case reloadedMsg:
		return m.reloaded(msg)
	case tea.KeyPressMsg:
		cmd := m.keypress(msg)
		return tea.Batch(cmd, m.renderVisible())
	}
	return nil
}

// setRunning starts or stops the story clock, or with toggle turns it,
// if this seat keeps it.
func (m *Model) setRunning(on, toggle bool) {
	if m.g == nil || m.screen != playScreen || !m.g.Actor.RunsClock() {
		return
	}
	m.pending = append(m.pending, m.g.setRunning(on, toggle, func(err error) {
		switch {
		case err != nil:
			m.setStatus(statusBad, "✗ "+err.Error())
		case !toggle:
		case m.running() && len(m.g.Waits()) > 0:
			m.setStatus(statusInfo, "The clock is started, and waits for the teams to answer"+m.runOnWords()+". space pauses it.")
		case m.running():
			m.setStatus(statusInfo, "The clock runs at "+speedWords(m.g.Speed())+". space pauses it.")
		default:
			m.setStatus(statusInfo, "Paused.")
		}
	}))
}

// quit ends the program; whoever runs it closes the table, which records
// where the clock stopped.
func (m *Model) quit() tea.Cmd { return tea.Quit }

// afterPlay brings the screen up to date after the table moved.
func (m *Model) afterPlay() {
	m.refresh()
	m.react(m.g.takeNews())
	if err := m.g.LogErr(); err != nil {
		m.setStatus(statusBad, "The log cannot be written ("+err.Error()+"): decisions are no longer saved. The clock is stopped.")
	}
}

// react turns news from the engine into what the player sees.
func (m *Model) react(news []game.Event) {
	st, sc := m.g.State(), m.g.Scenario()
	for i := range news {
		ev := &news[i]
		if m.byAnother(ev) {
			// Someone else at the table acted for the seat's side: say
			// so at once, so that nobody decides the same thing twice.
			m.setStatus(statusInfo, ev.By+": "+game.Describe(st, ev))
		}
		switch ev.Type {
		case game.InjectFired:
			// News is what this seat may see: the inject reached it.
			in := &sc.Injects[mustInject(sc, ev.Inject)]
			m.setStatus(statusInfo, "New "+strings.ToLower(in.Channel.Title())+": "+in.Title)
		case game.MessageSent:
			if ev.By != m.g.Actor.Name {
				m.setStatus(statusInfo, "New message from exercise control: "+ev.Title)
			}
		case game.Rang:
			if ev.Side != m.g.Side && !m.seenCalls[ev.Call] {
				// The hotline interrupts: the clock stops so the call can be
				// read; its countdown runs again with the clock.
				m.seenCalls[ev.Call] = true
				m.modalCall = ev.Call
				m.setStatus(statusBad, "☎ The hotline is ringing. "+m.clockForCall(ev.Call))
			}
		case game.Answered, game.Missed:
			if ev.Call == m.modalCall {
				m.modalCall = 0
			}
			if ev.Type == game.Missed {
				c := st.Calls[ev.Call-1]
				who := "Your"
				if c.From != m.g.Side {
					who = "The other side's"
				}
				m.setStatus(statusBad, who+" hotline call went unanswered; the ladder moves up.")
			}
		case game.ClarificationAsked:
			if r := &sc.Requests[mustRequest(sc, ev.Request)]; r.From == m.g.Side {
				m.setStatus(statusInfo, r.To.Title()+" asks you to clarify "+r.ID+"; its clock is stopped until you do (Requests, c).")
			}
		case game.Overdue:
			r := &sc.Requests[mustRequest(sc, ev.Request)]
			if r.To == m.g.Side {
				m.setStatus(statusBad, "Overdue: the "+r.Elements[r.Element(ev.Element)].Kind.Noun()+" for "+r.ID)
			}
		case game.ReviewHeld:
			if ev.Review.Meeting > 0 {
				m.meetingSeq = ev.Seq
				m.panel = reviewPanel
				m.review.offset = 0
				met := game.ReviewTitle(sc, ev.Review.Meeting) + ": every request reviewed."
				if st.Running {
					m.setStatus(statusInfo, met)
				} else if m.g.Actor.RunsClock() {
					m.setStatus(statusInfo, met+" The clock is paused; space resumes it.")
				} else {
					m.setStatus(statusInfo, met+" The clock is paused.")
				}
			}
		case game.ClockJumped:
			m.lastJump = *ev
			m.setStatus(statusInfo, game.JumpWords(st, ev))
		case game.ClockResumed:
			if len(m.g.Waits()) > 0 {
				m.setStatus(statusInfo, "The story clock is started, and waits for the teams to answer.")
			} else {
				m.setStatus(statusInfo, "The story clock runs.")
			}
		case game.ConditionFailed:
			m.setStatus(statusBad, "⚠ "+game.Describe(st, ev))
		case game.Ended:
			m.toEnd()
		}
	}
}

// runOnWords says how the facilitator runs the clock on past a wait.
func (m *Model) runOnWords() string {
	if m.opts.View == ControlView {
		return " (w runs it on)"
	}
	return ""
}

// clockForCall says what the story clock does while a call rings: the
// truth, which depends on who keeps the clock and the table's pace.
func (m *Model) clockForCall(call int) string {
	st := m.g.State()
	switch {
	case !st.Running && m.g.Actor.RunsClock():
		return "The clock is paused: answer, or press space to let it run."
	case !st.Running:
		return "The clock is paused: answer it."
	case m.g.WaitsFor(game.Owed{Call: call}.Key()):
		return "The clock waits for your answer: answer it now."
	}
	return "The clock runs: answer it by " + calendar(m.g.Scenario(), st.Calls[call-1].AnswerBy) + "."
}

// scenarioChanged makes a solo exercise again on its changed scenario, or
// says why the change cannot be played.
func (m *Model) scenarioChanged(msg ScenarioChanged) tea.Cmd {
	if m.g == nil || !m.g.alone || m.opts.Relog == nil || m.screen == startScreen {
		return nil
	}
	if msg.Scenario == nil {
		first := ""
		for _, d := range msg.Findings {
			if d.Severity == injects.Error {
				first = ": " + d.String()
				break
			}
		}
		m.setStatus(statusBad, fmt.Sprintf("The scenario file changed but does not load (%d errors)%s. Still playing the last version.",
			msg.Findings.Errors(), first))
		return nil
	}
	m.setStatus(statusInfo, "The scenario file changed: making the exercise again on it…")
	return m.g.rebase(msg.Scenario, m.opts.Relog)
}

// reloaded puts the exercise made again on the screen, and says which of
// the player's decisions no longer apply.
func (m *Model) reloaded(msg reloadedMsg) tea.Cmd {
	if msg.err != nil {
		m.setStatus(statusBad, "Could not make the exercise again on the changed file: "+msg.err.Error())
		return nil
	}
	old, panel := m.g, m.panel
	m.seq, m.textSeq = -1, -1
	m.begin(msg.g)
	m.panel = panel
	old.Close()
	st := msg.g.State()
	for _, d := range msg.dropped {
		msg.g.journal = append(msg.g.journal, journalLine{at: d.Event.At,
			text: "NO LONGER APPLIES: " + d.Event.Type.String() + " " + strings.TrimSpace(d.Event.Inject+" "+d.Event.Choice+" "+d.Event.Request+" "+d.Event.Element+" "+d.Event.Action) + ": " + d.Reason.Error()})
	}
	text := "Made again on the changed file, at " + calendar(msg.g.Scenario(), st.Now) + "; every decision still applies."
	if n := len(msg.dropped); n > 0 {
		text = fmt.Sprintf("Made again on the changed file, at %s; %d decision(s) no longer apply (see Log): the first, %s: %v",
			calendar(msg.g.Scenario(), st.Now), n, msg.dropped[0].Event.Type, msg.dropped[0].Reason)
	}
	m.setStatus(statusInfo, text)
	return tea.Batch(m.listen(), m.renderVisible())
}

// byAnother reports whether an event is another person's command for the
// seat's side.
func (m *Model) byAnother(ev *game.Event) bool {
	if ev.By == "" || ev.By == m.g.Actor.Name || strings.HasPrefix(ev.By, "bot:") || m.opts.View != PlayView {
		return false
	}
	t, ok := m.g.Scenario().Team(ev.Team)
	return ok && t.Side == m.g.Side
}

func (m *Model) toEnd() {
	m.setStatus(statusInfo, "The exercise has ended: the closing review is below. q quits.")
	m.screen = endScreen
	m.modalCall = 0
	m.ending.offset = 0
}

func (m *Model) setStatus(kind statusKind, text string) {
	m.status, m.statusKind = text, kind
}

// resized re-lays everything out, and stops the clock while the window is
// too small to show it, where this seat keeps the clock.
func (m *Model) resized() tea.Cmd {
	small := m.width < MinWidth || m.height < MinHeight
	switch {
	case small && m.running() && m.g.Actor.RunsClock():
		m.pausedForSize = true
		m.setRunning(false, false)
	case !small && m.pausedForSize:
		m.pausedForSize = false
		m.setRunning(true, false)
	}
	return m.renderVisible()
}

// keypress handles a key for whatever has focus.
func (m *Model) keypress(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if msg.String() == "ctrl+c" {
		return m.quit() // everything decided is already in the log
	}
	if m.width < MinWidth || m.height < MinHeight {
		if key.Matches(msg, k.Quit) {
			return m.quit()
		}
		return nil
	}
	if m.screen == startScreen {
		return m.startKeys(msg)
	}
	if m.form != nil {
		return m.formKeys(msg)
	}
	if m.rp != nil && !m.confirmQuit {
		if cmd, ok := m.replayKeys(msg); ok {
			return cmd
		}
	}
	if m.confirmQuit || m.confirmEnd {
		switch {
		case key.Matches(msg, k.Yes) && m.confirmQuit:
			return m.quit()
		case key.Matches(msg, k.Yes):
			m.confirmEnd = false
			m.do(game.Command{Verb: game.EndExercise}, "The exercise is over: the closing review is on every screen.")
		case key.Matches(msg, k.No), key.Matches(msg, k.Quit):
			m.confirmQuit, m.confirmEnd = false, false
			m.setStatus(statusInfo, "Carrying on.")
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		m.confirmQuit = true
		if m.opts.View != ControlView {
			m.setRunning(false, false) // a facilitator's quitting does not stop the class
		}
		return nil
	case key.Matches(msg, k.Help):
		m.showHelp = !m.showHelp
		return nil
	}
	if m.screen == endScreen {
		return m.scrollKeys(msg, &m.ending)
	}
	switch {
	case key.Matches(msg, k.Pause):
		if !m.g.Actor.RunsClock() {
			m.setStatus(statusInfo, "The facilitator runs the clock.")
			return nil
		}
		m.setRunning(false, true)
		return nil
	case key.Matches(msg, k.Faster):
		m.changeSpeed(1)
		return nil
	case key.Matches(msg, k.Slower):
		m.changeSpeed(-1)
		return nil
	case key.Matches(msg, k.Jump) && m.g.Actor.RunsClock():
		m.doThen(game.Command{Verb: game.JumpClock}, func(err error) {
			if err != nil {
				m.setStatus(statusBad, "✗ "+err.Error())
				return
			}
			m.setStatus(statusInfo, game.JumpWords(m.g.State(), &m.lastJump))
		})
		return nil
	case key.Matches(msg, k.RunOn) && m.opts.View == ControlView && len(m.g.Waits()) > 0:
		m.pending = append(m.pending, m.g.runOn(func(err error) {
			if err != nil {
				m.setStatus(statusBad, "✗ "+err.Error())
				return
			}
			m.setStatus(statusInfo, "The clock runs on: what the teams still owe falls due in story time.")
		}))
		return nil
	case key.Matches(msg, k.Message) && m.opts.View == ControlView:
		m.form = messageForm(m.g.Scenario())
		m.form.focus = 1
		return m.form.focusField()
	case key.Matches(msg, k.Observe) && (m.g.Actor.Role == game.Evaluator || m.opts.View == ControlView) && m.opts.View != PlayView:
		m.form = noteForm(m.g.Scenario())
		return m.form.focusField()
	case key.Matches(msg, k.End) && m.opts.View == ControlView:
		m.confirmEnd = true
		return nil
	}
	if m.modalCall != 0 {
		return m.callKeys(msg)
	}
	switch {
	case key.Matches(msg, k.Next):
		m.panel = m.panels[(slices.Index(m.panels, m.panel)+1)%len(m.panels)]
		return nil
	case key.Matches(msg, k.Prev):
		m.panel = m.panels[(slices.Index(m.panels, m.panel)+len(m.panels)-1)%len(m.panels)]
		return nil
	}
	switch m.panel {
	case feedPanel:
		return m.feedKeys(msg)
	case requestsPanel:
		return m.requestKeys(msg)
	case hotlinePanel:
		return m.hotlineKeys(msg)
	case reviewPanel:
		return m.scrollKeys(msg, &m.review)
	case logPanel:
		return m.scrollKeys(msg, &m.journal)
	case scriptPanel:
		return m.scriptKeys(msg)
	case seatsPanel:
		return m.seatsKeys(msg)
	case notesPanel:
		return m.scrollKeys(msg, &m.notes)
	}
	return nil
}

func (m *Model) changeSpeed(dir int) {
	if !m.g.Actor.RunsClock() {
		m.setStatus(statusInfo, "The facilitator sets the clock's speed.")
		return
	}
	cur := m.g.Speed()
	i := 0
	for i < len(Speeds) && Speeds[i] < cur {
		i++
	}
	switch {
	case dir > 0 && i < len(Speeds) && Speeds[i] == cur:
		i++
	case dir < 0:
		i--
	}
	i = min(max(i, 0), len(Speeds)-1)
	speed := Speeds[i]
	m.doThen(game.Command{Verb: game.SetSpeed, Speed: speed}, func(err error) {
		if err != nil {
			m.setStatus(statusBad, "✗ "+err.Error())
			return
		}
		m.setStatus(statusInfo, "Speed: "+speedWords(speed))
	})
}

func speedWords(d time.Duration) string { return span(d) + " of story a second" }

// do makes a command for the seat and says how it went.
func (m *Model) do(c game.Command, done string) {
	m.doThen(c, func(err error) {
		if err != nil {
			m.setStatus(statusBad, "✗ "+err.Error())
			return
		}
		m.setStatus(statusGood, "✓ "+done)
	})
}

// doThen makes a command at the table; then runs with the answer, once the
// events the command made are on this screen.
func (m *Model) doThen(c game.Command, then func(error)) {
	m.pending = append(m.pending, m.g.send(c, then))
}

// refresh rebuilds the lists the panels show, when the state has moved.
func (m *Model) refresh() {
	st := m.g.State()
	if st.Seq == m.seq {
		return
	}
	m.seq = st.Seq
	m.buildFeed()
	m.buildRequests()
	m.buildHotline()
	if m.opts.View == ControlView {
		m.buildScript()
	}
}

func mustInject(sc *injects.Scenario, id string) int {
	i, _ := sc.InjectIndex(id)
	return i
}

func mustRequest(sc *injects.Scenario, id string) int {
	i, _ := sc.RequestIndex(id)
	return i
}
