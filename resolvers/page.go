package resolvers

import (
	"context"
	"encoding/base64"
	"slices"
	"strings"

	"github.com/newsgraph/kg/resolvers/model"
	"github.com/newsgraph/kg/schema"
)

// pageArgs are the Relay connection arguments.
type pageArgs struct {
	first, last   *int
	after, before *string
}

// cursorPrefix keeps cursors opaque yet versioned.
const cursorPrefix = "v1:"

func encodeCursor(id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + id))
}

func decodeCursor(c string) (string, error) {
	return decodeCursorWith(c, cursorPrefix, "pass a cursor returned by this API")
}

// decodeCursorWith decodes a cursor of the kind prefix marks; hint says
// which cursor to pass instead.
func decodeCursorWith(c, prefix, hint string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), prefix) || len(b) == len(prefix) {
		return "", schema.Errorf(schema.CodeInvalid, "invalid cursor %q: %s", c, hint)
	}
	return strings.TrimPrefix(string(b), prefix), nil
}

// window applies Relay pagination to n items whose IDs id(i) gives, in
// order. It returns the half-open index range of the page and its PageInfo
// (cursors filled by the caller). Cursors name items by ID, so a page stays
// put when items are added elsewhere in the list.
func (r *Resolver) window(n int, id func(int) string, p pageArgs) (lo, hi int, info *model.PageInfo, err error) {
	max := r.PageMax()
	for _, v := range []*int{p.first, p.last} {
		if v != nil && (*v < 0 || *v > max) {
			return 0, 0, nil, schema.Errorf(schema.CodeInvalid, "page size %d out of range: first and last take 0 to %d", *v, max)
		}
	}
	find := func(c string) (int, error) {
		key, err := decodeCursor(c)
		if err != nil {
			return 0, err
		}
		for i := 0; i < n; i++ {
			if id(i) == key {
				return i, nil
			}
		}
		return 0, schema.Errorf(schema.CodeInvalid, "cursor %q no longer names an item of this list: start again without it", c)
	}
	lo, hi = 0, n
	if p.after != nil {
		i, err := find(*p.after)
		if err != nil {
			return 0, 0, nil, err
		}
		lo = i + 1
	}
	if p.before != nil {
		i, err := find(*p.before)
		if err != nil {
			return 0, 0, nil, err
		}
		hi = i
	}
	if hi < lo {
		hi = lo
	}
	info = &model.PageInfo{HasPreviousPage: lo > 0, HasNextPage: hi < n}
	switch {
	case p.first != nil:
		if hi-lo > *p.first {
			hi = lo + *p.first
			info.HasNextPage = true
		}
		if p.last != nil && hi-lo > *p.last {
			lo = hi - *p.last
			info.HasPreviousPage = true
		}
	case p.last != nil:
		if hi-lo > *p.last {
			lo = hi - *p.last
			info.HasPreviousPage = true
		}
	default:
		if hi-lo > DefaultPage {
			hi = lo + DefaultPage
			info.HasNextPage = true
		}
	}
	if hi > lo {
		s, e := encodeCursor(id(lo)), encodeCursor(id(hi-1))
		info.StartCursor, info.EndCursor = &s, &e
	}
	return lo, hi, info, nil
}

// statementCursor marks statement cursors, which hold a store position
// (schema.StatementPage.Positions) rather than an ID: the store seeks to it.
const statementCursor = "s1:"

func decodeStatementCursor(c *string) (string, error) {
	if c == nil {
		return "", nil
	}
	return decodeCursorWith(*c, statementCursor, "pass a cursor returned by a statement list of this API")
}

func encodeStatementCursor(pos string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(statementCursor + pos))
}

// statementConnection pages through the union of the statement lists of
// filters (one filter but for ambiguous names) and decodes only the page.
// The store reads only the page's keys; totalCount is counted when asked.
func (r *Resolver) statementConnection(ctx context.Context, filters []schema.StatementFilter, p pageArgs) (*model.StatementConnection, error) {
	max := r.PageMax()
	for _, v := range []*int{p.first, p.last} {
		if v != nil && (*v < 0 || *v > max) {
			return nil, schema.Errorf(schema.CodeInvalid, "page size %d out of range: first and last take 0 to %d", *v, max)
		}
	}
	req := schema.PageRequest{First: p.first, Last: p.last}
	var err error
	if req.After, err = decodeStatementCursor(p.after); err != nil {
		return nil, err
	}
	if req.Before, err = decodeStatementCursor(p.before); err != nil {
		return nil, err
	}
	page, err := r.statementPage(ctx, filters, req)
	if err != nil {
		return nil, err
	}
	sts, err := r.Store.StatementsByID(ctx, page.IDs)
	if err != nil {
		return nil, err
	}
	c := &model.StatementConnection{
		PageInfo: &model.PageInfo{HasPreviousPage: page.HasPrevious, HasNextPage: page.HasNext},
		Edges:    make([]*model.StatementEdge, 0, len(sts)),
		Count:    func(ctx context.Context) (int, error) { return r.countStatements(ctx, filters) },
	}
	for i, s := range sts {
		if s != nil { // retracted between the two reads
			c.Edges = append(c.Edges, &model.StatementEdge{Cursor: encodeStatementCursor(page.Positions[i]), Node: s})
		}
	}
	if n := len(c.Edges); n > 0 {
		c.PageInfo.StartCursor, c.PageInfo.EndCursor = &c.Edges[0].Cursor, &c.Edges[n-1].Cursor
	}
	return c, nil
}

// statementPage is the store's page for one filter; for several it merges
// their pages (positions order every list alike) and trims the union.
func (r *Resolver) statementPage(ctx context.Context, filters []schema.StatementFilter, req schema.PageRequest) (*schema.StatementPage, error) {
	switch len(filters) {
	case 0:
		return &schema.StatementPage{}, nil
	case 1:
		return r.Store.StatementPage(ctx, filters[0], req)
	}
	var pos []string
	ids := map[string]string{} // position → ID
	merged := &schema.StatementPage{}
	for _, f := range filters {
		pg, err := r.Store.StatementPage(ctx, f, req)
		if err != nil {
			return nil, err
		}
		pos = append(pos, pg.Positions...)
		for i, p := range pg.Positions {
			ids[p] = pg.IDs[i]
		}
		merged.HasNext = merged.HasNext || pg.HasNext
		merged.HasPrevious = merged.HasPrevious || pg.HasPrevious
	}
	slices.Sort(pos)
	pos = slices.Compact(pos)
	backwards := req.Last != nil && req.First == nil
	n := schema.DefaultPageSize
	switch {
	case backwards:
		n = *req.Last
	case req.First != nil:
		n = *req.First
	}
	if len(pos) > n {
		if backwards {
			pos, merged.HasPrevious = pos[len(pos)-n:], true
		} else {
			pos, merged.HasNext = pos[:n], true
		}
	}
	if req.First != nil && req.Last != nil && len(pos) > *req.Last {
		pos, merged.HasPrevious = pos[len(pos)-*req.Last:], true
	}
	merged.Positions = pos
	merged.IDs = make([]string, len(pos))
	for i, p := range pos {
		merged.IDs[i] = ids[p]
	}
	return merged, nil
}

// countStatements counts the union of the filters' lists.
func (r *Resolver) countStatements(ctx context.Context, filters []schema.StatementFilter) (int, error) {
	if len(filters) == 1 {
		return r.Store.CountStatements(ctx, filters[0])
	}
	seen := map[string]bool{}
	for _, f := range filters {
		ids, err := r.Store.StatementIDs(ctx, f)
		if err != nil {
			return 0, err
		}
		for _, id := range ids {
			seen[id] = true
		}
	}
	return len(seen), nil
}

func eventKey(e *schema.Event) string { return e.ID + "#" + e.Article + "#" + itoa(e.Evidence.Start) }

func (r *Resolver) eventConnection(items []*schema.Event, p pageArgs) (*model.EventConnection, error) {
	lo, hi, info, err := r.window(len(items), func(i int) string { return eventKey(items[i]) }, p)
	if err != nil {
		return nil, err
	}
	c := &model.EventConnection{PageInfo: info, TotalCount: len(items), Edges: make([]*model.EventEdge, 0, hi-lo)}
	for _, e := range items[lo:hi] {
		c.Edges = append(c.Edges, &model.EventEdge{Cursor: encodeCursor(eventKey(e)), Node: e})
	}
	return c, nil
}

func (r *Resolver) entityConnection(items []*schema.Entity, p pageArgs) (*model.EntityConnection, error) {
	lo, hi, info, err := r.window(len(items), func(i int) string { return items[i].ID }, p)
	if err != nil {
		return nil, err
	}
	c := &model.EntityConnection{PageInfo: info, TotalCount: len(items), Edges: make([]*model.EntityEdge, 0, hi-lo)}
	for _, e := range items[lo:hi] {
		c.Edges = append(c.Edges, &model.EntityEdge{Cursor: encodeCursor(e.ID), Node: model.WrapEntity(e)})
	}
	return c, nil
}

func (r *Resolver) articleConnection(items []*schema.Article, p pageArgs) (*model.ArticleConnection, error) {
	lo, hi, info, err := r.window(len(items), func(i int) string { return items[i].ID }, p)
	if err != nil {
		return nil, err
	}
	c := &model.ArticleConnection{PageInfo: info, TotalCount: len(items), Edges: make([]*model.ArticleEdge, 0, hi-lo)}
	for _, a := range items[lo:hi] {
		c.Edges = append(c.Edges, &model.ArticleEdge{Cursor: encodeCursor(a.ID), Node: a})
	}
	return c, nil
}
