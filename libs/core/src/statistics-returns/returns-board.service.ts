import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NULLABLE_INDICATORS, RETURN_INDICATORS, ReturnFigures, ReturnIndicator, ReturnPeriodKind, ReturnStatus } from '@app/domain';
import { Actor, Role, canSeeUnit, subtreeLike } from '../common/actor';
import { notFound } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { FIGURE_COLUMNS, columnOf, figuresOf } from './return-figures.sql';
import { ReturnPeriodsService, SETTING_OF_SQL } from './return-periods.service';

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

  /** Every CĐCS of the subtree at `path` with its state (`missingOnly`: those without an accepted return). */
  async states(m: EntityManager, path: string, kind: ReturnPeriodKind, year: number, today: string, missingOnly: boolean): Promise<BoardRow[]> {
    const periods = ReturnPeriodsService.asJson(await this.periods.allDated(m, kind, year));
    const rows = await m.query(
      `WITH g AS (
         SELECT o.id, o.name, ${SETTING_OF_SQL('o', '$3')} AS setting FROM org_unit o
          WHERE o.kind = 'GRASSROOTS' AND o.dissolved_at IS NULL AND (o.path = $1 OR o.path LIKE $2)
       )
       SELECT g.id AS "grassrootsUnionId", g.name, r.id AS "returnId", to_char(coalesce(r.due_on, p.due), 'YYYY-MM-DD') AS "dueOn",
              CASE WHEN r.status IN ('SUBMITTED', 'SENT_BACK', 'ACCEPTED') THEN r.status
                   WHEN coalesce(r.due_on, p.due) < $6::date THEN 'MISSING' ELSE 'NOT_SUBMITTED' END AS state,
              CASE WHEN r.first_submitted_at IS NOT NULL THEN (r.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > r.due_on
                   ELSE coalesce(r.due_on, p.due) < $6::date END AS late
         FROM g JOIN jsonb_to_recordset($3::jsonb) AS p(setting uuid, start date, ref date, due date, remind date) ON p.setting IS NOT DISTINCT FROM g.setting
         LEFT JOIN statistics_return r ON r.grassroots_union_id = g.id AND r.period_kind = $4 AND r.year = $5
        ${missingOnly ? `WHERE r.status IS DISTINCT FROM 'ACCEPTED'` : ''}
        ORDER BY g.name, g.id`,
      [path, subtreeLike(path), periods, kind, year, today],
    );
    return rows;
  }

  /** The subtree's sum of accepted returns, one row per child unit (the unit itself when it is a CĐCS) and a total. */
  async consolidated(actor: Actor, unitId: string, kind: ReturnPeriodKind, year: number, today = this.calendar.today()): Promise<Consolidated> {
    return this.db.transaction('REPEATABLE READ', async (m) => this.consolidate(m, await this.unit(m, actor, unitId), kind, year, today));
  }

  async consolidate(m: EntityManager, u: ScopedUnit, kind: ReturnPeriodKind, year: number, today: string): Promise<Consolidated> {
    const sums = FIGURE_COLUMNS.map((c) => `sum(r.${c})::int AS "${c}"`).join(', ');
    // A nullable indicator (union groups) stays blank where no accepted return gives it.
    const pick = RETURN_INDICATORS.map((k) =>
      NULLABLE_INDICATORS.includes(k) ? `a."${columnOf(k)}" AS "${k}"` : `coalesce(a."${columnOf(k)}", 0) AS "${k}"`,
    ).join(', ');
    // Each CĐCS below the unit belongs to the child whose id is the first segment of its path after the unit's.
    const childOf = `CASE WHEN o.path = $1 THEN o.id::text ELSE split_part(substr(o.path, length($1) + 2), '.', 1) END`;
    const rows = await m.query(
      `WITH under AS (
         SELECT o.id, ${childOf} AS child FROM org_unit o
          WHERE o.kind = 'GRASSROOTS' AND o.dissolved_at IS NULL AND (o.path = $1 OR o.path LIKE $2)
       ), counted AS (SELECT child, count(*)::int AS n FROM under GROUP BY child),
       acc AS (
         SELECT u.child, count(*)::int AS accepted, ${sums}
           FROM statistics_return r JOIN under u ON u.id = r.grassroots_union_id
          WHERE r.period_kind = $3 AND r.year = $4 AND r.status = 'ACCEPTED'
          GROUP BY u.child
       )
       SELECT ch.id AS "unitId", ch.name, coalesce(c.n, 0) AS grassroots, coalesce(a.accepted, 0) AS accepted, ${pick}
         FROM org_unit ch LEFT JOIN counted c ON c.child = ch.id::text LEFT JOIN acc a ON a.child = ch.id::text
        WHERE ${u.kind === 'GRASSROOTS' ? 'ch.id = $5' : 'ch.parent_id = $5 AND ch.dissolved_at IS NULL'}
        ORDER BY ch.name, ch.id`,
      [u.path, subtreeLike(u.path), kind, year, u.id],
    );
    const out: ConsolidatedRow[] = rows.map((r: Record<string, unknown>) => ({
      unitId: r.unitId,
      name: r.name,
      grassroots: Number(r.grassroots),
      accepted: Number(r.accepted),
      figures: figuresOf(r),
    }));
    const total: ConsolidatedRow = { unitId: u.id, name: 'Tổng cộng', grassroots: 0, accepted: 0, figures: figuresOf({}) };
    for (const r of out) {
      total.grassroots += r.grassroots;
      total.accepted += r.accepted;
      for (const k of RETURN_INDICATORS) {
        const v = r.figures[k];
        if (v !== null) (total.figures as Record<ReturnIndicator, number | null>)[k] = (total.figures[k] ?? 0) + v;
      }
    }
    const missing = await this.states(m, u.path, kind, year, today, true);
    return { unitId: u.id, unitName: u.name, rows: out, total, missing };
  }
}
