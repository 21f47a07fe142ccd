import { FRONT_MATTER_KEYS, KEY_RESULT_KEYS, KeyDoc, OBJECTIVE_KEYS } from "../model/attributeKeys";
import { Attribute, FrontMatterEntry } from "../model/scorecard";
import { Rule, RuleContext } from "./rule";
import { closest } from "./similarity";

/** A place's keys, listed (for messages and suggestions) and as a set (looked up for every attribute). */
interface KnownKeys {
  list: string[];
  set: ReadonlySet<string>;
}

function keysOf(docs: readonly KeyDoc[]): KnownKeys {
  const list = docs.map(([key]) => key);
  return { list, set: new Set(list) };
}

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

function check({ report }: RuleContext, a: Attribute | FrontMatterEntry, known: KnownKeys, always: boolean): void {
  // Known keys are lower case, as most written keys are: looked up as written first, lowering is slow
  // (the model's strings are two-byte when the document has any non-ASCII character).
  if (known.set.has(a.key)) return;
  const key = a.key.toLowerCase();
  if (known.set.has(key)) return;
  const near = closest(key, known.list);
  const close = near !== undefined && (near.distance <= Math.max(2, Math.floor(key.length / 3)) || near.match.startsWith(key));
  if (!close && !always) return;
  report({
    range: a.keyRange,
    message: close ? `Unknown attribute '${a.key}'. Did you mean '${near!.match}'?` : `Unknown key '${a.key}'. Known keys: ${known.list.join(", ")}.`,
    fixes: close ? [{ title: `Rename to '${near!.match}'`, edits: [{ range: a.keyRange, newText: near!.match }], preferred: true }] : undefined,
  });
}
