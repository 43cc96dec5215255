import { DataSource } from 'typeorm';
import { CalendarService, FIGURE_COLUMNS, ReturnsBoardService, subtreeLike } from '@app/core';
import { Ctx, Row } from '../lib/context';
import { timed } from '../lib/load';
import { median } from '../lib/stats';

const UNIONS = 10;
const CDCS = 20_000;
/** Members per CĐCS at the period's end: 100 on average → 2,000,000. */
const MEMBERS_EACH = 100;
/** Every 40th CĐCS has no accepted return (half submitted, half nothing): 500 in the missing list. */
const MISSING_EVERY = 40;

/**
 * The consolidated statistics return (docs/architecture.md#statistics-returns) of a federation of its own with 20,000
 * CĐCS under 10 upper-level unions and 2,000,000 members in their accepted YEAR returns (rows generated in SQL):
 * ReturnsBoardService.consolidate (per child unit sums, the total, the CĐCS without an accepted return) against the bare
 * SQL sum of the subtree's accepted returns of the period.
 */
export async function returnsSuite(ctx: Ctx): Promise<void> {
  const { pg } = ctx;
  const today = ctx.app.get(CalendarService).today();
  const year = Number(today.slice(0, 4)) - 1;
  const seeded = await timed(async () => {
    await pg.query(
      `INSERT INTO org_unit (id, name, kind, parent_id, path)
       SELECT md5('returns-federation')::uuid, 'LĐLĐ tỉnh Báo Cáo', 'FEDERATION', r.id, r.path || '.' || md5('returns-federation')::uuid
         FROM org_unit r WHERE r.parent_id IS NULL ON CONFLICT DO NOTHING`,
    );
    const [fed] = (await pg.query(`SELECT id, path FROM org_unit WHERE id = md5('returns-federation')::uuid`)).rows;
    await pg.query(
      `INSERT INTO org_unit (id, name, kind, parent_id, path)
       SELECT md5('returns-union-' || i)::uuid, 'Công đoàn ngành ' || i, 'UPPER_LEVEL', $1, $2 || '.' || md5('returns-union-' || i)::uuid
         FROM generate_series(1, ${UNIONS}) i ON CONFLICT DO NOTHING`,
      [fed.id, fed.path],
    );
    await pg.query(
      `INSERT INTO org_unit (id, name, kind, parent_id, path, created_at, established_on)
       SELECT md5('returns-cdcs-' || i)::uuid, 'Công đoàn cơ sở Báo Cáo ' || i, 'GRASSROOTS', u.id, u.path || '.' || md5('returns-cdcs-' || i)::uuid, '2020-01-01', '2020-01-01'
         FROM generate_series(1, ${CDCS}) i JOIN org_unit u ON u.id = md5('returns-union-' || (1 + i % ${UNIONS}))::uuid ON CONFLICT DO NOTHING`,
    );
    const [user] = (await pg.query(`SELECT id FROM app_user ORDER BY created_at LIMIT 1`)).rows;
    // Figures that balance: start + admitted + in − left = end; 2,000,000 members at the end in all.
    await pg.query(
      `INSERT INTO statistics_return (grassroots_union_id, period_kind, year, period_start, reference_day, due_on, status, updated_by, first_submitted_at, submitted_at,
         members_at_start, admitted, transferred_in, left_transferred, left_job, left_withdrew, left_expelled, left_died, left_paused, members_at_end, women_members, staff_not_members)
       SELECT md5('returns-cdcs-' || i)::uuid, 'YEAR', $1, make_date($1 - 1, 12, 1), make_date($1, 11, 30), make_date($1, 12, 14),
              CASE WHEN i % ${MISSING_EVERY} = 0 THEN 'SUBMITTED' ELSE 'ACCEPTED' END, $2, now(), now(),
              ${MEMBERS_EACH} - 10 + i % 7, 8, 2, 1, 2 + i % 7, 1, 0, 0, 0, ${MEMBERS_EACH}, ${MEMBERS_EACH / 2}, 5
         FROM generate_series(1, ${CDCS}) i
        WHERE i % ${MISSING_EVERY * 2} <> ${MISSING_EVERY}
       ON CONFLICT DO NOTHING`,
      [year, user.id],
    );
    await pg.query(`ANALYZE org_unit; ANALYZE statistics_return`);
    return fed as { id: string; path: string };
  });
  const fed = seeded.value;
  ctx.seeding.push({
    what: `${CDCS.toLocaleString('en-US')} CĐCS and their YEAR ${year} returns (${(CDCS * MEMBERS_EACH).toLocaleString('en-US')} members)`,
    ms: seeded.ms,
  });
  // The baseline sums every figure the consolidation sums, so the ratio prices the per-unit rows and the missing list.
  const sumCols = FIGURE_COLUMNS;
  const bare = () =>
    pg.query(
      `SELECT count(*)::int AS n, ${sumCols.map((c) => `sum(r.${c})::bigint AS ${c}`).join(', ')}
         FROM statistics_return r JOIN org_unit o ON o.id = r.grassroots_union_id
        WHERE r.period_kind = 'YEAR' AND r.year = $1 AND r.status = 'ACCEPTED' AND (o.path = $2 OR o.path LIKE $3)`,
      [year, fed.path, subtreeLike(fed.path)],
    );
  const boards = ctx.app.get(ReturnsBoardService);
  const db = ctx.app.get(DataSource);
  const unit = { ...fed, name: 'LĐLĐ tỉnh Báo Cáo', kind: 'FEDERATION' };
  const system = () => db.transaction('REPEATABLE READ', (m) => boards.consolidate(m, unit, 'YEAR', year, today));
  const base: number[] = [];
  const sys: number[] = [];
  let check = '';
  for (let r = 0; r < Math.max(ctx.scale.rounds, 5); r++) {
    const b = await timed(bare);
    base.push(b.ms);
    const s = await timed(system);
    sys.push(s.ms);
    const bareEnd = Number(b.value.rows[0].members_at_end);
    if (s.value.total.figures.membersAtEnd !== bareEnd) throw new Error(`consolidation ${s.value.total.figures.membersAtEnd} ≠ bare sum ${bareEnd}`);
    check = `${s.value.total.accepted.toLocaleString('en-US')} accepted returns of ${s.value.total.grassroots.toLocaleString('en-US')} CĐCS, ${s.value.total.figures.membersAtEnd.toLocaleString('en-US')} members at the end (the bare sum agrees), ${s.value.rows.length} unit rows, ${s.value.missing.length} CĐCS without an accepted return`;
    ctx.log(`  returns r${r}: bare ${b.ms.toFixed(0)} ms, consolidated ${s.ms.toFixed(0)} ms — ${check}`);
  }
  const row: Row = {
    section: 'returns',
    name: `consolidated statistics return of a federation: ${CDCS.toLocaleString('en-US')} CĐCS, ${(CDCS * MEMBERS_EACH).toLocaleString('en-US')} members (sums per unit, total, missing list)`,
    baseline: "bare SQL: sum of the subtree's accepted returns of the period",
    unit: 'ms',
    system: median(sys),
    base: median(base),
    ratio: NaN,
    rounds: { system: sys, base },
    note: check,
    target: { text: '≤ 2× bare SQL', met: median(sys) <= 2 * median(base) },
  };
  row.ratio = row.base / row.system;
  ctx.rows.push(row);
}
