import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics returns count memberships ended "dissolved by policy" (DISSOLVED: a CĐCS dissolved, e.g. at a unit wholly
 * funded by the state budget) as their own decrease, apart from ordinary leaving (docs/architecture.md#statistics-returns).
 * Returns saved before carry 0.
 */
export class ReturnLeftDissolved1795496897410 implements MigrationInterface {
  name = 'ReturnLeftDissolved1795496897410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "statistics_return" ADD "left_dissolved" integer NOT NULL DEFAULT 0 CHECK ("left_dissolved" >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "statistics_return" DROP COLUMN "left_dissolved"`);
  }
}
