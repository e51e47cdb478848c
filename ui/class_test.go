package ui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// room is a class at a table, for the seats' screens.
type room struct {
	t    testing.TB
	tb   *table.Table
	sc   *injects.Scenario
	wall time.Time // the table's wall clock, which stands still unless the test moves it
	// later moves the wall clock on.
	later func(d time.Duration)
}

func newRoom(t testing.TB, id string) *room {
	t.Helper()
	return newRoomAt(t, id, table.Off)
}

// newRoomAt opens a class whose clock waits at what a seated team must
// answer for wait (table.Off: never).
func newRoomAt(t testing.TB, id string, wait time.Duration) *room {
	t.Helper()
	sc := load(t, id)
	var history []game.Event
	s, err := game.NewClass(sc, 5, "Ms Rivera", func(_ *game.State, ev *game.Event) { history = append(history, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	// The wall clock stands still unless the test moves it: a clock that
	// waits for the room waits for ever.
	r := &room{t: t, sc: sc, wall: time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)}
	var mu sync.Mutex
	r.tb = table.Open(table.Config{Session: s, History: history, Ticker: table.ManualTicker{}, Speed: 2 * time.Hour,
		Now: func() time.Time { mu.Lock(); defer mu.Unlock(); return r.wall }, Wait: wait})
	r.later = func(d time.Duration) { mu.Lock(); r.wall = r.wall.Add(d); mu.Unlock() }
	t.Cleanup(func() { r.tb.Close() })
	for _, team := range sc.Teams {
		r.control(game.Command{Verb: game.SeatBot, Team: team.ID, Profile: "by-the-book"})
	}
	return r
}

// control makes a command as the class's facilitator.
func (r *room) control(c game.Command) {
	r.t.Helper()
	a, _ := r.tb.Actor("Ms Rivera")
	if _, err := r.tb.Do(a, c); err != nil {
		r.t.Fatal(err)
	}
}

// seat seats a person and opens their screen.
func (r *room) seat(name string, role game.Role, team string, view View, w, h int) *Model {
	r.t.Helper()
	if name != "Ms Rivera" {
		r.control(game.Command{Verb: game.Seat, Person: game.Person{Name: name, Role: role, Team: team}})
	}
	a, _ := r.tb.Actor(name)
	v := game.ViewerFor(r.sc, game.Person{Role: role, Team: team})
	if view == ProjectorView {
		v = game.ViewerOf(game.ProjectorSeat, 0, "")
	}
	side := injects.US
	if t, ok := r.sc.Team(team); ok {
		side = t.Side
	}
	r.tb.Connect(game.Person{Name: name, Role: role, Team: team})
	g := Seat(r.tb, r.sc, a, v, side)
	r.t.Cleanup(func() { g.Close() })
	m := New(Options{Game: g, View: view, Manual: true, Now: unhurried()})
	send(m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// run moves the clock n ticks, as the facilitator would with the clock
// running, and lets each screen take the news.
func (r *room) run(n int, screens ...*Model) {
	r.control(game.Command{Verb: game.RunClock})
	for range n {
		r.tb.Tick()
	}
	r.tb.SetRunning(mustActor(r, "Ms Rivera"), false, false)
	for _, m := range screens {
		m.Pump()
	}
}

func mustActor(r *room, name string) game.Actor {
	a, _ := r.tb.Actor(name)
	return a
}

// Two students in one team share one view: the first decision wins, and
// the other sees who made it.
func TestTeamMatesSeeWhoDecided(t *testing.T) {
	r := newRoom(t, "opm-breach")
	ana := r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	ben := r.seat("Ben", game.Player, "fbi", PlayView, 100, 30)
	ana.Pump()
	mustContain(t, plain(ana), "Ana · FBI (US)", "FBI (you): Ana, Ben", "DHS: bot")
	// Both press 1 on the breach; Ana's arrives first.
	keys(ana, "down", "1") // below the situation briefing
	keys(ben, "down", "1")
	ben.Pump()
	mustContain(t, plain(ben), "Decided by Ana (Federal Bureau of Investigation)")
	if !strings.Contains(statusOf(ben), "already decided") && !strings.HasPrefix(statusOf(ben), "Ana: ") {
		t.Errorf("Ben is told neither that it was decided nor by whom: %q", statusOf(ben))
	}
	if i, _ := r.sc.InjectIndex("opm-discovery"); ben.Game().State().Injects[i].Person != "Ana" {
		t.Errorf("the decision is %+v, not Ana's", ben.Game().State().Injects[i])
	}
	ana.Pump()
	if strings.Contains(plain(ana), "Decided by") {
		t.Errorf("Ana is told someone decided for her:\n%s", plain(ana))
	}
}

// A message to one team reaches that team only; the control cell and
// observers see it with its audience.
func TestMessageReachesItsTeamOnly(t *testing.T) {
	r := newRoom(t, "opm-breach")
	white := r.seat("Ms Rivera", game.Facilitator, "", ControlView, 120, 40)
	fbi := r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	doj := r.seat("Dee", game.Player, "doj", PlayView, 100, 30)
	mps := r.seat("Li", game.Player, "mps", PlayView, 100, 30)
	keys(white, "m")
	if !formOpen(white) {
		t.Fatal("m did not open the message form")
	}
	// To: both delegations → US → China → the first team (the FBI).
	keys(white, "tab", "tab", "right", "right", "right", "tab")
	for _, c := range "Call the Post" {
		keys(white, string(c))
	}
	keys(white, "tab")
	for _, c := range "They run the story at noon." {
		keys(white, string(c))
	}
	send(white, tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	if formOpen(white) || !strings.Contains(statusOf(white), "Message sent") {
		t.Fatalf("the message was not sent: %q", statusOf(white))
	}
	for _, m := range []*Model{fbi, doj, mps} {
		m.Pump()
	}
	mustContain(t, plain(fbi), "Call the Post")
	for _, m := range []*Model{doj, mps} {
		if strings.Contains(plain(m), "Call the Post") {
			t.Errorf("a message to the FBI reached %s:\n%s", m.Game().Actor.Name, plain(m))
		}
	}
}

func TestControlConsole(t *testing.T) {
	forSizes(t, func(t *testing.T, w, h int) {
		r := newRoom(t, "opm-breach")
		r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
		white := r.seat("Ms Rivera", game.Facilitator, "", ControlView, w, h)
		r.run(12, white) // a day at 2h a second
		golden.RequireEqual(t, plain(white))
	})
}

// The control cell's commands over the script, by their keys.
func TestControlKeys(t *testing.T) {
	r := newRoom(t, "opm-breach")
	white := r.seat("Ms Rivera", game.Facilitator, "", ControlView, 120, 40)
	sp := panelOf[*script](white)
	row := func(id string) {
		t.Helper()
		for k, i := range sp.rows {
			if r.sc.Injects[i].ID == id {
				sp.cursor = k
				return
			}
		}
		t.Fatalf("no row for %s", id)
	}
	state := func(id string) *game.InjectState {
		i, _ := r.sc.InjectIndex(id)
		return &white.Game().State().Injects[i]
	}
	row("nsc-memo")
	keys(white, "h")
	if !state("nsc-memo").Held {
		t.Fatalf("h did not hold the memo: %q", statusOf(white))
	}
	mustContain(t, plain(white), "HELD")
	keys(white, "h")
	if state("nsc-memo").Held {
		t.Error("h again did not release it")
	}
	row("norms-track")
	keys(white, "x")
	mustContain(t, plain(white), "Skip “Counterfactual: the senior experts group on norms meets early”? y/n")
	if state("norms-track").Status == game.Skipped {
		t.Fatal("x skipped the norms track without asking")
	}
	keys(white, "y")
	if state("norms-track").Status != game.Skipped {
		t.Errorf("x did not skip the norms track: %q", statusOf(white))
	}
	row("nsc-memo")
	keys(white, "f")
	if state("nsc-memo").Status != game.Fired || state("nsc-memo").FiredBy != "Ms Rivera" {
		t.Errorf("f did not fire the memo: %q", statusOf(white))
	}
	keys(white, "E", "y")
	if !white.Game().State().Ended {
		t.Errorf("E y did not end the exercise: %q", statusOf(white))
	}
}

// An evaluator's observation, written on the screen, is in the log with
// who wrote it.
func TestEvaluatorObserves(t *testing.T) {
	r := newRoom(t, "opm-breach")
	eve := r.seat("Eve", game.Evaluator, "", WatchView, 100, 30)
	keys(eve, "o")
	if !formOpen(eve) {
		t.Fatal("o did not open the observation form")
	}
	keys(eve, "right", "tab", "right", "tab", "right", "right", "tab") // tell-apart, the FBI, S
	for _, c := range "Kept espionage out of the pledge" {
		keys(eve, string(c))
	}
	send(eve, tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	notes := eve.Game().State().Notes
	if len(notes) != 1 || notes[0].By != "Eve" || notes[0].Objective != "tell-apart" || notes[0].Team != "fbi" ||
		notes[0].Rating != game.RatedS || notes[0].Text != "Kept espionage out of the pledge" {
		t.Fatalf("the observation: %+v (status %q)", notes, statusOf(eve))
	}
	// An observer can look but not write.
	omar := r.seat("Omar", game.Observer, "", WatchView, 100, 30)
	keys(omar, "o")
	if formOpen(omar) {
		t.Error("an observer opened the observation form")
	}
}

func TestProjector(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{160, 45}, {80, 24}} {
		t.Run(strings.Join([]string{itoa(sz.w), itoa(sz.h)}, "x"), func(t *testing.T) {
			r := newRoom(t, "assistance-request")
			wall := r.seat("projector", game.Observer, "", ProjectorView, sz.w, sz.h)
			r.control(game.Command{Verb: game.SetSpeed, Speed: 12 * time.Hour})
			r.run(45, wall) // two days and a half
			golden.RequireEqual(t, plain(wall))
		})
	}
}

// Every line of every seat's screen fits the window exactly.
func TestClassScreensFitTheWindow(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {120, 40}, {160, 45}} {
		r := newRoom(t, "campaign")
		screens := []*Model{
			r.seat("Ana", game.Player, "fbi", PlayView, sz.w, sz.h),
			r.seat("Ms Rivera", game.Facilitator, "", ControlView, sz.w, sz.h),
			r.seat("Eve", game.Evaluator, "", WatchView, sz.w, sz.h),
			r.seat("projector", game.Observer, "", ProjectorView, sz.w, sz.h),
		}
		for round := 0; round < 20; round++ {
			r.run(20, screens...)
			for _, m := range screens {
				for range tabCount(m) {
					lines := strings.Split(plain(m), "\n")
					if len(lines) != sz.h {
						t.Fatalf("%dx%d %s %s: %d lines", sz.w, sz.h, m.Game().Actor.Name, frontTitle(m), len(lines))
					}
					for i, l := range lines {
						if n := lipglossWidth(l); n > sz.w {
							t.Fatalf("%dx%d %s %s line %d is %d wide: %q", sz.w, sz.h, m.Game().Actor.Name, frontTitle(m), i, n, l)
						}
					}
					keys(m, "tab")
				}
			}
		}
	}
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n)) }

func fmtInt(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// An incoming call interrupts only a seat that can answer it: the called
// side's players. The console and the evaluators hear of it on the status
// line, and their keys stay theirs.
func TestCallInterruptsWhoAnswers(t *testing.T) {
	r := newRoom(t, "hotline-escalation")
	for _, team := range r.sc.TeamsOf(injects.CN) {
		r.control(game.Command{Verb: game.SeatBot, Team: team, Profile: "stonewalling"})
	}
	ana := r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	white := r.seat("Ms Rivera", game.Facilitator, "", ControlView, 120, 40)
	eve := r.seat("Eve", game.Evaluator, "", WatchView, 100, 30)
	r.control(game.Command{Verb: game.SetSpeed, Speed: 12 * time.Hour})
	for i := 0; i < 300 && ringing(ana) == 0; i++ {
		r.run(1, ana, white, eve)
	}
	if ringing(ana) == 0 {
		t.Fatalf("no call rang for the United States:\n%s", plain(ana))
	}
	for _, m := range []*Model{white, eve} {
		if n := ringing(m); n != 0 {
			t.Errorf("call %d interrupts %s, who cannot answer it:\n%s", n, m.Game().Actor.Name, plain(m))
		}
		if !strings.Contains(statusOf(m), "☎") {
			t.Errorf("%s is not told the hotline rang: %q", m.Game().Actor.Name, statusOf(m))
		}
	}
	keys(white, "tab")
	if front(white).title() != "Requests" {
		t.Errorf("tab on the console went to %s, not Requests", front(white).title())
	}
}

// A call answered by a teammate leaves the others' screens by itself: they
// are told who answered, and a digit typed for the call an instant after
// it left does not act on the panel beneath.
func TestCallAnsweredElsewhere(t *testing.T) {
	r := newRoom(t, "hotline-escalation")
	for _, team := range r.sc.TeamsOf(injects.CN) {
		r.control(game.Command{Verb: game.SeatBot, Team: team, Profile: "stonewalling"})
	}
	for _, team := range r.sc.TeamsOf(injects.US) {
		r.control(game.Command{Verb: game.RemoveBot, Team: team})
	}
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	ana := r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	frameOf(ana).c.now = func() time.Time { return now }
	frameOf(ana).overlays.now = frameOf(ana).c.now
	ben := r.seat("Ben", game.Player, "dhs", PlayView, 100, 30)
	r.control(game.Command{Verb: game.SetSpeed, Speed: 12 * time.Hour})
	for i := 0; i < 300 && ringing(ana) == 0; i++ {
		r.run(1, ana, ben)
	}
	n := ringing(ana)
	if n == 0 || ringing(ben) != n {
		t.Fatalf("call %d rings for Ana, %d for Ben", n, ringing(ben))
	}
	now = now.Add(time.Second)
	keys(ben, "3")
	now = now.Add(100 * time.Millisecond)
	ana.Pump()
	if ringing(ana) != 0 {
		t.Fatal("the call Ben answered is still in front of Ana")
	}
	mustContain(t, statusOf(ana), "Ben: ", fmt.Sprintf("call %d", n), "denial")
	before := ana.Game().State().Seq
	keys(ana, "down", "1")
	if ana.Game().State().Seq != before || !strings.Contains(statusOf(ana), fmt.Sprintf("call %d", n)) {
		t.Errorf("keys typed an instant after the call left acted on Ana's feed: %q", statusOf(ana))
	}
	now = now.Add(time.Second)
	keys(ana, "down")
	if front(ana).(*feed).cursor == 0 {
		t.Error("a key after the grace period does not reach the feed")
	}
}

// The projector takes no key but q, and asks on its last line before it
// leaves.
func TestProjectorQuits(t *testing.T) {
	r := newRoom(t, "assistance-request")
	wall := r.seat("projector", game.Observer, "", ProjectorView, 160, 45)
	before := plain(wall)
	keys(wall, "tab", "1", "space")
	if plain(wall) != before {
		t.Errorf("keys other than q changed the projector:\n%s", plain(wall))
	}
	keys(wall, "q")
	lines := strings.Split(plain(wall), "\n")
	if len(lines) != 45 || !strings.HasPrefix(lines[44], "Quit? y/n") {
		t.Fatalf("q does not ask on the last line:\n%s", plain(wall))
	}
	if _, cmd := wall.Update(keyMsg("y")); cmd == nil || cmd() != tea.Quit() {
		t.Error("y does not quit the projector")
	}
}

// A call ringing at a student's team says truthfully what the clock does:
// it runs on, and when by the call must be answered, unless the class's
// clock waits for the team's answer.
func TestTheCalledTeamIsToldWhatTheClockDoes(t *testing.T) {
	for _, c := range []struct {
		wait time.Duration
		says string
	}{
		{table.Off, "☎ The hotline is ringing. The clock runs: answer it by Thu 01 Oct 15:00."},
		{table.DefaultWait, "☎ The hotline is ringing. The clock waits for your answer: answer it now."},
	} {
		r := newRoomAt(t, "opm-breach", c.wait)
		li := r.seat("Li", game.Player, "mps", PlayView, 100, 30)
		r.control(game.Command{Verb: game.RunClock})
		for range 10 {
			r.tb.Tick()
		}
		r.control(game.Command{Team: "fbi", Verb: game.Ring})
		li.Pump()
		if got := statusOf(li); got != c.says {
			t.Errorf("with the wait %v, the called team is told %q, not %q", c.wait, got, c.says)
		}
		if !running(li) {
			t.Error("the clock is not running")
		}
	}
}

// While the class's clock waits for the teams, every screen says so rather
// than that it runs; the facilitator's w runs it on.
func TestScreensSayTheClockWaitsAndTheFacilitatorRunsItOn(t *testing.T) {
	r := newRoomAt(t, "opm-breach", table.DefaultWait)
	ana := r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	console := r.seat("Ms Rivera", game.Facilitator, "", ControlView, 100, 30)
	wall := r.seat("projector", game.Observer, "", ProjectorView, 160, 45)
	r.control(game.Command{Verb: game.RunClock})
	r.tb.Tick()
	for _, m := range []*Model{ana, console, wall} {
		m.Pump()
		if !strings.Contains(strings.ToLower(plain(m)), "waits for the teams to answer") && !strings.Contains(plain(m), "waiting for the teams to answer") {
			t.Errorf("%s's screen does not say the clock waits:\n%s", m.Game().Actor.Name, plain(m))
		}
	}
	keys(ana, "w")
	r.tb.Tick()
	ana.Pump()
	if ana.Game().State().Now != 0 {
		t.Fatal("a student's w ran the clock on")
	}
	keys(console, "w")
	r.tb.Tick()
	console.Pump()
	mustContain(t, plain(console), "▶ running at")
	if console.Game().State().Now == 0 {
		t.Error("the facilitator's w did not run the clock on")
	}
}

// The console's > says where the clock stopped, and what it stopped short
// of, even when nothing happened there.
func TestTheConsoleSaysWhereTheJumpStopped(t *testing.T) {
	r := newRoom(t, "opm-breach")
	r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	console := r.seat("Ms Rivera", game.Facilitator, "", ControlView, 100, 30)
	keys(console, ">") // past China's first decision: nobody seated sees it
	mustContain(t, statusOf(console), "The clock stopped at Thu 01 Oct 20:00, 1h before the United States' decision on “Personnel-records system breached” is due.")
	keys(console, ">")
	mustContain(t, statusOf(console), "✗ the United States' decision on “Personnel-records system breached” is due at Thu 01 Oct 21:00")
}

// Where the console's > stopped reaches every screen, but the title of the
// decision it stopped short of only those the decision reached: China's
// students learn that the United States has a decision due, not what it is
// about, on their status line and in their log.
func TestAJumpNamesADecisionOnlyToThoseItReached(t *testing.T) {
	r := newRoom(t, "opm-breach")
	ana := r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	li := r.seat("Li", game.Player, "mps", PlayView, 100, 30)
	console := r.seat("Ms Rivera", game.Facilitator, "", ControlView, 100, 30)
	const title = "Personnel-records system breached"
	for range 8 {
		if strings.Contains(statusOf(console), "The clock stopped at") {
			break
		}
		keys(console, ">")
	}
	for _, m := range []*Model{ana, li} {
		m.Pump()
	}
	mustContain(t, statusOf(console), "1h before the United States' decision on “"+title+"” is due.")
	mustContain(t, statusOf(ana), "1h before the United States' decision on “"+title+"” is due.")
	mustContain(t, statusOf(li), "The clock stopped at Thu 01 Oct 20:00, 1h before the United States' decision is due.")
	for _, l := range li.Game().journal {
		if strings.Contains(l.text, title) {
			t.Errorf("China's log names the United States' decision: %s", l.text)
		}
	}
}

// A student's first screen shows the briefing in front rendered, not its
// Markdown source: the frame the window's size brings is the first one
// drawn, before any command has run.
func TestTheFirstBriefingIsRenderedAtOnce(t *testing.T) {
	r := newRoom(t, "opm-breach")
	r.control(game.Command{Verb: game.Seat, Person: game.Person{Name: "Ana", Role: game.Player, Team: "fbi"}})
	a, _ := r.tb.Actor("Ana")
	g := Seat(r.tb, r.sc, a, game.ViewerOf(game.TeamSeat, injects.US, "fbi"), injects.US)
	t.Cleanup(func() { g.Close() })
	m := New(Options{Game: g, Manual: true, Now: unhurried()})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30}) // its command is not run
	screen := plain(m)
	mustContain(t, screen, "This exercise imagines the hotline working from October 2015.")
	if strings.Contains(screen, "**") {
		t.Errorf("the first frame shows the briefing's Markdown source:\n%s", screen)
	}
}

// The script's card says why f cannot fire an inject whose part of the
// story has not begun, rather than leaving f out without a word.
func TestTheScriptSaysWhyAnInjectCannotFire(t *testing.T) {
	r := newRoom(t, "campaign")
	white := r.seat("Ms Rivera", game.Facilitator, "", ControlView, 120, 40)
	sp := panelOf[*script](white)
	for k, i := range sp.rows {
		if r.sc.Injects[i].ID == "breach-report" {
			sp.cursor = k
		}
	}
	keys(white, "down", "up") // the card follows the selection
	if i, _ := sp.selected(); r.sc.Injects[i].ID != "breach-report" {
		t.Fatalf("selected %s", r.sc.Injects[i].ID)
	}
	mustContain(t, plain(white), "You can: h hold · x skip", "Why not f: \"Cascade Composites: formulas copied to servers in")
}

// A status line that said the clock waits for the teams does not stay
// once the clock runs on.
func TestTheStatusLineSaysWhenTheClockRunsOn(t *testing.T) {
	r := newRoomAt(t, "opm-breach", table.DefaultWait)
	ana := r.seat("Ana", game.Player, "fbi", PlayView, 100, 30)
	console := r.seat("Ms Rivera", game.Facilitator, "", ControlView, 100, 30)
	keys(console, "space")
	mustContain(t, statusOf(console), "The clock is started, and waits for the teams to answer")
	keys(ana, "down", "1") // the team decides: nothing else is owed yet
	r.tb.Tick()
	console.Pump()
	if !strings.Contains(plain(console), "▶ running at") {
		t.Fatalf("the clock does not run on:\n%s", plain(console))
	}
	mustContain(t, statusOf(console), "The clock runs on at 2h of story a second.")
}
