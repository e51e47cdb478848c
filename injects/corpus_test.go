package injects_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hotline/injects"
)

// The corpus of bad inject files: testdata/bad/NAME.yaml, each with
// testdata/bad/NAME.want listing every finding it must produce, one a line:
//
//	[file:]line:col: severity: [code] text the message contains
//
// The file is relative to testdata/bad and defaults to the case's own file;
// the text is optional. Lines starting with # are comments. A case yields
// exactly the findings listed: nothing missing, nothing more.

// want is one expected finding.
type want struct {
	file      string
	line, col int
	severity  string
	code      string
	text      string
}

func (w want) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s: [%s]", w.file, w.line, w.col, w.severity, w.code)
	if w.text != "" {
		s += " " + w.text
	}
	return s
}

var wantLine = regexp.MustCompile(`^(?:(\S+?):)?(\d+):(\d+): (error|warning): \[([a-z-]+)\](?: (.*))?$`)

// readWants reads a .want file; file names in it are made relative to the
// directory of the case, as Check reports them.
func readWants(t *testing.T, path, caseFile string) []want {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("every bad file needs a .want file: %v", err)
	}
	var ws []want
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m := wantLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("%s:%d: cannot read %q; write line:col: severity: [code] text", path, n, line)
		}
		w := want{file: caseFile, severity: m[4], code: m[5], text: m[6]}
		if m[1] != "" {
			w.file = filepath.Join(filepath.Dir(caseFile), m[1])
		}
		w.line, _ = strconv.Atoi(m[2])
		w.col, _ = strconv.Atoi(m[3])
		ws = append(ws, w)
	}
	if len(ws) == 0 {
		t.Fatalf("%s lists no findings", path)
	}
	return ws
}

func (w want) matches(d injects.Diagnostic) bool {
	return filepath.Clean(d.File) == filepath.Clean(w.file) && d.Line == w.line && d.Col == w.col &&
		d.Severity.String() == w.severity && string(d.Code) == w.code && strings.Contains(d.Message, w.text)
}

// diagLine is how `hotline validate` prints a finding.
var diagLine = regexp.MustCompile(`^(.+):(\d+):(\d+): (error|warning): (.+) \[([a-z-]+)\]$`)

// goWords must never reach a facilitator: they are Go's names for types and
// packages, or signs of a formatting mistake.
var goWords = []string{"string", "int64", "float64", "map[", "[]interface", "interface {}", "*yaml.Node",
	"yaml.", "reflect", "strconv", "<nil>", "%!", "func("}

// checkDiagnostic checks how one finding reads.
func checkDiagnostic(t *testing.T, d injects.Diagnostic) {
	t.Helper()
	s := d.String()
	m := diagLine.FindStringSubmatch(s)
	if m == nil {
		t.Errorf("finding %q is not formatted file:line:col: severity: message [code]", s)
		return
	}
	if m[1] != d.File || m[2] != strconv.Itoa(d.Line) || m[3] != strconv.Itoa(d.Col) ||
		m[4] != d.Severity.String() || m[5] != d.Message || m[6] != string(d.Code) {
		t.Errorf("finding %q does not read back as its fields %+v", s, d)
	}
	if d.Line < 1 || d.Col < 1 {
		t.Errorf("finding %q: positions start at 1:1", s)
	}
	if strings.Contains(d.Message, "\n") {
		t.Errorf("finding %q: the message spans lines", s)
	}
	for _, w := range goWords {
		if strings.Contains(d.Message, w) {
			t.Errorf("finding %q: the message says %q, which is Go, not the facilitator's language", s, w)
		}
	}
}

// noPanic runs f, failing the test instead of crashing it on a panic.
func noPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s panicked: %v", what, r)
		}
	}()
	f()
}

// compare checks that the findings are exactly the wanted ones.
func compare(t *testing.T, diags injects.Diagnostics, wants []want) {
	t.Helper()
	used := make([]bool, len(diags))
	for _, w := range wants {
		found := false
		for i, d := range diags {
			if !used[i] && w.matches(d) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("missing finding %s", w)
		}
	}
	for i, d := range diags {
		if !used[i] {
			t.Errorf("unexpected finding %s", d)
		}
	}
	if t.Failed() {
		t.Logf("all findings:\n%s", diags.Error())
	}
}

func TestBadFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 30 {
		t.Fatalf("the corpus has %d bad files; expected at least 30", len(files))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		t.Run(name, func(t *testing.T) {
			wants := readWants(t, strings.TrimSuffix(file, ".yaml")+".want", file)
			var diags injects.Diagnostics
			noPanic(t, "Check", func() { diags = injects.Check(file) })
			for _, d := range diags {
				checkDiagnostic(t, d)
			}
			compare(t, diags, wants)

			// Load agrees with Check, and gives no scenario when there are errors.
			var sc *injects.Scenario
			var loaded injects.Diagnostics
			noPanic(t, "Load", func() { sc, loaded = injects.Load(file) })
			if (sc == nil) != (loaded.Errors() > 0) {
				t.Errorf("Load gave scenario %v with %d errors", sc != nil, loaded.Errors())
			}
			if !slices.Equal(diags, loaded) {
				t.Errorf("Load and Check disagree:\nLoad:\n%s\nCheck:\n%s", loaded.Error(), diags.Error())
			}

			// The same bytes given to Parse: no panic, and the same rule.
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			noPanic(t, "Parse", func() { sc, loaded = injects.Parse(file, data) })
			if (sc == nil) != (loaded.Errors() > 0) {
				t.Errorf("Parse gave scenario %v with %d errors", sc != nil, loaded.Errors())
			}
			for _, d := range loaded {
				checkDiagnostic(t, d)
			}
		})
	}
}

// TestCorpusCoverage makes sure the corpus exercises every warning and
// error, and suggests names where they are close.
func TestCorpusCoverage(t *testing.T) {
	wantFiles, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.want"))
	seen := map[string]bool{}
	suggestions := 0
	for _, f := range wantFiles {
		for _, w := range readWants(t, f, f) {
			seen[w.severity+" "+w.code] = true
			if strings.HasPrefix(w.text, "did you mean") {
				suggestions++
			}
		}
	}
	if suggestions < 15 {
		t.Errorf("the corpus expects %d did-you-mean suggestions; it is meant to have at least 15", suggestions)
	}
	for _, c := range []injects.Code{injects.CodeNeverFires, injects.CodeDeadEnd, injects.CodeNoTimeout,
		injects.CodeUnusedVar, injects.CodeUnusedPersona, injects.CodeUnusedProfile, injects.CodeUnreachable,
		injects.CodeNeverOpened} {
		if !seen["warning "+string(c)] {
			t.Errorf("no bad file produces the warning %s", c)
		}
	}
	for _, c := range []injects.Code{injects.CodeNotText, injects.CodeEmpty, injects.CodeSyntax,
		injects.CodeUnknownKey, injects.CodeDuplicate, injects.CodeType, injects.CodeMissing, injects.CodeBadValue,
		injects.CodeDuration, injects.CodeTime, injects.CodeUnknownRef, injects.CodeAfterEnd, injects.CodeCondition,
		injects.CodeInclude, injects.CodeFormat, injects.CodeReserved, injects.CodeChoiceTo, injects.CodeConflicting} {
		if !seen["error "+string(c)] {
			t.Errorf("no bad file produces the error %s", c)
		}
	}
}

// TestManyProblems checks that one file with many distinct problems reports
// every one of them in a single run, in line order.
func TestManyProblems(t *testing.T) {
	file := filepath.Join("testdata", "many-problems.yaml")
	wants := readWants(t, filepath.Join("testdata", "many-problems.want"), file)
	diags := injects.Check(file)
	for _, d := range diags {
		checkDiagnostic(t, d)
	}
	compare(t, diags, wants)
	codes := map[injects.Code]bool{}
	for _, d := range diags {
		codes[d.Code] = true
	}
	if len(codes) < 15 {
		t.Errorf("the file gave %d distinct codes; it is meant to show at least 15", len(codes))
	}
	if !slices.IsSortedFunc(diags, func(a, b injects.Diagnostic) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	}) {
		t.Errorf("findings are not sorted by line and column:\n%s", diags.Error())
	}
	if sc, _ := injects.Load(file); sc != nil {
		t.Error("Load returned a scenario for a file with errors")
	}
}

// header is the start of a valid scenario, for the generated cases.
const header = `format: 1
scenario:
  id: port-ransomware
  title: Ransomware at the port
  start: 2015-10-05 09:00
  end: T+3d
sides:
  us:
    teams:
      fbi: Federal Bureau of Investigation
  cn:
    teams:
      mps: Ministry of Public Security
`

// TestGeneratedBadFiles covers what is better made by the test than
// committed: a file over the size limit, a directory, a missing file, random
// bytes.
func TestGeneratedBadFiles(t *testing.T) {
	dir := t.TempDir()

	huge := filepath.Join(dir, "huge.yaml")
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString("# a briefing pasted in by mistake, many times over\n")
	line := "# " + strings.Repeat("The port's terminal operating system is down. ", 20) + "\n"
	for b.Len() <= injects.MaxFileSize {
		b.WriteString(line)
	}
	if err := os.WriteFile(huge, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	folder := filepath.Join(dir, "scenario.yaml")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}

	random := filepath.Join(dir, "photo.yaml")
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(i*7919 + i>>3) // deterministic, and not UTF-8
	}
	if err := os.WriteFile(random, noise, 0o644); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name, file string
		code       injects.Code
		line, col  int
		text       string
	}{
		{"huge", huge, injects.CodeTooLarge, 1, 1, "larger than 16 MiB"},
		{"directory", folder, injects.CodeIO, 1, 1, "it is a directory"},
		{"missing", filepath.Join(dir, "no-such.yaml"), injects.CodeIO, 1, 1, "no such file"},
		{"random bytes", random, injects.CodeNotText, 1, 1, "not a text file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var diags injects.Diagnostics
			noPanic(t, "Check", func() { diags = injects.Check(c.file) })
			compare(t, diags, []want{{file: c.file, line: c.line, col: c.col, severity: "error", code: string(c.code), text: c.text}})
			for _, d := range diags {
				checkDiagnostic(t, d)
			}
		})
	}

	// Parse refuses the huge file on its size too, without a panic.
	sc, diags := injects.Parse("huge.yaml", b.Bytes())
	if sc != nil || len(diags) != 1 || diags[0].Code != injects.CodeTooLarge {
		t.Errorf("Parse of a %d-byte file: %v", b.Len(), diags)
	}
}

// TestSharedFileCannotBePlayed checks that a shared file checks clean but
// does not load as a scenario of its own.
func TestSharedFileCannotBePlayed(t *testing.T) {
	file := filepath.Join("scenarios", "common.yaml")
	if diags := injects.Check(file); len(diags) != 0 {
		t.Errorf("Check(%s):\n%s", file, diags.Error())
	}
	sc, diags := injects.Load(file)
	if sc != nil {
		t.Fatal("Load returned a scenario for a shared file")
	}
	compare(t, diags, []want{{file: file, line: 1, col: 1, severity: "error", code: string(injects.CodeShared), text: "shared file"}})
}

// TestIncludeOfBuiltin checks that a scenario on disk may include the
// built-in common.yaml, and then has no warnings about what it does not use
// of it.
func TestIncludeOfBuiltin(t *testing.T) {
	file := filepath.Join(t.TempDir(), "port.yaml")
	src := `format: 1
scenario:
  id: port-ransomware
  title: Ransomware at the port
  start: 2015-10-05 09:00
  end: T+3d
include: [common.yaml]
personas:
  port-ops:
    name: Port of Long Beach operations
    affiliation: company
injects:
  port-down:
    at: T+1h
    to: fbi
    from: port-ops
    channel: email
    title: Terminal systems encrypted
    effects:
      - change: {trust: -5}
`
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	sc, diags := injects.Load(file)
	if sc == nil || len(diags) != 0 {
		t.Fatalf("Load:\n%s", diags.Error())
	}
	if _, ok := sc.Team("mps"); !ok {
		t.Error("the teams of common.yaml are missing")
	}
	// The same through Parse, which resolves includes to built-in files.
	sc, diags = injects.Parse("port.yaml", []byte(src))
	if sc == nil || len(diags) != 0 {
		t.Fatalf("Parse:\n%s", diags.Error())
	}
}

// TestCRLF checks that a file saved with Windows line endings loads, and
// that positions still count lines.
func TestCRLF(t *testing.T) {
	src := header + `personas:
  port-ops:
    name: Port of Long Beach operations
    affiliation: company
injects:
  port-down:
    at: T+1h
    to: us
    from: port-ops
    channel: e-mail
    title: Terminal systems encrypted
`
	crlf := []byte(strings.ReplaceAll(src, "\n", "\r\n"))
	_, diags := injects.Parse("port.yaml", crlf)
	compare(t, diags, []want{{file: "port.yaml", line: 23, col: 14, severity: "error", code: "bad-value", text: `did you mean "email"`}})
	ok := []byte(strings.ReplaceAll(string(crlf), "e-mail", "email"))
	if sc, diags := injects.Parse("port.yaml", ok); sc == nil || len(diags) != 0 {
		t.Errorf("a CRLF file:\n%s", diags.Error())
	}
	// A byte-order mark, as some Windows editors write, is fine too.
	if sc, diags := injects.Parse("port.yaml", append([]byte("\xef\xbb\xbf"), ok...)); sc == nil || len(diags) != 0 {
		t.Errorf("a file with a byte-order mark:\n%s", diags.Error())
	}
}
