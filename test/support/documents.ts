import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as yauzl from 'yauzl';

export const D = {
  issue: `mutation($i: IssueDocumentInput!) { issueDocument(input: $i) { id kind number numberLabel year issuedOn status title orgUnit { id } } }`,
  cancel: `mutation($i: CancelDocumentInput!) { cancelDocument(input: $i) { id number numberLabel cancelledAt cancelReason } }`,
  document: `query($id: ID!) { document(id: $id) { id number numberLabel status error docxUrl pdfUrl cancelledAt } }`,
  documents: `query($k: DocumentKind!, $s: ID!) { documents(kind: $k, sourceId: $s) { id number numberLabel status cancelledAt } }`,
  settings: `query($u: ID!) { documentSettings(orgUnitId: $u) { orgUnitId parentLine issuerName shortName placeName authorityLine signerTitle signerName recipients own inheritedFrom { id } } }`,
  save: `mutation($i: SaveDocumentSettingsInput!) { saveDocumentSettings(input: $i) { orgUnitId shortName signerName own } }`,
  preview: `query($i: PreviewDocumentInput!) { previewDocument(input: $i) }`,
};

/** One entry of a zip (a DOCX) as text. */
export function zipEntry(buf: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error(`no ${name} in the zip`)));
      zip.readEntry();
    });
  });
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The paragraphs of word/document.xml as text, in order (runs joined). */
export function docxParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => unescapeXml([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
}

/** The rows of the tables of word/document.xml, each as its cells' text. */
export function docxRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
    [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => unescapeXml([...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))),
  );
}

/** The PDF's text layer (`pdftotext`), `layout` keeping the columns. */
export function pdfText(pdf: Buffer, layout = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdcs-pdf-'));
  const file = join(dir, 'd.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/**
 * The first page as PNG at 60 dpi (`pdftoppm`), as docs/documents/NAME.png with UPDATE_SCREENSHOTS=1 (so a test
 * run leaves the committed renderings alone), else in a temporary folder. Returns the PNG's size in bytes.
 */
export function firstPagePng(pdf: Buffer, name: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'cdcs-pdf-'));
  const file = join(dir, 'd.pdf');
  writeFileSync(file, pdf);
  const out = join(process.env.UPDATE_SCREENSHOTS === '1' ? join(__dirname, '../../docs/documents') : dir, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, out]);
  return statSync(`${out}.png`).size;
}

/** "ngày 05 tháng 12 năm 2026" written out by hand for a YYYY-MM-DD day (Decree 30: days 1–9, months 1–2 padded). */
export function dateWords(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? `0${m}` : m} năm ${y}`;
}
