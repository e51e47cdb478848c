package game_test

import (
	"fmt"
	"strings"
	"testing"

	"hotline/game"
	"hotline/injects"
)

// probeScenario has one US request of two parts, in several versions: with
// its technical material attached or not, about commercial theft or
// espionage, under the commitment that fits or not. Its grounds are
// common.yaml's: legal process and national law cover only the results,
// national security covers espionage, lack of detail covers a request sent
// without material.
func probeScenario(t *testing.T) *injects.Scenario {
	var b strings.Builder
	b.WriteString("requests:\n")
	for _, r := range []struct{ id, category, basis, attached string }{
		{"detailed", "commercial-theft", "pledge", "[server addresses, times]"},
		{"bare", "commercial-theft", "pledge", "[]"},
		{"spying", "state-espionage", "cooperation", "[server addresses]"},
		{"dressed", "state-espionage", "pledge", "[server addresses]"},
	} {
		fmt.Fprintf(&b, `  %s:
    kind: assistance
    from: us
    subject: A probe
    category: %s
    basis: %s
    attached: %s
    due:
      acknowledge: 24h
      investigate: 5d
    grounds: [legal-process, national-security, insufficient-information, national-law]
    if: "true"
`, r.id, r.category, r.basis, r.attached)
	}
	return parse(t, b.String())
}

// TestReviewRules: the review judges what the fact sheet names. On a probe
// request, answered in each way a side may answer it, China's score and
// what the review says of its part.
func TestReviewRules(t *testing.T) {
	sc := probeScenario(t)
	answerWith := func(c game.Command) func(p *play, req string) {
		return func(p *play, req string) {
			p.do(deliver("mps", req, "acknowledge", injects.Adequate))
			p.advance(1 * h)
			c.Request = req
			p.do(c)
		}
	}
	deliverAs := func(q injects.Quality) func(p *play, req string) {
		return answerWith(deliver("mps", "", "investigate", q))
	}
	declineOn := func(ground string) func(p *play, req string) {
		return answerWith(decline("mps", "", "investigate", ground))
	}
	cases := []struct {
		name    string
		request string
		answer  func(p *play, req string)
		score   int
		review  string // what the review prints on the investigation's line
	}{
		{"thorough", "detailed", deliverAs(injects.Thorough), 100, "thorough"},
		{"adequate", "detailed", deliverAs(injects.Adequate), 95, "adequate"},
		{"declined on a ground that covers it", "spying", declineOn("national-security"), 93, "ground: Touches national security"},
		{"thin, to a request without material", "bare", deliverAs(injects.Thin), 90, "thin"},
		{"thin, though the material was attached", "detailed", deliverAs(injects.Thin), 88, "thin (material was attached)"},
		{"declined for lack of detail, on a request without it", "bare", declineOn("insufficient-information"), 93, "ground: Not enough technical detail to act on"},
		{"declined for lack of detail, though the material was attached", "detailed", declineOn("insufficient-information"), 70,
			"ground: Not enough technical detail to act on (does not cover it)"},
		{"declined on national security, for commercial theft", "detailed", declineOn("national-security"), 70,
			"ground: Touches national security (does not cover it)"},
		{"declined on national security, for espionage", "spying", declineOn("national-security"), 93, "ground: Touches national security"},
		{"declined on national law, which covers results, not the investigation", "detailed", declineOn("national-law"), 70,
			"ground: Not permitted under national law (does not cover it)"},
		{"declined on legal process, which covers handing over results, not investigating", "detailed", declineOn("legal-process"), 70,
			"ground: Needs legal process first (does not cover it)"},
		{"ignored", "detailed", func(*play, string) {}, 0, "OVERDUE"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := start(t, sc)
			p.do(open("fbi", c.request))
			c.answer(p, c.request)
			p.advance(6 * d)
			card := game.Review(p.st(), 0)
			if cn := card.Sides[injects.CN]; !cn.Rated || cn.Score != c.score {
				t.Errorf("China scored %d (rated %v), want %d: %+v", cn.Score, cn.Rated, c.score, cn)
			}
			var b strings.Builder
			if err := game.WriteReview(&b, sc, card); err != nil {
				t.Fatal(err)
			}
			line := ""
			for _, l := range strings.Split(b.String(), "\n") {
				if strings.HasPrefix(l, "  investigate") {
					line = l
				}
			}
			if !strings.Contains(line, c.review) {
				t.Errorf("the review shows the investigation as %q; want it to say %q", line, c.review)
			}
		})
	}
}

// TestReviewJudgesTheAsker: a request under the commitment that fits its
// matter, with its technical material, costs its sender nothing; espionage
// dressed as theft and a request without material cost points, and a side
// that received nothing is rated on how it asked alone, so that the
// penalties bite.
func TestReviewJudgesTheAsker(t *testing.T) {
	sc := probeScenario(t)
	for _, c := range []struct {
		request   string
		errors    int
		undetail  int
		penalty   int
		printed   string
		unprinted string
	}{
		{"detailed", 0, 0, 0, "  attached: server addresses; times", "!"},
		{"spying", 0, 0, 0, "  attached: server addresses", "!"},
		{"bare", 0, 1, game.UndetailedPenalty, "  ! no technical material attached (−5 for United States)", "category"},
		{"dressed", 1, 0, game.CategoryErrorPenalty,
			"  ! espionage dressed as theft: the commercial-theft pledge does not cover state espionage (−10 for United States)", "no technical"},
	} {
		t.Run(c.request, func(t *testing.T) {
			p := start(t, sc)
			p.do(open("fbi", c.request))
			card := game.Review(p.st(), 0)
			us := card.Sides[injects.US]
			if !us.Rated || !us.AskedOnly || us.Score != 100-c.penalty {
				t.Errorf("the US received no request: want it rated on how it asked, %d; got %+v", 100-c.penalty, us)
			}
			if us.CategoryErrors != c.errors || us.Undetailed != c.undetail || us.Penalty() != c.penalty {
				t.Errorf("the US: %d category errors, %d without material, penalty %d; want %d, %d, %d",
					us.CategoryErrors, us.Undetailed, us.Penalty(), c.errors, c.undetail, c.penalty)
			}
			var b strings.Builder
			if err := game.WriteReview(&b, sc, card); err != nil {
				t.Fatal(err)
			}
			text := b.String()
			block := text[strings.Index(text, c.request+" — "):]
			block = block[:strings.Index(block, "  status:")]
			if !strings.Contains(block, c.printed) || strings.Contains(block, c.unprinted) {
				t.Errorf("the review of %s says:\n%s\nwant %q and not %q", c.request, block, c.printed, c.unprinted)
			}
			if want := fmt.Sprintf("SCORE                                 %d / 100 (how it asked)", 100-c.penalty); !strings.Contains(text, want) {
				t.Errorf("the review does not say %q:\n%s", want, text)
			}
		})
	}
}

// updateScenario has a US request with a status update and its results,
// with the built-in grounds and one written to cover status updates, and a
// request for evidence that verifies it.
const updateScenario = `
grounds:
  too-soon:
    title: Too soon to say
    covers: [update]
  any-reason:
    title: Any reason at all
requests:
  theft:
    kind: assistance
    from: us
    subject: Designs stolen through servers in Guangdong
    category: commercial-theft
    attached: [server addresses]
    due:
      acknowledge: 24h
      updates: 2d
      results: 5d
    grounds: [national-law, legal-process, too-soon, any-reason]
    if: "true"
  evidence:
    kind: information
    from: us
    subject: Evidence that the servers were taken down
    category: commercial-theft
    attached: [China's report]
    verifies: theft
    due:
      acknowledge: 24h
      results: 2d
    grounds: [national-law, legal-process, any-reason]
    if: "true"
`

// TestGroundsCoverWhatTheySay: national law and legal process cover the
// results, not a status update; a ground that does cover an update earns no
// more than a thin update would; and no ground covers refusing the evidence
// asked to verify what a side reported.
func TestGroundsCoverWhatTheySay(t *testing.T) {
	sc := parse(t, updateScenario)
	const thinUpdate = 1.0 / 6 // a thin answer to a request that came with its material
	cases := []struct {
		name, req, part string
		answer          func(p *play, req, part string)
		sound           bool
		value           float64
	}{
		{"a thin update, the material attached", "theft", "update", func(p *play, req, part string) {
			p.do(deliver("mps", req, part, injects.Thin))
		}, false, thinUpdate},
		{"an update declined on national law", "theft", "update", declinePart("national-law"), false, 0},
		{"an update declined on legal process", "theft", "update", declinePart("legal-process"), false, 0},
		{"an update declined on a ground written to cover updates", "theft", "update", declinePart("too-soon"), true,
			thinUpdate},
		{"the results declined on national law", "theft", "results", declinePart("national-law"), true, 0.5},
		{"the results declined on legal process", "theft", "results", declinePart("legal-process"), true, 0.5},
		{"the evidence declined on national law", "evidence", "results", declinePart("national-law"), false, 0},
		{"the evidence declined on legal process", "evidence", "results", declinePart("legal-process"), false, 0},
		{"the results declined on a ground that covers everything", "theft", "results", declinePart("any-reason"), true, 0.5},
		{"the evidence declined even on a ground that covers everything", "evidence", "results", declinePart("any-reason"), false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := start(t, sc)
			p.do(open("fbi", c.req))
			p.do(deliver("mps", c.req, "acknowledge", injects.Adequate))
			p.advance(1 * h)
			c.answer(p, c.req, c.part)
			p.advance(6 * d)
			card := game.Review(p.st(), 0)
			var el *game.ElementScore
			for i := range card.Requests {
				for j := range card.Requests[i].Elements {
					if e := &card.Requests[i].Elements[j]; card.Requests[i].Request == c.req && e.Element == c.part {
						el = e
					}
				}
			}
			if el.Sound != c.sound || el.Value != c.value {
				t.Errorf("%s of %s: sound %v, worth %.3f; want sound %v, worth %.3f", c.part, c.req, el.Sound, el.Value, c.sound, c.value)
			}
		})
	}
}

func declinePart(ground string) func(p *play, req, part string) {
	return func(p *play, req, part string) { p.do(decline("mps", req, part, ground)) }
}

// TestTheScriptIsNotCharged: a request without material, or under the
// wrong commitment, costs its side points only when its players sent it: by
// a command, or by a decision they took. One the script sent (an inject's
// effect, or a deadline's choice made for them) is charged to nobody.
func TestTheScriptIsNotCharged(t *testing.T) {
	sc := parse(t, `
requests:
  bare:
    kind: information
    from: us
    subject: Who rented the servers
    category: other-cybercrime
    due:
      acknowledge: 24h
    if: "true"
  dressed:
    kind: assistance
    from: us
    subject: Stop the theft of personnel records
    category: state-espionage
    basis: pledge
    attached: [server addresses]
    due:
      acknowledge: 24h
injects:
  auto:
    at: 1h
    to: us
    from: white-cell
    channel: note
    title: The script sends the demand
    effects:
      - open: dressed
  decide:
    at: 1h
    to: us
    from: white-cell
    channel: note
    title: Send the bare request?
    choices:
      send:
        label: Send it
        effects:
          - open: bare
      hold:
        label: Hold it
    deadline:
      within: 2h
      choose: send
`)
	cases := []struct {
		name    string
		steps   func(p *play)
		penalty int
		rated   bool
	}{
		{"the script sends both", func(p *play) { p.advance(4 * h) }, 0, false},
		{"the players send the bare request by deciding", func(p *play) {
			p.advance(1 * h)
			p.do(choose("fbi", "decide", "send"))
		}, game.UndetailedPenalty, true},
		{"the players send the bare request by command", func(p *play) {
			p.do(open("fbi", "bare"))
			p.advance(4 * h)
		}, game.UndetailedPenalty, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := start(t, sc)
			c.steps(p)
			card := game.Review(p.st(), 0)
			us := card.Sides[injects.US]
			if us.Penalty() != c.penalty || us.Rated != c.rated || us.Sent != 2 {
				t.Errorf("the US: penalty %d, rated %v, sent %d; want penalty %d, rated %v, sent 2", us.Penalty(), us.Rated, us.Sent, c.penalty, c.rated)
			}
			var b strings.Builder
			if err := game.WriteReview(&b, sc, card); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), "! espionage dressed as theft: the commercial-theft pledge does not cover state espionage (sent by the script, so charged to nobody)") {
				t.Errorf("the review does not say the script's demand is charged to nobody:\n%s", b.String())
			}
		})
	}
}
