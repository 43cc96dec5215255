import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log (docs/architecture.md#audit-log): `audit_log`, one row per audited request operation, and
 * `audit_change`, the rows it changed, written by row triggers in the transaction of each change. The triggers
 * do nothing unless the connection carries an audit context (`cdcs.audit`, set by the API for a mutation), so
 * the worker's writes cost nothing. Both tables refuse UPDATE, DELETE and TRUNCATE.
 */

/** Tables whose changes are audited, with their key columns when not `id`. */
export const AUDITED_TABLES: [string, string?][] = [
  ['admission_decision'],
  ['app_user'],
  ['budget_entry'],
  ['budget_heading'],
  ['budget_plan', 'heading_id,year'],
  ['calendar_day', 'day'],
  ['case_evidence'],
  ['case_transition'],
  ['document_settings', 'org_unit_id'],
  ['enterprise'],
  ['enterprise_worker_count'],
  ['escalation'],
  ['founding_case'],
  ['grassroots_staff'],
  ['member'],
  ['membership_application'],
  ['notification'],
  ['official_document'],
  ['officer_area', 'officer_id'],
  ['officer_area_district', 'officer_id,district_fold'],
  ['officer_area_enterprise', 'officer_id,enterprise_id'],
  ['org_unit'],
  ['org_unit_change'],
  ['org_unit_move'],
  ['party_recommendation'],
  ['party_recommendation_member', 'recommendation_id,staff_id'],
  ['register_import'],
  ['report'],
  ['review_action_item'],
  ['review_meeting'],
  ['reward_nomination'],
  ['reward_nomination_event'],
  ['statistics_return'],
  ['statistics_return_setting', 'org_unit_id'],
  ['statistics_return_version', 'return_id,version'],
  ['target'],
  ['union_group'],
  ['union_group_member', 'staff_id'],
  ['work_plan'],
  ['work_plan_assignment', 'plan_id,officer_id'],
];

/**
 * Technical or derived tables, never audited: the outbox and job bookkeeping, login throttling, the tallies and
 * period-close snapshots the triggers and the worker keep, a register import's per-row bookkeeping (its effect is
 * audited on `enterprise`), the audit tables themselves; a unit's dated spans (kept by a trigger and by applying an
 * org_unit_change, which is audited) and the reassignments an applied change records (derived from that change);
 * the document number registers (advanced only by issuing, audited on `official_document`). test/audit checks every
 * table is in one list or the other.
 */
export const UNAUDITED_TABLES = [
  'audit_change',
  'audit_log',
  'case_close_state',
  'case_close_tally',
  'case_member_month',
  'case_member_year',
  'document_number',
  'enterprise_tally',
  'escalation_progress',
  'job_run',
  'login_failure',
  'member_month',
  'member_total',
  'member_year',
  'org_unit_span',
  'outbox',
  'period_close',
  'register_import_row',
  'schema_migration',
  'unit_reassignment',
];

/** The first audit_scrub and audit_capture (replaced by AuditFasterCapture1795496897650, whose down restores these). */
export const AUDIT_SCRUB_V1 = `FUNCTION audit_scrub(j jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE k text; v jsonb; out jsonb := '{}';
      BEGIN
        IF j IS NULL THEN RETURN NULL; END IF;
        FOR k, v IN SELECT * FROM jsonb_each(j) LOOP
          IF k IN ('citizen_id', 'personal_id') AND jsonb_typeof(v) = 'string' THEN
            v := to_jsonb(repeat('*', greatest(length(v #>> '{}') - 3, 0)) || right(v #>> '{}', 3));
          ELSIF k = 'password_hash' THEN
            v := to_jsonb('***'::text);
          ELSIF jsonb_typeof(v) = 'string' AND length(v #>> '{}') > 500 THEN
            v := to_jsonb('(' || length(v #>> '{}') || ' ký tự)');
          ELSIF jsonb_typeof(v) IN ('object', 'array') AND length(v::text) > 2000 THEN
            v := to_jsonb('(' || length(v::text) || ' ký tự)');
          END IF;
          out := out || jsonb_build_object(k, v);
        END LOOP;
        RETURN out;
      END $$`;

export const AUDIT_CAPTURE_V1 = `FUNCTION audit_capture() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ctx text := current_setting('cdcs.audit', true);
        c jsonb; o jsonb; n jsonb; b jsonb; a jsonb; k text; rid text; r jsonb; unit text;
      BEGIN
        IF ctx IS NULL OR ctx = '' THEN RETURN NULL; END IF;
        c := ctx::jsonb;
        IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD); END IF;
        IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW); END IF;
        IF TG_OP = 'UPDATE' THEN
          b := '{}'; a := '{}';
          FOR k IN SELECT jsonb_object_keys(n) LOOP
            IF (o -> k) IS DISTINCT FROM (n -> k) THEN
              b := b || jsonb_build_object(k, o -> k);
              a := a || jsonb_build_object(k, n -> k);
            END IF;
          END LOOP;
          IF a = '{}' THEN RETURN NULL; END IF;
        ELSE
          b := o; a := n;
        END IF;
        r := coalesce(n, o);
        IF TG_NARGS > 0 THEN
          SELECT string_agg(r ->> col, ':') INTO rid FROM unnest(string_to_array(TG_ARGV[0], ',')) AS col;
        ELSE
          rid := r ->> 'id';
        END IF;
        unit := CASE WHEN TG_TABLE_NAME = 'org_unit' THEN r ->> 'id'
                     ELSE coalesce(r ->> 'org_unit_id', r ->> 'grassroots_union_id', r ->> 'deciding_unit_id') END;
        IF current_setting('cdcs.audit_done', true) IS DISTINCT FROM c ->> 'key' THEN
          INSERT INTO audit_log (key, actor_id, actor_email, actor_role, actor_unit_id, ip, request_id, operation, entity, entity_id)
          VALUES ((c ->> 'key')::uuid, (c ->> 'actorId')::uuid, c ->> 'actorEmail', c ->> 'actorRole', (c ->> 'actorUnitId')::uuid,
                  c ->> 'ip', c ->> 'requestId', c ->> 'operation', TG_TABLE_NAME, rid)
          ON CONFLICT (key) DO NOTHING;
          PERFORM set_config('cdcs.audit_done', c ->> 'key', true);
        END IF;
        INSERT INTO audit_change (audit_key, tbl, op, row_id, unit_id, before, after)
        VALUES ((c ->> 'key')::uuid, TG_TABLE_NAME, TG_OP, rid, unit::uuid, audit_scrub(b), audit_scrub(a));
        RETURN NULL;
      END $$`;

export class AuditLog1795496897375 implements MigrationInterface {
  name = 'AuditLog1795496897375';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_email text,
        actor_role text,
        actor_unit_id uuid,
        ip text,
        request_id text,
        operation text NOT NULL,
        entity text,
        entity_id text,
        outcome text NOT NULL DEFAULT 'OK' CHECK (outcome IN ('OK', 'REFUSED')),
        CONSTRAINT "UQ_audit_log_key" UNIQUE (key)
      )`);
    await q.query(`CREATE INDEX "IDX_audit_log_at" ON audit_log (at DESC, id DESC)`);
    await q.query(`CREATE INDEX "IDX_audit_log_actor" ON audit_log (actor_id, id DESC)`);
    await q.query(`
      CREATE TABLE audit_change (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        audit_key uuid NOT NULL,
        tbl text NOT NULL,
        op text NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
        row_id text,
        unit_id uuid,
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX "IDX_audit_change_key" ON audit_change (audit_key, id)`);
    await q.query(`CREATE INDEX "IDX_audit_change_row" ON audit_change (tbl, row_id)`);

    // Append-only: nothing of the application may change or remove a row (a superuser may drop the trigger).
    await q.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit rows cannot be changed or deleted (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const t of ['audit_log', 'audit_change']) {
      await q.query(`CREATE TRIGGER "TRG_${t}_append_only" BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
      await q.query(`CREATE TRIGGER "TRG_${t}_no_truncate" BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    }

    // Personal identifiers keep their last 3 characters; long values (files, import payloads) only their length.
    await q.query(`CREATE ${AUDIT_SCRUB_V1}`);

    // One row per changed row; the first change of a transaction also writes the operation's audit_log row
    // (ON CONFLICT: a second transaction of the same operation finds it there).
    await q.query(`CREATE ${AUDIT_CAPTURE_V1}`);
    await q.query(`
      CREATE FUNCTION audit_attach(t regclass, key_columns text DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        EXECUTE format('CREATE TRIGGER "TRG_%s_audit" AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION audit_capture(%s)',
                       t::text, t, coalesce(quote_literal(key_columns), ''));
      END $$`);
    for (const [table, keys] of AUDITED_TABLES) {
      // Tables of features merged later may be missing here: attached by their own migrations (audit_attach).
      await q.query(`SELECT audit_attach(to_regclass($1), $2) WHERE to_regclass($1) IS NOT NULL`, [table, keys ?? null]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of AUDITED_TABLES) {
      await q.query(`DO $$ BEGIN IF to_regclass('${table}') IS NOT NULL THEN EXECUTE 'DROP TRIGGER IF EXISTS "TRG_${table}_audit" ON ${table}'; END IF; END $$`);
    }
    await q.query(`DROP FUNCTION audit_attach(regclass, text)`);
    await q.query(`DROP TABLE audit_change`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_capture()`);
    await q.query(`DROP FUNCTION audit_scrub(jsonb)`);
    await q.query(`DROP FUNCTION audit_refuse_change()`);
  }
}
