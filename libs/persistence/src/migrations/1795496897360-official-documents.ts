import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Official documents (docs/architecture.md#official-documents): each unit's document texts, its number
 * register per year and type symbol, and the issued documents with their DOCX and PDF.
 */
export class OfficialDocuments1795496897360 implements MigrationInterface {
  name = 'OfficialDocuments1795496897360';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "document_settings" ("org_unit_id" uuid PRIMARY KEY REFERENCES "org_unit"("id") ON DELETE CASCADE,
         "parent_line" character varying(200) NOT NULL, "issuer_name" character varying(200) NOT NULL, "short_name" character varying(20) NOT NULL,
         "place_name" character varying(200) NOT NULL, "authority_line" character varying(200) NOT NULL, "signer_title" character varying(200) NOT NULL,
         "signer_name" character varying(200) NOT NULL, "recipients" text[] NOT NULL DEFAULT '{}',
         "updated_by" uuid REFERENCES "app_user"("id") ON DELETE SET NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())`,
    );
    // The register: the last number given per unit, year and type symbol. Taken with an UPDATE in the issuing
    // transaction, so concurrent issues queue on the row and a rolled-back issue gives its number back.
    await q.query(
      `CREATE TABLE "document_number" ("org_unit_id" uuid NOT NULL REFERENCES "org_unit"("id") ON DELETE CASCADE, "year" integer NOT NULL,
         "kind_symbol" character varying(10) NOT NULL, "last_number" integer NOT NULL CHECK ("last_number" > 0),
         CONSTRAINT "PK_document_number" PRIMARY KEY ("org_unit_id", "year", "kind_symbol"))`,
    );
    await q.query(
      `CREATE TABLE "official_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
         "kind" character varying(30) NOT NULL CHECK ("kind" IN ('RECOGNITION_DECISION','ADMISSION_DECISION','PERIOD_REPORT')),
         "org_unit_id" uuid NOT NULL REFERENCES "org_unit"("id") ON DELETE RESTRICT, "source_id" uuid NOT NULL,
         "year" integer NOT NULL, "kind_symbol" character varying(10) NOT NULL, "number" integer NOT NULL, "number_label" character varying(60) NOT NULL,
         "issued_on" date NOT NULL, "title" character varying(300) NOT NULL, "settings" jsonb NOT NULL, "texts" jsonb NOT NULL DEFAULT '{}',
         "status" character varying(10) NOT NULL CHECK ("status" IN ('QUEUED','RUNNING','READY','FAILED')),
         "error" text, "attempts" integer NOT NULL DEFAULT 0, "docx" bytea, "pdf" bytea, "built_at" TIMESTAMP WITH TIME ZONE,
         "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" uuid REFERENCES "app_user"("id") ON DELETE RESTRICT, "cancel_reason" text,
         "created_by" uuid NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "UQ_official_document_number" UNIQUE ("org_unit_id", "year", "kind_symbol", "number"),
         CONSTRAINT "CHK_official_document_cancel" CHECK (("cancelled_at" IS NULL) = ("cancel_reason" IS NULL)))`,
    );
    await q.query(`CREATE INDEX "IDX_official_document_source" ON "official_document" ("source_id", "created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "official_document"`);
    await q.query(`DROP TABLE "document_number"`);
    await q.query(`DROP TABLE "document_settings"`);
  }
}
