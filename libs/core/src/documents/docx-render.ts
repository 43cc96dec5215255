import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ITableCellOptions,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { DocumentBlock, DocumentLayout } from '@app/domain';

// Decree 30/2020/NĐ-CP, appendix I: A4, Times New Roman, margins top/bottom 20–25 mm, left 30–35 mm, right
// 15–20 mm; body 13–14 pt; page numbers centred at the top from page 2. See docs/architecture.md#official-documents.
const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const PT = (pt: number) => pt * 2; // docx sizes are half-points
const BODY = PT(14);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: s.size ?? BODY, bold: s.bold, italics: s.italics });
}

function line(text: string, s: RunStyle & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {}): Paragraph {
  return new Paragraph({ alignment: s.align ?? AlignmentType.CENTER, spacing: { after: s.after ?? 0 }, children: [run(text, s)] });
}

/** A short rule under a heading line: a bottom border on an empty paragraph indented from both sides. */
function rule(indent: number): Paragraph {
  return new Paragraph({ border: { bottom: { ...LINE, space: 1 } }, indent: { left: indent, right: indent }, spacing: { after: 120 }, children: [] });
}

function cell(children: Paragraph[], width: number, o: Partial<ITableCellOptions> = {}): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, ...o });
}

/** Top of page 1: the issuer's name block left, the national heading right (Decree 30, form 1.x). */
function headingTable(l: DocumentLayout): Table {
  const left = Math.round(TEXT_WIDTH * 0.4);
  const right = TEXT_WIDTH - left;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              line(l.parentLine, { size: PT(13) }),
              line(l.issuerName, { bold: true, size: PT(13) }),
              rule(Math.round(left * 0.3)),
              line(l.numberLine, { size: PT(13) }),
            ],
            left,
          ),
          cell(
            [
              line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: PT(12) }),
              line('Độc lập - Tự do - Hạnh phúc', { bold: true, size: PT(13) }),
              rule(Math.round(right * 0.22)),
              line(l.placeDateLine, { italics: true, size: PT(13) }),
            ],
            right,
          ),
        ],
      }),
    ],
  });
}

function bodyParagraph(b: Extract<DocumentBlock, { kind: 'paragraph' }>): Paragraph {
  return new Paragraph({
    alignment: b.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: b.center ? undefined : { firstLine: Math.round(10 * MM) },
    spacing: { before: 60, after: 60, line: 300 },
    children: [run(b.text, { bold: b.bold, italics: b.italic })],
  });
}

function dataTable(t: Extract<DocumentBlock, { kind: 'table' }>): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const borders = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
  // Lean rows (no per-cell width or font: the column widths and the document's default font apply): a 2,000-member
  // list is 10,000 cells, and every property there costs in the DOCX build and in LibreOffice's layout.
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (text) =>
          new TableCell({
            children: [
              new Paragraph({
                alignment: header || /^[\d.,]*$/.test(text) ? AlignmentType.CENTER : AlignmentType.LEFT,
                children: [new TextRun({ text, bold: header || undefined })],
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    rows: [row(t.headers, true), ...t.rows.map((r) => row(r, false))],
  });
}

/** "Nơi nhận:" bottom left, the signing authority, title and signer bottom right. */
function signingTable(l: DocumentLayout): Table {
  const left = Math.round(TEXT_WIDTH * 0.5);
  const right = TEXT_WIDTH - left;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            [
              line('Nơi nhận:', { bold: true, italics: true, size: PT(12), align: AlignmentType.LEFT }),
              ...l.recipients.map((r) => line(`- ${r}`, { size: PT(11), align: AlignmentType.LEFT })),
            ],
            left,
          ),
          cell(
            [
              line(l.authorityLine, { bold: true }),
              ...l.signerTitle.map((t) => line(t, { bold: true })),
              ...[1, 2, 3, 4].map(() => line('')),
              line(l.signerName, { bold: true }),
            ],
            right,
          ),
        ],
      }),
    ],
  });
}

/** The document as DOCX, editable in Word before signing. */
export async function renderDocx(l: DocumentLayout): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    headingTable(l),
    line('', { after: 120 }),
    line(l.title, { bold: true, size: PT(14) }),
    line(l.summary, { bold: true, size: PT(14) }),
    rule(Math.round(TEXT_WIDTH * 0.4)),
  ];
  for (const b of l.body) children.push(b.kind === 'paragraph' ? bodyParagraph(b) : dataTable(b));
  children.push(line(''), signingTable(l));
  if (l.annex) {
    children.push(
      new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, children: [run(l.annex.title, { bold: true })] }),
      line(l.annex.subtitle, { italics: true, after: 200 }),
      dataTable(l.annex.table),
    );
  }
  const pageNumber = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(13) })] })],
  });
  const doc = new Document({
    creator: 'CĐCS Pipeline',
    title: `${l.title} ${l.summary}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { ...MARGIN, header: Math.round(10 * MM), footer: Math.round(10 * MM) } }, titlePage: true },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
