package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"hotline/injects"
)

// The golden views are the screens a player sees, without colour, at the
// minimum size and at a roomy one. Review them by eye after -update.

var sizes = []struct{ w, h int }{{80, 24}, {120, 40}}

func forSizes(t *testing.T, f func(t *testing.T, w, h int)) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) { f(t, sz.w, sz.h) })
	}
}

func TestStartScreen(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		m := New(Options{Scenarios: []*injects.Scenario{load(t, "campaign"), load(t, "opm-breach")}, Seed: 42, Manual: true})
		send(m, tea.WindowSizeMsg{Width: w, Height: h})
		keys(m, "down", "right") // play China
		golden.RequireEqual(t, plain(m))
	})
}

func TestFeedScreen(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		m := newPlay(t, "opm-breach", injects.US, "by-the-book", w, h)
		golden.RequireEqual(t, plain(m))
	})
}

func TestFeedAfterDecision(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		m := newPlay(t, "opm-breach", injects.US, "by-the-book", w, h)
		keys(m, "down", "1", "space") // the breach, below the situation briefing
		steps(m, 3)                   // 3.6 story hours at 12h a second
		keys(m, "space")
		golden.RequireEqual(t, plain(m))
	})
}

// playUntil runs the clock until done, at most n ticks, letting hotline
// calls ring and starting the clock again whenever something pauses it.
// It fails the test if done never holds.
func playUntil(t *testing.T, m *Model, n int, what string, done func() bool) {
	t.Helper()
	for i := 0; i < n && !done(); i++ {
		if ringing(m) != 0 {
			keys(m, "esc")
		}
		if !running(m) {
			keys(m, "space")
		}
		steps(m, 1)
	}
	if !done() {
		t.Fatalf("%s did not happen:\n%s", what, plain(m))
	}
}

// untilRequests runs the clock until two requests concern the player,
// then pauses it.
func untilRequests(t *testing.T, m *Model) {
	t.Helper()
	playUntil(t, m, 200, "two requests", func() bool { return len(panelOf[*requests](m).rows) >= 2 })
	if running(m) {
		keys(m, "space")
	}
}

func TestRequestQueue(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		m := newPlaySeed(t, "hotline-escalation", injects.CN, "by-the-book", 1, w, h)
		untilRequests(t, m)
		keys(m, "tab")
		golden.RequireEqual(t, plain(m))
	})
}

func TestRequestDetail(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		m := newPlaySeed(t, "hotline-escalation", injects.CN, "by-the-book", 1, w, h)
		untilRequests(t, m)
		keys(m, "tab", "enter", "1", "down")
		golden.RequireEqual(t, plain(m))
	})
}

func TestDeclineGrounds(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		m := newPlaySeed(t, "hotline-escalation", injects.CN, "by-the-book", 1, w, h)
		untilRequests(t, m)
		keys(m, "tab", "enter", "1", "space")
		for i := 0; i < 20 && !m.Game().State().Requests[panelOf[*requests](m).open].Elements[0].Delivered; i++ {
			steps(m, 1)
		}
		keys(m, "space", "down", "d")
		if !declining(m) {
			t.Fatalf("d did not open the grounds:\n%s", plain(m))
		}
		golden.RequireEqual(t, plain(m))
	})
}

func TestHotlinePanel(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		m := newPlay(t, "hotline-escalation", injects.US, "stonewalling", w, h)
		keys(m, "space")
		steps(m, 20)
		keys(m, "space", "esc", "tab", "tab")
		golden.RequireEqual(t, plain(m))
	})
}

func TestIncomingCall(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		m := newPlay(t, "hotline-escalation", injects.US, "stonewalling", w, h)
		keys(m, "space")
		for i := 0; i < 200 && ringing(m) == 0; i++ {
			steps(m, 1)
		}
		if ringing(m) == 0 {
			t.Fatal("no call came in")
		}
		if running(m) {
			t.Error("the clock runs on while the hotline rings")
		}
		golden.RequireEqual(t, plain(m))
	})
}

func TestReviewScreen(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		m := newPlay(t, "assistance-request", injects.US, "slow-walking", w, h)
		playUntil(t, m, 500, "the dialogue's meeting", func() bool { return front(m).title() == "Review" })
		if running(m) {
			t.Fatalf("the dialogue meeting did not bring up the paused review (panel %v, running %v)", front(m).title(), running(m))
		}
		golden.RequireEqual(t, plain(m))
	})
}

func TestLogScreen(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		m := newPlay(t, "assistance-request", injects.US, "cooperative", w, h)
		keys(m, "space")
		steps(m, 12)
		keys(m, "space", "shift+tab")
		golden.RequireEqual(t, plain(m))
	})
}

func TestEndScreen(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		m := newPlay(t, "opm-breach", injects.US, "cooperative", w, h)
		playUntil(t, m, 1000, "the end", func() bool { return ended(m) })
		golden.RequireEqual(t, plain(m))
	})
}

func TestHelpScreen(t *testing.T) {
	m := newPlay(t, "opm-breach", injects.US, "cooperative", 80, 24)
	keys(m, "?")
	golden.RequireEqual(t, plain(m))
}

func TestTooSmall(t *testing.T) {
	m := newPlay(t, "opm-breach", injects.US, "cooperative", 80, 24)
	keys(m, "space")
	send(m, tea.WindowSizeMsg{Width: 70, Height: 20})
	s := plain(m)
	mustContain(t, s, "at least 80×24", "70×20")
	if running(m) {
		t.Error("the clock runs while the window is too small to show it")
	}
	now := m.Game().State().Now
	steps(m, 5)
	if m.Game().State().Now != now {
		t.Error("story time passed while the window was too small")
	}
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if !running(m) {
		t.Error("the clock did not start again when the window grew back")
	}
	if s := plain(m); !strings.Contains(s, "HOTLINE") || len(strings.Split(s, "\n")) != 30 {
		t.Errorf("after the resize the screen is not laid out at 100×30:\n%s", s)
	}
}

// Every line of every screen fits the window exactly, so nothing wraps.
func TestScreensFitTheWindow(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {100, 30}, {120, 40}, {200, 60}} {
		m := newPlay(t, "campaign", injects.CN, "slow-walking", sz.w, sz.h)
		keys(m, "space")
		for round := 0; round < 40; round++ {
			steps(m, 3)
			for range panelsOf(m) {
				s := plain(m)
				lines := strings.Split(s, "\n")
				if len(lines) != sz.h {
					t.Fatalf("%dx%d %s: %d lines", sz.w, sz.h, front(m).title(), len(lines))
				}
				for i, l := range lines {
					if n := lipglossWidth(l); n > sz.w {
						t.Fatalf("%dx%d %s line %d is %d wide: %q", sz.w, sz.h, front(m).title(), i, n, l)
					}
				}
				keys(m, "tab")
			}
			if ended(m) {
				break
			}
		}
	}
}

// When the game cannot be set up (the log cannot be created, say), the start
// screen says why and lets the player try again.
func TestStartFailure(t *testing.T) {
	tries := 0
	m := New(Options{Scenarios: []*injects.Scenario{load(t, "opm-breach")}, Manual: true,
		Begin: func(Setup) (*Game, error) {
			tries++
			return nil, fmt.Errorf("cannot create /nowhere/run.jsonl: permission denied")
		}})
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	keys(m, "enter")
	mustContain(t, plain(m), "Could not start: cannot create /nowhere/run.jsonl")
	keys(m, "enter")
	if tries != 2 {
		t.Errorf("after a failure the start screen took %d tries of 2", tries)
	}
}

// Where the feed's list is cut, a line says what is left out: a decision
// that arrives above the item a student reads (the newest land at the
// top) is in sight at 80×24, by its title or counted as one to decide.
func TestTheFeedSaysWhatItsListLeavesOut(t *testing.T) {
	m := newPlay(t, "campaign", injects.US, "cooperative", 80, 24)
	arrived := func(id string) func() bool {
		return func() bool {
			return slices.ContainsFunc(panelOf[*feed](m).items, func(it feedItem) bool {
				return it.inject >= 0 && m.Game().Scenario().Injects[it.inject].ID == id
			})
		}
	}
	playUntil(t, m, 400, "Cascade Composites' email", arrived("breach-report"))
	for range 12 { // the oldest item, at the foot of the list
		keys(m, "down")
	}
	playUntil(t, m, 2000, "the grid intrusion", arrived("grid-intrusion"))
	if running(m) {
		keys(m, "space")
	}
	list := strings.SplitN(plain(m), "── briefing", 2)[0]
	if !strings.Contains(list, "Intrusion attempts on a grid") && !strings.Contains(list, "⚑1 to decide") {
		t.Errorf("the decision that arrived above the selection is out of sight:\n%s", plain(m))
	}
	mustContain(t, list, "↑ ", " more")
	t.Log("\n" + plain(m))
}
