package graph

import (
	"sync"

	"github.com/newsgraph/kg/schema"
)

// cache keeps decoded entities, index lookups and the curation between
// writes. An entity
// read restates what every article mentioning it wrote, so a popular entity
// costs thousands of quads; the entity list and the API's dataloaders ask
// for the same entities again and again between two loads.
//
// Only the backends whose one writer is this process are cached: a bbolt
// file is locked by the process that opened it, and a memory store lives in
// it. Every write empties the cache under the store's write lock, so a read
// never sees an entity older than the last write. PostgreSQL, which other
// processes may write, is not cached (the cache is nil and every method is
// a no-op).
type cache struct {
	mu       sync.Mutex
	curation *curation
	entities map[string]cachedEntity
	lookups  map[string][]string // subjectsWith: "pred object" → sorted subjects
}

// cachedEntity is a decoded entity (nil when the id names none) with the
// refs of the articles mentioning it.
type cachedEntity struct {
	entity   *schema.Entity
	mentions map[any]bool
}

func newCache() *cache {
	return &cache{entities: map[string]cachedEntity{}, lookups: map[string][]string{}}
}

// reset empties the cache; called on every write.
func (c *cache) reset() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.curation = nil
	clear(c.entities)
	clear(c.lookups)
}

func (c *cache) getCuration() *curation {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.curation
}

func (c *cache) setCuration(cur *curation) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.curation = cur
}

func (c *cache) entity(id string) (cachedEntity, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entities[id]
	return e, ok
}

func (c *cache) putEntity(id string, e cachedEntity) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entities[id] = e
}

func (c *cache) subjects(key string) ([]string, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	ids, ok := c.lookups[key]
	return ids, ok
}

func (c *cache) putSubjects(key string, ids []string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lookups[key] = ids
}
