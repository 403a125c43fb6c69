// The PDF extractor measured against tagged facts: for every iXBRL fixture with a PDF rendering beside it, the
// xbrl provider reads the iXBRL file and the layout extractor the PDF; printed per file and in total is the
// share of the primary statements' tagged values (dimensionless facts of IS, BS, CF) the PDF extraction
// reproduces (same period, same value after the PDF's unit). Also: the reader's speed on the largest file.
//   npm run bench:xbrl-agreement [-- --only <substr>] [-- --misses]
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareWithTaggedFacts, extractStatements, extractXbrlStatements, readXbrlReport, type AgreementDifference } from '../src/extraction/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = resolve(root, '../shared/fixtures/xbrl');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const showMisses = process.argv.includes('--misses');

/** Each iXBRL document (a package, or an .htm/.html file) with the PDF of the same name beside it. */
function pairs(): { xbrl: string; pdf: string }[] {
  const out: { xbrl: string; pdf: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(zip|html?|xhtml)$/i.test(name)) {
        const pdf = path.replace(/\.(zip|html?|xhtml)$/i, '.pdf');
        if (existsSync(pdf)) out.push({ xbrl: path, pdf });
      }
    }
  };
  if (existsSync(fixtures)) walk(fixtures);
  return out.filter((p) => !only || p.xbrl.includes(only));
}

const files = pairs();
if (files.length === 0) {
  console.log(`skipped: no iXBRL fixtures with PDFs under ${fixtures}`);
  process.exit(0);
}
let compared = 0;
let agreeing = 0;
let wrongInVerified = 0;
const causes = new Map<string, number>();
console.log('file                                   tagged  agree   share   IS        BS        CF        (v = verified)');
for (const { xbrl, pdf } of files) {
  const tagged = await extractXbrlStatements(new Uint8Array(await readFile(xbrl)), { fileName: basename(xbrl) });
  const read = await extractStatements(new Uint8Array(await readFile(pdf)), { fileName: basename(pdf) });
  const agreement = compareWithTaggedFacts(tagged, read);
  compared += agreement.compared;
  agreeing += agreement.agreeing;
  wrongInVerified += agreement.wrongInVerified;
  const per = (['INCOME_STATEMENT', 'BALANCE_SHEET', 'CASH_FLOW_STATEMENT'] as const).map((type) => {
    const s = agreement.statements.find((x) => x.type === type);
    const verified = read.statements.find((x) => x.type === type)?.verdict === 'verified' ? 'v' : '';
    return (s ? `${s.agreeing}/${s.compared}${verified}` : '-').padEnd(9);
  });
  console.log(`${basename(xbrl).slice(0, 38).padEnd(38)} ${String(agreement.compared).padStart(6)} ${String(agreement.agreeing).padStart(6)} ${pct(agreement.share).padStart(7)}   ${per.join(' ')}`);
  for (const s of agreement.statements) {
    for (const d of s.differing) {
      const cause = causeOf(d);
      causes.set(cause, (causes.get(cause) ?? 0) + 1);
      if (showMisses) console.log(`    ${s.type.slice(0, 2)} ${d.periodEnd}/${d.periodMonths ?? 'i'} ${d.label.slice(0, 50).padEnd(50)} xbrl ${d.xbrlValue} pdf ${d.pdfValue ?? '-'} (${d.reason})`);
    }
  }
}
console.log(`\ntotal: ${agreeing}/${compared} tagged primary-statement values reproduced by the PDF extraction (${pct(compared ? agreeing / compared : 1)}); target >= 99%`);
console.log(`wrong in verified: ${wrongInVerified} tagged values that statements the extractor calls verified give wrongly (another value or period); target 0`);
console.log('disagreements by cause:');
for (const [cause, n] of [...causes].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${cause}`);

// The reader's speed: facts per second on the largest iXBRL document (a zip's bytes are mostly images, so
// single documents are measured), best of three reads after a warm-up.
const documents = files.map((f) => f.xbrl).filter((f) => !f.endsWith('.zip'));
const largest = (documents.length ? documents : files.map((f) => f.xbrl)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
const bytes = new Uint8Array(await readFile(largest));
await readXbrlReport(bytes);
let best = Number.POSITIVE_INFINITY;
let facts = 0;
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  facts = (await readXbrlReport(bytes)).facts.length;
  best = Math.min(best, performance.now() - start);
}
console.log(`\nreader: ${basename(largest)} (${(bytes.length / 1e6).toFixed(1)} MB): ${facts} facts in ${best.toFixed(0)} ms = ${Math.round(facts / (best / 1000))} facts/s`);

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function causeOf(d: AgreementDifference): string {
  switch (d.reason) {
    case 'NO_STATEMENT':
      return 'statement not found in the PDF';
    case 'NO_PERIOD':
      return 'period (column) not found in the PDF statement';
    case 'PERIOD_LENGTH':
      return 'PDF column has the right end date but another length (e.g. a quarter read as 12 months)';
    case 'NO_LINE':
      return 'line not found in the PDF statement';
    default:
      return d.pdfValue !== null && d.pdfValue.replace('-', '') === d.xbrlValue.replace('-', '') ? 'sign differs' : 'value differs';
  }
}
