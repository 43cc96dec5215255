import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables this migration adds to the audit (docs/architecture.md#audit-log); listed with migration 375's. */
export const EMPLOYER_AUDITED_TABLES: [string, string?][] = [['grassroots_employer', 'grassroots_union_id']];

/**
 * The employer of a CĐCS that no founding case made (docs/architecture.md#the-employers-funding-type): most CĐCS of a
 * province were founded before the product and came in by import, so their employer — whose funding type decides
 * whether its staff may join, and whose ownership the eligibility rules read — is recorded here by the upper level.
 * One CĐCS per employer.
 */
export class GrassrootsEmployer1795496897600 implements MigrationInterface {
  name = 'GrassrootsEmployer1795496897600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grassroots_employer (
        grassroots_union_id uuid PRIMARY KEY REFERENCES org_unit(id) ON DELETE CASCADE,
        enterprise_id uuid NOT NULL REFERENCES enterprise(id) ON DELETE RESTRICT,
        set_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        set_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_grassroots_employer_enterprise" UNIQUE (enterprise_id)
      )`);
    for (const [table, keys] of EMPLOYER_AUDITED_TABLES) await q.query(`SELECT audit_attach(to_regclass($1), $2)`, [table, keys ?? null]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE grassroots_employer`);
  }
}
