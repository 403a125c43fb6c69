// Label comparison for lines that carry no shared concept key: one normal form, and a fuzzy matcher (fuse.js)
// fenced so that near-spellings merge ("amortization" / "amortisation") but opposites never do
// ("current" / "non-current", "receivables" / "payables").
import Fuse from 'fuse.js';
import { normaliseLabel, TAXONOMY } from '../../extraction/concepts/taxonomy.js';

/** The form labels are compared in: the taxonomy's normalisation plus "&" spelled out. */
export function labelKey(label: string): string {
  return normaliseLabel(label.replace(/&/g, ' and ')).replace(/[,.]/g, '').replace(/\s+/g, ' ').trim();
}

// Words that turn a label into a different line when only one side has them.
const CONTRASTS = new Set([
  'non', 'current', 'net', 'gross', 'before', 'after', 'basic', 'diluted', 'receivable', 'receivables', 'payable',
  'payables', 'income', 'expense', 'expenses', 'assets', 'asset', 'liabilities', 'liability', 'increase', 'decrease',
  'proceeds', 'repayment', 'repayments', 'purchase', 'purchases', 'sale', 'sales', 'disposal', 'acquisition',
  'paid', 'received', 'long', 'short', 'total', 'deferred', 'operating', 'investing', 'financing', 'equity',
  'beginning', 'end', 'continuing', 'discontinued', 'parent', 'controlling', 'minority',
]);

const MAX_SCORE = 0.3;
const MIN_LENGTH_RATIO = 0.75;

function words(key: string): Set<string> {
  return new Set(key.split(/[\s/'-]+/).filter(Boolean));
}

function contrasting(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  for (const w of wa) if (!wb.has(w) && CONTRASTS.has(w)) return true;
  for (const w of wb) if (!wa.has(w) && CONTRASTS.has(w)) return true;
  return false;
}

export interface LabelCandidate {
  row: number;
  key: string;
}

export interface FuzzyMatch {
  row: number;
  score: number;
}

/** A fuzzy index over candidate row labels; `matches` returns the acceptable rows for a label, best first. */
export function createLabelMatcher(candidates: LabelCandidate[]) {
  const fuse = new Fuse(candidates, { keys: ['key'], includeScore: true, threshold: MAX_SCORE, ignoreLocation: true });
  return {
    matches(key: string): FuzzyMatch[] {
      if (key.length < 4) return [];
      const out: FuzzyMatch[] = [];
      for (const r of fuse.search(key)) {
        const other = r.item.key;
        const ratio = Math.min(key.length, other.length) / Math.max(key.length, other.length);
        if ((r.score ?? 1) > MAX_SCORE || ratio < MIN_LENGTH_RATIO || contrasting(key, other)) continue;
        out.push({ row: r.item.row, score: r.score ?? 1 });
      }
      return out;
    },
  };
}

/**
 * A compiled row's label: as the newest report prints it. A line printed without one (a total under a ruled
 * column, a figure whose label the reader lost) is named by its concept when it has one, else by what it is, so no
 * row is blank in a table or a CSV.
 */
export function rowLabel(printed: string, concept: string | null, isTotal: boolean): string {
  if (printed.trim()) return printed;
  const definition = concept ? TAXONOMY.find((c) => c.key === concept) : undefined;
  if (definition) return definition.description.replace(/\s*\(.*\)$/, '');
  return isTotal ? 'Total (unlabelled)' : 'Unlabelled line';
}
