/**
 * Builds the Lucene query for entity search from a user's words. Only letters and digits survive (so no
 * Lucene syntax can be injected); words are folded like the index (lower case, no accents) and each must
 * match exactly, as a prefix (`Elon` → `elon*`), or, for longer words, with one typo.
 */
export function luceneQueryFor(text: string): string | null {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 16);
  if (words.length === 0) return null;
  return words.map((w) => `(${w}^4 OR ${w}*^2${w.length >= 5 ? ` OR ${w}~1` : ''})`).join(' AND ');
}
