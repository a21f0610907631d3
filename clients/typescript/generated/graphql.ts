/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How a citation backs a fact. */
export type CitationKind =
  /** The publisher's own framing: headings, plain descriptions, definitions. */
  | 'EDITORIAL'
  /** The publisher's opinion section (for example "Notre avis"): its view, not a report of a source. */
  | 'OPINION'
  /** The words of a document or person, quoted. */
  | 'QUOTED'
  /** A reader's comment under the article. */
  | 'READER_COMMENT'
  /** A medium reported it (for example CNBC, Reuters). */
  | 'REPORTED'
  /** Someone's own statement about themselves or their plans. */
  | 'STATEMENT';

/** How the number relates to the true value: `plus de 500 millions` is MORE_THAN 500000000. */
export type Comparator =
  /** About the value. */
  | 'APPROXIMATE'
  /** The value or more. */
  | 'AT_LEAST'
  /** The value or less. */
  | 'AT_MOST'
  /** Exactly the value. */
  | 'EXACT'
  /** Less than the value. */
  | 'LESS_THAN'
  /** More than the value. */
  | 'MORE_THAN'
  /** A vague amount with no value (`plusieurs mois`). */
  | 'SEVERAL';

/** Which way a relation points, seen from the entity it is asked on. */
export type Direction =
  /** Both. */
  | 'BOTH'
  /** Relations that end at the entity. */
  | 'INCOMING'
  /** Relations that start at the entity. */
  | 'OUTGOING';

/**
 * What an entity is. Every entity has exactly one kind, and the GraphQL type of the entity follows its kind
 * (PERSON → Person, ORGANIZATION → Organization, …).
 */
export type EntityKind =
  /** An idea, a field or a category, such as artificial intelligence. */
  | 'CONCEPT'
  /** A document: an article, a memo, a post, a report. */
  | 'DOCUMENT'
  /** Something happening at a time, reified so that each participant of an n-ary fact can be queried. */
  | 'EVENT'
  /** A built or planned installation, such as a GPU cluster. */
  | 'FACILITY'
  /** A medium that relays what others say, such as CNBC or Reuters. */
  | 'MEDIA'
  /** A company, an agency or another organization, such as Tesla or xAI. */
  | 'ORGANIZATION'
  /** A person, such as Elon Musk. */
  | 'PERSON'
  /** A place: a city, a region, a country. */
  | 'PLACE'
  /** A product or a service, such as the Nvidia H100 or the chatbot Grok. */
  | 'PRODUCT';

/**
 * Whether a fact still stands as of its source. A goal the source says was “previously stated” and then left
 * out, or a plan it says was given up, is FORMER: it is not the subject's current goal or plan.
 */
export type FactStatus =
  /** Stands as of the source (an ACTUAL fact happened or holds; a GOAL or PLANNED fact is still the aim). */
  | 'CURRENT'
  /** Held or was stated before, and the source says it no longer is. */
  | 'FORMER';

/** What a fact states. Binary facts also give a relation of the same type. */
export type FactType =
  /** The subject acquires or buys the object. */
  | 'ACQUIRES'
  /** The subject affects the object. */
  | 'AFFECTS'
  /** The subject (a document) was written by the object. */
  | 'AUTHORED_BY'
  /** The subject builds the object. */
  | 'BUILDS'
  /** The subject is built for the object (a purpose or a customer). */
  | 'BUILT_FOR'
  /** The subject (a document) cites the object. */
  | 'CITES'
  /** The subject commented to the object (a medium). */
  | 'COMMENTED_TO'
  /** The subject competes with the object. */
  | 'COMPETES_WITH'
  /** The subject delays the object. */
  | 'DELAYS'
  /** The subject depends on the object. */
  | 'DEPENDS_ON'
  /** The subject deploys or puts the object into service. */
  | 'DEPLOYS'
  /** The subject founded the object. */
  | 'FOUNDED'
  /** The subject is an instance of the object (a category or concept). */
  | 'INSTANCE_OF'
  /** The subject invests in the object. */
  | 'INVESTS_IN'
  /** The subject is given in exchange for the object. */
  | 'IN_EXCHANGE_FOR'
  /** The subject lays off staff (the object, or a number of people). */
  | 'LAYS_OFF'
  /** The subject is a leader in the object (a field or market). */
  | 'LEADER_IN'
  /** The subject leads or runs the object. */
  | 'LEADS'
  /** The subject is located in the object (a place). */
  | 'LOCATED_IN'
  /** The subject (a document) leaves out the object. */
  | 'OMITS'
  /** The subject orders the object. */
  | 'ORDERS'
  /** The subject organizes the object (an event). */
  | 'ORGANIZES'
  /** The subject owns the object. */
  | 'OWNS'
  /** The subject takes part in the object (an event). */
  | 'PARTICIPATES_IN'
  /** The subject partners with the object. */
  | 'PARTNERS_WITH'
  /** The subject is part of the object. */
  | 'PART_OF'
  /** The subject plans to build the object. */
  | 'PLANS_TO_BUILD'
  /** The subject gives priority to the object. */
  | 'PRIORITIZES'
  /** The subject produces or makes the object. */
  | 'PRODUCES'
  /** The subject (a document) was published by the object. */
  | 'PUBLISHED_BY'
  /** The subject (a document) was published on the object (a platform or medium). */
  | 'PUBLISHED_ON'
  /** Something is moved from one holder to another (n-ary: GIVER, RECIPIENT, ITEM, …). */
  | 'REALLOCATES'
  /** The subject sells the object. */
  | 'SELLS'
  /** The subject is a subsidiary of the object. */
  | 'SUBSIDIARY_OF'
  /** The subject supplies the object, or supplies something to it. */
  | 'SUPPLIES'
  /** The subject works for the object. */
  | 'WORKS_FOR';

/** How a fact holds: a plan or a goal is not a fact about the present. */
export type Modality =
  /** It holds or happened. */
  | 'ACTUAL'
  /** Someone claims it; the source does not vouch for it. */
  | 'CLAIM'
  /** It is an estimate or a forecast. */
  | 'ESTIMATE'
  /** It is an aim or an ambition. */
  | 'GOAL'
  /** It does not hold or did not happen. */
  | 'NEGATED'
  /** It is planned or announced, not done yet. */
  | 'PLANNED';

/** What a number measures. */
export type QuantityKind =
  /** A number of things (`unit` says what). */
  | 'COUNT'
  /** A length of time (`unit` says day, month, year, …). */
  | 'DURATION'
  /** An amount of money (`currency` says which). */
  | 'MONEY'
  /** A percentage, 0 to 100. */
  | 'PERCENT';

/** The part a number plays in its fact. */
export type QuantityRole =
  /** The number itself. */
  | 'AMOUNT'
  /** The value before a change. */
  | 'FROM'
  /** A goal's number. */
  | 'TARGET'
  /** The value after a change. */
  | 'TO'
  /** The money worth of an item. */
  | 'VALUE';

/** How much a fact counts, as in Wikidata: preferred facts come first, deprecated ones are hidden unless asked for. */
export type Rank =
  /** Hidden from current reads unless `includeRetracted`; kept, and shown as of earlier revisions. */
  | 'DEPRECATED'
  /** The default. */
  | 'NORMAL'
  /** Listed first among the facts of an entity or source. */
  | 'PREFERRED';

/**
 * The type of a relation between two entities: a binary fact type, or the role of a participant of an event
 * (relation from the event to the participant).
 */
export type RelationType =
  /** The subject acquires or buys the object. */
  | 'ACQUIRES'
  /** Who or what the event affects. */
  | 'AFFECTED'
  /** The subject affects the object. */
  | 'AFFECTS'
  /** Who acts. */
  | 'AGENT'
  /** The subject (a document) was written by the object. */
  | 'AUTHORED_BY'
  /** Who benefits. */
  | 'BENEFICIARY'
  /** The subject builds the object. */
  | 'BUILDS'
  /** The subject is built for the object (a purpose or a customer). */
  | 'BUILT_FOR'
  /** The subject (a document) cites the object. */
  | 'CITES'
  /** The subject commented to the object (a medium). */
  | 'COMMENTED_TO'
  /** The subject competes with the object. */
  | 'COMPETES_WITH'
  /** Who decided it. */
  | 'DECIDED_BY'
  /** The subject delays the object. */
  | 'DELAYS'
  /** The subject depends on the object. */
  | 'DEPENDS_ON'
  /** The subject deploys or puts the object into service. */
  | 'DEPLOYS'
  /** The document that records the event. */
  | 'DOCUMENTED_IN'
  /** The subject founded the object. */
  | 'FOUNDED'
  /** Who gives something up. */
  | 'GIVER'
  /** The subject is an instance of the object (a category or concept). */
  | 'INSTANCE_OF'
  /** The subject invests in the object. */
  | 'INVESTS_IN'
  /** The subject is given in exchange for the object. */
  | 'IN_EXCHANGE_FOR'
  /** What changes hands or is counted. */
  | 'ITEM'
  /** The subject lays off staff (the object, or a number of people). */
  | 'LAYS_OFF'
  /** The subject is a leader in the object (a field or market). */
  | 'LEADER_IN'
  /** The subject leads or runs the object. */
  | 'LEADS'
  /** The subject is located in the object (a place). */
  | 'LOCATED_IN'
  /** Where it happens. */
  | 'LOCATION'
  /** The subject (a document) leaves out the object. */
  | 'OMITS'
  /** The subject orders the object. */
  | 'ORDERS'
  /** The subject organizes the object (an event). */
  | 'ORGANIZES'
  /** The subject owns the object. */
  | 'OWNS'
  /** The subject takes part in the object (an event). */
  | 'PARTICIPATES_IN'
  /** The subject partners with the object. */
  | 'PARTNERS_WITH'
  /** The subject is part of the object. */
  | 'PART_OF'
  /** The subject plans to build the object. */
  | 'PLANS_TO_BUILD'
  /** The subject gives priority to the object. */
  | 'PRIORITIZES'
  /** The subject produces or makes the object. */
  | 'PRODUCES'
  /** The subject (a document) was published by the object. */
  | 'PUBLISHED_BY'
  /** The subject (a document) was published on the object (a platform or medium). */
  | 'PUBLISHED_ON'
  /** What the money or effort is for. */
  | 'PURPOSE'
  /** Something is moved from one holder to another (n-ary: GIVER, RECIPIENT, ITEM, …). */
  | 'REALLOCATES'
  /** Who receives it. */
  | 'RECIPIENT'
  /** The subject sells the object. */
  | 'SELLS'
  /** The subject is a subsidiary of the object. */
  | 'SUBSIDIARY_OF'
  /** Who supplies the item. */
  | 'SUPPLIER'
  /** The subject supplies the object, or supplies something to it. */
  | 'SUPPLIES'
  /** The subject works for the object. */
  | 'WORKS_FOR';

export type SetFactRankMutationVariables = Exact<{
  id: string;
  rank: Rank;
  reason: string;
  expectedRevision?: string | null | undefined;
}>;


export type SetFactRankMutation = { setFactRank: { fact: { id: string, rank: Rank, revision: { id: string } | null }, revision: { id: string, sequence: number, summary: string } } | null };

export type EntityWithRelationsQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  types?: Array<RelationType> | RelationType | null | undefined;
  direction?: Direction | null | undefined;
}>;


export type EntityWithRelationsQuery = { entity:
    | (
      { background: boolean, aliases: Array<{ text: string, language: string | null }>, relations: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: RelationWithFactFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Concept_Fragment
    )
    | (
      { background: boolean, aliases: Array<{ text: string, language: string | null }>, relations: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: RelationWithFactFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Document_Fragment
    )
    | (
      { background: boolean, aliases: Array<{ text: string, language: string | null }>, relations: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: RelationWithFactFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Event_Fragment
    )
    | (
      { background: boolean, aliases: Array<{ text: string, language: string | null }>, relations: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: RelationWithFactFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Facility_Fragment
    )
    | (
      { background: boolean, aliases: Array<{ text: string, language: string | null }>, relations: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: RelationWithFactFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Media_Fragment
    )
    | (
      { background: boolean, aliases: Array<{ text: string, language: string | null }>, relations: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: RelationWithFactFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Organization_Fragment
    )
    | (
      { background: boolean, aliases: Array<{ text: string, language: string | null }>, relations: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: RelationWithFactFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Person_Fragment
    )
    | (
      { background: boolean, aliases: Array<{ text: string, language: string | null }>, relations: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: RelationWithFactFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Place_Fragment
    )
    | (
      { background: boolean, aliases: Array<{ text: string, language: string | null }>, relations: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: RelationWithFactFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Product_Fragment
    )
   | null };

export type RelationNumbersQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RelationNumbersQuery = { entity:
    | (
      { relations: { totalCount: number, totalCountIsEstimate: boolean, nodes: Array<{ id: string, type: RelationType, label: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , to:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: { id: string, statement: string, quantities: Array<QuantityFieldsFragment> } }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Concept_Fragment
    )
    | (
      { relations: { totalCount: number, totalCountIsEstimate: boolean, nodes: Array<{ id: string, type: RelationType, label: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , to:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: { id: string, statement: string, quantities: Array<QuantityFieldsFragment> } }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Document_Fragment
    )
    | (
      { relations: { totalCount: number, totalCountIsEstimate: boolean, nodes: Array<{ id: string, type: RelationType, label: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , to:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: { id: string, statement: string, quantities: Array<QuantityFieldsFragment> } }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Event_Fragment
    )
    | (
      { relations: { totalCount: number, totalCountIsEstimate: boolean, nodes: Array<{ id: string, type: RelationType, label: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , to:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: { id: string, statement: string, quantities: Array<QuantityFieldsFragment> } }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Facility_Fragment
    )
    | (
      { relations: { totalCount: number, totalCountIsEstimate: boolean, nodes: Array<{ id: string, type: RelationType, label: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , to:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: { id: string, statement: string, quantities: Array<QuantityFieldsFragment> } }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Media_Fragment
    )
    | (
      { relations: { totalCount: number, totalCountIsEstimate: boolean, nodes: Array<{ id: string, type: RelationType, label: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , to:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: { id: string, statement: string, quantities: Array<QuantityFieldsFragment> } }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Organization_Fragment
    )
    | (
      { relations: { totalCount: number, totalCountIsEstimate: boolean, nodes: Array<{ id: string, type: RelationType, label: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , to:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: { id: string, statement: string, quantities: Array<QuantityFieldsFragment> } }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Person_Fragment
    )
    | (
      { relations: { totalCount: number, totalCountIsEstimate: boolean, nodes: Array<{ id: string, type: RelationType, label: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , to:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: { id: string, statement: string, quantities: Array<QuantityFieldsFragment> } }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Place_Fragment
    )
    | (
      { relations: { totalCount: number, totalCountIsEstimate: boolean, nodes: Array<{ id: string, type: RelationType, label: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , to:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | EntitySummary_Organization_Fragment
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: { id: string, statement: string, quantities: Array<QuantityFieldsFragment> } }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Product_Fragment
    )
   | null };

export type WhoOwnsQueryVariables = Exact<{
  id: string;
}>;


export type WhoOwnsQuery = { entity:
    | (
      { relations: { nodes: Array<{ id: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | (
              { aliases: Array<{ text: string }> }
              & EntitySummary_Organization_Fragment
            )
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: FactWithProvenanceFragment }> } }
      & EntitySummary_Concept_Fragment
    )
    | (
      { relations: { nodes: Array<{ id: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | (
              { aliases: Array<{ text: string }> }
              & EntitySummary_Organization_Fragment
            )
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: FactWithProvenanceFragment }> } }
      & EntitySummary_Document_Fragment
    )
    | (
      { relations: { nodes: Array<{ id: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | (
              { aliases: Array<{ text: string }> }
              & EntitySummary_Organization_Fragment
            )
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: FactWithProvenanceFragment }> } }
      & EntitySummary_Event_Fragment
    )
    | (
      { relations: { nodes: Array<{ id: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | (
              { aliases: Array<{ text: string }> }
              & EntitySummary_Organization_Fragment
            )
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: FactWithProvenanceFragment }> } }
      & EntitySummary_Facility_Fragment
    )
    | (
      { relations: { nodes: Array<{ id: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | (
              { aliases: Array<{ text: string }> }
              & EntitySummary_Organization_Fragment
            )
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: FactWithProvenanceFragment }> } }
      & EntitySummary_Media_Fragment
    )
    | (
      { relations: { nodes: Array<{ id: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | (
              { aliases: Array<{ text: string }> }
              & EntitySummary_Organization_Fragment
            )
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: FactWithProvenanceFragment }> } }
      & EntitySummary_Organization_Fragment
    )
    | (
      { relations: { nodes: Array<{ id: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | (
              { aliases: Array<{ text: string }> }
              & EntitySummary_Organization_Fragment
            )
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: FactWithProvenanceFragment }> } }
      & EntitySummary_Person_Fragment
    )
    | (
      { relations: { nodes: Array<{ id: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | (
              { aliases: Array<{ text: string }> }
              & EntitySummary_Organization_Fragment
            )
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: FactWithProvenanceFragment }> } }
      & EntitySummary_Place_Fragment
    )
    | (
      { relations: { nodes: Array<{ id: string, from:
            | EntitySummary_Concept_Fragment
            | EntitySummary_Document_Fragment
            | EntitySummary_Event_Fragment
            | EntitySummary_Facility_Fragment
            | EntitySummary_Media_Fragment
            | (
              { aliases: Array<{ text: string }> }
              & EntitySummary_Organization_Fragment
            )
            | EntitySummary_Person_Fragment
            | EntitySummary_Place_Fragment
            | EntitySummary_Product_Fragment
          , fact: FactWithProvenanceFragment }> } }
      & EntitySummary_Product_Fragment
    )
   | null };

export type FactByIdQueryVariables = Exact<{
  id: string;
}>;


export type FactByIdQuery = { fact: FactWithProvenanceFragment | null };

export type EntityFactsQueryVariables = Exact<{
  id: string;
  types?: Array<FactType> | FactType | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  includeRetracted?: boolean | null | undefined;
}>;


export type EntityFactsQuery = { entity:
    | (
      { facts: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: FactWithProvenanceFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Concept_Fragment
    )
    | (
      { facts: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: FactWithProvenanceFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Document_Fragment
    )
    | (
      { facts: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: FactWithProvenanceFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Event_Fragment
    )
    | (
      { facts: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: FactWithProvenanceFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Facility_Fragment
    )
    | (
      { facts: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: FactWithProvenanceFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Media_Fragment
    )
    | (
      { facts: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: FactWithProvenanceFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Organization_Fragment
    )
    | (
      { facts: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: FactWithProvenanceFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Person_Fragment
    )
    | (
      { facts: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: FactWithProvenanceFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Place_Fragment
    )
    | (
      { facts: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, node: FactWithProvenanceFragment }>, pageInfo: PageInfoFieldsFragment } }
      & EntitySummary_Product_Fragment
    )
   | null };

export type PathBetweenQueryVariables = Exact<{
  from: string;
  to: string;
  maxDepth?: number | null | undefined;
}>;


export type PathBetweenQuery = { path: { length: number, nodes: Array<
      | EntitySummary_Concept_Fragment
      | EntitySummary_Document_Fragment
      | EntitySummary_Event_Fragment
      | EntitySummary_Facility_Fragment
      | EntitySummary_Media_Fragment
      | EntitySummary_Organization_Fragment
      | EntitySummary_Person_Fragment
      | EntitySummary_Place_Fragment
      | EntitySummary_Product_Fragment
    >, edges: Array<{ id: string, type: RelationType, label: string, from:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , fact: { id: string, statement: string } }>, elements: Array<
      | { __typename: 'Concept', id: string, name: string }
      | { __typename: 'Document', id: string, name: string }
      | { __typename: 'Event', id: string, name: string }
      | { __typename: 'Facility', id: string, name: string }
      | { __typename: 'Media', id: string, name: string }
      | { __typename: 'Organization', id: string, name: string }
      | { __typename: 'Person', id: string, name: string }
      | { __typename: 'Place', id: string, name: string }
      | { __typename: 'Product', id: string, name: string }
      | { __typename: 'Relation', id: string, type: RelationType }
    > } | null };

export type SearchEntitiesQueryVariables = Exact<{
  text: string;
  kinds?: Array<EntityKind> | EntityKind | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchEntitiesQuery = { search: { totalCount: number, totalCountIsEstimate: boolean, edges: Array<{ cursor: string, score: number, node:
        | EntitySummary_Concept_Fragment
        | EntitySummary_Document_Fragment
        | EntitySummary_Event_Fragment
        | EntitySummary_Facility_Fragment
        | EntitySummary_Media_Fragment
        | EntitySummary_Organization_Fragment
        | EntitySummary_Person_Fragment
        | EntitySummary_Place_Fragment
        | EntitySummary_Product_Fragment
       }>, pageInfo: PageInfoFieldsFragment } | null };

type EntitySummary_Concept_Fragment = { __typename: 'Concept', id: string, kind: EntityKind, name: string, description: string };

type EntitySummary_Document_Fragment = { __typename: 'Document', id: string, kind: EntityKind, name: string, description: string };

type EntitySummary_Event_Fragment = { __typename: 'Event', id: string, kind: EntityKind, name: string, description: string };

type EntitySummary_Facility_Fragment = { __typename: 'Facility', id: string, kind: EntityKind, name: string, description: string };

type EntitySummary_Media_Fragment = { __typename: 'Media', id: string, kind: EntityKind, name: string, description: string };

type EntitySummary_Organization_Fragment = { __typename: 'Organization', id: string, kind: EntityKind, name: string, description: string };

type EntitySummary_Person_Fragment = { __typename: 'Person', id: string, kind: EntityKind, name: string, description: string };

type EntitySummary_Place_Fragment = { __typename: 'Place', id: string, kind: EntityKind, name: string, description: string };

type EntitySummary_Product_Fragment = { __typename: 'Product', id: string, kind: EntityKind, name: string, description: string };

export type EntitySummaryFragment =
  | EntitySummary_Concept_Fragment
  | EntitySummary_Document_Fragment
  | EntitySummary_Event_Fragment
  | EntitySummary_Facility_Fragment
  | EntitySummary_Media_Fragment
  | EntitySummary_Organization_Fragment
  | EntitySummary_Person_Fragment
  | EntitySummary_Place_Fragment
  | EntitySummary_Product_Fragment
;

export type QuantityFieldsFragment = { kind: QuantityKind, value: number | null, unit: string | null, comparator: Comparator, role: QuantityRole, text: string | null, money: { amount: number, currency: string } | null, item:
    | EntitySummary_Concept_Fragment
    | EntitySummary_Document_Fragment
    | EntitySummary_Event_Fragment
    | EntitySummary_Facility_Fragment
    | EntitySummary_Media_Fragment
    | EntitySummary_Organization_Fragment
    | EntitySummary_Person_Fragment
    | EntitySummary_Place_Fragment
    | EntitySummary_Product_Fragment
   | null };

export type CitationFieldsFragment = { id: string, quote: string, kind: CitationKind, confidence: number | null, document: { id: string, name: string }, saidBy:
    | EntitySummary_Concept_Fragment
    | EntitySummary_Document_Fragment
    | EntitySummary_Event_Fragment
    | EntitySummary_Facility_Fragment
    | EntitySummary_Media_Fragment
    | EntitySummary_Organization_Fragment
    | EntitySummary_Person_Fragment
    | EntitySummary_Place_Fragment
    | EntitySummary_Product_Fragment
  , reportedBy:
    | EntitySummary_Concept_Fragment
    | EntitySummary_Document_Fragment
    | EntitySummary_Event_Fragment
    | EntitySummary_Facility_Fragment
    | EntitySummary_Media_Fragment
    | EntitySummary_Organization_Fragment
    | EntitySummary_Person_Fragment
    | EntitySummary_Place_Fragment
    | EntitySummary_Product_Fragment
   | null };

export type FactWithProvenanceFragment = { id: string, type: FactType, statement: string, modality: Modality, status: FactStatus, background: boolean, basis: string | null, subject:
    | EntitySummary_Concept_Fragment
    | EntitySummary_Document_Fragment
    | EntitySummary_Event_Fragment
    | EntitySummary_Facility_Fragment
    | EntitySummary_Media_Fragment
    | EntitySummary_Organization_Fragment
    | EntitySummary_Person_Fragment
    | EntitySummary_Place_Fragment
    | EntitySummary_Product_Fragment
  , object:
    | EntitySummary_Concept_Fragment
    | EntitySummary_Document_Fragment
    | EntitySummary_Event_Fragment
    | EntitySummary_Facility_Fragment
    | EntitySummary_Media_Fragment
    | EntitySummary_Organization_Fragment
    | EntitySummary_Person_Fragment
    | EntitySummary_Place_Fragment
    | EntitySummary_Product_Fragment
   | null, quantities: Array<QuantityFieldsFragment>, citations: Array<CitationFieldsFragment> };

export type RelationWithFactFragment = { id: string, type: RelationType, label: string, from:
    | EntitySummary_Concept_Fragment
    | EntitySummary_Document_Fragment
    | EntitySummary_Event_Fragment
    | EntitySummary_Facility_Fragment
    | EntitySummary_Media_Fragment
    | EntitySummary_Organization_Fragment
    | EntitySummary_Person_Fragment
    | EntitySummary_Place_Fragment
    | EntitySummary_Product_Fragment
  , to:
    | EntitySummary_Concept_Fragment
    | EntitySummary_Document_Fragment
    | EntitySummary_Event_Fragment
    | EntitySummary_Facility_Fragment
    | EntitySummary_Media_Fragment
    | EntitySummary_Organization_Fragment
    | EntitySummary_Person_Fragment
    | EntitySummary_Place_Fragment
    | EntitySummary_Product_Fragment
  , fact: FactWithProvenanceFragment };

export type PageInfoFieldsFragment = { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null };

export type NodeByIdQueryVariables = Exact<{
  id: string;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'Citation', quote: string, id: string, citationKind: CitationKind, saidBy:
        | EntitySummary_Concept_Fragment
        | EntitySummary_Document_Fragment
        | EntitySummary_Event_Fragment
        | EntitySummary_Facility_Fragment
        | EntitySummary_Media_Fragment
        | EntitySummary_Organization_Fragment
        | EntitySummary_Person_Fragment
        | EntitySummary_Place_Fragment
        | EntitySummary_Product_Fragment
      , reportedBy:
        | EntitySummary_Concept_Fragment
        | EntitySummary_Document_Fragment
        | EntitySummary_Event_Fragment
        | EntitySummary_Facility_Fragment
        | EntitySummary_Media_Fragment
        | EntitySummary_Organization_Fragment
        | EntitySummary_Person_Fragment
        | EntitySummary_Place_Fragment
        | EntitySummary_Product_Fragment
       | null }
    | (
      { __typename: 'Concept', id: string }
      & EntitySummary_Concept_Fragment
    )
    | (
      { __typename: 'Document', id: string }
      & EntitySummary_Document_Fragment
    )
    | (
      { __typename: 'Event', id: string }
      & EntitySummary_Event_Fragment
    )
    | (
      { __typename: 'Facility', id: string }
      & EntitySummary_Facility_Fragment
    )
    | (
      { __typename: 'Fact', id: string }
      & FactWithProvenanceFragment
    )
    | (
      { __typename: 'Media', id: string }
      & EntitySummary_Media_Fragment
    )
    | (
      { __typename: 'Organization', id: string }
      & EntitySummary_Organization_Fragment
    )
    | (
      { __typename: 'Person', id: string }
      & EntitySummary_Person_Fragment
    )
    | (
      { __typename: 'Place', id: string }
      & EntitySummary_Place_Fragment
    )
    | (
      { __typename: 'Product', id: string }
      & EntitySummary_Product_Fragment
    )
    | { __typename: 'Relation', label: string, id: string, relationType: RelationType, from:
        | EntitySummary_Concept_Fragment
        | EntitySummary_Document_Fragment
        | EntitySummary_Event_Fragment
        | EntitySummary_Facility_Fragment
        | EntitySummary_Media_Fragment
        | EntitySummary_Organization_Fragment
        | EntitySummary_Person_Fragment
        | EntitySummary_Place_Fragment
        | EntitySummary_Product_Fragment
      , to:
        | EntitySummary_Concept_Fragment
        | EntitySummary_Document_Fragment
        | EntitySummary_Event_Fragment
        | EntitySummary_Facility_Fragment
        | EntitySummary_Media_Fragment
        | EntitySummary_Organization_Fragment
        | EntitySummary_Person_Fragment
        | EntitySummary_Place_Fragment
        | EntitySummary_Product_Fragment
      , fact: { id: string, statement: string } }
    | { __typename: 'Revision', sequence: number, summary: string, id: string }
   | null };

export const EntitySummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EntitySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]} as unknown as DocumentNode<EntitySummaryFragment, unknown>;
export const QuantityFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuantityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quantity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"money"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparator"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EntitySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]} as unknown as DocumentNode<QuantityFieldsFragment, unknown>;
export const CitationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"saidBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EntitySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]} as unknown as DocumentNode<CitationFieldsFragment, unknown>;
export const FactWithProvenanceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FactWithProvenance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Fact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"modality"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"background"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuantityFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EntitySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuantityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quantity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"money"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparator"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"saidBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}}]} as unknown as DocumentNode<FactWithProvenanceFragment, unknown>;
export const RelationWithFactFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RelationWithFact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Relation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FactWithProvenance"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EntitySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuantityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quantity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"money"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparator"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"saidBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FactWithProvenance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Fact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"modality"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"background"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuantityFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitationFields"}}]}}]}}]} as unknown as DocumentNode<RelationWithFactFragment, unknown>;
export const PageInfoFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PageInfoFieldsFragment, unknown>;
export const SetFactRankDocument = {"__meta__":{"hash":"sha256:102fbf8f4196ccb714d122ed8be37144dea06d12c56ad4f547bc6b909c8225b7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetFactRank"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rank"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Rank"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedRevision"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setFactRank"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"rank"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rank"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedRevision"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedRevision"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"revision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"revision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}}]} as unknown as DocumentNode<SetFactRankMutation, SetFactRankMutationVariables>;
export const EntityWithRelationsDocument = {"__meta__":{"hash":"sha256:542e96f0b4301159e959b8e8491da2bf49353c5da4bb507f1e09505ee392cef0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntityWithRelations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RelationType"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"direction"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Direction"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}},{"kind":"Field","name":{"kind":"Name","value":"background"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}},{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"direction"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RelationWithFact"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCountIsEstimate"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EntitySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuantityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quantity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"money"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparator"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"saidBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FactWithProvenance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Fact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"modality"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"background"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuantityFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RelationWithFact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Relation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FactWithProvenance"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<EntityWithRelationsQuery, EntityWithRelationsQueryVariables>;
export const RelationNumbersDocument = {"__meta__":{"hash":"sha256:752d90b84143699357889e0fd88ac20aae008906936782a22a94ce6c5455b46d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RelationNumbers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}},{"kind":"Field","name":{"kind":"Name","value":"relations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"quantities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuantityFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCountIsEstimate"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EntitySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuantityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quantity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"money"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparator"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<RelationNumbersQuery, RelationNumbersQueryVariables>;
export const WhoOwnsDocument = {"__meta__":{"hash":"sha256:028f89bf2e6eac29194a34a346aa04801b90562dc6e411e408fc737ae8fa7e6d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WhoOwns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}},{"kind":"Field","name":{"kind":"Name","value":"relations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OWNS"}]}},{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"INCOMING"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"fact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FactWithProvenance"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EntitySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuantityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quantity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"money"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparator"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"saidBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FactWithProvenance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Fact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"modality"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"background"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuantityFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitationFields"}}]}}]}}]} as unknown as DocumentNode<WhoOwnsQuery, WhoOwnsQueryVariables>;
export const FactByIdDocument = {"__meta__":{"hash":"sha256:94d80247814a582a1f68fa40dce1f844ec80fe3da73364dc61cef4fb8862f3a0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FactById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FactWithProvenance"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EntitySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuantityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quantity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"money"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparator"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"saidBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FactWithProvenance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Fact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"modality"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"background"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuantityFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitationFields"}}]}}]}}]} as unknown as DocumentNode<FactByIdQuery, FactByIdQueryVariables>;
export const EntityFactsDocument = {"__meta__":{"hash":"sha256:4dd80eed71e0100c7a6431fc6d2d0435f9195d6d21b1eccf572da2c36e4cd3fa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntityFacts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FactType"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeRetracted"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}},{"kind":"Field","name":{"kind":"Name","value":"facts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeRetracted"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeRetracted"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FactWithProvenance"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCountIsEstimate"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EntitySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuantityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quantity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"money"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparator"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"saidBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FactWithProvenance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Fact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"modality"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"background"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuantityFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<EntityFactsQuery, EntityFactsQueryVariables>;
export const PathBetweenDocument = {"__meta__":{"hash":"sha256:7d980286fd315ce86fb574f0aacc089d5dba9c22ce9238b397ae5c3df62ce164"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PathBetween"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxDepth"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxDepth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxDepth"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"length"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"elements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Relation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EntitySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]} as unknown as DocumentNode<PathBetweenQuery, PathBetweenQueryVariables>;
export const SearchEntitiesDocument = {"__meta__":{"hash":"sha256:e54e9addd83e99468a0c65d9a93e29b8c552d7947c1730750db6b350fb3ea2f8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchEntities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EntityKind"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"kinds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCountIsEstimate"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EntitySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<SearchEntitiesQuery, SearchEntitiesQueryVariables>;
export const NodeByIdDocument = {"__meta__":{"hash":"sha256:bd7952fead07edad6b5f33434fb8c124638c480e43b268e7a6604c833abefdac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Fact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FactWithProvenance"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Relation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"relationType"},"name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","alias":{"kind":"Name","value":"citationKind"},"name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"saidBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Revision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EntitySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuantityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quantity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"money"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparator"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Citation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"saidBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FactWithProvenance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Fact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"modality"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"background"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EntitySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuantityFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitationFields"}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;