package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
)

// Briefings are Markdown, rendered with glamour. Rendering takes
// milliseconds, so it runs in a command and the result is kept by what was
// rendered and at what width; until it arrives the screen shows a
// stand-in: the raw text.

type mdKey struct {
	kind, id string
	width    int
}

type renderedMsg struct {
	key   mdKey
	style string
	text  string
}

type markdown struct {
	cache   map[mdKey]string
	pending map[mdKey]bool
	style   string
}

func newMarkdown() markdown {
	return markdown{cache: map[mdKey]string{}, pending: map[mdKey]bool{}}
}

// clear forgets every rendering, for a new style.
func (md *markdown) clear() {
	clear(md.cache)
	clear(md.pending)
}

func (md *markdown) get(k mdKey, fallback string) string {
	if s, ok := md.cache[k]; ok {
		return s
	}
	return fallback
}

func (md *markdown) done(msg renderedMsg) {
	if msg.style != md.style {
		return // rendered for a background the terminal no longer has
	}
	md.cache[msg.key] = msg.text
	delete(md.pending, msg.key)
}

// render returns a command rendering source at the key's width, unless it is
// rendered or on its way.
func (md *markdown) render(k mdKey, source string) tea.Cmd {
	if _, ok := md.cache[k]; ok || md.pending[k] {
		return nil
	}
	md.pending[k] = true
	style := md.style
	return func() tea.Msg {
		return renderedMsg{key: k, style: style, text: renderMarkdown(source, style, k.width)}
	}
}

// renderMarkdown renders Markdown for a width, falling back to the plain
// text if glamour fails.
func renderMarkdown(source, style string, width int) string {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(max(20, width-4)))
	if err != nil {
		return source
	}
	out, err := r.Render(unwrap(source))
	if err != nil {
		return source
	}
	return strings.Trim(out, "\n")
}

// renderVisible asks for the renderings the screen shows now.
func (m *Model) renderVisible() tea.Cmd {
	if m.g == nil || m.screen != playScreen {
		return nil
	}
	sc := m.g.Scenario()
	switch {
	case m.panel == feedPanel:
		it, ok := m.selectedItem()
		switch {
		case ok && it.inject >= 0:
			in := &sc.Injects[it.inject]
			return m.md.render(mdKey{"inject", in.ID, m.briefingWidth()}, in.Body)
		case ok && it.request >= 0:
			req := &sc.Requests[it.request]
			return m.md.render(mdKey{"feed request", req.ID, m.briefingWidth()}, req.Body)
		case ok:
			return m.md.render(mdKey{"message", m.itemID(it), m.briefingWidth()}, m.g.State().Messages[it.msg].Text)
		}
	case m.panel == scriptPanel && len(m.script.rows) > 0:
		in := &sc.Injects[m.script.rows[min(m.script.cursor, len(m.script.rows)-1)]]
		return m.md.render(mdKey{"inject", in.ID, m.width}, in.Body)
	case m.panel == requestsPanel && m.requests.open >= 0:
		req := &sc.Requests[m.requests.open]
		return m.md.render(mdKey{"request", req.ID, m.width}, req.Body)
	}
	return nil
}

// briefingWidth is the width the feed gives the selected briefing.
func (m *Model) briefingWidth() int {
	if m.width >= 120 {
		return m.width - m.width*2/5 - 1
	}
	return m.width
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
