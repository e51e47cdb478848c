package ui

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/charmbracelet/x/ansi"

	"hotline/game"
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
	if n := len(s.now) + len(s.old); n > 2*sharedKept {
		t.Fatalf("%d drawings kept, want at most %d", n, 2*sharedKept)
	}
	if got := s.draw(3*sharedKept-1, func() string { return "drawn again" }); got != fmt.Sprint(3*sharedKept-1) {
		t.Fatalf("the latest drawing was not kept: %q", got)
	}
}
