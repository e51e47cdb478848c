package injects

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"unicode"
)

// hostile are inject files written to hurt: each must be refused (or
// loaded) quickly, with its findings at their places.
func fanOut(width int) string {
	var b strings.Builder
	b.WriteString("format: 1\nscenario: {id: fan, title: Fan-out, start: 2015-10-05 09:00, end: T+3d}\ninclude: [common.yaml]\n")
	b.WriteString("personas:\n  p: {name: P, affiliation: company}\nx:\n  e: &e {change: {tension: 1}}\n  el: &el [")
	for i := range width {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("*e")
	}
	b.WriteString("]\n  ch: &ch {label: L, effects: *el}\n  chs: &chs {")
	for i := range width {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "c%d: *ch", i)
	}
	b.WriteString("}\n  in: &in {at: T+1h, to: us, from: p, channel: email, title: T, choices: *chs}\ninjects:\n")
	for i := range width {
		fmt.Fprintf(&b, "  i%d: *in\n", i)
	}
	return b.String()
}

// An 8 KB file whose aliases expand to a hundred million nodes is refused
// at the alias before anything walks it.
func TestAliasFanOutIsRefusedAtTheAlias(t *testing.T) {
	data := fanOut(300)
	_, diags := Parse("fan.yaml", []byte(data))
	if len(diags) != 1 || diags[0].Code != CodeTooLarge || diags[0].Line != 13 || diags[0].Col != 7 ||
		!strings.Contains(diags[0].Message, "alias *in: the file's aliases add 136 million nodes to it") {
		t.Fatalf("findings %v", diags)
	}
	// A few aliases that share a block are fine.
	modest := strings.Replace(fanOut(10), "x:\n", "x:\n", 1)
	if _, diags := Parse("modest.yaml", []byte(modest)); hasCode(diags, CodeTooLarge) {
		t.Errorf("ten aliases of ten are refused: %v", diags)
	}
}

// One large string aliased many times is few nodes and a vast document:
// it is refused at the alias, by the bytes it stands for, before anything
// copies it.
func TestAliasOfLargeTextIsRefusedAtTheAlias(t *testing.T) {
	var b strings.Builder
	b.WriteString("format: 1\nscenario: {id: big, title: Big, start: 2015-10-05 09:00, end: T+3d}\ninclude: [common.yaml]\n")
	b.WriteString("personas:\n  p: {name: P, affiliation: company}\ninjects:\n")
	b.WriteString("  i0: {at: T+1h, to: us, from: p, channel: email, title: T, body: &b \"" + strings.Repeat("x", 1_000_000) + "\"}\n")
	for i := 1; i <= 1000; i++ {
		fmt.Fprintf(&b, "  i%d: {at: T+1h, to: us, from: p, channel: email, title: T, body: *b}\n", i)
	}
	before := allocated()
	_, diags := Parse("big.yaml", []byte(b.String()))
	if grew := allocated() - before; grew > 64<<20 {
		t.Errorf("loading allocated %d MB", grew>>20)
	}
	if len(diags) != 1 || diags[0].Code != CodeTooLarge || diags[0].Line != 8 || diags[0].Col != 67 ||
		!strings.Contains(diags[0].Message, "alias *b: the file's aliases add 1 billion bytes of text to it; aliases may add at most 1 MiB") {
		t.Fatalf("findings %v", diags)
	}
	// A body shared by a few injects is what aliases are for.
	shared := strings.Replace(b.String(), strings.Repeat("x", 1_000_000), strings.Repeat("x", 1000), 1)
	if _, diags := Parse("shared.yaml", []byte(shared)); hasCode(diags, CodeTooLarge) {
		t.Errorf("a 1 KB body shared by 1,000 injects is refused: %v", diags)
	}
}

func hasCode(diags Diagnostics, c Code) bool {
	for _, d := range diags {
		if d.Code == c {
			return true
		}
	}
	return false
}

// A file with a finding on every line lists MaxFindings of them and says
// how many more there were; a long value is quoted cut.
func TestFindingsAreCappedAndValuesCut(t *testing.T) {
	var b strings.Builder
	b.WriteString("format: 1\nscenario: {id: many, title: Many, start: 2015-10-05 09:00, end: T+3d}\ninclude: [common.yaml]\n")
	b.WriteString("personas:\n  p: {name: P, affiliation: company}\ninjects:\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "  i%d: {at: T+1h, to: us, from: p, channel: email, title: T, bogus: 1}\n", i)
	}
	_, diags := Parse("many.yaml", []byte(b.String()))
	if len(diags) != MaxFindings+1 {
		t.Fatalf("%d findings listed, want %d and a last word", len(diags), MaxFindings+1)
	}
	last := diags[len(diags)-1]
	if last.Code != CodeTooMany || last.Severity != Error || !strings.Contains(last.Message, "800 more findings are not listed (800 of them errors)") {
		t.Errorf("the last finding: %v", last)
	}
	if diags.Errors() != 1000 || diags.Warnings() != 0 {
		t.Errorf("the findings count %d errors and %d warnings, want the 1000 errors, listed or not", diags.Errors(), diags.Warnings())
	}
	long := strings.Repeat("x", 100_000)
	_, diags = Parse("long.yaml", []byte("format: 1\nscenario: {id: "+long+", title: T, start: 2015-10-05 09:00, end: T+3d}\n"))
	for _, d := range diags {
		if len(d.Message) > 400 {
			t.Errorf("a finding quotes %d bytes: %.80s…", len(d.Message), d.Message)
		}
	}
}

// badReferences is a file of n injects, each after an inject that does
// not exist: every reference a finding, every finding a search for a
// close id among thousands.
func badReferences(n int) []byte {
	var b strings.Builder
	b.WriteString("format: 1\nscenario: {id: refs, title: Refs, start: 2015-10-05 09:00, end: T+30d}\ninclude: [common.yaml]\n")
	b.WriteString("personas:\n  p: {name: P, affiliation: company}\ninjects:\n")
	for i := range n {
		fmt.Fprintf(&b, "  inject-%06d: {after: inject-%06dx, to: us, from: p, channel: email, title: T}\n", i, i)
	}
	return []byte(b.String())
}

// A reference that misses is reported with the id it most likely meant,
// and a thousand of them still load at once: suggestions stop at the
// findings listed.
func TestBadReferencesSuggestWithinBounds(t *testing.T) {
	_, diags := Parse("refs.yaml", badReferences(1000))
	if diags.Errors() != 1000 {
		t.Fatalf("%d errors, want one a reference", diags.Errors())
	}
	if first := diags[0].Message; !strings.Contains(first, `no inject named "inject-000000x" (did you mean "inject-000000"?)`) {
		t.Errorf("the first finding: %s", first)
	}
}

// A block with nothing under it lacks every key it needs.
func TestAnEmptyBlockLacksItsKeys(t *testing.T) {
	_, diags := Parse("e.yaml", []byte("format: 1\nscenario:\ninclude: [common.yaml]\n"))
	for _, k := range []string{"id", "title", "start", "end"} {
		found := false
		for _, d := range diags {
			found = found || d.Code == CodeMissing && d.Message == fmt.Sprintf("scenario: missing %q", k) && d.Line == 2
		}
		if !found {
			t.Errorf("no finding that the empty scenario block lacks %s: %v", k, diags)
		}
	}
}

// Numbers are bounded, so that meters and counters cannot overflow and
// every screen can draw them.
func TestNumbersAreBounded(t *testing.T) {
	cases := map[string]string{
		"a meter's range": "variables:\n  v: {type: int, min: -9223372036854775808, max: 9223372036854775807, initial: 0}\n",
		"an initial":      "variables:\n  v: {type: int, initial: 5000000}\n",
		"a change":        "variables:\n  v: {type: int, initial: 0}\ninjects:\n  a: {at: T+1h, to: us, from: white-cell, channel: note, title: T, effects: [change: {v: 99999999}]}\n",
	}
	for name, body := range cases {
		_, diags := Parse("n.yaml", []byte("format: 1\nscenario: {id: n, title: N, start: 2015-10-05 09:00, end: T+3d}\ninclude: [common.yaml]\n"+body))
		found := false
		for _, d := range diags {
			found = found || d.Code == CodeBadValue && strings.Contains(d.Message, "is too large")
		}
		if !found {
			t.Errorf("%s: no finding that it is too large: %v", name, diags)
		}
	}
}

// Conditions that loop or build large values are refused when the file
// loads; one that fails when it runs says why.
func TestConditionCostIsBounded(t *testing.T) {
	head := "format: 1\nscenario: {id: c, title: C, start: 2015-10-05 09:00, end: T+3d}\ninclude: [common.yaml]\nvariables:\n  zero: {type: int, initial: 0}\ninjects:\n"
	for _, cond := range []string{`all(1..1000000, {# > 0})`, `len(repeat("x", 1000000)) > 0`, `1..5 == 1..5`,
		strings.Repeat("trust > 1 && ", 200) + "true"} {
		_, diags := Parse("c.yaml", []byte(head+"  a: {when: '"+cond+"', to: us, from: white-cell, channel: note, title: T}\n"))
		if !hasCode(diags, CodeCondition) {
			t.Errorf("%.40s: not refused: %v", cond, diags)
		}
	}
	sc, diags := Parse("c.yaml", []byte(head+"  a: {when: 'trust % zero == 1', to: us, from: white-cell, channel: note, title: T}\n"))
	if sc == nil {
		t.Fatal(diags)
	}
	var ev Evaluator
	i, _ := sc.InjectIndex("a")
	ok, err := ev.Eval(sc.Injects[i].Trigger.If, sc.Env(nil))
	if ok || err == nil || !strings.Contains(err.Error(), "divide by zero") || strings.ContainsAny(err.Error(), "\n") {
		t.Errorf("a modulo by zero: %v, %v", ok, err)
	}
}

// Conditions written to blow up after validation are refused when the file
// loads, at their place, and loading them stays small: a parser that
// recurses once a "!" would overflow its stack, and text built by
// replace() can grow by the size of its arguments multiplied.
func TestConditionBombsAreRefusedAtTheirPlace(t *testing.T) {
	head := "format: 1\nscenario: {id: c, title: C, start: 2015-10-05 09:00, end: T+3d}\ninclude: [common.yaml]\ninjects:\n"
	cases := []struct{ cond, col, want string }{
		{strings.Repeat("!", 700_000) + "true", "14", "the condition is 700004 bytes long; a condition may be at most 4096"},
		{strings.Repeat("!", 2000) + "true", "46", "nests more than 32 deep"},
		{strings.Repeat("(", 40) + "true" + strings.Repeat(")", 40), "46", "nests more than 32 deep"},
		{strings.Repeat("-(", 20) + "1" + strings.Repeat(")", 20) + " > 0", "46", "nests more than 32 deep"},
		{`hours > 0 && upper(replace("` + strings.Repeat("a", 3000) + `", "a", "zzzz")) == "x"`, "33", "this part can build text of 15004 bytes; a condition may build at most 4096"},
		{`len(replace(replace(replace("aaaaaaaaaa", "a", "aaaaaaaaaa"), "a", "aaaaaaaaaa"), "a", "aaaaaaaaaa")) > 0`, "18", "can build text of"},
		{`len(replace(rung, "", rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung + rung)) > 0`, "18", "can build text of"},
	}
	for _, c := range cases {
		before := allocated()
		_, diags := Parse("c.yaml", []byte(head+"  a: {when: '"+c.cond+"', to: us, from: white-cell, channel: note, title: T}\n"))
		if grew := allocated() - before; grew > 64<<20 {
			t.Errorf("%.30s: loading allocated %d MB", c.cond, grew>>20)
		}
		if len(diags) != 1 || diags[0].Code != CodeCondition || fmt.Sprint(diags[0].Col) != c.col || !strings.Contains(diags[0].Message, c.want) {
			t.Errorf("%.30s: findings %v, want one at column %s saying %q", c.cond, diags, c.col, c.want)
		}
	}
}

// allocated is how many bytes the program has allocated so far.
func allocated() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

// A condition is a function of the story alone: what reads the computer's
// clock or settings is refused, and so is every function not listed as
// callable. What is listed still works.
func TestConditionsReadTheStoryAlone(t *testing.T) {
	head := "format: 1\nscenario: {id: c, title: C, start: 2015-10-05 09:00, end: T+3d}\ninclude: [common.yaml]\ninjects:\n"
	for cond, want := range map[string]string{
		`now().Year() > 2000`:                     "now() cannot be used in a condition: a condition reads the story, not the computer's clock",
		`date("2030-01-01") > date("2029-01-01")`: "date() cannot be used",
		`duration("1h") > duration("2h")`:         "duration() cannot be used",
		`timezone("Asia/Shanghai") != nil`:        "timezone() cannot be used",
		`toJSON($env) != ""`:                      "toJSON() cannot be used in a condition; the functions a condition may call are listed",
		`$env.hours > 3`:                          "$env cannot be used",
		`rung matches "^w"`:                       "matches cannot be used",
		`split(rung, "-")[0] == "x"`:              "split() cannot be used",
		`let x = 1; x > 0`:                        "a loop or a let cannot be used",
		`1 > 0; true`:                             "this cannot be used in a condition",
	} {
		_, diags := Parse("c.yaml", []byte(head+"  a: {when: '"+cond+"', to: us, from: white-cell, channel: note, title: T}\n"))
		if len(diags) != 1 || diags[0].Code != CodeCondition || !strings.Contains(diags[0].Message, want) {
			t.Errorf("%s: findings %v, want %q", cond, diags, want)
		}
	}
	ok := `upper(replace(rung, "-", "_")) != "" && max(hours, days) >= 0 && abs(trust - tension) < 200 && len(trim(rung)) > 0 && hasPrefix(rung, rung) && indexOf(rung, "x") >= -1 && string(ladder) != "" && round(1.5) > 0`
	sc, diags := Parse("c.yaml", []byte(head+"  a: {when: '"+ok+"', to: us, from: white-cell, channel: note, title: T}\n"))
	if sc == nil {
		t.Fatal(diags)
	}
	var ev Evaluator
	i, _ := sc.InjectIndex("a")
	if got, err := ev.Eval(sc.Injects[i].Trigger.If, sc.Env(nil)); !got || err != nil {
		t.Errorf("the callable functions: %v, %v", got, err)
	}
}

func TestCleanText(t *testing.T) {
	cases := []struct{ in, text, line string }{
		{"plain", "plain", "plain"},
		{"\x1b[31mred\x1b[0m", "red", "red"},
		{"\x1b]0;pwned\x07title", "title", "title"},
		{"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link", "link"},
		{"a\x1bPq#0;2;0;0;0\x1b\\b", "ab", "ab"},
		{"\u202eevil\u202c", "evil", "evil"},
		{"\u2066iso\u2069 \u200eltr\u200f", "iso ltr", "iso ltr"},
		{"bell\x07 back\x08 cr\r nul\x00", "bell back cr nul", "bell back cr nul"},
		{"c1\u009b31m csi", "c1 csi", "c1 csi"},
		{"two\nlines\tand tab", "two\nlines\tand tab", "two lines and tab"},
		{"para\u2029graph", "para\ngraph", "para graph"},
		{"中文 éà 👩‍💻", "中文 éà 👩‍💻", "中文 éà 👩‍💻"},
		{"tag\U000E0041s", "tags", "tags"},
		{"bad\xffutf8", "badutf8", "badutf8"},
		{"lone esc\x1b", "lone esc", "lone esc"},
	}
	for _, c := range cases {
		if got := CleanText(c.in); got != c.text {
			t.Errorf("CleanText(%q) = %q, want %q", c.in, got, c.text)
		}
		if got := CleanLine(c.in); got != c.line {
			t.Errorf("CleanLine(%q) = %q, want %q", c.in, got, c.line)
		}
	}
}

// Every string of a scenario loaded from a hostile file is plain: no
// control character, escape or reordering character reaches a screen.
func TestLoadedTextIsPlain(t *testing.T) {
	// YAML's own escapes make the characters a file cannot hold raw.
	evil := `\e[31m\u202eX\e]0;t\a\u200f`
	src := fmt.Sprintf(`format: 1
scenario: {id: evil, title: "T %[1]s", summary: "S %[1]s", start: 2015-10-05 09:00, end: T+3d}
include: [common.yaml]
personas:
  p: {name: "P %[1]s", affiliation: company}
injects:
  a:
    at: T+1h
    to: us
    from: p
    channel: email
    title: "Title %[1]s"
    body: "line one %[1]s\nline two"
    notes: "N %[1]s"
    choices:
      x: {label: "L %[1]s", effects: [change: {tension: 1}]}
endings:
  e: {title: "E %[1]s", text: "Text %[1]s", if: "tension > 90"}
`, evil)
	sc, diags := Parse("evil.yaml", []byte(src))
	if sc == nil {
		t.Fatal(diags)
	}
	walkStrings(reflect.ValueOf(sc).Elem(), "Scenario", func(path, s string) {
		for _, r := range s {
			if r == 0x1b || unicode.Is(unicode.Cf, r) && r != '\u200d' && r != '\u200c' || unicode.IsControl(r) && r != '\n' && r != '\t' {
				t.Errorf("%s = %q holds %U", path, s, r)
				return
			}
		}
	})
	i, _ := sc.InjectIndex("a")
	if got := sc.Injects[i].Body; !strings.Contains(got, "\n") || !strings.Contains(got, "line one X\nline two") {
		t.Errorf("the body lost its line breaks: %q", got)
	}
}

// walkStrings calls fn for every exported string reachable from v.
func walkStrings(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, fn)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				walkStrings(v.Field(i), path+"."+f.Name, fn)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			walkStrings(v.MapIndex(k), fmt.Sprintf("%s[%v]", path, k), fn)
		}
	}
}

// What is not an inject file is refused, not read: a pipe (which would
// make the read wait forever), and an include outside the folder of the
// file that includes it (whose content is never echoed).
func TestOnlyInjectFilesAreRead(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	if diags := Check(fifo); len(diags) != 1 || !strings.Contains(diags[0].Message, "not a regular file") {
		t.Errorf("a pipe: %v", diags)
	}
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("root:x:0:0:the secret first line\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(dir, secret)
	for name, include := range map[string]string{"a pipe": "pipe.yaml", "outside": rel, "absolute": secret} {
		top := filepath.Join(dir, "top.yaml")
		if err := os.WriteFile(top, []byte("format: 1\nscenario: {id: t, title: T, start: 2015-10-05 09:00, end: T+3d}\ninclude: [common.yaml, \""+include+"\"]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		diags := Check(top)
		if !hasCode(diags, CodeInclude) || strings.Contains(diags.Error(), "secret") && name != "a pipe" && strings.Contains(diags.Error(), "the secret first line") {
			t.Errorf("%s: %v", name, diags)
		}
		if strings.Contains(diags.Error(), "the secret first line") {
			t.Errorf("%s: the findings echo the file's content: %v", name, diags)
		}
	}
}

// The digest is what the files say, not what they are called: the same
// file by a relative or an absolute path, or through a link, is the same
// scenario; one changed byte in an include makes another.
func TestDigestIsContent(t *testing.T) {
	dir := t.TempDir()
	inc := filepath.Join(dir, "part.yaml")
	top := filepath.Join(dir, "top.yaml")
	write := func(path, text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(inc, "format: 1\nshared: true\npersonas:\n  p: {name: P, affiliation: company}\n")
	write(top, "format: 1\nscenario: {id: d, title: D, start: 2015-10-05 09:00, end: T+3d}\ninclude: [common.yaml, part.yaml]\ninjects:\n  a: {at: T+1h, to: us, from: p, channel: email, title: T}\n")
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	digest := func(path string) string {
		t.Helper()
		sc, diags := Load(path)
		if sc == nil {
			t.Fatal(diags)
		}
		return sc.Digest
	}
	abs := digest(top)
	t.Chdir(dir)
	if got := digest("top.yaml"); got != abs {
		t.Errorf("relative path: digest %.12s, absolute %.12s", got, abs)
	}
	t.Chdir(filepath.Dir(dir))
	if got := digest(filepath.Join(filepath.Base(dir), ".", "top.yaml")); got != abs {
		t.Errorf("from the parent folder: digest %.12s, absolute %.12s", got, abs)
	}
	if got := digest(filepath.Join(link, "top.yaml")); got != abs {
		t.Errorf("through a link: digest %.12s, absolute %.12s", got, abs)
	}
	write(inc, "format: 1\nshared: true\npersonas:\n  p: {name: Q, affiliation: company}\n")
	if got := digest(top); got == abs {
		t.Error("a changed include leaves the digest as it was")
	}
}

// The objective-to-event mapping: an objective names the injects and
// requests that exercise it, they may name it, and one nothing exercises is
// a warning.
func TestObjectivesMapToEvents(t *testing.T) {
	sc, diags := Parse("o.yaml", []byte(`format: 1
scenario: {id: o, title: O, start: 2015-10-05 09:00, end: T+3d}
include: [common.yaml]
objectives:
  answer: {text: Answer on time, injects: [a], requests: [rq]}
  attribute: Weigh public attribution
  idle: Nothing serves this
requests:
  rq: {kind: information, from: us, subject: S, category: commercial-theft, due: {acknowledge: 24h}, objectives: [attribute], if: "true"}
injects:
  a: {at: T+1h, to: us, from: white-cell, channel: note, title: T, objectives: [attribute]}
`))
	if sc == nil {
		t.Fatal(diags)
	}
	byID := map[string]Objective{}
	for _, o := range sc.Objectives {
		byID[o.ID] = o
	}
	if o := byID["answer"]; !reflect.DeepEqual(o.Injects, []string{"a"}) || !reflect.DeepEqual(o.Requests, []string{"rq"}) {
		t.Errorf("answer: %+v", o)
	}
	if o := byID["attribute"]; !reflect.DeepEqual(o.Injects, []string{"a"}) || !reflect.DeepEqual(o.Requests, []string{"rq"}) {
		t.Errorf("attribute: %+v", o)
	}
	unexercised := 0
	for _, d := range diags {
		if d.Code == CodeUnexercised {
			unexercised++
			if !strings.Contains(d.Message, `"idle"`) {
				t.Errorf("the wrong objective is unexercised: %v", d)
			}
		}
	}
	if unexercised != 1 {
		t.Errorf("%d unexercised objectives in %v", unexercised, diags)
	}
}

// A finding says what is in the file: a value a tag or quotes make other
// than it looks, and an include given from the root.
func TestFindingsSayWhatIsWritten(t *testing.T) {
	head := "format: 1\nscenario: {id: c, title: C, start: 2015-10-05 09:00, end: T+3d}\ninclude: [common.yaml]\n"
	for body, want := range map[string]string{
		"variables:\n  v: {type: int, initial: !!float 50}\n":        `initial: expected a whole number, found "50" with the tag !!float, which makes it a number with a fraction; remove the tag`,
		"variables:\n  v: {type: int, initial: \"50\"}\n":            `initial: expected a whole number, found "50" in quotes, which make it text; remove the quotes`,
		"variables:\n  v: {type: int, min: !!float 0, initial: 5}\n": `min: expected a whole number, found "0" with the tag !!float`,
	} {
		_, diags := Parse("t.yaml", []byte(head+body))
		if !strings.Contains(diags.Error(), want) {
			t.Errorf("%s: findings %v, want %q", body, diags, want)
		}
	}
	dir := t.TempDir()
	top := filepath.Join(dir, "top.yaml")
	if err := os.WriteFile(top, []byte("format: 1\nscenario: {id: t, title: T, start: 2015-10-05 09:00, end: T+3d}\ninclude: [common.yaml, /dev/zero]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	diags := Check(top)
	if !strings.Contains(diags.Error(), `include "/dev/zero": an include names a file by its path from the folder of the file that includes it, not from the root`) {
		t.Errorf("an include from the root: %v", diags)
	}
}
