package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hotline/game/table"
	"hotline/injects"
)

// TestHeaderClocks: the header shows Washington's and Beijing's clocks
// whatever zone the scenario's calendar is written in, and the scenario's
// own zone by its city when it is a third, after the clock's state.
func TestHeaderClocks(t *testing.T) {
	text, err := injects.BuiltinFile("opm-breach.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for zone, want := range map[string][]string{ // start: 2015-10-01 09:00, in the zone
		"America/New_York": {"Thu 01 Oct 2015 09:00 Washington", "Thu 01 Oct 2015 21:00 Beijing", "❚❚ PAUSED"},
		"America/Chicago":  {"Thu 01 Oct 2015 10:00 Washington", "Thu 01 Oct 2015 22:00 Beijing", "❚❚ PAUSED", "09:00 Chicago"},
		"Asia/Shanghai":    {"Wed 30 Sep 2015 21:00 Washington", "Thu 01 Oct 2015 09:00 Beijing", "❚❚ PAUSED"},
	} {
		sc, diags := injects.Parse("opm-breach.yaml", []byte(strings.Replace(string(text), "timezone: America/New_York", "timezone: "+zone, 1)))
		if sc == nil {
			t.Fatal(diags.Error())
		}
		g, err := Solo(Setup{Scenario: sc, Side: injects.US, Counterpart: "cooperative", Seed: 7, Speed: 12 * time.Hour}, nil, table.ManualTicker{})
		if err != nil {
			t.Fatal(err)
		}
		m := New(Options{Game: g, Manual: true})
		send(m, tea.WindowSizeMsg{Width: 140, Height: 40})
		screen := ansi.Strip(m.View().Content)
		g.Close()
		if !strings.Contains(screen, strings.Join(want, " · ")) {
			t.Errorf("%s: the header does not read %q:\n%s", zone, strings.Join(want, " · "), strings.SplitN(screen, "\n", 4)[:3])
		}
	}
}
