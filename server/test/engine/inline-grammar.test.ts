import * as assert from "node:assert/strict";
import { parseDate, parseMetric, parseValue, prepareErrorRecovery } from "../../src/engine/syntax/inlineParser";

describe("inline grammar: the metric phrase (spec §1.5)", () => {
  const metric = (text: string) => parseMetric(text);

  it("reads from A to B with currency and suffixes", () => {
    const m = metric("Net revenue from $40M to $44M by 2027-03-31 @finance");
    assert.equal(m.baseline?.amount, 40_000_000);
    assert.equal(m.baseline?.currency, "$");
    assert.equal(m.target?.amount, 44_000_000);
    assert.deepEqual(m.deadline && { kind: m.deadline.kind, start: m.deadline.start, end: m.deadline.end }, { kind: "iso", start: 33, end: 43 });
    assert.deepEqual(m.owners.map((o) => o.name), ["finance"]);
    assert.deepEqual(m.errors, []);
  });

  it("reads arrows, thousands separators, decimals and units", () => {
    assert.deepEqual([metric("cost $0.30 → $0.27").baseline?.amount, metric("cost $0.30 → $0.27").target?.amount], [0.3, 0.27]);
    assert.deepEqual([metric("p95 800ms -> 300ms").baseline?.unit, metric("p95 800ms -> 300ms").target?.amount], ["ms", 300]);
    const reviews = metric("Customer reviews from 1,000 to 1,100 reviews");
    assert.equal(reviews.baseline?.amount, 1000);
    assert.equal(reviews.target?.amount, 1100);
    assert.equal(reviews.target?.unit, "reviews");
    assert.equal(metric("Reach 1.5k users").target?.amount, 1500);
    assert.equal(metric("ARR to €2.4bn").target?.amount, 2_400_000_000);
    assert.equal(metric("Throughput to 2x").target?.amount, 2);
  });

  it("reads rising and falling bounds", () => {
    const cases: [string, number, "up" | "down"][] = [
      ["to 80% of reviewers", 80, "up"],
      ["reach 10k users", 10_000, "up"],
      ["uptime ≥ 99.9%", 99.9, "up"],
      ["uptime >= 99.9%", 99.9, "up"],
      ["NPS at least 40", 40, "up"],
      ["NPS above 40", 40, "up"],
      ["p95 ≤ 200 ms", 200, "down"],
      ["p95 <= 200 ms", 200, "down"],
      ["at most 3 incidents", 3, "down"],
      ["churn under 2%", 2, "down"],
      ["churn below 2%", 2, "down"],
      ["less than 5 escalations", 5, "down"],
    ];
    for (const [text, target, direction] of cases) {
      const m = metric(text);
      assert.equal(m.target?.amount, target, text);
      assert.equal(m.stated, direction, text);
    }
  });

  it("reads relative targets and the verb's direction", () => {
    const up = metric("Increase NPS by 10%");
    assert.equal(up.relative?.amount, 10);
    assert.equal(up.relative?.percent, true);
    assert.equal(up.verb, "up");
    const down = metric("Reduce churn by +15%");
    assert.equal(down.relative?.amount, 15);
    assert.equal(down.verb, "down");
  });

  it("reads deadlines in every written form", () => {
    const kinds = (text: string) => {
      const d = metric(`Ship it to 3 partners by ${text}`).deadline;
      return d && { ...d, start: undefined, end: undefined };
    };
    assert.equal(kinds("2027-03-31")?.kind, "iso");
    assert.deepEqual(kinds("Q1"), { kind: "quarter", quarter: 1, half: false, year: undefined, start: undefined, end: undefined });
    assert.equal(kinds("end of Q2")?.kind, "quarter");
    assert.deepEqual(kinds("Mar 1"), { kind: "month", month: 3, day: 1, year: undefined, start: undefined, end: undefined });
    assert.deepEqual(kinds("March 1, 2027"), { kind: "month", month: 3, day: 1, year: 2027, start: undefined, end: undefined });
    assert.equal(kinds("2027-H1")?.kind, "quarter");
    assert.equal(kinds("2027")?.kind, "year");
  });

  it("reads the current-value shorthands", () => {
    assert.equal(metric("Respond to 80% of reviewers — current 65%").current?.amount, 65);
    assert.equal(metric("p95 ≤ 200 ms (now 340 ms)").current?.amount, 340);
  });

  it("treats words that merely look like phrases as prose", () => {
    for (const text of ["Move to Kubernetes", "Hear from customers", "Wins by the team", "p95 latency is great", "Talk to @sam about it"]) {
      const m = metric(text);
      assert.deepEqual([m.target, m.baseline, m.relative, m.errors.length], [undefined, undefined, undefined, 0], text);
    }
  });

  it("reads every word or sign that can start a phrase as prose when no phrase follows", () => {
    for (const cue of ["from", "to", "by", "reach", "at", "above", "under", "less", "more", "now", "current", "—", "-", "(", "increase", "cut", "@sam"]) {
      for (const text of [cue, `${cue} it`, `it ${cue}`]) assert.deepEqual(metric(text).errors, [], text);
    }
  });

  it("reports a half-typed phrase at the place where the value is missing", () => {
    const m = metric("Net revenue from $40M to");
    assert.equal(m.errors.length, 1);
    assert.deepEqual([m.errors[0].start, m.errors[0].end], [24, 24]);
    assert.match(m.errors[0].message, /Expected a number .* after 'to', but the text ends/);
    assert.equal(m.baseline?.amount, 40_000_000, "what was typed so far is kept");
    const arrow = metric("churn 5% →");
    assert.match(arrow.errors[0].message, /after '→'/);
    const bound = metric("p95 ≥ soon");
    assert.deepEqual([bound.errors[0].start, bound.errors[0].end], [6, 10]);
    assert.match(bound.errors[0].message, /found 'soon'/);
  });

  it("keeps reading after an error", () => {
    const m = metric("from $1M to oops by 2027-03-31 @amara");
    assert.equal(m.errors.length, 1);
    assert.equal(m.deadline?.kind, "iso");
    assert.deepEqual(m.owners.map((o) => o.name), ["amara"]);
  });

  it("reads texts with errors alike whether the recovering parser was prepared ahead or not", () => {
    const texts = ["from $1M to oops by 2027-03-31 @amara", "from 3 to oops", "from 5% to nope by Q2"];
    const before = texts.map(metric);
    prepareErrorRecovery();
    prepareErrorRecovery();
    assert.deepEqual(texts.map(metric), before);
    assert.ok(before.every((m) => m.errors.length > 0));
  });

  it("reads values with notes, and dates on their own", () => {
    const v = parseValue("$41.2M after the fare rise");
    assert.equal(v.value?.amount, 41_200_000);
    assert.equal(v.value?.raw, "$41.2M");
    assert.equal(parseValue("high").value, undefined);
    assert.equal(parseValue("16 two hospitals signed").value?.raw, "16", "a note is not a unit");
    assert.equal(parseValue("300ms after the cache fix").value?.unit, "ms");
    assert.deepEqual(parseValue("$41.2M from $40M to"), { value: parseValue("$41.2M").value, errors: [] }, "a note is never parsed");
    assert.equal(parseValue("high 5").errors.length, 1);
    assert.equal(parseDate("end of Q2").date?.kind, "quarter");
    assert.equal(parseDate("soonish").date, undefined);
  });

  it("handles emoji and other scripts without shifting offsets", () => {
    const m = metric("🚀 grow Zuverlässigkeit from 1 to 2 🎯");
    assert.equal(m.baseline?.start, "🚀 grow Zuverlässigkeit from ".length);
    assert.equal(m.target?.amount, 2);
  });

  it("says a text nests too deeply to read instead of overflowing the stack", () => {
    const nested = `Ship it by ${"end of ".repeat(3000)}Q9 soon`;
    const m = metric(nested);
    assert.deepEqual(m.errors, [{ message: "This text nests too deeply to be read.", start: 0, end: nested.length }]);
    assert.equal(metric("Grow revenue from 1 to 2").target?.amount, 2, "the parser reads the next text as before");
    assert.equal(parseDate(`${"end of ".repeat(3000)}soon`).errors.length, 1);
  });
});
