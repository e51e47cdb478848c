package debrief_test

import (
	"strings"
	"testing"

	"hotline/game"
	"hotline/game/debrief"
)

func TestComparisons(t *testing.T) {
	sc := builtin(t, "opm-breach")
	var runs []debrief.Run
	for i, pair := range [][2]string{{"cooperative", "cooperative"}, goldenPair, {"stonewalling", "cooperative"}} {
		runs = append(runs, debrief.Run{Name: []string{"table-a.jsonl", "table-b.jsonl", "table-c.jsonl"}[i], Events: played(t, sc, 1, pair)})
	}
	c, err := debrief.NewComparison(sc, runs)
	if err != nil {
		t.Fatal(err)
	}
	// Each objective's ratings stand side by side, and each parting says
	// whose decision it was.
	if len(c.Ratings) != len(sc.Objectives) || len(c.Ratings[0]) != 1+len(runs) {
		t.Errorf("ratings: %v", c.Ratings)
	}
	for _, p := range c.Partings {
		if p.Whose == "" {
			t.Errorf("%s: nobody decided it", p.ID)
		}
	}
	golden(t, "compare-opm-breach.txt", write(t, c.WriteText))
	golden(t, "compare-opm-breach.md", write(t, c.WriteMarkdown))
	page := write(t, c.WriteHTML)
	selfContained(t, page)
	golden(t, "compare-opm-breach.html", page)
	golden(t, "compare-opm-breach.json", jsonOf(t, c))

	// The tests' own scenario: a class's run against a headless one.
	port, class := classRun(t)
	c, err = debrief.NewComparison(port, []debrief.Run{{Name: "class.jsonl", Events: class}, {Name: "bots.jsonl", Events: played(t, port, 2, goldenPair)}})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "compare-port.txt", write(t, c.WriteText))
}

// Runs of different scenarios, or of different versions of one, are not
// compared, with one line that names the logs.
func TestCompareRefusesOtherScenarios(t *testing.T) {
	opm, port := builtin(t, "opm-breach"), own(t)
	a := debrief.Run{Name: "a.jsonl", Events: played(t, opm, 1, goldenPair)}
	b := debrief.Run{Name: "b.jsonl", Events: played(t, port, 1, goldenPair)}
	err := debrief.SameScenario([]debrief.Run{a, b})
	if err == nil || err.Error() != "a.jsonl is a run of opm-breach and b.jsonl a run of port: compare runs of one scenario" {
		t.Errorf("SameScenario: %v", err)
	}
	c := a
	c.Name = "c.jsonl"
	start := *c.Events[0].Start
	start.Digest = strings.Repeat("0", 64)
	c.Events = append([]game.Event{{Seq: 1, Type: game.Started, Start: &start}}, c.Events[1:]...)
	if err := debrief.SameScenario([]debrief.Run{a, c}); err == nil || !strings.Contains(err.Error(), "a.jsonl and c.jsonl are runs of different versions of opm-breach") {
		t.Errorf("SameScenario: %v", err)
	}
}
