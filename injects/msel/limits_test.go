package msel_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"hotline/injects/msel"
)

// part is a worksheet of a test's workbook: the writer of its XML, so that
// a test can make one as large as it likes without holding it; or, with
// declared set, a part whose header says it unpacks to that many bytes, as
// a zip bomb's may.
type part struct {
	write    func(io.Writer)
	declared uint64
}

// workbook writes an .xlsx of the worksheets given.
func workbook(t *testing.T, path string, sheets ...part) {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	add := func(name, text string) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, text)
	}
	var overrides, entries, rels string
	for i := range sheets {
		overrides += fmt.Sprintf(`<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		entries += fmt.Sprintf(`<sheet name="S%d" sheetId="%d" r:id="rId%d"/>`, i+1, i+1, i+1)
		rels += fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`+overrides+`</Types>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	add("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`+entries+`</sheets></workbook>`)
	add("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels+`</Relationships>`)
	for i, sheet := range sheets {
		name := fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		if sheet.declared > 0 {
			w, err := z.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store, CompressedSize64: 1, UncompressedSize64: sheet.declared})
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte("x"))
			continue
		}
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		sheet.write(w)
		io.WriteString(w, `</sheetData></worksheet>`)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// rows is a header and n rows of one cell each.
func rows(n int) part {
	return part{write: func(w io.Writer) {
		io.WriteString(w, `<row><c t="inlineStr"><is><t>Subject</t></is></c><c t="inlineStr"><is><t>From</t></is></c><c t="inlineStr"><is><t>To</t></is></c><c t="inlineStr"><is><t>Channel</t></is></c><c t="inlineStr"><is><t>Time</t></is></c></row>`)
		row := []byte(`<row><c t="inlineStr"><is><t>x</t></is></c></row>`)
		io.WriteString(w, strings.Repeat(string(row), n))
	}}
}

// declared is a part that says it unpacks to size bytes.
func declared(size uint64) part { return part{declared: size} }

// text is one cell of size bytes: a part that unpacks far larger than it
// is packed.
func text(size int) part {
	return part{write: func(w io.Writer) {
		io.WriteString(w, `<row><c t="inlineStr"><is><t>`)
		chunk := bytes.Repeat([]byte("a"), 1<<20)
		for range size >> 20 {
			w.Write(chunk)
		}
		io.WriteString(w, `</t></is></c></row>`)
	}}
}

// A sheet is read with the limits of an inject file: regular files only,
// a size, a number of rows, and what a workbook may unpack to; each is
// refused quickly and in words, and a workbook refused half-way leaves no
// temporary file behind.
func TestReadIsBounded(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where excelize puts what it unpacks
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }

	if err := syscall.Mkfifo(at("pipe.csv"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", at("zero.csv")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(at("dir.xlsx"), 0o755); err != nil {
		t.Fatal(err)
	}
	big := bytes.Repeat([]byte("Subject,From,To,Channel,Time\n"), msel.MaxFileSize/29+1)
	if err := os.WriteFile(at("big.csv"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	many := "Subject,From,To,Channel,Time\n" + strings.Repeat("x\n", 400_000)
	if err := os.WriteFile(at("many.csv"), []byte(many), 0o644); err != nil {
		t.Fatal(err)
	}
	workbook(t, at("many.xlsx"), rows(msel.MaxRows+1))
	workbook(t, at("bomb.xlsx"), declared(1<<40))
	workbook(t, at("deflated.xlsx"), text(33<<20))
	workbook(t, at("halfway.xlsx"), text(9<<20), declared(24<<20)) // the first goes to a temporary file
	for name, want := range map[string]string{
		"pipe.csv":      "pipe.csv: it is not a regular file (a pipe, a device or a socket), not a sheet",
		"zero.csv":      "zero.csv: it is not a regular file",
		"dir.xlsx":      "dir.xlsx: it is a directory, not a sheet",
		"big.csv":       "big.csv: the file is larger than 16 MiB; an MSEL is far smaller",
		"many.csv":      "many.csv: error: the sheet has more than 10000 rows; an MSEL is a few hundred",
		"many.xlsx":     "many.xlsx: error: the sheet has more than 10000 rows",
		"bomb.xlsx":     "bomb.xlsx: the workbook unpacks to more than 32 MiB; an MSEL is far smaller",
		"halfway.xlsx":  "halfway.xlsx: the workbook unpacks to more than 32 MiB",
		"deflated.xlsx": "deflated.xlsx: the workbook unpacks to more than 32 MiB",
	} {
		before := allocated()
		_, err := msel.Read(at(name))
		if grew := allocated() - before; grew > 256<<20 {
			t.Errorf("%s: reading allocated %d MB", name, grew>>20)
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want an error saying %q", name, err, want)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// allocated is how many bytes the program has allocated so far.
func allocated() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

// A sheet imports in work that grows with its rows, however its cells
// repeat or vary: 4,000 rows of one subject, or of 900 senders, take about
// what 4,000 rows of distinct subjects from one sender take (a walk of the
// rows at each row made them take twice as much and more). What a sheet
// may add to the scenario is bounded too.
func TestImportGrowsWithTheRows(t *testing.T) {
	head := strings.Join(msel.Headers[:], ",") + "\n"
	// sheet makes n rows; row gives the sender, subject and objectives of
	// row i.
	sheet := func(n int, row func(i int) (from, subject, objectives string)) string {
		var b strings.Builder
		b.WriteString(head)
		for i := range n {
			start := ""
			if i == 0 {
				start = "2015-10-05 09:00"
			}
			from, subject, objectives := row(i)
			fmt.Fprintf(&b, "%d,,T+1h,%s,,%s,us,note,%s,M%d,,\"%s\",\n", i+1, start, from, subject, i, objectives)
		}
		return b.String()
	}
	dir := t.TempDir()
	importing := func(name, text string) (uint64, msel.Findings) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		before := allocated()
		s, err := msel.Read(path)
		if err != nil {
			t.Fatal(err)
		}
		_, found := msel.Import(s, msel.Options{Output: filepath.Join(dir, name+".yaml")})
		return allocated() - before, found
	}
	plain, found := importing("plain.csv", sheet(4000, func(i int) (string, string, string) { return "white-cell", fmt.Sprint("S", i), "" }))
	if found.Errors() > 0 {
		t.Fatalf("plain: %v", found[:min(3, len(found))])
	}
	for name, row := range map[string]func(int) (string, string, string){
		"one subject": func(i int) (string, string, string) { return "white-cell", "x", "" },
		"900 senders": func(i int) (string, string, string) { return fmt.Sprint("Sender ", i%900), fmt.Sprint("S", i), "" },
	} {
		got, found := importing(strings.ReplaceAll(name, " ", "-")+".csv", sheet(4000, row))
		if found.Errors() > 0 {
			t.Fatalf("%s: %v", name, found[:min(3, len(found))])
		}
		if ratio := float64(got) / float64(plain); ratio > 1.4 {
			t.Errorf("%s: 4,000 rows allocate %.1f times what 4,000 plain rows do (%d MB)", name, ratio, got>>20)
		}
	}
	objectives := sheet(501, func(i int) (string, string, string) {
		return "white-cell", fmt.Sprint("S", i), fmt.Sprintf("a%d\nb%d", i, i)
	})
	wide := sheet(1, func(int) (string, string, string) { return "white-cell", "S", strings.Repeat("o\n", 21) + "p" })
	for name, c := range map[string]struct{ sheet, want string }{
		"objectives.csv": {objectives, "the sheet names more than 1000 objectives the scenario lacks"},
		"wide.csv":       {wide, "more than 20 objectives in one row"},
	} {
		if _, found := importing(name, c.sheet); !strings.Contains(fmt.Sprint(found), c.want) {
			t.Errorf("%s: no finding saying %q: %v", name, c.want, found[:min(3, len(found))])
		}
	}
}
