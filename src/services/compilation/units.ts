// Exact unit conversion. Figures stay decimal strings; arithmetic runs in a decimal.js clone with room for the
// widest stored figure (28 digits) times a scale of 10^9, so no conversion ever rounds.
import { Decimal as BaseDecimal } from 'decimal.js';
import type { Unit } from './types.js';

export const Decimal = BaseDecimal.clone({ precision: 60 });
export type Decimal = BaseDecimal;

/** Compiled figures are stored as numeric(28, 6). */
export const STORED_DECIMALS = 6;

export const UNIT_EXPONENT: Record<Unit, number> = { units: 0, thousands: 3, lakhs: 5, millions: 6, crores: 7, billions: 9 };

export function isUnit(value: string): value is Unit {
  return value in UNIT_EXPONENT;
}

/** A printed figure restated from one unit into another (per-share figures are never scaled). */
export function convert(value: string, from: Unit, to: Unit, perShare: boolean): Decimal {
  const d = new Decimal(value);
  if (perShare || from === to) return d;
  return d.times(new Decimal(10).pow(UNIT_EXPONENT[from] - UNIT_EXPONENT[to]));
}

// Already canonical: no sign on zero, no leading or trailing zeros. Most printed figures are, and skip decimal.js.
const CANONICAL = /^(-?[1-9]\d*(\.\d*[1-9])?|-?0\.\d*[1-9]|0)$/;

/** `convert` as a canonical decimal string, the form figures are stored and compared in. */
export function convertToString(value: string, from: Unit, to: Unit, perShare: boolean): string {
  if ((perShare || from === to) && CANONICAL.test(value)) return value;
  const d = convert(value, from, to, perShare);
  return d.isZero() ? '0' : d.toFixed();
}

/** The unit most reports print in; a tie goes to the newest report's unit (`units` newest first). */
export function mostCommonUnit(units: Unit[]): Unit {
  const counts = new Map<Unit, number>();
  for (const u of units) counts.set(u, (counts.get(u) ?? 0) + 1);
  let best: Unit = units[0] ?? 'units';
  for (const u of units) if ((counts.get(u) ?? 0) > (counts.get(best) ?? 0)) best = u;
  return best;
}

/**
 * Whether two reports' figures for one cell disagree. A figure printed in a coarser unit is a rounding of the
 * finer one, so the finer figure is rounded to the coarser unit before comparing (1 234 thousand = 1 million).
 */
export function differ(a: Revision, b: Revision, target: Unit, perShare: boolean): boolean {
  if (a.value === null || b.value === null) return a.value !== b.value;
  // Both are canonical strings in the target unit, so equal figures are equal strings.
  if (a.value === b.value) return false;
  if (perShare || a.unit === b.unit) return true;
  const [coarse, fine] = UNIT_EXPONENT[a.unit] > UNIT_EXPONENT[b.unit] ? [a, b] : [b, a];
  const shift = new Decimal(10).pow(UNIT_EXPONENT[coarse.unit] - UNIT_EXPONENT[target]);
  const printed = new Decimal(coarse.value!).div(shift);
  const rounded = new Decimal(fine.value!).div(shift).toDecimalPlaces(printed.decimalPlaces(), Decimal.ROUND_HALF_UP);
  return !rounded.equals(printed);
}

interface Revision {
  /** in the target unit */
  value: string | null;
  /** the unit the report printed it in */
  unit: Unit;
}
