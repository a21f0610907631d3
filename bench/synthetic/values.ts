/**
 * Numbers and dates of synthetic facts, with the words the source text uses for them: a quantity's `text` and a
 * TimeRef's `text` are exactly what the sentence says, as in a curated file.
 */
import type { Comparator, Modality, Quantity, TimePrecision, TimeRef } from '../../src/knowledge/knowledge-file.ts';
import { monthTime, MONTHS } from './names.ts';
import { Rng, Weighted } from './random.ts';
import type { QuantitySpec } from './templates.ts';

const COMPARATORS = new Weighted<Comparator>([['EXACT', 70], ['APPROXIMATE', 15], ['MORE_THAN', 10], ['AT_LEAST', 5]]);
const COMPARATOR_WORDS: Partial<Record<Comparator, string>> = { APPROXIMATE: 'about ', MORE_THAN: 'more than ', AT_LEAST: 'at least ' };
const CURRENCIES = new Weighted([['USD', 70], ['EUR', 20], ['GBP', 5], ['CNY', 5]] as const);
const PRECISIONS = new Weighted<TimePrecision>([['YEAR', 40], ['MONTH', 35], ['QUARTER', 15], ['DAY', 10]]);

/** A quantity for a slot, and the phrase that says it (the spec's words around the number). */
export function makeQuantity(spec: QuantitySpec, rng: Rng, modality: Modality, item: string | undefined): { quantity: Quantity; phrase: string } {
  const { quantity, words } = numberOf(spec, rng);
  if (item !== undefined) quantity.item = item;
  // A goal's number is its target, not an amount reached.
  if (modality === 'GOAL') quantity.role = 'TARGET';
  quantity.text = words;
  return { quantity, phrase: spec.phrase.replace('#', words) };
}

function numberOf(spec: QuantitySpec, rng: Rng): { quantity: Quantity; words: string } {
  switch (spec.kind) {
    case 'MONEY': {
      const comparator = COMPARATORS.pick(rng);
      const value = rng.int(10, 99) * 10 ** rng.int(3, 8);
      const currency = CURRENCIES.pick(rng);
      return { quantity: { kind: 'MONEY', value, currency, comparator }, words: `${COMPARATOR_WORDS[comparator] ?? ''}${currency} ${amount(value)}` };
    }
    case 'COUNT': {
      const unit = spec.unit ?? 'units';
      if (rng.chance(0.03)) return { quantity: { kind: 'COUNT', unit, comparator: 'SEVERAL' }, words: `several thousand ${unit}` };
      const comparator = COMPARATORS.pick(rng);
      const value = rng.int(1, 99) * 10 ** rng.int(1, 4);
      return { quantity: { kind: 'COUNT', value, unit, comparator }, words: `${COMPARATOR_WORDS[comparator] ?? ''}${grouped(value)} ${unit}` };
    }
    case 'PERCENT': {
      const comparator: Comparator = rng.chance(0.8) ? 'EXACT' : 'APPROXIMATE';
      const value = rng.int(1, 95);
      return { quantity: { kind: 'PERCENT', value, comparator }, words: `${COMPARATOR_WORDS[comparator] ?? ''}${value}%` };
    }
    case 'DURATION': {
      const value = rng.int(1, 18);
      const unit = spec.unit ?? 'month';
      return { quantity: { kind: 'DURATION', value, unit, comparator: 'EXACT' }, words: `${value} ${unit}${value === 1 ? '' : 's'}` };
    }
  }
}

/** 12,000 (fixed grouping, not the locale's, so output does not depend on the machine). */
export function grouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1.2 billion, 45 million, 780,000. */
function amount(value: number): string {
  if (value >= 1e9) return `${Number((value / 1e9).toFixed(2))} billion`;
  if (value >= 1e6) return `${Number((value / 1e6).toFixed(2))} million`;
  return grouped(value);
}

/** When a fact happened, at a random precision, no later than the year of the document that reports it. */
export function makeTime(rng: Rng, reportYear: number): TimeRef {
  const year = rng.int(2012, reportYear);
  switch (PRECISIONS.pick(rng)) {
    case 'YEAR':
      return yearTime(rng, year, reportYear);
    case 'QUARTER': {
      const quarter = rng.int(1, 4);
      return { text: `Q${quarter} ${year}`, value: `${year}-Q${quarter}`, precision: 'QUARTER', inferred: false };
    }
    case 'MONTH':
      return monthTime(year, rng.int(1, 12));
    case 'DAY':
      return dayTime(year, rng.int(1, 12), rng.int(1, 28));
  }
}

/** Mostly a plain year; sometimes a period, or "last year" resolved from the report's date. */
function yearTime(rng: Rng, year: number, reportYear: number): TimeRef {
  if (rng.chance(0.1)) return { text: 'last year', value: String(reportYear - 1), precision: 'YEAR', inferred: true };
  if (rng.chance(0.1) && year < reportYear) {
    const end = Math.min(reportYear, year + rng.int(1, 3));
    return { text: `${year} to ${end}`, value: String(year), end: String(end), precision: 'YEAR', inferred: false };
  }
  return { text: String(year), value: String(year), precision: 'YEAR', inferred: false };
}

export function dayTime(year: number, month: number, day: number): TimeRef {
  const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { text: `${day} ${MONTHS[month - 1]!} ${year}`, value, precision: 'DAY', inferred: false };
}
