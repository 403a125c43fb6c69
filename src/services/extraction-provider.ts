// Which extractor reads a document, by its format: asked when an extraction is requested and again when it runs.
import { config } from '../config.js';
import { ValidationError } from '../errors.js';
import type { DocumentFormat, ExtractionProvider } from '../generated/prisma/enums.js';

/**
 * The provider that reads a document of this format: an inline-XBRL document or package is read from its tagged
 * facts (XBRL), a PDF by the requested provider or the configured default. A provider that cannot read the format
 * is refused rather than silently replaced.
 */
export function providerFor(format: DocumentFormat, requested?: ExtractionProvider | null): ExtractionProvider {
  if (format === 'PDF') {
    if (requested === 'XBRL') throw ValidationError.field('provider', 'XBRL reads inline-XBRL documents; this document is a PDF (use LAYOUT or LLM)');
    return requested ?? config.defaultProvider;
  }
  if (requested && requested !== 'XBRL') {
    throw ValidationError.field('provider', `This document is inline XBRL (${format}): it is read from its tagged facts with provider XBRL, not ${requested}`);
  }
  return 'XBRL';
}
