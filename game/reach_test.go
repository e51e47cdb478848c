package game_test

import (
	"slices"
	"strings"
	"testing"

	"hotline/game"
	"hotline/injects"
)

// reachSeeds is how many seeds each profile pair plays in the reachability
// test; each strategy plays a quarter as many against each profile.
const reachSeeds = 20

// TestEverythingIsReachable plays every built-in scenario with every pair
// of counterpart profiles over a range of seeds, and with every strategy on
// either side: every inject must fire and every ending be reached in some
// run, and no bot may have a command refused. The injects of the shared
// common.yaml need only fire in some scenario: sanctions, for one, never
// follow the personnel-records breach.
func TestEverythingIsReachable(t *testing.T) {
	sharedFired := map[string]bool{}
	var shared []string
	for _, id := range injects.BuiltinIDs() {
		sc := builtin(t, id)
		fired := map[string]bool{}
		ended := map[string]bool{}
		observe := func(_ *game.State, ev *game.Event) {
			if ev.Type == game.InjectFired {
				fired[ev.Inject] = true
			}
		}
		play := func(players [2]string, seed uint64) {
			st, err := game.Play(sc, seed, players, observe)
			if err != nil {
				t.Fatalf("%s %v seed %d: a bot's command was refused: %v", id, players, seed, err)
			}
			if !st.Ended {
				t.Fatalf("%s %v seed %d: the exercise did not end", id, players, seed)
			}
			ended[st.Ending] = true
		}
		for _, us := range sc.Sides[injects.US].Counterparts {
			for _, cn := range sc.Sides[injects.CN].Counterparts {
				for seed := uint64(1); seed <= reachSeeds; seed++ {
					play([2]string{us, cn}, seed)
				}
			}
		}
		for _, s := range game.Strategies() {
			for side := range injects.Side(2) {
				for _, cp := range sc.Sides[side.Other()].Counterparts {
					var players [2]string
					players[side], players[side.Other()] = game.StrategyPrefix+s.ID, cp
					for seed := uint64(1); seed <= reachSeeds/4; seed++ {
						play(players, seed)
					}
				}
			}
		}
		for _, in := range sc.Injects {
			if strings.HasSuffix(in.Pos.File, "common.yaml") {
				if !slices.Contains(shared, in.ID) {
					shared = append(shared, in.ID)
				}
				sharedFired[in.ID] = sharedFired[in.ID] || fired[in.ID]
				continue
			}
			if !fired[in.ID] {
				t.Errorf("%s: inject %q never fired", id, in.ID)
			}
		}
		for _, en := range sc.Endings {
			if !ended[en.ID] {
				t.Errorf("%s: ending %q was never reached", id, en.ID)
			}
		}
		if ended[""] {
			t.Errorf("%s: some runs ended with no ending", id)
		}
	}
	for _, id := range shared {
		if !sharedFired[id] {
			t.Errorf("common.yaml's inject %q never fired in any scenario", id)
		}
	}
}

// TestProfilesArePlayable checks that every built-in scenario offers the
// four counterpart profiles on each side.
func TestProfilesArePlayable(t *testing.T) {
	want := []string{"cooperative", "by-the-book", "slow-walking", "stonewalling"}
	for _, id := range injects.BuiltinIDs() {
		sc := builtin(t, id)
		for side := range sc.Sides {
			got := sc.Sides[side].Counterparts
			if len(got) != len(want) {
				t.Errorf("%s: %s offers %v", id, injects.Side(side), got)
				continue
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("%s: %s offers %v, want %v", id, injects.Side(side), got, want)
					break
				}
			}
		}
	}
}

// TestPunctualCounterpartsAreOnTime: the cooperative and by-the-book bots
// answer every part of every request on time, choosing a lesser quality
// when the work they would like to do cannot land in time.
func TestPunctualCounterpartsAreOnTime(t *testing.T) {
	punctual := []string{"cooperative", "by-the-book"}
	for _, id := range injects.BuiltinIDs() {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			sc := builtin(t, id)
			for _, us := range punctual {
				for _, cn := range punctual {
					for seed := uint64(1); seed <= 10; seed++ {
						st, err := game.Play(sc, seed, [2]string{us, cn}, nil)
						if err != nil {
							t.Fatal(err)
						}
						for i, r := range st.Requests {
							for j, el := range r.Elements {
								if el.Overdue || el.Delivered && el.DeliveredAt > el.Due {
									t.Errorf("%s/%s seed %d: %s of %s was late", us, cn, seed,
										sc.Requests[i].Elements[j].ID, sc.Requests[i].ID)
								}
							}
						}
					}
				}
			}
		})
	}
}
