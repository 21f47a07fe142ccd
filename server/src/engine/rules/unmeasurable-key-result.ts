import { emptyRange } from "../text/positions";
import { isoFromDay } from "../model/dates";
import { isActivity } from "./activity-key-result";
import { makeInitiativeFix } from "./fixes";
import { Rule } from "./rule";

export const unmeasurableKeyResult: Rule = {
  code: "unmeasurable-key-result",
  defaultSeverity: "warning",
  summary: "A key result has no number and is no checkbox.",
  checkObjective(objective, { scorecard, report }) {
    for (const kr of objective.keyResults) {
      if (kr.hasNumber || kr.binary || kr.score !== undefined || isActivity(kr)) continue;
      // Made for a finding only: most objectives have none.
      const by = scorecard.period ? ` by ${isoFromDay(scorecard.period.end)}` : "";
      report({
        range: kr.textRange,
        message: "No number to grade this key result by. Say where it starts and where it should get to (from X to Y), or make it a checkbox.",
        fixes: [
          { title: `Add 'from 0 to 100${by}' (then edit the numbers)`, edits: [{ range: emptyRange(kr.textRange.endLine, kr.textRange.endCharacter), newText: ` from 0 to 100${by}` }] },
          makeInitiativeFix(kr),
        ],
      });
    }
  },
};
