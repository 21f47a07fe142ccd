import { KeyResult } from "../model/scorecard";
import { makeInitiativeFix } from "./fixes";
import { Rule } from "./rule";

const ACTIVITY_VERBS = new Set(
  ("launch build hold write create implement ship deploy run host organize organise develop design complete finish " +
    "deliver migrate release introduce start conduct roll set publish draft prepare plan define hire train document " +
    "refactor rewrite redesign integrate install upgrade automate establish kick help consult attend analyse analyze " +
    "participate")
    .split(" "),
);

/** A KR that names work to do rather than an outcome: "Launch the app", with no number to reach. */
export function isActivity(kr: KeyResult): boolean {
  if (kr.hasNumber || kr.checked !== undefined) return false;
  const first = /^[A-Za-z]+/.exec(kr.text.trim())?.[0].toLowerCase();
  if (!first) return false;
  // launches, migrates, organized, launched, writing, creating → their base verb.
  const stems = [first, first.replace(/e?s$/, ""), first.replace(/s$/, ""), first.replace(/e?d$/, ""), first.replace(/d$/, ""), first.replace(/ing$/, ""), first.replace(/ing$/, "e")];
  return stems.some((stem) => ACTIVITY_VERBS.has(stem));
}

export const activityKeyResult: Rule = {
  code: "activity-key-result",
  defaultSeverity: "info",
  summary: "A key result reads as an activity (launch, build, hold…) with no metric.",
  checkObjective(objective, { report }) {
    for (const kr of objective.keyResults) {
      if (!isActivity(kr)) continue;
      report({
        range: kr.textRange,
        message: "This reads as an activity, not an outcome: key results measure what changes, initiatives list the work.",
        fixes: [{ ...makeInitiativeFix(kr), preferred: true }],
      });
    }
  },
};
