package game_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// docExample is a worked example of docs/review.md: the run its command
// plays, and the excerpts of the printed output the page quotes.
type docExample struct {
	line     int // where the command is in the page
	args     []string
	excerpts [][]string
}

// docExamples reads the ```sh blocks that run a scenario and the ```text
// blocks that follow each, up to the next command.
func docExamples(t *testing.T, path string) []docExample {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []docExample
	var block []string
	fence, n := "", 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case fence == "" && strings.HasPrefix(line, "```"):
			fence, block = strings.TrimPrefix(line, "```"), nil
		case fence != "" && line == "```":
			switch {
			case fence == "sh" && len(block) == 1 && strings.HasPrefix(block[0], "hotline run "):
				out = append(out, docExample{line: n - 1, args: strings.Fields(strings.TrimPrefix(block[0], "hotline run "))})
			case fence == "text" && len(out) > 0:
				last := &out[len(out)-1]
				last.excerpts = append(last.excerpts, block)
			}
			fence = ""
		case fence != "":
			block = append(block, line)
		}
	}
	return out
}

// TestReviewDocExamples plays each worked example of docs/review.md and
// checks that what the page quotes is what the run prints, line for line.
func TestReviewDocExamples(t *testing.T) {
	path := filepath.Join("..", "docs", "review.md")
	examples := docExamples(t, path)
	if len(examples) < 3 {
		t.Fatalf("%s has %d worked examples; want at least 3", path, len(examples))
	}
	for _, ex := range examples {
		t.Run(strconv.Itoa(ex.line), func(t *testing.T) {
			scenario, seed, players := "", uint64(1), [2]string{}
			for i := 0; i+1 < len(ex.args); i += 2 {
				v := ex.args[i+1]
				switch ex.args[i] {
				case "--scenario":
					scenario = v
				case "--seed":
					s, err := strconv.ParseUint(v, 10, 64)
					if err != nil {
						t.Fatalf("%s:%d: seed %q", path, ex.line, v)
					}
					seed = s
				case "--us":
					players[0] = v
				case "--cn":
					players[1] = v
				default:
					t.Fatalf("%s:%d: the test does not know the flag %s", path, ex.line, ex.args[i])
				}
			}
			if len(ex.excerpts) == 0 {
				t.Fatalf("%s:%d: the example quotes nothing of its run", path, ex.line)
			}
			got := strings.Split(string(transcript(t, builtin(t, scenario), seed, players)), "\n")
			for _, want := range ex.excerpts {
				if !containsLines(got, want) {
					t.Errorf("%s:%d: the run does not print:\n%s", path, ex.line, strings.Join(want, "\n"))
				}
			}
		})
	}
}

// containsLines reports whether want appears in got as consecutive lines.
func containsLines(got, want []string) bool {
	for i := 0; i+len(want) <= len(got); i++ {
		match := true
		for j := range want {
			if strings.TrimRight(got[i+j], " ") != strings.TrimRight(want[j], " ") {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
