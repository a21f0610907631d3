/**
 * The kinds of facts the generator writes: which entity kinds a fact type joins, how often it occurs, and how it
 * reads in English under each modality. `%1`…`%3` stand for the other entities' names (the subject's name starts
 * the clause), `%q` for an optional number phrase; a fact gets a quantity only when its form has the `%q` slot.
 */
import type { EntityKind, FactType, Modality, ParticipantRole, QuantityKind } from '../../src/knowledge/knowledge-file.ts';
import { Weighted } from './random.ts';

export type Forms = Partial<Record<Modality, string>>;

export interface QuantitySpec {
  kind: QuantityKind;
  /** How often the slot is filled. */
  probability: number;
  /** The words around the number: `#` is replaced by the number's text (" a # stake in"). */
  phrase: string;
  unit?: string;
  /** Binary facts: the object is what is counted. N-ary facts: the participant in this role. */
  item?: 'OBJECT' | ParticipantRole;
}

export interface BinaryTemplate {
  type: FactType;
  subject: readonly EntityKind[];
  object: readonly EntityKind[];
  weight: number;
  forms: Forms;
  modalities: Weighted<Modality>;
  quantity?: QuantitySpec;
}

export interface NaryTemplate {
  type: FactType;
  weight: number;
  /** In order: the first is the subject; a fact keeps the first 2 to 4. */
  roles: readonly (readonly [ParticipantRole, readonly EntityKind[]])[];
  /** How the first two participants read ("%1"), per modality. */
  forms: Forms;
  /** Appended for the third and fourth participants ("%2", "%3"). */
  tails: readonly [string, string];
  /** The event entity's name. */
  eventName: string;
  modalities: Weighted<Modality>;
  quantity?: QuantitySpec;
}

/** How often each modality occurs where a fact type allows it: most reported facts are plain facts. */
const MODALITY_WEIGHTS: Record<Modality, number> = { ACTUAL: 80, ESTIMATE: 6, CLAIM: 4, PLANNED: 4, GOAL: 2, NEGATED: 4 };

/** "owns %1" / "own %1": a regular verb in every modality. */
function regular(verb: string, base: string): Forms {
  return {
    ACTUAL: verb,
    ESTIMATE: `probably ${verb}`,
    CLAIM: `claims to ${base}`,
    PLANNED: `plans to ${base}`,
    GOAL: `aims to ${base}`,
    NEGATED: `does not ${base}`,
  };
}

/** "is a subsidiary of %1": the copula takes the adverb after it; plans make no sense for a state. */
function copula(predicate: string): Forms {
  return {
    ACTUAL: `is ${predicate}`,
    ESTIMATE: `is probably ${predicate}`,
    CLAIM: `claims to be ${predicate}`,
    NEGATED: `is not ${predicate}`,
  };
}

function only(forms: Forms, modalities: readonly Modality[]): Forms {
  return Object.fromEntries(modalities.map((m) => [m, forms[m]])) as Forms;
}

function modalitiesOf(forms: Forms, boost: Partial<Record<Modality, number>> = {}): Weighted<Modality> {
  const present = (Object.keys(forms) as Modality[]).filter((m) => forms[m] !== undefined);
  return new Weighted(present.map((m) => [m, boost[m] ?? MODALITY_WEIGHTS[m]] as const));
}

const ORG: EntityKind[] = ['ORGANIZATION'];
const PERSON: EntityKind[] = ['PERSON'];
const PRODUCT: EntityKind[] = ['PRODUCT'];
const PLACE: EntityKind[] = ['PLACE'];
const FACILITY: EntityKind[] = ['FACILITY'];
const CONCEPT: EntityKind[] = ['CONCEPT'];
const MEDIA: EntityKind[] = ['MEDIA'];
const EVENT: EntityKind[] = ['EVENT'];
const DOCUMENT: EntityKind[] = ['DOCUMENT'];
const ACTORS: EntityKind[] = ['PERSON', 'ORGANIZATION'];
const ASSETS: EntityKind[] = ['ORGANIZATION', 'PRODUCT', 'FACILITY'];

const MONEY: QuantitySpec = { kind: 'MONEY', probability: 0.7, phrase: ' #' };
const UNITS: QuantitySpec = { kind: 'COUNT', probability: 0.5, phrase: ' # of', unit: 'units', item: 'OBJECT' };

type BinarySpec = Omit<BinaryTemplate, 'modalities'> & { boost?: Partial<Record<Modality, number>> };

const BINARY_SPECS: BinarySpec[] = [
  { type: 'WORKS_FOR', subject: PERSON, object: ORG, weight: 14, forms: regular('works for %1', 'work for %1') },
  { type: 'LEADS', subject: PERSON, object: ORG, weight: 3, forms: regular('leads %1', 'lead %1') },
  { type: 'FOUNDED', subject: PERSON, object: ORG, weight: 2, forms: { ACTUAL: 'founded %1', CLAIM: 'claims to have founded %1', NEGATED: 'did not found %1' } },
  { type: 'OWNS', subject: ORG, object: ASSETS, weight: 6, forms: regular('owns%q %1', 'own%q %1'), quantity: { kind: 'PERCENT', probability: 0.3, phrase: ' a # stake in' } },
  { type: 'SUBSIDIARY_OF', subject: ORG, object: ORG, weight: 3, forms: copula('a subsidiary of %1') },
  { type: 'ACQUIRES', subject: ORG, object: ASSETS, weight: 3, forms: regular('acquires %1%q', 'acquire %1%q'), quantity: { ...MONEY, phrase: ' for #', probability: 0.5 } },
  { type: 'PARTNERS_WITH', subject: ORG, object: ORG, weight: 4, forms: regular('partners with %1', 'partner with %1') },
  { type: 'INSTANCE_OF', subject: ['PRODUCT', 'ORGANIZATION', 'FACILITY'], object: CONCEPT, weight: 8, forms: only(copula('classified under %1'), ['ACTUAL', 'ESTIMATE', 'NEGATED']) },
  { type: 'PART_OF', subject: PRODUCT, object: PRODUCT, weight: 2, forms: only(copula('part of %1'), ['ACTUAL', 'ESTIMATE']) },
  { type: 'PART_OF', subject: PLACE, object: PLACE, weight: 1, forms: only(copula('part of %1'), ['ACTUAL']) },
  { type: 'LOCATED_IN', subject: ['ORGANIZATION', 'FACILITY', 'PERSON'], object: PLACE, weight: 9, forms: copula('based in %1') },
  { type: 'PRODUCES', subject: ['ORGANIZATION', 'FACILITY'], object: PRODUCT, weight: 7, forms: regular('produces%q %1', 'produce%q %1'), quantity: { ...UNITS, probability: 0.3 } },
  { type: 'SUPPLIES', subject: ORG, object: ORG, weight: 4, forms: regular('supplies %1', 'supply %1') },
  { type: 'ORDERS', subject: ORG, object: PRODUCT, weight: 3, forms: regular('orders%q %1', 'order%q %1'), quantity: { ...UNITS, probability: 0.6 } },
  { type: 'SELLS', subject: ORG, object: PRODUCT, weight: 3, forms: regular('sells %1', 'sell %1') },
  { type: 'DEPLOYS', subject: ORG, object: PRODUCT, weight: 2, forms: regular('deploys%q %1', 'deploy%q %1'), quantity: { ...UNITS, probability: 0.4 } },
  { type: 'INVESTS_IN', subject: ACTORS, object: ASSETS, weight: 4, forms: regular('invests%q in %1', 'invest%q in %1'), quantity: { ...MONEY, probability: 0.8 } },
  { type: 'COMPETES_WITH', subject: ORG, object: ORG, weight: 4, forms: regular('competes with %1', 'compete with %1') },
  { type: 'COMPETES_WITH', subject: PRODUCT, object: PRODUCT, weight: 2, forms: regular('competes with %1', 'compete with %1') },
  { type: 'LEADER_IN', subject: ORG, object: CONCEPT, weight: 2, forms: copula('a leader in %1%q'), quantity: { kind: 'PERCENT', probability: 0.5, phrase: ' with a # market share' } },
  { type: 'DEPENDS_ON', subject: ['ORGANIZATION', 'PRODUCT'], object: ['ORGANIZATION', 'PRODUCT'], weight: 3, forms: regular('depends on %1', 'depend on %1') },
  { type: 'PLANS_TO_BUILD', subject: ORG, object: FACILITY, weight: 1, forms: { PLANNED: 'plans to build %1' } },
  { type: 'BUILDS', subject: ORG, object: FACILITY, weight: 2, forms: regular('builds %1', 'build %1') },
  { type: 'BUILT_FOR', subject: FACILITY, object: ORG, weight: 1, forms: only(copula('built for %1'), ['ACTUAL', 'ESTIMATE']) },
  { type: 'PRIORITIZES', subject: ACTORS, object: ['ORGANIZATION', 'PRODUCT'], weight: 1, forms: regular('prioritizes %1', 'prioritize %1') },
  { type: 'DELAYS', subject: ORG, object: PRODUCT, weight: 1, forms: regular('delays %1%q', 'delay %1%q'), quantity: { kind: 'DURATION', probability: 0.7, phrase: ' by #', unit: 'month' } },
  { type: 'AFFECTS', subject: EVENT, object: ['ORGANIZATION', 'PRODUCT', 'PLACE'], weight: 2, forms: only(regular('affects %1', 'affect %1'), ['ACTUAL', 'ESTIMATE']) },
  { type: 'LAYS_OFF', subject: ORG, object: FACILITY, weight: 1, forms: only(regular('lays off%q at %1', 'lay off%q at %1'), ['ACTUAL', 'PLANNED', 'NEGATED']), quantity: { kind: 'COUNT', probability: 1, phrase: ' #', unit: 'employees' } },
  { type: 'ORGANIZES', subject: ORG, object: EVENT, weight: 2, forms: regular('organizes %1', 'organize %1') },
  { type: 'PARTICIPATES_IN', subject: ACTORS, object: EVENT, weight: 3, forms: regular('takes part in %1', 'take part in %1') },
  { type: 'AUTHORED_BY', subject: DOCUMENT, object: ACTORS, weight: 2, forms: only(copula('written by %1'), ['ACTUAL', 'ESTIMATE', 'NEGATED']) },
  { type: 'PUBLISHED_BY', subject: DOCUMENT, object: ['MEDIA', 'ORGANIZATION'], weight: 2, forms: only(copula('published by %1'), ['ACTUAL']) },
  { type: 'PUBLISHED_ON', subject: DOCUMENT, object: MEDIA, weight: 1, forms: only(copula('published on %1'), ['ACTUAL']) },
  { type: 'CITES', subject: DOCUMENT, object: DOCUMENT, weight: 2, forms: only(regular('cites %1', 'cite %1'), ['ACTUAL']) },
  { type: 'OMITS', subject: DOCUMENT, object: ['CONCEPT', 'PRODUCT', 'ORGANIZATION'], weight: 1, forms: only(regular('omits %1', 'omit %1'), ['ACTUAL']) },
  { type: 'COMMENTED_TO', subject: ACTORS, object: MEDIA, weight: 2, forms: { ACTUAL: 'commented to %1', NEGATED: 'declined to comment to %1' }, boost: { NEGATED: 40 } },
];

type NarySpec = Omit<NaryTemplate, 'modalities'> & { boost?: Partial<Record<Modality, number>> };

const NARY_SPECS: NarySpec[] = [
  {
    type: 'ACQUIRES', weight: 3, eventName: '%0 acquisition of %1',
    roles: [['AGENT', ORG], ['ITEM', ASSETS], ['GIVER', ORG], ['DOCUMENTED_IN', DOCUMENT]],
    forms: regular('acquires %1%q', 'acquire %1%q'), tails: [' from %2', ', as recorded in %3'],
    quantity: { ...MONEY, phrase: ' for #' },
  },
  {
    type: 'SUPPLIES', weight: 3, eventName: '%0 supply deal with %1',
    roles: [['SUPPLIER', ORG], ['RECIPIENT', ORG], ['ITEM', PRODUCT], ['LOCATION', PLACE]],
    forms: regular('supplies %1', 'supply %1'), tails: [' with%q %2', ' in %3'],
    quantity: { ...UNITS, probability: 0.7, item: 'ITEM' },
  },
  {
    type: 'INVESTS_IN', weight: 3, eventName: '%0 investment in %1',
    roles: [['AGENT', ACTORS], ['RECIPIENT', ORG], ['PURPOSE', ['FACILITY', 'PRODUCT']], ['LOCATION', PLACE]],
    forms: regular('invests%q in %1', 'invest%q in %1'), tails: [' to fund %2', ' in %3'],
    quantity: { ...MONEY, probability: 0.9 },
  },
  {
    type: 'REALLOCATES', weight: 1, eventName: '%0 reallocation of %1',
    roles: [['DECIDED_BY', PERSON], ['ITEM', PRODUCT], ['GIVER', ORG], ['RECIPIENT', ORG]],
    forms: regular('redirects%q %1', 'redirect%q %1'), tails: [' from %2', ' to %3'],
    quantity: { ...UNITS, probability: 0.6, item: 'ITEM' },
  },
  {
    type: 'ORDERS', weight: 2, eventName: '%0 order of %1',
    roles: [['AGENT', ORG], ['ITEM', PRODUCT], ['SUPPLIER', ORG], ['LOCATION', PLACE]],
    forms: regular('orders%q %1', 'order%q %1'), tails: [' from %2', ' for delivery to %3'],
    quantity: { ...UNITS, probability: 0.8, item: 'ITEM' },
  },
  {
    type: 'BUILDS', weight: 2, eventName: '%0 construction of %1',
    roles: [['AGENT', ORG], ['ITEM', FACILITY], ['LOCATION', PLACE], ['BENEFICIARY', ORG]],
    forms: regular('builds %1', 'build %1'), tails: [' in %2', ' for %3'], boost: { PLANNED: 30 },
  },
];

export const BINARY_TEMPLATES = new Weighted<BinaryTemplate>(
  BINARY_SPECS.map(({ boost, ...spec }) => [{ ...spec, modalities: modalitiesOf(spec.forms, boost) }, spec.weight] as const),
);

export const NARY_TEMPLATES = new Weighted<NaryTemplate>(
  NARY_SPECS.map(({ boost, ...spec }) => [{ ...spec, modalities: modalitiesOf(spec.forms, boost) }, spec.weight] as const),
);
