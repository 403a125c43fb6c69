// From the model's answer to the engine's ExtractedStatement: figures grounded, concepts mapped by the engine's
// own vocabulary, the engine's arithmetic checks run, and a confidence that says whether any check failed.
import { runChecks } from '../checks.js';
import { judgeStatement } from '../verdict.js';
import { conceptDefinition, mapConcepts } from '../concepts/map-concepts.js';
import { UNIT_SCALE } from '../units.js';
import type { Check, ExtractedColumn, ExtractedLine, ExtractedStatement, StatementType } from '../types.js';
import { groundValue, type PageFigures } from './grounding.js';
import type { StatementAnswer } from './schema.js';

export interface DroppedFigure {
  label: string;
  column: number;
  page: number;
  printed: string;
  reason: 'unparseable' | 'not on page';
}

export interface GroundingStats {
  /** non-nil figures the model returned */
  figures: number;
  grounded: number;
  dropped: number;
  /** grounded figures whose sign was taken from the page */
  signCorrected: number;
  droppedFigures: DroppedFigure[];
}

/** 'low' when any check fails: an arithmetic identity, or a figure that is not printed where the model said. */
export type Confidence = 'high' | 'low';

export interface LlmExtractedStatement extends ExtractedStatement {
  confidence: Confidence;
  grounding: GroundingStats;
}

export const GROUNDING_CHECK = 'figures printed on their page';

const PER_SHARE = /per (ordinary |common )?share|per aktie|je aktie|par action|per aandeel|\(pence\)|\(cents\)/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function toStatement(
  type: StatementType,
  answer: StatementAnswer,
  sentPages: number[],
  figuresOnPage: (page: number) => PageFigures | undefined,
): LlmExtractedStatement | null {
  if (!answer.found || answer.columns.length === 0 || answer.lineItems.length === 0) return null;
  const columns: ExtractedColumn[] = answer.columns.map((c) => ({
    label: c.label,
    fiscalYear: c.fiscalYear,
    periodEnd: c.periodEnd && ISO_DATE.test(c.periodEnd) ? c.periodEnd : null,
    periodMonths: c.periodMonths,
  }));

  const grounding: GroundingStats = { figures: 0, grounded: 0, dropped: 0, signCorrected: 0, droppedFigures: [] };
  const perColumn = columns.map(() => ({ figures: 0, grounded: 0 }));
  const concepts = mapConcepts(type, answer.lineItems.map((l) => ({ label: l.label, heading: l.heading })));

  const lineItems: ExtractedLine[] = answer.lineItems.map((item, i) => {
    const figures = sentPages.includes(item.page) ? figuresOnPage(item.page) : undefined;
    const values = item.values.map((printed, column) => {
      const result = groundValue(printed, figures);
      if (result.outcome === 'nil') return null;
      grounding.figures++;
      perColumn[column].figures++;
      if (result.outcome === 'grounded') {
        grounding.grounded++;
        perColumn[column].grounded++;
        if (result.signCorrected) grounding.signCorrected++;
        return result.value;
      }
      grounding.dropped++;
      grounding.droppedFigures.push({ label: item.label, column, page: item.page, printed: printed!, reason: result.reason });
      return null;
    });
    const concept = concepts[i];
    const definition = concept ? conceptDefinition(type, concept) : undefined;
    return {
      label: item.label,
      concept,
      values,
      page: item.page,
      level: Math.max(0, Math.min(item.level, 5)),
      isTotal: item.isTotal || item.label === '' || Boolean(definition?.isTotal),
      perShare: item.perShare || Boolean(definition?.perShare) || PER_SHARE.test(item.label),
    };
  });

  const linePages = [...new Set(lineItems.map((l) => l.page).filter((p) => sentPages.includes(p)))];
  const currency = answer.currency?.trim().toUpperCase() ?? null;
  const statement: ExtractedStatement = {
    type,
    title: answer.title,
    pages: (linePages.length > 0 ? linePages : sentPages).sort((a, b) => a - b),
    currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : null,
    unit: answer.unit,
    scale: UNIT_SCALE[answer.unit],
    columns,
    lineItems,
    checks: [],
  };
  const checks = [...runChecks(statement), ...groundingChecks(perColumn)];
  const verdict = judgeStatement({ ...statement, checks }).verdict;
  return { ...statement, checks, verdict, confidence: checks.some((c) => !c.passed) ? 'low' : 'high', grounding };
}

/** One check per column: how many of the model's figures were found on their page (difference = dropped, negated). */
function groundingChecks(perColumn: { figures: number; grounded: number }[]): Check[] {
  return perColumn.map(({ figures, grounded }, column) => ({
    name: GROUNDING_CHECK,
    column,
    expected: String(figures),
    actual: String(grounded),
    difference: String(grounded - figures),
    passed: grounded === figures,
  }));
}
