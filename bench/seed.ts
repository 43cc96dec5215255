import { hash } from 'bcryptjs';
import { PoolClient } from 'pg';
import { CaseStage, OPEN_STAGES } from '@app/domain';
import { ROOT_ORG_UNIT_ID } from '../libs/persistence/src/migrations/1795496897092-indexes-and-seed';
import { withoutSecondaryIndexes } from './lib/db';

/**
 * The bench world, seeded with set-based SQL (INSERT … SELECT generate_series): a provincial
 * federation with upper-level unions, their officers and supervisors, enterprises, founding cases
 * in every stage with their history and applications, grassroots unions and their members.
 * Ids of generated rows are derived from their number (md5('c' || g)::uuid for case g, 'e' for
 * its enterprise, 'g' for a grassroots union), so related rows are generated independently.
 */

export const PASSWORD = 'bench-password-1';
/** The stages of a case's way through the pipeline, in order, as a SQL array (indexed by stage number + 1). */
const STAGES_ARRAY = `ARRAY[${[...OPEN_STAGES, CaseStage.RECOGNIZED].map((s) => `'${s}'`).join(',')}]`;

export interface BenchUser {
  id: string;
  email: string;
}
export interface World {
  federation: { id: string; path: string };
  units: { id: string; path: string }[];
  federationSupervisor: BenchUser;
  unitSupervisors: BenchUser[];
  /** Officers that own the transition-benchmark cases: client k acts as txOfficers[k]. */
  txOfficers: BenchUser[];
  /** Per tx officer, its cases (stage OUTREACH) with their current version. */
  txCases: { id: string; version: number }[][];
  officersPerUnit: number;
  /** Next free sequence number for generated enterprises/cases/unions. */
  nextG: number;
  grassroots: number;
  members: number;
  openCases: number;
}

const UNITS = 10;

export async function seedStructure(c: PoolClient, officersPerUnit: number, txClients: number): Promise<World> {
  const passwordHash = await hash(PASSWORD, 10);
  const [root] = (await c.query(`SELECT path FROM org_unit WHERE id = $1`, [ROOT_ORG_UNIT_ID])).rows;
  const fed = (
    await c.query(
      `WITH id AS (SELECT md5('federation')::uuid AS id)
       INSERT INTO org_unit (id, name, kind, parent_id, path)
       SELECT id, 'Liên đoàn Lao động tỉnh Bench', 'FEDERATION', $1, $2 || '.' || id FROM id RETURNING id, path`,
      [ROOT_ORG_UNIT_ID, root.path],
    )
  ).rows[0];
  await c.query(`CREATE TABLE bench_unit (i int PRIMARY KEY, id uuid NOT NULL, path text NOT NULL)`);
  await c.query(`INSERT INTO bench_unit SELECT i, md5('unit' || i)::uuid, $2 || '.' || md5('unit' || i)::uuid FROM generate_series(0, $1 - 1) i`, [
    UNITS,
    fed.path,
  ]);
  await c.query(
    `INSERT INTO org_unit (id, name, kind, parent_id, path)
     SELECT id, (ARRAY['Công đoàn ngành Dệt may','Công đoàn ngành Y tế','Công đoàn các KCN','Công đoàn ngành Xây dựng','Công đoàn ngành Giáo dục'])[1 + i % 5] || ' ' || (i + 1),
            'UPPER_LEVEL', $1, path FROM bench_unit`,
    [fed.id],
  );
  // Users: a supervisor per unit and one for the federation, officers per unit, the transition officers in unit 0.
  await c.query(`CREATE TABLE bench_officer (i int PRIMARY KEY, id uuid NOT NULL)`);
  await c.query(`INSERT INTO bench_officer SELECT i, md5('officer' || i)::uuid FROM generate_series(0, $1 - 1) i`, [UNITS * officersPerUnit]);
  await c.query(
    `INSERT INTO app_user (id, email, full_name, role, org_unit_id, password_hash)
     SELECT o.id, 'officer' || o.i || '@bench.vn', 'Cán bộ ' || (ARRAY['Nguyễn Văn','Trần Thị','Lê Văn','Phạm Thị','Hoàng Văn'])[1 + o.i % 5] || ' ' || o.i,
            'OFFICER', u.id, $2
       FROM bench_officer o JOIN bench_unit u ON u.i = o.i % $1`,
    [UNITS, passwordHash],
  );
  const sup = await c.query(
    `INSERT INTO app_user (email, full_name, role, org_unit_id, password_hash)
     SELECT 'supervisor' || u.i || '@bench.vn', 'Ban Thường vụ ' || u.i, 'SUPERVISOR', u.id, $1 FROM bench_unit u ORDER BY u.i RETURNING id, email`,
    [passwordHash],
  );
  const fedSup = await c.query(
    `INSERT INTO app_user (email, full_name, role, org_unit_id, password_hash) VALUES ('fedsup@bench.vn', 'Ban Thường vụ tỉnh', 'SUPERVISOR', $1, $2)
     RETURNING id, email`,
    [fed.id, passwordHash],
  );
  const tx = await c.query(
    `INSERT INTO app_user (email, full_name, role, org_unit_id, password_hash)
     SELECT 'tx' || k || '@bench.vn', 'Cán bộ tải ' || k, 'OFFICER', (SELECT id FROM bench_unit WHERE i = 0), $2
       FROM generate_series(0, $1 - 1) k ORDER BY k RETURNING id, email`,
    [txClients, passwordHash],
  );
  const units = (await c.query(`SELECT id, path FROM bench_unit ORDER BY i`)).rows;
  await c.query(`CREATE TABLE bench_gu (i int PRIMARY KEY, id uuid NOT NULL, case_id uuid)`);
  return {
    federation: { id: fed.id, path: fed.path },
    units,
    federationSupervisor: fedSup.rows[0],
    unitSupervisors: sup.rows,
    txOfficers: tx.rows,
    txCases: [],
    officersPerUnit,
    nextG: 1,
    grassroots: 0,
    members: 0,
    openCases: 0,
  };
}

/**
 * `n` open cases, each with its enterprise (≥25 workers for ~70%) and its history (one ADVANCE per
 * stage passed, opened 30–180 days per stage passed before the current stage's entry). Due days are set from the stage entry like the service does (calendar-day
 * approximations of the SLA: SURVEY 14, OUTREACH 28, GUIDANCE 42, FOUNDING_CEREMONY 28,
 * RECOGNITION_DECISION 14 days; WARNING at 80 %, CRITICAL at 150 %). The time in stage is
 * 1.7·limit·u² (u uniform), so about 31 % of the cases are past WARNING, 23 % past BREACH and
 * 6 % past CRITICAL today: a backlog for the sweep. Cases in GUIDANCE or later get 6 applications
 * when `applications` is set.
 */
export async function seedOpenCases(c: PoolClient, w: World, n: number, applications: boolean): Promise<void> {
  const a = w.nextG;
  const b = a + n - 1;
  w.nextG = b + 1;
  await c.query(`DROP TABLE IF EXISTS seed_batch`);
  await c.query(
    `CREATE TEMP TABLE seed_batch AS
     WITH s AS (
       SELECT g, g % $3 AS ui, ($3 * ((g / $3) % $4) + g % $3) AS oi, random() AS rs, random() AS ra, random() AS ro, random() AS rw
         FROM generate_series($1::int, $2::int) g
     ), st AS (
       SELECT s.*, CASE WHEN rs < 0.35 THEN 0 WHEN rs < 0.60 THEN 1 WHEN rs < 0.80 THEN 2 WHEN rs < 0.92 THEN 3 ELSE 4 END AS si FROM s
     ), d AS (
       SELECT st.*, (ARRAY[14,28,42,28,14])[si + 1] AS l,
              now() - ((ARRAY[14,28,42,28,14])[si + 1] * 1.7 * ra * ra) * interval '1 day' AS entered_at
         FROM st
     )
     SELECT d.g, d.si, d.l, d.entered_at, d.rw,
            (${STAGES_ARRAY})[d.si + 1] AS stage,
            (d.entered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS entered_day,
            d.entered_at - d.si * (30 + ro * 150) * interval '1 day' AS opened_at,
            u.id AS unit_id, o.id AS officer_id
       FROM d JOIN bench_unit u ON u.i = d.ui JOIN bench_officer o ON o.i = d.oi`,
    [a, b, UNITS, w.officersPerUnit],
  );
  await insertEnterprises(c, `SELECT g, unit_id, rw, false AS has_union FROM seed_batch`);
  await c.query(
    `INSERT INTO founding_case (id, enterprise_id, org_unit_id, assignee_id, stage, version, stage_entered_at, stage_entry,
        stage_due_on, opened_due_on, warning_on, critical_on, opened_at, opened_by)
     SELECT md5('c' || g)::uuid, md5('e' || g)::uuid, unit_id, CASE WHEN g % 50 = 0 THEN NULL ELSE officer_id END, stage, si + 1, entered_at, 1,
            entered_day + l, CASE WHEN si = 0 THEN entered_day + l ELSE (opened_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 14 END,
            entered_day + ceil(0.8 * l)::int, entered_day + ceil(1.5 * l)::int, opened_at, officer_id
       FROM seed_batch`,
  );
  await c.query(
    `INSERT INTO case_transition (case_id, version, action, from_stage, to_stage, stage_due_on, by_user_id, at)
     SELECT md5('c' || b.g)::uuid, k + 1, 'ADVANCE', st[k], st[k + 1],
            CASE WHEN k = b.si THEN b.entered_day + b.l
                 ELSE ((b.opened_at + (b.entered_at - b.opened_at) * (k::float8 / b.si)) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 20 END,
            b.officer_id, b.opened_at + (b.entered_at - b.opened_at) * (k::float8 / b.si)
       FROM seed_batch b, LATERAL generate_series(1, b.si) k,
            (SELECT ${STAGES_ARRAY} AS st) s`,
  );
  if (applications) {
    await c.query(
      `INSERT INTO membership_application (case_id, deciding_unit_id, full_name, personal_id, birth_year, gender, position, is_manager,
          serving_sentence, nationality, contract_months, submitted_on, due_on, status, submitted_by)
       SELECT md5('c' || b.g)::uuid, b.unit_id, 'Người lao động ' || b.g || '-' || k, lpad((b.g * 10 + k)::text, 12, '0'), 1970 + (b.g + k) % 35,
              CASE WHEN k % 2 = 0 THEN 'Nữ' ELSE 'Nam' END, 'Công nhân', false, false, 'Việt Nam', 36,
              b.entered_day + k, b.entered_day + k + 14, 'SUBMITTED', b.officer_id
         FROM seed_batch b, LATERAL generate_series(1, 6) k WHERE b.si >= 2`,
    );
  }
  await c.query(`DROP TABLE seed_batch`);
  w.openCases += n;
}

/**
 * A valid tax code for each g < 90,000,000 (distinct per g): the 8 digits of 10,000,000 + g, a 9th digit
 * (0, or 1 where 0 would give the check digit 10, which is never issued), then the check digit
 * 10 − (Σ weight·digit mod 11) with the weights of normalizeTaxCode (libs/domain/src/tax-code.ts).
 */
const TAX_CODE_FROM = `
  CROSS JOIN LATERAL (SELECT (10000000 + src.g)::bigint AS n) tc8
  CROSS JOIN LATERAL (SELECT ${[31, 29, 23, 19, 17, 13, 7, 5].map((w, i) => `${w} * (tc8.n / ${10 ** (7 - i)} % 10)`).join(' + ')} AS s) tcs
  CROSS JOIN LATERAL (SELECT CASE WHEN tcs.s % 11 = 0 THEN 1 ELSE 0 END AS x) tc9`;
const TAX_CODE = `tc8.n::text || tc9.x || (10 - (tcs.s + 3 * tc9.x) % 11)`;

/** Enterprises for the rows of `source` (columns g, unit_id, rw, has_union). */
async function insertEnterprises(c: PoolClient, source: string): Promise<void> {
  await c.query(
    `INSERT INTO enterprise (id, name, tax_code, address, district, sector, ownership, worker_count, surveyed_on, has_union, org_unit_id)
     SELECT md5('e' || g)::uuid, 'Công ty TNHH Sản xuất Bench ' || g, ${TAX_CODE}, 'Số ' || (1 + g % 500) || ' đường Lý Bôn',
            'Huyện ' || (1 + g % 30), (ARRAY['Dệt may','Da giày','Điện tử','Chế biến gỗ','Cơ khí','Xây dựng'])[1 + g % 6],
            (ARRAY['PRIVATE','FOREIGN_INVESTED','PRIVATE','STATE','OTHER'])[1 + (g * 7) % 5],
            CASE WHEN rw < 0.7 THEN 25 + (rw * 3000)::int ELSE 5 + (rw * 19)::int END, current_date - (g % 300), has_union, unit_id
       FROM (${source}) src ${TAX_CODE_FROM}`,
  );
}

/**
 * `recognized` RECOGNIZED cases (decided 2023 – this year, each with its grassroots union),
 * `closed` CLOSED cases, and `preexisting` grassroots unions of enterprises that had a union
 * before the campaign (no case). All grassroots unions are listed in bench_gu for the members.
 */
export async function seedFinishedCases(c: PoolClient, w: World, recognized: number, closed: number, preexisting: number): Promise<void> {
  const a = w.nextG;
  const r1 = a + recognized - 1;
  const k1 = r1 + closed;
  const p1 = k1 + preexisting;
  w.nextG = p1 + 1;
  await c.query(`DROP TABLE IF EXISTS seed_batch`);
  await c.query(
    `CREATE TEMP TABLE seed_batch AS
     SELECT g, CASE WHEN g <= $2 THEN 'R' WHEN g <= $3 THEN 'C' ELSE 'P' END AS kind, u.id AS unit_id, u.path AS unit_path, o.id AS officer_id,
            random() AS rw, date '2023-01-01' + (random() * (current_date - 20 - date '2023-01-01'))::int AS decided_on
       FROM generate_series($1::int, $4::int) g JOIN bench_unit u ON u.i = g % $5 JOIN bench_officer o ON o.i = ($5 * ((g / $5) % $6) + g % $5)`,
    [a, r1, k1, p1, UNITS, w.officersPerUnit],
  );
  await insertEnterprises(c, `SELECT g, unit_id, rw, kind <> 'C' AS has_union FROM seed_batch`);
  await c.query(
    `INSERT INTO org_unit (id, name, kind, parent_id, path, created_at, established_on)
     SELECT md5('g' || g)::uuid, 'Công đoàn cơ sở Công ty Bench ' || g, 'GRASSROOTS', unit_id, unit_path || '.' || md5('g' || g)::uuid,
            CASE WHEN kind = 'R' THEN decided_on ELSE date '2010-01-01' END, CASE WHEN kind = 'R' THEN decided_on ELSE date '2010-01-01' END
       FROM seed_batch WHERE kind IN ('R', 'P')`,
  );
  await c.query(
    `INSERT INTO founding_case (id, enterprise_id, org_unit_id, assignee_id, stage, version, stage_entered_at, stage_entry,
        stage_due_on, opened_due_on, warning_on, critical_on, closed_from_stage, closed_reason, dossier_completed_on, decision_number,
        decided_on, recognized_on, grassroots_union_id, opened_at, opened_by)
     SELECT md5('c' || g)::uuid, md5('e' || g)::uuid, unit_id, officer_id,
            CASE WHEN kind = 'R' THEN 'RECOGNIZED' ELSE 'CLOSED' END, CASE WHEN kind = 'R' THEN 6 ELSE 3 END,
            decided_on::timestamptz, CASE WHEN kind = 'R' THEN 5 ELSE 3 END, NULL, decided_on - 150, NULL, NULL,
            CASE WHEN kind = 'C' THEN 'OUTREACH' END, CASE WHEN kind = 'C' THEN 'WORKERS_DECLINED' END,
            CASE WHEN kind = 'R' THEN decided_on - 10 END, CASE WHEN kind = 'R' THEN g || '/QĐ-LĐLĐ' END,
            CASE WHEN kind = 'R' THEN decided_on END, CASE WHEN kind = 'R' THEN decided_on END,
            CASE WHEN kind = 'R' THEN md5('g' || g)::uuid END, decided_on - 160, officer_id
       FROM seed_batch WHERE kind IN ('R', 'C')`,
  );
  await c.query(
    `INSERT INTO case_transition (case_id, version, action, from_stage, to_stage, stage_due_on, by_user_id, at)
     SELECT md5('c' || b.g)::uuid, k + 1, CASE WHEN b.kind = 'C' AND k = 2 THEN 'CLOSE' ELSE 'ADVANCE' END,
            st[k], CASE WHEN b.kind = 'C' AND k = 2 THEN 'CLOSED' ELSE st[k + 1] END, NULL, b.officer_id,
            (b.decided_on - 160 + k * 30)::timestamptz
       FROM seed_batch b, LATERAL generate_series(1, CASE WHEN b.kind = 'R' THEN 5 ELSE 2 END) k,
            (SELECT ${STAGES_ARRAY} AS st) s
      WHERE b.kind IN ('R', 'C')`,
  );
  await c.query(
    `INSERT INTO bench_gu (i, id, case_id)
     SELECT $1 + row_number() OVER (ORDER BY g) - 1, md5('g' || g)::uuid, CASE WHEN kind = 'R' THEN md5('c' || g)::uuid END
       FROM seed_batch WHERE kind IN ('R', 'P')`,
    [w.grassroots],
  );
  w.grassroots += recognized + preexisting;
  await c.query(`DROP TABLE seed_batch`);
}

/** The transition-benchmark cases: `perClient` cases in OUTREACH for each tx officer. */
export async function seedTxCases(c: PoolClient, w: World, perClient: number): Promise<void> {
  const n = w.txOfficers.length * perClient;
  const a = w.nextG;
  const b = a + n - 1;
  w.nextG = b + 1;
  const officers = w.txOfficers.map((o) => o.id);
  await c.query(`DROP TABLE IF EXISTS seed_batch`);
  await c.query(
    `CREATE TEMP TABLE seed_batch AS
     SELECT g, (SELECT id FROM bench_unit WHERE i = 0) AS unit_id, ($3::uuid[])[1 + (g - $1) % array_length($3::uuid[], 1)] AS officer_id, 0.9 AS rw
       FROM generate_series($1::int, $2::int) g`,
    [a, b, officers],
  );
  await insertEnterprises(c, `SELECT g, unit_id, rw, false AS has_union FROM seed_batch`);
  await c.query(
    `INSERT INTO founding_case (id, enterprise_id, org_unit_id, assignee_id, stage, version, stage_entered_at, stage_entry,
        stage_due_on, opened_due_on, warning_on, critical_on, opened_at, opened_by)
     SELECT md5('c' || g)::uuid, md5('e' || g)::uuid, unit_id, officer_id, 'OUTREACH', 2, now(), 2,
            current_date + 28, current_date + 14, current_date + 23, current_date + 42, now() - interval '10 days', officer_id
       FROM seed_batch`,
  );
  await c.query(
    `INSERT INTO case_transition (case_id, version, action, from_stage, to_stage, stage_due_on, by_user_id, at)
     SELECT md5('c' || g)::uuid, 2, 'ADVANCE', 'SURVEY', 'OUTREACH', current_date + 28, officer_id, now() FROM seed_batch`,
  );
  await c.query(
    `INSERT INTO case_evidence (case_id, kind, stage, occurred_on, details, recorded_by)
     SELECT md5('c' || g)::uuid, 'SURVEY', 'SURVEY', current_date - 5, '{"workerCount": 300, "hasUnion": false}', officer_id FROM seed_batch`,
  );
  const rows = (await c.query(`SELECT c.id, c.version, c.assignee_id FROM founding_case c JOIN seed_batch b ON c.id = md5('c' || b.g)::uuid ORDER BY b.g`))
    .rows;
  w.txCases = w.txOfficers.map((o) => rows.filter((r) => r.assignee_id === o.id).map((r) => ({ id: r.id, version: r.version })));
  await c.query(`DROP TABLE seed_batch`);
}

/**
 * `n` more members spread over every grassroots union, admitted 2014 – today (≈ 8 % a year), 5 % left.
 * Rows go in in admission order, as a register filled over the years would be (so the heap is
 * correlated with admitted_on, which a range scan on IDX_member_admitted benefits from).
 */
export async function seedMembers(c: PoolClient, w: World, n: number): Promise<void> {
  const a = w.members + 1;
  const b = w.members + n;
  await c.query(
    `INSERT INTO member (grassroots_union_id, case_id, full_name, personal_id, birth_year, gender, admitted_on, decision_number, left_on)
     SELECT gu.id, gu.case_id, 'Đoàn viên ' || s.g, lpad(s.g::text, 12, '0'), 1965 + s.g % 40, CASE WHEN s.g % 2 = 0 THEN 'Nữ' ELSE 'Nam' END,
            s.adm, 'QĐ-' || (s.g % 9999), CASE WHEN s.g % 20 = 0 AND s.adm + 400 < current_date THEN s.adm + 400 END
       FROM (SELECT g, date '2014-01-01' + (random() * (current_date - date '2014-01-01'))::int AS adm FROM generate_series($1::int, $2::int) g) s
       JOIN bench_gu gu ON gu.i = s.g % $3
      ORDER BY s.adm`,
    [a, b, w.grassroots],
  );
  w.members = b;
}

/** Targets of last year and this year for the federation, the units and the officers. */
export async function seedTargets(c: PoolClient, w: World, setBy: string): Promise<void> {
  for (const year of [new Date().getFullYear() - 1, new Date().getFullYear()]) {
    await c.query(
      `INSERT INTO target (year, org_unit_id, officer_id, new_members, new_grassroots_unions, coverage_percent, set_by)
       SELECT $1::int, $2::uuid, NULL::uuid, 500000, 3000, 80, $3::uuid UNION ALL
       SELECT $1, id, NULL, 50000, 300, 80, $3 FROM bench_unit UNION ALL
       SELECT $1, NULL, o.id, 2000, 10, NULL, $3 FROM bench_officer o`,
      [year, w.federation.id, setBy],
    );
  }
}

/** Runs `load` with the secondary indexes and foreign keys of `tables` dropped, then rebuilds them and VACUUM ANALYZEs. */
export async function bulk(c: PoolClient, tables: string[], load: () => Promise<void>): Promise<void> {
  await withoutSecondaryIndexes(c, tables, load);
  for (const t of tables) await c.query(`VACUUM (ANALYZE) ${t}`);
}
