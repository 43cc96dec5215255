import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RETURN_INDICATORS, ReturnFigures, ReturnIndicator, ReturnPeriodKind, ReturnStatus } from '@app/domain';
import { Actor, Role, canSeeUnit, subtreeLike } from '../common/actor';
import { notFound } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { FIGURE_COLUMNS, PREFILL_SQL, figuresOf } from './return-figures.sql';
import { DatedPeriod, ON_RETURN_LIST_BY_SETTING_SQL, ON_RETURN_LIST_SQL, ReturnPeriodsService, SETTING_OF_SQL } from './return-periods.service';
import { viOrder } from '../common/vietnamese-order';

/** Where a CĐCS stands for a period: its return's status, or NOT_SUBMITTED (not yet due) / MISSING (past the due day). */
export type BoardState = ReturnStatus | 'NOT_SUBMITTED' | 'MISSING';

export interface BoardRow {
  grassrootsUnionId: string;
  name: string;
  state: BoardState;
  /** First submitted after the due day, or missing past it. */
  late: boolean;
  dueOn: string;
  returnId: string | null;
}

export interface ConsolidatedRow {
  unitId: string;
  name: string;
  /** CĐCS in the unit's subtree, and how many of them have an accepted return. */
  grassroots: number;
  accepted: number;
  figures: ReturnFigures;
}

export interface Consolidated {
  unitId: string;
  unitName: string;
  rows: ConsolidatedRow[];
  total: ConsolidatedRow;
  /** The CĐCS of the subtree without an accepted return, by name, with their state. */
  missing: BoardRow[];
}

interface ScopedUnit {
  id: string;
  name: string;
  path: string;
  kind: string;
}

/** The upper level's view of its CĐCS's returns (docs/architecture.md#statistics-returns): the board and the consolidation. */
@Injectable()
export class ReturnsBoardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly periods: ReturnPeriodsService,
    private readonly calendar: CalendarService,
  ) {}

  /** The unit as the caller may read it: GRASSROOTS its own CĐCS only; others their subtree. */
  async unit(m: EntityManager, actor: Actor, id: string): Promise<ScopedUnit> {
    const [u] = /^[0-9a-f-]{36}$/i.test(id) ? await m.query(`SELECT id, name, path, kind FROM org_unit WHERE id = $1 AND dissolved_at IS NULL`, [id]) : [];
    if (!u || (actor.role === Role.GRASSROOTS ? u.id !== actor.orgUnitId : !canSeeUnit(actor, u.path))) throw notFound('orgUnit');
    return u;
  }

  async board(actor: Actor, unitId: string, kind: ReturnPeriodKind, year: number, today = this.calendar.today()): Promise<BoardRow[]> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const u = await this.unit(m, actor, unitId);
      return this.states(m, u.path, kind, year, today, false);
    });
  }

  /**
   * Every CĐCS of the subtree at `path` listed for the period (ON_RETURN_LIST_SQL: it owes the return or sent one in)
   * with its state (`missingOnly`: those without an accepted return); `only`: just those CĐCS (jsonb rows with their id:
   * the consolidation's missing list, already found listed in its one pass, so not checked again).
   */
  async states(
    m: EntityManager,
    path: string,
    kind: ReturnPeriodKind,
    year: number,
    today: string,
    missingOnly: boolean,
    only?: string,
    dated?: DatedPeriod[],
  ): Promise<BoardRow[]> {
    const periods = ReturnPeriodsService.asJson(dated ?? (await this.periods.allDated(m, kind, year)));
    const units = only
      ? `org_unit o WHERE o.id IN (SELECT j.id FROM jsonb_to_recordset($5::jsonb) AS j(id uuid))`
      : `org_unit o WHERE o.kind = 'GRASSROOTS' AND o.dissolved_at IS NULL AND (o.path = $5 OR o.path LIKE $6)`;
    const rows = await m.query(
      `WITH g AS (
         SELECT o.id, o.name, o.established_on, ${SETTING_OF_SQL('o', '$1')} AS setting FROM ${units}
       )
       SELECT g.id AS "grassrootsUnionId", g.name, r.id AS "returnId", to_char(coalesce(r.due_on, p.due), 'YYYY-MM-DD') AS "dueOn",
              CASE WHEN r.status IN ('SUBMITTED', 'SENT_BACK', 'ACCEPTED') THEN r.status
                   WHEN coalesce(r.due_on, p.due) < $4::date THEN 'MISSING' ELSE 'NOT_SUBMITTED' END AS state,
              CASE WHEN r.first_submitted_at IS NOT NULL THEN (r.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > r.due_on
                   ELSE coalesce(r.due_on, p.due) < $4::date END AS late
         FROM g JOIN jsonb_to_recordset($1::jsonb) AS p(setting uuid, start date, ref date, due date, remind date) ON p.setting IS NOT DISTINCT FROM g.setting
         LEFT JOIN statistics_return r ON r.grassroots_union_id = g.id AND r.period_kind = $2 AND r.year = $3
        WHERE ${only ? 'true' : ON_RETURN_LIST_SQL('g', 'p.ref', '$2', '$3')} ${missingOnly ? `AND r.status IS DISTINCT FROM 'ACCEPTED'` : ''}
        ORDER BY ${viOrder('g.name')}, g.id`,
      [periods, kind, year, today, ...(only ? [only] : [path, subtreeLike(path)])],
    );
    return rows;
  }

  /** The subtree's sum of accepted returns, one row per child unit (the unit itself when it is a CĐCS) and a total. */
  async consolidated(actor: Actor, unitId: string, kind: ReturnPeriodKind, year: number, today = this.calendar.today()): Promise<Consolidated> {
    return this.db.transaction('REPEATABLE READ', async (m) => this.consolidate(m, await this.unit(m, actor, unitId), kind, year, today));
  }

  /**
   * One pass over the subtree's CĐCS, grouped by their parent unit (a uuid: cheap to hash, few groups), with the
   * accepted return joined: the sums, the counts and the CĐCS without an accepted return. The parents are then
   * folded into the unit's children by their paths (joined to the few groups), and only the missing CĐCS get their board state
   * (docs/architecture.md#statistics-returns; `npm run bench`, suite returns).
   */
  async consolidate(m: EntityManager, u: ScopedUnit, kind: ReturnPeriodKind, year: number, today: string): Promise<Consolidated> {
    const sums = FIGURE_COLUMNS.map((c) => `sum(r.${c}) AS "${c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase())}"`).join(', ');
    const scope = u.kind === 'GRASSROOTS' ? `o.id = $1::uuid` : `o.path LIKE $1`;
    // Only the CĐCS listed for the period: those that owe it (or sent one in anyway), as on the board.
    const dated = await this.periods.allDated(m, kind, year);
    const listed = ON_RETURN_LIST_BY_SETTING_SQL('o', '$4::date', '$5');
    const periodParams = [ReturnPeriodsService.earliestRef(dated), await ReturnPeriodsService.youngListed(m, dated, kind, year)];
    const groups: (Record<string, unknown> & { parent: string; parentPath: string; grassroots: string; accepted: string; missing: object[] | null })[] =
      await m.query(
        `SELECT g.*, p.path AS "parentPath" FROM (
           SELECT o.parent_id AS parent, count(*) AS grassroots, count(r.id) AS accepted, ${sums},
                  jsonb_agg(jsonb_build_object('id', o.id)) FILTER (WHERE r.id IS NULL) AS missing
             FROM org_unit o LEFT JOIN statistics_return r ON r.grassroots_union_id = o.id AND r.period_kind = $2 AND r.year = $3 AND r.status = 'ACCEPTED'
            WHERE o.kind = 'GRASSROOTS' AND o.dissolved_at IS NULL AND ${scope} AND ${listed}
            GROUP BY o.parent_id) g LEFT JOIN org_unit p ON p.id = g.parent`,
        [u.kind === 'GRASSROOTS' ? u.id : subtreeLike(u.path), kind, year, ...periodParams],
      );
    // The rows: the unit's live children (the unit itself when it is a CĐCS); a CĐCS directly under the unit is its own row.
    const children: { id: string; name: string; kind: string }[] = await m.query(
      u.kind === 'GRASSROOTS'
        ? `SELECT id, name, kind FROM org_unit WHERE id = $1`
        : `SELECT id, name, kind FROM org_unit WHERE parent_id = $1 AND dissolved_at IS NULL ORDER BY ${viOrder('name')}, id`,
      [u.id],
    );
    const rowOf = new Map(children.map((c) => [c.id, { unitId: c.id, name: c.name, grassroots: 0, accepted: 0, figures: figuresOf({}) }]));
    const add = (row: ConsolidatedRow | undefined, g: Record<string, unknown>, grassroots: number, accepted: number) => {
      if (!row) return;
      row.grassroots += grassroots;
      row.accepted += accepted;
      // A nullable indicator (union groups) stays blank where no accepted return gives it.
      const f = figuresOf(g);
      for (const k of RETURN_INDICATORS) {
        const v = f[k];
        if (v !== null) (row.figures as Record<ReturnIndicator, number | null>)[k] = (row.figures[k] ?? 0) + v;
      }
    };
    const childOf = (parentPath: string) => parentPath.slice(u.path.length + 1).split('.')[0];
    const missingRows: object[] = [];
    for (const g of groups) {
      missingRows.push(...(g.missing ?? []));
      if (u.kind === 'GRASSROOTS') add(rowOf.get(u.id), g, Number(g.grassroots), Number(g.accepted));
      else if (g.parent !== u.id) add(rowOf.get(childOf(g.parentPath)), g, Number(g.grassroots), Number(g.accepted));
    }
    const listedDirect = new Set<string>();
    if (u.kind !== 'GRASSROOTS' && groups.some((g) => g.parent === u.id)) {
      // CĐCS directly under the unit: each its own row, so their figures are read one by one (few, by the parent index).
      const direct: Record<string, unknown>[] = await m.query(
        `SELECT o.id, count(r.id) AS accepted, ${sums} FROM org_unit o
           LEFT JOIN statistics_return r ON r.grassroots_union_id = o.id AND r.period_kind = $2 AND r.year = $3 AND r.status = 'ACCEPTED'
          WHERE o.parent_id = $1 AND o.kind = 'GRASSROOTS' AND o.dissolved_at IS NULL AND ${listed} GROUP BY o.id`,
        [u.id, kind, year, ...periodParams],
      );
      for (const d of direct) add(rowOf.get(d.id as string), d, 1, Number(d.accepted));
      for (const d of direct) listedDirect.add(d.id as string);
    }
    // A CĐCS directly under the unit that is not listed for the period (created after its reference day) has no row.
    if (u.kind !== 'GRASSROOTS') for (const c of children) if (c.kind === 'GRASSROOTS' && !listedDirect.has(c.id)) rowOf.delete(c.id);
    await this.dissolvedInPeriod(m, u, ReturnPeriodsService.forPath(dated, u.path), rowOf, add);
    const out = [...rowOf.values()];
    const total: ConsolidatedRow = { unitId: u.id, name: 'Tổng cộng', grassroots: 0, accepted: 0, figures: figuresOf({}) };
    for (const r of out) add(total, r.figures, r.grassroots, r.accepted);
    const missing = missingRows.length ? await this.states(m, u.path, kind, year, today, true, JSON.stringify(missingRows), dated) : [];
    return { unitId: u.id, unitName: u.name, rows: out, total, missing };
  }

  /**
   * CĐCS dissolved during the period file no return: their register's membership figures count in their row (a
   * dissolved CĐCS directly under the unit gets a row of its own), so memberships ended by a dissolution by policy
   * (leftDissolved) show apart from ordinary leaving (docs/architecture.md#statistics-returns). Their staff are no
   * longer counted as "not members", nor their union groups.
   */
  private async dissolvedInPeriod(
    m: EntityManager,
    u: ScopedUnit,
    p: DatedPeriod,
    rowOf: Map<string, ConsolidatedRow>,
    add: (row: ConsolidatedRow | undefined, g: Record<string, unknown>, grassroots: number, accepted: number) => void,
  ): Promise<void> {
    const gone: { id: string; name: string; path: string }[] = await m.query(
      `SELECT o.id, o.name, o.path FROM org_unit o
        WHERE o.kind = 'GRASSROOTS' AND o.dissolved_at IS NOT NULL AND ${u.kind === 'GRASSROOTS' ? 'o.id = $1::uuid' : 'o.path LIKE $1'}
          AND o.dissolved_at >= $2::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
          AND o.dissolved_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`,
      [u.kind === 'GRASSROOTS' ? u.id : subtreeLike(u.path), p.start, p.end],
    );
    if (!gone.length) return;
    const figures: Record<string, unknown>[] = await m.query(PREFILL_SQL, [gone.map((g) => g.id), p.start, p.end]);
    const byId = new Map(gone.map((g) => [g.id, g]));
    for (const f of figures) {
      const g = byId.get(f.id as string)!;
      const child = u.kind === 'GRASSROOTS' ? u.id : g.path.slice(u.path.length + 1).split('.')[0];
      if (!rowOf.has(child)) rowOf.set(child, { unitId: g.id, name: `${g.name} (đã giải thể)`, grassroots: 0, accepted: 0, figures: figuresOf({}) });
      add(rowOf.get(child), { ...f, staffNotMembers: 0, unionGroups: null }, 0, 0);
    }
  }
}
