import { MigrationInterface, QueryRunner } from 'typeorm';

/** The collation lists sort names by (docs/architecture.md#vietnamese-name-order). */
export const VI_COLLATION = 'vietnamese';

/** The name-order indexes: each list's keyset (filter columns, the name in Vietnamese order, the id). */
const INDEXES: [name: string, table: string, columns: string, where?: string][] = [
  ['IDX_enterprise_name_vi', 'enterprise', `"name" COLLATE "${VI_COLLATION}", "id"`],
  ['IDX_grassroots_staff_name_vi', 'grassroots_staff', `"grassroots_union_id", "full_name" COLLATE "${VI_COLLATION}", "id"`],
  ['IDX_org_unit_grassroots_name_vi', 'org_unit', `"name" COLLATE "${VI_COLLATION}", "id"`, `"kind" = 'GRASSROOTS' AND "dissolved_at" IS NULL`],
  ['IDX_app_user_name_vi', 'app_user', `"full_name" COLLATE "${VI_COLLATION}", "id"`],
];

/**
 * Names sort in Vietnamese order (A Ă Â B C D Đ E Ê …, a tone after its base letter) whatever the database's default
 * collation (C or C.UTF-8 sorts "Đặng" after "Zung"): the collation `vietnamese` is ICU's vi-VN, or — on a server built
 * without ICU — the database's own collation under the same name, so the queries stay the same and the order is what
 * it was (the API logs that once at start: VietnameseOrderCheck). Lists order by `name COLLATE "vietnamese"`, and the
 * indexes below keep the big lists' keyset pages on an index.
 */
export class VietnameseNameOrder1795496897950 implements MigrationInterface {
  name = 'VietnameseNameOrder1795496897950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `DO $do$ BEGIN
         BEGIN
           CREATE COLLATION IF NOT EXISTS "${VI_COLLATION}" (provider = icu, locale = 'vi-VN');
         EXCEPTION WHEN OTHERS THEN -- "ICU is not supported in this build" (feature_not_supported), or an ICU without vi
           RAISE NOTICE 'No ICU collation vi-VN (%): "${VI_COLLATION}" is the database''s own collation', SQLERRM;
           EXECUTE format('CREATE COLLATION IF NOT EXISTS "${VI_COLLATION}" (provider = libc, locale = %L)',
                          (SELECT datcollate FROM pg_database WHERE datname = current_database()));
         END;
       END $do$`,
    );
    for (const [name, table, columns, where] of INDEXES) {
      await q.query(`CREATE INDEX "${name}" ON "${table}" (${columns})${where ? ` WHERE ${where}` : ''}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of INDEXES) await q.query(`DROP INDEX "${name}"`);
    await q.query(`DROP COLLATION IF EXISTS "${VI_COLLATION}"`);
  }
}
