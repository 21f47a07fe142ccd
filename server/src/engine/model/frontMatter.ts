import { isMap, isScalar, LineCounter, parseDocument, YAMLMap } from "yaml";
import { LineIndex } from "../text/lines";
import { Range, range } from "../text/positions";
import { FrontMatterNode } from "../syntax/blockTree";
import { FrontMatter, FrontMatterEntry, ReadProblem } from "./scorecard";

/** Reads the YAML between the `---` lines, with the document range of every key and value. */
export function readFrontMatter(lines: LineIndex, node: FrontMatterNode, problems: ReadProblem[]): FrontMatter {
  const first = node.startLine + 1;
  const last = node.closed ? node.endLine - 1 : node.endLine;
  const yamlText = Array.from({ length: last - first + 1 }, (_, i) => lines.line(first + i)).join("\n");
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  // YAML reports some errors past the end of its text (an unclosed quote): clamp into the document.
  const position = (offset: number) => {
    const p = counter.linePos(Math.min(offset, yamlText.length));
    const line = Math.min(first + p.line - 1, last);
    return { line, character: Math.min(p.col - 1, lines.lineLength(line)) };
  };
  const toRange = (start: number, end: number): Range => {
    const s = position(start);
    const e = position(Math.max(start, end));
    return range(s.line, s.character, e.line, e.character);
  };
  for (const error of doc.errors) {
    problems.push({ code: "parse-error", message: `Front matter is not valid YAML: ${firstSentence(error.message)}`, range: toRange(error.pos[0], error.pos[1]) });
  }
  const entriesOf = (map: YAMLMap<unknown, unknown>): FrontMatterEntry[] => {
    const entries: FrontMatterEntry[] = [];
    for (const pair of map.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const keyRange = toRange(pair.key.range[0], pair.key.range[1]);
      const valueNode = pair.value as { range?: [number, number, number]; toJSON?: () => unknown } | null;
      const valueRange = valueNode?.range ? toRange(valueNode.range[0], valueNode.range[1]) : keyRange;
      const value = valueNode && typeof valueNode.toJSON === "function" ? valueNode.toJSON() : (valueNode ?? null);
      const children = isMap(pair.value) ? entriesOf(pair.value) : undefined;
      entries.push({ key: String(pair.key.value), value, keyRange, valueRange, children });
    }
    return entries;
  };
  const entries = isMap(doc.contents) ? entriesOf(doc.contents) : [];
  if (!isMap(doc.contents) && doc.contents && !doc.errors.length) {
    problems.push({ code: "invalid-value", message: "Front matter should be a list of `key: value` lines.", range: range(first, 0, last, last < lines.lineCount ? lines.lineLength(last) : 0) });
  }
  const endLine = node.endLine;
  return { range: range(node.startLine, 0, endLine, lines.lineLength(endLine)), entries };
}

function firstSentence(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
