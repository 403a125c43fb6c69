// Hostile and broken input: each is a typed DocumentUnreadableError before anything is decompressed or
// resolved past the limits; nothing is fetched, no DTD is processed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentUnreadableError, type UnreadableReason } from '../../../src/errors.js';
import { detectDocumentFormat, extractStatements, readXbrlReport } from '../../../src/extraction/index.js';
import { PACKAGE_LIMITS } from '../../../src/extraction/xbrl/read-package.js';
import { MAX_XML_DEPTH } from '../../../src/extraction/xbrl/xml.js';
import { bytesOf, ixbrlDocument, reportPackage } from './make-ixbrl.js';

const body = '<p><ix:nonFraction name="ifrs-full:Revenue" contextRef="FY2024" unitRef="EUR" decimals="0">1</ix:nonFraction></p>';

async function refusal(bytes: Uint8Array): Promise<{ reason: UnreadableReason; message: string }> {
  try {
    await readXbrlReport(bytes, { fileName: 'hostile' });
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentUnreadableError);
    return { reason: (error as DocumentUnreadableError).reason, message: (error as Error).message };
  }
  throw new Error('the input was accepted');
}

/** Rewrites an entry's sizes in the zip's central directory: a header that lies about what it holds. */
function patchCentralDirectory(zip: Uint8Array, name: string, sizes: { compressed?: number; uncompressed?: number }): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(out.subarray(at + 46, at + 46 + nameLength)) !== name) continue;
    if (sizes.compressed !== undefined) view.setUint32(at + 20, sizes.compressed, true);
    if (sizes.uncompressed !== undefined) view.setUint32(at + 24, sizes.uncompressed, true);
    return out;
  }
  throw new Error(`no central-directory entry ${name}`);
}

describe('zip bombs and unsafe paths', () => {
  const document = ixbrlDocument({ body });

  it('reads a well-formed package (the baseline the hostile cases start from)', async () => {
    const report = await readXbrlReport(reportPackage(document));
    expect(report.facts.some((f) => f.concept.local === 'Revenue')).toBe(true);
  });

  it('refuses a package with more entries than the limit', async () => {
    const many = Object.fromEntries(Array.from({ length: PACKAGE_LIMITS.maxEntries + 1 }, (_, i) => [`example/reports/img/${i}.txt`, new Uint8Array(0)]));
    expect(await refusal(reportPackage(document, many))).toMatchObject({ reason: 'ZIP_BOMB', message: expect.stringContaining('entries') });
  });

  it('refuses a package whose entries declare more than the total size limit, before decompressing any', async () => {
    const zip = reportPackage(document, { 'example/reports/img/a.png': new Uint8Array(100), 'example/reports/img/b.png': new Uint8Array(100) });
    const half = Math.ceil(PACKAGE_LIMITS.maxTotalUncompressed / 2) + 1;
    const lying = patchCentralDirectory(patchCentralDirectory(zip, 'example/reports/img/a.png', { uncompressed: half, compressed: half }), 'example/reports/img/b.png', { uncompressed: half, compressed: half });
    expect(await refusal(lying)).toMatchObject({ reason: 'ZIP_BOMB', message: expect.stringContaining('expands to more than') });
  });

  it('refuses an entry compressed beyond the ratio limit', async () => {
    const zeros = new Uint8Array(PACKAGE_LIMITS.ratioFloorBytes * 4);
    expect(await refusal(reportPackage(document, { 'example/reports/bomb.xhtml': zeros }))).toMatchObject({ reason: 'ZIP_BOMB', message: expect.stringContaining(':1') });
  });

  it('refuses an entry that holds more bytes than its header declares', async () => {
    const zip = reportPackage(document);
    const lying = patchCentralDirectory(zip, 'example/reports/example.xhtml', { uncompressed: 100 });
    expect(await refusal(lying)).toMatchObject({ reason: 'ZIP_BOMB' });
  });

  it.each([
    ['a ../ path', 'example/reports/../../evil.xhtml'],
    ['an absolute path', '/etc/cron.d/evil'],
    ['a drive-letter path', 'C:/Windows/evil.xhtml'],
  ])('refuses %s', async (_case, name) => {
    expect(await refusal(reportPackage(document, { [name]: strToU8('x') }))).toMatchObject({ reason: 'UNSAFE_PATH' });
  });

  it('refuses a zip that is not a report package, and a damaged one', async () => {
    expect(detectDocumentFormat(zipSync({ 'notes.txt': strToU8('hello') }))).toBeNull();
    expect(await refusal(zipSync({ 'notes.txt': strToU8('hello') }))).toMatchObject({ reason: 'NOT_XBRL' });
    const damaged = reportPackage(document).slice(0, 200);
    expect(await refusal(damaged)).toMatchObject({ reason: 'MALFORMED_ZIP' });
  });

  it('refuses a package whose reports hold no inline XBRL', async () => {
    const zip = zipSync({ 'x/META-INF/taxonomyPackage.xml': strToU8('<a/>'), 'x/reports/plain.html': strToU8('<html><body>hello</body></html>') });
    expect(await refusal(zip)).toMatchObject({ reason: 'NOT_XBRL' });
  });
});

describe('DTDs and entities are refused, never resolved or fetched', () => {
  let server: Server;
  let hits = 0;
  let base = '';
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.end('<!ENTITY leaked "secret">');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    ['an external entity (http)', (url: string) => `<!DOCTYPE html [<!ENTITY xxe SYSTEM "${url}/entity">]>`, '&xxe;'],
    ['an external entity (file)', () => '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', '&xxe;'],
    ['a parameter entity fetching a DTD', (url: string) => `<!DOCTYPE html [<!ENTITY % remote SYSTEM "${url}/dtd"> %remote;]>`, ''],
    ['an external DTD', (url: string) => `<!DOCTYPE html SYSTEM "${url}/xhtml.dtd">`, ''],
    ['entity expansion (billion laughs)', () => `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>`, '&lol3;'],
  ])('%s', async (_case, doctype, reference) => {
    const doc = ixbrlDocument({ body: `<p>${reference}</p>${body}`, prolog: `<?xml version="1.0"?>\n${doctype(base)}` });
    expect(await refusal(bytesOf(doc))).toMatchObject({ reason: 'XML_DTD' });
    expect(await refusal(reportPackage(doc))).toMatchObject({ reason: 'XML_DTD' });
    expect(hits).toBe(0);
  });

  it('accepts the bare <!DOCTYPE html> of XHTML5 tools, which names no DTD and declares nothing', async () => {
    const doc = ixbrlDocument({ body, prolog: '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>' });
    expect((await readXbrlReport(bytesOf(doc))).facts.some((f) => f.concept.local === 'Revenue')).toBe(true);
    const publicDtd = ixbrlDocument({ body, prolog: '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">' });
    expect(await refusal(bytesOf(publicDtd))).toMatchObject({ reason: 'XML_DTD' });
  });

  it('in a package linkbase too', async () => {
    const linkbase = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "${base}/lb">]><link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase">&xxe;</link:linkbase>`;
    const zip = reportPackage(ixbrlDocument({ body }), { 'example/www.example.com/ex_pre.xml': strToU8(linkbase) });
    expect(await refusal(zip)).toMatchObject({ reason: 'XML_DTD' });
    expect(hits).toBe(0);
  });
});

describe('malformed and deeply nested markup', () => {
  it('refuses nesting deeper than any real report, without exhausting the stack', async () => {
    for (const depth of [MAX_XML_DEPTH + 1, 200_000]) {
      const doc = ixbrlDocument({ body: `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}` });
      expect(await refusal(bytesOf(doc))).toMatchObject({ reason: 'MALFORMED_XML', message: expect.stringContaining('deep') });
    }
  });

  it.each([
    ['an unclosed element', `<p><span>${body}</p>`],
    ['an HTML entity XML does not define', `<p>&nbsp;${body}</p>`],
    ['an unbound prefix', `<foo:bar>${body}</foo:bar>`],
    ['an unquoted attribute', `<p class=x>${body}</p>`],
  ])('refuses %s as malformed XML', async (_case, markup) => {
    expect(await refusal(bytesOf(ixbrlDocument({ body: markup })))).toMatchObject({ reason: 'MALFORMED_XML' });
  });

  it('refuses bytes that are not UTF-8 when the document says UTF-8', async () => {
    const doc = bytesOf(ixbrlDocument({ body }));
    const broken = new Uint8Array([...doc.subarray(0, 300), 0xff, 0xfe, 0xfd, ...doc.subarray(300)]);
    expect(await refusal(broken)).toMatchObject({ reason: 'MALFORMED_XML' });
  });

  it('refuses empty input, plain HTML and arbitrary bytes; extractStatements raises the same errors', async () => {
    expect(await refusal(new Uint8Array(0))).toMatchObject({ reason: 'EMPTY' });
    expect(await refusal(bytesOf('<html><body><p>no tags here</p></body></html>'))).toMatchObject({ reason: 'NOT_XBRL' });
    expect(await refusal(new Uint8Array([1, 2, 3, 4]))).toMatchObject({ reason: 'NOT_XBRL' });
    await expect(extractStatements(reportPackage(ixbrlDocument({ body: `${'<div>'.repeat(MAX_XML_DEPTH + 1)}` })))).rejects.toMatchObject({ reason: 'MALFORMED_XML' });
  });
});

describe('hostile values and linkbases', () => {
  it('reports a scale that would print millions of zeros instead of computing it', async () => {
    const doc = ixbrlDocument({ body: '<ix:nonFraction id="huge" name="ifrs-full:Revenue" contextRef="FY2024" unitRef="EUR" decimals="0" scale="999999999">1</ix:nonFraction>' });
    const report = await readXbrlReport(bytesOf(doc));
    expect(report.facts.map((f) => f.id)).not.toContain('huge');
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'INVALID_VALUE', factId: 'huge' })]);
  });

  it('walks a presentation linkbase whose shared children multiply the paths in bounded time', async () => {
    const levels = 40;
    const locs = Array.from({ length: levels + 1 }, (_, i) => `<link:loc xlink:type="locator" xlink:label="n${i}" xlink:href="x.xsd#ex_N${i}"/><link:loc xlink:type="locator" xlink:label="m${i}" xlink:href="x.xsd#ex_M${i}"/>`).join('');
    // each level points at both nodes of the next: 2^40 paths through 82 nodes
    const arcs = Array.from({ length: levels }, (_, i) => ['n', 'm'].flatMap((a) => ['n', 'm'].map((b) =>
      `<link:presentationArc xlink:type="arc" xlink:from="${a}${i}" xlink:to="${b}${i + 1}" order="1"/>`))).flat().join('');
    const pre = `<?xml version="1.0"?><link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"><link:presentationLink xlink:type="extended" xlink:role="http://x/role/BS">${locs}${arcs}</link:presentationLink></link:linkbase>`;
    const schema = `<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:link="http://www.xbrl.org/2003/linkbase" targetNamespace="http://x"><link:roleType roleURI="http://x/role/BS"><link:definition>Balance sheet</link:definition></link:roleType></xsd:schema>`;
    const figures = ['N0', 'N1', 'M1', 'N2'].map((n) => `<ix:nonFraction name="ex:${n}" contextRef="I2024" unitRef="EUR" decimals="0">1</ix:nonFraction>`).join('');
    const pkg = reportPackage(ixbrlDocument({ body: `<p>${figures}</p>` }), { 'example/x/x_pre.xml': strToU8(pre), 'example/x/x.xsd': strToU8(schema) });
    const output = await extractStatements(pkg);
    // the walk stops at its node budget: the statement is built, with lines from the first paths
    expect(output.statements.map((s) => s.type)).toEqual(['BALANCE_SHEET']);
    expect(output.statements[0].lineItems.map((l) => l.values)).toEqual([["1"], ["1"], ["1"]]);
  });
});

describe('detectDocumentFormat', () => {
  it('tells PDFs, report packages and iXBRL documents apart by content, whatever the prefix', () => {
    expect(detectDocumentFormat(bytesOf('%PDF-1.7\n...'))).toBe('PDF');
    expect(detectDocumentFormat(reportPackage(ixbrlDocument({ body })))).toBe('XBRL_PACKAGE');
    expect(detectDocumentFormat(zipSync({ 'pkg/reports/a.xhtml': strToU8('<html/>') }))).toBe('XBRL_PACKAGE');
    expect(detectDocumentFormat(bytesOf(ixbrlDocument({ body })))).toBe('IXBRL');
    expect(detectDocumentFormat(bytesOf(ixbrlDocument({ body: body.replaceAll('ix:', 'inl:'), ixPrefix: 'inl' })))).toBe('IXBRL');
    // an ix: prefix bound to some other namespace is not inline XBRL
    expect(detectDocumentFormat(bytesOf(ixbrlDocument({ body, ixNamespace: 'http://example.com/not-ixbrl' })))).toBeNull();
    expect(detectDocumentFormat(bytesOf('<html><body>ix:header</body></html>'))).toBeNull();
    // the header after megabytes of inline styles and images is still found
    const late = ixbrlDocument({ body }).replace('<head><title>test</title></head>', `<head><style>/*${'x'.repeat(5_000_000)}*/</style></head>`);
    expect(detectDocumentFormat(bytesOf(late))).toBe('IXBRL');
    expect(detectDocumentFormat(new Uint8Array(0))).toBeNull();
  });
});
