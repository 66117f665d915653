package graph

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"log/slog"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	"github.com/lib/pq"
	bolt "go.etcd.io/bbolt"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/schema"
)

// The statement index is a side index kept beside Cayley's quads, in the
// same store (a bucket of the bbolt file, a table of the PostgreSQL
// database, a sorted list in memory). Cayley answers "the statements whose
// act is X" with every match, unordered; an analyst's first page of 20
// must not cost 150,000 value look-ups and a sort. The index keeps, per
// filterable field, the statements already in list order (date, article,
// evidence offsets, ID), so a page is a seek and a short range read, and a
// second filter is one point look-up per candidate.
//
// Keys (byte strings, ordered bytewise):
//
//	facet byte + fnv64(value) + sortKey  → ""            one per filter value
//	'S' + sortKey                         → adjacency     speaker, target, source, about IRIs
//	'p' + fnv64(participant) + date 0x00 account IRI → event IRI, place, participants
//	'h' + fnv64(person) + role IRI 0x00 article IRI   → the role's organization or state
//	'e' + fnv64(entity) + kind + value 0x00 article  → ""   (kind: class, name, alias, sameAs)
//	'e' + fnv64(entity) + 'm' + article              → ""   (the articles mentioning it)
//	'Q' + article IRI                     → the quads it wrote of its entities (entity_quads.go)
//	'A' + article IRI                     → the article's keys, to replace or retract them
//	'M' + "version"                       → indexVersion
//
// A sortKey is the statement's date, 0x00, its article segment, 0x00, its
// evidence start and end (4 bytes each, big-endian) and the speaker hash of
// its IRI, so the statement IRI is rebuilt from the key without a read.
//
// The index is written with the quads, in the same transaction on bbolt
// (hookKV) and on PostgreSQL (pgApply); a store written by a kg without it
// is indexed once when opened (ensureIndex).

const (
	facetAll         = '*'
	facetAct         = 'a'
	facetSpeaker     = 's'
	facetAbout       = 'b'
	facetTarget      = 't'
	facetAccordingTo = 'r'
	facetArticle     = 'd'
	facetParticipant = 'p' // event accounts by participant (date, account IRI)
	facetHolder      = 'h' // roles by person (role IRI, article IRI)
	facetEntity      = 'e' // what each article says of an entity (entities.go)
	recStatement     = 'S'
	recArticle       = 'A'
	recMeta          = 'M'

	// indexVersion changes when the key layout does; a store with another
	// version is re-indexed at open.
	indexVersion = "4"
	metaVersion  = string(recMeta) + "version"
	// oddID marks a sort key holding a whole statement IRI that is not of
	// schema.StatementIRI's form (never written by this version).
	oddID = '\x01'
)

// facetPrefix is the key prefix of one filter value.
func facetPrefix(f byte, value string) string {
	h := fnv.New64a()
	h.Write([]byte(value))
	var b [9]byte
	b[0] = f
	binary.BigEndian.PutUint64(b[1:], h.Sum64())
	return string(b[:])
}

// facetLen is the length of a facet prefix.
const facetLen = 9

// sortKey is a statement's position in list order.
func sortKey(id, date string) string {
	date = strings.ReplaceAll(date, "\x00", "")
	var b strings.Builder
	b.Grow(len(date) + 48)
	b.WriteString(date)
	b.WriteByte(0)
	art, start, end, spk, ok := splitStatementIRI(id)
	if !ok {
		b.WriteByte(oddID)
		b.WriteString(id)
		return b.String()
	}
	b.WriteString(art)
	b.WriteByte(0)
	var n [8]byte
	binary.BigEndian.PutUint32(n[:4], uint32(start))
	binary.BigEndian.PutUint32(n[4:], uint32(end))
	b.Write(n[:])
	b.WriteString(spk)
	return b.String()
}

// splitStatementIRI reads schema.StatementIRI's parts; ok only when they
// spell the IRI back exactly.
func splitStatementIRI(id string) (art string, start, end int, spk string, ok bool) {
	seg, found := strings.CutPrefix(id, statementPrefix)
	if !found {
		return "", 0, 0, "", false
	}
	parts := strings.Split(seg, "-")
	if len(parts) < 4 {
		return "", 0, 0, "", false
	}
	n := len(parts)
	spk = parts[n-1]
	start, err1 := strconv.Atoi(parts[n-3])
	end, err2 := strconv.Atoi(parts[n-2])
	art = strings.Join(parts[:n-3], "-")
	if err1 != nil || err2 != nil || start < 0 || end < 0 || start > 1<<31 || end > 1<<31 ||
		strings.ContainsRune(art, 0) || strings.HasPrefix(art, string(oddID)) ||
		statementPrefix+art+"-"+strconv.Itoa(start)+"-"+strconv.Itoa(end)+"-"+spk != id {
		return "", 0, 0, "", false
	}
	return art, start, end, spk, true
}

// keyDate is the date part of a sort key.
func keyDate(skey string) string {
	if i := strings.IndexByte(skey, 0); i >= 0 {
		return skey[:i]
	}
	return skey
}

// keyStatement is the statement IRI a sort key stands for.
func keyStatement(skey string) string {
	i := strings.IndexByte(skey, 0)
	if i < 0 {
		return ""
	}
	rest := skey[i+1:]
	if len(rest) > 0 && rest[0] == oddID {
		return rest[1:]
	}
	j := strings.IndexByte(rest, 0)
	if j < 0 || len(rest) < j+9 {
		return ""
	}
	art, nums, spk := rest[:j], rest[j+1:j+9], rest[j+9:]
	start := binary.BigEndian.Uint32([]byte(nums[:4]))
	end := binary.BigEndian.Uint32([]byte(nums[4:]))
	return statementPrefix + art + "-" + strconv.FormatUint(uint64(start), 10) + "-" +
		strconv.FormatUint(uint64(end), 10) + "-" + spk
}

// prefixEnd is the smallest key greater than every key starting with p
// ("" when there is none).
func prefixEnd(p string) string {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1])
		}
	}
	return ""
}

// adjacency is what the 'S' record of a statement keeps: the entities it
// links, so graph walks need not decode statements.
type adjacency struct {
	Speaker, Target, AccordingTo string
	About                        []string
}

func (a adjacency) encode() []byte {
	parts := append([]string{a.Speaker, a.Target, a.AccordingTo}, a.About...)
	return []byte(strings.Join(parts, "\x00"))
}

func decodeAdjacency(b []byte) adjacency {
	parts := strings.Split(string(b), "\x00")
	for len(parts) < 3 {
		parts = append(parts, "")
	}
	return adjacency{Speaker: parts[0], Target: parts[1], AccordingTo: parts[2], About: parts[3:]}
}

// indexEntries computes the index records of one article from the quads
// it is stored as: key → value, the article record included.
func indexEntries(article string, quads []quad.Quad) map[string][]byte {
	type stmt struct {
		statement bool
		adjacency
		act, date string
	}
	byID := map[string]*stmt{}
	for _, q := range quads {
		sub := text(q.Subject)
		if !strings.HasPrefix(sub, statementPrefix) {
			continue
		}
		st := byID[sub]
		if st == nil {
			st = &stmt{}
			byID[sub] = st
		}
		o := text(q.Object)
		switch text(q.Predicate) {
		case schema.PType:
			st.statement = st.statement || o == schema.ClassStatement
		case schema.PSpeaker:
			st.Speaker = o
		case schema.PTarget:
			st.Target = o
		case schema.PAccordingTo:
			st.AccordingTo = o
		case schema.PAbout:
			st.About = append(st.About, o)
		case schema.PAct:
			st.act = o
		case schema.PEventDate:
			st.date = o
		}
	}
	out := map[string][]byte{}
	eventEntries(quads, out)
	roleEntries(article, quads, out)
	entityEntries(article, quads, out)
	for id, st := range byID {
		if !st.statement {
			continue
		}
		slices.Sort(st.About)
		st.About = slices.Compact(st.About)
		sk := sortKey(id, st.date)
		empty := []byte{}
		out[facetPrefix(facetAll, "")+sk] = empty
		out[facetPrefix(facetArticle, article)+sk] = empty
		if st.act != "" {
			out[facetPrefix(facetAct, st.act)+sk] = empty
		}
		for _, e := range []struct {
			f  byte
			id string
		}{{facetSpeaker, st.Speaker}, {facetTarget, st.Target}, {facetAccordingTo, st.AccordingTo}} {
			if e.id != "" {
				out[facetPrefix(e.f, e.id)+sk] = empty
			}
		}
		for _, a := range st.About {
			out[facetPrefix(facetAbout, a)+sk] = empty
		}
		out[string(recStatement)+sk] = st.adjacency.encode()
	}
	if len(out) > 0 {
		keys := make([]string, 0, len(out))
		for k := range out {
			keys = append(keys, k)
		}
		out[string(recArticle)+article] = encodeKeys(keys)
	}
	return out
}

// eventEntries adds the participant keys of the article's event accounts:
// what graph walks read instead of decoding every event of a hub.
func eventEntries(quads []quad.Quad, out map[string][]byte) {
	type ev struct {
		parts       []string
		place, date string
	}
	events := map[string]*ev{}
	reports := map[string]string{} // account → event
	for _, q := range quads {
		sub, o := text(q.Subject), text(q.Object)
		switch text(q.Predicate) {
		case schema.PReports:
			reports[sub] = o
			continue
		case schema.PParticipant, schema.PPlace, schema.PEventDate:
		default:
			continue
		}
		e := events[sub]
		if e == nil {
			e = &ev{}
			events[sub] = e
		}
		switch text(q.Predicate) {
		case schema.PParticipant:
			e.parts = append(e.parts, o)
		case schema.PPlace:
			e.place = o
		case schema.PEventDate:
			e.date = o
		}
	}
	for acc, evID := range reports {
		e := events[evID]
		if e == nil || len(e.parts) == 0 {
			continue
		}
		slices.Sort(e.parts)
		e.parts = slices.Compact(e.parts)
		val := []byte(strings.Join(append([]string{evID, e.place}, e.parts...), "\x00"))
		key := strings.ReplaceAll(e.date, "\x00", "") + "\x00" + acc
		for _, p := range e.parts {
			out[facetPrefix(facetParticipant, p)+key] = val
		}
	}
}

// roleEntries adds the holder keys of the roles the article states, one
// per article so that retracting one article keeps the others' keys.
func roleEntries(article string, quads []quad.Quad, out map[string][]byte) {
	holders := map[string][]string{} // role → persons
	of := map[string]string{}
	for _, q := range quads {
		switch text(q.Predicate) {
		case schema.PHoldsRole:
			holders[text(q.Object)] = append(holders[text(q.Object)], text(q.Subject))
		case schema.PRoleOf:
			of[text(q.Subject)] = text(q.Object)
		}
	}
	for role, persons := range holders {
		for _, p := range persons {
			out[facetPrefix(facetHolder, p)+role+"\x00"+article] = []byte(of[role])
		}
	}
}

// encodeKeys packs keys as uvarint-length-prefixed strings, sorted.
func encodeKeys(keys []string) []byte {
	slices.Sort(keys)
	var b []byte
	for _, k := range keys {
		b = binary.AppendUvarint(b, uint64(len(k)))
		b = append(b, k...)
	}
	return b
}

func decodeKeys(b []byte) []string {
	var out []string
	for len(b) > 0 {
		n, w := binary.Uvarint(b)
		if w <= 0 || int(n) > len(b)-w {
			break
		}
		out = append(out, string(b[w:w+int(n)]))
		b = b[w+int(n):]
	}
	return out
}

// ixOps is a batch of index changes, applied with the quads.
type ixOps struct {
	put map[string][]byte
	del map[string]bool
}

func (o *ixOps) empty() bool { return o == nil || len(o.put)+len(o.del) == 0 }

// replaceArticle adds to o what turns the article's current index records
// (old, its 'A' record) into next (nil to retract it).
func (o *ixOps) replaceArticle(article string, old []byte, next map[string][]byte) {
	if o.put == nil {
		o.put, o.del = map[string][]byte{}, map[string]bool{}
	}
	stale := decodeKeys(old)
	if old != nil {
		stale = append(stale, string(recArticle)+article)
	}
	for _, k := range stale {
		if _, keep := next[k]; !keep {
			o.del[k] = true
			delete(o.put, k)
		}
	}
	for k, v := range next {
		o.put[k] = v
		delete(o.del, k)
	}
}

// indexStore is one backend's side index.
type indexStore interface {
	// get returns the values of keys, nil where a key is absent.
	get(ctx context.Context, keys []string) ([][]byte, error)
	// scan returns up to limit keys in [lo, hi) ("" hi: no bound), in
	// order or in reverse order.
	scan(ctx context.Context, lo, hi string, reverse bool, limit int) ([]string, error)
	// scanMany is scan over several ranges at once, one result per range
	// (one round trip on PostgreSQL).
	scanMany(ctx context.Context, ranges []keyRange, reverse bool, limit int) ([][]string, error)
	// count counts the keys in [lo, hi).
	count(ctx context.Context, lo, hi string) (int, error)
	// write applies ops in a transaction of its own.
	write(ctx context.Context, ops *ixOps) error
}

// keyRange is a half-open key range [lo, hi).
type keyRange struct{ lo, hi string }

// scanEach is scanMany as a loop of scans, for backends where a scan costs
// no round trip.
func scanEach(ctx context.Context, ix indexStore, ranges []keyRange, reverse bool, limit int) ([][]string, error) {
	out := make([][]string, len(ranges))
	for i, r := range ranges {
		keys, err := ix.scan(ctx, r.lo, r.hi, reverse, limit)
		if err != nil {
			return nil, err
		}
		out[i] = keys
	}
	return out, nil
}

// ---- bbolt: a bucket of the store file, written in Cayley's transaction.

// ixBucket is the bbolt bucket of the side index.
var ixBucket = []byte("kg-index")

type boltIndex struct{ db *bolt.DB }

func (b boltIndex) get(_ context.Context, keys []string) ([][]byte, error) {
	out := make([][]byte, len(keys))
	err := b.db.View(func(tx *bolt.Tx) error {
		bk := tx.Bucket(ixBucket)
		if bk == nil {
			return nil
		}
		for i, k := range keys {
			if v := bk.Get([]byte(k)); v != nil {
				out[i] = bytes.Clone(v)
			}
		}
		return nil
	})
	return out, err
}

func (b boltIndex) scan(_ context.Context, lo, hi string, reverse bool, limit int) ([]string, error) {
	var out []string
	err := b.db.View(func(tx *bolt.Tx) error {
		bk := tx.Bucket(ixBucket)
		if bk == nil {
			return nil
		}
		c := bk.Cursor()
		if !reverse {
			for k, _ := c.Seek([]byte(lo)); k != nil && (hi == "" || string(k) < hi) && len(out) < limit; k, _ = c.Next() {
				out = append(out, string(k))
			}
			return nil
		}
		var k []byte
		if hi == "" {
			k, _ = c.Last()
		} else if k, _ = c.Seek([]byte(hi)); k == nil {
			k, _ = c.Last()
		} else {
			k, _ = c.Prev()
		}
		for ; k != nil && string(k) >= lo && len(out) < limit; k, _ = c.Prev() {
			out = append(out, string(k))
		}
		return nil
	})
	return out, err
}

func (b boltIndex) scanMany(ctx context.Context, ranges []keyRange, reverse bool, limit int) ([][]string, error) {
	return scanEach(ctx, b, ranges, reverse, limit)
}

func (b boltIndex) count(_ context.Context, lo, hi string) (int, error) {
	n := 0
	err := b.db.View(func(tx *bolt.Tx) error {
		bk := tx.Bucket(ixBucket)
		if bk == nil {
			return nil
		}
		c := bk.Cursor()
		for k, _ := c.Seek([]byte(lo)); k != nil && (hi == "" || string(k) < hi); k, _ = c.Next() {
			n++
		}
		return nil
	})
	return n, err
}

func (b boltIndex) write(_ context.Context, ops *ixOps) error {
	return b.db.Update(func(tx *bolt.Tx) error {
		bk, err := tx.CreateBucketIfNotExists(ixBucket)
		if err != nil {
			return err
		}
		for k := range ops.del {
			if err := bk.Delete([]byte(k)); err != nil {
				return err
			}
		}
		for k, v := range ops.put {
			if err := bk.Put([]byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
}

// hookKV hands Cayley the bbolt file and lets one store write span several
// Cayley writes and the index changes in a single bbolt transaction
// (atomically): a crash keeps all of them or none.
//
// Cayley's kv writer needs the span: in one ApplyDeltas, a quad added with
// a value whose references drop overall in the same batch (a reload that
// moves "STATE" from two old statements to one new one) is written without
// that value. Deletions and additions are therefore applied as two Cayley
// writes, which must still commit as one.
type hookKV struct {
	*hbolt.DB
	mu     sync.Mutex
	shared hkv.Tx // the open transaction while atomically runs
	tick   func() // when set, called every tickEvery key-value operations of a write
}

// tickEvery is how many key-value operations of a write pass between two
// calls of hookKV.tick.
const tickEvery = 256

// atomically runs fn with every read-write transaction Cayley opens being
// one bbolt transaction, committed when fn succeeds and rolled back
// otherwise. The store's write lock serialises callers.
func (h *hookKV) atomically(ctx context.Context, fn func(tx hkv.Tx) error) error {
	tx, err := h.DB.Tx(ctx, true)
	if err != nil {
		return err
	}
	h.mu.Lock()
	if h.tick != nil {
		tx = &meteredTx{Tx: tx, tick: h.tick}
	}
	h.shared = tx
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		h.shared = nil
		h.mu.Unlock()
	}()
	if err := fn(tx); err != nil {
		_ = tx.Close()
		return err
	}
	return tx.Commit(ctx)
}

// Tx implements hkv.KV.
func (h *hookKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	h.mu.Lock()
	shared := h.shared
	h.mu.Unlock()
	if rw && shared != nil {
		return sharedTx{shared}, nil
	}
	return h.DB.Tx(ctx, rw)
}

// View implements hkv.KV.
func (h *hookKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, h, fn)
}

// Update implements hkv.KV.
func (h *hookKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, h, fn)
}

// sharedTx is the shared transaction as Cayley sees it: its commit and
// close are atomically's to do.
type sharedTx struct{ hkv.Tx }

func (sharedTx) Commit(context.Context) error { return nil }
func (sharedTx) Close() error                 { return nil }

// meteredTx calls tick every tickEvery operations, from the writing
// goroutine itself: ReleaseResident bounds the store file's resident pages
// this way during a write, where a timer goroutine waits for a free core
// behind the extraction workers.
type meteredTx struct {
	hkv.Tx
	n    int
	tick func()
}

func (t *meteredTx) count(n int) {
	t.n += n
	if t.n >= tickEvery {
		t.n = 0
		t.tick()
	}
}

func (t *meteredTx) Get(ctx context.Context, k hkv.Key) (hkv.Value, error) {
	t.count(1)
	return t.Tx.Get(ctx, k)
}

func (t *meteredTx) GetBatch(ctx context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	t.count(len(keys))
	return t.Tx.GetBatch(ctx, keys)
}

func (t *meteredTx) Put(ctx context.Context, k hkv.Key, v hkv.Value) error {
	t.count(1)
	return t.Tx.Put(ctx, k, v)
}

func (t *meteredTx) Del(ctx context.Context, k hkv.Key) error {
	t.count(1)
	return t.Tx.Del(ctx, k)
}

func (t *meteredTx) Scan(ctx context.Context, opts ...hkv.IteratorOption) hkv.Iterator {
	t.count(1)
	return t.Tx.Scan(ctx, opts...)
}

// writeOps applies index changes inside a kv transaction.
func writeOps(ctx context.Context, tx hkv.Tx, ops *ixOps) error {
	for k := range ops.del {
		if err := tx.Del(ctx, hkv.Key{ixBucket, []byte(k)}); err != nil && err != hkv.ErrNotFound {
			return fmt.Errorf("index: %w", err)
		}
	}
	for k, v := range ops.put {
		if err := tx.Put(ctx, hkv.Key{ixBucket, []byte(k)}, v); err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	return nil
}

// ---- memory: a sorted slice.

type memIndex struct {
	mu   sync.RWMutex
	keys []string
	vals map[string][]byte
}

func (m *memIndex) get(_ context.Context, keys []string) ([][]byte, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([][]byte, len(keys))
	for i, k := range keys {
		out[i] = m.vals[k]
	}
	return out, nil
}

func (m *memIndex) scan(_ context.Context, lo, hi string, reverse bool, limit int) ([]string, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	i := sort.SearchStrings(m.keys, lo)
	j := len(m.keys)
	if hi != "" {
		j = sort.SearchStrings(m.keys, hi)
	}
	if j < i {
		return nil, nil
	}
	if !reverse {
		return slices.Clone(m.keys[i:min(j, i+limit)]), nil
	}
	out := make([]string, 0, min(limit, j-i))
	for k := j - 1; k >= i && len(out) < limit; k-- {
		out = append(out, m.keys[k])
	}
	return out, nil
}

func (m *memIndex) scanMany(ctx context.Context, ranges []keyRange, reverse bool, limit int) ([][]string, error) {
	return scanEach(ctx, m, ranges, reverse, limit)
}

func (m *memIndex) count(ctx context.Context, lo, hi string) (int, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	i := sort.SearchStrings(m.keys, lo)
	j := len(m.keys)
	if hi != "" {
		j = sort.SearchStrings(m.keys, hi)
	}
	return max(0, j-i), nil
}

func (m *memIndex) write(_ context.Context, ops *ixOps) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.vals == nil {
		m.vals = map[string][]byte{}
	}
	changed := len(ops.del) > 0
	for k := range ops.del {
		delete(m.vals, k)
	}
	for k, v := range ops.put {
		if _, ok := m.vals[k]; !ok {
			changed = true
		}
		m.vals[k] = v
	}
	if changed {
		m.keys = m.keys[:0]
		for k := range m.vals {
			m.keys = append(m.keys, k)
		}
		slices.Sort(m.keys)
	}
	return nil
}

// ---- PostgreSQL: a table beside Cayley's.

// pgIndexTable is created at open, beside Cayley's tables.
const pgIndexTable = `CREATE TABLE IF NOT EXISTS kg_index (k bytea PRIMARY KEY, v bytea NOT NULL)`

type pgIndex struct{ db *sql.DB }

func (p pgIndex) get(ctx context.Context, keys []string) ([][]byte, error) {
	out := make([][]byte, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	at := make(map[string][]int, len(keys))
	arr := make(pq.ByteaArray, 0, len(keys))
	for i, k := range keys {
		if _, ok := at[k]; !ok {
			arr = append(arr, []byte(k))
		}
		at[k] = append(at[k], i)
	}
	rows, err := p.db.QueryContext(ctx, `SELECT k, v FROM kg_index WHERE k = ANY($1)`, arr)
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v []byte
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("read index: %w", err)
		}
		if v == nil {
			v = []byte{}
		}
		for _, i := range at[string(k)] {
			out[i] = v
		}
	}
	return out, rows.Err()
}

func (p pgIndex) scan(ctx context.Context, lo, hi string, reverse bool, limit int) ([]string, error) {
	q, args := `SELECT k FROM kg_index WHERE k >= $1`, []any{[]byte(lo)}
	if hi != "" {
		q += ` AND k < $2`
		args = append(args, []byte(hi))
	}
	if reverse {
		q += ` ORDER BY k DESC`
	} else {
		q += ` ORDER BY k`
	}
	q += ` LIMIT ` + strconv.Itoa(limit)
	rows, err := p.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("scan index: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k []byte
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("scan index: %w", err)
		}
		out = append(out, string(k))
	}
	return out, rows.Err()
}

func (p pgIndex) scanMany(ctx context.Context, ranges []keyRange, reverse bool, limit int) ([][]string, error) {
	out := make([][]string, len(ranges))
	if len(ranges) == 0 {
		return out, nil
	}
	los, his := make(pq.ByteaArray, len(ranges)), make(pq.ByteaArray, len(ranges))
	for i, r := range ranges {
		los[i], his[i] = []byte(r.lo), []byte(r.hi)
		if r.hi == "" {
			his[i] = []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
		}
	}
	dir := ""
	if reverse {
		dir = " DESC"
	}
	rows, err := p.db.QueryContext(ctx, `SELECT r.i, x.k FROM unnest($1::bytea[], $2::bytea[]) WITH ORDINALITY AS r(lo, hi, i),
		LATERAL (SELECT k FROM kg_index WHERE k >= r.lo AND k < r.hi ORDER BY k`+dir+` LIMIT `+strconv.Itoa(limit)+`) x
		ORDER BY r.i, x.k`+dir, los, his)
	if err != nil {
		return nil, fmt.Errorf("scan index: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		var k []byte
		if err := rows.Scan(&i, &k); err != nil {
			return nil, fmt.Errorf("scan index: %w", err)
		}
		out[i-1] = append(out[i-1], string(k))
	}
	return out, rows.Err()
}

func (p pgIndex) count(ctx context.Context, lo, hi string) (int, error) {
	q, args := `SELECT count(*) FROM kg_index WHERE k >= $1`, []any{[]byte(lo)}
	if hi != "" {
		q += ` AND k < $2`
		args = append(args, []byte(hi))
	}
	var n int
	if err := p.db.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count index: %w", err)
	}
	return n, nil
}

func (p pgIndex) write(ctx context.Context, ops *ixOps) error {
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	if err := pgWriteIndex(ctx, tx, ops); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	return nil
}

// pgWriteIndex applies ops inside tx, in chunks the server takes in one
// statement each.
func pgWriteIndex(ctx context.Context, tx *sql.Tx, ops *ixOps) error {
	const chunk = 5000
	var del pq.ByteaArray
	for k := range ops.del {
		del = append(del, []byte(k))
	}
	for i := 0; i < len(del); i += chunk {
		if _, err := tx.ExecContext(ctx, `DELETE FROM kg_index WHERE k = ANY($1)`, del[i:min(i+chunk, len(del))]); err != nil {
			return fmt.Errorf("write index: %w", err)
		}
	}
	ks := make(pq.ByteaArray, 0, len(ops.put))
	vs := make(pq.ByteaArray, 0, len(ops.put))
	for k, v := range ops.put {
		ks = append(ks, []byte(k))
		if v == nil {
			v = []byte{}
		}
		vs = append(vs, v)
	}
	for i := 0; i < len(ks); i += chunk {
		j := min(i+chunk, len(ks))
		if _, err := tx.ExecContext(ctx, `INSERT INTO kg_index (k, v) SELECT * FROM unnest($1::bytea[], $2::bytea[])
			ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v`, ks[i:j], vs[i:j]); err != nil {
			return fmt.Errorf("write index: %w", err)
		}
	}
	return nil
}

// ensureIndex indexes a store written without the side index (or with
// another layout), article by article, and records the index version.
func (s *Store) ensureIndex(ctx context.Context) error {
	v, err := s.ix.get(ctx, []string{metaVersion})
	if err != nil {
		return fmt.Errorf("read index version of %s: %w", s.addr, err)
	}
	if string(v[0]) == indexVersion {
		return nil
	}
	articles, err := s.subjectsWith(ctx, schema.PType, iri(schema.ClassArticle))
	if err != nil {
		return fmt.Errorf("index %s: %w", s.addr, err)
	}
	if len(articles) > 0 {
		slog.Info("indexing the store's statements (once, for this version of kg)", "store", s.addr, "articles", len(articles))
	}
	ops := &ixOps{put: map[string][]byte{}, del: map[string]bool{}}
	flush := func() error {
		if err := s.ix.write(ctx, ops); err != nil {
			return fmt.Errorf("index %s: %w", s.addr, err)
		}
		ops = &ixOps{put: map[string][]byte{}, del: map[string]bool{}}
		return nil
	}
	last := time.Now()
	for i, a := range articles {
		if time.Since(last) > 10*time.Second {
			slog.Info("indexing", "store", s.addr, "done", i, "of", len(articles))
			last = time.Now()
		}
		qs, err := s.articleQuads(ctx, a)
		if err != nil {
			return fmt.Errorf("index %s: article %s: %w", s.addr, a, err)
		}
		old, err := s.ix.get(ctx, []string{string(recArticle) + a})
		if err != nil {
			return fmt.Errorf("index %s: %w", s.addr, err)
		}
		ops.replaceArticle(a, old[0], indexEntries(a, qs))
		if (i+1)%500 == 0 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	ops.put[metaVersion] = []byte(indexVersion)
	return flush()
}
