package injects

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse feeds the loader arbitrary bytes. It must never panic; a file
// it accepts has no errors and is consistent enough for the engine to play
// (every reference resolves and every condition is compiled); a file it
// refuses says why. The seed corpus, run by every `go test`, is every
// built-in file, every bad file of testdata, and testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	builtins, err := fs.Glob(builtinFS, builtinDir+"/*.yaml")
	if err != nil || len(builtins) == 0 {
		f.Fatalf("no built-in files: %v", err)
	}
	for _, name := range builtins {
		data, err := builtinFS.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	var files []string
	for _, pattern := range []string{"testdata/*.yaml", "testdata/bad/*.yaml", "testdata/bad/*/*.yaml"} {
		m, _ := filepath.Glob(filepath.FromSlash(pattern))
		files = append(files, m...)
	}
	if len(files) < 30 {
		f.Fatalf("only %d seed files in testdata", len(files))
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}

	// Files written to hurt: aliases that fan out, a finding a line, a
	// long id, escapes and reordering characters, huge numbers, conditions
	// that loop or divide by zero, an include that leaves its folder.
	head := "format: 1\nscenario: {id: h, title: H, start: 2015-10-05 09:00, end: T+3d}\ninclude: [common.yaml]\n"
	for _, hostile := range []string{
		fanOut(300),
		fanOut(40),
		head + strings.Repeat("injects: {i: {at: T+1h, to: us, from: white-cell, channel: note, title: T, bogus: 1}}\n", 50),
		"format: 1\nscenario: {id: " + strings.Repeat("x", 5000) + ", title: T, start: 2015-10-05 09:00, end: T+3d}\n",
		head + "injects:\n  a: {at: T+1h, to: us, from: white-cell, channel: note, title: \"\\e[31m\\u202eX\\e]0;t\\a\"}\n",
		head + "variables:\n  v: {type: int, min: -9223372036854775808, max: 9223372036854775807, initial: 99999999999}\n",
		head + "injects:\n  a: {when: 'all(1..1000000, {# > 0})', to: us, from: white-cell, channel: note, title: T}\n",
		head + "variables:\n  z: {type: int, initial: 0}\ninjects:\n  a: {when: 'trust % z == 1', to: us, from: white-cell, channel: note, title: T}\n",
		head + "include: [../../../../etc/passwd]\n",
	} {
		f.Add([]byte(hostile))
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		s, diags := Parse("fuzz.yaml", data)
		switch {
		case s != nil && diags.Errors() > 0:
			t.Fatalf("a scenario came back with errors:\n%s", diags.Error())
		case s == nil && diags.Errors() == 0:
			t.Fatalf("no scenario and no error to say why:\n%s", diags.Error())
		}
		for _, d := range diags {
			if d.File == "" || d.Line < 1 || d.Col < 1 || d.Code == "" || d.Message == "" {
				t.Fatalf("incomplete finding %+v", d)
			}
		}
		if s != nil {
			checkPlayable(t, s)
		}
	})
}

// checkPlayable checks what the engine takes for granted in a loaded
// scenario.
func checkPlayable(t *testing.T, s *Scenario) {
	t.Helper()
	cond := func(c *Condition, what string) {
		if c != nil && c.program == nil {
			t.Fatalf("%s: condition %q was not compiled", what, c.Source)
		}
	}
	effects := func(es []Effect, what string) {
		for _, e := range es {
			var ok bool
			switch e.Kind {
			case SetVar, ChangeVar:
				_, ok = s.VariableIndex(e.Var)
			case OpenReq:
				_, ok = s.RequestIndex(e.Target)
			case RingLine:
				_, ok = s.RequestIndex(e.Target)
				ok = ok || e.Target == ""
			case FireInject, CancelInject:
				_, ok = s.InjectIndex(e.Target)
			case EndExercise:
				_, ok = s.EndingIndex(e.Target)
			case MoveLadder:
				ok = e.Steps != 0
			}
			if !ok {
				t.Fatalf("%s: effect %+v does not resolve", what, e)
			}
		}
	}
	if s.End <= 0 || s.Start.IsZero() {
		t.Fatalf("scenario start %v, end %v", s.Start, s.End)
	}
	for _, side := range []Side{US, CN} {
		if len(s.TeamsOf(side)) == 0 {
			t.Fatalf("side %s has no team", side)
		}
		for _, id := range s.Sides[side].Counterparts {
			if _, ok := s.Profile(id); !ok {
				t.Fatalf("side %s: counterpart %q does not resolve", side, id)
			}
		}
	}
	if len(s.Hotline.Rungs) < 2 {
		t.Fatalf("%d rungs", len(s.Hotline.Rungs))
	}
	for i := range s.Injects {
		in := &s.Injects[i]
		if j, ok := s.InjectIndex(in.ID); !ok || j != i {
			t.Fatalf("inject %q is not indexed at %d", in.ID, i)
		}
		if in.From != "" {
			if _, ok := s.Persona(in.From); !ok {
				t.Fatalf("inject %q: persona %q does not resolve", in.ID, in.From)
			}
		}
		if in.To.Team != "" {
			if tm, ok := s.Team(in.To.Team); !ok || tm.Side != in.To.Side {
				t.Fatalf("inject %q: team %q does not resolve to side %s", in.ID, in.To.Team, in.To.Side)
			}
		}
		switch in.Trigger.Kind {
		case After:
			if _, ok := s.InjectIndex(in.Trigger.After); !ok {
				t.Fatalf("inject %q: after %q does not resolve", in.ID, in.Trigger.After)
			}
		case When:
			if in.Trigger.If == nil {
				t.Fatalf("inject %q: when without a condition", in.ID)
			}
			cond(in.Trigger.If, in.ID)
		}
		if len(in.Choices) > 0 && in.To.All {
			t.Fatalf("inject %q: choices for all", in.ID)
		}
		effects(in.Effects, in.ID)
		for _, ch := range in.Choices {
			effects(ch.Effects, in.ID+"/"+ch.ID)
			if ch.Next != "" {
				if _, ok := s.InjectIndex(ch.Next); !ok {
					t.Fatalf("inject %q choice %q: next %q does not resolve", in.ID, ch.ID, ch.Next)
				}
			}
		}
		if dl := in.Deadline; dl != nil {
			if dl.Within <= 0 {
				t.Fatalf("inject %q: deadline within %v", in.ID, dl.Within)
			}
			if _, ok := in.Choice(dl.Choose); dl.Choose != "" && !ok {
				t.Fatalf("inject %q: deadline choose %q does not resolve", in.ID, dl.Choose)
			}
			effects(dl.Effects, in.ID+" deadline")
		}
	}
	for i := range s.Requests {
		r := &s.Requests[i]
		if r.From == r.To {
			t.Fatalf("request %q from and to %s", r.ID, r.From)
		}
		for _, el := range r.Elements {
			if el.Due <= 0 {
				t.Fatalf("request %q element %q due %v", r.ID, el.ID, el.Due)
			}
		}
		for _, g := range r.Grounds {
			if _, ok := s.Ground(g); !ok {
				t.Fatalf("request %q: ground %q does not resolve", r.ID, g)
			}
		}
		cond(r.Available, r.ID)
		effects(r.OnOverdue, r.ID)
	}
	for _, a := range s.Actions {
		cond(a.If, a.ID)
		effects(a.Effects, a.ID)
	}
	for _, e := range s.Endings {
		cond(e.If, e.ID)
	}
	for _, v := range s.Variables {
		if v.Initial.Type != v.Type {
			t.Fatalf("variable %q of type %s starts as %s", v.ID, v.Type, v.Initial.Type)
		}
		if v.Meter() && (v.Initial.Int < v.Min || v.Initial.Int > v.Max) {
			t.Fatalf("variable %q starts at %d, outside %d..%d", v.ID, v.Initial.Int, v.Min, v.Max)
		}
	}
	for _, m := range s.Review.Meetings {
		if m > s.End {
			t.Fatalf("review meeting at %v after the end %v", m, s.End)
		}
	}
}
