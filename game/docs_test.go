package game_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hotline/game/playtest"
)

// docExample is a worked example of docs/review.md: the run its command
// plays (hotline run), or the playtest it runs (hotline test), and the
// excerpts of the printed output the page quotes.
type docExample struct {
	line     int // where the command is in the page
	args     []string
	test     string // the playtest's path, from the repository's root
	excerpts [][]string
}

// docExamples reads the ```sh blocks that run a scenario or a playtest and
// the ```text blocks that follow each, up to the next command.
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
			case fence == "sh" && len(block) == 1 && strings.HasPrefix(block[0], "hotline test "):
				out = append(out, docExample{line: n - 1, test: strings.TrimSpace(strings.TrimPrefix(block[0], "hotline test "))})
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
	// The rules the page explains each have a worked example under their
	// heading, before the next heading of the same level or above.
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(page), "\n")
	for _, heading := range []string{"### What a ground covers", "## Escalation", "## Sanctions", "## Verification"} {
		start := slices.Index(lines, heading)
		if start < 0 {
			t.Errorf("%s has no section %q", path, heading)
			continue
		}
		level := strings.Fields(heading)[0] + " "
		end := len(lines)
		for i := start + 1; i < len(lines); i++ {
			if l := lines[i]; strings.HasPrefix(l, "#") && len(strings.Fields(l)[0]) <= len(level)-1 {
				end = i
				break
			}
		}
		if !slices.ContainsFunc(examples, func(ex docExample) bool { return ex.line > start && ex.line <= end }) {
			t.Errorf("%s: the section %q has no worked example", path, heading)
		}
	}
	for _, ex := range examples {
		t.Run(strconv.Itoa(ex.line), func(t *testing.T) {
			if len(ex.excerpts) == 0 {
				t.Fatalf("%s:%d: the example quotes nothing of its run", path, ex.line)
			}
			var got []string
			if ex.test != "" {
				got = playtestOutput(t, ex.test)
			} else {
				got = runOutput(t, path, ex)
			}
			for _, want := range ex.excerpts {
				if !containsLines(got, want) {
					t.Errorf("%s:%d: the run does not print:\n%s", path, ex.line, strings.Join(want, "\n"))
				}
			}
		})
	}
}

// runOutput plays the run a hotline run example names and returns its
// transcript's lines.
func runOutput(t *testing.T, path string, ex docExample) []string {
	t.Helper()
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
	return strings.Split(string(transcript(t, builtin(t, scenario), seed, players)), "\n")
}

// playtestOutput runs the playtest a hotline test example names and
// returns what hotline test prints of it, line by line.
func playtestOutput(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", file))
	if err != nil {
		t.Fatal(err)
	}
	pt, err := playtest.Parse(file, data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := playtest.Run(pt, builtin(t, pt.Scenario))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Failures) == 0 {
		return []string{fmt.Sprintf("ok    %s", r.File)}
	}
	out := []string{"FAIL  " + r.File}
	for _, f := range r.Failures {
		out = append(out, f.String())
	}
	return out
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
