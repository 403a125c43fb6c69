// Create or edit a company: name, country, investor-relations page and listings ("NASDAQ:LYFT, LSE:LYF").
import { useState } from 'preact/hooks';
import { InlineError } from './states';

export interface CompanyFields {
  name: string;
  country: string | null;
  irUrl: string | null;
  lei?: string | null;
  cik?: string | null;
  tickers: { ticker: string; exchange: string; isPrimary?: boolean }[];
}

export function formatListings(tickers: CompanyFields['tickers']): string {
  return tickers.map((t) => `${t.exchange}:${t.ticker}`).join(', ');
}

/** "NASDAQ:LYFT, LSE:LYF" → listings; the first is primary. An entry without an exchange is an error. */
export function parseListings(text: string): CompanyFields['tickers'] | string {
  const entries = text.split(/[,\s]+/).filter(Boolean);
  const tickers: CompanyFields['tickers'] = [];
  for (const entry of entries) {
    const [exchange, ticker] = entry.split(':');
    if (!exchange || !ticker) return `Write each listing as EXCHANGE:TICKER (got "${entry}")`;
    tickers.push({ exchange: exchange.toUpperCase(), ticker: ticker.toUpperCase(), isPrimary: tickers.length === 0 });
  }
  return tickers;
}

export function CompanyForm(props: {
  initial?: CompanyFields;
  submitLabel: string;
  onSubmit: (fields: CompanyFields) => Promise<unknown>;
  onCancel: () => void;
  error: string | null;
  busy: boolean;
}) {
  const [name, setName] = useState(props.initial?.name ?? '');
  const [country, setCountry] = useState(props.initial?.country ?? '');
  const [irUrl, setIrUrl] = useState(props.initial?.irUrl ?? '');
  const [lei, setLei] = useState(props.initial?.lei ?? '');
  const [cik, setCik] = useState(props.initial?.cik ?? '');
  const [listings, setListings] = useState(formatListings(props.initial?.tickers ?? []));
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    const tickers = parseListings(listings);
    if (typeof tickers === 'string') return setFormError(tickers);
    setFormError(null);
    void props.onSubmit({ name: name.trim(), country: country.trim().toUpperCase() || null, irUrl: irUrl.trim() || null, lei: lei.trim().toUpperCase() || null, cik: cik.trim() || null, tickers });
  };

  return (
    <form class="card form" onSubmit={submit} aria-label={props.submitLabel}>
      <div class="form-grid">
        <label>
          Name
          <input name="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} autoFocus />
        </label>
        <label>
          Country <span class="hint">(ISO code, e.g. GB)</span>
          <input name="country" maxLength={2} value={country} onInput={(e) => setCountry(e.currentTarget.value)} />
        </label>
        <label>
          Investor-relations page
          <input name="irUrl" type="url" value={irUrl} onInput={(e) => setIrUrl(e.currentTarget.value)} placeholder="https://…" />
        </label>
        <label>
          LEI <span class="hint">(20 characters, optional)</span>
          <input name="lei" maxLength={20} value={lei} onInput={(e) => setLei(e.currentTarget.value)} />
        </label>
        <label>
          SEC CIK <span class="hint">(optional)</span>
          <input name="cik" inputMode="numeric" maxLength={10} value={cik} onInput={(e) => setCik(e.currentTarget.value)} />
        </label>
        <label>
          Listings <span class="hint">(EXCHANGE:TICKER, comma-separated; first is primary)</span>
          <input name="tickers" value={listings} onInput={(e) => setListings(e.currentTarget.value)} placeholder="NASDAQ:LYFT" />
        </label>
      </div>
      <InlineError message={formError ?? props.error} />
      <div class="actions">
        <button type="submit" class="button primary" disabled={props.busy}>
          {props.busy ? 'Saving…' : props.submitLabel}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
