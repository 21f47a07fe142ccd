import * as assert from "node:assert/strict";
import { bandOf } from "../../src/engine";
import { analyze, doc } from "./helpers";

const close = (actual: number | null | undefined, expected: number, message?: string) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-9, `${message ?? ""} expected ${expected}, got ${actual}`);

function krs(body: string, front = "period: 2027-Q1\ntoday: 2027-02-15") {
  const { scorecard } = analyze(`---\n${front}\n---\n## O1: x\n${body}`);
  return scorecard.objectives[0].keyResults;
}

describe("grades and rollup (spec §2)", () => {
  it("grades rising, falling, binary, manual and ungraded key results", () => {
    const [rising, falling, done, open, manual, ungraded, noBaseline] = krs(doc`
      - KR1: revenue from $40M to $44M — current $41.2M
      - KR2: cost from $0.30 to $0.27 — current $0.29
      - [x] launched
      - [ ] signed
      - KR5: revenue from 1 to 2 — current 2
        - score: 0.3
      - KR6: reviews from 1,000 to 1,100
      - KR7: reach 200 users (now 50)
    `);
    close(rising.grade, 0.3);
    close(falling.grade, 1 / 3);
    assert.equal(done.grade, 1);
    assert.equal(open.grade, 0);
    assert.equal(manual.grade, 0.3, "score overrides");
    assert.equal(ungraded.grade, null);
    close(noBaseline.grade, 0.25, "no baseline with a rising target → baseline 0");
  });

  it("clamps to [0, 1] and handles baseline = target in the KR's direction", () => {
    const [over, under, holdMet, holdMissed, fallingHold] = krs(doc`
      - a from 10 to 20 — current 25
      - b from 10 to 20 — current 5
      - c from 5 to 5 — current 6
      - d from 5 to 5 — current 4
      - e ≤ 5
        - baseline: 5
        - current: 4
    `);
    assert.deepEqual([over.grade, under.grade, holdMet.grade, holdMissed.grade, fallingHold.grade], [1, 0, 1, 0, 1]);
  });

  it("grades relative targets against their baseline, and not without one", () => {
    const [up, down, none] = krs(doc`
      - Increase NPS by 10%
        - baseline: 50
        - current: 52.5
      - Reduce churn by 20%
        - baseline: 5%
        - current: 4.5%
      - Increase sign-ups by 10%
        - current: 5
    `);
    close(up.grade, 0.5);
    close(down.grade, 0.5);
    assert.equal(none.grade, null);
  });

  it("weights key results within an objective and objectives within a perspective", () => {
    const { scorecard } = analyze(doc`
      ---
      framework: hybrid
      ---
      ## Financial
      ### O1: a
      weight: 3
      - KR1: x from 0 to 10 — current 10
        - weight: 3
      - KR2: y from 0 to 10 — current 0
      - KR3: z from 0 to 10
      ### O2: b
      - KR1: x from 0 to 10 — current 0
      ## Customer
      ### O3: c
      - KR1: x from 0 to 10 — current 5
    `);
    const [o1, o2, o3] = scorecard.objectives;
    close(o1.grade, 0.75, "ungraded KR3 is left out");
    close(o2.grade, 0);
    close(scorecard.perspectives[0].grade, (3 * 0.75 + 0) / 4);
    close(o3.grade, 0.5);
    close(scorecard.grade, ((3 * 0.75) / 4 + 0.5) / 2, "hybrid: mean over perspectives");
  });

  it("rolls an okr scorecard up as the mean over its objectives", () => {
    const { scorecard } = analyze("## O1: a\n- x from 0 to 10 — current 10\n## O2: b\n- y from 0 to 10 — current 0\n## O3: c\n- z from 0 to 10\n");
    close(scorecard.grade, 0.5);
    assert.equal(scorecard.objectives[2].grade, null);
  });

  it("rolls a bsc scorecard up with each perspective counting equally", () => {
    const { scorecard } = analyze(doc`
      ---
      framework: bsc
      ---
      ## Financial
      ### O1: a
      - x from 0 to 10 — current 10
      ### O2: b
      - x from 0 to 10 — current 10
      ### O3: c
      - x from 0 to 10 — current 10
      ## Customer
      ### O4: d
      - x from 0 to 10 — current 0
    `);
    close(scorecard.grade, 0.5);
  });

  it("computes pace: expected share of the period and the status bands", () => {
    // 2027-Q1 has 90 days; 2027-02-15 is day 45 → expected 0.5.
    const [onTrack, atRisk, offTrack] = krs("- a from 0 to 10 — current 3\n- b from 0 to 10 — current 2\n- c from 0 to 10 — current 0.5\n");
    close(onTrack.expected, 0.5);
    assert.deepEqual([onTrack.status, atRisk.status, offTrack.status], ["on-track", "at-risk", "off-track"]);
  });

  it("takes pace thresholds from the limits", () => {
    const [kr] = krs("- a from 0 to 10 — current 2\n", "period: 2027-Q1\ntoday: 2027-02-15\nlimits: { paceAtRisk: 0.35 }");
    assert.equal(kr.status, "on-track");
  });

  it("uses the KR's deadline for pace when it falls inside the period", () => {
    const [kr] = krs("- a from 0 to 10 by 2027-02-15 — current 5\n");
    close(kr.expected, 45 / 46);
  });

  it("forecasts with a least-squares line over the check-ins", () => {
    const [kr] = krs(doc`
      - users from 0 to 100 by 2027-03-31
        - 2027-01-01: 0
        - 2027-01-31: 30
        - 2027-03-02: 60
    `);
    // One unit a day: day 89 (2027-03-31) → 89.
    close(kr.forecast?.value, 89);
    close(kr.forecast?.grade, 0.89);
  });

  it("bands grades as shown to one decimal", () => {
    assert.deepEqual([0, 0.3, 0.34, 0.35, 0.6, 0.64, 0.65, 1].map(bandOf), ["red", "red", "red", "yellow", "yellow", "yellow", "green", "green"]);
  });
});
