// Maps printed line labels to canonical concepts: exact vocabulary first, a fuzzy match second, and never two
// lines of one statement to the same concept (the first occurrence keeps it).
import Fuse from 'fuse.js';
import type { StatementType } from '../types.js';
import { assignConcepts, type ConceptRow } from './assign-concepts.js';
import { normaliseLabel, TAXONOMY, type ConceptDefinition } from './taxonomy.js';

export interface LabelContext {
  label: string;
  /** the nearest label-only heading above the line ("Capital stock", "Non-current assets") */
  heading: string | null;
}

const byStatement = new Map<StatementType, ConceptDefinition[]>();
const fuseByStatement = new Map<StatementType, Fuse<{ key: string; phrase: string }>>();
for (const c of TAXONOMY) {
  const list = byStatement.get(c.statement) ?? [];
  list.push(c);
  byStatement.set(c.statement, list);
}
for (const [type, list] of byStatement) {
  const phrases = list.flatMap((c) => c.synonyms.map((phrase) => ({ key: c.key, phrase })));
  fuseByStatement.set(type, new Fuse(phrases, { keys: ['phrase'], includeScore: true, threshold: 0.2, ignoreLocation: true }));
}

export function conceptDefinition(type: StatementType, key: string): ConceptDefinition | undefined {
  return byStatement.get(type)?.find((c) => c.key === key);
}

const cache = new Map<string, string | null>();

/** The concept a label names on a statement of this type, or null. */
export function matchConcept(type: StatementType, label: string): string | null {
  const cacheKey = `${type}\u0000${label}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const key = matchConceptUncached(type, label);
  if (cache.size > 20_000) cache.clear();
  cache.set(cacheKey, key);
  return key;
}

function matchConceptUncached(type: StatementType, label: string): string | null {
  const text = normaliseLabel(label);
  if (text.length < 2) return null;
  // "Earnings per share (diluted)": the gloss is the meaning, so per-share lines are read with glosses kept.
  const glossed = normaliseLabel(label.replace(/[()]/g, ' '));
  for (const c of byStatement.get(type) ?? []) {
    if (c.perShare && c.patterns.some((re) => re.test(glossed))) return c.key;
  }
  for (const c of byStatement.get(type) ?? []) {
    if (c.patterns.some((re) => re.test(text))) return c.key;
  }
  // Fuzzy fallback for spelling variants; short labels are too ambiguous to guess.
  // Long labels (a 10-K's share-class description) are never a misspelt synonym, and cost the most to search.
  if (text.length < 6 || text.length > 70) return null;
  const [best] = fuseByStatement.get(type)!.search(text);
  if (best && (best.score ?? 1) <= 0.2 && Math.abs(best.item.phrase.length - text.length) <= 0.3 * text.length) {
    return best.item.key;
  }
  return null;
}

/**
 * Concepts for lines that carry their heading with them (the LLM's answer): the headings become heading rows
 * and the one assignment (assign-concepts.ts) runs as for a table read from the page.
 */
export function mapConcepts(type: StatementType, lines: LabelContext[]): (string | null)[] {
  const rows: ConceptRow[] = [];
  const at: number[] = [];
  let heading: string | null = null;
  for (const line of lines) {
    if (line.heading && line.heading !== heading) rows.push({ label: line.heading, hasFigures: false });
    heading = line.heading;
    at.push(rows.length);
    rows.push({ label: line.label, hasFigures: true });
  }
  const concepts = assignConcepts(type, rows);
  return at.map((i) => concepts[i]);
}
