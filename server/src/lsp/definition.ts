import { Location, LocationLink, Position } from "vscode-languageserver";
import { startOf, toRangeLike } from "../engine";
import { DocumentStore } from "./documents";
import { objectiveAt } from "./navigation";
import { objectiveNameRange } from "./model";

/** From an `aligns` / `supports` / `parent` link to the objective heading it names. */
export function definition(store: DocumentStore, uri: string, position: Position): LocationLink[] | Location[] {
  const target = objectiveAt(store, uri, position);
  if (!target) return [];
  const o = target.objective;
  const targetUri = store.clientUri(target.scorecard.uri);
  if (!target.site) return [Location.create(targetUri, toRangeLike(objectiveNameRange(o)))];
  return [
    {
      originSelectionRange: toRangeLike(target.site.link.range),
      targetUri,
      targetRange: { start: startOf(o.range), end: { line: Math.max(o.endLine, o.range.endLine), character: o.endLine > o.range.endLine ? 0 : o.range.endCharacter } },
      targetSelectionRange: toRangeLike(objectiveNameRange(o)),
    },
  ];
}
