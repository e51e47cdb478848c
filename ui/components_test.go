package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// Each component on its own, at a small size (narrower and shorter than any
// window's body: a column of a room's screen) and a large one: it draws
// within the size it is given, shows what it is for, and answers its keys
// with what it asks of its root.

var componentSizes = []struct{ w, h int }{{MinWidth, MinHeight - 7}, {200, 50}}

func forComponentSizes(t *testing.T, f func(t *testing.T, w, h int)) {
	for _, sz := range componentSizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) { f(t, sz.w, sz.h) })
	}
}

// fits fails the test if a drawing has more than h lines or a line wider
// than w.
func fits(t *testing.T, what, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) > h {
		t.Errorf("%s is %d lines high in %d:\n%s", what, len(lines), h, out)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("%s line %d is %d wide in %d: %q", what, i, n, w, ansi.Strip(l))
		}
	}
}

// sized draws a panel at a size, as a frame lays it out.
func sized(p panel, w, h int) string {
	p.setSize(w, h)
	p.refresh()
	if pr, ok := p.(preparer); ok {
		pr.prepare()
	}
	return p.view()
}

// midCampaign is China's solo seat two requests into the hotline-escalation
// scenario, paused: the common its components share.
func midCampaign(t *testing.T) *common {
	t.Helper()
	m := newPlaySeed(t, "hotline-escalation", injects.CN, "by-the-book", 1, 120, 40)
	untilRequests(t, m)
	return frameOf(m).c
}

// consoleOf is the facilitator's common a day into a class with a student
// and an observation.
func consoleOf(t *testing.T) *common {
	t.Helper()
	r := newRoom(t, "opm-breach")
	r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	white := r.seat("Ms Rivera", game.Facilitator, "", ControlView, 120, 40)
	r.run(12, white)
	r.control(game.Command{Verb: game.Note, Objective: "tell-apart", Team: "fbi", Rating: game.RatedS, Text: "Kept espionage out of the pledge"})
	white.Pump()
	return frameOf(white).c
}

func TestHeaderComponent(t *testing.T) {
	c := midCampaign(t)
	forComponentSizes(t, func(t *testing.T, w, h int) {
		hd := newHeader(c, seatName(c.g), false)
		out := hd.view(w)
		fits(t, "the header", out, w, hd.height())
		if got := len(strings.Split(out, "\n")); got != hd.height() {
			t.Errorf("the header draws %d lines and reports %d", got, hd.height())
		}
		if w >= 120 {
			mustContain(t, ansi.Strip(out), "Washington", "Beijing", "PAUSED", "Ladder: Ministerial", "You: China · MPS")
		}
	})
}

func TestTabsComponent(t *testing.T) {
	c := midCampaign(t)
	forComponentSizes(t, func(t *testing.T, w, h int) {
		tb := newTabs(c, playerPanels(c))
		for _, p := range tb.panels {
			p.refresh()
		}
		tb.move(1)
		out := tb.view(w, true)
		fits(t, "the tabs", out, w, tb.height())
		if w >= 80 {
			mustContain(t, ansi.Strip(out), "Feed ●1 new ⚑1", "[Requests ⚠1 overdue]", "Log") // the request that came is news in the feed too
		}
		tb.move(-2)
		if tb.focused().title() != "Log" {
			t.Errorf("back twice from Requests is %s, not Log", tb.focused().title())
		}
	})
}

func TestFeedComponent(t *testing.T) {
	c := midCampaign(t)
	forComponentSizes(t, func(t *testing.T, w, h int) {
		f := newFeed(c, true)
		f.setFocus(true)
		out := sized(f, w, h)
		fits(t, "the feed", out, w, h)
		it, _ := f.selected()
		title := c.g.Scenario().Injects[it.inject].Title
		mustContain(t, ansi.Strip(out), cut(title, 20)[:10])
		if wide := strings.Contains(ansi.Strip(out), "── briefing"); wide == (w >= 120) {
			t.Errorf("at %d columns the briefing is beside the list: %v", w, !wide)
		}
		// The seat decides on what awaits it: a digit is the choice.
		for k := range f.items {
			if i := f.items[k].inject; i >= 0 && f.awaits(i) {
				f.cursor = k
				a := f.update(keyMsg("1"))
				if a.order == nil || a.order.c.Verb != game.Choose || a.order.c.Inject != c.g.Scenario().Injects[i].ID {
					t.Errorf("1 on an inject awaiting a decision asks %+v", a)
				}
				return
			}
		}
		t.Fatal("nothing awaits China's decision")
	})
}

func TestRequestsComponent(t *testing.T) {
	c := midCampaign(t)
	forComponentSizes(t, func(t *testing.T, w, h int) {
		r := newRequests(c, true)
		out := sized(r, w, h)
		fits(t, "the queue", out, w, h)
		// Under the queue, however full, what the selected request is and
		// what can be done with it.
		mustContain(t, ansi.Strip(out), "enter opens it")
		r.update(keyMsg("enter"))
		if r.open < 0 {
			t.Fatal("enter opened no request")
		}
		out = r.view()
		fits(t, "the request", out, w, h)
		mustContain(t, ansi.Strip(out), cut(c.g.Scenario().Requests[r.open].ID, w))
		a := r.update(keyMsg("1"))
		if a.order == nil || a.order.c.Verb != game.Deliver {
			t.Errorf("1 on a part China owes asks %+v", a)
		}
		if a := r.update(keyMsg("esc")); r.open >= 0 || a.order != nil {
			t.Errorf("esc left the request open (%d) or asked %+v", r.open, a)
		}
	})
}

func TestHotlineComponent(t *testing.T) {
	c := midCampaign(t)
	forComponentSizes(t, func(t *testing.T, w, h int) {
		hl := newHotline(c, true)
		out := sized(hl, w, h)
		fits(t, "the hotline", out, w, h)
		mustContain(t, ansi.Strip(out), "Escalation ladder"[:min(w, 17)])
		if a := hl.update(keyMsg("r")); a.order == nil || a.order.c.Verb != game.Ring {
			t.Errorf("r asks %+v, not a ring", a)
		}
		// Seen from above, there is nothing to do here.
		if a := newHotline(c, false).update(keyMsg("r")); a.order != nil {
			t.Errorf("a hotline seen from above rings: %+v", a)
		}
	})
}

func TestReviewComponent(t *testing.T) {
	c := midCampaign(t)
	forComponentSizes(t, func(t *testing.T, w, h int) {
		r := newReview(c, true)
		out := sized(r, w, h)
		// The review's tables are written as the printed review is
		// (game.WriteReview), at up to 130 columns: in fewer, the layout
		// cuts their longest lines.
		fits(t, "the review", out, max(w, 130), h)
		if !strings.Contains(out, "more lines below") {
			if h < 30 {
				t.Fatalf("the review fits in %d lines: nothing to scroll", h)
			}
			return
		}
		r.update(keyMsg("pgdown"))
		if r.scroll.offset == 0 || !strings.Contains(r.view(), "more lines above") {
			t.Errorf("pgdn did not scroll the review")
		}
	})
}

func TestLogComponent(t *testing.T) {
	c := midCampaign(t)
	forComponentSizes(t, func(t *testing.T, w, h int) {
		j := newJournal(c)
		out := sized(j, w, h)
		fits(t, "the log", out, w, h)
		// Each event reads whole, wrapped under its text: the page ends
		// with the newest one's last word, and nothing is cut.
		flat := strings.Join(strings.Fields(ansi.Strip(out)), " ")
		last := c.g.journal[len(c.g.journal)-1].text
		if !strings.HasSuffix(flat, strings.Join(strings.Fields(last), " ")) {
			t.Errorf("the log does not end with the newest event %q:\n%s", last, out)
		}
		if strings.Contains(flat, "…") {
			t.Errorf("the log cuts an event:\n%s", out)
		}
		// Scrolled back all the way, it shows the first event; at the
		// foot again, it follows the newest.
		for range len(c.g.journal) {
			j.update(keyMsg("up"))
		}
		first := strings.Fields(c.g.journal[0].text)[0]
		if top := ansi.Strip(strings.SplitN(j.view(), "\n", 2)[0]); !strings.Contains(top, first) {
			t.Errorf("scrolled to the top, the log starts %q, not with the first event %q", top, c.g.journal[0].text)
		}
		for range len(c.g.journal) {
			j.update(keyMsg("down"))
		}
		if got := strings.Join(strings.Fields(ansi.Strip(j.view())), " "); !strings.HasSuffix(got, strings.Join(strings.Fields(last), " ")) {
			t.Errorf("scrolled back down, the log does not end with the newest event:\n%s", j.view())
		}
	})
}

func TestScriptComponent(t *testing.T) {
	c := consoleOf(t)
	forComponentSizes(t, func(t *testing.T, w, h int) {
		sp := newScript(c)
		out := sized(sp, w, h)
		fits(t, "the script", out, w, h)
		mustContain(t, ansi.Strip(out), "controller's card"[:min(w-3, 17)])
		sp.update(keyMsg("down"))
		i, _ := sp.selected()
		if a := sp.update(keyMsg("f")); a.order == nil || a.order.c.Verb != game.FireInject || a.order.c.Inject != c.g.Scenario().Injects[i].ID {
			t.Errorf("f asks %+v, not to fire the selected inject", a)
		}
	})
}

func TestSeatsComponent(t *testing.T) {
	c := consoleOf(t)
	forComponentSizes(t, func(t *testing.T, w, h int) {
		ss := newSeats(c, []string{"ssh CODE@127.0.0.1 -p 2222"})
		out := sized(ss, w, h)
		fits(t, "the seats", out, w, h)
		mustContain(t, ansi.Strip(out), "US Federal", "Ana")
		if a := ss.update(keyMsg("b")); a.order == nil || a.order.c.Verb != game.SeatBot && a.order.c.Verb != game.RemoveBot {
			t.Errorf("b on a team asks %+v", a)
		}
		ss.update(keyMsg("down"))
		a := ss.update(keyMsg("x"))
		if ask, ok := a.open.(*confirm); !ok || ask.yes.order == nil || ask.yes.order.c.Verb != game.Unseat || ask.yes.order.c.Person.Name != "Ana" {
			t.Errorf("x on Ana asks %+v, not whether to take her out", a)
		}
	})
}

func TestNotesComponent(t *testing.T) {
	c := consoleOf(t)
	forComponentSizes(t, func(t *testing.T, w, h int) {
		n := newNotes(c)
		out := sized(n, w, h)
		fits(t, "the observations", out, w, h)
		mustContain(t, ansi.Strip(out), "Ms Rivera on tell-apart"[:min(w, 23)])
	})
}

func TestEndingComponent(t *testing.T) {
	m := newPlay(t, "opm-breach", injects.US, "cooperative", 120, 40)
	playUntil(t, m, 1000, "the end", func() bool { return ended(m) })
	c := frameOf(m).c
	forComponentSizes(t, func(t *testing.T, w, h int) {
		e := newEnding(c)
		e.setSize(w, h)
		e.prepare()
		out := e.view()
		fits(t, "the ending", out, max(w, 130), h) // its review as the review's
		mustContain(t, ansi.Strip(out), "The exercise has ended")
	})
}

func TestStripComponent(t *testing.T) {
	m := replayOf(t, "assistance-request", 120, 40)
	x := frameOf(m).strip
	forComponentSizes(t, func(t *testing.T, w, h int) {
		out := x.view(w)
		fits(t, "the strip", out, w, x.height())
		mustContain(t, out, "▲", "event 1 of")
	})
}

func TestStatusAndHelpLines(t *testing.T) {
	c := midCampaign(t)
	forComponentSizes(t, func(t *testing.T, w, h int) {
		l := statusLine{c: c}
		l.set(status{statusBad, "✗ " + strings.Repeat("refused ", 30)})
		hl := helpLine{c: c}
		for what, out := range map[string]string{"the status line": l.view(w), "the help line": hl.view(w, c.seatKeys(true))} {
			fits(t, what, out, w, 1)
			if got := ansi.StringWidth(out); got != w {
				t.Errorf("%s is %d wide, not the %d it was given", what, got, w)
			}
		}
	})
}

// The overlays, each at a small and a large size, and the keys they take.
func TestOverlays(t *testing.T) {
	c := midCampaign(t)
	r := newRequests(c, true)
	sized(r, 120, 30)
	r.update(keyMsg("enter"))
	control := consoleOf(t) // who writes observations
	forComponentSizes(t, func(t *testing.T, w, h int) {
		for _, o := range []struct {
			name string
			o    overlay
			key  string
			want func(act) bool
		}{
			{"the quit confirmation", quitConfirm(c, "Every decision so far is saved."), "y",
				func(a act) bool { return a.close && a.cmd != nil }},
			{"the help", &keyHelp{c: c, keys: [][]key.Binding{c.seatKeys(true)}}, "esc",
				func(a act) bool { return a.close }},
			{"the message form", messageForm(c), "esc",
				func(a act) bool { return a.close && a.order == nil }},
			{"the observation form", noteWith(control, "Kept espionage apart"), "ctrl+s",
				func(a act) bool { return a.close && a.order != nil && a.order.c.Verb == game.Note }},
			{"an empty observation form", noteForm(control), "ctrl+s", // refused, and kept open
				func(a act) bool { return !a.close && a.order == nil }},
			{"the grounds", &decline{r: r}, "1",
				func(a act) bool { return a.close && a.order != nil && a.order.c.Verb == game.Decline }},
			{"the go-to prompt", newJump(c, func(string) act { return say(statusInfo, "went") }), "enter",
				func(a act) bool { return a.close && a.say.text == "went" }},
		} {
			lineH := h
			if o.o.region() == overStatus {
				lineH = 1
			}
			fits(t, o.name, o.o.view(w, lineH), w, lineH)
			if len(o.o.help()) == 0 {
				t.Errorf("%s has no keys in the help", o.name)
			}
			msg := keyMsg(o.key)
			if o.key == "ctrl+s" {
				msg = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
			}
			if a := o.o.update(msg); !o.want(a) {
				t.Errorf("%s took %s as %+v", o.name, o.key, a)
			}
		}
	})
}

// noteWith is the observation form with its text typed.
func noteWith(c *common, text string) *form {
	f := noteForm(c)
	f.fields[len(f.fields)-1].area.SetValue(text)
	return f
}

// An incoming call, drawn at a small and a large size, answered by its
// digits; the clock's keys pass under it, the tabs do not.
func TestCallOverlay(t *testing.T) {
	m := newPlay(t, "hotline-escalation", injects.US, "stonewalling", 120, 40)
	keys(m, "space")
	for i := 0; i < 200 && ringing(m) == 0; i++ {
		steps(m, 1)
	}
	x := &call{c: frameOf(m).c, n: ringing(m)}
	forComponentSizes(t, func(t *testing.T, w, h int) {
		out := x.view(w, h)
		fits(t, "the call", out, w, h)
		if w >= 80 {
			mustContain(t, ansi.Strip(out), "INCOMING HOTLINE CALL", "1  Commit", "3  Deny")
		}
	})
	if a := x.update(keyMsg("2")); !a.close || a.order == nil || a.order.c.Answer != injects.Explain {
		t.Errorf("2 on the call asks %+v", a)
	}
	if a := x.update(keyMsg("space")); !a.pass {
		t.Error("space does not reach the clock under the call")
	}
	if a := x.update(keyMsg("tab")); a.pass {
		t.Error("tab leaves the call")
	}
}

// A call that rings by itself ignores keys for the grace period: a digit
// typed for the feed an instant after it rang does not answer it. A key
// after the grace period does.
func TestCallGracePeriod(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	g, err := Solo(Setup{Scenario: load(t, "hotline-escalation"), Side: injects.US, Counterpart: "stonewalling", Seed: 7, Speed: 12 * time.Hour}, nil, table.ManualTicker{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	m := New(Options{Game: g, Manual: true, Now: clock})
	send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	keys(m, "space")
	for i := 0; i < 200 && ringing(m) == 0; i++ {
		steps(m, 1)
	}
	n := ringing(m)
	if n == 0 {
		t.Fatal("no call came in")
	}
	now = now.Add(grace / 2)
	keys(m, "1")
	if c := m.Game().State().Calls[n-1]; c.Answered || ringing(m) != n {
		t.Fatalf("a key %v after the call rang answered it (%+v)", grace/2, c)
	}
	now = now.Add(grace)
	keys(m, "1")
	if c := m.Game().State().Calls[n-1]; !c.Answered || c.Answer != injects.Commit || ringing(m) != 0 {
		t.Errorf("a key after the grace period did not answer the call: %+v (status %q)", c, statusOf(m))
	}
}

// However full the queue, the selected request's subject and what can be
// done with it stay in sight under it.
func TestFullQueueKeepsItsPreview(t *testing.T) {
	g, err := Solo(Setup{Scenario: bigScenario(t, 40, 0), Side: injects.US, Counterpart: "slow-walking", Seed: 1, Speed: time.Hour}, nil, table.ManualTicker{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	runUntil(t, g, time.Hour)
	c := frameOf(New(Options{Game: g, Manual: true})).c
	forComponentSizes(t, func(t *testing.T, w, h int) {
		r := newRequests(c, true)
		out := sized(r, w, h)
		fits(t, "the queue", out, w, h)
		lines := strings.Split(ansi.Strip(out), "\n")
		if last := lines[len(lines)-1]; !strings.Contains(last, "enter opens it") {
			t.Errorf("the queue's last line is %q, not what can be done with the selected request:\n%s", last, ansi.Strip(out))
		}
	})
}

// The join screen of a class, at the smallest window and a large one, for
// each thing it asks; below the smallest, what it needs.
func TestJoinScreen(t *testing.T) {
	s := NewStyles(true)
	for _, sz := range []struct{ w, h int }{{MinWidth, MinHeight}, {200, 50}} {
		for _, c := range []struct {
			j    Join
			want []string
		}{
			{Join{Scenario: "The first season", Step: JoinCode, Input: "K7QM", Note: "That is not one of this class's codes."},
				[]string{"The first season", "Type the join code from the board", "Code: K7QM", "not one of this class's codes", "esc leaves"}},
			{Join{Scenario: "The first season", Step: JoinName, Seat: "Federal Bureau of Investigation", Input: "Ana"},
				[]string{"You join Federal Bureau of Investigation.", "Name: Ana"}},
			{Join{Scenario: "The first season", Step: Joining, Seat: "the projector"}, []string{"Joining the projector…"}},
		} {
			out := c.j.View(s, sz.w, sz.h)
			fits(t, "the join screen", out, sz.w, sz.h)
			mustContain(t, ansi.Strip(out), c.want...)
		}
	}
	mustContain(t, Join{Step: JoinCode}.View(s, 60, 20), "at least 80×24", "The exercise goes on meanwhile")
}
