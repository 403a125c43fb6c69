// Statements from the filer's presentation linkbase, where the report comes with its taxonomy: one role per
// statement (chosen by its definition and the totals it holds), lines in the role's tree order and depth, each
// line's label as printed in the HTML (or, for a figure printed in no table, the filer's label for the role the
// arc names), signs as printed (or, unprinted, negated where the arc asks for a negated label).
import type { StatementType } from '../types.js';
import { STATEMENT_TYPES } from '../types.js';
import { ANCHOR_KEYS, standardConceptKey } from './standard-concepts.js';
import { faceFacts, STATEMENT_TITLES, type StatementTables } from './statement-tables.js';
import type { HtmlTable, LinkbaseInfo, PresentationArc, QName, TableRow, XbrlReport } from './types.js';

const NOT_A_FACE_ROLE = /parenthetical|details?\b|polic|\btables?\b|notes?\b|disclosure|changes in (stockholders|shareholders|net assets)?\s*equity|equity statement/i;
const LABEL_ROLE = 'http://www.xbrl.org/2003/role/label';
/** far beyond any real statement (a few hundred lines, a dozen levels) */
const MAX_TREE_NODES = 5_000;
const MAX_TREE_DEPTH = 50;

interface Node {
  fragment: string;
  depth: number;
  preferredLabel: string | null;
}

/** The statement types the presentation linkbase gives, each as a table of rows in presentation order. */
export function statementsFromPresentation(report: XbrlReport): StatementTables[] {
  const linkbase = report.linkbase;
  if (!linkbase || linkbase.presentation.size === 0) return [];
  const face = faceFacts(report, true);
  const factsOf = factsByFragment(report, linkbase, face);
  const printed = printedRows(report);
  const chosen: StatementTables[] = [];
  const taken = new Set<string>();
  for (const type of STATEMENT_TYPES) {
    const role = bestRole(type, linkbase, factsOf, taken);
    if (!role) continue;
    taken.add(role);
    const rows = tree(linkbase.presentation.get(role)!).flatMap((node): TableRow[] => {
      const facts = factsOf.get(node.fragment) ?? [];
      if (facts.length === 0) return [];
      const shown = facts.map((f) => printed.get(f));
      const label = shown.find((s) => s?.label)?.label ?? linkbase.labels.get(node.fragment)?.get(node.preferredLabel ?? LABEL_ROLE) ?? linkbase.labels.get(node.fragment)?.get(LABEL_ROLE) ?? words(node.fragment);
      const negated = /negated/i.test(node.preferredLabel ?? '');
      return [{
        label,
        indent: node.depth,
        ruled: /total/i.test(node.preferredLabel ?? '') || shown.some((s) => s?.ruled),
        page: shown.find((s) => s)?.page ?? 1,
        ...(/periodStart/i.test(node.preferredLabel ?? '') ? { balance: 'opening' as const } : /periodEnd/i.test(node.preferredLabel ?? '') ? { balance: 'closing' as const } : {}),
        facts: facts.map((fact, i) => ({ fact, cell: shown[i]?.cell ?? 0, negativeShown: shown[i] ? shown[i]!.negativeShown : negated !== (Number(report.facts[fact].value ?? 0) < 0) })),
      }];
    });
    if (rows.length === 0) continue;
    // The heading printed above the statement's figures, else the role's definition.
    const printedCaption = rows.flatMap((r) => r.facts.map((f) => printed.get(f.fact)?.caption)).find((c) => c && c.length > 0);
    const table: HtmlTable = { document: 0, caption: printedCaption ?? [linkbase.roles.get(role) ?? ''], rows };
    chosen.push({ type, tables: [table] });
  }
  return chosen;
}

/** The role for a statement type: titled like it, not a note or details role, holding its totals. */
function bestRole(type: StatementType, linkbase: LinkbaseInfo, factsOf: Map<string, number[]>, taken: Set<string>): string | null {
  let best: { role: string; score: number } | null = null;
  for (const [role, arcs] of linkbase.presentation) {
    if (taken.has(role)) continue;
    const definition = linkbase.roles.get(role) ?? role;
    if (NOT_A_FACE_ROLE.test(definition)) continue;
    const fragments = new Set(arcs.flatMap((a) => [a.parent, a.child]));
    const withFacts = [...fragments].filter((f) => factsOf.has(f));
    const keys = new Set(withFacts.flatMap((f) => standardConceptKey(type, conceptOfFragment(linkbase, f)) ?? []));
    const anchors = ANCHOR_KEYS[type].filter((k) => keys.has(k)).length;
    const titled = STATEMENT_TITLES[type].test(definition) || (type === 'INCOME_STATEMENT' && /profit or loss|comprehensive income/i.test(definition));
    if (withFacts.length < 3 || (!titled && anchors < 2)) continue;
    const score = anchors * 10 + keys.size * 2 + (titled ? 15 : 0);
    if (!best || score > best.score) best = { role, score };
  }
  return best?.role ?? null;
}

/** Depth-first from the roots, children in arc order: the order the filer presents the lines in. */
function tree(arcs: PresentationArc[]): Node[] {
  const children = new Map<string, PresentationArc[]>();
  const isChild = new Set<string>();
  for (const arc of arcs) {
    children.set(arc.parent, [...(children.get(arc.parent) ?? []), arc]);
    isChild.add(arc.child);
  }
  const roots = [...new Set(arcs.map((a) => a.parent))].filter((p) => !isChild.has(p));
  const out: Node[] = [];
  const visit = (fragment: string, depth: number, preferredLabel: string | null, seen: Set<string>) => {
    // A cycle, or a hostile linkbase whose shared children multiply the paths, ends here.
    if (seen.has(fragment) || depth > MAX_TREE_DEPTH || out.length >= MAX_TREE_NODES) return;
    out.push({ fragment, depth, preferredLabel });
    const next = new Set(seen).add(fragment);
    for (const arc of [...(children.get(fragment) ?? [])].sort((a, b) => a.order - b.order)) visit(arc.child, depth + 1, arc.preferredLabel, next);
  };
  for (const root of roots) visit(root, 0, null, new Set());
  return out;
}

/** A locator's fragment as a concept: the package's own schemas say; a standard one is "<prefix>_<name>". */
export function conceptOfFragment(linkbase: LinkbaseInfo, fragment: string): QName {
  const declared = linkbase.concepts.get(fragment);
  if (declared) return { ...declared, prefix: '' };
  const at = fragment.indexOf('_');
  // Not declared in the package: a standard taxonomy's concept (its namespace stands for "some standard one").
  return { namespace: 'http://xbrl.ifrs.org/ifrs-full', local: fragment.slice(at + 1), prefix: fragment.slice(0, at) };
}

/** Face facts per locator fragment: extension concepts by namespace and name, standard ones by name. */
function factsByFragment(report: XbrlReport, linkbase: LinkbaseInfo, face: boolean[]): Map<string, number[]> {
  const extension = new Set([...linkbase.concepts.values()].map((c) => c.namespace));
  const byKey = new Map<string, number[]>();
  report.facts.forEach((fact, index) => {
    if (!face[index]) return;
    const key = extension.has(fact.concept.namespace) ? `${fact.concept.namespace}|${fact.concept.local}` : `*|${fact.concept.local}`;
    byKey.set(key, [...(byKey.get(key) ?? []), index]);
  });
  const out = new Map<string, number[]>();
  const fragments = new Set([...linkbase.presentation.values()].flat().flatMap((a) => [a.parent, a.child]));
  for (const fragment of fragments) {
    const declared = linkbase.concepts.get(fragment);
    const facts = byKey.get(declared ? `${declared.namespace}|${declared.local}` : `*|${fragment.slice(fragment.indexOf('_') + 1)}`);
    if (facts) out.set(fragment, facts);
  }
  return out;
}

/** Where each fact is printed in a table row: label, sign, cell, page. */
interface Printed {
  label: string;
  negativeShown: boolean;
  cell: number;
  page: number;
  ruled: boolean;
  caption: string[];
}

function printedRows(report: XbrlReport): Map<number, Printed> {
  const out = new Map<number, Printed>();
  for (const table of report.tables) {
    for (const row of table.rows) {
      for (const f of row.facts) if (!out.has(f.fact)) out.set(f.fact, { label: row.label, negativeShown: f.negativeShown, cell: f.cell, page: row.page, ruled: row.ruled, caption: table.caption });
    }
  }
  return out;
}

/** "ifrs-full_ProfitLossBeforeTax" → "Profit loss before tax": the concept's name when no label exists. */
function words(fragment: string): string {
  const name = fragment.slice(fragment.indexOf('_') + 1).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
}

/**
 * ESEF anchoring: an extension concept's definition linkbase names the wider standard concept it narrows. A
 * line without a key of its own takes the key of the concept it is anchored to (used only when still unused).
 */
export function anchoredKey(report: XbrlReport, type: StatementType, concept: QName): string | null {
  const linkbase = report.linkbase;
  if (!linkbase || linkbase.anchors.size === 0) return null;
  for (const [fragment, declared] of linkbase.concepts) {
    if (declared.namespace !== concept.namespace || declared.local !== concept.local) continue;
    for (const wider of linkbase.anchors.get(fragment) ?? []) {
      const key = standardConceptKey(type, conceptOfFragment(linkbase, wider));
      if (key) return key;
    }
  }
  return null;
}
