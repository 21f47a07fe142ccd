import { Range } from "../text/positions";
import { Rule, RuleContext } from "./rule";

export const duplicateLabel: Rule = {
  code: "duplicate-label",
  defaultSeverity: "error",
  summary: "Two objectives, or two key results of one objective, share a label.",
  check(context) {
    const { scorecard } = context;
    findDuplicates(context, scorecard.objectives.filter((o) => o.label).map((o) => ({ id: o.id, range: o.labelRange! })), "objective");
    for (const objective of scorecard.objectives) {
      const krs = objective.keyResults.filter((kr) => kr.label && kr.labelRange).map((kr) => ({ id: kr.id, range: kr.labelRange! }));
      findDuplicates(context, krs, `key result of ${objective.id}`);
    }
  },
};

function findDuplicates({ scorecard, report }: RuleContext, items: { id: string; range: Range }[], what: string): void {
  const first = new Map<string, Range>();
  for (const { id, range } of items) {
    const key = id.toLowerCase();
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, range);
      continue;
    }
    report({
      range,
      message: `Another ${what} is already labelled ${id} (line ${earlier.start.line + 1}); links and grades need unique labels.`,
      related: [{ uri: scorecard.uri, range: earlier, message: `First ${id}` }],
    });
  }
}
