import { Range } from "../text/positions";
import { Rule, RuleContext } from "./rule";

export const duplicateLabel: Rule = {
  code: "duplicate-label",
  defaultSeverity: "error",
  summary: "Two objectives, or two key results of one objective, share a label.",
  check(context) {
    const labelled = context.scorecard.objectives.filter((o) => o.label).map((o) => ({ id: o.id, range: o.labelRange! }));
    findDuplicates(context, labelled, "objective", (earlier) => `line ${earlier.start.line + 1}`);
  },
  checkObjective(objective, context) {
    const labelled = objective.keyResults.filter((kr) => kr.label && kr.labelRange).map((kr) => ({ id: kr.id, range: kr.labelRange! }));
    // Said relative to the duplicate: the message is kept while the objective moves with edits above it.
    findDuplicates(context, labelled, `key result of ${objective.id}`, (earlier, range) => {
      const above = range.start.line - earlier.start.line;
      return above === 0 ? "on this line" : `${above} line${above === 1 ? "" : "s"} above`;
    });
  },
};

function findDuplicates(
  { scorecard, report }: RuleContext,
  items: { id: string; range: Range }[],
  what: string,
  where: (earlier: Range, range: Range) => string,
): void {
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
      message: `Another ${what} is already labelled ${id} (${where(earlier, range)}); links and grades need unique labels.`,
      related: [{ uri: scorecard.uri, range: earlier, message: `First ${id}` }],
    });
  }
}
