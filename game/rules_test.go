package game_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hotline/game"
	"hotline/injects"
)

// requestScenario has one US request for assistance, which the US may send
// at any time, and a second one with no grounds to decline on. Its costs are
// its own, so the tests show that the engine uses the scenario's.
const requestScenario = `
variables:
  attributed:
    type: bool
    initial: false
actions:
  public-attribution:
    side: us
    label: Publicly attribute the breach to China's government
    tone: firm
    once: true
    if: "!attributed"
    effects:
      - set: {attributed: true}
      - change: {tension: 15, trust: -10}
  threaten-sanctions:
    side: us
    label: Threaten sanctions on named individuals and entities
    tone: firm
    if: 'escalation("us") == 1'
    effects:
      - ladder: 1
      - change: {tension: 10}
costs:
  acknowledge: 1h
  preserve: {thin: 2h, adequate: 6h, thorough: 12h}
  investigate: {thin: 12h, adequate: 2d, thorough: 5d}
  mitigate: {thin: 0m, adequate: 12h, thorough: 2d}
  update: {thin: 1h, adequate: 3h, thorough: 8h}
  results: {thin: 4h, adequate: 12h, thorough: 2d}
requests:
  rfa:
    kind: assistance
    from: us
    subject: Servers in Guangdong
    category: commercial-theft
    basis: pledge
    due:
      acknowledge: 24h
      preserve: 48h
      investigate: 5d
      mitigate: 3d
      updates: [2d, 4d]
      results: 8d
    grounds: [national-law, national-security]
    if: "true"
    on_overdue:
      - change: {trust: -3}
  bare:
    kind: information
    from: us
    subject: Who rented the servers
    category: other-cybercrime
    due:
      acknowledge: 12h
      investigate: 2d
    if: "true"
  theirs:
    kind: assistance
    from: cn
    subject: Servers in Virginia
    category: commercial-theft
    due:
      acknowledge: 24h
    grounds: [legal-process]
  later:
    kind: information
    from: us
    subject: Only after two days
    category: other-cybercrime
    due:
      acknowledge: 24h
    if: "days >= 2"
injects:
  overdue-seen:
    when: 'status("rfa") == "overdue"'
    to: us
    from: white-cell
    channel: note
    title: China is late
`

// opened starts the request scenario with rfa sent at T+0.
func opened(t *testing.T) *play {
	p := start(t, parse(t, requestScenario))
	evs := p.do(open("fbi", "rfa"))
	p.must(evs, game.RequestOpened, "rfa")
	return p
}

// acknowledged is opened with the acknowledgement delivered at T+1h.
func acknowledged(t *testing.T) *play {
	p := opened(t)
	p.do(deliver("mps", "rfa", "acknowledge", injects.Adequate))
	p.advance(1 * h)
	if !p.element("rfa", "acknowledge").Delivered {
		t.Fatal("the acknowledgement was not delivered at T+1h")
	}
	return p
}

func TestOpeningARequestSetsItsDueTimes(t *testing.T) {
	p := start(t, parse(t, requestScenario))
	p.advance(3 * h)
	evs := p.do(open("doj", "rfa"))
	ev := p.must(evs, game.RequestOpened, "rfa")
	if ev.Team != "doj" || ev.At != 3*h {
		t.Errorf("opened by %q at %v, want doj at 3h", ev.Team, ev.At)
	}
	want := map[string]time.Duration{"acknowledge": 27 * h, "preserve": 51 * h, "investigate": 5*d + 3*h,
		"mitigate": 3*d + 3*h, "update-1": 2*d + 3*h, "update-2": 4*d + 3*h, "results": 8*d + 3*h}
	for el, due := range want {
		if got := p.element("rfa", el).Due; got != due {
			t.Errorf("%s due at %s, want %s", el, injects.FormatOffset(got), injects.FormatOffset(due))
		}
	}
	if got := p.describe(ev); got != `United States sends a request for assistance to China: "Servers in Guangdong" (rfa)` {
		t.Errorf("described as %q", got)
	}
}

func TestOpenRefusals(t *testing.T) {
	p := opened(t)
	p.refused(open("fbi", "rfa"), `request "rfa" is already open`)
	p.refused(open("mps", "bare"), `request "bare" is for United States to send`)
	p.refused(open("mps", "theirs"), `request "theirs" is opened by events of the scenario, not by a command`)
	p.refused(open("fbi", "later"), `request "later" cannot be sent yet`)
	p.refused(open("fbi", "nope"), `no request "nope"`)
	p.advance(2 * d)
	p.do(open("fbi", "later"))
}

func TestAcknowledgeFirst(t *testing.T) {
	p := opened(t)
	for _, el := range []string{"preserve", "investigate", "mitigate", "update-1"} {
		p.refused(deliver("mps", "rfa", el, injects.Thorough), `acknowledge request "rfa" first`)
		p.refused(decline("mps", "rfa", el, "national-law"), `acknowledge request "rfa" first`)
	}
	evs := p.do(deliver("mps", "rfa", "acknowledge", injects.Thin))
	ws := p.must(evs, game.WorkStarted, "acknowledge")
	if ws.Due != 1*h || ws.Quality != injects.Adequate {
		t.Errorf("acknowledgement ready at %v with quality %v; want 1h, adequate whatever was asked", ws.Due, ws.Quality)
	}
	// Work under way is not yet an acknowledgement.
	p.refused(deliver("mps", "rfa", "preserve", injects.Thin), `acknowledge request "rfa" first`)
	p.refused(deliver("mps", "rfa", "acknowledge", injects.Thin), "acknowledge of \"rfa\" is being prepared, ready Thu 01 Oct 10:00")
	evs = p.advance(1 * h)
	del := p.must(evs, game.Delivered, "acknowledge")
	if del.At != 1*h || del.Team != "mps" {
		t.Errorf("delivered at %v by %q", del.At, del.Team)
	}
	if got := p.describe(del); got != "China (Ministry of Public Security) delivers the acknowledgement for rfa, on time" {
		t.Errorf("described as %q", got)
	}
	p.refused(deliver("mps", "rfa", "acknowledge", injects.Thin), `acknowledge of "rfa" was already delivered`)
	p.do(deliver("mps", "rfa", "preserve", injects.Thin))
}

func TestResultsFollowTheInvestigation(t *testing.T) {
	p := acknowledged(t)
	p.refused(deliver("mps", "rfa", "results", injects.Thorough), `results of "rfa" follow the investigation: deliver investigate first`)
	p.do(deliver("mps", "rfa", "investigate", injects.Thin)) // 12h
	p.refused(deliver("mps", "rfa", "results", injects.Thorough), "deliver investigate first")
	evs := p.advance(13 * h)
	p.must(evs, game.Delivered, "investigate")
	evs = p.do(deliver("mps", "rfa", "results", injects.Thin))
	if ws := p.must(evs, game.WorkStarted, "results"); ws.Due != 17*h {
		t.Errorf("results ready at %v, want 17h", ws.Due)
	}
}

func TestDecline(t *testing.T) {
	t.Run("needs a listed ground", func(t *testing.T) {
		p := acknowledged(t)
		p.refused(decline("mps", "rfa", "preserve", "legal-process"),
			`"legal-process" is not a ground request "rfa" allows; it allows national-law, national-security`)
		p.refused(decline("mps", "rfa", "preserve", ""), `"" is not a ground`)
		evs := p.do(decline("mps", "rfa", "preserve", "national-law"))
		ev := p.must(evs, game.Declined, "preserve")
		if ev.Ground != "national-law" || ev.At != 1*h || len(evs) != 1 {
			t.Errorf("declined on %q at %v with events %s", ev.Ground, ev.At, p.lines(evs))
		}
		if got := p.describe(ev); got != "China (Ministry of Public Security) declines the evidence preservation for rfa: Not permitted under national law, a ground that does not cover it" {
			t.Errorf("described as %q", got)
		}
		p.refused(deliver("mps", "rfa", "preserve", injects.Thin), `preserve of "rfa" was declined`)
		p.refused(decline("mps", "rfa", "preserve", "national-law"), `preserve of "rfa" was declined`)
	})
	t.Run("on a ground that does not cover it says so", func(t *testing.T) {
		p := acknowledged(t)
		ev := p.must(p.do(decline("mps", "rfa", "mitigate", "national-security")), game.Declined, "mitigate")
		if got := p.describe(ev); !strings.HasSuffix(got, "Touches national security, a ground that does not cover it") {
			t.Errorf("described as %q", got)
		}
		ev = p.must(p.do(decline("mps", "rfa", "results", "national-law")), game.Declined, "results")
		if got := p.describe(ev); !strings.HasSuffix(got, "Not permitted under national law") {
			t.Errorf("described as %q", got)
		}
	})
	t.Run("a request with no grounds cannot be declined", func(t *testing.T) {
		p := start(t, parse(t, requestScenario))
		p.do(open("fbi", "bare"))
		p.do(deliver("mps", "bare", "acknowledge", injects.Adequate))
		p.advance(1 * h)
		p.refused(decline("mps", "bare", "investigate", "national-law"), `request "bare" names no grounds on which to decline`)
	})
	t.Run("the acknowledgement cannot be declined", func(t *testing.T) {
		p := opened(t)
		p.refused(decline("mps", "rfa", "acknowledge", "national-law"), "an acknowledgement cannot be declined")
	})
	t.Run("declining the investigation declines the results", func(t *testing.T) {
		p := acknowledged(t)
		evs := p.do(decline("mps", "rfa", "investigate", "national-law"))
		p.must(evs, game.Declined, "investigate")
		res := p.must(evs, game.Declined, "results")
		if res.Ground != "national-law" || res.Cause != "investigate declined" || len(evs) != 2 {
			t.Errorf("results declined on %q because %q; events %s", res.Ground, res.Cause, p.lines(evs))
		}
		p.refused(deliver("mps", "rfa", "results", injects.Thin), `results of "rfa" was declined`)
		// The declined results never fall overdue.
		evs = p.advance(9 * d)
		p.none(evs, game.Overdue, "results")
		p.none(evs, game.Overdue, "investigate")
	})
	t.Run("declining everything declines the request", func(t *testing.T) {
		p := acknowledged(t)
		for _, el := range []string{"preserve", "investigate", "mitigate", "update-1", "update-2"} {
			p.do(decline("mps", "rfa", el, "national-law"))
		}
		if got := p.st().RequestStatus(0); got != injects.StatusDeclined {
			t.Errorf("status %q, want declined", got)
		}
	})
}

func TestDeliveryTakesStoryTimeByQuality(t *testing.T) {
	cases := []struct {
		el   string
		q    injects.Quality
		cost time.Duration
	}{
		{"preserve", injects.Thin, 2 * h},
		{"preserve", injects.Adequate, 6 * h},
		{"preserve", injects.Thorough, 12 * h},
		{"investigate", injects.Thin, 12 * h},
		{"investigate", injects.Adequate, 2 * d},
		{"investigate", injects.Thorough, 5 * d},
		{"mitigate", injects.Adequate, 12 * h},
		{"mitigate", injects.Thorough, 2 * d},
		{"update-1", injects.Thin, 1 * h},
		{"update-2", injects.Thorough, 8 * h},
	}
	for _, c := range cases {
		t.Run(c.el+"/"+c.q.String(), func(t *testing.T) {
			p := acknowledged(t)
			p.advance(3 * h)
			evs := p.do(deliver("mps", "rfa", c.el, c.q))
			ws := p.must(evs, game.WorkStarted, c.el)
			if len(evs) != 1 || ws.At != 3*h || ws.Due != 3*h+c.cost || ws.Quality != c.q {
				t.Fatalf("work on %s (%s) started at %v, ready at %v, quality %v; want 3h, %v, %v",
					c.el, c.q, ws.At, ws.Due, ws.Quality, 3*h+c.cost, c.q)
			}
			if !p.element("rfa", c.el).Working {
				t.Error("the element is not shown as being prepared")
			}
			p.none(p.advance(3*h+c.cost-time.Minute), game.Delivered, c.el)
			evs = p.advance(3*h + c.cost)
			del := p.must(evs, game.Delivered, c.el)
			if del.At != 3*h+c.cost || del.Quality != c.q || del.Team != "mps" {
				t.Errorf("delivered at %v with %v by %q", del.At, del.Quality, del.Team)
			}
			el := p.element("rfa", c.el)
			if !el.Delivered || el.Working || el.DeliveredAt != 3*h+c.cost || el.Quality != c.q {
				t.Errorf("element state after delivery: %+v", *el)
			}
		})
	}
	t.Run("no cost is delivered at once", func(t *testing.T) {
		p := acknowledged(t)
		evs := p.do(deliver("mps", "rfa", "mitigate", injects.Thin))
		if len(evs) != 1 || evs[0].Type != game.Delivered || evs[0].At != 1*h || evs[0].Quality != injects.Thin {
			t.Errorf("events %s, want one delivery at T+1h", p.lines(evs))
		}
	})
	t.Run("no such quality", func(t *testing.T) {
		p := acknowledged(t)
		p.refused(deliver("mps", "rfa", "preserve", injects.Quality(7)), "no quality")
	})
}

func TestOnTimeAndLate(t *testing.T) {
	p := acknowledged(t)
	// Preserve is due at 48h: thorough work (12h) started at 36h lands on
	// the due time exactly, which is on time.
	p.advance(36 * h)
	mark := len(p.events)
	p.do(deliver("mps", "rfa", "preserve", injects.Thorough))
	// Mitigate is due at 3d: thorough work (2d) started at 2d lands a day late.
	p.advance(2 * d)
	p.do(deliver("mps", "rfa", "mitigate", injects.Thorough))
	p.advance(4 * d)
	evs := p.events[mark:]
	onTime := p.must(evs, game.Delivered, "preserve")
	if got := p.describe(onTime); !strings.HasSuffix(got, "for rfa, on time") || onTime.At != 48*h {
		t.Errorf("at %v: %q", onTime.At, got)
	}
	over := p.must(evs, game.Overdue, "mitigate")
	late := p.must(evs, game.Delivered, "mitigate")
	if over.At != 3*d || late.At != 4*d {
		t.Errorf("mitigation overdue at %v and delivered at %v; want 3d and 4d", over.At, late.At)
	}
	if got := game.Describe(p.st(), late); !strings.HasSuffix(got, "for rfa, 1d late") {
		t.Errorf("late delivery described as %q", got)
	}
	card := game.Review(p.st(), 0)
	for _, el := range card.Requests[0].Elements {
		switch el.Element {
		case "preserve":
			if el.State != game.ElDelivered || el.Timeliness != 1 || el.Late != 0 {
				t.Errorf("preserve reviewed as %+v", el)
			}
		case "mitigate":
			if el.State != game.ElDelivered || el.Late != game.Offset(d) || el.Timeliness >= 1 {
				t.Errorf("mitigate reviewed as %+v", el)
			}
		}
	}
	if !p.st().Late(0) {
		t.Error("the request is not shown as late")
	}
}

func TestOverdue(t *testing.T) {
	p := opened(t)
	evs := p.advance(24*h - time.Minute)
	p.none(evs, game.Overdue)
	evs = p.advance(24 * h)
	ov := p.must(evs, game.Overdue, "acknowledge")
	if ov.At != 24*h {
		t.Errorf("overdue at %v, want 24h", ov.At)
	}
	if got := p.describe(ov); got != "the acknowledgement for rfa is overdue" {
		t.Errorf("described as %q", got)
	}
	trust := p.must(evs, game.VariableSet, "trust")
	if trust.Value.Int != 47 || trust.Cause != "rfa" || trust.At != 24*h {
		t.Errorf("on_overdue set trust to %v because %q at %v; want 47 because rfa at 24h", trust.Value, trust.Cause, trust.At)
	}
	// The when: inject watching the status fires at once.
	p.must(evs, game.InjectFired, "overdue-seen")
	if got := p.st().RequestStatus(0); got != injects.StatusOverdue {
		t.Errorf("status %q, want overdue", got)
	}
	// A late acknowledgement still counts, marked late.
	p.advance(30 * h)
	p.do(deliver("mps", "rfa", "acknowledge", injects.Adequate))
	evs = p.advance(31 * h)
	if got := p.describe(p.must(evs, game.Delivered, "acknowledge")); !strings.HasSuffix(got, "7h late") {
		t.Errorf("described as %q", got)
	}
	// Each element falls overdue once, with its own on_overdue effects.
	evs = p.advance(10 * d)
	for _, el := range []string{"preserve", "investigate", "mitigate", "update-1", "update-2", "results"} {
		p.must(evs, game.Overdue, el)
	}
	if n := len(evs); n == 0 || p.variable("trust") != 50-3*7 {
		t.Errorf("trust is %v after seven overdue parts, want %d", p.variable("trust"), 50-3*7)
	}
	for i := range p.events {
		if ev := &p.events[i]; ev.Type == game.Overdue && ev.Element == "acknowledge" && ev.At != 24*h {
			t.Errorf("the acknowledgement fell overdue again at %v", ev.At)
		}
	}
}

func TestWorkUnderWayStillFallsOverdue(t *testing.T) {
	p := acknowledged(t)
	p.advance(40 * h)
	p.do(deliver("mps", "rfa", "preserve", injects.Thorough)) // ready at 52h, due at 48h
	evs := p.advance(52 * h)
	ov, del := p.must(evs, game.Overdue, "preserve"), p.must(evs, game.Delivered, "preserve")
	if ov.At != 48*h || del.At != 52*h {
		t.Errorf("overdue at %v, delivered at %v; want 48h and 52h", ov.At, del.At)
	}
}

func TestClarification(t *testing.T) {
	t.Run("pauses the due times", func(t *testing.T) {
		p := acknowledged(t)
		p.advance(2 * h)
		evs := p.do(ask("mss", "rfa"))
		ev := p.must(evs, game.ClarificationAsked, "rfa")
		if got := p.describe(ev); got != "China (Ministry of State Security) asks United States to clarify rfa; its clock stops" {
			t.Errorf("described as %q", got)
		}
		// Nothing falls overdue while the question waits, however long.
		evs = p.advance(3 * d)
		p.none(evs, game.Overdue)
		evs = p.do(clarify("doj", "rfa"))
		p.must(evs, game.Clarified, "rfa")
		// The clock stopped for 3d-2h: preserve, due at 48h, is now due
		// at 4d22h.
		if got := p.element("rfa", "preserve").Due; got != 5*d-2*h {
			t.Errorf("preserve due at %s, want T+4d22:00", injects.FormatOffset(got))
		}
		if got := p.element("rfa", "results").Due; got != 11*d-2*h {
			t.Errorf("results due at %s, want T+10d22:00", injects.FormatOffset(got))
		}
		// The delivered acknowledgement keeps its due time.
		if got := p.element("rfa", "acknowledge").Due; got != 24*h {
			t.Errorf("acknowledge due at %s, want T+1d00:00", injects.FormatOffset(got))
		}
		p.none(p.advance(5*d-2*h-time.Minute), game.Overdue)
		p.must(p.advance(5*d-2*h), game.Overdue, "preserve")
	})
	t.Run("can be asked once", func(t *testing.T) {
		p := acknowledged(t)
		p.do(ask("mps", "rfa"))
		p.refused(ask("mps", "rfa"), `clarification of "rfa" was already asked once`)
		p.do(clarify("fbi", "rfa"))
		p.refused(ask("mss", "rfa"), `clarification of "rfa" was already asked once`)
		p.refused(clarify("fbi", "rfa"), `no question about "rfa" is waiting for an answer`)
	})
	t.Run("only the receiving side asks and only the sender clarifies", func(t *testing.T) {
		p := acknowledged(t)
		p.refused(ask("fbi", "rfa"), `only China, which received request "rfa", can ask about it`)
		p.refused(clarify("fbi", "rfa"), `no question about "rfa" is waiting`)
		p.do(ask("mps", "rfa"))
		p.refused(clarify("mps", "rfa"), `only United States, which sent request "rfa", can clarify it`)
		p.refused(ask("mps", "bare"), `request "bare" has not been sent`)
	})
	t.Run("an overdue part keeps its due time", func(t *testing.T) {
		p := opened(t)
		p.advance(25 * h) // the acknowledgement fell overdue at 24h
		p.do(ask("mps", "rfa"))
		p.advance(35 * h)
		p.do(clarify("fbi", "rfa"))
		if got := p.element("rfa", "acknowledge").Due; got != 24*h {
			t.Errorf("overdue acknowledgement now due at %s, want it left at T+1d00:00", injects.FormatOffset(got))
		}
		if got := p.element("rfa", "preserve").Due; got != 58*h {
			t.Errorf("preserve due at %s, want T+2d10:00", injects.FormatOffset(got))
		}
	})
	t.Run("a settled request takes no question", func(t *testing.T) {
		p := start(t, parse(t, requestScenario))
		p.do(open("fbi", "bare"))
		p.do(deliver("mps", "bare", "acknowledge", injects.Adequate))
		p.advance(1 * h)
		p.do(deliver("mps", "bare", "investigate", injects.Thin))
		p.advance(13 * h)
		p.refused(ask("mps", "bare"), `request "bare" is settled`)
	})
}

// choiceScenario has injects addressed to one team and to a whole side,
// with choices, a deadline and a choice that fires another inject.
const choiceScenario = `
variables:
  attributed:
    type: bool
    initial: false
injects:
  to-fbi:
    at: 1h
    to: fbi
    from: white-cell
    channel: email
    title: For the FBI
    choices:
      calm:
        label: Stay calm
        tone: conciliatory
        effects:
          - change: {tension: -10}
      loud:
        label: Make noise
        tone: firm
        effects:
          - change: {tension: 10}
        next: follow-up
  to-cn:
    at: 1h
    to: cn
    from: white-cell
    channel: note
    title: For China
    choices:
      yes:
        label: Agree
        effects:
          - change: {trust: 5}
      no:
        label: Refuse
        effects:
          - change: {trust: -5}
    deadline:
      within: 6h
      choose: no
      effects:
        - change: {tension: 7}
  silent:
    at: 1h
    to: us
    from: white-cell
    channel: note
    title: Nothing to decide
    choices:
      a:
        label: A
        effects:
          - change: {trust: 1}
    deadline:
      within: 2h
      effects:
        - set: {attributed: true}
  plain:
    at: 1h
    to: us
    from: white-cell
    channel: note
    title: Just news
  follow-up:
    to: all
    from: white-cell
    channel: press
    title: The noise is reported
  refused-seen:
    when: 'chose("to-cn", "no")'
    to: us
    from: white-cell
    channel: note
    title: China said no
`

func TestChoices(t *testing.T) {
	sc := parse(t, choiceScenario)
	t.Run("only the addressed team, once", func(t *testing.T) {
		p := start(t, sc)
		p.refused(choose("fbi", "to-fbi", "calm"), `"For the FBI" has not arrived yet`)
		p.advance(1 * h)
		p.refused(choose("doj", "to-fbi", "calm"), `"For the FBI" is addressed to United States (Federal Bureau of Investigation), not to Department of Justice`)
		p.refused(choose("mps", "to-fbi", "calm"), "is addressed to United States (Federal Bureau of Investigation), not to Ministry of Public Security")
		p.refused(choose("fbi", "to-fbi", "shout"), `"For the FBI" has no choice "shout"`)
		p.refused(choose("fbi", "plain", "a"), `"Just news" offers no choices`)
		p.refused(choose("fbi", "nope", "a"), `no inject "nope"`)
		evs := p.do(choose("fbi", "to-fbi", "loud"))
		ch := p.must(evs, game.InjectChosen, "to-fbi", "loud")
		if ch.Team != "fbi" {
			t.Errorf("chosen by %q", ch.Team)
		}
		if got := p.describe(ch); got != `United States (Federal Bureau of Investigation) chose "Make noise" on "For the FBI"` {
			t.Errorf("described as %q", got)
		}
		// Its effects, then the inject it names, at once.
		if v := p.must(evs, game.VariableSet, "tension"); v.Value.Int != 50 || v.Cause != "loud" {
			t.Errorf("tension %v because %q", v.Value, v.Cause)
		}
		if f := p.must(evs, game.InjectFired, "follow-up"); f.At != 1*h {
			t.Errorf("follow-up fired at %v", f.At)
		}
		p.refused(choose("fbi", "to-fbi", "calm"), `"For the FBI" was already decided`)
		if is := p.inject("to-fbi"); !is.Resolved || is.Choice != "loud" || is.By != "fbi" || is.Timeout {
			t.Errorf("inject state %+v", *is)
		}
	})
	t.Run("any team of an addressed side", func(t *testing.T) {
		p := start(t, sc)
		p.advance(1 * h)
		p.refused(choose("fbi", "to-cn", "yes"), "not to Federal Bureau of Investigation")
		evs := p.do(choose("siio", "to-cn", "yes"))
		p.must(evs, game.InjectChosen, "to-cn", "yes")
		p.refused(choose("mps", "to-cn", "no"), "was already decided")
		// A choice made in time leaves nothing for the deadline.
		evs = p.advance(2 * d)
		p.none(evs, game.InjectExpired, "to-cn")
		p.none(evs, game.InjectFired, "refused-seen")
	})
}

func TestDeadlineTimeout(t *testing.T) {
	p := start(t, parse(t, choiceScenario))
	evs := p.advance(7*h - time.Minute)
	p.none(evs, game.InjectExpired, "to-cn")
	evs = p.advance(7 * h)
	ex := p.must(evs, game.InjectExpired, "to-cn")
	if ex.At != 7*h || ex.Choice != "no" {
		t.Errorf("expired at %v taking %q; want 7h taking no", ex.At, ex.Choice)
	}
	if got := p.describe(ex); got != `no decision on "For China" in time, so "Refuse" applies` {
		t.Errorf("described as %q", got)
	}
	// The choice's effects, then the deadline's, then what watches the choice.
	trust, tension := p.must(evs, game.VariableSet, "trust"), p.must(evs, game.VariableSet, "tension")
	if trust.Value.Int != 45 || tension.Value.Int != 47 || trust.Seq > tension.Seq {
		t.Errorf("trust %v then tension %v, in events %s", trust.Value, tension.Value, p.lines(evs))
	}
	p.must(evs, game.InjectFired, "refused-seen")
	if is := p.inject("to-cn"); !is.Resolved || !is.Timeout || is.Choice != "no" || is.By != "" {
		t.Errorf("inject state %+v", *is)
	}
	p.refused(choose("mps", "to-cn", "yes"), "was already decided")

	// Without choose:, only the deadline's effects.
	ex = p.must(p.events, game.InjectExpired, "silent")
	if ex.At != 3*h || ex.Choice != "" {
		t.Errorf("silent expired at %v with choice %q", ex.At, ex.Choice)
	}
	if got := p.describe(ex); got != `no decision on "Nothing to decide" in time` {
		t.Errorf("described as %q", got)
	}
	if p.variable("attributed") != true || p.variable("trust") != 45 {
		t.Errorf("attributed %v, trust %v", p.variable("attributed"), p.variable("trust"))
	}
}

// triggerScenario has injects fired after others and when conditions hold.
const triggerScenario = `
injects:
  first:
    at: 2h
    to: us
    from: white-cell
    channel: note
    title: First
  second:
    after: first
    delay: 3h
    to: us
    from: white-cell
    channel: note
    title: Second
  third:
    after: second
    to: us
    from: white-cell
    channel: note
    title: Third
  hot:
    when: "tension >= 60"
    delay: 4h
    to: all
    from: national-press
    channel: press
    title: Tension is high
  hot-now:
    when: "tension >= 60"
    to: all
    from: national-press
    channel: press
    title: Tension is high, at once
  on-day-two:
    when: "hours >= 30"
    to: us
    from: white-cell
    channel: note
    title: Thirty hours in
actions:
  heat:
    side: us
    label: Heat up
    effects:
      - change: {tension: 25}
  cool:
    side: us
    label: Cool down
    effects:
      - change: {tension: -25}
`

func TestAfterAndWhenTriggers(t *testing.T) {
	p := start(t, parse(t, triggerScenario))
	evs := p.advance(10 * h)
	for _, c := range []struct {
		id string
		at time.Duration
	}{{"first", 2 * h}, {"second", 5 * h}, {"third", 5 * h}} {
		if ev := p.must(evs, game.InjectFired, c.id); ev.At != c.at {
			t.Errorf("%s fired at %v, want %v", c.id, ev.At, c.at)
		}
	}
	evs = p.do(act("fbi", "heat")) // tension 40 -> 65 at 10h
	tr := p.must(evs, game.InjectTriggered, "hot")
	if tr.Due != 14*h {
		t.Errorf("hot due at %v, want 14h", tr.Due)
	}
	if got := p.describe(tr); got != `"Tension is high" is due at Thu 2015-10-01 23:00` {
		t.Errorf("described as %q", got)
	}
	if ev := p.must(evs, game.InjectFired, "hot-now"); ev.At != 10*h {
		t.Errorf("hot-now fired at %v", ev.At)
	}
	if find(evs, game.InjectFired, "hot") != nil || p.inject("hot").Status != game.Scheduled {
		t.Errorf("hot fired before its delay: %s", p.lines(evs))
	}
	// The condition turning false again does not stop an inject already due.
	p.do(act("fbi", "cool"))
	evs = p.advance(14 * h)
	if ev := find(evs, game.InjectFired, "hot"); ev == nil || ev.At != 14*h {
		t.Errorf("hot did not fire at 14h: %s", p.lines(evs))
	}
	// Each inject fires once, however often its condition comes true.
	evs = p.do(act("fbi", "heat"))
	p.none(evs, game.InjectTriggered)
	p.none(evs, game.InjectFired)
}

func TestWhenOnTheClockFiresOnTheHour(t *testing.T) {
	// hours >= 30 comes true at T+1d06:00 whether or not anything else
	// happens then, and however the caller moves the clock.
	for _, steps := range [][]time.Duration{{10 * d}, {29 * h, 10 * d}, {30*h + 30*m, 10 * d}} {
		p := start(t, parse(t, triggerScenario))
		for _, to := range steps {
			p.advance(to)
		}
		ev := find(p.events, game.InjectFired, "on-day-two")
		if ev == nil || ev.At != 30*h {
			t.Errorf("advancing to %v: on-day-two fired %v, want at T+1d06:00", steps, ev)
		}
	}
}

// writeFiles writes inject files to a temporary directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestIncludedInjectsWaitForTheirIncludeTime(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"top.yaml": `format: 1
scenario:
  id: top
  title: Top
  start: 2015-10-01 09:00
  end: 10d
include:
  - common.yaml
  - file: part.yaml
    at: 2d
injects:
  early:
    at: 1h
    to: us
    from: white-cell
    channel: note
    title: Early
actions:
  heat:
    side: us
    label: Heat up
    effects:
      - change: {tension: 25}
`,
		"part.yaml": `format: 1
shared: true
injects:
  part-at:
    at: 3h
    to: us
    from: white-cell
    channel: note
    title: Three hours into the part
  part-when:
    when: "trust >= 50"
    to: us
    from: white-cell
    channel: note
    title: Trust holds
  part-when-delay:
    when: "tension >= 60"
    delay: 2h
    to: us
    from: white-cell
    channel: note
    title: Tension rose
  part-after:
    after: early
    delay: 1h
    to: us
    from: white-cell
    channel: note
    title: After the early one
  part-clock:
    when: "hours >= 50"
    to: us
    from: white-cell
    channel: note
    title: Fifty hours in
`,
	})
	sc, diags := injects.Load(filepath.Join(dir, "top.yaml"))
	if sc == nil {
		t.Fatal(diags)
	}
	p := start(t, sc)
	p.advance(1 * d)
	p.do(act("fbi", "heat")) // tension 65 at T+1d, before the part begins
	p.advance(10 * d)
	for _, c := range []struct {
		id string
		at time.Duration
	}{
		{"early", 1 * h},
		{"part-at", 2*d + 3*h},
		{"part-when", 2 * d},           // true from the start: fires as the part begins
		{"part-when-delay", 2*d + 2*h}, // true since T+1d: counts from the part's start
		{"part-after", 2 * d},          // early fired at 1h; 2h would be before the part
		{"part-clock", 50 * h},
	} {
		ev := find(p.events, game.InjectFired, c.id)
		if ev == nil || ev.At != c.at {
			t.Errorf("%s fired %v, want at %s", c.id, ev, injects.FormatOffset(c.at))
		}
	}
}

func TestIncludedPartStartingWithNothingToWake(t *testing.T) {
	// The part's first inject fires at its include time, and its when:
	// inject wakes then with a condition that is false: play goes on.
	dir := writeFiles(t, map[string]string{
		"top.yaml": `format: 1
scenario:
  id: top
  title: Top
  start: 2015-10-01 09:00
  end: 10d
include:
  - common.yaml
  - file: part.yaml
    at: 2d
`,
		"part.yaml": `format: 1
shared: true
injects:
  part-start:
    at: 0h
    to: us
    from: white-cell
    channel: note
    title: The part begins
  part-when:
    when: "tension >= 90"
    to: us
    from: white-cell
    channel: note
    title: Never
  part-later:
    at: 1d
    to: us
    from: white-cell
    channel: note
    title: A day into the part
`,
	})
	sc, diags := injects.Load(filepath.Join(dir, "top.yaml"))
	if sc == nil {
		t.Fatal(diags)
	}
	for _, steps := range [][]time.Duration{{10 * d}, {2 * d, 10 * d}} {
		p := start(t, sc)
		for _, to := range steps {
			p.advance(to)
		}
		if ev := find(p.events, game.InjectFired, "part-later"); ev == nil || ev.At != 3*d {
			t.Errorf("advancing to %v: part-later fired %v, want at T+3d", steps, ev)
		}
		p.none(p.events, game.InjectFired, "part-when")
		p.must(p.events, game.Ended)
	}
}
