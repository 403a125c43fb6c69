// Extraction on layouts nobody here has seen: the tagged statements of every iXBRL fixture (exact truth) are
// printed again in each perturbed layout (bench/lib/perturb: column order, number formats, notes column, split
// pages, languages, …) by Chromium, read back by the PDF extractor and compared with the tagged facts. Printed
// per perturbation: the share of tagged values reproduced, statements verified, and values wrong in verified ones.
//   npm run bench:robustness [-- --only <perturbation>] [-- --source <substr>] [-- --misses]
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareWithTaggedFacts, extractStatements, extractXbrlStatements, type ExtractedColumn, type ExtractedStatement } from '../src/extraction/index.js';
import { PERTURBATIONS } from './lib/perturb/perturbations.js';
import { chromiumPath, PdfPrinter } from './lib/perturb/print-pdf.js';
import { reportHtml } from './lib/perturb/render-html.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = resolve(root, '../shared/fixtures/xbrl');
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : null);
const only = arg('--only');
const source = arg('--source');
const showMisses = process.argv.includes('--misses');

function xbrlFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(zip|html?|xhtml)$/i.test(name) && existsSync(path.replace(/\.(zip|html?|xhtml)$/i, '.pdf'))) out.push(path);
    }
  };
  if (existsSync(fixtures)) walk(fixtures);
  return out.filter((p) => !source || p.includes(source));
}

if (!chromiumPath() || xbrlFiles().length === 0) {
  console.log('skipped: needs chromium and the iXBRL fixtures');
  process.exit(0);
}

/**
 * The statements a layout can print: every column dated and a quarter, half, nine months, year or instant (a
 * successor's first two months has no header a layout could print without its start date), at least one figure.
 */
function printable(statements: ExtractedStatement[]): ExtractedStatement[] {
  const standard = (c: ExtractedColumn) => c.periodEnd !== null && [null, 3, 6, 9, 12].includes(c.periodMonths);
  return statements.filter((s) => s.columns.length > 0 && s.columns.every(standard) && s.lineItems.some((l) => l.values.some((v) => v !== null)));
}

const truths: { name: string; statements: ExtractedStatement[] }[] = [];
for (const file of xbrlFiles()) {
  const out = await extractXbrlStatements(new Uint8Array(await readFile(file)), { fileName: basename(file) });
  const statements = printable(out.statements);
  if (statements.length) truths.push({ name: basename(file).replace(/\.(zip|html?|xhtml)$/i, ''), statements });
}

const printer = new PdfPrinter();
const rows: string[] = [];
console.log(`${truths.length} tagged reports, ${truths.reduce((n, t) => n + t.statements.length, 0)} statements, each printed in every layout\n`);
console.log('perturbation                 values              share    verified  wrong-in-verified');
try {
  for (const perturbation of PERTURBATIONS.filter((x) => !only || x.name === only)) {
    let compared = 0;
    let agreeing = 0;
    let wrong = 0;
    let verified = 0;
    let statements = 0;
    const misses: string[] = [];
    for (const truth of truths) {
      const pdf = await printer.print(reportHtml(truth.statements, perturbation.layout, 'Example Group'));
      const read = await extractStatements(pdf, { fileName: `${truth.name}-${perturbation.name}.pdf` });
      const agreement = compareWithTaggedFacts(truth.statements, read);
      compared += agreement.compared;
      agreeing += agreement.agreeing;
      wrong += agreement.wrongInVerified;
      statements += truth.statements.length;
      verified += truth.statements.filter((t) => read.statements.find((s) => s.type === t.type)?.verdict === 'verified').length;
      for (const s of agreement.statements) {
        const found = read.statements.find((x) => x.type === s.type);
        if (s.differing.length) misses.push(`  ${truth.name} ${s.type.slice(0, 2)} ${s.agreeing}/${s.compared} ${found?.verdict ?? 'missing'}: ${summarise(s.differing)}`);
      }
    }
    const line = `${perturbation.name.padEnd(28)} ${`${agreeing}/${compared}`.padEnd(18)} ${pct(agreeing, compared).padStart(6)}   ${`${verified}/${statements}`.padEnd(9)} ${wrong}`;
    rows.push(line);
    console.log(line);
    if (showMisses) for (const m of misses) console.log(m);
  }
} finally {
  await printer.close();
}

function summarise(differing: { reason: string; label: string; periodEnd: string | null; xbrlValue: string; pdfValue: string | null }[]): string {
  const byReason = new Map<string, number>();
  for (const d of differing) byReason.set(d.reason, (byReason.get(d.reason) ?? 0) + 1);
  const first = differing[0];
  return `${[...byReason].map(([r, n]) => `${r}×${n}`).join(' ')} (e.g. ${first.label.slice(0, 40)} ${first.periodEnd}: ${first.xbrlValue} vs ${first.pdfValue ?? '-'})`;
}

function pct(a: number, b: number): string {
  return `${((b ? a / b : 1) * 100).toFixed(1)}%`;
}
