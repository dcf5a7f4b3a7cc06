// Test documents written by real libraries: PDFs with pdf-lib (text with font
// sizes, several pages, or a page that is only an image, as a scan is) and DOCX
// files with docx (Title and Heading styles, lists, tables); plain PNGs with node:zlib.
import { crc32, deflateSync } from 'node:zlib';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export type SampleBlock = { heading: string; level: 0 | 1 | 2 | 3 } | { paragraph: string } | { bullets: string[] } | { table: string[][] };

export interface SamplePdfPage {
  /** Lines, top to bottom; `size` in points (default 11), `gapBefore` in points. */
  lines: { text: string; size?: number; gapBefore?: number }[];
}

/** A PDF with one text page per entry (Letter size, Helvetica, 72 pt margins), then optionally a scanned page. */
export async function makePdf(pages: SamplePdfPage[], scan?: { png: Uint8Array; width: number; height: number }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const spec of pages) {
    const page = pdf.addPage([612, 792]);
    let y = 792 - 72;
    for (const line of spec.lines) {
      const size = line.size ?? 11;
      y -= (line.gapBefore ?? 0) + size * 1.25;
      page.drawText(line.text, { x: 72, y, size, font: size > 12 ? bold : font });
    }
  }
  if (scan) {
    const image = await pdf.embedPng(scan.png);
    pdf.addPage([scan.width, scan.height]).drawImage(image, { x: 0, y: 0, width: scan.width, height: scan.height });
  }
  return pdf.save();
}

/** A PDF whose only page is the given PNG filling the page (size in points), with no text layer, as a scan is. */
export function makeScannedPdf(
  png: Uint8Array,
  page: { width: number; height: number } = { width: 612, height: 204 },
): Promise<Uint8Array> {
  return makePdf([], { png, ...page });
}

/** Lays blocks out as PDF lines (headings larger), wrapping paragraphs at about `width` characters, `linesPerPage` to a page. */
export function pdfPagesFrom(blocks: SampleBlock[], linesPerPage = 40, width = 90): SamplePdfPage[] {
  const lines: SamplePdfPage['lines'] = [];
  const wrap = (text: string) => {
    const out: string[] = [];
    let cur = '';
    for (const w of text.split(/\s+/)) {
      if (cur && cur.length + 1 + w.length > width) {
        out.push(cur);
        cur = w;
      } else cur = cur ? `${cur} ${w}` : w;
    }
    if (cur) out.push(cur);
    return out;
  };
  for (const b of blocks) {
    if ('heading' in b) lines.push({ text: b.heading, size: [22, 17, 14, 13][b.level], gapBefore: 10 });
    else if ('paragraph' in b) wrap(b.paragraph).forEach((t, i) => lines.push({ text: t, gapBefore: i === 0 ? 8 : 0 }));
    else if ('bullets' in b) b.bullets.forEach((t) => lines.push({ text: `- ${t}`, gapBefore: 8 }));
    else b.table.forEach((row, i) => lines.push({ text: row.join('   '), gapBefore: i === 0 ? 8 : 0 }));
  }
  const pages: SamplePdfPage[] = [];
  for (let i = 0; i < lines.length; i += linesPerPage) pages.push({ lines: lines.slice(i, i + linesPerPage) });
  return pages;
}

const HEADINGS = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** A DOCX of the blocks: level 0 headings in the Title style, 1–3 in Heading 1–3, bullets as a list, tables with a header row. */
export async function makeDocx(blocks: SampleBlock[]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if ('heading' in b) children.push(new Paragraph({ text: b.heading, heading: HEADINGS[b.level] }));
    else if ('paragraph' in b) children.push(new Paragraph({ children: [new TextRun(b.paragraph)], alignment: AlignmentType.LEFT }));
    else if ('bullets' in b) for (const t of b.bullets) children.push(new Paragraph({ text: t, bullet: { level: 0 } }));
    else
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.table.map(
            (row, r) =>
              new TableRow({
                ...(r === 0 ? { tableHeader: true } : {}),
                children: row.map(
                  (cell) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: cell, bold: r === 0 })] })] }),
                ),
              }),
          ),
        }),
      );
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A PNG of one gray level (0 black – 255 white), 8-bit grayscale. */
export function makePlainPng(width: number, height: number, gray = 255): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  const raw = Buffer.alloc((width + 1) * height, gray);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter: none
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}
