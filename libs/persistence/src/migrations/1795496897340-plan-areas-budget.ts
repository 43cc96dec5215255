import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The year's plan (versions kept), officers' areas and the budget ledger (docs/architecture.md#plan-areas-and-budget).
 * The ledger is append-only: a trigger refuses UPDATE and DELETE of budget_entry, a mistake is undone by a reversing entry.
 */
export class PlanAreasBudget1795496897340 implements MigrationInterface {
  name = 'PlanAreasBudget1795496897340';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "work_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
         "org_unit_id" uuid NOT NULL REFERENCES "org_unit"("id") ON DELETE RESTRICT, "year" integer NOT NULL, "version" integer NOT NULL,
         "number" character varying(60) NOT NULL, "issued_on" date NOT NULL, "title" character varying(500) NOT NULL,
         "new_members" integer, "new_grassroots_unions" integer, "coverage_percent" numeric(5,2),
         "saved_by" uuid NOT NULL REFERENCES "app_user"("id"), "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "UQ_work_plan_version" UNIQUE ("org_unit_id", "year", "version"))`,
    );
    await q.query(
      `CREATE TABLE "work_plan_assignment" ("plan_id" uuid NOT NULL REFERENCES "work_plan"("id") ON DELETE CASCADE,
         "officer_id" uuid NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT, "position" integer NOT NULL, "duty" text NOT NULL,
         "new_members" integer, "new_grassroots_unions" integer,
         CONSTRAINT "PK_work_plan_assignment" PRIMARY KEY ("plan_id", "officer_id"))`,
    );

    await q.query(
      `CREATE TABLE "officer_area" ("officer_id" uuid NOT NULL PRIMARY KEY REFERENCES "app_user"("id") ON DELETE CASCADE,
         "org_unit_id" uuid NOT NULL REFERENCES "org_unit"("id") ON DELETE CASCADE, "shared" boolean NOT NULL DEFAULT false,
         "updated_by" uuid NOT NULL REFERENCES "app_user"("id"), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())`,
    );
    await q.query(`CREATE INDEX "IDX_officer_area_unit" ON "officer_area" ("org_unit_id")`);
    await q.query(
      `CREATE TABLE "officer_area_enterprise" ("officer_id" uuid NOT NULL REFERENCES "officer_area"("officer_id") ON DELETE CASCADE,
         "enterprise_id" uuid NOT NULL REFERENCES "enterprise"("id") ON DELETE CASCADE,
         CONSTRAINT "PK_officer_area_enterprise" PRIMARY KEY ("officer_id", "enterprise_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_officer_area_enterprise_enterprise" ON "officer_area_enterprise" ("enterprise_id")`);
    // The district (or commune: the register's one "Huyện/Xã" field) as written, and folded for matching.
    await q.query(
      `CREATE TABLE "officer_area_district" ("officer_id" uuid NOT NULL REFERENCES "officer_area"("officer_id") ON DELETE CASCADE,
         "district" character varying(120) NOT NULL, "district_fold" character varying(120) NOT NULL,
         CONSTRAINT "PK_officer_area_district" PRIMARY KEY ("officer_id", "district_fold"))`,
    );
    await q.query(`CREATE INDEX "IDX_officer_area_district_fold" ON "officer_area_district" ("district_fold")`);

    await q.query(
      `CREATE TABLE "budget_heading" ("id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
         "org_unit_id" uuid NOT NULL REFERENCES "org_unit"("id") ON DELETE RESTRICT, "name" character varying(200) NOT NULL,
         "name_fold" character varying(200) NOT NULL, "position" integer NOT NULL, "active" boolean NOT NULL DEFAULT true,
         CONSTRAINT "UQ_budget_heading_name" UNIQUE ("org_unit_id", "name_fold"))`,
    );
    await q.query(
      `CREATE TABLE "budget_plan" ("heading_id" uuid NOT NULL REFERENCES "budget_heading"("id") ON DELETE RESTRICT, "year" integer NOT NULL,
         "amount" bigint NOT NULL CHECK ("amount" >= 0), "set_by" uuid NOT NULL REFERENCES "app_user"("id"),
         "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_budget_plan" PRIMARY KEY ("heading_id", "year"))`,
    );
    await q.query(
      `CREATE TABLE "budget_entry" ("id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         "org_unit_id" uuid NOT NULL REFERENCES "org_unit"("id") ON DELETE RESTRICT,
         "heading_id" uuid NOT NULL REFERENCES "budget_heading"("id") ON DELETE RESTRICT, "spent_on" date NOT NULL,
         "amount" bigint NOT NULL CHECK ("amount" <> 0), "voucher_number" character varying(60) NOT NULL, "note" text,
         "case_id" uuid REFERENCES "founding_case"("id") ON DELETE RESTRICT,
         "grassroots_union_id" uuid REFERENCES "org_unit"("id") ON DELETE RESTRICT,
         "reverses_id" bigint REFERENCES "budget_entry"("id") ON DELETE RESTRICT,
         "recorded_by" uuid NOT NULL REFERENCES "app_user"("id"), "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "CHK_budget_entry_sign" CHECK (("reverses_id" IS NULL) = ("amount" > 0)))`,
    );
    // An entry is reversed at most once.
    await q.query(`CREATE UNIQUE INDEX "UQ_budget_entry_reverses" ON "budget_entry" ("reverses_id") WHERE "reverses_id" IS NOT NULL`);
    await q.query(`CREATE INDEX "IDX_budget_entry_unit_day" ON "budget_entry" ("org_unit_id", "spent_on")`);
    await q.query(
      `CREATE FUNCTION budget_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
       BEGIN
         RAISE EXCEPTION 'budget_entry is a ledger: % is not allowed, record a reversing entry instead', TG_OP USING ERRCODE = 'restrict_violation';
       END $fn$`,
    );
    await q.query(
      `CREATE TRIGGER "TRG_budget_entry_append_only" BEFORE UPDATE OR DELETE ON "budget_entry" FOR EACH ROW EXECUTE FUNCTION budget_entry_append_only()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "budget_entry"`);
    await q.query(`DROP FUNCTION budget_entry_append_only()`);
    await q.query(`DROP TABLE "budget_plan"`);
    await q.query(`DROP TABLE "budget_heading"`);
    await q.query(`DROP TABLE "officer_area_district"`);
    await q.query(`DROP TABLE "officer_area_enterprise"`);
    await q.query(`DROP TABLE "officer_area"`);
    await q.query(`DROP TABLE "work_plan_assignment"`);
    await q.query(`DROP TABLE "work_plan"`);
  }
}
