package injects

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// stateProbe answers a condition's questions as a state of play might.
type stateProbe struct{ n int }

func (p stateProbe) Fired(string) bool             { return p.n%2 == 0 }
func (p stateProbe) Chose(string, string) bool     { return p.n%3 == 0 }
func (p stateProbe) Taken(string) bool             { return p.n%5 == 0 }
func (p stateProbe) Status(string) string          { return requestStatuses[p.n%len(requestStatuses)] }
func (p stateProbe) Late(string) bool              { return p.n%7 == 0 }
func (p stateProbe) Delivered(string, string) bool { return p.n%11 == 0 }
func (p stateProbe) Quality(string, string) string {
	return []string{"", "thin", "adequate", "thorough"}[p.n%4]
}
func (p stateProbe) Score(string) int      { return p.n%102 - 1 }
func (p stateProbe) Missed(string) int     { return p.n % 3 }
func (p stateProbe) Kept(string) int       { return p.n % 4 }
func (p stateProbe) Escalation(string) int { return p.n % 4 }

// conditionScenario is a scenario with a variable of each kind, a request
// and an inject whose when: is the condition given.
func conditionScenario(cond string) []byte {
	quoted, _ := yaml.Marshal(cond)
	return []byte(`format: 1
scenario: {id: c, title: C, start: 2015-10-05 09:00, end: T+3d}
include: [common.yaml]
variables:
  zero: {type: int, initial: 0}
  flag: {type: bool, initial: false}
requests:
  rq: {kind: information, from: us, subject: S, category: commercial-theft, due: {acknowledge: 24h}, if: "true"}
injects:
  b: {at: T+1h, to: us, from: white-cell, channel: note, title: B, choices: {yes: {label: Y}, no: {label: N}}}
  a:
    when: ` + strings.TrimSuffix(string(quoted), "\n") + `
    to: us
    from: white-cell
    channel: note
    title: T
`)
}

// FuzzCondition feeds the loader arbitrary conditions and runs those it
// accepts. Loading never panics nor overflows its stack; a condition
// refused is refused at a place in the file; one accepted runs, in any
// state of play, within a small allocation, and fails (if it fails) in
// words. The seed corpus, run by every `go test`, holds the built-in
// scenarios' kinds of condition and conditions written to hurt.
func FuzzCondition(f *testing.F) {
	for _, seed := range []string{
		`tension >= 60`, `!flag && fired("b")`, `status("rq") in ["overdue", "declined"]`,
		`score("us") - score("cn") >= 25 && kept("us") + kept("cn") >= 1`, `chose("b", "yes") || days <= 10`,
		`quality("rq", "acknowledge") == "thin"`, `rung == "working-level" ? trust > 1 : hours > 2`,
		`upper(replace(rung, "-", "_")) != "" && max(hours, days) >= 0`, `len(trim(rung)) > 0 && abs(trust - tension) < 200`,
		`trust % zero == 1`, `"abc"[5] == "c"`, `int("x") > 0`,
		strings.Repeat("!", 40) + "true", strings.Repeat("(", 40) + "true" + strings.Repeat(")", 40),
		`upper(replace("` + strings.Repeat("a", 1000) + `", "a", "zzzz")) == "x"`,
		`len(replace(replace(replace("aaaaaaaaaa", "a", "aaaaaaaaaa"), "a", "aaaaaaaaaa"), "a", "aaaaaaaaaa")) > 0`,
		`now().Year() > 2000`, `date("2030-01-01") > now()`, `toJSON($env) != ""`, `all(1..1000000, {# > 0})`,
		`let x = 1; x > 0`, `rung matches "^w"`, `2 ** 2 ** 2 ** 2 ** 2 > 0`, `1 / 0 > 0`,
		strings.Repeat("trust > 1 && ", 200) + "true",
	} {
		f.Add(seed)
	}
	if sc, diags := Parse("c.yaml", conditionScenario(`tension >= 60 && fired("b")`)); sc == nil {
		f.Fatalf("the scenario around the conditions does not load: %v", diags)
	}
	f.Fuzz(func(t *testing.T, cond string) {
		sc, diags := Parse("c.yaml", conditionScenario(cond))
		for _, d := range diags {
			if d.Line < 1 || d.Col < 1 || d.Message == "" || strings.Contains(d.Message, "interface {}") {
				t.Fatalf("finding %+v", d)
			}
		}
		if sc == nil {
			return
		}
		i, ok := sc.InjectIndex("a")
		if !ok || sc.Injects[i].Trigger.If == nil {
			return // the condition was empty, or YAML read it as something else
		}
		c := sc.Injects[i].Trigger.If
		var ev Evaluator
		for n := range 12 {
			env := sc.Env(stateProbe{n})
			env[EnvHours], env[EnvDays] = n*7, n/3
			before := allocated()
			_, err := ev.Eval(c, env)
			if grew := allocated() - before; grew > 4<<20 {
				t.Fatalf("%q allocated %d bytes in one run", cond, grew)
			}
			if err != nil && (err.Error() == "" || strings.ContainsAny(err.Error(), "\n")) {
				t.Fatalf("%q fails without words: %q", cond, err)
			}
		}
	})
}
