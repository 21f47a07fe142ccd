import { Rule } from "./rule";

export const missingBaseline: Rule = {
  code: "missing-baseline",
  defaultSeverity: "info",
  summary: "A relative target (by 10%) or a falling target has no baseline.",
  checkObjective(objective, { report }) {
    for (const kr of objective.keyResults) {
      if (kr.baseline || kr.binary) continue;
      const target = kr.relative ?? (kr.direction === "down" ? kr.target : undefined);
      if (!target) continue;
      const what = kr.relative ? `'by ${kr.relative.raw}' is relative` : "A falling target";
      report({
        range: target.range,
        message: `${what} but no baseline says where it starts, so it cannot be graded. Write 'from A to B' or add '- baseline: A'.`,
      });
    }
  },
};
