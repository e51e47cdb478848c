package markdown

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"hotline/injects"
)

const sample = `**Forensic teams confirm a breach.**

The company asks the FBI to:

- **preserve** the servers' logs and disk images, every one of them, for the investigation
- **mitigate** by taking the servers offline,
  - within the day

1. The pledge covers *theft for commercial advantage*.
2. The cooperation clause covers requests.

## What we know

> China will deny any role, as it has before, and say the United States spies too.

See [the fact sheet](https://obamawhitehouse.archives.gov/the-press-office/2015/09/25/fact-sheet) and ` + "`rfa-cascade`" + `.

` + "```" + `
203.0.113.7   2015-09-14 02:11
` + "```" + `

---

| part | due |
| --- | --- |
| acknowledge | 12 hours |
| preserve | 1 day |
`

func plain(s string) string { return ansi.Strip(s) }

func TestRenderKeepsWithinTheWidth(t *testing.T) {
	for _, width := range []int{20, 40, 80, 160} {
		out := Render(sample, width, DefaultStyles(true))
		for _, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("at %d columns a line is %d wide: %q", width, w, plain(l))
			}
		}
	}
}

func TestRenderDrawsEachBlock(t *testing.T) {
	got := plain(Render(sample, 60, DefaultStyles(true)))
	want := `  Forensic teams confirm a breach.

  The company asks the FBI to:

  • preserve the servers' logs and disk images, every one
    of them, for the investigation
  • mitigate by taking the servers offline,
    • within the day

  1. The pledge covers theft for commercial advantage.
  2. The cooperation clause covers requests.

  ## What we know

  │ China will deny any role, as it has before, and say
  │ the United States spies too.

  See the fact sheet
  https://obamawhitehouse.archives.gov/the-press-
  office/2015/09/25/fact-sheet and ` + "\u00a0rfa-cascade\u00a0" + `.

    203.0.113.7   2015-09-14 02:11

  ────────────────────────────────────────

  part        │ due
  ────────────┼─────────
  acknowledge │ 12 hours
  preserve    │ 1 day`
	if got != want {
		t.Errorf("rendered:\n%s\nwant:\n%s", got, want)
	}
}

// A line's styles end with it: what a screen puts beside or before it
// (a margin, a quote's bar, a border) keeps its own colours.
func TestRenderEndsEachLinesStyles(t *testing.T) {
	out := Render(sample, 40, DefaultStyles(false))
	for _, l := range strings.Split(out, "\n") {
		if i := strings.LastIndex(l, "\x1b["); i >= 0 && !strings.HasSuffix(l[i:], "m") {
			t.Errorf("a style sequence is cut: %q", l)
		} else if i >= 0 && lastStyle(l) != "" {
			t.Errorf("a line leaves a style open: %q", l)
		}
	}
}

// Every briefing, request and message of the built-in scenarios renders
// without losing a word.
func TestRenderKeepsEveryWordOfTheBuiltInScenarios(t *testing.T) {
	for _, id := range injects.BuiltinIDs() {
		sc, diags := injects.LoadBuiltin(id)
		if sc == nil {
			t.Fatal(diags)
		}
		var bodies []string
		for _, in := range sc.Injects {
			bodies = append(bodies, in.Body)
		}
		for _, r := range sc.Requests {
			bodies = append(bodies, r.Body)
		}
		for _, b := range bodies {
			out := plain(Render(b, 50, DefaultStyles(true)))
			for _, word := range strings.Fields(strings.NewReplacer("*", "", "`", "", "_", " ").Replace(b)) {
				if strings.HasPrefix(word, "-") || strings.HasSuffix(word, ".") && len(word) <= 3 && word[0] >= '0' && word[0] <= '9' {
					continue // list marks
				}
				if !strings.Contains(strings.Join(strings.Fields(out), " "), word) && !strings.Contains(strings.ReplaceAll(out, "\n  ", ""), word) {
					t.Errorf("%s: %q is missing from the rendered body:\n%s", id, word, out)
					break
				}
			}
		}
	}
}

func BenchmarkRender(b *testing.B) {
	st := DefaultStyles(true)
	for b.Loop() {
		Render(sample, 70, st)
	}
}
