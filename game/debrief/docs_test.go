package debrief_test

import (
	"os"
	"strings"
	"testing"

	"hotline/game/debrief"
)

// docs/debrief.md gives the rating rules as the report prints them.
func TestDocsGiveTheRatingRules(t *testing.T) {
	data, err := os.ReadFile("../../docs/debrief.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Join(strings.Fields(string(data)), " ")
	sc, events := classRun(t)
	rep, err := debrief.NewReport(sc, events, debrief.Info{})
	if err != nil {
		t.Fatal(err)
	}
	for i, rule := range rep.RatingRules {
		if !strings.Contains(doc, strings.Join(strings.Fields(rule), " ")) {
			t.Errorf("docs/debrief.md lacks rating rule %d as the report gives it: %q", i+1, rule)
		}
	}
}
