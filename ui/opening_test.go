package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"hotline/game/table"
	"hotline/injects"
)

// While Options.Prepare makes the game the screen is blank; then the
// player's screen opens at the window's size, and the keys typed meanwhile
// are not lost: they reach it.
func TestPrepareOpensItsScreen(t *testing.T) {
	release := make(chan struct{})
	m := New(Options{Manual: true, Now: unhurried(), Prepare: func(o *Options) error {
		<-release
		g, err := Solo(Setup{Scenario: load(t, "opm-breach"), Side: injects.US, Seed: 7, Speed: 12 * time.Hour}, nil, table.ManualTicker{})
		o.Game = g
		return err
	}})
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if s := strings.TrimSpace(plain(m)); s != "" {
		t.Errorf("the screen shows something before the game is made:\n%s", s)
	}
	keys(m, "tab") // the player moves to the requests before the screen is there
	if m.Game() != nil {
		t.Fatal("a game before Prepare returned")
	}
	close(release)
	run(m, m.Init())
	g := m.Game()
	if g == nil {
		t.Fatal("no game once Prepare returned")
	}
	t.Cleanup(func() { g.Close() })
	screen := plain(m)
	mustContain(t, screen, "Personnel records: espionage", "[Requests]", "rfi-opm")
	if lines := strings.Split(screen, "\n"); len(lines) != 30 {
		t.Errorf("the screen is %d lines high in a window of 30", len(lines))
	}
}

// A Prepare that fails ends the program, and Err says why.
func TestPrepareFailureEndsTheProgram(t *testing.T) {
	failure := errors.New("the scenario could not be read")
	m := New(Options{Prepare: func(*Options) error { return failure }})
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	_, cmd := m.Update(m.root.init()())
	if cmd == nil {
		t.Fatal("the program goes on after Prepare failed")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("the program does not quit after Prepare failed")
	}
	if !errors.Is(m.Err(), failure) || m.Game() != nil {
		t.Errorf("Err() = %v, Game() = %v", m.Err(), m.Game())
	}
}
