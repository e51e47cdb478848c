package game_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"hotline/game"
	"hotline/injects"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenSeed is the seed of every golden transcript: hotline run's default.
const goldenSeed = 1

// goldenPairs are the profile pairs (US, China) with a golden transcript
// for each built-in scenario.
var goldenPairs = [][2]string{
	{"cooperative", "cooperative"},
	{"by-the-book", "slow-walking"},
	{"stonewalling", "cooperative"},
	{"slow-walking", "stonewalling"},
}

// transcript plays a scenario headless and writes what "hotline run" prints:
// a line per event (a meeting's review in full), the closing review and the
// outcome.
func transcript(t *testing.T, sc *injects.Scenario, seed uint64, profiles [2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	st, err := game.Play(sc, seed, profiles, func(st *game.State, ev *game.Event) {
		game.WriteTranscriptLine(&b, st, ev)
	})
	if err != nil {
		t.Fatalf("a bot's command was refused: %v", err)
	}
	if !st.Ended {
		t.Fatal("the exercise did not end")
	}
	b.WriteString("\n")
	if err := game.WriteReview(&b, sc, st.Reviews[len(st.Reviews)-1]); err != nil {
		t.Fatal(err)
	}
	game.WriteOutcome(&b, st)
	return b.Bytes()
}

func TestGoldenTranscripts(t *testing.T) {
	for _, id := range injects.BuiltinIDs() {
		sc := builtin(t, id)
		for _, pair := range goldenPairs {
			name := fmt.Sprintf("%s-%s-%s", id, pair[0], pair[1])
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				got := transcript(t, sc, goldenSeed, pair)
				path := filepath.Join("testdata", "golden", name+".txt")
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./game -update to write it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("the transcript differs from %s (go test ./game -update rewrites it):\n%s", path, diffLines(want, got))
				}
			})
		}
	}
}

// diffLines shows the first lines where two texts differ.
func diffLines(want, got []byte) string {
	w, g := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	var b bytes.Buffer
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl []byte
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if !bytes.Equal(wl, gl) {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}
