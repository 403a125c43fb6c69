// One inline-XBRL (X)HTML document in a single streaming pass: its contexts, units and tagged facts (the iXBRL
// semantics: scale, sign, format, nil, nesting, exclude, hidden, continuation), the HTML tables the facts sit in
// (for statements without a presentation linkbase), and its printed pages (CSS page breaks).
import { IX_NAMESPACES } from './detect-format.js';
import { HtmlLayout } from './html-layout.js';
import { applyNumericFormat, scaleAndSign, TransformError } from './transforms.js';
import type { HtmlTable, QName, XbrlContext, XbrlFact, XbrlProblem, XbrlUnit } from './types.js';
import { attr, decodeXml, parseXml, type XmlTag } from './xml.js';

const MAX_SCALE = 50;

export const NS = {
  xbrli: 'http://www.xbrl.org/2003/instance',
  xbrldi: 'http://xbrl.org/2006/xbrldi',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  iso4217: 'http://www.xbrl.org/2003/iso4217',
};

/** A fact as tagged in one document, before duplicates across tags are merged. */
export type TaggedFact = Omit<XbrlFact, 'duplicates'> & {
  continuedAt: string | null;
  valid: boolean;
  /** a text fact with a format: its value is the printed text, not the transformed one (dates, durations, flags) */
  printedText: boolean;
};

export interface DocumentReading {
  hasHeader: boolean;
  contexts: XbrlContext[];
  units: XbrlUnit[];
  facts: TaggedFact[];
  /** tables whose rows carry facts; row facts index `facts` */
  tables: HtmlTable[];
  pages: number;
  problems: XbrlProblem[];
}

interface TextSink {
  text: string;
}

export function readInlineDocument(bytes: Uint8Array, documentIndex: number, what: string): DocumentReading {
  const contexts: XbrlContext[] = [];
  const units: XbrlUnit[] = [];
  const facts: TaggedFact[] = [];
  const problems: XbrlProblem[] = [];
  const continuations = new Map<string, { text: string; continuedAt: string | null }>();
  const layout = new HtmlLayout(documentIndex);
  const sinks: TextSink[] = [];
  const sinkOf = new Map<XmlTag, TextSink>();
  const factOf = new Map<XmlTag, TaggedFact>();
  let resolveInScope: (prefix: string) => string | undefined = () => undefined;
  let hasHeader = false;
  let position = -1;
  let hiddenDepth = 0;
  let excludeDepth = 0;
  let context: XbrlContext | null = null;
  let unit: XbrlUnit | null = null;
  let inDenominator = false;
  let leaf: { text: string } | null = null;
  let member: { dimension: string; typed: boolean } | null = null;

  const qname = (value: string, resolve: (p: string) => string | undefined): QName => {
    const at = value.indexOf(':');
    const prefix = at < 0 ? '' : value.slice(0, at);
    return { prefix, local: value.slice(at + 1), namespace: resolve(prefix) ?? '' };
  };
  const measure = (value: string, resolve: (p: string) => string | undefined): string => {
    const q = qname(value.trim(), resolve);
    if (q.namespace === NS.iso4217) return `iso4217:${q.local}`;
    if (q.namespace === NS.xbrli) return `xbrli:${q.local}`;
    return value.trim();
  };

  parseXml(
    decodeXml(bytes),
    {
      open(tag, _depth, resolve) {
        position++;
        resolveInScope = resolve;
        layout.open(tag);
        if (IX_NAMESPACES.has(tag.uri)) {
          switch (tag.local) {
            case 'header':
              hasHeader = true;
              break;
            case 'hidden':
              hiddenDepth++;
              break;
            case 'exclude':
              excludeDepth++;
              break;
            case 'nonFraction':
            case 'nonNumeric': {
              const numeric = tag.local === 'nonFraction';
              const fact: TaggedFact = {
                id: attr(tag, 'id') ?? null,
                concept: qname(attr(tag, 'name') ?? '', resolve),
                numeric,
                value: null,
                contextRef: attr(tag, 'contextRef') ?? '',
                unitRef: attr(tag, 'unitRef') ?? null,
                decimals: numeric ? (attr(tag, 'decimals') ?? null) : null,
                document: documentIndex,
                position,
                hidden: hiddenDepth > 0,
                continuedAt: attr(tag, 'continuedAt') ?? null,
                valid: true,
                printedText: !numeric && attr(tag, 'format') !== undefined,
              };
              const sink = { text: '' };
              sinks.push(sink);
              sinkOf.set(tag, sink);
              if (numeric) layout.factOpened(facts.length);
              factOf.set(tag, fact);
              facts.push(fact);
              break;
            }
            case 'continuation': {
              const sink = { text: '' };
              sinks.push(sink);
              sinkOf.set(tag, sink);
              break;
            }
          }
          return;
        }
        if (tag.uri === NS.xbrli) {
          switch (tag.local) {
            case 'context':
              context = { id: attr(tag, 'id') ?? '', entity: { scheme: '', identifier: '' }, period: { kind: 'forever', start: null, end: null }, dimensions: [] };
              break;
            case 'identifier':
              if (context) context.entity.scheme = attr(tag, 'scheme') ?? '';
              leaf = { text: '' };
              break;
            case 'startDate':
            case 'endDate':
            case 'instant':
            case 'measure':
              leaf = { text: '' };
              break;
            case 'unit':
              unit = { id: attr(tag, 'id') ?? '', numerator: [], denominator: [] };
              inDenominator = false;
              break;
            case 'unitDenominator':
              inDenominator = true;
              break;
          }
          return;
        }
        if (tag.uri === NS.xbrldi && (tag.local === 'explicitMember' || tag.local === 'typedMember')) {
          member = { dimension: attr(tag, 'dimension') ?? '', typed: tag.local === 'typedMember' };
          leaf = { text: '' };
        }
      },
      close(tag) {
        layout.close(tag);
        if (IX_NAMESPACES.has(tag.uri)) {
          const sink = sinkOf.get(tag);
          if (sink) {
            sinks.splice(sinks.lastIndexOf(sink), 1);
            sinkOf.delete(tag);
          }
          switch (tag.local) {
            case 'hidden':
              hiddenDepth--;
              break;
            case 'exclude':
              excludeDepth--;
              break;
            case 'nonFraction':
            case 'nonNumeric': {
              const fact = factOf.get(tag);
              factOf.delete(tag);
              if (fact) finishFact(fact, tag, sink?.text ?? '', problems);
              if (tag.local === 'nonFraction') layout.factClosed();
              break;
            }
            case 'continuation':
              continuations.set(attr(tag, 'id') ?? '', { text: sink?.text ?? '', continuedAt: attr(tag, 'continuedAt') ?? null });
              break;
          }
          return;
        }
        if (tag.uri === NS.xbrli) {
          const text = leaf?.text.trim() ?? '';
          switch (tag.local) {
            case 'context':
              if (context) contexts.push(context);
              context = null;
              break;
            case 'identifier':
              if (context) context.entity.identifier = text;
              break;
            case 'startDate':
              if (context) Object.assign(context.period, { kind: 'duration', start: text.slice(0, 10) });
              break;
            case 'endDate':
              if (context) Object.assign(context.period, { kind: 'duration', end: text.slice(0, 10) });
              break;
            case 'instant':
              if (context) Object.assign(context.period, { kind: 'instant', end: text.slice(0, 10) });
              break;
            case 'measure':
              if (unit) (inDenominator ? unit.denominator : unit.numerator).push(measure(text, (p) => tag.ns[p] ?? resolveInScope(p)));
              break;
            case 'unit':
              if (unit) units.push(unit);
              unit = null;
              break;
          }
          if (tag.local !== 'context' && tag.local !== 'unit') leaf = null;
          return;
        }
        if (tag.uri === NS.xbrldi && member && leaf) {
          context?.dimensions.push({ dimension: member.dimension, member: leaf.text.trim(), typed: member.typed });
          member = null;
          leaf = null;
        }
      },
      text(text) {
        layout.text(text);
        if (leaf) leaf.text += text;
        if (excludeDepth === 0) for (const sink of sinks) sink.text += text;
      },
    },
    what,
  );
  joinContinuations(facts, continuations, problems);
  return { hasHeader, contexts, units, facts, tables: layout.tables(), pages: layout.pageCount(), problems };
}

/** The fact's value from its printed text: transformation format, scale, sign; nil stays null. */
function finishFact(fact: TaggedFact, tag: XmlTag, text: string, problems: XbrlProblem[]): void {
  if (!fact.numeric) {
    fact.value = text.replace(/[\s\u00a0]+/g, ' ').trim();
    return;
  }
  if (attr(tag, 'nil', NS.xsi) === 'true') return;
  const format = attr(tag, 'format') ?? null;
  try {
    const scale = Number(attr(tag, 'scale') ?? '0');
    // Real scales run from -6 (a percentage in millionths) to 12 (trillions); a huge one would print a number with
    // millions of zeros.
    if (!Number.isInteger(scale) || Math.abs(scale) > MAX_SCALE) throw new TransformError(`scale "${attr(tag, 'scale')}" is not an integer within ±${MAX_SCALE}`);
    fact.value = scaleAndSign(applyNumericFormat(format, text), scale, attr(tag, 'sign') === '-');
  } catch (error) {
    if (!(error instanceof TransformError)) throw error;
    fact.valid = false;
    const concept = `${fact.concept.prefix}:${fact.concept.local}`;
    problems.push({
      kind: /unknown format/.test(error.message) ? 'UNKNOWN_FORMAT' : 'INVALID_VALUE',
      message: `${concept}${fact.id ? ` (${fact.id})` : ''}: ${error.message}`,
      factId: fact.id,
      concept,
    });
  }
}

/** A text fact continued elsewhere (ix:continuation chains): its parts joined in chain order. */
function joinContinuations(facts: TaggedFact[], parts: Map<string, { text: string; continuedAt: string | null }>, problems: XbrlProblem[]): void {
  for (const fact of facts) {
    let next = fact.continuedAt;
    const seen = new Set<string>();
    while (next && !seen.has(next)) {
      seen.add(next);
      const part = parts.get(next);
      if (!part) {
        const concept = `${fact.concept.prefix}:${fact.concept.local}`;
        problems.push({ kind: 'MISSING_CONTINUATION', message: `${concept}: continuation "${next}" is missing`, factId: fact.id, concept });
        break;
      }
      fact.value = `${fact.value ?? ''} ${part.text.replace(/[\s\u00a0]+/g, ' ').trim()}`.trim();
      next = part.continuedAt;
    }
  }
}
