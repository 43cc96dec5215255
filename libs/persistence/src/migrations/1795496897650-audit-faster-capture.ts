import { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_CAPTURE_V1, AUDIT_SCRUB_V1 } from './1795496897375-audit-log';

/** The notice audit_capture raises when it writes an operation's audit_log row (read by audit-session.ts). */
export const AUDIT_ROW_NOTICE = 'cdcs_audit_row';

/** The second audit_scrub: one aggregate (replaced by AuditScrubFastPath1795496897700, whose down restores it). */
export const AUDIT_SCRUB_V2 = `FUNCTION audit_scrub(j jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE STRICT AS $$
      BEGIN
        -- plpgsql, not sql: a non-inlined sql function is planned again on every trigger call.
        RETURN (SELECT coalesce(jsonb_object_agg(k, CASE
            WHEN k IN ('citizen_id', 'personal_id') AND jsonb_typeof(v) = 'string'
              THEN to_jsonb(repeat('*', greatest(length(v #>> '{}') - 3, 0)) || right(v #>> '{}', 3))
            WHEN k = 'password_hash' THEN to_jsonb('***'::text)
            WHEN jsonb_typeof(v) = 'string' AND length(v #>> '{}') > 500 THEN to_jsonb('(' || length(v #>> '{}') || ' ký tự)')
            WHEN jsonb_typeof(v) IN ('object', 'array') AND length(v::text) > 2000 THEN to_jsonb('(' || length(v::text) || ' ký tự)')
            ELSE v END), '{}'::jsonb)
          FROM jsonb_each(j) AS e(k, v));
      END $$`;

/**
 * Two changes to the audit triggers (docs/architecture.md#audit-log), same rows written:
 * - audit_capture raises a NOTICE naming the key when it writes the operation's audit_log row. The notice reaches
 *   the API with the statement's own answer, so the API knows the row is there and skips its own INSERT … ON
 *   CONFLICT DO NOTHING after the mutation: one round trip less per audited write.
 * - audit_scrub builds its object in one aggregate instead of a copy per key (each `||` copied the object).
 */
export class AuditFasterCapture1795496897650 implements MigrationInterface {
  name = 'AuditFasterCapture1795496897650';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE ${AUDIT_SCRUB_V2}`);
    const withNotice = AUDIT_CAPTURE_V1.replace(
      `PERFORM set_config('cdcs.audit_done', c ->> 'key', true);`,
      `PERFORM set_config('cdcs.audit_done', c ->> 'key', true);
          RAISE NOTICE '${AUDIT_ROW_NOTICE} %', c ->> 'key';`,
    );
    if (withNotice === AUDIT_CAPTURE_V1) throw new Error('audit_capture: the audit_log INSERT was not found');
    await q.query(`CREATE OR REPLACE ${withNotice}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE ${AUDIT_CAPTURE_V1}`);
    await q.query(`CREATE OR REPLACE ${AUDIT_SCRUB_V1}`);
  }
}
