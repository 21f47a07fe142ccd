import { OkrConfig, Severity } from "../config/config";
import { LinkRef, Objective, Scorecard } from "../model/scorecard";
import { Range } from "../text/positions";

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A quick fix: edits to the checked document only. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix an editor should offer first (and `fixAll` applies). */
  preferred?: boolean;
}

export interface RelatedInformation {
  uri: string;
  range: Range;
  message: string;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedInformation[];
  fixes?: Fix[];
}

export interface Report {
  range: Range;
  message: string;
  /** A softer tier of the rule (`too-many-objectives` is info above 10, warning above 15). Ignored once the user sets a severity. */
  severity?: Severity;
  fixes?: Fix[];
  related?: RelatedInformation[];
}

/** What a link points at, as far as the workspace knows. */
export type LinkTarget =
  | { kind: "objective"; objective: Objective; scorecard: Scorecard }
  | { kind: "file"; scorecard: Scorecard }
  | { kind: "missing-file"; uri: string }
  | { kind: "missing-objective"; scorecard: Scorecard }
  /** The file exists but is not part of the analysed set (outside the workspace): not checked. */
  | { kind: "unknown" };

export interface WorkspaceQuery {
  resolve(link: LinkRef, from: Scorecard): LinkTarget;
  /**
   * What a document's links point at, as a token: the same object while each of its links resolves
   * as it did (the ids and slugs they were resolved by are the same, no other document changed).
   */
  targets(scorecard: Scorecard): object;
  /** A document's objectives that share their id with another, grouped by id, each group in document order. */
  objectivesSharingIds(scorecard: Scorecard): Iterable<readonly Objective[]>;
}

export interface RuleContext {
  scorecard: Scorecard;
  config: OkrConfig;
  workspace: WorkspaceQuery;
  report(report: Report): void;
}

/**
 * One rule: a stable kebab-case code, a default severity, a doc page at docs/rules/<code>.md. It
 * checks the whole document, each objective, each objective's links, or several of these.
 */
export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line for the rules table, the SARIF rule and the JSON schema. */
  summary: string;
  /** Checks what spans objectives: counts, perspectives, links, the front matter. */
  check?(context: RuleContext): void;
  /**
   * Checks one objective. What it reports may depend only on that objective and on the document's
   * settings (framework, period, today, configuration): it is kept with the objective's section and
   * reused while the section's text does not change.
   */
  checkObjective?(objective: Objective, context: RuleContext): void;
  /**
   * Checks one objective's links. What it reports may depend only on the objective, the document's
   * settings and what the links point at (`workspace.resolve`), and must lie in the objective's
   * section: it is kept while `workspace.targets` stays the same, and an edit checks again only the
   * links of the sections it touched.
   */
  checkLinks?(objective: Objective, context: RuleContext): void;
}
