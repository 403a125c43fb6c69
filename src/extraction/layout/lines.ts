// From pdf.js text runs to printed lines: runs are split into words, words grouped by baseline into lines, and
// words close together joined into phrases (a label, or one figure).
import type { PdfPage, TextItem } from '../types.js';

export interface Phrase {
  text: string;
  x0: number;
  x1: number;
  fontSize: number;
  /** the words joined into this phrase, with their estimated positions */
  words?: { text: string; x0: number; x1: number }[];
}

export interface Line {
  page: number;
  /** baseline, PDF user space (larger = higher on the page) */
  y: number;
  fontSize: number;
  phrases: Phrase[];
  text: string;
}

interface Word {
  text: string;
  x0: number;
  x1: number;
  y: number;
  fontSize: number;
  /** one space after the previous word of the same run: the same phrase, whatever the estimated gap */
  spacedInRun?: boolean;
}

/** Splits a run into words, placing each by its share of the run's characters (pdf.js gives only run widths). */
function wordsOf(item: TextItem): Word[] {
  const words: Word[] = [];
  const chars = [...item.str];
  const charWidth = chars.length > 0 ? item.width / chars.length : 0;
  let start = -1;
  let previousEnd = -1;
  for (let i = 0; i <= chars.length; i++) {
    const blank = i === chars.length || /\s/.test(chars[i]);
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      words.push({
        text: chars.slice(start, i).join(''),
        x0: item.x + start * charWidth,
        x1: item.x + i * charWidth,
        y: item.y,
        fontSize: item.fontSize,
        spacedInRun: previousEnd >= 0 && start - previousEnd === 1,
      });
      previousEnd = i;
      start = -1;
    }
  }
  return words;
}

export function linesOfPage(page: PdfPage): Line[] {
  const words = page.items.flatMap(wordsOf).sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const groups: Word[][] = [];
  for (const word of words) {
    const current = groups[groups.length - 1];
    // Baselines within ~40% of the font size are one printed line ($ signs and superscripts sit a little off).
    if (current && Math.abs(current[0].y - word.y) <= Math.max(1.5, 0.4 * Math.min(current[0].fontSize, word.fontSize))) {
      current.push(word);
    } else {
      groups.push([word]);
    }
  }
  const lines = groups.map((group) => toLine(page.number, group));
  return dropPageFurniture(lines);
}

function toLine(page: number, words: Word[]): Line {
  words.sort((a, b) => a.x0 - b.x0);
  const fontSize = median(words.map((w) => w.fontSize));
  const phrases: Phrase[] = [];
  for (const word of words) {
    const last = phrases[phrases.length - 1];
    const gap = last ? word.x0 - last.x1 : Infinity;
    // A word space is ~0.25-0.35 em; table columns are separated by far more.
    if (last && (gap < 0.6 * fontSize || word.spacedInRun)) {
      const spaced = word.spacedInRun || gap > 0.12 * fontSize;
      last.text += spaced ? ` ${word.text}` : word.text;
      last.x1 = Math.max(last.x1, word.x1);
      const words = last.words!;
      if (spaced) words.push({ text: word.text, x0: word.x0, x1: word.x1 });
      else Object.assign(words[words.length - 1], { text: words[words.length - 1].text + word.text, x1: word.x1 });
    } else {
      phrases.push({ text: word.text, x0: word.x0, x1: word.x1, fontSize: word.fontSize, words: [{ text: word.text, x0: word.x0, x1: word.x1 }] });
    }
  }
  return {
    page,
    y: median(words.map((w) => w.y)),
    fontSize,
    phrases,
    text: phrases.map((p) => p.text).join(' '),
  };
}

/** Page numbers and "Page 2 of 8" footers sit where figures could be and are not part of any table. */
function dropPageFurniture(lines: Line[]): Line[] {
  return lines.filter((line, index) => {
    const text = line.text.trim();
    if (/^(page|sida|seite|pagina)\s+\d+(\s+(of|av|von|sur|van)\s+\d+)?$/i.test(text)) return false;
    const atEdge = index === 0 || index === lines.length - 1;
    if (atEdge && /^[-–]?\s*\d{1,3}\s*[-–]?$/.test(text)) return false;
    return true;
  });
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const EDGE_LINES = 3;

/**
 * Running headers and footers: a line at the top or foot of many pages that carries the page's own number
 * ("Annual Report 2023 | Group | 195", "PAGINA 139/194"), or the same long wording on most pages of a long
 * report (a navigation bar).
 * They sit where figures and titles could be and would otherwise read as a row of figures or a title.
 */
export function dropRunningLines(pages: Line[][]): Line[][] {
  const pagesOf = new Map<string, Set<number>>();
  const keysOf = (line: Line, page: number): string[] => {
    const masked = line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
    const folios = [...line.text.matchAll(/\d{1,4}/g)].map((m) => `${masked}\u0000${Number(m[0]) - page}`);
    // Only a long line without any digit can be a navigation bar (not "2024 2023" or "(in millions)").
    const navigation = !/\d/.test(line.text) && line.text.split(/\s+/).length >= 8 ? [`${masked}\u0000=`] : [];
    return [...navigation, ...folios];
  };
  const edges = (lines: Line[]) => (lines.length <= 2 * EDGE_LINES ? lines : [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)]);
  for (const [index, lines] of pages.entries()) {
    for (const line of edges(lines)) {
      for (const key of keysOf(line, index + 1)) {
        const set = pagesOf.get(key) ?? new Set<number>();
        set.add(index);
        pagesOf.set(key, set);
      }
    }
  }
  const folioPages = Math.max(3, 0.1 * pages.length);
  const samePages = Math.max(8, 0.5 * pages.length);
  const isRunning = (key: string) => {
    const n = pagesOf.get(key)?.size ?? 0;
    return key.includes('\u0000=') ? n >= samePages : n >= folioPages;
  };
  return pages.map((lines, index) => {
    const edge = new Set(edges(lines));
    return lines.filter((line) => !edge.has(line) || !keysOf(line, index + 1).some(isRunning));
  });
}
