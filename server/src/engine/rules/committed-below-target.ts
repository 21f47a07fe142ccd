import { Rule } from "./rule";

export const committedBelowTarget: Rule = {
  code: "committed-below-target",
  defaultSeverity: "warning",
  summary: "The period has ended and a committed objective is below 1.0.",
  checkObjective(objective, { scorecard, report }) {
    const period = scorecard.period;
    if (!period || scorecard.today <= period.end) return;
    if (objective.type !== "committed" || objective.grade === null || objective.grade >= 1) return;
    report({
      range: objective.labelRange ?? objective.titleRange,
      message: `${objective.id} is committed, so 1.0 was expected by the end of ${period.label}; it closed at ${objective.grade.toFixed(1)}. Review what blocked it.`,
    });
  },
};
