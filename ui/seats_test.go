package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/game/table"
)

// toSeats brings the console's Seats panel to the front.
func toSeats(t *testing.T, m *Model) {
	t.Helper()
	for range tabCount(m) {
		if front(m).title() == "Seats" {
			return
		}
		keys(m, "tab")
	}
	t.Fatal("the console has no Seats panel")
}

// selectRow selects the Seats panel's row of a person.
func selectRow(t *testing.T, m *Model, person string, removed bool) {
	t.Helper()
	ss := panelOf[*seats](m)
	for k, row := range ss.rows() {
		if row.person == person && row.removed == removed {
			ss.cursor = k
			return
		}
	}
	t.Fatalf("no row for %s (taken out: %v)", person, removed)
}

// x on Seats asks before taking someone out; the one taken out is listed
// and r lets them back in.
func TestTakingSomeoneOutAsksAndTheyCanBeLetBackIn(t *testing.T) {
	r := newRoom(t, "opm-breach")
	r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	console := r.seat("Ms Rivera", game.Facilitator, "", ControlView, 120, 40)
	toSeats(t, console)
	selectRow(t, console, "Ana", false)
	keys(console, "x")
	mustContain(t, plain(console), "Take Ana out of the exercise? y/n")
	keys(console, "n")
	if _, ok := console.Game().State().Seated("Ana"); !ok {
		t.Fatal("n took Ana out")
	}
	keys(console, "x", "y")
	if _, ok := console.Game().State().Seated("Ana"); ok {
		t.Fatalf("x y did not take Ana out: %q", statusOf(console))
	}
	mustContain(t, plain(console), "Taken out", "Ana")
	selectRow(t, console, "Ana", true)
	keys(console, "r")
	if st := console.Game().State(); len(st.Removed) != 0 {
		t.Fatalf("r did not let Ana back in: %q", statusOf(console))
	}
	mustContain(t, statusOf(console), "Ana may join again")
}

// The console says when a bot takes over a team whose students have all
// gone, and when it hands the team back; Seats counts down the grace.
func TestTheConsoleSeesABotStandInAndHandBack(t *testing.T) {
	r := newRoom(t, "opm-breach")
	r.control(game.Command{Verb: game.RemoveBot, Team: "fbi"})
	r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	console := r.seat("Ms Rivera", game.Facilitator, "", ControlView, 120, 40)
	toSeats(t, console)
	r.tb.Disconnect(r.tb.Connections("Ana")[0].ID) // her laptop drops
	r.tb.Sync()
	console.Pump()
	mustContain(t, statusOf(console), "Nobody of the FBI is connected: a bot plays it in 2m unless one of them is back.")
	mustContain(t, plain(console), "nobody connected since 10:00: a bot plays it in 1:5", "FBI: Ana (away)")
	r.later(table.DefaultGrace)
	r.tb.Sync()
	console.Pump()
	mustContain(t, statusOf(console), "The cooperative bot plays the FBI until one of its students is back.")
	mustContain(t, plain(console), "the cooperative bot stands in until one is back")
	r.tb.Connect(game.Person{Name: "Ana", Role: game.Player, Team: "fbi"})
	r.tb.Sync()
	console.Pump()
	mustContain(t, statusOf(console), "A student of the FBI is back: the bot hands the team back.")
	if bot := console.Game().State().Bots[r.sc.TeamIndex("fbi")]; bot != "" {
		t.Errorf("the %s bot still plays the FBI", bot)
	}
}

// The facilitator sets the class's wait and grace from the console, and
// sees what each team owes with how long the clock still waits for it.
func TestTheConsoleSetsThePaceAndSeesWhatIsOwed(t *testing.T) {
	r := newRoomAt(t, "opm-breach", table.DefaultWait)
	ana := r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	console := r.seat("Ms Rivera", game.Facilitator, "", ControlView, 120, 40)
	toSeats(t, console)
	// Paused, the wait does not count down, however long the room talks.
	mustContain(t, plain(console), "◷  3:00  the United States' decision")
	mustContain(t, plain(console), "◷  3:00  the United States' decision")
	r.control(game.Command{Verb: game.RunClock})
	r.tb.Tick()
	console.Pump()
	ana.Pump()
	mustContain(t, plain(console), "the clock waits up to 3m for a team", "a bot plays a team 2m after",
		"◷  2:", "the United States' decision on “Personnel-records system breached”, due Thu 01 Oct 21:00")
	mustContain(t, plain(ana), "◷ waiting for the teams to answer, 2:")
	if strings.Contains(plain(console), "US US ") {
		t.Errorf("a team named for its side is named twice:\n%s", plain(console))
	}
	keys(console, "p")
	if !formOpen(console) {
		t.Fatal("p did not open the pace")
	}
	keys(console, "right", "tab", "right", "right")
	send(console, keyMsg("ctrl+s"))
	mustContain(t, statusOf(console), "The clock waits up to 5m for a team; a bot plays a team 5m after its students have all gone.")
	r.tb.Sync()
	console.Pump()
	if p := console.Game().Pace(); p != (table.Pace{Wait: 5 * time.Minute, Grace: 5 * time.Minute}) {
		t.Errorf("the table's pace is %+v", p)
	}
	if !strings.Contains(plain(console), "waits up to 5m") {
		t.Errorf("Seats does not show the new pace:\n%s", plain(console))
	}
}

// The board stays on the console from the moment the class is served
// until the facilitator puts it away; B brings it back.
func TestTheBoardStaysUntilPutAway(t *testing.T) {
	r := newRoom(t, "opm-breach")
	a, _ := r.tb.Actor("Ms Rivera")
	g := Seat(r.tb, r.sc, a, game.ViewerOf(game.ControlSeat, 0, ""), 0)
	t.Cleanup(func() { g.Close() })
	joinWith := []string{"Join with:    ssh -p 2222 192.0.2.2   (then type the code)", "FBI   agwd6-zs3xb"}
	console := New(Options{Game: g, View: ControlView, Host: true, Board: joinWith, Manual: true, Now: unhurried()})
	send(console, tea.WindowSizeMsg{Width: 120, Height: 40})
	mustContain(t, plain(console), "Write this on the board", "ssh -p 2222 192.0.2.2", "agwd6-zs3xb")
	keys(console, "space", "tab") // the clock starts under it; the board stays
	mustContain(t, plain(console), "Write this on the board")
	keys(console, "enter")
	if strings.Contains(plain(console), "Write this on the board") {
		t.Fatalf("enter did not put the board away:\n%s", plain(console))
	}
	keys(console, "B")
	mustContain(t, plain(console), "Write this on the board")
}
