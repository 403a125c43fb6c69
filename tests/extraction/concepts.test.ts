import { describe, expect, it } from 'vitest';
import { listConcepts, matchConcept } from '../../src/extraction/index.js';
import { mapConcepts } from '../../src/extraction/concepts/map-concepts.js';

describe('concept mapping', () => {
  it.each([
    ['INCOME_STATEMENT', 'Revenue', 'revenue'],
    ['INCOME_STATEMENT', 'Nettoomsättning', 'revenue'],
    ['INCOME_STATEMENT', 'Umsatzerlöse', 'revenue'],
    ['INCOME_STATEMENT', "Chiffre d'affaires", 'revenue'],
    ['INCOME_STATEMENT', 'Netto-omzet', 'revenue'],
    ['INCOME_STATEMENT', '(Loss)/profit before tax', 'profit_before_tax'],
    ['INCOME_STATEMENT', 'Resultat före skatt', 'profit_before_tax'],
    ['INCOME_STATEMENT', 'Provision for (benefit from) income taxes', 'income_tax'],
    ['INCOME_STATEMENT', 'Net loss per share, basic and diluted', 'eps_basic'],
    ['INCOME_STATEMENT', 'Diluted (loss)/earnings per share', 'eps_diluted'],
    ['INCOME_STATEMENT', 'Ergebnis je Aktie (verwässert)', 'eps_diluted'],
    ['INCOME_STATEMENT', 'Ergebnis je Aktie (unverwässert)', 'eps_basic'],
    ['INCOME_STATEMENT', 'Konzernjahresüberschuss', 'net_income'],
    ['INCOME_STATEMENT', 'Weighted-average number of shares outstanding used to compute net loss per share, basic and diluted', 'weighted_average_shares'],
    ['INCOME_STATEMENT', 'Résultat net', 'net_income'],
    ['BALANCE_SHEET', 'Total liabilities, redeemable convertible preferred stock and stockholders’ equity', 'total_liabilities_and_equity'],
    ['BALANCE_SHEET', 'Summa eget kapital och skulder', 'total_liabilities_and_equity'],
    ['BALANCE_SHEET', 'Bilanzsumme', 'total_assets'],
    ['BALANCE_SHEET', 'Total Noncurrent Assets', 'total_non_current_assets'],
    ['BALANCE_SHEET', 'Totaal eigen vermogen', 'total_equity'],
    ['BALANCE_SHEET', 'Trésorerie et équivalents de trésorerie', 'cash_and_equivalents'],
    ['CASH_FLOW_STATEMENT', 'Net cash provided by/(used in) financing activities', 'net_cash_from_financing'],
    ['CASH_FLOW_STATEMENT', 'Kassaflöde från den löpande verksamheten', 'net_cash_from_operating'],
    ['CASH_FLOW_STATEMENT', 'Cashflow aus betrieblicher Tätigkeit', 'net_cash_from_operating'],
    ['CASH_FLOW_STATEMENT', "Flux de trésorerie liés aux opérations d'investissement", 'net_cash_from_investing'],
    ['CASH_FLOW_STATEMENT', 'Kasstroom uit financieringsactiviteiten', 'net_cash_from_financing'],
    ['CASH_FLOW_STATEMENT', 'Net increase (decrease) in cash, cash equivalents and restricted cash', 'net_change_in_cash'],
    ['CASH_FLOW_STATEMENT', 'Beginning of period', 'cash_at_beginning'],
    ['CASH_FLOW_STATEMENT', 'Likvida medel vid årets slut', 'cash_at_end'],
    ['CASH_FLOW_STATEMENT', 'Purchases and construction of property, plant and equipment', 'capex'],
  ] as const)('%s: "%s" -> %s', (type, label, concept) => {
    expect(matchConcept(type, label)).toBe(concept);
  });

  it('falls back to a fuzzy match for a misspelt label', () => {
    expect(matchConcept('BALANCE_SHEET', 'Total curent assets')).toBe('total_current_assets');
  });

  it('never gives one concept to two lines of a statement (the first keeps it)', () => {
    const concepts = mapConcepts('INCOME_STATEMENT', [
      { label: 'Cost of revenue', heading: null },
      { label: 'Net loss', heading: null },
      { label: 'Cost of revenue', heading: null },
    ]);
    expect(concepts).toEqual(['cost_of_sales', 'net_income', null]);
  });

  it('lists the taxonomy with a statement type and description for every key', () => {
    const concepts = listConcepts();
    for (const key of ['revenue', 'cost_of_sales', 'gross_profit', 'operating_profit', 'profit_before_tax', 'income_tax', 'net_income', 'eps_basic', 'eps_diluted']) {
      expect(concepts.find((c) => c.key === key)?.statementType).toBe('INCOME_STATEMENT');
    }
    for (const key of ['total_assets', 'total_current_assets', 'cash_and_equivalents', 'total_liabilities', 'total_equity', 'total_liabilities_and_equity', 'goodwill', 'inventories']) {
      expect(concepts.find((c) => c.key === key)?.statementType).toBe('BALANCE_SHEET');
    }
    for (const key of ['net_cash_from_operating', 'net_cash_from_investing', 'net_cash_from_financing', 'net_change_in_cash', 'cash_at_beginning', 'cash_at_end', 'capex', 'dividends_paid']) {
      expect(concepts.find((c) => c.key === key)?.statementType).toBe('CASH_FLOW_STATEMENT');
    }
    expect(concepts.every((c) => c.description.length > 3)).toBe(true);
  });
});
