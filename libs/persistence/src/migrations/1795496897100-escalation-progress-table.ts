import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN_STAGES = `('SURVEY','OUTREACH','GUIDANCE','FOUNDING_CEREMONY','RECOGNITION_DECISION')`;

/**
 * Moves the sweep's progress mark out of founding_case into a narrow table. Advancing `escalated_level` was not a HOT
 * update (the column was in an index expression), so each level raised rewrote a founding_case row and all its
 * indexes (3 s of a 1M-case daily sweep). The sweep now finds the late open cases by an index-only scan of a covering
 * index by warning day (index-only) and leaves out those whose progress row already has their top due level.
 */
export class EscalationProgressTable1795496897100 implements MigrationInterface {
  name = 'EscalationProgressTable1795496897100';

  public async up(q: QueryRunner): Promise<void> {
    // fillfactor: room on each page so that advancing a case's level is a HOT update (the level is not indexed).
    await q.query(
      `CREATE TABLE "escalation_progress" ("case_id" uuid NOT NULL, "stage_entry" integer NOT NULL, "level" smallint NOT NULL,
         CONSTRAINT "PK_76a22f66fc53554a4b612536357" PRIMARY KEY ("case_id")) WITH (fillfactor = 70)`,
    );
    await q.query(
      `INSERT INTO "escalation_progress" ("case_id", "stage_entry", "level")
       SELECT "id", "stage_entry", "escalated_level" FROM "founding_case" WHERE "escalated_level" > 0`,
    );
    await q.query(
      `ALTER TABLE "escalation_progress" ADD CONSTRAINT "FK_76a22f66fc53554a4b612536357" FOREIGN KEY ("case_id") REFERENCES "founding_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`DROP INDEX "IDX_founding_case_next_escalation"`);
    await q.query(`ALTER TABLE "founding_case" DROP COLUMN "escalated_level"`);
    // Keyed by (warning_on, id) so the sweep can walk it in bounded batches; the other columns are what the sweep reads
    // of a case (days, stage entry, and for the due ones stage, assignee and unit), so it never visits the heap.
    await q.query(
      `CREATE INDEX "IDX_founding_case_warning" ON "founding_case" ("warning_on", "id")
         INCLUDE ("stage_entry", "stage_due_on", "critical_on", "stage", "assignee_id", "org_unit_id") WHERE "stage" IN ${OPEN_STAGES}`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_founding_case_warning"`);
    await q.query(`ALTER TABLE "founding_case" ADD "escalated_level" smallint NOT NULL DEFAULT '0'`);
    await q.query(
      `UPDATE "founding_case" c SET "escalated_level" = p."level" FROM "escalation_progress" p WHERE p."case_id" = c."id" AND p."stage_entry" = c."stage_entry"`,
    );
    await q.query(
      `CREATE INDEX "IDX_founding_case_next_escalation" ON "founding_case"
         ((CASE "escalated_level" WHEN 0 THEN "warning_on" WHEN 1 THEN "stage_due_on" WHEN 2 THEN "critical_on" END)) WHERE "stage" IN ${OPEN_STAGES}`,
    );
    await q.query(`DROP TABLE "escalation_progress"`);
  }
}
