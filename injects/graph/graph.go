// Package graph draws a scenario's structure: its injects, choices and what
// they lead to, the conditions that trigger things (with their text),
// requests and what happens when they fall overdue, deadlines and the path
// taken when they pass, actions, and endings. Nothing in play can reach the
// nodes it marks unreachable.
//
// The analysis is static and generous: a condition is taken to hold at some
// point, an action to be taken, and a request with an if: to be sent, so an
// unreachable mark is certain while a reachable one is a possibility.
// `hotline simulate` measures what is reached in play.
package graph

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"hotline/injects"
)

// Kind is what a node stands for.
type Kind uint8

const (
	Start Kind = iota
	Inject
	Choice
	Deadline
	Condition
	Request
	Action
	End
	Ending
)

// Node is one box of the graph.
type Node struct {
	Kind  Kind
	Ref   string   // the scenario's id for it: inject, "inject/choice", request, action, ending
	Lines []string // the label, a line each
	Pos   injects.Pos
	// Unreachable marks what nothing in play can reach.
	Unreachable bool
}

// Style says how an edge is drawn: a step of play, or a weaker link.
type Style uint8

const (
	Solid  Style = iota // leads to: fires, opens, chooses, ends
	Dotted              // may lead to, or reads: triggers on a condition, times out, cancels
)

// Edge is an arrow between nodes, by index.
type Edge struct {
	From, To int
	Label    string
	Style    Style
	// Reaches says whether the edge carries reachability.
	Reaches bool
}

// Graph is a scenario's structure.
type Graph struct {
	Title string
	Nodes []Node
	Edges []Edge
}

// maxLabel bounds a label line, so that boxes stay readable; a condition
// is shown whole.
const maxLabel = 90

// Build draws the scenario.
func Build(sc *injects.Scenario) *Graph {
	b := &builder{sc: sc, g: &Graph{Title: sc.Title}, injects: map[string]int{}, requests: map[string]int{},
		endings: map[string]int{}, choices: map[string]int{}, setters: map[string][]int{}}
	b.build()
	b.variableLinks()
	b.reach()
	return b.g
}

type builder struct {
	sc                                  *injects.Scenario
	g                                   *Graph
	injects, requests, endings, choices map[string]int
	// setters are the nodes whose effects set or change each variable,
	// and conds the condition nodes, to link once every node is drawn.
	setters map[string][]int
	conds   []condNode
}

type condNode struct {
	node int
	cond *injects.Condition
}

func (b *builder) node(n Node) int {
	for i, l := range n.Lines {
		if n.Kind != Condition {
			l = clip(l)
		}
		n.Lines[i] = l
	}
	b.g.Nodes = append(b.g.Nodes, n)
	return len(b.g.Nodes) - 1
}

func (b *builder) edge(from, to int, label string, style Style, reaches bool) {
	b.g.Edges = append(b.g.Edges, Edge{From: from, To: to, Label: label, Style: style, Reaches: reaches})
}

func (b *builder) build() {
	sc := b.sc
	start := b.node(Node{Kind: Start, Lines: []string{"Start", sc.Start.Format("2006-01-02 15:04")}})
	// Nodes first, so that edges can point forward.
	for i := range sc.Injects {
		in := &sc.Injects[i]
		lines := []string{in.ID, in.Title, fmt.Sprintf("%s to %s", in.Channel, in.To.String())}
		if e := effectWords(in.Effects); e != "" {
			lines = append(lines, e)
		}
		b.injects[in.ID] = b.node(Node{Kind: Inject, Ref: in.ID, Lines: lines, Pos: in.Pos})
	}
	for i := range sc.Requests {
		r := &sc.Requests[i]
		var due []string
		for _, el := range r.Elements {
			due = append(due, el.ID+" "+injects.FormatDuration(el.Due))
		}
		lines := []string{r.ID, r.Subject, fmt.Sprintf("%s → %s, due: %s", r.From, r.To, strings.Join(due, ", "))}
		b.requests[r.ID] = b.node(Node{Kind: Request, Ref: r.ID, Lines: lines, Pos: r.Pos})
	}
	for i := range sc.Endings {
		e := &sc.Endings[i]
		b.endings[e.ID] = b.node(Node{Kind: Ending, Ref: e.ID, Lines: []string{"ending: " + e.ID, e.Title}, Pos: e.Pos})
	}

	for i := range sc.Injects {
		in := &sc.Injects[i]
		me := b.injects[in.ID]
		t := in.Trigger
		switch t.Kind {
		case injects.At:
			label := injects.FormatOffset(t.At)
			if sc.End > 0 && t.At > sc.End {
				label += ", after the end"
			}
			b.edge(start, me, label, Solid, sc.End == 0 || t.At <= sc.End)
		case injects.After:
			if from, ok := b.injects[t.After]; ok {
				b.edge(from, me, "after"+delay(t.Delay), Solid, true)
			}
		case injects.When:
			c := b.condition(t.If)
			b.edge(c, me, "when"+delay(t.Delay), Dotted, true)
		}
		b.effects(me, in.Effects, "")
		for j := range in.Choices {
			ch := &in.Choices[j]
			lines := []string{ch.ID + ": " + ch.Label}
			if e := effectWords(ch.Effects); e != "" {
				lines = append(lines, e)
			}
			c := b.node(Node{Kind: Choice, Ref: in.ID + "/" + ch.ID, Lines: lines, Pos: ch.Pos})
			b.choices[in.ID+"/"+ch.ID] = c
			b.edge(me, c, "", Solid, true)
		}
		for j := range in.Choices {
			ch := &in.Choices[j]
			c := b.choices[in.ID+"/"+ch.ID]
			b.effects(c, ch.Effects, "")
			if to, ok := b.injects[ch.Next]; ok {
				b.edge(c, to, "next", Solid, true)
			}
		}
		if dl := in.Deadline; dl != nil {
			lines := []string{"deadline " + injects.FormatDuration(dl.Within)}
			if e := effectWords(dl.Effects); e != "" {
				lines = append(lines, e)
			}
			d := b.node(Node{Kind: Deadline, Ref: in.ID, Lines: lines, Pos: dl.Pos})
			b.edge(me, d, "no choice in "+injects.FormatDuration(dl.Within), Dotted, true)
			if c, ok := b.choices[in.ID+"/"+dl.Choose]; ok {
				b.edge(d, c, "chosen", Solid, true)
			}
			b.effects(d, dl.Effects, "")
		}
	}
	for i := range sc.Requests {
		r := &sc.Requests[i]
		me := b.requests[r.ID]
		if r.Available != nil {
			c := b.condition(r.Available)
			b.edge(c, me, r.From.String()+" may send", Dotted, true)
		}
		b.effects(me, r.OnOverdue, "overdue: ")
	}
	for i := range sc.Actions {
		a := &sc.Actions[i]
		lines := []string{"action: " + a.ID, a.Label, a.Side.String() + " side"}
		if e := effectWords(a.Effects); e != "" {
			lines = append(lines, e)
		}
		me := b.node(Node{Kind: Action, Ref: a.ID, Lines: lines, Pos: a.Pos})
		if a.If != nil {
			c := b.condition(a.If)
			b.edge(c, me, "offered", Dotted, true)
		}
		b.effects(me, a.Effects, "")
	}
	b.endingChain()
}

// endingChain draws how the outcome is chosen at the end time: the endings'
// conditions in file order, the first that holds winning.
func (b *builder) endingChain() {
	sc := b.sc
	end := b.node(Node{Kind: End, Lines: []string{"End", injects.FormatOffset(sc.End)}})
	from, label := end, ""
	for i := range sc.Endings {
		e := &sc.Endings[i]
		if e.If == nil {
			continue
		}
		if strings.TrimSpace(e.If.Source) == "true" {
			b.edge(from, b.endings[e.ID], or(label, "otherwise"), Solid, true)
			return
		}
		c := b.condition(e.If)
		b.edge(from, c, label, Solid, true)
		b.edge(c, b.endings[e.ID], "yes", Solid, true)
		from, label = c, "no"
	}
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// condition adds a node for a condition, with dotted lines from the
// injects and requests it reads by name; lines from what sets the
// variables it reads are drawn once every node is (variableLinks).
func (b *builder) condition(c *injects.Condition) int {
	me := b.node(Node{Kind: Condition, Lines: []string{strings.Join(strings.Fields(c.Source), " ")}, Pos: c.Pos})
	reads := c.Reads(b.sc)
	for _, id := range reads.Injects {
		if from, ok := b.injects[id]; ok {
			b.edge(from, me, "", Dotted, false)
		}
	}
	for _, id := range reads.Requests {
		if from, ok := b.requests[id]; ok {
			b.edge(from, me, "", Dotted, false)
		}
	}
	b.conds = append(b.conds, condNode{me, c})
	return me
}

// variableLinks draws a dotted line to each condition from each node whose
// effects set or change a variable it reads, labelled with the variables:
// a branch on tension shows what raises it.
func (b *builder) variableLinks() {
	for _, c := range b.conds {
		var from []int
		vars := map[int][]string{}
		for _, v := range c.cond.Reads(b.sc).Variables {
			for _, n := range b.setters[v] {
				if len(vars[n]) == 0 {
					from = append(from, n)
				}
				vars[n] = append(vars[n], v)
			}
		}
		for _, n := range from {
			b.edge(n, c.node, strings.Join(vars[n], ", "), Dotted, false)
		}
	}
}

// effects draws the effects that lead somewhere: opening a request, firing
// or cancelling an inject, ringing the hotline about a request, ending; and
// notes what sets each variable.
func (b *builder) effects(from int, effects []injects.Effect, prefix string) {
	for _, e := range effects {
		switch e.Kind {
		case injects.SetVar, injects.ChangeVar:
			if !slices.Contains(b.setters[e.Var], from) {
				b.setters[e.Var] = append(b.setters[e.Var], from)
			}
		case injects.OpenReq:
			if to, ok := b.requests[e.Target]; ok {
				b.edge(from, to, prefix+"open", Solid, true)
			}
		case injects.FireInject:
			if to, ok := b.injects[e.Target]; ok {
				b.edge(from, to, prefix+"fire", Solid, true)
			}
		case injects.CancelInject:
			if to, ok := b.injects[e.Target]; ok {
				b.edge(from, to, prefix+"cancel", Dotted, false)
			}
		case injects.RingLine:
			if to, ok := b.requests[e.Target]; ok {
				b.edge(from, to, prefix+e.Side.String()+" rings about", Dotted, false)
			}
		case injects.EndExercise:
			if to, ok := b.endings[e.Target]; ok {
				b.edge(from, to, prefix+"end", Solid, true)
			}
		}
	}
}

// reach marks what can be reached from the roots: the start, conditions
// (which may hold), and actions (which a side may take).
func (b *builder) reach() {
	g := b.g
	reached := make([]bool, len(g.Nodes))
	var queue []int
	for i, n := range g.Nodes {
		if n.Kind == Start || n.Kind == Condition || n.Kind == Action || n.Kind == End {
			reached[i] = true
			queue = append(queue, i)
		}
	}
	out := make([][]int, len(g.Nodes))
	for _, e := range g.Edges {
		if e.Reaches {
			out[e.From] = append(out[e.From], e.To)
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, to := range out[n] {
			if !reached[to] {
				reached[to] = true
				queue = append(queue, to)
			}
		}
	}
	for i := range g.Nodes {
		g.Nodes[i].Unreachable = !reached[i]
	}
}

// Unreachable returns the nodes nothing in play can reach.
func (g *Graph) Unreachable() []Node {
	var out []Node
	for _, n := range g.Nodes {
		if n.Unreachable {
			out = append(out, n)
		}
	}
	return out
}

func delay(d time.Duration) string {
	if d == 0 {
		return ""
	}
	return " +" + injects.FormatDuration(d)
}

// effectWords sums up the effects that change meters and the ladder.
func effectWords(effects []injects.Effect) string {
	var parts []string
	for _, e := range effects {
		switch e.Kind {
		case injects.SetVar:
			parts = append(parts, e.Var+" = "+e.Value.String())
		case injects.ChangeVar:
			parts = append(parts, fmt.Sprintf("%s %+d", e.Var, e.Value.Int))
		case injects.MoveLadder:
			parts = append(parts, fmt.Sprintf("ladder %+d", e.Steps))
		}
	}
	return strings.Join(parts, ", ")
}

// clip shortens a label line to maxLabel characters.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxLabel {
		return s
	}
	return string([]rune(s)[:maxLabel-1]) + "…"
}
