import { Location, Position } from "vscode-languageserver";
import { toRangeLike } from "../engine";
import { DocumentStore } from "./documents";
import { objectiveNameRange } from "./model";
import { objectiveAt, referencesTo } from "./navigation";

/** The objective's heading and every link to it, in every file of the workspace. */
export function references(store: DocumentStore, uri: string, position: Position, includeDeclaration: boolean, cancelled: () => boolean): Location[] {
  const target = objectiveAt(store, uri, position);
  if (!target) return [];
  const locations: Location[] = [];
  if (includeDeclaration) locations.push(Location.create(store.clientUri(target.scorecard.uri), toRangeLike(objectiveNameRange(target.objective))));
  for (const ref of referencesTo(store, target.objective, target.scorecard.uri, cancelled)) locations.push(Location.create(store.clientUri(ref.uri), toRangeLike(ref.range)));
  return locations;
}
