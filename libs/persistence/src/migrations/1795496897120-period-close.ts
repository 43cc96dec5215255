import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Period closes: each month end's cases frozen as they stood at its end, so that the figures of a
 * period that is over read one row a case instead of probing every changed case's history
 * (FiguresService, PeriodCloseService).
 */
export class PeriodClose1795496897120 implements MigrationInterface {
  name = 'PeriodClose1795496897120';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "period_close" ("closed_on" date NOT NULL, "window_from" date NOT NULL, "cases" integer NOT NULL,
         "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_period_close" PRIMARY KEY ("closed_on"))`,
    );
    await q.query(
      `CREATE TABLE "case_close_state" ("closed_on" date NOT NULL, "case_id" uuid NOT NULL, "org_unit_id" uuid NOT NULL, "enterprise_id" uuid NOT NULL,
         "assignee_id" uuid, "stage" character varying(30) NOT NULL, "due_on" date, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         CONSTRAINT "PK_case_close_state" PRIMARY KEY ("closed_on", "case_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_case_close_state_case" ON "case_close_state" ("case_id")`);
    // The overdue list of a closed period: its late open cases in due-day order, read from the index alone.
    await q.query(
      `CREATE INDEX "IDX_case_close_state_late" ON "case_close_state" ("closed_on", "due_on") INCLUDE ("org_unit_id", "enterprise_id", "assignee_id", "stage")
         WHERE "stage" IN ('SURVEY','OUTREACH','GUIDANCE','FOUNDING_CEREMONY','RECOGNITION_DECISION')`,
    );
    await q.query(
      `ALTER TABLE "case_close_state" ADD CONSTRAINT "FK_case_close_state_close" FOREIGN KEY ("closed_on") REFERENCES "period_close"("closed_on") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_close_state" ADD CONSTRAINT "FK_case_close_state_case" FOREIGN KEY ("case_id") REFERENCES "founding_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_close_state" ADD CONSTRAINT "FK_case_close_state_assignee" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // A close copies each case's unit and enterprise: no write path changes them after the opening, and this keeps it so.
    await q.query(
      `CREATE FUNCTION founding_case_fixed_columns() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'founding_case.org_unit_id and enterprise_id are fixed when a case opens (case %)', OLD.id USING ERRCODE = 'check_violation';
       END $$`,
    );
    await q.query(
      `CREATE TRIGGER "TRG_founding_case_fixed_columns" BEFORE UPDATE OF "org_unit_id", "enterprise_id" ON "founding_case"
         FOR EACH ROW WHEN (OLD.org_unit_id IS DISTINCT FROM NEW.org_unit_id OR OLD.enterprise_id IS DISTINCT FROM NEW.enterprise_id)
         EXECUTE FUNCTION founding_case_fixed_columns()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "TRG_founding_case_fixed_columns" ON "founding_case"`);
    await q.query(`DROP FUNCTION founding_case_fixed_columns()`);
    await q.query(`DROP TABLE "case_close_state"`);
    await q.query(`DROP TABLE "period_close"`);
  }
}
