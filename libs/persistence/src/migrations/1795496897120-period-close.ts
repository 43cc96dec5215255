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
      `CREATE TABLE "case_close_state" ("closed_on" date NOT NULL, "case_id" uuid NOT NULL, "stage" character varying(30) NOT NULL,
         "due_on" date, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_case_close_state" PRIMARY KEY ("closed_on", "case_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_case_close_state_case" ON "case_close_state" ("case_id")`);
    await q.query(
      `ALTER TABLE "case_close_state" ADD CONSTRAINT "FK_case_close_state_close" FOREIGN KEY ("closed_on") REFERENCES "period_close"("closed_on") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_close_state" ADD CONSTRAINT "FK_case_close_state_case" FOREIGN KEY ("case_id") REFERENCES "founding_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_close_state"`);
    await q.query(`DROP TABLE "period_close"`);
  }
}
