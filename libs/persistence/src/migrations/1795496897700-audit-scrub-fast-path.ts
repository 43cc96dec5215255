import { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_SCRUB_V2 } from './1795496897650-audit-faster-capture';

/**
 * audit_scrub returns a row's object as it is when no rule can change it: none of the masked keys and at most 500
 * characters of JSON text in all (no string value can then be over 500 characters, nor an object or array over
 * 2,000). Most audited rows are that small (a case's changed columns, its evidence and history rows), and the
 * trigger scrubs each row's before and after: measured on one recordOutreach write, the audit triggers' share of
 * Postgres's CPU falls by some 15 % (docs/architecture.md#audit-log). Larger objects take the rules as before.
 */
export const AUDIT_SCRUB_V3 = AUDIT_SCRUB_V2.replace(
  `BEGIN
`,
  `BEGIN
        -- Nothing to mask or shorten: the object as it is, without taking it apart.
        IF NOT (j ?| ARRAY['citizen_id', 'personal_id', 'password_hash']) AND length(j::text) <= 500 THEN RETURN j; END IF;
`,
);

export class AuditScrubFastPath1795496897700 implements MigrationInterface {
  name = 'AuditScrubFastPath1795496897700';

  async up(q: QueryRunner): Promise<void> {
    if (AUDIT_SCRUB_V3 === AUDIT_SCRUB_V2) throw new Error('audit_scrub: the body was not found');
    await q.query(`CREATE OR REPLACE ${AUDIT_SCRUB_V3}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE ${AUDIT_SCRUB_V2}`);
  }
}
