/**
 * GraphML (http://graphml.graphdrawing.org/): nodes are entities, edges relations, each property a typed
 * <key> declared once at the top. What tools such as Gephi, yEd, Cytoscape or graphology read.
 */
import type { EntityEntry } from '../knowledge/knowledge-file.ts';
import type { ExportRelation, ExportStream } from './records.ts';

export const GRAPHML_PARTS = { entities: true, facts: false, relations: true } as const;

type KeyType = 'string' | 'boolean';

/** Node and edge attributes: name, GraphML type, value. */
const NODE_KEYS: [string, KeyType, (e: EntityEntry) => string | boolean | undefined][] = [
  ['kind', 'string', (e) => e.kind],
  ['name', 'string', (e) => e.name],
  ['description', 'string', (e) => e.description],
  ['aliases', 'string', (e) => (e.aliases?.length ? aliasesText(e) : undefined)],
  ['background', 'boolean', (e) => e.background ?? false],
  ['published', 'string', (e) => e.published?.value],
];

const EDGE_KEYS: [string, KeyType, (r: ExportRelation) => string][] = [
  ['type', 'string', (r) => r.type],
  ['fact', 'string', (r) => r.factId],
  ['label', 'string', (r) => r.label],
];

/** `text@lang` joined by ` | `: what a spreadsheet or a graph tool shows of them. */
export function aliasesText(entity: EntityEntry): string {
  return (entity.aliases ?? []).map((a) => (a.lang ? `${a.text}@${a.lang}` : a.text)).join(' | ');
}

export async function* writeGraphml(stream: ExportStream): AsyncGenerator<string> {
  const keys = [
    ...NODE_KEYS.map(([name, type]) => `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>\n`),
    ...EDGE_KEYS.map(([name, type]) => `  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>\n`),
  ].join('');
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n${keys}  <graph id=${attr(stream.header.id)} edgedefault="directed">\n`;
  for await (const item of stream.items(GRAPHML_PARTS)) {
    if (item.kind === 'entity') {
      const data = NODE_KEYS.map(([name, , value]) => dataOf(`n_${name}`, value(item.entity))).join('');
      yield `    <node id=${attr(item.entity.id)}>${data}</node>\n`;
    } else if (item.kind === 'relation') {
      const r = item.relation;
      const data = EDGE_KEYS.map(([name, , value]) => dataOf(`e_${name}`, value(r))).join('');
      yield `    <edge id=${attr(r.id)} source=${attr(r.from)} target=${attr(r.to)}>${data}</edge>\n`;
    }
  }
  yield '  </graph>\n</graphml>\n';
}

function dataOf(key: string, value: string | boolean | undefined): string {
  return value === undefined ? '' : `<data key="${key}">${escapeXml(String(value))}</data>`;
}

const attr = (value: string) => `"${escapeXml(value)}"`;

/** XML text and attribute escaping; characters XML 1.0 cannot hold at all (controls but tab, LF, CR) are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
    .replace(/\r/g, '&#13;');
}
