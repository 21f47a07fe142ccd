import { Position, Range, ResponseError, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import { DocumentStore } from "./documents";
import { fragmentRange, objectiveAt, referencesTo } from "./navigation";
import { slugify, toRangeLike } from "../engine";

const NEW_LABEL = /^O\s?\d+(?:\.\d+)*$/i;

/** The label under the cursor (heading label or link fragment), if it can be renamed. */
export function prepareRename(store: DocumentStore, uri: string, position: Position): { range: Range; placeholder: string } | null {
  const target = objectiveAt(store, uri, position);
  if (!target) return null;
  if (!target.objective.labelRange) throw new ResponseError(0, "Only an objective with a label (O1:, Objective 3:) can be renamed.");
  const lines = store.analysis(uri)!.scorecard.lines;
  const r = target.origin;
  return { range: toRangeLike(r), placeholder: lines.slice(r.startLine, r.startCharacter, r.endCharacter) };
}

/**
 * Renames an objective's label (`O3` → `O7`): the heading label, and every link to it in every file
 * (`#o3` stays lower case; a slug link `#o3-trains-on-time` becomes `#o7-trains-on-time`).
 */
export function rename(store: DocumentStore, uri: string, position: Position, newName: string, cancelled: () => boolean): WorkspaceEdit | null {
  const target = objectiveAt(store, uri, position);
  if (!target) return null;
  const { objective, scorecard } = target;
  if (!objective.labelRange) throw new ResponseError(0, "Only an objective with a label (O1:, Objective 3:) can be renamed.");
  const name = newName.trim().replace(/^#/, "");
  if (!NEW_LABEL.test(name)) throw new ResponseError(0, `'${newName}' is not an objective label: use O<number>, like O7.`);
  const newId = "O" + name.replace(/^O\s?/i, "");
  const clash = scorecard.objectives.find((o) => o !== objective && o.id.toLowerCase() === newId.toLowerCase());
  if (clash) throw new ResponseError(0, `${scorecard.title ?? "This scorecard"} already has an objective ${clash.id}.`);

  const lines = scorecard.lines;
  const heading = lines.line(objective.range.startLine);
  const labelText = lines.slice(objective.labelRange.startLine, objective.labelRange.startCharacter, objective.labelRange.endCharacter);
  const newLabel = /^objective/i.test(labelText) ? labelText.replace(/\d+(?:\.\d+)*/, newId.slice(1)) : labelText.startsWith("o") ? newId.toLowerCase() : newId;
  const oldSlugs = new Set([objective.slug, slugify(headingText(heading, objective.labelRange.startCharacter))]);
  const newHeading = heading.slice(0, objective.labelRange.startCharacter) + newLabel + heading.slice(objective.labelRange.endCharacter);
  const newSlug = slugify(headingText(newHeading, objective.labelRange.startCharacter));

  const changes: Record<string, TextEdit[]> = {};
  const add = (key: string, edit: TextEdit) => (changes[store.clientUri(key)] ??= []).push(edit);
  add(scorecard.uri, TextEdit.replace(toRangeLike(objective.labelRange), newLabel));
  for (const ref of referencesTo(store, objective, scorecard.uri, cancelled)) {
    const fragment = ref.site.link.fragment!.replace(/^#/, "");
    const range = fragmentRange(ref.site.link);
    if (!range) continue;
    let text: string;
    if (fragment.toLowerCase() === objective.id.toLowerCase()) text = fragment === fragment.toLowerCase() ? newId.toLowerCase() : newId;
    else if (oldSlugs.has(fragment.toLowerCase())) text = newSlug;
    else continue;
    add(ref.uri, TextEdit.replace(toRangeLike(range), text));
  }
  if (cancelled()) return null;
  return { changes };
}

/** A heading line's text (after the `#`s) for a label that starts at `labelStart`; table cells are the text. */
function headingText(line: string, labelStart: number): string {
  return line.slice(labelStart).replace(/\s+#+\s*$/, "").replace(/\s*\|.*$/, "").trim();
}

