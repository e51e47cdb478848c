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
// common.yaml's: legal process covers the investigation, national security
// covers espionage, lack of detail covers a request sent without material.
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
		{"declined on a ground that covers it", "detailed", declineOn("legal-process"), 93, "ground: legal-process"},
		{"thin, to a request without material", "bare", deliverAs(injects.Thin), 90, "thin"},
		{"thin, though the material was attached", "detailed", deliverAs(injects.Thin), 88, "thin (material was attached)"},
		{"declined for lack of detail, on a request without it", "bare", declineOn("insufficient-information"), 93, "ground: insufficient-information"},
		{"declined for lack of detail, though the material was attached", "detailed", declineOn("insufficient-information"), 70,
			"ground: insufficient-information (does not cover it)"},
		{"declined on national security, for commercial theft", "detailed", declineOn("national-security"), 70,
			"ground: national-security (does not cover it)"},
		{"declined on national security, for espionage", "spying", declineOn("national-security"), 93, "ground: national-security"},
		{"declined on national law, which covers results, not the investigation", "detailed", declineOn("national-law"), 70,
			"ground: national-law (does not cover it)"},
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
// that received nothing is not rated.
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
			if us.Rated {
				t.Errorf("the US received no request but is rated: %+v", us)
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
			if !strings.Contains(text, "SCORE                                 not rated (nothing to answer)") {
				t.Errorf("the review does not say the US is not rated:\n%s", text)
			}
		})
	}
}
