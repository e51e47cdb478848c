package debrief_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"hotline/game"
	"hotline/game/debrief"
	"hotline/injects"
)

// goldenPair is the profile pair of the built-in scenarios' report
// goldens: a side that answers by the book against one that slow-walks,
// so that both strengths and areas for improvement show.
var goldenPair = [2]string{"by-the-book", "slow-walking"}

// played is when the goldens say the runs were played.
const playedOn = "Mon 23 Nov 2026 14:15 (when the log was last written)"

func TestReports(t *testing.T) {
	type run struct {
		name   string
		sc     *injects.Scenario
		events []game.Event
		html   bool
	}
	var runs []run
	for _, id := range injects.BuiltinIDs() {
		sc := builtin(t, id)
		runs = append(runs, run{"report-" + id, sc, played(t, sc, 1, goldenPair), id == "campaign"})
	}
	sc, events := classRun(t)
	runs = append(runs, run{"report-port-class", sc, events, true})
	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			rep, err := debrief.NewReport(r.sc, r.events, debrief.Info{Log: r.name + ".jsonl", Played: playedOn})
			if err != nil {
				t.Fatal(err)
			}
			md := write(t, rep.WriteMarkdown)
			page := write(t, rep.WriteHTML)
			js := jsonOf(t, rep)
			selfContained(t, page)
			golden(t, r.name+".md", md)
			golden(t, r.name+".json", js)
			if r.html {
				golden(t, r.name+".html", page)
			}
			// The JSON holds all of it: read back, it renders the same.
			again, err := debrief.ReadReport(js)
			if err != nil {
				t.Fatal(err)
			}
			if got := write(t, again.WriteMarkdown); !bytes.Equal(got, md) {
				t.Errorf("the report read back from its JSON renders other Markdown:\n%s", diffLines(md, got))
			}
			if got := write(t, again.WriteHTML); !bytes.Equal(got, page) {
				t.Errorf("the report read back from its JSON renders other HTML:\n%s", diffLines(page, got))
			}
		})
	}
}

// The review in a report is computed afresh from the events: a scorecard
// edited into the events changes nothing.
func TestReportComputesTheReviewAfresh(t *testing.T) {
	sc := builtin(t, "assistance-request")
	events := played(t, sc, 1, goldenPair)
	honest, err := debrief.NewReport(sc, events, debrief.Info{})
	if err != nil {
		t.Fatal(err)
	}
	forged := make([]game.Event, len(events))
	copy(forged, events)
	for i := range forged {
		if forged[i].Type == game.ReviewHeld {
			card := *forged[i].Review
			card.Sides[injects.CN].Score, card.Sides[injects.US].Score = 100, 100
			card.Requests = nil
			forged[i].Review = &card
		}
	}
	lied, err := debrief.NewReport(sc, forged, debrief.Info{})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := write(t, honest.WriteMarkdown), write(t, lied.WriteMarkdown); !bytes.Equal(a, b) {
		t.Errorf("a forged scorecard changed the report:\n%s", diffLines(a, b))
	}
}

// The facilitator changes a rating and fills in the plan in the report's
// JSON; the report renders again with them, and says who set the rating.
func TestReportEditedByTheFacilitator(t *testing.T) {
	sc, events := classRun(t)
	rep, err := debrief.NewReport(sc, events, debrief.Info{})
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(jsonOf(t, rep), &doc); err != nil {
		t.Fatal(err)
	}
	obj := doc["objectives"].([]any)[0].(map[string]any)
	us := obj["sides"].([]any)[0].(map[string]any)
	if us["rating"] != "S" || us["evaluated"] != "S" || us["derived"] != "M" {
		t.Fatalf("the first objective's US rating is %v (evaluated %v, derived %v); the test expects S, S, M", us["rating"], us["evaluated"], us["derived"])
	}
	us["rating"], us["note"] = "P", "the decline was agreed with the White Cell beforehand"
	row := doc["improvement_plan"].([]any)[0].(map[string]any)
	row["corrective_action"], row["primary_responsible_organization"], row["point_of_contact"] = "Drill the acknowledgement", "FBI legal attaché", "J. Doe"
	row["capability_element"], row["start_date"], row["completion_date"] = "training", "2026-12-01", "2027-03-31"
	edited, _ := json.Marshal(doc)
	again, err := debrief.ReadReport(edited)
	if err != nil {
		t.Fatal(err)
	}
	md, page := string(write(t, again.WriteMarkdown)), string(write(t, again.WriteHTML))
	for _, want := range []string{
		"| answer-fast | P (facilitator) |",
		"United States: P, performed without challenges (set by the facilitator: the decline was agreed with the White Cell beforehand; evaluators rated S; the events give M).",
		"| Drill the acknowledgement | training | FBI legal attaché | J. Doe | Tue 01 Dec 2026 | Wed 31 Mar 2027 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the edited report's Markdown lacks %q", want)
		}
	}
	for _, want := range []string{`<span class="rating rating-P" title="performed without challenges">P</span> <small>facilitator</small>`, "Drill the acknowledgement"} {
		if !strings.Contains(page, want) {
			t.Errorf("the edited report's HTML lacks %q", want)
		}
	}
}

func TestReadReportRefuses(t *testing.T) {
	sc, events := classRun(t)
	rep, err := debrief.NewReport(sc, events, debrief.Info{})
	if err != nil {
		t.Fatal(err)
	}
	good := string(jsonOf(t, rep))
	cases := []struct{ name, text, want string }{
		{"not JSON", "{", "not a report saved as JSON: not valid JSON at byte 1"},
		{"a log line", `{"seq":1,"at":"0m","type":"exercise.started"}`, `its kind is "", not "hotline after-action report"`},
		{"a newer format", strings.Replace(good, `"format": 2`, `"format": 3`, 1), "the report is in format 3; this hotline reads format 2"},
		{"an older format", strings.Replace(good, `"format": 2`, `"format": 1`, 1), "the report is in format 1; this hotline reads format 2"},
		{"a rating off the scale", strings.Replace(good, `"rating": "S"`, `"rating": "Q"`, 1), `"Q" is not a rating; the ratings are P, S, M and U, or empty for none`},
		{"a wrong type", strings.Replace(good, `"format": 2`, `"format": "one"`, 1), "format holds string where the report has something else"},
		{"a review row cut", strings.Replace(good, `"requests received",`, ``, 1), "a row of the review's summary has 2 cells, not 3"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := debrief.ReadReport([]byte(tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ReadReport: %v; want an error saying %q", err, tc.want)
			}
		})
	}
}

// A report read back from JSON that someone cut down still renders, in
// every format, without breaking.
func TestReportRendersWhatItIsGiven(t *testing.T) {
	for i, text := range []string{
		fmt.Sprintf(`{"kind":%q,"format":2}`, debrief.ReportKind),
		fmt.Sprintf(`{"kind":%q,"format":2,"timeline":{"ladder":{"points":[{"us":9,"cn":-1,"rung":7,"side":"cn"}]},"meters":[{"id":"trust"}],"calls":[{"call":1,"answered":{"at":"1h"},"promise":"kept"}],"days":[{"time":"x"}]}}`, debrief.ReportKind),
	} {
		r, err := debrief.ReadReport([]byte(text))
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		write(t, r.WriteMarkdown)
		write(t, r.WriteHTML)
	}
}
