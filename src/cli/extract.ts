import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Command, Option } from 'commander';
import { ZodError } from 'zod';
import { DocumentUnreadableError, LlmError } from '../errors.js';
import {
  extractStatements,
  renderExplanation,
  stringifyContract,
  type ExtractedStatement,
  type Explanation,
  type StatementExtractor,
} from '../extraction/index.js';
import { LlmStatementExtractor, llmOptionsFromEnv } from '../extraction/llm/index.js';

/**
 * `fde extract <file> [--json] [--provider layout|llm]`: prints the extraction contract's JSON or tables. A PDF
 * goes to the chosen PDF provider; a report package (.zip) or an iXBRL (X)HTML document to the xbrl provider.
 */
export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('extract the income statement, balance sheet and cash-flow statement from a PDF or an inline-XBRL report')
    .argument('<file>', 'path to the report: a PDF, a report package (.zip) or an iXBRL document (.htm/.html/.xhtml)')
    .option('--json', 'print the extraction contract JSON on stdout')
    .option('--explain', 'print how each statement was located and picked, its columns and its checks (on stderr with --json)')
    .addOption(new Option('--provider <name>', 'extraction provider for PDFs (inline XBRL always uses xbrl)').choices(['layout', 'llm']).default('layout'))
    .option('--quiet', 'no progress on stderr')
    .action(async (pdf: string, opts: { json?: boolean; explain?: boolean; provider: string; quiet?: boolean }) => {
      let extractor: StatementExtractor | undefined;
      if (opts.provider === 'llm') {
        try {
          extractor = new LlmStatementExtractor(llmOptionsFromEnv(process.env));
        } catch (error) {
          const issues = error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (error as Error).message;
          fail(`error: the llm provider needs LLM_API_KEY and LLM_MODEL (and LLM_BASE_URL for a non-OpenAI endpoint): ${issues}`);
          return;
        }
      }
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(pdf));
      } catch (error) {
        fail(`error: cannot read ${pdf}: ${(error as Error).message}`);
        return;
      }
      try {
        let lastStep = '';
        let explanation: Explanation | null = null;
        const output = await extractStatements(bytes, {
          extractor,
          fileName: basename(pdf),
          taxonomy: await taxonomyBeside(pdf, bytes),
          onExplain: (e) => (explanation = e),
          onProgress: ({ step, current, total }) => {
            if (opts.quiet || !process.stderr.isTTY) return;
            if (step !== lastStep || current === total || current % 20 === 0) process.stderr.write(`\r${step} ${current}/${total}   `);
            lastStep = step;
            if (current === total) process.stderr.write('\n');
          },
        });
        const explained = opts.explain ? renderExplanation(explanation ?? [], output.statements) : '';
        if (opts.json) process.stdout.write(`${stringifyContract(output)}\n`);
        if (opts.explain) (opts.json ? process.stderr : process.stdout).write(explained);
        else if (!opts.json) process.stdout.write(renderTables(output.statements, output.source.pages));
      } catch (error) {
        if (error instanceof DocumentUnreadableError) {
          fail(`error: ${basename(pdf)} is unreadable (${error.reason}): ${error.message}`);
          return;
        }
        if (error instanceof LlmError) {
          fail(`error: the llm provider failed (${error.code}): ${error.message}`);
          return;
        }
        // Still one line; FDE_DEBUG=1 adds the stack for whoever debugs the code.
        fail(`error: extraction of ${basename(pdf)} failed: ${(error as Error).message ?? String(error)}`);
        if (process.env.FDE_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
      }
    });
}

/**
 * An SEC-style iXBRL document is filed with its extension taxonomy beside it: the schema its link:schemaRef names
 * (saved as `.xsd` or `.xsd.xml`) and the `<name>_pre/_lab/_def/_cal.xml` linkbases. Those present are read.
 */
async function taxonomyBeside(path: string, bytes: Uint8Array): Promise<{ name: string; bytes: Uint8Array }[]> {
  if (!/\.(x?html?)$/i.test(path)) return [];
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512 * 1024));
  const href = /<[\w-]*:?schemaRef[^>]*href\s*=\s*["']([^"'#/\\]+\.xsd)["']/i.exec(head)?.[1];
  if (!href) return [];
  const stem = href.replace(/\.xsd$/i, '');
  const names = [href, `${href}.xml`, ...['pre', 'lab', 'def', 'cal'].map((l) => `${stem}_${l}.xml`)];
  const files = await Promise.all(names.map(async (name) => {
    try {
      return [{ name, bytes: new Uint8Array(await readFile(join(dirname(path), name))) }];
    } catch {
      return [];
    }
  }));
  return files.flat();
}

function fail(line: string): void {
  process.stderr.write(`${line}\n`);
  process.exitCode = 1;
}

function renderTables(statements: ExtractedStatement[], pages: number): string {
  const out: string[] = [`${pages} pages, ${statements.length} statement(s) found\n`];
  for (const s of statements) {
    out.push(`\n${s.type}: ${s.title} (pages ${s.pages.join(', ')}; ${s.currency ?? 'currency not stated'}, ${s.unit})`);
    const labelWidth = Math.min(60, Math.max(20, ...s.lineItems.map((l) => l.label.length + 2 * l.level)));
    const widths = s.columns.map((c, i) => Math.max(12, c.label.length > 24 ? 14 : c.label.length, ...s.lineItems.map((l) => (l.values[i] ?? '-').length)));
    const headerCells = s.columns.map((c, i) => (c.periodEnd ?? c.label).slice(0, widths[i]).padStart(widths[i]));
    out.push(`${''.padEnd(labelWidth)}  ${headerCells.join('  ')}`);
    for (const l of s.lineItems) {
      const label = `${'  '.repeat(l.level)}${l.label || '(total)'}`.slice(0, labelWidth).padEnd(labelWidth);
      const cells = l.values.map((v, i) => (v ?? '-').padStart(widths[i]));
      out.push(`${label}  ${cells.join('  ')}${l.concept ? `   [${l.concept}]` : ''}`);
    }
    const failed = s.checks.filter((c) => !c.passed);
    out.push(`checks: ${s.checks.length - failed.length}/${s.checks.length} passed${failed.map((c) => `; FAILED ${c.name} (column ${c.column + 1}: difference ${c.difference})`).join('')}`);
  }
  return `${out.join('\n')}\n`;
}
