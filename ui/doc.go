// Package ui is the terminal exercise: the screens that show the state of
// play and turn keys into engine commands. Each kind of seat has a root
// (Player, Console, Watcher, Projector, Replay; Start before a solo game,
// Join for a class) made of components that own their state, with the
// overlays on one stack over them; docs/architecture.md says which owns
// what. Every rule of play is in package game; this package decides only
// what to show and where.
package ui
