import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people of an admission decision (`member.admission_decision_id`) are read per decision: the CĐCS's list of its
 * decisions (`admissionDecisions`, each with its people) and the decision document's builder. Without an index each
 * read scanned every membership of the federation (docs/architecture.md#grassroots-unions).
 */
export class AdmissionDecisionMembers1795496897900 implements MigrationInterface {
  name = 'AdmissionDecisionMembers1795496897900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_member_admission_decision" ON "member" ("admission_decision_id") WHERE "admission_decision_id" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_member_admission_decision"`);
  }
}
