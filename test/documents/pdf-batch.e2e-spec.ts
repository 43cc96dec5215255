import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { convertDocxToPdf } from '@app/core/documents';
import { pdfText } from '../support/documents';

/**
 * DOCX → PDF conversions asked for together share one LibreOffice run (docs/architecture.md#official-documents): each
 * caller still gets the PDF of its own document, and a document soffice cannot read fails alone, not the batch.
 */
jest.setTimeout(180_000);

const docx = (text: string) =>
  Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun(text)] })] }] }));

describe('PDF conversion in batches (real soffice)', () => {
  it('gives each of six concurrent conversions the PDF of its own document', async () => {
    const texts = Array.from({ length: 6 }, (_, i) => `Quyết định số ${i + 1} về việc công nhận đoàn viên Nguyễn Thị ${String.fromCharCode(65 + i)}`);
    const files = await Promise.all(texts.map(docx));
    const pdfs = await Promise.all(files.map((f) => convertDocxToPdf(f)));
    for (const [i, pdf] of pdfs.entries()) {
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      expect(text).toContain(texts[i]);
      for (const [j, other] of texts.entries()) if (j !== i) expect(text).not.toContain(other);
    }
  });

  it('fails only the document soffice cannot convert; the others of its batch get their PDF', async () => {
    const good = await docx('Biên bản hội nghị thành lập công đoàn cơ sở');
    // A DOCX cut in half: its zip is unreadable.
    const bad = good.subarray(0, Math.floor(good.length / 2));
    const [a, b, c] = await Promise.allSettled([convertDocxToPdf(good), convertDocxToPdf(bad), convertDocxToPdf(good)]);
    expect(a.status).toBe('fulfilled');
    expect(c.status).toBe('fulfilled');
    expect(b).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: expect.stringContaining('no PDF') }) });
    expect(pdfText((a as PromiseFulfilledResult<Buffer>).value)).toContain('Biên bản hội nghị');
  });
});
