// Small generated iXBRL documents and zips for the reader's tests: each feature on a few lines of markup.
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface DocumentParts {
  /** body markup: facts, tables */
  body: string;
  /** extra ix:resources markup (contexts, units) besides the defaults */
  resources?: string;
  /** prefixes bound on <html>: ix (default "ix"), the xbrli prefix ("" = default namespace on the elements) */
  ixPrefix?: string;
  ixNamespace?: string;
  extraNamespaces?: string;
  /** markup before <html> (an XML declaration, a DOCTYPE) */
  prolog?: string;
  /** leave out the default contexts and units */
  bare?: boolean;
}

const DEFAULT_RESOURCES = `
  <xbrli:context id="FY2024"><xbrli:entity><xbrli:identifier scheme="http://standards.iso.org/iso/17442">529900T8BM49AURSDO55</xbrli:identifier></xbrli:entity>
    <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>
  <xbrli:context id="FY2023"><xbrli:entity><xbrli:identifier scheme="http://standards.iso.org/iso/17442">529900T8BM49AURSDO55</xbrli:identifier></xbrli:entity>
    <xbrli:period><xbrli:startDate>2023-01-01</xbrli:startDate><xbrli:endDate>2023-12-31</xbrli:endDate></xbrli:period></xbrli:context>
  <xbrli:context id="I2024"><xbrli:entity><xbrli:identifier scheme="http://standards.iso.org/iso/17442">529900T8BM49AURSDO55</xbrli:identifier></xbrli:entity>
    <xbrli:period><xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context>
  <xbrli:context id="I2023"><xbrli:entity><xbrli:identifier scheme="http://standards.iso.org/iso/17442">529900T8BM49AURSDO55</xbrli:identifier></xbrli:entity>
    <xbrli:period><xbrli:instant>2023-12-31</xbrli:instant></xbrli:period></xbrli:context>
  <xbrli:context id="FY2024-segment"><xbrli:entity><xbrli:identifier scheme="http://standards.iso.org/iso/17442">529900T8BM49AURSDO55</xbrli:identifier>
    <xbrli:segment><xbrldi:explicitMember dimension="ifrs-full:SegmentsAxis">ex:RetailMember</xbrldi:explicitMember></xbrli:segment></xbrli:entity>
    <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>
  <xbrli:unit id="EUR"><xbrli:measure>iso4217:EUR</xbrli:measure></xbrli:unit>
  <xbrli:unit id="EURps"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>iso4217:EUR</xbrli:measure></xbrli:unitNumerator>
    <xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unitDenominator></xbrli:divide></xbrli:unit>`;

export function ixbrlDocument(parts: DocumentParts): string {
  const ix = parts.ixPrefix ?? 'ix';
  const ns = parts.ixNamespace ?? 'http://www.xbrl.org/2013/inlineXBRL';
  return `${parts.prolog ?? '<?xml version="1.0" encoding="UTF-8"?>'}
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:${ix}="${ns}" xmlns:xbrli="http://www.xbrl.org/2003/instance"
  xmlns:xbrldi="http://xbrl.org/2006/xbrldi" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
  xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:ifrs-full="https://xbrl.ifrs.org/taxonomy/2023-03-23/ifrs-full" xmlns:ex="http://example.com/ext" ${parts.extraNamespaces ?? ''}>
<head><title>test</title></head>
<body>
<div style="display:none"><${ix}:header><${ix}:hidden>
  <${ix}:nonNumeric name="ifrs-full:NameOfReportingEntityOrDescriptionOfNatureOfChangesFromEndOfPrecedingReportingPeriod" contextRef="FY2024">Example SE</${ix}:nonNumeric>
</${ix}:hidden><${ix}:resources>${parts.bare ? '' : DEFAULT_RESOURCES}${parts.resources ?? ''}</${ix}:resources></${ix}:header></div>
${parts.body}
</body></html>`;
}

export const bytesOf = (text: string) => new TextEncoder().encode(text);

/** A report package: the document under <name>/reports/, META-INF/taxonomyPackage.xml, any extra entries. */
export function reportPackage(document: string, extra: Zippable = {}): Uint8Array {
  return zipSync({
    'example/META-INF/taxonomyPackage.xml': strToU8('<?xml version="1.0"?><tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package"/>'),
    'example/reports/example.xhtml': strToU8(document),
    ...extra,
  });
}
