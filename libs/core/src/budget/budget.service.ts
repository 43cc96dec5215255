import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_BUDGET_HEADINGS, IsoDate, divideMoney, moneyPercent } from '@app/domain';
import { Actor } from '../common/actor';
import { badInput } from '../common/app-error';
import { RULE } from '../common/messages-vi';
import { CalendarService } from '../calendar/calendar.service';
import { FiguresService, ScopeUnit } from '../figures/figures.service';
import { OrgUnitsService } from '../identity/org-units.service';
import { assertMayRead } from '../plan/plan-scope';
import { BudgetEntryView, BudgetHeadingTotals, BudgetTotals, BudgetView } from './budget-types';

export * from './budget-types';

/** The columns of a ledger row as BudgetEntryView (`e` the entry, `h` its heading). */
export const ENTRY_COLUMNS = `e.id::text AS id, e.org_unit_id AS "orgUnitId", e.heading_id AS "headingId", h.name AS "headingName",
  e.spent_on AS "spentOn", e.amount::text AS amount, e.voucher_number AS "voucherNumber", e.note, e.case_id AS "caseId",
  e.grassroots_union_id AS "grassrootsUnionId", e.reverses_id::text AS "reversesId",
  (SELECT r.id::text FROM budget_entry r WHERE r.reverses_id = e.id) AS "reversedById", e.recorded_by AS "recordedById", e.recorded_at AS "recordedAt"`;

/**
 * The budget's reads: a unit's headings with plan and spending, the ledger, cost per new member and per new CĐCS
 * (from FiguresService), and `totalsUpTo` for other services (the review meetings, the period report).
 * See docs/architecture.md#plan-areas-and-budget.
 */
@Injectable()
export class BudgetService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orgUnits: OrgUnitsService,
    private readonly figures: FiguresService,
    private readonly calendar: CalendarService,
  ) {}

  async budget(actor: Actor, orgUnitId: string, year: number): Promise<BudgetView> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput({ year: RULE.between('year', 2000, 2100) });
    const unit = await this.orgUnits.getVisible(actor, orgUnitId);
    assertMayRead(actor, unit);
    await ensureHeadings(this.db, unit.id);
    const today = this.calendar.today();
    const start = `${year}-01-01`;
    const end = `${year}-12-31`;
    const upTo = today < end ? (today < start ? start : today) : end;
    const [headings, entries, newMembers, newUnions] = await Promise.all([
      headingTotals(this.db, unit.id, year),
      this.db.query<BudgetEntryView[]>(
        `SELECT ${ENTRY_COLUMNS} FROM budget_entry e JOIN budget_heading h ON h.id = e.heading_id
          WHERE e.org_unit_id = $1 AND e.spent_on BETWEEN $2 AND $3 ORDER BY e.id`,
        [unit.id, start, end],
      ),
      today < start ? 0 : this.figures.newMembers(this.db, unit, { start, end: upTo }),
      today < start ? 0 : this.figures.newGrassrootsUnions(this.db, unit, { start, end: upTo }),
    ]);
    const planned = headings.reduce((n, h) => n + BigInt(h.planned ?? 0), 0n);
    const spent = headings.reduce((n, h) => n + BigInt(h.spent), 0n);
    const days = (d: IsoDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
    const elapsed = today < start ? 0n : BigInt(days(upTo) - days(start) + 1);
    return {
      orgUnitId: unit.id,
      year,
      headings,
      planned: planned.toString(),
      spent: spent.toString(),
      spentPercent: moneyPercent(spent, planned),
      yearElapsedPercent: moneyPercent(elapsed, BigInt(days(end) - days(start) + 1))!,
      newMembers,
      newGrassrootsUnions: newUnions,
      costPerNewMember: divideMoney(spent, BigInt(newMembers))?.toString() ?? null,
      costPerNewGrassrootsUnion: divideMoney(spent, BigInt(newUnions))?.toString() ?? null,
      entries,
    };
  }

  /**
   * What a unit's subtree spent from 1 January of `day`'s year (or `from`) to `day`, against the year's plan, in total
   * and by heading (the subtree's headings merged by name). No scope check: the caller checks it.
   */
  async totalsUpTo(unit: ScopeUnit, day: IsoDate, from?: IsoDate, m: EntityManager | DataSource = this.db): Promise<BudgetTotals> {
    const start = from ?? `${day.slice(0, 4)}-01-01`;
    const rows: { name: string; planned: string; spent: string }[] = await m.query(
      `WITH units AS (SELECT id FROM org_unit WHERE path = $1 OR path LIKE $1 || '.%'),
            heads AS (SELECT h.id, h.name, h.position, h.name_fold FROM budget_heading h WHERE h.org_unit_id IN (SELECT id FROM units))
       SELECT min(x.name) AS name,
              coalesce(sum((SELECT p.amount FROM budget_plan p WHERE p.heading_id = x.id AND p.year = $4)), 0)::text AS planned,
              coalesce(sum((SELECT sum(e.amount) FROM budget_entry e WHERE e.heading_id = x.id AND e.spent_on BETWEEN $2 AND $3)), 0)::text AS spent
         FROM heads x GROUP BY x.name_fold ORDER BY min(x.position), 1`,
      [unit.path, start, day, Number(day.slice(0, 4))],
    );
    return {
      orgUnitId: unit.id,
      from: start,
      to: day,
      planned: rows.reduce((n, r) => n + BigInt(r.planned), 0n).toString(),
      spent: rows.reduce((n, r) => n + BigInt(r.spent), 0n).toString(),
      byHeading: rows,
    };
  }

  /** The ledger rows of a subtree in a period, oldest first (the period report's budget sheet). */
  async entriesOf(unit: ScopeUnit, from: IsoDate, to: IsoDate, m: EntityManager | DataSource = this.db): Promise<BudgetEntryView[]> {
    return m.query(
      `SELECT ${ENTRY_COLUMNS} FROM budget_entry e JOIN budget_heading h ON h.id = e.heading_id JOIN org_unit o ON o.id = e.org_unit_id
        WHERE (o.path = $1 OR o.path LIKE $1 || '.%') AND e.spent_on BETWEEN $2 AND $3 ORDER BY e.spent_on, e.id LIMIT 5000`,
      [unit.path, from, to],
    );
  }
}

/** A unit without headings gets the seed plan's (once; a concurrent caller's insert wins quietly). */
export async function ensureHeadings(m: EntityManager | DataSource, unitId: string): Promise<void> {
  await m.query(
    `INSERT INTO budget_heading (org_unit_id, name, name_fold, position)
     SELECT $1, d.name, vn_fold(d.name), d.n FROM unnest($2::text[]) WITH ORDINALITY AS d(name, n)
      WHERE NOT EXISTS (SELECT 1 FROM budget_heading WHERE org_unit_id = $1)
     ON CONFLICT (org_unit_id, name_fold) DO NOTHING`,
    [unitId, DEFAULT_BUDGET_HEADINGS],
  );
}

/** A unit's headings with the year's plan line and spending (its own ledger). */
export async function headingTotals(m: EntityManager | DataSource, unitId: string, year: number, headingId?: string): Promise<BudgetHeadingTotals[]> {
  const rows: { id: string; org_unit_id: string; name: string; position: number; active: boolean; planned: string | null; spent: string }[] = await m.query(
    `SELECT h.id, h.org_unit_id, h.name, h.position, h.active, p.amount::text AS planned,
            coalesce((SELECT sum(e.amount) FROM budget_entry e WHERE e.heading_id = h.id AND e.spent_on BETWEEN $2 AND $3), 0)::text AS spent
       FROM budget_heading h LEFT JOIN budget_plan p ON p.heading_id = h.id AND p.year = $4
      WHERE h.org_unit_id = $1 AND ($5::uuid IS NULL OR h.id = $5) ORDER BY h.position, h.name`,
    [unitId, `${year}-01-01`, `${year}-12-31`, year, headingId ?? null],
  );
  return rows.map((r) => {
    const planned = r.planned === null ? null : BigInt(r.planned);
    const spent = BigInt(r.spent);
    return {
      id: r.id,
      orgUnitId: r.org_unit_id,
      name: r.name,
      position: r.position,
      active: r.active,
      planned: r.planned,
      spent: r.spent,
      spentPercent: planned === null ? null : moneyPercent(spent, planned),
      overPlan: planned !== null && spent > planned,
    };
  });
}
