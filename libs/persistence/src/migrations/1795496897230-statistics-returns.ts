import { MigrationInterface, QueryRunner } from 'typeorm';

/** The figures of a return (form 1-HĐCĐ), one integer column each (docs/architecture.md#statistics-returns). */
export const RETURN_FIGURE_COLUMNS = [
  'members_at_start',
  'admitted',
  'transferred_in',
  'left_transferred',
  'left_job',
  'left_withdrew',
  'left_expelled',
  'left_died',
  'left_paused',
  'members_at_end',
  'women_members',
  'staff_not_members',
];

/**
 * Statistics returns of the CĐCS: per-unit settings of the periods, the returns and every version of each, and
 * escalations about a CĐCS's missing return (a third subject beside cases and applications, once per level).
 */
export class StatisticsReturns1795496897230 implements MigrationInterface {
  name = 'StatisticsReturns1795496897230';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "statistics_return_setting" ("org_unit_id" uuid PRIMARY KEY REFERENCES "org_unit"("id") ON DELETE CASCADE,
         "half_year_day" character(5) NOT NULL, "year_day" character(5) NOT NULL, "due_working_days" integer NOT NULL, "reminder_working_days" integer NOT NULL,
         "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "CHK_statistics_return_setting_days" CHECK ("due_working_days" BETWEEN 1 AND 60 AND "reminder_working_days" BETWEEN 0 AND 30))`,
    );
    const figures = RETURN_FIGURE_COLUMNS.map((c) => `"${c}" integer NOT NULL CHECK ("${c}" >= 0)`).join(', ');
    await q.query(
      `CREATE TABLE "statistics_return" ("id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
         "grassroots_union_id" uuid NOT NULL REFERENCES "org_unit"("id") ON DELETE RESTRICT,
         "period_kind" character varying(10) NOT NULL CHECK ("period_kind" IN ('HALF_YEAR','YEAR')), "year" integer NOT NULL,
         "period_start" date NOT NULL, "reference_day" date NOT NULL, "due_on" date NOT NULL,
         "status" character varying(10) NOT NULL CHECK ("status" IN ('DRAFT','SUBMITTED','SENT_BACK','ACCEPTED')),
         "version" integer NOT NULL DEFAULT 1, ${figures}, "note" text, "sent_back_reason" text,
         "first_submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE,
         "decided_by" uuid REFERENCES "app_user"("id"), "updated_by" uuid NOT NULL REFERENCES "app_user"("id"),
         "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_statistics_return_period" ON "statistics_return" ("grassroots_union_id", "period_kind", "year")`);
    // The consolidation and the board read a period's returns by status.
    await q.query(`CREATE INDEX "IDX_statistics_return_period_status" ON "statistics_return" ("period_kind", "year", "status")`);
    await q.query(
      `CREATE TABLE "statistics_return_version" ("return_id" uuid NOT NULL REFERENCES "statistics_return"("id") ON DELETE CASCADE, "version" integer NOT NULL,
         "action" character varying(10) NOT NULL, "status" character varying(10) NOT NULL, "figures" jsonb NOT NULL, "note" text, "reason" text,
         "actor_id" uuid NOT NULL REFERENCES "app_user"("id"), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_statistics_return_version" PRIMARY KEY ("return_id", "version"))`,
    );

    await q.query(`ALTER TABLE "escalation" ADD "return_union_id" uuid, ADD "return_period" character varying(16)`);
    await q.query(`ALTER TABLE "escalation" DROP CONSTRAINT "CHK_escalation_subject"`);
    await q.query(
      `ALTER TABLE "escalation" ADD CONSTRAINT "CHK_escalation_subject" CHECK (num_nonnulls("case_id", "application_id", "return_union_id") = 1 AND ("return_union_id" IS NULL) = ("return_period" IS NULL))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_escalation_return_once" ON "escalation" ("return_union_id", "return_period", "level")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "escalation" WHERE "return_union_id" IS NOT NULL`);
    await q.query(`DROP INDEX "UQ_escalation_return_once"`);
    await q.query(`ALTER TABLE "escalation" DROP CONSTRAINT "CHK_escalation_subject"`);
    await q.query(`ALTER TABLE "escalation" ADD CONSTRAINT "CHK_escalation_subject" CHECK (("case_id" IS NOT NULL) <> ("application_id" IS NOT NULL))`);
    await q.query(`ALTER TABLE "escalation" DROP COLUMN "return_period", DROP COLUMN "return_union_id"`);
    await q.query(`DROP TABLE "statistics_return_version"`);
    await q.query(`DROP TABLE "statistics_return"`);
    await q.query(`DROP TABLE "statistics_return_setting"`);
  }
}
