import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Official documents of the year's plan (KH) and of a held review meeting's conclusions (TB), and the number a record
 * takes from its issued document (docs/architecture.md#official-documents): an admission batch and a plan version
 * carry the number of their document; `typed_number` keeps the number typed by hand that a document replaced.
 */
export class DocumentPlanMeetingNumbers1795496897450 implements MigrationInterface {
  name = 'DocumentPlanMeetingNumbers1795496897450';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "official_document" DROP CONSTRAINT "official_document_kind_check"`);
    await q.query(
      `ALTER TABLE "official_document" ADD CONSTRAINT "official_document_kind_check"
         CHECK ("kind" IN ('RECOGNITION_DECISION','ADMISSION_DECISION','PERIOD_REPORT','PLAN','REVIEW_CONCLUSION'))`,
    );
    await q.query(`ALTER TABLE "admission_decision" ADD "typed_number" character varying(100)`);
    await q.query(`ALTER TABLE "work_plan" ADD "typed_number" character varying(60)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "work_plan" DROP COLUMN "typed_number"`);
    await q.query(`ALTER TABLE "admission_decision" DROP COLUMN "typed_number"`);
    await q.query(`DELETE FROM "official_document" WHERE "kind" IN ('PLAN','REVIEW_CONCLUSION')`);
    await q.query(`ALTER TABLE "official_document" DROP CONSTRAINT "official_document_kind_check"`);
    await q.query(
      `ALTER TABLE "official_document" ADD CONSTRAINT "official_document_kind_check" CHECK ("kind" IN ('RECOGNITION_DECISION','ADMISSION_DECISION','PERIOD_REPORT'))`,
    );
  }
}
