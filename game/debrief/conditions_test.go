package debrief

import (
	"strings"
	"testing"

	"hotline/injects"
)

// Every condition of the built-in scenarios reads in words: no function
// call, quote or operator of the condition language is left in them.
func TestEveryBuiltinConditionInWords(t *testing.T) {
	for _, id := range injects.BuiltinIDs() {
		sc, _ := injects.LoadBuiltin(id)
		var conds []*injects.Condition
		for i := range sc.Injects {
			if c := sc.Injects[i].Trigger.If; c != nil {
				conds = append(conds, c)
			}
		}
		for i := range sc.Requests {
			if c := sc.Requests[i].Available; c != nil {
				conds = append(conds, c)
			}
		}
		for i := range sc.Actions {
			if c := sc.Actions[i].If; c != nil {
				conds = append(conds, c)
			}
		}
		for i := range sc.Endings {
			if c := sc.Endings[i].If; c != nil {
				conds = append(conds, c)
			}
		}
		for _, c := range conds {
			words := conditionWords(sc, c)
			if testing.Verbose() {
				t.Logf("%s\n    %s", oneLine(c.Source), words)
			}
			for _, code := range []string{"(\"", "==", "&&", "||", ">=", "!", "\""} {
				if strings.Contains(words, code) {
					t.Errorf("%s: %q is worded %q, which holds %q", id, oneLine(c.Source), words, code)
				}
			}
		}
	}
}
