// Accuracy on the development set, measured by the shared scorer (it runs the CLI on each PDF).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scorer = resolve(root, '../shared/tools/score-extraction.py');
const truth = resolve(root, '../shared/fixtures/reports/ground-truth.json');
if (!existsSync(scorer) || !existsSync(truth)) {
  console.log(`skipped: scorer or ground truth not found (${scorer}, ${truth})`);
  process.exit(0);
}
console.log('targets: located 12/12, values >= 95%, grounded 100%');
const run = spawnSync('python3', [scorer, root, '--truth', truth, ...(process.argv.includes('--misses') ? ['--misses'] : [])], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
