package game_test

import (
	"fmt"
	"strings"
	"testing"

	"hotline/game"
	"hotline/injects"
)

// sanctionsScenario has a US request about commercial theft with a request
// for evidence that verifies it, a US request about espionage, a Chinese
// request, and sanctions over the theft. The theft's acknowledgement is due
// twelve hours after it is sent, so, unanswered, it fails twelve hours
// after that; the designations take common.yaml's five days.
const sanctionsScenario = `
requests:
  theft:
    kind: assistance
    from: us
    subject: Designs stolen through servers in Guangdong
    category: commercial-theft
    attached: [server addresses]
    due:
      acknowledge: 12h
      mitigate: 2d
      investigate: 5d
      results: 8d
    grounds: [national-law, legal-process]
    if: "true"
  evidence:
    kind: information
    from: us
    subject: Evidence that the Guangdong servers were taken down
    category: commercial-theft
    attached: [China's report]
    verifies: theft
    due:
      acknowledge: 12h
      results: 2d
    grounds: [national-law, legal-process]
    if: "true"
  spying:
    kind: information
    from: us
    subject: Personnel records taken through servers in China
    category: state-espionage
    attached: [server addresses]
    due:
      acknowledge: 12h
    if: "true"
  theirs:
    kind: assistance
    from: cn
    subject: Designs stolen through servers in Virginia
    category: commercial-theft
    attached: [server addresses]
    due:
      acknowledge: 12h
    if: "true"
actions:
  threaten:
    side: us
    label: Threaten sanctions over the theft
    tone: firm
    about: theft
    sanctions: threaten
  impose:
    side: us
    label: Impose the sanctions threatened over the theft
    tone: firm
    about: theft
    sanctions: impose
`

// TestSanctionsRule: sanctions belong to one matter and come last, a
// threat first and days before they are imposed. Each case plays some
// steps; each refusal must say why in words a player can read.
func TestSanctionsRule(t *testing.T) {
	sc := parse(t, sanctionsScenario)
	// escalate rings about req and has China deny: the US escalation of
	// that request goes to the ministers.
	escalate := func(p *play, req string) {
		p.do(ring("fbi", req))
		p.do(answer("mps", len(p.st().Calls), injects.Deny))
	}
	// deliverAll delivers every part of the theft request due so far, on
	// time, thin.
	deliverAll := func(p *play) {
		for _, el := range []string{"acknowledge", "mitigate", "investigate"} {
			p.do(deliver("mps", "theft", el, injects.Thin))
			p.advance(p.st().Now + 12*h)
		}
	}
	cases := []struct {
		name  string
		steps func(p *play)
	}{
		{"threatening and imposing in the same minute, hours into a matter, is refused", func(p *play) {
			escalate(p, "theft") // T+0: denied, the theft is with the ministers
			p.advance(12*h + 1*m)
			// The acknowledgement is a minute late: late, not failed.
			p.refused(act("fbi", "threaten"), "sanctions over theft can be threatened from Fri 02 Oct 09:00 if nothing changes: China's response to it has not failed; a part merely late is not a failure, and an overdue part fails when it is still outstanding a full window after its due time")
			p.refused(act("fbi", "impose"), "sanctions over theft must be threatened first; the designations take 5 days after the threat")
			p.advance(24 * h)
			p.do(act("fbi", "threaten"))
			p.refused(act("fbi", "impose"), "sanctions over theft can be imposed from Wed 07 Oct 09:00: the designations take 5 days after the threat, made on Fri 02 Oct 09:00")
			p.advance(6*d - 1*m)
			p.refused(act("fbi", "impose"), "can be imposed from Wed 07 Oct 09:00")
			p.advance(6 * d)
			evs := p.do(act("fbi", "impose"))
			if lm := p.must(evs, game.LadderMoved); lm.Request != "theft" || lm.Rung != 3 {
				t.Errorf("imposing moved the ladder of %q to %d", lm.Request, lm.Rung)
			}
		}},
		{"a call about another matter opens no way to sanctions", func(p *play) {
			p.do(open("fbi", "spying"))
			escalate(p, "spying") // espionage: the ministers, but not over the theft
			p.do(open("mps", "theirs"))
			p.do(ring("mps", "theirs"))
			p.do(answer("fbi", 2, injects.Deny)) // China's grievance, not the US's
			p.advance(25 * h)                    // the theft has failed
			if st := p.st(); st.Levels[injects.US] != 1 || st.Rung != 1 {
				t.Fatalf("US escalation %d, ladder %d", st.Levels[injects.US], st.Rung)
			}
			p.refused(act("fbi", "threaten"), "sanctions over theft come only after a hotline call about it goes unanswered, is denied or ends in a broken commitment, and none has")
			escalate(p, "theft")
			p.do(act("fbi", "threaten"))
		}},
		{"a commitment running on the matter holds sanctions back", func(p *play) {
			escalate(p, "theft")
			p.advance(25 * h)
			p.do(ring("fbi", "theft"))
			p.do(answer("mps", 2, injects.Commit))
			p.refused(act("fbi", "threaten"), "sanctions over theft wait while China's commitment on call 2 runs: it promised what is outstanding by Mon 05 Oct 10:00")
			// Kept, the commitment brings the matter down from the ministers.
			p.do(deliver("mps", "theft", "acknowledge", injects.Adequate))
			p.advance(p.st().Now + 1*h)
			p.do(deliver("mps", "theft", "mitigate", injects.Adequate))
			p.advance(p.st().Now + 12*h)
			p.must(p.events, game.Kept)
			p.refused(act("fbi", "threaten"), "a hotline call about it goes unanswered, is denied or ends in a broken commitment, and none has")
		}},
		{"a commitment made on a call about no request covers the matter too", func(p *play) {
			escalate(p, "theft")
			p.advance(25 * h)
			p.do(ring("fbi", ""))
			p.do(answer("mps", 2, injects.Commit))
			p.refused(act("fbi", "threaten"), "China's commitment on call 2 runs")
		}},
		{"a decline on a ground that covers the part is no failure; one that does not cover it is", func(p *play) {
			escalate(p, "theft")
			p.do(deliver("mps", "theft", "acknowledge", injects.Adequate))
			p.advance(1 * h)
			p.do(decline("mps", "theft", "results", "national-law"))
			p.refused(act("fbi", "threaten"), "sanctions over theft need China's response to it to have failed, and nothing of it is overdue")
			p.do(decline("mps", "theft", "mitigate", "national-law"))
			p.do(act("fbi", "threaten"))
		}},
		{"a commitment broken is a failure", func(p *play) {
			p.do(deliver("mps", "theft", "acknowledge", injects.Adequate))
			p.do(ring("fbi", "theft"))
			p.do(answer("mps", 1, injects.Commit))
			p.advance(3*d + 1*m) // the mitigation, due at 2d, is not in: broken
			p.must(p.events, game.Broken)
			if why := p.st().Failure(0); why != "China broke the commitment it made on call 1 about theft" {
				t.Errorf("failure: %q", why)
			}
			p.do(act("fbi", "threaten"))
		}},
		{"sanctions are imposed only while the failure still stands", func(p *play) {
			escalate(p, "theft")
			p.advance(25 * h)
			p.do(act("fbi", "threaten"))
			deliverAll(p) // China answers what had failed, and the rest on time
			p.advance(6*d + 1*h)
			p.refused(act("fbi", "impose"), "sanctions over theft cannot be imposed: China has answered what had failed since the threat; withdraw the threat or let it stand")
			p.do(act("fbi", "stand-down"))
		}},
		{"evidence refused is a failure of the matter, and calls about it escalate the matter", func(p *play) {
			deliverAll(p)
			p.do(open("fbi", "evidence"))
			p.do(deliver("mps", "evidence", "acknowledge", injects.Adequate))
			p.advance(p.st().Now + 1*h)
			p.do(decline("mps", "evidence", "results", "national-law"))
			escalate(p, "evidence")
			if r := p.st().Requests[0]; r.Escalation[injects.US] != 1 {
				t.Errorf("a denied call about the evidence left the theft's escalation at %d", r.Escalation[injects.US])
			}
			p.do(act("fbi", "threaten"))
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := start(t, sc)
			p.do(open("fbi", "theft"))
			c.steps(p)
		})
	}
}

// TestEscalationBelongsToAMatter: what becomes of a call moves the caller's
// escalation of the request it was about, and of nothing else; the ladder
// stands at the highest of them.
func TestEscalationBelongsToAMatter(t *testing.T) {
	p := start(t, parse(t, sanctionsScenario))
	p.do(open("fbi", "theft"))
	p.do(open("fbi", "spying"))
	p.do(ring("fbi", "spying"))
	p.do(answer("mps", 1, injects.Deny))
	p.do(ring("fbi", "theft"))
	p.do(answer("mps", 2, injects.Commit))
	p.do(deliver("mps", "theft", "acknowledge", injects.Adequate))
	p.advance(2 * h)
	p.do(deliver("mps", "theft", "mitigate", injects.Thorough))
	p.advance(3 * d)
	p.do(ring("fbi", ""))
	p.advance(3*d + 4*h)
	st := p.st()
	got := fmt.Sprintf("theft %d, spying %d, at large %d; US %d, ladder %d",
		st.Requests[0].Escalation[injects.US], st.Requests[2].Escalation[injects.US], st.AtLarge[injects.US], st.Levels[injects.US], st.Rung)
	// The kept commitment about the theft brings down nothing (the theft
	// was never raised), and leaves the espionage matter where it was; the
	// call about nothing, unanswered, raises the grievances at large.
	if want := "theft 0, spying 1, at large 1; US 1, ladder 1"; got != want {
		t.Errorf("%s; want %s", got, want)
	}
	var lines []string
	for i := range p.events {
		if ev := &p.events[i]; ev.Type == game.LadderMoved {
			lines = append(lines, game.Describe(st, ev))
		}
	}
	want := []string{
		"escalation ladder: United States now at Ministerial over spying — China denied the complaint on call 1",
		"escalation ladder: United States now at Ministerial over its grievances at large — call 3 went unanswered by China",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("the ladder moves read:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// TestSanctionsInTheGridCase plays the grid case as a class reported it:
// the US invokes the norm, rings China an hour later and is denied, and
// twelve hours and a minute in, with the acknowledgement a minute late,
// tries to threaten and impose sanctions at once. Both are refused, with
// the reason; days later, the rule allows them in turn.
func TestSanctionsInTheGridCase(t *testing.T) {
	p := start(t, builtin(t, "hotline-escalation"))
	p.advance(0)
	p.do(choose("dhs", "grid-intrusion", "invoke-norm"))
	p.advance(1 * h)
	p.do(ring("dhs", "rfa-grid"))
	p.do(answer("mps", 1, injects.Deny))
	p.advance(12*h + 1*m)
	p.refused(act("fbi", "threaten-sanctions-grid"), "sanctions over rfa-grid can be threatened from Tue 27 Oct 09:00 if nothing changes: China's response to it has not failed; a part merely late is not a failure")
	p.refused(act("fbi", "impose-sanctions-grid"), "sanctions over rfa-grid must be threatened first")
	p.advance(24 * h) // the acknowledgement has been outstanding twelve hours past its due time
	p.do(act("fbi", "threaten-sanctions-grid"))
	p.refused(act("fbi", "impose-sanctions-grid"), "sanctions over rfa-grid can be imposed from Sun 01 Nov 08:00: the designations take 5 days after the threat, made on Tue 27 Oct 09:00")
	p.none(p.events, game.InjectFired, "sanctions-designations")
	p.advance(6 * d)
	p.do(act("fbi", "impose-sanctions-grid"))
	p.must(p.events, game.InjectFired, "sanctions-designations")
}
