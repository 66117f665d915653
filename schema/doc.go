// Package schema is the domain of the knowledge graph: the vocabulary of
// predicates (one absolute IRI per term), the plain value types that flow
// between the loader, the store and the API (Article, Entity, Role,
// Statement, Event), the interfaces the store implements, the error type
// shared by every layer, and the GraphQL schema files (*.graphqls).
//
// Every other package depends on this one and on nothing of each other:
// cmd → {resolvers, loader, graph} → schema. Keeping the domain here lets
// the extractor be tested without a store and the resolvers without Cayley.
//
// See ONTOLOGY.md beside this file for the data model written out.
package schema
