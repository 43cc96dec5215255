import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reads of personal data are audited too (docs/architecture.md#audit-log): their row says what was asked for (the
 * query's filter, as JSON, digit runs masked so that no citizen id is kept), which `entity` / `entity_id` cannot.
 */
export class AuditReadDetail1795496897550 implements MigrationInterface {
  name = 'AuditReadDetail1795496897550';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN detail jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log DROP COLUMN detail`);
  }
}
