/**
 * Validates a knowledge file before anything is written: first its shape against data/knowledge.schema.json,
 * then what a JSON Schema cannot say (unique ids, references, source hashes, quote offsets, time formats).
 * Problems are collected, not thrown, so an author sees all of them at once, each naming the entry at fault.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { CitationEntry, EntityEntry, EntityKind, FactEntry, KnowledgeFile, TimePrecision, TimeRef } from './knowledge-file.ts';
import { matchesPrecision } from './time.ts';

export interface KnowledgeError {
  /** The knowledge file. */
  file: string;
  /** The entry at fault, e.g. `facts[3] (id "xai-owns-grok")`, `entities[2] (id "x")` or `(file)`. */
  entry: string;
  /** What is wrong and what is allowed. */
  message: string;
  /** Where, as a JSON pointer into the file (`/facts/3/citations/0/quote`): what API errors point with. */
  pointer: string;
}

export type ValidationResult =
  | { ok: true; file: KnowledgeFile; sources: Map<string, string> }
  | { ok: false; errors: KnowledgeError[] };

export interface ValidateOptions {
  /** Path of the knowledge file: names it in errors, and source paths are relative to it. */
  filePath: string;
  /** Reads a source text (UTF-8) by absolute path; throws when it cannot. */
  readSource: (absPath: string) => string;
}

export const KNOWLEDGE_SCHEMA_URL = new URL('../../data/knowledge.schema.json', import.meta.url);

const TIME_FORMATS = { YEAR: 'YYYY', QUARTER: 'YYYY-Qn', MONTH: 'YYYY-MM', DAY: 'YYYY-MM-DD' } as const satisfies Record<TimePrecision, string>;

let compiled: { file: ValidateFunction; ajv: Ajv2020; id: string } | undefined;

/** Compiled once: compiling is the slow part, and the schema does not change while running. */
function compiledSchema(): { file: ValidateFunction; ajv: Ajv2020; id: string } {
  if (!compiled) {
    // verbose: errors carry the offending data and their schema, used to word the messages. strictRequired off:
    // the conditional `if`/`then` blocks name properties that are declared beside them, not inside them.
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false });
    addFormats.default(ajv);
    const schema = JSON.parse(readFileSync(KNOWLEDGE_SCHEMA_URL, 'utf8')) as { $id: string };
    compiled = { file: ajv.compile(schema), ajv, id: schema.$id };
  }
  return compiled;
}

function schemaValidator(): ValidateFunction {
  return compiledSchema().file;
}

/** The schema of one kind of entry (`#/$defs/Entity`, `#/$defs/Fact`), for entries checked outside a file. */
function entrySchema(def: 'Entity' | 'Fact'): ValidateFunction {
  const { ajv, id } = compiledSchema();
  const validate = ajv.getSchema(`${id}#/$defs/${def}`);
  if (!validate) throw new Error(`The knowledge schema has no $defs/${def}`);
  return validate;
}

/** Entries checked on their own (a mutation's input as knowledge-file entries), against the graph. */
export interface Entries {
  entities: unknown[];
  facts: unknown[];
}

export interface EntriesOptions {
  /** Names the entries in errors (e.g. `upsertEntity`). */
  name: string;
  /** Entities of the graph the entries may reference, by id, with their kind. */
  known: ReadonlyMap<string, EntityKind>;
  /** Texts of the documents quotes may come from (in the graph, or added with the entries). */
  texts: ReadonlyMap<string, string>;
}

/**
 * The same rules as a knowledge file's, for entries that are not one: each entity and fact against its schema
 * (`pointer` then starts with `/entities/i` or `/facts/i`), then the semantic checks, where a reference may
 * name an entry or an entity of the graph, and a quote must be at its offsets in its document's text.
 */
export function validateEntries(entries: Entries, options: EntriesOptions): { ok: true } | { ok: false; errors: KnowledgeError[] } {
  const errors: KnowledgeError[] = [];
  for (const [collection, validate] of [['entities', entrySchema('Entity')], ['facts', entrySchema('Fact')]] as const) {
    entries[collection].forEach((entry, i) => {
      if (validate(entry)) return;
      const prefixed = (validate.errors ?? []).map((e) => ({ ...e, instancePath: `/${collection}/${i}${e.instancePath}` }));
      errors.push(...schemaErrors(prefixed, entries, options.name));
    });
  }
  if (errors.length) return { ok: false, errors };
  const knowledge = { format: 'kg-knowledge/1', id: 'entries', title: options.name, sources: [], entities: entries.entities, facts: entries.facts } as unknown as KnowledgeFile;
  const checker = new SemanticChecker(knowledge, { filePath: options.name, readSource: () => '' }, options);
  const found = checker.run();
  return found.length ? { ok: false, errors: found } : { ok: true };
}

export function validateKnowledgeFile(data: unknown, options: ValidateOptions): ValidationResult {
  const validate = schemaValidator();
  if (!validate(data)) return { ok: false, errors: schemaErrors(validate.errors ?? [], data, options.filePath) };
  // Semantic checks only run on a well-shaped file: they rely on the shape the schema guarantees.
  const checker = new SemanticChecker(data as KnowledgeFile, options);
  const errors = checker.run();
  return errors.length > 0 ? { ok: false, errors } : { ok: true, file: data as KnowledgeFile, sources: checker.texts };
}

// ---------------------------------------------------------------------------------------------------------
// Schema errors

function schemaErrors(errors: readonly ErrorObject[], data: unknown, file: string): KnowledgeError[] {
  const seen = new Set<string>();
  const result: KnowledgeError[] = [];
  // `if` errors only say "must match then": the error inside the branch says what is wrong.
  for (const error of errors.filter((e) => e.keyword !== 'if')) {
    const { entry, rest } = entryOf(data, error.instancePath);
    const message = `${rest ? `${rest}: ` : ''}${describe(error)}`;
    const key = `${entry}\n${message}`;
    if (!seen.has(key)) result.push({ file, entry, message, pointer: pointerOf(error) });
    seen.add(key);
  }
  return result;
}

/** Where a schema error is: a missing or unknown field is pointed at by its own name. */
function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const field = error.keyword === 'required' ? params.missingProperty : error.keyword === 'additionalProperties' ? params.additionalProperty : error.keyword === 'dependentRequired' ? params.missingProperty : undefined;
  return typeof field === 'string' ? `${error.instancePath}/${field.replace(/~/g, '~0').replace(/\//g, '~1')}` : error.instancePath;
}

/** `/facts/3/citations/0/start` → entry `facts[3] (id "…")`, rest `citations[0].start`. */
function entryOf(data: unknown, instancePath: string): { entry: string; rest: string } {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [collection, index, ...rest] = parts;
  if (collection === undefined) return { entry: '(file)', rest: '' };
  if (index === undefined || !/^\d+$/.test(index)) return { entry: collection, rest: pathText(parts.slice(1)) };
  const item = (data as Record<string, unknown[] | undefined>)[collection]?.[Number(index)];
  return { entry: entryLabel(collection, Number(index), item), rest: pathText(rest) };
}

function entryLabel(collection: string, index: number, item: unknown): string {
  const record = (item ?? {}) as Record<string, unknown>;
  const key = collection === 'sources' ? 'document' : 'id';
  const name = record[key];
  return typeof name === 'string' ? `${collection}[${index}] (${key} ${JSON.stringify(name)})` : `${collection}[${index}]`;
}

function pathText(parts: readonly string[]): string {
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function describe(error: ErrorObject): string {
  const base = baseMessage(error);
  const schema = (error.parentSchema ?? {}) as { type?: unknown; description?: unknown };
  // Descriptions of leaf and conditional schemas explain the rule; those of object schemas would be noise.
  const hint = schema.type !== 'object' && typeof schema.description === 'string' ? ` (${schema.description})` : '';
  return base + hint;
}

function baseMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const got = error.data === undefined ? '' : ` (got ${JSON.stringify(error.data)})`;
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).join(', ')}${got}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}${got}`;
    case 'required':
      return `missing required field "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `unknown field "${String(params.additionalProperty)}" (allowed: ${allowedFields(error).join(', ')})`;
    case 'dependentRequired':
      return `has "${String(params.property)}" but not "${String(params.missingProperty)}", which it requires`;
    case 'pattern':
      return `${JSON.stringify(error.data)} does not match ${String(params.pattern)}`;
    case 'not':
      return notMessage(error.schema);
    default:
      return `${error.message ?? error.keyword}${got}`;
  }
}

/** `not: { required: [f] }` is how the schema forbids a field in some cases. */
function notMessage(schema: unknown): string {
  const required = (schema as { required?: unknown } | undefined)?.required;
  return Array.isArray(required) && required.length === 1 ? `field "${String(required[0])}" is not allowed here` : 'is not allowed here';
}

function allowedFields(error: ErrorObject): string[] {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return Object.keys(properties ?? {});
}

// ---------------------------------------------------------------------------------------------------------
// Semantic checks

class SemanticChecker {
  readonly texts = new Map<string, string>();
  private readonly errors: KnowledgeError[] = [];
  private readonly entities = new Map<string, EntityEntry>();
  private readonly dir: string;

  /** Set when checking entries against the graph (validateEntries) rather than a whole file. */
  private readonly graph: EntriesOptions | undefined;

  constructor(
    private readonly knowledge: KnowledgeFile,
    private readonly options: ValidateOptions,
    graph?: EntriesOptions,
  ) {
    this.dir = path.dirname(path.resolve(options.filePath));
    this.graph = graph;
    for (const [document, text] of graph?.texts ?? []) this.texts.set(document, text);
  }

  run(): KnowledgeError[] {
    this.indexEntities();
    this.checkUniqueFactIds();
    this.knowledge.sources.forEach((source, i) => this.checkSource(i));
    this.knowledge.entities.forEach((entity, i) => this.checkTime(entityLabel(entity, i), 'published', entity.published, `/entities/${i}/published`));
    this.knowledge.facts.forEach((fact, i) => this.checkFact(fact, i));
    return this.errors;
  }

  private report(entry: string, message: string, pointer: string): void {
    this.errors.push({ file: this.options.filePath, entry, message, pointer });
  }

  private indexEntities(): void {
    const firstIndex = new Map<string, number>();
    this.knowledge.entities.forEach((entity, i) => {
      const first = firstIndex.get(entity.id);
      if (first === undefined) {
        firstIndex.set(entity.id, i);
        this.entities.set(entity.id, entity);
      } else this.report(entityLabel(entity, i), `duplicate entity id "${entity.id}" (already used by entities[${first}]); ids must be unique`, `/entities/${i}/id`);
    });
  }

  private checkUniqueFactIds(): void {
    const firstIndex = new Map<string, number>();
    this.knowledge.facts.forEach((fact, i) => {
      const first = firstIndex.get(fact.id);
      if (first === undefined) firstIndex.set(fact.id, i);
      else this.report(factLabel(fact, i), `duplicate fact id "${fact.id}" (already used by facts[${first}]); ids must be unique`, `/facts/${i}/id`);
    });
  }

  /** A reference must name a declared entity, of the expected kind when one is required. */
  private checkRef(entry: string, field: string, id: string | undefined, pointer: string, kind?: EntityEntry['kind']): void {
    if (id === undefined) return;
    const found = this.entities.get(id)?.kind ?? this.graph?.known.get(id);
    const where = this.graph ? 'in the graph' : 'declared in "entities"';
    if (!found) this.report(entry, `${field} "${id}" is not the id of any entity ${where}`, pointer);
    else if (kind && found !== kind) this.report(entry, `${field} "${id}" has kind ${found}, but must be an entity of kind ${kind}`, pointer);
  }

  private checkSource(i: number): void {
    const source = this.knowledge.sources[i]!;
    const entry = `sources[${i}] (document ${JSON.stringify(source.document)})`;
    const at = `/sources/${i}`;
    this.checkRef(entry, 'document', source.document, `${at}/document`, 'DOCUMENT');
    if (this.texts.has(source.document)) return this.report(entry, `document "${source.document}" is listed twice in "sources"`, `${at}/document`);
    const absPath = path.resolve(this.dir, source.path);
    let text: string;
    try {
      text = this.options.readSource(absPath);
    } catch (error) {
      return this.report(entry, `cannot read source file ${source.path} (resolved to ${absPath}): ${(error as Error).message}`, `${at}/path`);
    }
    const actual = createHash('sha256').update(text, 'utf8').digest('hex');
    if (actual !== source.sha256) this.report(entry, `sha256 ${source.sha256} does not match the file ${source.path}, whose sha256 is ${actual}`, `${at}/sha256`);
    // Keep the text even on a hash mismatch, so that quote offsets are checked too.
    this.texts.set(source.document, text);
  }

  private checkFact(fact: FactEntry, i: number): void {
    const entry = factLabel(fact, i);
    const at = `/facts/${i}`;
    this.checkRef(entry, 'subject', fact.subject, `${at}/subject`);
    this.checkRef(entry, 'object', fact.object, `${at}/object`);
    this.checkRef(entry, 'event', fact.event, `${at}/event`, 'EVENT');
    fact.participants?.forEach((p, j) => this.checkRef(entry, `participants[${j}].entity`, p.entity, `${at}/participants/${j}/entity`));
    fact.quantities?.forEach((q, j) => this.checkRef(entry, `quantities[${j}].item`, q.item, `${at}/quantities/${j}/item`));
    if (!fact.object && !fact.participants && !fact.quantities) {
      this.report(entry, 'states nothing: a fact needs an object, participants (with an event) or quantities', at);
    }
    this.checkTime(entry, 'time', fact.time, `${at}/time`);
    fact.citations.forEach((citation, j) => this.checkCitation(entry, citation, j, `${at}/citations/${j}`));
  }

  private checkCitation(entry: string, citation: CitationEntry, j: number, at: string): void {
    const field = `citations[${j}]`;
    this.checkRef(entry, `${field}.saidBy`, citation.saidBy, `${at}/saidBy`);
    this.checkRef(entry, `${field}.reportedBy`, citation.reportedBy, `${at}/reportedBy`);
    const document = citation.document ?? this.knowledge.sources[0]?.document ?? '';
    this.checkRef(entry, `${field}.document`, citation.document, `${at}/document`, 'DOCUMENT');
    if (this.graph) {
      if (!this.texts.has(document)) return; // no such document: reported by the reference check
    } else if (!this.knowledge.sources.some((s) => s.document === document)) {
      return this.report(entry, `${field}.document "${document}" is not listed in "sources", so its quote cannot be checked`, `${at}/document`);
    }
    const text = this.texts.get(document);
    if (text === undefined) return; // unreadable source: already reported
    const problem = quoteProblem(text, citation);
    if (problem) this.report(entry, `${field}: ${problem}`, `${at}/quote`);
  }

  private checkTime(entry: string, field: string, time: TimeRef | undefined, at: string): void {
    if (!time) return;
    const expected = TIME_FORMATS[time.precision];
    if (!matchesPrecision(time.value, time.precision)) {
      this.report(entry, `${field}.value "${time.value}" does not match precision ${time.precision} (expected ${expected})`, `${at}/value`);
    }
    if (time.end === undefined) return;
    if (!matchesPrecision(time.end, time.precision)) {
      this.report(entry, `${field}.end "${time.end}" does not match precision ${time.precision} (expected ${expected})`, `${at}/end`);
    } else if (time.end < time.value) {
      this.report(entry, `${field}.end "${time.end}" is before value "${time.value}"`, `${at}/end`);
    }
  }
}

function entityLabel(entity: EntityEntry, i: number): string {
  return `entities[${i}] (id ${JSON.stringify(entity.id)})`;
}

function factLabel(fact: FactEntry, i: number): string {
  return `facts[${i}] (id ${JSON.stringify(fact.id)})`;
}

/** Why `quote` is not at [start, end) of `text`, saying where it does occur; undefined when it is there. */
export function quoteProblem(text: string, citation: Pick<CitationEntry, 'quote' | 'start' | 'end'>): string | undefined {
  const { quote, start, end } = citation;
  if (text.slice(start, end) === quote) return undefined;
  const found = text.indexOf(quote);
  const there = `the text at start ${start}, end ${end} is ${JSON.stringify(text.slice(start, end))}, not the quote`;
  if (found < 0) return `${there}; ${absentQuote(text, quote)}`;
  const again = text.indexOf(quote, found + 1);
  const more = again < 0 ? '' : ` (and again at start ${again}: disambiguate)`;
  return `${there}; the quote occurs at start ${found}, end ${found + quote.length}${more}`;
}

/** A quote that is nowhere in the text, with the passage closest to it (what was probably meant). */
export function absentQuote(text: string, quote: string): string {
  const closest = closestPassage(text, quote);
  const near = closest ? `; the closest passage is ${JSON.stringify(closest.passage)} at start ${closest.start}, end ${closest.end}` : '';
  return `the quote does not occur in the document at all (check apostrophes ’, guillemets « », spaces and dashes)${near}`;
}

/**
 * The passage of `text` as long as `quote` that shares the most character pairs with it (a sliding window,
 * one pass over the text), or undefined when the text is shorter than the quote or nothing is shared.
 */
export function closestPassage(text: string, quote: string): { passage: string; start: number; end: number } | undefined {
  const length = quote.length;
  if (length < 2 || text.length < length) return undefined;
  const wanted = new Map<string, number>();
  for (let i = 0; i + 1 < length; i++) wanted.set(quote.slice(i, i + 2), (wanted.get(quote.slice(i, i + 2)) ?? 0) + 1);
  const window = new Map<string, number>();
  let common = 0;
  const add = (pair: string) => {
    const n = window.get(pair) ?? 0;
    if (n < (wanted.get(pair) ?? 0)) common += 1;
    window.set(pair, n + 1);
  };
  const remove = (pair: string) => {
    const n = window.get(pair)!;
    if (n <= (wanted.get(pair) ?? 0)) common -= 1;
    window.set(pair, n - 1);
  };
  for (let i = 0; i + 1 < length; i++) add(text.slice(i, i + 2));
  let best = { start: 0, common };
  for (let start = 1; start + length <= text.length; start++) {
    remove(text.slice(start - 1, start + 1));
    add(text.slice(start + length - 2, start + length));
    if (common > best.common) best = { start, common };
  }
  if (best.common === 0) return undefined;
  return { passage: text.slice(best.start, best.start + length), start: best.start, end: best.start + length };
}
