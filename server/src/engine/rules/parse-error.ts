import { Rule } from "./rule";

export const parseError: Rule = {
  code: "parse-error",
  defaultSeverity: "error",
  summary: "The text cannot be read; the message says what was expected.",
  check({ scorecard, report }) {
    for (const p of scorecard.problems) if (p.code === "parse-error") report({ range: p.range, message: p.message });
  },
};
