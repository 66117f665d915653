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
// On bbolt and memory this process is the only writer: every write
// empties the cache under the store's write lock, so a read never sees an
// entity older than the last write. PostgreSQL may be written by other kg
// processes: each write there also bumps a generation number in the
// database (kg_meta, in the write's transaction), and every read first
// reads it (one indexed row) and empties the cache when it moved.
type cache struct {
	mu       sync.Mutex
	gen      int64 // PostgreSQL: the generation the content was read at
	curation *curation
	entities map[string]*schema.Entity // nil when the id names none
	lookups  map[string][]string       // subjectsWith: "pred object" → sorted subjects
}

func newCache() *cache {
	return &cache{entities: map[string]*schema.Entity{}, lookups: map[string][]string{}}
}

// reset empties the cache; called on every write.
func (c *cache) reset() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.emptyLocked()
}

// emptyLocked drops everything cached; c.mu is held.
func (c *cache) emptyLocked() {
	c.curation = nil
	clear(c.entities)
	clear(c.lookups)
}

// syncGeneration empties the cache if the store's generation moved.
func (c *cache) syncGeneration(gen int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		c.gen = gen
		c.emptyLocked()
	}
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

func (c *cache) entity(id string) (*schema.Entity, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entities[id]
	return e, ok
}

func (c *cache) putEntity(id string, e *schema.Entity) {
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
