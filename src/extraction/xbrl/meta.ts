// The filing's identity from its facts and contexts: entity name, LEI and CIK, document type, period end,
// fiscal year and currency. Cover-page (dei:) facts win where the filer tagged them.
import { calendarFor, fiscalYearOf, parseYearEnd } from './fiscal-calendar.js';
import type { XbrlContext, XbrlFact, XbrlMeta, XbrlReport, XbrlUnit } from './types.js';

const LEI_SCHEME = 'http://standards.iso.org/iso/17442';
const CIK_SCHEME = 'http://www.sec.gov/CIK';
const ENTITY_NAME = /^(EntityRegistrantName|NameOfReportingEntityOrDescriptionOfNatureOfChangesFromEndOfPrecedingReportingPeriod|EntityCurrentLegalOrRegisteredName|EntityCurrentLegalName)$/;

export function reportMeta(format: XbrlReport['format'], facts: XbrlFact[], contexts: Map<string, XbrlContext>, units: Map<string, XbrlUnit>): XbrlMeta {
  const text = (local: RegExp) => facts.find((f) => !f.numeric && local.test(f.concept.local) && f.value)?.value?.trim() ?? null;
  const documentTypeFact = facts.find((f) => !f.numeric && f.concept.local === 'DocumentType' && f.value);
  const identifiers = [...contexts.values()].map((c) => c.entity);
  const lei = identifiers.find((e) => e.scheme === LEI_SCHEME)?.identifier ?? text(/^(LegalEntityIdentifier|EntityLegalEntityIdentifier)$/);
  const cik = text(/^EntityCentralIndexKey$/) ?? identifiers.find((e) => e.scheme === CIK_SCHEME)?.identifier ?? null;
  const focus = Number(text(/^DocumentFiscalYearFocus$/) ?? NaN);
  const periodEnd = (documentTypeFact && contexts.get(documentTypeFact.contextRef)?.period.end) || currentPeriodEnd(facts, contexts);
  const fiscalYearEnd = text(/^CurrentFiscalYearEndDate$/);
  const calendar = calendarFor(parseYearEnd(fiscalYearEnd), periodEnd, Number.isInteger(focus) ? focus : null);
  return {
    entityName: text(ENTITY_NAME),
    lei: lei && /^[A-Z0-9]{20}$/.test(lei) ? lei : null,
    cik: cik && /^\d{1,10}$/.test(cik) ? cik : null,
    // ESEF and UK accounts are annual reports; SEC filings say their form.
    documentType: documentTypeFact?.value?.trim() ?? (format === 'XBRL_PACKAGE' || !cik ? 'annual' : null),
    periodEnd,
    fiscalYear: Number.isInteger(focus) ? focus : periodEnd ? fiscalYearOf(periodEnd, calendar) : null,
    fiscalYearEnd: parseYearEnd(fiscalYearEnd) ? fiscalYearEnd : null,
    currency: mainCurrency(facts, units),
  };
}

/** Without a cover page: the latest date that carries a real share of the dimensionless figures. */
function currentPeriodEnd(facts: XbrlFact[], contexts: Map<string, XbrlContext>): string | null {
  const counts = new Map<string, number>();
  for (const f of facts) {
    const c = contexts.get(f.contextRef);
    if (!f.numeric || !c?.period.end || c.dimensions.length) continue;
    counts.set(c.period.end, (counts.get(c.period.end) ?? 0) + 1);
  }
  const most = Math.max(0, ...counts.values());
  const dates = [...counts].filter(([, n]) => n >= most * 0.2).map(([d]) => d).sort();
  return dates.at(-1) ?? null;
}

export function currencyOf(unit: XbrlUnit | undefined): string | null {
  if (!unit || unit.numerator.length !== 1) return null;
  const m = /^iso4217:([A-Z]{3})$/.exec(unit.numerator[0]);
  return m ? m[1] : null;
}

function mainCurrency(facts: XbrlFact[], units: Map<string, XbrlUnit>): string | null {
  const counts = new Map<string, number>();
  for (const f of facts) {
    const u = f.unitRef ? units.get(f.unitRef) : undefined;
    const code = u && u.denominator.length === 0 ? currencyOf(u) : null;
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
