import { Rule } from "./rule";

export const missingOwner: Rule = {
  code: "missing-owner",
  defaultSeverity: "hint",
  summary: "An objective or key result has no owner.",
  checkObjective(objective, { report }) {
    if (!objective.owner) {
      report({ range: objective.labelRange ?? objective.titleRange, message: `${objective.id} has no owner. Add 'owner: @name' under the heading.` });
    }
    for (const kr of objective.keyResults) {
      // A key result without its own @owner is owned by its objective's owner.
      if (kr.owner || objective.owner) continue;
      report({ range: kr.labelRange ?? kr.textRange, message: `${objective.id} ${kr.id} has no owner. Add '@name' to the line or '- owner: @name' under it.` });
    }
  },
};
