import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What applying a register import did, apart from what its dry run expected: a row to create whose tax code was taken
 * since the dry run becomes an update, a row whose columns a user changed meanwhile may change nothing, a row of an
 * enterprise deleted since is skipped (docs/architecture.md#register-imports-the-dry-run-and-the-apply-set-based).
 * Imports applied before keep their dry run's counts, which is what they showed.
 */
export class RegisterImportOutcome1795496898150 implements MigrationInterface {
  name = 'RegisterImportOutcome1795496898150';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "register_import" ADD COLUMN "applied_created" integer NOT NULL DEFAULT 0, ADD COLUMN "applied_updated" integer NOT NULL DEFAULT 0,
         ADD COLUMN "applied_unchanged" integer NOT NULL DEFAULT 0, ADD COLUMN "applied_skipped" integer NOT NULL DEFAULT 0`,
    );
    await q.query(`UPDATE "register_import" SET "applied_created" = "to_create", "applied_updated" = "to_update" WHERE "status" = 'APPLIED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "register_import" DROP COLUMN "applied_created", DROP COLUMN "applied_updated", DROP COLUMN "applied_unchanged", DROP COLUMN "applied_skipped"`,
    );
  }
}
