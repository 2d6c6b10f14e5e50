import { Lexer, Source, TokenKind } from 'graphql';

/**
 * Counts the lexical tokens of a document without parsing it, stopping once `stopAfter` is passed:
 * refusing a token flood must cost less than parsing it would. A lexing error is left for the
 * parser to report.
 */
export function countTokens(source: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count <= stopAfter && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    return count;
  }
  return count;
}
