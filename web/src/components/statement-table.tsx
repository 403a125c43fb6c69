// A compiled statement as a table: a column per fiscal year, rows in statement order, indented by level, totals
// bold, per-share rows marked, restated figures badged (tooltip: the superseded figure and its report), the checks
// per year underneath. Every figure is a button that opens the page it was printed on.
import type { StatementWithSourcesQuery } from '@financial-data-extractor/sdk';
import { formatFigure, humanize } from '../lib/format';

export type Statement = Extract<StatementWithSourcesQuery['compiledStatement'], { __typename: 'CompiledStatement' }>;
export type Row = Statement['rows'][number];
export type Cell = Row['cells'][number];

/** The first report's figure that a restatement superseded, and which report printed it. */
export function superseded(cell: Cell): { value: string | null; report: string } | null {
  if (!cell.restated) return null;
  const first = cell.history[0];
  const report = first?.source.document
    ? (first.source.document.title ?? `FY${first.source.document.fiscalYear ?? first.reportFiscalYear ?? '?'} report`)
    : `FY${first?.reportFiscalYear ?? '?'} report`;
  return { value: first ? (first.value ?? null) : (cell.restatedFrom ?? null), report: `${report}, p. ${first?.source.page ?? '?'}` };
}

/** How far a figure can be trusted, in words: a tagged fact, or read from a statement whose checks failed. */
export function cellOrigin(cell: Cell): string {
  const parts = [];
  if (cell.source.provider === 'XBRL') parts.push('Tagged XBRL fact, exact as filed.');
  if (cell.source.verdict === 'INCONSISTENT') parts.push("From a statement whose arithmetic checks fail.");
  return parts.length ? `${parts.join(' ')} ` : '';
}

/** A subtotal printed without a label is named by its concept, else "Subtotal". */
export function rowLabel(row: Pick<Row, 'label' | 'concept' | 'isTotal'>): string {
  if (row.label.trim()) return row.label;
  if (row.concept) return humanize(row.concept);
  return row.isTotal ? 'Subtotal' : '(unlabelled line)';
}

function rowKey(row: Row, index: number) {
  return `${row.concept ?? row.label}-${index}`;
}

export function StatementTable(props: {
  statement: Statement;
  onOpenSource: (row: Row, cell: Cell) => void;
  charted?: Set<string>;
  onToggleChart?: (key: string) => void;
}) {
  const { statement, charted, onToggleChart } = props;
  const years = statement.fiscalYears;
  const checksByYear = new Map<number, Statement['checks']>();
  for (const check of statement.checks) checksByYear.set(check.fiscalYear, [...(checksByYear.get(check.fiscalYear) ?? []), check]);

  return (
    <div class="table-wrap statement-wrap">
      <table class="data-table statement-table">
        <thead>
          <tr>
            <th scope="col" class="label-col">
              Line item
            </th>
            {years.map((year) => (
              <th key={year} scope="col" class="num">
                FY {year}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {statement.rows.map((row, index) => {
            const key = rowKey(row, index);
            const cells = new Map(row.cells.map((c) => [c.fiscalYear, c]));
            const label = rowLabel(row);
            return (
              <tr key={key} class={`${row.isTotal ? 'total' : ''} ${row.perShare ? 'per-share' : ''}`} data-concept={row.concept ?? undefined}>
                <th scope="row" class="label-col" style={{ paddingLeft: `${0.5 + Math.max(0, row.level) * 1.1}rem` }}>
                  {onToggleChart && (
                    <input
                      type="checkbox"
                      class="chart-toggle"
                      checked={charted?.has(key) ?? false}
                      onChange={() => onToggleChart(key)}
                      aria-label={`Chart ${label}`}
                      title="Show in the chart"
                    />
                  )}
                  <span class={`row-label ${row.label.trim() ? '' : 'unlabelled'}`}>{label}</span>
                  {row.perShare && (
                    <span class="badge per-share-badge" title="Per-share figure, in currency units (not scaled)">
                      per share
                    </span>
                  )}
                </th>
                {years.map((year) => {
                  const cell = cells.get(year);
                  if (!cell) {
                    return (
                      <td key={year} class="num empty-cell" aria-label={`${label}, FY ${year}: not reported`}>
                        <span aria-hidden="true">·</span>
                      </td>
                    );
                  }
                  const old = superseded(cell);
                  const origin = cellOrigin(cell);
                  return (
                    <td key={year} class={`num ${cell.source.provider === 'XBRL' ? 'from-xbrl' : ''} ${cell.source.verdict === 'INCONSISTENT' ? 'inconsistent' : ''}`}>
                      {old && (
                        <span class="badge restated" tabIndex={0} data-tooltip={`Restated: first reported as ${formatFigure(old.value)} in ${old.report}`} aria-label={`Restated; first reported as ${formatFigure(old.value)} in ${old.report}`}>
                          R
                        </span>
                      )}
                      <button
                        type="button"
                        class="figure"
                        onClick={() => props.onOpenSource(row, cell)}
                        title={`${origin}Open page ${cell.source.page}`}
                        aria-label={`${label}, FY ${year}: ${formatFigure(cell.value)}. ${origin}Open its source, page ${cell.source.page}`}
                      >
                        {formatFigure(cell.value)}
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
        {statement.checks.length > 0 && (
          <tfoot>
            <tr class="checks-row">
              <th scope="row" class="label-col">
                Checks
              </th>
              {years.map((year) => {
                const checks = checksByYear.get(year) ?? [];
                const failed = checks.filter((c) => !c.passed);
                if (!checks.length) return <td key={year} class="num muted">—</td>;
                const detail = checks
                  .map((c) => `${c.passed ? '✓' : '✗'} ${c.name}${c.passed ? '' : ` (off by ${formatFigure(c.difference)})`}`)
                  .join('\n');
                return (
                  <td key={year} class={`num check ${failed.length ? 'check-fail' : 'check-pass'}`} title={detail} tabIndex={0} aria-label={detail}>
                    {failed.length ? `✗ ${failed.length} of ${checks.length}` : `✓ ${checks.length}`}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

export { rowKey };
