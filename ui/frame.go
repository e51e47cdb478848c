package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/injects"
)

// frame is the shape every seat's screen at a table shares: the header
// over the tabs, the panel in front (or, once the exercise has ended, the
// closing review), a replay's strip, the status line and the help line,
// and the overlays over them. It lays its parts out from the heights they
// report; it routes a key to the top overlay, else to the root's own keys,
// else to the seat's (quit, help, the clock, the tabs), else to the panel
// in front; it carries out what they ask; and it turns the table's news
// into what the seat is told.
type frame struct {
	c        *common
	kind     View
	header   *header
	tabs     *tabs
	status   statusLine
	helpLine helpLine
	overlays overlays
	ending   *ending
	strip    *strip // a replay's timeline, or nil
	// keys are the root's own keys, tried after the top overlay (when it
	// passes the key back, or there is none) and before the seat's; false
	// when the key is not one of them.
	keys func(tea.KeyPressMsg) (act, bool)
	// ownHelp are the root's keys for the help, beside the panel's.
	ownHelp []key.Binding
	// fixed is a help that replaces the frame's own (a replay's).
	fixed *helpKeys
	// quitWords say what quitting leaves behind, as the root puts it.
	quitWords func() string
	w, h      int
	ticks     countdown    // while time runs out in real time on the screen
	ended     bool         // the closing review replaces the panels
	postPlay  bool         // a screen for after play (the hotwash record): its panels stay at the end
	seq       int          // the state the panels were last refreshed at
	seen      map[int]bool // incoming calls already put in front of the seat
	lastJump  game.Event   // the clock's last jump, for where it stopped
	// pausedForSize is set when the clock was stopped because the window
	// got too small; it restarts when the window is big enough again.
	pausedForSize bool
	drawn         drawnFrame
}

func newFrame(c *common, kind View, name string, panels []panel) *frame {
	return &frame{
		c:        c,
		kind:     kind,
		header:   newHeader(c, name, kind != PlayView),
		tabs:     newTabs(c, panels),
		status:   statusLine{c: c},
		helpLine: helpLine{c: c},
		overlays: overlays{now: c.now},
		ending:   newEnding(c),
		w:        MinWidth,
		h:        MinHeight,
		seq:      -1,
		seen:     map[int]bool{},
		quitWords: func() string {
			if words, ok := logWords(c.g); ok {
				return words
			}
			return leaveWords(c.g)
		},
	}
}

// begin puts a game on the screen, and says whether its clock runs.
func (f *frame) begin(g *Game) {
	f.c.g = g
	f.seq, f.ended = -1, false
	st := g.State()
	for _, c := range st.Calls {
		f.seen[c.N] = !c.Open()
	}
	f.layout()
	f.refresh()
	f.react(g.takeNews())
	if st.Ended {
		f.toEnd()
		return
	}
	switch {
	case st.Running:
		f.say(statusInfo, "The story clock is running.")
	case f.kind == ControlView:
		f.say(statusInfo, "The story clock is paused. Press space to start it for everyone.")
	case g.Actor.RunsClock():
		f.say(statusInfo, "The story clock is paused. Read the feed, then press space to start it.")
	default:
		f.say(statusInfo, "The story clock is paused until the facilitator starts it.")
	}
}

func (f *frame) say(kind statusKind, text string) { f.status.set(status{kind, text}) }

// init listens to the table and renders what the screen shows first.
func (f *frame) init() tea.Cmd { return tea.Batch(f.settle(), f.c.g.listen()) }

// update handles what is not a key: the window's size, what the terminal
// pastes, the table's news, the answers to the seat's commands.
func (f *frame) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	g := f.c.g
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		cmd = f.resize(msg.Width, msg.Height)
	case tea.PasteMsg:
		cmd = f.apply(f.overlays.paste(msg))
	case tickMsg:
		f.ticks.tick(msg) // the next is armed below while it is needed
	case newsMsg:
		if msg.g != g {
			return nil // news of a game the screen has left
		}
		g.take(msg.Update)
		f.afterPlay()
		cmd = g.listen()
	case doneMsg:
		if msg.g != g {
			return nil // an answer for a game the screen has left
		}
		// News the answer brings with it is shown first; what the person
		// did is the last word on the status line.
		g.apply(msg.events)
		if msg.now > 0 {
			g.mirror.SetNow(msg.now) // a jump may stop where nothing happens
		}
		f.afterPlay()
		msg.then(msg.err)
	}
	return tea.Batch(cmd, f.settle())
}

// settle brings the screen's long texts up to date in Update, so that View
// only cuts them to size: the review's, the ending's, the Markdown the
// panel in front shows; and keeps a countdown on the screen current.
func (f *frame) settle() tea.Cmd {
	if f.ended {
		f.ending.prepare()
		return nil
	}
	g := f.c.g
	st := g.State()
	grace := false
	for _, a := range g.Absent() {
		grace = grace || a.Bot == "" && f.kind == ControlView
	}
	tick := f.ticks.arm(st.Running && len(g.Waits()) > 0 || grace, g.manual)
	p := f.tabs.focused()
	if pr, ok := p.(preparer); ok {
		pr.prepare()
	}
	if r, ok := p.(renderer); ok {
		r.render()
	}
	return tick
}

// key routes a key: to the top overlay, else to the root's own keys, else
// to the seat's keys, else to the panel in front. A key an overlay passes
// back reaches the root's and the seat's keys, never the panel beneath it.
func (f *frame) key(msg tea.KeyPressMsg) tea.Cmd {
	a, took := f.overlays.key(msg)
	if took && !a.pass {
		return tea.Batch(f.apply(a), f.settle())
	}
	cmd := f.apply(a) // an overlay may close as it passes its key on
	if f.keys != nil {
		if own, ok := f.keys(msg); ok {
			return tea.Batch(cmd, f.apply(own), f.settle())
		}
	}
	return tea.Batch(cmd, f.seatKey(msg, took), f.settle())
}

// seatKey handles the keys of the seat (quit, help, the clock, the tabs)
// and, unless an overlay passed the key back, gives the rest to the panel
// in front, or to the ending once the exercise is over.
func (f *frame) seatKey(msg tea.KeyPressMsg, passed bool) tea.Cmd {
	k := f.c.keys
	switch {
	case key.Matches(msg, k.Quit):
		f.overlays.push(quitConfirm(f.c, f.ending.beforeQuit(f.quitWords())))
		if f.kind != ControlView {
			return f.setRunning(false, false) // a facilitator's quitting does not stop the class
		}
		return nil
	case key.Matches(msg, k.Help):
		f.overlays.push(&keyHelp{c: f.c, keys: f.fullHelp()})
		return nil
	case f.ended:
		if passed {
			return nil
		}
		return f.apply(f.ending.update(msg))
	case key.Matches(msg, k.Pause):
		if !f.c.runsClock() {
			f.say(statusInfo, "The facilitator runs the clock.")
			return nil
		}
		return f.setRunning(false, true)
	case key.Matches(msg, k.Faster):
		return f.apply(f.speed(1))
	case key.Matches(msg, k.Slower):
		return f.apply(f.speed(-1))
	case key.Matches(msg, k.Jump) && f.c.runsClock():
		return f.apply(f.jump())
	case key.Matches(msg, k.Next):
		f.tabs.move(1)
		return nil
	case key.Matches(msg, k.Prev):
		f.tabs.move(-1)
		return nil
	case passed:
		return nil
	}
	return f.apply(f.tabs.focused().update(msg))
}

// apply carries out what a component asked.
func (f *frame) apply(a act) tea.Cmd {
	if a.say.text != "" {
		f.status.set(a.say)
	}
	if a.open != nil {
		f.overlays.push(a.open)
	}
	cmd := a.cmd
	if r := a.room; r != nil {
		cmd = tea.Batch(cmd, f.c.g.room(r.do, func(err error) {
			if err != nil {
				f.say(statusBad, "✗ "+err.Error())
			} else if r.done != "" {
				f.say(statusInfo, r.done)
			}
		}))
	}
	if a.order == nil {
		return cmd
	}
	return tea.Batch(f.send(a.order), cmd)
}

// send makes an order's command at the table; once its events are on the
// screen the status line says how it went.
func (f *frame) send(o *order) tea.Cmd {
	return f.c.g.send(o.c, func(err error) {
		switch {
		case err != nil:
			f.say(statusBad, "✗ "+err.Error())
		case o.report != nil:
			f.status.set(o.report())
		case o.done != "":
			f.say(statusGood, "✓ "+o.done)
		}
	})
}

// setRunning starts or stops the story clock, or with toggle turns it, if
// this seat keeps it.
func (f *frame) setRunning(on, toggle bool) tea.Cmd {
	g := f.c.g
	if f.ended || !g.Actor.RunsClock() {
		return nil
	}
	return g.setRunning(on, toggle, func(err error) {
		switch {
		case err != nil:
			f.say(statusBad, "✗ "+err.Error())
		case !toggle:
		case g.State().Running && len(g.Waits()) > 0:
			f.say(statusInfo, "The clock is started, and waits for the teams to answer"+f.runOnWords()+". space pauses it.")
		case g.State().Running:
			f.say(statusInfo, "The clock runs at "+speedWords(g.Speed())+". space pauses it.")
		default:
			f.say(statusInfo, "Paused.")
		}
	})
}

// speed moves the clock's speed a step up (1) or down (-1) the Speeds.
func (f *frame) speed(dir int) act {
	if !f.c.runsClock() {
		return say(statusInfo, "The facilitator sets the clock's speed.")
	}
	cur := f.c.g.Speed()
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
	speed := Speeds[min(max(i, 0), len(Speeds)-1)]
	a := command(game.Command{Verb: game.SetSpeed, Speed: speed}, "")
	a.order.report = func() status { return status{statusInfo, "Speed: " + speedWords(speed)} }
	return a
}

// jump moves the clock on to the next thing someone at the exercise sees,
// short of what a seated team owes; the table's clock.jumped says where it
// stopped and why.
func (f *frame) jump() act {
	g := f.c.g
	a := command(game.Command{Verb: game.JumpClock}, "")
	a.order.report = func() status { return status{statusInfo, game.JumpWords(g.State(), &f.lastJump, g.Viewer)} }
	return a
}

// runOnWords says how the facilitator runs the clock on past a wait.
func (f *frame) runOnWords() string {
	if f.kind == ControlView {
		return " (w runs it on)"
	}
	return ""
}

// clockForCall says what the story clock does while a call rings: the
// truth, which depends on who keeps the clock and the table's pace.
func (f *frame) clockForCall(call int) string {
	g := f.c.g
	st := g.State()
	switch {
	case !st.Running && g.Actor.RunsClock():
		return "The clock is paused: answer, or press space to let it run."
	case !st.Running:
		return "The clock is paused: answer it."
	case g.WaitsFor(game.Owed{Call: call}.Key()):
		return "The clock waits for your answer: answer it now."
	}
	return "The clock runs: answer it by " + calendar(g.Scenario(), st.Calls[call-1].AnswerBy) + "."
}

// resize lays the screen out again, and stops the clock while the window
// is too small to show it, where this seat keeps the clock.
func (f *frame) resize(w, h int) tea.Cmd {
	f.w, f.h = w, h
	f.layout()
	small := w < MinWidth || h < MinHeight
	switch {
	case small && f.c.g.State().Running && f.c.runsClock():
		f.pausedForSize = true
		return f.setRunning(false, false)
	case !small && f.pausedForSize:
		f.pausedForSize = false
		return f.setRunning(true, false)
	}
	return nil
}

// bodyHeight is what the window leaves the panels once the header, the
// tabs, the strip and the status and help lines have their lines.
func (f *frame) bodyHeight() int {
	h := f.h - f.header.height() - f.tabs.height() - f.status.height() - f.helpLine.height()
	if f.strip != nil {
		h -= f.strip.height()
	}
	return h
}

// layout gives the panels and the ending the body's size.
func (f *frame) layout() {
	w, h := f.w, f.bodyHeight()
	for _, p := range f.tabs.panels {
		p.setSize(w, h)
	}
	f.ending.setSize(w, h)
}

// setPanels puts other panels behind the tabs, keeping in front the one
// of the same name.
func (f *frame) setPanels(panels []panel) {
	name := f.tabs.focused().title()
	f.tabs = newTabs(f.c, panels)
	for i, p := range panels {
		if p.title() == name {
			f.tabs.show(i)
		}
	}
	f.layout()
}

// afterPlay brings the screen up to date after the table moved.
func (f *frame) afterPlay() {
	g := f.c.g
	f.refresh()
	f.react(g.takeNews())
	if st := g.State(); st.Running && len(g.Waits()) == 0 && strings.Contains(f.status.last.text, "waits for the teams to answer") {
		// The line said the clock waits; it runs on now.
		f.say(statusInfo, "The clock runs on at "+speedWords(g.Speed())+".")
	}
	if err := g.LogErr(); err != nil {
		f.say(statusBad, "The log cannot be written ("+err.Error()+"): decisions are no longer saved. The clock is stopped.")
	}
}

// refresh rebuilds what the panels list, when the state has moved.
func (f *frame) refresh() {
	st := f.c.g.State()
	if st.Seq == f.seq {
		return
	}
	f.seq = st.Seq
	for _, p := range f.tabs.panels {
		p.refresh()
	}
}

// react turns news from the engine into what the seat is told.
func (f *frame) react(news []game.Event) {
	g := f.c.g
	st, sc := g.State(), g.Scenario()
	for i := range news {
		ev := &news[i]
		if f.byAnother(ev) {
			// Someone else at the table acted for the seat's side: say so
			// at once, so that nobody decides the same thing twice.
			f.say(statusInfo, ev.By+": "+game.Describe(st, ev))
		}
		for _, p := range f.tabs.panels {
			n, ok := p.(noticer)
			if !ok {
				continue
			}
			a := n.notice(ev)
			if a.say.text != "" {
				f.status.set(a.say)
			}
			if a.focus {
				f.tabs.bring(p)
			}
		}
		switch ev.Type {
		case game.InjectFired:
			// News is what this seat may see: the inject reached it.
			in := &sc.Injects[mustInject(sc, ev.Inject)]
			f.say(statusInfo, "New "+strings.ToLower(in.Channel.Title())+": "+in.Title)
		case game.MessageSent:
			if ev.By != g.Actor.Name {
				f.say(statusInfo, "New message from exercise control: "+ev.Title)
			}
		case game.Rang:
			switch {
			case f.seen[ev.Call]:
			case g.answers(ev.Call):
				// The hotline interrupts whoever can answer it: the clock
				// stops so the call can be read; its countdown runs again
				// with the clock.
				f.seen[ev.Call] = true
				f.overlays.interrupt(&call{c: f.c, n: ev.Call})
				f.say(statusBad, "☎ The hotline is ringing. "+f.clockForCall(ev.Call))
			default:
				f.say(statusInfo, "☎ "+game.Describe(st, ev))
			}
		case game.Answered, game.Missed:
			inFront := f.overlays.closeWhere(func(o overlay) bool { c, ok := o.(*call); return ok && c.n == ev.Call })
			if inFront && !f.byAnother(ev) {
				f.say(statusInfo, "☎ "+game.Describe(st, ev)) // a bot answered the call in front
			}
			if ev.Type == game.Missed {
				c := st.Calls[ev.Call-1]
				who := "Your"
				if c.From != g.Side {
					who = "The other side's"
				}
				f.say(statusBad, who+" hotline call went unanswered; the ladder moves up.")
			}
		case game.ClarificationAsked:
			if r := &sc.Requests[mustRequest(sc, ev.Request)]; r.From == g.Side {
				f.say(statusInfo, r.To.Title()+" asks you to clarify "+r.ID+"; its clock is stopped until you do (Requests, c).")
			}
		case game.Overdue:
			r := &sc.Requests[mustRequest(sc, ev.Request)]
			if r.To == g.Side {
				f.say(statusBad, "Overdue: the "+r.Elements[r.Element(ev.Element)].Kind.Noun()+" for "+r.ID)
			}
		case game.ReviewHeld:
			if ev.Review.Meeting > 0 {
				met := game.ReviewTitle(sc, ev.Review.Meeting) + ": every request reviewed."
				switch {
				case st.Running:
					f.say(statusInfo, met)
				case g.Actor.RunsClock():
					f.say(statusInfo, met+" The clock is paused; space resumes it.")
				default:
					f.say(statusInfo, met+" The clock is paused.")
				}
			}
		case game.ClockJumped:
			f.lastJump = *ev
			f.say(statusInfo, game.JumpWords(st, ev, g.Viewer))
		case game.ClockResumed:
			if len(g.Waits()) > 0 {
				f.say(statusInfo, "The story clock is started, and waits for the teams to answer.")
			} else {
				f.say(statusInfo, "The story clock runs.")
			}
		case game.ConditionFailed:
			f.say(statusBad, "⚠ "+game.Describe(st, ev))
		case game.Ended:
			f.toEnd()
		}
	}
}

// byAnother reports whether an event is another person's command for the
// seat's side.
func (f *frame) byAnother(ev *game.Event) bool {
	g := f.c.g
	if ev.By == "" || ev.By == g.Actor.Name || strings.HasPrefix(ev.By, "bot:") || f.kind != PlayView {
		return false
	}
	t, ok := g.Scenario().Team(ev.Team)
	return ok && t.Side == g.Side
}

// toEnd puts the closing review in place of the panels; what belonged to
// play (a call, a decline) closes. A screen for after play keeps its
// panels.
func (f *frame) toEnd() {
	if f.postPlay {
		return
	}
	f.say(statusInfo, f.ending.arrival())
	f.ended = true
	f.overlays.closeWhere(func(o overlay) bool {
		switch o.(type) {
		case *call, *decline:
			return true
		}
		return false
	})
	f.ending.scroll.offset = 0
}

// context is the help for where the person is, with no overlay open.
func (f *frame) context() helpKeys {
	if f.fixed != nil {
		return *f.fixed
	}
	if f.ended {
		return f.ending.keys()
	}
	k := f.c.keys
	here := append(slices.Clone(f.tabs.focused().help()), f.ownHelp...)
	var clock []key.Binding
	if f.c.runsClock() {
		clock = []key.Binding{k.Pause, withHelp(k.Faster, "+", "faster"), k.Slower, k.Jump}
		if f.kind == ControlView && len(f.c.g.Waits()) > 0 {
			clock = append(clock, k.RunOn)
		}
	}
	short := append(slices.Clone(here), f.c.seatKeys(true)...)
	return helpKeys{short: short, full: [][]key.Binding{here, clock,
		missing(here, k.Next, k.Prev, k.PageUp, k.PageDn), {k.Help, k.Quit}}}
}

// shortHelp is the help line's: the top overlay's keys, or where the
// person is.
func (f *frame) shortHelp() []key.Binding {
	if t := f.overlays.top(); t != nil {
		return t.help()
	}
	return f.context().short
}

// fullHelp is what the help shows: every key of the top overlay, or of
// where the person is.
func (f *frame) fullHelp() [][]key.Binding {
	if t := f.overlays.top(); t != nil {
		return [][]key.Binding{t.help()}
	}
	return f.context().full
}

// view draws the screen: the header, the tabs, the body (the topmost
// overlay over the panels, the ending, or the panel in front), a replay's
// strip, the status line (or the overlay on it) and the help line. What
// other screens at the table show alike is taken from their drawings
// (Shared); a part drawn as it was last time is not laid out again, and a
// screen whose parts are all as they were is the same text: Bubble Tea
// then has nothing to send.
func (f *frame) view() string {
	w, bodyH := f.w, f.bodyHeight()
	var body string
	if o := f.overlays.on(overPanels); o != nil {
		body = f.drawn.box(o.view(w, bodyH), w, bodyH)
	} else if f.ended {
		body = f.drawn.box(f.ending.view(), w, bodyH)
	} else {
		body = f.drawPanel(f.tabs.focused(), w, bodyH)
	}
	parts := []string{f.header.view(w), f.tabs.view(w, !f.ended), body}
	if f.strip != nil {
		parts = append(parts, f.strip.view(w))
	}
	line := f.drawn.status(f.status, w)
	if o := f.overlays.on(overStatus); o != nil {
		line = o.view(w, f.status.height())
	}
	parts = append(parts, line, f.helpLine.view(w, f.shortHelp()))
	return f.drawn.join(parts)
}

// drawnFrame is what a frame drew last, and from what: the panel's text
// and its box, the status line, and the screen.
type drawnFrame struct {
	body, boxed string
	bw, bh      int
	said        status
	sw          int
	sdark       bool
	line        string
	parts       []string
	screen      string
}

// box fits the body to the panels' room, unless it did so for this text
// and size last time.
func (d *drawnFrame) box(body string, w, h int) string {
	if body != d.body || w != d.bw || h != d.bh || d.boxed == "" {
		d.body, d.bw, d.bh, d.boxed = body, w, h, box(body, w, h)
	}
	return d.boxed
}

// status draws the status line, unless it did so for this status and
// width last time.
func (d *drawnFrame) status(l statusLine, w int) string {
	if l.last != d.said || w != d.sw || l.c.styles.IsDark != d.sdark || d.line == "" {
		d.said, d.sw, d.sdark, d.line = l.last, w, l.c.styles.IsDark, l.view(w)
	}
	return d.line
}

// join puts the parts one under the other: the last screen, when every
// part is as it was.
func (d *drawnFrame) join(parts []string) string {
	if !slices.Equal(parts, d.parts) || d.screen == "" {
		d.parts, d.screen = parts, strings.Join(parts, "\n")
	}
	return d.screen
}

// logWords say what quitting leaves of a log that can no longer be
// written, if that is so.
func logWords(g *Game) (string, bool) {
	if err := g.LogErr(); err != nil {
		return "Decisions are no longer saved: the log cannot be written (" + err.Error() + ").", true
	}
	return "", false
}

func mustInject(sc *injects.Scenario, id string) int {
	i, _ := sc.InjectIndex(id)
	return i
}

func mustRequest(sc *injects.Scenario, id string) int {
	i, _ := sc.RequestIndex(id)
	return i
}
