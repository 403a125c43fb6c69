// The instructions and the page text for one statement. The rules mirror the extraction contract; grounding
// enforces the one about printed figures afterwards, whatever the model does.
import type { StatementType } from '../types.js';

const STATEMENT_NAMES: Record<StatementType, string> = {
  INCOME_STATEMENT: 'the income statement (statement of operations, profit or loss, or comprehensive income)',
  BALANCE_SHEET: 'the balance sheet (statement of financial position)',
  CASH_FLOW_STATEMENT: 'the cash flow statement',
};

export const SYSTEM_PROMPT = [
  'You read primary financial statements from the text layer of an annual or quarterly report.',
  'Each page is given between "--- Page N ---" markers, with its printed lines; columns are kept in place.',
  'Rules:',
  '- Extract only the statement asked for, for the report\'s own period: not prior-year comparative statements, segment tables or notes.',
  '- Columns left to right as printed. Every line item has exactly one value per column.',
  '- Copy each figure exactly as printed, as a string: keep thousands separators, parentheses and minus signs ("1,234", "(567)", "-0.45").',
  '  Never compute, rescale, round or invent a figure. A dash or a blank cell is null.',
  '- Skip heading lines that carry no figures; give each line the heading it sits under instead.',
  '- `page` is the page number from the marker of the page the line is printed on.',
  '- unit is the scale printed in the header ("in millions" = millions); per-share figures keep their printed value.',
  '- If the pages do not contain the statement, answer found=false with empty columns and lineItems.',
].join('\n');

/** The page texts, each under its page marker, in page order. */
export function pagesBlock(pages: number[], pageText: (page: number) => string): string {
  return pages.map((page) => `--- Page ${page} ---\n${pageText(page)}`).join('\n\n');
}

export function userPrompt(type: StatementType, pagesText: string): string {
  return `Extract ${STATEMENT_NAMES[type]} from these pages.\n\n${pagesText}`;
}
