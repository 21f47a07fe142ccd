import { EmbeddedActionsParser } from "chevrotain";
import * as B from "./blockTokens";
import { AttributeNode, BlockNode, HeadingNode, ListItemNode, ObjectiveNode, TableNode, TableRowNode } from "./blockTree";

/**
 * The block grammar (spec §1.2–1.4, §1.7) over the line tokens of one section (a heading and the
 * lines up to the next one; the front matter is read before):
 *
 *   section   := (objective | Heading | table | stray)*
 *   objective := ObjectiveHeading (Attribute | Paragraph)* (item | Paragraph | Attribute)*
 *   item      := ListItem NestedItem*
 *   table     := TableRow TableDelimiter TableRow*
 *
 * Markdown accepts any text, so this grammar never rejects a line: text that fits no construct is
 * prose. What it adds is structure: which attributes and items belong to which objective.
 */
class BlockParser extends EmbeddedActionsParser {
  constructor() {
    super(B.blockTokenTypes, { recoveryEnabled: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  section = this.RULE("section", (): BlockNode[] => {
    const blocks: BlockNode[] = [];
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const objective = this.SUBRULE(this.objective);
            this.ACTION(() => blocks.push(objective));
          },
        },
        {
          ALT: () => {
            const heading = this.CONSUME(B.Heading) as B.LineToken<HeadingNode>;
            this.ACTION(() => blocks.push(heading.node));
          },
        },
        {
          ALT: () => {
            const table = this.SUBRULE(this.table);
            this.ACTION(() => blocks.push(table));
          },
        },
        // Outside an objective, lists, attributes and paragraphs are prose.
        { ALT: () => this.SUBRULE(this.item) },
        { ALT: () => this.CONSUME(B.NestedItem) },
        { ALT: () => this.CONSUME(B.Attribute) },
        { ALT: () => this.CONSUME(B.Paragraph) },
        { ALT: () => this.CONSUME(B.TableDelimiter) },
      ]);
    });
    return blocks;
  });

  objective = this.RULE("objective", (): ObjectiveNode => {
    const heading = this.CONSUME(B.ObjectiveHeading) as B.LineToken<HeadingNode>;
    const attributes: AttributeNode[] = [];
    const items: ListItemNode[] = [];
    let endLine = heading.startOffset;
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const attribute = this.CONSUME(B.Attribute) as B.LineToken<AttributeNode>;
            this.ACTION(() => {
              endLine = attribute.startOffset;
              // Attributes belong to the objective only before its first list item (spec §1.3).
              if (items.length === 0) attributes.push(attribute.node);
            });
          },
        },
        { ALT: () => (endLine = this.CONSUME(B.Paragraph).startOffset) },
        {
          ALT: () => {
            const item = this.SUBRULE(this.item);
            this.ACTION(() => {
              items.push(item);
              endLine = item.endLine;
            });
          },
        },
      ]);
    });
    return { kind: "objective", heading: heading.node, attributes, items, endLine };
  });

  item = this.RULE("item", (): ListItemNode => {
    const token = this.CONSUME(B.ListItem) as B.LineToken<ListItemNode>;
    this.MANY(() => {
      const nested = this.CONSUME(B.NestedItem) as B.LineToken<ListItemNode>;
      this.ACTION(() => {
        // Only direct children matter (attributes, check-ins); deeper ones are notes.
        const item = token.node;
        if (item.children.length === 0 || nested.node.markerStart <= item.children[0].markerStart) item.children.push(nested.node);
        item.endLine = nested.startOffset;
      });
    });
    return token.node;
  });

  table = this.RULE("table", (): TableNode => {
    const header = this.CONSUME(B.TableRow) as B.LineToken<TableRowNode>;
    this.CONSUME(B.TableDelimiter);
    const rows: TableRowNode[] = [];
    this.MANY(() => {
      const row = this.CONSUME2(B.TableRow) as B.LineToken<TableRowNode>;
      this.ACTION(() => rows.push(row.node));
    });
    return { kind: "table", header: header.node, rows };
  });
}

const parser = new BlockParser();

export function parseBlocks(tokens: B.LineToken[]): BlockNode[] {
  parser.input = tokens;
  return parser.section() ?? [];
}
