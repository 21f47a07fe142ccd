/** What the inline parser reads out of one short text. Offsets are into that text. */

export interface Span {
  start: number;
  end: number;
}

export interface NumberNode extends Span {
  amount: number;
  raw: string;
  currency?: string;
  percent: boolean;
  unit?: string;
}

export type DateNode = Span &
  (
    | { kind: "iso"; text: string }
    | { kind: "quarter"; quarter: number; half: boolean; year?: number }
    | { kind: "month"; month: number; day?: number; year?: number }
    | { kind: "year"; year: number }
  );

export type Direction = "up" | "down";

export interface OwnerNode extends Span {
  name: string;
}

export interface InlineError extends Span {
  message: string;
}

export interface MetricPhrase {
  baseline?: NumberNode;
  target?: NumberNode;
  /** Direction stated by the phrase itself (`≥`, `under`…), as opposed to derived from numbers. */
  stated?: Direction;
  /** `by 10%` after a verb: a change relative to the baseline. */
  relative?: NumberNode;
  /** `increase`, `reduce`…: the direction the verb implies. */
  verb?: Direction;
  deadline?: DateNode;
  current?: NumberNode;
  owners: OwnerNode[];
  /** Numbers that belong to no phrase ("Onboard 50 partners"). */
  bare: NumberNode[];
  errors: InlineError[];
}
