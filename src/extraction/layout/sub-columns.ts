// Sub-columns: some reports set a period's detail figures in an inner column and its subtotals in an outer one,
// under a single period header ("2014" over both). Two such columns are one period, so they are merged.
import type { Line } from './lines.js';
import type { ColumnZone } from './table.js';

interface Span {
  x0: number;
  x1: number;
}

/**
 * Merges adjacent column pairs when the header prints one dated phrase per pair and no printed line has figures
 * in both columns of a pair.
 */
export function mergeSubColumns(columns: ColumnZone[], lineCells: Span[][], headerLines: Line[], fontSize: number): ColumnZone[] {
  if (columns.length < 2 || columns.length % 2 !== 0) return columns;
  const sorted = [...columns].sort((a, b) => a.x0 - b.x0);
  const left = sorted[0].x0 - 3 * fontSize;
  const dated = headerLines.flatMap((l) => l.phrases.filter((p) => p.x1 > left && /\b(19[5-9]\d|20\d\d)\b/.test(p.text)));
  if (dated.length !== sorted.length / 2) return columns;
  const inside = (cell: Span, zone: ColumnZone) => cell.x1 >= zone.x0 - 0.3 * fontSize && cell.x0 <= zone.x1 + 0.3 * fontSize;
  const pairs: ColumnZone[] = [];
  for (let j = 0; j < dated.length; j++) {
    const [inner, outer] = [sorted[2 * j], sorted[2 * j + 1]];
    const centre = (dated[j].x0 + dated[j].x1) / 2;
    if (centre < inner.x0 - fontSize || centre > outer.x1 + fontSize) return columns;
    if (lineCells.some((cells) => cells.some((c) => inside(c, inner)) && cells.some((c) => inside(c, outer)))) return columns;
    pairs.push({ x0: inner.x0, x1: outer.x1, support: inner.support + outer.support });
  }
  return pairs;
}
