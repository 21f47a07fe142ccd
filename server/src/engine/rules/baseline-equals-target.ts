import { Rule } from "./rule";

export const baselineEqualsTarget: Rule = {
  code: "baseline-equals-target",
  defaultSeverity: "warning",
  summary: "A key result's baseline and target are the same.",
  checkObjective(objective, { report }) {
    for (const kr of objective.keyResults) {
      if (!kr.baseline || !kr.target || kr.baseline.amount !== kr.target.amount) continue;
      report({
        range: kr.target.range,
        message: `The target equals the baseline (${kr.baseline.raw}): this keeps a level rather than moving it. If holding it is the goal, say so with '≥ ${kr.target.raw}'.`,
      });
    }
  },
};
