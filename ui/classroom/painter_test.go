package classroom

import (
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// tap is a terminal's end of a painter: it hands over each write, and can
// hold one until the test lets it go, as a client that stopped reading.
type tap struct {
	writes chan string
	hold   chan struct{} // when set, a write waits for it to close
}

func newTap() *tap { return &tap{writes: make(chan string, 16)} }

func (t *tap) Write(b []byte) (int, error) {
	t.writes <- string(b)
	if t.hold != nil {
		<-t.hold
	}
	return len(b), nil
}

// next is the next write; a painter that writes nothing fails the test
// once a hung one would have.
func (t *tap) next(tb testing.TB) string {
	tb.Helper()
	select {
	case w := <-t.writes:
		return w
	case <-time.After(settle):
		tb.Fatal("the painter wrote nothing")
		return ""
	}
}

// quiet fails if the painter wrote anything more.
func (t *tap) quiet(tb testing.TB) {
	tb.Helper()
	select {
	case w := <-t.writes:
		tb.Fatalf("the painter wrote %q", w)
	default:
	}
}

// newTerminal is a terminal of w × h whose answers to the painter's
// questions go nowhere.
func newTerminal(t *testing.T, w, h int) *screen {
	term := newScreen(w, h)
	go io.Copy(io.Discard, term.emu)
	t.Cleanup(term.close)
	return term
}

// painting starts a painter on a tap, drawing at once, closed when the
// test ends.
func painting(t *testing.T, profile colorprofile.Profile, w, h int) (*painter, *tap) {
	out := newTap()
	p := newPainter(out, profile, w, h, 0, time.Now)
	t.Cleanup(p.close)
	return p, out
}

func screenView(content string) tea.View {
	v := tea.NewView(content)
	v.AltScreen = true
	v.WindowTitle = "Hotline"
	return v
}

func TestAPainterRewritesOnlyTheLinesThatChanged(t *testing.T) {
	p, out := painting(t, colorprofile.TrueColor, 20, 4)
	term := newTerminal(t, 20, 4)

	p.paint(screenView("Feed\nrfi-opm  open\nSun 11 Oct 00:24"))
	first := out.next(t)
	for _, want := range []string{ansi.SetModeAltScreenSaveCursor, ansi.SetWindowTitle("Hotline"), "Feed", "rfi-opm", "Sun 11 Oct"} {
		if !strings.Contains(first, want) {
			t.Errorf("the first frame lacks %q: %q", want, first)
		}
	}
	io.WriteString(term, first)

	p.paint(screenView("Feed\nrfi-opm  answered\nSun 11 Oct 00:24"))
	second := out.next(t)
	if !strings.Contains(second, "answered") || strings.Contains(second, "Feed") || strings.Contains(second, "Sun 11 Oct") {
		t.Errorf("the second frame should rewrite the changed line alone: %q", second)
	}
	if strings.Contains(second, ansi.SetWindowTitle("Hotline")) {
		t.Errorf("the second frame sets the window's title again: %q", second)
	}
	io.WriteString(term, second)
	if got := term.String(); !strings.Contains(got, "rfi-opm  answered\n") || strings.Contains(got, "open") {
		t.Errorf("the terminal shows:\n%s", got)
	}

	p.paint(screenView("Feed\nrfi-opm  answered\nSun 11 Oct 00:24"))
	p.close()
	last := out.next(t)
	if last != ansi.ResetStyle+ansi.SetModeAutoWrap+ansi.ResetModeBracketedPaste+ansi.ShowCursor+ansi.ResetModeAltScreenSaveCursor {
		t.Errorf("closing should only give the terminal back, as it was: %q", last)
	}
	out.quiet(t)
}

func TestAPainterRedrawsAResizedScreenWhole(t *testing.T) {
	p, out := painting(t, colorprofile.TrueColor, 20, 3)
	p.paint(screenView("one\ntwo\nthree"))
	out.next(t)

	p.resize(12, 2)
	p.paint(screenView("one\ntwo\nthree"))
	frame := out.next(t)
	term := newTerminal(t, 20, 3)
	io.WriteString(term, "stale stale stale")
	io.WriteString(term, frame)
	if got := term.String(); got != "two\nthree\n" {
		t.Errorf("a resized screen should be cleared and hold the view's last lines; it shows %q", got)
	}
}

func TestAPainterSendsBubbleTeasOwnOutputFirst(t *testing.T) {
	p, out := painting(t, colorprofile.TrueColor, 20, 3)
	p.paint(screenView("one"))
	out.next(t)

	p.Write([]byte(ansi.RequestBackgroundColor))
	p.paint(screenView("two"))
	got := out.next(t)
	if !strings.HasPrefix(got, ansi.RequestBackgroundColor) || !strings.Contains(got, "two") {
		t.Errorf("the query should go first, then the frame: %q", got)
	}
}

func TestAPainterSuitsItsColoursToTheTerminal(t *testing.T) {
	p, out := painting(t, colorprofile.ANSI256, 20, 3)
	p.paint(screenView("\x1b[38;2;255;0;0mALERT\x1b[m"))
	got := out.next(t)
	if strings.Contains(got, "38;2;") || !strings.Contains(got, "38;5;196mALERT") {
		t.Errorf("a 256-colour terminal should get 256 colours: %q", got)
	}
}

func TestAPainterDrawsADumbTerminalsScreenWithoutColour(t *testing.T) {
	p, out := painting(t, colorprofile.NoTTY, 20, 3) // TERM=dumb
	p.paint(screenView("one\n\x1b[38;2;255;0;0mALERT\x1b[m"))
	term := newTerminal(t, 20, 3)
	got := out.next(t)
	io.WriteString(term, got)
	if strings.Contains(got, "38;") || term.String() != "one\nALERT\n" {
		t.Errorf("a dumb terminal should get the screen's lines without colour: %q shows %q", got, term.String())
	}
}

func TestAPainterDrawsNothingForARefusedConnection(t *testing.T) {
	p, out := painting(t, colorprofile.TrueColor, 20, 3)
	p.paint(tea.NewView("")) // the server says why on its last line
	p.close()
	out.quiet(t)
}

func TestAStalledWriteIsTimed(t *testing.T) {
	clock := &fakeClock{now: time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)}
	out := newTap()
	out.hold = make(chan struct{})
	p := newPainter(out, colorprofile.TrueColor, 20, 3, 0, clock.Now)
	if p.stalled() != 0 {
		t.Fatal("a painter that has written nothing is stalled")
	}
	p.paint(screenView("one"))
	out.next(t) // the client reads no more
	clock.Add(11 * time.Second)
	if got := p.stalled(); got != 11*time.Second {
		t.Errorf("a write held 11s is stalled %v", got)
	}
	close(out.hold)
	p.close()
	if got := p.stalled(); got != 0 {
		t.Errorf("a painter whose writes went through is stalled %v", got)
	}
}
