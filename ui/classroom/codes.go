package classroom

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"hotline/game"
	"hotline/injects"
)

// Seat is a kind of seat a join code gives: a team's, or one of the room's
// other seats.
type Seat struct {
	Role game.Role // Player, Observer, Evaluator or Facilitator
	Team string    // a team's id, for a player
	// Projector is the screen at the front of the room: an observer with
	// the projector's view.
	Projector bool
	// Table is the table of the room the code is from, by its place.
	Table int
	// Room is a seat over every table of a room: the facilitator's console
	// or the room's projector.
	Room bool
}

// Codes are the join codes of a class, one a seat kind: what the
// facilitator writes on the board.
type Codes struct {
	// Log is the log the codes belong to: a server resumes a log only
	// with its own codes.
	Log         LogRef            `json:"log"`
	Teams       map[string]string `json:"teams"` // by team id
	Observer    string            `json:"observer"`
	Evaluator   string            `json:"evaluator"`
	Projector   string            `json:"projector"`
	Facilitator string            `json:"facilitator"`
}

// codeAlphabet has no letters or digits that look alike (0 and o, 1, i
// and l): codes are read off a board.
const codeAlphabet = "23456789abcdefghjkmnpqrstuvwxyz"

// codeLen characters of 31 are 49 bits: too many to guess at the rate the
// server answers wrong codes (docs/threat-model.md has the figures).
const codeLen = 10

// NewCodes makes fresh random codes for a scenario's teams and the room's
// seats.
func NewCodes(sc *injects.Scenario) (Codes, error) {
	c := Codes{Teams: map[string]string{}}
	seen := map[string]bool{}
	fresh := func() (string, error) {
		for {
			code, err := randomCode()
			if err != nil {
				return "", err
			}
			if !seen[code] {
				seen[code] = true
				return code, nil
			}
		}
	}
	var err error
	for _, t := range sc.Teams {
		if c.Teams[t.ID], err = fresh(); err != nil {
			return Codes{}, err
		}
	}
	for _, p := range []*string{&c.Observer, &c.Evaluator, &c.Projector, &c.Facilitator} {
		if *p, err = fresh(); err != nil {
			return Codes{}, err
		}
	}
	return c, nil
}

// randomCode is codeLen characters, in two groups of five: k7mq2-x9hpw.
func randomCode() (string, error) {
	var b strings.Builder
	buf := make([]byte, codeLen)
	if _, err := rand.Read(buf); err != nil {
		return "", err
	}
	for i, x := range buf {
		if i == codeLen/2 {
			b.WriteByte('-')
		}
		// 256 is not a multiple of 31: drawing again on the last few
		// values keeps every character equally likely.
		for int(x) >= 256-256%len(codeAlphabet) {
			var one [1]byte
			if _, err := rand.Read(one[:]); err != nil {
				return "", err
			}
			x = one[0]
		}
		b.WriteByte(codeAlphabet[int(x)%len(codeAlphabet)])
	}
	return b.String(), nil
}

// Lookup says which seat a code gives, comparing it with every code in
// constant time: how long it takes says nothing about how close it came.
func (c Codes) Lookup(code string) (Seat, bool) {
	code = normalize(code)
	var found Seat
	ok := 0
	try := func(want string, s Seat) {
		if subtle.ConstantTimeCompare([]byte(code), []byte(want)) == 1 {
			found, ok = s, 1
		}
	}
	for team, want := range c.Teams {
		try(want, Seat{Role: game.Player, Team: team})
	}
	try(c.Observer, Seat{Role: game.Observer})
	try(c.Evaluator, Seat{Role: game.Evaluator})
	try(c.Projector, Seat{Role: game.Observer, Projector: true})
	try(c.Facilitator, Seat{Role: game.Facilitator})
	return found, ok == 1
}

// normalize reads a code as people type it: any case, spaces or a missing
// dash.
func normalize(code string) string {
	code = strings.ToLower(strings.Join(strings.Fields(code), ""))
	if len(code) == codeLen && !strings.Contains(code, "-") {
		code = code[:codeLen/2] + "-" + code[codeLen/2:]
	}
	return code
}

// LogRef names a class's log: its file name and a digest of its first
// event, the start record, which no other class's log has unless it is the
// same scenario, seed and facilitator under the same name.
type LogRef struct {
	Name  string `json:"name"`
	Start string `json:"start"`
}

// RefOf names the log at path whose first event is start.
func RefOf(path string, start game.Event) LogRef {
	b, _ := json.Marshal(start)
	sum := sha256.Sum256(b)
	return LogRef{Name: filepath.Base(path), Start: hex.EncodeToString(sum[:12])}
}

// Save writes the codes to path, readable by its owner alone: a restarted
// server keeps them, so the board stays right.
func (c Codes) Save(path string) error {
	data, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o600)
}

// LoadCodes reads the codes a server saved for a log and its scenario,
// checking that they are the log's own and a full set for its teams. A
// file that is not there is an error that wraps fs.ErrNotExist.
func LoadCodes(path string, sc *injects.Scenario, log LogRef) (Codes, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Codes{}, fmt.Errorf("the join codes of this class are not beside its log (%s): %w", path, err)
	}
	if err != nil {
		return Codes{}, err
	}
	var c Codes
	if err := json.Unmarshal(data, &c); err != nil {
		return Codes{}, fmt.Errorf("%s is not a file of join codes: %v", path, err)
	}
	if c.Log != log {
		owner := c.Log.Name
		if owner == "" {
			owner = "unnamed"
		}
		return Codes{}, fmt.Errorf("%s holds the join codes of another log (%s), not of %s: move it away and resume again, and the class gets new codes", path, owner, log.Name)
	}
	for _, t := range sc.Teams {
		if c.Teams[t.ID] == "" {
			return Codes{}, fmt.Errorf("%s has no join code for the team %s", path, t.ID)
		}
	}
	if c.Observer == "" || c.Evaluator == "" || c.Projector == "" || c.Facilitator == "" {
		return Codes{}, fmt.Errorf("%s lacks some of the room's join codes", path)
	}
	return c, nil
}

// RoomCodes are the codes of the seats a room of several tables has over
// all of them: the facilitator's console and the room's projector.
type RoomCodes struct {
	Facilitator string `json:"facilitator"`
	Projector   string `json:"projector"`
}

// NewRoomCodes makes fresh codes for a room's own seats, none of them a
// table's.
func NewRoomCodes(tables []Codes) (RoomCodes, error) {
	for {
		var r RoomCodes
		var err error
		if r.Facilitator, err = randomCode(); err != nil {
			return r, err
		}
		if r.Projector, err = randomCode(); err != nil {
			return r, err
		}
		clash := r.Facilitator == r.Projector
		for _, c := range tables {
			_, a := c.Lookup(r.Facilitator)
			_, b := c.Lookup(r.Projector)
			clash = clash || a || b
		}
		if !clash {
			return r, nil
		}
	}
}

// Lookup returns the room's seat a code gives, if it is one of the room's.
func (r RoomCodes) Lookup(code string) (Seat, bool) {
	code = normalize(code)
	switch {
	case r.Facilitator != "" && subtle.ConstantTimeCompare([]byte(code), []byte(r.Facilitator)) == 1:
		return Seat{Role: game.Facilitator, Room: true}, true
	case r.Projector != "" && subtle.ConstantTimeCompare([]byte(code), []byte(r.Projector)) == 1:
		return Seat{Role: game.Observer, Projector: true, Room: true}, true
	}
	return Seat{}, false
}

// Shares reports whether two tables' codes have a code in common, which
// would leave the table a student joins to chance.
func (c Codes) Shares(other Codes) bool {
	for _, code := range c.all() {
		if _, ok := other.Lookup(code); ok {
			return true
		}
	}
	return false
}

func (c Codes) all() []string {
	out := []string{c.Observer, c.Evaluator, c.Projector, c.Facilitator}
	for _, code := range c.Teams {
		out = append(out, code)
	}
	return out
}
