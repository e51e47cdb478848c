package injects

import "testing"

// A name that looks like another is the same name: what shows nothing is
// dropped, spaces of every kind are one space, and accents are composed.
func TestCleanNameMakesLookAlikesEqual(t *testing.T) {
	cases := []struct{ in, want string }{
		{"alice", "alice"},
		{"ali\u200dce", "alice"},                   // zero-width joiner
		{"Facilitator\u034f", "Facilitator"},       // combining grapheme joiner
		{"\u200bBen\u2060", "Ben"},                 // zero-width space, word joiner
		{"Ana\ufe0f", "Ana"},                       // variation selector
		{"Li\u00adu", "Liu"},                       // soft hyphen
		{"\u3164Dee", "Dee"},                       // Hangul filler
		{"Ms\u00a0\u00a0Rivera", "Ms Rivera"},      // no-break spaces
		{"  Ms \u3000 Rivera\t", "Ms Rivera"},      // ideographic space, tab
		{"Jose\u0301", "José"},                     // NFD to NFC
		{"Jose\u034f\u0301", "José"},               // the joiner no longer keeps them apart
		{"\u202eAna\u202c", "Ana"},                 // bidi override
		{"Ana\x1b[31m Red", "Ana Red"},             // escape sequence
		{"\u200d\u034f\u00a0", ""},                 // nothing to show
		{"张伟", "张伟"},                               // other scripts are kept
		{"Zoë O’Brien-Smith", "Zoë O’Brien-Smith"}, // and punctuation
	}
	for _, c := range cases {
		if got := CleanName(c.in); got != c.want {
			t.Errorf("CleanName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
