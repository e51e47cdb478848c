// Package starter writes the commented starting file that `hotline new`
// gives a facilitator: a small scenario that validates and plays as written.
package starter

import (
	"bytes"
	_ "embed"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"

	"hotline/injects"
	"hotline/injects/schema"
)

//go:embed starter.yaml.tmpl
var text string

var tmpl = template.Must(template.New("starter").Parse(text))

// Team is one agency of a delegation.
type Team struct {
	ID   string
	Name string // quoted for YAML when the file is written
}

// Options shape the starting file.
type Options struct {
	// File is the file's name as the facilitator gave it; the comments show
	// commands with it.
	File string
	// ID is the scenario id; empty derives one from File.
	ID string
	// Teams are the teams of each side, indexed by injects.Side; a side with
	// none gets two.
	Teams [2][]Team
}

// File returns the text of a starting scenario.
func File(o Options) []byte {
	if o.ID == "" {
		o.ID = IDFromPath(o.File)
	}
	def := DefaultTeams()
	for side := range o.Teams {
		if len(o.Teams[side]) == 0 {
			o.Teams[side] = def[side]
		}
	}
	quoted := func(ts []Team) []Team {
		out := make([]Team, len(ts))
		for i, t := range ts {
			out[i] = Team{ID: t.ID, Name: strconv.Quote(t.Name)}
		}
		return out
	}
	var b bytes.Buffer
	err := tmpl.Execute(&b, map[string]any{
		"EditorLine": schema.EditorLine,
		"File":       o.File,
		"ID":         o.ID,
		"US":         quoted(o.Teams[injects.US]),
		"CN":         quoted(o.Teams[injects.CN]),
		"USTeam":     o.Teams[injects.US][0].ID,
		"CNTeam":     o.Teams[injects.CN][0].ID,
	})
	if err != nil {
		panic(err) // the template is fixed and its data always fits it
	}
	return b.Bytes()
}

// DefaultTeams are two agencies a side.
func DefaultTeams() [2][]Team {
	return [2][]Team{
		{{"fbi", "Federal Bureau of Investigation"}, {"dhs", "Department of Homeland Security"}},
		{{"mps", "Ministry of Public Security"}, {"mss", "Ministry of State Security"}},
	}
}

// IDFromPath makes a scenario id from a file name: "Port Attack.yaml" gives
// "port-attack".
func IDFromPath(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(base) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '.' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	id := strings.Trim(b.String(), "-.")
	if len(id) > 80 {
		id = id[:80]
	}
	if id == "" {
		return "my-scenario"
	}
	return id
}

// ParseSides reads --sides values such as "us=fbi,dhs" and "cn=mps,mss".
// Teams the built-in delegations know keep their names; others are named
// after their ids, for the facilitator to change.
func ParseSides(specs []string) ([2][]Team, error) {
	var teams [2][]Team
	known := knownTeams()
	seen := map[string]bool{}
	for _, spec := range specs {
		sideName, list, ok := strings.Cut(spec, "=")
		side, okSide := injects.ParseSide(strings.TrimSpace(sideName))
		if !ok || !okSide {
			return teams, fmt.Errorf("--sides %q: write a side and its team ids, like us=fbi,dhs or cn=mps,mss", spec)
		}
		if teams[side] != nil {
			return teams, fmt.Errorf("--sides: %s is given twice", side)
		}
		for _, id := range strings.Split(list, ",") {
			id = strings.TrimSpace(id)
			switch {
			case id == "":
				return teams, fmt.Errorf("--sides %q: an empty team id", spec)
			case id == "us" || id == "cn" || id == "all":
				return teams, fmt.Errorf("--sides %q: %s addresses a whole side; give the team another id", spec, id)
			case !validID(id):
				return teams, fmt.Errorf("--sides %q: %q is not a valid team id; use letters, digits, '-' and '_'", spec, id)
			case seen[id]:
				return teams, fmt.Errorf("--sides: team %q is given twice", id)
			}
			seen[id] = true
			name := known[id]
			if name == "" {
				name = strings.ToUpper(id)
			}
			teams[side] = append(teams[side], Team{ID: id, Name: name})
		}
	}
	return teams, nil
}

// knownTeams returns the names of the agencies of the built-in delegations
// (common.yaml), by team id.
func knownTeams() map[string]string {
	names := map[string]string{}
	for _, t := range DefaultTeams() {
		for _, x := range t {
			names[x.ID] = x.Name
		}
	}
	sc, _ := injects.Parse("teams.yaml", []byte("format: 1\nscenario: {id: teams, title: Teams, start: 2015-10-05, end: T+1d}\ninclude: [common.yaml]\n"))
	if sc != nil {
		for _, t := range sc.Teams {
			names[t.ID] = t.Name
		}
	}
	return names
}

// validID reports whether s is an id as inject files write them.
func validID(s string) bool {
	if s == "" || len(s) > 80 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}
