// The catalogue: a searchable list of companies with their listings, documents and fiscal years; "New company".
import { useEffect, useState } from 'preact/hooks';
import { Link, useLocation } from 'wouter-preact';
import { CompanyCatalogueDocument, AddCompanyDocument } from '@financial-data-extractor/sdk';
import { payload, request } from '../api/client';
import { useAction, useQuery } from '../api/hooks';
import { CompanyForm, type CompanyFields } from '../components/company-form';
import { Empty, ErrorState, Skeleton } from '../components/states';
import { companyPath, yearSpan } from '../lib/format';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function CompaniesPage() {
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [, navigate] = useLocation();
  const term = useDebounced(search.trim(), 250);
  // Pages of 50 by cursor; `pages` holds the cursors of the pages before this one, for "Previous".
  const [pages, setPages] = useState<(string | null)[]>([]);
  const [after, setAfter] = useState<string | null>(null);
  useEffect(() => {
    setPages([]);
    setAfter(null);
  }, [term]);
  const { data, error, loading, refetch } = useQuery(CompanyCatalogueDocument, { search: term || null, first: 50, after });
  const create = useAction(async (fields: CompanyFields) => {
    const result = await request(AddCompanyDocument, { input: fields });
    const company = payload(result.createCompany, 'CreateCompanyPayload').company;
    navigate(companyPath(company.id));
  });

  useEffect(() => {
    document.title = 'Companies · Financial Data Extractor';
  }, []);

  const companies = data?.companies.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="companies-title">
      <div class="page-head">
        <h1 id="companies-title">Companies</h1>
        <button type="button" class="button primary" onClick={() => setCreating(true)} disabled={creating}>
          New company
        </button>
      </div>
      {creating && (
        <CompanyForm submitLabel="Create company" onSubmit={create.run} onCancel={() => setCreating(false)} error={create.error} busy={create.busy} />
      )}
      <div class="toolbar">
        <label class="search">
          <span class="visually-hidden">Search companies</span>
          <input type="search" placeholder="Search by name…" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <span class="muted" aria-live="polite">
          {data ? `${data.companies.totalCount} ${data.companies.totalCount === 1 ? 'company' : 'companies'}` : '\u00a0'}
        </span>
      </div>
      {error && !data ? (
        <ErrorState error={error} retry={refetch} />
      ) : !data ? (
        <Skeleton lines={6} label="Loading companies" />
      ) : companies.length === 0 ? (
        <Empty title={term ? `No company matches "${term}"` : 'No companies yet'}>
          {!term && 'Create one with "New company", then upload its annual reports.'}
        </Empty>
      ) : (
        <div class={`table-wrap ${loading ? 'refreshing' : ''}`}>
          <table class="data-table companies-table">
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">Listings</th>
                <th scope="col" class="num">
                  Documents
                </th>
                <th scope="col">Fiscal years</th>
              </tr>
            </thead>
            <tbody>
              {companies.map((company) => (
                <tr key={company.id}>
                  <th scope="row">
                    <Link href={companyPath(company.id)}>{company.name}</Link>
                    {company.country && <span class="muted"> · {company.country}</span>}
                  </th>
                  <td>
                    {company.tickers.length
                      ? company.tickers.map((t) => (
                          <span key={`${t.exchange}:${t.ticker}`} class={`ticker ${t.isPrimary ? 'primary' : ''}`} title={t.isPrimary ? 'Primary listing' : undefined}>
                            {t.ticker}
                            <small>{t.exchange}</small>
                          </span>
                        ))
                      : <span class="muted">—</span>}
                  </td>
                  <td class="num">{company.documents.totalCount}</td>
                  <td>{yearSpan(company.documents.edges.map((e) => e.node.fiscalYear))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {(pages.length > 0 || data.companies.pageInfo.hasNextPage) && (
            <div class="pager table-pager">
              <button
                type="button"
                class="button"
                disabled={!pages.length}
                onClick={() => {
                  setAfter(pages[pages.length - 1] ?? null);
                  setPages(pages.slice(0, -1));
                }}
              >
                Previous
              </button>
              <button
                type="button"
                class="button"
                disabled={!data.companies.pageInfo.hasNextPage}
                onClick={() => {
                  setPages([...pages, after]);
                  setAfter(data.companies.pageInfo.endCursor ?? null);
                }}
              >
                Next
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
