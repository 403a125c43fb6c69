// A company's compiled statements: tabs IS / BS / CF, the table, a chart of chosen lines, CSV download, and the
// source page of any figure.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Link, useLocation } from 'wouter-preact';
import { StatementWithSourcesDocument } from '@financial-data-extractor/sdk';
import { download } from '../api/client';
import { useAction, useQuery } from '../api/hooks';
import { LineChart, type Series } from '../components/line-chart';
import { SourceViewer, type SourceRef } from '../components/source-viewer';
import { Empty, ErrorState, InlineError, Skeleton, UnknownCompany } from '../components/states';
import { rowKey, rowLabel, StatementTable, type Statement } from '../components/statement-table';
import { companyPath, decodeParam, formatDateTime, formatFigure, statementBySlug, STATEMENT_TABS, unitLabel } from '../lib/format';

const DEFAULT_CHART = ['revenue', 'net_income', 'total_assets', 'total_equity', 'net_cash_from_operating'];

function defaultCharted(statement: Statement): Set<string> {
  const keys = statement.rows.map((row, i) => (row.concept && DEFAULT_CHART.includes(row.concept) ? rowKey(row, i) : null)).filter(Boolean) as string[];
  if (!keys.length && statement.rows.length) keys.push(rowKey(statement.rows[0]!, 0));
  return new Set(keys);
}

function Tabs({ companyId, active }: { companyId: string; active: string }) {
  const [, navigate] = useLocation();
  const go = (index: number) => {
    const tab = STATEMENT_TABS[(index + STATEMENT_TABS.length) % STATEMENT_TABS.length]!;
    navigate(companyPath(companyId, 'statements', tab.slug));
    requestAnimationFrame(() => document.getElementById(`tab-${tab.slug}`)?.focus());
  };
  return (
    <div class="tabs" role="tablist" aria-label="Statements">
      {STATEMENT_TABS.map((tab, index) => (
        <Link
          key={tab.slug}
          id={`tab-${tab.slug}`}
          href={companyPath(companyId, 'statements', tab.slug)}
          role="tab"
          aria-selected={tab.slug === active}
          tabIndex={tab.slug === active ? 0 : -1}
          onKeyDown={(e: KeyboardEvent) => {
            if (e.key === 'ArrowRight') go(index + 1);
            if (e.key === 'ArrowLeft') go(index - 1);
          }}
        >
          <span class="tab-short">{tab.short}</span>
          <span class="tab-long">{tab.label}</span>
        </Link>
      ))}
    </div>
  );
}

export function StatementsPage({ id: rawId, slug }: { id: string; slug?: string }) {
  const id = decodeParam(rawId);
  const tab = statementBySlug(slug);
  const { data, error, loading, refetch } = useQuery(StatementWithSourcesDocument, { companyId: id, type: tab.type });
  const [source, setSource] = useState<SourceRef | null>(null);
  const [charted, setCharted] = useState<Set<string> | null>(null);
  const company = data?.company.__typename === 'Company' ? data.company : null;
  const statement = data?.compiledStatement.__typename === 'CompiledStatement' ? data.compiledStatement : null;

  useEffect(() => setCharted(null), [tab.type, id]);
  useEffect(() => {
    document.title = `${tab.label}${company ? ` · ${company.name}` : ''} · Financial Data Extractor`;
  }, [tab.label, company?.name]);

  const chosen = charted ?? (statement ? defaultCharted(statement) : new Set<string>());
  const series: Series[] = useMemo(
    () =>
      statement
        ? statement.rows
            .map((row, i) => ({ row, key: rowKey(row, i) }))
            .filter(({ key }) => chosen.has(key))
            .map(({ row, key }) => ({ key, label: rowLabel(row), points: row.cells.map((c) => ({ year: c.fiscalYear, value: c.value ?? null })) }))
        : [],
    [statement, chosen],
  );
  const csv = useAction(async () => {
    if (statement && company) await download(statement.csvUrl, `${company.name.replace(/[^\w.-]+/g, '_')}-${tab.slug}.csv`);
  });

  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  if (data && !company) {
    return (
      <UnknownCompany message={data.company.__typename === 'NotFoundError' ? data.company.message : ''} />
    );
  }

  return (
    <section aria-labelledby="statement-title">
      <nav class="crumbs" aria-label="Breadcrumb">
        <Link href="/">Companies</Link> › {company ? <Link href={companyPath(id)}>{company.name}</Link> : <span class="skeleton-inline" />} ›{' '}
        <span aria-current="page">Statements</span>
      </nav>
      <div class="page-head">
        <h1 id="statement-title">{tab.label}</h1>
        <div class="actions">
          <button type="button" class="button" onClick={() => void csv.run()} disabled={!statement?.rows.length || csv.busy}>
            Download CSV
          </button>
        </div>
      </div>
      <Tabs companyId={id} active={tab.slug} />
      <InlineError message={csv.error} />
      <div role="tabpanel" aria-labelledby={`tab-${tab.slug}`} class={loading && statement ? 'refreshing' : ''}>
        {!statement ? (
          <Skeleton lines={10} label="Loading the statement" />
        ) : !statement.rows.length ? (
          <Empty title="Nothing compiled yet">
            Upload and extract this company's reports, then compile: <Link href={companyPath(id)}>go to the company</Link>.
          </Empty>
        ) : (
          <>
            <p class="statement-meta">
              <span class="unit" data-testid="unit">
                {unitLabel(statement.unit, statement.currency)}
              </span>
              {statement.rows.some((r) => r.perShare) && <span class="muted"> · per-share figures in {statement.currency ?? 'currency'} units</span>}
              {statement.updatedAt && <span class="muted"> · compiled {formatDateTime(statement.updatedAt)}</span>}
              <span class="muted"> · click a figure to see its page</span>
            </p>
            {statement.warnings.map((w) => (
              <p key={w.code + w.message} class="notice warn">
                {w.message}
              </p>
            ))}
            <StatementTable
              statement={statement}
              charted={chosen}
              onToggleChart={(key) => {
                const next = new Set(chosen);
                if (next.has(key)) next.delete(key);
                else next.add(key);
                setCharted(next);
              }}
              onOpenSource={(row, cell) => {
                const document = cell.source.document;
                if (!document) return;
                setSource({
                  url: document.downloadUrl,
                  format: document.format,
                  page: cell.source.page,
                  figure: cell.value,
                  title: `${rowLabel(row)}, FY ${cell.fiscalYear}: ${formatFigure(cell.value)}`,
                  subtitle: `${document.title ?? `FY${document.fiscalYear} report`}, page ${cell.source.page}`,
                });
              }}
            />
            <p class="legend-line small muted">
              <span class="badge restated">R</span> restated (hover or focus for the first figure) ·{' '}
              <span class="badge per-share-badge">per share</span> unscaled
              {statement.rows.some((r) => r.cells.some((c) => c.source.provider === 'XBRL')) && (
                <>
                  {' · '}
                  <span class="from-xbrl-sample">teal</span>: tagged XBRL fact
                </>
              )}
              {statement.rows.some((r) => r.cells.some((c) => c.source.verdict === 'INCONSISTENT')) && (
                <>
                  {' · '}
                  <span class="inconsistent-sample">amber</span>: its statement's checks fail
                </>
              )}
            </p>
            <h2 class="chart-title">Over the years</h2>
            <LineChart series={series} years={statement.fiscalYears} unit={unitLabel(statement.unit, statement.currency)} />
          </>
        )}
      </div>
      {source && <SourceViewer source={source} onClose={() => setSource(null)} />}
    </section>
  );
}
