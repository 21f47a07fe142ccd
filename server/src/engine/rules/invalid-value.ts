import { Rule } from "./rule";

export const invalidValue: Rule = {
  code: "invalid-value",
  defaultSeverity: "error",
  summary: "A value, date, confidence, weight or score cannot be read or is out of range.",
  check({ scorecard, report }) {
    for (const p of scorecard.problems) if (p.code === "invalid-value") report({ range: p.range, message: p.message });
  },
};
