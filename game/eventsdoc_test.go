package game_test

import (
	"encoding/json"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"hotline/game"
	"hotline/injects"
)

// TestEventsAreDocumented checks docs/events.md against the log: every
// event type has a section, and every field that runs write (on an event,
// in the start record, in a scorecard) is named in the section that
// documents it.
func TestEventsAreDocumented(t *testing.T) {
	data, err := os.ReadFile("../docs/events.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	sections := map[string]string{} // event type -> its section
	parts := regexp.MustCompile("(?m)^### `([a-z.-]+)`\n").FindAllStringSubmatchIndex(doc, -1)
	for i, m := range parts {
		end := len(doc)
		if i+1 < len(parts) {
			end = parts[i+1][0]
		}
		sections[doc[m[2]:m[3]]] = doc[m[1]:end]
	}
	for typ := game.EventType(0); !strings.HasPrefix(typ.String(), "event("); typ++ {
		if _, ok := sections[typ.String()]; !ok {
			t.Errorf("docs/events.md has no section \"### `%s`\"", typ)
		}
	}
	section := func(title string) string {
		i := strings.Index(doc, "\n## "+title+"\n")
		if i < 0 {
			t.Fatalf("docs/events.md has no section %q", title)
		}
		rest := doc[i+1:]
		if j := strings.Index(rest[3:], "\n## "); j >= 0 {
			rest = rest[:j+3]
		}
		return rest
	}
	fields, start, scorecard := section("Lines and fields"), section("The start record"), section("The scorecard")

	// Fields as runs write them: several scenarios and pairs of bots, and a
	// sitting stopped midway.
	seen := map[string]map[string]bool{} // type -> fields
	note := func(b []byte) {
		var line map[string]json.RawMessage
		if err := json.Unmarshal(b, &line); err != nil {
			t.Fatal(err)
		}
		var typ string
		json.Unmarshal(line["type"], &typ)
		if seen[typ] == nil {
			seen[typ] = map[string]bool{}
		}
		for k := range line {
			seen[typ][k] = true
		}
		if raw, ok := line["start"]; ok {
			documented(t, start, "start record", raw, "")
		}
		if raw, ok := line["review"]; ok {
			documented(t, scorecard, "scorecard", raw, "")
		}
		for _, k := range []string{"feedback", "corrective_action"} {
			if raw, ok := line[k]; ok {
				documented(t, sections[typ], typ+" line's "+k, raw, "")
			}
		}
	}
	observe := func(_ *game.State, ev *game.Event) {
		b, err := json.Marshal(ev)
		if err != nil {
			t.Fatal(err)
		}
		note(b)
	}
	for _, id := range injects.BuiltinIDs() {
		sc := builtin(t, id)
		for _, pair := range [][2]string{{"cooperative", "slow-walking"}, {"stonewalling", "by-the-book"}, {"slow-walking", "stonewalling"}} {
			if _, err := game.Play(sc, 3, pair, observe); err != nil {
				t.Fatal(err)
			}
		}
	}
	s, err := game.NewSession(builtin(t, "opm-breach"), 1, [2]string{"", "default"}, observe)
	if err != nil {
		t.Fatal(err)
	}
	s.Advance(48 * time.Hour)
	s.Engine.Observe(observe)
	s.Engine.Stop()

	// After play: a class's feedback form and hotwash record.
	class, err := game.NewClass(builtin(t, "opm-breach"), 1, "Ms Rivera", observe)
	if err != nil {
		t.Fatal(err)
	}
	white, _ := class.Engine.Actor("Ms Rivera")
	for _, cmd := range []game.Command{
		{Verb: game.Seat, Person: game.Person{Name: "Ana", Role: game.Player, Team: "fbi"}},
		{Verb: game.EndExercise},
		{Verb: game.AnswerHotwash, Question: "Q1", Title: "What worked?", Text: "The hotline."},
		{Verb: game.AgreeAction, Correction: game.CorrectiveAction{Row: "A1", Issue: "A1", Title: "Late", Action: "Drill", Capability: "Timely responses",
			Element: "training", Organization: "FBI", Contact: "J. Doe", Start: "2026-12-01", Completion: "2027-01-01"}},
	} {
		if err := class.Do(white, cmd); err != nil {
			t.Fatal(err)
		}
	}
	ana, _ := class.Engine.Actor("Ana")
	if err := class.Do(ana, game.Command{Verb: game.GiveFeedback, Feedback: game.FeedbackForm{Ratings: []int{4}, Answers: []string{"Good."}}}); err != nil {
		t.Fatal(err)
	}

	for typ, keys := range seen {
		sec, ok := sections[typ]
		if !ok {
			t.Errorf("runs write events of type %q, which docs/events.md does not document", typ)
			continue
		}
		for k := range keys {
			switch k {
			case "seq", "at", "type":
				if !strings.Contains(fields, "| `"+k+"` |") {
					t.Errorf("docs/events.md does not describe the field %q every line has", k)
				}
			default:
				if !strings.Contains(sec, "`"+k+"`") {
					t.Errorf("the section on %s does not name its field %q", typ, k)
				}
				if !strings.Contains(fields, "| `"+k+"` |") {
					t.Errorf("the table of fields lacks %q", k)
				}
			}
		}
	}
	if len(seen) < 20 {
		var types []string
		for typ := range seen {
			types = append(types, typ)
		}
		sort.Strings(types)
		t.Errorf("the runs wrote only %d event types: %v", len(seen), types)
	}
}

// documented checks that every key of a JSON object, and of the objects
// within it, is named in the section.
func documented(t *testing.T, section, what string, raw json.RawMessage, path string) {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch x := v.(type) {
		case map[string]any:
			for k, sub := range x {
				if !strings.Contains(section, "`"+k+"`") {
					t.Errorf("the %s's field %s%s is not documented in docs/events.md", what, path, k)
				}
				walk(sub, path+k+".")
			}
		case []any:
			for _, sub := range x {
				walk(sub, path)
			}
		}
	}
	walk(v, path)
}
