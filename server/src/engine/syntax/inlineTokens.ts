import { createToken, Lexer, TokenType } from "chevrotain";

/**
 * Tokens of the inline language: the text of a key result, an attribute value, a check-in or a
 * table cell. Only these short texts are lexed with Chevrotain; block structure is found per line
 * by blockLexer.ts (lexing the whole document with Chevrotain costs 3–5× more, see docs/design.md).
 */

/** Every token belongs to this category, so a rule can consume "any token" in prose. */
export const AnyToken = createToken({ name: "AnyToken", pattern: Lexer.NA });

const tokens: TokenType[] = [];
function token(config: Parameters<typeof createToken>[0]): TokenType {
  const t = createToken({ ...config, categories: [AnyToken, ...((config.categories as TokenType[]) ?? [])] });
  tokens.push(t);
  return t;
}

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\u00a0]+/, group: Lexer.SKIPPED });
export const Word = createToken({
  name: "Word",
  pattern: /[A-Za-z_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff][\w\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff'’-]*/,
  categories: [AnyToken],
});

function keyword(name: string, pattern: RegExp): TokenType {
  return token({ name, pattern, longer_alt: Word });
}

export const IsoDate = token({ name: "IsoDate", pattern: /\d{4}-\d{2}-\d{2}/ });
export const YearQuarter = token({ name: "YearQuarter", pattern: /\d{4}-[QqHh]\d/ });
export const NumberLiteral = token({
  name: "NumberLiteral",
  pattern: /[+\-−]?[$€£¥]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:(?:bn|[kKMB])(?![A-Za-z]))?(?:x(?![A-Za-z]))?%?/,
});
export const Quarter = keyword("Quarter", /[Qq][1-4]|[Hh][12]/);
export const Month = keyword(
  "Month",
  /(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])/i,
);
export const From = keyword("From", /from/i);
export const To = keyword("To", /to/i);
export const By = keyword("By", /by/i);
export const Reach = keyword("Reach", /reach(?:es|ing)?/i);
export const At = keyword("At", /at/i);
export const Least = keyword("Least", /least/i);
export const Most = keyword("Most", /most/i);
export const Above = keyword("Above", /above|over|exceeds?/i);
export const Under = keyword("Under", /under|below/i);
export const Less = keyword("Less", /less|fewer/i);
export const More = keyword("More", /more/i);
export const Than = keyword("Than", /than/i);
export const Now = keyword("Now", /now/i);
export const Current = keyword("Current", /current(?:ly)?/i);
export const End = keyword("End", /end/i);
export const Of = keyword("Of", /of/i);
export const IncreaseVerb = keyword("IncreaseVerb", /(?:increas|grow|rais|boost|improv|doubl|expand)[a-z]*/i);
export const DecreaseVerb = keyword("DecreaseVerb", /(?:decreas|reduc|cut|lower|shrink|minimi[sz]|halv)[a-z]*/i);
export const Arrow = token({ name: "Arrow", pattern: /→|->|⟶/ });
export const GreaterEqual = token({ name: "GreaterEqual", pattern: /≥|>=|>/ });
export const LessEqual = token({ name: "LessEqual", pattern: /≤|<=|</ });
export const Dash = token({ name: "Dash", pattern: /—|–|--|-(?![\d$€£¥])/ });
export const Owner = token({ name: "Owner", pattern: /@[\w-]+(?:\.[\w-]+)*/ });
export const LParen = token({ name: "LParen", pattern: /\(/ });
export const RParen = token({ name: "RParen", pattern: /\)/ });
export const Comma = token({ name: "Comma", pattern: /,/ });
export const Other = token({ name: "Other", pattern: /[\u0000-\uffff]/ });

/** Token types in match order: the first pattern that matches wins, keywords defer to longer words. */
export const inlineTokenTypes: TokenType[] = [WhiteSpace, ...tokens.slice(0, tokens.length - 1), Word, Other, AnyToken];
