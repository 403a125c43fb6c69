// Labels and concepts: the main lines of all three statements in seven languages, bank and insurer lines,
// unlabelled totals named by what they add up to, repeated labels, and the same on real reports.
import { describe, expect, it } from 'vitest';
import { extractStatements, matchConcept, type ExtractedStatement, type StatementType } from '../../src/extraction/index.js';
import { assignConcepts } from '../../src/extraction/concepts/assign-concepts.js';
import { devSetPresent, devStatement } from './helpers/dev-pages.js';
import { makePdf, row, statementTexts, type StatementSpec } from './helpers/make-pdf.js';

const IS = 'INCOME_STATEMENT';
const BS = 'BALANCE_SHEET';
const CF = 'CASH_FLOW_STATEMENT';

// [concept, English, German, French, Dutch, Swedish, Spanish, Italian]
const MAIN_LINES: [StatementType, string, ...string[]][] = [
  [IS, 'revenue', 'Revenue', 'Umsatzerlöse', "Chiffre d'affaires", 'Netto-omzet', 'Nettoomsättning', 'Importe neto de la cifra de negocios', 'Ricavi'],
  [IS, 'cost_of_sales', 'Cost of sales', 'Umsatzkosten', 'Coût des ventes', 'Kostprijs van de omzet', 'Kostnad för sålda varor', 'Coste de las ventas', 'Costo del venduto'],
  [IS, 'gross_profit', 'Gross profit', 'Bruttoergebnis vom Umsatz', 'Marge brute', 'Brutowinst', 'Bruttoresultat', 'Margen bruto', 'Margine lordo'],
  [IS, 'operating_profit', 'Operating profit', 'Betriebsergebnis', "Résultat d'exploitation", 'Bedrijfsresultaat', 'Rörelseresultat', 'Resultado de explotación', 'Risultato operativo'],
  [IS, 'finance_income', 'Finance income', 'Finanzerträge', 'Produits financiers', 'Financiële baten', 'Finansiella intäkter', 'Ingresos financieros', 'Proventi finanziari'],
  [IS, 'finance_costs', 'Finance costs', 'Finanzaufwendungen', 'Charges financières', 'Financiële lasten', 'Finansiella kostnader', 'Gastos financieros', 'Oneri finanziari'],
  [IS, 'profit_before_tax', 'Profit before tax', 'Ergebnis vor Steuern', 'Résultat avant impôt', 'Resultaat voor belastingen', 'Resultat före skatt', 'Resultado antes de impuestos', 'Risultato prima delle imposte'],
  [IS, 'income_tax', 'Income tax expense', 'Ertragsteuern', 'Impôt sur le résultat', 'Belastingen', 'Inkomstskatt', 'Impuesto sobre beneficios', 'Imposte sul reddito'],
  [IS, 'net_income', 'Profit for the year', 'Konzernergebnis', 'Résultat net', 'Nettowinst', 'Årets resultat', 'Resultado del ejercicio', "Utile (perdita) dell'esercizio"],
  [IS, 'eps_basic', 'Basic earnings per share', 'Ergebnis je Aktie (unverwässert)', 'Résultat net par action', 'Winst per aandeel', 'Resultat per aktie före utspädning', 'Beneficio básico por acción', 'Utile base per azione'],
  [BS, 'total_assets', 'Total assets', 'Summe Aktiva', "Total de l'actif", 'Totaal activa', 'Summa tillgångar', 'Total activo', "Totale dell'attivo"],
  [BS, 'total_equity', 'Total equity', 'Eigenkapital', 'Total des capitaux propres', 'Totaal eigen vermogen', 'Summa eget kapital', 'Patrimonio neto', 'Totale patrimonio netto'],
  [BS, 'total_liabilities', 'Total liabilities', 'Summe Schulden', 'Total des passifs', 'Totaal schulden', 'Summa skulder', 'Total pasivo', 'Totale passività'],
  [BS, 'total_current_assets', 'Total current assets', 'Kurzfristige Vermögenswerte', 'Total des actifs courants', 'Totaal vlottende activa', 'Summa omsättningstillgångar', 'Total activo corriente', 'Totale attività correnti'],
  [BS, 'total_non_current_liabilities', 'Total non-current liabilities', 'Langfristige Schulden', 'Total des passifs non courants', 'Langlopende schulden', 'Summa långfristiga skulder', 'Total pasivo no corriente', 'Totale passività non correnti'],
  [CF, 'net_cash_from_operating', 'Net cash from operating activities', 'Cashflow aus der Geschäftstätigkeit', "Flux de trésorerie liés à l'activité", 'Kasstroom uit operationele activiteiten', 'Kassaflöde från den löpande verksamheten', 'Flujos de efectivo de las actividades de explotación', 'Flusso di cassa generato dalla gestione operativa'],
  [CF, 'net_cash_from_investing', 'Net cash used in investing activities', 'Cashflow aus der Investitionstätigkeit', "Flux de trésorerie liés aux opérations d'investissement", 'Kasstroom uit investeringsactiviteiten', 'Kassaflöde från investeringsverksamheten', 'Flujos de efectivo de las actividades de inversión', "Flusso di cassa dall'attività di investimento"],
  [CF, 'net_cash_from_financing', 'Net cash from financing activities', 'Cashflow aus der Finanzierungstätigkeit', 'Flux de trésorerie liés aux opérations de financement', 'Kasstroom uit financieringsactiviteiten', 'Kassaflöde från finansieringsverksamheten', 'Flujos de efectivo de las actividades de financiación', "Flusso di cassa dall'attività di finanziamento"],
  [CF, 'net_change_in_cash', 'Net increase in cash and cash equivalents', 'Veränderung der Zahlungsmittel', 'Variation de la trésorerie', 'Mutatie liquide middelen', 'Periodens kassaflöde', 'Aumento neto del efectivo', 'Variazione delle disponibilità liquide'],
  [CF, 'cash_at_beginning', 'Cash at beginning of year', 'Finanzmittelfonds am Anfang der Periode', "Trésorerie à l'ouverture", 'Liquide middelen aan het begin van het jaar', 'Likvida medel vid årets början', 'Efectivo al comienzo del ejercicio', "Disponibilità liquide all'inizio dell'esercizio"],
  [CF, 'cash_at_end', 'Cash at end of year', 'Finanzmittelfonds am Ende der Periode', 'Trésorerie à la clôture', 'Liquide middelen aan het einde van het jaar', 'Likvida medel vid årets slut', 'Efectivo al final del ejercicio', "Disponibilità liquide alla fine dell'esercizio"],
];

describe('labels of the main lines in seven languages', () => {
  it.each(MAIN_LINES.flatMap(([type, concept, ...labels]) => labels.map((label) => [type, label, concept] as const)))(
    '%s: "%s" -> %s',
    (type, label, concept) => {
      expect(matchConcept(type, label)).toBe(concept);
    },
  );

  it.each([
    ['Interest and similar income', 'interest_income'],
    ['Net interest income', 'net_interest_income'],
    ['Zinsüberschuss', 'net_interest_income'],
    ['Fee and commission income', 'fee_commission_income'],
    ['Fee and commission expense', 'fee_commission_expense'],
    ['Net fee and commission income', 'net_fee_commission_income'],
    ['Provision for credit losses', 'credit_loss_provisions'],
    ['Risikovorsorge im Kreditgeschäft', 'credit_loss_provisions'],
    ['Coût du risque', 'credit_loss_provisions'],
    ['Net premiums earned', 'premiums'],
    ['Insurance revenue', 'premiums'],
    ['Claims incurred', 'claims'],
    ['Insurance service expenses', 'claims'],
    ['Total operating income', 'total_operating_income'],
  ] as const)('bank and insurer line "%s" -> %s', (label, concept) => {
    expect(matchConcept(IS, label)).toBe(concept);
  });

  it('reads numbering and glosses off labels', () => {
    expect(matchConcept(IS, '3.1 Omzet')).toBe('revenue');
    expect(matchConcept(IS, 'Income/(loss) before tax')).toBe('profit_before_tax');
    expect(matchConcept(IS, 'Finance (costs)/income - net')).toBe('net_finance_costs');
    expect(matchConcept(BS, '2.1 Eigen vermogen')).toBe('total_equity');
  });
});

describe('concept assignment within a statement', () => {
  const r = (label: string, ...values: (string | undefined)[]) => ({ label, hasFigures: values.length > 0, values });

  it('names unlabelled totals by the lines they add up to and the heading over those lines', () => {
    const keys = assignConcepts(BS, [
      r('Assets'),
      r('Non-current assets'),
      r('Property, plant and equipment', '100', '90'),
      r('Financial assets'),
      r('Investments', '5', '5'),
      r('Other financial assets', '20', '30'),
      r('', '125', '125'),
      r('Current assets'),
      r('Inventories', '40', '35'),
      r('Cash', '10', '15'),
      r('', '50', '50'),
      r('Total assets', '175', '175'),
    ]);
    expect(keys[6]).toBe('total_non_current_assets');
    expect(keys[10]).toBe('total_current_assets');
  });

  it('keeps Basic/Diluted apart for earnings per share and for share counts', () => {
    const keys = assignConcepts(IS, [
      r('Net income', '9243', '680'),
      r('Net income per share:'),
      r('Basic', '3.75', '0.27'),
      r('Diluted', '3.71', '0.27'),
      r('Weighted average shares used in per share computation:'),
      r('Basic', '2465', '2483'),
      r('Diluted', '2494', '2499'),
    ]);
    expect(keys.slice(2, 4)).toEqual(['eps_basic', 'eps_diluted']);
    expect(keys[5]).toBe('weighted_average_shares');
  });

  it('gives a section heading\'s total to no line under it, and dated cash lines to opening and closing cash', () => {
    const keys = assignConcepts(CF, [
      r('Cash flows from operating activities'),
      r('Profit for the year', '80', '70'),
      r('Depreciation', '20', '18'),
      r('Net cash from operating activities', '100', '88'),
      r('Net increase in cash', '100', '88'),
      r('Cash and cash equivalents at 1 January', '50', '12'),
      r('Cash and cash equivalents at 31 December', '150', '100'),
    ]);
    expect(keys[1]).toBe('net_income');
    expect(keys[3]).toBe('net_cash_from_operating');
    expect(keys.slice(5)).toEqual(['cash_at_beginning', 'cash_at_end']);
  });
});

const statementOf = async (spec: StatementSpec, type: StatementType): Promise<ExtractedStatement> => {
  const out = await extractStatements(await makePdf([{ texts: statementTexts(spec) }]));
  const s = out.statements.find((x) => x.type === type);
  expect(s, `${type} located`).toBeDefined();
  return s!;
};
const conceptOf = (s: ExtractedStatement, label: string) => s.lineItems.find((l) => l.label === label)?.concept;

describe('labels on generated statements', () => {
  it('reads a bank income statement (no revenue, no cost of sales)', async () => {
    const s = await statementOf(
      {
        title: 'Consolidated income statement',
        subtitles: ['(in millions of euros)'],
        columnsX: [450, 530],
        headers: [['2024', '2023']],
        rows: [
          row('Interest and similar income', '12,400', '10,100'),
          row('Interest and similar expense', '(7,100)', '(5,600)'),
          row('Net interest income', '5,300', '4,500'),
          row('Fee and commission income', '2,100', '1,900'),
          row('Fee and commission expense', '(400)', '(380)'),
          row('Net fee and commission income', '1,700', '1,520'),
          row('Total operating income', '7,000', '6,020'),
          row('Provision for credit losses', '(600)', '(450)'),
          row('Operating expenses', '(3,900)', '(3,700)'),
          row('Profit before tax', '2,500', '1,870'),
          row('Income tax expense', '(600)', '(450)'),
          row('Profit for the year', '1,900', '1,420'),
        ],
      },
      IS,
    );
    expect(conceptOf(s, 'Net interest income')).toBe('net_interest_income');
    expect(conceptOf(s, 'Net fee and commission income')).toBe('net_fee_commission_income');
    expect(conceptOf(s, 'Provision for credit losses')).toBe('credit_loss_provisions');
    expect(conceptOf(s, 'Profit for the year')).toBe('net_income');
  });

  it('reads an Italian balance sheet with an unlabelled total', async () => {
    const s = await statementOf(
      {
        title: 'Situazione patrimoniale-finanziaria consolidata',
        subtitles: ['(in migliaia di euro)'],
        columnsX: [450, 530],
        headers: [['31.12.2023', '31.12.2022']],
        rows: [
          row('Attività non correnti', '', ''),
          row('Immobili, impianti e macchinari', '1.200', '1.100'),
          row('Avviamento', '300', '300'),
          row('', '1.500', '1.400'),
          row('Attività correnti', '', ''),
          row('Rimanenze', '400', '380'),
          row('Disponibilità liquide', '100', '120'),
          row('Totale attività correnti', '500', '500'),
          row("Totale dell'attivo", '2.000', '1.900'),
          row('Totale patrimonio netto', '900', '850'),
          row('Totale passività', '1.100', '1.050'),
        ],
      },
      BS,
    );
    expect([s.unit, s.currency]).toEqual(['thousands', 'EUR']);
    expect(s.lineItems.find((l) => l.label === '')).toMatchObject({ concept: 'total_non_current_assets', values: ['1500', '1400'] });
    expect(conceptOf(s, 'Disponibilità liquide')).toBe('cash_and_equivalents');
    expect(conceptOf(s, "Totale dell'attivo")).toBe('total_assets');
    expect(s.columns.map((c) => c.periodEnd)).toEqual(['2023-12-31', '2022-12-31']);
  });
});

describe.skipIf(!devSetPresent)('labels on real reports', () => {
  it('VRL Logistics: five unlabelled balance-sheet totals named by what they add up to', async () => {
    const s = await devStatement('vrllogistics_fy2024.pdf', [158], BS);
    const unlabelled = s.lineItems.filter((l) => l.label === '').map((l) => l.concept);
    expect(unlabelled).toEqual(['total_non_current_assets', 'total_current_assets', 'total_equity', 'total_non_current_liabilities', 'total_current_liabilities']);
  });

  it('Universiteit Twente and Mercedes-Benz: Dutch and German main lines', async () => {
    const twente = await devStatement('univtwente_2014_nl.pdf', [139], BS);
    expect(twente.lineItems.find((l) => l.concept === 'total_equity')?.values).toEqual(['148.9', '149.8']);
    const mercedes = await devStatement('mercedesbenz_2023_de.pdf', [199], CF);
    expect(mercedes.lineItems.filter((l) => l.concept?.startsWith('net_cash_from')).map((l) => [l.concept, l.values])).toEqual([
      ['net_cash_from_operating', ['14470', '16894']],
      ['net_cash_from_investing', ['-7315', '-3453']],
    ]);
    expect(matchConcept(CF, 'Zahlungsmittel und Zahlungsmitteläquivalente zum Jahresende')).toBe('cash_at_end');
  });

  it('Spotify and NVIDIA: repeated Basic/Diluted, dated closing cash', async () => {
    const spotify = await devStatement('spotify_2024q3_6k.pdf', [9], CF);
    expect(spotify.lineItems.find((l) => l.concept === 'cash_at_end')?.values).toEqual(['4688', '2615']);
    const nvidia = await devStatement('nvidia_fy24q3_10q.pdf', [3], IS);
    expect(nvidia.lineItems.filter((l) => l.label === 'Basic').map((l) => l.concept)).toEqual(['eps_basic', 'weighted_average_shares']);
  });
});
