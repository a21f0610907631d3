/**
 * The one mapping from export items to RDF triples: the N-Triples writer writes these triples, the JSON-LD
 * writer the same triples grouped by subject, so both formats say exactly the same (a test compares them).
 * Every node has an IRI (no blank nodes), so two exports of one graph give the same triples.
 */
import type { CitationEntry, EntityEntry, FactEntry, Quantity, TimeRef } from '../../knowledge/knowledge-file.ts';
import { ENTITY_TYPE_OF_KIND } from '../../vocabulary/index.ts';
import type { ExportHeader, ExportItem } from '../records.ts';
import { SCHEMA_PROPERTY_OF_FACT_TYPE, SCHEMA_TYPE_OF_KIND, XSD_TYPE_OF_PRECISION, type CompactIri } from './vocabulary.ts';

/** An IRI of the data (full), a vocabulary term (compact), or a literal in its lexical form. */
export type RdfObject = { iri: string } | { term: CompactIri } | { value: string; datatype?: CompactIri; language?: string };

export interface Triple {
  /** A full IRI. */
  subject: string;
  predicate: CompactIri;
  object: RdfObject;
}

/** The data's IRIs under a base: entities at `entities/{id}` (what GET /entities/{id} serves), facts at `facts/{id}`. */
export class DataIris {
  constructor(readonly base: string) {}
  entity = (id: string) => `${this.base}entities/${encodeURIComponent(id)}`;
  fact = (id: string) => `${this.base}facts/${encodeURIComponent(id)}`;
  citation = (fact: string, position: number) => `${this.fact(fact)}/citations/${position}`;
  quantity = (fact: string, position: number) => `${this.fact(fact)}/quantities/${position}`;
}

export class TripleMapper {
  private readonly sourceOf: Map<string, ExportHeader['sources'][number]>;

  constructor(
    private readonly iris: DataIris,
    private readonly header: ExportHeader,
  ) {
    this.sourceOf = new Map(header.sources.map((source) => [source.document, source]));
  }

  /** The item's triples; relations give none (each is its fact's statement, see factTriples). */
  triples(item: ExportItem): Triple[] {
    if (item.kind === 'entity') return this.entityTriples(item.entity);
    if (item.kind === 'fact') return this.factTriples(item.fact);
    return [];
  }

  private entityTriples(entity: EntityEntry): Triple[] {
    const s = this.iris.entity(entity.id);
    const t = new TripleList(s);
    t.term('rdf:type', SCHEMA_TYPE_OF_KIND[entity.kind]);
    t.term('rdf:type', `kg:${ENTITY_TYPE_OF_KIND[entity.kind]}`);
    t.text('schema:identifier', entity.id);
    t.text('schema:name', entity.name);
    for (const alias of entity.aliases ?? []) t.text('schema:alternateName', alias.text, alias.lang);
    t.text('schema:description', entity.description, 'en');
    if (entity.background) t.typed('kg:background', 'true', 'xsd:boolean');
    if (entity.published) this.time(t, 'schema:datePublished', 'kg:published', entity.published);
    const source = this.sourceOf.get(entity.id);
    if (source) {
      t.text('schema:inLanguage', source.language);
      t.text('schema:sha256', source.sha256);
    }
    return t.list;
  }

  private factTriples(fact: FactEntry): Triple[] {
    const s = this.iris.fact(fact.id);
    const t = new TripleList(s);
    t.term('rdf:type', 'rdf:Statement');
    t.term('rdf:type', 'kg:Fact');
    t.text('schema:identifier', fact.id);
    t.iri('rdf:subject', this.iris.entity(fact.subject));
    t.term('rdf:predicate', `kg:${fact.type}`);
    if (fact.object) t.iri('rdf:object', this.iris.entity(fact.object));
    if (fact.event) t.iri('kg:event', this.iris.entity(fact.event));
    t.text('schema:description', fact.statement, 'en');
    t.text('kg:modality', fact.modality);
    t.text('kg:status', fact.status ?? 'CURRENT');
    if (fact.time) this.time(t, 'kg:time', 'kg:time', fact.time);
    if (fact.background) t.typed('kg:background', 'true', 'xsd:boolean');
    if (fact.basis) t.text('kg:basis', fact.basis, 'en');
    const triples = t.list;
    // A fact that holds now, of a type schema.org has, is also the plain property.
    const schema = SCHEMA_PROPERTY_OF_FACT_TYPE[fact.type];
    if (schema && fact.object && fact.modality === 'ACTUAL' && (fact.status ?? 'CURRENT') === 'CURRENT') {
      const [from, to] = schema.inverse ? [fact.object, fact.subject] : [fact.subject, fact.object];
      triples.push({ subject: this.iris.entity(from), predicate: schema.property, object: { iri: this.iris.entity(to) } });
    }
    // An n-ary fact's event is its reification: each participant is a property of the event.
    if (fact.event) for (const p of fact.participants ?? []) triples.push({ subject: this.iris.entity(fact.event), predicate: `kg:${p.role}`, object: { iri: this.iris.entity(p.entity) } });
    (fact.quantities ?? []).forEach((q, position) => {
      const iri = this.iris.quantity(fact.id, position);
      triples.push({ subject: s, predicate: 'kg:quantity', object: { iri } }, ...this.quantityTriples(iri, q));
    });
    fact.citations.forEach((c, position) => {
      const iri = this.iris.citation(fact.id, position);
      triples.push({ subject: s, predicate: 'prov:wasDerivedFrom', object: { iri } }, ...this.citationTriples(iri, c));
    });
    return triples;
  }

  private quantityTriples(s: string, q: Quantity): Triple[] {
    const t = new TripleList(s);
    t.term('rdf:type', q.kind === 'MONEY' ? 'schema:MonetaryAmount' : 'schema:QuantitativeValue');
    if (q.value !== undefined) t.number('schema:value', q.value);
    if (q.unit) t.text('schema:unitText', q.unit);
    if (q.currency) t.text('schema:currency', q.currency);
    if (q.item) t.iri('kg:item', this.iris.entity(q.item));
    t.text('kg:quantityKind', q.kind);
    t.text('kg:comparator', q.comparator ?? 'EXACT');
    t.text('kg:quantityRole', q.role ?? 'AMOUNT');
    if (q.text) t.text('schema:description', q.text);
    return t.list;
  }

  /** PROV-O: the quote is an entity attributed to who said it, derived from the document, at its offsets. */
  private citationTriples(s: string, c: CitationEntry): Triple[] {
    const document = c.document ?? this.header.sources[0]?.document ?? '';
    const t = new TripleList(s);
    t.term('rdf:type', 'prov:Entity');
    t.term('rdf:type', 'schema:Quotation');
    t.text('prov:value', c.quote, this.sourceOf.get(document)?.language);
    t.iri('prov:wasAttributedTo', this.iris.entity(c.saidBy));
    t.iri('prov:wasDerivedFrom', this.iris.entity(document));
    if (c.reportedBy) t.iri('kg:reportedBy', this.iris.entity(c.reportedBy));
    // Web Annotation's TextPositionSelector offsets (UTF-16 code units here, end exclusive, as the format says).
    t.typed('oa:start', String(c.start), 'xsd:integer');
    t.typed('oa:end', String(c.end), 'xsd:integer');
    t.text('kg:citationKind', c.kind);
    if (c.confidence !== undefined) t.number('kg:confidence', c.confidence);
    return t.list;
  }

  private time(t: TripleList, valueProperty: CompactIri, prefix: CompactIri, time: TimeRef): void {
    const datatype = XSD_TYPE_OF_PRECISION[time.precision] ?? undefined;
    t.push(valueProperty, { value: time.value, ...(datatype ? { datatype } : {}) });
    if (time.end) t.push(`${prefix}End`, { value: time.end, ...(datatype ? { datatype } : {}) });
    t.text(`${prefix}Precision`, time.precision);
    if (time.text) t.text(`${prefix}Text`, time.text);
    t.typed(`${prefix}Inferred`, String(time.inferred), 'xsd:boolean');
  }
}

/** Triples of one subject, built property by property. */
class TripleList {
  readonly list: Triple[] = [];
  constructor(private readonly subject: string) {}
  push(predicate: CompactIri, object: RdfObject): void {
    this.list.push({ subject: this.subject, predicate, object });
  }
  iri(predicate: CompactIri, iri: string): void {
    this.push(predicate, { iri });
  }
  term(predicate: CompactIri, term: CompactIri): void {
    this.push(predicate, { term });
  }
  text(predicate: CompactIri, value: string, language?: string): void {
    this.push(predicate, language ? { value, language } : { value });
  }
  typed(predicate: CompactIri, value: string, datatype: CompactIri): void {
    this.push(predicate, { value, datatype });
  }
  /**
   * Integers as xsd:integer, fractions as xsd:decimal (`0.9`): JavaScript's form is their lexical form, which
   * JSON-LD processors keep (xsd:double they rewrite as `9.0E-1`). Exponent forms are only valid as xsd:double.
   */
  number(predicate: CompactIri, value: number): void {
    const lexical = String(value);
    this.typed(predicate, lexical, /e/i.test(lexical) ? 'xsd:double' : Number.isInteger(value) ? 'xsd:integer' : 'xsd:decimal');
  }
}
