// Which kind of document some bytes are, from their content alone (never the file name): a PDF, a report
// package (zip), or an inline-XBRL (X)HTML document.
import { unzipSync } from 'fflate';
import type { DocumentFormat } from './types.js';

/** The Inline XBRL namespaces (1.0 and 1.1); the `ix:header` must be bound to one of them, whatever its prefix. */
export const IX_NAMESPACES = new Set(['http://www.xbrl.org/2013/inlineXBRL', 'http://www.xbrl.org/2008/inlineXBRL']);

// The root element, with its namespace declarations, sits within the first bytes of any (X)HTML document.
const ROOT_BYTES = 256 * 1024;

export function detectDocumentFormat(bytes: Uint8Array): DocumentFormat | null {
  if (startsWith(bytes, '%PDF-')) return 'PDF';
  if (startsWith(bytes, 'PK\u0003\u0004') || startsWith(bytes, 'PK\u0005\u0006')) return isReportPackage(bytes) ? 'XBRL_PACKAGE' : null;
  return looksLikeInlineXbrl(bytes) ? 'IXBRL' : null;
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}

/** Zip entry names from the central directory, nothing decompressed; null when the zip cannot be listed. */
export function listZipEntries(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

/** A taxonomy package (META-INF/taxonomyPackage.xml) or a report package (a reports/ folder), at any depth. */
export function isReportPackage(bytes: Uint8Array): boolean {
  const names = listZipEntries(bytes);
  return names !== null && names.some((n) => /(^|\/)META-INF\/taxonomyPackage\.xml$/i.test(n) || /(^|\/)reports\//i.test(n));
}

/**
 * An (X)HTML document with an `ix:header` element: some prefix is bound to an Inline XBRL namespace and an element
 * `<prefix:header` appears. A text test, not a parse: detection must be cheap and must not fail on broken markup.
 * The header may come after megabytes of inline images and styles, so it is searched for in the whole file.
 */
export function looksLikeInlineXbrl(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, ROOT_BYTES));
  if (!/<html[\s>]/i.test(head)) return false;
  const prefixes: string[] = [];
  for (const m of head.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*["']([^"']+)["']/g)) {
    if (IX_NAMESPACES.has(m[2])) prefixes.push(m[1] ?? '');
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return prefixes.some((p) => [' ', '>', '/', '\n', '\r', '\t'].some((end) => buffer.includes(`<${p ? `${p}:` : ''}header${end}`, 0, 'latin1')));
}
