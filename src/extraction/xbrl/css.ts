// The CSS a statement's layout is read from: left indentation, rules above totals, absolute positions.

/** A length property of a declaration block in points (px are 3/4 of a point), or null. */
const LENGTH_PATTERNS = new Map<string, RegExp>();

export function cssLength(declarations: string, property: string): number | null {
  let pattern = LENGTH_PATTERNS.get(property);
  if (!pattern) LENGTH_PATTERNS.set(property, (pattern = new RegExp(`(?:^|[;\\s{])${property}\\s*:\\s*(-?[\\d.]+)\\s*(pt|px)?`, 'i')));
  if (!declarations.includes(property)) return null;
  const m = pattern.exec(declarations);
  if (!m) return null;
  return m[2]?.toLowerCase() === 'px' ? Number(m[1]) * 0.75 : Number(m[1]);
}


/** Left indentation in points from padding, margin and text-indent. */
export function leftIndent(style: string): number {
  if (!style || !/padding|margin|indent/i.test(style)) return 0;
  let total = 0;
  const decls = new Map<string, string>();
  for (const d of style.split(';')) {
    const at = d.indexOf(':');
    if (at > 0) decls.set(d.slice(0, at).trim().toLowerCase(), d.slice(at + 1).trim());
  }
  for (const shorthand of ['padding', 'margin']) {
    const own = decls.get(`${shorthand}-left`);
    if (own) total += points(own);
    else if (decls.has(shorthand)) {
      const parts = decls.get(shorthand)!.split(/\s+/);
      total += points(parts[parts.length === 4 ? 3 : parts.length >= 2 ? 1 : 0]);
    }
  }
  const indent = decls.get('text-indent');
  if (indent) total += Math.max(0, points(indent));
  return Math.round(total * 10) / 10;
}

function points(length: string): number {
  const m = /^(-?[\d.]+)\s*(pt|px|em|rem|in|cm|mm|%)?$/.exec(length.trim());
  if (!m) return 0;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'px':
      return n * 0.75;
    case 'em':
    case 'rem':
      return n * 10;
    case 'in':
      return n * 72;
    case 'cm':
      return n * 28.35;
    case 'mm':
      return n * 2.835;
    case '%':
      return 0;
    default:
      return n;
  }
}

export function ruledAbove(style: string): boolean {
  return /border-top(-style)?\s*:[^;]*(solid|double)/i.test(style);
}
