/**
 * How the graph reads in RDF: one table per vocabulary, keyed by src/vocabulary's enumerations, so a new kind
 * or fact type fails type checking until it is mapped here. schema.org for entities and for the facts that are
 * schema.org properties, PROV-O and the Web Annotation vocabulary for citations, `kg:` for the rest.
 */
import type { EntityKind, FactType } from '../../vocabulary/index.ts';

export const NAMESPACES = {
  schema: 'http://schema.org/',
  prov: 'http://www.w3.org/ns/prov#',
  oa: 'http://www.w3.org/ns/oa#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  /** This graph's own terms (fact types, roles, modality, …): a fixed namespace, whatever the data's base IRI. */
  kg: 'https://kg.invalid/vocab#',
} as const;

export type Prefix = keyof typeof NAMESPACES;
/** A compact IRI such as `schema:Person`. */
export type CompactIri = `${Prefix}:${string}`;

/** Where the data's own IRIs live unless `--base-iri` (or the HTTP route's origin) says otherwise. */
export const DEFAULT_BASE_IRI = 'https://kg.invalid/';

/** The schema.org type of each entity kind (the `kg:` type named after its GraphQL type is added too). */
export const SCHEMA_TYPE_OF_KIND = {
  PERSON: 'schema:Person',
  ORGANIZATION: 'schema:Organization',
  PRODUCT: 'schema:Product',
  PLACE: 'schema:Place',
  // A GPU cluster, a factory: schema.org has no installation type; a facility is a place.
  FACILITY: 'schema:Place',
  DOCUMENT: 'schema:CreativeWork',
  MEDIA: 'schema:NewsMediaOrganization',
  EVENT: 'schema:Event',
  CONCEPT: 'schema:DefinedTerm',
} as const satisfies Record<EntityKind, CompactIri>;

/**
 * Fact types that are schema.org properties, as `(subject) property (object)`, or `(object) property (subject)`
 * when `inverse`. The plain triple is written only for a fact that holds now (ACTUAL and CURRENT): a goal, a
 * plan, a denial or a former state stays a reified statement alone.
 */
export const SCHEMA_PROPERTY_OF_FACT_TYPE: Partial<Record<FactType, { property: CompactIri; inverse?: true }>> = {
  OWNS: { property: 'schema:owns' },
  FOUNDED: { property: 'schema:founder', inverse: true },
  WORKS_FOR: { property: 'schema:worksFor' },
  SUBSIDIARY_OF: { property: 'schema:parentOrganization' },
  LOCATED_IN: { property: 'schema:location' },
  PRODUCES: { property: 'schema:manufacturer', inverse: true },
  ORGANIZES: { property: 'schema:organizer', inverse: true },
  AUTHORED_BY: { property: 'schema:author' },
  PUBLISHED_BY: { property: 'schema:publisher' },
  CITES: { property: 'schema:citation' },
};

/** The XML Schema type of a time value, by precision (a quarter has none: a plain string). */
export const XSD_TYPE_OF_PRECISION = { DAY: 'xsd:date', MONTH: 'xsd:gYearMonth', YEAR: 'xsd:gYear', QUARTER: null } as const;

export function expand(iri: CompactIri): string {
  const colon = iri.indexOf(':');
  return NAMESPACES[iri.slice(0, colon) as Prefix] + iri.slice(colon + 1);
}
