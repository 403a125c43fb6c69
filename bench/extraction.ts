// Extraction speed and memory on the 238-page Lyft 10-K, and the PDF-reading step against `pdftotext -layout`.
// Figures are printed with their targets; nothing is asserted.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractStatements, readPdf } from '../src/extraction/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pdfs = resolve(root, '../shared/fixtures/reports/pdfs');
const files = ['lyft_2021.pdf', 'ace_saatchi_2024.pdf', 'xp_power_h1_2025.pdf', 'insig_ai_h1_2024.pdf'];
if (!existsSync(pdfs)) {
  console.log(`skipped: development PDFs not found at ${pdfs}`);
  process.exit(0);
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

// Warm-up: the first call loads pdf.js.
await readPdf(new Uint8Array(readFileSync(join(pdfs, 'insig_ai_h1_2024.pdf'))));

const lyft = new Uint8Array(readFileSync(join(pdfs, 'lyft_2021.pdf')));
let t0 = process.hrtime.bigint();
let longestStall = 0;
let last = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  longestStall = Math.max(longestStall, now - last);
  last = now;
}, 10);
const output = await extractStatements(lyft, {});
clearInterval(ticker);
const lyftMs = ms(t0);
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`Lyft 10-K (${output.source.pages} pages): ${output.statements.length}/3 statements`);
console.log(`  extraction time   ${(lyftMs / 1000).toFixed(2)} s   (target <= 5 s)`);
console.log(`  peak RSS          ${peakMb.toFixed(0)} MB   (target <= 400 MB)`);
console.log(`  longest event-loop stall ${longestStall.toFixed(0)} ms (10 ms timer)`);

let hasPdftotext = true;
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  hasPdftotext = false;
}
console.log('\nPDF reading (unpdf, all pages with positions) vs pdftotext -layout (no target set; lower is better)');
for (const file of files) {
  const path = join(pdfs, file);
  const bytes = new Uint8Array(readFileSync(path));
  const runs = 3;
  let readMs = Infinity;
  for (let i = 0; i < runs; i++) {
    t0 = process.hrtime.bigint();
    await readPdf(bytes);
    readMs = Math.min(readMs, ms(t0));
  }
  let popplerMs = NaN;
  if (hasPdftotext) {
    popplerMs = Infinity;
    for (let i = 0; i < runs; i++) {
      t0 = process.hrtime.bigint();
      execFileSync('pdftotext', ['-layout', path, '-'], { maxBuffer: 1 << 28 });
      popplerMs = Math.min(popplerMs, ms(t0));
    }
  }
  const ratio = hasPdftotext ? `${(readMs / popplerMs).toFixed(2)}x` : 'n/a (no pdftotext)';
  console.log(`  ${file.padEnd(24)} unpdf ${readMs.toFixed(0).padStart(5)} ms   pdftotext ${popplerMs.toFixed(0).padStart(5)} ms   ratio ${ratio}`);
}
