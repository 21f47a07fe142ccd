import { Rule } from "./rule";

export const emptyPerspective: Rule = {
  code: "empty-perspective",
  defaultSeverity: "warning",
  summary: "A perspective holds no objective.",
  check({ scorecard, report }) {
    for (const perspective of scorecard.perspectives) {
      if (perspective.objectives.length === 0) {
        report({ range: perspective.nameRange, message: `The ${perspective.name} perspective has no objective yet.` });
      }
    }
  },
};
