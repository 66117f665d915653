// Package loader reads news articles from files, folders and streams into
// schema.Article values, ready for the extractor (package loader/extract) and
// the store. It knows nothing of the store: it turns bytes into articles and
// bad bytes into clear errors.
//
// # Formats
//
// ReadFile reads one file, ReadBytes bytes in memory, ReadStream a stream
// such as standard input, and Walk every file under a list of paths ("-"
// being standard input), one callback per article or per failure. They
// choose the format from the file extension, and sniff the content when the
// extension is unknown:
//
//   - .txt, .md: plain text. The file may start with header lines "key value"
//     (date, source, title, lang or language, url; "Key: value" is accepted
//     too) ended by a blank line, or with the date inline before the text
//     (" date 2021-04 Les présidents …"), in which case the text starts right
//     after the date. Without a title header, the first line of the text is
//     taken as the title when it looks like a headline (short, no final
//     period). Without a url header, the first http(s) URL of the source
//     header is used.
//   - .json: one object or an array of objects with the fields "text"
//     (required), "title", "date", "url", "lang" or "language", "source".
//   - .jsonl, .ndjson: JSON Lines, one such object per line; Walk streams them
//     line by line, so a file of any size is read in bounded memory.
//   - .html, .htm: the text of the page's paragraphs (inside <article> when
//     there is one), the <title>, and the usual meta tags
//     (article:published_time, og:url, og:site_name, <html lang>).
//
// # Offsets
//
// Evidence spans found by the extractor are Article.Offset plus a byte index
// into Article.Text. For plain text, Text is kept byte for byte as it is in
// the file (no normalisation of any kind) and Offset is where it starts, so
// spans are byte offsets into the file as read. For JSON, JSON Lines and
// HTML, Text is decoded or extracted and does not appear verbatim in the
// file: Offset is 0 and spans are byte offsets into the text field (JSON) or
// into the extracted text (HTML), which is what Text holds.
//
// # Errors
//
// Every problem with the input (binary data, invalid UTF-8, an empty file or
// an empty text, malformed JSON, a date that is not a date, a file or line
// larger than MaxArticleBytes) is reported as a *schema.Error with code
// schema.CodeInvalid and a one-line message that names the file, the line
// when there is one, and what is wrong. The loader never panics on bad input.
package loader
