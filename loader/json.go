package loader

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/kg/schema"
)

// jsonArticle is one article as a JSON object. Unknown fields are ignored,
// so exports from other tools can be read as they are.
type jsonArticle struct {
	Text     *string `json:"text"`
	Title    string  `json:"title"`
	Date     string  `json:"date"`
	URL      string  `json:"url"`
	Lang     string  `json:"lang"`
	Language string  `json:"language"`
	Source   string  `json:"source"`
}

// article validates j and turns it into an Article. Offset is 0: evidence
// offsets into a JSON article are offsets into its decoded text field.
func (j *jsonArticle) article(name string, line int) (*schema.Article, error) {
	if j.Text == nil {
		return nil, invalid(name, line, `missing "text" field`)
	}
	a := &schema.Article{
		Path:   name,
		Title:  strings.TrimSpace(j.Title),
		Source: strings.TrimSpace(j.Source),
		URL:    strings.TrimSpace(j.URL),
	}
	a.Text = strings.TrimSpace(*j.Text)
	if a.Text == "" {
		return nil, invalid(name, line, `empty "text" field`)
	}
	if strings.IndexByte(a.Text, 0) >= 0 {
		return nil, invalid(name, line, `"text" field holds NUL bytes (binary data, not text)`)
	}
	if j.Date != "" {
		d, ok := NormalizeDate(j.Date)
		if !ok {
			return nil, invalid(name, line, "date %q is not a date (want YYYY, YYYY-MM or YYYY-MM-DD)", j.Date)
		}
		a.Date = d
	}
	lang := j.Lang
	if lang == "" {
		lang = j.Language
	}
	a.Language = normalizeLanguage(lang)
	if a.URL == "" {
		a.URL = firstURL(a.Source)
	}
	return finish(a), nil
}

// readJSON reads a JSON file holding one article object or an array of
// them. A bad element of an array is reported, and the others still read.
// A file of JSON Lines named .json is read as JSON Lines.
func readJSON(name string, data []byte, emit emitFunc) error {
	data = bytes.TrimPrefix(data, utf8BOM)
	body := bytes.TrimLeft(data, " \t\r\n")
	if len(body) > 0 && body[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil {
			return emit(nil, jsonError(name, 0, data, err))
		}
		for i, item := range items {
			var j jsonArticle
			var a *schema.Article
			err := json.Unmarshal(item, &j)
			if err != nil {
				// Positions inside an element would mislead; the element's
				// index says where it is.
				err = jsonError(name, 0, nil, err)
			} else {
				a, err = j.article(name, 0)
			}
			if err != nil {
				err = prefixError(err, fmt.Sprintf("element %d: ", i))
			}
			if stop := emit(a, err); stop != nil {
				return stop
			}
		}
		if len(items) == 0 {
			return emit(nil, invalid(name, 0, "empty JSON array: no articles"))
		}
		return nil
	}
	var j jsonArticle
	if err := json.Unmarshal(data, &j); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) && jsonLinesValid(body) {
			// JSON Lines saved as .json: read it for what it is.
			return streamJSONL(name, bytes.NewReader(data), emit)
		}
		return emit(nil, jsonError(name, 0, data, err))
	}
	return emit(j.article(name, 0))
}

// prefixError adds context after the file name of a CodeInvalid message
// ("f.json: element 3: missing …").
func prefixError(err error, prefix string) error {
	var e *schema.Error
	if !errors.As(err, &e) {
		return err
	}
	msg := e.Message
	// Messages start "name: " or "name:line: "; insert after that.
	if i := strings.Index(msg, ": "); i >= 0 {
		msg = msg[:i+2] + prefix + msg[i+2:]
	}
	return &schema.Error{Code: e.Code, Message: msg, Err: e.Err}
}

// jsonError turns an encoding/json error into a one-line CodeInvalid error
// saying where the JSON breaks in data (nil: do not say where).
func jsonError(name string, line int, data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case data == nil && errors.As(err, &typ) && typ.Field != "":
		return invalid(name, line, "field %q is a JSON %s, want a %s", typ.Field, typ.Value, typ.Type)
	case errors.As(err, &syn):
		return invalid(name, line, "malformed JSON at %s: %s", position(data, syn.Offset, line), syn.Error())
	case errors.As(err, &typ):
		what := "a JSON " + typ.Value
		if typ.Field != "" {
			return invalid(name, line, "field %q is %s, want a %s (at %s)", typ.Field, what, typ.Type, position(data, typ.Offset, line))
		}
		return invalid(name, line, "want a JSON object (or an array of objects), found %s", what)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return invalid(name, line, "malformed JSON: unexpected end of input")
	default:
		return invalid(name, line, "malformed JSON: %v", err)
	}
}

// position describes where encoding/json stopped, as "line L, column C"
// (or "column C" for one line of a JSON Lines file). off is the count of
// bytes read, so the offending byte is the one before it.
func position(data []byte, off int64, line int) string {
	off = max(0, min(off-1, int64(len(data))))
	before := data[:off]
	col := off - int64(bytes.LastIndexByte(before, '\n'))
	if line > 0 {
		return fmt.Sprintf("column %d", col)
	}
	return fmt.Sprintf("line %d, column %d", bytes.Count(before, []byte{'\n'})+1, col)
}

// streamJSONL reads JSON Lines from r, one article per non-blank line, and
// emits each article or each line's failure. Lines are read one at a time,
// so memory stays bounded by MaxArticleBytes whatever the file's size.
func streamJSONL(name string, r io.Reader, emit emitFunc) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(binarySample); len(head) > 0 && looksBinary(head) {
		return emit(nil, invalid(name, 0, "binary data, not text (NUL or control bytes)"))
	}
	var (
		offset int64 // of the current line in the file
		read   int   // non-blank lines seen
		buf    []byte
	)
	for line := 1; ; line++ {
		buf = buf[:0]
		long := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if !long {
				if int64(len(buf)+len(chunk)) > MaxArticleBytes {
					long = true
				} else {
					buf = append(buf, chunk...)
				}
			}
			offset += int64(len(chunk))
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return emit(nil, &schema.Error{Code: schema.CodeInvalid, Message: fmt.Sprintf("cannot read %s:%d", name, line), Err: err})
		}
		start := offset - int64(len(buf))
		var a *schema.Article
		var bad error
		switch {
		case long:
			bad = invalid(name, line, "line too large (the limit is %d bytes)", MaxArticleBytes)
		case len(bytes.TrimSpace(bytes.TrimPrefix(buf, utf8BOM))) == 0:
			// blank line
		default:
			read++
			a, bad = jsonLine(name, line, start, buf)
		}
		if a != nil || bad != nil {
			if stop := emit(a, bad); stop != nil {
				return stop
			}
		}
		if err == io.EOF {
			break
		}
	}
	if read == 0 {
		return emit(nil, invalid(name, 0, "empty file"))
	}
	return nil
}

// jsonLine reads one line of a JSON Lines file; start is its offset in the file.
func jsonLine(name string, line int, start int64, data []byte) (*schema.Article, error) {
	if line == 1 && bytes.HasPrefix(data, utf8BOM) {
		data = data[len(utf8BOM):]
		start += int64(len(utf8BOM))
	}
	if i := invalidUTF8(data); i >= 0 {
		return nil, invalid(name, line, "invalid UTF-8 at byte offset %d; save the file as UTF-8", start+int64(i))
	}
	if looksBinary(data) {
		return nil, invalid(name, line, "binary data, not text (NUL or control bytes)")
	}
	var j jsonArticle
	if err := json.Unmarshal(data, &j); err != nil {
		return nil, jsonError(name, line, data, err)
	}
	return j.article(name, line)
}

// jsonValid reports whether data is one JSON object or array.
func jsonValid(data []byte) bool { return json.Valid(data) }

// jsonLinesValid reports whether every non-blank line of the first 64 KiB
// of data is a JSON object (the last line may be cut by the limit).
func jsonLinesValid(data []byte) bool {
	limit := 64 << 10
	cut := len(data) > limit
	if cut {
		data = data[:limit]
	}
	lines := bytes.Split(data, []byte{'\n'})
	if cut {
		lines = lines[:len(lines)-1]
	}
	n := 0
	for _, l := range lines {
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			continue
		}
		if l[0] != '{' || !json.Valid(l) {
			return false
		}
		n++
	}
	return n > 0
}
