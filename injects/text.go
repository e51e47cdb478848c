package injects

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text from inject files, and soon from people at a class's seats, is drawn
// on terminals. CleanText and CleanLine make it plain: nothing in it can
// move the cursor, change colours, retitle the window, reorder the line
// (bidirectional overrides) or hide itself. They are the one place where
// that is decided; the loader and the engine call them.

// CleanText strips what a terminal would obey rather than print: control
// characters other than newline and tab, escape sequences (CSI, OSC, DCS and
// the rest, whole), invalid UTF-8, and the invisible format characters that
// reorder or hide text (bidi embeddings, overrides and isolates, marks,
// tags, the byte-order mark), keeping the joiners that emoji and some
// scripts need. Line and paragraph separators become newlines.
func CleanText(s string) string {
	if plainASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			i += escapeLen(s[i:])
			continue
		case r == 0x9b: // the one-character CSI of C1
			i += size + csiLen(s[i+size:])
			continue
		case r == utf8.RuneError && size == 1:
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r < 0x20 || r >= 0x7f && r < 0xa0:
		case r == '\u200c' || r == '\u200d': // joiners
			b.WriteRune(r)
		case unicode.Is(unicode.Cf, r):
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// CleanLine is CleanText for what is shown on one line, titles, names and
// ids: runs of newlines and tabs become a single space.
func CleanLine(s string) string {
	s = CleanText(s)
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\t' }), " ")
}

// CleanName is CleanLine for a person's name, which others recognise by
// eye and the engine compares: it also drops every character that shows
// nothing (zero-width spaces and joiners, the combining grapheme joiner,
// variation selectors, fillers, soft hyphens), makes each run of spaces of
// any kind one space, trims it, and composes it (Unicode NFC). Two names
// that look alike this way are then one string: "alice" with a zero-width
// joiner is "alice".
func CleanName(s string) string {
	s = CleanLine(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
		case invisible(r):
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// invisible reports whether a character shows nothing: Unicode's
// default-ignorable characters.
func invisible(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
}

// plainASCII reports whether s is printable ASCII, newlines and tabs: the
// common case, returned as it is.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n' && c != '\t') || c >= 0x7f {
			return false
		}
	}
	return true
}

// escapeLen is the length of the escape sequence at the start of s, which
// starts with ESC; at least 1.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch c := s[1]; {
	case c == '[':
		return 2 + csiLen(s[2:])
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		// OSC, DCS, SOS, PM, APC: a string ended by BEL or ST (ESC \).
		for i := 2; i < len(s); i++ {
			switch {
			case s[i] == 0x07:
				return i + 1
			case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
				return i + 2
			}
		}
		return len(s)
	case c == 'N' || c == 'O': // SS2, SS3: one more character
		return min(3, len(s))
	case c >= 0x20 && c <= 0x2f:
		// nF: intermediate bytes, then a final byte.
		i := 2
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e:
		return 2
	}
	return 1 // a lone ESC
}

// csiLen is the length of a CSI sequence's parameters, intermediates and
// final byte, at the start of s.
func csiLen(s string) int {
	i := 0
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}
