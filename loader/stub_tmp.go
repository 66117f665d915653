package loader

import (
	"io"

	"github.com/newsgraph/kg/schema"
)

func readJSON(name string, data []byte, emit emitFunc) error {
	return emit(nil, invalid(name, 0, "JSON not supported yet"))
}
func readHTML(name string, data []byte) (*schema.Article, error) {
	return nil, invalid(name, 0, "HTML not supported yet")
}
func streamJSONL(name string, r io.Reader, emit emitFunc) error {
	return emit(nil, invalid(name, 0, "JSONL not supported yet"))
}
func jsonValid([]byte) bool      { return false }
func jsonLinesValid([]byte) bool { return false }
