import { Range } from "../text/positions";
import { Rule, RuleContext } from "./rule";

export const duplicateLabel: Rule = {
  code: "duplicate-label",
  defaultSeverity: "error",
  summary: "Two objectives, or two key results of one objective, share a label.",
  check(context) {
    // Only objectives whose id another shares can be labelled alike, and the workspace's index of
    // objectives knows them: a map of every label, made on every keystroke, was the rule's time.
    for (const objectives of context.workspace.objectivesSharingIds(context.scorecard)) {
      findDuplicates(context, objectives, (o) => (o.label ? o.labelRange : undefined), () => "objective", (earlier) => `line ${earlier.startLine + 1}`);
    }
  },
  checkObjective(objective, context) {
    // Said relative to the duplicate: the message is kept while the objective moves with edits above it.
    findDuplicates(
      context,
      objective.keyResults,
      (kr) => (kr.label ? kr.labelRange : undefined),
      () => `key result of ${objective.id}`,
      (earlier, range) => {
        const above = range.startLine - earlier.startLine;
        return above === 0 ? "on this line" : `${above} line${above === 1 ? "" : "s"} above`;
      },
    );
  },
};

/**
 * Reports every item labelled like an earlier one. Ids are already normal whatever the case of the
 * label (`[[o3]]` is `O3`), so they are compared as they are. Walks the items themselves: lists of
 * the labelled ones, and a map for every objective, were most of the rule's garbage; a map is made
 * only for a long list, the few objectives sharing an id or key results of an objective are compared pairwise.
 */
function findDuplicates<T extends { id: string }>(
  { scorecard, report }: RuleContext,
  items: readonly T[],
  labelRange: (item: T) => Range | undefined,
  what: () => string,
  where: (earlier: Range, range: Range) => string,
): void {
  const first = items.length > 16 ? new Map<string, Range>() : undefined;
  for (let i = 0; i < items.length; i++) {
    const range = labelRange(items[i]);
    if (!range) continue;
    const id = items[i].id;
    const earlier = first ? first.get(id) : earlierLabelled(items, i, labelRange);
    if (!earlier) {
      first?.set(id, range);
      continue;
    }
    report({
      range,
      message: `Another ${what()} is already labelled ${id} (${where(earlier, range)}); links and grades need unique labels.`,
      related: [{ uri: scorecard.uri, range: earlier, message: `First ${id}` }],
    });
  }
}

/** The label range of the first item before `index` with the same id. */
function earlierLabelled<T extends { id: string }>(items: readonly T[], index: number, labelRange: (item: T) => Range | undefined): Range | undefined {
  const id = items[index].id;
  for (let i = 0; i < index; i++) {
    const range = items[i].id === id ? labelRange(items[i]) : undefined;
    if (range) return range;
  }
  return undefined;
}
