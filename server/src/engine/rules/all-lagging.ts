import { Rule } from "./rule";

export const allLagging: Rule = {
  code: "all-lagging",
  defaultSeverity: "hint",
  summary: "Every key result of an objective is a lagging indicator.",
  check({ scorecard, report }) {
    for (const objective of scorecard.objectives) {
      const krs = objective.keyResults;
      if (krs.length === 0 || !krs.every((kr) => kr.indicator === "lagging")) continue;
      report({
        range: objective.labelRange ?? objective.titleRange,
        message: `All key results of ${objective.id} are lagging: they report results too late to steer. Add a leading measure that moves first.`,
      });
    }
  },
};
