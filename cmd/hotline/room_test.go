package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A room of tables on one server, over SSH: two tables' students never see
// each other's exercise; the room's console starts every table at once;
// kill -9 and serve --resume of the room brings every table back with its
// codes; each table's log is a run of its own, which the report reads and
// serve --resume continues alone; and closing the room compares its tables.
func TestARoomOfTablesOverSSH(t *testing.T) {
	bin := hotlineBinary(t)
	dir := t.TempDir()
	env := append(os.Environ(), "HOME="+dir, "XDG_DATA_HOME="+filepath.Join(dir, "data"))
	base := filepath.Join(dir, "room.jsonl")
	roomPath := filepath.Join(dir, "room.room")

	first := startServer(t, bin, env, "serve", "--tables", "2", "--headless", "--listen", "127.0.0.1:0", "--log", base,
		"--scenario", "assistance-request", "--seed", "3")
	type codes struct {
		Teams       map[string]string `json:"teams"`
		Facilitator string            `json:"facilitator"`
	}
	read := func(path string, v any) {
		t.Helper()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatal(err)
		}
	}
	var one, two codes
	read(filepath.Join(dir, "room-1.jsonl.codes"), &one)
	read(filepath.Join(dir, "room-2.jsonl.codes"), &two)
	var room struct {
		Codes struct{ Facilitator, Projector string } `json:"codes"`
	}
	read(roomPath, &room)
	for _, code := range []string{one.Teams["fbi"], two.Teams["fbi"], room.Codes.Facilitator, room.Codes.Projector} {
		if !strings.Contains(first.board, code) {
			t.Fatalf("the board lacks the code %s:\n%s", code, first.board)
		}
	}
	if !strings.Contains(first.board, "— Table 1") || !strings.Contains(first.board, "— Table 2") {
		t.Errorf("the board does not name the tables:\n%s", first.board)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "room.board.txt")); err != nil || strings.Count(string(data), "\f") != 2 {
		t.Errorf("the board kept to print is not three sheets (two tables and the room): %v", err)
	}

	ana := sshJoin(t, first, one.Teams["fbi"], "Ana")
	bo := sshJoin(t, first, two.Teams["fbi"], "Bo")
	ana.waitFor(t, "Table 1")
	bo.waitFor(t, "Table 2")
	ana.typeText(t, "j")
	ana.waitFor(t, "Your decision")
	ana.typeText(t, "1")
	ana.waitFor(t, "✓ Decided")

	console := sshScreen(t, first, room.Codes.Facilitator)
	console.waitFor(t, "a room of 2 tables")
	console.waitFor(t, "1 student seated, 1 connected")
	console.typeText(t, "a")
	console.waitFor(t, "commands go to ALL TABLES")
	console.typeText(t, " ")
	console.waitFor(t, "Started the clock at both tables.")
	for _, log := range []string{"room-1.jsonl", "room-2.jsonl"} {
		waitForFile(t, filepath.Join(dir, log), `"clock.resumed"`)
	}
	if screen := bo.text(); strings.Contains(screen, "Ana") {
		t.Errorf("a student at table 2 sees table 1's student:\n%s", screen)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "room-2.jsonl")); strings.Contains(string(data), "Ana") {
		t.Error("table 2's log holds table 1's student")
	}

	first.cmd.Process.Signal(syscall.SIGKILL)
	first.cmd.Wait()
	second := startServer(t, bin, env, "serve", "--resume", roomPath, "--headless", "--listen", "127.0.0.1:0")
	for _, code := range []string{one.Teams["fbi"], two.Teams["fbi"], room.Codes.Facilitator} {
		if !strings.Contains(second.board, code) {
			t.Errorf("the resumed room lost the code %s:\n%s", code, second.board)
		}
	}
	back := sshJoin(t, second, one.Teams["fbi"], "Ana")
	back.typeText(t, "j")
	back.waitFor(t, "Decided: Send China a request")
	bo = sshJoin(t, second, two.Teams["fbi"], "Bo")
	bo.typeText(t, "j")
	bo.waitFor(t, "Your decision")

	second.cmd.Process.Signal(os.Interrupt)
	if err := second.wait(); err != nil {
		t.Errorf("the room's server ended with %v on Ctrl+C, want a clean exit", err)
	}
	out := second.printed()
	if !strings.Contains(out, "The room is closed") || !strings.Contains(out, "2 runs compared") {
		t.Errorf("closing the room did not compare its tables; it printed:\n%s", out)
	}

	// Each table's log is a run of its own: the report reads it, and
	// serve --resume continues that table alone.
	report := exec.Command(bin, "report", filepath.Join(dir, "room-2.jsonl"))
	report.Env = env
	if out, err := report.CombinedOutput(); err != nil {
		t.Errorf("hotline report of table 2's log: %v\n%s", err, out)
	}
	alone := startServer(t, bin, env, "serve", "--resume", filepath.Join(dir, "room-1.jsonl"), "--headless", "--listen", "127.0.0.1:0")
	if !strings.Contains(alone.board, one.Teams["fbi"]) || strings.Contains(alone.board, two.Teams["fbi"]) {
		t.Errorf("table 1 resumed alone has the wrong codes:\n%s", alone.board)
	}
	again := sshJoin(t, alone, one.Teams["fbi"], "Ana")
	again.typeText(t, "j")
	again.waitFor(t, "Decided: Send China a request")
}
