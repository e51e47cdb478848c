package ui

import (
	"strings"

	"hotline/ui/markdown"
)

// Briefings are Markdown, rendered by package markdown in a fraction of a
// millisecond: a panel renders what it is about to show in Update (render),
// where the rendering is kept by what was rendered, at what width and for
// which background, for this screen and the others at the table (Shared);
// its view only reads it (get). So no frame shows a briefing's raw text,
// not even the first after joining, and each is rendered once a table.

type mdKey struct {
	kind, id string
	width    int
}

// renderings are the briefings a screen shows, kept with the table's.
type renderings struct {
	dark   bool
	shared *Shared
}

// sharedMD is a rendering's key among the table's: the same text rendered
// at the same width for the same background.
type sharedMD struct {
	key    mdKey
	source string
	dark   bool
}

func newMarkdown(shared *Shared) renderings { return renderings{shared: shared} }

// get returns source rendered at the key's width, or source itself if the
// panel did not render it first.
func (md *renderings) get(k mdKey, source string) string {
	if s, ok := md.shared.rendering(sharedMD{k, source, md.dark}); ok {
		return s
	}
	return source
}

// render renders source at the key's width, unless it is rendered already
// (for this screen or another at the table).
func (md *renderings) render(k mdKey, source string) {
	key := sharedMD{k, source, md.dark}
	if _, ok := md.shared.rendering(key); !ok {
		md.shared.keepRendering(key, renderMarkdown(source, md.dark, k.width))
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
