// Compiling ten years × three statements × 150 lines in memory with the pure compiler (no database).
// Prints the median of several runs against the target; nothing is asserted.
import { compileStatements } from '../src/services/compilation/compile.js';
import { generateExtractions } from '../tests/compilation/generate.js';

const TARGET_MS = 50;
const RUNS = 15;

const { reports } = generateExtractions({ seed: 42, years: 10, linesPerStatement: 150 });
const lines = reports.reduce((n, r) => n + r.lines.length, 0);

// Warm-up: JIT and fuse.js' first index.
for (let i = 0; i < 3; i++) compileStatements(reports);

const times: number[] = [];
let rows = 0;
for (let i = 0; i < RUNS; i++) {
  const t0 = process.hrtime.bigint();
  const compiled = compileStatements(reports);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  rows = compiled.reduce((n, s) => n + s.rows.length, 0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`compilation: ${reports.length} extractions, ${lines} printed lines -> ${rows} rows`);
console.log(`median ${median.toFixed(1)} ms over ${RUNS} runs (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)}); target <= ${TARGET_MS} ms: ${median <= TARGET_MS ? 'met' : 'MISSED'}`);
