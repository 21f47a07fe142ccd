import { lineRange } from "../text/positions";
import { Rule, TextEdit } from "./rule";

export const missingPerspective: Rule = {
  code: "missing-perspective",
  defaultSeverity: "warning",
  summary: "A balanced scorecard lacks one of its perspectives.",
  check({ scorecard, config, report }) {
    if (scorecard.framework === "okr") return;
    const present = new Set(scorecard.perspectives.map((p) => p.name));
    const names = Object.keys(config.perspectives);
    const lines = scorecard.lines;
    const level = scorecard.perspectives.find((p) => p.level > 0)?.level ?? 2;
    const range = scorecard.titleRange ?? lineRange(0, 0, lines.lineLength(0));
    names.forEach((name, index) => {
      if (present.has(name)) return;
      // Insert before the next perspective in the usual order, else at the end of the file.
      const next = names.slice(index + 1).map((n) => scorecard.perspectives.find((p) => p.name === n && p.level > 0)).find(Boolean);
      const heading = `${"#".repeat(level)} ${name}\n\n`;
      let edit: TextEdit;
      if (next) {
        edit = { range: lineRange(next.range.startLine, 0, 0), newText: heading };
      } else {
        const last = lines.lineCount - 1;
        edit = { range: lineRange(last, lines.lineLength(last), lines.lineLength(last)), newText: (lines.lineLength(last) ? "\n\n" : "\n") + heading.trimEnd() + "\n" };
      }
      report({
        range,
        message: `The ${name} perspective is missing: a balanced scorecard looks at all of ${names.join(", ")}.`,
        fixes: [{ title: `Add a ${name} section`, edits: [edit], preferred: true }],
      });
    });
  },
};
