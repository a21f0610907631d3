import { describe, expect, it } from 'vitest';
import { luceneQueryFor } from '../../src/database/lucene.ts';

describe('luceneQueryFor', () => {
  it('folds case and accents like the index, with prefix and typo-tolerant terms', () => {
    expect(luceneQueryFor('Élon')).toBe('(elon^4 OR elon*^2)');
    expect(luceneQueryFor('dakota du nord')).toBe('(dakota^4 OR dakota*^2 OR dakota~1) AND (du^4 OR du*^2) AND (nord^4 OR nord*^2)');
  });

  it('keeps no Lucene syntax from the input', () => {
    const query = luceneQueryFor('a:b OR (c* "d") ~e \\ AND NOT f^9 }{][');
    expect(query).not.toMatch(/[:"\\{}[\]]/);
    expect(query).not.toMatch(/\bOR \(c\*/);
    expect(luceneQueryFor('*** ??? ""')).toBeNull();
  });
});
