package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/charmbracelet/x/ansi"

	"hotline/game"
	"hotline/game/table"
)

// sameText reports whether two strings are one drawing, not two equal ones.
func sameText(a, b string) bool { return unsafe.StringData(a) == unsafe.StringData(b) }

// A team's students at one width draw the header under its first line,
// the tabs and the help line once between them, each with their own name
// on the first line; when the clock moves or someone joins, both show it,
// still drawn once.
func TestATeamsScreensDrawWhatTheyShareOnce(t *testing.T) {
	r := newRoom(t, "assistance-request")
	shared := NewShared()
	ana := r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	ben := r.seat("Ben", game.Player, "fbi", PlayView, 100, 30)
	seats := []*Model{ana, ben}
	for _, m := range seats {
		m.c.share(shared)
	}
	check := func(wants ...string) {
		t.Helper()
		for _, m := range seats {
			m.Pump()
		}
		a, b := plain(ana), plain(ben)
		mustContain(t, a, append([]string{"You: Ana"}, wants...)...)
		mustContain(t, b, append([]string{"You: Ben"}, wants...)...)
		if strings.Contains(a, "You: Ben") || strings.Contains(b, "You: Ana") {
			t.Fatalf("a student's first line shows another's name:\n%s\n%s", a, b)
		}
		fa, fb := frameOf(ana), frameOf(ben)
		if !sameText(fa.header.drawn.rest, fb.header.drawn.rest) {
			t.Error("the team's header was drawn twice")
		}
		if !sameText(fa.tabs.view(100, true), fb.tabs.view(100, true)) {
			t.Error("the team's tabs were drawn twice")
		}
		if !sameText(fa.helpLine.view(100, fa.shortHelp()), fb.helpLine.view(100, fb.shortHelp())) {
			t.Error("the team's help line was drawn twice")
		}
	}
	check("PAUSED", "FBI (you): Ana, Ben")
	before := ansi.Strip(frameOf(ana).header.drawn.rest)

	r.control(game.Command{Verb: game.RunClock})
	r.tb.Tick()
	check("running at")
	if after := ansi.Strip(frameOf(ana).header.drawn.rest); after == before {
		t.Fatalf("the clocks did not move:\n%s", after)
	}
	r.seat("Cy", game.Player, "fbi", PlayView, 100, 30)
	check("FBI (you): Ana, Ben, Cy")
}

// A screen drawn again with nothing changed is the same text, which
// Bubble Tea sends nothing for; once the clock moves, it is drawn anew.
func TestAnUnchangedScreenIsTheSameText(t *testing.T) {
	r := newRoom(t, "assistance-request")
	ana := r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	r.control(game.Command{Verb: game.RunClock})
	ana.Pump()
	first := ana.View().Content
	if again := ana.View().Content; !sameText(first, again) {
		t.Fatal("an unchanged screen was drawn again")
	}
	r.tb.Tick()
	ana.Pump()
	if moved := ana.View().Content; moved == first {
		t.Fatal("the screen did not show the clock moving")
	}
}

// The drawings a table keeps are bounded: the oldest go first.
func TestTheSharedDrawingsAreBounded(t *testing.T) {
	s := NewShared()
	for i := range 3 * sharedKept {
		s.draw(i, func() string { return fmt.Sprint(i) })
	}
	if n := len(s.drawings.now) + len(s.drawings.old); n > 2*sharedKept {
		t.Fatalf("%d drawings kept, want at most %d", n, 2*sharedKept)
	}
	if got := s.draw(3*sharedKept-1, func() string { return "drawn again" }); got != fmt.Sprint(3*sharedKept-1) {
		t.Fatalf("the latest drawing was not kept: %q", got)
	}
}

// A team's students who look at the same thing draw the panel in front
// once between them; one who moves the selection draws their own, and a
// decision is "by Ana" on Ben's screen only, though both select it.
func TestATeamsPanelIsDrawnOnceUntilTheyDiffer(t *testing.T) {
	r := newRoom(t, "opm-breach")
	shared := NewShared()
	ana := r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	ben := r.seat("Ben", game.Player, "fbi", PlayView, 100, 30)
	for _, m := range []*Model{ana, ben} {
		m.c.share(shared)
		m.Pump()
	}
	body := func(m *Model) string {
		f := frameOf(m)
		return f.drawPanel(f.tabs.focused(), f.w, f.bodyHeight())
	}
	if !sameText(body(ana), body(ben)) {
		t.Fatal("the team's feed was drawn twice")
	}
	keys(ana, "down")
	ben.Pump()
	if a, b := body(ana), body(ben); a == b {
		t.Fatalf("Ana moved her selection, and Ben's feed shows it:\n%s", b)
	}
	keys(ben, "down")
	if !sameText(body(ana), body(ben)) {
		t.Fatal("the team's feed, the same thing selected again, was drawn twice")
	}
	keys(ana, "1")
	ben.Pump()
	mustContain(t, plain(ben), "Decided by Ana (Federal Bureau of Investigation)")
	if strings.Contains(plain(ana), "Decided by") {
		t.Errorf("Ana is told someone decided for her:\n%s", plain(ana))
	}
}

// Whatever the class does, a screen that takes its drawings from the
// table's shows what it would have drawn alone: a campaign played by bots
// at speed, with students, an observer and the facilitator pressing keys
// as they go, compared screen by screen at every step.
func TestSharedDrawingsShowWhatEachScreenWouldDrawAlone(t *testing.T) {
	r := newRoom(t, "campaign")
	shared := NewShared()
	screens := []*Model{
		r.seat("Ana", game.Player, "fbi", PlayView, 100, 30),
		r.seat("Ben", game.Player, "fbi", PlayView, 100, 30),
		r.seat("Cy", game.Player, "fbi", PlayView, 120, 40),
		r.seat("Li", game.Player, "mps", PlayView, 100, 30),
		r.seat("Obi", game.Observer, "", WatchView, 100, 30),
		r.seat("Ms Rivera", game.Facilitator, "", ControlView, 100, 30),
	}
	for _, m := range screens {
		m.c.share(shared)
	}
	alone := func(m *Model) string {
		f := frameOf(m)
		saved, drawn, head := m.c.shared, f.drawn, f.header.drawn
		m.c.shared, f.drawn, f.header.drawn = NewShared(), drawnFrame{}, drawnHeader{}
		defer func() { m.c.shared, f.drawn, f.header.drawn = saved, drawn, head }()
		return m.View().Content
	}
	presses := []string{"down", "down", "tab", "up", "down", "tab", "enter", "esc", "shift+tab", "down"}
	r.control(game.Command{Verb: game.SetSpeed, Speed: 12 * time.Hour})
	for step := 0; step < 400 && !screens[0].Game().State().Ended; step++ {
		if !screens[0].Game().State().Running {
			r.control(game.Command{Verb: game.RunClock})
		}
		r.tb.Tick()
		for i, m := range screens {
			if step%(i+2) == 0 {
				keys(m, presses[(step/(i+2)+i)%len(presses)])
			}
			m.Pump()
			m.View() // a list that scrolls to its selection settles
			now, clock := m.c.now(), m.c.now
			m.c.now = func() time.Time { return now } // both drawn at one moment: idle times and waits agree
			got, want := m.View().Content, alone(m)
			m.c.now = clock
			if got != want {
				t.Fatalf("step %d, %s: the shared drawing differs from the screen's own:\n%s\nwant:\n%s",
					step, m.Game().Actor.Name, ansi.Strip(got), ansi.Strip(want))
			}
		}
	}
}

// A briefing is rendered once for the table: the next screen that shows it
// at the same width takes the rendering, and neither ever draws its
// Markdown source.
func TestABriefingIsRenderedOnceForTheTable(t *testing.T) {
	r := newRoom(t, "opm-breach")
	shared := NewShared()
	ana := r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	ben := r.seat("Ben", game.Player, "fbi", PlayView, 100, 30)
	for _, m := range []*Model{ana, ben} {
		m.c.share(shared)
	}
	ana.Pump()
	made := shared.renderingsMade()
	if made == 0 {
		t.Fatal("Ana's screen rendered no briefing")
	}
	ben.Pump()
	if n := shared.renderingsMade(); n != made {
		t.Errorf("Ben's screen rendered %d briefings again", n-made)
	}
	for _, m := range []*Model{ana, ben} {
		if strings.Contains(plain(m), "**") {
			t.Errorf("%s's screen shows Markdown source:\n%s", m.Game().Actor.Name, plain(m))
		}
	}
}

// While the clock waits for the teams, the wait counts down in real time on
// every screen that shares the header, not only on the one that drew it
// first.
func TestASharedHeaderCountsTheWaitDown(t *testing.T) {
	r := newRoomAt(t, "opm-breach", table.DefaultWait)
	shared := NewShared()
	ana := r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	ben := r.seat("Ben", game.Player, "fbi", PlayView, 100, 30)
	wall := r.wall
	for _, m := range []*Model{ana, ben} {
		m.c.share(shared)
		m.c.now = func() time.Time { return wall }
	}
	r.control(game.Command{Verb: game.RunClock})
	r.tb.Tick()
	ana.Pump()
	ben.Pump()
	mustContain(t, plain(ana), "waiting for the teams to answer, 3:00")
	wall = wall.Add(30 * time.Second)
	mustContain(t, plain(ben), "waiting for the teams to answer, 2:30")
	mustContain(t, plain(ana), "waiting for the teams to answer, 2:30")
}
