// Package markdown renders the Markdown of briefings, requests and messages
// for a terminal: wrapped to a width, styled with Lip Gloss.
//
// It draws what briefings hold (paragraphs, emphasis, lists, quotes, headings,
// links, rules, tables and code) and no more: no syntax highlighting, whose
// lexers and themes would cost every start of the program more than drawing
// a whole screen does.
package markdown

import (
	"strconv"
	"strings"
	"sync"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Styles are how each kind of text is drawn.
type Styles struct {
	Text, Heading, Title, Strong, Emph, Strike, Code, Link, LinkText, Quote, Rule, CodeBlock lipgloss.Style
}

// DefaultStyles are the styles for a dark or a light background.
func DefaultStyles(dark bool) Styles {
	c := lipgloss.LightDark(dark)
	plain := lipgloss.NewStyle()
	return Styles{
		Text:      plain.Foreground(c(lipgloss.Color("234"), lipgloss.Color("252"))),
		Heading:   plain.Bold(true).Foreground(c(lipgloss.Color("27"), lipgloss.Color("39"))),
		Title:     plain.Bold(true).Foreground(c(lipgloss.Color("228"), lipgloss.Color("228"))).Background(lipgloss.Color("63")),
		Strong:    plain.Bold(true),
		Emph:      plain.Italic(true),
		Strike:    plain.Strikethrough(true),
		Code:      plain.Foreground(lipgloss.Color("203")).Background(c(lipgloss.Color("254"), lipgloss.Color("236"))),
		Link:      plain.Underline(true).Foreground(c(lipgloss.Color("36"), lipgloss.Color("30"))),
		LinkText:  plain.Bold(true).Foreground(c(lipgloss.Color("29"), lipgloss.Color("35"))),
		Quote:     plain.Foreground(c(lipgloss.Color("240"), lipgloss.Color("246"))),
		Rule:      plain.Foreground(c(lipgloss.Color("250"), lipgloss.Color("240"))),
		CodeBlock: plain.Foreground(c(lipgloss.Color("242"), lipgloss.Color("244"))),
	}
}

// margin is the blank space left and right of the text.
const margin = 2

// parser reads CommonMark with GitHub's tables and strikethrough. Raw HTML
// in a briefing is shown as the text it is. It is made on first use: a
// command that draws no briefing does not pay for it.
var parser = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
})

// Render draws source in width columns: a margin of two each side, blocks
// one blank line apart, list items and quotes indented under their marks.
func Render(source string, width int, st Styles) string {
	src := []byte(source)
	doc := parser().Parser().Parse(text.NewReader(src))
	r := renderer{src: src, st: st, paint: painter{}, looks: map[string]lipgloss.Style{
		"text": st.Text, "title": st.Title, "heading": st.Heading, "strong": st.Strong,
		"code": st.Code, "link": st.Link, "quote": st.Quote, "rule": st.Rule, "codeblock": st.CodeBlock,
	}}
	inner := max(width-2*margin, 8)
	lines := r.blocks(doc, inner)
	pad := strings.Repeat(" ", margin)
	for i, l := range lines {
		if l != "" {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n")
}

type renderer struct {
	src   []byte
	st    Styles
	looks map[string]lipgloss.Style
	paint painter
}

// painter draws text in a look. Lip Gloss works out a style's sequences
// on every call; a briefing has a handful of looks and hundreds of pieces
// of text, so each look's sequences are worked out once.
type painter map[string][2]string

func (p painter) draw(l look, text string) string {
	seq, ok := p[l.name]
	if !ok {
		open, close, _ := strings.Cut(l.style.Render("\x00"), "\x00")
		seq = [2]string{open, close}
		p[l.name] = seq
	}
	return seq[0] + text + seq[1]
}

// blocks draws a container's child blocks in width columns, a blank line
// between each two (none between the items of a tight list).
func (r renderer) blocks(parent gast.Node, width int) []string {
	var out []string
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		b := r.block(n, width)
		if len(b) == 0 {
			continue
		}
		if len(out) > 0 && !tight(n) {
			out = append(out, "")
		}
		out = append(out, b...)
	}
	return out
}

// tight reports whether a block follows the one before it with no blank
// line: the items of a tight list, and a list inside a tight item.
func tight(n gast.Node) bool {
	if _, ok := n.(*gast.ListItem); ok {
		if l, ok := n.Parent().(*gast.List); ok {
			return l.IsTight
		}
	}
	if _, ok := n.Parent().(*gast.ListItem); ok {
		if l, ok := n.Parent().Parent().(*gast.List); ok {
			return l.IsTight
		}
	}
	return false
}

func (r renderer) block(n gast.Node, width int) []string {
	switch n := n.(type) {
	case *gast.Paragraph, *gast.TextBlock:
		return wrap(r.inline(n, r.look("text")), width)
	case *gast.Heading:
		prefix := strings.Repeat("#", n.Level) + " "
		if n.Level == 1 {
			style, prefix := r.st.Title, " "
			return wrap(styled(style.Render(prefix+ansi.Strip(string(r.inline(n, r.look("title"))))+" ")), width)
		}
		return wrap(r.inline(n, r.look("heading")).prefixed(r.paint.draw(r.look("heading"), prefix)), width)
	case *gast.List:
		return r.list(n, width)
	case *gast.Blockquote:
		bar := r.paint.draw(r.look("quote"), "│ ")
		inner := r.blocks(n, width-2)
		for i, l := range inner {
			inner[i] = bar + l
		}
		return inner
	case *gast.FencedCodeBlock, *gast.CodeBlock:
		return r.code(n, width)
	case *gast.ThematicBreak:
		return []string{r.paint.draw(r.look("rule"), strings.Repeat("─", min(width, 40)))}
	case *east.Table:
		return r.table(n, width)
	case *gast.HTMLBlock:
		var b strings.Builder
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(r.src))
		}
		return wrap(styled(r.paint.draw(r.look("text"), strings.TrimRight(b.String(), "\n"))), width)
	}
	return r.blocks(n, width)
}

// list draws a list's items under their marks, each item's lines indented
// to start where its first line's text does.
func (r renderer) list(l *gast.List, width int) []string {
	var out []string
	num := l.Start
	for n := l.FirstChild(); n != nil; n = n.NextSibling() {
		mark := "• "
		if l.IsOrdered() {
			mark = strconv.Itoa(num) + ". "
			num++
		}
		indent := strings.Repeat(" ", ansi.StringWidth(mark))
		item := r.blocks(n, max(width-len(indent), 8))
		if len(out) > 0 && !l.IsTight {
			out = append(out, "")
		}
		for i, line := range item {
			switch {
			case i == 0:
				out = append(out, r.paint.draw(r.look("text"), mark)+line)
			case line == "":
				out = append(out, "")
			default:
				out = append(out, indent+line)
			}
		}
		if len(item) == 0 {
			out = append(out, r.paint.draw(r.look("text"), mark))
		}
	}
	return out
}

func (r renderer) code(n gast.Node, width int) []string {
	var out []string
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		line := strings.TrimRight(string(seg.Value(r.src)), "\n")
		line = strings.ReplaceAll(line, "\t", "    ")
		out = append(out, "  "+r.paint.draw(r.look("codeblock"), ansi.Truncate(line, max(width-2, 1), "…")))
	}
	return out
}

// table draws a table's cells in columns, shrinking the widest columns
// until the table fits.
func (r renderer) table(t *east.Table, width int) []string {
	var rows [][]string
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			l := r.look("text")
			if _, head := row.(*east.TableHeader); head {
				l = r.look("strong")
			}
			cells = append(cells, string(r.inline(c, l)))
		}
		rows = append(rows, cells)
	}
	cols := 0
	for _, row := range rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return nil
	}
	widths := make([]int, cols)
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	sep := r.paint.draw(r.look("rule"), " │ ")
	for total := func() int {
		s := 3 * (cols - 1)
		for _, w := range widths {
			s += w
		}
		return s
	}; total() > width; {
		widest := 0
		for i, w := range widths {
			if w > widths[widest] {
				widest = i
			}
		}
		if widths[widest] <= 3 {
			break
		}
		widths[widest]--
	}
	var out []string
	for ri, row := range rows {
		cells := make([]string, cols)
		for i := range cols {
			c := ""
			if i < len(row) {
				c = row[i]
			}
			c = ansi.Truncate(c, widths[i], "…")
			cells[i] = c + strings.Repeat(" ", widths[i]-ansi.StringWidth(c))
		}
		out = append(out, strings.TrimRight(strings.Join(cells, sep), " "))
		if ri == 0 {
			var rule []string
			for _, w := range widths {
				rule = append(rule, strings.Repeat("─", w))
			}
			out = append(out, r.paint.draw(r.look("rule"), strings.Join(rule, "─┼─")))
		}
	}
	return out
}

// styled is text already drawn with its styles: ANSI sequences and all.
type styled string

// prefixed puts p before the text.
func (s styled) prefixed(p string) styled { return styled(p) + s }

// inline draws the inline content of a block in one line, to be wrapped.
func (r renderer) inline(parent gast.Node, base look) styled {
	var sp spans
	r.inlines(&sp, parent, base)
	return sp.render(r.paint)
}

// look returns one of the styles by name.
func (r renderer) look(name string) look { return look{r.looks[name], name} }

// look is a style and a name for it, so that neighbouring text of the
// same look is drawn in one piece.
type look struct {
	style lipgloss.Style
	name  string
}

func (l look) with(s lipgloss.Style, name string) look {
	return look{l.style.Inherit(s), l.name + "+" + name}
}

type span struct {
	look look
	text string
}

// spans are a block's text in the looks it is drawn in.
type spans []span

func (sp *spans) add(l look, text string) {
	if n := len(*sp); n > 0 && (*sp)[n-1].look.name == l.name {
		(*sp)[n-1].text += text
		return
	}
	*sp = append(*sp, span{l, text})
}

func (sp spans) render(p painter) styled {
	var b strings.Builder
	for _, s := range sp {
		for i, part := range strings.Split(s.text, "\n") {
			if i > 0 {
				b.WriteByte('\n')
			}
			if part != "" {
				b.WriteString(p.draw(s.look, part))
			}
		}
	}
	return styled(b.String())
}

func (r renderer) inlines(sp *spans, parent gast.Node, l look) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *gast.Text:
			sp.add(l, string(n.Segment.Value(r.src)))
			switch {
			case n.HardLineBreak():
				sp.add(l, "\n")
			case n.SoftLineBreak():
				sp.add(l, " ")
			}
		case *gast.String:
			sp.add(l, string(n.Value))
		case *gast.Emphasis:
			if n.Level >= 2 {
				r.inlines(sp, n, l.with(r.st.Strong, "strong"))
			} else {
				r.inlines(sp, n, l.with(r.st.Emph, "emph"))
			}
		case *east.Strikethrough:
			r.inlines(sp, n, l.with(r.st.Strike, "strike"))
		case *gast.CodeSpan:
			// Non-breaking spaces keep a short code span on one line.
			sp.add(r.look("code"), "\u00a0"+plainText(n, r.src)+"\u00a0")
		case *gast.Link:
			r.inlines(sp, n, l.with(r.st.LinkText, "linktext"))
			dest := string(n.Destination)
			if dest != "" && dest != plainText(n, r.src) {
				sp.add(l, " ")
				sp.add(r.look("link"), dest)
			}
		case *gast.AutoLink:
			sp.add(r.look("link"), string(n.URL(r.src)))
		case *gast.Image:
			sp.add(l, "Image: ")
			sp.add(l.with(r.st.LinkText, "linktext"), plainText(n, r.src))
			if dest := string(n.Destination); dest != "" {
				sp.add(l, " ")
				sp.add(r.look("link"), dest)
			}
		case *gast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				sp.add(l, string(seg.Value(r.src)))
			}
		default:
			r.inlines(sp, n, l)
		}
	}
}

// plainText is the text of an inline node without its marks.
func plainText(n gast.Node, src []byte) string {
	var b strings.Builder
	_ = gast.Walk(n, func(c gast.Node, entering bool) (gast.WalkStatus, error) {
		if t, ok := c.(*gast.Text); entering && ok {
			b.Write(t.Segment.Value(src))
		}
		return gast.WalkContinue, nil
	})
	return b.String()
}

// wrap breaks styled text into lines of at most width columns, at spaces
// where it can and inside a word only when the word is wider than the line.
// Each line closes the styles it opens and reopens those it inherits, so
// that whatever is put before it keeps its own.
func wrap(s styled, width int) []string {
	var out []string
	open := "" // the style sequence in force where the last line ended
	for _, para := range strings.Split(string(s), "\n") {
		for _, l := range strings.Split(ansi.Wrap(para, width, ""), "\n") {
			line := open + l
			open = lastStyle(line)
			if open != "" {
				line += reset
			}
			out = append(out, line)
		}
	}
	return out
}

const reset = "\x1b[m"

// lastStyle is the last SGR sequence of a line, or "" if it was a reset:
// Lip Gloss writes each span's whole style in one sequence and ends it
// with a reset, so the last one is the style in force.
func lastStyle(line string) string {
	i := strings.LastIndex(line, "\x1b[")
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(line[i:], 'm')
	if j < 0 {
		return ""
	}
	seq := line[i : i+j+1]
	if seq == reset || seq == "\x1b[0m" {
		return ""
	}
	return seq
}
