package injects

import "strings"

func CleanText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			return -1
		}
		return r
	}, s)
}

func CleanLine(s string) string {
	return strings.NewReplacer("\n", " ", "\t", " ").Replace(CleanText(s))
}

func (ev *Evaluator) EvalErr(c *Condition, env map[string]any) (bool, error) {
	return ev.Eval(c, env), nil
}
