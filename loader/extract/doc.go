// Package extract reads news articles (French and English) into facts: the
// entities they mention (persons, states, organizations, places,
// agreements), the offices persons hold, the statements they report — who
// said what about what, according to whom — and the events they tell.
//
// It is a rule-based pipeline over embedded lexicons (lexicon/*.json, user
// extendable with WithLexiconFiles): a linear tokenizer that keeps byte
// offsets, a sentence splitter, one trie over every lexicon form, mention
// detection (names, demonyms, capitals as metonyms, office titles with their
// holders, collective actors, unknown capitalised names typed by their cues),
// and a sentence-by-sentence pass that finds verb groups and their subjects,
// resolves coreference (surnames, offices, pronouns, "les deux présidents",
// a communiqué's "nous"), attributes statements PARC-style (selon X, incises,
// nested reports, "la même source") and reads events with participants,
// place, status and date. Every fact carries its evidence (an exact slice of
// the article), a confidence and the cue that produced it. README.md in this
// folder describes the stages and the lexicon format.
//
// An Extractor is immutable once built and safe for concurrent use; Extract
// never panics.
package extract
