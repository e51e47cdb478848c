package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// scrollState is a scroll position in a long text.
type scrollState struct{ offset int }

// key moves the position by a line or by a page of the given height.
func (s *scrollState) key(k KeyMap, msg tea.KeyPressMsg, page int) {
	switch {
	case key.Matches(msg, k.Up):
		s.offset--
	case key.Matches(msg, k.Down):
		s.offset++
	case key.Matches(msg, k.PageUp):
		s.offset -= page
	case key.Matches(msg, k.PageDn):
		s.offset += page
	}
	s.offset = max(s.offset, 0)
}

// scrolled shows the part of text starting at the scroll offset, keeping the
// offset within the text, and says when there is more above or below.
func scrolled(text string, s *scrollState, h int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if len(lines) <= h {
		s.offset = 0
		return strings.Join(lines, "\n")
	}
	maxOff := len(lines) - h
	s.offset = min(s.offset, maxOff)
	shown := slices.Clone(lines[s.offset : s.offset+h])
	if s.offset > 0 {
		shown[0] = fmt.Sprintf("↑ %d more lines above (pgup)", s.offset)
	}
	if below := len(lines) - s.offset - h; below > 0 {
		shown[h-1] = fmt.Sprintf("↓ %d more lines below (pgdn)", below+1)
	}
	return strings.Join(shown, "\n")
}

// scrolledLines shows h lines of lines, keeping line at in view.
func scrolledLines(lines []string, at, h int) string {
	if len(lines) <= h {
		return strings.Join(lines, "\n")
	}
	top := max(0, min(at-h/2, len(lines)-h))
	return strings.Join(lines[top:top+h], "\n")
}

// blocksIn shows blocks of lines (the items of a list, the fields of a
// form) in h lines, from block *first, moved as little as it must to show
// the whole of block at (or, if it is taller than h, its first lines) and
// to leave no room unused below the last block.
func blocksIn(blocks [][]string, first *int, at, h int) []string {
	height := func(bs [][]string) int {
		n := 0
		for _, b := range bs {
			n += len(b)
		}
		return n
	}
	*first = max(0, min(*first, at, len(blocks)-1))
	for *first < at && height(blocks[*first:at+1]) > h {
		*first++
	}
	for *first > 0 && height(blocks[*first-1:]) <= h {
		*first--
	}
	var lines []string
	for _, b := range blocks[max(*first, 0):] {
		lines = append(lines, b...)
		if len(lines) >= h {
			break
		}
	}
	return lines[:min(len(lines), h)]
}

// blockList shows blocks of lines in h lines, the one at cursor in view
// and marked: its first line, which starts with two spaces for the mark,
// is drawn selected. first is the block the list was shown from, and is
// moved.
func blockList(s Styles, blocks [][]string, cursor int, first *int, w, h int) string {
	if len(blocks) == 0 {
		return ""
	}
	cursor = min(cursor, len(blocks)-1)
	marked := make([][]string, len(blocks))
	copy(marked, blocks)
	b := blocks[cursor]
	marked[cursor] = append([]string{s.Selected.Render(pad("▸ "+strings.TrimPrefix(b[0], "  "), w))}, b[1:]...)
	return strings.Join(blocksIn(marked, first, cursor, h), "\n")
}
