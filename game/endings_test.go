package game_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"hotline/game"
	"hotline/injects"
)

// An ending is read aloud in class: its text must be true of every run that
// reaches it. endingClaims restates, for each ending of each built-in
// scenario, what its text says, as checks on the run; TestEndingsTellTheTruth
// plays many runs and checks the claims of the ending each reached.

// ranRun is a finished run: its last state, and what the claims need of
// its history.
type ranRun struct {
	st *game.State
	// threats and impositions of sanctions: the matter (a request id) and
	// when; failedAt, whether that matter's response had failed then.
	threats, impositions []sanction
}

type sanction struct {
	about  string
	at     time.Duration
	failed bool
}

// claim is one thing an ending's text says; it returns what is false.
type claim func(r *ranRun) error

var endingClaims = map[string]map[string][]claim{
	"hotline-escalation": {
		"sanctions":        {sanctionsImposedOver("rfa-grid")},
		"threat-standing":  {threatStandsOver("rfa-grid")},
		"grid-unverified":  {evidenceWithheld("rfa-grid", "verify-grid")},
		"grid-gap":         {evidenceDidNotHold("rfa-grid", "verify-grid")},
		"dead-line":        {callsMissed(2)},
		"kept-quiet":       {unopened("rfa-grid"), chose("grid-intrusion", "harden-quietly")},
		"one-sided":        {answered("rfa-grid"), notAnswered("rfa-rail"), sent("rfa-rail")},
		"hotline-worked":   {answered("rfa-grid"), resultsDelivered("rfa-grid"), commitmentKept(injects.CN), ladderAt(0)},
		"norm-upheld":      {answered("rfa-grid"), nothingLate("rfa-grid"), resultsDelivered("rfa-grid"), ladderAtMost(1)},
		"answered-late":    {answered("rfa-grid"), lateOrWithoutResults("rfa-grid")},
		"tense-standstill": {noSanctions, notAnswered("rfa-grid")},
	},
	"assistance-request": {
		"sanctions":  {sanctionsImposedOver("rfa-cascade")},
		"unverified": {anyOf(evidenceWithheld("rfa-cascade", "verify-cascade"), evidenceWithheld("rfa-huaxin", "verify-huaxin"))},
		"caught-out": {anyOf(evidenceDidNotHold("rfa-cascade", "verify-cascade"), evidenceDidNotHold("rfa-huaxin", "verify-huaxin"))},
		"verified": {anyOf(evidenceHeld("rfa-cascade", "verify-cascade"), evidenceHeld("rfa-huaxin", "verify-huaxin")),
			not(resultsWithheld("rfa-cascade")), not(resultsWithheld("rfa-huaxin"))},
		"two-way-street":  {answered("rfa-cascade"), answered("rfa-huaxin"), resultsDelivered("rfa-cascade"), resultsDelivered("rfa-huaxin"), trustAbove(50)},
		"answered-uneasy": {answered("rfa-cascade"), answered("rfa-huaxin"), resultsDelivered("rfa-cascade"), resultsDelivered("rfa-huaxin"), trustBelow(55)},
		"results-kept":    {answered("rfa-cascade"), answered("rfa-huaxin"), anyOf(resultsNotDelivered("rfa-cascade"), resultsNotDelivered("rfa-huaxin"))},
		"cn-answered":     {answered("rfa-cascade"), notAnswered("rfa-huaxin")},
		"us-answered":     {answered("rfa-huaxin"), notAnswered("rfa-cascade")},
		"stalled":         {notAnswered("rfa-cascade"), notAnswered("rfa-huaxin")},
	},
	"opm-breach": {
		"pledge-stretched":    {sent("demand-opm")},
		"tit-for-tat":         {attributed, taken("counter-accusation")},
		"restraint":           {attributed, taken("condemn-hacking"), not(taken("counter-accusation"))},
		"public-standoff":     {attributed},
		"espionage-handled":   {answered("rfi-opm"), unopened("demand-opm")},
		"answered-cold":       {answered("rfi-opm"), trustBelow(50)},
		"declined-within-law": {statusIs("rfi-opm", injects.StatusDeclined), unopened("demand-opm")},
		"unanswered":          {sent("rfi-opm"), notAnswered("rfi-opm")},
		"counter-offensive":   {unopened("rfi-opm"), unopened("demand-opm"), anyOf(taken("counter-accusation"), sent("rfi-cn-intrusions"))},
		"goodwill":            {unopened("rfi-opm"), unopened("demand-opm"), taken("condemn-hacking")},
		"uneasy-calm": {unopened("rfi-opm"), unopened("demand-opm"), not(attributed), not(taken("counter-accusation")),
			not(taken("condemn-hacking")), unopened("rfi-cn-intrusions")},
	},
	"campaign": {
		"sanctions":        {anyOf(sanctionsImposedOver("rfa-cascade"), sanctionsImposedOver("rfa-grid"))},
		"pledge-stretched": {sent("demand-opm"), trustBelow(50)},
		"unverified": {anyOf(evidenceWithheld("rfa-cascade", "verify-cascade"), evidenceWithheld("rfa-huaxin", "verify-huaxin"),
			evidenceWithheld("rfa-grid", "verify-grid"))},
		"caught-out": {anyOf(evidenceDidNotHold("rfa-cascade", "verify-cascade"), evidenceDidNotHold("rfa-huaxin", "verify-huaxin"),
			evidenceDidNotHold("rfa-grid", "verify-grid"))},
		"hotline-proved":  {scoresAtLeast(75), everyResultDelivered, trustAbove(50), anyOf(commitmentKept(injects.US), commitmentKept(injects.CN))},
		"mechanism-works": {scoresAtLeast(75), everyResultDelivered, trustAbove(50)},
		"us-carries":      {carries(injects.US)},
		"cn-carries":      {carries(injects.CN)},
		"fragile-start":   nil, // says nothing a run could belie
	},
}

// TestEndingsTellTheTruth plays every built-in scenario with every pair of
// counterpart profiles and every strategy against every counterpart, and
// checks the claims of the ending each run reached.
func TestEndingsTellTheTruth(t *testing.T) {
	for _, id := range injects.BuiltinIDs() {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			sc := builtin(t, id)
			claims, ok := endingClaims[id]
			if !ok {
				t.Fatalf("no claims for the endings of %s", id)
			}
			for _, en := range sc.Endings {
				if _, ok := claims[en.ID]; !ok {
					t.Errorf("ending %q of %s: say what its text claims in endingClaims", en.ID, id)
				}
			}
			reached := map[string]int{}
			check := func(label string, players [2]string, seed uint64) {
				r := playRecorded(t, sc, seed, players)
				reached[r.st.Ending]++
				for _, c := range claims[r.st.Ending] {
					if err := c(r); err != nil {
						t.Errorf("%s, %s seed %d: ending %q: %v", id, label, seed, r.st.Ending, err)
					}
				}
			}
			for _, us := range sc.Sides[injects.US].Counterparts {
				for _, cn := range sc.Sides[injects.CN].Counterparts {
					for seed := uint64(1); seed <= 6; seed++ {
						check(us+" / "+cn, [2]string{us, cn}, seed)
					}
				}
			}
			for side := range injects.Side(2) {
				for _, s := range game.Strategies() {
					for _, cp := range sc.Sides[side.Other()].Counterparts {
						var players [2]string
						players[side], players[side.Other()] = game.StrategyPrefix+s.ID, cp
						for seed := uint64(1); seed <= 3; seed++ {
							check(fmt.Sprintf("%s %s vs %s", side, s.ID, cp), players, seed)
						}
					}
				}
			}
			t.Logf("%s reached %v", id, reached)
			if len(reached) < len(sc.Endings)/2 {
				t.Errorf("%s: the runs reached only %v", id, reached)
			}
		})
	}
}

// playRecorded plays a run and keeps what the claims need of its history.
func playRecorded(t *testing.T, sc *injects.Scenario, seed uint64, players [2]string) *ranRun {
	r := &ranRun{}
	st, err := game.Play(sc, seed, players, func(st *game.State, ev *game.Event) {
		if ev.Type != game.ActionTaken {
			return
		}
		i, _ := sc.ActionIndex(ev.Action)
		a := &sc.Actions[i]
		s := sanction{about: a.About, at: ev.At}
		if k, ok := sc.RequestIndex(a.About); ok && a.About != "" {
			s.failed = failedThen(st, k)
		}
		switch a.Sanctions {
		case injects.Threaten:
			r.threats = append(r.threats, s)
		case injects.Impose:
			r.impositions = append(r.impositions, s)
		}
	})
	if err != nil || !st.Ended {
		t.Fatalf("%s %v seed %d: %v (ended %v)", sc.ID, players, seed, err, st.Ended)
	}
	r.st = st
	return r
}

// failedThen says, as docs/review.md does, whether the response to request
// i (with the requests for evidence that verify it) has failed: a part
// outstanding a full window past its due time, a part declined on a ground
// that does not cover it, or a commitment about it broken.
func failedThen(st *game.State, i int) bool {
	sc := st.Scenario
	for k := range sc.Requests {
		req := &sc.Requests[k]
		if k != i && req.Verifies != sc.Requests[i].ID {
			continue
		}
		for j, el := range st.Requests[k].Elements {
			g, _ := sc.Ground(el.Ground)
			switch {
			case el.Declined && (g == nil || !g.Sound(req, req.Elements[j].Kind)):
				return true
			case el.Overdue && !el.Delivered && !el.Declined && st.Now-el.Due >= max(el.Window, time.Hour):
				return true
			}
		}
		for _, c := range st.Calls {
			if c.Broken && c.About == req.ID && c.From == req.From {
				return true
			}
		}
	}
	return false
}

// The claims.

func requestState(r *ranRun, id string) (*game.RequestState, *injects.Request, int) {
	i, ok := r.st.Scenario.RequestIndex(id)
	if !ok {
		panic("no request " + id)
	}
	return &r.st.Requests[i], &r.st.Scenario.Requests[i], i
}

func statusIs(id string, want ...string) claim {
	return func(r *ranRun) error {
		_, _, i := requestState(r, id)
		if got := r.st.RequestStatus(i); !slices.Contains(want, got) {
			return fmt.Errorf("%s is %s, not %v", id, got, want)
		}
		return nil
	}
}

func answered(id string) claim { return statusIs(id, injects.StatusAnswered) }

func notAnswered(id string) claim {
	return statusIs(id, injects.StatusUnopened, injects.StatusOpen, injects.StatusOverdue, injects.StatusDeclined)
}

func unopened(id string) claim { return statusIs(id, injects.StatusUnopened) }

func sent(id string) claim {
	return statusIs(id, injects.StatusOpen, injects.StatusOverdue, injects.StatusAnswered, injects.StatusDeclined)
}

func resultsDelivered(id string) claim {
	return func(r *ranRun) error {
		rs, req, _ := requestState(r, id)
		if j := req.Element("results"); j >= 0 && !rs.Elements[j].Delivered {
			return fmt.Errorf("the results of %s were not delivered", id)
		}
		return nil
	}
}

func resultsNotDelivered(id string) claim { return not(resultsDelivered(id)) }

// resultsWithheld: the results of the request were declined.
func resultsWithheld(id string) claim {
	return func(r *ranRun) error {
		rs, req, _ := requestState(r, id)
		if j := req.Element("results"); j >= 0 && rs.Elements[j].Declined {
			return nil
		}
		return fmt.Errorf("the results of %s were not declined", id)
	}
}

func nothingLate(id string) claim {
	return func(r *ranRun) error {
		rs, _, _ := requestState(r, id)
		for _, el := range rs.Elements {
			if el.Overdue || el.Delivered && el.DeliveredAt > el.Due || el.Declined && el.DeclinedAt > el.Due {
				return fmt.Errorf("a part of %s was late", id)
			}
		}
		return nil
	}
}

func lateOrWithoutResults(id string) claim {
	return anyOf(not(nothingLate(id)), resultsNotDelivered(id))
}

// everyResultDelivered: every request about theft or critical
// infrastructure that was sent had its results delivered.
func everyResultDelivered(r *ranRun) error {
	sc := r.st.Scenario
	for i := range sc.Requests {
		req := &sc.Requests[i]
		if req.Verifies != "" || req.Category != injects.CommercialTheft && req.Category != injects.CriticalInfrastructure || !r.st.Requests[i].Opened {
			continue
		}
		if err := resultsDelivered(req.ID)(r); err != nil {
			return err
		}
	}
	return nil
}

func evidenceWithheld(req, verify string) claim {
	return all(mitigationReported(req), statusIs(verify, injects.StatusOverdue, injects.StatusDeclined))
}

func evidenceShown(verify string) claim {
	return func(r *ranRun) error {
		rs, req, _ := requestState(r, verify)
		if !rs.Elements[req.Element("results")].Delivered {
			return fmt.Errorf("the evidence asked in %s was not shown", verify)
		}
		return nil
	}
}

func mitigationReported(id string) claim {
	return func(r *ranRun) error {
		rs, req, _ := requestState(r, id)
		if !rs.Elements[req.Element("mitigate")].Delivered {
			return fmt.Errorf("no takedown was reported on %s", id)
		}
		return nil
	}
}

func mitigation(id string, held bool) claim {
	return func(r *ranRun) error {
		rs, req, _ := requestState(r, id)
		el := rs.Elements[req.Element("mitigate")]
		if got := el.Delivered && el.Quality > injects.Thin; got != held {
			return fmt.Errorf("the takedown on %s was delivered %s", id, el.Quality)
		}
		return nil
	}
}

func evidenceDidNotHold(req, verify string) claim {
	return all(evidenceShown(verify), mitigation(req, false))
}

func evidenceHeld(req, verify string) claim { return all(evidenceShown(verify), mitigation(req, true)) }

func callsMissed(n int) claim {
	return func(r *ranRun) error {
		if got := r.st.Missed(injects.US) + r.st.Missed(injects.CN); got < n {
			return fmt.Errorf("%d calls missed", got)
		}
		return nil
	}
}

func commitmentKept(by injects.Side) claim {
	return func(r *ranRun) error {
		if r.st.Kept(by) == 0 {
			return fmt.Errorf("%s kept no commitment", by.Title())
		}
		return nil
	}
}

func ladderAtMost(n int) claim {
	return func(r *ranRun) error {
		if r.st.Rung > n {
			return fmt.Errorf("the ladder ended at %d", r.st.Rung)
		}
		return nil
	}
}

func ladderAt(n int) claim {
	return func(r *ranRun) error {
		if r.st.Rung != n {
			return fmt.Errorf("the ladder ended at %d", r.st.Rung)
		}
		return nil
	}
}

func trustAbove(n int) claim {
	return func(r *ranRun) error {
		if v, _ := r.st.Var("trust"); v.Int <= n {
			return fmt.Errorf("trust ended at %d", v.Int)
		}
		return nil
	}
}

func trustBelow(n int) claim {
	return func(r *ranRun) error {
		if v, _ := r.st.Var("trust"); v.Int >= n {
			return fmt.Errorf("trust ended at %d", v.Int)
		}
		return nil
	}
}

func chose(inject, choice string) claim {
	return func(r *ranRun) error {
		i, _ := r.st.Scenario.InjectIndex(inject)
		if got := r.st.Injects[i].Choice; got != choice {
			return fmt.Errorf("%s was decided %q", inject, got)
		}
		return nil
	}
}

func taken(action string) claim {
	return func(r *ranRun) error {
		i, _ := r.st.Scenario.ActionIndex(action)
		if r.st.Actions[i].Taken == 0 {
			return fmt.Errorf("%s was not taken", action)
		}
		return nil
	}
}

func attributed(r *ranRun) error {
	if v, _ := r.st.Var("attributed"); !v.Bool {
		return fmt.Errorf("the US did not attribute the breach in public")
	}
	return nil
}

func scoresAtLeast(n int) claim {
	return func(r *ranRun) error {
		card := r.st.Reviews[len(r.st.Reviews)-1]
		for _, s := range card.Sides {
			if !s.Rated || s.Score < n {
				return fmt.Errorf("%s scored %s", s.Side.Title(), s.ScoreWords())
			}
		}
		return nil
	}
}

func carries(side injects.Side) claim {
	return func(r *ranRun) error {
		card := r.st.Reviews[len(r.st.Reviews)-1]
		me, other := card.Sides[side], card.Sides[side.Other()]
		if !me.Rated || !other.Rated || me.Score < 75 || other.Score > me.Score-25 {
			return fmt.Errorf("%s scored %s, %s %s", side.Title(), me.ScoreWords(), side.Other().Title(), other.ScoreWords())
		}
		return nil
	}
}

// sanctionsImposedOver: the response on the matter failed, a US call
// about it went wrong, sanctions were threatened then, and imposed, while
// it still failed, the designations' time after.
func sanctionsImposedOver(about string) claim {
	return func(r *ranRun) error {
		for _, imp := range r.impositions {
			if imp.about != about {
				continue
			}
			if !imp.failed {
				return fmt.Errorf("sanctions over %s were imposed while its response did not fail", about)
			}
			if err := threatenedOver(r, about, imp.at-r.st.Scenario.Hotline.ImposeAfter); err != nil {
				return err
			}
			return nil
		}
		return fmt.Errorf("no sanctions were imposed over %s", about)
	}
}

// threatStandsOver: sanctions were threatened over the matter, rightly,
// and stand.
func threatStandsOver(about string) claim {
	return func(r *ranRun) error {
		rs, _, _ := requestState(r, about)
		if rs.Escalation[injects.US] != r.st.Scenario.Hotline.Threatened() {
			return fmt.Errorf("no threat stands over %s", about)
		}
		return threatenedOver(r, about, r.st.Now)
	}
}

// threatenedOver checks a threat over the matter made by the given time:
// when its response had failed, after a US call about it went wrong.
func threatenedOver(r *ranRun, about string, by time.Duration) error {
	for _, th := range r.threats {
		if th.about != about || th.at > by {
			continue
		}
		if !th.failed {
			return fmt.Errorf("sanctions over %s were threatened while its response did not fail", about)
		}
		for _, c := range r.st.Calls {
			matter := c.About == about || c.About != "" && requestOf(r.st.Scenario, c.About).Verifies == about
			wrong := c.Missed && c.AnswerBy <= th.at || c.Answered && c.Answer == injects.Deny && c.AnsweredAt <= th.at ||
				c.Broken && c.PromiseBy <= th.at
			if c.From == injects.US && matter && wrong {
				return nil
			}
		}
		return fmt.Errorf("sanctions over %s were threatened with no US call about it gone wrong", about)
	}
	return fmt.Errorf("no threat over %s by %s", about, injects.FormatOffset(by))
}

func requestOf(sc *injects.Scenario, id string) *injects.Request {
	i, _ := sc.RequestIndex(id)
	return &sc.Requests[i]
}

func noSanctions(r *ranRun) error {
	if len(r.impositions) > 0 {
		return fmt.Errorf("sanctions were imposed")
	}
	return nil
}

func not(c claim) claim {
	return func(r *ranRun) error {
		if c(r) == nil {
			return fmt.Errorf("the opposite holds")
		}
		return nil
	}
}

func all(cs ...claim) claim {
	return func(r *ranRun) error {
		for _, c := range cs {
			if err := c(r); err != nil {
				return err
			}
		}
		return nil
	}
}

func anyOf(cs ...claim) claim {
	return func(r *ranRun) error {
		var first error
		for _, c := range cs {
			err := c(r)
			if err == nil {
				return nil
			}
			if first == nil {
				first = err
			}
		}
		return first
	}
}

// TestDecliningTheCoreForfeitsTheBestEndings: a side that declines the core
// of the requests it receives, each on a ground that covers it, answers
// lawfully, but the dialogue has no results to review: the campaign's two
// best endings are out of its reach, whichever side it plays.
func TestDecliningTheCoreForfeitsTheBestEndings(t *testing.T) {
	sc := builtin(t, "campaign")
	for side := range injects.Side(2) {
		var players [2]string
		players[side], players[side.Other()] = game.StrategyPrefix+"sound-declines", "cooperative"
		for seed := uint64(1); seed <= 5; seed++ {
			if st := playOne(t, sc, seed, players); st.Ending == "mechanism-works" || st.Ending == "hotline-proved" {
				t.Errorf("%s declining on sound grounds against a cooperative counterpart, seed %d: the campaign ends %q", side.Title(), seed, st.Ending)
			}
		}
	}
}
