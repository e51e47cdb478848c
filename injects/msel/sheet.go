// Package msel turns a scenario's injects into the Master Scenario Events
// List that HSEEP exercise planners keep in a spreadsheet, and a sheet back
// into an inject file. A sheet holds what facilitators edit there: each
// inject's number, time (as T+ and on the calendar in both capitals), from,
// to, channel, subject, message, expected player action (its choices and
// deadline), objectives and controller notes. The rules of play (effects,
// requests, endings) stay in the inject file: importing onto it keeps them.
package msel

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"unicode"

	"github.com/xuri/excelize/v2"

	"hotline/injects"
)

// The MSEL's columns, in order.
const (
	ColEvent = iota
	ColID
	ColTime
	ColWashington
	ColBeijing
	ColFrom
	ColTo
	ColChannel
	ColSubject
	ColMessage
	ColAction
	ColObjective
	ColNotes
	NumCols
)

// Headers are the columns' titles as Hotline writes them.
var Headers = [NumCols]string{
	"Event", "Inject ID", "Time", "Story time (Washington)", "Story time (Beijing)", "From", "To",
	"Method / channel", "Subject", "Message", "Expected player action", "Objective", "Controller notes",
}

// aliases are other titles planners give the same columns, normalized.
var aliases = map[string]int{
	"event": ColEvent, "eventno": ColEvent, "msel": ColEvent, "msel#": ColEvent, "event#": ColEvent, "inject#": ColEvent, "eventnumber": ColEvent, "no": ColEvent, "mselno": ColEvent, "#": ColEvent, "injectno": ColEvent,
	"injectid": ColID, "id": ColID,
	"time": ColTime, "t+": ColTime, "scenariotime": ColTime, "offset": ColTime, "trigger": ColTime,
	"storytimewashington": ColWashington, "washington": ColWashington, "storytime": ColWashington,
	"storytimebeijing": ColBeijing, "beijing": ColBeijing,
	"from": ColFrom, "sender": ColFrom,
	"to": ColTo, "recipient": ColTo, "addressee": ColTo,
	"methodchannel": ColChannel, "method": ColChannel, "channel": ColChannel, "deliverymethod": ColChannel,
	"subject": ColSubject, "title": ColSubject, "injecttitle": ColSubject,
	"message": ColMessage, "body": ColMessage, "description": ColMessage, "injectdescription": ColMessage,
	"expectedplayeraction": ColAction, "expectedaction": ColAction, "expectedoutcome": ColAction, "playeraction": ColAction,
	"objective": ColObjective, "objectives": ColObjective, "corecapability": ColObjective, "capability": ColObjective,
	"controllernotes": ColNotes, "notes": ColNotes, "remarks": ColNotes,
}

func normalize(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '#' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SheetName is the worksheet Hotline writes the MSEL to.
const SheetName = "MSEL"

// Sheet is an MSEL as a table of text.
type Sheet struct {
	// File and Name say where the sheet came from, for messages: a path,
	// and the worksheet's name (empty for CSV).
	File string
	Name string
	// Rows are the data rows, each with NumCols cells in Hotline's column
	// order; Row[i] is line i+2 of the sheet, under the header.
	Rows [][NumCols]string
	// Lines are the sheet's own row numbers of Rows, for messages.
	Lines []int
	// Columns are where Hotline's columns sit in the sheet read, counted
	// from 0; -1 for a column it lacks. A sheet made by Export has them in
	// order.
	Columns [NumCols]int
	// Warnings are what Read found odd but could read past, each as
	// "cell: warning: message".
	Warnings []string
}

// Cell names the cell of one of Hotline's columns in a row of the sheet, as
// spreadsheets do: "X.xlsx:MSEL!C14" or "X.csv:C14"; "X.csv:row 14" when the
// sheet lacks the column.
func (s *Sheet) Cell(col, line int) string {
	name := fmt.Sprintf("row %d", line)
	if c := s.Columns[col]; c >= 0 {
		name, _ = excelize.CoordinatesToCellName(c+1, line)
	}
	if s.Name != "" {
		return fmt.Sprintf("%s:%s!%s", s.File, s.Name, name)
	}
	return fmt.Sprintf("%s:%s", s.File, name)
}

// headerCell names a cell of the header row by its place in the sheet.
func (s *Sheet) headerCell(j int) string {
	name, _ := excelize.CoordinatesToCellName(j+1, 1)
	if s.Name != "" {
		return fmt.Sprintf("%s:%s!%s", s.File, s.Name, name)
	}
	return fmt.Sprintf("%s:%s", s.File, name)
}

// WriteCSV writes the sheet as CSV, with a byte-order mark so that Excel
// reads it as UTF-8, and no cell a spreadsheet would run as a formula.
func (s *Sheet) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(Headers[:]); err != nil {
		return err
	}
	var cells [NumCols]string
	for _, r := range s.Rows {
		for i, v := range r {
			cells[i] = inert(v)
		}
		if err := cw.Write(cells[:]); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// formulaStart are the first characters that make a spreadsheet read a CSV
// cell as a formula, which can compute, fetch or link (OWASP's CSV
// injection): =, +, -, @, tab and carriage return.
const formulaStart = "=+-@\t\r"

// inert writes a CSV cell so that a spreadsheet shows it as text: after a
// single quote when it would start a formula, as OWASP advises. A cell
// that starts with such a quote already gets one more, in every format
// (see literal), so that reading takes exactly one off.
func inert(v string) string {
	if startsFormula(v) {
		return "'" + v
	}
	return literal(v)
}

// literal writes a cell that starts as inert's do, a quote before a
// formula's first character or before another quote, with one more quote.
// A sheet made from Hotline's CSV keeps inert's quotes when a spreadsheet
// saves it as .xlsx; reading takes one off either way.
func literal(v string) string {
	if quoted(v) {
		return "'" + v
	}
	return v
}

// live undoes inert and literal.
func live(v string) string {
	if quoted(v) {
		return v[1:]
	}
	return v
}

func quoted(v string) bool {
	return len(v) > 1 && v[0] == '\'' && (startsFormula(v[1:]) || v[1] == '\'')
}

// unquote takes the quote inert and literal put before a cell off every
// cell under the header.
func unquote(table [][]string) {
	for _, rec := range table[min(1, len(table)):] {
		for j := range rec {
			rec[j] = live(rec[j])
		}
	}
}

func startsFormula(v string) bool { return v != "" && strings.ContainsRune(formulaStart, rune(v[0])) }

// widths are the XLSX columns' widths, in characters.
var widths = [NumCols]float64{7, 22, 22, 17, 17, 28, 10, 11, 40, 70, 45, 30, 40}

// WriteXLSX writes the sheet as an Excel workbook: a bold, frozen header,
// wrapped text, every cell text.
func (s *Sheet) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetName); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}}})
	if err != nil {
		return err
	}
	body, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, NumFmt: 49})
	if err != nil {
		return err
	}
	row := make([]any, NumCols)
	for i, h := range Headers {
		row[i] = h
	}
	if err := f.SetSheetRow(SheetName, "A1", &row); err != nil {
		return err
	}
	for i, r := range s.Rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		for j, v := range r {
			row[j] = literal(v) // text, so that times and numbers come back as written
		}
		if err := f.SetSheetRow(SheetName, cell, &row); err != nil {
			return err
		}
	}
	lastCol, _ := excelize.ColumnNumberToName(NumCols)
	if err := f.SetCellStyle(SheetName, "A1", lastCol+"1", head); err != nil {
		return err
	}
	last := fmt.Sprintf("%s%d", lastCol, len(s.Rows)+1)
	if len(s.Rows) > 0 {
		if err := f.SetCellStyle(SheetName, "A2", last, body); err != nil {
			return err
		}
	}
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(SheetName, col, col, wd); err != nil {
			return err
		}
	}
	if err := f.SetPanes(SheetName, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// Write writes the sheet to a file, as XLSX or CSV by its extension.
func (s *Sheet) Write(path string) error {
	var b bytes.Buffer
	var err error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		err = s.WriteXLSX(&b)
	case ".csv":
		err = s.WriteCSV(&b)
	default:
		return fmt.Errorf("%s: write the MSEL to a .xlsx or a .csv file", path)
	}
	if err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// Limits on what Read reads, so that a sheet cannot make an import slow
// or vast: the file's size (as for inject files), what a workbook may
// unpack to, and the rows of a sheet. An MSEL is a few hundred rows.
const (
	MaxFileSize = injects.MaxFileSize
	MaxUnzipped = 32 << 20
	MaxRows     = 10_000
	maxInMemory = 8 << 20 // a workbook's part larger than this is unpacked to a temporary file
)

// Read reads an MSEL from a .xlsx (its MSEL worksheet, or else its first)
// or a .csv file. Columns are found by their titles, in any order; titles
// planners commonly use for the same columns are accepted. Only regular
// files are read, within the limits above; a workbook's temporary files
// are gone when Read returns. A cell that WriteCSV wrote after a single
// quote, to keep it from being run as a formula, is read without it, in a
// CSV file or in a workbook a spreadsheet saved it to.
func Read(path string) (*Sheet, error) {
	var table [][]string
	s := &Sheet{File: path}
	var read func(io.Reader) ([][]string, error)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		read = s.readXLSX
	case ".csv":
		read = s.readCSV
	default:
		return nil, fmt.Errorf("%s: read an MSEL from a .xlsx or a .csv file", path)
	}
	f, err := openRegular(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	table, err = read(io.LimitReader(f, MaxFileSize))
	f.Close()
	if err != nil {
		return nil, err
	}
	unquote(table)
	if len(table) == 0 {
		return nil, fmt.Errorf("%s: error: the sheet is empty; its first row names the columns (%s, ...)", s.headerCell(0), strings.Join(Headers[:4], ", "))
	}
	cols := &s.Columns
	for i := range cols {
		cols[i] = -1
	}
	for j, h := range table[0] {
		if j == 0 { // the byte-order mark, as read, or as a spreadsheet that took it for Latin-1 shows it
			h = strings.TrimPrefix(strings.TrimPrefix(h, "\ufeff"), "ï»¿")
		}
		c, ok := aliases[normalize(h)]
		switch {
		case strings.TrimSpace(h) == "":
		case !ok:
			s.Warnings = append(s.Warnings, fmt.Sprintf("%s: warning: column %q is not part of an MSEL; it is ignored", s.headerCell(j), h))
		case cols[c] >= 0:
			return nil, fmt.Errorf("%s: error: column %q is given twice", s.headerCell(j), h)
		default:
			cols[c] = j
		}
	}
	for _, c := range []int{ColSubject, ColFrom, ColTo, ColChannel} {
		if cols[c] < 0 {
			return nil, fmt.Errorf("%s: error: the sheet has no %q column; the first row names the columns", s.headerCell(0), Headers[c])
		}
	}
	if cols[ColTime] < 0 && cols[ColWashington] < 0 && cols[ColBeijing] < 0 {
		return nil, fmt.Errorf("%s: error: the sheet has no %q column and no story time; say when each inject comes", s.headerCell(0), Headers[ColTime])
	}
	for i, rec := range table[1:] {
		var row [NumCols]string
		blank := true
		for c, j := range cols {
			if j >= 0 && j < len(rec) {
				row[c] = strings.ReplaceAll(rec[j], "\r\n", "\n")
				blank = blank && strings.TrimSpace(row[c]) == ""
			}
		}
		if !blank {
			s.Rows = append(s.Rows, row)
			s.Lines = append(s.Lines, i+2)
		}
	}
	return s, nil
}

// openRegular opens a file to read if it is a regular file within the size
// limit: not a pipe (which would make the read wait forever), a device or a
// directory. It opens without blocking and checks what it opened, so that
// a name swapped after a check cannot make the read wait.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	switch {
	case err != nil:
	case st.IsDir():
		err = errors.New("it is a directory, not a sheet")
	case !st.Mode().IsRegular():
		err = errors.New("it is not a regular file (a pipe, a device or a socket), not a sheet")
	case st.Size() > MaxFileSize:
		err = fmt.Errorf("the file is larger than %d MiB; an MSEL is far smaller", MaxFileSize>>20)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// tooManyRows is the error for a sheet past MaxRows.
func (s *Sheet) tooManyRows() error {
	return fmt.Errorf("%s: error: the sheet has more than %d rows; an MSEL is a few hundred", s.File, MaxRows)
}

// readCSV reads the rows of a CSV file, at most MaxRows of them under the
// header.
func (s *Sheet) readCSV(r io.Reader) ([][]string, error) {
	br := bufio.NewReader(r)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\ufeff" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	var table [][]string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return table, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: not a CSV file: %w", s.File, err)
		}
		if len(table) > MaxRows {
			return nil, s.tooManyRows()
		}
		table = append(table, rec)
	}
}

// readXLSX reads the rows of a workbook's MSEL worksheet (or else its
// first), at most MaxRows of them under the header. What it unpacks is
// bounded, and its temporary files go in a folder of their own that is
// removed however the reading ends: excelize leaves them behind when a
// workbook is refused half-way.
func (s *Sheet) readXLSX(r io.Reader) ([][]string, error) {
	tmp, err := os.MkdirTemp("", "hotline-msel-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: MaxUnzipped, UnzipXMLSizeLimit: maxInMemory, TmpDir: tmp})
	if f != nil {
		defer f.Close()
	}
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return nil, fmt.Errorf("%s: the workbook unpacks to more than %d MiB; an MSEL is far smaller", s.File, MaxUnzipped>>20)
		}
		return nil, fmt.Errorf("%s: cannot read the workbook: %w", s.File, err)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%s: the workbook has no worksheet", s.File)
	}
	s.Name = sheets[0]
	if slices.Contains(sheets, SheetName) {
		s.Name = SheetName
	}
	rows, err := f.Rows(s.Name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.File, err)
	}
	defer rows.Close()
	var table [][]string
	for rows.Next() {
		if len(table) > MaxRows {
			return nil, s.tooManyRows()
		}
		row, err := rows.Columns()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.File, err)
		}
		table = append(table, row)
	}
	return table, rows.Error()
}
