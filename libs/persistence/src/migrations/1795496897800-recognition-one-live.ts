import { MigrationInterface, QueryRunner } from 'typeorm';

/** Why the migration cancels a duplicate (the document keeps its number and files, marked like a cancel by hand). */
export const DUPLICATE_RECOGNITION_NOTE = 'Hủy khi nâng cấp hệ thống: hồ sơ chỉ giữ một quyết định công nhận còn hiệu lực (giữ quyết định số ';

/**
 * A founding case has at most one live (not cancelled) recognition decision (docs/architecture.md#official-documents):
 * the issue locks the case's row and refuses a second one; this partial unique index is the database's backstop.
 *
 * A database may already hold cases with several live decisions (issued twice by a quick double click before the rule).
 * The index covers every document rather than only those issued from now on, so the rule holds for all data and the
 * case page never shows two valid decisions: the later duplicates are cancelled here with a note naming the one kept,
 * the first issued (the register gave its number first). Nothing is deleted: a cancelled document keeps its number
 * and its files, and the office can still cancel the kept one and issue a new one if a later one was the one signed.
 */
export class RecognitionOneLive1795496897800 implements MigrationInterface {
  name = 'RecognitionOneLive1795496897800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `WITH ranked AS (
         SELECT id, first_value(number_label) OVER w AS kept, row_number() OVER w AS n
           FROM official_document WHERE kind = 'RECOGNITION_DECISION' AND cancelled_at IS NULL
         WINDOW w AS (PARTITION BY source_id ORDER BY issued_on, created_at, year, number))
       UPDATE official_document d SET cancelled_at = now(), cancel_reason = $1::text || r.kept || ')'
         FROM ranked r WHERE r.id = d.id AND r.n > 1`,
      [DUPLICATE_RECOGNITION_NOTE],
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_official_document_live_recognition" ON "official_document" ("source_id")
         WHERE "kind" = 'RECOGNITION_DECISION' AND "cancelled_at" IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // The duplicates cancelled by `up` stay cancelled: which of them were live cannot be told from a cancel by hand.
    await q.query(`DROP INDEX "UQ_official_document_live_recognition"`);
  }
}
