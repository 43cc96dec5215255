import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Register imports: an uploaded enterprise register checked against the database (the dry run) and its rows
 * as classified (CREATE, UPDATE with the columns it changes and their values at the dry run, UNCHANGED,
 * REFUSED with the reasons), applied by the worker once confirmed (RegisterImportsService,
 * RegisterImportApplyService). The file itself is not stored.
 */
export class RegisterImports1795496897160 implements MigrationInterface {
  name = 'RegisterImports1795496897160';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "register_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(30) NOT NULL, "org_unit_id" uuid NOT NULL,
         "file_name" character varying(255) NOT NULL, "file_sha256" character(64) NOT NULL, "sheet_name" character varying(100),
         "status" character varying(12) NOT NULL, "total_rows" integer NOT NULL, "to_create" integer NOT NULL, "to_update" integer NOT NULL,
         "unchanged" integer NOT NULL, "refused" integer NOT NULL, "applied_rows" integer NOT NULL DEFAULT '0', "error" text,
         "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "confirmed_by" uuid,
         "confirmed_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE,
         CONSTRAINT "CHK_register_import_status" CHECK ("status" IN ('VALIDATED','APPLYING','APPLIED','FAILED','CANCELLED')),
         CONSTRAINT "PK_register_import" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_register_import_unit_created" ON "register_import" ("org_unit_id", "created_at")`);
    await q.query(
      `CREATE TABLE "register_import_row" ("import_id" uuid NOT NULL, "row_number" integer NOT NULL, "action" character varying(10) NOT NULL,
         "tax_code" character varying(20), "name" character varying(255), "enterprise_id" uuid, "values" jsonb, "before" jsonb, "raw" jsonb,
         "changed_fields" text array NOT NULL DEFAULT '{}', "errors" jsonb NOT NULL DEFAULT '[]', "applied" boolean NOT NULL DEFAULT false,
         CONSTRAINT "CHK_register_import_row_action" CHECK ("action" IN ('CREATE','UPDATE','UNCHANGED','REFUSED')),
         CONSTRAINT "PK_register_import_row" PRIMARY KEY ("import_id", "row_number"))`,
    );
    // The rows of one action, in file order (RegisterImport.rows(action), the file of refused rows).
    await q.query(`CREATE INDEX "IDX_register_import_row_action" ON "register_import_row" ("import_id", "action", "row_number")`);
    await q.query(
      `ALTER TABLE "register_import" ADD CONSTRAINT "FK_register_import_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "register_import" ADD CONSTRAINT "FK_register_import_creator" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "register_import_row" ADD CONSTRAINT "FK_register_import_row_import" FOREIGN KEY ("import_id") REFERENCES "register_import"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_import_row"`);
    await q.query(`DROP TABLE "register_import"`);
  }
}
