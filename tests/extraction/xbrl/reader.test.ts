// The iXBRL reader's semantics, each on a small generated document: scale, sign, formats, nil, nesting,
// continuation, exclude, hidden, duplicates, prefixes bound by namespace, missing contexts and units.
import { describe, expect, it } from 'vitest';
import { readXbrlReport, type XbrlReport } from '../../../src/extraction/index.js';
import { bytesOf, ixbrlDocument, reportPackage } from './make-ixbrl.js';

const read = (body: string, parts: Parameters<typeof ixbrlDocument>[0] extends infer P ? Partial<P> : never = {}) =>
  readXbrlReport(bytesOf(ixbrlDocument({ body, ...parts })), { fileName: 'test.xhtml' });
const valueOf = (report: XbrlReport, id: string) => report.facts.find((f) => f.id === id)?.value;
/** A revenue fact; attributes given in `attrs` replace the defaults. */
const revenue = (id: string, attrs: string, text: string) => {
  const given = new Map([...attrs.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const all = new Map([['id', id], ['name', 'ifrs-full:Revenue'], ['contextRef', 'FY2024'], ['unitRef', 'EUR'], ['decimals', '0'], ...given]);
  return `<ix:nonFraction ${[...all].map(([k, v]) => `${k}="${v}"`).join(' ')}>${text}</ix:nonFraction>`;
};

/** A fact of its own concept (ex:<id>), so that several in one document are not duplicates of each other. */
const own = (id: string, attrs: string, text: string) => revenue(id, `name="ex:${id}" ${attrs}`, text);

describe('numeric facts', () => {
  it('applies scale and sign exactly, without floats', async () => {
    const report = await read(
      own('a', 'scale="6" decimals="-5" format="ixt:num-dot-decimal"', '1,234.5') +
        own('b', 'scale="9" sign="-" format="ixt:num-dot-decimal"', '0.1') +
        own('c', 'scale="-2" format="ixt:num-dot-decimal"', '12.5') +
        own('d', 'scale="3" format="ixt:num-dot-decimal"', '9,007,199,254,740,993'),
      { resources: '' },
    );
    expect(valueOf(report, 'a')).toBe('1234500000');
    expect(valueOf(report, 'b')).toBe('-100000000');
    expect(valueOf(report, 'c')).toBe('0.125');
    expect(valueOf(report, 'd')).toBe('9007199254740993000');
  });

  it('reads the transformation formats of registries 1 to 5', async () => {
    const report = await read(
      [
        own('dot3', 'format="ixt:num-dot-decimal"', '1,234,567.89'),
        own('dot1', 'format="ixt:numdotdecimal"', '1 234 567.89'),
        own('comma3', 'format="ixt:num-comma-decimal"', '1.234.567,89'),
        own('comma1', 'format="ixt:numcommadecimal"', '1 234,5'),
        own('zerodash', 'format="ixt:zerodash"', '–'),
        own('fixedzero', 'format="ixt:fixed-zero"', '—'),
        own('unit', 'format="ixt:num-unit-decimal"', '5 euros 35'),
        own('plain', '', ' 1234 '),
        own('words', 'format="ixt-sec:numwordsen"', 'none'),
      ].join(''),
      { extraNamespaces: 'xmlns:ixt-sec="http://www.sec.gov/inlineXBRL/transformation/2015-08-31"' },
    );
    expect(valueOf(report, 'dot3')).toBe('1234567.89');
    expect(valueOf(report, 'dot1')).toBe('1234567.89');
    expect(valueOf(report, 'comma3')).toBe('1234567.89');
    expect(valueOf(report, 'comma1')).toBe('1234.5');
    expect(valueOf(report, 'zerodash')).toBe('0');
    expect(valueOf(report, 'fixedzero')).toBe('0');
    expect(valueOf(report, 'unit')).toBe('5.35');
    expect(valueOf(report, 'plain')).toBe('1234');
    expect(valueOf(report, 'words')).toBe('0');
  });

  it('reports an unknown format or a figure its format cannot read, and keeps no value for it', async () => {
    const report = await read(revenue('x', 'format="ixt:num-klingon"', '12') + revenue('y', 'format="ixt:num-dot-decimal"', 'twelve'));
    expect(report.facts.map((f) => f.id)).not.toContain('x');
    expect(report.facts.map((f) => f.id)).not.toContain('y');
    expect(report.problems.map((p) => [p.kind, p.factId])).toEqual([
      ['UNKNOWN_FORMAT', 'x'],
      ['INVALID_VALUE', 'y'],
    ]);
  });

  it('keeps xsi:nil facts as null, bound by namespace whatever the prefix', async () => {
    const report = await read(revenue('nil', 'xs:nil="true"', ''), { extraNamespaces: 'xmlns:xs="http://www.w3.org/2001/XMLSchema-instance"' });
    const fact = report.facts.find((f) => f.id === 'nil')!;
    expect(fact.value).toBeNull();
    expect(fact.numeric).toBe(true);
  });

  it('gives nested tags the same printed figure, and leaves ix:exclude content out', async () => {
    const report = await read(
      `<ix:nonFraction id="outer" name="ifrs-full:ProfitLoss" contextRef="FY2024" unitRef="EUR" decimals="0" format="ixt:num-dot-decimal">` +
        `<ix:nonFraction id="inner" name="ifrs-full:ComprehensiveIncome" contextRef="FY2024" unitRef="EUR" decimals="0" format="ixt:num-dot-decimal">4,321</ix:nonFraction></ix:nonFraction>` +
        revenue('excluded', 'format="ixt:num-dot-decimal"', '7,000<ix:exclude><sup>(a)</sup></ix:exclude>'),
    );
    expect(valueOf(report, 'outer')).toBe('4321');
    expect(valueOf(report, 'inner')).toBe('4321');
    expect(valueOf(report, 'excluded')).toBe('7000');
  });

  it('marks facts inside ix:hidden as hidden', async () => {
    const report = await read(revenue('shown', '', '1'));
    const name = report.facts.find((f) => f.concept.local.startsWith('NameOfReportingEntity'))!;
    expect(name.hidden).toBe(true);
    expect(report.facts.find((f) => f.id === 'shown')!.hidden).toBe(false);
  });
});

describe('text facts', () => {
  it('joins ix:continuation chains in order and without excluded text', async () => {
    const report = await read(
      `<p><ix:nonNumeric id="policy" name="ifrs-full:DescriptionOfAccountingPolicyForRevenue" contextRef="FY2024" continuedAt="k1">Revenue is recognised</ix:nonNumeric></p>` +
        `<p>page 2</p><ix:continuation id="k1" continuedAt="k2">when control passes<ix:exclude> [footnote]</ix:exclude></ix:continuation>` +
        `<ix:continuation id="k2">to the customer.</ix:continuation>`,
    );
    expect(valueOf(report, 'policy')).toBe('Revenue is recognised when control passes to the customer.');
  });

  it('reports a continuation that is missing', async () => {
    const report = await read(`<ix:nonNumeric id="t" name="ifrs-full:DescriptionOfAccountingPolicyForRevenue" contextRef="FY2024" continuedAt="gone">Text</ix:nonNumeric>`);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'MISSING_CONTINUATION', factId: 't' })]);
  });
});

describe('duplicates', () => {
  it('merges consistent copies into the most precise one', async () => {
    const report = await read(
      revenue('rounded', 'scale="6" decimals="-6" format="ixt:num-dot-decimal"', '1,234') + revenue('precise', 'scale="6" decimals="-5" format="ixt:num-dot-decimal"', '1,234.4'),
    );
    const copies = report.facts.filter((f) => f.concept.local === 'Revenue');
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ id: 'precise', value: '1234400000', decimals: '-5', duplicates: ['rounded'] });
    expect(report.problems).toEqual([]);
  });

  it('treats two context ids with the same content as the same context', async () => {
    const report = await read(revenue('a', 'contextRef="FY2024"', '10') +
      `<ix:nonFraction id="b" name="ifrs-full:Revenue" contextRef="FY2024-copy" unitRef="EUR" decimals="0">11</ix:nonFraction>`, {
      resources: `<xbrli:context id="FY2024-copy"><xbrli:entity><xbrli:identifier scheme="http://standards.iso.org/iso/17442">529900T8BM49AURSDO55</xbrli:identifier></xbrli:entity>
        <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>`,
    });
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'INCONSISTENT_DUPLICATE', factId: 'b' })]);
  });

  it('compares text copies as text, except printings a format transforms ("two years" and "2" for P2Y)', async () => {
    const text = (id: string, value: string, format = '') => `<ix:nonNumeric id="${id}" name="ex:UsefulLife" contextRef="FY2024"${format ? ` format="${format}"` : ''}>${value}</ix:nonNumeric>`;
    const transformed = await read(text('a', 'two years', 'ixt-sec:duryear') + text('b', '2', 'ixt-sec:duryear'), { extraNamespaces: 'xmlns:ixt-sec="http://www.sec.gov/inlineXBRL/transformation/2015-08-31"' });
    expect(transformed.problems).toEqual([]);
    const plain = await read(text('a', 'Straight-line') + text('b', 'Declining balance'));
    expect(plain.problems).toEqual([expect.objectContaining({ kind: 'INCONSISTENT_DUPLICATE', factId: 'b' })]);
  });

  it('reports inconsistent copies and keeps the first', async () => {
    const report = await read(revenue('first', 'scale="6" decimals="-6"', '1234') + revenue('second', 'scale="6" decimals="-6"', '1250'));
    expect(report.facts.filter((f) => f.concept.local === 'Revenue').map((f) => f.value)).toEqual(['1234000000']);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'INCONSISTENT_DUPLICATE', factId: 'second', concept: 'ifrs-full:Revenue' })]);
  });
});

describe('namespaces, contexts and units', () => {
  it('binds concepts and the ix elements by namespace URI, not by prefix', async () => {
    const doc = ixbrlDocument({
      ixPrefix: 'inline',
      body: `<inline:nonFraction id="r" name="ifrs:Revenue" contextRef="FY2024" unitRef="EUR" decimals="0">5</inline:nonFraction>`,
      extraNamespaces: 'xmlns:ifrs="https://xbrl.ifrs.org/taxonomy/2023-03-23/ifrs-full"',
    });
    const report = await readXbrlReport(bytesOf(doc));
    const fact = report.facts.find((f) => f.id === 'r')!;
    expect(fact.concept).toEqual({ namespace: 'https://xbrl.ifrs.org/taxonomy/2023-03-23/ifrs-full', local: 'Revenue', prefix: 'ifrs' });
    expect(fact.value).toBe('5');
  });

  it('reads contexts and units written without the xbrli: prefix (default namespace), and Inline XBRL 1.0', async () => {
    const report = await read(
      `<ix:nonFraction id="ca" name="ex:CurrentAssets" contextRef="now" unitRef="GBP" decimals="0" format="ixt:numdotdecimal">4,373</ix:nonFraction>`,
      {
        bare: true,
        ixNamespace: 'http://www.xbrl.org/2008/inlineXBRL',
        resources: `<context xmlns="http://www.xbrl.org/2003/instance" id="now"><entity><identifier scheme="http://www.companieshouse.gov.uk/">07175596</identifier></entity>
          <period><instant>2017-03-31</instant></period></context>
          <unit xmlns="http://www.xbrl.org/2003/instance" id="GBP"><measure>iso4217:GBP</measure></unit>`,
      },
    );
    expect(report.contexts.get('now')).toEqual({ id: 'now', entity: { scheme: 'http://www.companieshouse.gov.uk/', identifier: '07175596' }, period: { kind: 'instant', start: null, end: '2017-03-31' }, dimensions: [] });
    expect(report.units.get('GBP')).toEqual({ id: 'GBP', numerator: ['iso4217:GBP'], denominator: [] });
    expect(valueOf(report, 'ca')).toBe('4373');
  });

  it('reads durations, dimensions and per-share units', async () => {
    const report = await read(revenue('seg', 'contextRef="FY2024-segment"', '3'));
    expect(report.contexts.get('FY2024')!.period).toEqual({ kind: 'duration', start: '2024-01-01', end: '2024-12-31' });
    expect(report.contexts.get('FY2024-segment')!.dimensions).toEqual([{ dimension: 'ifrs-full:SegmentsAxis', member: 'ex:RetailMember', typed: false }]);
    expect(report.units.get('EURps')).toEqual({ id: 'EURps', numerator: ['iso4217:EUR'], denominator: ['xbrli:shares'] });
  });

  it('reports facts that point at a missing context or unit, and keeps them out of the facts', async () => {
    const report = await read(
      `<ix:nonFraction id="nc" name="ifrs-full:Revenue" contextRef="nowhere" unitRef="EUR" decimals="0">1</ix:nonFraction>` +
        `<ix:nonFraction id="nu" name="ifrs-full:Revenue" contextRef="FY2023" unitRef="XYZ" decimals="0">2</ix:nonFraction>`,
    );
    expect(report.facts.map((f) => f.id)).not.toContain('nc');
    expect(report.facts.map((f) => f.id)).not.toContain('nu');
    expect(report.problems.map((p) => [p.kind, p.factId])).toEqual([
      ['MISSING_CONTEXT', 'nc'],
      ['MISSING_UNIT', 'nu'],
    ]);
  });

  it('gives each fact its element position in document order', async () => {
    const report = await read(`<p>${revenue('p1', '', '1')}</p><p><span>${revenue('p2', 'contextRef="FY2023"', '2')}</span></p>`);
    const [a, b] = ['p1', 'p2'].map((id) => report.facts.find((f) => f.id === id)!.position);
    expect(b - a).toBe(3); // </ix:nonFraction></p><p><span><ix:nonFraction: p, span, then the fact
  });
});

describe('standard concepts', () => {
  it('maps every standard concept to a key of our taxonomy for that statement, whatever the prefix', async () => {
    const { TAXONOMY } = await import('../../../src/extraction/index.js');
    const { standardKeys, standardConceptKey } = await import('../../../src/extraction/xbrl/standard-concepts.js');
    for (const type of ['INCOME_STATEMENT', 'BALANCE_SHEET', 'CASH_FLOW_STATEMENT'] as const) {
      const known = new Set(TAXONOMY.filter((c) => c.statement === type).map((c) => c.key));
      expect(standardKeys(type).filter((k) => !known.has(k)), type).toEqual([]);
    }
    const ifrs = (prefix: string, local: string) => ({ namespace: 'https://xbrl.ifrs.org/taxonomy/2023-03-23/ifrs-full', local, prefix });
    expect(standardConceptKey('INCOME_STATEMENT', ifrs('ifrs', 'Revenue'))).toBe('revenue');
    expect(standardConceptKey('INCOME_STATEMENT', ifrs('ifrs-full', 'Revenue'))).toBe('revenue');
    expect(standardConceptKey('INCOME_STATEMENT', { namespace: 'http://example.com/ext', local: 'Revenue', prefix: 'ex' })).toBeNull();
  });
});

describe('meta', () => {
  it('names the entity, its LEI, the period, the fiscal year and the currency; a package is an annual report', async () => {
    const doc = ixbrlDocument({ body: revenue('r', '', '1') + revenue('r2', 'contextRef="FY2023"', '2') });
    const report = await readXbrlReport(reportPackage(doc), { fileName: 'example.zip' });
    expect(report.format).toBe('XBRL_PACKAGE');
    expect(report.documents).toEqual(['example/reports/example.xhtml']);
    expect(report.meta).toEqual({
      entityName: 'Example SE',
      lei: '529900T8BM49AURSDO55',
      cik: null,
      documentType: 'annual',
      periodEnd: '2024-12-31',
      fiscalYear: 2024,
      fiscalYearEnd: null,
      currency: 'EUR',
    });
  });
});
