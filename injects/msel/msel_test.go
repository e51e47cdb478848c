package msel_test

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hotline/game"
	"hotline/injects"
	"hotline/injects/msel"
	"hotline/injects/starter"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// starterFile writes the starting file of hotline new in dir.
func starterFile(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "port.yaml")
	if err := os.WriteFile(path, starter.File(starter.Options{File: path}), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func open(t *testing.T, ref string) *injects.Scenario {
	t.Helper()
	sc, diags := injects.Open(ref)
	if sc == nil {
		t.Fatalf("%s: %s", ref, diags.Error())
	}
	return sc
}

// roundTrip writes a sheet in a format, reads it back and imports it.
func roundTrip(t *testing.T, s *msel.Sheet, ext string, opt msel.Options) (*msel.Sheet, []byte, msel.Findings) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "msel"+ext)
	if err := s.Write(path); err != nil {
		t.Fatal(err)
	}
	back, err := msel.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	text, found := msel.Import(back, opt)
	return back, text, found
}

// TestRoundTripIsLossless: export, import onto the scenario, export again
// gives the same sheet, in both formats, for every built-in scenario and
// the starting file; the file imported is the file, byte for byte; and the
// imported scenario plays exactly as the original.
func TestRoundTripIsLossless(t *testing.T) {
	dir := t.TempDir()
	refs := append(injects.BuiltinIDs(), starterFile(t, dir))
	for _, ref := range refs {
		for _, ext := range []string{".csv", ".xlsx"} {
			t.Run(filepath.Base(ref)+ext, func(t *testing.T) {
				sc := open(t, ref)
				first := msel.Export(sc)
				out := filepath.Join(dir, "imported-"+filepath.Base(ref)+ext+".yaml")
				back, text, found := roundTrip(t, first, ext, msel.Options{Base: ref, Output: out})
				if !reflect.DeepEqual(back.Rows, first.Rows) {
					t.Fatalf("the sheet read back differs from the sheet written")
				}
				if found.Errors() > 0 || len(found) > 0 {
					t.Fatalf("import findings:\n%v", found)
				}
				if base := baseText(t, ref); !bytes.Equal(text, base) {
					t.Errorf("a sheet imported unchanged changed the file:\n%s", lineDiff(string(base), string(text)))
				}
				if err := os.WriteFile(out, text, 0o644); err != nil {
					t.Fatal(err)
				}
				again := open(t, out)
				if second := msel.Export(again); !reflect.DeepEqual(second.Rows, first.Rows) {
					t.Errorf("export, import, export changed the sheet")
				}
				if a, b := transcript(t, sc), transcript(t, again); a != b {
					t.Errorf("the imported scenario plays otherwise")
				}
			})
		}
	}
}

// transcript is a headless run's events, without the scenario's digest.
func transcript(t *testing.T, sc *injects.Scenario) string {
	t.Helper()
	var b strings.Builder
	_, err := game.Play(sc, 7, [2]string{"slow-walking", "by-the-book"}, func(st *game.State, ev *game.Event) {
		if ev.Type != game.Started {
			fmt.Fprintf(&b, "%d %s %s\n", ev.At, ev.Type, game.Describe(st, ev))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestEditsInTheSheet: what a facilitator changes in the sheet lands in
// the file; what the sheet cannot hold stays as it was.
func TestEditsInTheSheet(t *testing.T) {
	dir := t.TempDir()
	path := starterFile(t, dir)
	s := msel.Export(open(t, path))
	s.Rows[0][msel.ColSubject] = "Designs stolen: the FBI is called"
	s.Rows[1][msel.ColTime] = ""                       // moved by its story time alone
	s.Rows[1][msel.ColWashington] = "2015-10-06 15:30" // from T+1d to T+1d06:30
	s.Rows[1][msel.ColBeijing] = ""                    // cleared rather than kept in step
	s.Rows[0][msel.ColAction] = strings.Replace(s.Rows[0][msel.ColAction], "Deadline 12h", "Deadline 6h", 1)
	s.Rows[1][msel.ColAction] += "\nRing the hotline at once" // a new choice, written as prose
	s.Rows = append(s.Rows, [msel.NumCols]string{msel.ColTime: "T+3d", msel.ColFrom: "white-cell", msel.ColTo: "all",
		msel.ColChannel: "Press", msel.ColSubject: "Reporters ask about the servers"})
	s.Lines = append(s.Lines, 5)
	out := filepath.Join(dir, "edited.yaml")
	_, text, found := roundTrip(t, s, ".csv", msel.Options{Base: path, Output: out})
	if found.Errors() > 0 {
		t.Fatalf("%v", found)
	}
	if err := os.WriteFile(out, text, 0o644); err != nil {
		t.Fatal(err)
	}
	sc := open(t, out)
	in := func(id string) *injects.Inject {
		i, ok := sc.InjectIndex(id)
		if !ok {
			t.Fatalf("no inject %s in:\n%s", id, text)
		}
		return &sc.Injects[i]
	}
	first := in("us-theft-reported")
	if first.Title != "Designs stolen: the FBI is called" || first.Deadline.Within.Hours() != 6 || first.Deadline.Choose != "send-request" {
		t.Errorf("first inject: %q, deadline %+v", first.Title, first.Deadline)
	}
	if ch, _ := first.Choice("send-request"); len(ch.Effects) != 1 || ch.Effects[0].Target != "rfa-us" || ch.Tone != injects.Measured {
		t.Errorf("the choice lost what the sheet cannot hold: %+v", ch)
	}
	if got := in("cn-theft-reported").Trigger.At.Minutes(); got != (30*60 + 30) {
		t.Errorf("the second inject is at %v minutes", got)
	}
	if ch, ok := in("cn-theft-reported").Choice("ring-the-hotline-at-once"); !ok || ch.Label != "Ring the hotline at once" {
		t.Errorf("the new choice: %+v", ch)
	}
	added := in("reporters-ask-about-the-servers")
	if added.Channel != injects.Press || !added.To.All || added.Trigger.At.Hours() != 72 {
		t.Errorf("the new inject: %+v", added)
	}
	// Only what was edited changed, and each change is as small as it can
	// be: a diff shows nothing nobody did.
	base, _ := os.ReadFile(path)
	want := `-    title: Designs copied to servers in Guangdong
+    title: 'Designs stolen: the FBI is called'
-      within: 12h
+      within: 6h
-    at: T+1d
+    at: T+1d6h30m
+      ring-the-hotline-at-once:
+        label: Ring the hotline at once
+  reporters-ask-about-the-servers:
+    at: T+3d
+    to: all
+    from: white-cell
+    channel: press
+    title: Reporters ask about the servers
+`
	if got := lineDiff(string(base), string(text)); got != want {
		t.Errorf("the import changed:\n%s\nwant:\n%s", got, want)
	}
}

// baseText is the text of a built-in scenario or a file.
func baseText(t *testing.T, ref string) []byte {
	t.Helper()
	b, err := injects.BuiltinFile(ref + ".yaml")
	if err != nil {
		if b, err = os.ReadFile(ref); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// lineDiff lists the lines taken out of a (-) and put into b (+), in order:
// a longest-common-subsequence diff, enough for files of a few hundred
// lines.
func lineDiff(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			i, j = i+1, j+1
		case i < len(x) && (j == len(y) || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, "-"+x[i])
			i++
		default:
			out = append(out, "+"+y[j])
			j++
		}
	}
	return strings.Join(out, "\n")
}

// TestHandwrittenSheet: a sheet written by hand, with its own column titles
// and no ids, becomes a file on the built-in delegations; imported again,
// it is stable.
func TestHandwrittenSheet(t *testing.T) {
	s, err := msel.Read("testdata/handwritten.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) != 0 {
		t.Errorf("warnings: %v", s.Warnings)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "port.yaml")
	text, found := msel.Import(s, msel.Options{Output: out})
	if found.Errors() > 0 {
		t.Fatalf("%v", found)
	}
	for _, f := range found {
		if !strings.HasSuffix(f.Message, "[dead-end]") && !strings.Contains(f.Message, `a new persona, "port-operations-centre"`) {
			t.Errorf("unexpected finding: %s", f)
		}
	}
	if err := os.WriteFile(out, text, 0o644); err != nil {
		t.Fatal(err)
	}
	sc := open(t, out)
	if sc.ID != "port" || sc.Start.Format("2006-01-02 15:04 MST") != "2015-10-12 08:00 EDT" || len(sc.Injects) != 7 {
		t.Errorf("scenario %s from %s with %d injects", sc.ID, sc.Start, len(sc.Injects))
	}
	ransom := sc.Injects[4] // after common.yaml's three
	if ransom.ID != "ransom-deadline-tomorrow" || ransom.Trigger.At.Hours() != 6 || ransom.To.Team != "dhs" ||
		len(ransom.Choices) != 2 || ransom.Deadline.Choose != "refuse" {
		t.Errorf("the second row: %+v", ransom)
	}
	if p, _ := sc.Persona(sc.Injects[3].From); p.Name != "Port operations centre" {
		t.Errorf("the sender: %+v", p)
	}
	if o, ok := sc.Objective("port-security"); !ok || o.Text != "Keep ports running" {
		t.Errorf("the new objective: %+v", o)
	}
	first := msel.Export(sc)
	_, text2, found := roundTrip(t, first, ".xlsx", msel.Options{Output: filepath.Join(dir, "port2.yaml")})
	if found.Errors() > 0 {
		t.Fatalf("%v", found)
	}
	second := msel.Export(mustParse(t, filepath.Join(dir, "port2.yaml"), text2))
	if !reflect.DeepEqual(first.Rows, second.Rows) {
		t.Errorf("a second import changed the sheet:\n%v\n%v", first.Rows, second.Rows)
	}
}

func mustParse(t *testing.T, path string, text []byte) *injects.Scenario {
	t.Helper()
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	return open(t, path)
}

// TestBadCells: every mistake is reported at its cell, sorted by row.
func TestBadCells(t *testing.T) {
	for _, c := range []struct {
		file string
		want []string
	}{
		{"bad.csv", []string{
			`testdata/bad.csv:J1: warning: column "Colour" is not part of an MSEL; it is ignored`,
			`testdata/bad.csv:C2: error: expected a time like T+2d or T+1d02:00, "after INJECT", "when CONDITION" or "reserve", found "T+2 days"`,
			`testdata/bad.csv:B3: error: inject "first" is already the inject of row 2`,
			`testdata/bad.csv:E3: error: missing: who sends the inject`,
			`testdata/bad.csv:F3: error: no team "fbl"; write us, cn, all or one of: fbi, dhs, doj, ic, mps, mss, moj, siio (the built-in delegations' teams; to use the teams of your scenario, import with --base)`,
			`testdata/bad.csv:G3: error: "fax" is not a channel; use one of: hotline, note, email, press, intel`,
			`testdata/bad.csv:H3: error: missing: every inject needs a subject`,
			`testdata/bad.csv:I3: error: "Deadline soon": expected a deadline like "Deadline 12h" or "Deadline 12h: choice-id"`,
			`testdata/bad.csv:B5: error: "fourth  x" is not an id; use letters, digits, '-', '_' and '.', no spaces`,
			`testdata/bad.csv:I5: error: choice "ask" is given twice`,
		}},
		{"bad2.csv", []string{
			`testdata/bad2.csv:J2: warning: choice "ask" of inject "first" changes nothing`,
			`testdata/bad2.csv:J2: error: inject "first" deadline choose: the inject has no choice "wait" [unknown-ref]`,
			`testdata/bad2.csv:C4: error: inject "third" when: unknown name "tenson" (did you mean "tension"?) [condition]`,
			`testdata/bad2.csv:C5: error: inject "fourth" after: no inject named "nowhere"`,
			`testdata/bad2.csv:G6: error: inject "fifth": choices need one side to choose`,
			`testdata/bad2.csv:J6: warning: choice "ask" of inject "fifth" changes nothing`,
		}},
	} {
		s, err := msel.Read("testdata/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		text, found := msel.Import(s, msel.Options{Output: filepath.Join(t.TempDir(), "x.yaml")})
		if text != nil {
			t.Errorf("%s: a file was made despite the errors", c.file)
		}
		if len(found) != len(c.want) {
			t.Errorf("%s: %d findings, want %d:\n%v", c.file, len(found), len(c.want), found)
			continue
		}
		for i, f := range found {
			if !strings.HasPrefix(f.String(), c.want[i]) {
				t.Errorf("%s finding %d:\n got %s\nwant %s…", c.file, i, f, c.want[i])
			}
		}
	}
}

// TestWhichTimeCounts: a facilitator moves an inject by whichever of its
// time cells they change, and leaves the others as exported; the cell
// changed wins, and the others are written afresh on the next export.
func TestWhichTimeCounts(t *testing.T) {
	dir := t.TempDir()
	path := starterFile(t, dir)
	fresh := func() *msel.Sheet { return msel.Export(open(t, path)) }
	second := func(s *msel.Sheet) (*injects.Scenario, msel.Findings) { // cn-theft-reported, at T+1d
		t.Helper()
		out := filepath.Join(t.TempDir(), "x.yaml")
		_, text, found := roundTrip(t, s, ".xlsx", msel.Options{Base: path, Output: out})
		if text == nil {
			return nil, found
		}
		return mustParse(t, out, text), found
	}
	at := func(sc *injects.Scenario) time.Duration {
		i, _ := sc.InjectIndex("cn-theft-reported")
		return sc.Injects[i].Trigger.At
	}
	for _, c := range []struct {
		name            string
		time, wash, bj  string // "" leaves the cell as exported; "-" clears it
		at              time.Duration
		warning, errors string
	}{
		{name: "by the Time cell", time: "T+2d", at: 48 * time.Hour},
		{name: "by Washington's story time", wash: "2015-10-06 15:30", at: 30*time.Hour + 30*time.Minute},
		{name: "by Beijing's story time", bj: "2015-10-07 03:30", at: 30*time.Hour + 30*time.Minute},
		{name: "by both story times", wash: "2015-10-06 15:30", bj: "2015-10-07 03:30", at: 30*time.Hour + 30*time.Minute},
		{name: "by a story time, the Time cell cleared", time: "-", bj: "2015-10-07 03:30", at: 30*time.Hour + 30*time.Minute},
		{name: "by the Time cell, a story time changed too", time: "T+2d", wash: "2015-10-06 15:30", at: 48 * time.Hour,
			warning: `:MSEL!D3: warning: the Time cell puts the inject at T+2d00:00, which is 2015-10-07 09:00 here; 2015-10-06 15:30 is set aside`},
		{name: "by story times that disagree", wash: "2015-10-06 15:30", bj: "2015-10-08 09:00",
			errors: `:MSEL!E3: error: the story times disagree: the inject comes at T+1d06:30, which is 2015-10-07 03:30 here, not 2015-10-08 09:00`},
	} {
		s := fresh()
		for col, v := range map[int]string{msel.ColTime: c.time, msel.ColWashington: c.wash, msel.ColBeijing: c.bj} {
			switch v {
			case "":
			case "-":
				s.Rows[1][col] = ""
			default:
				s.Rows[1][col] = v
			}
		}
		sc, found := second(s)
		var got []string
		for _, f := range found {
			got = append(got, f.String())
		}
		all := strings.Join(got, "\n")
		switch {
		case c.errors != "":
			if sc != nil || !strings.Contains(all, c.errors) {
				t.Errorf("%s: findings:\n%s\nwant an error …%s…", c.name, all, c.errors)
			}
		case sc == nil:
			t.Errorf("%s: refused:\n%s", c.name, all)
		case at(sc) != c.at:
			t.Errorf("%s: the inject is at %v, want %v", c.name, at(sc), c.at)
		case c.warning == "" && len(found) > 0, c.warning != "" && !strings.Contains(all, c.warning):
			t.Errorf("%s: findings:\n%s\nwant %q", c.name, all, c.warning)
		}
	}

	// A story time cannot move an inject that waits on a condition.
	s := fresh()
	s.Rows[2][msel.ColWashington] = "2015-10-08 09:00" // request-overdue comes when:
	if _, found := second(s); found.Errors() != 1 || !strings.Contains(found[0].String(),
		`:MSEL!D4: error: inject "request-overdue" comes when status("rfa-us") == "overdue" || status("rfa-cn") == "overdue", so a story time cannot move it`) {
		t.Errorf("a story time on a when: inject:\n%v", found)
	}
}

// TestSheetOfAScenarioAlone: a sheet exported from a scenario with rules of
// its own cannot stand alone; the cell that needs them says so.
func TestSheetOfAScenarioAlone(t *testing.T) {
	dir := t.TempDir()
	s := msel.Export(open(t, starterFile(t, dir)))
	_, _, found := roundTrip(t, s, ".csv", msel.Options{Output: filepath.Join(dir, "x.yaml")})
	if found.Errors() != 2 || !strings.Contains(found[len(found)-2].String(), `msel.csv:C4: error: inject "request-overdue" when: no request named "rfa-us"`) {
		t.Errorf("findings:\n%v", found)
	}
}

func TestGoldenCSV(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	starterFile(t, ".")
	var b bytes.Buffer
	if err := msel.Export(open(t, "port.yaml")).WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(dir, "..")) // leave dir before it is removed
	golden := filepath.Join(testdataDir, "starter.csv")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("the CSV differs from %s; run go test -update and read the diff\n%s", golden, b.String())
	}
}

var testdataDir, _ = filepath.Abs("testdata")

// TestObjectivesMappedByTheirBlock: an objective whose block in the
// objectives: section names an inject is in that inject's Objective cell,
// as in the handbook and the screens; imported back, it stays in the block,
// and a row that drops it takes the inject out of the block.
func TestObjectivesMappedByTheirBlock(t *testing.T) {
	dir := t.TempDir()
	path := starterFile(t, dir)
	text, _ := os.ReadFile(path)
	mapped := strings.Replace(string(text), "  use-the-hotline: Escalate over the hotline when a response fails.",
		"  use-the-hotline:\n    text: Escalate over the hotline when a response fails.\n    injects: [us-theft-reported]", 1)
	if err := os.WriteFile(path, []byte(mapped), 0o644); err != nil {
		t.Fatal(err)
	}
	s := msel.Export(open(t, path))
	want := "timely-response: Answer requests for assistance on time and well.\nuse-the-hotline: Escalate over the hotline when a response fails."
	if got := s.Rows[0][msel.ColObjective]; got != want {
		t.Fatalf("the Objective cell of us-theft-reported:\n%s\nwant:\n%s", got, want)
	}

	out := filepath.Join(dir, "again.yaml")
	_, again, found := roundTrip(t, s, ".csv", msel.Options{Base: path, Output: out})
	if len(found) > 0 {
		t.Fatalf("findings: %v", found)
	}
	sc := mustParse(t, out, again)
	if in := sc.Injects[0]; !slices.Equal(in.Objectives, []string{"timely-response"}) {
		t.Errorf("the inject lists %v itself; the block's mapping moved into it", in.Objectives)
	}
	if o, _ := sc.Objective("use-the-hotline"); !slices.Contains(o.Injects, "us-theft-reported") {
		t.Errorf("the block lost its mapping: %+v", o)
	}

	s.Rows[0][msel.ColObjective] = "timely-response"
	_, dropped, found := roundTrip(t, s, ".csv", msel.Options{Base: path, Output: out})
	if found.Errors() > 0 {
		t.Fatalf("findings: %v", found)
	}
	sc = mustParse(t, out, dropped)
	if got := sc.InjectObjectives("us-theft-reported"); !slices.Equal(got, []string{"timely-response"}) {
		t.Errorf("after the row dropped it, the inject serves %v", got)
	}
}

// TestCSVCellsAreNotFormulas: a cell that a spreadsheet would run as a
// formula (a title =HYPERLINK(...), a body starting - or @) is written as
// text, after a single quote, and read back as it was.
func TestCSVCellsAreNotFormulas(t *testing.T) {
	dir := t.TempDir()
	path := starterFile(t, dir)
	s := msel.Export(open(t, path))
	risky := []string{`=HYPERLINK("http://x","click")`, "=1+1", "+1", "-1", "@SUM(A1)", "\tindented", "\rreturn",
		"'=already quoted", "'Tis the season", "''", "'", "- a Markdown list\n- of two"}
	for i, v := range risky {
		row := s.Rows[0]
		row[msel.ColID] = fmt.Sprintf("risky-%d", i)
		row[[]int{msel.ColSubject, msel.ColMessage, msel.ColNotes}[i%3]] = v
		s.Rows = append(s.Rows, row)
	}
	var b bytes.Buffer
	if err := s.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b.Bytes(), []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range records {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("a spreadsheet would run the cell %q as a formula", cell)
			}
		}
	}
	for _, ext := range []string{".csv", ".xlsx"} {
		path := filepath.Join(dir, "risky"+ext)
		if err := s.Write(path); err != nil {
			t.Fatal(err)
		}
		back, err := msel.Read(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := range s.Rows {
			for c := range s.Rows[i] {
				if back.Rows[i][c] != s.Rows[i][c] {
					t.Errorf("%s row %d column %d: wrote %q, read %q", ext, i+2, c, s.Rows[i][c], back.Rows[i][c])
				}
			}
		}
	}

	// Opened in a spreadsheet and saved as a workbook, the CSV's quoted
	// cells keep their quotes as text; reading takes them off.
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetRow("Sheet1", "A1", &[]any{"Inject ID", "Time", "From", "To", "Method / channel", "Subject"}); err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetRow("Sheet1", "A2", &[]any{"x", "T+1h", "white-cell", "us", "note", `'=HYPERLINK("http://x","click")`}); err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(dir, "saved.xlsx")
	if err := f.SaveAs(saved); err != nil {
		t.Fatal(err)
	}
	back, err := msel.Read(saved)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Rows[0][msel.ColSubject]; got != `=HYPERLINK("http://x","click")` {
		t.Errorf("a quoted cell saved as a workbook reads %q", got)
	}
}

// TestByteOrderMarkMisread: a spreadsheet that reads Hotline's CSV as
// Latin-1 shows its byte-order mark as ï»¿ before the first column's
// title; the column is still found.
func TestByteOrderMarkMisread(t *testing.T) {
	path := filepath.Join(t.TempDir(), "saved.csv")
	if err := os.WriteFile(path, []byte("ï»¿Event,Inject ID,Time,From,To,Method / channel,Subject\n1,x,T+1h,white-cell,us,note,X\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := msel.Read(path)
	if err != nil || len(s.Warnings) > 0 || s.Columns[msel.ColEvent] != 0 {
		t.Errorf("read: %v, warnings %v, Event column %d", err, s.Warnings, s.Columns[msel.ColEvent])
	}
}
