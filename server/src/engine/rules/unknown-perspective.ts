import { normalisePerspective } from "../model/build";
import { Rule } from "./rule";
import { closest } from "./similarity";

export const unknownPerspective: Rule = {
  code: "unknown-perspective",
  defaultSeverity: "info",
  summary: "A heading is one or two edits away from a perspective name.",
  check({ scorecard, config, report }) {
    const names = new Map<string, string>();
    for (const [canonical, synonyms] of Object.entries(config.perspectives)) {
      for (const n of [canonical, ...synonyms]) names.set(normalisePerspective(n), canonical);
    }
    for (const heading of scorecard.otherHeadings) {
      const text = normalisePerspective(heading.text);
      if (text.length < 4) continue;
      const within = text.length < 8 ? 1 : 2;
      const near = closest(text, names.keys(), within);
      if (!near || near.distance === 0 || near.distance > within) continue;
      const canonical = names.get(near.match)!;
      report({
        range: heading.range,
        message: `'${heading.text}' is not a perspective. Did you mean '${canonical}'?`,
        fixes: [{ title: `Rename to '${canonical}'`, edits: [{ range: heading.range, newText: canonical }], preferred: true }],
      });
    }
  },
};
