package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"hotline/game"
)

// recordOf is the hotwash record on a console's screen.
func recordOf(t *testing.T, m *Model) *Hotwash {
	t.Helper()
	x := m.root.(*Console)
	if !x.inRec {
		t.Fatalf("the hotwash record is not on the screen:\n%s", plain(m))
	}
	return x.record
}

// The hotwash record is a root made of the components there are: the
// frame with the questions, the plan and the forms beside the review,
// the observations and the log. The facilitator opens it from the closing
// review and goes back with H; what it saves is in the state, and shown
// back from it.
func TestTheHotwashRecord(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		c := endedClass(t, w, h)
		white := c.white
		keys(white, "H")
		rec := recordOf(t, white)
		if n := len(strings.Split(plain(white), "\n")); n != h {
			t.Errorf("the record is %d lines in a window of %d", n, h)
		}
		mustContain(t, plain(white), "[Hotwash]", "Improvement plan", "Feedback", "Q1", "No answer recorded yet")
		t.Run("questions", func(t *testing.T) { golden.RequireEqual(t, plain(white)) })

		keys(white, "down", "enter")
		typeText(white, "Nobody owned it: the duty desk waited for the ministry.")
		ctrlS(white)
		mustContain(t, statusOf(white), "✓ Q2: the answer is recorded")
		st := white.Game().State()
		if len(st.Hotwash) != 1 || st.Hotwash[0].Question != "Q2" || !strings.HasPrefix(st.Hotwash[0].Asked, "Nobody decided on") ||
			st.Hotwash[0].Text != "Nobody owned it: the duty desk waited for the ministry." {
			t.Fatalf("the hotwash recorded %+v", st.Hotwash)
		}
		mustContain(t, plain(white), "✓ Answer: Nobody owned it")

		keys(white, "tab", "enter")
		typeText(white, "Name a duty officer for requests")
		keys(white, "tab", "tab", "right", "tab", "tab")
		typeText(white, "J. Ortiz")
		keys(white, "tab")
		typeText(white, "2026-12-01")
		keys(white, "tab")
		typeText(white, "2026-11-01")
		mustContain(t, plain(white), "The completion date 2026-11-01 is before the start date 2026-12-01.")
		t.Run("plan row", func(t *testing.T) { golden.RequireEqual(t, plain(white)) })
		ctrlS(white)
		mustContain(t, plain(white), "✗ the completion date 2026-11-01 is before the start date")
		for range 10 {
			keys(white, "backspace")
		}
		typeText(white, "2027-03-01")
		ctrlS(white)
		mustContain(t, statusOf(white), "✓ Row A1: the corrective action is recorded")
		want := game.CorrectiveAction{Row: "A1", Issue: "A1", Action: "Name a duty officer for requests", Capability: "Timely responses",
			Element: "planning", Organization: "China delegation", Contact: "J. Ortiz", Start: "2026-12-01", Completion: "2027-03-01"}
		got := white.Game().State().Corrections
		if len(got) != 1 || !strings.HasPrefix(got[0].Title, "All six parts") {
			t.Fatalf("the plan recorded %+v", got)
		}
		got[0].Title = ""
		if got[0] != want {
			t.Fatalf("the plan recorded %+v, want %+v", got[0], want)
		}
		mustContain(t, plain(white), "✓ Action: Name a duty officer", "planning · China delegation · contact: J. Ortiz", "from 2026-12-01 to 2027-03-01")
		t.Run("plan", func(t *testing.T) { golden.RequireEqual(t, plain(white)) })

		keys(white, "tab")
		mustContain(t, plain(white), "[Feedback]", "Feedback forms handed in: 0 of 4")
		keys(white, "H")
		if white.root.(*Console).inRec {
			t.Fatal("H did not go back to the closing review")
		}
		mustContain(t, plain(white), "The exercise has ended", "H hotwash record")
		keys(white, "H")
		if recordOf(t, white) != rec {
			t.Error("the record was made again: what was typed in it would be lost")
		}
	})
}

// A corrective action is withdrawn on x, once confirmed; an issue the
// room raised is a row of its own; a question the room asked is recorded
// with its answer.
func TestTheHotwashRecordsWhatTheRoomRaised(t *testing.T) {
	c := endedClass(t, 120, 40)
	white := c.white
	keys(white, "H", "n")
	typeText(white, "Who answers the hotline at night?")
	keys(white, "tab")
	typeText(white, "The duty officer of each ministry.")
	ctrlS(white)
	st := white.Game().State()
	if len(st.Hotwash) != 1 || st.Hotwash[0].Question != "Q6" || st.Hotwash[0].Asked != "Who answers the hotline at night?" {
		t.Fatalf("the room's question: %+v", st.Hotwash)
	}
	mustContain(t, plain(white), "; 1 question the room asked")

	keys(white, "tab", "n")
	typeText(white, "The hotline has no night rota")
	keys(white, "tab")
	typeText(white, "Write one")
	ctrlS(white)
	keys(white, "a")
	typeText(white, "Exercise it")
	ctrlS(white)
	rows := map[string]game.CorrectiveAction{}
	for _, r := range white.Game().State().Corrections {
		rows[r.Row] = r
	}
	if rows["H1"].Title != "The hotline has no night rota" || rows["H1"].Action != "Write one" || rows["A1-2"].Action != "Exercise it" || rows["A1-2"].Issue != "A1" {
		t.Fatalf("the rows: %+v", rows)
	}

	for range 7 {
		keys(white, "down") // past A1 to A6 and H1
	}
	keys(white, "x")
	mustContain(t, plain(white), "Withdraw row A1-2's corrective action? y/n")
	keys(white, "y")
	if _, ok := rowOf(white, "A1-2"); ok {
		t.Errorf("x y did not withdraw the row: %q", statusOf(white))
	}
}

func rowOf(m *Model, row string) (game.CorrectiveAction, bool) {
	for _, r := range m.Game().State().Corrections {
		if r.Row == row {
			return r, true
		}
	}
	return game.CorrectiveAction{}, false
}

// The Feedback panel counts the forms by seat and sums them up as the
// report does: never a name.
func TestTheRecordCountsTheFormsBySeat(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		c := endedClass(t, w, h)
		keys(c.ana, "f", "4", "4", "5", "2", "3", "4", "down")
		typeText(c.ana, "Clear roles")
		ctrlS(c.ana)
		keys(c.omar, "f", "3")
		ctrlS(c.omar)
		c.pump()
		keys(c.white, "H", "tab", "tab")
		s := plain(c.white)
		mustContain(t, s, "Feedback forms handed in: 2 of 4", "Department of Homeland Security", "1 of 1", "Observers")
		mustContain(t, panelOf[*tally](c.white).text, "A player (United States, Department of Homeland Security): Clear roles", "3.5")
		text := panelOf[*tally](c.white).text
		for _, name := range []string{"Ana", "Omar", "Li", "Eve"} {
			if strings.Contains(text, name) {
				t.Errorf("the panel names %s:\n%s", name, text)
			}
		}
		golden.RequireEqual(t, s)
	})
}

// BenchmarkAfterPlayView draws the screens of after play at 120×40: a
// student's feedback form, filled in, and each panel of the hotwash record
// (go test ./ui -run XXX -bench AfterPlay). Each is drawn on every frame
// while it is in front, so it has to cost what the main screen costs.
func BenchmarkAfterPlayView(b *testing.B) {
	c := endedClass(b, 120, 40)
	keys(c.ana, "f", "4", "4", "5", "2", "3", "4")
	typeText(c.ana, strings.Repeat("A long answer about the hotline. ", 12))
	keys(c.white, "H")
	draw := func(name string, m *Model) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
	draw("feedback form", c.ana)
	for range 3 {
		draw(front(c.white).title(), c.white)
		keys(c.white, "tab")
	}
}
