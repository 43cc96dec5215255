import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN_STAGES = `('SURVEY','OUTREACH','GUIDANCE','FOUNDING_CEREMONY','RECOGNITION_DECISION')`;
/** The day the next escalation level of a case falls due: the expression of the index below. */
const NEXT_ESCALATION_DAY_SQL = `(CASE "escalated_level" WHEN 0 THEN "warning_on" WHEN 1 THEN "stage_due_on" WHEN 2 THEN "critical_on" END)`;

/**
 * Scale fixes found by the benchmarks. Remembers per case the highest level raised in the current stage entry, so that a sweep reads
 * only cases whose next level is due (an index range) instead of re-trying every late case.
 */
export class EscalationProgress1795496897095 implements MigrationInterface {
  name = 'EscalationProgress1795496897095';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "founding_case" ADD "escalated_level" smallint NOT NULL DEFAULT '0'`);
    await q.query(
      `UPDATE "founding_case" c SET "escalated_level" = x.lvl
         FROM (SELECT case_id, stage_entry, max(CASE level WHEN 'WARNING' THEN 1 WHEN 'BREACH' THEN 2 ELSE 3 END) AS lvl
                 FROM escalation WHERE case_id IS NOT NULL GROUP BY case_id, stage_entry) x
        WHERE x.case_id = c.id AND x.stage_entry = c.stage_entry`,
    );
    await q.query(`DROP INDEX "IDX_founding_case_sweep"`);
    await q.query(`CREATE INDEX "IDX_founding_case_next_escalation" ON "founding_case" (${NEXT_ESCALATION_DAY_SQL}) WHERE "stage" IN ${OPEN_STAGES}`);
    // Members of one union lie all over the table (admission order): count them from a covering index.
    await q.query(`CREATE INDEX "IDX_member_union_admitted_covering" ON "member" ("grassroots_union_id", "admitted_on") INCLUDE ("left_on")`);
    await q.query(`DROP INDEX "IDX_member_union_admitted"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_member_union_admitted" ON "member" ("grassroots_union_id", "admitted_on")`);
    await q.query(`DROP INDEX "IDX_member_union_admitted_covering"`);
    await q.query(`DROP INDEX "IDX_founding_case_next_escalation"`);
    await q.query(`CREATE INDEX "IDX_founding_case_sweep" ON "founding_case" ("warning_on") WHERE "stage" IN ${OPEN_STAGES}`);
    await q.query(`ALTER TABLE "founding_case" DROP COLUMN "escalated_level"`);
  }
}
