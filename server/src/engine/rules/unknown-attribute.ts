import { FRONT_MATTER_KEYS, KEY_RESULT_KEYS, KeyDoc, OBJECTIVE_KEYS } from "../model/attributeKeys";
import { Attribute, FrontMatterEntry } from "../model/scorecard";
import { Rule, RuleContext } from "./rule";
import { closest } from "./similarity";

const keysOf = (docs: readonly KeyDoc[]) => docs.map(([key]) => key);
const FRONT_MATTER = keysOf(FRONT_MATTER_KEYS);
const OBJECTIVE = keysOf(OBJECTIVE_KEYS);
const KEY_RESULT = keysOf(KEY_RESULT_KEYS);

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
    for (const entry of context.scorecard.frontMatter?.entries ?? []) check(context, entry, FRONT_MATTER, true);
  },
  checkObjective(objective, context) {
    for (const a of objective.attributes) check(context, a, OBJECTIVE, false);
    for (const kr of objective.keyResults) for (const a of kr.attributes) check(context, a, KEY_RESULT, false);
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
