package ui

import (
	"fmt"
	"strings"

	"hotline/game"
	"hotline/injects"
)

// How an inject reads on any seat's screen: to whom it is addressed, what
// it offers to decide, and who decided.

// decider is the team a seat decides inject i as: the team it names, or
// the seat's own team of the side it is addressed to.
func decider(g *Game, i int) string {
	in := &g.Scenario().Injects[i]
	if in.To.Team != "" {
		return in.To.Team
	}
	return g.lead()
}

// awaitsChoice reports whether a seat that decides (a team's, a solo
// player's) still has to decide on inject i: whether the engine would take
// a choice from it now.
func awaitsChoice(g *Game, decides bool, i int) bool {
	in := &g.Scenario().Injects[i]
	if !decides || len(in.Choices) == 0 || g.State().Injects[i].Resolved {
		return false
	}
	return g.check(game.Command{Team: decider(g, i), Verb: game.Choose, Inject: in.ID, Choice: in.Choices[0].ID}) == nil
}

// choicesView lists an inject's choices with the deadline, or what was
// decided and by whom; a seat that does not decide sees who does.
func choicesView(c *common, decides bool, i, w int) string {
	s, g := c.styles, c.g
	st, sc := g.State(), g.Scenario()
	in, is := &sc.Injects[i], &st.Injects[i]
	var b strings.Builder
	switch {
	case is.Resolved && is.Timeout && is.Choice == "":
		b.WriteString(s.Warn.Render("No decision was made before the deadline.") + "\n")
	case is.Resolved:
		ch, _ := in.Choice(is.Choice)
		how := "Decided" + byWhom(g, is.Person, is.By)
		if is.Timeout {
			how = "The deadline passed, so this applied"
		}
		b.WriteString(s.Good.Render(hang("", how+": "+ch.Label, w)) + "\n")
	case !awaitsChoice(g, decides, i):
		who := "The other side decides on this."
		switch {
		case !decides:
			who = audienceName(sc, in.To) + " decides on this."
		case in.To.Side == g.Side && !in.To.All:
			who = audienceName(sc, in.To) + " decides on this."
		}
		b.WriteString(s.Dim.Render(who) + "\n")
		if !decides {
			for k, ch := range in.Choices {
				b.WriteString(s.Dim.Render(hang(fmt.Sprintf(" %d  ", k+1), ch.Label, w)) + "\n")
			}
		}
	default:
		head := "Your decision"
		if dl := in.Deadline; dl != nil {
			left := is.FiredAt + dl.Within - st.Now
			head += fmt.Sprintf(", by %s (%s left) %s", calendar(sc, is.FiredAt+dl.Within), span(left), s.bar(left, dl.Within, 10))
		}
		b.WriteString(s.Warn.Render("⚑ "+head) + "\n")
		for k, ch := range in.Choices {
			b.WriteString(hang(" "+s.Accent.Render(fmt.Sprint(k+1))+"  ", ch.Label, w) + "\n")
		}
		if dl := in.Deadline; dl != nil && dl.Choose != "" {
			ch, _ := in.Choice(dl.Choose)
			b.WriteString(s.Dim.Render(hang("If time runs out: ", ch.Label, w)) + "\n")
		}
	}
	return b.String()
}

// byWhom says who made a decision, when it was someone other than the one
// looking: " by Ana (FBI)", or nothing.
func byWhom(g *Game, person, team string) string {
	if person == "" || person == g.Actor.Name || person == game.SoloPlayer {
		return ""
	}
	who := person
	if name, ok := strings.CutPrefix(person, "bot:"); ok {
		who = "the " + name + " bot"
	}
	if t, ok := g.Scenario().Team(team); ok {
		who += " (" + t.Name + ")"
	}
	return " by " + who
}

// audienceName names an audience in full.
func audienceName(sc *injects.Scenario, a injects.Audience) string {
	switch {
	case a.All:
		return "both delegations"
	case a.Team != "":
		if t, ok := sc.Team(a.Team); ok {
			return t.Name
		}
	}
	return a.Side.Title()
}

// audienceTag is a short name for whom something is addressed to, for
// seats that see both sides.
func audienceTag(a injects.Audience) string {
	switch {
	case a.All:
		return "[ALL]"
	case a.Team != "":
		return "[" + strings.ToUpper(a.Team) + "]"
	}
	return "[" + sideCode(a.Side) + "]"
}

func channelTag(c string) string {
	switch c {
	case "note":
		return "NOTE"
	case "intel":
		return "INTEL"
	}
	return strings.ToUpper(c)
}

// sender names who an inject is from: its persona, or its from as written.
func sender(sc *injects.Scenario, in *injects.Inject) string {
	if p, ok := sc.Persona(in.From); ok {
		return p.Name
	}
	return in.From
}

func sideCode(s injects.Side) string { return strings.ToUpper(s.String()) }
