import { describe, expect, it } from 'vitest';
import { matchesPrecision, periodOf } from '../../src/knowledge/time.ts';

describe('periodOf', () => {
  it('gives the first and last day of the period a value denotes', () => {
    expect(periodOf('2024', 'YEAR')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(periodOf('2024-02', 'MONTH')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf('2023-12', 'MONTH')).toEqual({ start: '2023-12-01', end: '2023-12-31' });
    expect(periodOf('2024-Q1', 'QUARTER')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodOf('2024-04-23', 'DAY')).toEqual({ start: '2024-04-23', end: '2024-04-23' });
  });

  it('refuses a value that does not match its precision', () => {
    expect(() => periodOf('2024-13', 'MONTH')).toThrow(/not a MONTH value/);
    expect(matchesPrecision('2024', 'MONTH')).toBe(false);
    expect(matchesPrecision('2024-Q4', 'QUARTER')).toBe(true);
  });
});
