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
import type { CitationEntry, EntityEntry, FactEntry, KnowledgeFile, TimePrecision, TimeRef } from './knowledge-file.ts';
import { matchesPrecision } from './time.ts';

export interface KnowledgeError {
  /** The knowledge file. */
  file: string;
  /** The entry at fault, e.g. `facts[3] (id "xai-owns-grok")`, `entities[2] (id "x")` or `(file)`. */
  entry: string;
  /** What is wrong and what is allowed. */
  message: string;
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

let compiled: ValidateFunction | undefined;

/** Compiled once: compiling is the slow part, and the schema does not change while running. */
function schemaValidator(): ValidateFunction {
  if (!compiled) {
    // verbose: errors carry the offending data and their schema, used to word the messages. strictRequired off:
    // the conditional `if`/`then` blocks name properties that are declared beside them, not inside them.
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false });
    addFormats.default(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(KNOWLEDGE_SCHEMA_URL, 'utf8')) as object);
  }
  return compiled;
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
    if (!seen.has(key)) result.push({ file, entry, message });
    seen.add(key);
  }
  return result;
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

  constructor(
    private readonly knowledge: KnowledgeFile,
    private readonly options: ValidateOptions,
  ) {
    this.dir = path.dirname(path.resolve(options.filePath));
  }

  run(): KnowledgeError[] {
    this.indexEntities();
    this.checkUniqueFactIds();
    this.knowledge.sources.forEach((source, i) => this.checkSource(i));
    this.knowledge.entities.forEach((entity, i) => this.checkTime(entityLabel(entity, i), 'published', entity.published));
    this.knowledge.facts.forEach((fact, i) => this.checkFact(fact, i));
    return this.errors;
  }

  private report(entry: string, message: string): void {
    this.errors.push({ file: this.options.filePath, entry, message });
  }

  private indexEntities(): void {
    const firstIndex = new Map<string, number>();
    this.knowledge.entities.forEach((entity, i) => {
      const first = firstIndex.get(entity.id);
      if (first === undefined) {
        firstIndex.set(entity.id, i);
        this.entities.set(entity.id, entity);
      } else this.report(entityLabel(entity, i), `duplicate entity id "${entity.id}" (already used by entities[${first}]); ids must be unique`);
    });
  }

  private checkUniqueFactIds(): void {
    const firstIndex = new Map<string, number>();
    this.knowledge.facts.forEach((fact, i) => {
      const first = firstIndex.get(fact.id);
      if (first === undefined) firstIndex.set(fact.id, i);
      else this.report(factLabel(fact, i), `duplicate fact id "${fact.id}" (already used by facts[${first}]); ids must be unique`);
    });
  }

  /** A reference must name a declared entity, of the expected kind when one is required. */
  private checkRef(entry: string, field: string, id: string | undefined, kind?: EntityEntry['kind']): void {
    if (id === undefined) return;
    const entity = this.entities.get(id);
    if (!entity) this.report(entry, `${field} "${id}" is not the id of any entity declared in "entities"`);
    else if (kind && entity.kind !== kind) this.report(entry, `${field} "${id}" has kind ${entity.kind}, but must be an entity of kind ${kind}`);
  }

  private checkSource(i: number): void {
    const source = this.knowledge.sources[i]!;
    const entry = `sources[${i}] (document ${JSON.stringify(source.document)})`;
    this.checkRef(entry, 'document', source.document, 'DOCUMENT');
    if (this.texts.has(source.document)) return this.report(entry, `document "${source.document}" is listed twice in "sources"`);
    const absPath = path.resolve(this.dir, source.path);
    let text: string;
    try {
      text = this.options.readSource(absPath);
    } catch (error) {
      return this.report(entry, `cannot read source file ${source.path} (resolved to ${absPath}): ${(error as Error).message}`);
    }
    const actual = createHash('sha256').update(text, 'utf8').digest('hex');
    if (actual !== source.sha256) this.report(entry, `sha256 ${source.sha256} does not match the file ${source.path}, whose sha256 is ${actual}`);
    // Keep the text even on a hash mismatch, so that quote offsets are checked too.
    this.texts.set(source.document, text);
  }

  private checkFact(fact: FactEntry, i: number): void {
    const entry = factLabel(fact, i);
    this.checkRef(entry, 'subject', fact.subject);
    this.checkRef(entry, 'object', fact.object);
    this.checkRef(entry, 'event', fact.event, 'EVENT');
    fact.participants?.forEach((p, j) => this.checkRef(entry, `participants[${j}].entity`, p.entity));
    fact.quantities?.forEach((q, j) => this.checkRef(entry, `quantities[${j}].item`, q.item));
    if (!fact.object && !fact.participants && !fact.quantities) {
      this.report(entry, 'states nothing: a fact needs an object, participants (with an event) or quantities');
    }
    this.checkTime(entry, 'time', fact.time);
    fact.citations.forEach((citation, j) => this.checkCitation(entry, citation, j));
  }

  private checkCitation(entry: string, citation: CitationEntry, j: number): void {
    const field = `citations[${j}]`;
    this.checkRef(entry, `${field}.saidBy`, citation.saidBy);
    this.checkRef(entry, `${field}.reportedBy`, citation.reportedBy);
    const document = citation.document ?? this.knowledge.sources[0]!.document;
    this.checkRef(entry, `${field}.document`, citation.document, 'DOCUMENT');
    if (!this.knowledge.sources.some((s) => s.document === document)) {
      return this.report(entry, `${field}.document "${document}" is not listed in "sources", so its quote cannot be checked`);
    }
    const text = this.texts.get(document);
    if (text === undefined) return; // unreadable source: already reported
    const problem = quoteProblem(text, citation);
    if (problem) this.report(entry, `${field}: ${problem}`);
  }

  private checkTime(entry: string, field: string, time: TimeRef | undefined): void {
    if (!time) return;
    const expected = TIME_FORMATS[time.precision];
    if (!matchesPrecision(time.value, time.precision)) {
      this.report(entry, `${field}.value "${time.value}" does not match precision ${time.precision} (expected ${expected})`);
    }
    if (time.end === undefined) return;
    if (!matchesPrecision(time.end, time.precision)) {
      this.report(entry, `${field}.end "${time.end}" does not match precision ${time.precision} (expected ${expected})`);
    } else if (time.end < time.value) {
      this.report(entry, `${field}.end "${time.end}" is before value "${time.value}"`);
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
  if (found < 0) return `${there}; the quote does not occur in the document at all (check apostrophes ’, guillemets « », spaces and dashes)`;
  const again = text.indexOf(quote, found + 1);
  const more = again < 0 ? '' : ` (and again at start ${again}: disambiguate)`;
  return `${there}; the quote occurs at start ${found}, end ${found + quote.length}${more}`;
}
