import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A unit's level (kind) as a dated attribute of its spans (docs/architecture.md#restructuring): null means the unit's
 * kind of today (never changed); an UPGRADE or DOWNGRADE writes the old kind into the unit's earlier spans and the new
 * one into the span it opens, so the tree as of an earlier day shows the level of that day.
 */
export class OrgUnitSpanKind1795496897420 implements MigrationInterface {
  name = 'OrgUnitSpanKind1795496897420';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "org_unit_span" ADD "kind" character varying(20)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "org_unit_span" DROP COLUMN "kind"`);
  }
}
