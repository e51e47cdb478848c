package injects

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// MaxFileSize is the largest inject file read; anything bigger is refused
// before it is read.
const MaxFileSize = 16 << 20

// Load reads the scenario in the file at path, with the files it includes,
// and checks it. Include paths are relative to the including file; a name
// not found on disk may name a built-in file, such as common.yaml.
//
// The scenario is nil when there are errors. Diagnostics holds every finding,
// warnings included.
func Load(path string) (*Scenario, Diagnostics) {
	s, diags := refuseShared(loadTop(diskFiles{}, path))
	if s != nil {
		if abs, err := filepath.Abs(path); err == nil {
			s.Source = abs
		}
	}
	return s, diags
}

// Check reads and checks an inject file as Load does, and also accepts a
// shared file, which is checked for what it declares.
func Check(path string) Diagnostics {
	_, diags := loadTop(diskFiles{}, path)
	return diags
}

// Parse checks a scenario given as bytes, as if read from a file with the
// given name. Its includes may name built-in files only.
func Parse(name string, data []byte) (*Scenario, Diagnostics) {
	l := newLoader(builtinFiles{})
	root := l.decode(name, data)
	return refuseShared(l.finish(root, name))
}

// refuseShared turns a shared file, which checks clean but is not a
// scenario, into an error.
func refuseShared(s *Scenario, diags Diagnostics) (*Scenario, Diagnostics) {
	if s == nil || !s.Shared {
		return s, diags
	}
	r := &reporter{diags: diags}
	r.at(Error, Pos{File: s.Source, Line: 1, Col: 1}, CodeShared, "this is a shared file, meant to be included by scenarios; it cannot be played on its own")
	return nil, r.done()
}

// fileSource reads inject files by name and resolves include paths.
type fileSource interface {
	read(name string) ([]byte, error)
	// resolve turns an include written in file from into a name to read.
	resolve(from, include string) string
}

type diskFiles struct{}

func (diskFiles) read(name string) ([]byte, error) {
	if strings.HasPrefix(name, builtinPrefix) {
		return builtinFiles{}.read(name)
	}
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := regular(st); err != nil {
		return nil, err
	}
	// Opened without blocking, and checked again once open: a name swapped
	// for a pipe after the check above cannot make the read wait forever.
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := regular(st); err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(f, MaxFileSize+1))
}

// regular refuses what is not an inject file's kind of file: a directory,
// a pipe, a device, a socket, or a file over the size limit.
func regular(st fs.FileInfo) error {
	switch {
	case st.IsDir():
		return errIsDir
	case !st.Mode().IsRegular():
		return errNotFile
	case st.Size() > MaxFileSize:
		return errTooLarge
	}
	return nil
}

func (diskFiles) resolve(from, include string) string {
	if strings.HasPrefix(from, builtinPrefix) {
		return builtinFiles{}.resolve(from, include)
	}
	p := filepath.Join(filepath.Dir(from), include)
	if _, err := os.Stat(p); err != nil && !strings.ContainsAny(include, `/\`) {
		if _, err := fs.Stat(builtinFS, path.Join(builtinDir, include)); err == nil {
			return builtinPrefix + include
		}
	}
	return p
}

var (
	errIsDir    = errors.New("it is a directory, not an inject file")
	errNotFile  = errors.New("it is not a regular file (a pipe, a device or a socket), not an inject file")
	errTooLarge = fmt.Errorf("the file is larger than %d MiB", MaxFileSize>>20)
)

// ioMessage words a read error for a facilitator.
func ioMessage(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, errIsDir), errors.Is(err, errTooLarge), errors.Is(err, errNotFile):
		return err.Error()
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// loader loads one scenario: its top file and everything it includes.
type loader struct {
	src    fileSource
	r      *reporter
	loaded map[string]*fileDoc
	chain  []string // include chain, to report cycles
	digest hash.Hash
}

func newLoader(src fileSource) *loader {
	return &loader{src: src, r: &reporter{}, loaded: map[string]*fileDoc{}, digest: sha256.New()}
}

func loadTop(src fileSource, name string) (*Scenario, Diagnostics) {
	l := newLoader(src)
	l.r.top = name
	data, err := src.read(name)
	if err != nil {
		code := CodeIO
		if errors.Is(err, errTooLarge) {
			code = CodeTooLarge
		}
		l.r.at(Error, Pos{File: name, Line: 1, Col: 1}, code, "cannot read: %s", ioMessage(err))
		return nil, l.r.done()
	}
	return l.finish(l.decode(name, data), name)
}

// finish loads the includes of the top file, merges, and checks.
func (l *loader) finish(root *fileDoc, name string) (*Scenario, Diagnostics) {
	if root == nil {
		return nil, l.r.done()
	}
	l.loaded[name] = root
	l.chain = append(l.chain, name)
	l.includes(root, name, 0)
	s := merge(root, l.r)
	s.Source, s.Shared = name, root.shared
	for file, doc := range l.loaded {
		if doc != root && doc.shared {
			s.SharedFiles = append(s.SharedFiles, file)
		}
	}
	slices.Sort(s.SharedFiles)
	s.Digest = hex.EncodeToString(l.digest.Sum(nil))
	check(s, root, l.r)
	diags := l.r.done()
	if diags.Errors() > 0 {
		return nil, diags
	}
	return s, diags
}

// decode checks that data is a single YAML document of text and decodes it.
// The digest takes in what the file says, not what it is called: the same
// scenario is the same exercise however its path was spelled.
func (l *loader) decode(name string, data []byte) *fileDoc {
	file := name
	var size [8]byte
	binary.BigEndian.PutUint64(size[:], uint64(len(data)))
	l.digest.Write(size[:])
	l.digest.Write(data)
	at := func(line, col int, code Code, format string, args ...any) *fileDoc {
		l.r.at(Error, Pos{File: file, Line: line, Col: col}, code, format, args...)
		return nil
	}
	if len(data) > MaxFileSize {
		return at(1, 1, CodeTooLarge, "the file is larger than %d MiB", MaxFileSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := firstNonText(data); i >= 0 {
		line, col := lineCol(data, i)
		return at(line, col, CodeNotText, "this is not a text file: found a byte that is not UTF-8 text; inject files are YAML text")
	}
	ld, err := yaml.NewLoader(bytes.NewReader(data))
	if err != nil {
		return at(1, 1, CodeSyntax, "%s", err)
	}
	var doc yaml.Node
	if err := ld.Load(&doc); err != nil {
		if err == io.EOF {
			return at(1, 1, CodeEmpty, "the file is empty; an inject file starts with \"format: 1\" and a scenario: block")
		}
		line, col, msg := syntaxError(err, data)
		return at(line, col, CodeSyntax, "%s", msg)
	}
	var extra yaml.Node
	if err := ld.Load(&extra); err == nil {
		return at(extra.Line, extra.Column, CodeSyntax, "a second YAML document (after ---): put one scenario in each file")
	} else if err != io.EOF {
		line, col, msg := syntaxError(err, data)
		return at(line, col, CodeSyntax, "%s", msg)
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return at(1, 1, CodeEmpty, "the file is empty; an inject file starts with \"format: 1\" and a scenario: block")
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return at(root.Line, root.Column, CodeType, "the top of an inject file is a block of key: value pairs (format:, scenario:, injects: ...), found %s", describe(root))
	}
	if alias, extra := aliasWork(root); alias != nil {
		if extra.nodes > aliasAllowance {
			return at(alias.Line, alias.Column, CodeTooLarge, "alias *%s: the file's aliases add %s nodes to it; aliases may add at most %d to what is written",
				CleanLine(alias.Value), expandedWords(extra.nodes), aliasAllowance)
		}
		return at(alias.Line, alias.Column, CodeTooLarge, "alias *%s: the file's aliases add %s bytes of text to it; aliases may add at most %d MiB to what is written",
			CleanLine(alias.Value), expandedWords(extra.bytes), aliasTextAllowance>>20)
	}
	clean(root)
	d := &decoder{file: file, r: l.r}
	return d.decodeFile(root)
}

// firstNonText returns the offset of the first NUL or invalid UTF-8 byte.
func firstNonText(data []byte) int {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		if j := firstInvalidUTF8(data[:i]); j >= 0 {
			return j
		}
		return i
	}
	return firstInvalidUTF8(data)
}

func firstInvalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// lineCol turns a byte offset into a 1-based line and column (in runes).
func lineCol(data []byte, off int) (int, int) {
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// syntaxError words a YAML parse error, with a hint for the usual causes.
func syntaxError(err error, data []byte) (int, int, string) {
	var le *yaml.LoadError
	if !errors.As(err, &le) {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		return 1, 1, msg
	}
	line, col := max(le.Mark.Line, 1), max(le.Mark.Column, 1)
	msg := le.Message
	if le.ContextMsg != "" {
		msg += " " + le.ContextMsg
		if le.ContextMark.Line > 0 && le.ContextMark.Line != line {
			msg += fmt.Sprintf(" started at line %d", le.ContextMark.Line)
		}
	}
	if le.Mark.Index >= 0 && le.Mark.Index < len(data) && data[le.Mark.Index] == '\t' {
		msg += "; YAML is indented with spaces, not tabs"
	}
	return line, col, msg
}

// includes loads the files doc includes, depth first.
func (l *loader) includes(doc *fileDoc, name string, shift time.Duration) {
	doc.shift = shift
	for _, inc := range doc.includes {
		if inc.file == "" {
			continue
		}
		if filepath.IsAbs(inc.file) {
			l.r.at(Error, inc.pos, CodeInclude, "include %q: an include names a file by its path from the folder of the file that includes it, not from the root", inc.file)
			continue
		}
		target := l.src.resolve(name, inc.file)
		if !within(name, target) {
			l.r.at(Error, inc.pos, CodeInclude, "include %q: an include must be in the folder of the file that includes it, or below it", inc.file)
			continue
		}
		if contains(l.chain, target) {
			l.r.at(Error, inc.pos, CodeInclude, "include %q: files include each other in a loop (%s)",
				inc.file, strings.Join(append(l.chain, target), " → "))
			continue
		}
		if child, done := l.loaded[target]; done {
			doc.children = append(doc.children, child)
			continue
		}
		data, err := l.src.read(target)
		if err != nil {
			l.r.at(Error, inc.pos, CodeInclude, "include %q: cannot read %s: %s", inc.file, target, ioMessage(err))
			continue
		}
		child := l.decode(target, data)
		if child == nil {
			l.r.at(Error, inc.pos, CodeInclude, "include %q: the file has errors (listed under its name)", inc.file)
			continue
		}
		l.loaded[target] = child
		doc.children = append(doc.children, child)
		l.chain = append(l.chain, target)
		l.includes(child, target, shift+inc.at)
		l.chain = l.chain[:len(l.chain)-1]
	}
}

// within reports whether an included file lies in the folder tree of the
// file that includes it. Built-in files include built-in files only.
func within(from, target string) bool {
	if strings.HasPrefix(target, builtinPrefix) {
		return true
	}
	if strings.HasPrefix(from, builtinPrefix) {
		return false
	}
	dir := filepath.Dir(from)
	rel, err := filepath.Rel(dir, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return false
	}
	// Through symbolic links too: the real file must be in the real folder.
	realDir, err1 := filepath.EvalSymlinks(dir)
	realTarget, err2 := filepath.EvalSymlinks(target)
	if err1 != nil || err2 != nil {
		return true // it does not exist: reading it says so
	}
	rel, err = filepath.Rel(realDir, realTarget)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
