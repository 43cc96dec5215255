import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grassroots unions at the table (docs/architecture.md#grassroots-unions): the GRASSROOTS role, a CĐCS's
 * staff list (grassroots_staff) and admission decisions, and on `member` why and how a membership ended
 * or began (left_reason, staff, decision, transferred_from_id). One active membership per citizen id
 * nationwide (partial unique index). The member tallies learn `transferred_in`: members who came by a
 * transfer are counted where they arrive (members at a day) but are no new members (admitted − transferred_in).
 */
const UNION_TALLY = (name: string, table: string, unit: 'month' | 'year') => `
  ${name} AS (
    INSERT INTO ${table} AS t (${unit}, grassroots_union_id, admitted, gone, transferred_in)
    SELECT x.${unit}, x.grassroots_union_id, sum(x.admitted), sum(x.gone), sum(x.transferred_in) FROM (
      SELECT date_trunc('${unit}', d.admitted_on)::date AS ${unit}, d.grassroots_union_id, d.n AS admitted, 0 AS gone,
             CASE WHEN d.transferred_from_id IS NULL THEN 0 ELSE d.n END AS transferred_in FROM d
      UNION ALL
      SELECT date_trunc('${unit}', greatest(d.admitted_on, d.left_on))::date, d.grassroots_union_id, 0, d.n, 0 FROM d WHERE d.left_on IS NOT NULL) x
    GROUP BY x.${unit}, x.grassroots_union_id HAVING sum(x.admitted) <> 0 OR sum(x.gone) <> 0 OR sum(x.transferred_in) <> 0
    ORDER BY x.${unit}, x.grassroots_union_id
    ON CONFLICT (${unit}, grassroots_union_id) DO UPDATE
      SET admitted = t.admitted + EXCLUDED.admitted, gone = t.gone + EXCLUDED.gone, transferred_in = t.transferred_in + EXCLUDED.transferred_in
    RETURNING 1)`;

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
    INSERT INTO member_total AS t (grassroots_union_id, admitted, gone, transferred_in)
    SELECT d.grassroots_union_id, sum(d.n), coalesce(sum(d.n) FILTER (WHERE d.left_on IS NOT NULL), 0),
           coalesce(sum(d.n) FILTER (WHERE d.transferred_from_id IS NOT NULL), 0) FROM d
    GROUP BY d.grassroots_union_id
    HAVING sum(d.n) <> 0 OR coalesce(sum(d.n) FILTER (WHERE d.left_on IS NOT NULL), 0) <> 0 OR coalesce(sum(d.n) FILTER (WHERE d.transferred_from_id IS NOT NULL), 0) <> 0
    ORDER BY d.grassroots_union_id
    ON CONFLICT (grassroots_union_id) DO UPDATE
      SET admitted = t.admitted + EXCLUDED.admitted, gone = t.gone + EXCLUDED.gone, transferred_in = t.transferred_in + EXCLUDED.transferred_in
    RETURNING 1),${CASE_TALLY('cm', 'case_member_month', 'month')},${CASE_TALLY('cy', 'case_member_year', 'year')}
  SELECT (SELECT count(*) FROM mm) + (SELECT count(*) FROM my) + (SELECT count(*) FROM mt) + (SELECT count(*) FROM cm) + (SELECT count(*) FROM cy) INTO tallied`;

const COLS = 'grassroots_union_id, case_id, admitted_on, left_on, transferred_from_id';
const OLD_COLS = 'grassroots_union_id, case_id, admitted_on, left_on, NULL::uuid AS transferred_from_id';

/** member_tally() over `cols`; with the old columns (no transfers) it counts as migration 1795496897110's did, transferred_in aside. */
const TALLY_FUNCTION = (cols: string, oldCols = cols) => `CREATE OR REPLACE FUNCTION member_tally() RETURNS trigger LANGUAGE plpgsql AS $fn$
       DECLARE tallied bigint;
       BEGIN
         IF TG_OP = 'INSERT' THEN
           ${DELTA(`SELECT ${cols}, 1 AS n FROM member_new`)};
         ELSIF TG_OP = 'DELETE' THEN
           ${DELTA(`SELECT ${oldCols}, -1 AS n FROM member_old`)};
         ELSIF TG_OP = 'UPDATE' THEN
           ${DELTA(`SELECT ${cols}, 1 AS n FROM member_new UNION ALL SELECT ${oldCols}, -1 FROM member_old`)};
         ELSE -- TRUNCATE
           DELETE FROM member_month; DELETE FROM member_year; DELETE FROM member_total; DELETE FROM case_member_month; DELETE FROM case_member_year;
         END IF;
         RETURN NULL;
       END $fn$`;

export class GrassrootsRegister1795496897180 implements MigrationInterface {
  name = 'GrassrootsRegister1795496897180';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_role"`);
    await q.query(`ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_role" CHECK ("role" IN ('ADMIN','SUPERVISOR','OFFICER','GRASSROOTS'))`);

    await q.query(
      `CREATE TABLE "grassroots_staff" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "grassroots_union_id" uuid NOT NULL,
         "full_name" character varying(255) NOT NULL, "citizen_id" character varying(12), "birth_date" date, "birth_year" integer NOT NULL,
         "sex" character varying(6) NOT NULL, "job" character varying(255), "contract_kind" character varying(12), "contract_months" integer,
         "phone" character varying(20), "nationality" character varying(100) NOT NULL DEFAULT 'Việt Nam',
         "is_manager" boolean NOT NULL DEFAULT false, "serving_sentence" boolean NOT NULL DEFAULT false,
         "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "CHK_grassroots_staff_sex" CHECK ("sex" IN ('MALE','FEMALE')),
         CONSTRAINT "CHK_grassroots_staff_contract_kind" CHECK ("contract_kind" IN ('INDEFINITE','FIXED_TERM','OTHER')),
         CONSTRAINT "PK_grassroots_staff" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_grassroots_staff_union" ON "grassroots_staff" ("grassroots_union_id")`);
    await q.query(`CREATE UNIQUE INDEX "UQ_grassroots_staff_citizen_id" ON "grassroots_staff" ("grassroots_union_id", "citizen_id") WHERE "citizen_id" IS NOT NULL`);
    await q.query(
      `ALTER TABLE "grassroots_staff" ADD CONSTRAINT "FK_grassroots_staff_union" FOREIGN KEY ("grassroots_union_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await q.query(
      `CREATE TABLE "admission_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "grassroots_union_id" uuid NOT NULL,
         "number" character varying(100) NOT NULL, "decided_on" date NOT NULL, "signer" character varying(255) NOT NULL, "created_by" uuid NOT NULL,
         "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_admission_decision" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_admission_decision_number" ON "admission_decision" ("grassroots_union_id", "number")`);
    await q.query(
      `ALTER TABLE "admission_decision" ADD CONSTRAINT "FK_admission_decision_union" FOREIGN KEY ("grassroots_union_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "admission_decision" ADD CONSTRAINT "FK_admission_decision_creator" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await q.query(
      `ALTER TABLE "member" ADD "left_reason" character varying(12), ADD "left_note" text, ADD "staff_id" uuid, ADD "admission_decision_id" uuid, ADD "transferred_from_id" uuid`,
    );
    await q.query(`ALTER TABLE "member" ADD CONSTRAINT "CHK_member_left_reason" CHECK ("left_reason" IN ('TRANSFERRED','LEFT_JOB','WITHDREW','EXPELLED','DIED','PAUSED'))`);
    await q.query(`ALTER TABLE "member" ADD CONSTRAINT "CHK_member_left_reason_day" CHECK ("left_reason" IS NULL OR "left_on" IS NOT NULL)`);
    await q.query(`CREATE INDEX "IDX_member_staff" ON "member" ("staff_id")`);
    await q.query(`CREATE UNIQUE INDEX "UQ_member_active_personal_id" ON "member" ("personal_id") WHERE "left_on" IS NULL AND "personal_id" IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "UQ_member_active_staff" ON "member" ("staff_id") WHERE "left_on" IS NULL AND "staff_id" IS NOT NULL`);
    await q.query(
      `ALTER TABLE "member" ADD CONSTRAINT "FK_member_staff" FOREIGN KEY ("staff_id") REFERENCES "grassroots_staff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "member" ADD CONSTRAINT "FK_member_admission_decision" FOREIGN KEY ("admission_decision_id") REFERENCES "admission_decision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "member" ADD CONSTRAINT "FK_member_transferred_from" FOREIGN KEY ("transferred_from_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Members of a CĐCS so far get a row on its staff list (one per citizen id, else one per membership; the ids
    // reused from a membership so that each finds its own), before the tally trigger changes: UPDATE nets to zero.
    await q.query(
      `INSERT INTO grassroots_staff (id, grassroots_union_id, full_name, citizen_id, birth_year, sex, job, contract_kind, contract_months, nationality, is_manager, serving_sentence)
       SELECT DISTINCT ON (m.grassroots_union_id, coalesce(x.cid, m.id::text))
              m.id, m.grassroots_union_id, m.full_name, x.cid, m.birth_year,
              CASE WHEN lower(m.gender) IN ('nữ', 'nu', 'f', 'female') THEN 'FEMALE' ELSE 'MALE' END,
              a.position, CASE WHEN a.id IS NULL THEN NULL WHEN a.contract_months IS NULL THEN 'INDEFINITE' ELSE 'FIXED_TERM' END,
              a.contract_months, coalesce(a.nationality, 'Việt Nam'), coalesce(a.is_manager, false), coalesce(a.serving_sentence, false)
         FROM member m JOIN org_unit o ON o.id = m.grassroots_union_id AND o.kind = 'GRASSROOTS'
         LEFT JOIN membership_application a ON a.id = m.application_id
         CROSS JOIN LATERAL (SELECT CASE WHEN m.personal_id ~ '^[0-9]{12}$' THEN m.personal_id END AS cid) x
        ORDER BY m.grassroots_union_id, coalesce(x.cid, m.id::text), m.left_on IS NULL DESC, m.admitted_on DESC, m.id`,
    );
    await q.query(
      `UPDATE member m SET staff_id = s.id FROM grassroots_staff s
        WHERE s.grassroots_union_id = m.grassroots_union_id AND (s.id = m.id OR (s.citizen_id IS NOT NULL AND s.citizen_id = m.personal_id))`,
    );

    // No member came by a transfer yet: the new tally column starts at 0 everywhere.
    for (const t of ['member_month', 'member_year', 'member_total']) await q.query(`ALTER TABLE "${t}" ADD "transferred_in" integer NOT NULL DEFAULT '0'`);
    await q.query(TALLY_FUNCTION(COLS));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION member_tally() CASCADE`);
    for (const t of ['member_month', 'member_year', 'member_total']) await q.query(`ALTER TABLE "${t}" DROP COLUMN "transferred_in"`);
    // The function without transfer counts, and its triggers again (as migration 1795496897110 made them).
    const old = TALLY_FUNCTION(OLD_COLS)
      .replace(/, transferred_in\)/g, ')')
      .replace(/, sum\(x\.transferred_in\)/g, '')
      .replace(/,\s*CASE WHEN d\.transferred_from_id IS NULL THEN 0 ELSE d\.n END AS transferred_in/g, '')
      .replace(/, d\.n, 0 FROM d/g, ', d.n FROM d')
      .replace(/ OR sum\(x\.transferred_in\) <> 0/g, '')
      .replace(/, transferred_in = t\.transferred_in \+ EXCLUDED\.transferred_in/g, '')
      .replace(/,\s*coalesce\(sum\(d\.n\) FILTER \(WHERE d\.transferred_from_id IS NOT NULL\), 0\)(?= FROM d)/g, '')
      .replace(/ OR coalesce\(sum\(d\.n\) FILTER \(WHERE d\.transferred_from_id IS NOT NULL\), 0\) <> 0/g, '');
    await q.query(old);
    await q.query(`CREATE TRIGGER member_tally_insert AFTER INSERT ON member REFERENCING NEW TABLE AS member_new FOR EACH STATEMENT EXECUTE FUNCTION member_tally()`);
    await q.query(
      `CREATE TRIGGER member_tally_update AFTER UPDATE ON member REFERENCING OLD TABLE AS member_old NEW TABLE AS member_new FOR EACH STATEMENT EXECUTE FUNCTION member_tally()`,
    );
    await q.query(`CREATE TRIGGER member_tally_delete AFTER DELETE ON member REFERENCING OLD TABLE AS member_old FOR EACH STATEMENT EXECUTE FUNCTION member_tally()`);
    await q.query(`CREATE TRIGGER member_tally_truncate AFTER TRUNCATE ON member FOR EACH STATEMENT EXECUTE FUNCTION member_tally()`);
    await q.query(`ALTER TABLE "member" DROP CONSTRAINT "FK_member_transferred_from"`);
    await q.query(`ALTER TABLE "member" DROP CONSTRAINT "FK_member_admission_decision"`);
    await q.query(`ALTER TABLE "member" DROP CONSTRAINT "FK_member_staff"`);
    await q.query(`DROP INDEX "UQ_member_active_staff"`);
    await q.query(`DROP INDEX "UQ_member_active_personal_id"`);
    await q.query(`DROP INDEX "IDX_member_staff"`);
    await q.query(`ALTER TABLE "member" DROP CONSTRAINT "CHK_member_left_reason_day"`);
    await q.query(`ALTER TABLE "member" DROP CONSTRAINT "CHK_member_left_reason"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "transferred_from_id", DROP COLUMN "admission_decision_id", DROP COLUMN "staff_id", DROP COLUMN "left_note", DROP COLUMN "left_reason"`);
    await q.query(`DROP TABLE "admission_decision"`);
    await q.query(`DROP TABLE "grassroots_staff"`);
    await q.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_role"`);
    await q.query(`ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_role" CHECK ("role" IN ('ADMIN','SUPERVISOR','OFFICER'))`);
  }
}
