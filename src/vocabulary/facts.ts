/**
 * What facts say and how: fact types, participant roles, modalities, quantities and citations. Kept generic so
 * other articles reuse them; prefer a modality to a new type (`PRODUCES` + GOAL is "aims to produce").
 */
import { enumeration, type ValueOf } from './enumeration.ts';

/** Binary facts read `(subject)-[:TYPE]->(object)`; n-ary facts (with an event) use the type as the kind of event. */
export const FACT_TYPE = enumeration('FactType', 'What a fact states. Binary facts also give a relation of the same type.', {
  // ownership, structure, people
  OWNS: 'The subject owns the object.',
  FOUNDED: 'The subject founded the object.',
  LEADS: 'The subject leads or runs the object.',
  WORKS_FOR: 'The subject works for the object.',
  SUBSIDIARY_OF: 'The subject is a subsidiary of the object.',
  ACQUIRES: 'The subject acquires or buys the object.',
  PARTNERS_WITH: 'The subject partners with the object.',
  // classification
  INSTANCE_OF: 'The subject is an instance of the object (a category or concept).',
  PART_OF: 'The subject is part of the object.',
  LOCATED_IN: 'The subject is located in the object (a place).',
  // products, markets, money
  PRODUCES: 'The subject produces or makes the object.',
  SUPPLIES: 'The subject supplies the object, or supplies something to it.',
  ORDERS: 'The subject orders the object.',
  SELLS: 'The subject sells the object.',
  DEPLOYS: 'The subject deploys or puts the object into service.',
  INVESTS_IN: 'The subject invests in the object.',
  COMPETES_WITH: 'The subject competes with the object.',
  LEADER_IN: 'The subject is a leader in the object (a field or market).',
  DEPENDS_ON: 'The subject depends on the object.',
  // building things
  PLANS_TO_BUILD: 'The subject plans to build the object.',
  BUILDS: 'The subject builds the object.',
  BUILT_FOR: 'The subject is built for the object (a purpose or a customer).',
  // decisions and their effects
  PRIORITIZES: 'The subject gives priority to the object.',
  REALLOCATES: 'Something is moved from one holder to another (n-ary: GIVER, RECIPIENT, ITEM, …).',
  IN_EXCHANGE_FOR: 'The subject is given in exchange for the object.',
  DELAYS: 'The subject delays the object.',
  AFFECTS: 'The subject affects the object.',
  LAYS_OFF: 'The subject lays off staff (the object, or a number of people).',
  // events, documents, media
  ORGANIZES: 'The subject organizes the object (an event).',
  PARTICIPATES_IN: 'The subject takes part in the object (an event).',
  AUTHORED_BY: 'The subject (a document) was written by the object.',
  PUBLISHED_BY: 'The subject (a document) was published by the object.',
  PUBLISHED_ON: 'The subject (a document) was published on the object (a platform or medium).',
  CITES: 'The subject (a document) cites the object.',
  OMITS: 'The subject (a document) leaves out the object.',
  COMMENTED_TO: 'The subject commented to the object (a medium).',
});
export type FactType = ValueOf<typeof FACT_TYPE>;
export const FACT_TYPES = FACT_TYPE.values;

/** The role of an entity in an n-ary fact: `(event)-[:ROLE]->(entity)`. */
export const PARTICIPANT_ROLE = enumeration('ParticipantRole', 'The role an entity plays in an n-ary fact (an event).', {
  AGENT: 'Who acts.',
  AFFECTED: 'Who or what the event affects.',
  GIVER: 'Who gives something up.',
  RECIPIENT: 'Who receives it.',
  ITEM: 'What changes hands or is counted.',
  SUPPLIER: 'Who supplies the item.',
  BENEFICIARY: 'Who benefits.',
  PURPOSE: 'What the money or effort is for.',
  LOCATION: 'Where it happens.',
  DECIDED_BY: 'Who decided it.',
  DOCUMENTED_IN: 'The document that records the event.',
});
export type ParticipantRole = ValueOf<typeof PARTICIPANT_ROLE>;
export const PARTICIPANT_ROLES = PARTICIPANT_ROLE.values;

/**
 * Not part of the file format: the roles the loader itself gives a fact's subject, object and event on its
 * `ABOUT` links (graph-rows.ts). Listed so readers of those links can enumerate every role they may meet.
 */
export const FACT_ANCHOR_ROLE = enumeration('FactAnchorRole', 'How a fact is linked to its subject, object and event.', {
  SUBJECT: "The fact's subject.",
  OBJECT: "The fact's object (binary facts).",
  EVENT: "The fact's event (n-ary facts).",
});
export type FactAnchorRole = ValueOf<typeof FACT_ANCHOR_ROLE>;
export const FACT_ANCHOR_ROLES = FACT_ANCHOR_ROLE.values;

/**
 * Entity-to-entity relations: a binary fact's type, or a participant's role (event → participant), sorted, each
 * described as its fact type or role is (no name is both: tests/unit/vocabulary.test.ts).
 */
export const RELATION_TYPE = enumeration(
  'RelationType',
  'The type of a relation between two entities: a binary fact type, or the role of a participant of an event\n(relation from the event to the participant).',
  Object.fromEntries(
    Object.entries({ ...PARTICIPANT_ROLE.described, ...FACT_TYPE.described }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ) as Record<FactType | ParticipantRole, string>,
);
export type RelationType = ValueOf<typeof RELATION_TYPE>;
export const RELATION_TYPES = RELATION_TYPE.values;

export const MODALITY = enumeration('Modality', 'How a fact holds: a plan or a goal is not a fact about the present.', {
  ACTUAL: 'It holds or happened.',
  PLANNED: 'It is planned or announced, not done yet.',
  GOAL: 'It is an aim or an ambition.',
  ESTIMATE: 'It is an estimate or a forecast.',
  CLAIM: 'Someone claims it; the source does not vouch for it.',
  NEGATED: 'It does not hold or did not happen.',
});
export type Modality = ValueOf<typeof MODALITY>;
export const MODALITIES = MODALITY.values;

export const FACT_STATUS = enumeration(
  'FactStatus',
  'Whether a fact still stands as of its source. A goal the source says was “previously stated” and then left\nout, or a plan it says was given up, is FORMER: it is not the subject\'s current goal or plan.',
  {
    CURRENT: 'Stands as of the source (an ACTUAL fact happened or holds; a GOAL or PLANNED fact is still the aim).',
    FORMER: 'Held or was stated before, and the source says it no longer is.',
  },
);
export type FactStatus = ValueOf<typeof FACT_STATUS>;
export const FACT_STATUSES = FACT_STATUS.values;

export const QUANTITY_KIND = enumeration('QuantityKind', 'What a number measures.', {
  COUNT: 'A number of things (`unit` says what).',
  MONEY: 'An amount of money (`currency` says which).',
  PERCENT: 'A percentage, 0 to 100.',
  DURATION: 'A length of time (`unit` says day, month, year, …).',
});
export type QuantityKind = ValueOf<typeof QUANTITY_KIND>;
export const QUANTITY_KINDS = QUANTITY_KIND.values;

export const COMPARATOR = enumeration(
  'Comparator',
  'How the number relates to the true value: `plus de 500 millions` is MORE_THAN 500000000.',
  {
    EXACT: 'Exactly the value.',
    APPROXIMATE: 'About the value.',
    MORE_THAN: 'More than the value.',
    AT_LEAST: 'The value or more.',
    LESS_THAN: 'Less than the value.',
    AT_MOST: 'The value or less.',
    SEVERAL: 'A vague amount with no value (`plusieurs mois`).',
  },
);
export type Comparator = ValueOf<typeof COMPARATOR>;
export const COMPARATORS = COMPARATOR.values;

/** The part a number plays in its fact: FROM/TO for a change, TARGET for a goal, VALUE for the worth of an item. */
export const QUANTITY_ROLE = enumeration('QuantityRole', 'The part a number plays in its fact.', {
  AMOUNT: 'The number itself.',
  FROM: 'The value before a change.',
  TO: 'The value after a change.',
  TARGET: "A goal's number.",
  VALUE: 'The money worth of an item.',
});
export type QuantityRole = ValueOf<typeof QUANTITY_ROLE>;
export const QUANTITY_ROLES = QUANTITY_ROLE.values;

export const CITATION_KIND = enumeration('CitationKind', 'How a citation backs a fact.', {
  REPORTED: 'A medium reported it (for example CNBC, Reuters).',
  QUOTED: 'The words of a document or person, quoted.',
  STATEMENT: "Someone's own statement about themselves or their plans.",
  EDITORIAL: "The publisher's own framing: headings, plain descriptions, definitions.",
  OPINION: 'The publisher\'s opinion section (for example "Notre avis"): its view, not a report of a source.',
  READER_COMMENT: "A reader's comment under the article.",
});
export type CitationKind = ValueOf<typeof CITATION_KIND>;
export const CITATION_KINDS = CITATION_KIND.values;
