package ui

import "testing"

func TestUnwrap(t *testing.T) {
	in := "**Forensic teams confirm a breach.**\n\n- Files on more than 20 million people are gone,\n  senior officials among them.\n- China will deny.\n\nThe pledge covers theft\n*for commercial advantage*.\n\n1. one\n   more\n2. two\n\n```\nkeep\nthese\n```\n"
	want := "**Forensic teams confirm a breach.**\n\n- Files on more than 20 million people are gone, senior officials among them.\n- China will deny.\n\nThe pledge covers theft *for commercial advantage*.\n\n1. one more\n2. two\n\n```\nkeep\nthese\n```\n"
	if got := unwrap(in); got != want {
		t.Errorf("unwrap:\n%s\nwant:\n%s", got, want)
	}
}
