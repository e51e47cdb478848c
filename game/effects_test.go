package game_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"hotline/game"
	"hotline/injects"
)

// effectScenario has a US action for each kind of effect.
const effectScenario = `
variables:
  attributed:
    type: bool
    initial: false
  note:
    type: text
    initial: none
requests:
  rfa:
    kind: assistance
    from: us
    subject: Servers in Guangdong
    category: commercial-theft
    due:
      acknowledge: 24h
injects:
  reserve:
    to: us
    from: white-cell
    channel: note
    title: Held in reserve
  scheduled:
    at: 5h
    to: us
    from: white-cell
    channel: note
    title: Due at five hours
actions:
  raise:
    side: us
    label: Raise trust
    effects:
      - change: {trust: 80}
  raise-five:
    side: us
    label: Raise trust by five
    effects:
      - change: {trust: 5}
  set-55:
    side: us
    label: Set trust to 55
    effects:
      - set: {trust: 55}
  drop:
    side: us
    label: Drop trust
    effects:
      - change: {trust: -500}
  mark:
    side: us
    label: Attribute
    effects:
      - set: {attributed: true}
  label:
    side: us
    label: Label
    effects:
      - set: {note: hello}
  send:
    side: us
    label: Send the request
    effects:
      - open: rfa
  call:
    side: us
    label: Have China call
    effects:
      - ring: {from: cn, about: rfa}
  fire-it:
    side: us
    label: Fire the reserve inject
    effects:
      - fire: reserve
  cancel-it:
    side: us
    label: Cancel the scheduled inject
    effects:
      - cancel: scheduled
  up:
    side: us
    label: Up two rungs
    effects:
      - ladder: 2
  way-up:
    side: us
    label: Up nine rungs
    effects:
      - ladder: 9
  way-down:
    side: us
    label: Down nine rungs
    effects:
      - ladder: -9
  finish:
    side: us
    label: Walk out
    effects:
      - end: walked-out
      - change: {tension: 30}
endings:
  walked-out:
    title: Walked out
  calm:
    title: Calm
    if: "true"
`

func TestEffects(t *testing.T) {
	sc := parse(t, effectScenario)
	// Each step takes an action and lists what its effects must make,
	// after the action.taken event, as briefs; an empty list means none.
	type step struct {
		action string
		want   []string
	}
	cases := []struct {
		name  string
		steps []step
	}{
		{"change clamps to max, then changes nothing", []step{
			{"raise", []string{"variable.set trust=100"}},
			{"raise", nil},
		}},
		{"set to the value a change reached, then changes nothing", []step{
			{"raise-five", []string{"variable.set trust=55"}},
			{"set-55", nil},
		}},
		{"change clamps to min", []step{
			{"drop", []string{"variable.set trust=0"}},
			{"drop", nil},
		}},
		{"set a flag once", []step{
			{"mark", []string{"variable.set attributed=true"}},
			{"mark", nil},
		}},
		{"set text", []step{
			{"label", []string{`variable.set note="hello"`}},
		}},
		{"open a request once", []step{
			{"send", []string{"request.opened rfa"}},
			{"send", nil},
		}},
		{"ring for a side, about a request only once it is sent; ringing moves no ladder", []step{
			{"call", []string{"hotline.rang call 1"}},
			{"send", []string{"request.opened rfa"}},
			{"call", []string{"hotline.rang rfa call 2"}},
		}},
		{"fire a reserve inject once", []step{
			{"fire-it", []string{"inject.fired reserve"}},
			{"fire-it", nil},
		}},
		{"cancel an inject once", []step{
			{"cancel-it", []string{"inject.cancelled scheduled"}},
			{"cancel-it", nil},
		}},
		{"move the acting side's escalation within the ladder's rungs", []step{
			{"up", []string{"ladder.moved us rung 2"}},
			{"way-up", []string{"ladder.moved us rung 3", "inject.fired sanctions-designations", "variable.set tension=50", "variable.set trust=45"}},
			{"way-up", nil},
			{"way-down", []string{"ladder.moved us rung 0"}},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := start(t, sc)
			for _, s := range c.steps {
				evs := p.do(act("fbi", s.action))
				if len(evs) == 0 || evs[0].Type != game.ActionTaken || evs[0].Action != s.action {
					t.Fatalf("%s: events %s", s.action, p.lines(evs))
				}
				var got []string
				for i := range evs[1:] {
					ev := &evs[1+i]
					b := brief(ev)
					got = append(got, b[strings.IndexByte(b, ' ')+1:])
					if ev.At != 0 {
						t.Errorf("%s: %s not at once", s.action, b)
					}
				}
				if strings.Join(got, "\n") != strings.Join(s.want, "\n") {
					t.Errorf("%s made:%s\nwant:\n  %s", s.action, p.lines(evs[1:]), strings.Join(s.want, "\n  "))
				}
			}
		})
	}
}

func TestEffectCausesAndWords(t *testing.T) {
	p := start(t, parse(t, effectScenario))
	evs := p.do(act("fbi", "label"))
	if got := p.describe(p.must(evs, game.VariableSet, "note")); got != `note is now "hello" (label)` {
		t.Errorf("described as %q", got)
	}
	evs = p.do(act("fbi", "send"))
	// An action is a decision of the team that took it: the request it
	// opens is the players', not the script's.
	if ev := p.must(evs, game.RequestOpened, "rfa"); ev.Cause != "send" || ev.Team != "fbi" {
		t.Errorf("opened by %q because %q", ev.Team, ev.Cause)
	}
	evs = p.do(act("fbi", "call"))
	rang := p.must(evs, game.Rang, "rfa")
	if rang.Side != injects.CN || rang.Call != 1 || rang.Team != "" {
		t.Errorf("rang for %v as call %d by %q", rang.Side, rang.Call, rang.Team)
	}
	if got := p.describe(rang); got != "HOTLINE call 1: China rings United States about rfa; answer due by Thu 2015-10-01 13:00" {
		t.Errorf("described as %q", got)
	}
	p.none(evs, game.LadderMoved)
	// The call rings on the US side, which answers it; a denial escalates
	// China's grievance, and the ladder says so.
	p.refused(answer("mps", 1, injects.Explain), "call 1 is China's own; the other side answers it")
	evs = p.do(answer("dhs", 1, injects.Deny))
	lm := p.must(evs, game.LadderMoved)
	if lm.Side != injects.CN || lm.Rung != 1 || lm.Call != 1 || lm.Cause != "deny" {
		t.Errorf("the ladder moved for %v to %d, by call %d, because %q", lm.Side, lm.Rung, lm.Call, lm.Cause)
	}
	if got := p.describe(lm); got != "escalation ladder: China now at Ministerial over rfa — United States denied the complaint on call 1" {
		t.Errorf("described as %q", got)
	}
}

func TestCancelledInjectNeverFires(t *testing.T) {
	p := start(t, parse(t, effectScenario))
	p.advance(2 * h)
	p.do(act("fbi", "cancel-it"))
	evs := p.advance(10 * d)
	p.none(evs, game.InjectFired, "scheduled")
	if p.inject("scheduled").Status != game.Cancelled {
		t.Errorf("inject state %+v", *p.inject("scheduled"))
	}
	// Cancelling an inject that already fired does nothing.
	p = start(t, parse(t, effectScenario))
	p.advance(6 * h)
	evs = p.do(act("fbi", "cancel-it"))
	p.none(evs, game.InjectCancelled)
	if p.inject("scheduled").Status != game.Fired {
		t.Errorf("inject state %+v", *p.inject("scheduled"))
	}
}

func TestEndEffect(t *testing.T) {
	p := start(t, parse(t, effectScenario))
	p.advance(3 * h)
	evs := p.do(act("fbi", "finish"))
	if len(evs) != 3 || evs[1].Type != game.ReviewHeld || evs[2].Type != game.Ended {
		t.Fatalf("events %s; want the action, the closing review and the end", p.lines(evs))
	}
	if evs[1].Review.Meeting != 0 || evs[2].Ending != "walked-out" || evs[2].At != 3*h {
		t.Errorf("review meeting %d, ending %q at %v", evs[1].Review.Meeting, evs[2].Ending, evs[2].At)
	}
	if got := p.describe(&evs[2]); got != "the exercise ends: Walked out" {
		t.Errorf("described as %q", got)
	}
	// Effects after the end are not applied.
	if p.variable("tension") != 40 {
		t.Errorf("tension %v after the end", p.variable("tension"))
	}
	st := p.st()
	if !st.Ended || st.Ending != "walked-out" {
		t.Errorf("state ended %v with %q", st.Ended, st.Ending)
	}
	if err := p.e.Do(p.us, act("fbi", "raise")); !errors.Is(err, game.ErrEnded) {
		t.Errorf("a command after the end: %v, want ErrEnded", err)
	}
	if evs := p.advance(10 * d); len(evs) != 0 {
		t.Errorf("the clock ran on after the end: %s", p.lines(evs))
	}
}

// The hotline tests use the request scenario with the US request sent at
// T+0 and acknowledged by T+1h; the hotline is common.yaml's: four hours to
// answer, three days to keep a commitment; a call missed, a denial or a
// broken commitment moves the caller's escalation one rung up, a commitment
// kept one down, and ringing moves nothing. ladder_test.go has the rules
// of the ladder in full.

func TestHotlineUnansweredCall(t *testing.T) {
	p := acknowledged(t)
	p.advance(2 * h)
	evs := p.do(ring("fbi", "rfa"))
	rang := p.must(evs, game.Rang, "rfa")
	if rang.Call != 1 || rang.Side != injects.US || rang.Team != "fbi" || rang.At != 2*h {
		t.Errorf("call %d from %v by %q at %v", rang.Call, rang.Side, rang.Team, rang.At)
	}
	if got := p.describe(rang); got != "HOTLINE call 1: United States rings China about rfa; answer due by Thu 2015-10-01 15:00" {
		t.Errorf("described as %q", got)
	}
	p.none(evs, game.LadderMoved)

	p.none(p.advance(6*h-time.Minute), game.Missed)
	evs = p.advance(6 * h)
	missed := p.must(evs, game.Missed)
	if missed.Call != 1 || missed.At != 6*h {
		t.Errorf("call %d missed at %v", missed.Call, missed.At)
	}
	if got := p.describe(missed); got != "call 1 to China went unanswered" {
		t.Errorf("described as %q", got)
	}
	lm := p.must(evs, game.LadderMoved)
	if lm.Side != injects.US || lm.Rung != 1 || lm.Cause != "missed" || lm.Call != 1 {
		t.Errorf("ladder moved for %v to %d because %q on call %d", lm.Side, lm.Rung, lm.Cause, lm.Call)
	}
	if got := p.describe(lm); got != "escalation ladder: United States now at Ministerial over rfa — call 1 went unanswered by China" {
		t.Errorf("described as %q", got)
	}
	p.must(evs, game.InjectFired, "ministers-engaged")
	p.refused(answer("mps", 1, injects.Commit), "call 1 went unanswered; its time is up")
	if p.st().Missed(injects.CN) != 1 || p.st().Missed(injects.US) != 0 {
		t.Errorf("missed: China %d, US %d", p.st().Missed(injects.CN), p.st().Missed(injects.US))
	}
	card := game.Review(p.st(), 0)
	if s := card.Sides[injects.CN]; s.MissedCalls != 1 || s.Score != s.Rubric-game.MissedCallPenalty {
		t.Errorf("China reviewed with %d missed calls, rubric %d, score %d", s.MissedCalls, s.Rubric, s.Score)
	}
	// Once the call is over, the US may ring again.
	p.do(ring("doj", "rfa"))
}

func TestHotlineOneCallPerSide(t *testing.T) {
	p := acknowledged(t)
	p.do(ring("fbi", "rfa"))
	p.refused(ring("dhs", ""), "call 1 is still ringing; wait for the answer or its deadline")
	p.refused(answer("fbi", 1, injects.Commit), "call 1 is United States's own; the other side answers it")
	// The other side may ring meanwhile.
	evs := p.do(ring("mps", ""))
	if ev := p.must(evs, game.Rang); ev.Call != 2 || ev.Side != injects.CN || ev.Request != "" {
		t.Errorf("call %d from %v about %q", ev.Call, ev.Side, ev.Request)
	}
	p.refused(answer("mps", 9, injects.Commit), "no hotline call 9")
	p.refused(answer("mps", 1, injects.Answer(7)), "no answer")
	p.do(answer("mps", 1, injects.Explain))
	p.refused(answer("mss", 1, injects.Deny), "call 1 was already answered")
	// Answered, the call no longer blocks the US.
	p.do(ring("fbi", "rfa"))
	p.refused(ring("fbi", "bare"), `request "bare" has not been sent`)
	p.refused(ring("fbi", "nope"), `no request "nope"`)
}

func TestHotlineAnswers(t *testing.T) {
	cases := []struct {
		answer injects.Answer
		rung   int // the US escalation after the answer
		words  string
	}{
		{injects.Commit, 0, "China answers call 1 and commits to deliver what is outstanding by Sun 2015-10-04 12:00"},
		{injects.Explain, 0, "China answers call 1 with an explanation"},
		{injects.Deny, 1, "China answers call 1 with a denial"},
	}
	for _, c := range cases {
		t.Run(c.answer.String(), func(t *testing.T) {
			p := acknowledged(t)
			p.advance(2 * h)
			p.do(ring("fbi", "rfa"))
			p.advance(3 * h)
			evs := p.do(answer("mss", 1, c.answer))
			ans := p.must(evs, game.Answered)
			if ans.Team != "mss" || ans.Answer != c.answer || ans.At != 3*h {
				t.Errorf("answered by %q with %v at %v", ans.Team, ans.Answer, ans.At)
			}
			if got := p.describe(ans); got != c.words {
				t.Errorf("described as %q, want %q", got, c.words)
			}
			if p.st().Levels[injects.US] != c.rung || p.st().Rung != c.rung {
				t.Errorf("US escalation at %d, ladder at %d, want %d; events %s", p.st().Levels[injects.US], p.st().Rung, c.rung, p.lines(evs))
			}
			// An answered call is never missed.
			p.none(p.advance(2*d), game.Missed)
		})
	}
}

func TestHotlineCommitmentKept(t *testing.T) {
	p := acknowledged(t)
	p.advance(2 * h)
	p.do(ring("fbi", "rfa"))
	p.advance(6 * h) // call 1 rings out: the US escalates to the ministers
	p.do(ring("fbi", "rfa"))
	evs := p.do(answer("mps", 2, injects.Commit))
	if ans := p.must(evs, game.Answered); ans.Due != 3*d+6*h {
		t.Errorf("commitment due at %v, want 3d6h", ans.Due)
	}
	// The commitment covers what falls due by T+3d06:00: preserve (2d),
	// update-1 (2d) and mitigate (3d), not the investigation or results.
	p.do(deliver("mps", "rfa", "preserve", injects.Thin))    // ready at 8h
	p.do(deliver("mps", "rfa", "mitigate", injects.Thin))    // at once
	p.do(deliver("mps", "rfa", "update-1", injects.Thin))    // ready at 7h
	p.do(deliver("mps", "rfa", "update-2", injects.Thin))    // ready at 7h, not needed
	p.do(deliver("mps", "rfa", "investigate", injects.Thin)) // ready at 18h, not needed
	evs = p.advance(8 * h)
	kept := p.must(evs, game.Kept)
	if kept.Call != 2 || kept.At != 8*h {
		t.Errorf("kept call %d at %v, want call 2 at 8h", kept.Call, kept.At)
	}
	if got := p.describe(kept); got != "China kept the commitment made on call 2" {
		t.Errorf("described as %q", got)
	}
	lm := p.must(evs, game.LadderMoved)
	if lm.Side != injects.US || lm.Rung != 0 || lm.Cause != "kept" || lm.Call != 2 {
		t.Errorf("ladder moved for %v to %d because %q on call %d", lm.Side, lm.Rung, lm.Cause, lm.Call)
	}
	if got := p.describe(lm); got != "escalation ladder: United States now at Working level over rfa — China kept the commitment made on call 2" {
		t.Errorf("described as %q", got)
	}
	evs = p.advance(10 * d)
	p.none(evs, game.Kept)
	p.none(evs, game.Broken)
}

func TestHotlineCommitmentBroken(t *testing.T) {
	p := acknowledged(t)
	p.advance(2 * h)
	p.do(ring("fbi", "rfa"))
	p.advance(3 * h)
	p.do(answer("mps", 1, injects.Commit))
	p.do(deliver("mps", "rfa", "preserve", injects.Thin))
	p.none(p.advance(3*d+3*h-time.Minute), game.Broken)
	evs := p.advance(3*d + 3*h)
	broken := p.must(evs, game.Broken)
	if broken.Call != 1 || broken.At != 3*d+3*h {
		t.Errorf("broke call %d at %v", broken.Call, broken.At)
	}
	if got := p.describe(broken); got != "China broke the commitment made on call 1" {
		t.Errorf("described as %q", got)
	}
	if lm := p.must(evs, game.LadderMoved); lm.Side != injects.US || lm.Rung != 1 || lm.Cause != "broken" {
		t.Errorf("ladder moved for %v to %d because %q", lm.Side, lm.Rung, lm.Cause)
	}
	// Delivering late does not mend it.
	p.do(deliver("mps", "rfa", "mitigate", injects.Thin))
	p.do(deliver("mps", "rfa", "update-1", injects.Thin))
	evs = p.advance(10 * d)
	p.none(evs, game.Kept)
	p.none(evs, game.Broken)
}

func TestActions(t *testing.T) {
	p := start(t, parse(t, requestScenario))
	const attribute = "Publicly attribute the breach to China's government"
	evs := p.do(act("ic", "public-attribution"))
	if ev := p.must(evs, game.ActionTaken, "public-attribution"); ev.Team != "ic" {
		t.Errorf("taken by %q", ev.Team)
	} else if got := p.describe(ev); got != "United States (US Intelligence Community): "+attribute {
		t.Errorf("described as %q", got)
	}
	p.must(evs, game.VariableSet, "attributed")
	p.refused(act("fbi", "public-attribution"), `"`+attribute+`" was already done`)

	// if: the sanctions threat needs the US escalation at the ministers.
	p.refused(act("fbi", "threaten-sanctions"), `"Threaten sanctions on named individuals and entities" is not possible now`)
	p.do(open("fbi", "rfa"))
	p.do(ring("fbi", "rfa"))
	p.do(answer("mps", 1, injects.Deny))
	evs = p.do(act("fbi", "threaten-sanctions"))
	if lm := p.must(evs, game.LadderMoved); lm.Side != injects.US || lm.Rung != 2 || lm.Cause != "threaten-sanctions" {
		t.Errorf("ladder moved for %v to %d because %q", lm.Side, lm.Rung, lm.Cause)
	} else if got := p.describe(lm); got != "escalation ladder: United States now at Sanctions threatened over rfa — threaten sanctions on named individuals and entities" {
		t.Errorf("described as %q", got)
	}
	p.refused(act("fbi", "threaten-sanctions"), "is not possible now")
	// An action without once may be taken again while its if holds.
	p.do(act("fbi", "stand-down"))
	p.do(ring("dhs", "rfa"))
	p.do(answer("mps", 2, injects.Deny))
	p.do(act("fbi", "threaten-sanctions"))
	if i, _ := p.st().Scenario.ActionIndex("threaten-sanctions"); p.st().Actions[i].Taken != 2 {
		t.Errorf("threaten-sanctions taken %d times", p.st().Actions[i].Taken)
	}

	p.refused(act("mps", "stand-down"), `"Withdraw the sanctions threat and return to working level" is for United States`)
	p.refused(act("fbi", "condemn-hacking"), "is for China")
	p.refused(act("fbi", "nope"), `no action "nope"`)
	p.do(act("siio", "condemn-hacking"))
	p.refused(act("mps", "condemn-hacking"), "was already done")
}

func TestReviewMeetings(t *testing.T) {
	p := start(t, parse(t, requestScenario+`
review:
  meetings:
    - 2d
    - at: 5d
      title: The delegations compare notes
`))
	p.do(open("fbi", "rfa"))
	p.do(deliver("mps", "rfa", "acknowledge", injects.Adequate))
	p.advance(1 * h)
	p.do(deliver("mps", "rfa", "preserve", injects.Thin))
	evs := p.advance(10 * d)
	var reviews []*game.Event
	for i := range evs {
		if evs[i].Type == game.ReviewHeld {
			reviews = append(reviews, &evs[i])
		}
	}
	if len(reviews) != 3 {
		t.Fatalf("%d reviews: %s", len(reviews), p.lines(evs))
	}
	for i, want := range []struct {
		meeting int
		at      time.Duration
	}{{1, 2 * d}, {2, 5 * d}, {0, 10 * d}} {
		if r := reviews[i]; r.At != want.at || r.Review.Meeting != want.meeting || r.Review.At != game.Offset(want.at) {
			t.Errorf("review %d: meeting %d at %v, want meeting %d at %v", i, r.Review.Meeting, r.At, want.meeting, want.at)
		}
	}
	if last := evs[len(evs)-1]; last.Type != game.Ended || last.At != 10*d || last.Seq != reviews[2].Seq+1 {
		t.Errorf("the closing review is not followed by the end: %s", p.lines(evs[len(evs)-2:]))
	}
	// At meeting 1 (T+2d): the acknowledgement and the preservation were on
	// time, the first update fell overdue at the meeting's own time.
	first := reviews[0].Review
	cn := first.Sides[injects.CN]
	if cn.Received != 1 || cn.Due != 3 || cn.OnTime != 2 || cn.InProgress != 1 || cn.Score != 60 {
		t.Errorf("China at meeting 1: %+v", cn)
	}
	// The US received nothing: it is rated on how it asked alone, and its
	// request without material costs it 5.
	if us := first.Sides[injects.US]; us.Received != 0 || !us.Rated || !us.AskedOnly || us.Sent != 1 || us.Undetailed != 1 || us.Score != 95 {
		t.Errorf("the US at meeting 1: %+v", us)
	}
	if got := p.describe(reviews[0]); got != "Review meeting 1: United States 95, China 60" {
		t.Errorf("described as %q", got)
	}
	if got := p.describe(reviews[1]); !strings.HasPrefix(got, "The delegations compare notes: United States 95") {
		t.Errorf("described as %q", got)
	}
	var b strings.Builder
	if err := game.WriteReview(&b, p.e.Scenario(), first); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Review meeting 1 — Sat 2015-10-03 09:00",
		"rfa — request for assistance, United States to China",
		"  ! no technical material attached (−5 for United States)",
		"status: overdue",
		"  preserve     10-03 09:00  10-01 12:00  —     thin     1.00",
		"  update-1     10-03 09:00  OVERDUE      —     —        0.00",
		"  results      10-09 09:00  —            —     —        not yet due",
		"  parts on time                         nothing received         2 of 3 (66%)",
		"  rubric                                — (nothing to answer)    60",
		"    without technical material          1 (−5)                   0",
		"  SCORE                                 95 / 100 (how it asked)  60 / 100",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the review lacks %q:\n%s", want, b.String())
		}
	}
	if got := p.describe(reviews[2]); !strings.HasPrefix(got, "Closing review of the exercise: United States 95, China ") {
		t.Errorf("described as %q", got)
	}
	if st := p.st(); len(st.Reviews) != 3 || st.Reviews[0] != first {
		t.Errorf("state holds %d reviews", len(st.Reviews))
	}
}

func TestEndings(t *testing.T) {
	sc := parse(t, `
actions:
  warm-up:
    side: us
    label: Warm up
    effects:
      - change: {tension: 10}
  heat-up:
    side: us
    label: Heat up
    effects:
      - change: {tension: 25}
  sour:
    side: cn
    label: Sour
    effects:
      - change: {trust: -15}
endings:
  walked-out:
    title: Walked out
  hot:
    title: Hot
    if: "tension >= 60"
  warm:
    title: Warm
    if: "tension >= 45"
  cold:
    title: Cold
    if: "trust < 40"
`)
	cases := []struct {
		actions []string
		ending  string
		words   string
	}{
		{nil, "", "the exercise ends: the story clock ran out"},
		{[]string{"warm-up"}, "warm", "the exercise ends: Warm"},
		{[]string{"heat-up"}, "hot", "the exercise ends: Hot"}, // warm holds too; hot comes first
		{[]string{"sour"}, "cold", "the exercise ends: Cold"},
		{[]string{"sour", "warm-up"}, "warm", "the exercise ends: Warm"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.actions, "+"), func(t *testing.T) {
			p := start(t, sc)
			for _, a := range c.actions {
				team := "fbi"
				if a == "sour" {
					team = "mps"
				}
				p.do(act(team, a))
			}
			p.none(p.advance(10*d-time.Minute), game.Ended)
			evs := p.advance(11 * d)
			end := p.must(evs, game.Ended)
			if end.At != 10*d || end.Ending != c.ending {
				t.Errorf("ended at %v with %q, want at 10d with %q", end.At, end.Ending, c.ending)
			}
			if got := p.describe(end); got != c.words {
				t.Errorf("described as %q", got)
			}
			if p.st().Now != 10*d {
				t.Errorf("the clock stands at %v after the end", p.st().Now)
			}
		})
	}
}

func TestRefusals(t *testing.T) {
	p := acknowledged(t)
	p.refusedAs(p.us, deliver("cia", "rfa", "preserve", injects.Thin), `no team "cia" in this scenario`)
	p.refused(deliver("fbi", "rfa", "preserve", injects.Thin), `request "rfa" is addressed to China; Federal Bureau of Investigation cannot respond to it`)
	p.refused(decline("fbi", "rfa", "preserve", "national-law"), `request "rfa" is addressed to China`)
	p.refused(deliver("mps", "rfa", "logs", injects.Thin), `request "rfa" has no part "logs"; its parts are acknowledge, preserve, investigate, mitigate, update-1, update-2, results`)
	p.refused(deliver("mps", "bare", "acknowledge", injects.Thin), `request "bare" has not been sent`)
	p.refused(deliver("mps", "nope", "acknowledge", injects.Thin), `no request "nope"`)
	p.refused(game.Command{Team: "mps", Verb: game.Verb(42)}, "unknown command")
}

func TestAuthorization(t *testing.T) {
	p := acknowledged(t)
	p.do(ring("mps", ""))
	// Commands each valid for the team named, but made by China's actor
	// in the name of US teams.
	for _, c := range []game.Command{
		open("fbi", "bare"),
		act("fbi", "public-attribution"),
		ring("dhs", "rfa"),
		answer("doj", 1, injects.Commit),
		act("ic", "nope"), // refused for the actor before the rules look
	} {
		err := p.refusedAs(p.cn, c, "cn-player cannot act for ")
		if !errors.Is(err, game.ErrForbidden) {
			t.Errorf("%s %v: %v does not wrap ErrForbidden", c.Team, c.Verb, err)
		}
		if !errors.Is(p.e.Check(p.cn, c), game.ErrForbidden) {
			t.Errorf("Check does not refuse %s %v", c.Team, c.Verb)
		}
	}
	err := p.refusedAs(p.cn, open("fbi", "bare"), "cn-player cannot act for Federal Bureau of Investigation (United States)")
	if err != nil && !strings.HasPrefix(err.Error(), game.ErrForbidden.Error()) {
		t.Errorf("error %q", err)
	}
	// A player bound to one team may not act for another of the same side.
	fbiOnly := game.Actor{Name: "fbi-desk", Teams: []string{"fbi"}}
	if err := p.refusedAs(fbiOnly, open("doj", "bare"), "fbi-desk cannot act for Department of Justice"); !errors.Is(err, game.ErrForbidden) {
		t.Errorf("%v does not wrap ErrForbidden", err)
	}
	if err := p.e.Do(fbiOnly, open("fbi", "bare")); err != nil {
		t.Errorf("the FBI desk may not act for the FBI: %v", err)
	}
	// The facilitator may act for any team.
	control := game.Actor{Name: "white-cell", Role: game.Facilitator}
	if err := p.e.Do(control, deliver("mps", "rfa", "preserve", injects.Thin)); err != nil {
		t.Errorf("the facilitator may not act for China: %v", err)
	}
}
