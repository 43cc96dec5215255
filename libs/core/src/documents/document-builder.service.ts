import { RawRow } from '../common/prepared-sql';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DocumentKind, DocumentSettings, layoutDocument } from '@app/domain';
import { ReportStatus } from '../common/statuses';
import { CalendarService } from '../calendar/calendar.service';
import { loadFacts } from './document-sources';
import { renderDocx } from './docx-render';
import { convertDocxToPdf } from './pdf-convert';

const MAX_ERROR = 2000;

/**
 * The worker's BUILD_DOCUMENT: the DOCX from the layout of the document's kind (its settings as they were at
 * issue), the PDF from the DOCX by LibreOffice, both written with READY by one UPDATE; a READY document is never
 * built again. Without soffice on the machine the DOCX is still stored (the PDF stays empty, said in `error`).
 */
@Injectable()
export class DocumentBuilderService {
  private readonly logger = new Logger(DocumentBuilderService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  async build(documentId: string): Promise<{ built: boolean }> {
    const [doc] = await this.db
      .query(
        `UPDATE official_document SET status = '${ReportStatus.RUNNING}', attempts = attempts + 1, error = NULL
        WHERE id = $1 AND status <> '${ReportStatus.READY}'
        RETURNING kind, source_id, number_label, issued_on, settings, texts`,
        [documentId],
      )
      .then((r: unknown) => rowsOf(r));
    if (!doc) return { built: false };
    try {
      const facts = await loadFacts(this.db.manager, doc.kind as DocumentKind, doc.source_id, doc.texts ?? {});
      const layout = layoutDocument({ settings: doc.settings as DocumentSettings, numberLabel: doc.number_label, issuedOn: doc.issued_on }, facts);
      const docx = await renderDocx(layout);
      let pdf: Buffer | null = null;
      let note: string | null = null;
      try {
        pdf = await convertDocxToPdf(docx);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && !/ENOENT/.test((e as Error).message)) throw e;
        note = 'LibreOffice (soffice) is not installed: no PDF';
        this.logger.warn(`Document ${documentId}: ${note}`);
      }
      const done = await this.db.query(
        `UPDATE official_document SET status = '${ReportStatus.READY}', docx = $2, pdf = $3, error = $4, built_at = $5
          WHERE id = $1 AND status <> '${ReportStatus.READY}' RETURNING id`,
        [documentId, docx, pdf, note, this.calendar.now()],
      );
      return { built: rowsOf(done).length > 0 };
    } catch (e) {
      const reason = (e instanceof Error ? e.message : String(e)).slice(0, MAX_ERROR) || 'Unknown error';
      await this.db
        .query(`UPDATE official_document SET status = '${ReportStatus.FAILED}', error = $2 WHERE id = $1 AND status <> '${ReportStatus.READY}'`, [
          documentId,
          reason,
        ])
        .catch((err: Error) => this.logger.error(`Document ${documentId} not marked FAILED: ${err.message}`));
      this.logger.warn(`Document ${documentId} failed (attempt will be retried): ${reason}`);
      throw e;
    }
  }
}

/** TypeORM answers an UPDATE … RETURNING on Postgres with [rows, count]. */
function rowsOf(result: unknown): RawRow[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0];
  return result as RawRow[];
}
