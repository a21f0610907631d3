/**
 * One shard of a synthetic graph: a standalone knowledge file (one dataset, one import transaction) with its
 * facts, every entity they mention, and the source texts their quotes point into. Source texts are written
 * sentence by sentence as the facts are made, so each quote's offsets are known, never searched for.
 */
import { createHash } from 'node:crypto';
import type {
  CitationEntry,
  CitationKind,
  EntityEntry,
  EntityKind,
  FactEntry,
  Modality,
  ParticipantRole,
  Quantity,
  TimeRef,
} from '../../src/knowledge/knowledge-file.ts';
import { Rng, Weighted, mixSeed } from './random.ts';
import { BINARY_TEMPLATES, NARY_TEMPLATES, type QuantitySpec } from './templates.ts';
import { dayTime, makeQuantity, makeTime } from './values.ts';
import { NARY_SHARE, type World } from './world.ts';

export interface SyntheticFile {
  /** e.g. `synthetic-1e5-part-003.kg.json` */
  name: string;
  json: string;
  /** Source texts, to be written next to the knowledge file (its `sources[].path` are these names). */
  sources: { name: string; text: string }[];
}

export interface ShardPlan {
  index: number;
  total: number;
  relations: number;
  /** Number of the shard's first fact: fact ids count on across shards. */
  firstFact: number;
}

export interface ShardStats {
  relations: number;
  facts: number;
  /** Pool entities the shard declares (they recur in other shards); events and documents are its own. */
  poolIds: string[];
  ownEntities: number;
  /** Relations per entity (both ends), this shard only. */
  degrees: Map<string, number>;
}

const CITATION_KINDS = new Weighted<CitationKind>([['REPORTED', 45], ['EDITORIAL', 25], ['STATEMENT', 15], ['QUOTED', 15]]);
const BASE_CONFIDENCE: Partial<Record<CitationKind, number>> = { REPORTED: 0.9, QUOTED: 0.9, STATEMENT: 0.8, EDITORIAL: 0.95 };
const TIMED_SHARE = 0.55;
const SECOND_CITATION_SHARE = 0.12;
const SENTENCES_PER_PARAGRAPH = 6;
/** Quotes stay tight (docs/knowledge-format.md): past this, the time in brackets is left out of the quote. */
const MAX_QUOTE = 160;
/** Entity JSON is the same in every shard: serialise each pool entity once. */
const entityJson = new WeakMap<EntityEntry, string>();

/** A source document of the shard: its DOCUMENT entity, and its text growing one sentence at a time. */
class SourceDocument {
  private readonly parts: string[] = [];
  private length = 0;
  private sentences = 0;

  constructor(
    readonly entity: EntityEntry,
    readonly publisher: EntityEntry,
    readonly year: number,
    readonly fileName: string,
  ) {
    this.write(`${entity.name}\n${publisher.name}, ${entity.published?.text ?? ''}\n\n`);
  }

  /** Appends a sentence and returns where it starts in the text. */
  append(sentence: string): number {
    if (this.sentences > 0) this.write(this.sentences % SENTENCES_PER_PARAGRAPH === 0 ? '\n\n' : ' ');
    this.sentences++;
    const start = this.length;
    this.write(sentence);
    return start;
  }

  text(): string {
    return `${this.parts.join('')}\n`;
  }

  private write(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }
}

export function buildShard(world: World, plan: ShardPlan): { file: SyntheticFile; stats: ShardStats } {
  return new ShardBuilder(world, plan).build();
}

class ShardBuilder {
  private readonly rng: Rng;
  private readonly dataset: string;
  private readonly docs: SourceDocument[];
  private readonly pool = new Map<string, EntityEntry>();
  private readonly events: EntityEntry[] = [];
  private readonly factLines: string[] = [];
  private readonly degrees = new Map<string, number>();
  private nextFact: number;

  constructor(
    private readonly world: World,
    private readonly plan: ShardPlan,
  ) {
    this.rng = new Rng(mixSeed(world.seed, 0x5eed, plan.index));
    this.dataset = `synthetic-${world.tag}-part-${String(plan.index + 1).padStart(Math.max(3, String(plan.total).length), '0')}`;
    this.nextFact = plan.firstFact;
    const documents = Math.min(4, Math.max(1, Math.ceil(plan.relations / 500)));
    this.docs = Array.from({ length: documents }, (_, i) => this.sourceDocument(i));
  }

  build(): { file: SyntheticFile; stats: ShardStats } {
    let remaining = this.plan.relations;
    while (remaining > 0) {
      const nary = remaining >= 2 && this.rng.chance(NARY_SHARE);
      remaining -= nary ? this.naryFact(Math.min(this.rng.int(2, 4), remaining)) : this.binaryFact();
    }
    const poolIds = [...this.pool.keys()].sort();
    const sources = this.docs.map((doc) => ({ name: doc.fileName, text: doc.text() }));
    const json = this.json(poolIds, sources);
    const facts = this.nextFact - this.plan.firstFact;
    const stats = { relations: this.plan.relations, facts, poolIds, ownEntities: this.events.length + this.docs.length, degrees: this.degrees };
    return { file: { name: `${this.dataset}.kg.json`, json, sources }, stats };
  }

  private sourceDocument(i: number): SourceDocument {
    const publisher = this.use(this.world.draw('MEDIA', this.rng));
    const year = this.rng.int(2024, 2025);
    const published = dayTime(year, this.rng.int(1, 12), this.rng.int(1, 28));
    const id = `doc-${this.world.tag}-${this.dataset.slice(this.dataset.lastIndexOf('-') + 1)}-${i + 1}`;
    const entity: EntityEntry = {
      id,
      kind: 'DOCUMENT',
      name: `${publisher.name} business roundup, ${published.text} (part ${this.plan.index + 1}, no. ${i + 1})`,
      description: `Synthetic news roundup published by ${publisher.name}; the source text of a benchmark dataset.`,
      published,
    };
    return new SourceDocument(entity, publisher, year, `${this.dataset}-doc-${i + 1}.en.txt`);
  }

  /** Declares a pool entity in this shard. */
  private use(entity: EntityEntry): EntityEntry {
    this.pool.set(entity.id, entity);
    return entity;
  }

  /** An entity of one of `kinds`, declared in the shard; never one of `avoid` (no self-loops, no repeated participant). */
  private draw(kinds: readonly EntityKind[], avoid: readonly EntityEntry[] = []): EntityEntry {
    const kind = this.rng.pick(kinds);
    const taken = (entity: EntityEntry) => avoid.some((other) => other.id === entity.id);
    let entity = this.world.draw(kind, this.rng);
    // Redraw from the same law; after a few misses (a hub against itself), any entity of the kind will do.
    // This ends: every kind has more entities than a fact has other participants.
    for (let attempt = 0; taken(entity); attempt++) entity = attempt < 8 ? this.world.draw(kind, this.rng) : this.world.uniform(kind, this.rng);
    return this.use(entity);
  }

  private countDegree(id: string, by = 1): void {
    this.degrees.set(id, (this.degrees.get(id) ?? 0) + by);
  }

  private factId(): { id: string; number: string } {
    const number = String(this.nextFact++).padStart(Math.max(5, String(this.world.relations).length), '0');
    return { id: `fact-${this.world.tag}-${number}`, number };
  }

  /** A binary fact: one relation subject → object. */
  private binaryFact(): number {
    const template = BINARY_TEMPLATES.pick(this.rng);
    const subject = this.draw(template.subject);
    const object = this.draw(template.object, [subject]);
    const modality = template.modalities.pick(this.rng);
    const form = `%0 ${template.forms[modality]!}`;
    const details = this.details(form, modality, template.quantity, object.id);
    const clause = fill(form, [subject.name, object.name], details.phrase) + timeSuffix(details.time);
    const { id } = this.factId();
    const fact: FactEntry = { id, type: template.type, subject: subject.id, object: object.id, statement: `${clause}.`, modality, ...details.fields, citations: this.citations(details.doc, subject, clause, modality) };
    this.factLines.push(JSON.stringify(fact));
    this.countDegree(subject.id);
    this.countDegree(object.id);
    return 1;
  }

  /** An n-ary fact: an event entity and one relation event → participant per role. */
  private naryFact(participants: number): number {
    const template = NARY_TEMPLATES.pick(this.rng);
    const roles = template.roles.slice(0, participants);
    const members: EntityEntry[] = [];
    for (const [, kinds] of roles) members.push(this.draw(kinds, members));
    const modality = template.modalities.pick(this.rng);
    const form = `%0 ${template.forms[modality]!}${template.tails.slice(0, participants - 2).join('')}`;
    const itemRole = template.quantity?.item;
    const item = members[roles.findIndex(([role]) => role === itemRole)]?.id;
    const details = this.details(form, modality, template.quantity, item);
    const names = members.map((m) => m.name);
    const clause = fill(form, names, details.phrase) + timeSuffix(details.time);
    const { id, number } = this.factId();
    const event = this.eventEntity(`event-${this.world.tag}-${number}`, fill(template.eventName, names, ''), clause, details.time);
    const fact: FactEntry = {
      id,
      type: template.type,
      subject: members[0]!.id,
      event: event.id,
      participants: roles.map(([role], i): { role: ParticipantRole; entity: string } => ({ role, entity: members[i]!.id })),
      statement: `${clause}.`,
      modality,
      ...details.fields,
      citations: this.citations(details.doc, members[0]!, clause, modality),
    };
    this.factLines.push(JSON.stringify(fact));
    this.countDegree(event.id, participants);
    for (const member of members) this.countDegree(member.id);
    return participants;
  }

  private eventEntity(id: string, name: string, clause: string, time: TimeRef | undefined): EntityEntry {
    const event: EntityEntry = { id, kind: 'EVENT', name: time ? `${name} (${time.value})` : name, description: `${clause}.` };
    this.events.push(event);
    return event;
  }

  /** The reporting document, and the fact's optional time and quantity (only where the form has a `%q` slot). */
  private details(form: string, modality: Modality, spec: QuantitySpec | undefined, item: string | undefined) {
    const doc = this.rng.int(0, this.docs.length - 1);
    const time = this.rng.chance(TIMED_SHARE) ? makeTime(this.rng, this.docs[doc]!.year) : undefined;
    const made = spec && form.includes('%q') && this.rng.chance(spec.probability) ? makeQuantity(spec, this.rng, modality, item) : undefined;
    const fields: { time?: TimeRef; quantities?: Quantity[] } = {};
    if (time) fields.time = time;
    if (made) fields.quantities = [made.quantity];
    return { doc, time, phrase: made?.phrase ?? '', fields };
  }

  /** One sentence in a source document per citation; sometimes a second document reports it too. */
  private citations(docIndex: number, subject: EntityEntry, clause: string, modality: Modality): CitationEntry[] {
    const list = [this.citation(docIndex, subject, clause, modality)];
    if (this.docs.length > 1 && this.rng.chance(SECOND_CITATION_SHARE)) {
      const other = (docIndex + this.rng.int(1, this.docs.length - 1)) % this.docs.length;
      const medium = this.draw(['MEDIA']);
      list.push(this.quote(other, `${medium.name} also reported that `, clause, '.', { saidBy: medium.id, kind: 'REPORTED', confidence: confidence('REPORTED', modality) }));
    }
    return list;
  }

  private citation(docIndex: number, subject: EntityEntry, clause: string, modality: Modality): CitationEntry {
    const kind = CITATION_KINDS.pick(this.rng);
    const publisher = this.docs[docIndex]!.publisher.id;
    const base = { kind, confidence: confidence(kind, modality) };
    switch (kind) {
      case 'REPORTED': {
        const medium = this.draw(['MEDIA']);
        if (!this.rng.chance(0.3)) return this.quote(docIndex, `According to ${medium.name}, `, clause, '.', { saidBy: medium.id, ...base });
        const origin = this.draw(['ORGANIZATION']);
        return this.quote(docIndex, `${medium.name} reports, citing ${origin.name}, that `, clause, '.', { saidBy: origin.id, reportedBy: medium.id, ...base });
      }
      case 'STATEMENT': {
        const speaker = subject.kind === 'PERSON' || subject.kind === 'ORGANIZATION' ? subject : this.draw(['ORGANIZATION']);
        return this.quote(docIndex, `${speaker.name} said that `, clause, '.', { saidBy: speaker.id, reportedBy: publisher, ...base });
      }
      case 'QUOTED': {
        const speaker = subject.kind === 'PERSON' ? subject : this.draw(['PERSON']);
        return this.quote(docIndex, '“', clause, `,” said ${speaker.name}.`, { saidBy: speaker.id, reportedBy: publisher, ...base });
      }
      default:
        return this.quote(docIndex, '', clause, '.', { saidBy: publisher, ...base });
    }
  }

  /** Writes `prefix + clause + suffix` into the document and cites the clause at its exact offsets. */
  private quote(docIndex: number, prefix: string, clause: string, suffix: string, who: Omit<CitationEntry, 'quote' | 'start' | 'end' | 'document'>): CitationEntry {
    const doc = this.docs[docIndex]!;
    const start = doc.append(prefix + clause + suffix) + prefix.length;
    const quote = clause.length <= MAX_QUOTE || !clause.endsWith(')') ? clause : clause.slice(0, clause.lastIndexOf(' ('));
    // The first source is the default document: left out there, as curated files do.
    const document = docIndex === 0 ? {} : { document: doc.entity.id };
    return { quote, start, end: start + quote.length, ...document, ...who };
  }

  private json(poolIds: readonly string[], sources: readonly { name: string; text: string }[]): string {
    const sourceLines = this.docs.map((doc, i) =>
      JSON.stringify({ document: doc.entity.id, path: doc.fileName, sha256: sha256(sources[i]!.text), language: 'en' }),
    );
    const entityLines = [
      ...this.docs.map((doc) => JSON.stringify(doc.entity)),
      ...poolIds.map((id) => cachedJson(this.pool.get(id)!)),
      ...this.events.map((event) => JSON.stringify(event)),
    ];
    const title = `Synthetic knowledge graph of ${this.world.relations} relations (seed ${this.world.seed}), part ${this.plan.index + 1} of ${this.plan.total}`;
    return [
      '{',
      `  "format": "kg-knowledge/1",`,
      `  "id": ${JSON.stringify(this.dataset)},`,
      `  "title": ${JSON.stringify(title)},`,
      `  "sources": [\n${lines(sourceLines)}\n  ],`,
      `  "entities": [\n${lines(entityLines)}\n  ],`,
      `  "facts": [\n${lines(this.factLines)}\n  ]`,
      '}\n',
    ].join('\n');
  }
}

/** Replaces `%0`…`%3` by names and `%q` by the quantity phrase. */
function fill(template: string, names: readonly string[], phrase: string): string {
  return template.replace(/%([0-3q])/g, (_, key: string) => (key === 'q' ? phrase : (names[Number(key)] ?? '')));
}

function timeSuffix(time: TimeRef | undefined): string {
  return time ? ` (${time.text ?? time.value})` : '';
}

/** Hedged and self-serving statements are believed less (docs/knowledge-format.md, "Confidence"). */
function confidence(kind: CitationKind, modality: Modality): number {
  const base = BASE_CONFIDENCE[kind] ?? 0.5;
  if (modality === 'ESTIMATE') return 0.6;
  if (modality === 'CLAIM') return Math.min(base, 0.7);
  return base;
}

function cachedJson(entity: EntityEntry): string {
  let json = entityJson.get(entity);
  if (json === undefined) {
    json = JSON.stringify(entity);
    entityJson.set(entity, json);
  }
  return json;
}

function lines(items: readonly string[]): string {
  return items.map((item) => `    ${item}`).join(',\n');
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
