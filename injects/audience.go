package injects

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
