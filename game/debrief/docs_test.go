package debrief_test

import (
	"encoding/json"
	"os"
	"regexp"
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

// docs/debrief.md's table of the fields a facilitator edits names fields
// the report's JSON has, every one of them: the summary's, the ratings,
// the areas' reference and root cause, the hotwash's answers, and every
// column of the improvement plan.
func TestDocsGiveTheEditableFields(t *testing.T) {
	data, err := os.ReadFile("../../docs/debrief.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	i := strings.Index(doc, "### Editing the report")
	if i < 0 {
		t.Fatal("docs/debrief.md has no section on editing the report")
	}
	doc = doc[i:]
	sc, events := classRun(t)
	rep, err := debrief.NewReport(sc, events, debrief.Info{})
	if err != nil {
		t.Fatal(err)
	}
	var report map[string]any
	json.Unmarshal(jsonOf(t, rep), &report)
	first := func(v any) map[string]any {
		switch x := v.(type) {
		case []any:
			return x[0].(map[string]any)
		case map[string]any:
			return x
		}
		t.Fatalf("%v is neither an object nor a list", v)
		return nil
	}
	objects := map[string]map[string]any{
		"the report":                report,
		"`executive_summary`":       first(report["executive_summary"]),
		"`objectives[].sides[]`":    first(first(report["objectives"])["sides"]),
		"`areas_for_improvement[]`": first(report["areas_for_improvement"]),
		"`hotwash.questions[]`":     first(first(report["hotwash"])["questions"]),
		"`improvement_plan[]`":      first(report["improvement_plan"]),
		"`feedback`":                first(report["feedback"]),
	}
	editable := map[string][]string{
		"the report":                {"status"},
		"`executive_summary`":       {"exercised", "outcome", "next", "strengths", "areas_for_improvement"},
		"`objectives[].sides[]`":    {"rating", "note"},
		"`areas_for_improvement[]`": {"reference", "root_cause"},
		"`hotwash.questions[]`":     {"answer"},
		"`improvement_plan[]`":      nil, // every field of a row
		"`feedback`":                {"ratings", "questions"},
	}
	for k := range objects["`improvement_plan[]`"] {
		editable["`improvement_plan[]`"] = append(editable["`improvement_plan[]`"], k)
	}
	for where, fields := range editable {
		for _, f := range fields {
			if _, ok := objects[where][f]; !ok {
				t.Errorf("%s has no field %q in the report's JSON", where, f)
			}
			if !regexp.MustCompile("(?m)^\\| " + regexp.QuoteMeta(where) + " \\| [^|]*`" + regexp.QuoteMeta(f) + "`").MatchString(doc) {
				t.Errorf("docs/debrief.md's table of editable fields lacks %s's `%s`", where, f)
			}
		}
	}
}
