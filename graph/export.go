package graph

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"

	"github.com/newsgraph/kg/schema"
)

// Export formats.
const (
	FormatNQuads = "nquads"
	FormatJSONLD = "jsonld"
)

// Export writes every quad of the store to w, in N-Quads ("nquads") or
// JSON-LD ("jsonld", one named graph per article, which converts back to
// the same quads). Literals are strict RDF: plain or xsd-typed. An unknown
// format is CodeInvalid.
//
// N-Quads are streamed in the store's own order, one quad at a time, so
// memory stays flat whatever the size (a 100,000-article store is 37 M
// quads); two exports of the same store are identical (pipe through sort
// to compare two stores). JSON-LD needs every quad at once: use N-Quads
// for big stores.
func (s *Store) Export(ctx context.Context, w io.Writer, format string) error {
	if format != FormatNQuads && format != FormatJSONLD {
		return schema.Errorf(schema.CodeInvalid, "unknown export format %q: use %s or %s", format, FormatNQuads, FormatJSONLD)
	}
	if format == FormatNQuads {
		return s.exportNQuads(ctx, w)
	}
	s.mu.RLock()
	qs, err := s.allQuads(ctx)
	s.mu.RUnlock()
	if err != nil {
		return err
	}
	jw := jsonld.NewWriter(w)
	jw.SetLdContext(jsonldContext)
	if _, err := jw.WriteQuads(sortQuads(qs)); err != nil {
		return fmt.Errorf("build JSON-LD export: %w", err)
	}
	if err := jw.Close(); err != nil {
		return fmt.Errorf("write JSON-LD export: %w", err)
	}
	return nil
}

// exportNQuads streams every quad in the store's own order, under one
// read lock so the export is a consistent snapshot.
func (s *Store) exportNQuads(ctx context.Context, w io.Writer) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return s.errClosed()
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return fmt.Errorf("read quad: %w", err)
		}
		if !q.IsValid() {
			continue
		}
		if _, err := bw.WriteString(quadKey(q) + " .\n"); err != nil {
			return fmt.Errorf("write export: %w", err)
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read all quads of %s: %w", s.addr, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write export: %w", err)
	}
	return nil
}

// jsonldContext compacts the JSON-LD export with the vocabulary's
// prefixes, so that it reads as "kg:speaker" rather than full IRIs.
var jsonldContext = map[string]any{
	"kg":     schema.NS,
	"schema": schema.SchemaOrg,
	"rdf":    schema.RDF,
	"xsd":    schema.XSD,
}

// allQuads reads every quad of the store, made strict.
func (s *Store) allQuads(ctx context.Context) ([]quad.Quad, error) {
	if s.closed {
		return nil, s.errClosed()
	}
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return nil, fmt.Errorf("read quad: %w", err)
		}
		if q.IsValid() {
			out = append(out, strictQuad(q))
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("read all quads of %s: %w", s.addr, err)
	}
	return out, ctx.Err()
}

// sortQuads returns the quads in N-Quads line order.
func sortQuads(qs []quad.Quad) []quad.Quad {
	out := slices.Clone(qs)
	slices.SortFunc(out, func(a, b quad.Quad) int {
		ka, kb := quadKey(a), quadKey(b)
		switch {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return 0
	})
	return out
}
