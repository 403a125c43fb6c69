// @vitest-environment happy-dom
// The statement table as an analyst reads it: restated badges with the superseded figure and its report,
// per-share rows marked, totals bold, years a line lacks shown empty, checks per year, figures opening their source.
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatementTable, type Statement } from '../../../web/src/components/statement-table';

const doc = (fiscalYear: number) => ({
  id: `RG9jdW1lbnQ6${fiscalYear}`,
  fiscalYear,
  title: `Annual report ${fiscalYear}`,
  format: 'PDF' as const,
  downloadUrl: `/documents/${fiscalYear}/download`,
});

function cell(
  fiscalYear: number,
  value: string | null,
  page: number,
  restatedFrom?: { value: string; report: number; page: number },
  origin: { provider: 'LAYOUT' | 'XBRL'; verdict: 'VERIFIED' | 'INCONSISTENT' } = { provider: 'LAYOUT', verdict: 'VERIFIED' },
) {
  const source = { page, ...origin, document: doc(fiscalYear + (restatedFrom ? 1 : 0)) };
  return {
    fiscalYear,
    value,
    restated: !!restatedFrom,
    restatedFrom: restatedFrom?.value ?? null,
    source,
    history: restatedFrom
      ? [
          { value: restatedFrom.value, reportFiscalYear: restatedFrom.report, source: { page: restatedFrom.page, document: doc(restatedFrom.report) } },
          { value, reportFiscalYear: restatedFrom.report + 1, source },
        ]
      : [{ value, reportFiscalYear: fiscalYear, source }],
  };
}

const statement: Statement = {
  __typename: 'CompiledStatement',
  type: 'INCOME_STATEMENT',
  currency: 'GBP',
  unit: 'millions',
  fiscalYears: [2024, 2023, 2022],
  updatedAt: '2026-12-01T10:00:00.000Z',
  csvUrl: '/companies/x/statements/INCOME_STATEMENT.csv',
  rows: [
    { concept: 'revenue', label: 'Revenue', level: 0, isTotal: false, perShare: false, cells: [cell(2024, '1200.5', 40), cell(2023, '1100', 41, { value: '1090', report: 2023, page: 38 }), cell(2022, '990', 39)] },
    { concept: 'cost_of_sales', label: 'Cost of sales', level: 1, isTotal: false, perShare: false, cells: [cell(2024, '-700', 40), cell(2023, '-650', 41)] },
    { concept: 'gross_profit', label: 'Gross profit', level: 0, isTotal: true, perShare: false, cells: [cell(2024, '500.5', 40, undefined, { provider: 'XBRL', verdict: 'VERIFIED' }), cell(2023, '450', 41, undefined, { provider: 'LAYOUT', verdict: 'INCONSISTENT' })] },
    { concept: 'eps_basic', label: 'Basic earnings per share', level: 0, isTotal: false, perShare: true, cells: [cell(2024, '0.42', 40)] },
  ],
  checks: [
    { name: 'gross profit = revenue + cost of sales', fiscalYear: 2024, expected: '500.5', actual: '500.5', difference: '0', passed: true },
    { name: 'gross profit = revenue + cost of sales', fiscalYear: 2023, expected: '450', actual: '440', difference: '-10', passed: false },
  ],
  warnings: [],
};

const row = (container: ParentNode, concept: string) => container.querySelector<HTMLTableRowElement>(`tr[data-concept=${concept}]`)!;

describe('StatementTable', () => {
  afterEach(cleanup);

  it('puts a column per fiscal year and every figure exactly as the decimal string says', () => {
    const { container } = render(<StatementTable statement={statement} onOpenSource={() => {}} />);
    const headers = [...container.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['Line item', 'FY 2024', 'FY 2023', 'FY 2022']);
    const revenue = [...row(container, 'revenue').querySelectorAll('button.figure')].map((b) => b.textContent);
    expect(revenue).toEqual(['1,200.5', '1,100', '990']);
    expect(row(container, 'cost_of_sales').querySelector('button.figure')!.textContent).toBe('\u2212700');
  });

  it('badges a restated figure with the superseded value and the report it came from', () => {
    const { container } = render(<StatementTable statement={statement} onOpenSource={() => {}} />);
    const badges = row(container, 'revenue').querySelectorAll('.restated');
    expect(badges).toHaveLength(1);
    const badge = badges[0]!;
    expect(badge.closest('td')).toBe(row(container, 'revenue').querySelectorAll('td')[1]); // FY 2023
    expect(badge.getAttribute('data-tooltip')).toBe('Restated: first reported as 1,090 in Annual report 2023, p. 38');
    expect(badge.getAttribute('tabindex')).toBe('0'); // the tooltip also shows on keyboard focus
    expect(row(container, 'gross_profit').querySelector('.restated')).toBeNull();
  });

  it('marks per-share rows and sets totals in bold rows, indenting by level', () => {
    const { container } = render(<StatementTable statement={statement} onOpenSource={() => {}} />);
    const eps = row(container, 'eps_basic');
    expect(eps.classList.contains('per-share')).toBe(true);
    expect(eps.querySelector('.per-share-badge')!.textContent).toBe('per share');
    expect(row(container, 'revenue').querySelector('.per-share-badge')).toBeNull();
    expect(row(container, 'gross_profit').classList.contains('total')).toBe(true);
    expect(row(container, 'revenue').classList.contains('total')).toBe(false);
    const indent = (concept: string) => parseFloat(row(container, concept).querySelector('th')!.style.paddingLeft);
    expect(indent('cost_of_sales')).toBeGreaterThan(indent('revenue'));
  });

  it('leaves a year a line lacks empty, not zero, and says so to screen readers', () => {
    const { container } = render(<StatementTable statement={statement} onOpenSource={() => {}} />);
    const cells = row(container, 'eps_basic').querySelectorAll('td');
    expect(cells[0]!.querySelector('button')!.textContent).toBe('0.42');
    expect(cells[1]!.querySelector('button')).toBeNull();
    expect(cells[1]!.classList.contains('empty-cell')).toBe(true);
    expect(cells[2]!.getAttribute('aria-label')).toBe('Basic earnings per share, FY 2022: not reported');
  });

  it('shows the checks per year, failing ones with the difference', () => {
    const { container } = render(<StatementTable statement={statement} onOpenSource={() => {}} />);
    const checks = [...container.querySelectorAll('tfoot td')];
    expect(checks.map((td) => td.textContent)).toEqual(['✓ 1', '✗ 1 of 1', '—']);
    expect(checks[1]!.getAttribute('title')).toContain('off by \u221210');
  });

  it('opens the source of the figure that was clicked', () => {
    const open = vi.fn();
    const { container } = render(<StatementTable statement={statement} onOpenSource={open} />);
    fireEvent.click(row(container, 'revenue').querySelectorAll('button.figure')[1]!);
    expect(open).toHaveBeenCalledTimes(1);
    const [clickedRow, clickedCell] = open.mock.calls[0]!;
    expect(clickedRow.label).toBe('Revenue');
    expect(clickedCell).toMatchObject({ fiscalYear: 2023, value: '1100', source: { page: 41 } });
  });

  it('tells a tagged XBRL fact and a figure from a statement whose checks fail from the rest', () => {
    const { container } = render(<StatementTable statement={statement} onOpenSource={() => {}} />);
    const [tagged, inconsistent] = [...row(container, 'gross_profit').querySelectorAll('td')];
    expect(tagged!.classList.contains('from-xbrl')).toBe(true);
    expect(tagged!.querySelector('button')!.getAttribute('aria-label')).toContain('Tagged XBRL fact');
    expect(inconsistent!.classList.contains('inconsistent')).toBe(true);
    expect(inconsistent!.classList.contains('from-xbrl')).toBe(false);
    expect(row(container, 'revenue').querySelector('td')!.className.trim()).toBe('num');
  });

  it('names a subtotal printed without a label', () => {
    const unlabelled = { ...statement, rows: [{ ...statement.rows[2]!, label: '', concept: null }] };
    const { container } = render(<StatementTable statement={unlabelled} onOpenSource={() => {}} />);
    expect(container.querySelector('tbody th .row-label')!.textContent).toBe('Subtotal');
  });
});
