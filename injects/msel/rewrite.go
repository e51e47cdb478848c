package msel

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v4"
)

// Importing onto a file rewrites only what the sheet changed. A YAML
// encoder lays a whole file out anew: it folds long lines, moves comments
// and loses alignment, so a diff of an import shows changes nobody made.
// Instead, the file's text is kept line for line, and only the entries
// whose values changed are written anew, each as small as it can be (a
// changed choice label, not its inject); deleted entries are cut and new
// ones written where they go.

// encode writes the base file as the import left it: spliced into the file
// as written, or laid out anew when there is no base file, or when its
// layout is one the splice does not read (flow style, CRLF line ends).
func (b *baseFile) encode(doc *yaml.Node) ([]byte, error) {
	if b != nil {
		if text, ok := splice(b.text, b.pristine, doc); ok {
			return text, nil
		}
	}
	return encode(doc)
}

// splice writes doc into text, which pristine is the parse of.
func splice(text []byte, pristine, doc *yaml.Node) ([]byte, bool) {
	if bytes.Contains(text, []byte("\r")) || len(pristine.Content) != 1 || len(doc.Content) != 1 {
		return nil, false
	}
	body, newline := strings.CutSuffix(string(text), "\n")
	lines := strings.Split(body, "\n")
	s := &splicer{lines: lines}
	if !s.mapping(pristine.Content[0], doc.Content[0], 1, len(lines)) {
		return nil, false
	}
	out := []byte(strings.Join(s.out, "\n"))
	if newline {
		out = append(out, '\n')
	}
	// What was written must read as what was meant.
	var check yaml.Node
	if yaml.Unmarshal(out, &check) != nil || len(check.Content) != 1 || !sameNode(check.Content[0], doc.Content[0]) {
		return nil, false
	}
	return out, true
}

type splicer struct {
	lines []string // the file as written
	out   []string
}

// line is line n of the file, counted from 1.
func (s *splicer) line(n int) string { return s.lines[n-1] }

func (s *splicer) copy(from, to int) { s.out = append(s.out, s.lines[from-1:to]...) }

// mapping writes the block mapping that old was, and doc is, in place of
// lines from..to of the file.
func (s *splicer) mapping(old, doc *yaml.Node, from, to int) bool {
	if old.Kind != yaml.MappingNode || old.Style&yaml.FlowStyle != 0 || len(old.Content) == 0 ||
		doc.Kind != yaml.MappingNode {
		return false
	}
	keyIndent := old.Content[0].Column - 1
	// Each entry's lines: its head (the blank lines and comments above its
	// key, at the key's indent or less), its key, and what is under it.
	n := len(old.Content) / 2
	start := make([]int, n+1)
	start[0], start[n] = from, to+1
	for i := 1; i < n; i++ {
		prev, j := old.Content[2*(i-1)].Line, old.Content[2*i].Line-1
		for j > prev && (strings.TrimSpace(s.line(j)) == "" || isComment(s.line(j)) && indent(s.line(j)) <= keyIndent) {
			j--
		}
		start[i] = j + 1
	}
	index := map[string]int{}
	for i := range n {
		index[old.Content[2*i].Value] = i
	}
	spaced := false // entries are set apart by blank lines
	for i := 1; i < n; i++ {
		spaced = spaced || strings.TrimSpace(s.line(start[i])) == ""
	}
	last := -1
	for k := 0; k+1 < len(doc.Content); k += 2 {
		key, value := doc.Content[k], doc.Content[k+1]
		i, ok := index[key.Value]
		if !ok { // a new entry
			if spaced {
				s.out = append(s.out, "")
			}
			if !s.pair(key, value, keyIndent) {
				return false
			}
			continue
		}
		if i < last {
			return false // reordered: lay it out anew
		}
		last = i
		was, keyLine, end := old.Content[2*i+1], old.Content[2*i].Line, start[i+1]-1
		switch {
		case sameNode(was, value):
			s.copy(start[i], end)
		case was.Kind == yaml.MappingNode && value.Kind == yaml.MappingNode && was.Line > keyLine && len(was.Content) > 0:
			s.copy(start[i], keyLine)
			if !s.mapping(was, value, keyLine+1, end) {
				return false
			}
		default:
			s.copy(start[i], keyLine-1) // its head
			if !s.pair(key, value, keyIndent) {
				return false
			}
		}
	}
	return true
}

// pair writes key: value anew, at an indent.
func (s *splicer) pair(key, value *yaml.Node, indent int) bool {
	k, v := *key, *value
	k.HeadComment, v.HeadComment = "", "" // the head is kept as written
	raw, err := yaml.Dump(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{&k, &v}},
		yaml.WithIndent(2), yaml.WithLineWidth(-1), yaml.WithCompactSeqIndent(false))
	if err != nil {
		return false
	}
	pad := strings.Repeat(" ", indent)
	for _, l := range strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n") {
		if l != "" {
			l = pad + l
		}
		s.out = append(s.out, l)
	}
	return true
}

func isComment(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "#") }

// sameNode reports whether two nodes hold the same values, however they
// are written.
func sameNode(a, b *yaml.Node) bool {
	for a.Kind == yaml.AliasNode && a.Alias != nil {
		a = a.Alias
	}
	for b.Kind == yaml.AliasNode && b.Alias != nil {
		b = b.Alias
	}
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind == yaml.ScalarNode {
		return a.Value == b.Value && a.ShortTag() == b.ShortTag()
	}
	if len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !sameNode(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}
