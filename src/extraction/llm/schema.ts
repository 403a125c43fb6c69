// The model's answer for one statement: the extraction contract's statement, with figures as printed strings
// (so no float ever touches them and grounding can compare them with the page), validated on return.
import { z } from 'zod';
import type { StatementType } from '../types.js';

const column = z.object({
  label: z.string().describe('column header as printed, e.g. "2023" or "December 31, 2023"'),
  fiscalYear: z.int().nullable().describe('the fiscal year the column belongs to'),
  periodEnd: z.string().nullable().describe('ISO date (YYYY-MM-DD) when the page states it, else null'),
  periodMonths: z.int().nullable().describe('12 for a year, 6 for a half, 3 for a quarter; null for a balance-sheet date'),
});

const lineItem = z.object({
  label: z.string().describe('the line label as printed, footnote markers removed; "" for an unlabelled total'),
  heading: z.string().nullable().describe('the nearest label-only heading above this line, e.g. "Current assets", else null'),
  values: z
    .array(z.string().nullable())
    .describe('one per column, copied exactly as printed ("1,234", "(567)", "-0.45"); null for a dash or a blank'),
  page: z.int().describe('the 1-based page number this line is printed on'),
  level: z.int().describe('indentation depth, 0 = outermost'),
  isTotal: z.boolean(),
  perShare: z.boolean().describe('a per-share figure (earnings per share, dividends per share)'),
});

export const statementAnswerSchema = z.object({
  found: z.boolean().describe('false when the pages do not hold this statement; then leave the lists empty'),
  title: z.string().describe('the statement title as printed'),
  currency: z.string().nullable().describe('ISO 4217 code, or null if not stated'),
  unit: z.enum(['units', 'thousands', 'millions', 'billions']).describe('the scale the figures are printed in'),
  columns: z.array(column),
  lineItems: z.array(lineItem),
});

export type StatementAnswer = z.infer<typeof statementAnswerSchema>;

/** A row's value count must match the columns: otherwise no value can be placed in its period. */
export const checkedStatementAnswerSchema = statementAnswerSchema.superRefine((answer, ctx) => {
  answer.lineItems.forEach((line, i) => {
    if (line.values.length !== answer.columns.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['lineItems', i, 'values'],
        message: `${line.values.length} values for ${answer.columns.length} columns`,
      });
    }
  });
});

/** zod's JSON Schema, minus what strict structured output rejects on some providers (the safe-integer bounds). */
function strictJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    if ((key === 'minimum' || key === 'maximum') && Math.abs(value as number) === Number.MAX_SAFE_INTEGER) continue;
    out[key] = strictJsonSchema(value);
  }
  return out;
}

const jsonSchema = strictJsonSchema(z.toJSONSchema(statementAnswerSchema)) as Record<string, unknown>;

/** The `response_format` for one statement type; its name tells logs (and the tests' fake server) which. */
export function responseFormatFor(type: StatementType) {
  return {
    type: 'json_schema' as const,
    json_schema: { name: `extract_${type.toLowerCase()}`, strict: true, schema: jsonSchema },
  };
}
