package extract

import "github.com/newsgraph/kg/schema"

// findTranscript marks the sentences of a transcript's speaker turns:
// a paragraph opening "President of Russia Vladimir Putin: …" starts a turn
// that lasts until the next such label.
func (d *doc) findTranscript() {
	d.turnOf = make([]*ent, len(d.sents))
	var cur *ent
	for si, s := range d.sents {
		if d.toks[s[0]].nl || si == 0 {
			if sp := d.speakerLabel(s); sp != nil {
				cur = sp
			} else if cur != nil && d.isHeading(s) {
				cur = nil
			}
		}
		d.turnOf[si] = cur
	}
}

// speakerLabel returns the person a "NAME:" label at the start of a
// sentence names.
func (d *doc) speakerLabel(s [2]int) *ent {
	for i := s[0]; i < s[1] && i < s[0]+14; i++ {
		if d.f(i) != ":" {
			continue
		}
		m := d.mentionEndingAt(i - 1)
		if m == nil {
			return nil
		}
		// the label holds only the mention (and a title before it)
		if mm := d.mAt[s[0]]; mm == nil {
			return nil
		}
		r := d.resolve(m, m.a)
		if len(r) == 1 && r[0].typ == schema.TypePerson {
			return r[0]
		}
		return nil
	}
	return nil
}

// isHeading reports whether a sentence is a heading line: short, alone on
// its line, without final punctuation.
func (d *doc) isHeading(s [2]int) bool {
	last := d.toks[s[1]-1]
	if s[1]-s[0] > 14 {
		return false
	}
	if s[1] < len(d.toks) && !d.toks[s[1]].nl {
		return false
	}
	return last.k == kWord || last.f == "*"
}

// transcriptSentence reads one sentence of a speaker's turn: each clause
// long enough to say something is the speaker's statement, in their own voice.
func (d *doc) transcriptSentence(si int, s [2]int) {
	a := s[0]
	for i := s[0]; i < s[1] && i < s[0]+14; i++ {
		if d.f(i) == ":" && d.speakerLabel(s) != nil {
			a = i + 1
			break
		}
	}
	// split at ", and I …" / "; "
	var cuts []int
	cuts = append(cuts, a)
	for i := a + 1; i < s[1]-1; i++ {
		if d.f(i) == ";" || d.f(i) == "," && d.is(i+1, wCoord) && (d.is(i+2, wI) || d.is(i+2, wWe)) {
			cuts = append(cuts, i+1)
		}
	}
	cuts = append(cuts, s[1])
	for k := 0; k+1 < len(cuts); k++ {
		ca, cb := d.skipLead(cuts[k], cuts[k+1]), d.trimEnd(cuts[k], cuts[k+1])
		words := 0
		for i := ca; i < cb; i++ {
			if d.toks[i].k == kWord {
				words++
			}
		}
		if words < 5 {
			continue
		}
		// "And where we don't, …": continues the previous statement
		if f0 := d.f(cuts[k]); k == 0 && (f0 == "and" || f0 == "but" || f0 == "et" || f0 == "mais") && len(d.statements) > 0 {
			last := &d.statements[len(d.statements)-1]
			if last.Speaker == d.speaker.id && last.Article == d.a.ID {
				start := last.Evidence.Start - d.a.Offset
				end := d.toks[cb-1].e
				last.Evidence.End = d.a.Offset + end
				last.Evidence.Text = d.text[start:end]
				last.ID = schema.StatementIRI(d.a.ID, last.Evidence, last.Speaker)
				continue
			}
		}
		act := schema.ActState
		cue := "transcript turn"
		for _, c := range within(d.cue, ca, cb) {
			if c.p.kind == pVerb {
				act = d.m.verbs[c.p.idx].Act
				cue = "transcript turn: " + d.surface(c.a, c.b)
				break
			}
		}
		g := &vgroup{g: ca, c0: ca, c1: ca, subj: []*ent{d.speaker}, start: ca, end: cb, conf: 0.8, explicit: true}
		d.emitAct(g, s, act, cue)
	}
	d.eventsOf(s, nil)
}
