import { effectiveBaseline, effectiveTarget } from "../analysis/grades";
import { KeyResult } from "../model/scorecard";
import { Rule } from "./rule";

/** Why a key result has no grade, or undefined when it has one (or is reported by another rule). */
export function whyUngraded(kr: KeyResult): string | undefined {
  if (kr.grade !== null || !kr.hasNumber) return undefined;
  if (!kr.current) return "No current value yet: add '- current: V' or a dated check-in '- YYYY-MM-DD: V'.";
  if (effectiveTarget(kr) === undefined && kr.relative === undefined) return "No target to grade against: write 'to B' or add '- target: B'.";
  if (effectiveBaseline(kr) === undefined) return undefined; // missing-baseline explains it
  return undefined;
}

export const ungradedKeyResult: Rule = {
  code: "ungraded-key-result",
  defaultSeverity: "hint",
  summary: "A key result has no current value yet, so it is left out of the averages.",
  checkObjective(objective, { report }) {
    for (const kr of objective.keyResults) {
      const why = whyUngraded(kr);
      if (why) report({ range: kr.labelRange ?? kr.textRange, message: `Ungraded, left out of ${objective.id}'s grade. ${why}` });
    }
  },
};
