package classroom

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// painter draws a session's views on its terminal, a line at a time.
//
// Bubble Tea's own renderer parses every frame into cells and compares
// them cell by cell with the last; with a lecture hall's 300 sessions that
// was half of the server's CPU. A seat's view is drawn whole at its
// terminal's size, and most frames change a line or two of it (the clock
// in the header, a row of the feed), so comparing lines is enough: the
// painter rewrites only the lines that changed and leaves the cells to the
// terminal.
//
// Frames are drawn on the session's own beat, as Bubble Tea's ticker would
// draw them: views that come together are drawn once, and a session that
// nothing changes for costs nothing.
type painter struct {
	out   io.Writer        // the session's channel, through its colour profile
	every time.Duration    // the beat; 0 draws at once
	phase time.Time        // when the beat began: each session's falls at its own moment
	now   func() time.Time // the server's clock, which times a stalled write

	mu      sync.Mutex
	view    tea.View
	fresh   bool   // view has not been drawn
	queued  []byte // Bubble Tea's own output, its queries to the terminal
	w, h    int
	resized bool
	closed  bool
	writing time.Time // when the write under way began; zero between writes
	wake    chan struct{}
	done    chan struct{}

	// What the terminal shows: the loop's own.
	alt   bool // in the alternate screen, where a session draws
	title string
	lines []string
	buf   bytes.Buffer
}

// newPainter starts painting on out, whose terminal is w × h and whose
// colours are profile's, a frame at most every beat. A terminal that calls
// itself dumb, or not a terminal, still gets the screen, without colour:
// it asked for a pseudo-terminal to get one.
func newPainter(out io.Writer, profile colorprofile.Profile, w, h int, every time.Duration, now func() time.Time) *painter {
	p := &painter{
		out:   &colorprofile.Writer{Forward: out, Profile: max(profile, colorprofile.ASCII)},
		every: every,
		phase: time.Now(),
		now:   now,
		w:     w,
		h:     h,
		wake:  make(chan struct{}, 1),
		done:  make(chan struct{}),
	}
	go p.run()
	return p
}

// paint takes a view to draw on the next beat. It never waits on the
// terminal: Bubble Tea's loop calls it after each update.
func (p *painter) paint(v tea.View) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.view, p.fresh = v, true
	p.poke()
}

// Write queues what Bubble Tea writes itself, its queries to the terminal,
// to go out before the next frame: everything the terminal gets comes
// from the painter, in order.
func (p *painter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.closed {
		p.queued = append(p.queued, b...)
		p.poke()
	}
	return len(b), nil
}

// resize takes the terminal's new size: the next frame is drawn whole.
func (p *painter) resize(w, h int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || (w == p.w && h == p.h) {
		return
	}
	p.w, p.h, p.resized = w, h, true
	p.poke()
}

// poke wakes the loop; p.mu is held.
func (p *painter) poke() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// stalled is how long the write under way has waited for the terminal: a
// client that stopped reading holds it.
func (p *painter) stalled() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.writing.IsZero() {
		return 0
	}
	return p.now().Sub(p.writing)
}

// close draws the last view, gives the terminal back as it was found and
// returns once that is written.
func (p *painter) close() {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		close(p.wake)
	}
	p.mu.Unlock()
	<-p.done
}

func (p *painter) run() {
	defer close(p.done)
	for range p.wake {
		if p.every > 0 {
			// Wait for the beat, so that what changes together is drawn once.
			time.Sleep(p.every - time.Since(p.phase)%p.every)
		}
		if p.draw() != nil {
			return // the connection is gone; its session ends with it
		}
	}
	if p.draw() == nil && p.alt {
		p.write([]byte(ansi.ResetStyle + ansi.SetModeAutoWrap + ansi.ResetModeBracketedPaste +
			ansi.ShowCursor + ansi.ResetModeAltScreenSaveCursor))
	}
}

// draw writes what changed since the last frame.
func (p *painter) draw() error {
	p.mu.Lock()
	v, h, fresh, resized := p.view, p.h, p.fresh, p.resized
	p.fresh, p.resized = false, false
	b := &p.buf
	b.Reset()
	b.Write(p.queued)
	p.queued = p.queued[:0]
	p.mu.Unlock()
	if !fresh && !resized {
		return p.flush()
	}
	if !p.alt {
		if !v.AltScreen {
			return p.flush() // a refused connection's empty view: the server's last line says why
		}
		// The session's terminal, set up as Bubble Tea's renderer would: the
		// alternate screen, no cursor, pasted text marked; lines too long are
		// cut at the edge, not wrapped; and its background asked for, so the
		// styles suit it.
		b.WriteString(ansi.SetModeAltScreenSaveCursor + ansi.HideCursor + ansi.ResetModeAutoWrap +
			ansi.SetModeBracketedPaste + ansi.RequestBackgroundColor)
		p.alt, resized = true, true
	}
	if v.WindowTitle != p.title {
		b.WriteString(ansi.SetWindowTitle(v.WindowTitle))
		p.title = v.WindowTitle
	}
	start := b.Len()
	// The terminals that know synchronized output show a frame whole.
	b.WriteString(ansi.SetModeSynchronizedOutput)
	frame := b.Len()
	if resized {
		b.WriteString(ansi.ResetStyle + ansi.EraseEntireScreen)
		p.lines = nil
	}
	lines := strings.Split(strings.ReplaceAll(v.Content, "\r\n", "\n"), "\n")
	if len(lines) > h {
		lines = lines[len(lines)-h:] // as Bubble Tea does: the top gives way
	}
	for i, line := range lines {
		if i < len(p.lines) && p.lines[i] == line {
			continue
		}
		b.WriteString(ansi.CursorPosition(1, i+1) + ansi.ResetStyle + ansi.EraseEntireLine)
		b.WriteString(line)
	}
	for i := len(lines); i < len(p.lines); i++ {
		b.WriteString(ansi.CursorPosition(1, i+1) + ansi.ResetStyle + ansi.EraseEntireLine)
	}
	p.lines = lines
	if b.Len() == frame {
		b.Truncate(start) // nothing on the screen changed
	} else {
		b.WriteString(ansi.ResetModeSynchronizedOutput)
	}
	return p.flush()
}

// flush writes the frame made in p.buf, if there is one.
func (p *painter) flush() error {
	if p.buf.Len() == 0 {
		return nil
	}
	return p.write(p.buf.Bytes())
}

// write sends out to the terminal, noting how long it waits.
func (p *painter) write(out []byte) error {
	p.mu.Lock()
	p.writing = p.now()
	p.mu.Unlock()
	_, err := p.out.Write(out)
	p.mu.Lock()
	p.writing = time.Time{}
	p.mu.Unlock()
	return err
}

// painted is a session's model as its program runs it: every view it makes
// goes to its painter.
type painted struct{ *session }

func (m painted) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if size, ok := msg.(tea.WindowSizeMsg); ok {
		m.screen.resize(size.Width, size.Height)
	}
	_, cmd := m.session.Update(msg)
	return m, cmd
}

func (m painted) View() tea.View {
	v := m.session.View()
	m.screen.paint(v)
	return v
}
