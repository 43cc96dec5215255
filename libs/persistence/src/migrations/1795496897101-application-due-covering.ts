import { MigrationInterface, QueryRunner } from 'typeorm';

const PENDING = `WHERE "status" = 'SUBMITTED' AND "due_on" IS NOT NULL`;

/**
 * The sweep's overdue applications from an index-only scan: the pending-due index (same name, key and predicate)
 * also carries the id and the deciding unit, so the statement no longer walks every application by primary key.
 */
export class ApplicationDueCovering1795496897101 implements MigrationInterface {
  name = 'ApplicationDueCovering1795496897101';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_application_pending_due_new" ON "membership_application" ("due_on") INCLUDE ("id", "deciding_unit_id") ${PENDING}`);
    await q.query(`DROP INDEX "IDX_application_pending_due"`);
    await q.query(`ALTER INDEX "IDX_application_pending_due_new" RENAME TO "IDX_application_pending_due"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_application_pending_due_old" ON "membership_application" ("due_on") ${PENDING}`);
    await q.query(`DROP INDEX "IDX_application_pending_due"`);
    await q.query(`ALTER INDEX "IDX_application_pending_due_old" RENAME TO "IDX_application_pending_due"`);
  }
}
