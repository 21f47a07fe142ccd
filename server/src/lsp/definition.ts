import { Location, LocationLink, Position } from "vscode-languageserver";
import { DocumentStore } from "./documents";
import { objectiveAt } from "./navigation";
import { objectiveNameRange } from "./model";

/** From an `aligns` / `supports` / `parent` link to the objective heading it names. */
export function definition(store: DocumentStore, uri: string, position: Position): LocationLink[] | Location[] {
  const target = objectiveAt(store, uri, position);
  if (!target) return [];
  const o = target.objective;
  const targetUri = store.clientUri(target.scorecard.uri);
  if (!target.site) return [Location.create(targetUri, objectiveNameRange(o))];
  return [
    {
      originSelectionRange: target.site.link.range,
      targetUri,
      targetRange: { start: o.range.start, end: { line: Math.max(o.endLine, o.range.end.line), character: o.endLine > o.range.end.line ? 0 : o.range.end.character } },
      targetSelectionRange: objectiveNameRange(o),
    },
  ];
}
