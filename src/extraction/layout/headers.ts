// Column headers: which header text stands over which column of figures. Headers come stacked over several
// lines ("Three Months Ended" / "January 28," / "2023"), a group header spans the columns it covers ("Nine
// months ended September 30," over two years), and titles or unit notes further left are context, not headers.
import { isCurrencyMark } from '../numbers.js';
import type { Line, Phrase } from './lines.js';
import type { ColumnZone } from './table.js';

export interface ColumnHeader {
  /** text printed over this column only, top to bottom */
  own: string;
  /** text of group headers spanning this column and others */
  group: string;
}

export interface ColumnHeaders {
  columns: ColumnHeader[];
  /** header text over no column in particular, or over all of them (a title, "Year Ended December 31,") */
  shared: string;
}

const NOTE_HEADER = /^(notes?|not|noter|anm\.?|anmerkung(en)?|anhang|annexe|toelichting|ref\.?|nota|notas|note n°|punkt)$/i;
// A Notes header too wide for its column runs into the date beside it ("Toelichting29 juni 2025").
const NOTE_PREFIX = /^(notes?|noter|anmerkung(en)?|anhang|annexe|toelichting|notas?)(?=\d)/i;

// A bare unit mark over a column ("£m", "(M€)", "TEUR", "$'000") says nothing about its period.
const UNIT_MARK = /^\(?(in\s)?([$£€¥₹]\s?(m|mn|bn|k|['’]?000)|(m|t|k|mio\.?|mrd\.?|tsd\.?)\s?[$£€¥₹]|teur|tusd|meur|musd|msek|tsek|ksek|mn|m|bn|['’]?000)\)?$/i;

interface Extent {
  x0: number;
  x1: number;
}

/** Gives every header phrase to the columns it stands over: one column (own), several (group) or none (shared). */
export function readColumnHeaders(headerLines: Line[], columns: ColumnZone[], fontSize: number): ColumnHeaders {
  const result: ColumnHeader[] = columns.map(() => ({ own: '', group: '' }));
  const sharedParts: string[] = [];
  const lines = headerLines.map((line) =>
    line.phrases
      .map((p) => ({ ...p, text: p.text.replace(NOTE_PREFIX, '') }))
      .filter((p) => !isCurrencyMark(p.text) && !NOTE_HEADER.test(p.text.trim()) && !UNIT_MARK.test(p.text.trim())),
  );
  const { extents, oneToOne } = calibrateExtents(lines, columns, fontSize);
  // Text centred well left of the first column sits over the labels: a title or a unit note. (A group header
  // wider than the columns it spans may start left of them; its centre is still over them.)
  const regionStart = Math.min(...extents.map((e) => e.x0)) - fontSize;
  const overLabels = (p: Phrase) => p.x0 < regionStart && (p.x0 + p.x1) / 2 < regionStart + fontSize;
  const pad = 0.5 * fontSize;
  // Where each phrase of the previous header line went: a wrapped group header continues under its first part.
  let placedAbove: Placed[] = [];
  // A lone phrase on its line over some columns only: a group header of its own when other group headers head
  // the rest ("Three months ended June" wrapped beside "Six months ended June 30,"), else a header over all.
  const loneGroups: (Placed & { texts: string[] })[] = [];
  for (const [lineIndex, phrases] of lines.entries()) {
    const inRegion = phrases.filter((p) => !overLabels(p));
    for (const p of phrases) if (overLabels(p)) sharedParts.push(p.text);
    const own = oneToOne.get(lineIndex);
    const previous = placedAbove;
    placedAbove = [];
    const above = lineIndex > 0 && headerLines[lineIndex - 1].y - headerLines[lineIndex].y < 1.6 * fontSize ? previous : [];
    if (own) {
      own.forEach((p, k) => (result[k].own += ` ${p.text}`));
      continue;
    }
    for (const phrase of inRegion) {
      const continued = continuedGroup(phrase, above, extents, pad);
      if (continued) {
        if (continued.lone) continued.lone.texts.push(phrase.text);
        else for (const i of continued.columns) result[i].group += ` ${phrase.text}`;
        placedAbove.push({ ...continued, x0: phrase.x0, x1: phrase.x1 });
        continue;
      }
      let hits = extents.flatMap((e, i) => (Math.min(phrase.x1, e.x1 + pad) - Math.max(phrase.x0, e.x0 - pad) > 0 ? [i] : []));
      if (hits.length === 1) hits = straddled(phrase, hits[0], extents);
      if (hits.length === 0) {
        const nearest = nearestExtent(phrase, extents);
        if (nearest !== null && distance(phrase, extents[nearest]) <= 1.5 * fontSize) hits = [nearest];
      }
      // A lone phrase not set over one column alone ("Year Ended December 31," centred over three years) heads
      // them all; "(Unaudited)" under one date heads that column only.
      // A header wider than its column but aligned with it ("Change" right-aligned over a narrow column) is its own.
      const alignedWith = (e: Extent) => Math.abs(phrase.x1 - e.x1) <= 0.3 * fontSize || Math.abs(phrase.x0 + phrase.x1 - e.x0 - e.x1) <= 0.6 * fontSize;
      const withinOne = extents.some((e) => phrase.x0 >= e.x0 - pad && phrase.x1 <= e.x1 + pad) || (hits.length === 1 && alignedWith(extents[hits[0]]));
      const spansAll = columns.length > 1 && (hits.length === columns.length || (inRegion.length === 1 && !withinOne));
      if (spansAll && hits.length > 1 && hits.length < columns.length) {
        const lone = { x0: phrase.x0, x1: phrase.x1, columns: hits, texts: [phrase.text] };
        loneGroups.push(lone);
        placedAbove.push({ ...lone, lone });
      } else if (hits.length === 0 || spansAll) sharedParts.push(phrase.text);
      else if (hits.length === 1) result[hits[0]].own += ` ${phrase.text}`;
      else {
        for (const i of hits) result[i].group += ` ${phrase.text}`;
        placedAbove.push({ x0: phrase.x0, x1: phrase.x1, columns: hits });
      }
    }
  }
  for (const lone of loneGroups) {
    const othersHeaded = result.every((c, i) => lone.columns.includes(i) || c.group !== '');
    if (othersHeaded) for (const i of lone.columns) result[i].group += ` ${lone.texts.join(' ')}`;
    else sharedParts.push(...lone.texts);
  }
  return {
    columns: result.map((c) => ({ own: c.own.trim(), group: c.group.trim() })),
    shared: sharedParts.join(' ').trim(),
  };
}

/**
 * A phrase centred in the gap between two columns and barely over either ("2023" over its Predecessor and
 * Successor columns, "Successor" periods beside "Predecessor" ones) heads both.
 */
function straddled(phrase: Phrase, hit: number, extents: Extent[]): number[] {
  const e = extents[hit];
  const centre = (phrase.x0 + phrase.x1) / 2;
  const side = centre > e.x1 ? hit + 1 : centre < e.x0 ? hit - 1 : -1;
  const overlap = Math.min(phrase.x1, e.x1) - Math.max(phrase.x0, e.x0);
  if (side < 0 || side >= extents.length || overlap >= (phrase.x1 - phrase.x0) / 2) return [hit];
  // The neighbour must be within reach too: not a phrase hanging off the outer edge of the table.
  const n = extents[side];
  const reach = centre > e.x1 ? n.x0 - phrase.x1 : phrase.x0 - n.x1;
  return reach <= n.x1 - n.x0 ? [Math.min(hit, side), Math.max(hit, side)] : [hit];
}

/** A group header phrase as placed: its extent and the columns it spans. */
interface Placed extends Extent {
  columns: number[];
  /** the lone phrase this continues, placed once the whole header is read */
  lone?: { texts: string[] };
}

/**
 * A group header too wide for its columns wraps: "Three Months Ended March" / "31", or "Six months ended June" /
 * "30". The second part sits centred under the first, not under a column of its own, and spans what it spans.
 */
function continuedGroup(phrase: Phrase, above: Placed[], extents: Extent[], pad: number): Placed | null {
  const centre = (phrase.x0 + phrase.x1) / 2;
  const nearestColumn = Math.min(...extents.map((e) => Math.abs(centre - (e.x0 + e.x1) / 2)));
  for (const group of above) {
    const within = phrase.x0 >= group.x0 - pad && phrase.x1 <= group.x1 + pad;
    if (within && Math.abs(centre - (group.x0 + group.x1) / 2) < nearestColumn - pad) return group;
  }
  return null;
}

/**
 * Header text often sits offset from the figures under it (dates centred, figures right-aligned). A header
 * line with exactly one phrase per column, in order, shows where each column's header is printed.
 */
function calibrateExtents(lines: Phrase[][], columns: ColumnZone[], fontSize: number) {
  const extents = columns.map((c) => ({ x0: c.x0, x1: c.x1 }));
  const oneToOne = new Map<number, Phrase[]>();
  for (let i = lines.length - 1; i >= 0; i--) {
    const phrases = lines[i].filter((p) => p.x1 > columns[0].x0 - 4 * fontSize);
    if (phrases.length !== columns.length || phrases.length < 2) continue;
    const inOrder = phrases.every((p, k) => nearestExtent(p, columns) === k);
    if (!inOrder) continue;
    oneToOne.set(i, phrases);
    phrases.forEach((p, k) => {
      extents[k].x0 = Math.min(extents[k].x0, p.x0);
      extents[k].x1 = Math.max(extents[k].x1, p.x1);
    });
  }
  return { extents, oneToOne };
}

function distance(a: Extent, b: Extent): number {
  return Math.max(0, b.x0 - a.x1, a.x0 - b.x1);
}

function nearestExtent(phrase: Extent, extents: Extent[]): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  const centre = (phrase.x0 + phrase.x1) / 2;
  extents.forEach((e, i) => {
    const d = Math.abs(centre - (e.x0 + e.x1) / 2);
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  return best;
}
