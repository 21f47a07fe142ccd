import { invalidValue } from "./invalid-value";
import { parseError } from "./parse-error";
import { Rule } from "./rule";

/** Every rule, in the order of spec §3. */
export const allRules: readonly Rule[] = [invalidValue, parseError];

export const rulesByCode: ReadonlyMap<string, Rule> = new Map(allRules.map((r) => [r.code, r]));
