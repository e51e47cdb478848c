package game_test

import (
	"fmt"
	"strings"
	"testing"

	"hotline/game"
	"hotline/injects"
)

// ladderScenario has a US request about commercial theft and one about
// espionage, a Chinese request, sanctions over the theft as the built-in
// scenarios have them, and a White Cell inject to both sides that moves the
// ladder.
const ladderScenario = `
requests:
  theft:
    kind: assistance
    from: us
    subject: Designs stolen through servers in Guangdong
    category: commercial-theft
    basis: pledge
    attached: [server addresses]
    due:
      acknowledge: 24h
      mitigate: 2d
    if: "true"
  spying:
    kind: information
    from: us
    subject: Personnel records taken through servers in China
    category: state-espionage
    attached: [server addresses]
    due:
      acknowledge: 24h
    if: "true"
  theirs:
    kind: assistance
    from: cn
    subject: Designs stolen through servers in Virginia
    category: commercial-theft
    attached: [server addresses]
    due:
      acknowledge: 24h
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
  crisis:
    side: us
    label: Have the White Cell raise the stakes for both
    effects:
      - fire: both-escalate
injects:
  both-escalate:
    to: all
    from: white-cell
    channel: note
    title: The stakes rise for both delegations
    effects:
      - ladder: 1
`

// TestLadderRules: the hotline is for escalation, not a penalty. Each case
// plays some steps and checks where each side's escalation stands, and the
// ladder moves made on the way.
func TestLadderRules(t *testing.T) {
	sc := parse(t, ladderScenario)
	// missUS rings about the theft and lets the call ring out: the US
	// escalation goes to the ministers.
	missUS := func(p *play) {
		p.do(ring("fbi", "theft"))
		p.advance(p.st().Now + 4*h)
	}
	// keep rings about the theft; China commits on that call and delivers
	// everything due, keeping its commitment.
	keep := func(p *play) {
		p.do(ring("fbi", "theft"))
		p.do(answer("mps", len(p.st().Calls), injects.Commit))
		p.do(deliver("mps", "theft", "acknowledge", injects.Adequate))
		p.advance(p.st().Now + 1*h)
		p.do(deliver("mps", "theft", "mitigate", injects.Thorough))
		p.advance(p.st().Now + 3*d)
	}
	cases := []struct {
		name   string
		steps  func(p *play)
		levels [2]int   // US, China
		moves  []string // the ladder moves made, as "side rung cause"
	}{
		{"ringing alone moves nothing", func(p *play) {
			p.do(open("mps", "theirs"))
			p.do(ring("fbi", "theft"))
			p.do(ring("mps", "theirs"))
		}, [2]int{0, 0}, nil},
		{"a call left unanswered escalates the side that rang", missUS,
			[2]int{1, 0}, []string{"us 1 missed"}},
		{"a denial escalates the side that rang", func(p *play) {
			p.do(ring("fbi", "theft"))
			p.do(answer("mps", 1, injects.Deny))
		}, [2]int{1, 0}, []string{"us 1 deny"}},
		{"an explanation or a commitment moves nothing by itself", func(p *play) {
			p.do(ring("fbi", "theft"))
			p.do(answer("mps", 1, injects.Explain))
			p.do(ring("fbi", "theft"))
			p.do(answer("mps", 2, injects.Commit))
		}, [2]int{0, 0}, nil},
		{"a commitment kept calms what an earlier failure raised", func(p *play) {
			missUS(p)
			keep(p)
		}, [2]int{0, 0}, []string{"us 1 missed", "us 0 kept"}},
		{"a commitment broken escalates", func(p *play) {
			p.do(ring("fbi", "theft"))
			p.do(answer("mps", 1, injects.Commit))
			p.advance(p.st().Now + 3*d)
		}, [2]int{1, 0}, []string{"us 1 broken"}},
		{"calls engage the ministers and go no higher", func(p *play) {
			missUS(p)
			missUS(p)
			p.do(ring("fbi", "theft"))
			p.do(answer("mps", 3, injects.Deny))
		}, [2]int{1, 0}, []string{"us 1 missed"}},
		{"China's calls escalate China's grievance, not the US's", func(p *play) {
			p.do(open("mps", "theirs"))
			p.do(ring("mps", "theirs"))
			p.advance(p.st().Now + 4*h)
		}, [2]int{0, 1}, []string{"cn 1 missed"}},
		{"sanctions stay lasting: a kept commitment does not undo them, lifting does", func(p *play) {
			p.advance(48 * h) // the theft's acknowledgement has failed
			missUS(p)
			p.do(act("fbi", "threaten"))
			p.advance(p.st().Now + 5*d)
			p.do(act("fbi", "impose"))
			// China commits, and keeps its word within hours.
			p.do(ring("fbi", "theft"))
			p.do(answer("mps", len(p.st().Calls), injects.Commit))
			p.do(deliver("mps", "theft", "acknowledge", injects.Adequate))
			p.advance(p.st().Now + 1*h)
			p.do(deliver("mps", "theft", "mitigate", injects.Thin))
			p.advance(p.st().Now + 5*h)
			p.must(p.events, game.Kept)
			p.do(act("fbi", "lift-sanctions"))
		}, [2]int{1, 0}, []string{"us 1 missed", "us 2 threaten", "us 3 impose", "us 1 lift-sanctions"}},
		{"an effect of something addressed to both moves both sides", func(p *play) {
			p.do(act("fbi", "crisis"))
		}, [2]int{1, 1}, []string{"us 1 both-escalate", "cn 1 both-escalate"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := start(t, sc)
			p.do(open("fbi", "theft"))
			p.do(open("fbi", "spying"))
			c.steps(p)
			st := p.st()
			if st.Levels != c.levels || st.Rung != max(c.levels[0], c.levels[1]) {
				t.Errorf("escalation US %d, China %d, ladder %d; want %v", st.Levels[0], st.Levels[1], st.Rung, c.levels)
			}
			var moves []string
			for _, ev := range p.events {
				if ev.Type == game.LadderMoved {
					moves = append(moves, fmt.Sprintf("%s %d %s", ev.Side, ev.Rung, ev.Cause))
				}
			}
			if strings.Join(moves, ", ") != strings.Join(c.moves, ", ") {
				t.Errorf("ladder moves %q, want %q; events%s", moves, c.moves, p.lines(p.events))
			}
		})
	}
}

func TestNoSanctionsOverEspionage(t *testing.T) {
	// The personnel-records scenario is espionage from end to end: however
	// hard the US escalates and however China answers, no sanctions.
	sc := builtin(t, "opm-breach")
	for _, cn := range sc.Sides[injects.CN].Counterparts {
		for seed := uint64(1); seed <= 10; seed++ {
			st := playOne(t, sc, seed, [2]string{game.StrategyPrefix + "escalate", cn})
			if st.Levels[injects.US] > sc.Hotline.Ceiling {
				t.Errorf("against %s, seed %d: the US escalated to %s", cn, seed, sc.Hotline.Rungs[st.Levels[injects.US]].ID)
			}
		}
	}
}
