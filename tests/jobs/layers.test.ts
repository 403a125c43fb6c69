// The job module's dependencies point one way: src/jobs (delivery loop, handlers) → src/services → src/queue.
// Read from the sources' import statements (a madge-like check), so a cycle fails here rather than at start-up.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Each file's relative imports (static, `export … from`, and dynamic), resolved to source files. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)]
      .filter((m) => !/^\s*(?:import|export)\s+type\s/.test(m[0].trim()))
      .map((m) => path.resolve(path.dirname(file), (m[1] ?? m[2])!).replace(/\.js$/, '.ts'))
      .filter((target) => !target.includes(`${path.sep}generated${path.sep}`));
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected groups of more than one file (Tarjan): each is an import cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(path.relative(SRC, w));
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  return found;
}

const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

describe('job module layering', () => {
  const graph = importGraph();

  it('services never import the queue workers (src/jobs); the queue adapter imports neither', () => {
    const wrong = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((t) => (rel(file).startsWith('services/') || rel(file).startsWith('queue/')) && rel(t).startsWith('jobs/'))
        .concat(targets.filter((t) => rel(file).startsWith('queue/') && rel(t).startsWith('services/')))
        .map((t) => `${rel(file)} → ${rel(t)}`),
    );
    expect(wrong).toEqual([]);
  });

  it('has no import cycle that involves the job module, the queue or the workers', () => {
    const involved = cycles(graph).filter((group) => group.some((f) => /^(services\/jobs|jobs|queue)\//.test(f.split(path.sep).join('/'))));
    expect(involved).toEqual([]);
  });

  it('writes Job rows only in the job module: statuses in state.ts, the queue id in enqueue.ts', () => {
    const writers = [...graph.keys()].filter((file) =>
      /\.job\.(create|createMany|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\b|(UPDATE|INSERT INTO|DELETE FROM)\s+"Job"/.test(readFileSync(file, 'utf8')),
    );
    expect(writers.map(rel).sort()).toEqual(['services/jobs/enqueue.ts', 'services/jobs/state.ts']);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const a = path.join(SRC, 'a.ts');
    const b = path.join(SRC, 'b.ts');
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([['a.ts', 'b.ts']]);
  });
});
