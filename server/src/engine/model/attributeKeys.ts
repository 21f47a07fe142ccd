/**
 * The known `key: value` keys (spec §1.1, §1.3, §1.6), each with a one-line description. The
 * unknown-attribute rule checks against them and editors offer them as completions.
 */
export type KeyDoc = readonly [key: string, description: string];

/** The words some keys take: the model accepts only these, editors offer them. */
export const FRAMEWORKS = ["okr", "bsc", "hybrid"] as const;
export const OBJECTIVE_TYPES = ["committed", "aspirational"] as const;
export const INDICATOR_TYPES = ["leading", "lagging"] as const;

/** The words as a message lists them: `okr, bsc or hybrid`. */
export function oneOf(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** Whether `word` is one of `words`, narrowed to their type. */
export function isOneOf<W extends string>(words: readonly W[], word: string): word is W {
  return (words as readonly string[]).includes(word);
}

export const FRONT_MATTER_KEYS: readonly KeyDoc[] = [
  ["title", "The scorecard's title"],
  ["period", "2027 | 2027-H1 | 2027-Q1 | 2027-03 | 2027-01-01..2027-03-31"],
  ["framework", "okr (default) | bsc | hybrid"],
  ["owner", "Who owns the scorecard"],
  ["parent", "Path of the scorecard this one ladders up to"],
  ["today", "“As of” date for grades and pace (YYYY-MM-DD)"],
  ["rules", "Per-file rule severities (error | warning | info | hint | off)"],
  ["limits", "Per-file count limits"],
];

export const OBJECTIVE_KEYS: readonly KeyDoc[] = [
  ["owner", "Who owns the objective (@handle)"],
  ["type", "committed | aspirational (default)"],
  ["weight", "Weight in the perspective / scorecard mean (default 1)"],
  ["aligns", "Parent objective(s): path#id, comma-separated"],
  ["supports", "Objectives of this file this one drives (strategy map)"],
  ["due", "Deadline of the objective"],
];

export const KEY_RESULT_KEYS: readonly KeyDoc[] = [
  ["current", "The current value"],
  ["baseline", "The starting value"],
  ["target", "The target value"],
  ["owner", "Who owns the key result (@handle)"],
  ["confidence", "0–1, 0–10 or a %"],
  ["weight", "Weight in the objective's grade (default 1)"],
  ["score", "A manual grade 0.0–1.0 that overrides the computed one"],
  ["due", "The key result's deadline"],
  ["type", "committed | aspirational"],
  ["indicator", "leading | lagging"],
  ["unit", "The unit of the values"],
];
