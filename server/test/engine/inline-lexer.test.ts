import * as assert from "node:assert/strict";
import { lexInline } from "../../src/engine/syntax/inlineLexer";

/** `Type:image` per token, in order. */
function lex(text: string): string[] {
  return lexInline(text).map((t) => `${t.tokenType.name}:${t.image}`);
}

function amount(text: string) {
  const [token] = lexInline(text);
  assert.equal(token.tokenType.name, "NumberLiteral", text);
  return token.payload;
}

describe("inline lexer", () => {
  it("reads numbers with currency, thousands, decimals, scale, x and %", () => {
    assert.deepEqual(amount("$40M"), { amount: 40_000_000, currency: "$", percent: false });
    assert.deepEqual(amount("1,234.5"), { amount: 1234.5, currency: undefined, percent: false });
    assert.deepEqual(amount("40k"), { amount: 40_000, currency: undefined, percent: false });
    assert.deepEqual(amount("€2.4bn"), { amount: 2_400_000_000, currency: "€", percent: false });
    assert.deepEqual(amount("2.5x"), { amount: 2.5, currency: undefined, percent: false });
    assert.deepEqual(amount("80%"), { amount: 80, currency: undefined, percent: true });
    assert.deepEqual(amount("−5"), { amount: -5, currency: undefined, percent: false }, "the minus sign U+2212");
    assert.deepEqual(amount("-£0.30"), { amount: -0.3, currency: "£", percent: false });
    assert.deepEqual(amount("+15%"), { amount: 15, currency: undefined, percent: true });
    assert.equal(amount("$41.2M")!.amount, 41_200_000, "no binary noise");
    assert.equal(amount("1234567890123")!.amount, 1_234_567_890_120, "12 significant digits");
    assert.ok(Object.is(amount("-0")!.amount, 0), "no negative zero");
  });

  it("ends a number where the regular form ends", () => {
    assert.deepEqual(lex("1,2345"), ["NumberLiteral:1,234", "NumberLiteral:5"]);
    assert.deepEqual(lex("1234,567"), ["NumberLiteral:1234", "Comma:,", "NumberLiteral:567"]);
    assert.deepEqual(lex("1,23"), ["NumberLiteral:1", "Comma:,", "NumberLiteral:23"]);
    assert.deepEqual(lex("5kg 5Bx 5bnx"), ["NumberLiteral:5", "Word:kg", "NumberLiteral:5", "Word:Bx", "NumberLiteral:5", "Word:bnx"]);
    assert.deepEqual(lex("800ms"), ["NumberLiteral:800", "Word:ms"]);
    assert.deepEqual(lex("5."), ["NumberLiteral:5", "Other:."]);
    assert.deepEqual(lex("$ 5"), ["Other:$", "NumberLiteral:5"]);
  });

  it("reads dates, quarters and months", () => {
    assert.deepEqual(lex("by 2027-03-31"), ["By:by", "IsoDate:2027-03-31"]);
    assert.deepEqual(lex("2027-Q1 2027-h2 Q1 h2 Q5"), ["YearQuarter:2027-Q1", "YearQuarter:2027-h2", "Quarter:Q1", "Quarter:h2", "Word:Q5"]);
    assert.deepEqual(lex("Mar 1, 2027"), ["Month:Mar", "NumberLiteral:1", "Comma:,", "NumberLiteral:2027"]);
    assert.deepEqual(lex("September sept Marc"), ["Month:September", "Month:sept", "Word:Marc"]);
    assert.deepEqual(lex("2027-03-311"), ["IsoDate:2027-03-31", "NumberLiteral:1"]);
    assert.deepEqual(lex("12027-03-31"), ["NumberLiteral:12027", "NumberLiteral:-03", "NumberLiteral:-31"]);
  });

  it("makes a keyword only of a whole word, in any case", () => {
    assert.deepEqual(lex("FROM to Today to-do at least"), ["From:FROM", "To:to", "Word:Today", "Word:to-do", "At:at", "Least:least"]);
    assert.deepEqual(lex("Increase growth cutting lower"), ["IncreaseVerb:Increase", "IncreaseVerb:growth", "DecreaseVerb:cutting", "DecreaseVerb:lower"]);
    assert.deepEqual(lex("grow2 it's co-op _x"), ["Word:grow2", "Word:it's", "Word:co-op", "Word:_x"]);
    assert.deepEqual(lex("Zuverlässigkeit über Привет"), ["Word:Zuverlässigkeit", "Word:über", "Word:Привет"]);
  });

  it("reads comparisons, arrows and dashes", () => {
    assert.deepEqual(lex("≥ >= > ≤ <= <"), ["GreaterEqual:≥", "GreaterEqual:>=", "GreaterEqual:>", "LessEqual:≤", "LessEqual:<=", "LessEqual:<"]);
    assert.deepEqual(lex("5 → 6 -> 7 ⟶ 8"), ["NumberLiteral:5", "Arrow:→", "NumberLiteral:6", "Arrow:->", "NumberLiteral:7", "Arrow:⟶", "NumberLiteral:8"]);
    assert.deepEqual(lex("— – -- - x"), ["Dash:—", "Dash:–", "Dash:--", "Dash:-", "Word:x"]);
    assert.deepEqual(lex("-5 -$5 -$x"), ["NumberLiteral:-5", "NumberLiteral:-$5", "Other:-", "Other:$", "Word:x"]);
  });

  it("reads owners", () => {
    assert.deepEqual(lex("@owner.name @a.b-c_d @x. @ @é"), [
      "Owner:@owner.name",
      "Owner:@a.b-c_d",
      "Owner:@x",
      "Other:.",
      "Other:@",
      "Other:@",
      "Word:é",
    ]);
  });

  it("skips blanks, tabs and NBSP, keeps offsets in UTF-16 code units", () => {
    const tokens = lexInline("🚀\tfrom\u00a05\u2009to");
    assert.deepEqual(
      tokens.map((t) => [t.tokenType.name, t.image, t.startOffset]),
      [
        ["Other", "\ud83d", 0],
        ["Other", "\ude80", 1],
        ["From", "from", 3],
        ["NumberLiteral", "5", 8],
        ["Other", "\u2009", 9],
        ["To", "to", 10],
      ],
    );
    assert.deepEqual(lexInline(""), []);
    assert.deepEqual(lexInline(" \t\u00a0"), []);
  });

  it("stops after the given number of tokens", () => {
    assert.deepEqual(lexInline("$41.2M after the fare rise", 2).map((t) => t.image), ["$41.2M", "after"]);
  });
});
