import { createToken, IToken, TokenType } from "chevrotain";

/**
 * One token per significant line. The block lexer (blockLexer.ts) makes them by looking at the
 * first characters of each line, which is ~30× faster than running a regex lexer over the text.
 */
export const Heading = createToken({ name: "Heading", pattern: /NA/ });
export const ObjectiveHeading = createToken({ name: "ObjectiveHeading", pattern: /NA/ });
export const ListItem = createToken({ name: "ListItem", pattern: /NA/ });
export const NestedItem = createToken({ name: "NestedItem", pattern: /NA/ });
export const Attribute = createToken({ name: "Attribute", pattern: /NA/ });
export const TableRow = createToken({ name: "TableRow", pattern: /NA/ });
export const TableDelimiter = createToken({ name: "TableDelimiter", pattern: /NA/ });
export const Paragraph = createToken({ name: "Paragraph", pattern: /NA/ });

export const blockTokenTypes: TokenType[] = [
  Heading,
  ObjectiveHeading,
  ListItem,
  NestedItem,
  Attribute,
  TableRow,
  TableDelimiter,
  Paragraph,
];

/**
 * A line token: the fields the parser reads (its type, and its line as `startOffset`) and `node`,
 * what the lexer already read from the line. Not made by `createTokenInstance`, whose nine fields
 * and the added `node` took two allocations per line.
 */
export interface LineToken<N = unknown> extends IToken {
  node: N;
}

export function lineToken<N>(type: TokenType, line: number, node: N): LineToken<N> {
  return { image: "", startOffset: line, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type, node };
}
