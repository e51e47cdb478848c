package classroom

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
	"hotline/ui"
)

// maxName is the longest display name, in characters: it has to fit in
// a header beside the team's others.
const maxName = 24

// step is where a session is in joining.
type step uint8

const (
	askCode step = iota
	askName
	askTakeOver // the name is connected from another terminal: take the seat over?
	joining     // the table is seating them
	seated
	refused // a last line, then the connection ends
)

// session is one SSH connection's program: the join screen, then the
// seat's own screen, which it wraps so it can follow the seat when the
// facilitator moves its person and leave the table when the connection
// ends.
type session struct {
	s      *Server
	ip     string
	step   step
	in     textinput.Model
	note   string  // what went wrong with the last thing typed
	ticket *ticket // its time at the join screen
	win    *window // its terminal's size, capped until it has a right code

	tries int       // wrong codes typed
	next  time.Time // when the next code is looked at

	seat          Seat
	width, height int
	styles        ui.Styles              // of the join screen, for the terminal's background
	background    tea.BackgroundColorMsg // the terminal's answer, once it has given it
	screen        *painter

	mu     sync.Mutex // guards what the server's watcher reads: g, tables, person, left
	g      *ui.Game
	tables []ui.RoomTable // a room's seat's: every table's game
	person game.Person
	conn   int // the table's id of this connection, once seated
	left   bool
	play   *ui.Model
}

func newSession(s *Server, sess ssh.Session) *session {
	m := &session{s: s, ip: addressOf(sess.RemoteAddr()), width: ui.MinWidth, height: ui.MinHeight, styles: ui.NewStyles(true)}
	m.ticket, _ = sess.Context().Value(ticketKey{}).(*ticket)
	m.win, _ = sess.(*window)
	if pty, _, ok := sess.Pty(); ok {
		m.width, m.height = pty.Window.Width, pty.Window.Height
	}
	m.in = textinput.New()
	m.in.Prompt = ""
	m.in.CharLimit = 2 * codeLen
	st := m.in.Styles()
	st.Cursor.Blink = false // a steady cursor: nothing to redraw over SSH
	m.in.SetStyles(st)
	m.in.Focus()
	// ssh CODE@host: the code is the user name, and the prompt is skipped.
	// A user name that is not a code is the student's own login name.
	if seat, ok := s.lookup(sess.User()); ok {
		m.chose(seat)
	} else if looksLikeCode(sess.User()) {
		m.wrongCode()
	}
	return m
}

// looksLikeCode is whether a user name was meant as a code: ten of the
// codes' characters. A mistyped one counts as a wrong code.
func looksLikeCode(user string) bool {
	c := strings.ReplaceAll(normalize(user), "-", "")
	return len(c) == codeLen && strings.Trim(c, codeAlphabet) == ""
}

// chose moves on from a right code: to the name, or for the projector,
// which has none, straight to the table. The session no longer counts as
// one joining, and its screen may take the terminal's whole size.
func (m *session) chose(seat Seat) {
	m.ticket.gotCode()
	if m.win != nil {
		m.win.joined()
	}
	m.seat, m.note = seat, ""
	m.in.Reset()
	m.in.CharLimit = maxName
	m.step = askName
	if seat.Projector || seat.Room {
		m.step = joining // the room's seats are the facilitator's, or nobody's
	}
}

// class is the table the session's code is from.
func (m *session) class() *served { return m.s.classes[m.seat.Table] }

func (m *session) tb() *table.Table { return m.class().Table }

func (m *session) sc() *injects.Scenario { return m.class().sc }

// wrongCode slows the session after a wrong code: its next code is looked
// at only after a pause that doubles each time, and after a few it is
// closed; when the whole server has had too many, at once. Nobody else
// waits for it: another session's right code gets in as ever.
func (m *session) wrongCode() {
	m.in.Reset()
	m.tries++
	switch {
	case !m.s.guard.wrongCode():
		m.step = refused
		m.note = "hotline: this class's server is getting too many wrong codes: check the code on the board, then connect again."
	case m.tries >= triesPerSession:
		m.step = refused
		m.note = fmt.Sprintf("hotline: %d wrong codes: check the code on the board, then connect again.", m.tries)
	default:
		m.next = m.s.cfg.Now().Add(pauseAfter(m.tries))
		m.note = "That is not one of this class's codes: check the board and type it again."
	}
}

// joinTimeoutMsg says the session's time at the join screen may be up.
type joinTimeoutMsg struct{}

// joinedMsg is the table's answer to a join.
type joinedMsg struct {
	g      *ui.Game
	person game.Person
	err    error
	// others are the person's other connections, which a seat taken over
	// ends.
	others []table.Presence
	tables []ui.RoomTable // for a room's seat, in place of g
}

// join seats the person off the update loop: seating writes the log. A
// person connected from another terminal is asked first whether to take
// the seat over (takeOver).
func (m *session) join(name string, takeOver bool) tea.Cmd {
	m.step = joining
	seat := m.seat
	if seat.Room {
		return func() tea.Msg { return joinedMsg{tables: m.s.joinRoom(seat)} }
	}
	return func() tea.Msg {
		var others []table.Presence
		if takeOver {
			others = m.tb().Connections(name)
		}
		g, p, err := m.s.join(seat, name, takeOver)
		return joinedMsg{g: g, person: p, err: err, others: others}
	}
}

func (m *session) Init() tea.Cmd {
	var cmds []tea.Cmd // the painter asks the terminal's background
	if m.step == refused {
		return tea.Quit
	}
	if m.step == joining {
		cmds = append(cmds, m.join("", false))
	}
	return tea.Batch(cmds...)
}

func (m *session) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.step == refused {
		return m, nil // the session is ending; its reason stands
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		m.styles, m.background = ui.NewStyles(msg.IsDark()), msg
	case joinedMsg:
		return m, m.joined(msg)
	case joinTimeoutMsg:
		return m, m.timeout()
	case tea.KeyPressMsg:
		if m.play != nil {
			if m.g != nil {
				m.tb().Touch(m.conn)
			}
			break
		}
		return m, m.key(msg)
	case tea.PasteMsg:
		if m.play == nil {
			return m, m.paste(msg)
		}
	}
	if m.play == nil {
		return m, nil
	}
	_, cmd := m.play.Update(msg)
	return m, tea.Batch(cmd, m.follow())
}

// key handles a key on the join screen.
func (m *session) key(msg tea.KeyPressMsg) tea.Cmd {
	if m.width < ui.MinWidth || m.height < ui.MinHeight {
		if msg.String() == "q" { // as the too-small screen says
			return tea.Quit
		}
		return nil
	}
	if m.step == askTakeOver {
		return m.takeOver(msg)
	}
	switch msg.String() {
	case "ctrl+c", "esc":
		return tea.Quit
	case "enter":
		typed := m.in.Value()
		switch m.step {
		case askCode:
			if strings.TrimSpace(typed) == "" {
				return nil
			}
			if wait := m.next.Sub(m.s.cfg.Now()); wait > 0 {
				// Too soon after a wrong code: not looked at, and not
				// counted.
				m.note = fmt.Sprintf("Wait %s before the next try: each wrong code makes the next wait longer.", seconds(wait))
				return nil
			}
			seat, ok := m.s.lookup(typed)
			if !ok {
				m.wrongCode()
				if m.step == refused {
					return tea.Quit
				}
				return nil
			}
			m.chose(seat)
			if m.step == joining {
				return m.join("", false)
			}
			return nil
		case askName:
			name := injects.CleanName(typed)
			if name == "" {
				m.note = "Type the name the others will know you by."
				return nil
			}
			return m.join(name, false)
		}
		return nil
	}
	if m.step != askCode && m.step != askName {
		return nil
	}
	var cmd tea.Cmd
	m.in, cmd = m.in.Update(msg)
	return cmd
}

// takeOver answers whether to take over a seat held from another
// terminal: y joins here and ends the other terminal's session; n (or esc)
// goes back to the name.
func (m *session) takeOver(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "ctrl+c":
		return tea.Quit
	case "y":
		m.note = ""
		return m.join(injects.CleanName(m.in.Value()), true)
	case "n", "esc":
		m.step, m.note = askName, "Type another name, or ask the facilitator."
		m.in.Reset()
	}
	return nil
}

// paste takes what the terminal pasted into the box being typed in, as if
// typed.
func (m *session) paste(msg tea.PasteMsg) tea.Cmd {
	if m.step != askCode && m.step != askName || m.width < ui.MinWidth || m.height < ui.MinHeight {
		return nil
	}
	var cmd tea.Cmd
	m.in, cmd = m.in.Update(msg)
	return cmd
}

// timeout ends a session still at the join screen when its time is up.
func (m *session) timeout() tea.Cmd {
	if m.step != askCode && m.step != askName || !m.ticket.expired() {
		return nil
	}
	what := "a code"
	if m.step == askName {
		what = "a name"
	}
	m.step = refused
	m.note = fmt.Sprintf("hotline: the join screen closes after %d minutes without %s: connect again when you have it.", int(joinTimeout.Minutes()), what)
	return tea.Quit
}

// seconds says a short wait in whole seconds, rounded up.
func seconds(d time.Duration) string {
	n := int((d + time.Second - 1) / time.Second)
	if n == 1 {
		return "1 second"
	}
	return fmt.Sprintf("%d seconds", n)
}

// joined puts the seat's screen up, or says why the table refused.
func (m *session) joined(msg joinedMsg) tea.Cmd {
	switch {
	case errors.Is(msg.err, errElsewhere):
		m.step = askTakeOver
		return nil
	case msg.err != nil:
		m.step, m.note = askName, msg.err.Error()
		return nil
	}
	m.mu.Lock()
	if m.left {
		m.mu.Unlock()
		msg.g.Close()
		for _, t := range msg.tables {
			t.Game.Close()
		}
		return nil
	}
	if msg.tables != nil {
		m.tables = msg.tables
		m.mu.Unlock()
		m.ticket.close()
		m.step = seated
		m.s.cfg.Log.Info("joined the room", "seat", seatName(m), "from", m.ip)
		m.play = ui.New(ui.Options{Tables: m.tables, View: viewOf(m.seat), Now: m.s.cfg.Now})
		return m.sized()
	}
	m.g, m.person = msg.g, msg.person
	m.conn = m.tb().Connect(msg.person)
	m.mu.Unlock()
	for _, o := range msg.others {
		m.tb().Evict(o.ID) // the seat is taken over from here
		m.s.cfg.Log.Info("took the seat over from another terminal", "who", msg.person.Name, "from", m.ip)
	}
	m.ticket.close()
	if !m.seat.Projector {
		m.seat = Seat{Role: msg.person.Role, Team: msg.person.Team, Table: m.seat.Table}
	}
	m.step = seated
	m.s.cfg.Log.Info("joined", "who", m.who(), "from", m.ip)
	return m.open("")
}

// open puts the screen of the game on, with a note on its status line if
// there is one to give.
func (m *session) open(note string) tea.Cmd {
	m.play = ui.New(ui.Options{Game: m.g, View: viewOf(m.seat), Now: m.s.cfg.Now, Note: note, Shared: m.class().shared, Table: m.class().Name})
	return m.sized()
}

// sized tells a seat's new screen the terminal's size and, so that it is
// drawn in the right colours at once, its background, and starts it.
func (m *session) sized() tea.Cmd {
	_, sized := m.play.Update(tea.WindowSizeMsg{Width: m.width, Height: m.height})
	if m.background.Color != nil {
		m.play.Update(m.background)
	}
	return tea.Batch(sized, m.play.Init())
}

// follow notices the facilitator moving this person to another seat, or
// out of the exercise, from the state the screen shows.
func (m *session) follow() tea.Cmd {
	if len(m.tables) > 0 && m.tables[0].Game.Closed() {
		m.step, m.note = refused, "hotline: the facilitator has closed the class. Thank you for playing."
		m.leave()
		return tea.Quit
	}
	if m.g == nil {
		return nil
	}
	if m.g.Closed() {
		m.step, m.note = refused, "hotline: the facilitator has closed the class. Thank you for playing."
		m.leave()
		return tea.Quit
	}
	tb := m.tb()
	if tb.Evicted(m.conn) {
		m.step, m.note = refused, fmt.Sprintf("hotline: %s's seat was taken over from another terminal.", m.person.Name)
		m.leave()
		return tea.Quit
	}
	if m.seat.Projector || m.person.Role == game.Facilitator {
		return nil
	}
	now, ok := m.g.State().Seated(m.person.Name)
	if ok && now == m.person {
		return nil
	}
	if !ok {
		m.step, m.note = refused, fmt.Sprintf("hotline: the facilitator has taken %s out of the exercise.", m.person.Name)
		m.leave()
		return tea.Quit
	}
	actor, ok := tb.Actor(now.Name)
	if !ok {
		return nil
	}
	old := m.g
	m.mu.Lock()
	m.g, m.person = ui.Seat(tb, m.sc(), actor, game.ViewerFor(m.sc(), now), sideOf(m.sc(), now)), now
	m.mu.Unlock()
	old.Close()
	tb.Move(m.conn, now)
	m.seat = Seat{Role: now.Role, Team: now.Team, Table: m.seat.Table}
	return m.open("The facilitator has moved you to " + strings.TrimPrefix(seatWords(m.sc(), now), "in ") + ".")
}

// leave takes the connection from the table: its person stays seated, so
// a reconnection finds the seat as it was.
func (m *session) leave() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.left {
		return
	}
	m.left = true
	m.ticket.close()
	for _, t := range m.tables {
		t.Game.Close()
	}
	if m.g != nil {
		m.g.Close()
		m.tb().Disconnect(m.conn)
		m.s.cfg.Log.Info("left", "who", m.person.Name, "from", m.ip)
	}
}

// farewell is the line a session ended by the server leaves behind.
func (m *session) farewell() string {
	if m.step == refused {
		return m.note
	}
	return ""
}

// lag is how long the table's news has waited for this session.
func (m *session) lag() time.Duration {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.left {
		return 0
	}
	var lag time.Duration
	for _, t := range m.tables {
		lag = max(lag, t.Game.Lag())
	}
	if m.g != nil {
		lag = max(lag, m.g.Lag())
	}
	return max(lag, m.screen.stalled())
}

// who names the session in the server's log.
func (m *session) who() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case len(m.tables) > 0:
		return seatName(m)
	case m.g == nil:
		return "someone joining from " + m.ip
	}
	return m.person.Name
}

func (m *session) View() tea.View {
	if m.play != nil && m.step == seated {
		return m.play.View()
	}
	if m.step == refused {
		return tea.NewView("") // the server prints the reason once the screen is gone
	}
	v := tea.NewView(m.joinView())
	v.AltScreen = true
	v.WindowTitle = "Hotline — " + m.sc().Title
	return v
}

// joinView is the join screen: the scenario, then the code or the name.
func (m *session) joinView() string {
	j := ui.Join{Scenario: m.sc().Title, Seat: seatName(m), Input: m.in.View(), Note: m.note}
	switch m.step {
	case askName:
		j.Step = ui.JoinName
	case askTakeOver:
		j.Step, j.Name = ui.JoinTakeOver, injects.CleanName(m.in.Value())
	case joining:
		j.Step = ui.Joining
	}
	return j.View(m.styles, m.width, m.height)
}

// seatName says which seat a code gives, in words.
func seatName(m *session) string {
	at := ""
	if name := m.class().Name; name != "" && !m.seat.Room {
		at = name + ": "
	}
	switch {
	case m.seat.Room && m.seat.Projector:
		return "the room's projector, over every table"
	case m.seat.Room:
		return "the facilitator's console over every table"
	case m.seat.Projector:
		return at + "the projector"
	case m.seat.Team != "":
		if t, ok := m.sc().Team(m.seat.Team); ok {
			return at + t.Name
		}
	}
	return at + "the room as " + strings.ToLower(m.seat.Role.String())
}
