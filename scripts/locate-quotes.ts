/**
 * Recomputes `start`/`end` of every citation of a knowledge file from its quote, so offsets are never
 * counted by hand:
 *
 *   npx tsx scripts/locate-quotes.ts [FILE.kg.json] [--write]
 *
 * Without --write it only lists the citations whose offsets are wrong. A quote that occurs more than once
 * is placed at the occurrence nearest to its current `start` (set `start` roughly to pick one); a quote
 * that does not occur at all is reported and left alone. With --write the file is rewritten in the
 * project's layout (short objects on one line).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Citation {
  quote: string;
  start: number;
  end: number;
  document?: string;
}

interface Knowledge {
  sources: { document: string; path: string }[];
  facts: { id: string; citations?: Citation[] }[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_FILE = path.join(ROOT, 'data/knowledge/leblogauto-2024-musk-nvidia-h100.kg.json');

function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/** Fixes one citation in place; returns a line to print when something is worth saying. */
function locate(factId: string, citation: Citation, text: string): string | undefined {
  const found = occurrences(text, citation.quote);
  const label = `${factId}: ${JSON.stringify(citation.quote)}`;
  if (found.length === 0) return `NOT FOUND ${label}`;
  const start = found.reduce((best, at) => (Math.abs(at - citation.start) < Math.abs(best - citation.start) ? at : best));
  const end = start + citation.quote.length;
  const note = found.length > 1 ? ` (one of ${found.length} occurrences: ${found.join(', ')}; nearest to the hint ${citation.start})` : '';
  if (start === citation.start && end === citation.end) return note ? `ambiguous ${label}${note}` : undefined;
  const line = `moved ${label}: ${citation.start}-${citation.end} -> ${start}-${end}${note}`;
  citation.start = start;
  citation.end = end;
  return line;
}

/** JSON on one line, spaced like hand-written JSON: `{ "a": 1, "b": [2, 3] }`. */
function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')} }`;
}

/** JSON with objects and arrays kept on one line when they fit, so the file stays readable. */
function formatJson(value: unknown, indent = ''): string {
  const flat = oneLine(value);
  if (value === null || typeof value !== 'object' || indent.length + flat.length <= 150) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

function main(): void {
  const args = process.argv.slice(2);
  const file = path.resolve(args.find((a) => !a.startsWith('--')) ?? DEFAULT_FILE);
  const knowledge = JSON.parse(readFileSync(file, 'utf8')) as Knowledge;
  const texts = new Map(knowledge.sources.map((s) => [s.document, readFileSync(path.resolve(path.dirname(file), s.path), 'utf8')]));
  const firstDocument = knowledge.sources[0]?.document ?? '';
  let problems = 0;
  for (const fact of knowledge.facts) {
    for (const citation of fact.citations ?? []) {
      const text = texts.get(citation.document ?? firstDocument);
      const line = text === undefined ? `NO SOURCE ${fact.id}: document ${citation.document}` : locate(fact.id, citation, text);
      if (line) console.log(line);
      if (line && !line.startsWith('ambiguous')) problems += 1;
    }
  }
  if (args.includes('--write')) writeFileSync(file, `${formatJson(knowledge)}\n`);
  console.log(`${problems} citation(s) ${args.includes('--write') ? 'fixed or reported' : 'to fix (run with --write)'}`);
  if (problems > 0 && !args.includes('--write')) process.exitCode = 1;
}

main();
