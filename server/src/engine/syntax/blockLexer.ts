import { LineIndex } from "../text/lines";
import { AttributeNode, CommentNode, FrontMatterNode, HeadingNode, ListItemNode, TableRowNode, TableCell } from "./blockTree";
import * as B from "./blockTokens";
import { Char, isAsciiLetter, isDigit } from "./chars";

/** The line tokens of one section: a heading and the lines up to the next heading. */
export interface SectionLex {
  tokens: B.LineToken[];
  comments: CommentNode[];
  errors: BlockError[];
  /** The line after the section: the next heading, or the line count. */
  end: number;
  /** False when an unclosed `<!--` was looked for past the section: its reading depends on later text. */
  selfContained: boolean;
}

export interface BlockError {
  line: number;
  start: number;
  end: number;
  message: string;
}

export const OBJECTIVE_LABEL = /^(O\s?\d+(?:\.\d+)*|Objective(?:\s+\d+(?:\.\d+)*)?)\s*(?::|\.(?!\d)|\s[-–—](?=\s|$))\s*/i;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^([-*])(\s*\1){2,}\s*$/;
/** One character of `\s`; a literal in a loop would make a RegExp object on every turn. */
const WHITESPACE = /\s/;

/** Index of the first character that is not a space or a tab. */
function indentEnd(text: string): number {
  let index = 0;
  while (index < text.length && isBlank(text.charCodeAt(index))) index++;
  return index;
}

/** The column the indent up to `index` reaches, tabs to the next multiple of 4 (CommonMark). */
function columnAt(text: string, index: number): number {
  let column = 0;
  for (let i = 0; i < index; i++) column = text.charCodeAt(i) === Char.Tab ? column + 4 - (column % 4) : column + 1;
  return column;
}

function isBlank(c: number): boolean {
  return c === Char.Space || c === Char.Tab;
}

/** `[\w-]`: a letter, digit, `_` or `-`. */
function isKeyPart(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === Char.Underscore || c === Char.Minus;
}

/**
 * `key: value` at `start`, within the text up to `end` (an attribute line, or the text of a list item under a key result): a key
 * of `[A-Za-z][\w-]*`, blanks, and a colon followed by a blank or the end. Returns where the key
 * ends, or -1 when the text there is no attribute; `attributeValueStart` then finds the value.
 */
export function attributeKeyEnd(text: string, start: number, end = text.length): number {
  if (start >= end || !isAsciiLetter(text.charCodeAt(start))) return -1;
  let keyEnd = start + 1;
  while (keyEnd < end && isKeyPart(text.charCodeAt(keyEnd))) keyEnd++;
  let colon = keyEnd;
  while (colon < end && isBlank(text.charCodeAt(colon))) colon++;
  if (colon === end || text.charCodeAt(colon) !== Char.Colon) return -1;
  return colon + 1 === end || isBlank(text.charCodeAt(colon + 1)) ? keyEnd : -1;
}

/** Where the value of an attribute whose key ends at `keyEnd` starts: past the colon and the blanks around it. */
export function attributeValueStart(text: string, keyEnd: number, end = text.length): number {
  let i = keyEnd;
  while (isBlank(text.charCodeAt(i))) i++;
  i++; // the colon
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** Whether a line is an ATX heading (when not inside code or a comment): where a section starts. */
export function isHeadingLine(text: string): boolean {
  const index = indentEnd(text);
  return columnAt(text, index) < 4 && text.charCodeAt(index) === Char.Hash && readHeading(text, index, 0) !== undefined;
}

/**
 * Front matter: a `---` first line up to the closing `---`. Read before the sections: its extent can
 * depend on any later line.
 */
export function lexFrontMatter(lines: LineIndex): { node?: FrontMatterNode; error?: BlockError } {
  if (lines.line(0).slice(lines.contentStart(0)).trimEnd() !== "---") return {};
  const node = readFrontMatter(lines);
  const error = node.closed ? undefined : { line: 0, start: 0, end: lines.lineLength(0), message: "The front matter opened here is never closed with a '---' line." };
  return { node, error };
}

/**
 * Lexes one section into line tokens for the block parser: from `start` (a heading, or the first
 * line after the front matter) up to the next heading. Fenced code and HTML comments are consumed
 * here; everything else becomes one token per non-blank line. A heading resets every state the
 * lexer keeps, so a section's tokens depend on its own text only: that is what lets an unchanged
 * section be reused after an edit elsewhere (model/sections.ts).
 */
export function lexSection(lines: LineIndex, start: number): SectionLex {
  const tokens: B.LineToken[] = [];
  const comments: CommentNode[] = [];
  const errors: BlockError[] = [];
  const count = lines.lineCount;

  /** Marker columns of the open list items, outermost first. */
  const listStack: number[] = [];
  let previousBlank = true;
  let selfContained = true;

  for (let line = start; line < count; line++) {
    const text = lines.line(line);
    const index = indentEnd(text);
    if (index === text.length) {
      previousBlank = true;
      continue;
    }
    const column = columnAt(text, index);
    const first = text.charCodeAt(index);
    const wasBlank = previousBlank;
    previousBlank = false;

    if (column < 4 && (first === 96 || first === 126)) {
      const fence = FENCE.exec(text);
      if (fence) {
        line = skipFence(lines, line, fence[1], errors);
        listStack.length = 0;
        continue;
      }
    }
    if (first === Char.Less && text.startsWith("<!--", index)) {
      const close = skipComment(lines, line, index, comments);
      if (close >= 0) {
        line = close;
        continue;
      }
      selfContained = false;
    }
    if (column >= 4 && listStack.length === 0) continue; // indented code block

    if (first === Char.Hash && column < 4) {
      const heading = readHeading(text, index, line);
      if (heading) {
        if (line > start) return { tokens, comments, errors, end: line, selfContained };
        listStack.length = 0;
        const title = text.slice(heading.textStart, heading.textEnd);
        tokens.push(B.lineToken(OBJECTIVE_LABEL.test(title) ? B.ObjectiveHeading : B.Heading, line, heading));
        continue;
      }
    }

    const item = readListItem(text, index, line);
    if (item) {
      while (listStack.length > 0 && column <= listStack[listStack.length - 1]) listStack.pop();
      const depth = listStack.length;
      listStack.push(column);
      tokens.push(B.lineToken(depth === 0 ? B.ListItem : B.NestedItem, line, item));
      continue;
    }

    if (text.indexOf("|", index) >= 0 && column < 4) {
      const next = line + 1 < count ? lines.line(line + 1) : "";
      if (TABLE_DELIMITER.test(next) && next.includes("-")) {
        listStack.length = 0;
        line = readTable(lines, line, tokens);
        continue;
      }
    }

    if (listStack.length > 0 && column > 0 && !wasBlank) continue; // continuation of a list item
    if (listStack.length > 0 && (column === 0 || wasBlank) && column <= listStack[0]) listStack.length = 0;
    if (listStack.length > 0) continue;

    const attribute = column < 4 ? readAttribute(text, index, line) : undefined;
    tokens.push(attribute ? B.lineToken(B.Attribute, line, attribute) : B.lineToken(B.Paragraph, line, undefined));
  }
  return { tokens, comments, errors, end: count, selfContained };
}

function readFrontMatter(lines: LineIndex): FrontMatterNode {
  for (let line = 1; line < lines.lineCount; line++) {
    const t = lines.line(line).trimEnd();
    if (t === "---" || t === "...") return { startLine: 0, endLine: line, closed: true };
  }
  // Never closed: assume it ends before the first heading, so the rest of the file still reads.
  let end = 0;
  while (end + 1 < lines.lineCount && !lines.line(end + 1).startsWith("#")) end++;
  return { startLine: 0, endLine: end, closed: false };
}

function skipFence(lines: LineIndex, start: number, fence: string, errors: BlockError[]): number {
  const marker = fence[0];
  for (let line = start + 1; line < lines.lineCount; line++) {
    const t = lines.line(line).trimStart();
    if (t.startsWith(fence) && t.slice(fence.length).replace(new RegExp(`\\${marker}`, "g"), "").trim() === "") return line;
  }
  errors.push({ line: start, start: 0, end: lines.line(start).length, message: `The code block opened here is never closed with '${fence}'; the rest of the file is read as code.` });
  return lines.lineCount - 1;
}

function skipComment(lines: LineIndex, start: number, index: number, comments: CommentNode[]): number {
  for (let line = start; line < lines.lineCount; line++) {
    const close = lines.line(line).indexOf("-->", line === start ? index + 4 : 0);
    if (close >= 0) {
      const text = line === start ? lines.line(line).slice(index + 4, close) : lines.line(start).slice(index + 4);
      comments.push({ line: start, text: text.trim() });
      return line;
    }
  }
  return -1;
}

function readHeading(text: string, index: number, line: number): HeadingNode | undefined {
  let level = 0;
  while (level < 7 && text.charCodeAt(index + level) === Char.Hash) level++;
  if (level > 6) return undefined;
  const after = text.charCodeAt(index + level);
  if (index + level < text.length && !isBlank(after)) return undefined;
  let textStart = index + level;
  while (textStart < text.length && isBlank(text.charCodeAt(textStart))) textStart++;
  let textEnd = text.length;
  while (textEnd > textStart && WHITESPACE.test(text[textEnd - 1])) textEnd--;
  // A closing sequence of #s (`## Title ##`) is not part of the text.
  let hashes = textEnd;
  while (hashes > textStart && text.charCodeAt(hashes - 1) === Char.Hash) hashes--;
  if (hashes < textEnd && (hashes === textStart || WHITESPACE.test(text[hashes - 1]))) {
    textEnd = hashes;
    while (textEnd > textStart && WHITESPACE.test(text[textEnd - 1])) textEnd--;
  }
  return { kind: "heading", line, level, textStart, textEnd };
}

function readListItem(text: string, index: number, line: number): ListItemNode | undefined {
  const first = text.charCodeAt(index);
  let after: number;
  if (first === Char.Minus || first === Char.Star || first === Char.Plus) {
    after = index + 1;
  } else if (isDigit(first)) {
    let i = index;
    while (i < text.length && i - index < 9 && isDigit(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (c !== Char.Dot && c !== Char.RParen) return undefined;
    after = i + 1;
  } else {
    return undefined;
  }
  if (after < text.length && !isBlank(text.charCodeAt(after))) return undefined;
  // `---`/`***` is a thematic break, not an item.
  if (first !== Char.Plus && isThematicBreak(text, index, after)) return undefined;
  let textStart = after;
  while (textStart < text.length && isBlank(text.charCodeAt(textStart))) textStart++;
  const item: ListItemNode = { line, lineText: text, markerStart: index, textStart, textEnd: text.trimEnd().length, children: [], endLine: line };
  if (text.charCodeAt(textStart) === Char.LeftBracket && text.charCodeAt(textStart + 2) === Char.RightBracket) {
    const mark = text[textStart + 1];
    const next = text.charCodeAt(textStart + 3);
    if ((mark === " " || mark === "x" || mark === "X") && (textStart + 3 >= text.length || isBlank(next))) {
      item.checked = mark !== " ";
      item.checkboxStart = textStart;
      textStart += 3;
      while (textStart < text.length && text.charCodeAt(textStart) === Char.Space) textStart++;
      item.textStart = textStart;
    }
  }
  // An empty item (`- `, `- [ ] ` while typing) has empty text at its end, never an inverted range.
  item.textStart = Math.min(item.textStart, text.length);
  item.textEnd = Math.max(item.textEnd, item.textStart);
  return item;
}

/** `---`, `* * *`: a marker at `index` repeated at least three times, with nothing but blanks between. */
function isThematicBreak(text: string, index: number, after: number): boolean {
  let next = after;
  while (next < text.length && WHITESPACE.test(text[next])) next++;
  // Most items have text after their marker: the pattern is tried only when the marker comes again.
  return text.charCodeAt(next) === text.charCodeAt(index) && THEMATIC_BREAK.test(text.slice(index));
}

function readAttribute(text: string, index: number, line: number): AttributeNode | undefined {
  const keyEnd = attributeKeyEnd(text, index);
  if (keyEnd < 0) return undefined;
  // The value's start is looked for before its end: `weight: ` (blanks only) is an empty value at the end, not one that ends before it starts.
  const valueEnd = text.trimEnd().length;
  return { line, lineText: text, key: text.slice(index, keyEnd), keyStart: index, valueStart: attributeValueStart(text, keyEnd, valueEnd), valueEnd };
}

function readTable(lines: LineIndex, start: number, tokens: B.LineToken[]): number {
  tokens.push(B.lineToken(B.TableRow, start, readRow(lines.line(start), start)));
  tokens.push(B.lineToken(B.TableDelimiter, start + 1, undefined));
  let line = start + 2;
  for (; line < lines.lineCount; line++) {
    const text = lines.line(line);
    if (text.trim() === "" || !text.includes("|")) break;
    tokens.push(B.lineToken(B.TableRow, line, readRow(text, line)));
  }
  return line - 1;
}

/** Splits a table row on unescaped pipes; the outer pipes are optional. */
function readRow(text: string, line: number): TableRowNode {
  const cells: TableCell[] = [];
  let start = 0;
  let end = text.length;
  while (start < end && WHITESPACE.test(text[start])) start++;
  while (end > start && WHITESPACE.test(text[end - 1])) end--;
  if (text[start] === "|") start++;
  if (end > start && text[end - 1] === "|" && text[end - 2] !== "\\") end--;
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || (text[i] === "|" && text[i - 1] !== "\\")) {
      let s = cellStart;
      let e = i;
      while (s < e && WHITESPACE.test(text[s])) s++;
      while (e > s && WHITESPACE.test(text[e - 1])) e--;
      cells.push({ text: text.slice(s, e).replace(/\\\|/g, "|"), start: s, end: e });
      cellStart = i + 1;
    }
  }
  return { line, cells };
}
