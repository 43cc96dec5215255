import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the report figures at scale:
 * - the history's (case, version) key carries the step's time, stage and due day, so replaying a case
 *   as of an instant (the last step before it) reads the index alone;
 * - recognized cases by decision day (new CĐCS, recognitions per officer, coverage), with what those read;
 * - cases by opening instant, with what the as-of view of a case reads (FiguresService CASES_AS_OF): the cases
 *   opened before a period's end are read from the index alone. Only stage entries, assignments and the
 *   sweep change these columns, and those updates already touch other indexes: record steps stay HOT;
 * - enterprises with ≥ 25 workers (FOCUS_WORKER_THRESHOLD) by unit, with has_union: coverage counts them
 *   from the index instead of reading every enterprise.
 */
export class FigureIndexes1795496897111 implements MigrationInterface {
  name = 'FigureIndexes1795496897111';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX "UQ_case_transition_case_version_covering" ON "case_transition" ("case_id", "version") INCLUDE ("at", "to_stage", "stage_due_on")`);
    await q.query(`DROP INDEX "UQ_case_transition_case_version"`);
    await q.query(
      `CREATE INDEX "IDX_founding_case_recognized" ON "founding_case" ("recognized_on") INCLUDE ("org_unit_id", "enterprise_id", "assignee_id") WHERE "recognized_on" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_founding_case_as_of" ON "founding_case" ("opened_at") INCLUDE ("id", "org_unit_id", "assignee_id", "enterprise_id", "stage", "stage_entry", "stage_entered_at", "stage_due_on", "opened_due_on")`,
    );
    await q.query(`CREATE INDEX "IDX_enterprise_focus" ON "enterprise" ("org_unit_id") INCLUDE ("has_union") WHERE "worker_count" >= 25`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_enterprise_focus"`);
    await q.query(`DROP INDEX "IDX_founding_case_as_of"`);
    await q.query(`DROP INDEX "IDX_founding_case_recognized"`);
    await q.query(`CREATE UNIQUE INDEX "UQ_case_transition_case_version" ON "case_transition" ("case_id", "version")`);
    await q.query(`DROP INDEX "UQ_case_transition_case_version_covering"`);
  }
}
