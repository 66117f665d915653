package loader

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/kg/schema"
)

// MaxArticleBytes is the largest input read in one piece: a whole file for
// every format but JSON Lines, and one line of a JSON Lines file. Larger
// inputs are rejected with CodeInvalid rather than read into memory. It is a
// variable so that a program (or a test) can raise or lower it.
var MaxArticleBytes int64 = 64 << 20

// format is how a file's bytes are to be read.
type format int

const (
	formatUnknown format = iota // sniff the content
	formatText
	formatJSON
	formatJSONL
	formatHTML
)

// formatOf chooses the format from the file name's extension.
func formatOf(name string) format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".text", ".markdown":
		return formatText
	case ".json":
		return formatJSON
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".html", ".htm", ".xhtml":
		return formatHTML
	}
	return formatUnknown
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ReadFile reads the articles of one file: one for plain text and HTML, one
// per object for JSON and JSON Lines. The format comes from the extension
// (see the package documentation) and is sniffed from the content when the
// extension is unknown.
//
// When some objects of a JSON or JSON Lines file are bad, ReadFile returns
// the good articles together with an error that describes the first bad one
// and counts the others; Walk reports each failure separately. Errors are
// *schema.Error with CodeInvalid, naming the file.
func ReadFile(path string) ([]*schema.Article, error) {
	var c collector
	if err := readFile(path, c.add); err != nil {
		return nil, err
	}
	return c.result()
}

// ReadBytes is ReadFile over bytes already in memory. name is used to choose
// the format, in error messages, and as the articles' Path.
func ReadBytes(name string, data []byte) ([]*schema.Article, error) {
	var c collector
	if err := readBytes(name, data, c.add); err != nil {
		return nil, err
	}
	return c.result()
}

// ReadStream reads the articles of r, calling fn once per article or once
// per failure, as Walk does; name gives the format, the Path and the name in
// messages. It is how a program reads its standard input.
//
// JSON Lines are streamed line by line; other formats are read whole, up to
// MaxArticleBytes. When name's extension says nothing, a stream whose first
// line is a JSON object is read as JSON Lines, anything else whole and
// sniffed as ReadFile does. ReadStream returns only an error returned by fn,
// or nil.
func ReadStream(name string, r io.Reader, fn func(a *schema.Article, err error) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	f := formatOf(name)
	if f == formatUnknown && firstLineIsObject(br) {
		f = formatJSONL
	}
	if f == formatJSONL {
		return streamJSONL(name, br, fn)
	}
	data, err := io.ReadAll(io.LimitReader(br, MaxArticleBytes+1))
	if err != nil {
		return fn(nil, &schema.Error{Code: schema.CodeInvalid, Message: "cannot read " + name, Err: err})
	}
	if int64(len(data)) > MaxArticleBytes {
		return fn(nil, invalid(name, 0, "too large (more than the limit of %d bytes)", MaxArticleBytes))
	}
	return readBytes(name, data, fn)
}

// firstLineIsObject reports whether the first line of br (within its
// buffer) is a whole JSON object, without consuming anything.
func firstLineIsObject(br *bufio.Reader) bool {
	buf, err := br.Peek(br.Size())
	full := err == nil || err == bufio.ErrBufferFull
	buf = bytes.TrimLeft(bytes.TrimPrefix(buf, utf8BOM), " \t\r\n")
	if len(buf) == 0 || buf[0] != '{' {
		return false
	}
	if i := bytes.IndexByte(buf, '\n'); i >= 0 {
		buf = buf[:i]
	} else if full {
		return false // a first line longer than the buffer: not sniffed
	}
	return json.Valid(buf)
}

// collector gathers what a read emits, for ReadFile and ReadBytes.
type collector struct {
	articles []*schema.Article
	first    error
	more     int
}

func (c *collector) add(a *schema.Article, err error) error {
	switch {
	case err == nil:
		c.articles = append(c.articles, a)
	case c.first == nil:
		c.first = err
	default:
		c.more++
	}
	return nil
}

func (c *collector) result() ([]*schema.Article, error) {
	if c.first == nil {
		return c.articles, nil
	}
	if c.more == 0 {
		return c.articles, c.first
	}
	msg := c.first.Error()
	var e *schema.Error
	if errors.As(c.first, &e) {
		msg = e.Message
	}
	return c.articles, &schema.Error{
		Code:    schema.ErrorCode(c.first),
		Message: fmt.Sprintf("%s (and %d more bad %s)", msg, c.more, plural(c.more, "entry", "entries")),
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// emitFunc receives each article or each failure of a read. A non-nil
// return stops the read and is returned by it.
type emitFunc func(a *schema.Article, err error) error

// readFile reads path and emits its articles and failures. It returns only
// the error returned by emit.
func readFile(path string, emit emitFunc) error {
	f, err := os.Open(path)
	if err != nil {
		return emit(nil, openError(path, err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return emit(nil, openError(path, err))
	}
	if info.IsDir() {
		return emit(nil, invalid(path, 0, "is a directory"))
	}
	if formatOf(path) == formatJSONL {
		return streamJSONL(path, f, emit)
	}
	if info.Size() > MaxArticleBytes {
		return emit(nil, tooLarge(path, info.Size()))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxArticleBytes+1))
	if err != nil {
		return emit(nil, openError(path, err))
	}
	return readBytes(path, data, emit)
}

// openError reports a file that cannot be read at all.
func openError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &schema.Error{Code: schema.CodeInvalid, Message: "cannot read " + path, Err: err}
}

func tooLarge(name string, size int64) error {
	return invalid(name, 0, "too large (%d bytes; the limit is %d bytes)", size, MaxArticleBytes)
}

// readBytes reads data, named name, and emits its articles and failures.
func readBytes(name string, data []byte, emit emitFunc) error {
	f := formatOf(name)
	if f == formatJSONL {
		return streamJSONL(name, bytes.NewReader(data), emit)
	}
	if int64(len(data)) > MaxArticleBytes {
		return emit(nil, tooLarge(name, int64(len(data))))
	}
	if err := checkBytes(name, 0, data); err != nil {
		return emit(nil, err)
	}
	if f == formatUnknown {
		f = sniff(data)
	}
	switch f {
	case formatJSONL:
		return streamJSONL(name, bytes.NewReader(data), emit)
	case formatJSON:
		return readJSON(name, data, emit)
	case formatHTML:
		a, err := readHTML(name, data)
		return emit(a, err)
	default:
		a, err := readText(name, data)
		return emit(a, err)
	}
}

// sniff guesses the format of content whose extension says nothing: JSON
// when it parses as a JSON object or array, JSON Lines when it parses as
// lines of objects, HTML when it starts with markup that says so, else text.
func sniff(data []byte) format {
	body := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	switch {
	case len(body) == 0:
		return formatText
	case body[0] == '{' || body[0] == '[':
		if jsonValid(body) {
			return formatJSON
		}
		if body[0] == '{' && jsonLinesValid(body) {
			return formatJSONL
		}
	case body[0] == '<':
		head := strings.ToLower(string(body[:min(len(body), 1024)]))
		for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<p "} {
			if strings.Contains(head, tag) {
				return formatHTML
			}
		}
	}
	return formatText
}

// checkBytes rejects data that cannot be an article's text: empty, binary,
// or not UTF-8. line, when not 0, is the line of a JSON Lines file data is.
func checkBytes(name string, line int, data []byte) error {
	body := bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(body)) == 0 {
		return invalid(name, line, "empty file")
	}
	if bytes.HasPrefix(body, []byte{0xFF, 0xFE}) || bytes.HasPrefix(body, []byte{0xFE, 0xFF}) {
		return invalid(name, line, "UTF-16 text; save the file as UTF-8")
	}
	if looksBinary(body) {
		return invalid(name, line, "binary data, not text (NUL or control bytes)")
	}
	if i := invalidUTF8(data); i >= 0 {
		return invalid(name, line, "invalid UTF-8 at byte offset %d (line %d); save the file as UTF-8",
			i, bytes.Count(data[:i], []byte{'\n'})+1)
	}
	return nil
}

// binarySample is how much of the data looksBinary inspects for control bytes.
const binarySample = 8 << 10

// looksBinary reports data that holds a NUL byte, or whose first bytes are
// more than 10% control characters other than tab, newline, form feed and
// carriage return: no text file looks like that.
func looksBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	sample := data[:min(len(data), binarySample)]
	ctl := 0
	for _, c := range sample {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7f {
			ctl++
		}
	}
	return ctl*10 > len(sample)
}

// invalidUTF8 returns the offset of the first byte of data that is not part
// of a valid UTF-8 sequence, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// invalid builds the CodeInvalid error for a bad input: "name: what" or
// "name:line: what".
func invalid(name string, line int, format string, args ...any) *schema.Error {
	msg := fmt.Sprintf(format, args...)
	if name == "" {
		name = "<input>"
	}
	if line > 0 {
		return schema.Errorf(schema.CodeInvalid, "%s:%d: %s", name, line, msg)
	}
	return schema.Errorf(schema.CodeInvalid, "%s: %s", name, msg)
}

// finish fills the fields every article derives from the others: the
// language when none was given, the hash and the ID.
func finish(a *schema.Article) *schema.Article {
	if a.Language == "" {
		a.Language = DetectLanguage(a.Text)
	}
	a.Hash = schema.Hash(a.Text)
	a.ID = schema.ArticleIRI(a.Hash)
	return a
}
