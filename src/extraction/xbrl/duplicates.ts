// The same fact tagged more than once (a figure on the face of a statement and again in a note): consistent
// copies are merged into the most precise one; inconsistent copies are reported, the first tag is kept.
import { Decimal } from 'decimal.js';
import type { TaggedFact } from './read-document.js';
import type { XbrlContext, XbrlFact, XbrlProblem, XbrlUnit } from './types.js';

export interface MergedFacts {
  facts: XbrlFact[];
  /** for each tagged fact, the index of the fact it became, or -1 when it was invalid */
  factOfTag: number[];
  problems: XbrlProblem[];
}

export function mergeDuplicates(tagged: TaggedFact[], contexts: Map<string, XbrlContext>, units: Map<string, XbrlUnit>): MergedFacts {
  const facts: XbrlFact[] = [];
  const factOfTag: number[] = [];
  const problems: XbrlProblem[] = [];
  const byKey = new Map<string, number>();
  const printedText = new Set<number>();
  for (const tag of tagged) {
    if (!tag.valid) {
      factOfTag.push(-1);
      continue;
    }
    const key = duplicateKey(tag, contexts, units);
    const existing = byKey.get(key);
    if (existing === undefined) {
      const { continuedAt: _c, valid: _v, printedText: _p, ...fact } = tag;
      if (tag.printedText) printedText.add(facts.length);
      byKey.set(key, facts.length);
      factOfTag.push(facts.length);
      facts.push({ ...fact, duplicates: [] });
      continue;
    }
    const kept = facts[existing];
    factOfTag.push(existing);
    // Text facts with a format hold the printed text ("two years"), not the value it stands for ("P2Y"): two
    // printings of one value cannot be compared without the transformation, so they are not called inconsistent.
    if (printedText.has(existing) || tag.printedText || consistent(kept, tag)) {
      const other = precision(tag.decimals) > precision(kept.decimals) ? kept.id : tag.id;
      if (other === kept.id) Object.assign(kept, { value: tag.value, decimals: tag.decimals, id: tag.id, position: tag.position, document: tag.document });
      // Shown once is shown: a copy in ix:hidden does not hide the printed one.
      kept.hidden = kept.hidden && tag.hidden;
      if (other) kept.duplicates.push(other);
    } else {
      const concept = `${tag.concept.prefix}:${tag.concept.local}`;
      problems.push({
        kind: 'INCONSISTENT_DUPLICATE',
        message: `${concept} in context ${tag.contextRef} is tagged as ${kept.value ?? 'nil'}${kept.id ? ` (${kept.id})` : ''} and as ${tag.value ?? 'nil'}${tag.id ? ` (${tag.id})` : ''}; the first is kept`,
        factId: tag.id,
        concept,
      });
    }
  }
  return { facts, factOfTag, problems };
}

/** Same concept, same context content (not just id), same unit, same language: the same fact. */
function duplicateKey(fact: TaggedFact, contexts: Map<string, XbrlContext>, units: Map<string, XbrlUnit>): string {
  const c = contexts.get(fact.contextRef)!;
  const dims = c.dimensions.map((d) => `${d.dimension}=${d.member}`).sort().join(',');
  const u = fact.unitRef ? units.get(fact.unitRef) : undefined;
  const unit = u ? `${[...u.numerator].sort().join('*')}/${[...u.denominator].sort().join('*')}` : '';
  return [fact.concept.namespace, fact.concept.local, c.entity.scheme, c.entity.identifier, c.period.kind, c.period.start, c.period.end, dims, unit].join('|');
}

function precision(decimals: string | null): number {
  if (decimals === null || decimals === 'INF') return Number.POSITIVE_INFINITY;
  const n = Number(decimals);
  return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
}

/** Numeric copies agree when equal after rounding both to the less precise `decimals`; text copies when equal. */
function consistent(a: XbrlFact, b: TaggedFact): boolean {
  if (a.value === null || b.value === null) return a.value === b.value;
  if (!a.numeric) return a.value === b.value;
  const d = Math.min(precision(a.decimals), precision(b.decimals));
  return roundTo(a.value, d).equals(roundTo(b.value, d));
}

export function roundTo(value: string, decimals: number): Decimal {
  const v = new Decimal(value);
  if (!Number.isFinite(decimals)) return v;
  if (decimals >= 0) return v.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const unit = new Decimal(10).pow(-decimals);
  return v.dividedBy(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit);
}
