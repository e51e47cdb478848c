package graph

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// The two formats are simple enough to write by hand: Mermaid renders in
// GitHub and GitLab Markdown, DOT in Graphviz.

// Mermaid writes the graph as a Mermaid flowchart.
func (g *Graph) Mermaid(w io.Writer) error {
	b := &strings.Builder{}
	b.WriteString("flowchart TD\n")
	fmt.Fprintf(b, "  %%%% %s\n", mermaidComment(g.Title))
	var unreachable []string
	for i, n := range g.Nodes {
		open, close := mermaidShape(n.Kind)
		fmt.Fprintf(b, "  n%d%s\"%s\"%s\n", i, open, mermaidText(labelLines(n), "<br>"), close)
		if n.Unreachable {
			unreachable = append(unreachable, fmt.Sprintf("n%d", i))
		}
	}
	for _, e := range g.Edges {
		arrow := "-->"
		if e.Style == Dotted {
			arrow = "-.->"
		}
		if e.Label != "" {
			fmt.Fprintf(b, "  n%d %s|\"%s\"| n%d\n", e.From, arrow, mermaidText([]string{e.Label}, ""), e.To)
		} else {
			fmt.Fprintf(b, "  n%d %s n%d\n", e.From, arrow, e.To)
		}
	}
	if len(unreachable) > 0 {
		b.WriteString("  classDef unreachable stroke:#c00,stroke-width:2px,stroke-dasharray:5 5,color:#c00\n")
		fmt.Fprintf(b, "  class %s unreachable\n", strings.Join(unreachable, ","))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mermaidShape(k Kind) (string, string) {
	switch k {
	case Start, End:
		return "((", "))"
	case Choice:
		return "([", "])"
	case Deadline:
		return "{{", "}}"
	case Condition:
		return "{", "}"
	case Request:
		return "[/", "/]"
	case Action:
		return `[\`, `\]`
	case Ending:
		return "[[", "]]"
	}
	return "[", "]"
}

// mermaidText escapes label lines for a quoted Mermaid label: quotes and the
// characters Mermaid would read as markup become entity codes.
func mermaidText(lines []string, sep string) string {
	r := strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "&", "#amp;", "#", "#35;")
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = r.Replace(l)
	}
	return strings.Join(out, sep)
}

func mermaidComment(s string) string { return strings.Join(strings.Fields(s), " ") }

// labelLines is a node's label, with the mark of what cannot be reached.
func labelLines(n Node) []string {
	if n.Unreachable {
		return append(append([]string(nil), n.Lines...), "(unreachable)")
	}
	return n.Lines
}

// DOT writes the graph in Graphviz's language.
func (g *Graph) DOT(w io.Writer) error {
	b := &strings.Builder{}
	b.WriteString("digraph scenario {\n")
	fmt.Fprintf(b, "  label=%s;\n  labelloc=t;\n", dotString([]string{g.Title}))
	b.WriteString("  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n")
	for i, n := range g.Nodes {
		attrs := dotShape(n.Kind)
		if n.Unreachable {
			attrs += `, color="#cc0000", fontcolor="#cc0000", style="dashed"`
		}
		fmt.Fprintf(b, "  n%d [label=%s, %s];\n", i, dotString(wrap(labelLines(n), 36)), attrs)
	}
	for _, e := range g.Edges {
		var attrs []string
		if e.Label != "" {
			attrs = append(attrs, "label="+dotString([]string{e.Label}))
		}
		if e.Style == Dotted {
			attrs = append(attrs, "style=dashed")
		}
		if len(attrs) > 0 {
			fmt.Fprintf(b, "  n%d -> n%d [%s];\n", e.From, e.To, strings.Join(attrs, ", "))
		} else {
			fmt.Fprintf(b, "  n%d -> n%d;\n", e.From, e.To)
		}
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func dotShape(k Kind) string {
	switch k {
	case Start, End:
		return "shape=circle"
	case Choice:
		return `shape=box, style="rounded"`
	case Deadline:
		return "shape=hexagon"
	case Condition:
		return "shape=diamond"
	case Request:
		return "shape=parallelogram"
	case Action:
		return "shape=invtrapezium"
	case Ending:
		return "shape=doubleoctagon"
	}
	return "shape=box"
}

// wrap breaks lines at spaces to about width characters, as Mermaid does
// by itself and Graphviz does not.
func wrap(lines []string, width int) []string {
	var out []string
	for _, l := range lines {
		line := ""
		for _, w := range strings.Fields(l) {
			if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
				out = append(out, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		out = append(out, line)
	}
	return out
}

// dotString quotes label lines for DOT, one line each.
func dotString(lines []string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = r.Replace(l)
	}
	return `"` + strings.Join(out, `\n`) + `"`
}
