package classroom

import (
	"fmt"
	"hash/fnv"
	"strings"
	"testing"
	"time"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// A class rehearsed from start to end, as a professor would run it: sixteen
// students (two in each of the campaign's eight teams), an evaluator, an
// observer, the projector at 160×45 and a second facilitator at the
// console, each an SSH client with a screen, at class pace. The table's
// clock moves by hand and the wall clock is the test's, so the run is the
// same every time. The teams talk over what reaches them for a minute or
// more and decide by typing on their screens; a fifth of the decisions they
// leave to the deadline; the FBI rings China on the hotline and China
// answers on its screen; the facilitator jumps the quiet stretches with >,
// runs the clock on after a jump stops short and after the dialogue meets,
// and takes the projector through the dialogue's review.
//
// It holds that no decision of a seated team passes unseen (each reaches
// its team's screen, and one left to its deadline was open at least the
// class's wait); that a jump passes no deadline of what a team owes; that
// every screen tells the truth about the clock each time it changes
// (never paused while it runs or waits, never running while it waits);
// and that the projector never shows the title of something addressed to
// one side or one team.
func TestARehearsedClass(t *testing.T) {
	r := newRehearsal(t)
	r.play()
	r.verify()
}

// rehearsal is a class over SSH and what the test has seen of it.
type rehearsal struct {
	*class
	t        *testing.T
	mirror   *game.Engine // the state of play, as the screens follow it
	sub      *table.Sub
	last     table.Update
	heard    map[int]time.Time // by event sequence number: when the room heard of it
	students map[string][]*client
	actors   map[string]game.Actor // by team: its first student
	console  *client
	wall     *client // the projector
	room     []*client
	owedAt   map[string]time.Time // by game.Owed.Key: when it reached the room
	handled  map[string]bool      // owed things answered
	seen     map[string]bool      // decisions found on their team's screen
	told     string               // the clock's state every screen last told
	jumps    int
	meetings int
	rang     bool
	runUntil time.Duration // a jump stopped short of a deadline: the clock runs up to it
	private  []string      // titles the projector must never show
}

func newRehearsal(t *testing.T) *rehearsal {
	c := newClassWith(t, "campaign", table.Config{Ticker: table.ManualTicker{}, Speed: table.ClassSpeed},
		Config{Stall: time.Hour}) // the test's wall clock leaps; no client stalls for it
	r := &rehearsal{class: c, t: t, mirror: game.Mirror(c.sc), sub: c.tb.Subscribe(), heard: map[int]time.Time{},
		students: map[string][]*client{}, actors: map[string]game.Actor{}, owedAt: map[string]time.Time{},
		handled: map[string]bool{}, seen: map[string]bool{}}
	t.Cleanup(r.sub.Close)
	for _, team := range c.sc.Teams {
		for k := 1; k <= 2; k++ {
			cl := c.join(c.codes.Teams[team.ID], fmt.Sprintf("%s %d", strings.ToUpper(team.ID), k))
			r.students[team.ID] = append(r.students[team.ID], cl)
			r.room = append(r.room, cl)
		}
		r.actors[team.ID], _ = c.tb.Actor(strings.ToUpper(team.ID) + " 1")
	}
	r.console = c.named(c.codes.Facilitator, "Mr Lee", 120, 40, "controller's card")
	evaluator := c.named(c.codes.Evaluator, "Dr Okafor", 100, 30, "Observations")
	observer := c.named(c.codes.Observer, "Sam", 100, 30, "You: Sam · observer")
	r.wall = c.dial(c.codes.Projector, 160, 45)
	r.wall.waitFor("LADDER")
	r.room = append(r.room, r.console, evaluator, observer, r.wall)
	for i := range c.sc.Injects {
		if in := &c.sc.Injects[i]; !in.To.All {
			r.private = append(r.private, in.Title)
		}
	}
	r.follow()
	return r
}

// follow takes the table's news, noting when the room heard of each event.
func (r *rehearsal) follow() {
	r.tb.Sync()
	select {
	case <-r.sub.C():
	default:
		return
	}
	r.last = r.sub.Next()
	for i := range r.last.Events {
		ev := &r.last.Events[i]
		if ev.Seq <= r.mirror.State().Seq {
			continue
		}
		r.mirror.Follow(ev)
		r.heard[ev.Seq] = r.clock.Now()
	}
	r.mirror.SetNow(r.last.Now)
}

// state is the clock's state: ended, paused, waiting (for the teams) or
// running.
func (r *rehearsal) state() string {
	st := r.mirror.State()
	switch {
	case st.Ended:
		return "ended"
	case !st.Running:
		return "paused"
	case len(r.last.Waits) > 0:
		return "waiting"
	}
	return "running"
}

// play runs the class to its end.
func (r *rehearsal) play() {
	t := r.t
	begin := r.clock.Now()
	r.console.typeText(" ") // the facilitator starts the clock
	r.until("the clock to start", func() bool { return r.mirror.State().Running })
	for steps := 0; !r.mirror.State().Ended; steps++ {
		if steps > 6000 || r.clock.Now().Sub(begin) > 3*time.Hour {
			t.Fatalf("after %d steps and %s, the story is at %s", steps, r.clock.Now().Sub(begin), game.Clock(r.sc, r.mirror.State().Now))
		}
		if s := r.state(); s != r.told {
			r.tellsTheTruth()
		}
		r.findDecisions()
		st := r.mirror.State()
		switch {
		case !st.Running:
			r.resume()
			continue
		case !r.rang && st.Now > 72*time.Hour && len(r.last.Waits) == 0:
			r.ring()
			continue
		}
		if r.answer() {
			continue
		}
		if len(r.last.Waits) == 0 && st.Now > r.runUntil && !r.talking() {
			r.jump()
			continue
		}
		r.tick()
	}
	r.tellsTheTruth()
	t.Logf("the class took %s of the wall clock, with %d jumps and %d meetings", r.clock.Now().Sub(begin).Round(time.Second), r.jumps, r.meetings)
}

// talking reports whether a team is still talking over something it owes:
// the facilitator lets the clock run meanwhile.
func (r *rehearsal) talking() bool {
	for _, o := range r.mirror.State().Owed() {
		if think, ok := think(o); ok && !r.handled[o.Key()] && r.clock.Now().Before(r.owedAt[o.Key()].Add(think)) {
			return true
		}
	}
	return false
}

// tick lets real time pass and moves the table's clock a tick: a tenth of
// a second while it runs; while it waits for the teams, until the next
// thing a team does or the first wait is up.
func (r *rehearsal) tick() {
	d := table.TickEvery
	if len(r.last.Waits) > 0 {
		next := time.Duration(1 << 62)
		now := r.clock.Now()
		for _, w := range r.last.Waits {
			next = min(next, w.LeftAt(now))
		}
		for _, o := range r.mirror.State().Owed() {
			// The next team done talking; not one whose answer waits on
			// something in preparation.
			if think, ok := think(o); ok && !r.handled[o.Key()] && r.owedAt[o.Key()].Add(think).After(now) {
				next = min(next, r.owedAt[o.Key()].Add(think).Sub(now))
			}
		}
		d = max(d, next)
	}
	r.clock.Add(d)
	r.tb.Tick()
	r.follow()
}

// findDecisions looks, for each decision that has reached a seated team,
// for its title on the team's screen, with the clock standing still until
// it is there.
func (r *rehearsal) findDecisions() {
	for _, o := range r.mirror.State().Owed() {
		key := o.Key()
		if _, ok := r.owedAt[key]; !ok {
			r.owedAt[key] = r.clock.Now()
		}
		if o.Inject == "" || r.seen[key] {
			continue
		}
		cl := r.student(o)
		title := injectTitle(r.sc, o.Inject)
		cl.front("Feed")
		cl.selectItem(title[:min(len(title), 40)])
		r.seen[key] = true
	}
}

// student is the student who answers what a team owes: the first of the
// team, or of the side's first team for what any team of it may answer.
func (r *rehearsal) student(o game.Owed) *client {
	return r.students[r.teamOf(o)][0]
}

func (r *rehearsal) teamOf(o game.Owed) string {
	if o.Team != "" {
		return o.Team
	}
	teams := r.sc.TeamsOf(o.Side)
	return teams[hash(o)%uint32(len(teams))]
}

func hash(o game.Owed) uint32 {
	h := fnv.New32a()
	fmt.Fprint(h, o.Key())
	return h.Sum32()
}

func injectTitle(sc *injects.Scenario, id string) string {
	i, _ := sc.InjectIndex(id)
	return sc.Injects[i].Title
}

// think is how long, in real time, a team talks over what it owes before
// answering: one to three minutes for a decision, up to six for a request,
// under two for a call ringing, nothing more for the next part of a request already in
// hand; some decisions never (the team lets the deadline decide). The same
// on every run.
func think(o game.Owed) (time.Duration, bool) {
	n := hash(o)
	switch {
	case o.Inject != "" && n%5 == 0:
		return 0, false
	case o.Call > 0:
		return 30*time.Second + time.Duration(n%90)*time.Second, true
	case o.Request != "" && !o.New:
		return 0, true
	case o.Inject != "":
		return time.Minute + time.Duration(n%100)*time.Second, true
	}
	return time.Minute + time.Duration(n%300)*time.Second, true
}

// answer makes the first answer a team has talked over long enough, and
// reports whether it made one: a decision typed on the screen, a call
// answered on the screen, a part of a request delivered.
func (r *rehearsal) answer() bool {
	now := r.clock.Now()
	for _, o := range r.mirror.State().Owed() {
		key := o.Key()
		think, ok := think(o)
		if r.handled[key] || !ok || now.Sub(r.owedAt[key]) < think {
			continue
		}
		switch {
		case o.Inject != "":
			r.decide(o)
		case o.Call > 0:
			r.answerCall(o)
		default:
			// A part of a request, after its acknowledgement, late if it
			// must be.
			team := r.teamOf(o)
			deliver := func(el string) error {
				_, err := r.tb.Do(r.actors[team], game.Command{Team: team, Verb: game.Deliver, Request: o.Request, Element: el, Quality: injects.Adequate})
				return err
			}
			i, _ := r.sc.RequestIndex(o.Request)
			for j, spec := range r.sc.Requests[i].Elements {
				if spec.Kind == injects.Acknowledge && !r.mirror.State().Requests[i].Elements[j].Resolved() {
					deliver(spec.ID)
				}
			}
			err := deliver(o.Element)
			r.follow()
			if err != nil {
				continue // the acknowledgement is still in preparation
			}
		}
		r.handled[key] = true
		return true
	}
	return false
}

// decide types a team's decision on its screen: the inject selected in the
// feed, then its first choice the rules take.
func (r *rehearsal) decide(o game.Owed) {
	cl := r.student(o)
	i, _ := r.sc.InjectIndex(o.Inject)
	title := r.sc.Injects[i].Title
	cl.front("Feed")
	cl.selectItem(title[:min(len(title), 40)])
	for n := range r.sc.Injects[i].Choices {
		said := statusLine(cl.text())
		cl.typeText(fmt.Sprint(n + 1))
		r.until("the decision", func() bool {
			now := statusLine(cl.text())
			return r.mirror.State().Injects[i].Resolved || now != said && strings.HasPrefix(now, "✗")
		})
		if r.mirror.State().Injects[i].Resolved {
			return
		}
	}
	r.t.Fatalf("%s could not decide on %q:\n%s", r.teamOf(o), title, cl.text())
}

// until follows the table until ok holds, or fails the test.
func (r *rehearsal) until(what string, ok func() bool) {
	r.t.Helper()
	deadline := time.Now().Add(settle)
	for !ok() {
		if time.Now().After(deadline) {
			r.t.Fatalf("waited for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
		r.follow()
	}
}

// ring has the FBI ring China on the hotline, from its Hotline panel.
func (r *rehearsal) ring() {
	r.rang = true
	fbi := r.students["fbi"][0]
	fbi.front("Hotline")
	fbi.typeText("r")
	r.until("the call", func() bool { return len(r.mirror.State().Calls) > 0 })
	fbi.front("Feed")
}

// answerCall answers a call on the screen of the called side's first
// student, where it rings; the side that rang is told the answer, and its
// Hotline tab is marked.
func (r *rehearsal) answerCall(o game.Owed) {
	cl := r.student(o)
	cl.waitFor("INCOMING HOTLINE CALL")
	r.clock.Add(time.Second) // a call that opens by itself ignores keys for a moment
	cl.typeText("2")         // explain
	r.until("the answer", func() bool { return r.mirror.State().Calls[o.Call-1].Answered })
	for _, team := range r.sc.TeamsOf(o.Side) {
		for _, cl := range r.students[team] {
			cl.waitGone("INCOMING HOTLINE CALL")
		}
	}
	r.clock.Add(time.Second) // and so do the screens it leaves
	caller := r.students[r.sc.TeamsOf(o.Side.Other())[0]][0]
	caller.waitFor(fmt.Sprintf("☎ China answers call %d with an explanation", o.Call))
	caller.waitFor("Hotline ↩ answered")
}

// jump has the facilitator jump the clock over a quiet stretch, and checks
// that it passed no deadline of what a team owed. A jump that stops short
// of a deadline leaves the clock to run up to it; one that finds nothing
// more to happen ends the exercise.
func (r *rehearsal) jump() {
	before := r.mirror.State().Seq
	said := statusLine(r.console.text())
	r.console.typeText(">")
	var jumped *game.Event
	r.until("the jump", func() bool {
		for _, ev := range r.tb.Since(before) {
			if ev.Type == game.ClockJumped {
				jumped = &ev
				return true
			}
		}
		now := statusLine(r.console.text())
		return now != said && strings.HasPrefix(now, "✗")
	})
	if jumped == nil {
		refusal := statusLine(r.console.text())
		if !strings.Contains(refusal, "nothing more happens before the end") {
			r.t.Fatalf("the jump was refused: %s", refusal)
		}
		r.console.typeText("E")
		r.console.waitFor("End the exercise for everyone now?")
		r.console.typeText("y")
		r.until("the end", func() bool { return r.mirror.State().Ended })
		return
	}
	r.jumps++
	r.until("the jump's step", func() bool { return r.mirror.State().Seq >= jumped.Seq })
	st := r.mirror.State()
	if o, ok := st.Pending(jumped); ok {
		r.runUntil = o.Due // stopped short of it: the clock runs up to it
		r.console.waitFor("The clock stopped at")
	}
	for _, ev := range r.tb.Since(before) {
		switch ev.Type {
		case game.InjectExpired:
			if i, _ := r.sc.InjectIndex(ev.Inject); len(r.sc.Injects[i].Choices) > 0 {
				r.t.Errorf("the jump passed the deadline of the decision on %q", r.sc.Injects[i].Title)
			}
		case game.Overdue, game.Missed:
			r.t.Errorf("the jump passed a deadline: %s", game.Describe(st, &ev))
		}
	}
}

// statusLine is the status line of a seat's screen: the one above the keys.
func statusLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	if len(lines) < 2 {
		return ""
	}
	return strings.TrimSpace(lines[len(lines)-2])
}

// resume has the facilitator start the clock again: after a jump stopped
// it short of what a team owes, or once the room has talked the dialogue's
// review over, the projector taken through it.
func (r *rehearsal) resume() {
	st := r.mirror.State()
	if n := len(st.Reviews); n > 0 && st.Reviews[n-1].Meeting > 0 && st.Reviews[n-1].At == game.Offset(st.Now) {
		r.meetings++
		r.tellsTheTruth()
		r.console.typeText("]")
		r.console.waitFor("The projector shows request 1 of")
		r.console.typeText("]")
		r.console.waitFor("The projector shows request 2 of")
		r.wall.waitFor("… above")
		r.clock.Add(2 * time.Minute)
	}
	r.console.typeText(" ")
	r.until("the clock to run again", func() bool { return r.mirror.State().Running || r.mirror.State().Ended })
}

// The clock's state as each kind of screen says it.
var clockWords = map[string]struct{ header, projector string }{
	"ended":   {"■ ENDED", "■ THE EXERCISE HAS ENDED"},
	"paused":  {"❚❚ PAUSED", "❚❚ PAUSED"},
	"waiting": {"◷ waiting for the teams to answer", "◷ THE CLOCK WAITS FOR THE TEAMS TO ANSWER"},
	"running": {"▶ running at", "▶ the clock runs"},
}

// tellsTheTruth checks that every screen in the room shows the clock as it
// is, at the story time it stands at, and that the projector shows
// nothing addressed to one side or one team.
func (r *rehearsal) tellsTheTruth() {
	r.t.Helper()
	state := r.state()
	r.told = state
	when := r.sc.Clocks(r.mirror.State().Now)[0].Time
	for _, cl := range r.room {
		projector := cl == r.wall
		cl.waitUntil("the clock "+state+" at "+when.Format("Mon 02 Jan 15:04"), func(screen string) bool {
			for s, words := range clockWords {
				w := words.header
				if projector {
					w = words.projector
				}
				if strings.Contains(screen, w) != (s == state) {
					return false
				}
			}
			if projector {
				return strings.Contains(screen, when.Format("Monday 2 January 2006"))
			}
			return strings.Contains(screen, when.Format("02 Jan")) && strings.Contains(screen, when.Format("15:04")+" Washington")
		})
	}
	screen := r.wall.text()
	for _, title := range r.private {
		if strings.Contains(screen, title[:min(len(title), 30)]) {
			r.t.Errorf("the projector shows %q, addressed to one side or team:\n%s", title, screen)
		}
	}
}

// verify checks the run as a whole: every decision that reached a seated
// team was found on its screen; each left to its deadline was open at
// least the class's wait; several teams decided on their screens; the
// campaign reached an ending.
func (r *rehearsal) verify() {
	t := r.t
	fired := map[string]time.Time{}
	deciders := map[string]bool{}
	expired := 0
	for _, ev := range r.tb.Since(0) {
		switch ev.Type {
		case game.InjectFired:
			fired[ev.Inject] = r.heard[ev.Seq]
			if i, _ := r.sc.InjectIndex(ev.Inject); len(r.sc.Injects[i].Choices) > 0 {
				o := game.Owed{Inject: ev.Inject, Side: r.sc.Injects[i].To.Side, Team: r.sc.Injects[i].To.Team}
				if !r.sc.Injects[i].To.All && !r.seen[o.Key()] {
					t.Errorf("the decision on %q never reached its team's screen", r.sc.Injects[i].Title)
				}
			}
		case game.InjectChosen:
			deciders[ev.Team] = true
		case game.InjectExpired:
			i, _ := r.sc.InjectIndex(ev.Inject)
			if len(r.sc.Injects[i].Choices) == 0 {
				continue
			}
			expired++
			if open := r.heard[ev.Seq].Sub(fired[ev.Inject]); open < table.MinWait {
				t.Errorf("%q expired %s after it reached the room", r.sc.Injects[i].Title, open.Round(time.Second))
			}
		}
	}
	if expired == 0 || len(deciders) < 3 {
		t.Errorf("%d decisions were left to their deadlines and %d teams decided: the run does not show what it checks", expired, len(deciders))
	}
	if r.jumps == 0 || r.meetings == 0 || !r.rang {
		t.Errorf("%d jumps, %d meetings, a call rung: %v", r.jumps, r.meetings, r.rang)
	}
	if st := r.mirror.State(); st.Ending == "" {
		t.Error("the campaign ended with no ending")
	}
}

// front brings a panel to the front of a seat's screen, by tab.
func (cl *client) front(panel string) {
	cl.t.Helper()
	for range 8 {
		if strings.Contains(cl.text(), "["+panel) {
			return
		}
		before := tabsLine(cl.text())
		cl.typeText("\t")
		cl.waitUntil("the next tab", func(screen string) bool { return tabsLine(screen) != before })
	}
	cl.t.Fatalf("no %s panel:\n%s", panel, cl.text())
}

// tabsLine is the line of a seat's tabs.
func tabsLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, "Requests") && strings.Contains(l, "Hotline") {
			return l
		}
	}
	return ""
}

// selectItem moves the feed's selection (▸) to the item whose line in
// the list holds text: up first, where new items arrive, then down.
func (cl *client) selectItem(text string) {
	cl.t.Helper()
	dir := "k"
	for range 60 {
		screen := cl.text()
		sel, at := -1, -1
		for k, l := range strings.Split(screen, "\n") {
			if strings.Contains(l, "── briefing") {
				break
			}
			if strings.HasPrefix(l, "▸") {
				sel = k
			}
			if strings.Contains(l, text) && at < 0 {
				at = k
			}
		}
		switch {
		case sel >= 0 && sel == at:
			return
		case at > sel:
			dir = "j"
		case at >= 0:
			dir = "k"
		}
		cl.typeText(dir)
		if !cl.changes(screen) { // the end of the list: the other way
			dir = map[string]string{"j": "k", "k": "j"}[dir]
		}
	}
	cl.t.Fatalf("could not select %q:\n%s", text, cl.text())
}

// changes reports whether the screen changes from what it was within a
// moment.
func (cl *client) changes(screen string) bool {
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		if selected(cl.text()) != selected(screen) {
			return true
		}
		time.Sleep(5 * time.Millisecond)
	}
	return false
}

// selected is the line of the selected item.
func selected(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "▸") {
			return l
		}
	}
	return ""
}
