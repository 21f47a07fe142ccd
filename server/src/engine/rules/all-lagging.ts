import { Rule } from "./rule";

export const allLagging: Rule = {
  code: "all-lagging",
  defaultSeverity: "hint",
  summary: "Every key result of an objective is a lagging indicator.",
  checkObjective(objective, { report }) {
    const krs = objective.keyResults;
    if (krs.length === 0 || !krs.every((kr) => kr.indicator === "lagging")) return;
    report({
      range: objective.labelRange ?? objective.titleRange,
      message: `All key results of ${objective.id} are lagging: they report results too late to steer. Add a leading measure that moves first.`,
    });
  },
};
