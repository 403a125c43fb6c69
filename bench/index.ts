// `npm run bench`: the five benchmarks in sequence, each in its own process (as each also runs alone), then one
// table. Every figure sits beside its baseline from the same run on the same machine, so the ratio means something
// on a noisy machine; the absolute times are printed too. Nothing is asserted: the exit code is 0 unless a
// benchmark crashed. BENCH_ONLY=graphql,server,... runs a subset.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchFigure } from './lib/figures.js';

interface Bench {
  key: string;
  file: string;
  /** Figures from the output of a benchmark that prints text rather than BENCH_RESULT lines. */
  parse?: (output: string) => BenchFigure[];
}

const num = (output: string, pattern: RegExp) => {
  const m = pattern.exec(output);
  return m ? Number(m[1]) : Number.NaN;
};

/** #3 and #4 from bench/extraction.ts: the unpdf/pdftotext lines, the Lyft time and peak RSS. */
function parseExtraction(output: string): BenchFigure[] {
  const files = [...output.matchAll(/^\s+(\S+\.pdf)\s+unpdf\s+(\d+) ms\s+pdftotext\s+(\d+|NaN) ms/gm)];
  const unpdf = files.reduce((s, m) => s + Number(m[2]), 0);
  const poppler = files.reduce((s, m) => s + Number(m[3]), 0);
  const seconds = num(output, /extraction time\s+([\d.]+) s/);
  const rss = num(output, /peak RSS\s+([\d.]+) MB/);
  const statements = /(\d)\/3 statements/.exec(output)?.[1] ?? '?';
  const readRatio = unpdf / poppler;
  return [
    {
      benchmark: `PDF reading: unpdf vs pdftotext -layout (${files.length} development-set reports)`,
      figure: `${unpdf} ms`,
      baseline: `${poppler} ms (pdftotext -layout)`,
      ratio: readRatio,
      target: '<= 3x',
      pass: readRatio <= 3,
    },
    {
      benchmark: `Extraction, Lyft 10-K (238 pages, ${statements}/3 statements): time`,
      figure: `${seconds.toFixed(2)} s`,
      baseline: '5 s budget',
      ratio: seconds / 5,
      target: '<= 5 s',
      pass: seconds <= 5 && statements === '3',
    },
    {
      benchmark: 'Extraction, Lyft 10-K: peak RSS',
      figure: `${rss.toFixed(0)} MB`,
      baseline: '400 MB budget',
      ratio: rss / 400,
      target: '<= 400 MB',
      pass: rss <= 400,
    },
  ];
}

/** #5 from bench/compilation.ts: the median compile time. */
function parseCompilation(output: string): BenchFigure[] {
  const median = num(output, /median ([\d.]+) ms/);
  return [
    {
      benchmark: 'Compilation: 10 years × 3 statements × 150 lines',
      figure: `${median.toFixed(1)} ms`,
      baseline: '50 ms budget',
      ratio: median / 50,
      target: '<= 50 ms',
      pass: median <= 50,
    },
  ];
}

const BENCHES: Bench[] = [
  { key: 'graphql', file: 'graphql-overhead.ts' },
  { key: 'server', file: 'server-overhead.ts' },
  { key: 'extraction', file: 'extraction.ts', parse: parseExtraction },
  { key: 'compilation', file: 'compilation.ts', parse: parseCompilation },
];

function run(bench: Bench): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(bench.file, import.meta.url))], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      // Figures go to the table; everything else is shown as it comes.
      for (const line of chunk.split('\n')) if (line && !line.startsWith('BENCH_RESULT ') && !line.startsWith('{"level"')) console.log(`  ${line}`);
    });
    child.on('exit', (code) => resolve({ output, code }));
  });
}

const only = process.env.BENCH_ONLY?.split(',');
const figures: BenchFigure[] = [];
let crashed = false;
for (const bench of BENCHES.filter((b) => !only || only.includes(b.key))) {
  console.log(`\n== ${bench.file}`);
  const t0 = performance.now();
  const { output, code } = await run(bench);
  console.log(`  (${((performance.now() - t0) / 1000).toFixed(0)} s, exit ${code})`);
  if (code !== 0) crashed = true;
  const found = bench.parse
    ? bench.parse(output)
    : [...output.matchAll(/^BENCH_RESULT (.*)$/gm)].map((m) => JSON.parse(m[1]) as BenchFigure);
  if (!found.length) crashed = true;
  figures.push(...found);
}

const ratio = (f: BenchFigure) => (Number.isFinite(f.ratio) ? `${f.ratio.toFixed(2)}` : 'n/a');
console.log('\n| Benchmark | Figure | Baseline | Ratio | Target | Result |');
console.log('|---|---|---|---|---|---|');
for (const f of figures) {
  console.log(`| ${f.benchmark} | ${f.figure} | ${f.baseline} | ${ratio(f)} | ${f.target} | ${f.pass ? 'pass' : 'FAIL'} |`);
}
console.log(`\nNode ${process.version}, ${new Date().toISOString()}; ratios for budgets are figure ÷ budget.`);
process.exitCode = crashed ? 1 : 0;
