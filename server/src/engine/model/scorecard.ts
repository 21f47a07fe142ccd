import { LineIndex } from "../text/lines";
import { Range } from "../text/positions";
import { CommentNode } from "../syntax/blockTree";
import { Direction } from "../syntax/inlineTree";
import { Day, Period } from "./dates";
import { FRAMEWORKS, INDICATOR_TYPES, OBJECTIVE_TYPES } from "./attributeKeys";
import { Section } from "./sections";
import { Value } from "./values";

/** The semantic model of one `.okr.md` file: scorecard → perspectives → objectives → key results. */

export type Framework = (typeof FRAMEWORKS)[number];
export type ObjectiveType = (typeof OBJECTIVE_TYPES)[number];
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export type Status = "on-track" | "at-risk" | "off-track";

export interface Attribute {
  key: string;
  value: string;
  keyRange: Range;
  valueRange: Range;
}

export interface FrontMatterEntry {
  key: string;
  value: unknown;
  keyRange: Range;
  valueRange: Range;
  /** The entries of a map value (`rules:`, `limits:`). */
  children?: FrontMatterEntry[];
}

export interface FrontMatter {
  range: Range;
  entries: FrontMatterEntry[];
}

/** A date as written (`by Q1`, `due: 2027-03-31`), with the day it resolves to in the period. */
export interface DateRef {
  text: string;
  day?: Day;
  range: Range;
}

export interface OwnerRef {
  /** Without quotes or `@`: `"@dana"` → `dana`. */
  name: string;
  range: Range;
}

/** An `aligns`, `supports` or `parent` reference: `[text](path#id)`, `path#id`, `#id` or `O3`. */
export interface LinkRef {
  text: string;
  /** The file part, as written; undefined for a link within the same file. */
  path?: string;
  /** The objective part (`o2`, `o1-grow-revenue`), undefined for a link to a whole file. */
  fragment?: string;
  range: Range;
}

export interface CheckIn {
  day: Day;
  value: Value;
  note: string;
  range: Range;
}

export interface Item {
  kind: "initiative" | "indicator";
  text: string;
  range: Range;
}

export interface Grading {
  /** The grade in [0, 1], or null when it cannot be computed (no current value, no target…). */
  grade: number | null;
  /** Share of the period elapsed at `today` (0–1), when the period is known. */
  expected?: number;
  status?: Status;
}

export interface Forecast {
  value: number;
  grade: number;
  day: Day;
}

export interface KeyResult extends Grading {
  /** The label as written (`KR1`, `KR 2.1`, `Measure`), if any. */
  label?: string;
  /** Stable id within the objective: the label's `KRn`, else `KR` + position. */
  id: string;
  labelRange?: Range;
  text: string;
  textRange: Range;
  /** The whole list item line. */
  range: Range;
  binary: boolean;
  checked?: boolean;
  baseline?: Value;
  target?: Value;
  direction: Direction;
  /** `by 10%`: the change the target is relative to the baseline. */
  relative?: Value;
  deadline?: DateRef;
  current?: Value;
  owner?: OwnerRef;
  confidence?: number;
  weight: number;
  score?: number;
  indicator?: IndicatorType;
  unit?: string;
  attributes: Attribute[];
  checkIns: CheckIn[];
  /** Whether the text holds any number at all (spec: unmeasurable-key-result). */
  hasNumber: boolean;
  forecast?: Forecast;
  objective: Objective;
}

export interface Objective extends Grading {
  /** Normalised label (`O1`); for `Objective:` without a number, `O` + position in the file. */
  id: string;
  label?: string;
  labelRange?: Range;
  title: string;
  titleRange: Range;
  /** The heading line (or table row). */
  range: Range;
  /** GitHub's heading slug, also a valid link target. */
  slug: string;
  level: number;
  source: "heading" | "table";
  perspective?: Perspective;
  attributes: Attribute[];
  owner?: OwnerRef;
  type: ObjectiveType;
  weight: number;
  due?: DateRef;
  aligns: LinkRef[];
  supports: LinkRef[];
  keyResults: KeyResult[];
  initiatives: Item[];
  indicators: Item[];
  /** Last line of the objective's section. */
  endLine: number;
}

export interface Perspective extends Grading {
  /** Canonical name (`Learning & Growth`), or the heading text for a custom perspective. */
  name: string;
  headingText: string;
  range: Range;
  nameRange: Range;
  level: number;
  objectives: Objective[];
  /** Last line of the section; for table-only perspectives, the last row. */
  endLine: number;
}

/** Something the model builder could not read: becomes `parse-error` or `invalid-value`. */
export interface ReadProblem {
  code: "parse-error" | "invalid-value";
  message: string;
  range: Range;
}

/** A heading that is neither a perspective, an objective nor the title (spec: free prose). */
export interface OtherHeading {
  text: string;
  range: Range;
  level: number;
}

export interface Scorecard extends Grading {
  uri: string;
  lines: LineIndex;
  title?: string;
  titleRange?: Range;
  frontMatter?: FrontMatter;
  framework: Framework;
  period?: Period;
  today: Day;
  /** The front matter `owner`, bare like OwnerRef names. */
  owner?: string;
  parent?: LinkRef;
  perspectives: Perspective[];
  objectives: Objective[];
  otherHeadings: OtherHeading[];
  comments: CommentNode[];
  problems: ReadProblem[];
  /** The sections, in order; a later version of the document reuses those it did not change. */
  sections: Section[];
  /** The settings sections are read with (configuration, date, period): sections are reused only under the same. */
  sectionContext: string;
}
