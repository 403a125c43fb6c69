// How reports in other languages print a statement: titles, unit lines, period headers and the common line
// labels (by canonical concept; a line without one keeps its English label, as mixed-language reports do).
import type { StatementType } from '../../../src/extraction/index.js';

export type Language = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'sv' | 'ja-en';

export interface LanguageStyle {
  titles: Record<StatementType, string>;
  /** the unit line for a scale word ('millions' / 'thousands' / 'units') and currency code */
  unitLine: (scale: Scale, currency: string) => string;
  /** a balance-sheet date */
  instant: (end: Date) => string;
  /** a flow period of `months` ending on `end` */
  duration: (end: Date, months: number) => string;
  labels: Record<string, string>;
}

export type Scale = 'units' | 'thousands' | 'millions';

const MONTHS: Record<string, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
};

const d = (date: Date) => date.getUTCDate();
const m = (date: Date) => date.getUTCMonth();
const y = (date: Date) => date.getUTCFullYear();
const pad = (n: number) => String(n).padStart(2, '0');
/** The first day of a period of `months` ending on `end` (end day + 1, `months` back). */
export function periodStart(end: Date, months: number): Date {
  const next = new Date(Date.UTC(y(end), m(end), d(end) + 1));
  return new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() - months, next.getUTCDate()));
}
const enDate = (e: Date) => `${MONTHS.en[m(e)]} ${d(e)}, ${y(e)}`;
const ukDate = (e: Date) => `${d(e)} ${MONTHS.en[m(e)]} ${y(e)}`;
const monthsWord: Record<string, Record<number, string>> = {
  en: { 3: 'Three months', 6: 'Six months', 9: 'Nine months', 12: 'Year' },
  fr: { 3: 'Trois mois', 6: 'Six mois', 9: 'Neuf mois', 12: 'Exercice' },
  es: { 3: 'Tres meses', 6: 'Seis meses', 9: 'Nueve meses', 12: 'Ejercicio' },
  it: { 3: 'Tre mesi', 6: 'Sei mesi', 9: 'Nove mesi', 12: 'Esercizio' },
  nl: { 3: 'Drie maanden', 6: 'Zes maanden', 9: 'Negen maanden', 12: 'Boekjaar' },
};
const word = (lang: string, months: number) => monthsWord[lang][months] ?? `${months} months`;

const SCALE_WORDS: Record<Language, Record<Scale, string>> = {
  en: { units: '', thousands: 'thousands of ', millions: 'millions of ' },
  'ja-en': { units: '', thousands: 'Thousands of ', millions: 'Millions of ' },
  de: { units: '', thousands: 'Tsd. ', millions: 'Mio. ' },
  fr: { units: '', thousands: 'milliers de ', millions: 'millions de ' },
  es: { units: '', thousands: 'miles de ', millions: 'millones de ' },
  it: { units: '', thousands: 'migliaia di ', millions: 'milioni di ' },
  nl: { units: '', thousands: 'duizenden ', millions: 'miljoenen ' },
  sv: { units: '', thousands: 'T', millions: 'M' },
};

export const LANGUAGES: Record<Language, LanguageStyle> = {
  en: {
    titles: { INCOME_STATEMENT: 'Consolidated Statement of Income', BALANCE_SHEET: 'Consolidated Balance Sheet', CASH_FLOW_STATEMENT: 'Consolidated Statement of Cash Flows' },
    unitLine: (s, c) => `(in ${SCALE_WORDS.en[s]}${c}, except per share amounts)`,
    instant: enDate,
    duration: (e, n) => (n === 12 ? `Year ended ${enDate(e)}` : `${word('en', n)} ended ${enDate(e)}`),
    labels: {},
  },
  'ja-en': {
    titles: { INCOME_STATEMENT: 'Consolidated Statements of Income', BALANCE_SHEET: 'Consolidated Balance Sheets', CASH_FLOW_STATEMENT: 'Consolidated Statements of Cash Flows' },
    unitLine: (s, c) => `(${SCALE_WORDS['ja-en'][s]}${c === 'USD' ? 'U.S. dollars' : c})`,
    instant: (e) => `As of ${enDate(e)}`,
    duration: (e, n) => `From ${enDate(periodStart(e, n))} to ${enDate(e)}`,
    labels: { revenue: 'Net sales', cost_of_sales: 'Cost of sales', gross_profit: 'Gross profit', operating_profit: 'Operating profit', profit_before_tax: 'Profit before income taxes', income_tax: 'Total income taxes', net_income: 'Profit', total_assets: 'Total assets', total_liabilities_and_equity: 'Total liabilities and net assets', total_equity: 'Total net assets' },
  },
  de: {
    titles: { INCOME_STATEMENT: 'Konzern-Gewinn- und Verlustrechnung', BALANCE_SHEET: 'Konzernbilanz', CASH_FLOW_STATEMENT: 'Konzern-Kapitalflussrechnung' },
    unitLine: (s, c) => `in ${SCALE_WORDS.de[s]}${c}`,
    instant: (e) => `${pad(d(e))}.${pad(m(e) + 1)}.${y(e)}`,
    duration: (e, n) => { const s = periodStart(e, n); return `${d(s)}.${m(s) + 1}.–${d(e)}.${m(e) + 1}.${y(e)}`; },
    labels: {
      revenue: 'Umsatzerlöse', cost_of_sales: 'Umsatzkosten', gross_profit: 'Bruttoergebnis vom Umsatz', research_development: 'Forschungs- und Entwicklungskosten', selling_general_admin: 'Vertriebs- und allgemeine Verwaltungskosten', selling_marketing: 'Vertriebskosten', general_admin: 'Allgemeine Verwaltungskosten', total_operating_expenses: 'Summe der betrieblichen Aufwendungen', operating_profit: 'Betriebsergebnis', finance_income: 'Finanzerträge', interest_expense: 'Zinsaufwendungen', finance_costs: 'Finanzaufwendungen', other_income: 'Sonstige betriebliche Erträge', profit_before_tax: 'Ergebnis vor Ertragsteuern', income_tax: 'Ertragsteuern', net_income: 'Konzernergebnis', eps_basic: 'Ergebnis je Aktie (unverwässert)', eps_diluted: 'Ergebnis je Aktie (verwässert)', weighted_average_shares: 'Durchschnittliche Anzahl ausgegebener Aktien',
      cash_and_equivalents: 'Zahlungsmittel und Zahlungsmitteläquivalente', trade_receivables: 'Forderungen aus Lieferungen und Leistungen', inventories: 'Vorräte', total_current_assets: 'Summe kurzfristige Vermögenswerte', property_plant_equipment: 'Sachanlagen', intangible_assets: 'Immaterielle Vermögenswerte', goodwill: 'Geschäfts- oder Firmenwert', deferred_tax_assets: 'Latente Steueransprüche', total_non_current_assets: 'Summe langfristige Vermögenswerte', total_assets: 'Summe Aktiva', trade_payables: 'Verbindlichkeiten aus Lieferungen und Leistungen', total_current_liabilities: 'Summe kurzfristige Schulden', total_non_current_liabilities: 'Summe langfristige Schulden', total_liabilities: 'Summe Schulden', share_capital: 'Gezeichnetes Kapital', share_premium: 'Kapitalrücklage', retained_earnings: 'Gewinnrücklagen', total_equity: 'Summe Eigenkapital', non_controlling_interests: 'Nicht beherrschende Anteile', total_liabilities_and_equity: 'Summe Passiva',
      depreciation_amortisation: 'Abschreibungen', share_based_compensation: 'Aufwand aus aktienbasierter Vergütung', net_cash_from_operating: 'Cashflow aus betrieblicher Tätigkeit', capex: 'Investitionen in Sachanlagen', net_cash_from_investing: 'Cashflow aus Investitionstätigkeit', dividends_paid: 'Gezahlte Dividenden', net_cash_from_financing: 'Cashflow aus Finanzierungstätigkeit', effect_of_exchange_rates: 'Wechselkursbedingte Veränderungen der Zahlungsmittel', net_change_in_cash: 'Veränderung der Zahlungsmittel', cash_at_beginning: 'Zahlungsmittel am Anfang der Periode', cash_at_end: 'Zahlungsmittel am Ende der Periode',
    },
  },
  fr: {
    titles: { INCOME_STATEMENT: 'Compte de résultat consolidé', BALANCE_SHEET: 'Bilan consolidé', CASH_FLOW_STATEMENT: 'Tableau des flux de trésorerie consolidés' },
    unitLine: (s, c) => `(en ${SCALE_WORDS.fr[s]}${c})`,
    instant: (e) => `${d(e) === 1 ? '1er' : d(e)} ${MONTHS.fr[m(e)]} ${y(e)}`,
    duration: (e, n) => `${word('fr', n)} clos le ${d(e)} ${MONTHS.fr[m(e)]} ${y(e)}`,
    labels: {
      revenue: "Chiffre d'affaires", cost_of_sales: 'Coût des ventes', gross_profit: 'Marge brute', research_development: 'Frais de recherche et développement', selling_general_admin: 'Frais commerciaux, généraux et administratifs', operating_profit: 'Résultat opérationnel', finance_income: 'Produits financiers', interest_expense: "Charges d'intérêts", profit_before_tax: 'Résultat avant impôts', income_tax: 'Impôts sur le résultat', net_income: 'Résultat net', eps_basic: 'Résultat net par action', eps_diluted: 'Résultat net dilué par action',
      cash_and_equivalents: 'Trésorerie et équivalents de trésorerie', trade_receivables: 'Créances clients', inventories: 'Stocks', total_current_assets: 'Total des actifs courants', property_plant_equipment: 'Immobilisations corporelles', goodwill: "Écarts d'acquisition", total_assets: "Total de l'actif", trade_payables: 'Dettes fournisseurs', total_current_liabilities: 'Total des passifs courants', total_liabilities: 'Total des passifs', share_capital: 'Capital social', retained_earnings: 'Réserves consolidées', total_equity: 'Total des capitaux propres', total_liabilities_and_equity: 'Total du passif',
      depreciation_amortisation: 'Dotations aux amortissements', net_cash_from_operating: 'Flux de trésorerie liés aux activités opérationnelles', capex: "Acquisitions d'immobilisations corporelles", net_cash_from_investing: "Flux de trésorerie liés aux activités d'investissement", dividends_paid: 'Dividendes versés', net_cash_from_financing: 'Flux de trésorerie liés aux activités de financement', net_change_in_cash: 'Variation de la trésorerie', cash_at_beginning: "Trésorerie à l'ouverture", cash_at_end: 'Trésorerie à la clôture',
    },
  },
  es: {
    titles: { INCOME_STATEMENT: 'Cuenta de resultados consolidada', BALANCE_SHEET: 'Estado de situación financiera consolidado', CASH_FLOW_STATEMENT: 'Estado de flujos de efectivo consolidado' },
    unitLine: (s, c) => `(en ${SCALE_WORDS.es[s]}${c})`,
    instant: (e) => `${d(e)} de ${MONTHS.es[m(e)]} de ${y(e)}`,
    duration: (e, n) => `${word('es', n)} terminado el ${d(e)} de ${MONTHS.es[m(e)]} de ${y(e)}`,
    labels: {
      revenue: 'Importe neto de la cifra de negocios', cost_of_sales: 'Coste de las ventas', gross_profit: 'Margen bruto', operating_profit: 'Resultado de explotación', finance_income: 'Ingresos financieros', interest_expense: 'Gastos por intereses', profit_before_tax: 'Resultado antes de impuestos', income_tax: 'Impuesto sobre beneficios', net_income: 'Resultado del ejercicio', eps_basic: 'Beneficio básico por acción', eps_diluted: 'Beneficio diluido por acción',
      cash_and_equivalents: 'Efectivo y otros activos líquidos equivalentes', inventories: 'Existencias', total_current_assets: 'Total activo corriente', property_plant_equipment: 'Inmovilizado material', total_assets: 'Total activo', total_current_liabilities: 'Total pasivo corriente', total_liabilities: 'Total pasivo', share_capital: 'Capital social', total_equity: 'Total patrimonio neto', total_liabilities_and_equity: 'Total patrimonio neto y pasivo',
      depreciation_amortisation: 'Amortización del inmovilizado', net_cash_from_operating: 'Flujos de efectivo de las actividades de explotación', net_cash_from_investing: 'Flujos de efectivo de las actividades de inversión', dividends_paid: 'Dividendos pagados', net_cash_from_financing: 'Flujos de efectivo de las actividades de financiación', net_change_in_cash: 'Aumento neto del efectivo', cash_at_beginning: 'Efectivo al comienzo del ejercicio', cash_at_end: 'Efectivo al final del ejercicio',
    },
  },
  it: {
    titles: { INCOME_STATEMENT: 'Conto economico consolidato', BALANCE_SHEET: 'Situazione patrimoniale-finanziaria consolidata', CASH_FLOW_STATEMENT: 'Rendiconto finanziario consolidato' },
    unitLine: (s, c) => `(in ${SCALE_WORDS.it[s]}${c})`,
    instant: (e) => `${d(e)} ${MONTHS.it[m(e)]} ${y(e)}`,
    duration: (e, n) => `${word('it', n)} chiuso al ${d(e)} ${MONTHS.it[m(e)]} ${y(e)}`,
    labels: {
      revenue: 'Ricavi', cost_of_sales: 'Costo del venduto', gross_profit: 'Margine lordo', operating_profit: 'Risultato operativo', finance_income: 'Proventi finanziari', interest_expense: 'Interessi passivi', profit_before_tax: 'Risultato prima delle imposte', income_tax: 'Imposte sul reddito', net_income: 'Utile netto', eps_basic: 'Utile base per azione', eps_diluted: 'Utile diluito per azione',
      cash_and_equivalents: 'Disponibilità liquide e mezzi equivalenti', inventories: 'Rimanenze', total_current_assets: 'Totale attività correnti', property_plant_equipment: 'Immobili, impianti e macchinari', total_assets: 'Totale attività', total_current_liabilities: 'Totale passività correnti', total_liabilities: 'Totale passività', share_capital: 'Capitale sociale', total_equity: 'Totale patrimonio netto', total_liabilities_and_equity: 'Totale patrimonio netto e passività',
      depreciation_amortisation: 'Ammortamenti', net_cash_from_operating: 'Flusso di cassa netto generato dalla gestione operativa', net_cash_from_investing: 'Flusso di cassa netto da attività di investimento', dividends_paid: 'Dividendi pagati', net_cash_from_financing: 'Flusso di cassa netto da attività di finanziamento', net_change_in_cash: 'Variazione netta delle disponibilità liquide', cash_at_beginning: "Disponibilità liquide all'inizio dell'esercizio", cash_at_end: "Disponibilità liquide alla fine dell'esercizio",
    },
  },
  nl: {
    titles: { INCOME_STATEMENT: 'Geconsolideerde winst-en-verliesrekening', BALANCE_SHEET: 'Geconsolideerde balans', CASH_FLOW_STATEMENT: 'Geconsolideerd kasstroomoverzicht' },
    unitLine: (s, c) => `(bedragen in ${SCALE_WORDS.nl[s]}${c})`,
    instant: (e) => `${d(e)} ${MONTHS.nl[m(e)]} ${y(e)}`,
    duration: (e, n) => `${word('nl', n)} eindigend op ${d(e)} ${MONTHS.nl[m(e)]} ${y(e)}`,
    labels: {
      revenue: 'Netto-omzet', cost_of_sales: 'Kostprijs van de omzet', gross_profit: 'Brutowinst', operating_profit: 'Bedrijfsresultaat', finance_income: 'Financiële baten', interest_expense: 'Rentelasten', profit_before_tax: 'Resultaat voor belastingen', income_tax: 'Belastingen', net_income: 'Nettoresultaat', eps_basic: 'Winst per aandeel', eps_diluted: 'Verwaterde winst per aandeel',
      cash_and_equivalents: 'Liquide middelen', inventories: 'Voorraden', total_current_assets: 'Totaal vlottende activa', property_plant_equipment: 'Materiële vaste activa', total_assets: 'Totaal activa', total_current_liabilities: 'Totaal kortlopende schulden', share_capital: 'Geplaatst kapitaal', total_equity: 'Totaal eigen vermogen', total_liabilities_and_equity: 'Totaal passiva',
      depreciation_amortisation: 'Afschrijvingen', net_cash_from_operating: 'Kasstroom uit operationele activiteiten', net_cash_from_investing: 'Kasstroom uit investeringsactiviteiten', net_cash_from_financing: 'Kasstroom uit financieringsactiviteiten', net_change_in_cash: 'Mutatie liquide middelen', cash_at_beginning: 'Liquide middelen aan het begin van het jaar', cash_at_end: 'Liquide middelen aan het einde van het jaar',
    },
  },
  sv: {
    titles: { INCOME_STATEMENT: 'Koncernens resultaträkning', BALANCE_SHEET: 'Koncernens balansräkning', CASH_FLOW_STATEMENT: 'Koncernens kassaflödesanalys' },
    unitLine: (s, c) => `${SCALE_WORDS.sv[s]}${c === 'SEK' ? 'SEK' : c}`,
    instant: (e) => `${y(e)}-${pad(m(e) + 1)}-${pad(d(e))}`,
    // Month ranges ("jan–jun 2025") where the period ends on a month's last day; else its dates.
    duration: (e, n) => {
      const s = periodStart(e, n);
      const monthEnd = new Date(Date.UTC(y(e), m(e), d(e) + 1)).getUTCDate() === 1;
      const iso = (x: Date) => `${y(x)}-${pad(m(x) + 1)}-${pad(d(x))}`;
      return monthEnd ? `${MONTHS.sv[m(s)]}–${MONTHS.sv[m(e)]} ${y(e)}` : `${iso(s)}–${iso(e)}`;
    },
    labels: {
      revenue: 'Nettoomsättning', cost_of_sales: 'Kostnad för sålda varor', gross_profit: 'Bruttoresultat', research_development: 'Forsknings- och utvecklingskostnader', operating_profit: 'Rörelseresultat', finance_income: 'Finansiella intäkter', finance_costs: 'Finansiella kostnader', profit_before_tax: 'Resultat före skatt', income_tax: 'Inkomstskatt', net_income: 'Periodens resultat', eps_basic: 'Resultat per aktie före utspädning', eps_diluted: 'Resultat per aktie efter utspädning',
      cash_and_equivalents: 'Likvida medel', inventories: 'Varulager', total_current_assets: 'Summa omsättningstillgångar', total_assets: 'Summa tillgångar', total_current_liabilities: 'Summa kortfristiga skulder', total_equity: 'Summa eget kapital', total_liabilities_and_equity: 'Summa eget kapital och skulder',
      depreciation_amortisation: 'Av- och nedskrivningar', net_cash_from_operating: 'Kassaflöde från den löpande verksamheten', net_cash_from_investing: 'Kassaflöde från investeringsverksamheten', net_cash_from_financing: 'Kassaflöde från finansieringsverksamheten', net_change_in_cash: 'Periodens kassaflöde', cash_at_beginning: 'Likvida medel vid periodens början', cash_at_end: 'Likvida medel vid periodens slut',
    },
  },
};

export { ukDate };
