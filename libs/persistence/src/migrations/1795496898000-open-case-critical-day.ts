import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN_STAGES = `('SURVEY','OUTREACH','GUIDANCE','FOUNDING_CEREMONY','RECOGNITION_DECISION')`;

/**
 * The last stored day (critical_on) of the open cases, indexed (docs/architecture.md#the-working-day-calendar-and-due-days):
 * the calendar warning asks for the latest one (which years the open cases' due days reach, read on every board),
 * and a calendar edit's recompute reads the open cases whose window reaches the changed day (critical_on >= day).
 */
export class OpenCaseCriticalDay1795496898000 implements MigrationInterface {
  name = 'OpenCaseCriticalDay1795496898000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_founding_case_open_critical" ON "founding_case" ("critical_on") WHERE "stage" IN ${OPEN_STAGES}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_founding_case_open_critical"`);
  }
}
