package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/injects"
)

// feed is what has reached the seat (game.Feed), newest first, beside (or above) the one selected: its briefing and, for a seat
// that decides, its choices. It keeps which items have been read.
type feed struct {
	c       *common
	decides bool // the seat decides on what reaches it: a team's, a solo player's
	items   []feedItem
	cursor  int
	first   int // the first item the list shows
	scroll  scrollState
	read    map[string]bool
	front   bool
	g       *Game // the game the read marks were last brought up to date with
	w, h    int
}

// feedItem is an inject that fired, a message the control cell sent, or a
// request from the other side.
type feedItem struct {
	inject  int // index in the scenario, or -1
	msg     int // index in the state's messages, or -1
	request int // index in the scenario's requests, or -1
	at      time.Duration
}

func newFeed(c *common, decides bool) *feed {
	return &feed{c: c, decides: decides, read: map[string]bool{}}
}

func (f *feed) title() string { return "Feed" }

func (f *feed) setSize(w, h int) { f.w, f.h = w, h }

func (f *feed) setFocus(front bool) { f.front = front }

// arrivals are what has reached the seat, as game.Feed says, newest
// first.
func arrivals(g *Game, items []feedItem) []feedItem {
	items = items[:0]
	for _, it := range game.Feed(g.State(), g.Viewer) {
		items = append(items, feedItem{inject: it.Inject, msg: it.Message, request: it.Request, at: it.At})
	}
	return items
}

// id names an item for the read marks and the Markdown cache.
func (f *feed) id(it feedItem) string {
	switch {
	case it.inject >= 0:
		return f.c.g.Scenario().Injects[it.inject].ID
	case it.request >= 0:
		return "request " + f.c.g.Scenario().Requests[it.request].ID
	}
	return "message " + strconv.Itoa(it.msg+1)
}

func (f *feed) refresh() {
	g := f.c.g
	if f.g != g {
		// A game met for the first time (on resume, or made again): what
		// was already decided has been read.
		f.g = g
		st := g.State()
		for i, is := range st.Injects {
			if is.Status == game.Fired && is.Resolved {
				f.read[g.Scenario().Injects[i].ID] = true
			}
		}
	}
	sel := ""
	if it, ok := f.selected(); ok {
		sel = f.id(it)
	}
	f.items = arrivals(g, f.items)
	// Keep the selection on the same item as new ones arrive above it.
	f.cursor = 0
	for k, it := range f.items {
		if f.id(it) == sel {
			f.cursor = k
		}
	}
	f.markRead()
}

func (f *feed) selected() (feedItem, bool) {
	if len(f.items) == 0 {
		return feedItem{}, false
	}
	return f.items[min(f.cursor, len(f.items)-1)], true
}

// selectedInject is the selected item's inject, if it is one.
func (f *feed) selectedInject() (int, bool) {
	it, ok := f.selected()
	return it.inject, ok && it.inject >= 0
}

// markRead marks the selected item read while the feed is in front.
func (f *feed) markRead() {
	if it, ok := f.selected(); ok && f.front {
		f.read[f.id(it)] = true
	}
}

func (f *feed) awaits(i int) bool { return awaitsChoice(f.c.g, f.decides, i) }

func (f *feed) badge() string {
	unread, decide := 0, 0
	for _, it := range f.items {
		if !f.read[f.id(it)] {
			unread++
		}
		if it.inject >= 0 && f.awaits(it.inject) {
			decide++
		}
	}
	badge := ""
	if unread > 0 {
		badge += fmt.Sprintf(" ●%d new", unread)
	}
	if decide > 0 {
		badge += fmt.Sprintf(" ⚑%d", decide)
	}
	return badge
}

func (f *feed) update(msg tea.KeyPressMsg) act {
	k := f.c.keys
	var a act
	switch {
	case key.Matches(msg, k.Up):
		f.cursor = max(0, f.cursor-1)
		f.scroll.offset = 0
	case key.Matches(msg, k.Down):
		f.cursor = min(len(f.items)-1, f.cursor+1)
		f.scroll.offset = 0
	case key.Matches(msg, k.PageDn):
		f.scroll.offset += 5
	case key.Matches(msg, k.PageUp):
		f.scroll.offset = max(0, f.scroll.offset-5)
	case key.Matches(msg, k.Option) && f.decides:
		a = f.choose(int(msg.String()[0] - '0'))
	}
	f.markRead()
	return a
}

// choose takes choice n (from 1) on the selected inject.
func (f *feed) choose(n int) act {
	i, ok := f.selectedInject()
	if !ok {
		return act{}
	}
	g := f.c.g
	in := &g.Scenario().Injects[i]
	if n < 1 || n > len(in.Choices) {
		if len(in.Choices) == 0 {
			return say(statusInfo, "This inject offers no choices.")
		}
		return say(statusBad, fmt.Sprintf("Choose 1 to %d.", len(in.Choices)))
	}
	ch := &in.Choices[n-1]
	return command(game.Command{Team: decider(g, i), Verb: game.Choose, Inject: in.ID, Choice: ch.ID}, "Decided: "+ch.Label)
}

func (f *feed) help() []key.Binding {
	k := f.c.keys
	keys := []key.Binding{k.Up, k.Down}
	if i, ok := f.selectedInject(); ok && f.awaits(i) {
		keys = append(keys, withHelp(k.Option, "1-9", "decide"))
	}
	return append(keys, k.PageDn)
}

// briefingWidth is the width the selected briefing gets: beside the list
// when the feed is wide, else all of it.
func (f *feed) briefingWidth() int {
	if f.w >= 120 {
		return f.w - f.w*2/5 - 1
	}
	return f.w
}

// render renders the selected item's Markdown ahead of its view.
func (f *feed) render() {
	it, ok := f.selected()
	switch {
	case ok && it.inject >= 0:
		in := &f.c.g.Scenario().Injects[it.inject]
		f.c.md.render(mdKey{"inject", in.ID, f.briefingWidth()}, in.Body)
	case ok && it.request >= 0:
		req := &f.c.g.Scenario().Requests[it.request]
		f.c.md.render(mdKey{"feed request", req.ID, f.briefingWidth()}, req.Body)
	case ok:
		f.c.md.render(mdKey{"message", f.id(it), f.briefingWidth()}, f.c.g.State().Messages[it.msg].Text)
	}
}

// view lists the feed above the selected briefing, or beside it when the
// feed is wide.
func (f *feed) view() string {
	w, h, s := f.w, f.h, f.c.styles
	if len(f.items) == 0 {
		if f.c.runsClock() {
			return s.Dim.Render("Nothing has arrived yet. Start the clock with space.")
		}
		return s.Dim.Render("Nothing has arrived yet.")
	}
	if bw := f.briefingWidth(); bw < w {
		lw := w - bw - 1
		return s.columns(f.list(lw, h), lw, f.briefing(bw, h), bw, h)
	}
	listH := min(f.lines()+1, max(4, h/3))
	return f.list(w, listH) + "\n" + s.hrule("briefing", w) + "\n" + f.briefing(w, h-listH-1)
}

// list is a line per item: unread mark, time, channel and title; an item
// awaiting the seat's decision has a second line with its deadline, so
// that the title keeps its room.
func (f *feed) list(w, h int) string {
	s, g := f.c.styles, f.c.g
	st, sc := g.State(), g.Scenario()
	blocks := make([][]string, 0, len(f.items))
	for k, it := range f.items {
		// ▸ marks the selected item, ● one not yet read.
		mark := "  "
		if !f.read[f.id(it)] {
			mark = " " + s.Accent.Render("●")
		}
		if k == f.cursor {
			mark = "▸" + mark[1:]
		}
		mark += " "
		var tag, title, flag string
		switch {
		case it.inject >= 0:
			in := &sc.Injects[it.inject]
			tag, title = channelTag(in.Channel.String()), in.Title
			switch {
			case f.awaits(it.inject) && in.Deadline != nil:
				flag = "⚑ decide by " + calendar(sc, st.Injects[it.inject].FiredAt+in.Deadline.Within) +
					" (" + span(st.Injects[it.inject].FiredAt+in.Deadline.Within-st.Now) + " left)"
			case f.awaits(it.inject):
				flag = "⚑ awaits your decision"
			}
		case it.request >= 0:
			tag, title = "REQUEST", sc.Requests[it.request].Subject
		default:
			tag, title = "WHITE", st.Messages[it.msg].Title
		}
		if g.Viewer.All {
			title = audienceTag(f.audience(it)) + " " + title
		}
		line := cut(mark+s.Dim.Render(short(sc, it.at))+" "+s.Accent.Render(fmt.Sprintf("%-7s", tag))+" "+title, w)
		item := []string{line}
		if flag != "" {
			item = append(item, s.Warn.Render(cut("    "+flag, w)))
		}
		if k == f.cursor {
			for j := range item {
				item[j] = s.Selected.Render(pad(item[j], w))
			}
		}
		blocks = append(blocks, item)
	}
	return f.window(blocks, h, w)
}

// window shows the list's items in h lines from the first shown, moved as
// little as it must to keep the selected item in view. What it leaves out
// is said on its first or last line: the newest arrive at the top, and an
// item the seat must decide on is never out of sight without a word.
func (f *feed) window(blocks [][]string, h, w int) string {
	if len(blocks) == 0 || h <= 0 {
		return ""
	}
	cur := min(f.cursor, len(blocks)-1)
	room := h
	var lines []string
	var shown int
	for range 3 { // the room left by the lines that say what is left out
		lines = blocksIn(blocks, &f.first, cur, room)
		shown = 0
		for n := 0; f.first+shown < len(blocks) && n+len(blocks[f.first+shown]) <= len(lines); shown++ {
			n += len(blocks[f.first+shown])
		}
		need := h
		if f.first > 0 {
			need--
		}
		if f.first+shown < len(blocks) {
			need--
		}
		if need == room {
			break
		}
		room = need
	}
	var out []string
	if f.first > 0 {
		out = append(out, f.beyond("↑", f.items[:f.first], w))
	}
	for _, b := range blocks[f.first : f.first+shown] {
		out = append(out, b...)
	}
	if below := f.items[f.first+shown:]; len(below) > 0 {
		for len(out) < h-1 {
			out = append(out, "")
		}
		out = append(out, f.beyond("↓", below, w))
	}
	return strings.Join(out[:min(len(out), h)], "\n")
}

// beyond is the line that stands for the items a window of the list
// leaves out, above or below (arrow): how many, how many unread, and how
// many await the seat's decision.
func (f *feed) beyond(arrow string, items []feedItem, w int) string {
	s := f.c.styles
	unread, decide := 0, 0
	for _, it := range items {
		if !f.read[f.id(it)] {
			unread++
		}
		if it.inject >= 0 && f.awaits(it.inject) {
			decide++
		}
	}
	text := fmt.Sprintf("%s %d more", arrow, len(items))
	style := s.Dim
	if unread > 0 {
		text, style = text+fmt.Sprintf(" · ●%d new", unread), s.Accent
	}
	if decide > 0 {
		text, style = text+fmt.Sprintf(" · ⚑%d to decide", decide), s.Warn
	}
	return style.Render(cut(text, w))
}

// audience is whom an item is addressed to.
func (f *feed) audience(it feedItem) injects.Audience {
	switch {
	case it.inject >= 0:
		return f.c.g.Scenario().Injects[it.inject].To
	case it.request >= 0:
		return injects.Audience{Side: f.c.g.Scenario().Requests[it.request].To}
	}
	return f.c.g.State().Messages[it.msg].To
}

// lines counts the list's lines.
func (f *feed) lines() int {
	n := len(f.items)
	for _, it := range f.items {
		if it.inject >= 0 && f.awaits(it.inject) {
			n++
		}
	}
	return n
}

// briefing shows the selected item: who sent it, the Markdown body, and an
// inject's choices with the deadline.
func (f *feed) briefing(w, h int) string {
	it, ok := f.selected()
	if !ok {
		return ""
	}
	s, g := f.c.styles, f.c.g
	st, sc := g.State(), g.Scenario()
	var b strings.Builder
	if it.request >= 0 {
		req := &sc.Requests[it.request]
		b.WriteString(s.Title.Render(req.Subject) + "\n")
		kind := req.Kind.Title()
		b.WriteString(s.Dim.Render(fmt.Sprintf("%s%s from %s to %s · %s", strings.ToUpper(kind[:1]), kind[1:], req.From.Title(), req.To.Title(),
			calendar(sc, st.Requests[it.request].OpenedAt))) + "\n")
		if f.decides && req.To == g.Side {
			b.WriteString(s.Warn.Render("Answer it on the Requests panel (tab).") + "\n")
		}
		b.WriteString(f.c.md.get(mdKey{"feed request", req.ID, w}, req.Body) + "\n")
		return scrolled(b.String(), &f.scroll, h)
	}
	if it.inject < 0 {
		msg := &st.Messages[it.msg]
		b.WriteString(s.Title.Render(msg.Title) + "\n")
		b.WriteString(s.Dim.Render(fmt.Sprintf("Message from %s (White Cell) to %s · %s", msg.By, audienceName(sc, msg.To), calendar(sc, msg.At))) + "\n")
		b.WriteString(f.c.md.get(mdKey{"message", f.id(it), w}, msg.Text) + "\n")
		return scrolled(b.String(), &f.scroll, h)
	}
	i := it.inject
	in, is := &sc.Injects[i], &st.Injects[i]
	b.WriteString(s.Title.Render(in.Title) + "\n")
	b.WriteString(s.Dim.Render(fmt.Sprintf("%s from %s · %s", in.Channel.Title(), sender(sc, in), calendar(sc, is.FiredAt))) + "\n")
	// The decision comes before the text: with a deadline running, the
	// options must be in sight whatever the window's height.
	if len(in.Choices) > 0 {
		b.WriteString(choicesView(f.c, f.decides, i, w))
	}
	b.WriteString(f.c.md.get(mdKey{"inject", in.ID, w}, in.Body) + "\n")
	return scrolled(b.String(), &f.scroll, h)
}
