// The package's taxonomy files, read for what statements need: role definitions (xsd roleType), the
// presentation tree per role (_pre), concept labels (_lab), ESEF anchoring arcs (_def), and the extension
// schema's concepts (so a locator's fragment resolves to a namespace and name).
import type { LinkbaseInfo, PresentationArc } from './types.js';
import { attr, decodeXml, parseXml } from './xml.js';

const LINK = 'http://www.xbrl.org/2003/linkbase';
const XLINK = 'http://www.w3.org/1999/xlink';
const XSD = 'http://www.w3.org/2001/XMLSchema';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export function readLinkbases(files: { name: string; bytes: Uint8Array }[]): LinkbaseInfo {
  const info: LinkbaseInfo = { roles: new Map(), presentation: new Map(), labels: new Map(), anchors: new Map(), concepts: new Map() };
  for (const file of files) readTaxonomyFile(file.bytes, file.name, info);
  return info;
}

function readTaxonomyFile(bytes: Uint8Array, name: string, info: LinkbaseInfo): void {
  let targetNamespace = '';
  let role: string | null = null;
  let roleType: string | null = null;
  let text: string | null = null;
  let label: { key: string; role: string; lang: string } | null = null;
  const locs = new Map<string, string>();
  const labelResources = new Map<string, { role: string; lang: string; text: string }[]>();
  const labelArcs: [string, string][] = [];
  parseXml(
    decodeXml(bytes),
    {
      open(tag) {
        if (tag.uri === XSD && tag.local === 'schema') targetNamespace = attr(tag, 'targetNamespace') ?? '';
        if (tag.uri === XSD && tag.local === 'element' && attr(tag, 'id') && attr(tag, 'name')) {
          info.concepts.set(attr(tag, 'id')!, { namespace: targetNamespace, local: attr(tag, 'name')! });
        }
        if (tag.uri !== LINK) return;
        switch (tag.local) {
          case 'roleType':
            roleType = attr(tag, 'roleURI') ?? null;
            break;
          case 'definition':
            text = '';
            break;
          case 'presentationLink':
          case 'definitionLink':
          case 'labelLink':
            role = attr(tag, 'role', XLINK) ?? null;
            locs.clear();
            break;
          case 'loc': {
            const href = attr(tag, 'href', XLINK) ?? '';
            locs.set(attr(tag, 'label', XLINK) ?? '', href.slice(href.indexOf('#') + 1));
            break;
          }
          case 'label':
            label = { key: attr(tag, 'label', XLINK) ?? '', role: attr(tag, 'role', XLINK) ?? '', lang: attr(tag, 'lang', XML_NS) ?? '' };
            text = '';
            break;
          case 'presentationArc': {
            if (!role) break;
            const arcs = info.presentation.get(role) ?? [];
            const arc: PresentationArc = {
              parent: locs.get(attr(tag, 'from', XLINK) ?? '') ?? '',
              child: locs.get(attr(tag, 'to', XLINK) ?? '') ?? '',
              order: Number(attr(tag, 'order') ?? '0'),
              preferredLabel: attr(tag, 'preferredLabel') ?? null,
            };
            arcs.push(arc);
            info.presentation.set(role, arcs);
            break;
          }
          case 'definitionArc': {
            // ESEF anchoring: the wider (standard) concept → the narrower (extension) one, or the reverse.
            if (!/wider-narrower/.test(attr(tag, 'arcrole', XLINK) ?? '')) break;
            const wider = locs.get(attr(tag, 'from', XLINK) ?? '') ?? '';
            const narrower = locs.get(attr(tag, 'to', XLINK) ?? '') ?? '';
            info.anchors.set(narrower, [...(info.anchors.get(narrower) ?? []), wider]);
            break;
          }
          case 'labelArc':
            labelArcs.push([attr(tag, 'from', XLINK) ?? '', attr(tag, 'to', XLINK) ?? '']);
            break;
        }
      },
      close(tag) {
        if (tag.uri !== LINK) return;
        if (tag.local === 'definition' && roleType) info.roles.set(roleType, (text ?? '').trim());
        if (tag.local === 'definition') text = null;
        if (tag.local === 'roleType') roleType = null;
        if (tag.local === 'label' && label) {
          const list = labelResources.get(label.key) ?? [];
          list.push({ role: label.role, lang: label.lang, text: (text ?? '').replace(/\s+/g, ' ').trim() });
          text = null;
          labelResources.set(label.key, list);
          label = null;
        }
        if (tag.local === 'labelLink') {
          for (const [from, to] of labelArcs) {
            const concept = locs.get(from);
            if (!concept) continue;
            const byRole = info.labels.get(concept) ?? new Map<string, string>();
            for (const l of labelResources.get(to) ?? []) {
              // English first: an ESEF package may carry labels in several languages.
              if (!byRole.has(l.role) || /^en/i.test(l.lang)) byRole.set(l.role, l.text);
            }
            info.labels.set(concept, byRole);
          }
          labelArcs.length = 0;
          labelResources.clear();
        }
      },
      text(t) {
        if (text !== null) text += t;
      },
    },
    name,
  );
}
