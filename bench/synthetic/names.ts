/**
 * Names, aliases and descriptions of synthetic entities. An entity's content is a pure function of
 * (seed, kind, number): every shard that mentions `org-00042` declares it with identical content, which the
 * importer needs (it MERGEs entities by id). Names are pronounceable and, within a kind, unique.
 */
import type { Alias, EntityEntry, EntityKind, TimeRef } from '../../src/knowledge/knowledge-file.ts';
import { mixSeed, Rng } from './random.ts';

const SYLLABLES = [
  'ka', 've', 'lo', 'mi', 'ra', 'to', 'su', 'ne', 'da', 'ri', 'po', 'la', 'zen', 'tor', 'vil', 'mar',
  'kel', 'dor', 'fen', 'gal', 'hur', 'jas', 'kor', 'lin', 'mor', 'nel', 'pra', 'quin', 'ros', 'sal', 'tam', 'ul',
  'var', 'wen', 'xa', 'yor', 'zel', 'bri', 'cas', 'dro', 'el', 'fa', 'gri', 'hal', 'is', 'jo', 'kra', 'lu',
  'mes', 'nor', 'ol', 'pel', 'ru', 'sen', 'tri', 'ur', 'vos', 'wil', 'ya', 'zo', 'an', 'bel', 'cor', 'dal',
] as const;
const BASE = SYLLABLES.length; // 64
const THREE_SYLLABLES = BASE ** 3; // 2^18

const FIRST_NAMES = [
  'Ana', 'Bram', 'Chen', 'Dara', 'Emil', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jules', 'Kenji', 'Lena', 'Mateo', 'Nadia',
  'Omar', 'Priya', 'Quinn', 'Rafael', 'Sofia', 'Tomas', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zoe', 'Amara', 'Bruno',
  'Clara', 'Diego', 'Elif', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Luca', 'Maya', 'Nils', 'Oskar',
] as const;
const ORG_SUFFIXES = [
  ['Systems', 'technology'], ['Labs', 'research'], ['Group', 'industrial'], ['Holdings', 'investment'],
  ['Industries', 'manufacturing'], ['Energy', 'energy'], ['Motors', 'automotive'], ['Networks', 'telecommunications'],
  ['Capital', 'venture capital'], ['Robotics', 'robotics'], ['Semiconductors', 'semiconductor'], ['Logistics', 'logistics'],
  ['Materials', 'materials'], ['Foods', 'food'], ['Health', 'healthcare'], ['Aerospace', 'aerospace'],
  ['Software', 'software'], ['Mobility', 'mobility'], ['Bank', 'banking'], ['Partners', 'consulting'],
] as const;
const PRODUCT_CATEGORIES = [
  'electric SUV', 'AI accelerator', 'battery cell', 'smartphone', 'cloud platform', 'industrial robot', 'satellite',
  'delivery drone', 'solar panel', 'database', 'wind turbine', 'chipset', 'delivery van', 'analytics suite',
  'medical scanner', 'chatbot', 'electric truck', 'network switch',
] as const;
const MODEL_TAGS = ['X', 'Pro', 'One', 'Max', 'Air', 'S', 'GT', 'Neo', 'Edge', 'Core'] as const;
const PLACE_FORMS = [
  ['%', 'city'], ['% City', 'city'], ['Port %', 'port city'], ['% Valley', 'region'], ['New %', 'city'], ['%', 'province'],
] as const;
const CONTINENTS = ['Europe', 'Asia', 'North America', 'South America', 'Africa', 'Oceania'] as const;
const FACILITY_TYPES = [
  'Gigafactory', 'Data Center', 'Assembly Plant', 'Fab', 'Research Campus', 'Distribution Hub', 'Refinery', 'Test Track',
  'Wind Farm', 'Battery Plant', 'Supercomputer',
] as const;
const CONCEPTS = [
  'Artificial Intelligence', 'Electric Vehicles', 'Cloud Computing', 'AI Chips', 'Semiconductors', 'Batteries',
  'Renewable Energy', 'Solar Power', 'Wind Power', 'Autonomous Driving', 'Robotics', 'Humanoid Robots',
  'Machine Learning', 'Generative AI', 'Chatbots', 'Data Centers', 'Supercomputers', '5G Networks',
  'Satellite Internet', 'Space Launch', 'Drones', 'Biotechnology', 'Pharmaceuticals', 'Medical Devices', 'Fintech',
  'Digital Payments', 'Cybersecurity', 'E-commerce', 'Logistics', 'Smart Grids', 'Hydrogen Fuel', 'Nuclear Power',
  'Quantum Computing', 'Electric Trucks', 'Charging Networks', 'Lithium Mining', 'Steel', 'Agritech', 'Social Media',
  'Streaming', 'Video Games', 'Virtual Reality', 'Augmented Reality', 'Open-Source Software', 'Edge Computing',
  'Internet of Things', '3D Printing', 'Industrial Automation', 'Carbon Capture', 'Aviation',
] as const;
const CONCEPT_ADJECTIVES = [
  'Autonomous', 'Generative', 'Electric', 'Quantum', 'Solid-State', 'Industrial', 'Edge', 'Renewable', 'Precision',
  'Digital', 'Synthetic', 'Orbital', 'Smart', 'Modular', 'Open-Source', 'Wireless', 'Biological', 'Hydrogen',
] as const;
const CONCEPT_NOUNS = [
  'Vehicles', 'AI', 'Batteries', 'Computing', 'Robotics', 'Chips', 'Energy Storage', 'Logistics', 'Agriculture',
  'Medicine', 'Payments', 'Manufacturing', 'Networks', 'Sensors', 'Materials', 'Cloud Services', 'Aviation',
  'Mapping', 'Security', 'Displays',
] as const;
const MEDIA_TYPES = ['Wire', 'Times', 'Daily', 'Post', 'Herald', 'News', 'Journal', 'Review', 'Tribune', 'Insider', 'Gazette'] as const;
const EVENT_TYPES = [
  ['Summit', 'Industry summit'], ['Expo', 'Trade exhibition'], ['Forum', 'Business forum'], ['Conference', 'Technology conference'],
  ['Port Strike', 'Dock workers’ strike'], ['Chip Shortage', 'Supply shortage'], ['Recall', 'Product recall'],
  ['Grid Outage', 'Power outage'], ['Flood', 'Natural disaster'],
] as const;
const REPORT_TYPES = ['Annual Report', 'White Paper', 'Market Study', 'Earnings Release', 'Regulatory Filing', 'Investor Letter'] as const;
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const KIND_SALT: Record<EntityKind, number> = {
  PERSON: 1, ORGANIZATION: 2, PRODUCT: 3, PLACE: 4, FACILITY: 5, DOCUMENT: 6, MEDIA: 7, EVENT: 8, CONCEPT: 9,
};

/** A capitalised pronounceable word, distinct for distinct n (an affine bijection scrambles n first). */
export function word(n: number, salt: number): string {
  let m = n < THREE_SYLLABLES ? (n * 40503 + salt * 52711) % THREE_SYLLABLES : n;
  let text = '';
  for (let digits = 0; digits < 3 || m > 0; digits++) {
    text = SYLLABLES[m % BASE]! + text;
    m = Math.floor(m / BASE);
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface Named {
  name: string;
  aliases?: Alias[];
  description: string;
  published?: TimeRef;
}

type Namer = (w: string, rng: Rng, n: number) => Named;

function person(w: string, rng: Rng): Named {
  const first = rng.pick(FIRST_NAMES);
  const roles = ['Executive', 'Engineer', 'Investor', 'Analyst', 'Founder', 'Researcher', 'Policy maker'];
  const aliases: Alias[] = rng.chance(0.25) ? [{ text: `${first.charAt(0)}. ${w}` }] : rng.chance(0.1) ? [{ text: w }] : [];
  return { name: `${first} ${w}`, ...optional(aliases), description: `${rng.pick(roles)} (synthetic person).` };
}

function organization(w: string, rng: Rng): Named {
  const [suffix, sector] = rng.pick(ORG_SUFFIXES);
  const aliases: Alias[] = [];
  if (rng.chance(0.3)) aliases.push({ text: `${w} ${suffix} Inc.`, lang: 'en' });
  if (rng.chance(0.15)) aliases.push({ text: `Groupe ${w}`, lang: 'fr' });
  if (rng.chance(0.2)) aliases.push({ text: w.slice(0, 4).toUpperCase() });
  return { name: `${w} ${suffix}`, ...optional(aliases), description: `${capitalise(sector)} company founded in ${rng.int(1950, 2022)}.` };
}

function product(w: string, rng: Rng): Named {
  const name = `${w} ${rng.pick(MODEL_TAGS)}${rng.chance(0.5) ? ` ${rng.int(1, 9) * 100}` : ''}`;
  const aliases: Alias[] = rng.chance(0.2) ? [{ text: `${w.slice(0, 3).toUpperCase()}-${rng.int(10, 999)}` }] : [];
  const category = rng.pick(PRODUCT_CATEGORIES);
  return { name, ...optional(aliases), description: `${capitalise(article(category))} ${category} launched in ${rng.int(2008, 2024)}.` };
}

function place(w: string, rng: Rng): Named {
  const [form, type] = rng.pick(PLACE_FORMS);
  const name = form.replace('%', w);
  const aliases: Alias[] = [];
  if (form === '% City') aliases.push({ text: `Ville de ${w}`, lang: 'fr' });
  if (form === '% Valley') aliases.push({ text: `Vallée de ${w}`, lang: 'fr' });
  if (form === 'Port %') aliases.push({ text: `Puerto ${w}`, lang: 'es' });
  return { name, ...optional(aliases), description: `${capitalise(article(type))} ${type} in ${rng.pick(CONTINENTS)}.` };
}

function facility(w: string, rng: Rng): Named {
  const type = rng.pick(FACILITY_TYPES);
  return { name: `${w} ${type}`, description: `${capitalise(article(type))} ${type.toLowerCase()} opened in ${rng.int(1990, 2025)}.` };
}

/** The most used concepts are real categories; then combinations of words; beyond those, invented ones. */
function concept(w: string, rng: Rng, n: number): Named {
  const combo = n - CONCEPTS.length;
  const combos = CONCEPT_ADJECTIVES.length * CONCEPT_NOUNS.length;
  const name =
    combo < 0
      ? CONCEPTS[n]!
      : combo < combos
        ? `${CONCEPT_ADJECTIVES[combo % CONCEPT_ADJECTIVES.length]!} ${CONCEPT_NOUNS[Math.floor(combo / CONCEPT_ADJECTIVES.length)]!}`
        : `${w} ${rng.pick(CONCEPT_NOUNS)}`;
  return { name, description: 'Technology or market category.' };
}

function media(w: string, rng: Rng): Named {
  const type = rng.pick(MEDIA_TYPES);
  const aliases: Alias[] = rng.chance(0.3) ? [{ text: `${w}${type}.com`.toLowerCase() }] : [];
  return { name: `${w} ${type}`, ...optional(aliases), description: `News outlet covering business and technology (synthetic).` };
}

function event(w: string, rng: Rng): Named {
  const [type, description] = rng.pick(EVENT_TYPES);
  return { name: `${w} ${type} ${rng.int(2015, 2025)}`, description: `${description} (synthetic).` };
}

function report(w: string, rng: Rng): Named {
  const year = rng.int(2012, 2025);
  const type = rng.pick(REPORT_TYPES);
  const published: TimeRef = rng.chance(0.5)
    ? { text: String(year), value: String(year), precision: 'YEAR', inferred: false }
    : monthTime(year, rng.int(1, 12));
  return { name: `${w} ${type} ${year}`, description: `${type} (synthetic document).`, published };
}

const NAMERS: Record<EntityKind, Namer> = {
  PERSON: person,
  ORGANIZATION: organization,
  PRODUCT: product,
  PLACE: place,
  FACILITY: facility,
  CONCEPT: concept,
  MEDIA: media,
  EVENT: event,
  DOCUMENT: report,
};

/** The pool entity `n` (0-based) of a kind, identical in every shard. */
export function poolEntity(seed: number, kind: EntityKind, n: number, id: string): EntityEntry {
  const rng = new Rng(mixSeed(seed, KIND_SALT[kind], n));
  const named = NAMERS[kind](word(n, KIND_SALT[kind] + seed), rng, n);
  return { id, kind, ...named };
}

export function monthTime(year: number, month: number, text = `${MONTHS[month - 1]!} ${year}`): TimeRef {
  return { text, value: `${year}-${String(month).padStart(2, '0')}`, precision: 'MONTH', inferred: false };
}

function optional(aliases: Alias[]): { aliases?: Alias[] } {
  return aliases.length > 0 ? { aliases } : {};
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a" or "an" for an English noun phrase (good enough for the fixed vocabulary above). */
export function article(phrase: string): string {
  return /^[aeiouAEIOU]/.test(phrase) ? 'an' : 'a';
}
