package game_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"hotline/game"
	"hotline/injects"
)

// The seats a visibility case is judged from, in the order of its want
// string: the FBI's team, Justice's team (the same side), the MPS's team
// (the other side), each side whole, then the room's seats.
var sightSeats = []struct {
	name string
	v    game.Viewer
}{
	{"fbi", game.ViewerOf(game.TeamSeat, injects.US, "fbi")},
	{"doj", game.ViewerOf(game.TeamSeat, injects.US, "doj")},
	{"mps", game.ViewerOf(game.TeamSeat, injects.CN, "mps")},
	{"us", game.ViewerOf(game.SideSeat, injects.US, "")},
	{"cn", game.ViewerOf(game.SideSeat, injects.CN, "")},
	{"control", game.ViewerOf(game.ControlSeat, 0, "")},
	{"evaluator", game.ViewerOf(game.EvaluatorSeat, 0, "")},
	{"observer", game.ViewerOf(game.ObserverSeat, 0, "")},
	{"projector", game.ViewerOf(game.ProjectorSeat, 0, "")},
}

// What each kind of seat may see, over every event type: x sees it, . does
// not, in the order of sightSeats.
func TestWhatEachSeatSees(t *testing.T) {
	sc := builtin(t, "campaign")
	all := "xxxxxxxxx"
	control := ".....xx.."
	cases := []struct {
		ev   game.Event
		want string
	}{
		{game.Event{Type: game.Started, Start: &game.Start{}}, all},
		{game.Event{Type: game.InjectFired, Inject: "situation"}, all},
		{game.Event{Type: game.InjectFired, Inject: "opm-discovery"}, "xx.x.xxx."},
		{game.Event{Type: game.InjectFired, Inject: "breach-report"}, "x..x.xxx."},
		{game.Event{Type: game.InjectFired, Inject: "cn-briefing"}, "..x.xxxx."},
		{game.Event{Type: game.InjectTriggered, Inject: "situation"}, control},
		{game.Event{Type: game.InjectChosen, Inject: "opm-discovery", Team: "fbi"}, "xx.x.xxx."},
		{game.Event{Type: game.InjectChosen, Inject: "huaxin-report", Team: "mps"}, "..x.xxxx."},
		{game.Event{Type: game.InjectExpired, Inject: "breach-report"}, "x..x.xxx."},
		{game.Event{Type: game.InjectCancelled, Inject: "cn-briefing"}, "..x.xxxx."},
		{game.Event{Type: game.VariableSet, Var: "trust"}, control},
		{game.Event{Type: game.RequestOpened, Request: "rfi-opm"}, all},
		{game.Event{Type: game.ClarificationAsked, Request: "rfi-opm", Team: "mps"}, all},
		{game.Event{Type: game.Clarified, Request: "rfi-opm", Team: "fbi"}, all},
		{game.Event{Type: game.WorkStarted, Request: "rfi-opm", Team: "mps"}, "..x.xxxx."},
		{game.Event{Type: game.Delivered, Request: "rfi-opm", Team: "mps"}, all},
		{game.Event{Type: game.Declined, Request: "rfi-opm", Team: "mps"}, all},
		{game.Event{Type: game.Overdue, Request: "rfi-opm"}, all},
		{game.Event{Type: game.Rang, Side: injects.US, Call: 1}, all},
		// The caller hears the answer; the room only that the line rang.
		{game.Event{Type: game.Answered, Call: 1, Team: "mps"}, "xxxxxxxx."},
		{game.Event{Type: game.Missed, Call: 1}, all},
		{game.Event{Type: game.Kept, Call: 1}, all},
		{game.Event{Type: game.Broken, Call: 1}, all},
		{game.Event{Type: game.LadderMoved, Side: injects.US}, all},
		{game.Event{Type: game.ActionTaken, Team: "fbi", Action: "condemn-hacking"}, all},
		{game.Event{Type: game.ReviewHeld, Review: &game.Scorecard{}}, all},
		{game.Event{Type: game.Ended}, all},
		{game.Event{Type: game.ClockStopped}, control},
		{game.Event{Type: game.ConditionFailed}, all},
		{game.Event{Type: game.ClockPaused}, all},
		{game.Event{Type: game.ClockResumed}, all},
		{game.Event{Type: game.SpeedSet}, all},
		{game.Event{Type: game.ClockJumped}, all},
		{game.Event{Type: game.InjectHeld, Inject: "situation"}, control},
		{game.Event{Type: game.InjectReleased, Inject: "situation"}, control},
		{game.Event{Type: game.InjectSkipped, Inject: "situation"}, control},
		{game.Event{Type: game.MessageSent, To: injects.Audience{All: true}}, all},
		{game.Event{Type: game.MessageSent, To: injects.Audience{Side: injects.US}}, "xx.x.xxx."},
		{game.Event{Type: game.MessageSent, To: injects.Audience{Side: injects.CN, Team: "mss"}}, "....xxxx."},
		{game.Event{Type: game.BotSeated, Team: "doj"}, "xx.x.xxx."},
		{game.Event{Type: game.BotRemoved, Team: "mps"}, "..x.xxxx."},
		{game.Event{Type: game.PersonSeated, Team: "fbi", Person: "Ana"}, "xx.x.xxx."},
		{game.Event{Type: game.PersonSeated, Role: game.Observer, Person: "Omar"}, control},
		{game.Event{Type: game.PersonUnseated, Person: "Ana"}, all},
		{game.Event{Type: game.ObservationNoted, Objective: "tell-apart"}, control},
		{game.Event{Type: game.FeedbackGiven}, control},
		{game.Event{Type: game.HotwashAnswered}, control},
		{game.Event{Type: game.CorrectiveActionAgreed}, control},
		{game.Event{Type: game.PersonReadmitted, Person: "Ana"}, all},
	}
	covered := map[game.EventType]bool{}
	for _, c := range cases {
		covered[c.ev.Type] = true
		var got strings.Builder
		for _, s := range sightSeats {
			if game.Visible(sc, &c.ev, s.v) {
				got.WriteByte('x')
			} else {
				got.WriteByte('.')
			}
		}
		if got.String() != c.want {
			t.Errorf("%s %s: seen %s, want %s (%s)", c.ev.Type, c.ev.Inject+c.ev.Team+c.ev.To.String(), got.String(), c.want, seatNames())
		}
	}
	for typ := game.EventType(0); !strings.HasPrefix(typ.String(), "event("); typ++ {
		if !covered[typ] {
			t.Errorf("no case says who sees %s", typ)
		}
	}
	for _, k := range game.SeatKinds() {
		found := false
		for _, s := range sightSeats {
			found = found || s.v.Kind() == k
		}
		if !found {
			t.Errorf("no case looks from a %s seat", k)
		}
	}
}

func seatNames() string {
	var names []string
	for _, s := range sightSeats {
		names = append(names, s.name)
	}
	return strings.Join(names, " ")
}

// The projector's feed holds only what is addressed to everyone, and the
// requests between the sides: no inject or message for one side or team.
// A request reaches the side it is addressed to as an item of its feed,
// the demand under the pledge among them.
func TestFeedsOfTheSeats(t *testing.T) {
	c := newClass(t, "campaign")
	fbi := c.seat("Ana", game.Player, "fbi")
	c.seat("Li", game.Player, "mps")
	if err := c.s.Advance(time.Hour); err != nil {
		t.Fatal(err)
	}
	c.do(c.white, game.Command{Verb: game.SendMessage, Title: "To the FBI alone", Text: "x", To: injects.Audience{Team: "fbi"}})
	c.do(c.white, game.Command{Verb: game.SendMessage, Title: "To everyone", Text: "x", To: injects.Audience{All: true}})
	c.do(fbi, choose("fbi", "opm-discovery", "invoke-pledge"))
	st, sc := c.st(), c.st().Scenario
	titles := func(v game.Viewer) []string {
		var ts []string
		for _, it := range game.Feed(st, v) {
			switch {
			case it.Inject >= 0:
				ts = append(ts, "inject "+sc.Injects[it.Inject].ID)
			case it.Request >= 0:
				ts = append(ts, "request "+sc.Requests[it.Request].ID)
			default:
				ts = append(ts, "message "+st.Messages[it.Message].Title)
			}
		}
		return ts
	}
	proj := titles(game.ViewerOf(game.ProjectorSeat, 0, ""))
	if want := "[request demand-opm message To everyone inject situation]"; fmt.Sprint(proj) != want {
		t.Errorf("the projector's feed: %v, want %s", proj, want)
	}
	mps := titles(game.ViewerOf(game.TeamSeat, injects.CN, "mps"))
	if len(mps) == 0 || mps[0] != "request demand-opm" {
		t.Errorf("the US demand did not reach the MPS's feed: %v", mps)
	}
	for _, want := range []string{"message To the FBI alone", "inject opm-discovery"} {
		if got := titles(game.ViewerOf(game.TeamSeat, injects.US, "fbi")); !strings.Contains(fmt.Sprint(got), want) {
			t.Errorf("the FBI's feed lacks %s: %v", want, got)
		}
		if got := titles(game.ViewerOf(game.TeamSeat, injects.US, "doj")); want == "message To the FBI alone" && strings.Contains(fmt.Sprint(got), want) {
			t.Errorf("Justice's feed holds a message for the FBI alone: %v", got)
		}
	}
}
