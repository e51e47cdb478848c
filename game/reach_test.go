package game_test

import (
	"testing"

	"hotline/game"
	"hotline/injects"
)

// reachSeeds is how many seeds each profile pair plays in the reachability
// test.
const reachSeeds = 20

// TestEverythingIsReachable plays every built-in scenario with every pair
// of counterpart profiles over a range of seeds: every inject must fire and
// every ending be reached in some run, and no bot may have a command
// refused.
func TestEverythingIsReachable(t *testing.T) {
	for _, id := range injects.BuiltinIDs() {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			sc := builtin(t, id)
			fired := map[string]bool{}
			ended := map[string]bool{}
			for _, us := range sc.Sides[injects.US].Counterparts {
				for _, cn := range sc.Sides[injects.CN].Counterparts {
					for seed := uint64(1); seed <= reachSeeds; seed++ {
						st, err := game.Play(sc, seed, [2]string{us, cn}, func(_ *game.State, ev *game.Event) {
							if ev.Type == game.InjectFired {
								fired[ev.Inject] = true
							}
						})
						if err != nil {
							t.Fatalf("%s/%s seed %d: a bot's command was refused: %v", us, cn, seed, err)
						}
						if !st.Ended {
							t.Fatalf("%s/%s seed %d: the exercise did not end", us, cn, seed)
						}
						ended[st.Ending] = true
					}
				}
			}
			for _, in := range sc.Injects {
				if !fired[in.ID] {
					t.Errorf("inject %q never fired", in.ID)
				}
			}
			for _, en := range sc.Endings {
				if !ended[en.ID] {
					t.Errorf("ending %q was never reached", en.ID)
				}
			}
			if ended[""] {
				t.Errorf("some runs ended with no ending")
			}
		})
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
