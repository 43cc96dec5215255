import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * register_import_row's pages keep room for one more version of each row: the worker marks every row applied
 * (and adds notices) once, and with room on the page that update is HOT — no new entry in the primary key or
 * IDX_register_import_row_action (docs/architecture.md#register-imports-the-dry-run-and-the-apply-set-based).
 */
export class RegisterImportRowFillfactor1795496897170 implements MigrationInterface {
  name = 'RegisterImportRowFillfactor1795496897170';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "register_import_row" SET (fillfactor = 50)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "register_import_row" RESET (fillfactor)`);
  }
}
