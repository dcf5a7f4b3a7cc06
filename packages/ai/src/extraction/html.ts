// HTML through htmlparser2: the text of block elements becomes paragraphs (h1–h6
// headings with their level, li list items), tables become cells (th: column
// headers). `content` is the document's text, written by LayoutBuilder, so spans
// are exact; markup, scripts and styles are left out.
import { Parser } from 'htmlparser2';
import { LayoutBuilder, type CellInput } from './layout-builder.ts';
import type { ExtractedLayout } from './ports.ts';

const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'blockquote',
  'pre',
  'address',
  'figure',
  'figcaption',
  'dd',
  'dt',
  'dl',
  'ul',
  'ol',
  'li',
  'form',
  'fieldset',
  'hr',
  'body',
  'caption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
]);
const SKIP = new Set(['script', 'style', 'head', 'template', 'noscript', 'svg']);

export interface HtmlOptions {
  model?: string;
  /** Added to every heading's level (DOCX: its Title style is h1, Heading 1 is h2). */
  headingShift?: number;
}

export function extractHtml(html: string, options: HtmlOptions = {}): ExtractedLayout {
  const b = new LayoutBuilder();
  let text = '';
  let skip = 0;
  let pre = 0;
  let headingLevel = 0;
  let listDepth = 0;
  let inItem = 0;
  // Tables, innermost last: rows of cells; text inside a cell goes to the cell.
  const tables: { rows: CellInput[][]; cell: CellInput | null }[] = [];

  const flush = () => {
    const t = tables[tables.length - 1];
    if (t?.cell) return; // cell text keeps accumulating
    if (!text.trim()) {
      text = '';
      return;
    }
    if (headingLevel) b.heading(text, headingLevel + (options.headingShift ?? 0));
    else b.paragraph(text, inItem ? 'listItem' : null);
    text = '';
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) {
          skip++;
          return;
        }
        if (skip) return;
        const t = tables[tables.length - 1];
        if (name === 'table') {
          flush();
          if (t?.cell) return; // a nested table reads as text of its cell
          tables.push({ rows: [], cell: null });
          return;
        }
        if (t && !t.cell) {
          if (name === 'tr') t.rows.push([]);
          else if (name === 'td' || name === 'th') {
            if (t.rows.length === 0) t.rows.push([]);
            t.cell = {
              text: '',
              kind: name === 'th' ? 'columnHeader' : 'content',
              rowSpan: Math.max(1, Number(attrs.rowspan) || 1),
              columnSpan: Math.max(1, Number(attrs.colspan) || 1),
            };
          }
          return;
        }
        if (t?.cell) {
          if (BLOCKS.has(name) || name === 'br') t.cell.text += ' ';
          return;
        }
        if (name === 'br') {
          text += '\n';
          return;
        }
        if (BLOCKS.has(name)) flush();
        if (/^h[1-6]$/.test(name)) headingLevel = Number(name[1]);
        if (name === 'pre') pre++;
        if (name === 'ul' || name === 'ol') listDepth++;
        if (name === 'li') inItem++;
      },
      ontext(data) {
        if (skip) return;
        const t = tables[tables.length - 1];
        if (t?.cell) t.cell.text += data;
        else if (t)
          return; // text between rows
        else text += pre ? data : data.replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        if (SKIP.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip) return;
        const t = tables[tables.length - 1];
        if (t) {
          if ((name === 'td' || name === 'th') && t.cell) {
            t.rows[t.rows.length - 1]!.push(t.cell);
            t.cell = null;
          } else if (name === 'table' && !t.cell) {
            tables.pop();
            const rows = t.rows.filter((r) => r.length);
            // A first row of header cells only, or the first row when the table marks no headers at all, is the header.
            b.table(rows);
          } else if (t.cell && BLOCKS.has(name)) t.cell.text += ' ';
          return;
        }
        if (BLOCKS.has(name)) flush();
        if (/^h[1-6]$/.test(name)) headingLevel = 0;
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (name === 'ul' || name === 'ol') listDepth = Math.max(0, listDepth - 1);
        if (name === 'li') inItem = Math.max(0, inItem - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return b.build(options.model ?? 'local-html');
}
