/**
 * The block structure of a document, one node per recognised line or group of lines. Columns are
 * UTF-16 offsets within the line (`LineIndex.line(line)`).
 */

export interface FrontMatterNode {
  /** Line of the opening `---`. */
  startLine: number;
  /** Line of the closing `---`, or the last line read when it is never closed. */
  endLine: number;
  closed: boolean;
}

export interface HeadingNode {
  kind: "heading";
  line: number;
  level: number;
  textStart: number;
  textEnd: number;
}

/** `key: value` — an objective attribute, or (inside a list item) a KR attribute. */
export interface AttributeNode {
  line: number;
  /** The line's text, as the lexer cut it. */
  lineText: string;
  key: string;
  keyStart: number;
  valueStart: number;
  valueEnd: number;
}

export interface ListItemNode {
  line: number;
  /** The line's text, as the lexer cut it: the model reads the item from it without cutting it again. */
  lineText: string;
  /** Column of the marker (`-`, `*`, `+`, `1.`). */
  markerStart: number;
  /** Where the item's text starts, after the marker and any checkbox. */
  textStart: number;
  textEnd: number;
  /** `[ ]` → false, `[x]` → true, no checkbox → undefined. */
  checked?: boolean;
  checkboxStart?: number;
  /** Items nested one level deeper (attributes, check-ins, notes). */
  children: ListItemNode[];
  /** Last line of the item, nested items included. */
  endLine: number;
}

export interface ObjectiveNode {
  kind: "objective";
  heading: HeadingNode;
  attributes: AttributeNode[];
  items: ListItemNode[];
  endLine: number;
}

export interface TableCell {
  text: string;
  start: number;
  end: number;
}

export interface TableRowNode {
  line: number;
  cells: TableCell[];
}

export interface TableNode {
  kind: "table";
  header: TableRowNode;
  rows: TableRowNode[];
}

export type BlockNode = HeadingNode | ObjectiveNode | TableNode;

/** An HTML comment line such as `<!-- okr-disable-next-line missing-owner -->`. */
export interface CommentNode {
  line: number;
  text: string;
}
