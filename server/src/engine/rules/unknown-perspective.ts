import { OkrConfig } from "../config/config";
import { normalisePerspective } from "../model/build";
import { OtherHeading } from "../model/scorecard";
import { Rule } from "./rule";
import { closest } from "./similarity";

export const unknownPerspective: Rule = {
  code: "unknown-perspective",
  defaultSeverity: "info",
  summary: "A heading is one or two edits away from a perspective name.",
  check({ scorecard, config, report }) {
    for (const heading of scorecard.otherHeadings) {
      const canonical = nearPerspective(heading, config.perspectives);
      if (!canonical) continue;
      report({
        range: heading.range,
        message: `'${heading.text}' is not a perspective. Did you mean '${canonical}'?`,
        fixes: [{ title: `Rename to '${canonical}'`, edits: [{ range: heading.range, newText: canonical }], preferred: true }],
      });
    }
  },
};

type Vocabulary = OkrConfig["perspectives"];

/**
 * The perspective a heading is near, for the vocabulary it was last looked up in. A heading is kept
 * while its section is, and every edit checks all of them again: looking each up again (its text
 * normalised, then compared with every name) was most of the rule's time.
 */
const near = new WeakMap<OtherHeading, { vocabulary: Vocabulary; canonical: string | undefined }>();

function nearPerspective(heading: OtherHeading, vocabulary: Vocabulary): string | undefined {
  let found = near.get(heading);
  if (found?.vocabulary !== vocabulary) near.set(heading, (found = { vocabulary, canonical: closestPerspective(heading.text, vocabulary) }));
  return found.canonical;
}

/** A vocabulary's names, normalised, each to the perspective it names. */
const namesOf = new WeakMap<Vocabulary, Map<string, string>>();

/** The perspective whose name the text is one or two edits away from (one when shorter than 8). */
function closestPerspective(heading: string, vocabulary: Vocabulary): string | undefined {
  let names = namesOf.get(vocabulary);
  if (!names) {
    names = new Map();
    for (const [canonical, synonyms] of Object.entries(vocabulary)) {
      for (const n of [canonical, ...synonyms]) names.set(normalisePerspective(n), canonical);
    }
    namesOf.set(vocabulary, names);
  }
  const text = normalisePerspective(heading);
  if (text.length < 4) return undefined;
  const within = text.length < 8 ? 1 : 2;
  const match = closest(text, names.keys(), within);
  if (!match || match.distance === 0 || match.distance > within) return undefined;
  return names.get(match.match);
}
