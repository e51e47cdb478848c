package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHandbookCommand(t *testing.T) {
	out, errOut, status := hotline(t, "handbook", "opm-breach", "--side", "us")
	if status != 0 || !strings.Contains(out, "\n# Situation manual: Personnel records") || strings.Contains(out, "Controller notes") {
		t.Errorf("handbook --side us: status %d, stderr %q\n%.300s", status, errOut, out)
	}
	out, _, _ = hotline(t, "handbook", "opm-breach")
	if !strings.Contains(out, "Controller notes") || !strings.Contains(out, "Facilitator's edition") {
		t.Errorf("the default handbook is not the facilitator's:\n%.300s", out)
	}
	// A facilitator's own file, as HTML from the output's name.
	dir := t.TempDir()
	file, page := write(t, "port.yaml", goodFile), filepath.Join(dir, "cn.html")
	if _, errOut, status := hotline(t, "handbook", file, "--side", "cn", "-o", page); status != 0 || !strings.Contains(errOut, "Wrote "+page) {
		t.Fatalf("handbook -o: status %d, %q", status, errOut)
	}
	if b, _ := os.ReadFile(page); !strings.HasPrefix(string(b), "<!DOCTYPE html>") || !strings.Contains(string(b), "Ransomware at the port") {
		t.Errorf("handbook -o cn.html wrote:\n%.300s", b)
	}
	// The sitting, given on the command line: the cover and the agenda's
	// clock, at the class's pace.
	out, errOut, status = hotline(t, "handbook", "opm-breach", "--side", "cn", "--date", "2026-11-23", "--start", "14:00", "--speed", "1h",
		"--location", "Room 204", "--organization", "School of Public Policy", "--organization", "Port Authority", "--draft")
	for _, want := range []string{"**Draft** · China delegation's edition", "| Date | Mon 23 Nov 2026 |", "| Location | Room 204 |",
		"| Participating organizations | School of Public Policy; Port Authority |", "| 14:00–14:20 | Briefing |", "| 14:20–14:35 | Play |",
		"Play is 15 minutes: the scenario's playing time (30 minutes at 30 story minutes a second), at the class's pace of 1 story hour a second."} {
		if status != 0 || !strings.Contains(out, want) {
			t.Errorf("handbook with the sitting's flags lacks %q (status %d, %q)", want, status, errOut)
		}
	}
	out, _, _ = hotline(t, "handbook", "opm-breach", "--eeg")
	if !strings.Contains(out, "# Exercise Evaluation Guide: Personnel records") || !strings.Contains(out, "| Critical task | Observed (story time) | Notes |") {
		t.Errorf("handbook --eeg:\n%.400s", out)
	}
	for _, args := range [][]string{{"handbook"}, {"handbook", "opm-breach", "--side", "uk"}, {"handbook", "opm-breach", "--format", "pdf"},
		{"handbook", "opm-breach", "--date", "23/11/2026"}, {"handbook", "opm-breach", "--start", "2pm"}} {
		if _, errOut, status := hotline(t, args...); status != 2 || !strings.Contains(errOut, "hotline: ") {
			t.Errorf("%v: status %d, %q", args, status, errOut)
		}
	}
	if _, errOut, status := hotline(t, "handbook", "nope"); status != 2 || !strings.Contains(errOut, `no built-in scenario "nope"`) {
		t.Errorf("handbook nope: status %d, %q", status, errOut)
	}
}

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	logPath := filepath.Join(dir, "run.jsonl")
	if _, _, status := hotline(t, "run", "--scenario", "assistance-request", "--cn", "slow-walking", "--log", logPath); status != 0 {
		t.Fatal("run failed")
	}
	out, errOut, status := hotline(t, "report", logPath)
	if status != 0 || !strings.HasPrefix(out, "**Draft** · After-action report") || !strings.Contains(out, "\n# After-action report: Requests for assistance") ||
		!strings.Contains(out, "## 9. Improvement plan") || !strings.Contains(out, "## Executive summary") || !strings.Contains(out, "by Hotline's rules: a draft") {
		t.Fatalf("report: status %d, %q\n%.300s", status, errOut, out)
	}
	// Saved as JSON, a rating changed, rendered again as HTML.
	saved := filepath.Join(dir, "aar.json")
	if _, errOut, status := hotline(t, "report", logPath, "-o", saved); status != 0 {
		t.Fatalf("report -o aar.json: status %d, %q", status, errOut)
	}
	var doc map[string]any
	data, _ := os.ReadFile(saved)
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("report -o aar.json wrote no JSON: %v", err)
	}
	cn := doc["objectives"].([]any)[0].(map[string]any)["sides"].([]any)[1].(map[string]any)
	cn["rating"], cn["note"] = "U", "nothing useful reached the FBI"
	edited, _ := json.MarshalIndent(doc, "", "  ")
	if err := os.WriteFile(saved, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, status = hotline(t, "report", saved, "--format", "html")
	if status != 0 || !strings.Contains(out, "set by the facilitator: nothing useful reached the FBI") {
		t.Errorf("report aar.json --format html: status %d, %q\n%.300s", status, errOut, out)
	}
	// Edited, it is the facilitator's: final on every page, and no longer
	// said to be the rules' draft.
	if !strings.Contains(out, "<strong>Final</strong>") || !strings.Contains(out, "then reviewed and edited by the facilitator") || strings.Contains(out, "by Hotline's rules") {
		t.Errorf("the edited report does not say it was edited:\n%.600s", out)
	}
	cn["rating"] = "X"
	edited, _ = json.Marshal(doc)
	os.WriteFile(saved, edited, 0o644)
	if _, errOut, status := hotline(t, "report", saved); status != 1 || !strings.Contains(errOut, `"X" is not a rating`) {
		t.Errorf("a report with a bad rating: status %d, %q", status, errOut)
	}
	// A plan's date in words, and a field the report does not know, are
	// refused in words that say which.
	cn["rating"] = "U"
	row := doc["improvement_plan"].([]any)[0].(map[string]any)
	row["completion_date"] = "yesterday"
	edited, _ = json.Marshal(doc)
	os.WriteFile(saved, edited, 0o644)
	if _, errOut, status := hotline(t, "report", saved); status != 1 || !strings.Contains(errOut, `the completion date "yesterday" is not a date: write it as year-month-day, like 2026-12-01`) {
		t.Errorf("a plan due yesterday: status %d, %q", status, errOut)
	}
	row["completion_date"], row["owner"] = "2027-03-31", "the FBI"
	edited, _ = json.Marshal(doc)
	os.WriteFile(saved, edited, 0o644)
	if _, errOut, status := hotline(t, "report", saved); status != 1 || !strings.Contains(errOut, `improvement_plan[0] (A1).owner`) {
		t.Errorf("a field the report does not know: status %d, %q", status, errOut)
	}

	// An edited log is refused, as review refuses it; the report never
	// writes over its log.
	forged := write(t, "forged.jsonl", strings.Replace(string(mustRead(t, logPath)), `"quality":"adequate"`, `"quality":"thorough"`, 1))
	if _, errOut, status := hotline(t, "report", forged); status != 1 || !strings.Contains(errOut, "differs from what its commands make") {
		t.Errorf("report of a forged log: status %d, %q", status, errOut)
	}
	if _, errOut, status := hotline(t, "report", logPath, "-o", logPath); status != 2 || !strings.Contains(errOut, "would write over the file the document is made from") {
		t.Errorf("report -o LOG: status %d, %q", status, errOut)
	}
	if _, errOut, status := hotline(t, "report", filepath.Join(dir, "none.jsonl")); status != 1 || !strings.Contains(errOut, "reading") {
		t.Errorf("report of no file: status %d, %q", status, errOut)
	}
}

func TestCompareCommand(t *testing.T) {
	dir := t.TempDir()
	logs := []string{filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl"), filepath.Join(dir, "c.jsonl")}
	runs := [][]string{
		{"--scenario", "opm-breach", "--us", "cooperative"},
		{"--scenario", "opm-breach", "--us", "by-the-book", "--cn", "slow-walking"},
		{"--scenario", "hotline-escalation"},
	}
	for i, args := range runs {
		if _, _, status := hotline(t, append(append([]string{"run"}, args...), "--log", logs[i])...); status != 0 {
			t.Fatal("run failed")
		}
	}
	out, errOut, status := hotline(t, "compare", logs[0], logs[1])
	if status != 0 || !strings.Contains(out, "2 runs compared") || !strings.Contains(out, "Where they parted") || !strings.Contains(out, "Skip the request") {
		t.Errorf("compare: status %d, %q\n%s", status, errOut, out)
	}
	out, _, status = hotline(t, "compare", "--format", "json", logs[0], logs[1])
	var c struct{ Runs []struct{ Name string } }
	if err := json.Unmarshal([]byte(out), &c); status != 0 || err != nil || len(c.Runs) != 2 || c.Runs[1].Name != logs[1] {
		t.Errorf("compare --format json: status %d, %v\n%.300s", status, err, out)
	}
	_, errOut, status = hotline(t, "compare", logs[0], logs[2])
	want := "hotline: " + logs[0] + " is a run of opm-breach and " + logs[2] + " a run of hotline-escalation: compare runs of one scenario\n"
	if status != 1 || errOut != want {
		t.Errorf("compare of two scenarios: status %d, %q; want %q", status, errOut, want)
	}
	if _, errOut, status := hotline(t, "compare", logs[0]); status != 2 || !strings.Contains(errOut, "two or more logs") {
		t.Errorf("compare of one log: status %d, %q", status, errOut)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
