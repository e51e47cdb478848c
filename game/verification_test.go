package game_test

import (
	"fmt"
	"strings"
	"testing"

	"hotline/game"
	"hotline/game/playtest"
	"hotline/injects"
)

// evidenceScripts are China's answers, as playtest scripts, in the built-in
// scenarios where the United States may ask to see the evidence of a
// takedown China reported: every part answered on time, the takedown
// (mitigation) at the quality MITIGATE, and the request for evidence
// answered as EVIDENCE says.
var evidenceScripts = map[string]string{
	"assistance-request": `
  - on: huaxin-report
    choose: file-request
  - on: cn-receives-request
    request: rfa-cascade
    deliver: acknowledge
  - on: cn-receives-request
    after: 1h
    request: rfa-cascade
    deliver: preserve
  - on: cn-receives-request
    after: 1h
    request: rfa-cascade
    deliver: mitigate
    quality: MITIGATE
  - on: cn-receives-request
    after: 1h
    request: rfa-cascade
    deliver: investigate
  - on: cn-receives-request
    after: 4d
    request: rfa-cascade
    deliver: update-1
  - on: cn-receives-request
    after: 9d
    request: rfa-cascade
    deliver: update-2
  - on: cn-receives-request
    after: 9d
    request: rfa-cascade
    deliver: results
  - on-request: verify-cascade
    request: verify-cascade
    deliver: acknowledge
EVIDENCE`,
	"hotline-escalation": `
  - on: cn-grid-brief
    request: rfa-grid
    deliver: acknowledge
  - on: cn-grid-brief
    after: 1h
    request: rfa-grid
    deliver: preserve
  - on: cn-grid-brief
    after: 1h
    request: rfa-grid
    deliver: mitigate
    quality: MITIGATE
  - on: cn-grid-brief
    after: 1h
    request: rfa-grid
    deliver: investigate
  - on: cn-grid-brief
    after: 1d
    request: rfa-grid
    deliver: update
  - on: cn-grid-brief
    after: 3d
    request: rfa-grid
    deliver: results
  - on-request: verify-grid
    request: verify-grid
    deliver: acknowledge
EVIDENCE`,
}

// evidenceAnswers are the ways China may answer the request for evidence:
// show it, or withhold it by declining on each ground the request lists,
// or by letting it run out.
func evidenceAnswers(sc *injects.Scenario, verify string) map[string]string {
	show := fmt.Sprintf("  - on-request: %s\n    after: 2h\n    request: %s\n    deliver: results\n", verify, verify)
	out := map[string]string{"show": show, "ignore": ""}
	i, _ := sc.RequestIndex(verify)
	for _, g := range sc.Requests[i].Grounds {
		out["decline on "+g] = fmt.Sprintf("  - on-request: %s\n    after: 2h\n    request: %s\n    decline: results\n    ground: %s\n", verify, verify, g)
	}
	return out
}

// endingRank orders the endings a China that withholds its evidence might
// reach, worst first, against those of one that shows it: sanctions, then
// the endings that say cooperation failed, then every other.
func endingRank(id string) int {
	switch id {
	case "sanctions", "threat-standing":
		return 0
	case "unverified", "grid-unverified", "caught-out", "grid-gap", "stalled", "dead-line", "tense-standstill":
		return 1
	}
	return 2
}

// TestWithholdingEvidenceNeverPays: a China that refuses to show the
// evidence the United States asked for, in any way, scores no higher and
// ends no better than the same China showing it, however the takedown
// went; and its ending says what happened: unverified (or sanctions).
func TestWithholdingEvidenceNeverPays(t *testing.T) {
	counterparts := []string{game.StrategyPrefix + "diligent", "cooperative", "by-the-book", "slow-walking", "stonewalling"}
	for id, script := range evidenceScripts {
		sc := builtin(t, id)
		verify := map[string]string{"assistance-request": "verify-cascade", "hotline-escalation": "verify-grid"}[id]
		unverified := map[string]string{"assistance-request": "unverified", "hotline-escalation": "grid-unverified"}[id]
		answers := evidenceAnswers(sc, verify)
		compared := 0
		for _, mitigate := range []string{"thin", "adequate"} {
			for _, us := range counterparts {
				for seed := 1; seed <= 4; seed++ {
					run := func(answer string) *game.State {
						src := fmt.Sprintf("scenario: %s\nside: cn\ncounterpart: %s\nseed: %d\nscript:%s\nexpect: []\n", id, us, seed,
							strings.NewReplacer("MITIGATE", mitigate, "EVIDENCE", answers[answer]).Replace(script))
						pt, err := playtest.Parse(id+".playtest.yaml", []byte(src))
						if err != nil {
							t.Fatal(err)
						}
						r, err := playtest.Run(pt, sc)
						if err != nil {
							t.Fatal(err)
						}
						for _, f := range r.Failures {
							if strings.Contains(f.Message, "refused") {
								t.Fatalf("%s %s against %s, seed %d, %s: %s", id, mitigate, us, seed, answer, f)
							}
						}
						return r.State
					}
					shown := run("show")
					if requestStatus(shown, verify) == injects.StatusUnopened {
						continue // the United States did not ask
					}
					compared++
					for answer := range answers {
						if answer == "show" {
							continue
						}
						held := run(answer)
						label := fmt.Sprintf("%s, takedown %s, against %s, seed %d: China answering the request for evidence by %s",
							id, mitigate, us, seed, answer)
						if got, want := held.Reviews[len(held.Reviews)-1].Sides[injects.CN].Score, shown.Reviews[len(shown.Reviews)-1].Sides[injects.CN].Score; got > want {
							t.Errorf("%s scores %d; showing the evidence scores %d", label, got, want)
						}
						if endingRank(held.Ending) > endingRank(shown.Ending) {
							t.Errorf("%s ends %q; showing the evidence ends %q", label, held.Ending, shown.Ending)
						}
						if held.Ending != unverified && endingRank(held.Ending) != 0 {
							t.Errorf("%s ends %q, not %q", label, held.Ending, unverified)
						}
					}
				}
			}
		}
		if compared < 10 {
			t.Errorf("%s: the United States asked for the evidence in only %d runs", id, compared)
		}
	}
}

func requestStatus(st *game.State, req string) string {
	i, _ := st.Scenario.RequestIndex(req)
	return st.RequestStatus(i)
}
