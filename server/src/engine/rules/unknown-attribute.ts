import { Attribute, FrontMatterEntry } from "../model/scorecard";
import { Rule, RuleContext } from "./rule";
import { closest } from "./similarity";

export const FRONT_MATTER_KEYS = ["title", "period", "framework", "owner", "parent", "today", "rules", "limits"];
export const OBJECTIVE_KEYS = ["owner", "type", "weight", "aligns", "supports", "due"];
export const KEY_RESULT_KEYS = ["current", "baseline", "target", "owner", "confidence", "weight", "score", "due", "type", "indicator", "unit"];

/**
 * Front-matter keys are always checked. A `key: value` line in an objective or under a key result
 * is only reported when the key is close to a known one (`onwer`): otherwise it is prose
 * ("Context: …"), which Markdown users write freely.
 */
export const unknownAttribute: Rule = {
  code: "unknown-attribute",
  defaultSeverity: "warning",
  summary: "An attribute key is not known; names the closest one.",
  check(context) {
    const { scorecard } = context;
    for (const entry of scorecard.frontMatter?.entries ?? []) check(context, entry, FRONT_MATTER_KEYS, true);
    for (const objective of scorecard.objectives) {
      for (const a of objective.attributes) check(context, a, OBJECTIVE_KEYS, false);
      for (const kr of objective.keyResults) for (const a of kr.attributes) check(context, a, KEY_RESULT_KEYS, false);
    }
  },
};

function check({ report }: RuleContext, a: Attribute | FrontMatterEntry, known: string[], always: boolean): void {
  const key = a.key.toLowerCase();
  if (known.includes(key)) return;
  const near = closest(key, known);
  const close = near !== undefined && (near.distance <= Math.max(2, Math.floor(key.length / 3)) || near.match.startsWith(key));
  if (!close && !always) return;
  report({
    range: a.keyRange,
    message: close ? `Unknown attribute '${a.key}'. Did you mean '${near!.match}'?` : `Unknown key '${a.key}'. Known keys: ${known.join(", ")}.`,
    fixes: close ? [{ title: `Rename to '${near!.match}'`, edits: [{ range: a.keyRange, newText: near!.match }], preferred: true }] : undefined,
  });
}
