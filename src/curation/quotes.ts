/** Where a quote is in its document's text: the offsets a citation stores. */

/**
 * The occurrence of `quote` in `text` that starts nearest `near` (the first when `near` is not given), or
 * undefined when the quote does not occur.
 */
export function findQuote(text: string, quote: string, near?: number | null): { start: number; end: number } | undefined {
  let best: number | undefined;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (best === undefined) best = at;
    if (near === undefined || near === null) break;
    if (Math.abs(at - near) < Math.abs(best - near)) best = at;
    if (at > near) break;
  }
  return best === undefined ? undefined : { start: best, end: best + quote.length };
}
