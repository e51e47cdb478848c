package starter_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hotline/game"
	"hotline/injects"
	"hotline/injects/starter"
)

// TestStarterValidatesAndPlays: the starting file is clean as written and
// plays to an ending with every pair of counterparts.
func TestStarterValidatesAndPlays(t *testing.T) {
	for _, teams := range [][]string{nil, {"us=doj,ic,treasury", "cn=siio"}} {
		sides, err := starter.ParseSides(teams)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "Port Attack.yaml")
		if err := os.WriteFile(path, starter.File(starter.Options{File: path, Teams: sides}), 0o644); err != nil {
			t.Fatal(err)
		}
		sc, diags := injects.Load(path)
		if sc == nil || len(diags) > 0 {
			t.Fatalf("the starting file has findings:\n%s", diags.Error())
		}
		if sc.ID != "port-attack" || len(sc.Injects) != 3 || len(sc.Requests) != 2 || len(sc.Endings) != 2 {
			t.Errorf("scenario %q: %d injects, %d requests, %d endings", sc.ID, len(sc.Injects), len(sc.Requests), len(sc.Endings))
		}
		for side := range sc.Sides {
			if n := len(sc.TeamsOf(injects.Side(side))); n < 1 || teams == nil && n != 2 {
				t.Errorf("%s has %d teams", injects.Side(side), n)
			}
		}
		if teams != nil {
			if tm, ok := sc.Team("doj"); !ok || tm.Name != "Department of Justice" {
				t.Errorf("doj: %+v", tm)
			}
			if tm, ok := sc.Team("treasury"); !ok || tm.Name != "TREASURY" {
				t.Errorf("treasury: %+v", tm)
			}
		}
		endings := map[string]bool{}
		for _, us := range sc.Sides[injects.US].Counterparts {
			for _, cn := range sc.Sides[injects.CN].Counterparts {
				st, err := game.Play(sc, 1, [2]string{us, cn}, nil)
				if err != nil {
					t.Fatal(err)
				}
				endings[st.Ending] = true
			}
		}
		if !endings["both-answered"] || !endings["fell-short"] {
			t.Errorf("endings reached: %v", endings)
		}
	}
}

func TestParseSidesRefusesMistakes(t *testing.T) {
	for _, spec := range [][]string{{"uk=mi5"}, {"us"}, {"us=fbi", "us=dhs"}, {"us=all"}, {"us=fbi,,dhs"},
		{"us=f b i"}, {"us=fbi", "cn=fbi"}} {
		if _, err := starter.ParseSides(spec); err == nil || !strings.HasPrefix(err.Error(), "--sides") {
			t.Errorf("%v: %v", spec, err)
		}
	}
}

func TestIDFromPath(t *testing.T) {
	for in, want := range map[string]string{"/tmp/x/Port Attack.yaml": "port-attack", "my.yaml": "my",
		"../???.yaml": "my-scenario", "Été 2015.yaml": "t-2015", "a_b.c.yaml": "a_b.c", "--x--.yaml": "x"} {
		if got := starter.IDFromPath(in); got != want {
			t.Errorf("IDFromPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCommentsSayThingsOnce: the starting file's comments never say the
// same thing twice, as when a section's comment is written over an older
// one and both are left in.
func TestCommentsSayThingsOnce(t *testing.T) {
	text := string(starter.File(starter.Options{File: "port.yaml"}))
	seen := map[string]int{}
	for n, line := range strings.Split(text, "\n") {
		comment, ok := strings.CutPrefix(strings.TrimSpace(line), "#")
		if !ok {
			continue
		}
		words := strings.Fields(strings.ToLower(strings.Trim(comment, " .,;:")))
		for i := 0; i+4 <= len(words); i++ {
			phrase := strings.Join(words[i:i+4], " ")
			if first, dup := seen[phrase]; dup && first != n+1 {
				t.Errorf("line %d says %q again (first on line %d)", n+1, phrase, first)
			}
			seen[phrase] = n + 1
		}
	}
}
