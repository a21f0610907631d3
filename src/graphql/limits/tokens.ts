/**
 * The token limit, counted by graphql-js's own lexer before the document is parsed (the parser would count
 * the same tokens: comments excluded). Our own step, so the error is ours, with a code and the figures,
 * rather than a parse error recognised afterwards by its message.
 */
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { limitExceeded } from './limit-error.ts';

/** The tokens of `document`, up to the first character that does not lex (the parser reports that one). */
export function countTokens(document: string): number {
  const lexer = new Lexer(new Source(document));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) tokens += 1;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  return tokens;
}

/** LIMIT_EXCEEDED when `document` has more than `max` tokens. */
export function tokenLimitError(document: string, max: number): GraphQLError | undefined {
  // Every token is at least one character: a document no longer than the limit needs no lexing (most requests).
  if (document.length <= max) return undefined;
  const tokens = countTokens(document);
  if (tokens <= max) return undefined;
  return limitExceeded('tokens', max, tokens, 'Send a shorter document.');
}
