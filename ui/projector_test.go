package ui

import (
	"strings"
	"testing"
	"time"

	"hotline/game"
)

// The projector shows a call as it rings, who calls whom, and never what
// is answered on it.
func TestTheProjectorShowsACallRinging(t *testing.T) {
	r := newRoom(t, "hotline-escalation")
	wall := r.seat("projector", game.Observer, "", ProjectorView, 160, 45)
	r.control(game.Command{Team: "fbi", Verb: game.Ring})
	wall.Pump()
	mustContain(t, plain(wall), "☎ HOTLINE: THE UNITED STATES IS CALLING CHINA", "4h left to answer",
		"☎ hotline: the United States rang China")
	li := r.seat("Li", game.Player, "mps", PlayView, 100, 30)
	keys(li, "tab", "tab", "enter", "3") // China denies
	wall.Pump()
	if strings.Contains(plain(wall), "IS CALLING") || strings.Contains(plain(wall), "denial") || strings.Contains(plain(wall), "deny") {
		t.Errorf("the projector shows the call answered, or its answer:\n%s", plain(wall))
	}
}

// At the end the projector shows the outcome and the closing review, and
// the facilitator takes the room through the review from the console.
func TestTheFacilitatorTakesTheProjectorThroughTheReview(t *testing.T) {
	r := newRoom(t, "assistance-request")
	wall := r.seat("projector", game.Observer, "", ProjectorView, 160, 45)
	console := r.seat("Ms Rivera", game.Facilitator, "", ControlView, 120, 40)
	keys(console, "]")
	mustContain(t, statusOf(console), "The projector shows the review when the dialogue meets, and at the end")
	r.control(game.Command{Verb: game.SetSpeed, Speed: 12 * time.Hour})
	r.run(200, wall, console) // ten days: both requests are sent
	keys(console, "E", "y")
	wall.Pump()
	mustContain(t, plain(wall), "THE EXERCISE HAS ENDED", "OUTCOME: ", "Closing review of the exercise")
	card := projectedReview(wall.Game())
	if card == nil || len(card.Requests) < 2 {
		t.Fatalf("the closing review has %v", card)
	}
	second := card.Requests[1].Request + " — "
	keys(console, "]", "]")
	mustContain(t, statusOf(console), "The projector shows request 2 of ")
	wall.Pump()
	body := strings.Split(plain(wall), "\n")
	for i, l := range body {
		if strings.Contains(l, "☎") || strings.Contains(l, "LADDER") {
			continue
		}
		if strings.HasPrefix(l, "… above") {
			if !strings.HasPrefix(body[i+1], second) && !strings.HasPrefix(body[i+2], second) {
				t.Errorf("request 2 is not at the top of the projector's review:\n%s", plain(wall))
			}
			break
		}
		if i == len(body)-1 {
			t.Errorf("the projector's review did not move on:\n%s", plain(wall))
		}
	}
	keys(console, "[", "[", "[")
	mustContain(t, statusOf(console), "The projector shows the review from its beginning.")
	wall.Pump()
	mustContain(t, plain(wall), "OUTCOME: ")
}

// When the dialogue meets, the projector shows its review, though a fast
// clock ran a little past the meeting's time before it stopped.
func TestTheProjectorShowsTheMeetingsReview(t *testing.T) {
	r := newRoom(t, "assistance-request")
	wall := r.seat("projector", game.Observer, "", ProjectorView, 160, 45)
	r.control(game.Command{Verb: game.SetSpeed, Speed: 11 * time.Hour}) // ticks of 66 story minutes
	r.control(game.Command{Verb: game.RunClock})
	wall.Pump()
	for i := 0; i < 1000 && wall.Game().State().Running; i++ {
		r.tb.Tick()
		wall.Pump()
	}
	st := wall.Game().State()
	if n := len(st.Reviews); st.Running || n == 0 || st.Reviews[n-1].Meeting != 1 {
		t.Fatalf("the clock did not stop for the dialogue's meeting (reviews %d, running %v)", len(st.Reviews), st.Running)
	}
	if time.Duration(st.Reviews[len(st.Reviews)-1].At) == st.Now {
		t.Fatal("the clock stopped on the meeting's time: this test wants it a little past")
	}
	mustContain(t, plain(wall), "Review meeting 1 — ")
}
