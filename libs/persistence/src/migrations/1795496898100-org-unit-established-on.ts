import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A unit's founding day (`established_on`), apart from the day its row was entered (`created_at`): an office entering
 * its existing CĐCS today must not see them owe nothing for the periods before today (docs/architecture.md#statistics-returns).
 * Filled from what the database knows: a CĐCS founded by a case from its recognition day, a unit founded by a
 * restructuring from its first span, any other from the day its row was entered. New units: today unless given.
 */
export class OrgUnitEstablishedOn1795496898100 implements MigrationInterface {
  name = 'OrgUnitEstablishedOn1795496898100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "org_unit" ADD COLUMN "established_on" date`);
    // The CĐCS founded after a period's earliest reference day: few, found by this index (ReturnPeriodsService.youngListed).
    // Made before the fill below: made after it, in the same transaction, the index would be marked unusable to snapshots
    // older than this transaction (broken HOT chains, pg_index.indcheckxmin) until they end.
    await q.query(`CREATE INDEX "IDX_org_unit_grassroots_established" ON "org_unit" ("established_on") WHERE "kind" = 'GRASSROOTS'`);
    // The CĐCS dissolved in a period (the consolidation's rows of them): few, found by the day they were dissolved.
    await q.query(`CREATE INDEX "IDX_org_unit_grassroots_dissolved" ON "org_unit" ("dissolved_at") WHERE "kind" = 'GRASSROOTS' AND "dissolved_at" IS NOT NULL`);
    await q.query(
      `UPDATE org_unit o SET established_on = coalesce(
         (SELECT min(c.recognized_on) FROM founding_case c WHERE c.grassroots_union_id = o.id),
         (SELECT s.valid_from FROM org_unit_span s WHERE s.unit_id = o.id AND s.valid_from > '-infinity' ORDER BY s.valid_from LIMIT 1),
         (o.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)`,
    );
    await q.query(
      `ALTER TABLE "org_unit" ALTER COLUMN "established_on" SET NOT NULL,
         ALTER COLUMN "established_on" SET DEFAULT (timezone('Asia/Ho_Chi_Minh', now())::date)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_org_unit_grassroots_dissolved"`);
    await q.query(`DROP INDEX "IDX_org_unit_grassroots_established"`);
    await q.query(`ALTER TABLE "org_unit" DROP COLUMN "established_on"`);
  }
}
