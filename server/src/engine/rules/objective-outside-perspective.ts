import { Rule } from "./rule";

export const objectiveOutsidePerspective: Rule = {
  code: "objective-outside-perspective",
  defaultSeverity: "warning",
  summary: "In a balanced scorecard, an objective sits outside every perspective.",
  check({ scorecard, report }) {
    if (scorecard.framework === "okr") return;
    for (const objective of scorecard.objectives) {
      if (objective.perspective) continue;
      report({
        range: objective.labelRange ?? objective.titleRange,
        message: `${objective.id} is under no perspective. Move it under Financial, Customer, Internal Process or Learning & Growth.`,
      });
    }
  },
};
