// Strict, namespace-aware XML reading for iXBRL documents and linkbases. A DOCTYPE with a DTD is refused outright
// (so no entity is ever declared, expanded, or fetched); anything not well-formed is a typed error, never a guess.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { DocumentUnreadableError } from '../../errors.js';

/** Deeper than any real report's markup (SEC filings nest ~30 levels); beyond it the input is hostile. */
export const MAX_XML_DEPTH = 1_000;

export type XmlTag = SaxesTagNS;

export interface XmlHandlers {
  /** `resolve` maps a prefix in scope at this element to its namespace URI (for QName-valued attributes) */
  open(tag: XmlTag, depth: number, resolve: (prefix: string) => string | undefined): void;
  close(tag: XmlTag, depth: number): void;
  text(text: string): void;
}

/** Bytes to text per the BOM or the XML declaration's encoding (UTF-8 when neither says). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  // ASCII is a subset of UTF-8; "latin1"/"iso-8859-1" is read as windows-1252 by the Encoding standard anyway.
  const label = declared === 'ascii' || declared === 'us-ascii' ? 'utf-8' : declared;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: label === 'utf-8' });
  } catch {
    throw new DocumentUnreadableError('MALFORMED_XML', `Unsupported XML encoding "${declared}".`);
  }
  try {
    // A BOM is not text: TextDecoder drops it by default.
    return decoder.decode(bytes);
  } catch {
    throw new DocumentUnreadableError('MALFORMED_XML', `The document is not valid ${declared}.`);
  }
}

/** Streams the document's elements and text to the handlers; throws DocumentUnreadableError on bad input. */
export function parseXml(text: string, handlers: XmlHandlers, what: string): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  const resolve = (prefix: string) => parser.resolve(prefix);
  parser.on('doctype', (doctype) => {
    // `<!DOCTYPE html>` (as XHTML5 tools write it) names no DTD and declares nothing: harmless. Anything more (an
    // internal subset with entities, a SYSTEM or PUBLIC DTD) is refused outright, never loaded or expanded.
    if (/^\s*html\s*$/i.test(doctype)) return;
    throw new DocumentUnreadableError('XML_DTD', `${what} declares a DOCTYPE with a DTD; DTDs and entities are refused, never resolved.`);
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > MAX_XML_DEPTH) throw new DocumentUnreadableError('MALFORMED_XML', `${what} nests elements more than ${MAX_XML_DEPTH} deep.`);
    handlers.open(tag, depth, resolve);
  });
  parser.on('closetag', (tag) => {
    handlers.close(tag, depth);
    depth--;
  });
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  try {
    // SEC filing tools emit blank lines before the XML declaration, which strict XML forbids; they carry nothing.
    parser.write(text.replace(/^\s+(?=<\?xml)/, '')).close();
  } catch (error) {
    if (error instanceof DocumentUnreadableError) throw error;
    throw new DocumentUnreadableError('MALFORMED_XML', `${what} is not well-formed XML: ${(error as Error).message}`);
  }
}

/** An attribute's value by namespace URI and local name ('' for unprefixed attributes). */
export function attr(tag: XmlTag, local: string, namespace = ''): string | undefined {
  if (namespace === '') return tag.attributes[local]?.value;
  for (const a of Object.values(tag.attributes)) {
    if (a.local === local && a.uri === namespace) return a.value;
  }
  return undefined;
}
