import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ALL_STAGES, CaseStage, IsoDate, againstYearTarget, coverage, splitIntoYears } from '@app/domain';
import { OPEN_STAGES_SQL } from '../common/open-stages.sql';
import { coverageSql } from './coverage.sql';
import { SqlParams } from '../common/sql-params';
import { CaseFigureSource, caseFigureSource, casesNow } from './case-figure-source';
import { inRanges, inScopeOn, stableSubtreeUnits, subtreeUnits, subtreeUnitsOn, underOn } from './figure-conditions.sql';
import { FigurePeriod, Figures, GrassrootsFigures, OfficerCaseCount, OfficerFigures, OverdueCase, ScopeUnit, StageCount } from './figure-types';
import { grassrootsFiguresSql } from './grassroots-figures.sql';
import { inOneSnapshot } from './one-snapshot';
import { officerFiguresSql } from './officer-figures.sql';
import { viOrder } from '../common/vietnamese-order';

export * from './figure-types';

/** The cases of `unit`'s subtree as `source` places them (on its scope day). */
function caseScope(p: SqlParams, unit: ScopeUnit, source: CaseFigureSource): string {
  return inScopeOn(p, unit, p.add(source.scopeDay), source.frozenUnits);
}

/**
 * The figures of a unit's subtree for a period, as SQL aggregates. `pipeline` and the reports
 * both call these functions, so they cannot disagree. A member counts on its admission day,
 * a CĐCS on its recognition decision day (calendar days in Asia/Ho_Chi_Minh).
 * See docs/architecture.md#figures.
 */
@Injectable()
export class FiguresService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async figures(unit: ScopeUnit, period: FigurePeriod, today: IsoDate, m: EntityManager | DataSource = this.db): Promise<Figures> {
    const parts = this.summaryParts(unit, period, today);
    // In a transaction all queries share one connection, which runs them one at a time anyway
    // (and pg refuses concurrent queries on a client); from the pool they run side by side.
    const inTransaction = m instanceof EntityManager && !!m.queryRunner;
    const results: unknown[] = [];
    if (inTransaction) for (const part of parts) results.push(await part(m));
    else results.push(...(await Promise.all(parts.map((part) => part(m)))));
    return this.summaryOf(results);
  }

  /**
   * Everything a report shows (the summary, per officer, per CĐCS, the overdue list) as of one snapshot of
   * the database, its statements spread over `connections` connections that share that snapshot
   * (pg_export_snapshot): the sheets agree with each other, and the build takes the longest statement's
   * time rather than their sum.
   */
  async reportFigures(
    unit: ScopeUnit,
    period: FigurePeriod,
    today: IsoDate,
    onProgress: (done: number, of: number) => unknown = () => undefined,
    connections = 3,
    db: DataSource = this.db,
  ): Promise<{ summary: Figures; byOfficer: OfficerFigures[]; byGrassroots: GrassrootsFigures[]; overdueCaseList: OverdueCase[] }> {
    const summary = this.summaryParts(unit, period, today);
    // The slowest first, so that no connection is left with a long statement at the end; the rest of
    // byOfficer last, as it needs the officers' case counts (the tasks start in this order).
    let counts!: Promise<OfficerCaseCount[]>;
    const tasks: ((m: EntityManager) => Promise<unknown>)[] = [
      (m) => (counts = this.officerCaseCounts(m, unit, period, today)),
      (m) => this.byGrassroots(m, unit, period),
      (m) => this.overdueCasesOf(m, unit, period, today),
      ...summary,
      async (m) => this.byOfficer(m, unit, period, today, await counts),
    ];
    const results = await inOneSnapshot(db, tasks, connections, onProgress);
    return {
      summary: this.summaryOf(results.slice(3, 3 + summary.length)),
      byOfficer: results[tasks.length - 1] as OfficerFigures[],
      byGrassroots: results[1] as GrassrootsFigures[],
      overdueCaseList: results[2] as OverdueCase[],
    };
  }

  private summaryParts(unit: ScopeUnit, period: FigurePeriod, today: IsoDate) {
    const ytd = { start: `${period.start.slice(0, 4)}-01-01`, end: period.end };
    return [
      (m: EntityManager | DataSource) => this.target(m, unit.id, Number(period.start.slice(0, 4))),
      (m: EntityManager | DataSource) => this.newMembers(m, unit, period),
      (m: EntityManager | DataSource) => this.newGrassrootsUnions(m, unit, period),
      (m: EntityManager | DataSource) => this.coverageCounts(m, unit, period.end),
      (m: EntityManager | DataSource) => this.stages(m, unit, period, today),
      // From 1 January to the end: what the year's target is compared with (docs/architecture.md#honest-period-figures).
      ...(ytd.start === period.start
        ? []
        : [(m: EntityManager | DataSource) => this.newMembers(m, unit, ytd), (m: EntityManager | DataSource) => this.newGrassrootsUnions(m, unit, ytd)]),
    ];
  }

  /** The summary from summaryParts' results, in their order. */
  private summaryOf(results: unknown[]): Figures {
    const [target, newMembers, newUnions, cov, stages, ytdMembers = newMembers, ytdUnions = newUnions] = results as [
      Awaited<ReturnType<FiguresService['target']>>,
      number,
      number,
      { total: number; withUnion: number },
      StageCount[],
      number?,
      number?,
    ];
    return {
      newMembers: againstYearTarget(newMembers, ytdMembers, target?.new_members ?? null),
      newGrassrootsUnions: againstYearTarget(newUnions, ytdUnions, target?.new_grassroots_unions ?? null),
      coverage: coverage(
        cov.total,
        cov.withUnion,
        target?.coverage_percent === null || target?.coverage_percent === undefined ? null : Number(target.coverage_percent),
      ),
      stages,
    };
  }

  private async target(m: EntityManager | DataSource, unitId: string, year: number) {
    const [t] = await m.query(
      `SELECT new_members, new_grassroots_unions, coverage_percent FROM target WHERE year = $1 AND org_unit_id = $2 AND officer_id IS NULL`,
      [year, unitId],
    );
    return t as { new_members: number | null; new_grassroots_unions: number | null; coverage_percent: string | null } | undefined;
  }

  /**
   * New members of the period. `todaysTree`: every unit in the subtree today counted for the whole period, also for
   * days before a restructuring brought it in — the labelled "including units received during the year" figure.
   */
  async newMembers(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod, todaysTree = false): Promise<number> {
    const { years, months, days } = splitIntoYears(period.start, period.end);
    if (!years && !months.length && !days.length) return 0; // an empty period (end before start)
    const p = new SqlParams();
    // Units never moved: from the tallies by today's tree; units a restructuring moved: each admission where the
    // structure of its day put its CĐCS (docs/architecture.md#restructuring).
    const scope = todaysTree ? subtreeUnits(p, unit) : stableSubtreeUnits(p, unit);
    const parts: string[] = todaysTree
      ? []
      : [
          `(SELECT count(*) FROM member m WHERE m.grassroots_union_id IN (SELECT id FROM org_unit WHERE restructured)
          AND m.admitted_on BETWEEN ${p.add(period.start)}::date AND ${p.add(period.end)}::date AND m.transferred_from_id IS NULL
          AND ${underOn(p, unit, 'm.grassroots_union_id', 'm.admitted_on')})`,
        ];
    if (years) {
      // A member who came by a transfer is not a new member (docs/architecture.md#grassroots-unions).
      parts.push(`(SELECT coalesce(sum(my.admitted - my.transferred_in), 0) FROM member_year my
                    WHERE ${inRanges(p, 'my.year', [years])} AND my.grassroots_union_id IN ${scope})`);
    }
    if (months.length) {
      parts.push(
        `(SELECT coalesce(sum(mm.admitted - mm.transferred_in), 0) FROM member_month mm WHERE ${inRanges(p, 'mm.month', months)} AND mm.grassroots_union_id IN ${scope})`,
      );
    }
    if (days.length) {
      parts.push(
        `(SELECT count(*) FROM member m WHERE ${inRanges(p, 'm.admitted_on', days)} AND m.transferred_from_id IS NULL AND m.grassroots_union_id IN ${scope})`,
      );
    }
    const [r] = await m.query(`SELECT (${parts.join(' + ')})::int AS n`, p.values);
    return r.n;
  }

  async newGrassrootsUnions(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod, todaysTree = false): Promise<number> {
    const p = new SqlParams();
    if (todaysTree) {
      const [t] = await m.query(
        `SELECT count(*)::int AS n FROM founding_case c WHERE c.recognized_on BETWEEN ${p.add(period.start)} AND ${p.add(period.end)} AND c.org_unit_id IN ${subtreeUnits(p, unit)}`,
        p.values,
      );
      return t.n;
    }
    const [r] = await m.query(
      `SELECT count(*)::int AS n FROM founding_case c
        WHERE c.recognized_on BETWEEN ${p.add(period.start)} AND ${p.add(period.end)}
          AND (c.org_unit_id IN ${stableSubtreeUnits(p, unit)}
               OR c.org_unit_id IN (SELECT id FROM org_unit WHERE restructured) AND ${underOn(p, unit, 'c.org_unit_id', 'c.recognized_on')})`,
      p.values,
    );
    return r.n;
  }

  /**
   * Enterprises with ≥25 workers operating on `day` (not closed on or before it); a union at `day` per the
   * register, or per a recognition dated on or before it.
   * Counted as: the register's unions (enterprise_tally: a row per unit of the operating enterprises, kept by
   * triggers), corrected for the few enterprises with a recognition, where the recognition day decides
   * instead, and for the few closed after `day`, which still count on it.
   */
  async coverageCounts(m: EntityManager | DataSource, unit: ScopeUnit, day: IsoDate): Promise<{ total: number; withUnion: number }> {
    const p = new SqlParams();
    const at = p.add(day);
    const [r] = await m.query(coverageSql(at, subtreeUnitsOn(p, unit, at)), p.values);
    return { total: r.total, withUnion: r.with_union };
  }

  /**
   * The pipeline by stage at the period's end (or now, for a period not yet over): open cases by
   * stage with those past their due day, and the cases that became RECOGNIZED or CLOSED in the period.
   */
  async stages(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod, today: IsoDate): Promise<StageCount[]> {
    const source = await caseFigureSource(m, period, today);
    const p = new SqlParams();
    const rows: { stage: CaseStage; count: number; overdue: number }[] = await m.query(
      `SELECT c.stage, sum(c.cases)::int AS count, coalesce(sum(c.cases) FILTER (WHERE c.late), 0)::int AS overdue
         FROM (${source.counted(p, caseScope(p, unit, source), true)}) c
        WHERE c.stage IN ${OPEN_STAGES_SQL} OR c.entered_since GROUP BY c.stage`,
      p.values,
    );
    const byStage = new Map(rows.map((r) => [r.stage, r]));
    return ALL_STAGES.map((stage) => ({ stage, count: byStage.get(stage)?.count ?? 0, overdue: byStage.get(stage)?.overdue ?? 0 }));
  }

  /** Per assignee: cases, open ones and those past their due day (as of the period's end once it is over, like `stages`). */
  async officerCaseCounts(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod, today: IsoDate): Promise<OfficerCaseCount[]> {
    return this.caseCounts(m, unit, await caseFigureSource(m, period, today));
  }

  private caseCounts(m: EntityManager | DataSource, unit: ScopeUnit, source: CaseFigureSource): Promise<OfficerCaseCount[]> {
    const p = new SqlParams();
    return m.query(
      `SELECT c.assignee_id AS "assigneeId", sum(c.cases)::int AS cases, coalesce(sum(c.cases) FILTER (WHERE c.stage IN ${OPEN_STAGES_SQL}), 0)::int AS "openCases",
              coalesce(sum(c.cases) FILTER (WHERE c.late), 0)::int AS "overdueCases"
         FROM (${source.counted(p, caseScope(p, unit, source), false)}) c WHERE c.assignee_id IS NOT NULL GROUP BY c.assignee_id`,
      p.values,
    );
  }

  /**
   * Per officer: cases, open and overdue ones (officerCaseCounts, or `counts` when read already),
   * recognitions and members admitted in the period, and the officer's targets for the year.
   */
  async byOfficer(
    m: EntityManager | DataSource,
    unit: ScopeUnit,
    period: FigurePeriod,
    today: IsoDate,
    counts?: OfficerCaseCount[],
  ): Promise<OfficerFigures[]> {
    // Recognitions and members are credited, like the cases, to whom the source says held the case.
    const source = await caseFigureSource(m, period, today);
    counts ??= await this.caseCounts(m, unit, source);
    const p = new SqlParams();
    return m.query(officerFiguresSql(p, unit, period, source, counts), p.values);
  }

  /** Per CĐCS of the subtree: members admitted in the period and members at its end (grassrootsFiguresSql). */
  async byGrassroots(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod): Promise<GrassrootsFigures[]> {
    const p = new SqlParams();
    const sql = grassrootsFiguresSql(p, unit, period);
    return m.query(sql, p.values);
  }

  /**
   * The open cases past their due day for a report of `period`: as of the end of its last day once it
   * is over (stage and due day from its close or replayed from the history, as `stages` counts them),
   * else as of today.
   */
  async overdueCasesOf(m: EntityManager | DataSource, unit: ScopeUnit, period: FigurePeriod, today: IsoDate, limit = 5000): Promise<OverdueCase[]> {
    return this.lateCases(m, unit, await caseFigureSource(m, period, today), limit);
  }

  /** Open cases past their due day at `day` (now; for a report use `overdueCasesOf`, which replays a past period). */
  async overdueCases(m: EntityManager | DataSource, unit: ScopeUnit, day: IsoDate, limit = 5000): Promise<OverdueCase[]> {
    return this.lateCases(m, unit, casesNow(day), limit);
  }

  private lateCases(m: EntityManager | DataSource, unit: ScopeUnit, source: CaseFigureSource, limit: number): Promise<OverdueCase[]> {
    const p = new SqlParams();
    const late = source.late(p, caseScope(p, unit, source));
    // Thousands of cases may be late: only those up to the `limit`-th due day are joined to their
    // enterprise (for the name that orders equal due days) and assignee.
    const offset = Math.max(1, Math.floor(limit)) - 1;
    return m.query(
      `WITH late AS ${source.materializeLate ? 'MATERIALIZED' : 'NOT MATERIALIZED'} (${late}),
         cut AS (SELECT late.due_on FROM late ORDER BY late.due_on OFFSET ${offset} LIMIT 1),
         top AS MATERIALIZED (SELECT late.* FROM late WHERE late.due_on <= coalesce((SELECT cut.due_on FROM cut), 'infinity'::date))
       -- (by primary key: the planner cannot tell how few rows \`top\` keeps, and would hash every enterprise and case)
       SELECT top.id AS "caseId", e.name AS "enterpriseName", e.tax_code AS "taxCode", top.stage, to_char(top.due_on, 'YYYY-MM-DD') AS "stageDueOn",
              u.full_name AS "assigneeName", (${p.add(source.lateBefore)}::date - top.due_on) AS "daysLate"
         FROM top
         JOIN LATERAL (SELECT e.name, e.tax_code FROM enterprise e WHERE e.id = top.enterprise_id OFFSET 0) e ON true
         LEFT JOIN app_user u ON u.id = top.assignee_id
        ORDER BY top.due_on, ${viOrder('e.name')} LIMIT ${limit}`,
      p.values,
    );
  }
}
