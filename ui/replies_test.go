package ui

import (
	"strings"
	"testing"

	"hotline/game"
	"hotline/injects"
)

// tabLine is the line of tabs.
func tabLine(m *Model) string {
	for _, l := range strings.Split(plain(m), "\n") {
		if strings.Contains(l, "Requests") && strings.Contains(l, "Hotline") {
			return l
		}
	}
	return ""
}

// The other side's answers to the seat's request are not silent: each
// says so on the status line and marks the Requests tab until it is
// looked at.
func TestTheOtherSidesRepliesAreTold(t *testing.T) {
	m := newPlay(t, "assistance-request", injects.US, "by-the-book", 100, 30)
	keys(m, "1") // the FBI sends China its request
	g := m.Game()
	i, _ := g.Scenario().RequestIndex("rfa-cascade")
	playUntil(t, m, 100, "China's acknowledgement", func() bool { return g.State().Requests[i].Elements[0].Delivered })
	mustContain(t, statusOf(m), "↩ China (", "delivers the acknowledgement for rfa-cascade")
	mustContain(t, tabLine(m), "Requests ↩")
	keys(m, "tab")
	if strings.Contains(tabLine(m), "↩") {
		t.Errorf("the Requests tab is still marked once in front: %s", tabLine(m))
	}
}

// A hotline call the seat's side made, answered by the other side, is
// told on the status line and marks the Hotline tab, for a team in a class
// as for a solo player.
func TestAnAnswerToTheSeatsCallIsTold(t *testing.T) {
	r := newRoom(t, "hotline-escalation")
	ana := r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	keys(ana, "tab", "tab", "r")
	mustContain(t, statusOf(ana), "You rang China on the hotline")
	keys(ana, "shift+tab", "shift+tab") // back to the feed
	for i := 0; i < 50 && !strings.Contains(tabLine(ana), "answered"); i++ {
		r.run(1, ana)
	}
	mustContain(t, tabLine(ana), "Hotline ↩ answered")
	mustContain(t, statusOf(ana), "☎ China answers call 1")
	keys(ana, "tab", "tab")
	if strings.Contains(tabLine(ana), "↩") {
		t.Errorf("the Hotline tab is still marked once in front: %s", tabLine(ana))
	}
}
