package graph

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// Reloading or retracting an article removes exactly the quads it labelled.
// Its statements, events and roles are its own nodes, cheap to read; its
// entities are not: every article restates the states and people it names
// under its own label, and neither Cayley's kv indexes nor its SQL indexes
// lead with the label, so finding "what article A said of Russia" meant
// reading every quad of Russia (12 s for one retraction at 22k articles).
// The side index therefore keeps, per article, the quads it wrote about its
// entities: one record, read with the article's other index records.
//
//	'Q' + article IRI → entity quads (see encodeEntityQuads)

// recEntityQuads prefixes the record of an article's entity quads.
const recEntityQuads = 'Q'

// entityQuadsEntry adds the record of the article's quads about the
// entities it mentions (collected by entityEntries); none when there are
// none.
func entityQuadsEntry(article string, mine []quad.Quad, out map[string][]byte) {
	if len(mine) == 0 {
		return
	}
	b, err := encodeEntityQuads(mine)
	if err != nil {
		// A value the record cannot hold: leave the record out, and the
		// article's entities are read from the quads as before.
		return
	}
	out[string(recEntityQuads)+article] = b
}

// encodeEntityQuads packs quads that share their label: a table of the
// distinct subjects and predicates, then per quad its subject and
// predicate positions and its object as Cayley's protobuf value (the
// encoding Cayley stores values in, so every value type round-trips). All
// numbers are uvarints, strings and values length-prefixed.
func encodeEntityQuads(quads []quad.Quad) ([]byte, error) {
	var names []string
	pos := map[string]uint64{}
	at := func(s string) uint64 {
		i, ok := pos[s]
		if !ok {
			i = uint64(len(names))
			pos[s] = i
			names = append(names, s)
		}
		return i
	}
	type row struct {
		s, p uint64
		o    []byte
	}
	rows := make([]row, 0, len(quads))
	for _, q := range quads {
		o, err := pquads.MarshalValue(q.Object)
		if err != nil {
			return nil, fmt.Errorf("encode %v: %w", q.Object, err)
		}
		rows = append(rows, row{at(text(q.Subject)), at(text(q.Predicate)), o})
	}
	b := binary.AppendUvarint(nil, uint64(len(names)))
	for _, n := range names {
		b = binary.AppendUvarint(b, uint64(len(n)))
		b = append(b, n...)
	}
	b = binary.AppendUvarint(b, uint64(len(rows)))
	for _, r := range rows {
		b = binary.AppendUvarint(b, r.s)
		b = binary.AppendUvarint(b, r.p)
		b = binary.AppendUvarint(b, uint64(len(r.o)))
		b = append(b, r.o...)
	}
	return b, nil
}

// errBadRecord reports an entity-quads record that does not decode.
var errBadRecord = errors.New("corrupt entity-quads record")

// decodeEntityQuads reverses encodeEntityQuads, every quad labelled with
// article.
func decodeEntityQuads(article string, b []byte) ([]quad.Quad, error) {
	num := func() (uint64, bool) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, false
		}
		b = b[n:]
		return v, true
	}
	bytesOf := func() ([]byte, bool) {
		n, ok := num()
		if !ok || n > uint64(len(b)) {
			return nil, false
		}
		v := b[:n]
		b = b[n:]
		return v, true
	}
	count, ok := num()
	if !ok || count > uint64(len(b)) {
		return nil, errBadRecord
	}
	names := make([]string, count)
	for i := range names {
		v, ok := bytesOf()
		if !ok {
			return nil, errBadRecord
		}
		names[i] = string(v)
	}
	count, ok = num()
	if !ok || count > uint64(len(b)) {
		return nil, errBadRecord
	}
	label := iri(article)
	out := make([]quad.Quad, 0, count)
	for range count {
		s, ok1 := num()
		p, ok2 := num()
		o, ok3 := bytesOf()
		if !ok1 || !ok2 || !ok3 || s >= uint64(len(names)) || p >= uint64(len(names)) {
			return nil, errBadRecord
		}
		v, err := pquads.UnmarshalValue(o)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errBadRecord, err)
		}
		out = append(out, quad.Quad{Subject: iri(names[s]), Predicate: iri(names[p]), Object: v, Label: label})
	}
	if len(b) != 0 {
		return nil, errBadRecord
	}
	return out, nil
}
