// Classification from content on the development set (each file's kind and fiscal year per its README).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractStatements, readPdf } from '../../src/extraction/index.js';
import { classifyDocument, detectLanguage } from '../../src/services/documents/classify.js';
import { makePdf } from '../extraction/helpers/make-pdf.js';
import { DEV_REPORTS } from '../helpers/ir-site.js';
import { makeAnnualReport } from '../helpers/report-pdf.js';

async function classify(bytes: Uint8Array) {
  const doc = await readPdf(bytes);
  return classifyDocument(doc, (await extractStatements(doc)).statements);
}

describe.skipIf(!existsSync(DEV_REPORTS))('classification of the development set', () => {
  it.each([
    ['lyft_2021.pdf', 'ANNUAL_REPORT', 2021], // Form 10-K
    ['ace_saatchi_2024.pdf', 'ANNUAL_REPORT', 2024], // audited annual financial statements
    ['xp_power_h1_2025.pdf', 'INTERIM_REPORT', 2025], // H1 to 30 June 2025, years end in December
    ['insig_ai_h1_2024.pdf', 'INTERIM_REPORT', 2025], // H1 to 30 Sep 2024, years end in March: FY ending Mar 2025
  ])('%s is %s of fiscal year %i', async (file, kind, fiscalYear) => {
    const found = await classify(new Uint8Array(await readFile(path.join(DEV_REPORTS, file))));
    expect({ kind: found.kind, fiscalYear: found.fiscalYear, language: found.language }).toEqual({ kind, fiscalYear, language: 'en' });
  });
});

describe('classification of generated documents', () => {
  it('an annual report with its three statements', async () => {
    expect(await classify(await makeAnnualReport({ company: 'Gen plc', year: 2019 }))).toMatchObject({
      kind: 'ANNUAL_REPORT',
      fiscalYear: 2019,
      title: 'Gen plc',
    });
  });

  it('a press release without statements, and a landscape slide deck', async () => {
    const release = await makePdf([
      { texts: [{ text: 'Press release: Gen plc reports fourth quarter and full year 2024 results', x: 40, y: 700, size: 14 }] },
    ]);
    expect((await classify(release)).kind).toBe('EARNINGS_RELEASE');
    const { PDFDocument, StandardFonts } = await import('pdf-lib');
    const deck = await PDFDocument.create();
    const font = await deck.embedFont(StandardFonts.Helvetica);
    for (const title of ['Capital Markets Day 2024', 'Strategy', 'Growth', 'Outlook']) {
      deck.addPage([842, 595]).drawText(title, { x: 60, y: 500, size: 32, font });
    }
    expect((await classify(await deck.save())).kind).toBe('PRESENTATION');
  });

  it('tells the language of a page', () => {
    expect(detectLanguage('Koncernens resultaträkning för året och summa eget kapital till aktieägarna och för med av')).toBe('sv');
    expect(detectLanguage('Konzern-Gewinn- und Verlustrechnung für das Jahr und die der das mit für und')).toBe('de');
    expect(detectLanguage('Compte de résultat consolidé pour les exercices et des une du pour les et')).toBe('fr');
  });
});
