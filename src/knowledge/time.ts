/**
 * Resolved times, Wikidata-style: a value at a precision denotes a period (a year, a quarter, a month, a day);
 * start and end are that period's first and last days as ISO dates.
 */
import type { TimePrecision } from '../vocabulary/index.ts';

const FORMATS: Record<TimePrecision, RegExp> = {
  YEAR: /^(\d{4})$/,
  QUARTER: /^(\d{4})-Q([1-4])$/,
  MONTH: /^(\d{4})-(0[1-9]|1[0-2])$/,
  DAY: /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};

export function matchesPrecision(value: string, precision: TimePrecision): boolean {
  return FORMATS[precision].test(value);
}

/** The first and last day of the period `value` denotes at `precision`. */
export function periodOf(value: string, precision: TimePrecision): { start: string; end: string } {
  const m = FORMATS[precision].exec(value);
  if (!m) throw new Error(`${JSON.stringify(value)} is not a ${precision} value`);
  const year = Number(m[1]);
  switch (precision) {
    case 'YEAR':
      return { start: `${year}-01-01`, end: `${year}-12-31` };
    case 'QUARTER': {
      const first = (Number(m[2]) - 1) * 3 + 1;
      return { start: isoDay(year, first, 1), end: isoDay(year, first + 2, daysIn(year, first + 2)) };
    }
    case 'MONTH': {
      const month = Number(m[2]);
      return { start: isoDay(year, month, 1), end: isoDay(year, month, daysIn(year, month)) };
    }
    case 'DAY':
      return { start: value, end: value };
  }
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
