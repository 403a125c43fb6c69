// Extraction.agreement's choice of the tagged statement: same company, fiscal year and kind, and among a year's
// several quarterly filings the one whose periods the PDF prints. Stored extractions, no files.
import { describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import type { ExtractedStatement } from '../../src/extraction/types.js';
import { agreementOf } from '../../src/services/agreement.js';
import { replaceExtractions } from '../../src/services/extractions.js';

const fact = (concept: string, contextRef: string) => ({ id: null, concept, contextRef, position: 1 });

function balanceSheet(periodEnd: string, assets: string, unit: 'units' | 'millions', tagged: boolean): ExtractedStatement {
  return {
    type: 'BALANCE_SHEET',
    title: 'Balance sheet',
    pages: [1],
    currency: 'USD',
    unit,
    scale: unit === 'units' ? 1 : 1e6,
    columns: [{ label: periodEnd, fiscalYear: 2025, periodEnd, periodMonths: null }],
    lineItems: [
      { label: 'Total assets', concept: 'total_assets', values: [assets], page: 1, level: 0, isTotal: true, perShare: false, ...(tagged ? { facts: [fact('us-gaap:Assets', periodEnd)] } : {}) },
    ],
    checks: [],
  };
}

async function documentWith(companyId: number, format: 'PDF' | 'IXBRL', provider: 'LAYOUT' | 'XBRL', statement: ExtractedStatement) {
  const doc = await prisma.document.create({
    data: { companyId, format, kind: 'INTERIM_REPORT', fiscalYear: 2025, storageKey: `k-${Math.random()}`, sha256: `${Math.random()}`, byteSize: 1 },
  });
  const [stored] = await replaceExtractions(doc.id, provider, [statement]);
  return stored!.id;
}

describe('agreementOf', () => {
  it("measures a quarter's PDF against that quarter's tagged filing, not another quarter's of the same year", async () => {
    const { id: companyId } = await prisma.company.create({ data: { name: 'Quarterly filer' } });
    await documentWith(companyId, 'IXBRL', 'XBRL', balanceSheet('2025-03-31', '1000000000', 'units', true));
    const q2 = await documentWith(companyId, 'IXBRL', 'XBRL', balanceSheet('2025-06-30', '1200000000', 'units', true));
    const q1Pdf = await documentWith(companyId, 'PDF', 'LAYOUT', balanceSheet('2025-03-31', '1000', 'millions', false));
    const q2Pdf = await documentWith(companyId, 'PDF', 'LAYOUT', balanceSheet('2025-06-30', '1300', 'millions', false));

    expect(await agreementOf(q1Pdf)).toMatchObject({ compared: 1, agreeing: 1, share: 1, differing: [] });
    const second = await agreementOf(q2Pdf);
    expect(second).toMatchObject({ xbrlExtractionId: q2, compared: 1, agreeing: 0, share: 0 });
    expect(second!.differing).toEqual([
      expect.objectContaining({ concept: 'total_assets', xbrlValue: '1200000000', pdfValue: '1300000000', reason: 'VALUE', fact: expect.objectContaining({ concept: 'us-gaap:Assets' }) }),
    ]);
    // A tagged extraction has no agreement of its own.
    expect(await agreementOf(q2)).toBeNull();
  });
});
