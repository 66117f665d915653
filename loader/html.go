package loader

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsgraph/kg/schema"
)

// readHTML reads an article from an HTML page. Text is the text of the
// page's blocks (paragraphs, headings, list items) inside its first
// <article>, or its <body> when there is none, one block per paragraph
// separated by blank lines, with white space inside a block collapsed.
// Navigation, headers and footers of the page, scripts and forms are left
// out; a page with no paragraph gives all its text as one block. Offset is 0: evidence offsets are offsets into this extracted text.
//
// Metadata comes from <title> (else og:title, else the first <h1>),
// article:published_time and similar meta tags or the first <time datetime>,
// og:url or the canonical link, og:site_name, and <html lang> (else
// og:locale). A published date in a form the loader does not know is
// dropped rather than rejected.
func readHTML(name string, data []byte) (*schema.Article, error) {
	doc, err := html.Parse(bytes.NewReader(bytes.TrimPrefix(data, utf8BOM)))
	if err != nil {
		return nil, invalid(name, 0, "malformed HTML: %v", err)
	}
	p := &page{meta: map[string]string{}}
	p.scan(doc)
	root := p.article
	if root == nil {
		root = p.body
	}
	if root == nil {
		root = doc
	}
	var blocks []string
	if root == p.article {
		collectBlocks(root, true, blockTags, &blocks)
	} else {
		// Without an <article>, menus and link lists abound: trust
		// paragraphs and headings only, and all the text when there are none.
		collectBlocks(root, false, paragraphTags, &blocks)
	}
	if len(blocks) == 0 {
		if t := collapse(textOf(root)); t != "" {
			blocks = append(blocks, t)
		}
	}
	a := &schema.Article{Path: name, Text: strings.Join(blocks, "\n\n")}
	if a.Text == "" {
		return nil, invalid(name, 0, "no article text in the HTML page")
	}
	a.Title = first(p.title, p.meta["og:title"], p.h1)
	a.URL = first(p.meta["og:url"], p.canonical)
	a.Source = p.meta["og:site_name"]
	a.Language = normalizeLanguage(first(p.lang, p.meta["og:locale"], p.meta["content-language"]))
	for _, k := range []string{"article:published_time", "og:published_time", "datepublished", "date",
		"pubdate", "publishdate", "dc.date.issued", "dc.date", "dcterms.date", "time"} {
		if v := p.meta[k]; v != "" {
			if d := looseDate(v); d != "" {
				a.Date = d
				break
			}
		}
	}
	return finish(a), nil
}

// page is what readHTML gathers in one pass over the document.
type page struct {
	title, h1, lang, canonical string
	meta                       map[string]string // lower-cased property/name/itemprop → content
	article, body              *html.Node
}

func (p *page) scan(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Html:
			p.lang = attr(n, "lang")
		case atom.Title:
			if p.title == "" {
				p.title = collapse(textOf(n))
			}
		case atom.H1:
			if p.h1 == "" {
				p.h1 = collapse(textOf(n))
			}
		case atom.Meta:
			key := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")))
			if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" && p.meta[key] == "" {
				p.meta[key] = v
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && p.canonical == "" {
				p.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Time:
			if v := attr(n, "datetime"); v != "" && p.meta["time"] == "" {
				p.meta["time"] = v
			}
		case atom.Article:
			if p.article == nil {
				p.article = n
			}
		case atom.Body:
			p.body = n
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.scan(c)
	}
}

// skipped are elements whose content is never article text. A <header> is
// skipped only outside an <article>, where it is the site's banner.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Nav: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Svg: true, atom.Iframe: true,
	atom.Button: true, atom.Select: true, atom.Head: true,
}

// blockTags are the elements whose text is one block of the article.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Pre: true, atom.Figcaption: true, atom.Dd: true, atom.Dt: true,
}

// paragraphTags are the block elements trusted outside an <article>.
var paragraphTags = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Pre: true,
}

// collectBlocks appends the text of every element of tags under n, in
// document order, one string per element.
func collectBlocks(n *html.Node, inArticle bool, tags map[atom.Atom]bool, out *[]string) {
	if n.Type == html.ElementNode {
		if skipped[n.DataAtom] || (n.DataAtom == atom.Header && !inArticle) {
			return
		}
		if tags[n.DataAtom] {
			if t := collapse(textOf(n)); t != "" {
				*out = append(*out, t)
			}
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collectBlocks(c, inArticle, tags, out)
	}
}

// textOf returns the text under n, without scripts and styles.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && skipped[n.DataAtom]:
			return
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && !isInline(n.DataAtom) {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return b.String()
}

// isInline reports elements that do not separate words.
func isInline(a atom.Atom) bool {
	switch a {
	case atom.A, atom.B, atom.I, atom.Em, atom.Strong, atom.Span, atom.Abbr, atom.Cite, atom.Q,
		atom.Sub, atom.Sup, atom.Small, atom.Mark, atom.U, atom.S, atom.Code, atom.Time:
		return true
	}
	return false
}

// collapse trims s and turns every run of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// first returns the first non-empty string.
func first(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
