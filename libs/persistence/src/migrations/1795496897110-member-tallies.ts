import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member counts kept per month, so that report figures over millions of members sum a few rows per
 * union instead of counting members:
 * - member_month: per union and calendar month, members admitted in it and members gone in it. A
 *   member is gone on `greatest(admitted_on, left_on)`: then "a member at the end of day E" is
 *   admitted ≤ E minus gone ≤ E, with no condition across two columns.
 * - member_year: the same per union and calendar year (`year` = 1 January), so a year is one row per union.
 * - member_total: the same per union over all time (members at a recent day = total − what came after).
 * - case_member_month, case_member_year: per founding case and month / year, members admitted (the founders,
 *   by the case's officer).
 * Statement-level triggers with transition tables keep them in the same transaction as every write
 * to member (set-based inserts included): no write path can forget them.
 */
/** Per union and `unit` ('month' or 'year'): admitted and gone in it, added to `table`'s counts. */
const UNION_TALLY = (name: string, table: string, unit: 'month' | 'year') => `
  ${name} AS (
    INSERT INTO ${table} AS t (${unit}, grassroots_union_id, admitted, gone)
    SELECT x.${unit}, x.grassroots_union_id, sum(x.admitted), sum(x.gone) FROM (
      SELECT date_trunc('${unit}', d.admitted_on)::date AS ${unit}, d.grassroots_union_id, d.n AS admitted, 0 AS gone FROM d
      UNION ALL
      SELECT date_trunc('${unit}', greatest(d.admitted_on, d.left_on))::date, d.grassroots_union_id, 0, d.n FROM d WHERE d.left_on IS NOT NULL) x
    GROUP BY x.${unit}, x.grassroots_union_id HAVING sum(x.admitted) <> 0 OR sum(x.gone) <> 0
    ORDER BY x.${unit}, x.grassroots_union_id
    ON CONFLICT (${unit}, grassroots_union_id) DO UPDATE SET admitted = t.admitted + EXCLUDED.admitted, gone = t.gone + EXCLUDED.gone
    RETURNING 1)`;

/** Per founding case and `unit`: members admitted in it, added to `table`'s counts. */
const CASE_TALLY = (name: string, table: string, unit: 'month' | 'year') => `
  ${name} AS (
    INSERT INTO ${table} AS t (${unit}, case_id, admitted)
    SELECT date_trunc('${unit}', d.admitted_on)::date, d.case_id, sum(d.n) FROM d WHERE d.case_id IS NOT NULL
    GROUP BY 1, 2 HAVING sum(d.n) <> 0 ORDER BY 1, 2
    ON CONFLICT (${unit}, case_id) DO UPDATE SET admitted = t.admitted + EXCLUDED.admitted
    RETURNING 1)`;

const DELTA = (src: string) => `
  WITH d AS MATERIALIZED (${src}),${UNION_TALLY('mm', 'member_month', 'month')},${UNION_TALLY('my', 'member_year', 'year')},
  mt AS (
    INSERT INTO member_total AS t (grassroots_union_id, admitted, gone)
    SELECT d.grassroots_union_id, sum(d.n), coalesce(sum(d.n) FILTER (WHERE d.left_on IS NOT NULL), 0) FROM d
    GROUP BY d.grassroots_union_id HAVING sum(d.n) <> 0 OR coalesce(sum(d.n) FILTER (WHERE d.left_on IS NOT NULL), 0) <> 0
    ORDER BY d.grassroots_union_id
    ON CONFLICT (grassroots_union_id) DO UPDATE SET admitted = t.admitted + EXCLUDED.admitted, gone = t.gone + EXCLUDED.gone
    RETURNING 1),${CASE_TALLY('cm', 'case_member_month', 'month')},${CASE_TALLY('cy', 'case_member_year', 'year')}
  SELECT (SELECT count(*) FROM mm) + (SELECT count(*) FROM my) + (SELECT count(*) FROM mt) + (SELECT count(*) FROM cm) + (SELECT count(*) FROM cy) INTO tallied`;

const COLS = 'grassroots_union_id, case_id, admitted_on, left_on';

export class MemberTallies1795496897110 implements MigrationInterface {
  name = 'MemberTallies1795496897110';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "member_month" ("month" date NOT NULL, "grassroots_union_id" uuid NOT NULL, "admitted" integer NOT NULL DEFAULT '0', "gone" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_member_month" PRIMARY KEY ("month", "grassroots_union_id"))`,
    );
    await q.query(
      `CREATE TABLE "member_year" ("year" date NOT NULL, "grassroots_union_id" uuid NOT NULL, "admitted" integer NOT NULL DEFAULT '0', "gone" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_member_year" PRIMARY KEY ("year", "grassroots_union_id"))`,
    );
    await q.query(
      `CREATE TABLE "case_member_year" ("year" date NOT NULL, "case_id" uuid NOT NULL, "admitted" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_case_member_year" PRIMARY KEY ("year", "case_id"))`,
    );
    await q.query(
      `CREATE TABLE "member_total" ("grassroots_union_id" uuid NOT NULL, "admitted" integer NOT NULL DEFAULT '0', "gone" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_member_total" PRIMARY KEY ("grassroots_union_id"))`,
    );
    await q.query(
      `CREATE TABLE "case_member_month" ("month" date NOT NULL, "case_id" uuid NOT NULL, "admitted" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_case_member_month" PRIMARY KEY ("month", "case_id"))`,
    );
    // Members gone within a few days (a period's edge days): by the day they are gone.
    await q.query(`CREATE INDEX "IDX_member_gone_on" ON "member" ((greatest("admitted_on", "left_on"))) WHERE "left_on" IS NOT NULL`);

    // Backfill, then the triggers (the migration runs in one transaction: no member write in between).
    await q.query(
      `INSERT INTO member_month (month, grassroots_union_id, admitted, gone)
       SELECT x.month, x.grassroots_union_id, sum(x.admitted), sum(x.gone) FROM (
         SELECT date_trunc('month', admitted_on)::date AS month, grassroots_union_id, count(*) AS admitted, 0 AS gone FROM member GROUP BY 1, 2
         UNION ALL
         SELECT date_trunc('month', greatest(admitted_on, left_on))::date, grassroots_union_id, 0, count(*) FROM member WHERE left_on IS NOT NULL GROUP BY 1, 2) x
       GROUP BY x.month, x.grassroots_union_id ORDER BY 1, 2`,
    );
    await q.query(
      `INSERT INTO member_year (year, grassroots_union_id, admitted, gone)
       SELECT date_trunc('year', month)::date, grassroots_union_id, sum(admitted), sum(gone) FROM member_month GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    await q.query(
      `INSERT INTO member_total (grassroots_union_id, admitted, gone)
       SELECT grassroots_union_id, sum(admitted), sum(gone) FROM member_month GROUP BY grassroots_union_id ORDER BY 1`,
    );
    await q.query(
      `INSERT INTO case_member_month (month, case_id, admitted)
       SELECT date_trunc('month', admitted_on)::date, case_id, count(*) FROM member WHERE case_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
    );

    await q.query(
      `INSERT INTO case_member_year (year, case_id, admitted)
       SELECT date_trunc('year', month)::date, case_id, sum(admitted) FROM case_member_month GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    // Statistics now (the planner would otherwise guess at the new tables until autovacuum's analyze).
    await q.query(`ANALYZE member_month, member_year, member_total, case_member_month, case_member_year`);

    await q.query(
      `CREATE FUNCTION member_tally() RETURNS trigger LANGUAGE plpgsql AS $fn$
       DECLARE tallied bigint;
       BEGIN
         IF TG_OP = 'INSERT' THEN
           ${DELTA(`SELECT ${COLS}, 1 AS n FROM member_new`)};
         ELSIF TG_OP = 'DELETE' THEN
           ${DELTA(`SELECT ${COLS}, -1 AS n FROM member_old`)};
         ELSIF TG_OP = 'UPDATE' THEN
           ${DELTA(`SELECT ${COLS}, 1 AS n FROM member_new UNION ALL SELECT ${COLS}, -1 FROM member_old`)};
         ELSE -- TRUNCATE
           DELETE FROM member_month; DELETE FROM member_year; DELETE FROM member_total; DELETE FROM case_member_month; DELETE FROM case_member_year;
         END IF;
         RETURN NULL;
       END $fn$`,
    );
    await q.query(`CREATE TRIGGER member_tally_insert AFTER INSERT ON member REFERENCING NEW TABLE AS member_new FOR EACH STATEMENT EXECUTE FUNCTION member_tally()`);
    await q.query(
      `CREATE TRIGGER member_tally_update AFTER UPDATE ON member REFERENCING OLD TABLE AS member_old NEW TABLE AS member_new FOR EACH STATEMENT EXECUTE FUNCTION member_tally()`,
    );
    await q.query(`CREATE TRIGGER member_tally_delete AFTER DELETE ON member REFERENCING OLD TABLE AS member_old FOR EACH STATEMENT EXECUTE FUNCTION member_tally()`);
    await q.query(`CREATE TRIGGER member_tally_truncate AFTER TRUNCATE ON member FOR EACH STATEMENT EXECUTE FUNCTION member_tally()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER member_tally_truncate ON member`);
    await q.query(`DROP TRIGGER member_tally_delete ON member`);
    await q.query(`DROP TRIGGER member_tally_update ON member`);
    await q.query(`DROP TRIGGER member_tally_insert ON member`);
    await q.query(`DROP FUNCTION member_tally()`);
    await q.query(`DROP INDEX "IDX_member_gone_on"`);
    await q.query(`DROP TABLE "case_member_year"`);
    await q.query(`DROP TABLE "case_member_month"`);
    await q.query(`DROP TABLE "member_year"`);
    await q.query(`DROP TABLE "member_total"`);
    await q.query(`DROP TABLE "member_month"`);
  }
}
