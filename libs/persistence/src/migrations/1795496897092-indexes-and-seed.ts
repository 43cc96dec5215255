import { MigrationInterface, QueryRunner } from 'typeorm';
import holidays from '../seed-data/vn-public-holidays.json';

export const ROOT_ORG_UNIT_ID = '00000000-0000-4000-8000-000000000001';
const OPEN_STAGES = `('SURVEY','OUTREACH','GUIDANCE','FOUNDING_CEREMONY','RECOGNITION_DECISION')`;

/** Indexes TypeORM cannot express (partial, expression, opclass, NULLS NOT DISTINCT), the root unit, the 2024–2026 calendar. */
export class IndexesAndSeed1795496897092 implements MigrationInterface {
  name = 'IndexesAndSeed1795496897092';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_org_unit_path_prefix" ON "org_unit" ("path" text_pattern_ops)`);
    await q.query(`CREATE UNIQUE INDEX "UQ_app_user_email_lower" ON "app_user" (lower("email"))`);
    await q.query(`CREATE UNIQUE INDEX "UQ_founding_case_open_per_enterprise" ON "founding_case" ("enterprise_id") WHERE "stage" IN ${OPEN_STAGES}`);
    await q.query(`CREATE INDEX "IDX_founding_case_sweep" ON "founding_case" ("warning_on") WHERE "stage" IN ${OPEN_STAGES}`);
    await q.query(`CREATE INDEX "IDX_application_pending_due" ON "membership_application" ("due_on") WHERE "status" = 'SUBMITTED' AND "due_on" IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "UQ_target_scope" ON "target" ("year", "org_unit_id", "officer_id") NULLS NOT DISTINCT`);
    await q.query(`CREATE INDEX "IDX_outbox_pending" ON "outbox" ("id") WHERE "sent_at" IS NULL`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_reward_nomination_once" ON "reward_nomination" ("org_unit_id", "occasion", "period_start", "rule", "officer_id", "grassroots_union_id") NULLS NOT DISTINCT`,
    );
    await q.query(
      `INSERT INTO "org_unit" ("id", "name", "kind", "parent_id", "path") VALUES ($1, $2, 'CONFEDERATION', NULL, $3)`,
      [ROOT_ORG_UNIT_ID, 'Tổng Liên đoàn Lao động Việt Nam', ROOT_ORG_UNIT_ID],
    );
    const data = holidays as Record<string, { days_off?: string[]; make_up_working_days?: string[] }>;
    for (const year of Object.keys(data).filter((k) => /^\d{4}$/.test(k))) {
      for (const day of data[year].days_off ?? []) {
        await q.query(`INSERT INTO "calendar_day" ("day", "kind", "note") VALUES ($1, 'DAY_OFF', $2)`, [day, `seed ${year}`]);
      }
      for (const day of data[year].make_up_working_days ?? []) {
        await q.query(`INSERT INTO "calendar_day" ("day", "kind", "note") VALUES ($1, 'MAKE_UP_WORKING_DAY', $2)`, [day, `seed ${year}`]);
      }
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "calendar_day" WHERE "note" LIKE 'seed %'`);
    await q.query(`DELETE FROM "org_unit" WHERE "id" = $1`, [ROOT_ORG_UNIT_ID]);
    for (const idx of ['UQ_reward_nomination_once', 'IDX_outbox_pending', 'UQ_target_scope', 'IDX_application_pending_due',
      'IDX_founding_case_sweep', 'UQ_founding_case_open_per_enterprise', 'UQ_app_user_email_lower', 'IDX_org_unit_path_prefix']) {
      await q.query(`DROP INDEX "${idx}"`);
    }
  }
}
