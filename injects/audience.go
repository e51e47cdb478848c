package injects

import "errors"

// String writes the audience as an inject file does: all, us, cn or a
// team id.
func (a Audience) String() string {
	switch {
	case a.All:
		return "all"
	case a.Team != "":
		return a.Team
	}
	return a.Side.String()
}

// ParseAudience reads what String writes. A team is named by id only: its
// side comes from the scenario.
func ParseAudience(s string) (Audience, error) {
	switch {
	case s == "all":
		return Audience{All: true}, nil
	case s == "":
		return Audience{}, errors.New("no one named")
	}
	if side, ok := ParseSide(s); ok {
		return Audience{Side: side}, nil
	}
	return Audience{Team: s}, nil
}
