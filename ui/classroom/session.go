package classroom

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"charm.land/ssh"

	"hotline/game"
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
	joining // the table is seating them
	seated
	refused // a last line, then the connection ends
)

// session is one SSH connection's program: the join screen, then the
// seat's own screen, which it wraps so it can follow the seat when the
// facilitator moves its person and leave the table when the connection
// ends.
type session struct {
	s    *Server
	ip   string
	step step
	in   textinput.Model
	note string // what went wrong with the last thing typed

	seat          Seat
	width, height int
	styles        ui.Styles // of the join screen, for the terminal's background

	mu     sync.Mutex // guards what the server's watcher reads: g, person, left
	g      *ui.Game
	person game.Person
	conn   int // the table's id of this connection, once seated
	left   bool
	play   *ui.Model
}

func newSession(s *Server, sess ssh.Session) *session {
	m := &session{s: s, ip: remoteIP(sess), width: ui.MinWidth, height: ui.MinHeight, styles: ui.NewStyles(true)}
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
	if seat, ok := s.cfg.Codes.Lookup(sess.User()); ok {
		m.s.fails.ok(m.ip)
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
// which has none, straight to the table.
func (m *session) chose(seat Seat) {
	m.seat, m.note = seat, ""
	m.in.Reset()
	m.in.CharLimit = maxName
	m.step = askName
	if seat.Projector {
		m.step = joining
	}
}

// wrongCode counts a wrong code against the address, and ends the
// session when the address must now wait.
func (m *session) wrongCode() {
	m.in.Reset()
	if wait := m.s.fails.fail(m.ip); wait > 0 {
		m.step = refused
		m.note = fmt.Sprintf("hotline: too many wrong codes from this address: try again in %s", wait.Round(time.Second))
		return
	}
	m.note = "That is not one of this class's codes: check the board and type it again."
}

// joinedMsg is the table's answer to a join.
type joinedMsg struct {
	g      *ui.Game
	person game.Person
	err    error
}

// join seats the person off the update loop: seating writes the log.
func (m *session) join(name string) tea.Cmd {
	m.step = joining
	seat := m.seat
	return func() tea.Msg {
		g, p, err := m.s.join(seat, name)
		return joinedMsg{g, p, err}
	}
}

func (m *session) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if m.step == refused {
		return tea.Quit
	}
	if m.step == joining {
		cmds = append(cmds, m.join(""))
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
		m.styles = ui.NewStyles(msg.IsDark())
	case joinedMsg:
		return m, m.joined(msg)
	case tea.KeyPressMsg:
		if m.play != nil {
			m.s.cfg.Table.Touch(m.conn)
			break
		}
		return m, m.key(msg)
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
			seat, ok := m.s.cfg.Codes.Lookup(typed)
			if !ok {
				m.wrongCode()
				if m.step == refused {
					return tea.Quit
				}
				return nil
			}
			m.s.fails.ok(m.ip)
			m.chose(seat)
			if m.step == joining {
				return m.join("")
			}
			return nil
		case askName:
			name := cleanName(typed)
			if name == "" {
				m.note = "Type the name the others will know you by."
				return nil
			}
			return m.join(name)
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

// joined puts the seat's screen up, or says why the table refused.
func (m *session) joined(msg joinedMsg) tea.Cmd {
	if msg.err != nil {
		m.step, m.note = askName, msg.err.Error()
		return nil
	}
	m.mu.Lock()
	if m.left {
		m.mu.Unlock()
		msg.g.Close()
		return nil
	}
	m.g, m.person = msg.g, msg.person
	m.conn = m.s.cfg.Table.Connect(msg.person)
	m.mu.Unlock()
	if !m.seat.Projector {
		m.seat = Seat{Role: msg.person.Role, Team: msg.person.Team}
	}
	m.step = seated
	m.s.cfg.Log.Info("joined", "who", m.who(), "from", m.ip)
	return m.open()
}

// open puts the screen of the game on.
func (m *session) open() tea.Cmd {
	m.play = ui.New(ui.Options{Game: m.g, View: viewOf(m.seat)})
	m.play.Update(tea.WindowSizeMsg{Width: m.width, Height: m.height})
	return m.play.Init()
}

// follow notices the facilitator moving this person to another seat, or
// out of the exercise, from the state the screen shows.
func (m *session) follow() tea.Cmd {
	if m.g == nil {
		return nil
	}
	if m.g.Closed() {
		m.step, m.note = refused, "hotline: the facilitator has closed the class. Thank you for playing."
		m.leave()
		return tea.Quit
	}
	tb := m.s.cfg.Table
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
	m.g, m.person = ui.Seat(tb, m.s.sc, actor, game.ViewerFor(m.s.sc, now), sideOf(m.s.sc, now)), now
	m.mu.Unlock()
	old.Close()
	tb.Move(m.conn, now)
	m.seat = Seat{Role: now.Role, Team: now.Team}
	return m.open()
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
	if m.g != nil {
		m.g.Close()
		m.s.cfg.Table.Disconnect(m.conn)
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
	if m.g == nil || m.left {
		return 0
	}
	return m.g.Lag()
}

// who names the session in the server's log.
func (m *session) who() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.g == nil {
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
	v.WindowTitle = "Hotline — " + m.s.sc.Title
	return v
}

// joinView is the join screen: the scenario, then the code or the name.
func (m *session) joinView() string {
	if m.width < ui.MinWidth || m.height < ui.MinHeight {
		return ui.TooSmall(m.width, m.height, false)
	}
	st := m.styles
	var b strings.Builder
	b.WriteString(st.Title.Render("Hotline") + "  " + m.s.sc.Title + "\n\n")
	switch m.step {
	case askCode:
		b.WriteString("Type the join code from the board, then enter.\n\n")
		b.WriteString("Code: " + m.in.View())
	case askName:
		b.WriteString("You join " + seatName(m) + ".\n")
		b.WriteString("Type the name the others will know you by, then enter.\n\n")
		b.WriteString("Name: " + m.in.View())
	case joining:
		b.WriteString("Joining " + seatName(m) + "…")
	}
	if m.note != "" {
		b.WriteString("\n\n" + st.Warn.Render(m.note))
	}
	b.WriteString("\n\n" + st.Dim.Render("esc leaves"))
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(1, 3).Width(min(70, m.width-2))
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, box.Render(b.String()))
}

// seatName says which seat a code gives, in words.
func seatName(m *session) string {
	switch {
	case m.seat.Projector:
		return "the projector"
	case m.seat.Team != "":
		if t, ok := m.s.sc.Team(m.seat.Team); ok {
			return t.Name
		}
	}
	return "the room as " + strings.ToLower(m.seat.Role.String())
}
