package resolvers

import (
	"context"
	"encoding/base64"
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
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), cursorPrefix) {
		return "", schema.Errorf(schema.CodeInvalid, "invalid cursor %q: pass a cursor returned by this API", c)
	}
	return strings.TrimPrefix(string(b), cursorPrefix), nil
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

// statementConnection pages through statement IDs and decodes only the page.
func (r *Resolver) statementConnection(ctx context.Context, ids []string, p pageArgs) (*model.StatementConnection, error) {
	lo, hi, info, err := r.window(len(ids), func(i int) string { return ids[i] }, p)
	if err != nil {
		return nil, err
	}
	page, err := r.Store.StatementsByID(ctx, ids[lo:hi])
	if err != nil {
		return nil, err
	}
	c := &model.StatementConnection{PageInfo: info, TotalCount: len(ids), Edges: make([]*model.StatementEdge, 0, hi-lo)}
	for _, s := range page {
		if s != nil { // retracted between the two reads
			c.Edges = append(c.Edges, &model.StatementEdge{Cursor: encodeCursor(s.ID), Node: s})
		}
	}
	return c, nil
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
