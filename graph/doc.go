// Package graph is the knowledge graph's store: it implements schema.Store
// over the Cayley quad store, on one of three backends chosen by address
// (see Open): an embedded bbolt file (the default, ./kg.db), Cayley's
// in-memory store (memory:, for tests and throw-away runs) and PostgreSQL
// (postgres://…, for a shared server).
//
// Every fact is a quad whose fourth element, the label, is the IRI of the
// article it was read in. That one convention gives provenance for free
// (which article says so), makes reloading an article idempotent (the same
// extraction mints the same IRIs and so the same quads), and makes
// retraction exact (delete the quads carrying the article's label; a fact
// that two articles report carries both labels and survives the retraction
// of one). Analysts' corrections (merges, extra aliases) carry their own
// label, CurationGraph, so they survive every reload.
//
// The shape of the graph (which node carries which predicate) is written out
// in write.go; the vocabulary itself lives in schema/vocab.go. Literals are
// strict RDF: plain strings, or xsd-typed strings for numbers and dates, so
// that exports pass a strict N-Quads / JSON-LD parser.
//
// Reads start from Cayley's quad indexes (all quads with a given subject, or
// with a given object, filtered on the predicate) rather than scanning the
// store, then "describe" the matching subjects in one batched call and decode
// them into the schema types. Backend notes:
//
//   - bbolt: Cayley's kv quad store over one file, opened here (Cayley's own
//     registration wants a directory). Its indexes are (subject, predicate)
//     and (object, predicate, subject), scanned by prefix; there is no label
//     index, so an article's quads are found from the article node (see
//     write.go). Cayley's bloom filters are off: they cost ~150 MB and a
//     scan of the file at every open.
//   - PostgreSQL: Cayley's SQL store for writes; reads go through a
//     connection of the store's own that fetches a batch of quads and node
//     values in one query each, where Cayley would issue one per value.
//     Open adds an index on the label column, which Cayley lacks.
//   - memory: Cayley's memstore, for tests and throw-away runs.
//
// Writes cost one transaction each; PutExtractions writes a batch of
// articles in one, for bulk loads.
package graph
