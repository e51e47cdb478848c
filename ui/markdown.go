package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"hotline/ui/markdown"
)

// Briefings are Markdown, rendered by package markdown. Rendering takes
// milliseconds, so it runs in a command and the result is kept by what was
// rendered and at what width, for this screen and the others at the table;
// until it arrives the screen shows a stand-in: the raw text.

type mdKey struct {
	kind, id string
	width    int
}

// renderedMsg says a rendering is kept: the screen draws again with it.
type renderedMsg struct{ key mdKey }

// renderings are the briefings a screen shows, kept with the table's
// (Shared), so that each is rendered once for every screen at the table.
type renderings struct {
	pending map[mdKey]bool
	dark    bool
	shared  *Shared
}

// sharedMD is a rendering's key among the table's: the same text rendered
// at the same width for the same background.
type sharedMD struct {
	key    mdKey
	source string
	dark   bool
}

func newMarkdown(shared *Shared) renderings {
	return renderings{pending: map[mdKey]bool{}, shared: shared}
}

// clear forgets the renderings on their way, for a new style: those kept
// are kept by their background.
func (md *renderings) clear() { clear(md.pending) }

// get returns source rendered at the key's width, or source itself until
// it is.
func (md *renderings) get(k mdKey, source string) string {
	if s, ok := md.shared.rendering(sharedMD{k, source, md.dark}); ok {
		return s
	}
	return source
}

func (md *renderings) done(msg renderedMsg) { delete(md.pending, msg.key) }

// render returns a command rendering source at the key's width, unless it is
// rendered (for this screen or another at the table) or on its way.
func (md *renderings) render(k mdKey, source string) tea.Cmd {
	shared := sharedMD{k, source, md.dark}
	if _, ok := md.shared.rendering(shared); ok || md.pending[k] {
		return nil
	}
	md.pending[k] = true
	table := md.shared
	return func() tea.Msg {
		text := renderMarkdown(source, shared.dark, k.width)
		table.keepRendering(shared, text)
		return renderedMsg{key: k}
	}
}

// renderMarkdown renders Markdown for a width and a dark or light
// background.
func renderMarkdown(source string, dark bool, width int) string {
	out := markdown.Render(unwrap(source), max(20, width-4), markdown.DefaultStyles(dark))
	return strings.Trim(out, "\n")
}

// unwrap joins the lines an author broke a paragraph or list item into, so
// that the renderer wraps them to the pane's width instead of keeping the
// author's line ends. Blank lines, new list items, headings, quotes, tables
// and code blocks keep theirs.
func unwrap(source string) string {
	lines := strings.Split(source, "\n")
	var out []string
	fenced := false
	joinable := false // whether the last line may take the next one
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "```"):
			fenced, joinable = !fenced, false
		case fenced || t == "":
			joinable = false
		case joinable && !startsBlock(t):
			out[len(out)-1] += " " + t
			continue
		default:
			joinable = true
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// startsBlock reports whether a trimmed line starts a Markdown block of its own.
func startsBlock(t string) bool {
	if strings.HasPrefix(t, "#") || strings.HasPrefix(t, ">") || strings.HasPrefix(t, "|") ||
		strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ ") {
		return true
	}
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')')
}
