/** Time precisions, and how a time reference is stored as properties of the node it belongs to. */
import { enumeration, type ValueOf } from './enumeration.ts';

export const TIME_PRECISION = enumeration('TimePrecision', 'Precision of a date, as Wikidata records it.', {
  DAY: 'A day: `YYYY-MM-DD`.',
  MONTH: 'A month: `YYYY-MM`.',
  QUARTER: 'A quarter of a year: `YYYY-Qn`.',
  YEAR: 'A year: `YYYY`.',
});
export type TimePrecision = ValueOf<typeof TIME_PRECISION>;
export const TIME_PRECISIONS = TIME_PRECISION.values;

/** The properties a time reference is stored as, under a prefix (`published`, `time`, `reported`). */
export function timeProperties<P extends string>(prefix: P) {
  return {
    text: `${prefix}Text`,
    value: `${prefix}Value`,
    endValue: `${prefix}EndValue`,
    precision: `${prefix}Precision`,
    inferred: `${prefix}Inferred`,
  } as const;
}
