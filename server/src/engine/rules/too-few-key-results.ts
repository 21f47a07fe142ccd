import { Rule } from "./rule";

export const tooFewKeyResults: Rule = {
  code: "too-few-key-results",
  defaultSeverity: "warning",
  summary: "An objective has no key result (info when an OKR has fewer than 2).",
  checkObjective(objective, { scorecard, config, report }) {
    const count = objective.keyResults.length;
    const range = objective.labelRange ?? objective.titleRange;
    if (count === 0) {
      report({ range, message: `${objective.id} has no key result: nothing says when it is achieved. Add a measurable key result.` });
    } else if (scorecard.framework !== "bsc" && count < config.limits.minKeyResults) {
      report({
        range,
        message: `${objective.id} has ${count} key result; ${config.limits.minKeyResults} or more show progress from more than one angle.`,
        severity: "info",
      });
    }
  },
};
